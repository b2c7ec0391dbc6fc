"""Cluster labels by Dunning's log-likelihood ratio (G²) of terms against the other clusters.

Each publication is given to its dominant cluster (the one holding most of its nodes; ties
go to the lower cluster number), which makes the clusters' publication sets disjoint. The
terms of a publication are its title words (lower-cased, stop words and words shorter than
three letters left out) and its keywords (author keywords and Keywords Plus, after the
thesaurus, compared case-insensitively). A term's frequency in a cluster is the number of its
publications containing it; G² compares it with its frequency in all other clusters'
publications, and only over-represented terms are kept.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.networks import Network
from analysis.thesaurus import Thesaurus, fold_term

_WORD = re.compile(r"[a-z][a-z0-9\-]*[a-z0-9]")
_STOP_WORDS = frozenset("""
a about above after against all also among an and any are as at based be been before being
between both but by can could do does during each effect effects for from had has have high
how however in into is it its low more most new no non not novel of on one or other our
over study such than that the their them then there these this those through to two under
up use used using via was we were what when where which while with within without
""".split())
#: Columns of :func:`label_clusters`.
CLUSTER_COLUMNS = ("cluster", "size", "publications", "label", "label_terms", "label_g2")


def dominant_clusters(network: Network, clusters: np.ndarray) -> np.ndarray:
    """Return the dominant cluster of each publication (row of ``membership``); 0 for none."""
    clusters = np.asarray(clusters)
    k = int(clusters.max()) if clusters.size else 0
    onehot = sp.csr_matrix((np.ones(len(clusters)), (np.arange(len(clusters)), clusters - 1)),
                           shape=(len(clusters), k))
    per_cluster = (network.membership.tocsr().astype(np.float64) @ onehot).toarray() \
        if k <= 200 else None
    if per_cluster is None:  # many clusters: stay sparse
        counts = (network.membership.tocsr().astype(np.float64) @ onehot).tocsr()
        best = np.asarray(counts.argmax(axis=1)).ravel() + 1
        has = np.diff(counts.indptr) > 0
    else:
        best = per_cluster.argmax(axis=1) + 1  # argmax takes the first (lowest) on ties
        has = per_cluster.max(axis=1) > 0 if k else np.zeros(len(best), dtype=bool)
    return np.where(has, best, 0)


def term_matrix(publications: pd.DataFrame, thesaurus: Thesaurus | None = None
                ) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """Return the publication × term 0/1 matrix of title words and keywords.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
    publication_ids : numpy.ndarray
        The rows.
    terms : numpy.ndarray of str
        The columns: folded terms (a keyword keeps its spaces).
    """
    # Vectorised with pandas: a Python loop over 100k titles takes seconds.
    words = (publications[["publication_id"]]
             .assign(term=publications["title"].fillna("").astype(str).str.lower()
                     .str.findall(_WORD.pattern)).explode("term").dropna(subset=["term"]))
    words = words[~words["term"].isin(_STOP_WORDS)]
    parts = [words]
    for column in ("keywords_author", "keywords_plus"):
        pairs = (publications[["publication_id", column]].explode(column)
                 .dropna(subset=[column]).rename(columns={column: "term"}))
        codes, uniques = pd.factorize(pairs["term"])
        mapped = np.array([_keyword_term(t, thesaurus) for t in uniques], dtype=object)
        pairs = pairs.assign(term=mapped[codes] if len(uniques) else [])
        parts.append(pairs[pairs["term"].notna()])
    pairs = pd.concat(parts, ignore_index=True).drop_duplicates()
    rows_ids = publications["publication_id"].to_numpy()
    order = np.argsort(rows_ids, kind="stable")
    rows = order[np.searchsorted(rows_ids[order], pairs["publication_id"].to_numpy())]
    cols, vocabulary = pd.factorize(pairs["term"])
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                           shape=(len(rows_ids), len(vocabulary)))
    return matrix, rows_ids, np.asarray(vocabulary, dtype=object)


def _keyword_term(keyword: str, thesaurus: Thesaurus | None) -> str | None:
    replaced = thesaurus.apply(keyword) if thesaurus is not None else keyword
    return fold_term(replaced) if replaced and fold_term(replaced) else None


def g2_scores(a: np.ndarray, b: np.ndarray, n1: float, n2: float) -> np.ndarray:
    """Return Dunning's G² for frequencies ``a`` (in a corpus of ``n1``) vs ``b`` (of ``n2``).

    ``G² = 2·(a·ln(a/E1) + b·ln(b/E2))`` with ``E1 = n1·(a+b)/(n1+n2)`` and
    ``E2 = n2·(a+b)/(n1+n2)``; ``0·ln 0 = 0``. Under-represented terms (a/n1 < b/n2) get a
    negative sign.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    total = n1 + n2
    e1, e2 = n1 * (a + b) / total, n2 * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        part1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        part2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    g2 = 2.0 * (part1 + part2)
    sign = np.where(a * n2 >= b * n1, 1.0, -1.0)
    return sign * g2


