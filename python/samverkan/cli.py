"""The samverkan command line: ``samverkan report``, ``rotation``, ``rules``, ``dot``."""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import sys
from collections.abc import Sequence

from . import Error, Ruleset, load, load_default, rules
from ._dates import to_date
from .report import report
from .rotation import COLUMNS, MAX_TERMS, rotation, validate_rotation


def _date(text: str) -> _dt.date:
    try:
        return to_date(text, "--on")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _terms(text: str) -> int:
    """A term count for --terms, refused before anything is loaded when out of range."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= n <= MAX_TERMS:
        raise argparse.ArgumentTypeError(f"{n} is not between 0 and {MAX_TERMS} (max_rotation_terms)")
    return n


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
    p = sub.add_parser(
        "rotation", help="the chair rotation years ahead, or the check of a schedule (--check)"
    )
    _add_ruleset_options(p)
    p.add_argument(
        "--terms",
        type=_terms,
        default=8,
        metavar="N",
        help=f"how many terms (default 8, at most {MAX_TERMS})",
    )
    p.add_argument("--format", choices=("table", "csv", "json", "markdown", "mermaid"), default="table")
    p.add_argument(
        "--check",
        default=None,
        metavar="FILE.csv",
        help="check a schedule (columns start, end, chair, vice_chair[, lgs_chair_side]) instead",
    )
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


def _rotation(args: argparse.Namespace, ruleset: Ruleset) -> int:
    if args.check is not None:
        with open(args.check, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        found = validate_rotation(ruleset, rows)
        for v in found:
            print(f"{v.severity}: {v.rule}: {v.message}")
        errors = sum(v.severity == "error" for v in found)
        warnings = len(found) - errors
        print(f"{len(rows)} terms checked against {ruleset.id}: {errors} error(s), {warnings} warning(s)")
        return 1 if errors else 0
    schedule = rotation(ruleset, terms=args.terms, start=args.on)
    rows = schedule.rows()
    for row in rows:
        for key in ("start", "end"):
            row[key] = row[key].isoformat()
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif args.format == "mermaid":
        first, last = rows[0]["start"][:4] if rows else "", rows[-1]["end"][:4] if rows else ""
        print("gantt")
        print(f"    title Chair rotation of the politiskt samråd, {first}–{last} ({ruleset.id})")
        print("    dateFormat YYYY-MM-DD")
        print("    axisFormat %Y")
        for office, key in (("Chair", "chair"), ("Vice chair", "vice_chair")):
            print(f"    section {office}")
            for row in rows:
                print(f"    {row[key]} : {row['start']}, {row['end']}")
    elif args.format == "markdown":
        print("| term | chair | vice chair | LGS chair side |")
        print("| --- | --- | --- | --- |")
        for row in rows:
            term = f"{row['start'][:4]}–{row['end'][:4]}"
            print(f"| {term} | {row['chair']} | {row['vice_chair']} | {row['lgs_chair_side'] or '-'} |")
    else:
        print(f"Chair rotation of {ruleset.id} (ROT-1 … ROT-6)")
        print(f"{'start':<11} {'end':<11} {'chair':<20} {'vice chair':<20} {'LGS chair side'}")
        for row in rows:
            print(
                f"{row['start']:<11} {row['end']:<11} {row['chair']:<20} {row['vice_chair']:<20} "
                f"{row['lgs_chair_side'] or '-'}"
            )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "rules":
            sys.stdout.write(_rules(args.format))
            return 0
        ruleset = _ruleset(args)
        if args.command == "rotation":
            return _rotation(args, ruleset)
        if args.command == "dot":
            sys.stdout.write(ruleset.structure.to_dot())
        else:
            on = args.on if args.on is not None or args.ruleset is not None else _dt.date.today()
            sys.stdout.write(report(ruleset, on))
        return 0
    except Error as exc:
        print(f"samverkan: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, TypeError) as exc:  # unreadable files, bad dates or cells in a schedule
        print(f"samverkan: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
