"""``analyst-app benchmark``: the institution against its peers; ``benchmark groups``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from analyst_app.errors import InputError


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    """Add the ``benchmark`` command (and its ``groups`` sub-command) to the CLI."""
    from analyst_app.cli import institution_args, workspace_arg
    bench = commands.add_parser(
        "benchmark", help="compare the institution with its peers (学科竞争力对标)",
        description="ESI rank, percentile and cites per field and release, and indicators of "
                    "the imported publications per field and year, for the institution and "
                    "its peers.")
    # Not required here: `benchmark groups --workspace W` gives it to the sub-command.
    bench.add_argument("--workspace", "-w", metavar="W",
                       help="workspace file (.sqlite) or database URL")
    institution_args(bench)
    bench.add_argument("--peers", default="", metavar="NAME;NAME",
                       help="peers separated by ';' (ESI names, Chinese names or WoS spellings)")
    bench.add_argument("--group", metavar="ID",
                       help="a peer group, e.g. C9 (see: benchmark groups)")
    bench.add_argument("--field", action="append", default=[], metavar="F",
                       help="ESI field to report (repeatable; default: all)")
    bench.add_argument("--min-papers", type=int, metavar="N",
                       help="flag cells with fewer papers (default: the workspace setting, 30)")
    bench.add_argument("--years", metavar="FROM-TO", help="publication years, e.g. 2020-2024")
    bench.add_argument("--doc-type", action="append", default=[], metavar="TYPE",
                       help="document type of the publications read (repeatable: Article)")
    bench.add_argument("--greater-china-as-one", action="store_true",
                       help="count Hong Kong, Macau and Taiwan as China Mainland for the "
                            "international collaboration share")
    bench.add_argument("--format", choices=("table", "csv", "json"), default="table")
    bench.set_defaults(handler=_cmd_benchmark)
    sub = bench.add_subparsers(metavar="ACTION")
    listing = sub.add_parser("groups", help="list the peer groups of the workspace")
    workspace_arg(listing)
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_cmd_groups)
    _register_report(groups["report"])


def _register_report(reports: argparse._SubParsersAction) -> None:
    """Add ``report benchmark``: the benchmarking report (学科竞争力对标分析报告) as Word."""
    from analyst_app.cli import institution_args, workspace_arg
    parser = reports.add_parser("benchmark", help="benchmarking report (学科竞争力对标分析报告) "
                                                  "as Word")
    workspace_arg(parser)
    institution_args(parser)
    parser.add_argument("--peers", default="", metavar="NAME;NAME",
                        help="peers separated by ';' (ESI names, Chinese names or WoS spellings)")
    parser.add_argument("--group", metavar="ID", help="a peer group, e.g. C9")
    parser.add_argument("--field", action="append", default=[], metavar="F",
                        help="ESI field to report (repeatable; default: all)")
    parser.add_argument("--min-papers", type=int, metavar="N",
                        help="flag cells with fewer papers (default: the workspace setting, 30)")
    parser.add_argument("--years", metavar="FROM-TO", help="publication years, e.g. 2020-2024")
    parser.add_argument("--display-name", metavar="NAME",
                        help="the institution's name as printed, e.g. 大连理工大学")
    parser.add_argument("--output", required=True, type=Path, metavar="FILE.docx")
    parser.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                        help="also write the tables as an Excel workbook")
    parser.set_defaults(handler=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.services.report_registry import ReportOptions, build_report
    extra = {"peers": _split([args.peers]), "group": args.group, "fields": _split(args.field),
             "min_papers": args.min_papers, "years": args.years, "aliases": list(args.alias)}
    options = ReportOptions(institution=args.institution, display_name=args.display_name,
                            release=args.release, extra=extra)
    workspace = open_workspace_arg(args)
    try:
        output = build_report("benchmark", workspace, args.output, xlsx=args.xlsx,
                              options=options)
    finally:
        workspace.close()
    for path in (output.docx, output.xlsx, *output.figures):
        if path is not None:
            print(f"wrote {path}")
    return EXIT_OK


def _cmd_benchmark(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.services.benchmark import BenchmarkOptions, benchmark, benchmark_json
    if not args.workspace:
        raise InputError("the workspace is required: --workspace W")
    options = BenchmarkOptions(release=args.release, fields=tuple(_split(args.field)),
                               min_papers=args.min_papers,
                               greater_china_as_one=args.greater_china_as_one,
                               allow_unlisted=args.allow_unlisted)
    workspace = open_workspace_arg(args)
    try:
        report = benchmark(workspace, args.institution, _split([args.peers]), _filter(args),
                           options, group=args.group, aliases=tuple(args.alias))
    finally:
        workspace.close()
    data = benchmark_json(report)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _print_csv(data)
    else:
        _print_tables(data)
    return EXIT_OK


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(";") if part.strip()]


def _filter(args: argparse.Namespace):
    from analyst_app.services.corpus import CorpusFilter
    years = None
    if args.years:
        first, _, last = args.years.partition("-")
        try:
            years = (int(first), int(last or first))
        except ValueError:
            raise InputError(f"invalid --years {args.years!r}: expected FROM-TO, e.g. 2020-2024")
        if years[0] > years[1]:
            raise InputError(f"invalid --years {args.years!r}: the first year is after the last")
    return CorpusFilter(years=years, doc_types=tuple(args.doc_type))


def _print_csv(data: dict[str, Any]) -> None:
    # One table for spreadsheets: the ESI rows, then the per-year publication rows, told
    # apart by the first column.
    esi, wos = data["esi"], data["wos"]
    keys = ["source"] + list(dict.fromkeys(
        [*(esi[0] if esi else {}), *(wos[0] if wos else {})]))
    writer = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows({"source": "esi", **row} for row in esi)
    writer.writerows({"source": "wos", **row} for row in wos)


def _print_tables(data: dict[str, Any]) -> None:
    names = data["display_names"]
    label = lambda name: f"{names.get(name) or name}"  # noqa: E731 - a local formatter
    print(f"{label(data['institution'])} vs {len(data['peers'])} peers"
          + (f" ({data['group']})" if data.get("group") else "")
          + f" — ESI release {data['release'] or 'none'}")
    _table(("field", "institution", "rank", "N", "percentile", "cites", "cites/paper", "top"),
           [(r["field"], label(r["institution"]), _num(r["rank"]), _num(r["institutions"]),
             _pct(r["percentile"]), _num(r["cites"], "{:,}"), _num(r["cites_per_paper"], "{:.2f}"),
             _num(r["top_papers"])) if r["listed"] else
            (r["field"], label(r["institution"]), "not listed", _num(r["institutions"]),
             "", "", "", "") for r in data["esi"]])
    print("\nPublications (all selected years; per-year rows: --format json or csv)")
    _table(("field", "institution", "papers", "cites", "cites/paper", "top10%", "top1%",
            "intl%", "h", ""),
           [(r["field"], label(r["institution"]), str(r["papers"]), f"{r['cites']:,}",
             f"{r['cites_per_paper']:.2f}", _pct(r["top10_share"]), _pct(r["top1_share"]),
             _pct(r["international_share"]), str(r["h_index"]),
             "small sample" if r["small_sample"] else "") for r in data["wos_totals"]])
    for warning in data["warnings"]:
        print(f"warning: {warning}")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        print("(no rows)")
        return
    rows = [header, *rows]
    widths = [max(_width(str(row[i])) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(row, widths)).rstrip())


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _num(value: Any, fmt: str = "{}") -> str:
    return "—" if value is None else fmt.format(value)


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value:.1%}"


def _cmd_groups(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.domain.peer_groups import groups_to_json
    from analyst_app.services.benchmark import load_peer_groups
    workspace = open_workspace_arg(args)
    try:
        groups = load_peer_groups(workspace)
    finally:
        workspace.close()
    if args.format == "json":
        print(json.dumps(groups_to_json(groups)["groups"], ensure_ascii=False, indent=2))
        return EXIT_OK
    for group in groups:
        print(f"{group.id}  {group.name}  {group.name_zh}  ({len(group.members)} members)")
        for member in group.members:
            print(f"    {member.esi_name}  {member.name_zh}  [{'; '.join(member.wos_names)}]")
    return EXIT_OK
