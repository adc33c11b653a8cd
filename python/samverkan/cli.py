"""The samverkan command line: ``samverkan report``, ``samverkan rules``, ``samverkan dot``."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Sequence

from . import Error, Ruleset, load, load_default, rules
from ._dates import to_date
from .report import report


def _date(text: str) -> _dt.date:
    try:
        return to_date(text, "--on")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _ruleset(args: argparse.Namespace) -> Ruleset:
    if args.ruleset is not None:
        return load(args.ruleset)
    return load_default(args.on)


def _add_ruleset_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--on",
        type=_date,
        default=None,
        metavar="DATE",
        help="the date whose rules to use (YYYY-MM-DD; default: today)",
    )
    p.add_argument(
        "--ruleset", default=None, metavar="FILE", help="a ruleset file instead of the embedded default"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samverkan", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "report", help="the ruleset in force, its structure, the samråd's composition, validation"
    )
    _add_ruleset_options(p)
    p = sub.add_parser("dot", help="the structure graph in Graphviz DOT")
    _add_ruleset_options(p)
    p = sub.add_parser("rules", help="the rule catalogue: every rule id with its statement and source")
    p.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


def _rules(fmt: str) -> str:
    lines: list[str] = []
    if fmt == "markdown":
        lines += ["| id | rule | statement | source |", "| --- | --- | --- | --- |"]
        lines += [f"| {r.id} | {r.title} | {r.statement} | {r.source} |" for r in rules()]
    else:
        for r in rules():
            lines += [f"{r.id}  {r.title}", f"    {r.statement}", f"    source: {r.source}"]
            if r.law:
                lines.append(f"    law: {r.law}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "rules":
            sys.stdout.write(_rules(args.format))
            return 0
        ruleset = _ruleset(args)
        if args.command == "dot":
            sys.stdout.write(ruleset.structure.to_dot())
        else:
            on = args.on if args.on is not None or args.ruleset is not None else _dt.date.today()
            sys.stdout.write(report(ruleset, on))
        return 0
    except Error as exc:
        print(f"samverkan: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # pragma: no cover - write errors on stdout
        print(f"samverkan: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
