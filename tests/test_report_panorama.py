"""Discipline panorama report (学科全景分析报告): numbers equal the CLI JSON, figures, Excel twin, rendering."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from docx import Document
from openpyxl import load_workbook

from analyst_app.errors import Cancelled, InputError
from tests.conftest import SAMPLES

BLACKSILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
OURS = "Aalto Univ"
YEARS = "2006-2021"
FILTER = ["--years", YEARS]
CROSS = "laser"
MODULES = "analyst_app.cli_report_panorama"

needs_sample = pytest.mark.skipif(not BLACKSILICON.exists(),
                                  reason=f"real sample {BLACKSILICON.name} not found")


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run the CLI with the panorama command registered; return the exit code and stdout."""
    import analyst_app.cli as cli
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        modules = tuple(m for m in cli.COMMAND_MODULES if m != MODULES) + (MODULES,)
        patch.setattr(cli, "COMMAND_MODULES", modules)
        with contextlib.redirect_stdout(out):
            code = cli.main(argv)
    return code, out.getvalue()


def cli_json(ws: Path, *args: str):
    code, out = run_cli([*args, "-w", str(ws), "--format", "json"])
    assert code == 0
    return json.loads(out)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not BLACKSILICON.exists():
        pytest.skip(f"real sample {BLACKSILICON.name} not found in {SAMPLES}")
    folder = tmp_path_factory.mktemp("panorama")
    ws = folder / "w.sqlite"
    assert run_cli(["import", str(BLACKSILICON), "-w", str(ws)])[0] == 0
    assert run_cli(["workspace", "set-institution", "-w", str(ws), OURS])[0] == 0
    docx, xlsx = folder / "黑硅全景.docx", folder / "黑硅全景.xlsx"
    code, out = run_cli(["report", "panorama", "-w", str(ws), "--title", "黑硅", *FILTER,
                         "--cross-query", CROSS, "--cross-title", "激光加工",
                         "--output", str(docx), "--xlsx", str(xlsx)])
    assert code == 0 and f"wrote {docx}" in out
    return {"ws": ws, "docx": docx, "xlsx": xlsx, "folder": folder,
            "document": Document(str(docx))}


def body_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def captioned_tables(document) -> dict[str, list[list[str]]]:
    """Caption text (``表 3 …``) → rows of the table that follows it."""
    captions = [p.text for p in document.paragraphs
                if p.style.name == "Caption" and p.text.startswith("表")]
    assert len(captions) == len(document.tables)  # every table has its caption, in order
    return {caption: [[c.text for c in row.cells] for row in table.rows]
            for caption, table in zip(captions, document.tables)}


def table_named(document, fragment: str) -> list[list[str]]:
    [rows] = [rows for caption, rows in captioned_tables(document).items() if fragment in caption]
    return rows


def test_rankings_equal_the_cli_json(built):
    document = built["document"]
    for entity, fragment, top in (("countries", "发文国家/地区", 10),
                                  ("institutions", "发文机构", 15),
                                  ("journals", "发文期刊", 10), ("authors", "发文作者", 15)):
        expected = cli_json(built["ws"], "indicators", entity, *FILTER, "--top", str(top))
        rows = table_named(document, fragment)[1:]
        assert len(rows) == len(expected) == top
        for row, record in zip(rows, expected):
            assert row[1].removesuffix("（我校）") == record["name"]
            assert row[2:] == [f"{record['papers']:,}", f"{record['cites']:,}",
                               f"{record['cites'] / record['papers']:,.2f}",
                               str(record["h_index"]), str(record["g_index"])]
    institutions = table_named(document, "发文机构")
    assert institutions[2][1] == "Aalto Univ（我校）"


def test_growth_bradford_and_lotka_sentences_equal_the_cli(built):
    text = body_text(built["document"])
    growth = cli_json(built["ws"], "indicators", "growth", *FILTER)
    papers = sum(y["papers"] for y in growth["years"])
    assert f"本报告共分析黑硅领域论文 {papers} 篇，出版年份为 2006—2021 年。" in text
    assert (f"{growth['first_year']}—{growth['last_year']} 年，黑硅领域年发文量的年均复合增长率"
            f"（CAGR）为 {growth['cagr'] * 100:.2f}%") in text
    last, before = growth["years"][-1], growth["years"][-2]
    assert (f"最近一个完整年份 {last['year']} 年发文 {last['papers']} 篇，较 {before['year']} 年"
            f"（{before['papers']} 篇）下降 {abs(last['yoy_growth']) * 100:.1f}%。") in text
    bradford = cli_json(built["ws"], "indicators", "bradford", *FILTER)
    zone1 = bradford["zones"][0]
    assert f"核心区 {zone1['journals']} 种期刊刊载论文 {zone1['papers']} 篇" in text
    assert f"布拉德福乘数为 {bradford['multiplier']:.2f}" in text
    rows = table_named(built["document"], "布拉德福分区")[1:]
    assert [(r[1], r[2]) for r in rows] == [(str(z["journals"]), str(z["papers"]))
                                            for z in bradford["zones"]]
    lotka = cli_json(built["ws"], "indicators", "lotka", *FILTER)
    assert (f"共有作者 {lotka['authors']:,} 位" in text
            and f"≈ {lotka['constant']:.3f} / n^{lotka['exponent']:.3f}（R² = "
                f"{lotka['r_squared']:.3f}）" in text)


