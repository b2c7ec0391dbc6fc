"""School contribution on small hand-made frames, checked against numbers worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.contribution import (
    JSON_KEYS, TABLE_COLUMNS, UNMATCHED, ContributionParams, compute_cell_papers,
    compute_contribution, compute_unmatched_addresses, link_school_authors,
)

# Five papers. 1: A+B (CHEM, 10 cites, HCP); 2: A twice (CHEM, 4); 3: ours, no school matched
# (CHEM, 6); 4: B (ENG, 0 cites); 5: not ours (CHEM, 100 cites, HCP); 6: A, no ESI field.
PUBLICATIONS = pd.DataFrame({
    "publication_id": [1, 2, 3, 4, 5, 6],
    "ut": [f"WOS:{i}" for i in range(1, 7)], "doi": [None] * 6,
    "title": ["p1", "p2", "p3", "p4", "p5", "p6"], "year": [2020, 2021, 2022, 2023, 2023, 2024],
    "esi_field": ["CHEMISTRY", "CHEMISTRY", "CHEMISTRY", "ENGINEERING", "CHEMISTRY", None],
    "times_cited": [10, 4, 6, 0, 100, 3],
    "highly_cited": [True, False, False, False, True, False],
})
SCHOOL_ADDRESSES = pd.DataFrame({
    "publication_id": [1, 1, 1, 2, 2, 3, 4, 6],
    "position": [0, 1, 2, 0, 1, 0, 0, 0],
    "text": ["U, Sch A, X", "U, Sch B, X", "U, Beijing 100000, China", "U, Sch A, X",
             "U, Sch A Lab, X", "U, Inst Q, X, China", "U, Sch B, X", "U, Sch A, X"],
    "school": ["A", "B", None, "A", "A", None, "B", "A"],
})


def _cell(table: pd.DataFrame, school: str, field: str) -> pd.Series:
    rows = table[(table["school"] == school) & (table["field"] == field)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_full_counting_by_hand():
    result = compute_contribution(PUBLICATIONS, SCHOOL_ADDRESSES, ContributionParams("full"))
    table = result.table
    assert list(table.columns) == list(TABLE_COLUMNS) and set(JSON_KEYS) <= set(table.columns)
    a = _cell(table, "A", "CHEMISTRY")
    # CHEMISTRY totals of ours: papers 1, 2, 3 → 3 papers, 20 cites, 1 HCP (paper 5 is not ours).
    assert (a["field_papers"], a["field_cites"], a["field_hcp"]) == (3, 20, 1)
    assert (a["papers"], a["cites"], a["hcp"]) == (2, 14, 1)
    assert a["papers_share"] == pytest.approx(2 / 3) and a["cites_share"] == pytest.approx(0.7)
    b = _cell(table, "B", "CHEMISTRY")
    assert (b["papers"], b["cites"], b["hcp"], b["hcp_share"]) == (1, 10, 1, 1.0)
    unmatched = _cell(table, UNMATCHED, "CHEMISTRY")
    assert (unmatched["papers"], unmatched["cites"]) == (1, 6)
    # Full counting: paper 1 counts for A and B, so CHEMISTRY shares sum to 4/3.
    assert table[table["field"] == "CHEMISTRY"]["papers_share"].sum() == pytest.approx(4 / 3)
    eng = _cell(table, "B", "ENGINEERING")
    assert eng["papers_share"] == 1.0 and math.isnan(eng["cites_share"])  # 0 / 0 cites
    assert result.papers == 5 and result.papers_without_field == 1
    assert "Full counting" in result.method and "整数计数" in result.method_zh


def test_fractional_counting_by_hand_sums_to_one():
    result = compute_contribution(PUBLICATIONS, SCHOOL_ADDRESSES, ContributionParams("fractional"))
    table = result.table
    a, b = _cell(table, "A", "CHEMISTRY"), _cell(table, "B", "CHEMISTRY")
    # Paper 1 is split A ½, B ½; paper 2 is A's alone (two addresses of one school).
    assert (a["papers"], a["cites"], a["hcp"]) == (1.5, 9.0, 0.5)
    assert (b["papers"], b["cites"], b["hcp"]) == (0.5, 5.0, 0.5)
    assert a["papers_share"] == pytest.approx(0.5) and b["hcp_share"] == pytest.approx(0.5)
    for field, rows in table.groupby("field"):
        assert rows["papers_share"].sum() == pytest.approx(1.0), field
        assert rows["papers"].sum() == pytest.approx(rows["field_papers"].iloc[0])
    chem = table[table["field"] == "CHEMISTRY"]
    assert chem["cites_share"].sum() == pytest.approx(1.0)
    assert chem["school"].iloc[-1] == UNMATCHED  # unmatched last within a field
    assert list(table["field"].drop_duplicates()) == ["CHEMISTRY", "ENGINEERING"]
    assert "Fractional counting" in result.method and "100%" in result.method


def test_bad_counting_is_refused():
    with pytest.raises(ValueError, match="counting"):
        compute_contribution(PUBLICATIONS, SCHOOL_ADDRESSES, ContributionParams("weighted"))


def test_unmatched_addresses_are_counted_and_sorted():
    frame = pd.DataFrame({
        "publication_id": [1, 2, 3, 3, 4, 5],
        "text": ["U, Inst Q, X, China", "U, Inst Q, X, China", "U, Inst Q, X, China",
                 "U, Beijing 100000, China", "U, Beijing 100000, China", "U, Sch A, X"],
        "school": [None, None, None, None, None, "A"],
    })
    unmatched = compute_unmatched_addresses(frame, names=["U"])
    assert unmatched.to_dict("records") == [
        {"text": "U, Inst Q, X, China", "unit": "Inst Q", "papers": 3},
        {"text": "U, Beijing 100000, China", "unit": "", "papers": 2},
    ]


def test_drill_down_lists_papers_and_the_schools_authors():
    authorships = pd.DataFrame({
        "publication_id": [1, 1, 1, 2], "position": [0, 1, 2, 0],
        "full_name": ["Li, Wei", "Wang, Fang", "Smith, John", "Li, Wei"],
        "corresponding": [True, False, False, True],
        "address_positions": [[0], [1], [], [0, 1]],
    })
    result = compute_contribution(PUBLICATIONS, SCHOOL_ADDRESSES, ContributionParams("fractional"))
    authors = link_school_authors(authorships, SCHOOL_ADDRESSES)
    papers = compute_cell_papers(result, PUBLICATIONS, authors, "A", "CHEMISTRY")
    assert papers[["publication_id", "times_cited", "highly_cited", "weight", "authors"]] \
        .to_dict("records") == [
            {"publication_id": 1, "times_cited": 10, "highly_cited": True, "weight": 0.5,
             "authors": "Li, Wei"},
            {"publication_id": 2, "times_cited": 4, "highly_cited": False, "weight": 1.0,
             "authors": "Li, Wei"}]
    b = compute_cell_papers(result, PUBLICATIONS, authors, "B", "CHEMISTRY")
    assert b["authors"].tolist() == ["Wang, Fang"]