def label_clusters(network: Network, clusters: np.ndarray, publications: pd.DataFrame, *,
                   thesaurus: Thesaurus | None = None, top: int = 5,
                   min_frequency: int = 2) -> pd.DataFrame:
    """Label each cluster with its most over-represented terms.

    Parameters
    ----------
    network : Network
    clusters : numpy.ndarray of int
        Cluster per node, 1..k.
    publications : pandas.DataFrame
        ``publication_id, title, keywords_author, keywords_plus`` of (at least) the network's
        publications.
    thesaurus : Thesaurus, optional
        Applied to keywords before counting.
    top : int
        Terms per label.
    min_frequency : int
        A term needs this many of the cluster's publications.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLUSTER_COLUMNS`: ``cluster``, ``size`` (nodes), ``publications``
        (publications whose dominant cluster it is), ``label`` (terms joined by "; "),
        ``label_terms`` (list), ``label_g2`` (list of G², same order).
    """
    clusters = np.asarray(clusters)
    k = int(clusters.max()) if clusters.size else 0
    dominant = dominant_clusters(network, clusters)
    subset = publications[publications["publication_id"].isin(network.record_ids)]
    matrix, ids, vocabulary = term_matrix(subset, thesaurus)
    owner = pd.Series(dominant, index=network.record_ids).reindex(ids).fillna(0).to_numpy(int)
    onehot = sp.csr_matrix((np.ones(int((owner > 0).sum())),
                            (owner[owner > 0] - 1, np.flatnonzero(owner > 0))), shape=(k, len(ids)))
    per_cluster = (onehot @ matrix).tocsr()  # cluster × term document frequencies
    totals = np.asarray(per_cluster.sum(axis=1)).ravel()
    all_terms = np.asarray(per_cluster.sum(axis=0)).ravel()
    sizes = np.bincount(clusters - 1, minlength=k) if k else np.zeros(0, dtype=int)
    rows = []
    for c in range(k):
        start, end = per_cluster.indptr[c], per_cluster.indptr[c + 1]
        cols, a = per_cluster.indices[start:end], per_cluster.data[start:end]
        n1, n2 = totals[c], totals.sum() - totals[c]
        scores = g2_scores(a, all_terms[cols] - a, n1, n2) if n2 > 0 else a.astype(float)
        usable = (a >= min_frequency) & (scores > 0)
        if not usable.any():
            usable = scores > 0
        best = np.lexsort((vocabulary[cols].astype(str), -scores))
        best = [i for i in best if usable[i]][:top]
        terms = [str(vocabulary[cols[i]]) for i in best]
        rows.append((c + 1, int(sizes[c]), int((dominant == c + 1).sum()), "; ".join(terms),
                     terms, [round(float(scores[i]), 2) for i in best]))
    return pd.DataFrame(rows, columns=list(CLUSTER_COLUMNS))
