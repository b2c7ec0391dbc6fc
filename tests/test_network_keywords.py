"""Keyword co-occurrence maps checked against counts made by hand from the raw WoS sample."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

import networkx as nx
import numpy as np
import pytest

from analysis.clustering import ClusteringParams, association_strength, cluster_network
from analysis.clustering import silhouette_scores
from analysis.network_labels import g2_scores
from analysis.networks import (NetworkParams, build_keyword_network, node_index,
                               records_for_cluster, records_for_edge, records_for_node)
from analyst_app.errors import InputError
from analyst_app.services.corpus import CorpusFilter, publications_frame
from analyst_app.services.imports import import_files
from analyst_app.services.networks import NetworkOptions, build_network
from tests.conftest import SAMPLES

BLACK_SILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
NO_REFERENCES = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
pytestmark = pytest.mark.skipif(not BLACK_SILICON.exists(),
                                reason=f"real sample files not found under {SAMPLES}")


def raw_records(path=BLACK_SILICON) -> list[dict[str, list[str]]]:
    """Split a WoS plain-text file by hand: tag → its lines (continuations kept apart)."""
    records, current, tag = [], {}, None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("ER"):
            records.append(current)
            current, tag = {}, None
            continue
        if line[:2].strip():
            tag = line[:2]
        if tag:
            current.setdefault(tag, []).append(line[3:])
    return records


def raw_keywords(record: dict[str, list[str]], tags=("DE", "ID")) -> set[str]:
    """A record's keywords of ``tags``, folded: lower case, white space collapsed."""
    found = set()
    for tag in tags:
        text = " ".join(record.get(tag, []))
        found |= {" ".join(k.split()).casefold() for k in text.split(";") if k.strip()}
    return found


def raw_pair_counts(tags=("DE", "ID")) -> tuple[Counter, Counter]:
    occurrences, pairs = Counter(), Counter()
    for record in raw_records():
        keywords = sorted(raw_keywords(record, tags))
        occurrences.update(keywords)
        pairs.update(itertools.combinations(keywords, 2))
    return occurrences, pairs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from analyst_app.db.workspace import open_workspace
    ws = open_workspace(tmp_path_factory.mktemp("kw") / "ws.sqlite")
    [report] = import_files(ws, [BLACK_SILICON])
    assert report.status == "imported"
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def publications(corpus):
    with corpus.session() as session:
        return publications_frame(session.connection())


def _weight(network, a: str, b: str) -> float:
    return network.adjacency[node_index(network, a), node_index(network, b)]


@pytest.mark.parametrize("source, tags", [("both", ("DE", "ID")), ("author", ("DE",))])
def test_top_pairs_match_raw_counts(publications, source, tags):
    occurrences, pairs = raw_pair_counts(tags)
    network = build_keyword_network(publications, NetworkParams(min_occurrences=1), source=source)
    top = pairs.most_common(10)
    assert top[0][1] > 10  # the sample has strongly co-occurring terms
    for (a, b), count in top:
        assert _weight(network, a, b) == count, (a, b)
    for term in ("black silicon", "solar cells", "silicon"):
        if term in occurrences:
            assert network.occurrences[node_index(network, term)] == occurrences[term]
    # Same number of links as distinct raw pairs: nothing invented, nothing lost.
    assert network.n_edges == len(pairs)


def test_min_occurrences_and_top_n_select_like_vosviewer(publications):
    occurrences, pairs = raw_pair_counts()
    kept = {t for t, n in occurrences.items() if n >= 5}
    network = build_keyword_network(publications, NetworkParams(min_occurrences=5), source="both")
    assert set(network.keys) == kept
    strength = Counter()
    for (a, b), n in pairs.items():
        if a in kept and b in kept:
            strength[a] += n
            strength[b] += n
    ranked = sorted(kept, key=lambda t: (-strength[t], -occurrences[t], t))
    top = build_keyword_network(publications, NetworkParams(min_occurrences=5, top_n=20),
                                source="both")
    assert set(top.keys) == set(ranked[:20])


def test_association_strength_by_hand(publications):
    occurrences, pairs = raw_pair_counts()
    kept = {t for t, n in occurrences.items() if n >= 5}
    strength, total = Counter(), 0
    for (a, b), n in pairs.items():
        if a in kept and b in kept:
            strength[a] += n
            strength[b] += n
            total += 2 * n
    network = build_keyword_network(publications, NetworkParams(min_occurrences=5), source="both")
    s = association_strength(network.adjacency)
    for (a, b), c in [p for p in pairs.most_common() if p[0][0] in kept and p[0][1] in kept][:5]:
        expected = total * c / (strength[a] * strength[b])
        i, j = node_index(network, a), node_index(network, b)
        assert s[i, j] == pytest.approx(expected, rel=1e-12)
        assert s[j, i] == pytest.approx(expected, rel=1e-12)


def test_modularity_recomputed_with_networkx(publications):
    occurrences, pairs = raw_pair_counts()
    kept = {t for t, n in occurrences.items() if n >= 5}
    network = build_keyword_network(publications, NetworkParams(min_occurrences=5), source="both")
    result = cluster_network(network.adjacency, ClusteringParams(resolution=1.0, seed=3))
    graph = nx.Graph()
    graph.add_nodes_from(kept)
    graph.add_weighted_edges_from((a, b, n) for (a, b), n in pairs.items()
                                  if a in kept and b in kept)
    cluster_of = {network.keys[i]: c for i, c in enumerate(result.clusters)}
    communities = [{t for t, c in cluster_of.items() if c == k} for k in set(cluster_of.values())]
    expected = nx.community.modularity(graph, communities, weight="weight")
    assert result.modularity == pytest.approx(expected, abs=1e-9)
    assert result.modularity > 0.05
    # Clusters are numbered by decreasing size.
    sizes = np.bincount(result.clusters)[1:]
    assert list(sizes) == sorted(sizes, reverse=True)


