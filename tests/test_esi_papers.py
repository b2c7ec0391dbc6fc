"""ESI highly cited / hot papers exports: detection, import per release, rejection of bad files.

No real export of this kind is available: the files are made by the project's seeded
generator in the layout inferred from ESI (see analyst_app/importers/esi_papers.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

import analyst_app.services.esi_papers  # noqa: F401  (registers the storers with import_files)
from analyst_app.db.store_esi_papers import esi_paper_releases, esi_papers_frame
from analyst_app.esi_papers_generator import (PAPER_HEADER, next_release, papers_csv_text,
                                              random_papers, write_papers_file)
from analyst_app.importers.esi_papers import read_esi_papers
from analyst_app.importers.registry import detect_format
from analyst_app.services.imports import import_file, import_files, remove_import
from tests.conftest import SAMPLES


def _counts(ws) -> tuple[int, int, int]:
    with ws.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                     for t in ("import_batch", "esi_paper_list", "esi_paper"))


@pytest.fixture()
def releases(tmp_path):
    """HCP and hot files of two releases: (papers, path) per (release, kind)."""
    hcp1 = random_papers(40, seed=1)
    hcp2 = next_release(hcp1, seed=2, new=7, dropped=4)
    hot1 = random_papers(12, seed=3)
    hot2 = next_release(hot1, seed=4, new=3, dropped=2)
    files = {
        ("2025-09", "hcp"): (hcp1, write_papers_file(tmp_path / "1.csv", hcp1, kind="hcp")),
        ("2025-11", "hcp"): (hcp2, write_papers_file(tmp_path / "2.xlsx", hcp2, kind="hcp",
                                                     fmt="xlsx")),
        ("2025-09", "hot"): (hot1, write_papers_file(tmp_path / "3.csv", hot1, kind="hot",
                                                     bom=False)),
        ("2025-11", "hot"): (hot2, write_papers_file(tmp_path / "4.csv", hot2, kind="hot")),
    }
    return files


def test_two_releases_import_with_exact_counts(workspace, releases):
    for (release, kind), (papers, path) in releases.items():
        [report] = import_files(workspace, [path], release=release)
        assert report.status == "imported", report.message
        assert report.format == "esi_papers"
        assert (report.read, report.stored, report.skipped) == (len(papers), len(papers), 0)
        assert report.details["paper_kind"] == kind and report.details["release"] == release
    with workspace.session() as session:
        counts = esi_paper_releases(session.connection())
        frame = esi_papers_frame(session.connection())
    got = {(r.release, r.kind): r.papers for r in counts.itertuples()}
    assert got == {key: len(papers) for key, (papers, _) in releases.items()}
    # Values survive the round trip: normalised UT and DOI, lists, numbers.
    papers, _ = releases[("2025-11", "hcp")]
    row = frame[(frame["release"] == "2025-11") & (frame["kind"] == "hcp")].iloc[0]
    first = papers[0]
    assert row["ut"] == first["ut"] and row["doi"] == first["doi"].lower()
    assert row["authors"] == first["authors"] and row["institutions"] == first["institutions"]
    assert row["times_cited"] == first["times_cited"]
    assert row["year"] == int(first["publication_date"][-4:])
    assert row["source_line"] == 3  # title line, header, first paper


def test_same_list_under_two_labels_is_rejected_and_changes_nothing(workspace, releases, tmp_path):
    papers, path = releases[("2025-09", "hcp")]
    assert import_file(workspace, path, release="2025-09").status == "imported"
    before = _counts(workspace)
    # The same list re-saved (other bytes: workbook instead of CSV) under the next label.
    again = write_papers_file(tmp_path / "again.xlsx", papers, kind="hcp", fmt="xlsx")
    report = import_file(workspace, again, release="2025-11")
    assert report.status == "rejected"
    assert "identical" in report.message and "2025-09" in report.message
    assert _counts(workspace) == before
    # The very same bytes: recognised before reading.
    assert import_file(workspace, path, release="2025-11").status == "duplicate_file"
    assert _counts(workspace) == before


def test_truncated_file_is_rejected_with_its_line(workspace, tmp_path):
    text_ = papers_csv_text(random_papers(20, seed=5))
    lines = text_.splitlines()
    cut = tmp_path / "cut.csv"
    # Cut inside the 11th paper (line 13): the row is short, and the footer is gone.
    cut.write_text("\n".join(lines[:12]) + "\n" + lines[12][:60], encoding="utf-8")
    report = import_file(workspace, cut, release="2025-11")
    assert report.status == "rejected" and report.problems[0].line == 13
    # Cut at a row boundary: every row is whole, only the footer says it is truncated.
    whole = tmp_path / "rows.csv"
    whole.write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    report = import_file(workspace, whole, release="2025-11")
    assert report.status == "rejected" and "truncated" in report.message
    assert report.problems[0].line == 12
    assert _counts(workspace) == (0, 0, 0)


@pytest.mark.parametrize("old, new, line, words", [
    ('"412"', '"four hundred"', None, "not a number"),
    ("WOS:0006", "WOS:06", None, "not a Web of Science"),
])
def test_garbled_rows_are_rejected_with_their_line(workspace, tmp_path, old, new, line, words):
    papers = random_papers(10, seed=6)
    papers[4]["times_cited"] = 412
    text_ = papers_csv_text(papers)
    lines = text_.splitlines()
    lines[6] = lines[6].replace(old, new, 1)  # the 5th paper
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "rejected" and words in report.message
    assert report.problems[0].line == 7
    assert _counts(workspace) == (0, 0, 0)


def test_header_variants_and_kind_from_a_column(tmp_path):
    papers = random_papers(6, seed=7)
    header = [h.lower() for h in PAPER_HEADER]
    header[0], header[3] = "UT", "Article  Title"
    rows = papers_csv_text(papers, title=False, footer=False, header=header).splitlines()
    # No title line: the kind comes from a per-row column.
    flagged = [rows[0] + ',"Hot Paper"'] + [r + (',"Y"' if i % 2 else ',"N"')
                                            for i, r in enumerate(rows[1:])]
    path = tmp_path / "v.csv"
    path.write_text("\n".join(flagged), encoding="utf-8-sig")
    assert detect_format(path).spec.id == "esi_papers"
    parsed = read_esi_papers(path, "utf-8-sig")
    assert [r.kind for r in parsed.records] == ["top", "hot"] * 3
    assert parsed.details["paper_kind"] == "mixed" and parsed.details["papers"] == {"hot": 3, "top": 3}
    # Neither title nor kind column: stored as "top" papers, with a warning.
    plain = tmp_path / "plain.csv"
    plain.write_text(papers_csv_text(papers, title=False, footer=False), encoding="utf-8")
    assert detect_format(plain).spec.id == "esi_papers"
    parsed = read_esi_papers(plain, "utf-8")
    assert {r.kind for r in parsed.records} == {"top"} and "Top Papers" in parsed.warnings[0]


def test_detection_claims_only_paper_exports(tmp_path):
    path = write_papers_file(tmp_path / "hot.csv", random_papers(3, seed=8), kind="hot")
    detection = detect_format(path)
    assert detection.spec.id == "esi_papers" and detection.score >= 0.9
    book = write_papers_file(tmp_path / "hcp.xlsx", random_papers(3, seed=8), fmt="xlsx")
    assert detect_format(book).spec.id == "esi_papers"
    other = tmp_path / "other.csv"
    other.write_text("Title,DOI,Year\nA paper,10.1/x,2020\n", encoding="utf-8")
    assert detect_format(other).spec is None
    for sample in sorted(SAMPLES.glob("*/*"))[:40]:
        if sample.is_file() and sample.suffix in (".csv", ".txt", ".xlsx", ".xls"):
            spec = detect_format(sample).spec
            assert spec is None or spec.id not in ("esi_papers", "esi_journals"), sample


def test_remove_import_removes_its_papers(workspace, releases):
    _, path = releases[("2025-09", "hcp")]
    report = import_file(workspace, path, release="2025-09")
    remove_import(workspace, report.batch_id)
    assert _counts(workspace) == (0, 0, 0)


def test_missing_release_is_asked_for(workspace, releases):
    _, path = releases[("2025-09", "hot")]
    report = import_file(workspace, Path(path))
    assert report.status == "rejected" and "release" in report.message
