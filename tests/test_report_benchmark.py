"""Benchmarking report: numbers equal the CLI JSON; unlisted peers; trends; twin; render."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from analyst_app.cli import main
from analyst_app.db.workspace import open_workspace
from analyst_app.errors import Cancelled, InputError
from analyst_app.reports.benchmark_report import change_label, numeral, warning_zh
from analyst_app.reports.templates import load_manifest, template_path
from analyst_app.services.imports import import_files
from analyst_app.services.report_registry import ReportOptions, build_report
from analyst_app.tasks import CancelToken
from tests.conftest import ESI_SAMPLES, SAMPLES
from tests.rendering import render_pdf

WOS_FILE = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory):
    """The real ESI lists (release 2025-11) and the 833-record WoS export."""
    files = sorted(ESI_SAMPLES.glob("esi_institutions_*.csv"))
    if not files or not WOS_FILE.exists():
        pytest.skip(f"real sample exports not found in {SAMPLES}")
    ws = open_workspace(tmp_path_factory.mktemp("bench_report") / "w.sqlite")
    reports = import_files(ws, files, release="2025-11") + import_files(ws, [WOS_FILE])
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    ws.set_institution(DUT, ["Dalian Univ Technol"])
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def c9_report(sample_ws, tmp_path_factory):
    out = tmp_path_factory.mktemp("c9")
    seen: list[float] = []
    result = build_report("benchmark", sample_ws, out / "对标.docx", xlsx=out / "对标.xlsx",
                          options=ReportOptions(extra={"group": "C9"}),
                          progress=lambda f, m: seen.append(f))
    result.fractions = seen  # type: ignore[attr-defined]
    return result


def cli_json(capsys, *args: str) -> dict:
    assert main(["benchmark", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def tables_with_header(document, *headers: str) -> list:
    return [t for t in document.tables
            if [c.text for c in t.rows[0].cells][:len(headers)] == list(headers)]


def captions(document, label: str) -> list[str]:
    return [p.text for p in document.paragraphs
            if p.style.name == "Caption" and p.text.startswith(label)]


# -- numbers ---------------------------------------------------------------------------------

def test_esi_tables_equal_the_cli_json(c9_report, sample_ws, capsys):
    data = cli_json(capsys, "-w", str(sample_ws.path), "--group", "C9")
    names = {k: v or k for k, v in data["display_names"].items()}
    document = Document(str(c9_report.docx))
    tables = tables_with_header(document, "院校", "排名")
    fields = list(dict.fromkeys(r["field"] for r in data["esi"]))
    assert len(tables) == len(fields) == 11
    for field, table in zip(fields, tables):
        shown = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
        expected = [r for r in data["esi"] if r["field"] == field]
        assert list(shown) == [names[r["institution"]] for r in expected]
        for record in expected:
            cells = shown[names[record["institution"]]]
            assert cells[1] == f"{record['rank']:,}", (field, record["institution"])
            assert cells[2] == f"{record['percentile'] * 100:.2f}%"
            assert cells[4:8] == [f"{record['documents']:,}", f"{record['cites']:,}",
                                  f"{record['cites_per_paper']:.2f}", f"{record['top_papers']:,}"]
    chemistry = {r.cells[0].text: r.cells for r in tables[fields.index("CHEMISTRY")].rows[1:]}
    assert chemistry["大连理工大学"][1].text == "47" and chemistry["大连理工大学"][3].text == "8"
    assert chemistry["中国科学技术大学"][3].text == "1"
    # Our row is bold (黑体), the peers' rows are not.
    bold = [run.text for run in chemistry["大连理工大学"][0].paragraphs[0].runs if run.bold]
    assert bold == ["大连理工大学"]
    assert not any(run.bold and run.text for run in chemistry["北京大学"][0].paragraphs[0].runs)


def test_wos_tables_equal_the_cli_json_with_small_sample_marks(c9_report, sample_ws, capsys):
    data = cli_json(capsys, "-w", str(sample_ws.path), "--group", "C9")
    names = {k: v or k for k, v in data["display_names"].items()}
    document = Document(str(c9_report.docx))
    tables = tables_with_header(document, "院校", "论文数")
    fields = list(dict.fromkeys(r["field"] for r in data["wos_totals"]))
    fields = ["ALL FIELDS"] + [f for f in fields if f != "ALL FIELDS"]  # totals first
    assert len(tables) == len(fields)
    for field, table in zip(fields, tables):
        expected = [r for r in data["wos_totals"] if r["field"] == field]
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        assert [r[0] for r in rows] == [names[r["institution"]] for r in expected]
        for cells, r in zip(rows, expected):
            assert cells[1] == f"{r['papers']:,}" + ("†" if r["small_sample"] else "")
            assert cells[2:] == [
                f"{r['cites']:,}", f"{r['cites_per_paper']:.2f}", str(r["top10_papers"]),
                f"{r['top10_share'] * 100:.1f}%", str(r["top1_papers"]),
                f"{r['top1_share'] * 100:.1f}%", str(r["international_papers"]),
                f"{r['international_share'] * 100:.1f}%", str(r["h_index"])]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "† 论文数少于 30 篇（小样本）" in text
    assert "集合内归一化（collection-normalised），非 CNCI" in text
    # Every mention of CNCI denies it: "非 CNCI" / "not CNCI".
    assert len(re.findall("CNCI", text)) == len(re.findall("(?:非 |not )CNCI", text)) > 0
    # Every warning of the JSON is printed, in Chinese.
    for warning in data["warnings"]:
        assert warning_zh(warning, names) in text and warning_zh(warning, names) != warning
    assert "复旦大学" in text and "已尝试拼写：Fudan Univ; Fudan University" in text


def test_generated_sentences_carry_the_figures(c9_report):
    context = c9_report.context
    sentences = "\n".join(context["field_sentences"])
    assert ("在化学学科，我校 ESI 排名第 47 位（前 2.20%），在 C9 对标组 10 所高校中位列第 8；"
            "对标组中排名最高的是中国科学技术大学（第 6 位），我校被引次数为其 46.3%。") in sentences
    overview = "\n".join(context["overview"])
    assert "我校进入其中 11 个学科的 ESI 全球前 1%" in overview
    assert "我校位列对标组前半的学科（1 个）：计算机科学（第 5/10）。" in overview
    assert "百分位最好的学科为工程学（前 0.86%）" in overview
    wos = "\n".join(context["wos_sentences"])
    assert "我校论文 8 篇，被引 78 次，篇均被引 9.75 次，h 指数 5" in wos
    assert "小样本" in wos
    assert context["esi_trend_sentences"] == [
        "目前仅导入 1 期 ESI 数据（2025-11），暂无法分析排名走势；导入更多期次的 ESI 榜单后"
        "重新生成报告，本节将给出各学科排名与百分位的变化。"]


def test_unlisted_peer_is_shown_as_not_entered_never_zero(sample_ws, tmp_path):
    out = build_report("benchmark", sample_ws, tmp_path / "e9.docx", options=ReportOptions(
        extra={"group": "E9", "fields": ["Agricultural Sciences"]}))
    [table] = tables_with_header(Document(str(out.docx)), "院校", "排名")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["北京理工大学"][1:] == ["未进入", "—", "—", "—", "—", "—", "—", "—"]
    assert "0" not in rows["北京理工大学"]
    [section] = out.context["esi_fields"]
    assert "“未进入”表示不在本学科 ESI 前 1% 榜单中（不是 0）：北京理工大学。" in section["note"]
    assert "（1 所未进入 ESI 前 1%）" in section["sentence"]


def test_structure_captions_and_office_style(c9_report):
    document = Document(str(c9_report.docx))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、概述", "二、ESI 学科对标", "三、发展趋势", "四、WoS 论文指标对标",
                        "附录　方法与数据来源"]
    figures = captions(document, "图")
    tables = captions(document, "表")
    assert [c.split("　")[0] for c in figures] == [f"图 {n}" for n in range(1, len(figures) + 1)]
    assert [c.split("　")[0] for c in tables] == [f"表 {n}" for n in range(1, len(tables) + 1)]
    assert len(document.inline_shapes) == len(figures) == len(c9_report.figures) == 13
    assert [p.name for p in c9_report.figures] == [f"对标_fig{n}.png" for n in range(1, 14)]
    sections = document.sections
    wos_section = sections[4]
    assert wos_section.page_width > wos_section.page_height  # wide WoS tables: landscape
    assert all(s.page_width < s.page_height for i, s in enumerate(sections) if i != 4)
    body = document.element.body.xml
    assert "TOC \\o" in body and "SEQ 表" in body and "SEQ 图" in body
    text = "\n".join(p.text for p in document.paragraphs)
    for needle in ("percentile = rank / N", "⌈0.10 × n⌉", "与阈值并列的论文全部计入",
                   "Tsinghua Univ", "wosanalysis_savedrecs_833.txt"):
        assert needle in text or needle in body, needle
    sources = tables_with_header(document, "类型", "期次 / 格式")[0]
    hashes = {r.cells[3].text: r.cells[4].text for r in sources.rows[1:]}
    assert len(hashes) == 12 and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes.values())


def test_excel_twin_sheets_and_numbers(c9_report, sample_ws, capsys):
    data = cli_json(capsys, "-w", str(sample_ws.path), "--group", "C9")
    book = load_workbook(c9_report.xlsx)
    assert book.sheetnames == ["ESI 对标", "ESI 趋势", "WoS 逐年", "WoS 合计", "阈值", "提示",
                               "参数与来源"]
    sheet = book["ESI 对标"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(data["esi"])
    for row, record in zip(rows, data["esi"]):
        assert row["院校（institution）"] == record["institution"]
        assert row["排名（rank）"] == record["rank"] and row["被引次数（cites）"] == record["cites"]
        assert row["百分位（percentile）"] == pytest.approx(record["percentile"])
    assert book["WoS 逐年"].max_row - 1 == len(data["wos"])
    provenance = "\n".join(str(c.value) for row in book["参数与来源"].iter_rows() for c in row)
    assert "collection-normalised" in provenance and "wosanalysis_savedrecs_833.txt" in provenance
    assert c9_report.fractions == sorted(c9_report.fractions) and c9_report.fractions[-1] == 1.0


# -- trends over releases (seeded demo lists) -----------------------------------------------

def test_trend_section_with_three_releases(workspace, tmp_path):
    from analyst_app.demo_data import write_demo_esi_exports
    wanted: dict[str, list[Path]] = {}
    for path, release in write_demo_esi_exports(tmp_path / "demo"):
        title = path.read_text(encoding="utf-8").split("\n")[0]
        if re.search(r"Filter Value\(s\): (CHEMISTRY|ENGINEERING)\s", title):
            wanted.setdefault(release, []).append(path)
    for release in sorted(wanted):
        import_files(workspace, wanted[release], release=release)
    out = build_report("benchmark", workspace, tmp_path / "t.docx",
                       options=ReportOptions(DUT, extra={"peers": "TSINGHUA UNIVERSITY;天津大学"}))
    context = out.context
    rows = {r["field"]: r for r in context["esi_trend_rows"]}
    assert set(rows) == {"CHEMISTRY", "ENGINEERING"}
    trend = [r for r in _trend_json(workspace) if r["institution"] == DUT]
    for field, row in rows.items():
        ranks = [r["rank"] for r in sorted(trend, key=lambda r: r["release"]) if r["field"] == field]
        assert row["ranks"] == " → ".join(f"{r:,}" for r in ranks)
        assert row["change_first"] == change_label(ranks[0], ranks[-1])
    assert context["esi_trend_sentences"][0].startswith(
        "共导入 3 期 ESI 数据（2025-07、2025-09、2025-11）")
    assert "figure_esi_trend" in context["figure_files"]
    # The per-field table shows the change against the previous release.
    [chem] = [f for f in context["esi_fields"] if f["field"] == "CHEMISTRY"]
    ours = next(r for r in chem["rows"] if r["is_us"])
    assert ours["change"] == change_label(*[r["rank"] for r in sorted(
        (r for r in trend if r["field"] == "CHEMISTRY"), key=lambda r: r["release"])][-2:])


def _trend_json(workspace) -> list[dict]:
    from analyst_app.services.benchmark import benchmark, benchmark_json
    return benchmark_json(benchmark(workspace, DUT, ["TSINGHUA UNIVERSITY"]))["esi_trend"]


# -- CLI, options, cancel ----------------------------------------------------------------------

def test_cli_report_benchmark(sample_ws, tmp_path, capsys):
    code = main(["report", "benchmark", "-w", str(sample_ws.path), "--peers",
                 "TSINGHUA UNIVERSITY;天津大学", "--field", "ENGINEERING", "--display-name",
                 "大连理工大学", "--output", str(tmp_path / "r.docx"), "--xlsx",
                 str(tmp_path / "r.xlsx")])
    out = capsys.readouterr().out
    assert code == 0
    assert f"wrote {tmp_path / 'r.docx'}" in out and f"wrote {tmp_path / 'r.xlsx'}" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r.docx", "r.xlsx", "r_fig1.png", "r_fig2.png", "r_fig3.png"]
    assert main(["report", "benchmark", "-w", str(sample_ws.path), "--output",
                 str(tmp_path / "x.docx")]) == 2
    assert "no peers" in capsys.readouterr().err


@pytest.mark.parametrize("extra, message", [
    ({"peer": ["X"]}, "unknown benchmark report option(s) peer"),
    ({"group": "C9", "min_papers": "30"}, "invalid min_papers '30'"),
    ({"group": "C9", "years": "2024-2020"}, "the first year is after the last"),
    ({"group": "C9", "fields": ["CHEMISTRI"]}, "invalid field 'CHEMISTRI'"),
    ({"peers": 5}, "invalid peers 5"),
])
def test_bad_options_are_input_errors(sample_ws, tmp_path, extra, message):
    with pytest.raises(InputError, match=re.escape(message)):
        build_report("benchmark", sample_ws, tmp_path / "r.docx",
                     options=ReportOptions(extra=extra))
    assert list(tmp_path.iterdir()) == []


def test_cancel_while_drawing_keeps_the_old_file(sample_ws, tmp_path):
    old = tmp_path / "r.docx"
    old.write_bytes(b"previous report")
    token = CancelToken()

    def progress(fraction: float, message: str) -> None:
        if message.startswith("绘制图 3"):
            token.cancel()

    with pytest.raises(Cancelled):
        build_report("benchmark", sample_ws, old, xlsx=tmp_path / "r.xlsx",
                     options=ReportOptions(extra={"group": "C9"}), progress=progress,
                     cancel=token)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]
    assert old.read_bytes() == b"previous report"


# -- small pure helpers ------------------------------------------------------------------------

def test_helpers():
    assert [numeral(n) for n in (1, 9, 10, 11, 20, 22)] == ["一", "九", "十", "十一", "二十",
                                                           "二十二"]
    assert [change_label(a, b) for a, b in ((5, 2), (2, 5), (3, 3), (None, 4), (4, None),
                                             (None, None))] == ["↑3", "↓3", "持平", "新进",
                                                                "退出", "—"]
    assert warning_zh("something new", {}) == "something new"  # unknown text is kept
    assert warning_zh("no imported ESI list for CHEMISTRY, PHYSICS", {}) == \
        "以下学科未导入 ESI 榜单：化学、物理学。"
    manifest = load_manifest("benchmark")
    assert manifest.analyses == ("benchmark",) and template_path("benchmark").is_file()


# -- rendering through LibreOffice -------------------------------------------------------------

@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_through_libreoffice(c9_report, tmp_path):
    pdf = render_pdf(c9_report.docx, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("学科竞争力对标分析报告", "一、概述", "二、ESI 学科对标", "三、发展趋势",
                     "四、WoS 论文指标对标", "方法与数据来源", "表 1", "图 1", "表 13", "图 13",
                     "269,608", "中国科学技术大学", "未进入" if "未进入" in text else "化学",
                     "集合内归一化", "非 CNCI", "h 指数"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"CJK|Song|Hei|Ming|SC-|Han", line)]
    assert cjk and all(" yes " in line for line in cjk), fonts
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=180)
    assert len(list(tmp_path.glob("page-*.png"))) >= 15
