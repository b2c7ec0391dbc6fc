"""ESI bulletin: numbers in the Word document equal the ESI exports; style; cancel; render."""

from __future__ import annotations

import csv
import json
import hashlib
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from analyst_app.db.workspace import open_workspace
from analyst_app.errors import Cancelled, InputError
from analyst_app.reports.templates import list_templates, load_manifest, template_path
from analyst_app.services.imports import import_files
from analyst_app.services.reports import build_esi_bulletin
from analyst_app.tasks import CancelToken
from tests.rendering import render_pdf

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
ESI_SAMPLES = SAMPLES / "esi"
DATA = Path(__file__).resolve().parents[1] / "data"
DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"

needs_samples = pytest.mark.skipif(
    not ESI_SAMPLES.is_dir(), reason=f"ESI sample exports not found at {ESI_SAMPLES}")


def read_esi_csv(path: Path) -> dict:
    """Read an ESI Institutions export independently of the importer (csv module only)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    # The title line is not CSV: "SOCIAL SCIENCES, GENERAL" holds an unquoted comma.
    field = re.search(r"Filter Value\(s\):\s*(.+?)\s{2,}Show", ",".join(lines[0])).group(1)
    rows = [r for r in lines[2:] if len(r) == 7 and r[0].strip().isdigit()]
    ours = next((r for r in rows if r[1].strip().upper() == DUT), None)
    cites = sorted((int(r[4]) for r in rows), reverse=True)
    return {
        "field": field, "n": len(rows), "cites_sorted": cites,
        "rank": int(ours[0]) if ours else None, "documents": int(ours[3]) if ours else None,
        "cites": int(ours[4]) if ours else None,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "file": path.name,
    }


def field_names_zh() -> dict[str, str]:
    with open(DATA / "esi_fields.csv", encoding="utf-8", newline="") as handle:
        return {r["name_en"]: r["name_zh"] for r in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def csv_facts() -> dict[str, dict]:
    facts = [read_esi_csv(p) for p in sorted(ESI_SAMPLES.glob("*.csv"))]
    return {f["field"]: f for f in facts}


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory):
    """One workspace with the 11 sample lists as release 2025-11, shared by the module."""
    if not ESI_SAMPLES.is_dir():
        pytest.skip(f"ESI sample exports not found at {ESI_SAMPLES}")
    ws = open_workspace(tmp_path_factory.mktemp("ws") / "w.sqlite")
    import_files(ws, sorted(ESI_SAMPLES.glob("*.csv")), release="2025-11")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def bulletin(sample_workspace, tmp_path_factory):
    out = tmp_path_factory.mktemp("bulletin")
    messages: list[tuple[float, str]] = []
    result = build_esi_bulletin(sample_workspace, DUT, out / "通报.docx", xlsx=out / "esi.xlsx",
                                display_name="大连理工大学",
                                progress=lambda f, m: messages.append((f, m)))
    result.messages = messages  # type: ignore[attr-defined]
    return result


def table_by_header(document, first_header: str, second_header: str, third_header: str = ""):
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[0] == first_header and cells[1] == second_header and \
                (not third_header or cells[2] == third_header):
            return table
    raise AssertionError(f"no table with header {first_header}/{second_header}")


def paragraphs_text(document) -> list[str]:
    return [p.text for p in document.paragraphs]


@needs_samples
def test_table_1_shows_the_numbers_of_the_csv(bulletin, csv_facts):
    document = Document(str(bulletin.docx))
    table = table_by_header(document, "学科", "排名")
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    zh = field_names_zh()
    listed = {f: facts for f, facts in csv_facts.items() if facts["rank"] is not None}
    assert len(listed) == 11
    for field, facts in listed.items():
        cells = rows[zh[field]]
        assert cells[1] == f"{facts['rank']:,}", field
        assert cells[2] == f"{facts['n']:,}", field
        assert cells[4] == f"{facts['documents']:,}", field
        assert cells[5] == f"{facts['cites']:,}", field
        assert cells[3] == f"{facts['rank'] / facts['n'] * 100:.2f}%", field
        t_1permille = facts["cites_sorted"][math.ceil(0.1 * facts["n"]) - 1]
        assert cells[9] == f"{t_1permille:,}", field
        assert cells[8] == f"{facts['cites_sorted'][-1]:,}*"  # derived: last listed
    # The figures named in the brief, spelled out.
    assert rows["工程学"][1:3] == ["24", "2,787"] and rows["工程学"][5] == "329,667"
    assert rows["化学"][1:3] == ["47", "2,141"] and rows["化学"][5] == "269,608"
    assert rows["工程学"][11] == "前1‱" and rows["化学"][11] == "前1‰"
    assert all(row[12] == "—" for row in rows.values())  # one release: no change


@needs_samples
def test_summary_sentences_carry_the_figures(bulletin, csv_facts):
    text = "\n".join(paragraphs_text(Document(str(bulletin.docx))))
    assert ("本期（2025-11）ESI 数据显示，我校共有 11 个学科进入 ESI 全球前 1%，其中工程学进入"
            "前 1‱，化学、计算机科学、材料科学 3 个学科进入前 1‰。") in text
    zh = field_names_zh()
    for field, facts in csv_facts.items():
        sentence = (f"{zh[field]}排名第 {facts['rank']:,} 位（共 {facts['n']:,} 个机构），"
                    f"位于前 {facts['rank'] / facts['n'] * 100:.2f}%")
        assert sentence in text, sentence
        assert f"论文 {facts['documents']:,} 篇，被引 {facts['cites']:,} 次" in text
    chem = csv_facts["CHEMISTRY"]
    t_1per10k = chem["cites_sorted"][math.ceil(0.01 * chem["n"]) - 1]
    gap, share = t_1per10k - chem["cites"], chem["cites"] / t_1per10k
    assert f"化学距前 1‱ 阈值尚差 {gap:,} 次被引（当前为阈值的 {share:.1%}）" in text
    assert "化学距前 1‱ 阈值尚差 83,402 次被引（当前为阈值的 76.4%）" in text
    assert "本期为首次导入，暂无环比数据。" in text
    assert "大连理工大学 ESI 学科动态监测通报" in Document(str(bulletin.docx)).sections[1].header \
        .paragraphs[0].text


@needs_samples
def test_appendix_lists_every_source_file_with_its_sha256(bulletin, csv_facts):
    document = Document(str(bulletin.docx))
    table = table_by_header(document, "学科", "期次", "文件名")
    hashes = {row.cells[2].text: row.cells[3].text for row in table.rows[1:]}
    assert hashes == {f["file"]: f["sha256"] for f in csv_facts.values()}
    text = "\n".join(paragraphs_text(document))
    assert "⌈0.1 × N⌉" in text and "向上取整" in text and DUT in text


@needs_samples
def test_chinese_office_style(bulletin):
    document = Document(str(bulletin.docx))
    styles = document.styles

    def fonts(style_name):
        rfonts = styles[style_name].element.rPr.find(qn("w:rFonts"))
        return rfonts.get(qn("w:eastAsia")), rfonts.get(qn("w:ascii"))

    assert fonts("Normal") == ("宋体", "Times New Roman")
    assert fonts("Heading 1")[0] == "黑体" and fonts("Title")[0] == "黑体"
    assert fonts("Caption")[0] == "黑体"
    assert styles["Normal"].font.size.pt == 12
    sections = document.sections
    first = sections[0]
    assert (round(first.page_width.cm, 1), round(first.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(first.left_margin.cm, 2), round(first.top_margin.cm, 2)) == (3.18, 2.54)
    assert sections[2].page_width > sections[2].page_height  # table 1 on a landscape page
    footer_xml = sections[1].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml
    body = document.element.body.xml
    assert "TOC \\o" in body and "SEQ 表" in body and "SEQ 图" in body
    assert len(document.inline_shapes) == 1  # one release: no history chart (figure 2)


@needs_samples
def test_table_1_is_a_three_line_table(bulletin):
    table = table_by_header(Document(str(bulletin.docx)), "学科", "排名")
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    size = {edge: borders.find(qn(f"w:{edge}")).get(qn("w:sz")) for edge in ("top", "bottom")}
    assert size == {"top": "12", "bottom": "12"}  # 1.5 pt in eighths of a point
    for edge in ("left", "right", "insideV", "insideH"):
        assert borders.find(qn(f"w:{edge}")).get(qn("w:val")) == "nil"
    header_cell = table.rows[0].cells[0]._tc.tcPr.find(qn("w:tcBorders"))
    assert header_cell.find(qn("w:bottom")).get(qn("w:sz")) == "6"  # 0.75 pt


@needs_samples
def test_outputs_progress_and_figure(bulletin):
    from PIL import Image

    assert bulletin.docx.is_file() and bulletin.xlsx.is_file()
    [figure] = bulletin.figures
    with Image.open(figure) as image:
        assert round(image.info["dpi"][0]) == 300 and image.size[0] > 1500
    fractions = [f for f, _ in bulletin.messages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert not [p for p in bulletin.docx.parent.iterdir() if p.name.startswith(".")]
    assert bulletin.context["rows"][0]["cites"] == "329,667"


@needs_samples
def test_rank_change_against_an_altered_previous_release(tmp_path, csv_facts):
    """Previous release = the samples with DUT's engineering rank 27 and no DUT in mathematics."""
    previous = tmp_path / "2025-09"
    previous.mkdir()
    for path in ESI_SAMPLES.glob("*.csv"):
        lines = path.read_text(encoding="utf-8-sig").split("\n")
        if "MATHEMATICS" in path.name:
            lines = [line for line in lines if DUT not in line]
        else:
            # The workspace refuses the same list under two releases: alter DUT's row.
            lines = [_altered(line, "ENGINEERING" in path.name) if DUT in line else line
                     for line in lines]
        (previous / path.name).write_text("\n".join(lines), encoding="utf-8")
    ws = open_workspace(tmp_path / "w.sqlite")
    import_files(ws, sorted(previous.glob("*.csv")), release="2025-09")
    import_files(ws, sorted(ESI_SAMPLES.glob("*.csv")), release="2025-11")
    out = build_esi_bulletin(ws, DUT, tmp_path / "b.docx")
    document = Document(str(out.docx))
    text = "\n".join(paragraphs_text(document))
    assert "较上期上升 3 位" in text and "本期新进入 ESI 前 1% 的学科：数学（共 1 个）。" in text
    assert "排名上升的学科：工程学（↑3）。" in text and "与上期（2025-09）相比" in text
    table = table_by_header(document, "学科", "排名")
    rows = {r.cells[0].text: r.cells[12].text for r in table.rows[1:]}
    assert rows["工程学"] == "↑3" and rows["数学"] == "新进" and rows["化学"] == "持平"
    sources = table_by_header(document, "学科", "期次", "文件名")
    assert {r.cells[1].text for r in sources.rows[1:]} == {"2025-09", "2025-11"}
    ws.close()