def test_network_and_clusters_equal_the_cli_json(built, tmp_path):
    summary = cli_json(built["ws"], "network", "keywords", *FILTER, "--output",
                       str(tmp_path / "k.graphml"))
    text = body_text(built["document"])
    assert (f"出现于至少 {summary['min_occurrences']} 篇论文的关键词共 {summary['nodes']} 个，"
            f"共现连线 {summary['edges']} 条") in text
    assert (f"聚为 {summary['clusters']} 个研究主题，模块度 Q = {summary['modularity']:.4f}，"
            f"平均轮廓系数 S = {summary['silhouette']:.4f}") in text
    rows = table_named(built["document"], "研究主题聚类")[1:]
    assert len(rows) == min(summary["clusters"], 10)
    for row, cluster in zip(rows, summary["top_clusters"]):
        assert row[:3] == [f"#{cluster['cluster']}", str(cluster["size"]),
                           str(cluster["publications"])]
        assert row[4] == cluster["label"]
        assert re.fullmatch(r"\d{4}\.\d", row[3])  # a year, never "2,015.5"
    # The representative papers are each cluster's most cited, as the Excel twin lists them.
    book = load_workbook(built["xlsx"], read_only=True)
    papers = pd.DataFrame(list(book["聚类论文"].values)[1:])
    counts = papers.groupby(0).size()
    for cluster in summary["top_clusters"]:
        assert counts[cluster["cluster"]] == cluster["publications"]
    listed = table_named(built["document"], "各聚类被引最多的论文")[1:]
    first = papers[(papers[0] == 1) & (papers[1] == 1)].iloc[0]
    assert listed[0][0] == "#1" and listed[0][5] == str(first[9])
    assert listed[0][3] == first[6]
    nodes, edges = list(book["网络节点"].values)[1:], list(book["网络连线"].values)[1:]
    assert (len(nodes), len(edges)) == (summary["nodes"], summary["edges"])


def test_bursts_equal_the_cli_json(built):
    book = load_workbook(built["xlsx"], read_only=True)
    text = body_text(built["document"])
    for source, sheet, what in (("keywords", "关键词突现", "关键词"),
                                ("references", "文献突现", "被引文献")):
        payload = cli_json(built["ws"], "bursts", source, *FILTER)
        records = payload["bursts"]
        rows = list(book[sheet].values)[1:]
        assert [(r[0], r[1], r[2], r[6]) for r in rows] == [
            (b["term"], b["begin"], b["end"], b["key"]) for b in records]
        assert [r[3] for r in rows] == pytest.approx([b["strength"] for b in records])
        assert (f"{payload['counts']['terms_tested']:,} 个{what}进行 Kleinberg 突现检测（s = 2，γ = 1），"
                f"共检测到 {len(records)} 次突现") in text
        strongest = max(records, key=lambda b: b["strength"])
        assert (f"强度最高的是 {strongest['term']}（{strongest['begin']}—{strongest['end']} 年，"
                f"强度 {strongest['strength']:.2f}）") in text
        # Every burst lists the publications carrying the term during the burst.
        assert all(r[7] for r in rows)
    top = cli_json(built["ws"], "bursts", "keywords", *FILTER, "--top", "15")["bursts"]
    from analyst_app.reports.panorama_report import TOP_BURSTS
    assert TOP_BURSTS["keywords"] == 15 and len(top) <= 15


