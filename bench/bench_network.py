"""Benchmark: keyword maps with clustering on a generated WoS corpus, against networkx Louvain.

The project's seeded generator writes a corpus of ``--records`` records (default 100k); it is
imported once into ``bench/.cache/network_<records>.sqlite`` (git-ignored) and reused by later
runs. Then, from the corpus frame (``publications_frame``, timed apart) to clusters and layout:

(a) keyword map of author keywords with ≥ 5 occurrences (target < 5 s);
(b) keyword map of all author keywords (target < 10 s);
(c) a co-citation map (≥ 150 citing publications): a larger graph than (a) and (b),
    since the generator draws author keywords from a small vocabulary (under 100 terms);

each as build (incidence, XᵀX, selection) + Leiden + modularity + silhouette + layout, and
cluster labels (G²) timed apart. For each map, networkx's ``louvain_communities`` (seed fixed)
runs on the same graph; the ratio compares it with our clustering step (igraph graph built
from the sparse matrix + Leiden), the networkx graph construction not counted against it.

Run ``.venv/bin/python bench/bench_network.py [--records 20000] [--json results.json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leidenalg  # noqa: E402
import networkx as nx  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from analysis.clustering import ClusteringParams, cluster_network, to_igraph  # noqa: E402
from analysis.network_labels import label_clusters  # noqa: E402
from analysis.networks import (NetworkParams, build_cocitation_network,  # noqa: E402
                               build_keyword_network)

CACHE = ROOT / "bench" / ".cache"
TARGETS = {5: 5.0, 1: 10.0}


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


def measure(publications, min_occurrences: int, seed: int, references=None) -> dict:
    """Time one map from the corpus frame to clusters and layout; then Louvain on its graph.

    A keyword map, or with ``references`` a co-citation map (a much larger graph: the
    generator's keyword vocabulary is small).
    """
    start = time.perf_counter()
    params = NetworkParams(min_occurrences=min_occurrences)
    network = (build_keyword_network(publications, params) if references is None
               else build_cocitation_network(references, params))
    built = time.perf_counter()
    clustering = cluster_network(network.adjacency, ClusteringParams(seed=seed))
    done = time.perf_counter()
    labels = label_clusters(network, clustering.clusters, publications)
    labelled = time.perf_counter()

    leiden_start = time.perf_counter()
    graph = to_igraph(network.adjacency)
    leidenalg.find_partition(graph, leidenalg.RBConfigurationVertexPartition, weights="weight",
                             resolution_parameter=1.0, seed=seed, n_iterations=-1)
    leiden = time.perf_counter() - leiden_start
    nx_graph = nx.from_scipy_sparse_array(sp.triu(network.adjacency, k=1).tocsr())
    louvain_start = time.perf_counter()
    communities = nx.community.louvain_communities(nx_graph, weight="weight", seed=seed)
    louvain = time.perf_counter() - louvain_start
    louvain_q = nx.community.modularity(nx_graph, communities, weight="weight")
    return {
        "map": network.kind, "min_occurrences": min_occurrences, "nodes": network.n_nodes, "edges": network.n_edges,
        "clusters": int(clustering.clusters.max()), "modularity": round(clustering.modularity, 4),
        "silhouette": round(clustering.silhouette, 4),
        "build_s": round(built - start, 3), "cluster_layout_s": round(done - built, 3),
        "total_s": round(done - start, 3), "labels_s": round(labelled - done, 3),
        "target_s": TARGETS.get(min_occurrences) if references is None else None, "leiden_s": round(leiden, 3),
        "louvain_s": round(louvain, 3), "louvain_clusters": len(communities),
        "louvain_modularity": round(louvain_q, 4), "louvain_over_leiden": round(louvain / leiden, 1),
        "top_labels": list(labels["label"].head(3)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cocited", type=int, default=150,
                        help="min occurrences of the co-citation map (default 150)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.corpus import publications_frame, references_frame
    workspace = open_workspace(cached_workspace(args.records))
    start = time.perf_counter()
    with workspace.session() as session:
        publications = publications_frame(session.connection())
    frame_s = time.perf_counter() - start
    start = time.perf_counter()
    references = references_frame(workspace)
    references_s = time.perf_counter() - start
    workspace.close()
    print(f"cited references: {len(references):,} in {references_s:.1f} s (not counted)")
    print(f"corpus frame: {len(publications):,} publications in {frame_s:.1f} s (not counted)")
    results = [measure(publications, m, args.seed) for m in (5, 1)]
    results += [measure(publications, m, args.seed, references) for m in (args.cocited,)]
    for r in results:
        verdict = ("no target" if r["target_s"] is None else
                   "ok" if r["total_s"] < r["target_s"] else "OVER TARGET")
        print(f"{r['map']} map, min occurrences {r['min_occurrences']}: {r['nodes']:,} nodes, {r['edges']:,} links, "
              f"{r['clusters']} clusters, Q={r['modularity']}, silhouette {r['silhouette']}; "
              f"build {r['build_s']} s + cluster/layout {r['cluster_layout_s']} s = "
              f"{r['total_s']} s (target < {r['target_s']} s: {verdict}); labels {r['labels_s']} s")
        print(f"  Leiden {r['leiden_s']} s vs networkx Louvain {r['louvain_s']} s "
              f"(Q={r['louvain_modularity']}, {r['louvain_clusters']} clusters): "
              f"ours {r['louvain_over_leiden']}x faster")
    if args.json:
        args.json.write_text(json.dumps({"records": args.records, "frame_s": frame_s,
                                         "maps": results}, indent=2))


if __name__ == "__main__":
    main()
