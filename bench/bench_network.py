"""Benchmark (issue 6): keyword maps with clustering on a 100k generated corpus vs Louvain.

The project's seeded generator writes ``--records`` records (default 100k; its keywords have a
long Zipf-like tail, ~100k distinct author keywords and ~30k Keywords Plus at 100k); they are
imported once into ``bench/.cache/network_<records>_<seed>.sqlite`` (git-ignored) and reused.
Loading the corpus frame from SQLite (``publications_frame``) is timed apart and reported both
ways. Each map is timed from the frame through these steps, all counted in its total:

* build: keyword lists → incidence matrix → threshold → ``XᵀX`` (author keywords + Keywords
  Plus, "both");
* cluster: Leiden (igraph, modularity objective) on the *whole* graph, modularity, silhouette;
* layout: Fruchterman-Reingold of the top ``layout_max_nodes`` (1,000) nodes by total link
  strength, the others placed beside their strongest laid-out neighbour;
* labels: G² cluster labels from titles and keywords of all publications.

Targets: min occurrences 5 < 5 s, all keywords (min 1) < 10 s. On the same graph,
``networkx.community.louvain_communities(weight="weight", resolution=1, seed=...)`` runs once
and is compared with our Leiden step alone (graph already in igraph) and with graph
conversion + Leiden. A co-citation map at ``--cocited`` (default 150) is timed too, from the
references frame (read from SQLite once, then cached as a pickle; not counted); where the
size limit refuses it, the refusal is timed and the map is timed at the suggested threshold.

Run ``.venv/bin/python bench/bench_network.py [--records 100000] [--repeat 3] [--json out]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from analysis.clustering import ClusteringParams, cluster_network, leiden, to_igraph  # noqa: E402
from analysis.network_labels import label_clusters  # noqa: E402
from analysis.networks import (NetworkParams, NetworkTooLargeError,  # noqa: E402
                               build_cocitation_network, build_keyword_network)

CACHE = ROOT / "bench" / ".cache"
TARGETS = {5: 5.0, 1: 10.0}
STEPS = ("build_s", "cluster_s", "layout_s", "labels_s", "total_s")


def cached_workspace(records: int, seed: int = 7) -> Path:
    """Return the path of an imported generated corpus, building it on first use."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    from analyst_app.wos_generator import write_wos_corpus
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"network_{records}_{seed}.sqlite"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    path.unlink(missing_ok=True)
    folder = CACHE / f"wos_{records}_{seed}"
    folder.mkdir(exist_ok=True)
    start = time.perf_counter()
    files = write_wos_corpus(folder / "corpus.txt", records, seed=seed, records_per_file=5000)
    print(f"generated {records:,} records in {time.perf_counter() - start:.1f} s", flush=True)
    start = time.perf_counter()
    workspace = open_workspace(path)
    reports = import_files(workspace, files)
    workspace.close()
    bad = [r.message for r in reports if r.status != "imported"]
    if bad:
        raise SystemExit(f"import failed: {bad[:3]}")
    print(f"imported in {time.perf_counter() - start:.1f} s", flush=True)
    for file in files:
        file.unlink()
    folder.rmdir()
    done.write_text("ok\n")
    return path


def time_map(publications: pd.DataFrame, min_occurrences: int, seed: int,
             references: pd.DataFrame | None = None, top_n: int | None = None
             ) -> tuple[dict, object]:
    """Time one map from the frame to labels; return the figures and the network."""
    steps: list[tuple[float, str]] = []
    start = time.perf_counter()
    params = NetworkParams(min_occurrences=min_occurrences, top_n=top_n)
    network = (build_keyword_network(publications, params, source="both") if references is None
               else build_cocitation_network(references, params))
    built = time.perf_counter()
    clustering = cluster_network(network.adjacency, ClusteringParams(seed=seed),
                                 progress=lambda f, m: steps.append((time.perf_counter(), m)))
    clustered = time.perf_counter()
    labels = label_clusters(network, clustering.clusters, publications)
    done = time.perf_counter()
    layout_start = next(t for t, m in steps if m == "layout")
    return {"map": network.kind, "min_occurrences": min_occurrences, "top_n": top_n,
            "nodes": network.n_nodes,
            "edges": network.n_edges, "laid_out": int(clustering.laid_out.sum()),
            "clusters": int(clustering.clusters.max()),
            "modularity": round(clustering.modularity, 4),
            "silhouette": round(clustering.silhouette, 4),
            "build_s": built - start, "cluster_s": layout_start - built,
            "layout_s": clustered - layout_start, "labels_s": done - clustered,
            "total_s": done - start, "top_labels": list(labels["label"].head(3))}, network


def compare_louvain(network, seed: int, repeat: int) -> dict:
    """Leiden (median of ``repeat``) and networkx Louvain (once) on the same graph."""
    convert, alone = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        graph = to_igraph(network.adjacency)
        converted = time.perf_counter()
        membership = leiden(graph, 1.0, seed)
        convert.append(converted - start)
        alone.append(time.perf_counter() - converted)
    leiden_q = graph.modularity(list(membership), weights="weight")
    nx_graph = nx.from_scipy_sparse_array(sp.triu(network.adjacency, k=1).tocsr())
    start = time.perf_counter()
    communities = nx.community.louvain_communities(nx_graph, weight="weight", resolution=1,
                                                   seed=seed)
    louvain = time.perf_counter() - start
    leiden_s, convert_s = statistics.median(alone), statistics.median(convert)
    return {"leiden_s": leiden_s, "igraph_convert_s": convert_s, "louvain_s": louvain,
            "leiden_modularity": round(leiden_q, 4), "leiden_clusters": len(set(membership)),
            "louvain_modularity": round(nx.community.modularity(nx_graph, communities,
                                                                weight="weight"), 4),
            "louvain_clusters": len(communities),
            "louvain_over_leiden": round(louvain / leiden_s, 1),
            "louvain_over_convert_and_leiden": round(louvain / (leiden_s + convert_s), 1)}