def test_ours_and_cross_sections(built):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.corpus import CorpusFilter
    from analyst_app.services.trends import run_cross_discipline
    text = body_text(built["document"])
    institutions = cli_json(built["ws"], "indicators", "institutions", *FILTER)
    rank, ours = next((i, r) for i, r in enumerate(institutions, start=1) if r["name"] == OURS)
    by_papers = 1 + sum(r["papers"] > ours["papers"] for r in institutions)
    assert (f"{OURS}在黑硅领域共发表论文 {ours['papers']} 篇" in text
            and f"被引 {ours['cites']:,} 次，h 指数 {ours['h_index']}。在全部 {len(institutions)} 个机构中，"
                f"按 h 指数居第 {rank} 位，按发文量居第 {by_papers} 位。" in text)
    authors = table_named(built["document"], "在本领域的主要作者")[1:]
    assert authors[0][1] == "Savin, Hele"
    workspace = open_workspace(built["ws"], create=False)
    try:
        years = (2006, 2021)
        cross = run_cross_discipline(workspace, CorpusFilter(years=years),
                                     CorpusFilter(years=years, query=CROSS))
    finally:
        workspace.close()
    counts = cross.provenance["counts"]
    assert (f"黑硅领域论文 {counts['papers_a']} 篇，激光加工相关论文 {counts['papers_b']} 篇，"
            f"两者交叉的论文 {counts['papers_both']} 篇") in text
    book = load_workbook(built["xlsx"], read_only=True)
    growth = list(book["交叉领域增长"].values)[1:]
    assert sum(r[3] for r in growth) == counts["papers_both"]
    assert "黑硅 × 激光加工交叉论文的年度分布" in text


def test_office_style_numbering_and_headings(built):
    document = built["document"]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    for label in ("表", "图"):
        numbers = [int(re.match(rf"{label} (\d+)", c).group(1)) for c in captions
                   if c.startswith(label)]
        assert numbers == list(range(1, len(numbers) + 1)), (label, numbers)
    assert len(document.inline_shapes) == 6
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、概述与增长", "二、国家/地区、机构、期刊与作者", "三、研究热点与聚类",
                        "四、研究前沿与突现", "五、交叉领域", "六、我校位置", "附录　方法与数据来源"]
    body = document.element.body.xml
    assert "TOC \\o" in body and "SEQ 表" in body and "SEQ 图" in body
    assert "黑硅学科全景分析报告" in document.sections[1].header.paragraphs[0].text
    figures = sorted(p.name for p in built["folder"].glob("黑硅全景_fig*.png"))
    assert len(figures) == 6


def test_appendix_and_provenance(built):
    import hashlib

    from analyst_app import __version__
    document = built["document"]
    text = body_text(document)
    assert "论文范围：出版年 2006—2021 年" in text and f"学科分析工作台 {__version__}" in text
    parameters = dict(r[:2] for r in table_named(document, "分析参数")[1:])
    assert parameters["Leiden 分辨率"] == "1" and parameters["随机种子"] == "0"
    assert parameters["同义词表"] == "未使用" and parameters["突现参数 s / γ"] == "2 / 1"
    sources = table_named(document, "数据来源文件")[1]
    assert sources[3] == hashlib.sha256(BLACKSILICON.read_bytes()).hexdigest()
    book = load_workbook(built["xlsx"], read_only=True)
    assert book.sheetnames[:5] == ["年度发文", "国家地区", "机构", "期刊", "作者"]
    assert book.sheetnames[-1] == "参数与来源"
    provenance = {r[0]: r[1] for r in book["参数与来源"].values if r and r[0]}
    assert provenance["领域/主题"] == "黑硅" and provenance["本校匹配到的机构名"] == OURS
    institutions = pd.DataFrame(list(book["机构"].values)[1:])
    aalto = institutions[institutions[0] == OURS].iloc[0]
    ids, uts = str(aalto[8]).split("; "), str(aalto[9]).split("; ")
    assert len(ids) == len(uts) == aalto[1] and all(u.startswith("WOS:") for u in uts)


def test_without_cross_and_unknown_institution(built, tmp_path):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.report_registry import ReportOptions, build_report
    workspace = open_workspace(built["ws"], create=False)
    try:
        output = build_report("panorama", workspace, tmp_path / "r.docx", options=ReportOptions(
            institution="Nowhere Univ", extra={"title": "黑硅", "filter": {"years": "2010-2021"},
                                               "min_occurrences": 8, "resolution": 0.8,
                                               "seed": 3}))
    finally:
        workspace.close()
    document = Document(str(output.docx))
    text = body_text(document)
    assert "本次报告未指定交叉领域" in text and "未找到Nowhere Univ" in text
    assert "出现于至少 8 篇论文" in text and "分辨率 0.8，随机种子 3" in text
    assert len(document.inline_shapes) == 5 and output.xlsx is None
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    tables = [int(re.match(r"表 (\d+)", c).group(1)) for c in captions if c.startswith("表")]
    assert tables == list(range(1, len(tables) + 1))


