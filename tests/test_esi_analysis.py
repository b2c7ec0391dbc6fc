"""ESI status formulas, checked against values read by hand from the real exports."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.esi import EsiStatusParams, compute_esi_status, threshold_rank
from analyst_app.db.workspace import open_workspace
from analyst_app.services.esi import STATUS_JSON_KEYS, esi_status, status_records

DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"

# Worked by hand from the CSVs (line = 2 + position in the list):
#   ENGINEERING N = 2787: ⌈278.7⌉ = 279 → PRINCETON 63,513; ⌈27.87⌉ = 28 → ISLAMIC AZAD 312,279;
#   last row 3,794. DUT rank 24, cites 329,667 ≥ 312,279 → top 1‱.
#   CHEMISTRY N = 2141: ⌈214.1⌉ = 215 → NANCHANG 96,742; ⌈21.41⌉ = 22 → SICHUAN 353,010;
#   last row 7,883. DUT rank 47, cites 269,608: ≥ 96,742, < 353,010 → top 1‰.
#   MATHEMATICS N = 395: ⌈39.5⌉ = 40 → MICHIGAN 20,186; ⌈3.95⌉ = 4 → CAS 53,218; last 5,213.
#   DUT rank 151, cites 10,323 < 20,186 → top 1%.
HAND = {
    "ENGINEERING": dict(rank=24, institutions=2787, cites=329667, threshold_1pct=3794,
                        threshold_1permille=63513, threshold_1per10k=312279, status="top_1per10k"),
    "CHEMISTRY": dict(rank=47, institutions=2141, cites=269608, threshold_1pct=7883,
                      threshold_1permille=96742, threshold_1per10k=353010, status="top_1permille"),
    "MATHEMATICS": dict(rank=151, institutions=395, cites=10323, threshold_1pct=5213,
                        threshold_1permille=20186, threshold_1per10k=53218, status="top_1pct"),
}


@pytest.fixture
def sample_result(sample_workspace_path):
    ws = open_workspace(sample_workspace_path, create=False)
    try:
        yield esi_status(ws, DUT).result
    finally:
        ws.close()


def test_thresholds_percentile_and_status_match_hand_values(sample_result):
    table = sample_result.table.set_index("field")
    for field, expected in HAND.items():
        row = table.loc[field]
        for key, value in expected.items():
            assert row[key] == value, (field, key)
        assert row["percentile"] == pytest.approx(expected["rank"] / expected["institutions"])
        assert row["threshold_1pct_source"] == "derived"
        assert row["ratio_1permille"] == pytest.approx(expected["cites"] / expected["threshold_1permille"])
    assert table.loc["ENGINEERING", "percentile"] == pytest.approx(0.008611, abs=1e-6)
    assert len(sample_result.listed) == 11  # DUT is listed in every sample field


def test_json_records_carry_the_contract_keys(sample_result):
    records = status_records(sample_result)
    assert all(list(r)[: len(STATUS_JSON_KEYS)] == list(STATUS_JSON_KEYS) for r in records)
    engineering = next(r for r in records if r["field"] == "ENGINEERING")
    assert engineering["rank"] == 24 and engineering["institutions"] == 2787
    assert isinstance(engineering["cites"], int)


@pytest.mark.parametrize("n, share, rounding, expected", [
    (2787, 0.1, "ceil", 279), (2787, 0.01, "ceil", 28), (1380, 0.1, "ceil", 138),
    (2787, 0.1, "floor", 278), (2785, 0.1, "round", 279), (5, 0.01, "ceil", 1),
    (395, 0.01, "floor", 3),
])
def test_threshold_rank(n, share, rounding, expected):
    assert threshold_rank(n, share, rounding) == expected


def _list(release: str, field: str, cites: list[int], names: list[str] | None = None) -> pd.DataFrame:
    names = names or [f"INST {i}" for i in range(len(cites))]
    ranks, prev = [], None
    for i, c in enumerate(cites):  # competition ranking, as ESI prints ties
        ranks.append(ranks[-1] if prev == c else i + 1)
        prev = c
    return pd.DataFrame({"release": release, "field": field, "rank": ranks, "institution": names,
                         "country": "X", "documents": 10, "cites": cites,
                         "cites_per_paper": 1.0, "top_papers": 1})


def test_rank_change_new_and_dropped_fields():
    cites = list(range(2000, 0, -10))  # 200 institutions
    names_a = [f"INST {i}" for i in range(200)]
    names_b = names_a.copy()
    names_b[5], names_b[8] = names_b[8], names_b[5]  # INST 8 moves up from rank 9 to 6
    frames = [
        _list("2025-09", "CHEMISTRY", cites, names_a),
        _list("2025-11", "CHEMISTRY", cites, names_b),
        _list("2025-09", "PHYSICS", cites, names_a),
        _list("2025-11", "PHYSICS", cites, [n.replace("INST 8", "OTHER") for n in names_a]),
        _list("2025-09", "MATHEMATICS", cites, [n.replace("INST 8", "OTHER") for n in names_a]),
        _list("2025-11", "MATHEMATICS", cites, names_a),
    ]
    result = compute_esi_status(pd.concat(frames), EsiStatusParams("inst 8"))
    table = result.table.set_index("field")
    assert (result.release, result.previous_release) == ("2025-11", "2025-09")
    assert table.loc["CHEMISTRY", "rank"] == 6 and table.loc["CHEMISTRY", "rank_change"] == 3
    assert table.loc["PHYSICS", "status"] == "not_listed"
    assert bool(table.loc["MATHEMATICS", "newly_listed"]) and not bool(table.loc["CHEMISTRY", "newly_listed"])
    assert result.dropped_fields == ["PHYSICS"]


def test_aliases_ties_and_published_threshold():
    cites = [500, 400, 400, 300] + [100] * 96  # N = 100: 1‰ at rank 10, 1‱ at rank 1
    frame = _list("2025-11", "PHYSICS", cites, ["A", "B", "OLD NAME", "C"] + [f"I{i}" for i in range(96)])
    published = pd.DataFrame({"release": ["2025-11"], "field": ["PHYSICS"], "cites": [90]})
    result = compute_esi_status(frame, EsiStatusParams("New Name", aliases=("old  name",)), published)
    row = result.table.iloc[0]
    assert row["rank"] == 2 and row["matched_name"] == "OLD NAME"  # tie at 400 shares rank 2
    assert row["threshold_1pct"] == 90 and row["threshold_1pct_source"] == "published"
    assert row["threshold_1permille"] == 100 and row["threshold_1per10k"] == 500
    assert row["status"] == "top_1permille"


def test_unknown_release_and_empty_input_raise():
    with pytest.raises(ValueError, match="no ESI ranking lists"):
        compute_esi_status(_list("2025-11", "X", [1]).iloc[0:0], EsiStatusParams("A"))
    with pytest.raises(ValueError, match="2024-01"):
        compute_esi_status(_list("2025-11", "X", [1]), EsiStatusParams("A", release="2024-01"))


def test_field_without_previous_list_is_not_newly_listed():
    cites = list(range(2000, 0, -10))
    names = [f"INST {i}" for i in range(200)]
    frames = [_list("2025-09", "CHEMISTRY", cites, names),
              _list("2025-11", "CHEMISTRY", cites, names),
              _list("2025-11", "PHYSICS", cites, names)]  # PHYSICS was not imported for 2025-09
    table = compute_esi_status(pd.concat(frames), EsiStatusParams("INST 8")).table.set_index("field")
    assert not bool(table.loc["PHYSICS", "newly_listed"])
    assert pd.isna(table.loc["PHYSICS", "previous_rank"]) and pd.isna(table.loc["PHYSICS", "rank_change"])
    assert table.loc["CHEMISTRY", "rank_change"] == 0


def test_misspelled_institution_is_refused_with_suggestions(sample_workspace_path):
    from analyst_app.errors import InputError
    ws = open_workspace(sample_workspace_path, create=False)
    try:
        with pytest.raises(InputError, match="did you mean 'DALIAN UNIVERSITY OF TECHNOLOGY'"):
            esi_status(ws, "DALIAN UNIV OF TECHNOLOGY")
        result = esi_status(ws, "NOWHERE INSTITUTE", allow_unlisted=True).result
        assert (result.table["status"] == "not_listed").all()
    finally:
        ws.close()
