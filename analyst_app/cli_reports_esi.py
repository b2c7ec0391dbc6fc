"""CLI commands of the ESI reports beyond the bulletin: ``analyst-app report esi-push-notice``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: argparse._SubParsersAction, groups: dict[str, Any]) -> None:
    """Add ``report esi-push-notice`` to the ``report`` group."""
    from analyst_app.cli import workspace_arg

    notice = groups["report"].add_parser(
        "esi-push-notice",
        help="notices of new ESI highly cited and hot papers, one per school (Word)")
    workspace_arg(notice)
    notice.add_argument("--institution", metavar="NAME",
                        help="institution as ESI names it (default: the workspace setting)")
    notice.add_argument("--alias", action="append", default=[], metavar="NAME",
                        help="another name of the institution (repeatable)")
    notice.add_argument("--release", metavar="LABEL",
                        help="ESI release (default: the latest with a paper list)")
    notice.add_argument("--schools", required=True, type=Path, metavar="FILE",
                        help="school mapping (CSV or XLSX: school, pattern[, priority])")
    notice.add_argument("--output", required=True, type=Path, metavar="FILE.docx")
    notice.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                        help="also write the full list as an Excel workbook")
    notice.add_argument("--display-name", metavar="NAME",
                        help="the institution's name as printed, e.g. 大连理工大学")
    notice.add_argument("--kind", choices=("hcp", "hot", "both"), default="both",
                        help="highly cited papers, hot papers or both (default)")
    notice.add_argument("--all", action="store_true", dest="all_papers",
                        help="every paper of ours in the release, not only the new ones")
    notice.set_defaults(handler=_cmd_push_notice)


def _cmd_push_notice(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.services.report_push_notice import build_push_notice

    workspace = open_workspace_arg(args)
    try:
        output = build_push_notice(workspace, args.institution, args.output, schools=args.schools,
                                   aliases=tuple(args.alias),
                                   xlsx=args.xlsx, release=args.release,
                                   display_name=args.display_name, kind=args.kind,
                                   only_new=not args.all_papers)
    finally:
        workspace.close()
    notices = output.context["notices"]
    print(f"{len(notices)} notice(s): " + ", ".join(
        f"{n['school']} ({n['count']})" for n in notices))
    for path in (output.docx, output.xlsx):
        if path is not None:
            print(f"wrote {path}")
    return EXIT_OK