def _altered(line: str, move_down: bool) -> str:
    cells = next(csv.reader([line]))
    cells[3] = str(int(cells[3]) - 10)  # ten documents fewer two months earlier
    if move_down:
        cells[0] = str(int(cells[0]) + 3)  # engineering was 27th, now 24th
    return ",".join(f'"{c}"' for c in cells)


def test_demo_releases_report_new_and_dropped_fields(tmp_path):
    demo = pytest.importorskip("analyst_app.demo_data")
    files = demo.write_demo_esi_exports(tmp_path / "demo", 7)
    ws = open_workspace(tmp_path / "w.sqlite")
    for release in sorted({r for _, r in files}):
        import_files(ws, [p for p, r in files if r == release], release=release)
    out = build_esi_bulletin(ws, demo.DEMO_INSTITUTION, tmp_path / "demo.docx")
    context = out.context
    assert context["previous_release"] and len(context["rows"]) == 22
    changes = "\n".join(context["change_sentences"])
    assert "本期为首次导入" not in changes
    dropped = [row["field_zh"] for row in context["rows"] if row["change"] == "退出"]
    assert dropped and all(name in changes for name in dropped)
    # Every listed field's sentence states its change against the previous release.
    for row in context["rows"]:
        if row["level"] != "未进入" and row["change"].startswith("↑"):
            assert f"较上期上升 {row['change'][1:]} 位" in "\n".join(context["field_sentences"])


