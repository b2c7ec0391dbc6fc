"""Science-map networks: keyword co-occurrence, co-citation, bibliographic coupling, co-authorship.

Every network is built the same way, on sparse matrices only: an incidence matrix ``X``
(items × nodes, 0/1) gives the co-occurrence ``C = XᵀX`` with its diagonal cleared. For
keywords, authors, institutions, countries and cited references the items are publications
and the nodes are terms; for bibliographic coupling the items are cited references and the
nodes are publications. Counting is full and binary: a publication that lists a term twice
counts it once, as VOSviewer does. The publication × node ``membership`` matrix is kept so
that every node, edge and cluster leads back to its publications.

The types live in :mod:`analysis.network_model`, the common core in
:mod:`analysis._network_build`, drill-down and tables in :mod:`analysis.network_tables`;
all are importable from here.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis._network_build import incidence, most_frequent, select_nodes, term_codes
from analysis.network_model import (DEFAULT_MAX_LINKS, KeywordSource, Network, NetworkError,
                                    NetworkKind, NetworkParams, NetworkTooLargeError,
                                    NoReferencesError)
from analysis.network_tables import (edge_table, node_index, node_statistics,
                                     records_for_cluster, records_for_edge, records_for_node)
from analysis.thesaurus import Thesaurus

__all__ = ["DEFAULT_MAX_LINKS", "KeywordSource", "Network", "NetworkError", "NetworkKind",
           "NetworkParams", "NetworkTooLargeError", "NoReferencesError",
           "build_coauthor_network", "build_cocitation_network", "build_cooccurrence_network",
           "build_coupling_network", "build_keyword_network", "edge_table", "node_index",
           "node_statistics", "records_for_cluster", "records_for_edge", "records_for_node"]

_KEYWORD_COLUMNS = {"author": ("keywords_author",), "plus": ("keywords_plus",),
                    "both": ("keywords_author", "keywords_plus")}
#: Citing publications whose spelling of a reference is read for its label: the forms of one
#: reference hardly differ, and reading all of a hub's thousands of citations costs seconds.
LABEL_SAMPLE = 25


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
        When the publications carry no keyword of that source or none reaches the threshold;
        :class:`NetworkTooLargeError` above ``params.max_links``.
    """
    if source not in _KEYWORD_COLUMNS:
        raise ValueError(f"source must be one of {sorted(_KEYWORD_COLUMNS)}, got {source!r}")
    ids = publications["publication_id"].to_numpy()
    parts = [_explode(ids, publications[c].to_numpy(dtype=object))
             for c in _KEYWORD_COLUMNS[source]]
    records = np.concatenate([p[0] for p in parts])
    terms = np.concatenate([p[1] for p in parts])
    if thesaurus is not None and len(thesaurus):
        records, terms = _apply_thesaurus(records, terms, thesaurus)
    what = {"author": "author keywords", "plus": "Keywords Plus",
            "both": "keywords"}[source]
    return build_cooccurrence_network(pd.Series(records), pd.Series(terms, dtype=object),
                                      "keywords", params,
                                      record_ids=publications["publication_id"], what=what)


