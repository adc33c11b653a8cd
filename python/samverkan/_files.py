"""Reading the text files a user names (schedules, policy files), bounded: an oversized or endless file is
refused before it is read, and bytes that are not UTF-8 are a samverkan error naming the line."""

from __future__ import annotations

import os

from ._core import ArgumentError

MAX_TEXT_BYTES = 16 * 1024 * 1024
"""The largest text file read: far above any schedule or policy file, far below what could exhaust memory."""


def read_text(path: str | os.PathLike[str], what: str, limit: int = MAX_TEXT_BYTES) -> str:
    """The file's text. Raises ArgumentError when it cannot be read, holds more than ``limit`` bytes (a
    device or pipe is read no further than that) or is not UTF-8."""
    name = os.fsdecode(path)
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise ArgumentError(f"{what} {name}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ArgumentError(f"{what} {name}: larger than {limit // (1024 * 1024)} MiB; refused")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArgumentError(f"{what} {name}:{line}: not valid UTF-8; save the file as UTF-8") from None