def test_cancel_before_start_leaves_nothing(sample_workspace, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_esi_bulletin(sample_workspace, DUT, tmp_path / "b.docx", xlsx=tmp_path / "b.xlsx",
                           cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_cancel_while_rendering_keeps_the_old_file(sample_workspace, tmp_path):
    old = tmp_path / "b.docx"
    old.write_bytes(b"previous report")
    token = CancelToken()

    def progress(fraction: float, message: str) -> None:
        if "Word" in message:
            token.cancel()  # the user presses Cancel while the document is rendered

    with pytest.raises(Cancelled):
        build_esi_bulletin(sample_workspace, DUT, old, xlsx=tmp_path / "b.xlsx", progress=progress,
                           cancel=token)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.docx"]
    assert old.read_bytes() == b"previous report"


def test_user_errors_are_input_errors(sample_workspace, tmp_path, monkeypatch):
    empty = open_workspace(tmp_path / "empty.sqlite")
    with pytest.raises(InputError, match="no ESI"):
        build_esi_bulletin(empty, DUT, tmp_path / "b.docx")
    with pytest.raises(InputError, match="2019-01"):
        build_esi_bulletin(sample_workspace, DUT, tmp_path / "b.docx", release="2019-01")
    with pytest.raises(InputError, match="does not exist"):
        build_esi_bulletin(sample_workspace, DUT, tmp_path / "missing" / "b.docx")
    with pytest.raises(InputError, match=r"\.docx"):
        build_esi_bulletin(sample_workspace, DUT, tmp_path / "b.pdf")
    # Simulated: the tests may run as root, for whom chmod does not lock a folder.
    monkeypatch.setattr("analyst_app.reports.output_files.os.access", lambda *_a, **_k: False)
    with pytest.raises(InputError, match="not writable"):
        build_esi_bulletin(sample_workspace, DUT, tmp_path / "b.docx")


def test_institution_in_no_list_gets_a_bulletin_without_listed_fields(sample_workspace, tmp_path):
    # A name in no list is refused as a likely misspelling, with the closest names ...
    with pytest.raises(InputError, match="DALIAN UNIVERSITY OF TECHNOLOGY"):
        build_esi_bulletin(sample_workspace, "DALIAN UNIV OF TECHNOLOGY", tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()
    # ... unless the librarian says the institution really is in no list.
    out = build_esi_bulletin(sample_workspace, "NO SUCH & UNIVERSITY", tmp_path / "b.docx",
                             allow_unlisted=True)
    assert out.context["lead"] == "本期（2025-11）ESI 数据显示，我校暂无学科进入 ESI 全球前 1%。"
    assert {row["level"] for row in out.context["rows"]} == {"未进入"}
    title = [p.text for p in Document(str(out.docx)).paragraphs if p.style.name == "Title"]
    assert title[0] == "NO SUCH & UNIVERSITY"  # escaped for XML, shown as typed


def test_missing_chinese_font_names_the_package(monkeypatch):
    from analyst_app.reports import figures

    figures.find_cjk_font.cache_clear()
    monkeypatch.setattr(figures, "_known_family", lambda: None)
    monkeypatch.setattr(figures, "_fontconfig_zh_files", lambda: [])
    try:
        with pytest.raises(figures.MissingFontError, match="fonts-noto-cjk"):
            figures.find_cjk_font()
    finally:
        figures.find_cjk_font.cache_clear()


def test_template_registry():
    ids = [m.id for m in list_templates()]
    assert "esi_bulletin" in ids
    manifest = load_manifest("esi_bulletin")
    assert manifest.analyses[0] == "esi_status" and "esi_push_list" in manifest.analyses
    assert "docx" in manifest.outputs
    assert template_path("esi_bulletin").is_file()
    with pytest.raises(InputError, match="esi_bulletin"):
        load_manifest("no_such_report")


# -- rendering through LibreOffice -------------------------------------------------------

@pytest.mark.render
@needs_samples
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_through_libreoffice(bulletin, tmp_path):
    pdf = render_pdf(bulletin.docx, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("工程学", "ESI", "学科动态监测通报", "329,667", "表 1", "图 1", "附录"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"CJK|Song|Hei|Ming|SC-|Han", line)]
    assert cjk and all(" yes " in line for line in cjk), fonts
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    assert len(list(tmp_path.glob("page-*.png"))) >= 6


# -- the full bulletin: several releases, potential fields, new highly cited papers -------

SCHOOLS = Path(__file__).resolve().parents[1] / "data" / "schools" / "dalian_univ_technol.csv"


@pytest.fixture(scope="module")
def full_bulletin(tmp_path_factory):
    """Demo lists of 3 releases and highly cited papers of 2; the bulletin built with schools."""
    demo = pytest.importorskip("analyst_app.demo_data")
    from analyst_app.esi_papers_generator import next_release, random_papers, write_papers_file

    folder = tmp_path_factory.mktemp("full")
    files = demo.write_demo_esi_exports(folder / "demo", 7)
    ws = open_workspace(folder / "w.sqlite")
    for release in sorted({r for _, r in files}):
        import_files(ws, [p for p, r in files if r == release], release=release)
    ws.set_institution(demo.DEMO_INSTITUTION, ["DALIAN UNIV TECHNOL"])
    before = random_papers(30, seed=5, our_share=0.4)
    write_papers_file(folder / "h1.csv", before, kind="hcp")
    write_papers_file(folder / "h2.csv", next_release(before, seed=6, new=8, our_share=0.6),
                      kind="hcp")
    import_files(ws, [folder / "h1.csv"], release="2025-09")
    import_files(ws, [folder / "h2.csv"], release="2025-11")
    out = build_esi_bulletin(ws, None, folder / "full.docx", xlsx=folder / "full.xlsx",
                             display_name="大连理工大学", schools=SCHOOLS)
    ws.close()
    return folder / "w.sqlite", out


def cli_json(capsys, *argv: str) -> list[dict]:
    from analyst_app.cli import main

    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_history_table_equals_the_cli_json(full_bulletin, capsys):
    path, out = full_bulletin
    records = cli_json(capsys, "esi", "history", "-w", str(path), "--format", "json")
    by_key = {(r["field_zh"], r["release"]): r for r in records}
    document = Document(str(out.docx))
    table = table_by_header(document, "学科", "期次", "排名")
    field, checked = None, 0
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        field = cells[0] or field  # the field is printed on its first row only
        record = by_key[(field, cells[1])]
        assert cells[2] == (f"{record['rank']:,}" if record["rank"] is not None else "—")
        assert cells[3] == f"{record['institutions']:,}"
        if record["percentile"] is not None:
            assert cells[4] == f"{record['percentile'] * 100:.2f}%"
            assert cells[5] == f"{record['cites']:,}"
        checked += 1
    listed = {r["field"] for r in records if r["status"] != "not_listed"}
    assert checked == 3 * len(listed)  # every release of every field listed once
    assert len(document.inline_shapes) == 2  # figure 2: the history chart
    text = "\n".join(paragraphs_text(document))
    sentences = cli_json(capsys, "esi", "history", "-w", str(path), "--sentences",
                         "--format", "json")
    for record in sentences:
        assert record["sentence_zh"] + "。" in text
    assert "较上期上升" in text and "仅导入一期" not in text


def test_potential_table_equals_the_cli_json(full_bulletin, capsys):
    path, out = full_bulletin
    records = cli_json(capsys, "esi", "potential", "-w", str(path), "--format", "json")
    by_field = {r["field_zh"]: r for r in records}
    table = table_by_header(Document(str(out.docx)), "学科", "层次")
    rows = table.rows[1:]
    assert len(rows) == sum(1 for r in records if r["cites"] is not None)
    for row in rows:
        cells = [c.text for c in row.cells]
        record = by_field[cells[0]]
        assert cells[2] == f"{record['cites']:,}"
        # P = cites / threshold, checked by hand from the JSON's own cites and thresholds.
        assert cells[4] == f"{record['cites'] / record['threshold_1pct']:.3f}"
        assert cells[5] == f"{record['cites'] / record['threshold_1permille']:.3f}"
        assert cells[6] == f"{record['potential_1per10k']:.3f}"
        forecast = record["forecast"]
        if forecast["possible"]:
            assert cells[9] == f"{forecast['earliest']}—{forecast['latest']}"
        else:
            assert cells[9] in ("不作预测", "—")
    text = "\n".join(paragraphs_text(Document(str(out.docx))))
    assert "P = 本校该学科被引次数 ÷ 阈值" in text and "Fieller 80% 置信区间" in text
    for record in records:  # every forecast refused is explained, never given a date
        if record["field_zh"] in text and record["forecast"]["reason_zh"] and \
                record["on_watch_list"]:
            assert record["forecast"]["reason_zh"] in text


def test_push_table_equals_the_cli_json(full_bulletin, capsys):
    path, out = full_bulletin
    records = cli_json(capsys, "esi", "push-list", "-w", str(path), "--format", "json")
    table = table_by_header(Document(str(out.docx)), "序号", "类型")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[2] for r in rows] == [r["title"] for r in records] and records
    for cells, record in zip(rows, records):
        assert cells[4] == f"{record['times_cited']:,}"
        assert cells[5] == "；".join(record["authors"])
        assert cells[6] != "—"  # the mapping named a school for each generated address
    text = "\n".join(paragraphs_text(Document(str(out.docx))))
    assert f"与 2025-09 期相比，大连理工大学新增高被引论文 {len(records)} 篇。" in text


def test_excel_twin_has_history_potential_and_push_sheets(full_bulletin, capsys):
    from openpyxl import load_workbook

    path, out = full_bulletin
    book = load_workbook(out.xlsx)
    for name in ("多期变化", "变化表述", "潜力学科", "新增高被引与热点论文", "参数与来源"):
        assert name in book.sheetnames, name
    assert book.sheetnames[-1] == "参数与来源"
    history = cli_json(capsys, "esi", "history", "-w", str(path), "--format", "json")
    sheet = book["多期变化"]
    header = [c.value for c in sheet[1]]
    cells = {(r[header.index("学科（英文）")], r[header.index("期次")]): r[header.index("被引次数")]
             for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells == {(r["field"], r["release"]): r["cites"] for r in history}
    potential = cli_json(capsys, "esi", "potential", "-w", str(path), "--format", "json")
    sheet = book["潜力学科"]
    header = [c.value for c in sheet[1]]
    values = {r[header.index("学科（英文）")]: r[header.index("潜力值 P（1%）")]
              for r in sheet.iter_rows(min_row=2, values_only=True)}
    # Excel keeps 15 significant digits: the same number, not the same last bit.
    expected = {r["field"]: r["potential_1pct"] for r in potential}
    assert values.keys() == expected.keys()
    for field, value in expected.items():
        assert values[field] == (None if value is None else pytest.approx(value, rel=1e-12))
    parameters = [r[0] for r in book["参数与来源"].iter_rows(values_only=True)]
    assert "潜力值公式" in parameters and "新增论文判定" in parameters


def test_single_release_says_so(bulletin):
    text = "\n".join(paragraphs_text(Document(str(bulletin.docx))))
    assert "仅导入一期，暂无多期对比。" in text
    assert "未导入 ESI 高被引论文或热点论文清单" in text
    assert bulletin.context["has_history"] is False


def test_two_releases_never_get_a_forecast_date(tmp_path):
    demo = pytest.importorskip("analyst_app.demo_data")
    files = demo.write_demo_esi_exports(tmp_path / "demo", 7)
    ws = open_workspace(tmp_path / "w.sqlite")
    for release in ("2025-07", "2025-09"):
        import_files(ws, [p for p, r in files if r == release], release=release)
    out = build_esi_bulletin(ws, demo.DEMO_INSTITUTION, tmp_path / "two.docx")
    ws.close()
    context = out.context
    assert context["has_history"] is True
    assert {row["forecast"] for row in context["potential_rows"]} <= {"不作预测", "—"}
    prose = "\n".join(context["potential_sentences"])
    assert "少于 3 期" in prose
    # No month other than the two release labels is printed anywhere in the section.
    assert set(re.findall(r"\d{4}-\d{2}", prose)) <= {"2025-07", "2025-09"}


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_full_bulletin(full_bulletin, tmp_path):
    _path, out = full_bulletin
    pdf = render_pdf(out.docx, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # Captions print "表1　…" (SEQ field then an ideographic space); prose says "表 1 列出…".
    captions = re.findall(r"^\s*([表图])(\d+)\s", text, flags=re.M)
    assert [n for kind, n in captions if kind == "表"] == ["1", "2", "3", "4", "5", "6"]
    assert [n for kind, n in captions if kind == "图"] == ["1", "2"]
    for expected in ("四、多期变化", "五、潜力学科", "六、本期新增高被引论文与热点论文",
                     "各学科百分位变化", "潜力值 P", "待通知作者", "不作预测",
                     out.context["history_rows"][0]["cites"],
                     out.context["push_rows"][0]["times_cited"]):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    assert len(list(tmp_path.glob("page-*.png"))) >= 12
