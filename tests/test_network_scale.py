"""What keeps large maps fast: size limit, top N before the product, bounded layout, labels."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis._network_build import fold_terms
from analysis.clustering import ClusteringParams, cluster_network
from analysis.network_labels import term_matrix
from analysis.networks import (NetworkParams, NetworkTooLargeError, build_cocitation_network,
                               build_keyword_network)
from analysis.thesaurus import fold_term, parse_thesaurus
from analyst_app.errors import InputError


def _references(seed: int = 0, publications: int = 300, pool: int = 120) -> pd.DataFrame:
    """Cited references with power-law popularity; two spellings of some references."""
    rng = np.random.default_rng(seed)
    rows = []
    for pub in range(1, publications + 1):
        for ref in np.unique((rng.pareto(1.2, 12) * 3).astype(int) % pool):
            variant = rng.random() < 0.2
            rows.append((pub, f"Author{ref}" if not variant else f"AUTHOR{ref}", 2000 + ref % 20,
                         "J TEST", str(ref), None, None, f"key{ref}"))
    return pd.DataFrame(rows, columns=["publication_id", "first_author", "year", "source",
                                       "volume", "page", "doi", "ref_key"])


def _brute_links(references: pd.DataFrame, min_occurrences: int) -> Counter:
    groups = references.groupby("publication_id")["ref_key"].apply(set)
    occurrences = Counter(k for refs in groups for k in refs)
    kept = {k for k, n in occurrences.items() if n >= min_occurrences}
    return Counter(pair for refs in groups
                   for pair in itertools.combinations(sorted(refs & kept), 2))


def test_too_large_a_map_is_refused_with_a_threshold_that_fits() -> None:
    references = _references()
    links = len(_brute_links(references, 1))
    # Far above the limit: refused on an upper bound, before the product.
    with pytest.raises(NetworkTooLargeError, match="raise the minimum occurrences to") as error:
        build_cocitation_network(references, NetworkParams(max_links=links // 4))
    message = str(error.value)
    assert "would have up to" in message and f"limit of {links // 4:,}" in message
    assert "top N" in message
    suggested = error.value.suggested_min_occurrences
    assert suggested is not None and suggested > 1
    network = build_cocitation_network(references, NetworkParams(suggested, max_links=links // 4))
    assert 0 < network.n_edges <= links // 4
    # Just above it: refused on the exact number of links (here the bound is close to them).
    chain = pd.DataFrame([(pub, f"k{pub + step}") for pub in range(50) for step in range(3)],
                         columns=["publication_id", "ref_key"])
    for column in ("first_author", "year", "source", "volume", "page", "doi"):
        chain[column] = None
    chain_links = len(_brute_links(chain, 1))
    with pytest.raises(NetworkTooLargeError, match=f"would have {chain_links:,} links"):
        build_cocitation_network(chain, NetworkParams(max_links=chain_links - 1))
    assert build_cocitation_network(chain, NetworkParams(max_links=chain_links)).n_edges \
        == chain_links
    # No limit: the same network as counted by hand.
    full = build_cocitation_network(references, NetworkParams(max_links=None))
    assert full.n_edges == links


def test_the_service_shows_the_limit_as_an_input_error() -> None:
    # The service maps every NetworkError to InputError with the same text.
    assert issubclass(NetworkTooLargeError, ValueError)
    from analysis.networks import NetworkError
    assert issubclass(NetworkTooLargeError, NetworkError)
    assert InputError  # the service catches NetworkError (see analyst_app.services.networks)


def test_cocitation_counts_and_labels_match_brute_force() -> None:
    references = _references(seed=3)
    network = build_cocitation_network(references, NetworkParams(min_occurrences=5))
    expected = _brute_links(references, 5)
    index = {k: i for i, k in enumerate(network.keys)}
    assert network.n_edges == len(expected)
    for (a, b), n in expected.items():
        assert network.adjacency[index[a], index[b]] == n
    # Label: the most frequent form (ties: alphabetical) among the citing rows.
    for key, label in zip(network.keys, network.labels):
        rows = references[references["ref_key"] == key]
        forms = Counter(f"{a}, {y}, J TEST, V{v}" for a, y, v in
                        zip(rows["first_author"], rows["year"], rows["volume"]))
        best = min(forms, key=lambda f: (-forms[f], f))
        if len(rows) <= 25:  # beyond, the label comes from the first 25 citing rows
            assert label == best


def test_top_n_before_the_product_equals_top_n_of_the_full_map() -> None:
    references = _references(seed=5)
    full = build_cocitation_network(references, NetworkParams(min_occurrences=2))
    strength = np.asarray(full.adjacency.sum(axis=1)).ravel()
    order = np.lexsort((full.labels, -full.occurrences, -strength))[:15]
    top = build_cocitation_network(references, NetworkParams(min_occurrences=2, top_n=15))
    assert set(top.keys) == set(full.keys[order])
    index = {k: i for i, k in enumerate(full.keys)}
    picked = [index[k] for k in top.keys]
    assert (top.adjacency != full.adjacency[picked][:, picked]).nnz == 0


def test_fold_terms_equals_fold_term() -> None:
    terms = np.array(["  CO2\u00a0 Capture\t", "\x1cA\x1fb ", "Ab\u3000C", "Straße", "ǅx", "",
                      "Metal-Organic  Frameworks\n"], dtype=object)
    assert list(fold_terms(terms)) == [fold_term(t) for t in terms]


def test_keyword_map_drops_blank_terms_and_keeps_the_most_frequent_spelling() -> None:
    publications = pd.DataFrame({
        "publication_id": [1, 2, 3, 4],
        "keywords_author": [["CO2 capture", "  ", "MOF"], ["co2  capture", "MOF"],
                            ["CO2 capture", "mof", None], None],
        "keywords_plus": [["ADSORPTION"], [], ["adsorption", "MOF"], ["ADSORPTION"]]})
    network = build_keyword_network(publications, source="both")
    assert sorted(network.keys) == ["adsorption", "co2 capture", "mof"]
    labels = dict(zip(network.keys, network.labels))
    assert labels == {"adsorption": "ADSORPTION", "co2 capture": "CO2 capture", "mof": "MOF"}
    occurrences = dict(zip(network.keys, network.occurrences))
    assert occurrences == {"adsorption": 3, "co2 capture": 3, "mof": 3}
    assert list(network.record_ids) == [1, 2, 3, 4]


def test_bounded_layout_keeps_clusters_of_the_whole_graph() -> None:
    references = _references(seed=7, publications=400, pool=200)
    network = build_cocitation_network(references, NetworkParams(min_occurrences=1))
    whole = cluster_network(network.adjacency, ClusteringParams(seed=2, layout_max_nodes=None))
    capped = cluster_network(network.adjacency, ClusteringParams(seed=2, layout_max_nodes=20))
    assert np.array_equal(whole.clusters, capped.clusters)  # clustering is not capped
    assert whole.laid_out.all() and capped.laid_out.sum() == 20
    strength = np.asarray(network.adjacency.sum(axis=1)).ravel()
    assert strength[capped.laid_out].min() >= strength[~capped.laid_out].max()
    assert np.isfinite(capped.layout).all() and capped.layout.shape == (network.n_nodes, 2)
    again = cluster_network(network.adjacency, ClusteringParams(seed=2, layout_max_nodes=20))
    assert np.array_equal(capped.layout, again.layout)


def test_term_matrix_matches_brute_force() -> None:
    publications = pd.DataFrame({
        "publication_id": [10, 20, 30],
        "title": ["Porous carbon for CO2 capture: the role of the pores", None,
                  "Carbon, carbon and more carbon"],
        "keywords_author": [["Porous Carbon", "CO2  capture"], ["MOF"], None],
        "keywords_plus": [["CARBON"], ["metal-organic frameworks", "mof"], ["drop me"]]})
    thesaurus = parse_thesaurus("label\treplace by\nmof\tmetal-organic frameworks\ndrop me\t\n")
    matrix, ids, terms = term_matrix(publications, thesaurus)
    got = {(int(ids[r]), terms[c]) for r, c in zip(*matrix.nonzero())}
    stop = {"for", "the", "of", "and", "more"}
    expected = set()
    for pid, title, de, plus in publications.itertuples(index=False):
        text = title.lower() if isinstance(title, str) else ""
        words = re.findall(r"[a-z][a-z0-9\-]*[a-z0-9]", text)
        expected |= {(pid, w) for w in words if w not in stop}
        for keyword in (de or []) + (plus or []):
            replaced = thesaurus.apply(keyword)
            if replaced:
                expected.add((pid, fold_term(replaced)))
    assert got == expected
    assert set(matrix.data) == {1.0}
