"""Trend topics, cluster timeline, thematic map (by hand) and the cross-discipline service on a real file."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis.cross_discipline import compute_intersection_growth, match_ours
from analysis.trends import TrendTopicParams, compute_cluster_timeline, compute_thematic_map, \
    compute_trend_topics
from tests.conftest import SAMPLES

BLACKSILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"


def _occurrences(rows: list[tuple[int, int, str]]) -> pd.DataFrame:
    return pd.DataFrame([(p, y, t.casefold(), t) for p, y, t in rows],
                        columns=["publication_id", "year", "key", "term"])


def test_trend_topics_quartiles_by_hand():
    # "a" in 2010, 2012, 2014, 2016, 2018: numpy linear quartiles of 5 values are the 2nd,
    # 3rd and 4th values: 2012, 2014, 2016. "b" in 2019 ×2, 2020: q1 = 2019,
    # median = 2019, q3 = 2019.5 → rounded half to even 2020 (numpy's round). "c" once: dropped.
    rows = [(i, y, "a") for i, y in enumerate([2010, 2012, 2014, 2016, 2018])]
    rows += [(10, 2019, "b"), (11, 2019, "b"), (12, 2020, "b"), (13, 2020, "c")]
    table = compute_trend_topics(_occurrences(rows), TrendTopicParams(min_frequency=2, per_year=5))
    assert table[["term", "frequency", "year_q1", "year_median", "year_q3"]].values.tolist() == [
        ["a", 5, 2012, 2014, 2016], ["b", 3, 2019, 2019, 2020]]


def test_trend_topics_keep_top_per_median_year():
    # Three terms with median year 2020, frequencies 4, 3, 2: per_year = 2 keeps the first two.
    rows = [(i, 2020, "x") for i in range(4)] + [(i, 2020, "y") for i in range(3)]
    rows += [(i, 2020, "z") for i in range(2)]
    table = compute_trend_topics(_occurrences(rows), TrendTopicParams(min_frequency=1, per_year=2))
    assert table["term"].tolist() == ["x", "y"]


def test_cluster_timeline_counts_publications_once_per_cluster():
    # Publication 1 (2020) has two keywords of cluster 0: it counts once there.
    rows = [(1, 2020, "co2 capture"), (1, 2020, "amine"), (2, 2020, "MOF"), (3, 2021, "amine"),
            (4, 2021, "unclustered")]
    clusters = pd.DataFrame({"keyword": ["CO2 Capture", "Amine", "mof"], "cluster": [0, 0, 1]})
    table = compute_cluster_timeline(_occurrences(rows), clusters)
    assert table[["cluster", "year", "publications", "keywords"]].values.tolist() == [
        [0, 2020, 1, 2], [0, 2021, 1, 1], [1, 2020, 1, 1]]
    # Shares: 2020 has 2 publications with keywords, 2021 has 2 (3 and 4).
    assert table["share"].tolist() == [0.5, 0.5, 0.5]
    assert table["publication_ids"].tolist() == [[1], [3], [2]]


def test_thematic_map_by_hand():
    # Clusters: A = {a1, a2}, B = {b1, b2}, C = {c1}, D = {d1, d2}.
    # Edges: a1-a2 6 (internal A), a1-b1 1, a2-c1 2 (external A), b1-b2 1 (internal B),
    #        b2-d1 3 (external B, D), d1-d2 8 (internal D), c1-d2 0.5.
    # Centrality (Σ external): A = 1 + 2 = 3, B = 1 + 3 = 4, C = 2 + 0.5 = 2.5, D = 3 + 0.5 = 3.5.
    # Density (internal / nodes): A = 6/2 = 3, B = 1/2 = 0.5, C = 0/1 = 0, D = 8/2 = 4.
    # Medians: centrality 3.25, density 1.75 → D motor (3.5, 4), A niche (3, 3),
    # B basic (4, 0.5), C emerging or declining (2.5, 0).
    edges = pd.DataFrame([("a1", "a2", 6), ("a1", "b1", 1), ("a2", "c1", 2), ("b1", "b2", 1),
                          ("b2", "d1", 3), ("d1", "d2", 8), ("c1", "d2", 0.5)],
                         columns=["source", "target", "weight"])
    clusters = pd.DataFrame({"keyword": ["a1", "a2", "b1", "b2", "c1", "d1", "d2"],
                             "cluster": list("AABBCDD")})
    table = compute_thematic_map(edges, clusters).set_index("cluster")
    assert table["centrality"].to_dict() == {"A": 3.0, "B": 4.0, "C": 2.5, "D": 3.5}
    assert table["density"].to_dict() == {"A": 3.0, "B": 0.5, "C": 0.0, "D": 4.0}
    assert table["quadrant"].to_dict() == {"A": "niche", "B": "basic",
                                           "C": "emerging_or_declining", "D": "motor"}


def test_intersection_growth_by_hand():
    # A: 2020 ×4, 2021 ×5; B: 2020 ×2, 2022 ×1; both: 2020 ×1, 2021 ×0 (2022 none in A).
    table = compute_intersection_growth(pd.Series([2020] * 4 + [2021] * 5),
                                        pd.Series([2020, 2020, 2022]), pd.Series([2020]))
    assert table["year"].tolist() == [2020, 2021, 2022]
    assert table["papers_both"].tolist() == [1, 0, 0]
    assert table["share_of_a"].iloc[0] == 0.25 and table["share_of_b"].iloc[0] == 0.5
    assert pd.isna(table["share_of_b"].iloc[1])  # B has nothing in 2021


def test_match_ours_is_whole_name_and_case_insensitive():
    addresses = pd.DataFrame({"organisation": ["Dalian Univ Technol", "DALIAN UNIV", None],
                              "text": ["", "", "Dalian Univ Technol, Sch Chem, Dalian, China"]})
    assert match_ours(addresses, ["DALIAN UNIV TECHNOL"]).tolist() == [True, False, True]


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory):
    if not BLACKSILICON.exists():
        pytest.skip(f"real sample {BLACKSILICON.name} not found in {SAMPLES}")
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    workspace = open_workspace(tmp_path_factory.mktemp("trends") / "w.sqlite")
    assert import_files(workspace, [BLACKSILICON])[0].status == "imported"
    workspace.set_institution("Aalto Univ")
    yield workspace
    workspace.close()


def test_cross_discipline_on_real_file(sample_ws):
    from analyst_app.services.corpus import CorpusFilter
    from analyst_app.services.trends import run_cross_discipline
    # Independent count from the raw file: records whose title/keywords/abstract contain
    # both words "solar" and "cell" (the query's words must all occur, anywhere) and whose
    # WC line lists "Energy & Fuels".
    text = BLACKSILICON.read_text(encoding="utf-8").split("\nER\n")
    fields = [_fields(record) for record in text if "\nPT " in "\n" + record or record.startswith("PT")]
    in_a = [f for f in fields if "solar" in f["search"] and "cell" in f["search"]]
    in_both = [f for f in in_a if "energy & fuels" in f["WC"]]
    school = lambda address: "Dept Elect Engn" if "Elect" in address else None  # noqa: E731
    result = run_cross_discipline(sample_ws, CorpusFilter(query="solar cell"),
                                  CorpusFilter(categories=("Energy & Fuels",)),
                                  school_of=school)
    assert result.provenance["counts"]["papers_a"] == len(in_a)
    assert len(result.publication_ids) == len(in_both) > 0
    assert result.growth["papers_both"].sum() == len(in_both)
    years = Counter(f["PY"] for f in in_both)
    growth = result.growth.set_index("year")
    assert all(growth.loc[int(y), "papers_both"] == n for y, n in years.items() if y)
    # Ours (Aalto Univ): intersection records with a C1 address whose organisation (the
    # text after the bracketed author list, up to the first comma) is "Aalto Univ".
    aalto = [f for f in in_both if "Aalto Univ" in f["organisations"]]
    assert len(result.our_publications) == len(aalto) > 0
    assert set(result.our_publications) <= set(result.publication_ids)
    assert not result.our_authors.empty
    assert result.our_authors["papers"].max() <= len(aalto)
    assert set(result.our_schools["name"]) <= {"Dept Elect Engn", "(unmapped)"}
    assert result.our_schools["papers"].max() <= len(aalto)


def _fields(record: str) -> dict[str, str]:
    tags: dict[str, list[str]] = {}
    tag = None
    for line in record.splitlines():
        if line.startswith("   ") and tag:
            tags[tag].append(line.strip())
        elif len(line) > 2 and line[2] == " ":
            tag = line[:2]
            tags.setdefault(tag, []).append(line[3:].strip())
    # The filter searches title, author keywords, Keywords Plus and abstract.
    search = " ".join(" ".join(tags.get(t, [])) for t in ("TI", "DE", "ID", "AB")).lower()
    return {"search": " ".join(search.split()), "WC": " ".join(tags.get("WC", [])).lower(),
            "PY": (tags.get("PY") or [""])[0],
            "keywords": ";".join([" ".join(tags.get("DE", [])), " ".join(tags.get("ID", []))]),
            "organisations": {line.split("]")[-1].split(",")[0].strip()
                              for line in tags.get("C1", [])}}


def test_reference_bursts_count_citing_records(sample_ws):
    from analyst_app.services.trends import run_reference_bursts
    analysis = run_reference_bursts(sample_ws)
    bursts = analysis.table
    assert not bursts.empty
    top = bursts.sort_values("strength", ascending=False).iloc[0]
    # Independent: citing records whose CR lines mention that DOI, counted in the raw file.
    raw = BLACKSILICON.read_text(encoding="utf-8").split("\nER\n")
    doi = top["key"]
    assert doi.startswith("10.")
    citing = sum(1 for record in raw if doi.lower() in _cited_text(record))
    assert top["occurrences"] == citing
    assert analysis.result.records(doi) and len(analysis.result.records(doi)) == citing


def _cited_text(record: str) -> str:
    """The CR lines of a raw record, lower-cased (the record's own DI line is left out)."""
    lines, inside = [], False
    for line in record.splitlines():
        if line.startswith("CR "):
            inside = True
        elif not line.startswith("   "):
            inside = False
        if inside:
            lines.append(line.lower())
    return "\n".join(lines)


def test_cluster_timeline_and_trend_topics_services(sample_ws):
    from analyst_app.services.trends import run_cluster_timeline, run_trend_topics
    clusters = pd.DataFrame({"keyword": ["Black silicon", "SOLAR CELLS"], "cluster": [0, 1]})
    table = run_cluster_timeline(sample_ws, clusters).result
    # Independent: records per year whose DE or ID list holds "black silicon" (any case).
    expected = Counter()
    for record in BLACKSILICON.read_text(encoding="utf-8").split("\nER\n"):
        tags = _fields(record)
        keywords = {" ".join(k.split()).casefold() for k in tags["keywords"].split(";")}
        if "black silicon" in keywords and tags["PY"]:
            expected[int(tags["PY"])] += 1
    assert sum(expected.values()) >= 10
    got = table[table["cluster"] == 0].set_index("year")["publications"].to_dict()
    assert {y: n for y, n in got.items() if y in expected} == dict(expected)
    topics = run_trend_topics(sample_ws, params=TrendTopicParams(min_frequency=10, per_year=2)).result
    assert (topics["frequency"] >= 10).all()
    assert (topics["year_q1"] <= topics["year_median"]).all()
    assert (topics["year_median"] <= topics["year_q3"]).all()
    assert topics.groupby("year_median").size().max() <= 2
