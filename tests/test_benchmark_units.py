"""Benchmarking analysis on small hand-made tables, checked against hand or brute-force values."""

from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest

from analysis.benchmark import (BenchmarkInstitution, BenchmarkParams, compute_benchmark)
from analysis.benchmark_esi import compute_esi_benchmark
from analysis.benchmark_regions import address_region
from analysis.benchmark_wos import citation_thresholds, h_index, match_institutions

EMPTY_RANKINGS = pd.DataFrame(columns=["release", "field", "rank", "institution", "documents",
                                       "cites", "cites_per_paper", "top_papers"])


@pytest.mark.parametrize("text, country, region", [
    ("Dalian Univ Technol, Sch Chem, Dalian 116024, Peoples R China", "Peoples R China",
     "CHINA MAINLAND"),
    ("Hong Kong Polytech Univ, Dept Elect Engn, Hong Kong, Peoples R China", "Peoples R China",
     "HONG KONG"),
    # CUHK-Shenzhen is in Shenzhen: mainland, though its name says Hong Kong.
    ("Chinese Univ Hong Kong, Shenzhen, Sch Sci & Engn, Shenzhen 518172, Peoples R China",
     "Peoples R China", "CHINA MAINLAND"),
    ("Univ Macau, Dept Comp & Informat Sci, Macau 999078, Peoples R China", "Peoples R China",
     "MACAU"),
    ("Univ Macau, State Key Lab, Taipa 999078, Macao, Peoples R China", "Peoples R China",
     "MACAU"),
    ("Natl Taiwan Univ, Taipei 10617, Taiwan", "Taiwan", "TAIWAN"),
    ("Chinese Univ Hong Kong, Shatin, Hong Kong", "Hong Kong", "HONG KONG"),
    ("Univ Oxford, Oxford OX1 3PU, England", "England", "UK"),
    ("Univ Edinburgh, Edinburgh, Scotland", "Scotland", "UK"),
    ("Stanford Univ, Stanford, CA 94305 USA", "USA", "USA"),
    ("Tsinghua University, Beijing, China", "China", "CHINA MAINLAND"),
    ("Univ Tehran, Tehran, Iran", "Iran", "IRAN"),
    ("Somewhere", None, None),
])
def test_address_region(text, country, region):
    assert address_region(text, country) == region


def test_h_index_matches_brute_force():
    rng = random.Random(7)
    for _ in range(200):
        cites = [rng.randint(0, 30) for _ in range(rng.randint(0, 25))]
        brute = max([h for h in range(len(cites) + 1)
                     if sum(c >= h for c in cites) >= h], default=0)
        assert h_index(cites) == brute, cites


def test_thresholds_and_ties_by_hand():
    # 12 papers in one field-year: ceil(0.1*12) = 2nd highest = 40; ceil(0.01*12) = 1st = 50.
    cites = [50, 40, 40, 30, 9, 8, 7, 6, 5, 0, 0, 0]
    pubs = pd.DataFrame({"field": "CHEMISTRY", "year": 2023, "times_cited": cites})
    thresholds = citation_thresholds(pubs)
    row = thresholds.iloc[0]
    assert (row["baseline_papers"], row["threshold_top10"], row["threshold_top1"]) == (12, 40, 50)


