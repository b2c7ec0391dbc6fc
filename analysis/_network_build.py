"""The common core of the network builders: incidence matrices, node selection, size limit.

Every network is ``C = XᵀX`` (diagonal cleared) of a 0/1 incidence matrix ``X`` (items ×
nodes). The order of the steps is what keeps large corpora fast: nodes are thresholded and
cut to the top N *before* the product (the total link strength of a node is ``Xᵀk − occ``
with ``k`` the nodes per item, no product needed), their order is fixed before the product
too, and an upper bound of the links, ``min(Σ C(k, 2), C(n, 2))``, refuses a hopeless
network before it costs minutes and gigabytes.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.network_model import Network, NetworkError, NetworkParams, NetworkTooLargeError

#: A product whose bound exceeds ``max_links`` this many times is refused without computing
#: it: repeats rarely shrink a bound that much, and the product would take minutes.
_BOUND_FACTOR = 3
_SUGGESTED_THRESHOLDS = (2, 3, 5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000)


def incidence(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csc_matrix:
    """Return the 0/1 items × nodes matrix of (row, col) pairs; repeats count once."""
    matrix = sp.csc_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)
    matrix.data[:] = 1  # duplicates were summed: an item counts a node once
    return matrix


def fold_terms(terms: np.ndarray) -> np.ndarray:
    """Return :func:`analysis.thesaurus.fold_term` of each term (an object array).

    ``str.split`` and the regular expression ``\\s`` agree on what white space is, so this
    equals ``fold_term`` (a test checks it) at a third of its cost, which matters for the
    ~150k distinct keywords of a 100k corpus.
    """
    return np.array([" ".join(t.split()).casefold() for t in terms], dtype=object)


def term_codes(terms: np.ndarray, fold: bool = True
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Factorize terms into node keys with their most frequent spelling as label.

    Parameters
    ----------
    terms : numpy.ndarray of str
        One term per occurrence, no missing values.
    fold : bool
        Compare case-insensitively with white space collapsed (:func:`fold_term`).

    Returns
    -------
    codes : numpy.ndarray of int
        Key index per occurrence; -1 where the key is empty (the term is blank).
    keys, labels : numpy.ndarray of str
        Per key: the key and its most frequent spelling (ties: alphabetically first).
    """
    # One factorize over the occurrences; folding and labels work on distinct spellings only
    # (a 100k corpus has ~1M keyword occurrences but ~150k spellings).
    codes, spellings = pd.factorize(terms)
    spellings = np.array([s if isinstance(s, str) else str(s) for s in spellings], dtype=object)
    folded = fold_terms(spellings) if fold else spellings
    key_of, keys = pd.factorize(folded)
    keys = np.asarray(keys, dtype=object)
    counts = np.bincount(codes, minlength=len(spellings))
    alphabetical = np.empty(len(spellings), dtype=np.int64)
    alphabetical[np.argsort(spellings.astype(str), kind="stable")] = np.arange(len(spellings))
    order = np.lexsort((alphabetical, -counts, key_of))
    first = order[np.r_[True, key_of[order][1:] != key_of[order][:-1]]] if len(order) else order
    labels = np.empty(len(keys), dtype=object)
    labels[key_of[first]] = spellings[first]
    empty = np.flatnonzero(keys == "")
    node_of = key_of[codes]
    if empty.size:  # blank terms are no node: drop that key and renumber the others
        mapping = np.arange(len(keys)) - (np.arange(len(keys)) > empty[0])
        mapping[empty[0]] = -1
        node_of, keys, labels = mapping[node_of], np.delete(keys, empty), np.delete(labels, empty)
    return node_of, keys, labels


