"""CLI command ``contribution``: school contribution (学院贡献度) per ESI field, and unmatched addresses."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

_HELP = """\
Contribution of each school (学院) of the institution to each ESI field: papers, cites and
highly cited papers (hcp) of the school in the field, and their shares of the institution's
totals in the field. Shares are fractions from 0 to 1 (0.25 = 25%), null when the
institution's total is 0. Full counting: a paper counts 1 for every school on it (shares of a
field may sum to more than 1). Fractional counting: a paper is split equally over its matched
schools; papers with no matched school form the row "未匹配 (unmatched)", so the shares of a
field sum to 1. JSON: a list with one object per school and field, keys school, field, papers,
cites, hcp, papers_share, cites_share, hcp_share."""


def register(commands: Any, groups: dict[str, Any]) -> None:
    """Add the ``contribution`` command to the top-level sub-parsers ``commands``."""
    from analyst_app.cli import workspace_arg
    parser = commands.add_parser(
        "contribution", help="school contribution (学院贡献度) per ESI field",
        description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    workspace_arg(parser)
    parser.add_argument("--institution", metavar="NAME",
                        help="the institution as its addresses name it, e.g. 'Dalian Univ "
                             "Technol' (default: the workspace institution and its aliases)")
    parser.add_argument("--alias", action="append", default=[], metavar="NAME",
                        help="another spelling in addresses, e.g. 大连理工大学 (repeatable)")
    parser.add_argument("--schools", required=True, type=Path, metavar="FILE",
                        help="address → school mapping, .csv or .xlsx with columns school and "
                             "pattern (see data/schools/README.md)")
    parser.add_argument("--counting", choices=("full", "fractional"), default="full",
                        help="counting method (default: full)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="output format (default: table); in json and csv the shares are "
                             "fractions 0–1")
    parser.add_argument("--years", metavar="FIRST-LAST",
                        help="publication years, inclusive, e.g. 2015-2025")
    parser.add_argument("--doc-type", action="append", default=[], metavar="TYPE",
                        help="document type to keep, e.g. Article (repeatable)")
    parser.add_argument("--unmatched", action="store_true",
                        help="print the institution's addresses no pattern matched, with their "
                             "paper counts, most frequent first (instead of the table)")
    parser.add_argument("--papers", nargs=2, metavar=("SCHOOL", "FIELD"),
                        help="print the papers of one school and field, with the school's "
                             "authors (instead of the table)")
    parser.set_defaults(handler=_cmd_contribution)
    _register_report(groups["report"], workspace_arg)


def _register_report(reports: Any, workspace_arg: Any) -> None:
    """Add ``report contribution`` (学院学科贡献度分析报告) to the ``report`` group."""
    parser = reports.add_parser(
        "contribution", help="school contribution report (学院学科贡献度分析报告) as Word",
        description="Word report of the contribution of each school to each ESI field "
                    "(tables per field, schools × fields heat map, unmatched addresses, "
                    "methods appendix) and, with --xlsx, its Excel twin with the papers "
                    "behind every number.")
    workspace_arg(parser)
    parser.add_argument("--institution", metavar="NAME",
                        help="the institution as its addresses name it (default: the "
                             "workspace institution and its aliases)")
    parser.add_argument("--alias", action="append", default=[], metavar="NAME",
                        help="another spelling in addresses (repeatable)")
    parser.add_argument("--schools", required=True, type=Path, metavar="FILE",
                        help="address → school mapping, .csv or .xlsx")
    parser.add_argument("--counting", choices=("full", "fractional"), default="fractional",
                        help="counting method of the report (default: fractional)")
    parser.add_argument("--both-countings", action="store_true",
                        help="print a table under each counting method for every field")
    parser.add_argument("--years", metavar="FIRST-LAST",
                        help="publication years, inclusive, e.g. 2015-2025")
    parser.add_argument("--display-name", metavar="NAME",
                        help="the institution's name as printed, e.g. 大连理工大学")
    parser.add_argument("--output", required=True, type=Path, metavar="FILE.docx")
    parser.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                        help="also write the Excel twin (tables, paper drill-down, provenance)")
    parser.set_defaults(handler=_cmd_report_contribution)


def _cmd_report_contribution(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.services.report_registry import ReportOptions, build_report
    options = ReportOptions(institution=args.institution, display_name=args.display_name,
                            extra={"schools": args.schools, "counting": args.counting,
                                   "years": args.years, "both_countings": args.both_countings,
                                   "aliases": list(args.alias)})
    workspace = open_workspace_arg(args)
    try:
        output = build_report("contribution", workspace, args.output, xlsx=args.xlsx,
                              options=options)
    finally:
        workspace.close()
    for path in (output.docx, *output.figures, output.xlsx):
        if path is not None:
            print(f"wrote {path}")
    return EXIT_OK


def _cmd_contribution(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.domain.school_mapping import load_school_mapping
    from analyst_app.services.contribution import contribution
    from analyst_app.services.corpus import CorpusFilter
    mapping = load_school_mapping(args.schools)  # a bad file stops here, before the workspace
    flt = CorpusFilter(years=_years(args.years), doc_types=tuple(args.doc_type))
    workspace = open_workspace_arg(args)
    try:
        report = contribution(workspace, args.institution, mapping, args.counting, flt,
                              aliases=tuple(args.alias))
    finally:
        workspace.close()
    if args.unmatched:
        _print_frame(report.unmatched, args.format, title=_title(report, "unmatched addresses"))
    elif args.papers:
        papers = report.cell_papers(*args.papers)
        _print_frame(papers, args.format, title=_title(report, " / ".join(args.papers)))
    elif args.format == "table":
        _print_table(report)
    else:
        _print_records(report.records(), args.format)
    return EXIT_OK


def _years(text: str | None) -> tuple[int, int] | None:
    from analyst_app.errors import InputError
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*", text)
    if not found:
        raise InputError(f"invalid --years {text!r}: expected FIRST-LAST, e.g. 2015-2025")
    first, last = int(found.group(1)), int(found.group(2) or found.group(1))
    return (min(first, last), max(first, last))


def _title(report: Any, what: str) -> str:
    return f"{report.parameters['institution']} — {what} ({report.parameters['counting']} counting)"


def _print_records(records: list[dict[str, Any]], fmt: str) -> None:
    from analysis.contribution import JSON_KEYS
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(JSON_KEYS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _print_frame(frame: Any, fmt: str, title: str) -> None:
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(title)
        print(frame.to_string(index=False) if not frame.empty else "(none)")


def _print_table(report: Any) -> None:
    params = report.parameters
    fractional = params["counting"] == "fractional"
    print(f"{params['institution']} — school contribution by ESI field "
          f"({params['counting']} counting; {params['corpus_filter']})")
    print(f"method: {report.method}")
    header = ("field", "school", "papers", "share", "cites", "share", "hcp", "share")
    rows = [header]
    number = "{:,.2f}".format if fractional else "{:,.0f}".format
    for r in report.records():
        rows.append((r["field"], r["school"], number(r["papers"]), _percent(r["papers_share"]),
                     number(r["cites"]), _percent(r["cites_share"]), number(r["hcp"]),
                     _percent(r["hcp_share"])))
    widths = [max(_width(str(row[i])) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(_pad(str(cell), w) for cell, w in zip(row, widths)).rstrip())
    if not report.unmatched.empty:
        addresses = report.school_addresses
        papers = addresses.loc[addresses["school"].isna(), "publication_id"].nunique()
        print(f"{len(report.unmatched)} distinct address(es) of the institution on {papers} "
              "paper(s) matched no school; list them with --unmatched")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
