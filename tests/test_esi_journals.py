"""The ESI Master Journal List: import (CSV and XLSX, layout inferred), versions, the field frame."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import analyst_app.services.esi_papers  # noqa: F401  (registers the storers with import_files)
from analyst_app.db.store_esi_papers import JOURNAL_FRAME_COLUMNS, esi_journal_fields_frame
from analyst_app.esi_papers_generator import random_journals, write_journal_list
from analyst_app.importers.esi_journals import normalise_issn
from analyst_app.importers.registry import detect_format
from analyst_app.services.imports import import_file


def _frame(ws):
    with ws.session() as session:
        return esi_journal_fields_frame(session.connection())


def _rows(ws) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM esi_journal")).scalar()


def test_empty_workspace_gives_an_empty_frame(workspace):
    frame = _frame(workspace)
    assert frame.empty and tuple(frame.columns) == JOURNAL_FRAME_COLUMNS


def test_csv_and_xlsx_versions_latest_wins(workspace, tmp_path):
    old = random_journals(60, seed=1)
    new = random_journals(75, seed=2)
    csv_path = write_journal_list(tmp_path / "mjl.csv", old, bom=True)
    xlsx_path = write_journal_list(
        tmp_path / "mjl.xlsx", [dict(j, issn=j["issn"].replace("-", "")) for j in new],
        fmt="xlsx", header=("FULL TITLE", "Title 20", "issn", "eISSN", " Category "))
    for path in (csv_path, xlsx_path):
        assert detect_format(path).spec.id == "esi_journals"
    # Imported newest first: "latest" is the greatest label, not the last import.
    report = import_file(workspace, xlsx_path, release="2025-11")
    assert report.status == "imported" and report.stored == 75, report.message
    assert import_file(workspace, csv_path, release="2025-07").stored == 60
    frame = _frame(workspace)
    assert len(frame) == 75 and tuple(frame.columns) == JOURNAL_FRAME_COLUMNS
    first = frame.iloc[0]
    assert (first["title"], first["field"]) == (new[0]["title"], new[0]["field"])
    assert list(frame["issn"]) == [j["issn"] or None for j in new]  # hyphen restored
    assert list(frame["eissn"]) == [j["eissn"] for j in new]


def test_same_list_twice_and_second_list_of_a_release_are_refused(workspace, tmp_path):
    journals = random_journals(20, seed=3)
    first = write_journal_list(tmp_path / "a.csv", journals)
    assert import_file(workspace, first, release="2025-09").status == "imported"
    again = write_journal_list(tmp_path / "b.xlsx", journals, fmt="xlsx")
    report = import_file(workspace, again, release="2025-11")
    assert report.status == "rejected" and "identical" in report.message
    other = write_journal_list(tmp_path / "c.csv", random_journals(5, seed=4))
    report = import_file(workspace, other, release="2025-09")
    assert report.status == "rejected" and "already has" in report.message
    assert _rows(workspace) == 20


def test_bad_rows_are_rejected_with_their_line(workspace, tmp_path):
    journals = random_journals(10, seed=5)
    journals[6]["field"] = "ALCHEMY"
    path = write_journal_list(tmp_path / "bad.csv", journals)
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "rejected" and report.problems[0].line == 8
    assert "ALCHEMY" in report.message and _rows(workspace) == 0
    lines = write_journal_list(tmp_path / "cut.csv", random_journals(10, seed=5)).read_text().splitlines()
    (tmp_path / "cut.csv").write_text("\n".join(lines[:5] + [lines[5][:12]]), encoding="utf-8")
    report = import_file(workspace, tmp_path / "cut.csv", release="2025-11")
    assert report.status == "rejected" and report.problems[0].line == 6


@pytest.mark.parametrize("raw, issn", [("0028-0836", "0028-0836"), ("1476468x", "1476-468X"),
                                       ("280836", "0028-0836"), ("280837", None),
                                       ("", None), ("N/A", None), ("12345", None)])
def test_normalise_issn(raw, issn):
    assert normalise_issn(raw) == issn


def test_not_claimed_without_the_journal_list_header(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Title,ISSN,Publisher\nNATURE,0028-0836,Springer\n", encoding="utf-8")
    assert detect_format(path).spec is None
