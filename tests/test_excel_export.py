"""Excel exports: cells equal the result, strings never become formulas, provenance listed."""

from __future__ import annotations

import hashlib
import math
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from analysis.esi import TABLE_COLUMNS, EsiStatusParams, compute_esi_status
from analyst_app.db.workspace import open_workspace
from analyst_app.errors import InputError
from analyst_app.reports.excel import (SHEET_ALL, SHEET_OVERVIEW, SHEET_PROVENANCE,
                                       write_dataframe_sheet)
from analyst_app.services.esi import EsiStatusReport, esi_status
from analyst_app.services.imports import import_files
from analyst_app.services.reports import export_esi_workbook

ESI_SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "esi"
DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"
TRICKY = ['=HYPERLINK("http://example.com","click")', "-1+2", "@SUM(A1)", "+1", "=1+1"]


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> EsiStatusReport:
    if not ESI_SAMPLES.is_dir():
        pytest.skip(f"ESI sample exports not found at {ESI_SAMPLES}")
    ws = open_workspace(tmp_path_factory.mktemp("ws") / "w.sqlite")
    import_files(ws, sorted(ESI_SAMPLES.glob("*.csv")), release="2025-11")
    report = esi_status(ws, DUT)
    ws.close()
    return report


@pytest.fixture(scope="module")
def workbook(sample_report, tmp_path_factory):
    path = export_esi_workbook(sample_report, tmp_path_factory.mktemp("x") / "esi.xlsx")
    return load_workbook(path)


def rows_of(sheet, header_row: int = 1) -> list[dict]:
    values = list(sheet.iter_rows(min_row=header_row, values_only=True))
    header = values[0]
    return [dict(zip(header, row)) for row in values[1:]]


def plain(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def test_sheets_and_layout(workbook):
    assert workbook.sheetnames == [SHEET_OVERVIEW, SHEET_ALL, SHEET_PROVENANCE]
    overview = workbook[SHEET_OVERVIEW]
    assert overview.freeze_panes == "C2"
    assert all(cell.font.bold for cell in overview[1])
    assert overview.column_dimensions["A"].width >= 10


def test_overview_cells_equal_the_result(workbook, sample_report):
    rows = {r["学科（英文）"]: r for r in rows_of(workbook[SHEET_OVERVIEW])}
    table = sample_report.result.table.set_index("field")
    assert set(rows) == set(table.index)
    for field, row in rows.items():
        expected = table.loc[field]
        assert row["排名"] == plain(expected["rank"])
        assert row["机构数 N"] == expected["institutions"]
        assert row["被引次数"] == plain(expected["cites"])
        assert row["1‰ 阈值"] == expected["threshold_1permille"]
        assert row["百分位"] == pytest.approx(plain(expected["percentile"]))
    engineering = rows["ENGINEERING"]
    assert (engineering["学科"], engineering["排名"], engineering["机构数 N"],
            engineering["被引次数"], engineering["层次"]) == ("工程学", 24, 2787, 329667, "前1‱")
    assert rows["CHEMISTRY"]["论文数"] == 11333 and rows["CHEMISTRY"]["1‱ 阈值"] == 353010
    sheet = workbook[SHEET_OVERVIEW]
    headers = [c.value for c in sheet[1]]
    percent_cell = sheet.cell(row=2, column=headers.index("百分位") + 1)
    assert percent_cell.number_format == "0.00%"
    assert sheet.cell(row=2, column=headers.index("被引次数") + 1).number_format == "#,##0"


def test_all_indicators_sheet_is_the_full_table(workbook, sample_report):
    sheet = workbook[SHEET_ALL]
    keys = [c.value.split("\n")[-1] for c in sheet[1]]
    assert keys == list(TABLE_COLUMNS)
    table = sample_report.result.table
    for r, (_, expected) in enumerate(table.iterrows(), start=2):
        for c, key in enumerate(keys, start=1):
            value, want = sheet.cell(row=r, column=c).value, plain(expected[key])
            if isinstance(want, float):
                assert value == pytest.approx(want), (key, r)
            else:
                assert value == want, (key, r)


def test_provenance_lists_every_file_with_its_sha256(workbook, sample_report):
    sheet = workbook[SHEET_PROVENANCE]
    params = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, max_row=12, values_only=True)}
    assert params["机构（ESI 名称）"] == DUT and params["本期"] == "2025-11"
    assert params["阈值位次取整"].startswith("ceil") and params["程序版本"].startswith("学科分析工作台")
    header_row = next(c.row for c in sheet["A"] if c.value == "期次")
    files = {r["文件名"]: r["SHA-256"] for r in rows_of(sheet, header_row)}
    expected = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in ESI_SAMPLES.glob("*.csv")}
    assert files == expected


def test_formula_like_strings_stay_text(tmp_path):
    frame = pd.DataFrame({"name": TRICKY + ["普通机构"], "n": range(len(TRICKY) + 1)})
    book = Workbook()
    write_dataframe_sheet(book.active, frame)
    path = tmp_path / "t.xlsx"
    book.save(path)
    sheet = load_workbook(path).active
    for r, text in enumerate(frame["name"], start=2):
        cell = sheet.cell(row=r, column=1)
        assert cell.data_type == "s" and cell.value == text
    assert sheet.cell(row=2, column=2).value == 0  # numbers stay numbers
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_institution_named_like_a_formula_is_exported_as_text(tmp_path):
    name = TRICKY[0]
    rankings = pd.DataFrame({
        "release": "2025-11", "field": "CHEMISTRY", "field_zh": "化学", "rank": [1, 2, 3],
        "institution": ["A", name, "-1+2"], "country": "X", "documents": [10, 9, 8],
        "cites": [300, 200, 100], "cites_per_paper": [30.0, 22.2, 12.5], "top_papers": 1,
    })
    result = compute_esi_status(rankings, EsiStatusParams(institution=name, aliases=("@SUM(A1)",)))
    sources = pd.DataFrame([{"release": "2025-11", "field": "CHEMISTRY", "field_zh": "化学",
                             "institutions": 3, "batch_id": 1,
                             "file_name": "=cmd|' /C calc'!A0.csv",
                             "sha256": "0" * 64, "encoding": "utf-8",
                             "imported_at": pd.Timestamp("2025-11-20 09:30"),
                             "importer_version": "1.0"}])
    path = export_esi_workbook(EsiStatusReport(result, sources), tmp_path / "x.xlsx")
    book = load_workbook(path)
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "-", "@", "+"))]
    assert {c.value for c in texts} >= {name, "@SUM(A1)", "=cmd|' /C calc'!A0.csv"}
    assert all(c.data_type == "s" for c in texts)
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/worksheets/")
                    and b"<f>" in archive.read(n)]


def test_export_checks_the_target(sample_report, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        export_esi_workbook(sample_report, tmp_path / "missing" / "x.xlsx")
    with pytest.raises(InputError, match=r"\.xlsx"):
        export_esi_workbook(sample_report, tmp_path / "x.csv")
    assert list(tmp_path.iterdir()) == []