def test_top_share_counts_ties_and_never_zero_citations():
    # Field-year A: 20 papers, cites 19..0 → top 10% threshold = 2nd highest = 18.
    # Field-year B: 5 papers all uncited → threshold 0, but uncited papers are never "top".
    pubs = pd.DataFrame({
        "publication_id": range(1, 26),
        "year": [2020] * 20 + [2021] * 5,
        "times_cited": list(range(19, -1, -1)) + [0] * 5,
        "esi_field": ["PHYSICS"] * 25})
    # Our papers: ids 1, 2 (19 and 18 cites: both top 10%), 3 (17: not), 21 (0 cites).
    addresses = pd.DataFrame({
        "publication_id": [1, 2, 3, 21, 4],
        "text": ["Our Univ, X, Peoples R China"] * 4 + ["Other Univ, Y, USA"],
        "organisation": ["Our Univ"] * 4 + ["Other Univ"],
        "country": ["Peoples R China"] * 4 + ["USA"]})
    ours = BenchmarkInstitution("OUR UNIVERSITY", ("OUR UNIVERSITY",), ("Our Univ",))
    peer = BenchmarkInstitution("OTHER UNIVERSITY", ("OTHER UNIVERSITY",), ("Other Univ",))
    result = compute_benchmark(EMPTY_RANKINGS, pubs, addresses,
                               BenchmarkParams(ours, (peer,), min_papers=3))
    cells = result.wos.set_index(["institution", "year"])
    mine_2020 = cells.loc[("OUR UNIVERSITY", 2020)]
    assert (mine_2020["papers"], mine_2020["top10_papers"], mine_2020["top1_papers"]) == (3, 2, 1)
    assert mine_2020["top10_share"] == pytest.approx(2 / 3)
    mine_2021 = cells.loc[("OUR UNIVERSITY", 2021)]
    assert (mine_2021["papers"], mine_2021["top10_papers"]) == (1, 0)
    assert bool(mine_2021["small_sample"]) and "fewer than 3" in mine_2021["warning"]
    assert not bool(mine_2020["small_sample"])
    assert any("OUR UNIVERSITY: 1 of 2 field-year cells" in w for w in result.warnings)
    assert "collection-normalised" in result.method and "CNCI" in result.method


def test_matching_is_whole_comma_part_and_case_insensitive():
    addresses = pd.DataFrame({
        "publication_id": [1, 2, 3, 4],
        "text": ["Tianjin Univ, Sch Chem Engn, Tianjin 300072, Peoples R China",
                 "Tianjin Univ Technol, Sch Mat, Tianjin, Peoples R China",
                 "Collaborat Innovat Ctr, TIANJIN  UNIV, Tianjin, Peoples R China",
                 "Nankai Univ, Tianjin, Peoples R China"],
        "organisation": ["Tianjin Univ", "Tianjin Univ Technol", "Collaborat Innovat Ctr",
                         "Nankai Univ"],
        "country": ["Peoples R China"] * 4})
    matched = match_institutions(addresses, {"TJU": ["Tianjin Univ"]})
    assert sorted(matched["publication_id"]) == [1, 3]


def test_international_share_rules():
    # One paper per collaboration pattern; "ours" is a mainland university.
    partners = {1: None, 2: ("Univ Tokyo, Tokyo, Japan", "Japan"),
                3: ("City Univ Hong Kong, Kowloon, Hong Kong, Peoples R China", "Peoples R China"),
                4: ("Peking Univ, Beijing, Peoples R China", "Peoples R China"),
                5: ("Natl Tsing Hua Univ, Hsinchu, Taiwan", "Taiwan")}
    rows = []
    for pid, partner in partners.items():
        rows.append((pid, "Our Univ, Dalian, Peoples R China", "Our Univ", "Peoples R China"))
        if partner:
            rows.append((pid, partner[0], partner[0].split(",")[0], partner[1]))
    addresses = pd.DataFrame(rows, columns=["publication_id", "text", "organisation", "country"])
    pubs = pd.DataFrame({"publication_id": list(partners), "year": 2024,
                         "times_cited": 1, "esi_field": "ENGINEERING"})
    ours = BenchmarkInstitution("OUR", ("OUR",), ("Our Univ",))
    peer = BenchmarkInstitution("PKU", ("PKU",), ("Peking Univ",))
    separate = compute_benchmark(EMPTY_RANKINGS, pubs, addresses, BenchmarkParams(ours, (peer,)))
    row = separate.wos.iloc[0]
    assert row["institution"] == "OUR" and row["international_papers"] == 3  # 2, 3, 5
    one_china = compute_benchmark(EMPTY_RANKINGS, pubs, addresses,
                                  BenchmarkParams(ours, (peer,), greater_china_as_one=True))
    assert one_china.wos.iloc[0]["international_papers"] == 1  # Japan only
    assert "Greater China" in one_china.method


