"""The bad-input corpus (tests/bad_input/): malformed rulesets and bad API calls, each run in a child
process of its own, so that a crash or a hang is a failed case rather than a lost test run. Each must raise
the expected samverkan exception class, naming the key, line, rule id or value at fault."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from pathlib import Path
from typing import Any

import pytest
import yaml

import samverkan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "bad_input"
RULESETS = yaml.safe_load((CORPUS / "rulesets.yaml").read_text(encoding="utf-8"))["cases"]
CALLS = yaml.safe_load((CORPUS / "api_calls.yaml").read_text(encoding="utf-8"))["cases"]
BASE = (ROOT / "rulesets" / "goteborg-2026.yaml").read_bytes()
TIMEOUT = 120  # seconds; every case takes well under one, even in a Debug build with coverage


def run_isolated(target: Any, *args: Any) -> dict[str, Any]:
    """Runs target(*args) in a forked child; returns what the call raised (class names, message, attributes),
    or fails the test on a crash, a hang or a call that raised nothing."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, target, args))
    proc.start()
    child.close()
    ready = multiprocessing.connection.wait([parent], timeout=TIMEOUT)
    if not ready:
        proc.kill()
        proc.join()
        pytest.fail(f"hung: no answer within {TIMEOUT} s")
    try:
        result: dict[str, Any] = parent.recv()
    except EOFError:
        proc.join()
        pytest.fail(f"crashed: the child process ended with exit code {proc.exitcode}")
    proc.join()
    if "raised" not in result:
        pytest.fail(f"accepted: the call returned {result['returned']}")
    return result


def _child(conn: Any, target: Any, args: tuple[Any, ...]) -> None:
    try:
        value = target(*args)
        conn.send({"returned": repr(value)[:200]})
    except BaseException as exc:  # noqa: BLE001 - every kind is reported to the parent
        names = ("path", "line", "column", "key", "rule", "rules", "id")
        attrs = {a: getattr(exc, a, None) for a in names}
        plain = (str, int, list, type(None))
        conn.send(
            {
                "raised": [c.__name__ for c in type(exc).__mro__],
                "module": type(exc).__module__,
                "message": str(exc),
                "attrs": {k: v if isinstance(v, plain) else repr(v) for k, v in attrs.items()},
            }
        )
    finally:
        conn.close()


def ruleset_bytes(case: dict[str, Any]) -> bytes:
    if "text" in case:
        return str(case["text"]).encode()
    if "replace" in case:
        old, new = (s.encode() for s in case["replace"])
        assert old in BASE, f"{case['name']}: the edit's text is not in goteborg-2026.yaml"
        return BASE.replace(old, new, 1)
    lines = BASE.split(b"\n")
    kind = case["generate"]
    if kind == "oversized":
        return b"# " + b"x" * (10 * 1024 * 1024 + 16) + b"\n"
    if kind == "alias_bomb":  # "billion laughs": ten levels of ten aliases each
        out = [b'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for i in range(1, 10):
            out.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]".encode())
        return b"\n".join(out) + b"\n"
    if kind == "deep_nesting":
        return b"[" * 100_000 + b"]" * 100_000 + b"\n"
    if kind == "non_utf8":
        lines[5] = lines[5].replace(b"Samverkansplan", b"Samverkans\xffplan")
        return b"\n".join(lines)
    if kind == "cut_character":  # the two-byte "å" of line 6 cut after its first byte
        lines[5] = lines[5].replace("Vårdsamverkan".encode(), b"V" + "å".encode()[:1] + b"rd", 1)
        return b"\n".join(lines)
    raise AssertionError(f"unknown generator {kind}")


def load_file(path: str) -> Any:
    return samverkan.load(path)


def check(result: dict[str, Any], expect: dict[str, Any]) -> None:
    assert result["module"].split(".")[0] == "samverkan", result
    assert expect["class"] in result["raised"], result
    assert "Error" in result["raised"], "every refusal is a samverkan.Error"
    attrs = result["attrs"]
    for key in ("key", "rule", "line", "column"):
        if key in expect:
            assert attrs[key] == expect[key], (key, result)
    for piece in ([expect["message"]] if "message" in expect else []) + list(expect.get("names", [])):
        assert str(piece) in result["message"], (piece, result["message"])


def test_the_corpus_is_large_enough() -> None:
    assert len(RULESETS) >= 40 and len(CALLS) >= 40
    assert len({c["name"] for c in RULESETS}) == len(RULESETS)
    assert len({c["name"] for c in CALLS}) == len(CALLS)


@pytest.mark.parametrize("case", RULESETS, ids=[c["name"] for c in RULESETS])
def test_malformed_ruleset(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(ruleset_bytes(case))
    result = run_isolated(load_file, str(path))
    check(result, case["expect"])
    assert result["attrs"]["path"] == str(path), "the error names the file"


def _namespace() -> dict[str, Any]:
    import numpy as np

    rs = samverkan.load_default("2026-03-13")
    everyone = [s.id for s in rs.seats("politiskt_samrad")]
    return {
        "samverkan": samverkan,
        "np": np,
        "rs": rs,
        "rs16": samverkan.load_default("2020-06-01"),
        "everyone": everyone,
        "m": samverkan.Meeting(
            rs, date="2026-03-13", present=everyone, chair="goteborg/ord1", vice_chair="regionhalsan/ord"
        ),
    }


def call_in(code: str) -> Any:
    import samverkan.policytest  # noqa: F401 - reached as samverkan.policytest by some calls

    return eval(code, _namespace())  # noqa: S307 - the corpus is ours


@pytest.mark.parametrize("case", CALLS, ids=[c["name"] for c in CALLS])
def test_bad_call(case: dict[str, Any]) -> None:
    check(run_isolated(call_in, case["call"]), case["expect"])
