"""CLI commands ``network keywords | cocitation | coupling | coauthors``: science maps to files."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from analyst_app.errors import InputError

_HELP = {
    "keywords": "keyword co-occurrence map",
    "cocitation": "co-citation map of cited references",
    "coupling": "bibliographic coupling map of publications",
    "coauthors": "co-authorship map of authors, institutions or countries",
}
#: Clusters listed in the JSON output and the summary.
TOP_CLUSTERS = 10


def register(commands: Any, groups: dict[str, Any]) -> None:
    """Add the ``network`` command group to the CLI."""
    network = commands.add_parser("network", help="science maps (VOSviewer, GraphML, GEXF)")
    kinds = network.add_subparsers(metavar="KIND")
    for kind, text in _HELP.items():
        parser = kinds.add_parser(kind, help=text)
        _arguments(parser, kind)
        parser.set_defaults(handler=_cmd_network, kind=kind)


def _arguments(parser: argparse.ArgumentParser, kind: str) -> None:
    from analyst_app.cli import corpus_filter_args, workspace_arg
    workspace_arg(parser)
    parser.add_argument("--min-occurrences", type=int, metavar="N",
                        help="publications a node needs (default: 5; co-citation 20)")
    parser.add_argument("--top", type=int, metavar="N",
                        help="keep the N nodes with the largest total link strength")
    parser.add_argument("--resolution", type=float, default=1.0, metavar="R",
                        help="Leiden resolution (default 1.0)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="random seed of clustering and layout (default 0)")
    parser.add_argument("--thesaurus", type=Path, metavar="FILE",
                        help="VOSviewer thesaurus file (label<TAB>replace by)")
    parser.add_argument("--keywords", choices=("author", "plus", "both"), default="author",
                        help="keyword source of keyword maps (default: author)")
    parser.add_argument("--unit", choices=("authors", "institutions", "countries"),
                        default="authors", help="unit of co-authorship maps (default: authors)")
    corpus_filter_args(parser)
    parser.add_argument("--output", required=True, type=Path,
                        metavar="FILE.graphml|.gexf|.txt")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="what to print (default: a short summary)")


def _cmd_network(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, _stderr_progress, corpus_filter, open_workspace_arg
    from analyst_app.services.networks import (EXPORT_SUFFIXES, NetworkOptions, build_network,
                                               export_network, load_thesaurus)
    if args.output.suffix.lower() not in EXPORT_SUFFIXES:
        raise InputError(f"unsupported output type {args.output.suffix!r}: expected "
                         ".graphml, .gexf or .txt (VOSviewer map)", file=str(args.output))
    flt = corpus_filter(args)
    thesaurus = load_thesaurus(args.thesaurus) if args.thesaurus else None
    options = NetworkOptions(
        min_occurrences=args.min_occurrences, top_n=args.top, resolution=args.resolution,
        seed=args.seed, keywords=args.keywords, unit=args.unit, thesaurus=thesaurus,
        thesaurus_file=str(args.thesaurus) if args.thesaurus else None)
    workspace = open_workspace_arg(args)
    try:
        result = build_network(workspace, args.kind, flt, options,
                               progress=_stderr_progress(args.format != "json"))
    finally:
        workspace.close()
    written = export_network(result, args.output)
    if args.format == "json":
        print(json.dumps(summary_json(result, written), ensure_ascii=False, indent=2))
    else:
        _print_summary(result, written)
    return EXIT_OK


def summary_json(result: Any, written: list[Path]) -> dict[str, Any]:
    """Return the JSON summary of a built network (the CLI's public contract)."""
    top = result.clusters.head(TOP_CLUSTERS)
    return {
        "kind": result.kind,
        "nodes": result.network.n_nodes,
        "edges": result.network.n_edges,
        "clusters": int(len(result.clusters)),
        "modularity": round(result.modularity, 4),
        "silhouette": None if math.isnan(result.silhouette) else round(result.silhouette, 4),
        "resolution": result.options.resolution,
        "seed": result.options.seed,
        "min_occurrences": result.network.params.min_occurrences,
        "top": result.options.top_n,
        "publications": result.publications,
        "filter": result.filter_description,
        "output": str(written[0]),
        "files": [str(p) for p in written],
        "top_clusters": [
            {"cluster": int(row.cluster), "size": int(row.size),
             "publications": int(row.publications), "label": row.label,
             "terms": list(row.label_terms)}
            for row in top.itertuples(index=False)],
    }


def _print_summary(result: Any, written: list[Path]) -> None:
    silhouette = "—" if math.isnan(result.silhouette) else f"{result.silhouette:.3f}"
    print(f"{result.kind} map of {result.publications:,} publications ({result.filter_description}): "
          f"{result.network.n_nodes:,} nodes, {result.network.n_edges:,} links, "
          f"{len(result.clusters)} clusters; modularity {result.modularity:.3f}, "
          f"silhouette {silhouette} (resolution {result.options.resolution}, "
          f"seed {result.options.seed})")
    for row in result.clusters.head(TOP_CLUSTERS).itertuples(index=False):
        print(f"  cluster {row.cluster}: {row.size} nodes — {row.label}")
    for path in written:
        print(f"wrote {path}", file=sys.stdout)