def _explode(ids: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (publication id, term) per list element; missing lists and terms left out."""
    # Plain Python over the lists: DataFrame.explode of 100k lists costs ten times more.
    lists = [v if isinstance(v, (list, tuple, np.ndarray)) else [v] if isinstance(v, str) else ()
             for v in values]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    terms = np.fromiter(chain.from_iterable(lists), dtype=object, count=int(lengths.sum()))
    records = np.repeat(ids, lengths)
    present = pd.notna(terms)
    return records[present], terms[present]


def _apply_thesaurus(records: np.ndarray, terms: np.ndarray,
                     thesaurus: Thesaurus) -> tuple[np.ndarray, np.ndarray]:
    # Applied to the distinct spellings only: a corpus has far fewer terms than occurrences.
    codes, uniques = pd.factorize(terms)
    replaced = np.array([thesaurus.apply(t) for t in uniques], dtype=object)
    mapped = replaced[codes]
    keep = pd.notna(mapped)
    return records[keep], mapped[keep]


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
        Nodes are references labelled ``Author, year, SOURCE, Vvol, Ppage`` (the most
        frequent form among the first :data:`LABEL_SAMPLE` citing rows); ``occurrences`` is
        the number of citing publications.

    Raises
    ------
    NoReferencesError
        When no reference has a key.
    NetworkTooLargeError
        Above ``params.max_links`` (the message suggests a threshold that fits).
    """
    keyed_rows, codes, keys = _factorize_references(references)
    if keyed_rows.size == 0:
        raise NoReferencesError(
            "no cited references in the selected publications: co-citation is not available")
    pubs, rows = np.unique(references["publication_id"].to_numpy()[keyed_rows],
                           return_inverse=True)
    x = incidence(rows, codes, (len(pubs), len(keys)))
    network = select_nodes(x, keys, lambda nodes: _reference_labels(references, keyed_rows,
                                                                    codes, nodes),
                           "cocitation", params, "cited references")
    network.record_ids = pubs.astype(np.int64)
    return network


def _factorize_references(references: pd.DataFrame
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with a ``ref_key``, their key codes and the distinct keys (one factorize)."""
    ref_keys = references["ref_key"].to_numpy(dtype=object)
    keyed_rows = np.flatnonzero(pd.notna(ref_keys))
    codes, keys = pd.factorize(ref_keys[keyed_rows])
    return keyed_rows, codes, np.asarray(keys, dtype=object)


def _reference_labels(references: pd.DataFrame, keyed_rows: np.ndarray, codes: np.ndarray,
                      nodes: np.ndarray) -> np.ndarray:
    """Labels of the references ``nodes`` (key codes): most frequent form of a sample."""
    slot = np.full(len(codes) and int(codes.max()) + 1, -1, dtype=np.int64)
    slot[nodes] = np.arange(len(nodes))
    which = slot[codes]
    hits = np.flatnonzero(which >= 0)
    order = np.argsort(which[hits], kind="stable")  # by node, in frame order within one
    grouped = which[hits][order]
    starts = np.r_[0, np.flatnonzero(grouped[1:] != grouped[:-1]) + 1]
    rank = np.arange(len(grouped)) - np.repeat(starts, np.diff(np.r_[starts, len(grouped)]))
    take = hits[order[rank < LABEL_SAMPLE]]
    text = _reference_text(references.iloc[keyed_rows[take]])
    best = most_frequent(pd.DataFrame({"key": which[take], "label": text}))
    return best.reindex(np.arange(len(nodes))).to_numpy(dtype=object)


def _reference_text(references: pd.DataFrame) -> list[str]:
    """``Author, year, SOURCE, Vvol, Ppage, DOI doi`` per row, empty parts left out."""
    columns = ("first_author", "year", "source", "volume", "page", "doi")
    texts = []
    for author, year, source, volume, page, doi in zip(
            *(references[c].to_numpy(dtype=object) for c in columns)):
        parts = ["[Anonymous]" if pd.isna(author) else str(author),
                 "" if pd.isna(year) else str(int(year)), "" if pd.isna(source) else str(source),
                 f"V{volume}" if isinstance(volume, str) and volume else "",
                 f"P{page}" if isinstance(page, str) and page else ""]
        text = ", ".join(p for p in parts if p)
        texts.append(text if pd.isna(doi) else f"{text}, DOI {doi}")
    return texts


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
    NetworkTooLargeError
        Above ``params.max_links``: coupling of a large corpus needs ``top_n``.
    """
    keyed_rows, ref_codes, refs = _factorize_references(references)
    if keyed_rows.size == 0:
        raise NoReferencesError("no cited references in the selected publications: "
                                "bibliographic coupling is not available")
    pubs, pub_codes = np.unique(references["publication_id"].to_numpy()[keyed_rows],
                                return_inverse=True)
    # Items are references, nodes are publications: X is reference × publication.
    x = incidence(ref_codes, pub_codes, (len(refs), len(pubs)))
    keys = pubs.astype(str)
    names = (labels.reindex(pubs).fillna(pd.Series(pubs, index=pubs).map("publication {}".format))
             if labels is not None else pd.Series(pubs).map("publication {}".format))
    network = select_nodes(x, keys, np.asarray(names, dtype=object), "coupling", params,
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

    Raises
    ------
    NetworkError
        When there is no term, none reaches the threshold, or (:class:`NetworkTooLargeError`)
        the network would have more than ``params.max_links`` links.
    """
    values = np.asarray(terms, dtype=object)
    present = pd.notna(values)
    record_values, values = np.asarray(records)[present], values[present]
    node_of, keys, spellings = term_codes(values, fold)
    valid = node_of >= 0
    if not valid.any():
        raise NetworkError(f"the selected publications have no {what}")
    all_ids = np.unique(np.asarray(record_ids if record_ids is not None else record_values))
    rows = np.searchsorted(all_ids, record_values[valid])
    x = incidence(rows, node_of[valid], (len(all_ids), len(keys)))
    names = labels.reindex(keys).to_numpy(dtype=object) if labels is not None else spellings
    network = select_nodes(x, keys, names, kind, params, what)
    network.record_ids = all_ids.astype(np.int64)
    return network