def test_user_errors_and_cancel(built, tmp_path):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.report_registry import ReportOptions, build_report
    from analyst_app.tasks import CancelToken
    workspace = open_workspace(built["ws"], create=False)
    try:
        with pytest.raises(InputError, match="title"):
            build_report("panorama", workspace, tmp_path / "a.docx", options=ReportOptions())
        with pytest.raises(InputError, match="unknown key"):
            build_report("panorama", workspace, tmp_path / "a.docx", options=ReportOptions(
                extra={"title": "x", "filter": {"year": "2020"}}))
        with pytest.raises(InputError, match="no publications"):
            build_report("panorama", workspace, tmp_path / "a.docx", options=ReportOptions(
                extra={"title": "x", "filter": {"query": "no such words anywhere"}}))
        token = CancelToken()
        token.cancel()
        with pytest.raises(Cancelled):
            build_report("panorama", workspace, tmp_path / "a.docx", xlsx=tmp_path / "a.xlsx",
                         options=ReportOptions(extra={"title": "x"}), cancel=token)
    finally:
        workspace.close()
    assert list(tmp_path.iterdir()) == []


def test_place_labels_keeps_larger_and_skips_overlaps():
    from analyst_app.reports.figures_network import place_labels
    boxes = np.array([[0, 0, 10, 4], [5, 2, 15, 6], [11, 0, 20, 4], [0, 5, 10, 9],
                      [95, 0, 105, 4]])
    # Box 2 overlaps box 1 (kept first); box 3 touches none; box 5 leaves the frame.
    assert place_labels(boxes, bounds=(0, 0, 100, 100)).tolist() == [True, False, True, True,
                                                                      False]
    # With 1.5 of padding, box 3 (1 to the right) and box 4 (1 above) come too close.
    assert place_labels(boxes, pad=1.5).tolist() == [True, False, False, False, True]


def test_keyword_map_labels_never_overlap(tmp_path):
    from PIL import Image

    from analyst_app.reports.figures_network import figure_keyword_map
    rng = np.random.default_rng(1)
    n = 120  # crowded on purpose: many labels must be dropped
    nodes = pd.DataFrame({"label": [f"keyword number {i}" for i in range(n)],
                          "occurrences": rng.integers(5, 80, n), "cluster": rng.integers(1, 6, n),
                          "x": rng.normal(size=n), "y": rng.normal(size=n)})
    edges = pd.DataFrame({"source": rng.integers(0, n, 300), "target": rng.integers(0, n, 300),
                          "weight": rng.integers(1, 9, 300)})
    clusters = pd.DataFrame({"cluster": range(1, 6), "label_terms": [[f"t{i}"] for i in range(5)]})
    drawn = figure_keyword_map(nodes, edges, tmp_path / "map.png", clusters)
    assert 5 < len(drawn.labelled) < n
    assert drawn.labelled[0] == nodes.sort_values(["occurrences", "label"],
                                                  ascending=[False, True])["label"].iloc[0]
    boxes = drawn.boxes
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    with Image.open(drawn.path) as image:
        assert round(image.info["dpi"][0]) == 300
        assert (boxes[:, 2] <= image.size[0]).all() and (boxes[:, 3] <= image.size[1]).all()


def test_registry_knows_the_report():
    from analyst_app.reports.templates import list_templates, template_path
    from analyst_app.services.report_registry import available_reports
    assert "panorama" in [m.id for m in list_templates()]
    assert template_path("panorama").is_file()
    assert "panorama" in available_reports()


# -- rendering through LibreOffice -------------------------------------------------------

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong">
      <string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test>
    <edit name="family" mode="assign" binding="strong">
      <string>Noto Sans CJK SC</string></edit></match>
</fontconfig>
"""


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_through_libreoffice(built, tmp_path):
    # A private profile and font map (宋体/黑体 → Noto CJK), so parallel runs do not clash.
    (tmp_path / "fonts.conf").write_text(FONTCONFIG, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp_path / "fonts.conf"))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(built["docx"])], check=True, capture_output=True, timeout=300, env=env)
    pdf = tmp_path / (built["docx"].stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for number in range(1, 7):
        assert re.search(rf"图\s*{number}\s", text), number
    assert re.search(r"表\s*1\s+黑硅领域发文国家/地区", text)
    assert re.search(r"表\s*6\s+研究主题聚类", text)
    growth = cli_json(built["ws"], "indicators", "growth", *FILTER)
    for expected in ("学科全景分析报告", "一、概述与增长", "六、我校位置", "附录",
                     f"{growth['cagr'] * 100:.2f}%", "Peoples R China", "Aalto Univ（我校）",
                     "驱动主题"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"CJK|Song|Hei|Ming|SC-|Han", line)]
    assert cjk and all(" yes " in line for line in cjk), fonts
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    assert len(list(tmp_path.glob("page-*.png"))) >= 12