def select_nodes(x: sp.csc_matrix, keys: np.ndarray,
                 labels: np.ndarray | Callable[[np.ndarray], np.ndarray], kind: str,
                 params: NetworkParams, what: str) -> Network:
    """Apply the threshold and top N to the columns of ``x``; build the network.

    ``labels`` may be a function of the indices of the nodes passing the threshold, so that
    labels that are costly to make (cited references) are made for those only.
    """
    occurrences = np.diff(x.indptr)  # x is 0/1 and column-compressed: nnz per column
    keep = np.flatnonzero(occurrences >= params.min_occurrences)
    if keep.size == 0:
        raise NetworkError(
            f"none of the {len(keys):,} {what} occurs in {params.min_occurrences} or more "
            f"publications (the most frequent occurs in {int(occurrences.max(initial=0))})")
    kept_labels = labels(keep) if callable(labels) else labels[keep]
    kept_labels = np.asarray(kept_labels, dtype=object)
    x = x[:, keep]
    occ = occurrences[keep]
    if params.top_n is not None and params.top_n < len(keep):
        per_item = np.diff(x.tocsr().indptr).astype(np.float64)
        strength = x.T @ per_item - occ  # row sums of XᵀX without its diagonal
        order = np.lexsort((kept_labels, -occ, -strength))[:params.top_n]
        order.sort()
        keep, x, occ, kept_labels = keep[order], x[:, order], occ[order], kept_labels[order]
    # Nodes in a stable order: most occurrences first, then label. Ordering X before the
    # product spares permuting the (much larger) adjacency afterwards.
    order = np.lexsort((kept_labels.astype(str), -occ))
    keep, x, occ, kept_labels = keep[order], x[:, order], occ[order], kept_labels[order]
    if params.max_links is not None:
        bound = _link_bound(x)
        if bound > _BOUND_FACTOR * params.max_links:
            _refuse(bound, x, params, what, exact=False)
    adjacency = cooccurrence(x)
    if params.max_links is not None and adjacency.nnz // 2 > params.max_links:
        _refuse(adjacency.nnz // 2, x, params, what, exact=True)
    return Network(kind=kind, keys=keys[keep], labels=kept_labels,
                   occurrences=occ.astype(np.int64), adjacency=adjacency,
                   record_ids=np.arange(x.shape[0]), membership=x, params=params)


def _pair_bound(per_item: np.ndarray, nodes: int) -> int:
    """Links are at most the pairs within items, and at most the pairs of nodes."""
    per_item = per_item.astype(np.int64)
    return int(min((per_item * (per_item - 1) // 2).sum(), nodes * (nodes - 1) // 2))


def _link_bound(x: sp.csc_matrix) -> int:
    return _pair_bound(np.diff(x.tocsr().indptr), x.shape[1])


def _refuse(links: int, x: sp.csc_matrix, params: NetworkParams, what: str,
            exact: bool) -> None:
    """Raise :class:`NetworkTooLargeError` with the lowest threshold that surely fits."""
    suggestion = _suggest_threshold(x, params)
    size = f"{links:,} links" if exact else f"up to {links:,} links"
    hint = (f"raise the minimum occurrences to {suggestion} or more" if suggestion else
            "raise the minimum occurrences")
    raise NetworkTooLargeError(
        f"the map of {x.shape[1]:,} {what} with {params.min_occurrences} or more occurrences "
        f"would have {size}, more than the limit of {params.max_links:,}: {hint}, or keep "
        f"only the top N nodes (e.g. top 1000)", suggestion)


def _suggest_threshold(x: sp.csc_matrix, params: NetworkParams) -> int | None:
    # The bound is never below the links, so the suggested threshold surely fits.
    # x holds every item, so a node's occurrences are the nnz of its column.
    occ = np.diff(x.indptr)
    csr = x.tocsr()
    node_occ = occ[csr.indices]
    for threshold in _SUGGESTED_THRESHOLDS:
        if threshold <= params.min_occurrences:
            continue
        nodes = int((occ >= threshold).sum())
        if nodes < 2:  # a map of one node is no suggestion
            return None
        per_item = np.bincount(np.repeat(np.arange(csr.shape[0]), np.diff(csr.indptr)),
                               weights=node_occ >= threshold, minlength=csr.shape[0])
        if _pair_bound(per_item, nodes) <= params.max_links:
            return threshold
    return None


def cooccurrence(x: sp.csc_matrix) -> sp.csr_matrix:
    """Return ``XᵀX`` with a zero diagonal, as float64 link strengths."""
    product = (x.T.tocsr() @ x.tocsr()).tocsr().astype(np.float64)
    product.setdiag(0)
    product.eliminate_zeros()
    return product


def most_frequent(frame: pd.DataFrame) -> pd.Series:
    """Key → its most frequent ``label`` (ties: the alphabetically first)."""
    counts = frame.groupby(["key", "label"], sort=False).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "label"], ascending=[True, False, True])
    return counts.drop_duplicates("key").set_index("key")["label"]
