"""The samverkan command line: ``samverkan report``, ``rotation``, ``rules``, ``dot``, ``diff``, ``impact``,
``schema``, ``test``.

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

from . import Error, Ruleset, embedded_versions, load, load_default, rules
from ._dates import to_date
from ._files import read_text
from ._lang import DEFAULT, LANGS, check_lang, rule_statement, rule_title
from .changes import diff, load_changes, schema_fields, schema_markdown
from .report import report
from .rotation import COLUMNS, MAX_TERMS, rotation, schedule_rows, validate_rotation

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
        "impact.change": "# Ändring: {name}",
        "impact.base": "Gäller {base}{effective}.",
        "impact.effective": " från {day}",
        "impact.description": "Beskrivning: {text}",
        "impact.rationale": "Motivering: {text}",
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
        "impact.change": "# Change: {name}",
        "impact.base": "Applies to {base}{effective}.",
        "impact.effective": " from {day}",
        "impact.description": "Description: {text}",
        "impact.rationale": "Rationale: {text}",
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


def _percent(text: str) -> float:
    """A percentage for --fail-under, 0–100."""
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= n <= 100:
        raise argparse.ArgumentTypeError(f"{n:g} is not between 0 and 100")
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
    p = sub.add_parser("diff", help="every difference between two rulesets (embedded ids or files)")
    _add_lang_option(p, "lang")
    p.add_argument("a", metavar="A", help="an embedded ruleset id (goteborg-2016) or a ruleset file")
    p.add_argument("b", metavar="B", help="the same, for the other ruleset")
    p.add_argument("--format", choices=("text", "markdown", "csv", "json"), default="text")
    p = sub.add_parser(
        "impact",
        help="what a change file changes: its diff, the meetings and rotation terms it decides otherwise",
    )
    _add_lang_option(p, "lang")
    p.add_argument("change", metavar="CHANGE.yaml", help="a change file (samverkan_changes: 1)")
    p.add_argument(
        "--ruleset",
        default=None,
        metavar="ID|FILE",
        help="the ruleset to change (default: the file's base, else the embedded version in force on its "
        "effective date or --on)",
    )
    p.add_argument("--on", type=_date, default=None, metavar="DATE", help="the meeting day (YYYY-MM-DD)")
    p.add_argument(
        "--absent-up-to",
        type=_terms,
        default=6,
        metavar="K",
        help="scenarios: every pattern of up to K absent ordinary members, no ersättare present (default 6)",
    )
    p.add_argument("--terms", type=_terms, default=8, metavar="N", help="rotation terms compared (default 8)")
    p.add_argument(
        "--rows", type=_terms, default=10, metavar="N", help="differing scenarios shown (default 10)"
    )
    p = sub.add_parser("schema", help="the ruleset file's keys: type, default, range, rule (in English)")
    _add_lang_option(p, "lang")
    p.add_argument(
        "--section",
        default=None,
        metavar="KEY",
        help="only the keys under KEY (meeting, rotation, forums.*, …)",
    )
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p = sub.add_parser(
        "test",
        help="run policy files (*.policy.yaml): meetings, rotation look-ups and validations, with rulings",
    )
    _add_lang_option(p, "lang")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="policy files, or directories searched recursively"
    )
    p.add_argument("--junit-xml", default=None, metavar="FILE", help="also write the results as JUnit XML")
    p.add_argument(
        "--update-golden",
        action="store_true",
        help="write each file's rulings whole to <name>.golden.yaml beside it (later runs compare them)",
    )
    p.add_argument(
        "--coverage", action="store_true", help="how many cases exercised each rule id, and those none did"
    )
    p.add_argument(
        "--fail-under",
        type=_percent,
        default=None,
        metavar="N",
        help="fail when fewer than N %% of the rule ids with an engine are exercised",
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
        given = schedule_rows(read_text(args.check, "schedule"), str(args.check))
        found = validate_rotation(ruleset, given)
        for v in found:
            print(f"{text.get('severity.' + v.severity, v.severity)}: {v.rule}: {v.message}")
        errors = sum(v.severity == "error" for v in found)
        warnings = len(found) - errors
        print(text["checked"].format(n=len(given), ruleset=ruleset.id, errors=errors, warnings=warnings))
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


def _ruleset_arg(text: str) -> Ruleset:
    """An embedded ruleset by id, or a ruleset file."""
    for version in embedded_versions():
        if version.id == text:
            return version
    return load(text)


def _diff(args: argparse.Namespace, lang: str) -> int:
    d = diff(_ruleset_arg(args.a), _ruleset_arg(args.b))
    if args.format == "json":
        json.dump(d.rows(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(d.rows()[0]) if d else ["path"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(d.rows())
    elif args.format == "markdown":
        sys.stdout.write(d.to_markdown(lang))
    else:
        sys.stdout.write(d.to_text(lang))
    return 0


def _impact(args: argparse.Namespace, lang: str) -> int:
    from .impact import compare

    text = _TEXT[lang]
    change_set = load_changes(args.change)
    if args.ruleset is not None:
        base = _ruleset_arg(args.ruleset)
    elif change_set.base is not None:
        base = _ruleset_arg(change_set.base)
    else:
        base = load_default(change_set.effective or args.on or _dt.date.today())
    changed = base.with_changes(change_set)
    on = args.on or change_set.effective
    effective = text["impact.effective"].format(day=change_set.effective) if change_set.effective else ""
    out = [text["impact.change"].format(name=change_set.name), ""]
    out.append(text["impact.base"].format(base=base.id, effective=effective))
    for key in ("description", "rationale"):
        value = getattr(change_set, key)
        if value:
            out.append(text["impact." + key].format(text=value))
    out.append("")
    out.append(diff(base, changed).to_markdown(lang))
    comparison = compare(
        base,
        changed,
        absent_up_to=args.absent_up_to,
        substitutes_present=False,
        on=on,
        terms=args.terms,
        lang=lang,
    )
    report_text = comparison.to_markdown(lang=lang, rows=args.rows)
    out.append("#" + report_text.replace("\n#", "\n##"))
    sys.stdout.write("\n".join(out))
    return 0


def _schema(args: argparse.Namespace) -> int:
    fields = schema_fields()
    if args.section is not None:
        prefix = args.section + "."
        fields = [f for f in fields if f["path"] == args.section or f["path"].startswith(prefix)]
        if not fields:
            raise argparse.ArgumentTypeError(f"no keys under {args.section!r}")
    if args.format == "json":
        json.dump(fields, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    parents = [args.section] if args.section is not None else []
    for f in fields:
        if f["type"] in ("section", "keyed_list", "list"):
            parents.append(f["path"] + (".*" if f["type"] == "keyed_list" else ""))
    if args.section is None:
        parents.insert(0, "")
    parts = [f"### `{p or '(top)'}`\n\n{schema_markdown(p)}" for p in parents]
    sys.stdout.write("\n".join(parts))
    return 0


def _test(args: argparse.Namespace, lang: str) -> int:
    """Runs policy files: 0 when every case passes, 1 on a failure (or coverage under --fail-under)."""
    from . import policytest as pt

    files = pt.find_policy_files(args.paths)
    if not files:
        raise pt.PolicyFileError(", ".join(args.paths), None, None, "no policy files (*.policy.yaml) found")
    policies = [pt.load_policy_file(f) for f in files]  # every file is read before any case runs
    rulesets = pt.RulesetCache()
    results: list[pt.CaseResult] = []
    for pf in policies:
        file_results = pt.run_file(pf, lang, golden=not args.update_golden, rulesets=rulesets)
        if args.update_golden and any(r.record is not None for r in file_results):
            path = pt.write_golden(pf, file_results)
            print(pt.message(lang, "golden.written", path=path))
        results += file_results
    for r in results:
        if r.status != "passed":
            sys.stdout.write(r.report(lang))
    print(pt.summary(results, lang))
    failed = any(not r.ok for r in results)
    if args.coverage or args.fail_under is not None:
        cov = pt.coverage(results)
        print()
        sys.stdout.write(cov.to_text(lang, table=args.coverage))
        if args.fail_under is not None and cov.percent < args.fail_under:
            print(pt.message(lang, "fail_under", percent=cov.percent, limit=args.fail_under))
            failed = True
    if args.junit_xml is not None:
        with open(args.junit_xml, "w", encoding="utf-8") as f:
            f.write(pt.junit_xml(results, lang))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = check_lang(args.lang or args.global_lang or DEFAULT)
    try:
        if args.command == "rules":
            sys.stdout.write(_rules(args.format, lang))
            return 0
        if args.command == "diff":
            return _diff(args, lang)
        if args.command == "impact":
            return _impact(args, lang)
        if args.command == "schema":
            return _schema(args)
        if args.command == "test":
            return _test(args, lang)
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
    except (
        OSError,
        ValueError,
        TypeError,
        argparse.ArgumentTypeError,
    ) as exc:  # unreadable files, bad dates or cells in a schedule
        print(_TEXT[lang]["error"].format(message=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
