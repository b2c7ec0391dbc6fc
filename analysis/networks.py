"""Science-map networks: keyword co-occurrence, co-citation, bibliographic coupling, co-authorship.

Every network is built the same way, on sparse matrices only: an incidence matrix ``X``
(items × nodes, 0/1) gives the co-occurrence ``C = XᵀX`` with its diagonal cleared. For
keywords, authors, institutions, countries and cited references the items are publications
and the nodes are terms; for bibliographic coupling the items are cited references and the
nodes are publications. Counting is full and binary: a publication that lists a term twice
counts it once, as VOSviewer does. The publication × node ``membership`` matrix is kept so
that every node, edge and cluster leads back to its publications.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.thesaurus import Thesaurus, fold_term

NetworkKind = Literal["keywords", "cocitation", "coupling", "coauthors"]
KeywordSource = Literal["author", "plus", "both"]
_KEYWORD_COLUMNS = {"author": ("keywords_author",), "plus": ("keywords_plus",),
                    "both": ("keywords_author", "keywords_plus")}


class NetworkError(ValueError):
    """The selection cannot give the requested network (nothing to count)."""


class NoReferencesError(NetworkError):
    """The selected publications carry no matchable cited references."""


@dataclass(frozen=True)
class NetworkParams:
    """Which nodes enter a network.

    Attributes
    ----------
    min_occurrences : int
        A node needs at least this many publications (for coupling: matched cited references).
    top_n : int or None
        Keep only the N nodes with the largest total link strength among those passing
        ``min_occurrences`` (ties: more occurrences, then label), as VOSviewer selects.
    """

    min_occurrences: int = 1
    top_n: int | None = None

    def __post_init__(self) -> None:
        if self.min_occurrences < 1:
            raise ValueError(f"min_occurrences must be at least 1, got {self.min_occurrences}")
        if self.top_n is not None and self.top_n < 1:
            raise ValueError(f"top_n must be at least 1 or None, got {self.top_n}")


@dataclass
class Network:
    """A weighted undirected network with the publications behind each node.

    Attributes
    ----------
    kind : str
        ``keywords``, ``cocitation``, ``coupling`` or ``coauthors``.
    keys : numpy.ndarray of str
        Matching key per node (folded term, ``ref_key``, or publication id for coupling).
    labels : numpy.ndarray of str
        Display label per node (the most frequent spelling of the term).
    occurrences : numpy.ndarray of int
        Publications per node (coupling: matched cited references of the publication).
    adjacency : scipy.sparse.csr_matrix
        Node × node link strengths (co-occurrence counts), symmetric, zero diagonal.
    record_ids : numpy.ndarray of int
        Publication ids, the rows of ``membership``.
    membership : scipy.sparse.csc_matrix
        Publication × node 0/1 matrix: which publications stand behind each node.
    params : NetworkParams
        The selection parameters used.
    edges_intersect : bool
        ``True`` when an edge's publications are those of both its nodes (co-occurrence);
        ``False`` for coupling, where an edge is the pair of publications themselves.
    """

    kind: str
    keys: np.ndarray
    labels: np.ndarray
    occurrences: np.ndarray
    adjacency: sp.csr_matrix
    record_ids: np.ndarray
    membership: sp.csc_matrix
    params: NetworkParams
    edges_intersect: bool = True

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self.keys)

    @property
    def n_edges(self) -> int:
        """Number of links (node pairs with a positive strength)."""
        return int(self.adjacency.nnz // 2)


# --- builders per kind ---------------------------------------------------------------------

def build_keyword_network(publications: pd.DataFrame, params: NetworkParams = NetworkParams(),
                          *, source: KeywordSource = "author",
                          thesaurus: Thesaurus | None = None) -> Network:
    """Build the keyword co-occurrence network of the given publications.

    Parameters
    ----------
    publications : pandas.DataFrame
        Columns ``publication_id`` and the list columns ``keywords_author`` and/or
        ``keywords_plus`` (as from the corpus loader).
    params : NetworkParams
    source : {'author', 'plus', 'both'}
        Author keywords (DE), Keywords Plus (ID) or both (a term in both lists of one
        publication counts once).
    thesaurus : Thesaurus, optional
        Applied to every term before terms are compared case-insensitively.

    Returns
    -------
    Network
        Nodes are terms labelled with their most frequent spelling.

    Raises
    ------
    NetworkError
        When the publications carry no keyword of that source or none reaches the threshold.
    """
    if source not in _KEYWORD_COLUMNS:
        raise ValueError(f"source must be one of {sorted(_KEYWORD_COLUMNS)}, got {source!r}")
    parts = [publications[["publication_id", c]].explode(c).rename(columns={c: "term"})
             for c in _KEYWORD_COLUMNS[source]]
    pairs = pd.concat(parts, ignore_index=True).dropna(subset=["term"])
    if thesaurus is not None and len(thesaurus):
        pairs = _apply_thesaurus(pairs, thesaurus)
    what = {"author": "author keywords", "plus": "Keywords Plus",
            "both": "keywords"}[source]
    return build_cooccurrence_network(pairs["publication_id"], pairs["term"], "keywords",
                                      params, record_ids=publications["publication_id"],
                                      what=what)


def _apply_thesaurus(pairs: pd.DataFrame, thesaurus: Thesaurus) -> pd.DataFrame:
    # Applied to the distinct spellings only: a corpus has far fewer terms than occurrences.
    codes, uniques = pd.factorize(pairs["term"])
    replaced = np.array([thesaurus.apply(t) for t in uniques], dtype=object)
    terms = replaced[codes]
    keep = pd.notna(terms)
    return pd.DataFrame({"publication_id": pairs["publication_id"].to_numpy()[keep],
                         "term": terms[keep]})


def build_coauthor_network(frame: pd.DataFrame, column: str,
                           params: NetworkParams = NetworkParams(), *,
                           record_ids: pd.Series | None = None, what: str = "authors") -> Network:
    """Build a co-authorship network of authors, institutions or countries.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per publication and unit: ``publication_id`` and ``column`` (an author's
        name, an address's organisation or country). Repeats within a publication count once.
    column : str
        The column naming the unit; compared case-insensitively.
    params : NetworkParams
    record_ids : pandas.Series, optional
        All selected publication ids (default: those in ``frame``).
    what : str
        The unit in words, for messages.

    Returns
    -------
    Network
    """
    return build_cooccurrence_network(frame["publication_id"], frame[column], "coauthors",
                                      params, record_ids=record_ids, what=what)


def build_cocitation_network(references: pd.DataFrame,
                             params: NetworkParams = NetworkParams()) -> Network:
    """Build the co-citation network of cited references, matched by ``ref_key``.

    Parameters
    ----------
    references : pandas.DataFrame
        Parsed cited references: ``publication_id, first_author, year, source, volume, page,
        doi, ref_key`` (``ref_key`` is the DOI, else the folded author-year-source-volume-page
        key; rows without a key are not matchable and are left out).
    params : NetworkParams

    Returns
    -------
    Network
        Nodes are references labelled ``Author, year, SOURCE, Vvol, Ppage`` (most frequent
        form); ``occurrences`` is the number of citing publications.

    Raises
    ------
    NoReferencesError
        When no reference has a key.
    """
    keyed = references.dropna(subset=["ref_key"])
    if keyed.empty:
        raise NoReferencesError(
            "no cited references in the selected publications: co-citation is not available")
    # Labels only for references that can pass the threshold: building label strings for
    # every one of millions of cited references dominates the run time otherwise.
    counts = keyed.drop_duplicates(["publication_id", "ref_key"])["ref_key"].value_counts()
    frequent = counts.index[counts >= params.min_occurrences]
    labels = _reference_labels(keyed[keyed["ref_key"].isin(frequent)])
    return build_cooccurrence_network(keyed["publication_id"], keyed["ref_key"], "cocitation",
                                      params, labels=labels, fold=False,
                                      what="cited references")


def _reference_labels(references: pd.DataFrame) -> pd.Series:
    parts = [references["first_author"].fillna("[Anonymous]").astype(str),
             references["year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
             references["source"].fillna("").astype(str),
             references["volume"].map(lambda v: f"V{v}" if isinstance(v, str) and v else ""),
             references["page"].map(lambda p: f"P{p}" if isinstance(p, str) and p else "")]
    text = parts[0]
    for part in parts[1:]:
        text = text + np.where(part != "", ", " + part, "")
    text = text + np.where(references["doi"].notna(), ", DOI " + references["doi"].fillna(""), "")
    return _most_frequent(pd.DataFrame({"key": references["ref_key"], "label": text}))


def build_coupling_network(references: pd.DataFrame, params: NetworkParams = NetworkParams(),
                           *, labels: pd.Series | None = None) -> Network:
    """Build the bibliographic coupling network: publications linked by shared references.

    Parameters
    ----------
    references : pandas.DataFrame
        Parsed cited references with ``publication_id`` and ``ref_key``.
    params : NetworkParams
        ``min_occurrences`` is the number of matched cited references a publication needs.
    labels : pandas.Series, optional
        Publication id → label (``Zhang (2019)``); default ``publication <id>``.

    Returns
    -------
    Network
        Nodes are publications (key = publication id); link strength = shared references.

    Raises
    ------
    NoReferencesError
        When no reference has a key.
    """
    keyed = references.dropna(subset=["ref_key"])
    if keyed.empty:
        raise NoReferencesError("no cited references in the selected publications: "
                                "bibliographic coupling is not available")
    keyed = keyed.drop_duplicates(["publication_id", "ref_key"])
    pubs, pub_codes = np.unique(keyed["publication_id"].to_numpy(), return_inverse=True)
    ref_codes, _refs = pd.factorize(keyed["ref_key"])
    # Items are references, nodes are publications: X is reference × publication.
    x = _binary(ref_codes, pub_codes, (len(_refs), len(pubs)))
    keys = pubs.astype(str)
    names = (labels.reindex(pubs).fillna(pd.Series(pubs, index=pubs).map("publication {}".format))
             if labels is not None else pd.Series(pubs).map("publication {}".format))
    network = _select(x, keys, np.asarray(names, dtype=object), "coupling", params,
                      "publications with cited references")
    selected = network.keys.astype(np.int64)
    network.record_ids = selected
    network.membership = sp.identity(len(selected), dtype=np.int8, format="csc")
    network.edges_intersect = False
    return network


# --- the common core -----------------------------------------------------------------------

def build_cooccurrence_network(records: pd.Series, terms: pd.Series, kind: str,
                               params: NetworkParams = NetworkParams(), *,
                               record_ids: pd.Series | None = None,
                               labels: pd.Series | None = None, fold: bool = True,
                               what: str = "terms") -> Network:
    """Build a co-occurrence network from (publication, term) pairs.

    Parameters
    ----------
    records, terms : pandas.Series
        Aligned: publication id and term of each occurrence; empty terms are ignored.
    kind : str
        Stored on the result.
    params : NetworkParams
    record_ids : pandas.Series, optional
        Every selected publication (rows of the membership matrix; default: those in
        ``records``).
    labels : pandas.Series, optional
        Key → label; default: the most frequent spelling of each folded term.
    fold : bool
        Compare terms case-insensitively with white space collapsed (else as given).
    what : str
        The terms in words, for messages.

    Returns
    -------
    Network
    """
    pairs = pd.DataFrame({"record": records.to_numpy(), "term": terms.to_numpy()})
    pairs = pairs[pairs["term"].notna()]
    pairs["term"] = pairs["term"].astype(str)
    codes, spellings = pd.factorize(pairs["term"])
    folded = np.array([fold_term(s) if fold else s for s in spellings], dtype=object)
    pairs["key"] = folded[codes]
    pairs = pairs[pairs["key"] != ""]
    if pairs.empty:
        raise NetworkError(f"the selected publications have no {what}")
    if labels is None:
        labels = _most_frequent(pairs.rename(columns={"term": "label"}))
    all_ids = np.unique(np.asarray(record_ids if record_ids is not None else pairs["record"]))
    rows = np.searchsorted(all_ids, pairs["record"].to_numpy())
    cols, keys = pd.factorize(pairs["key"])
    x = _binary(rows, cols, (len(all_ids), len(keys)))
    keys = np.asarray(keys, dtype=object)
    network = _select(x, keys, labels.reindex(keys).to_numpy(dtype=object), kind, params, what)
    network.record_ids = all_ids.astype(np.int64)
    return network


def _most_frequent(frame: pd.DataFrame) -> pd.Series:
    """Key → its most frequent ``label`` (ties: the alphabetically first)."""
    counts = frame.groupby(["key", "label"], sort=False).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "label"], ascending=[True, False, True])
    return counts.drop_duplicates("key").set_index("key")["label"]


def _binary(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csc_matrix:
    matrix = sp.csc_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)
    matrix.data[:] = 1  # duplicates were summed: an item counts a node once
    return matrix


def _select(x: sp.csc_matrix, keys: np.ndarray, labels: np.ndarray, kind: str,
            params: NetworkParams, what: str) -> Network:
    """Apply the occurrence threshold and top-N to the columns of ``x``; build the network."""
    occurrences = np.asarray(x.sum(axis=0)).ravel()
    keep = np.flatnonzero(occurrences >= params.min_occurrences)
    if keep.size == 0:
        raise NetworkError(
            f"none of the {len(keys):,} {what} occurs in {params.min_occurrences} or more "
            f"publications (the most frequent occurs in {int(occurrences.max())})")
    x = x[:, keep]
    adjacency = _cooccurrence(x)
    if params.top_n is not None and params.top_n < len(keep):
        strength = np.asarray(adjacency.sum(axis=1)).ravel()
        order = np.lexsort((labels[keep], -occurrences[keep], -strength))[:params.top_n]
        order.sort()
        keep, x = keep[order], x[:, order]
        adjacency = adjacency[order][:, order]
    # Nodes in a stable order: most occurrences first, then label.
    order = np.lexsort((labels[keep].astype(str), -occurrences[keep]))
    keep, x, adjacency = keep[order], x[:, order], adjacency[order][:, order]
    return Network(kind=kind, keys=keys[keep], labels=labels[keep],
                   occurrences=occurrences[keep].astype(np.int64), adjacency=adjacency.tocsr(),
                   record_ids=np.arange(x.shape[0]), membership=x.tocsc(), params=params)


def _cooccurrence(x: sp.csc_matrix) -> sp.csr_matrix:
    """Return ``XᵀX`` with a zero diagonal, as float64 link strengths."""
    product = (x.T.tocsr() @ x.tocsr()).tocsr().astype(np.float64)
    product.setdiag(0)
    product.eliminate_zeros()
    return product


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
