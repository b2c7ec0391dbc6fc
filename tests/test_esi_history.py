"""ESI history across releases: hand values from the real exports, and the change sentences."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest

from analysis.esi_history import EsiHistoryParams, compute_esi_history
from analyst_app.db.queries import table_counts
from analyst_app.db.workspace import open_workspace
from analyst_app.errors import InputError
from analyst_app.services.esi_history import (HISTORY_JSON_KEYS, esi_history, history_records)
from tests.conftest import ESI_SAMPLES

DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"


def _hand(file_name: str) -> dict:
    """Read N, the threshold cites and DUT's row of one real export with plain csv."""
    path = ESI_SAMPLES / file_name
    if not path.exists():
        pytest.skip(f"real sample exports not found in {ESI_SAMPLES}")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    rows = [r for r in lines[2:] if len(r) == 7 and r[0].isdigit()]  # title, header, copyright
    n = len(rows)
    dut = next(r for r in rows if r[1] == DUT)
    return dict(institutions=n, rank=int(dut[0]), cites=int(dut[4]), documents=int(dut[3]),
                threshold_1pct=int(rows[-1][4]),
                threshold_1permille=int(rows[math.ceil(0.1 * n) - 1][4]),
                threshold_1per10k=int(rows[math.ceil(0.01 * n) - 1][4]))


@pytest.mark.parametrize("file_name, field", [
    ("esi_institutions_MATERIALS_SCIENCE.csv", "MATERIALS SCIENCE"),
    ("esi_institutions_PHYSICS.csv", "PHYSICS"),
])
def test_history_row_matches_the_real_export(sample_workspace_path, file_name, field):
    expected = _hand(file_name)
    ws = open_workspace(sample_workspace_path, create=False)
    try:
        report = esi_history(ws, DUT, fields=(field,))
    finally:
        ws.close()
    [row] = history_records(report.result)
    assert list(row)[: len(HISTORY_JSON_KEYS)] == list(HISTORY_JSON_KEYS)
    for key, value in expected.items():
        assert row[key] == value, key
    assert row["percentile"] == pytest.approx(expected["rank"] / expected["institutions"])
    assert row["release"] == "2025-11" and row["rank_change"] is None
    assert row["newly_listed"] is False  # one release only: nothing to compare with


def test_materials_science_hand_values_are_what_the_file_says():
    # Pin the hand reading itself: MATERIALS SCIENCE has 1,580 rows, the last is
    # UNIVERSITY OF WITWATERSRAND with 8,493 cites (see the file's tail).
    expected = _hand("esi_institutions_MATERIALS_SCIENCE.csv")
    assert expected["institutions"] == 1580 and expected["threshold_1pct"] == 8493


def _list(release: str, field: str, names: list[str], cites: list[int] | None = None) -> pd.DataFrame:
    cites = cites or list(range(len(names) * 10, 0, -10))
    return pd.DataFrame({"release": release, "field": field, "field_zh": _ZH[field],
                         "rank": range(1, len(names) + 1), "institution": names,
                         "country": "X", "documents": 10, "cites": cites,
                         "cites_per_paper": 1.0, "top_papers": 1})


_ZH = {"CHEMISTRY": "化学", "ENGINEERING": "工程学", "MATERIALS SCIENCE": "材料科学",
       "PHYSICS": "物理学", "MATHEMATICS": "数学"}


def _moved(names: list[str], who: str, rank: int) -> list[str]:
    rest = [n for n in names if n != who]
    return rest[: rank - 1] + [who] + rest[rank - 1:]


