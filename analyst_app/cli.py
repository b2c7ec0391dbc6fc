"""Command-line interface: the same jobs as the GUI, headless. Names and JSON keys are a public contract.

Exit codes: 0 ok, 2 bad input (a one-line message naming the file and line), 1 internal error.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import importlib.util
import json
import sys
import traceback
from pathlib import Path
from typing import Any, Callable, Sequence

from analyst_app import __version__
from analyst_app.errors import AnalystError, Cancelled, InputError, WorkspaceError

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
#: Modules that add command groups: each has ``register(commands, groups)``, where ``groups``
#: maps "esi" and "report" to those groups' sub-parsers. Kept in modules of their own so that
#: each analysis area owns its commands.
COMMAND_MODULES = (
    "analyst_app.cli_esi",            # esi history | potential
    "analyst_app.cli_esi_papers",     # esi push-list (highly cited and hot papers)
    "analyst_app.cli_contribution",   # contribution
    "analyst_app.cli_benchmark",      # benchmark
    "analyst_app.cli_network",        # network keywords | cocitation | coupling | coauthors
    "analyst_app.cli_trends",         # bursts, indicators
    "analyst_app.cli_reports_esi",    # report esi-push-notice
    "analyst_app.cli_report_panorama",  # report panorama
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except (InputError, WorkspaceError) as exc:
        print(f"analyst-app: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Cancelled:
        print("analyst-app: cancelled", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AnalystError as exc:
        print(f"analyst-app: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("analyst-app: interrupted", file=sys.stderr)
        return 130  # the shell convention for Ctrl-C
    except BrokenPipeError:
        # `analyst-app ... | head` closed the pipe: not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except Exception:  # an internal error: show the traceback so it can be reported
        traceback.print_exc()
        print("analyst-app: internal error (please report the message above)", file=sys.stderr)
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analyst-app",
        description="Subject Analyst Workbench (学科分析工作台): ESI monitoring and reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    imp = commands.add_parser("import", help="import export files into a workspace")
    imp.add_argument("files", nargs="+", metavar="FILE")
    workspace_arg(imp)
    imp.add_argument("--release", help="ESI release label of ESI lists, e.g. 2025-11")
    imp.add_argument("--json", action="store_true", help="print one JSON object per file")
    imp.set_defaults(handler=_cmd_import)

    esi = commands.add_parser("esi", help="ESI analyses").add_subparsers(metavar="ANALYSIS")
    status = esi.add_parser("status", help="ESI standing of an institution per field")
    workspace_arg(status)
    institution_args(status)
    status.add_argument("--format", choices=("table", "csv", "json"), default="table")
    status.set_defaults(handler=_cmd_esi_status)

    report = commands.add_parser("report", help="build reports").add_subparsers(metavar="REPORT")
    bulletin = report.add_parser("esi-bulletin", help="ESI bulletin (ESI 动态监测通报) as Word")
    workspace_arg(bulletin)
    institution_args(bulletin)
    bulletin.add_argument("--output", required=True, type=Path, metavar="FILE.docx")
    bulletin.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                          help="also write the tables as an Excel workbook")
    bulletin.add_argument("--display-name", metavar="NAME",
                          help="the institution's name as printed, e.g. 大连理工大学")
    bulletin.add_argument("--schools", type=Path, metavar="FILE",
                          help="school mapping (.csv/.xlsx): names the schools of new highly "
                               "cited and hot papers")
    bulletin.add_argument("--watch", type=float, default=0.8, metavar="P",
                          help="potential value from which a field is on the watch list "
                               "(default 0.8)")
    bulletin.set_defaults(handler=_cmd_report_bulletin)

    ws = commands.add_parser("workspace", help="workspace settings and import history")
    ws_cmds = ws.add_subparsers(metavar="ACTION")
    inst = ws_cmds.add_parser("set-institution", help="set the institution and its aliases")
    workspace_arg(inst)
    inst.add_argument("name")
    inst.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    inst.set_defaults(handler=_cmd_set_institution)
    hist = ws_cmds.add_parser("imports", help="list the import history")
    workspace_arg(hist)
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(handler=_cmd_imports)
    rm = ws_cmds.add_parser("remove-import", help="remove an import and everything it stored")
    workspace_arg(rm)
    rm.add_argument("batch_id", type=int)
    rm.set_defaults(handler=_cmd_remove_import)

    demo = commands.add_parser("demo", help="build the demo workspace and its reports")
    demo.add_argument("--output", type=Path, default=Path("output"), metavar="DIR")
    demo.set_defaults(handler=_cmd_demo)

    gui = commands.add_parser("gui", help="open the desktop application")
    gui.add_argument("workspace", nargs="?")
    gui.set_defaults(handler=_cmd_gui)
    groups = {"esi": esi, "report": report}
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:  # an area not built yet adds nothing
            importlib.import_module(name).register(commands, groups)
    return parser


def workspace_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", "-w", required=True, metavar="W",
                        help="workspace file (.sqlite) or database URL")


def institution_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--institution", metavar="NAME",
                        help="institution as ESI names it (default: the workspace setting)")
    parser.add_argument("--alias", action="append", default=[], metavar="NAME",
                        help="another name of the institution (repeatable)")
    parser.add_argument("--release", metavar="LABEL", help="ESI release (default: the latest)")
    parser.add_argument("--allow-unlisted", action="store_true",
                        help="accept an institution that no imported list names (else: an error "
                             "suggesting the closest names)")


def corpus_filter_args(parser: argparse.ArgumentParser, *, doc_types: bool = True,
                       query: bool = True, categories: bool = True) -> None:
    """Add the options that select publications: --years, --doc-type, --query, --category."""
    parser.add_argument("--years", metavar="FIRST-LAST",
                        help="publication years, inclusive, e.g. 2015-2025 (or one year)")
    if doc_types:
        parser.add_argument("--doc-type", action="append", default=[], metavar="TYPE",
                            help="document type, e.g. Article (repeatable; any of them)")
    if query:
        parser.add_argument("--query", metavar="TEXT",
                            help="words in title, keywords or abstract; terms joined by ' OR '")
    if categories:
        parser.add_argument("--category", action="append", default=[], metavar="WOS_CATEGORY",
                            help="WoS category (repeatable; any of them)")


def corpus_filter(args: argparse.Namespace):
    """Return the :class:`~analyst_app.services.corpus.CorpusFilter` of the filter options."""
    from analyst_app.services.corpus import CorpusFilter
    return CorpusFilter(years=parse_years(getattr(args, "years", None)),
                        doc_types=tuple(getattr(args, "doc_type", None) or ()),
                        query=getattr(args, "query", None),
                        categories=tuple(getattr(args, "category", None) or ()))


def parse_years(text: str | None) -> tuple[int, int] | None:
    """Return ``(first, last)`` from ``"2015-2025"`` or ``"2020"``; ``None`` for no text.

    Raises
    ------
    InputError
        For anything else, or a first year after the last.
    """
    if not text:
        return None
    parts = text.replace("–", "-").split("-")
    try:
        years = [int(p) for p in parts]
    except ValueError:
        years = []
    if len(years) not in (1, 2):
        raise InputError(f"invalid --years {text!r}: expected FIRST-LAST, e.g. 2015-2025")
    first, last = years[0], years[-1]
    if first > last:
        raise InputError(f"invalid --years {text!r}: the first year is after the last")
    return first, last


def open_workspace_arg(args: argparse.Namespace, *, create: bool = False):
    from analyst_app.db.workspace import open_workspace
    return open_workspace(args.workspace, create=create)


def _cmd_import(args: argparse.Namespace) -> int:
    from analyst_app.services.imports import import_files
    workspace = open_workspace_arg(args, create=True)
    try:
        reports = import_files(workspace, args.files, release=args.release,
                               progress=_stderr_progress(len(args.files) > 1 and not args.json))
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2))
    else:
        for report in reports:
            stream = sys.stderr if report.status == "rejected" else sys.stdout
            print(f"{report.status}: {report.message}", file=stream)
            for warning in report.warnings:
                print(f"  warning: {warning}", file=stream)
    return EXIT_BAD_INPUT if any(r.status == "rejected" for r in reports) else EXIT_OK


def _cmd_esi_status(args: argparse.Namespace) -> int:
    from analyst_app.services.esi import STATUS_JSON_KEYS, esi_status, status_records
    workspace = open_workspace_arg(args)
    try:
        report = esi_status(workspace, args.institution, aliases=tuple(args.alias),
                            release=args.release, allow_unlisted=args.allow_unlisted)
    finally:
        workspace.close()
    records = status_records(report.result)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]) if records else
                                list(STATUS_JSON_KEYS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_status_table(records, report.result.params.institution, report.result.release,
                            report.result.previous_release)
    return EXIT_OK


def _print_status_table(records: list[dict[str, Any]], institution: str, release: str,
                        previous: str | None) -> None:
    from analysis.esi import STATUS_LEVELS
    print(f"{institution} — ESI release {release}" + (f" (compared with {previous})" if previous else ""))
    header = ("field", "rank", "N", "percentile", "cites", "1% thr", "1‰ thr", "1‱ thr",
              "status", "change")
    rows = [header]
    for r in records:
        rows.append((
            r["field"], _or_dash(r["rank"]), str(r["institutions"]),
            f"{r['percentile']:.2%}" if r["percentile"] is not None else "—",
            _or_dash(r["cites"], "{:,}"), f"{r['threshold_1pct']:,}",
            f"{r['threshold_1permille']:,}", f"{r['threshold_1per10k']:,}",
            STATUS_LEVELS[r["status"]], _change(r)))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())


def _or_dash(value: Any, fmt: str = "{}") -> str:
    return "—" if value is None else fmt.format(value)


def _change(record: dict[str, Any]) -> str:
    if record.get("newly_listed") and record.get("previous_release"):
        return "new"
    change = record.get("rank_change")
    if change is None:
        return "—"
    return f"+{change}" if change > 0 else str(change)


def _cmd_report_bulletin(args: argparse.Namespace) -> int:
    from analyst_app.services.reports import build_esi_bulletin
    workspace = open_workspace_arg(args)
    try:
        output = build_esi_bulletin(workspace, args.institution, args.output, xlsx=args.xlsx,
                                    release=args.release, display_name=args.display_name,
                                    allow_unlisted=args.allow_unlisted, watch=args.watch,
                                    schools=args.schools)
    finally:
        workspace.close()
    for path in (output.docx, output.xlsx):
        if path is not None:
            print(f"wrote {path}")
    return EXIT_OK


def _cmd_set_institution(args: argparse.Namespace) -> int:
    workspace = open_workspace_arg(args, create=True)
    try:
        workspace.set_institution(args.name, args.alias)
    finally:
        workspace.close()
    print(f"institution: {args.name}" + (f" (aliases: {'; '.join(args.alias)})" if args.alias else ""))
    return EXIT_OK


def _cmd_imports(args: argparse.Namespace) -> int:
    from analyst_app.db.queries import import_batches_frame
    workspace = open_workspace_arg(args)
    try:
        with workspace.session() as session:
            frame = import_batches_frame(session)
    finally:
        workspace.close()
    if args.json:
        print(frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=2))
    else:
        for row in frame.itertuples():
            print(f"#{row.id}  {row.imported_at:%Y-%m-%d %H:%M}  {row.format}  "
                  f"{row.release or ''}  {row.rows_stored} rows  {row.file_name}")
    return EXIT_OK


def _cmd_remove_import(args: argparse.Namespace) -> int:
    from analyst_app.services.imports import remove_import
    workspace = open_workspace_arg(args)
    try:
        name = remove_import(workspace, args.batch_id)
    finally:
        workspace.close()
    print(f"removed import #{args.batch_id} ({name})")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from analyst_app.services.demo import build_demo
    result = build_demo(args.output, progress=_stderr_progress(True))
    print(f"demo workspace: {result.workspace}")
    for path in result.reports:
        print(f"wrote {path}")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    try:
        from ui.app import run_gui  # imported lazily: the core never needs Qt
    except ImportError as exc:
        raise AnalystError(f"the GUI cannot start: {exc}") from exc
    return run_gui(args.workspace)


def _stderr_progress(enabled: bool) -> Callable[[float, str], None]:
    last = [-1]

    def report(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if enabled and sys.stderr.isatty() and percent != last[0]:
            last[0] = percent
            print(f"\r{percent:3d}% {message[:60]:<60}", end="", file=sys.stderr, flush=True)
            if percent >= 100:
                print(file=sys.stderr)

    return report


if __name__ == "__main__":
    raise SystemExit(main())
