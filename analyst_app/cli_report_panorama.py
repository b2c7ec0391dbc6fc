"""CLI command ``report panorama``: the discipline panorama report (学科全景分析报告) as Word and Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any, groups: dict[str, Any]) -> None:
    """Add ``report panorama`` to the ``report`` group."""
    from analyst_app.cli import corpus_filter_args, workspace_arg
    parser = groups["report"].add_parser(
        "panorama", help="discipline panorama report (学科全景分析报告) as Word")
    workspace_arg(parser)
    parser.add_argument("--title", required=True, metavar="NAME",
                        help="the field or topic as printed, e.g. 碳捕集")
    corpus_filter_args(parser)
    parser.add_argument("--cross-query", metavar="TEXT",
                        help="words of a second field (e.g. 'machine learning OR deep learning'): "
                             "adds the cross-discipline section")
    parser.add_argument("--cross-title", metavar="NAME",
                        help="the second field as printed (default: the cross query)")
    parser.add_argument("--institution", metavar="NAME",
                        help="our institution as addresses name it (default: the workspace setting)")
    parser.add_argument("--alias", action="append", default=[], metavar="NAME",
                        help="another name of our institution (repeatable)")
    parser.add_argument("--display-name", metavar="NAME",
                        help="our institution's name as printed, e.g. 大连理工大学")
    parser.add_argument("--min-occurrences", type=int, metavar="N",
                        help="publications a keyword needs to enter the map (default 5)")
    parser.add_argument("--top", type=int, metavar="N",
                        help="keep the N keywords with the largest total link strength")
    parser.add_argument("--resolution", type=float, default=1.0, metavar="R",
                        help="Leiden resolution (default 1.0)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="random seed of clustering and layout (default 0)")
    parser.add_argument("--keywords", choices=("author", "plus", "both"), default="author",
                        help="keyword source of the map (default: author); bursts use both")
    parser.add_argument("--thesaurus", type=Path, metavar="FILE",
                        help="VOSviewer thesaurus file (label<TAB>replace by)")
    parser.add_argument("--output", required=True, type=Path, metavar="FILE.docx")
    parser.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                        help="also write the tables as an Excel workbook")
    parser.set_defaults(handler=_cmd_panorama)


def _cmd_panorama(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, _stderr_progress, corpus_filter, open_workspace_arg
    from analyst_app.services.report_registry import ReportOptions, build_report
    flt = corpus_filter(args)
    extra: dict[str, Any] = {
        "title": args.title, "filter": flt, "min_occurrences": args.min_occurrences,
        "top": args.top, "resolution": args.resolution, "seed": args.seed,
        "keywords": args.keywords, "aliases": list(args.alias),
        "thesaurus": str(args.thesaurus) if args.thesaurus else None,
    }
    if args.cross_query:
        # B shares the report's years, so the intersection covers the same period.
        from analyst_app.services.corpus import CorpusFilter
        extra["cross"] = {"b": CorpusFilter(years=flt.years, query=args.cross_query),
                          "label": args.cross_title or args.cross_query}
    options = ReportOptions(institution=args.institution, display_name=args.display_name,
                            extra=extra)
    workspace = open_workspace_arg(args)
    try:
        output = build_report("panorama", workspace, args.output, xlsx=args.xlsx,
                              options=options, progress=_stderr_progress(True))
    finally:
        workspace.close()
    for path in (output.docx, output.xlsx):
        if path is not None:
            print(f"wrote {path}")
    return EXIT_OK