def test_sentences_fill_in_the_figures():
    others = [f"INST {i}" for i in range(1999)]
    us = "OUR UNIV"
    base = others[:244] + [us] + others[244:]  # we are 245th of N = 2000
    frames = [
        # CHEMISTRY: rank 245 → 233 (up 12), 233 / 2000 = 11.65%.
        _list("2025-09", "CHEMISTRY", base), _list("2025-11", "CHEMISTRY", _moved(base, us, 233)),
        # ENGINEERING: not in the September list, 2000th (last) in November: newly entered.
        _list("2025-09", "ENGINEERING", others[:2000]),
        _list("2025-11", "ENGINEERING", others[:1999] + [us]),
        # MATERIALS SCIENCE: rank 201 → 200 of 2000 = ⌈0.1·2000⌉: enters the top 1‰.
        _list("2025-09", "MATERIALS SCIENCE", _moved(base, us, 201)),
        _list("2025-11", "MATERIALS SCIENCE", _moved(base, us, 200)),
        # PHYSICS: listed, then gone: dropped. MATHEMATICS: no September list, so no sentence.
        _list("2025-09", "PHYSICS", base), _list("2025-11", "PHYSICS", others[:2000]),
        _list("2025-11", "MATHEMATICS", base),
    ]
    result = compute_esi_history(pd.concat(frames), EsiHistoryParams("our univ"))
    said = {(r["field"], r["kind"]): r for r in result.sentences.to_dict("records")}
    assert said[("CHEMISTRY", "rank_up")]["sentence_zh"] == (
        "化学学科排名较上期上升 12 位（第 245 位 → 第 233 位），位于前 11.65%")
    assert said[("CHEMISTRY", "rank_up")]["sentence_en"] == (
        "Chemistry rose 12 places on the previous release (rank 245 → 233), in the top 11.65%")
    assert said[("ENGINEERING", "entered")]["sentence_zh"] == (
        "工程学新进入 ESI 前 1%（第 2000 位，位于前 100.00%）")
    assert said[("MATERIALS SCIENCE", "level_up")]["sentence_zh"] == "材料科学进入前 1‰"
    assert said[("MATERIALS SCIENCE", "rank_up")]["sentence_zh"].startswith(
        "材料科学学科排名较上期上升 1 位（第 201 位 → 第 200 位）")
    assert said[("PHYSICS", "dropped")]["sentence_zh"] == "物理学退出 ESI 前 1%（上期第 245 位）"
    assert not any(field == "MATHEMATICS" for field, _ in said)
    assert list(result.sentences["kind"]) == sorted(
        result.sentences["kind"], key=["entered", "level_up", "rank_up", "rank_steady",
                                       "rank_down", "level_down", "dropped"].index)
    table = result.table.set_index(["field", "release"])
    assert bool(table.loc[("ENGINEERING", "2025-11"), "newly_listed"])
    assert not bool(table.loc[("MATHEMATICS", "2025-11"), "newly_listed"])
    assert table.loc[("MATHEMATICS", "2025-11"), "previous_status"] is None
    assert table.loc[("CHEMISTRY", "2025-11"), "rank_change"] == 12


def test_field_filter_keeps_the_global_previous_release():
    names = [f"INST {i}" for i in range(100)]
    frames = [_list("2025-07", "CHEMISTRY", names), _list("2025-09", "PHYSICS", names),
              _list("2025-11", "CHEMISTRY", names)]
    table = compute_esi_history(pd.concat(frames),
                                EsiHistoryParams("INST 3", fields=("CHEMISTRY",))).table
    assert list(table["release"]) == ["2025-07", "2025-11"]
    # September had no CHEMISTRY list: November is not compared with July.
    last = table.iloc[-1]
    assert last["previous_release"] == "2025-09" and pd.isna(last["rank_change"])


def test_bad_field_and_misspelt_institution_are_input_errors(sample_workspace_path):
    ws = open_workspace(sample_workspace_path, create=False)
    try:
        with ws.session() as session:
            before = table_counts(session)
        with pytest.raises(InputError, match="unknown ESI field 'CHEMISTRI'"):
            esi_history(ws, DUT, fields=("CHEMISTRI",))
        with pytest.raises(InputError, match="did you mean"):
            esi_history(ws, "DALIAN UNIV OF TECHNOLOGY")
        with pytest.raises(InputError, match="no imported ESI list of field"):
            esi_history(ws, DUT, fields=("SPACE SCIENCE",))
        with ws.session() as session:
            assert table_counts(session) == before
    finally:
        ws.close()
