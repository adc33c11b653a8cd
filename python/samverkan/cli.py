"""The samverkan command line: ``samverkan report``, ``rotation``, ``rules``, ``dot``.

Output is Swedish; ``--lang en`` gives English. CSV and JSON keep their column names and keys in both.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import re
import sys
from collections.abc import Sequence

from . import Error, Ruleset, load, load_default, rules
from ._dates import to_date
from ._lang import DEFAULT, LANGS, check_lang, rule_statement, rule_title
from .report import report
from .rotation import COLUMNS, MAX_TERMS, rotation, validate_rotation

_TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "error": "samverkan: fel: {message}",
        "severity.error": "fel",
        "severity.warning": "varning",
        "checked": "{n} perioder kontrollerade mot {ruleset}: {errors} fel, {warnings} varning(ar)",
        "mermaid_title": "Ordföranderotation i politiska samrådet, {first}–{last} ({ruleset})",
        "chair": "Ordförande",
        "vice_chair": "Vice ordförande",
        "markdown_header": "| period | ordförande | vice ordförande | LGS-ordförande från |",
        "table_title": "Ordföranderotation i {ruleset} (ROT-1 … ROT-6)",
        "col.start": "start",
        "col.end": "slut",
        "col.chair": "ordförande",
        "col.vice_chair": "vice ordförande",
        "col.lgs_chair_side": "LGS-ordförande från",
        "side.municipal": "kommunerna",
        "side.region": "regionen",
        "rules_header": "| id | regel | lydelse | källa |",
        "source": "    källa: {source}",
        "law": "    lag: {law}",
        "level.political": "politisk",
        "level.strategic": "strategisk",
        "level.operational": "operativ",
        "level.support": "stöd",
        "edge.prepares_for": "bereder",
        "edge.reports_to": "rapporterar till",
        "edge.appoints": "utser",
        "edge.supports": "stödjer",
        "edge.adopts": "fastställer",
        "edge.represented_in": "representerad i",
    },
    "en": {
        "error": "samverkan: error: {message}",
        "severity.error": "error",
        "severity.warning": "warning",
        "checked": "{n} terms checked against {ruleset}: {errors} error(s), {warnings} warning(s)",
        "mermaid_title": "Chair rotation of the politiskt samråd, {first}–{last} ({ruleset})",
        "chair": "Chair",
        "vice_chair": "Vice chair",
        "markdown_header": "| term | chair | vice chair | LGS chair side |",
        "table_title": "Chair rotation of {ruleset} (ROT-1 … ROT-6)",
        "col.start": "start",
        "col.end": "end",
        "col.chair": "chair",
        "col.vice_chair": "vice chair",
        "col.lgs_chair_side": "LGS chair side",
        "side.municipal": "municipal",
        "side.region": "region",
        "rules_header": "| id | rule | statement | source |",
        "source": "    source: {source}",
        "law": "    law: {law}",
    },
}

# The DOT labels the core writes: a forum's level on the line below its name, an edge's type before
# its rule id. A language without a word for one keeps the identifier.
_DOT_LEVEL = re.compile(r'\n\((political|strategic|operational|support)\)", id=')
_DOT_EDGE = re.compile(r'\[label="(prepares_for|reports_to|appoints|supports|adopts|represented_in) ')


def _dot(dot: str, lang: str) -> str:
    words = _TEXT[lang]
    dot = _DOT_LEVEL.sub(lambda m: f'\n({words.get("level." + m[1], m[1])})", id=', dot)
    return _DOT_EDGE.sub(lambda m: f'[label="{words.get("edge." + m[1], m[1])} ', dot)


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


def _add_lang_option(p: argparse.ArgumentParser, dest: str) -> None:
    p.add_argument(
        "--lang",
        dest=dest,
        choices=LANGS,
        default=None,
        help=f"the language of the output (default {DEFAULT}; csv and json are the same in both)",
    )


def _add_ruleset_options(p: argparse.ArgumentParser) -> None:
    _add_lang_option(p, "lang")
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
    # Before or after the subcommand; the subcommand's wins.
    _add_lang_option(parser, "global_lang")
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
    _add_lang_option(p, "lang")
    p.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


def _rules(fmt: str, lang: str) -> str:
    text = _TEXT[lang]
    lines: list[str] = []
    if fmt == "markdown":
        lines += [text["rules_header"], "| --- | --- | --- | --- |"]
        lines += [
            f"| {r.id} | {rule_title(r, lang)} | {rule_statement(r, lang)} | {r.source} |" for r in rules()
        ]
    else:
        for r in rules():
            lines += [f"{r.id}  {rule_title(r, lang)}", f"    {rule_statement(r, lang)}"]
            lines.append(text["source"].format(source=r.source))
            if r.law:
                lines.append(text["law"].format(law=r.law))
    return "\n".join(lines) + "\n"


def _rotation(args: argparse.Namespace, ruleset: Ruleset, lang: str) -> int:
    text = _TEXT[lang]
    if args.check is not None:
        with open(args.check, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        found = validate_rotation(ruleset, rows)
        for v in found:
            print(f"{text.get('severity.' + v.severity, v.severity)}: {v.rule}: {v.message}")
        errors = sum(v.severity == "error" for v in found)
        warnings = len(found) - errors
        print(text["checked"].format(n=len(rows), ruleset=ruleset.id, errors=errors, warnings=warnings))
        return 1 if errors else 0
    schedule = rotation(ruleset, terms=args.terms, start=args.on)
    rows = schedule.rows()
    for row in rows:
        for key in ("start", "end"):
            row[key] = row[key].isoformat()
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return 0

    def side(row: dict[str, str | None]) -> str:
        value = row["lgs_chair_side"]
        return text["side." + value] if value else "-"

    if args.format == "mermaid":
        first, last = rows[0]["start"][:4] if rows else "", rows[-1]["end"][:4] if rows else ""
        print("gantt")
        print("    title " + text["mermaid_title"].format(first=first, last=last, ruleset=ruleset.id))
        print("    dateFormat YYYY-MM-DD")
        print("    axisFormat %Y")
        for key in ("chair", "vice_chair"):
            print(f"    section {text[key]}")
            for row in rows:
                print(f"    {row[key]} : {row['start']}, {row['end']}")
    elif args.format == "markdown":
        print(text["markdown_header"])
        print("| --- | --- | --- | --- |")
        for row in rows:
            term = f"{row['start'][:4]}–{row['end'][:4]}"
            print(f"| {term} | {row['chair']} | {row['vice_chair']} | {side(row)} |")
    else:
        col = {key: text["col." + key] for key in ("start", "end", "chair", "vice_chair", "lgs_chair_side")}
        print(text["table_title"].format(ruleset=ruleset.id))
        print(
            f"{col['start']:<11} {col['end']:<11} {col['chair']:<20} {col['vice_chair']:<20} "
            f"{col['lgs_chair_side']}"
        )
        for row in rows:
            print(
                f"{row['start']:<11} {row['end']:<11} {row['chair']:<20} {row['vice_chair']:<20} {side(row)}"
            )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = check_lang(args.lang or args.global_lang or DEFAULT)
    try:
        if args.command == "rules":
            sys.stdout.write(_rules(args.format, lang))
            return 0
        ruleset = _ruleset(args)
        if args.command == "rotation":
            return _rotation(args, ruleset, lang)
        if args.command == "dot":
            sys.stdout.write(_dot(ruleset.structure.to_dot(), lang))
        else:
            on = args.on if args.on is not None or args.ruleset is not None else _dt.date.today()
            sys.stdout.write(report(ruleset, on, lang))
        return 0
    except Error as exc:
        print(_TEXT[lang]["error"].format(message=exc), file=sys.stderr)
        return 2
    except (OSError, ValueError, TypeError) as exc:  # unreadable files, bad dates or cells in a schedule
        print(_TEXT[lang]["error"].format(message=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