def test_same_seed_same_clusters_and_layout(publications):
    network = build_keyword_network(publications, NetworkParams(min_occurrences=3), source="both")
    first = cluster_network(network.adjacency, ClusteringParams(seed=11))
    again = cluster_network(network.adjacency, ClusteringParams(seed=11))
    other = cluster_network(network.adjacency, ClusteringParams(seed=12))
    assert np.array_equal(first.clusters, again.clusters)
    assert np.array_equal(first.layout, again.layout)
    assert not np.allclose(first.layout, other.layout)
    more = cluster_network(network.adjacency, ClusteringParams(seed=11, resolution=2.0))
    assert more.clusters.max() > first.clusters.max()


def test_silhouette_matches_brute_force(publications):
    network = build_keyword_network(publications, NetworkParams(min_occurrences=8), source="both")
    clusters = cluster_network(network.adjacency, ClusteringParams(seed=1)).clusters
    c = network.adjacency.toarray()
    k = c.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(c > 0, k.sum() * c / np.outer(k, k), 0.0)
    d = 1.0 / (1.0 + s)
    expected = []
    for i in range(len(c)):
        same = [j for j in range(len(c)) if clusters[j] == clusters[i] and j != i]
        if not same:
            expected.append(0.0)
            continue
        a = d[i, same].mean()
        b = min(d[i, clusters == q].mean() for q in set(clusters) if q != clusters[i])
        expected.append((b - a) / max(a, b))
    assert silhouette_scores(network.adjacency, clusters) == pytest.approx(expected, abs=1e-12)


def test_drill_down_leads_to_the_raw_records(publications):
    records = raw_records()
    network = build_keyword_network(publications, NetworkParams(min_occurrences=5), source="both")
    ut_of = dict(zip(publications["publication_id"], publications["ut"]))

    def uts(ids):
        return {ut_of[i].upper().removeprefix("WOS:") for i in ids}

    def raw_uts(*terms):
        return {r["UT"][0].upper().removeprefix("WOS:") for r in records
                if set(terms) <= raw_keywords(r)}

    a, b = "black silicon", "solar cells"
    i, j = node_index(network, a), node_index(network, b)
    assert uts(records_for_node(network, i)) == raw_uts(a)
    assert uts(records_for_edge(network, i, j)) == raw_uts(a, b)
    assert len(records_for_edge(network, i, j)) == network.adjacency[i, j]
    clusters = cluster_network(network.adjacency).clusters
    in_cluster = set(records_for_cluster(network, clusters, clusters[i]))
    assert set(records_for_node(network, i)) <= in_cluster


def test_g2_by_hand():
    # A term seen 30 times in 1,000 tokens of the cluster and 20 times in 9,000 elsewhere.
    a, b, n1, n2 = 30, 20, 1000, 9000
    e1, e2 = n1 * (a + b) / (n1 + n2), n2 * (a + b) / (n1 + n2)
    expected = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert g2_scores(np.array([a]), np.array([b]), n1, n2)[0] == pytest.approx(expected)
    assert g2_scores(np.array([1]), np.array([90]), n1, n2)[0] < 0  # under-represented


def test_service_builds_tables_with_labels(corpus):
    result = build_network(corpus, "keywords", CorpusFilter(),
                           NetworkOptions(min_occurrences=5, keywords="both", seed=2))
    assert list(result.nodes.columns[:10]) == [
        "key", "label", "occurrences", "links", "total_link_strength", "cluster", "x", "y",
        "avg_year", "avg_citations"]
    assert len(result.clusters) == result.nodes["cluster"].max()
    assert all(result.clusters["label"].str.len() > 0)
    # Average year of "black silicon" against the raw PY lines of its records.
    years = [int(r["PY"][0]) for r in raw_records() if "black silicon" in raw_keywords(r)
             and "PY" in r]
    row = result.nodes.set_index("key").loc["black silicon"]
    assert row["avg_year"] == pytest.approx(sum(years) / len(years))
    assert result.parameters()["filter"] == "all publications"


def test_filtered_and_empty_selections(corpus):
    recent = build_network(corpus, "keywords", CorpusFilter(years=(2018, 2020)),
                           NetworkOptions(min_occurrences=2))
    assert recent.publications == sum(1 for r in raw_records()
                                       if "PY" in r and 2018 <= int(r["PY"][0]) <= 2020)
    with pytest.raises(InputError, match="the selection has no publications"):
        build_network(corpus, "keywords", CorpusFilter(years=(1900, 1901)))
    with pytest.raises(InputError, match="occurs in 1000 or more publications"):
        build_network(corpus, "keywords", CorpusFilter(), NetworkOptions(min_occurrences=1000))
    with pytest.raises(InputError, match="invalid network kind"):
        build_network(corpus, "words")


@pytest.mark.skipif(not NO_REFERENCES.exists(), reason="sample without cited references missing")
def test_corpus_without_references_says_so(workspace):
    [report] = import_files(workspace, [NO_REFERENCES])
    assert report.status == "imported"
    for kind, what in (("cocitation", "co-citation"), ("coupling", "bibliographic coupling")):
        with pytest.raises(InputError) as caught:
            build_network(workspace, kind)
        assert str(caught.value) == (f"no cited references in the selected publications: "
                                     f"{what} is not available")
