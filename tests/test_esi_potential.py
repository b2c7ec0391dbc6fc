"""Potential value P = cites / threshold, checked by hand on real exports and a small WoS file."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.esi_potential import (EsiPotentialParams, compute_esi_potential, esi_window,
                                    is_esi_doc_type)
from analyst_app import DATA_DIR
from analyst_app.db.queries import table_counts
from analyst_app.errors import InputError
from analyst_app.services.esi_history import esi_potential, potential_records
from analyst_app.services.imports import import_files
from tests.conftest import ESI_SAMPLES, SAMPLES

WOS_833 = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
SUEP = "SHANGHAI UNIVERSITY OF ELECTRIC POWER"


def _need(*paths: Path) -> None:
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"real sample files not found: {', '.join(map(str, missing))}")


def _esi_rows(field_file: str) -> list[list[str]]:
    with open(ESI_SAMPLES / field_file, encoding="utf-8-sig", newline="") as handle:
        return [r for r in list(csv.reader(handle))[2:] if len(r) == 7 and r[0].isdigit()]


def _wos_records(path: Path) -> list[dict[str, list[str]]]:
    """Split a WoS plain-text file into {tag: lines} records by hand."""
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


def _hand_wos_cites(org: str, field: str, window: tuple[int, int]) -> tuple[int, int]:
    """Documents and cites of ``org`` in ``field`` counted from the raw 833-record file."""
    with open(DATA_DIR / "wos_category_esi_field.csv", encoding="utf-8", newline="") as handle:
        category_field = {r["wos_category"]: r["esi_field"] for r in csv.DictReader(handle)}
    docs = cites = 0
    for rec in _wos_records(WOS_833):
        addresses = " ".join(rec.get("C1", []))
        year = int(rec["PY"][0]) if "PY" in rec else None
        doc_type = rec["DT"][0].split(";")[0].strip()
        categories = [c.strip() for c in " ".join(rec["WC"]).split(";")]
        first = next((category_field[c] for c in categories if c in category_field), None)
        if (f"] {org}," in addresses or f"; {org}," in addresses) and year is not None \
                and window[0] <= year <= window[1] and doc_type in ("Article", "Review") \
                and first == field:
            docs += 1
            cites += int(rec["TC"][0])
    return docs, cites


@pytest.fixture(scope="module")
def suep_workspace(tmp_path_factory):
    """Three real ESI lists (release 2025-11) and the real 833-record WoS export."""
    files = [ESI_SAMPLES / f"esi_institutions_{f}.csv"
             for f in ("COMPUTER_SCIENCE", "ENGINEERING", "MATHEMATICS")]
    _need(WOS_833, *files)
    from analyst_app.db.workspace import open_workspace
    ws = open_workspace(tmp_path_factory.mktemp("suep") / "ws.sqlite")
    assert all(r.status == "imported" for r in import_files(ws, files, release="2025-11"))
    assert import_files(ws, [WOS_833])[0].status == "imported"
    ws.set_institution(SUEP, ["Shanghai Univ Elect Power"])
    yield ws
    ws.close()


def test_potential_of_an_unlisted_field_from_real_files(suep_workspace):
    # COMPUTER SCIENCE: N = 863, last row UNIVERSITY OF MURCIA 5,537 cites; SUEP is not in
    # the list, so its cites come from its WoS records 2015–2025 (articles and reviews).
    rows = _esi_rows("esi_institutions_COMPUTER_SCIENCE.csv")
    assert not any(r[1] == SUEP for r in rows)
    threshold = int(rows[-1][4])
    docs, cites = _hand_wos_cites("Shanghai Univ Elect Power", "COMPUTER SCIENCE", (2015, 2025))
    assert threshold == 5537 and docs >= 1
    report = esi_potential(suep_workspace)
    assert report.release == "2025-11" and report.params.window == (2015, 2025)
    row = report.table.set_index("field").loc["COMPUTER SCIENCE"]
    assert not row["listed"] and row["cites_source"] == "wos"
    assert (row["wos_documents"], row["cites"], row["threshold_1pct"]) == (docs, cites, threshold)
    assert row["potential_1pct"] == pytest.approx(cites / threshold)
    assert not row["on_watch_list"] and not row["likely_next_release"]
    # Listed in ENGINEERING: the ESI list's cites, P against 1‰ at rank ⌈0.1·N⌉.
    eng = _esi_rows("esi_institutions_ENGINEERING.csv")
    ours = next(r for r in eng if r[1] == SUEP)
    n = len(eng)
    row = report.table.set_index("field").loc["ENGINEERING"]
    assert row["listed"] and row["cites"] == int(ours[4]) == 32392
    assert row["potential_1pct"] == pytest.approx(int(ours[4]) / int(eng[-1][4]))
    assert row["potential_1permille"] == pytest.approx(int(ours[4]) / int(eng[-(-n // 10) - 1][4]))
    assert row["next_level"] == "1‰"


def test_json_records_carry_the_contract_keys(suep_workspace):
    records = potential_records(esi_potential(suep_workspace, watch=0.5))
    keys = ["field", "field_zh", "release", "listed", "cites", "threshold_1pct",
            "potential_1pct", "potential_1permille", "potential_1per10k", "on_watch_list",
            "forecast"]
    assert all(list(r)[: len(keys)] == keys for r in records)
    maths = next(r for r in records if r["field"] == "MATHEMATICS")
    assert maths["listed"] is False and maths["cites"] == 0  # records exist, none in MATHEMATICS
    # One release only: every forecast says so instead of giving a date.
    assert all(not r["forecast"]["possible"] and r["forecast"]["earliest"] is None
               and r["forecast"]["reason"] for r in records)


def _wos_record(i: int, year: int, doc_type: str, cites: int, category: str, org: str) -> str:
    return (f"PT J\nAU Wang, X\nTI Synthetic paper {i}\nSO SYNTHETIC JOURNAL {i}\n"
            f"DT {doc_type}\nC1 [Wang, X] {org}, Sch Chem, Beijing 100084, Peoples R China.\n"
            f"TC {cites}\nPY {year}\nWC {category}\nUT WOS:0000000000{i:05d}\nER\n\n")


def test_window_doc_types_names_and_journal_list_on_a_synthetic_export(workspace, tmp_path):
    chem = ESI_SAMPLES / "esi_institutions_CHEMISTRY.csv"
    _need(chem)
    records = [
        (2020, "Article", 100, "Chemistry, Physical", "Zz Univ Sci"),            # counted
        (2014, "Article", 50, "Chemistry, Physical", "Zz Univ Sci"),             # before window
        (2022, "Article; Early Access", 7, "Chemistry, Physical", "Zz Univ Sci"),  # counted
        (2023, "Editorial Material", 30, "Chemistry, Physical", "Zz Univ Sci"),  # not counted
        (2021, "Review", 20, "Chemistry, Physical", "Zz Univ Sci Technol"),      # other university
        (2024, "Review", 40, "Physics, Applied", "ZZ UNIV SCI"),                 # PHYSICS by map
    ]
    text = "\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(
        _wos_record(i, *r) for i, r in enumerate(records, start=1)) + "EF"
    wos = tmp_path / "synthetic_savedrecs.txt"
    wos.write_text(text, encoding="utf-8")
    assert import_files(workspace, [chem], release="2025-11")[0].status == "imported"
    assert import_files(workspace, [wos])[0].status == "imported"
    threshold = int(_esi_rows("esi_institutions_CHEMISTRY.csv")[-1][4])
    assert threshold == 7883  # last row of the CHEMISTRY export
    report = esi_potential(workspace, "ZZ UNIVERSITY OF SCIENCE", ("Zz Univ Sci",),
                           allow_unlisted=True)
    row = report.table.set_index("field").loc["CHEMISTRY"]
    assert (row["cites"], row["wos_documents"]) == (107, 2)
    assert row["potential_1pct"] == pytest.approx(107 / 7883)
    # The ESI journal list puts journal 6 in CHEMISTRY: it then counts there (100 + 7 + 40).
    journals = pd.DataFrame({"title": ["synthetic  journal 6"], "field": ["CHEMISTRY"]})
    report = esi_potential(workspace, "ZZ UNIVERSITY OF SCIENCE", ("Zz Univ Sci",),
                           journal_fields=journals, allow_unlisted=True)
    assert report.table.set_index("field").loc["CHEMISTRY", "cites"] == 147
    assert any("ESI journal list for 1" in note for note in report.notes)
    # A narrower window drops the 2020 paper.
    report = esi_potential(workspace, "ZZ UNIVERSITY OF SCIENCE", ("Zz Univ Sci",),
                           window=(2021, 2025), allow_unlisted=True)
    assert report.table.set_index("field").loc["CHEMISTRY", "cites"] == 7


def test_unknown_institution_has_unknown_not_zero_cites(workspace):
    chem = ESI_SAMPLES / "esi_institutions_CHEMISTRY.csv"
    _need(chem)
    import_files(workspace, [chem], release="2025-11")
    report = esi_potential(workspace, "NOWHERE INSTITUTE", allow_unlisted=True)
    row = report.table.iloc[0]
    assert pd.isna(row["cites"]) and np.isnan(row["potential_1pct"])
    assert any("no publication in the workspace names the institution" in n for n in report.notes)


def test_bad_parameters_are_refused_without_changing_the_workspace(workspace):
    chem = ESI_SAMPLES / "esi_institutions_CHEMISTRY.csv"
    _need(chem)
    import_files(workspace, [chem], release="2025-11")
    with workspace.session() as session:
        before = table_counts(session)
    for kwargs, words in [(dict(watch=1.5), "invalid watch"), (dict(watch=0), "invalid watch"),
                          (dict(window=(2025, 2015)), "invalid window"),
                          (dict(release="2024-01"), "2024-01"),
                          (dict(confidence=1.2), "invalid confidence")]:
        with pytest.raises(InputError, match=words):
            esi_potential(workspace, "DALIAN UNIVERSITY OF TECHNOLOGY", **kwargs)
    with workspace.session() as session:
        assert table_counts(session) == before


def _status(field: str, status: str, cites: float, t1: int, t2: int, t3: int) -> dict:
    return dict(field=field, field_zh=field, release="2025-11", status=status, cites=cites,
                threshold_1pct=t1, threshold_1pct_source="derived", threshold_1permille=t2,
                threshold_1per10k=t3)


def test_watch_list_next_level_and_likely_entry():
    status = pd.DataFrame([
        _status("A", "not_listed", np.nan, 1000, 9000, 30000),    # WoS 850 → P 0.85: watch
        _status("B", "not_listed", np.nan, 1000, 9000, 30000),    # WoS 1200 → P 1.2: likely
        _status("C", "top_1pct", 5000, 1000, 6000, 30000),        # P 1‰ = 0.833: watch for 1‰
        _status("D", "top_1per10k", 40000, 1000, 6000, 30000),    # nothing above
        _status("E", "not_listed", np.nan, 1000, 9000, 30000),    # no WoS record: P 0
    ])
    own = pd.DataFrame({"field": ["A", "B"], "documents": [10, 12], "cites": [850, 1200]})
    table = compute_esi_potential(status, own, EsiPotentialParams(watch=0.8)).set_index("field")
    assert table.loc["A", "potential_1pct"] == pytest.approx(0.85) and table.loc["A", "on_watch_list"]
    assert table.loc["B", "likely_next_release"] and not table.loc["B", "on_watch_list"]
    assert table.loc["C", "next_level"] == "1‰" and table.loc["C", "on_watch_list"]
    assert table.loc["C", "potential_next"] == pytest.approx(5000 / 6000)
    assert pd.isna(table.loc["D", "next_level"]) and not table.loc["D", "on_watch_list"]
    assert table.loc["E", "cites"] == 0 and table.loc["E", "potential_1pct"] == 0
    stricter = compute_esi_potential(status, own, EsiPotentialParams(watch=0.9)).set_index("field")
    assert not stricter.loc["A", "on_watch_list"] and not stricter.loc["C", "on_watch_list"]


@pytest.mark.parametrize("doc_type, counted", [
    ("Article", True), ("REVIEW", True), ("Article; Early Access", True),
    ("Review; Early Access", True), ("Article; Proceedings Paper", True),
    ("Editorial Material; Early Access", False), ("Proceedings Paper", False),
    ("Letter", False), (None, False), ("", False),
])
def test_esi_doc_types(doc_type, counted):
    assert is_esi_doc_type(doc_type) is counted


def test_default_window_is_ten_years_back():
    assert esi_window("2025-11") == (2015, 2025)
    assert esi_window("2026-01") == (2016, 2026)