def load_frames(records: int) -> tuple[pd.DataFrame, float, pd.DataFrame]:
    """The corpus frame (and its load time from SQLite) and the references frame (cached)."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.corpus import publications_frame, references_frame
    workspace = open_workspace(cached_workspace(records))
    start = time.perf_counter()
    with workspace.session() as session:
        publications = publications_frame(session.connection())
    frame_s = time.perf_counter() - start
    pickle = CACHE / f"references_{records}_7.pkl"
    if pickle.exists():
        references = pd.read_pickle(pickle)
    else:
        start = time.perf_counter()
        references = references_frame(workspace)
        print(f"references frame read in {time.perf_counter() - start:.1f} s (once)")
        references.to_pickle(pickle)
    workspace.close()
    return publications, frame_s, references


def _fitting_threshold(references: pd.DataFrame, wanted: int) -> int:
    """Try the co-citation map at ``wanted``; when it is refused as too large, show the
    message (and how fast it came) and return the suggested threshold."""
    start = time.perf_counter()
    try:
        build_cocitation_network(references, NetworkParams(min_occurrences=wanted))
    except NetworkTooLargeError as error:
        print(f"\nco-citation map at min occurrences {wanted} refused in "
              f"{time.perf_counter() - start:.1f} s: {error}")
        return error.suggested_min_occurrences or wanted
    return wanted


def _median_row(rows: list[dict]) -> dict:
    row = dict(rows[0])
    for key in STEPS:
        row[key] = round(statistics.median(r[key] for r in rows), 2)
        row[key.replace("_s", "_runs")] = [round(r[key], 2) for r in rows]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1, help="seed of Leiden, Louvain, layout")
    parser.add_argument("--repeat", type=int, default=3, help="runs per map (medians)")
    parser.add_argument("--cocited", type=int, default=150,
                        help="min occurrences of the co-citation map (default 150)")
    parser.add_argument("--no-louvain", action="store_true", help="skip networkx Louvain")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    load = os.getloadavg()
    publications, frame_s, references = load_frames(args.records)
    print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} at start")
    print(f"corpus frame: {len(publications):,} publications loaded from SQLite in "
          f"{frame_s:.1f} s; cited references: {len(references):,}")
    results = []
    for m, refs, top in ((5, None, None), (1, None, None), (args.cocited, references, None),
                         (args.cocited, references, 1000)):
        if refs is not None and top is None:
            m = _fitting_threshold(references, m)
        runs = [time_map(publications, m, args.seed, refs, top) for _ in range(args.repeat)]
        row = _median_row([r for r, _ in runs])
        if not args.no_louvain and refs is None:
            row.update(compare_louvain(runs[0][1], args.seed, args.repeat))
        results.append(row)
        _print(row, frame_s)
    load_end = os.getloadavg()
    print(f"load average {load_end[0]:.1f} at the end (1-minute; {os.cpu_count()} CPUs)")
    if args.json:
        args.json.write_text(json.dumps({"records": args.records, "frame_s": frame_s,
                                         "load": [load[0], load_end[0]], "maps": results},
                                        indent=2))


def _print(r: dict, frame_s: float) -> None:
    target = TARGETS.get(r["min_occurrences"]) if r["map"] == "keywords" else None
    verdict = ("" if target is None else
               f"; target < {target} s: {'ok' if r['total_s'] < target else 'OVER TARGET'}")
    what = " (both)" if r["map"] == "keywords" else ""
    top = f", top {r['top_n']}" if r["top_n"] else ""
    print(f"\n{r['map']} map{what}, min occurrences {r['min_occurrences']}{top}: "
          f"{r['nodes']:,} nodes, "
          f"{r['edges']:,} links, {r['clusters']} clusters, Q={r['modularity']}, "
          f"silhouette {r['silhouette']}, {r['laid_out']:,} nodes laid out")
    print(f"  medians of {len(r['total_runs'])} runs: build {r['build_s']} s + cluster (Leiden, "
          f"modularity, silhouette) {r['cluster_s']} s + layout {r['layout_s']} s + labels "
          f"{r['labels_s']} s = {r['total_s']} s from the frame{verdict}; "
          f"{r['total_s'] + frame_s:.2f} s with the SQLite load (runs: {r['total_runs']})")
    if "louvain_s" in r:
        print(f"  Leiden {r['leiden_s']:.2f} s (+ {r['igraph_convert_s']:.2f} s igraph graph) "
              f"Q={r['leiden_modularity']}, {r['leiden_clusters']} clusters vs networkx Louvain "
              f"{r['louvain_s']:.2f} s Q={r['louvain_modularity']}, {r['louvain_clusters']} "
              f"clusters: Leiden {r['louvain_over_leiden']}x faster "
              f"({r['louvain_over_convert_and_leiden']}x with the conversion)")


if __name__ == "__main__":
    main()
