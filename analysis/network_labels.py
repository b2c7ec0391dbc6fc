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
from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.networks import Network
from analysis.thesaurus import Thesaurus

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
    # Integer codes all the way: strings are factorized once, each distinct keyword is
    # folded once, and repeats are merged by the sparse matrix, not by drop_duplicates
    # (a 100k corpus has ~1M title words and ~1M keyword occurrences, ~150k distinct).
    n = len(publications)
    row_of = np.arange(n)
    titles = publications["title"].to_numpy(dtype=object)
    # Stop words are dropped after factorizing (per distinct word, not per occurrence).
    words = [_WORD.findall(t.lower()) if isinstance(t, str) else [] for t in titles]
    parts = [(np.repeat(row_of, [len(w) for w in words]),
              np.fromiter(chain.from_iterable(words), dtype=object,
                          count=sum(len(w) for w in words)), False)]
    for column in ("keywords_author", "keywords_plus"):
        lists = [v if isinstance(v, (list, tuple, np.ndarray)) else () for v in
                 publications[column].to_numpy(dtype=object)]
        lengths = [len(v) for v in lists]
        parts.append((np.repeat(row_of, lengths),
                      np.fromiter(chain.from_iterable(lists), dtype=object, count=sum(lengths)),
                      True))
    rows, cols, vocabulary = _term_codes(parts, thesaurus)
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocabulary)))
    matrix.data[:] = 1.0  # a term counts once per publication, however often it occurs
    return matrix, publications["publication_id"].to_numpy(), vocabulary


def _term_codes(parts: list[tuple[np.ndarray, np.ndarray, bool]], thesaurus: Thesaurus | None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows and column codes of (rows, terms, is_keyword) parts over one vocabulary."""
    rows, codes, names, offset = [], [], [], 0
    for is_keyword in (False, True):  # title words are not mapped by the thesaurus
        chosen = [p for p in parts if p[2] == is_keyword]
        terms = np.concatenate([p[1] for p in chosen])
        # Title words are never missing; keyword lists may hold None.
        present = pd.notna(terms) if is_keyword else np.ones(len(terms), dtype=bool)
        found, uniques = pd.factorize(terms[present])
        rows.append(np.concatenate([p[0] for p in chosen])[present])
        codes.append(found + offset)
        names += ([_keyword_term(u, thesaurus) or "" for u in uniques] if is_keyword
                  else ["" if u in _STOP_WORDS else u for u in uniques])
        offset += len(uniques)
    # One vocabulary: the title word "carbon" and the keyword "Carbon" are one term; "" marks
    # stop words and keywords the thesaurus drops.
    term_of, vocabulary = pd.factorize(np.array(names, dtype=object))
    all_codes = term_of[np.concatenate(codes)] if names else np.zeros(0, dtype=np.int64)
    all_rows = np.concatenate(rows)
    vocabulary = np.asarray(vocabulary, dtype=object)
    dropped = np.flatnonzero(vocabulary == "")
    if dropped.size:  # renumber the terms after the dropped one
        keep = all_codes != dropped[0]
        all_rows, all_codes = all_rows[keep], all_codes[keep]
        all_codes = all_codes - (all_codes > dropped[0])
        vocabulary = np.delete(vocabulary, dropped)
    return all_rows, all_codes, vocabulary


def _keyword_term(keyword: str, thesaurus: Thesaurus | None) -> str | None:
    replaced = thesaurus.apply(keyword) if thesaurus is not None else keyword
    if not replaced:
        return None
    # fold_term's result, at a third of its cost (see analysis._network_build.fold_terms).
    return " ".join(replaced.split()).casefold() or None


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
    # Only the four columns used: copying the abstracts of 100k publications costs more than
    # labelling.
    subset = publications[["publication_id", "title", "keywords_author", "keywords_plus"]]
    subset = subset[subset["publication_id"].isin(network.record_ids)]
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
