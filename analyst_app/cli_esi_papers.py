"""CLI commands of ESI highly cited and hot papers: ``analyst-app esi push-list``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from analyst_app.cli import EXIT_OK, institution_args, open_workspace_arg, workspace_arg


def register(commands: argparse._SubParsersAction, groups: dict[str, Any]) -> None:
    """Add ``esi push-list`` to the ``esi`` group."""
    push = groups["esi"].add_parser(
        "push-list", help="our new ESI highly cited and hot papers, with the authors to notify")
    workspace_arg(push)
    institution_args(push)
    push.add_argument("--kind", choices=("hcp", "hot", "both"), default="both",
                      help="highly cited papers, hot papers or both (default)")
    push.add_argument("--all", action="store_true", dest="all_papers",
                      help="list every paper of ours in the release, not only the new ones")
    push.add_argument("--schools", type=Path, metavar="FILE",
                      help="school mapping (.csv/.xlsx): fills the schools of each paper")
    push.add_argument("--format", choices=("table", "csv", "json"), default="table")
    push.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                      help="also write the list as an Excel workbook (list + parameters sheet)")
    push.set_defaults(handler=_cmd_push_list)


def _cmd_push_list(args: argparse.Namespace) -> int:
    from analyst_app.services.esi_papers import (PUSH_JSON_KEYS, export_push_list_xlsx,
                                                 push_list, push_records)
    school_of = None
    if args.schools is not None:  # read (and checked) before the workspace is touched
        from analyst_app.domain.school_mapping import load_school_mapping, match_school
        mapping = load_school_mapping(args.schools)
        school_of = lambda address: match_school(mapping, address)  # noqa: E731
    workspace = open_workspace_arg(args)
    try:
        report = push_list(workspace, args.institution, aliases=tuple(args.alias),
                           release=args.release, kind=args.kind, only_new=not args.all_papers,
                           school_of=school_of)
    finally:
        workspace.close()
    records = push_records(report.result)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=[k for k in PUSH_JSON_KEYS if k != "notify"],
                                extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "; ".join(v) if isinstance(v, list) else v
                          for k, v in r.items() if k != "notify"} for r in records)
    else:
        _print_table(report.result, records)
    if args.xlsx is not None:
        export_push_list_xlsx(report, args.xlsx)
        print(f"wrote {args.xlsx}", file=sys.stderr if args.format != "table" else sys.stdout)
    return EXIT_OK


def _print_table(result: Any, records: list[dict[str, Any]]) -> None:
    compared = ", ".join(f"{k} vs {v or '— (not comparable)'}" for k, v in result.previous.items())
    print(f"{result.params.institution} — ESI release {result.release or '(none)'}"
          + (f" ({compared})" if compared else ""))
    for note in result.notes:
        print(f"  note: {note}")
    header = ("kind", "new", "times cited", "UT / DOI", "field", "authors", "title")
    rows = [header] + [(
        r["kind"], {True: "new", False: "", None: "?"}[r["new"]],
        "—" if r["times_cited"] is None else f"{r['times_cited']:,}", r["ut"] or r["doi"] or "",
        r["field"] or "", "; ".join(r["authors"][:3]) + (" …" if len(r["authors"]) > 3 else ""),
        r["title"][:50] + ("…" if len(r["title"]) > 50 else "")) for r in records]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())
    print(f"{len(records)} paper(s)")
