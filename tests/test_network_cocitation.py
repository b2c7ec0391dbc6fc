"""Co-citation, bibliographic coupling and co-authorship maps against independent counts."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from analysis.networks import (NetworkParams, build_cocitation_network, build_coupling_network,
                               node_index, records_for_edge)
from analyst_app.services.corpus import (CorpusFilter, addresses_frame, publications_frame,
                                         references_frame)
from analyst_app.services.imports import import_files
from analyst_app.services.networks import NetworkOptions, build_network
from tests.conftest import SAMPLES
from tests.test_network_keywords import BLACK_SILICON, raw_records

pytestmark = pytest.mark.skipif(not BLACK_SILICON.exists(),
                                reason=f"real sample files not found under {SAMPLES}")
# "DOI 10.x/y" or "DOI [10.x/y, DOI 10.X/Y]": the first DOI of a CR line.
_DOI = re.compile(r"DOI \[?(10\.\d{4,9}/[^,\]\s]+)")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from analyst_app.db.workspace import open_workspace
    ws = open_workspace(tmp_path_factory.mktemp("cc") / "ws.sqlite")
    [report] = import_files(ws, [BLACK_SILICON])
    assert report.status == "imported"
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def references(corpus):
    return references_frame(corpus)


def raw_cited_dois() -> list[set[str]]:
    """Per record, the DOIs of its CR lines (lower case), read from the raw file."""
    result = []
    for record in raw_records():
        dois = set()
        for line in record.get("CR", []):
            found = _DOI.search(line)
            if found:
                dois.add(found.group(1).rstrip(".").lower())
        result.append(dois)
    return result


def test_top_cocited_doi_pairs_match_raw_cr_lines(references):
    pairs, cited = Counter(), Counter()
    for dois in raw_cited_dois():
        cited.update(dois)
        pairs.update(itertools.combinations(sorted(dois), 2))
    network = build_cocitation_network(references, NetworkParams(min_occurrences=1))
    top = pairs.most_common(10)
    assert top[0][1] >= 10
    for (a, b), count in top:
        i, j = node_index(network, a), node_index(network, b)
        assert network.adjacency[i, j] == count, (a, b)
        assert len(records_for_edge(network, i, j)) == count
    for doi, count in cited.most_common(5):
        assert network.occurrences[node_index(network, doi)] == count
    # Labels are readable reference strings carrying the DOI.
    assert top[0][0][0] in network.labels[node_index(network, top[0][0][0])].lower()


def test_cocitation_threshold(references):
    cited = Counter()
    for dois in raw_cited_dois():
        cited.update(dois)
    network = build_cocitation_network(references, NetworkParams(min_occurrences=15))
    dois_kept = {k for k in network.keys if k.startswith("10.")}
    assert dois_kept == {d for d, n in cited.items() if n >= 15}


def test_coupling_matches_brute_force(references):
    keyed = references.dropna(subset=["ref_key"])
    refs = keyed.groupby("publication_id")["ref_key"].apply(set).to_dict()
    network = build_coupling_network(references, NetworkParams(min_occurrences=1))
    assert set(int(k) for k in network.keys) == set(refs)
    ids = sorted(refs)[:60]  # brute force over a slice: 1,770 pairs
    for a, b in itertools.combinations(ids, 2):
        shared = len(refs[a] & refs[b])
        i, j = node_index(network, str(a)), node_index(network, str(b))
        assert network.adjacency[i, j] == shared
    i, j = node_index(network, str(ids[0])), node_index(network, str(ids[1]))
    assert records_for_edge(network, i, j) == [ids[0], ids[1]]


def test_country_collaboration_matches_brute_force(corpus):
    with corpus.session() as session:
        addresses = addresses_frame(session.connection())
    countries = (addresses.dropna(subset=["country"])
                 .assign(country=lambda f: f["country"].str.casefold())
                 .groupby("publication_id")["country"].apply(set))
    pairs, counts = Counter(), Counter()
    for found in countries:
        counts.update(found)
        pairs.update(itertools.combinations(sorted(found), 2))
    result = build_network(corpus, "coauthors", CorpusFilter(),
                           NetworkOptions(min_occurrences=1, unit="countries"))
    network = result.network
    for (a, b), n in pairs.most_common(8):
        assert network.adjacency[node_index(network, a), node_index(network, b)] == n
    top_country, n = counts.most_common(1)[0]
    assert network.occurrences[node_index(network, top_country)] == n


def test_author_and_institution_maps_build(corpus):
    for unit in ("authors", "institutions"):
        result = build_network(corpus, "coauthors", CorpusFilter(),
                               NetworkOptions(min_occurrences=3, unit=unit, seed=1))
        assert result.network.n_nodes > 10
        assert result.nodes["occurrences"].min() >= 3
        assert result.modularity > 0


def test_cocitation_service_on_filtered_selection(corpus):
    result = build_network(corpus, "cocitation", CorpusFilter(query="nanowire"),
                           NetworkOptions(min_occurrences=3, top_n=50))
    with corpus.session() as session:
        selected = publications_frame(session.connection(), CorpusFilter(query="nanowire"))
    assert result.publications == len(selected)
    assert result.network.n_nodes <= 50
    assert set(result.network.record_ids) <= set(selected["publication_id"])
