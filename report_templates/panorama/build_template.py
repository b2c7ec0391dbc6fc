"""Generate ``template.docx`` of the discipline panorama report (学科全景分析报告).

Run ``python report_templates/panorama/build_template.py`` after changing this script.
The output is an ordinary Word document with docxtpl (Jinja) tags: a librarian may edit its
wording and styles in Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
The context variables are documented in :mod:`analyst_app.reports.panorama_report`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402
from analyst_app.reports import template_kit as kit  # noqa: E402

#: Ranking tables: 14.4 cm of the 14.6 cm text width.
RANKING_COLUMNS = (
    ("序号", "{{ r.rank }}", 1.2, False),
    ("名称", "{{ r.name }}", 5.2, True),
    ("论文数", "{{ r.papers }}", 1.5, False),
    ("被引次数", "{{ r.cites }}", 1.8, False),
    ("篇均被引", "{{ r.cpp }}", 1.8, False),
    ("h指数", "{{ r.h }}", 1.5, False),
    ("g指数", "{{ r.g }}", 1.5, False),
)
BRADFORD_COLUMNS = (
    ("分区", "{{ r.zone }}", 1.3, False),
    ("期刊数", "{{ r.journals }}", 1.5, False),
    ("论文数", "{{ r.papers }}", 1.5, False),
    ("论文占比", "{{ r.share }}", 1.8, False),
    ("代表期刊（论文最多的三种）", "{{ r.core }}", 8.3, True),
)
CLUSTER_COLUMNS = (
    ("聚类", "{{ r.cluster }}", 1.2, False),
    ("节点数", "{{ r.size }}", 1.5, False),
    ("论文数", "{{ r.papers }}", 1.5, False),
    ("平均年份", "{{ r.year }}", 1.8, False),
    ("标签词（G² 最高）", "{{ r.label }}", 4.3, True),
    ("高频关键词", "{{ r.frequent }}", 4.2, True),
)
PAPER_COLUMNS = (
    ("聚类", "{{ r.cluster }}", 1.0, False),
    ("第一作者", "{{ r.author }}", 2.3, True),
    ("年份", "{{ r.year }}", 1.2, False),
    ("题名", "{{ r.title }}", 5.6, True),
    ("期刊", "{{ r.source }}", 3.4, True),
    ("被引", "{{ r.cites }}", 1.0, False),
)
THEMATIC_COLUMNS = (
    ("聚类", "{{ r.cluster }}", 1.2, False),
    ("主题（标签词）", "{{ r.name }}", 4.9, True),
    ("关键词数", "{{ r.keywords }}", 1.8, False),
    ("中心度", "{{ r.centrality }}", 1.6, False),
    ("密度", "{{ r.density }}", 1.5, False),
    ("象限", "{{ r.quadrant }}", 3.4, False),
)
BURST_COLUMNS = (
    ("关键词", "{{ r.term }}", 6.6, True),
    ("开始", "{{ r.begin }}", 1.4, False),
    ("结束", "{{ r.end }}", 1.4, False),
    ("强度", "{{ r.strength }}", 1.6, False),
    ("出现论文数", "{{ r.occurrences }}", 2.2, False),
)
PEOPLE_COLUMNS = (
    ("序号", "{{ r.rank }}", 1.2, False),
    ("名称", "{{ r.name }}", 7.2, True),
    ("论文数", "{{ r.papers }}", 1.8, False),
    ("被引次数", "{{ r.cites }}", 2.0, False),
    ("h指数", "{{ r.h }}", 1.8, False),
)
PARAMETER_COLUMNS = (
    ("参数", "{{ r.name }}", 4.6, True),
    ("取值", "{{ r.value }}", 9.8, True),
)
SOURCE_COLUMNS = (
    ("文件名", "{{ r.file_name }}", 3.6, True),
    ("格式", "{{ r.format }}", 1.9, False),
    ("记录数", "{{ r.records }}", 1.3, False),
    ("SHA-256", "{{ r.sha256 }}", 5.3, True),
    ("导入时间", "{{ r.imported_at }}", 2.3, False),
)


def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = kit.report_document("panorama", "学科全景分析报告", "（{{ period_text }}）",
                                   "数据来源：工作区导入的论文数据（Web of Science 等）", heading="{{ title }}")
    _growth(document)
    _actors(document)
    _hotspots(document)
    _fronts(document)
    _cross(document)
    _ours(document)
    _appendix(document)
    document.save(out)
    return out


def _paragraphs(document, var: str) -> None:
    kit.loop_paragraphs(document, var)


def _table(document, number: str, caption: str, columns, items: str, size: str = "小五",
           *, keep: bool = True) -> None:
    kit.caption(document, "表", f"{{{{ num.{number} }}}}", caption)
    kit.loop_table(document, columns, items, "r", size=size)
    table = document.tables[-1]
    ds.set_repeat_header(table.rows[0])
    if keep:
        _keep_together(table)


def _keep_together(table) -> None:
    """Keep a short table on one page (Word and LibreOffice honour keep-with-next).

    Every row's paragraphs keep with the next; docxtpl copies the body row, so generated
    rows inherit it. A table longer than a page still breaks, with its header repeated.
    """
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _growth(document) -> None:
    kit.new_section(document, restart=True)
    document.add_heading("一、概述与增长", level=1)
    _paragraphs(document, "growth_text")
    kit.figure(document, "figure_growth", "{{ num.f_growth }}", "　{{ title }}领域年度发文量")


def _actors(document) -> None:
    document.add_heading("二、国家/地区、机构、期刊与作者", level=1)
    parts = (("（一）国家/地区", "countries", "t_countries", "发文国家/地区"),
             ("（二）机构", "institutions", "t_institutions", "发文机构"),
             ("（三）期刊", "journals", "t_journals", "发文期刊"),
             ("（四）作者", "authors", "t_authors", "发文作者"))
    for heading, var, number, caption in parts:
        document.add_heading(heading, level=2)
        _paragraphs(document, f"{var}_text")
        _table(document, number, f"　{{{{ title }}}}领域{caption}（按 h 指数前 {{{{ {var}_shown }}}} 位）",
               RANKING_COLUMNS, var)
        if var == "journals":
            _table(document, "t_bradford", "　期刊的布拉德福分区", BRADFORD_COLUMNS, "bradford")


def _hotspots(document) -> None:
    kit.new_section(document)
    document.add_heading("三、研究热点与聚类", level=1)
    _paragraphs(document, "network_text")
    kit.figure(document, "figure_network", "{{ num.f_network }}", "　{{ title }}领域关键词共现网络")
    _table(document, "t_clusters", "　研究主题聚类", CLUSTER_COLUMNS, "clusters")
    _paragraphs(document, "cluster_text")
    _table(document, "t_cluster_papers", "　各聚类被引最多的论文（每类前 {{ papers_per_cluster }} 篇）",
           PAPER_COLUMNS, "cluster_papers", size="六号", keep=False)


def _fronts(document) -> None:
    kit.new_section(document)
    document.add_heading("四、研究前沿与突现", level=1)
    document.add_heading("（一）关键词突现", level=2)
    _paragraphs(document, "keyword_burst_text")
    kit.figure(document, "figure_keyword_bursts", "{{ num.f_kb }}", "　突现强度最高的关键词")
    document.add_heading("（二）被引文献突现", level=2)
    _paragraphs(document, "reference_burst_text")
    kit.plain(document, "{%p if has_reference_bursts %}")
    kit.figure(document, "figure_reference_bursts", "{{ num.f_rb }}", "　突现强度最高的被引文献")
    kit.plain(document, "{%p endif %}")
    document.add_heading("（三）主题地图", level=2)
    _paragraphs(document, "thematic_text")
    kit.figure(document, "figure_thematic", "{{ num.f_thematic }}", "　{{ title }}领域主题地图")
    _table(document, "t_thematic", "　各聚类的中心度、密度与象限", THEMATIC_COLUMNS, "thematic")


def _cross(document) -> None:
    document.add_heading("五、交叉领域", level=1)
    _paragraphs(document, "cross_text")
    kit.plain(document, "{%p if has_cross %}")
    kit.figure(document, "figure_cross", "{{ num.f_cross }}", "　{{ cross_label }}交叉论文的年度分布")
    for var, number, caption, columns in (
            ("cross_bursts", "t_cross_bursts", "　交叉论文中的突现关键词", BURST_COLUMNS),
            ("cross_institutions", "t_cross_institutions", "　交叉领域的主要机构（按 h 指数）",
             PEOPLE_COLUMNS),
            ("cross_authors", "t_cross_authors", "　交叉领域中的我校作者", PEOPLE_COLUMNS)):
        kit.plain(document, f"{{%p if {var} %}}")
        _table(document, number, caption, columns, var)
        kit.plain(document, "{%p endif %}")
    kit.plain(document, "{%p endif %}")


def _ours(document) -> None:
    document.add_heading("六、我校位置", level=1)
    _paragraphs(document, "ours_text")
    kit.plain(document, "{%p if ours_found and ours_authors %}")
    _table(document, "t_ours", "　{{ institution_name }}在本领域的主要作者", PEOPLE_COLUMNS,
           "ours_authors")
    kit.plain(document, "{%p endif %}")


def _appendix(document) -> None:
    kit.new_section(document)
    document.add_heading("附录　方法与数据来源", level=1)
    kit.plain(document, "{%p for item in method_text %}")
    # Left-aligned: justifying a line that ends in a long formula or Latin name spreads it.
    document.add_paragraph("{{ item }}").alignment = WD_ALIGN_PARAGRAPH.LEFT
    kit.plain(document, "{%p endfor %}")
    _table(document, "t_parameters", "　分析参数", PARAMETER_COLUMNS, "parameters")
    _table(document, "t_sources", "　数据来源文件", SOURCE_COLUMNS, "sources", size="六号")
    document.add_paragraph(
        "本报告由学科分析工作台 {{ program_version }} 于 {{ generated_at }} 生成。"
        ).alignment = WD_ALIGN_PARAGRAPH.LEFT


if __name__ == "__main__":
    print(main())
