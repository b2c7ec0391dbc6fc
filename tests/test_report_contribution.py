"""School contribution report: Word numbers equal the CLI JSON; notes, appendix, Excel twin, render.

Built on the real 833-record WoS export with North China Electric Power University and the
small school mapping of :mod:`tests.test_contribution_sample`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from analyst_app.cli import main
from analyst_app.domain.esi_fields import esi_fields
from analyst_app.errors import Cancelled, InputError
from tests.rendering import render_pdf
from tests.test_contribution_sample import OURS, RAW, RULES, UNMATCHED

ZH = {f.name_en: f.name_zh for f in esi_fields()}
COUNTING_ZH = {"fractional": "分数计数", "full": "整数计数"}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """Workspace, mapping file and the report built through the CLI (both countings)."""
    if not RAW.is_file():
        pytest.skip(f"real sample export {RAW} not found (CI provides ../shared/samples)")
    folder = tmp_path_factory.mktemp("contribution_report")
    ws = folder / "ws.sqlite"
    assert main(["import", str(RAW), "-w", str(ws)]) == 0
    assert main(["workspace", "set-institution", OURS, "-w", str(ws)]) == 0
    schools = folder / "ncepu_schools.csv"
    with open(schools, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["school", "pattern", "priority"])
        writer.writerows(RULES)
    out = folder / "out"
    out.mkdir()
    code = main(["report", "contribution", "-w", str(ws), "--schools", str(schools),
                 "--display-name", "华北电力大学", "--both-countings",
                 "--output", str(out / "贡献度.docx"), "--xlsx", str(out / "贡献度.xlsx")])
    assert code == 0
    return {"ws": ws, "schools": schools, "docx": out / "贡献度.docx",
            "xlsx": out / "贡献度.xlsx", "out": out}


def cli_json(capsys, setup, *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["contribution", "-w", str(setup["ws"]), "--schools", str(setup["schools"]),
                 "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def records(setup):
    """CLI JSON under both countings, read once (capsys is function-scoped)."""
    import contextlib
    import io
    found = {}
    for counting in ("fractional", "full"):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["contribution", "-w", str(setup["ws"]), "--schools",
                         str(setup["schools"]), "--counting", counting, "--format", "json"]) == 0
        found[counting] = json.loads(buffer.getvalue())
    return found


def count(value: float, counting: str) -> str:
    return f"{round(value):,}" if counting == "full" else f"{value:,.2f}"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def amount(value: float, counting: str) -> str:
    return f"{round(value):,}" if counting == "full" else f"{value:,.2f}".rstrip("0").rstrip(".")


def captioned_tables(document) -> list[tuple[str, object, str]]:
    """(caption, table, text of the paragraph after it) for every table, in document order."""
    body = document.element.body
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    found, caption, pending = [], "", None
    for element in body.iterchildren():
        if element in paragraphs:
            paragraph = paragraphs[element]
            if pending is not None:
                found.append((*pending, paragraph.text))
                pending = None
            if paragraph.style.name == "Caption":
                caption = paragraph.text
        elif element in tables:
            pending = (caption, tables[element])
    return found


def field_tables(document) -> dict[tuple[str, str], tuple[object, str]]:
    """(field_zh, counting) → (table, note) of section 二."""
    found = {}
    for caption, table, note in captioned_tables(document):
        hit = re.search(r"　(.+)学科各学院贡献度（(.+)）", caption)
        if hit:
            counting = {v: k for k, v in COUNTING_ZH.items()}[hit.group(2)]
            found[hit.group(1), counting] = (table, note)
    return found


def test_field_tables_equal_the_cli_json(setup, records):
    tables = field_tables(Document(str(setup["docx"])))
    for counting, rows in records.items():
        by_field = defaultdict(list)
        for record in rows:
            by_field[record["field"]].append(record)
        assert {f for f, c in tables if c == counting} == {ZH[f] for f in by_field}
        for field, expected in by_field.items():
            table, _ = tables[ZH[field], counting]
            cells = [[c.text for c in row.cells] for row in table.rows[1:]]
            assert cells[-1][0] == "全校"
            assert [r[0] for r in cells[:-1]] == [r["school"] for r in expected]  # same order
            for row, record in zip(cells, expected):
                assert row[1:] == [count(record["papers"], counting), share(record["papers_share"]),
                                   count(record["cites"], counting), share(record["cites_share"]),
                                   count(record["hcp"], counting), share(record["hcp_share"])]
            if counting == "fractional":  # the university's line is the column sum
                total = sum(r["papers"] for r in expected)
                assert cells[-1][1] == f"{round(total):,}"
    # The figures seen in the sample, spelled out.
    table, _ = tables["工程学", "fractional"]
    assert [c.text for c in table.rows[1].cells] == [
        "经济与管理学院", "29.50", "44.0%", "854.50", "45.4%", "2.00", "66.7%"]


def test_every_table_states_its_counting(setup, records):
    tables = field_tables(Document(str(setup["docx"])))
    for (field_zh, counting), (_, note) in tables.items():
        if counting == "fractional":
            assert note.startswith("注：分数计数") and "各行占比之和为 100%" in note
        else:
            field = {v: k for k, v in ZH.items()}[field_zh]
            total = sum(r["papers_share"] for r in records["full"] if r["field"] == field)
            assert note.startswith("注：整数计数") and f"本表论文占比之和为 {total * 100:.1f}%" in note
    for field in {r["field"] for r in records["fractional"]}:
        shares = [r["papers_share"] for r in records["fractional"] if r["field"] == field]
        assert sum(shares) == pytest.approx(1.0)


def test_sentences_carry_the_cli_numbers(setup, records):
    document = Document(str(setup["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    for field in dict.fromkeys(r["field"] for r in records["fractional"]):
        rows = [r for r in records["fractional"]
                if r["field"] == field and r["school"] != UNMATCHED]
        first = rows[0]
        sentence = (f"{ZH[field]}学科中，{first['school']}贡献论文 {amount(first['papers'], 'fractional')} "
                    f"篇，占全校该学科的 {share(first['papers_share'])}")
        assert sentence in text, sentence
    assert "工程学学科中，经济与管理学院贡献论文 29.5 篇，占全校该学科的 44.0%，被引 854.5 次（45.4%）" in text
    assert "全校该学科 3 篇高被引论文中，经济与管理学院贡献 2 篇（66.7%）" in text
    assert "统计华北电力大学（全部年份）论文共 73 篇" in text
    assert "本报告采用分数计数" in text
    assert "华北电力大学学院学科贡献度分析报告" in document.sections[1].header.paragraphs[0].text


def test_unmatched_section_lists_the_cli_unmatched(setup, capsys):
    listed = cli_json(capsys, setup, "--unmatched")
    document = Document(str(setup["docx"]))
    [(caption, table, note)] = [t for t in captioned_tables(document) if "未匹配" in t[0]]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == min(20, len(listed))
    for i, (row, record) in enumerate(zip(rows, listed), start=1):
        assert row[0] == str(i) and row[2] == record["text"] and row[3] == str(record["papers"])
        assert row[1] == (record["unit"] or "—")
    assert rows[0][1] in {"Beijing Key Lab New Energy & Low Carbon Dev",
                          "Hebei Key Lab Low Carbon & High Efficiency Power G"}
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"共有 {len(listed)} 个不同的本校地址未匹配到任何学院，涉及论文 25 篇" in text


def test_appendix_has_mapping_hash_sources_and_version(setup):
    from analyst_app import __version__
    document = Document(str(setup["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    digest = hashlib.sha256(setup["schools"].read_bytes()).hexdigest()
    assert f"学院映射文件：{setup['schools'].name}；SHA-256：{digest}；匹配规则 6 条" in text
    assert f"分析机构（地址中的写法）：{OURS}" in text
    assert f"学科分析工作台 {__version__}" in text and "贡献度.xlsx" in text
    assert "\n分数计数：每篇论文" in text and "\n整数计数：论文署有" in text
    assert "分数计数：分数计数" not in text
    [(_, sources, _)] = [t for t in captioned_tables(document) if "数据来源文件" in t[0]]
    row = [c.text for c in sources.rows[1].cells]
    assert row[:3] == [RAW.name, "wos_plain", "833"]
    assert row[3] == hashlib.sha256(RAW.read_bytes()).hexdigest()


def test_office_style_and_numbering(setup):
    document = Document(str(setup["docx"]))
    captions = [t[0] for t in captioned_tables(document)]
    numbers = [int(re.match(r"表 (\d+)", c).group(1)) for c in captions]
    assert numbers == list(range(1, len(numbers) + 1))  # cached SEQ results in order
    body = document.element.body.xml
    assert "TOC \\o" in body and "SEQ 表" in body and "SEQ 图" in body
    assert len(document.inline_shapes) == 1
    table = field_tables(document)["工程学", "fractional"][0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "12"
    assert borders.find(qn("w:insideV")).get(qn("w:val")) == "nil"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["一、概述", "二、各学科学院贡献度", "三、学院视角", "四、未匹配地址",
                        "附录　方法与数据来源"]


def test_excel_twin_traces_every_number(setup, records):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.contribution import contribution
    book = load_workbook(setup["xlsx"], read_only=True)
    assert book.sheetnames == ["学院贡献度", "论文明细", "未匹配地址", "学院概况", "参数与来源"]
    long = pd.DataFrame(list(book["学院贡献度"].values)[1:])
    assert len(long) == len(records["fractional"]) + len(records["full"])
    fractional = long[long[0] == "分数计数"]
    for row, record in zip(fractional.itertuples(index=False), records["fractional"]):
        assert (row[1], row[3]) == (record["school"], record["field"])
        assert row[4] == pytest.approx(record["papers"])
        assert row[5] == pytest.approx(record["cites"])
        assert row[7] == pytest.approx(record["papers_share"])
    detail = pd.DataFrame(list(book["论文明细"].values)[1:],
                          columns=[c.value for c in next(book["论文明细"].iter_rows(max_row=1))])
    sums = detail.groupby([detail.columns[0], detail.columns[2]])[detail.columns[10]].sum()
    for record in records["fractional"]:
        assert sums[record["school"], record["field"]] == pytest.approx(record["papers"])
    counts = detail.groupby([detail.columns[0], detail.columns[2]]).size()
    for record in records["full"]:
        assert counts[record["school"], record["field"]] == record["papers"]
    # One cell against the service's own drill-down.
    ws = open_workspace(setup["ws"], create=False)
    try:
        report = contribution(ws, None, setup["schools"], "fractional")
    finally:
        ws.close()
    cell = report.cell_papers("经济与管理学院", "ENGINEERING")
    rows = detail[(detail.iloc[:, 0] == "经济与管理学院") & (detail.iloc[:, 2] == "ENGINEERING")]
    assert list(rows.iloc[:, 3]) == list(cell["ut"])
    assert list(rows.iloc[:, 11].fillna("")) == list(cell["authors"])
    unmatched = list(book["未匹配地址"].values)[1:]
    assert len(unmatched) == len(report.unmatched)
    provenance = {r[0]: r[1] for r in book["参数与来源"].values if r and r[0]}
    assert provenance["映射文件 SHA-256"] == hashlib.sha256(setup["schools"].read_bytes()).hexdigest()
    assert provenance["计数方法"] == "分数计数（另附整数计数）"


def test_heatmap_limits_fields_and_schools(tmp_path):
    from PIL import Image

    from analyst_app.reports.figures_contribution import (figure_contribution_heatmap,
                                                          heatmap_data)
    rng = np.random.default_rng(3)
    fields = [f.name_en for f in esi_fields()][:16]
    rows = []
    for i, field in enumerate(fields):
        for s in range(25):
            rows.append({"school": f"第{s:02d}学院实验研究中心名称较长", "field": field,
                         "papers": float(rng.integers(1, 30)), "papers_share": rng.random() / 4,
                         "field_papers": 1000 - i})
        rows.append({"school": UNMATCHED, "field": field, "papers": 99.0, "papers_share": 0.5,
                     "field_papers": 1000 - i})
    data = heatmap_data(pd.DataFrame(rows), ZH)
    assert data.shares.shape == (20, 12) and data.truncated
    assert (data.fields_total, data.schools_total) == (16, 25)
    assert UNMATCHED not in data.shares.index
    assert list(data.shares.columns) == fields[:12]  # most papers first
    path = figure_contribution_heatmap(data, tmp_path / "h.png", counting_zh="分数计数")
    with Image.open(path) as image:
        assert round(image.info["dpi"][0]) == 300
        assert image.size[0] / 300 * 25.4 <= 150.5  # fits the text width at print size


def test_user_errors_and_cancel(setup, tmp_path):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.report_contribution import parse_years
    from analyst_app.services.report_registry import ReportOptions, build_report
    from analyst_app.tasks import CancelToken
    assert parse_years("2015-2024") == (2015, 2024) and parse_years("2020") == (2020, 2020)
    with pytest.raises(InputError, match="years"):
        parse_years("last ten years")
    ws = open_workspace(setup["ws"], create=False)
    try:
        with pytest.raises(InputError, match="school mapping"):
            build_report("contribution", ws, tmp_path / "a.docx", options=ReportOptions())
        with pytest.raises(InputError, match="counting"):
            build_report("contribution", ws, tmp_path / "a.docx", options=ReportOptions(
                extra={"schools": str(setup["schools"]), "counting": "half"}))
        token = CancelToken()
        token.cancel()
        with pytest.raises(Cancelled):
            build_report("contribution", ws, tmp_path / "a.docx", xlsx=tmp_path / "a.xlsx",
                         options=ReportOptions(extra={"schools": str(setup["schools"])}),
                         cancel=token)
    finally:
        ws.close()
    assert list(tmp_path.iterdir()) == []


def test_years_and_full_counting(setup, tmp_path, capsys):
    expected = cli_json(capsys, setup, "--counting", "full", "--years", "2020-2022")
    assert main(["report", "contribution", "-w", str(setup["ws"]), "--schools",
                 str(setup["schools"]), "--counting", "full", "--years", "2020-2022",
                 "--output", str(tmp_path / "r.docx")]) == 0
    document = Document(str(tmp_path / "r.docx"))
    tables = field_tables(document)
    assert {c for _, c in tables} == {"full"}
    for record in expected:
        table = tables[ZH[record["field"]], "full"][0]
        row = next(r for r in table.rows[1:] if r.cells[0].text == record["school"])
        assert row.cells[1].text == count(record["papers"], "full")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "（2020—2022 年）" in text and "贡献度.xlsx" not in text and "Excel" not in text


def test_registry_knows_the_report():
    from analyst_app.reports.templates import list_templates, template_path
    from analyst_app.services.report_registry import available_reports
    assert "contribution" in [m.id for m in list_templates()]
    assert template_path("contribution").is_file()
    assert "contribution" in available_reports()


# -- rendering through LibreOffice -------------------------------------------------------

@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_through_libreoffice(setup, tmp_path):
    pdf = render_pdf(setup["docx"], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"表\s*1\s+工程学学科各学院贡献度（分数计数）", text)
    assert re.search(r"图\s*1\s+华北电力大学各学院", text)
    for expected in ("学院学科贡献度分析报告", "一、概述", "经济与管理学院",
                     "29.50", "44.0%", "854.50", "注：分数计数", "注：整数计数", "未匹配地址",
                     "附录", "wosanalysis"):  # the full name wraps in its cell
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"CJK|Song|Hei|Ming|SC-|Han", line)]
    assert cjk and all(" yes " in line for line in cjk), fonts
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    assert len(list(tmp_path.glob("page-*.png"))) >= 8
