"""Drill-down and tables of a network: the publications behind nodes, links and clusters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.network_model import Network
from analysis.thesaurus import fold_term


# --- drill-down ----------------------------------------------------------------------------

def node_index(network: Network, key_or_label: str) -> int:
    """Return the index of the node with this key, or else with this label (case-insensitive)."""
    exact = np.flatnonzero(network.keys == key_or_label)
    if exact.size:
        return int(exact[0])
    wanted = fold_term(key_or_label)
    for values in (network.keys, network.labels):
        hits = [i for i, v in enumerate(values) if fold_term(str(v)) == wanted]
        if hits:
            return hits[0]
    raise KeyError(f"no node {key_or_label!r} in the network")


def records_for_node(network: Network, node: int) -> list[int]:
    """Return the publication ids behind node ``node`` (its index), ascending."""
    column = network.membership[:, node]
    return sorted(int(i) for i in network.record_ids[column.indices])


def records_for_edge(network: Network, a: int, b: int) -> list[int]:
    """Return the publication ids behind the link between nodes ``a`` and ``b``.

    For co-occurrence networks, the publications where both occur (their count is the link
    strength); for coupling, the two publications.
    """
    first, second = records_for_node(network, a), records_for_node(network, b)
    if network.edges_intersect:
        return sorted(set(first) & set(second))
    return sorted(set(first) | set(second))


def records_for_cluster(network: Network, clusters: np.ndarray, cluster: int) -> list[int]:
    """Return the publication ids behind any node of ``cluster`` (``clusters``: id per node)."""
    nodes = np.flatnonzero(np.asarray(clusters) == cluster)
    if nodes.size == 0:
        return []
    rows = np.unique(network.membership[:, nodes].tocoo().row)
    return sorted(int(i) for i in network.record_ids[rows])


# --- tables --------------------------------------------------------------------------------

def edge_table(network: Network) -> pd.DataFrame:
    """Return one row per link: ``source, target`` (node indices, source < target),
    ``source_label, target_label, weight`` (link strength), sorted by weight descending."""
    upper = sp.triu(network.adjacency, k=1).tocoo()
    frame = pd.DataFrame({"source": upper.row.astype(np.int64), "target": upper.col.astype(np.int64),
                          "source_label": network.labels[upper.row],
                          "target_label": network.labels[upper.col], "weight": upper.data})
    return frame.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                             ignore_index=True)


def node_statistics(network: Network, publications: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return per node: ``key, label, occurrences, links, total_link_strength`` and, when
    ``publications`` (``publication_id, year, times_cited``) is given, ``avg_year`` and
    ``avg_citations`` over the node's publications (missing values left out)."""
    adjacency = network.adjacency
    frame = pd.DataFrame({"key": network.keys, "label": network.labels,
                          "occurrences": network.occurrences,
                          "links": np.diff(adjacency.indptr).astype(np.int64),
                          "total_link_strength": np.asarray(adjacency.sum(axis=1)).ravel()})
    if publications is not None:
        indexed = publications.set_index("publication_id").reindex(network.record_ids)
        for column, name in (("year", "avg_year"), ("times_cited", "avg_citations")):
            frame[name] = _column_means(network.membership, indexed[column].to_numpy(dtype=float))
    return frame


def _column_means(membership: sp.csc_matrix, values: np.ndarray) -> np.ndarray:
    present = ~np.isnan(values)
    m = membership.T.tocsr().astype(np.float64)
    totals = m @ np.where(present, values, 0.0)
    counts = m @ present.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, totals / counts, np.nan)
