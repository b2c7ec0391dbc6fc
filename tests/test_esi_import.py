"""The ESI Institutions importer on the real exports and on bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analyst_app.db.queries import esi_rankings_frame, table_counts
from analyst_app.importers.registry import detect_format
from analyst_app.services.imports import import_file, import_files

# Ranked rows and field of each real export, as SOURCES.md gives them.
EXPECTED = {
    "AGRICULTURAL_SCIENCES": (1381, "AGRICULTURAL SCIENCES"),
    "CHEMISTRY": (2141, "CHEMISTRY"),
    "CLINICAL_MEDICINE": (6754, "CLINICAL MEDICINE"),
    "COMPUTER_SCIENCE": (863, "COMPUTER SCIENCE"),
    "ECONOMICS_and_BUSINESS": (543, "ECONOMICS & BUSINESS"),
    "ENGINEERING": (2787, "ENGINEERING"),
    "ENVIRONMENT_ECOLOGY": (2066, "ENVIRONMENT/ECOLOGY"),
    "MATERIALS_SCIENCE": (1580, "MATERIALS SCIENCE"),
    "MATHEMATICS": (395, "MATHEMATICS"),
    "PHYSICS": (995, "PHYSICS"),
    "SOCIAL_SCIENCES_GENERAL": (2407, "SOCIAL SCIENCES, GENERAL"),
}


def _independent_row_count(path: Path) -> int:
    # Counted without the importer: lines whose first cell is a quoted integer rank.
    with open(path, encoding="utf-8") as handle:
        return sum(1 for row in csv.reader(handle) if row and row[0].strip().isdigit())


def test_every_sample_imports_with_its_rows_and_field(workspace, esi_files):
    reports = import_files(workspace, esi_files, release="2025-11")
    for path, report in zip(esi_files, reports):
        key = path.stem.removeprefix("esi_institutions_")
        rows, field = EXPECTED[key]
        assert report.status == "imported", report.message
        assert report.format == "esi_institutions"
        assert (report.read, report.stored, report.skipped) == (rows, rows, 0)
        assert report.stored == _independent_row_count(path)
        assert report.details["field"] == field
    with workspace.session() as session:
        frame = esi_rankings_frame(session)
    assert len(frame) == sum(rows for rows, _ in EXPECTED.values())
    dut = frame[(frame.institution == "DALIAN UNIVERSITY OF TECHNOLOGY") & (frame.field == "CHEMISTRY")]
    assert dut[["rank", "documents", "cites", "cites_per_paper", "top_papers"]].iloc[0].tolist() == \
        [47, 11333, 269608, 23.79, 181]


def test_reimport_stores_nothing_and_says_so(workspace, esi_files):
    first = import_file(workspace, esi_files[0], release="2025-11")
    with workspace.session() as session:
        before = table_counts(session)
    again = import_file(workspace, esi_files[0], release="2025-11")
    assert first.status == "imported"
    assert again.status == "duplicate_file" and again.stored == 0
    assert "already imported" in again.message and again.batch_id == first.batch_id
    with workspace.session() as session:
        assert table_counts(session) == before


def test_field_comes_from_title_not_file_name(workspace, esi_files, tmp_path):
    chemistry = next(p for p in esi_files if "CHEMISTRY" in p.name)
    renamed = tmp_path / "2.csv"
    renamed.write_bytes(chemistry.read_bytes())
    report = import_file(workspace, renamed, release="2025-09")
    assert report.status == "imported" and report.details["field"] == "CHEMISTRY"


def test_same_list_under_a_second_label_is_rejected(workspace, esi_files, tmp_path):
    math = next(p for p in esi_files if "MATHEMATICS" in p.name)
    assert import_file(workspace, math, release="2025-11").status == "imported"
    # The same list re-saved (CRLF line ends) is new bytes but the same content.
    resaved = tmp_path / "math.csv"
    resaved.write_bytes(math.read_bytes().replace(b"\n", b"\r\n"))
    report = import_file(workspace, resaved, release="2025-09")
    assert report.status == "rejected"
    assert "cannot carry two labels" in report.problems[0].message


def test_gb18030_resaved_list_imports(workspace, esi_files, tmp_path):
    # Excel on Chinese Windows re-saves CSV as GB18030 ("ANSI"); Chinese names must survive.
    text = next(p for p in esi_files if "MATHEMATICS" in p.name).read_text(encoding="utf-8")
    text = text.replace("DALIAN UNIVERSITY OF TECHNOLOGY", "大连理工大学")
    path = tmp_path / "gbk.csv"
    path.write_bytes(text.encode("gb18030"))
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "imported", report.message
    with workspace.session() as session:
        frame = esi_rankings_frame(session)
    assert "大连理工大学" in set(frame.institution)


def test_mangled_footers_are_accepted(workspace, esi_files, tmp_path):
    text = next(p for p in esi_files if "MATHEMATICS" in p.name).read_text(encoding="utf-8")
    for i, footer in enumerate(("Copyright ? 2025 Clarivate", "Copyright ï¿½ 2025 Clarivate")):
        path = tmp_path / f"m{i}.csv"
        path.write_text(text.replace("Copyright © 2025 Clarivate", footer), encoding="utf-8")
        assert detect_format(path).spec is not None
        report = import_file(workspace, path, release=f"2025-0{i + 1}")
        # Same content as the first: the second is refused as the same list, not as bad format.
        assert report.status == "imported" if i == 0 else "two labels" in report.message


def _sample_text(esi_files: list[Path]) -> str:
    return next(p for p in esi_files if "MATHEMATICS" in p.name).read_text(encoding="utf-8")


BAD_INPUTS = {
    "empty.csv": (lambda t: b"", None, "empty"),
    "junk.bin": (lambda t: bytes(range(256)) * 40, None, "binary"),
    "other.txt": (lambda t: "@article{zhang2021,\n  title={Carbon capture},\n  year={2021}\n}\n"
                  .encode(), None, "not a supported"),
    "wos_header_only.txt": (lambda t: "FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n".encode(),
                            1, "no Web of Science records"),
    "truncated.csv": (lambda t: t[: len(t) // 2].encode(), None, "truncated"),
    "rank.csv": (lambda t: t.replace('"3","CNRS', '"three","CNRS').encode(), 5, "not a number"),
    # A GB18030 text that is no export at all (a report draft saved from Notepad).
    "gb18030.txt": (lambda t: "学科分析报告（草稿）\n第一章 绪论\n碳捕集研究进展综述。\n"
                    .encode("gb18030"), None, "not a supported"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_with_file_and_line_and_changes_nothing(workspace, esi_files,
                                                                      tmp_path, name):
    assert import_file(workspace, esi_files[0], release="2025-11").status == "imported"
    make, line, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(make(_sample_text(esi_files)))
    with workspace.session() as session:
        before = table_counts(session)
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "rejected"
    assert str(path) in report.message and words in report.message
    if line is not None:
        assert report.problems[0].line == line and f":{line}:" in report.message
    with workspace.session() as session:
        assert table_counts(session) == before


def test_esi_list_without_release_is_rejected(workspace, esi_files):
    report = import_file(workspace, esi_files[0])
    assert report.status == "rejected" and "--release" in report.message


def test_second_list_of_a_field_in_a_release_is_rejected(workspace, esi_files, tmp_path):
    text = _sample_text(esi_files)
    assert import_file(workspace, next(p for p in esi_files if "MATHEMATICS" in p.name),
                       release="2025-11").status == "imported"
    changed = tmp_path / "changed.csv"
    changed.write_text(text.replace('"125705"', '"125706"'), encoding="utf-8")
    report = import_file(workspace, changed, release="2025-11")
    assert report.status == "rejected" and "already in the workspace" in report.message


def test_cancel_during_storage_rolls_the_file_back(workspace, esi_files):
    from analyst_app.errors import Cancelled
    from analyst_app.tasks import CancelToken
    assert import_file(workspace, esi_files[0], release="2025-11").status == "imported"
    with workspace.session() as session:
        before = table_counts(session)
    token = CancelToken()
    seen = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if message.startswith("storing") and fraction > 0.4:
            token.cancel()  # part of the rows are already inserted in the open transaction

    clinical = next(p for p in esi_files if "CLINICAL" in p.name)
    with pytest.raises(Cancelled):
        import_file(workspace, clinical, release="2025-11", progress=progress, cancel=token)
    assert max(seen) > 0.4
    with workspace.session() as session:
        assert table_counts(session) == before


def test_cancel_in_a_multi_file_import_keeps_finished_files_and_reports_the_rest(workspace, esi_files):
    from analyst_app.tasks import CancelToken
    token = CancelToken()
    chosen = esi_files[:4]

    def progress(fraction: float, message: str) -> None:
        if fraction >= 0.5 and message.startswith("storing"):
            token.cancel()  # inside the third file

    reports = import_files(workspace, chosen, release="2025-11", progress=progress, cancel=token)
    assert [r.status for r in reports] == ["imported", "imported", "cancelled", "cancelled"]
    with workspace.session() as session:
        frame = esi_rankings_frame(session)
    assert len(frame) == reports[0].stored + reports[1].stored
    assert "nothing stored" in reports[2].message


@pytest.mark.parametrize("encoding", ["gb18030", "cp1252", "utf-16"])
def test_large_resaved_list_decodes_past_the_head(workspace, esi_files, tmp_path, encoding):
    # Chemistry is 168 KB: only its footer's © is non-ASCII, far beyond the detector's head.
    chemistry = next(p for p in esi_files if "CHEMISTRY" in p.name)
    path = tmp_path / f"chem_{encoding}.csv"
    path.write_bytes(chemistry.read_text(encoding="utf-8").encode(encoding))
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "imported", report.message
    assert report.stored == 2141


def test_workspace_path_that_is_a_folder_exits_2(tmp_path, esi_files, capsys):
    from analyst_app.cli import main
    assert main(["import", str(esi_files[0]), "-w", str(tmp_path), "--release", "2025-11"]) == 2
    assert "folder" in capsys.readouterr().err