def test_esi_not_listed_is_not_zero_and_rank_change():
    rankings = pd.DataFrame([
        # release, field, rank, institution, documents, cites, cites_per_paper, top_papers
        ("2025-09", "CHEMISTRY", 1, "ALPHA UNIVERSITY", 100, 5000, 50.0, 9),
        ("2025-09", "CHEMISTRY", 2, "BETA UNIVERSITY", 90, 4000, 44.44, 5),
        ("2025-11", "CHEMISTRY", 1, "BETA UNIVERSITY", 95, 5200, 54.74, 6),
        ("2025-11", "CHEMISTRY", 2, "ALPHA UNIVERSITY", 101, 5100, 50.5, 9),
        ("2025-11", "CHEMISTRY", 3, "GAMMA INSTITUTE", 50, 100, 2.0, 0),
        ("2025-11", "PHYSICS", 1, "ALPHA UNIVERSITY", 10, 300, 30.0, 1),
    ], columns=["release", "field", "rank", "institution", "documents", "cites",
                "cites_per_paper", "top_papers"])
    table = compute_esi_benchmark(rankings, {"BETA UNIVERSITY": ["beta  university"],
                                             "ALPHA UNIVERSITY": ["ALPHA UNIVERSITY"]})
    beta_physics = table[(table["institution"] == "BETA UNIVERSITY")
                         & (table["field"] == "PHYSICS")].iloc[0]
    assert not beta_physics["listed"] and pd.isna(beta_physics["rank"])
    assert pd.isna(beta_physics["cites"]) and beta_physics["institutions"] == 1
    beta_chem = table[(table["institution"] == "BETA UNIVERSITY")
                      & (table["field"] == "CHEMISTRY") & (table["release"] == "2025-11")]
    assert beta_chem.iloc[0]["percentile"] == pytest.approx(1 / 3)
    ours = BenchmarkInstitution("BETA UNIVERSITY", ("BETA UNIVERSITY",), ())
    peer = BenchmarkInstitution("ALPHA UNIVERSITY", ("ALPHA UNIVERSITY",), ())
    result = compute_benchmark(rankings, pd.DataFrame(columns=["publication_id", "year",
                               "times_cited", "esi_field"]),
                               pd.DataFrame(columns=["publication_id", "text", "organisation",
                                                     "country"]),
                               BenchmarkParams(ours, (peer,)))
    assert result.release == "2025-11"
    assert list(result.esi["institution"][:2]) == ["BETA UNIVERSITY", "ALPHA UNIVERSITY"]
    trend = result.esi_trend.set_index(["institution", "field", "release"])
    assert trend.loc[("BETA UNIVERSITY", "CHEMISTRY", "2025-11"), "rank_change"] == 1
    assert trend.loc[("ALPHA UNIVERSITY", "CHEMISTRY", "2025-11"), "rank_change"] == -1
    with pytest.raises(ValueError, match="2024-01"):
        compute_benchmark(rankings, result.wos, result.wos, BenchmarkParams(
            ours, (peer,), release="2024-01"))


def test_thresholds_match_brute_force_definition():
    # A paper is top-10% iff fewer than ceil(0.1 n) papers of its field-year are cited more.
    rng = random.Random(3)
    for n in itertools.chain(range(1, 15), (37, 101)):
        cites = [rng.choice([0, 0, 1, 2, 3, 5, 8, 13]) for _ in range(n)]
        pubs = pd.DataFrame({"field": "X", "year": 2020, "times_cited": cites})
        threshold = citation_thresholds(pubs).iloc[0]["threshold_top10"]
        k = -(-n // 10)
        for c in cites:
            assert (c >= threshold) == (sum(other > c for other in cites) < k), (cites, c)
