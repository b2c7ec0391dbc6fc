"""Generate ``template.docx`` of the benchmarking report (学科竞争力对标分析报告) with python-docx.

Run ``python report_templates/benchmark/build_template.py`` after changing this script. The
output is an ordinary Word document with docxtpl (Jinja) tags: a librarian may edit its
wording and styles in Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
The context variables are documented in :mod:`analyst_app.reports.benchmark_report`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402
from analyst_app.reports import template_kit as kit  # noqa: E402

#: ESI table per field (portrait, 14.6 cm of text width): (header, tag, width cm, left).
ESI_COLUMNS = (
    # Widths hold "中国科学技术大学", "6,754", "82.48%" and "125,715" on one line also in
    # DejaVu Serif, LibreOffice's wider stand-in for Times New Roman (0.2 cm a digit at 9 pt).
    ("院校", "", 2.9, True),  # the name cell is written by _name_cell (bold for us)
    ("排名", "{{ r.rank }}", 1.35, False),
    ("百分位", "{{ r.percentile }}", 1.65, False),
    ("组内位次", "{{ r.position }}", 1.1, False),
    ("论文数", "{{ r.documents }}", 1.6, False),
    ("被引次数", "{{ r.cites }}", 1.8, False),
    ("篇均被引", "{{ r.cites_per_paper }}", 1.6, False),
    ("高水平论文", "{{ r.top_papers }}", 1.3, False),
    ("较上期", "{{ r.change }}", 1.2, False),
)

#: WoS indicators per field (landscape, 23.3 cm of text width).
WOS_COLUMNS = (
    ("院校", "", 3.4, True),
    ("论文数", "{{ r.papers }}", 1.6, False),
    ("被引次数", "{{ r.cites }}", 1.8, False),
    ("篇均被引", "{{ r.cites_per_paper }}", 1.7, False),
    ("前 10% 论文数*", "{{ r.top10_papers }}", 1.9, False),
    ("前 10% 论文占比*", "{{ r.top10_share }}", 1.9, False),
    ("前 1% 论文数*", "{{ r.top1_papers }}", 1.9, False),
    ("前 1% 论文占比*", "{{ r.top1_share }}", 1.9, False),
    ("国际合作论文数", "{{ r.international_papers }}", 2.0, False),
    ("国际合作论文占比", "{{ r.international_share }}", 2.0, False),
    ("h 指数", "{{ r.h_index }}", 1.5, False),
)

TREND_COLUMNS = (
    ("学科", "{{ t.field_zh }}", 3.0, True),
    ("各期排名", "{{ t.ranks }}", 4.2, False),
    ("本期百分位", "{{ t.percentile }}", 1.8, False),
    ("较上期", "{{ t.change_previous }}", 1.5, False),
    ("较首期", "{{ t.change_first }}", 1.5, False),
    ("组内位次（首期→本期）", "{{ t.positions }}", 2.6, False),
)

YEAR_COLUMNS = (
    ("年份", "{{ y.year }}", 1.6, False),
    ("论文数", "{{ y.papers }}", 2.0, False),
    ("被引次数", "{{ y.cites }}", 2.2, False),
    ("篇均被引", "{{ y.cites_per_paper }}", 2.0, False),
    ("前 10% 论文数*", "{{ y.top10_papers }}", 2.2, False),
    ("国际合作论文占比", "{{ y.international_share }}", 2.2, False),
    ("论文数组内位次", "{{ y.position }}", 2.2, False),
)

MEMBER_COLUMNS = (
    ("院校", "{{ m.name_zh }}", 2.8, True),
    ("角色", "{{ m.role }}", 1.2, False),
    ("ESI 名称", "{{ m.esi_names }}", 4.6, True),
    ("WoS 地址拼写", "{{ m.wos_names }}", 6.0, True),
)

THRESHOLD_COLUMNS = (
    ("学科", "{{ h.field_zh }}", 3.5, True),
    ("年份", "{{ h.year }}", 1.6, False),
    ("论文数 n", "{{ h.baseline_papers }}", 2.2, False),
    ("前 10% 阈值（被引次数）", "{{ h.threshold_top10 }}", 2.6, False),
    ("前 1% 阈值（被引次数）", "{{ h.threshold_top1 }}", 2.6, False),
)

SOURCE_COLUMNS = (
    ("类型", "{{ s.kind }}", 1.6, False),
    ("期次 / 格式", "{{ s.release }}", 1.6, False),
    ("学科", "{{ s.field_zh }}", 2.2, True),
    ("文件名", "{{ s.file_name }}", 3.8, True),
    ("SHA-256", "{{ s.sha256 }}", 5.0, True),
)


def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = kit.report_document("benchmark", "学科竞争力对标分析报告", "（{{ subtitle }}）",
                                   "数据来源：Clarivate ESI；Web of Science 核心合集导出记录")
    _overview(document)
    _esi(document)
    _trends(document)
    _wos(document)
    _appendix(document)
    document.save(out)
    return out


def _overview(document) -> None:
    kit.new_section(document, restart=True)
    document.add_heading("一、概述", level=1)
    document.add_paragraph("{{ lead }}")
    for title, var in (("（一）总体情况", "overview"), ("（二）各学科对标位次", "field_sentences"),
                       ("（三）论文指标", "wos_sentences")):
        document.add_heading(title, level=2)
        kit.loop_paragraphs(document, var)


def _esi(document) -> None:
    kit.new_section(document)
    document.add_heading("二、ESI 学科对标", level=1)
    kit.loop_paragraphs(document, "esi_intro")
    kit.plain(document, "{%p if esi_fields %}")
    kit.figure(document, "figure_overview", "{{ fig_overview_no }}",
               "　{{ institution_name }}与对标院校各学科 ESI 百分位（{{ release }} 期）")
    kit.plain(document, "{%p for f in esi_fields %}")
    document.add_heading("{{ f.heading }}", level=2)
    # The sentence stays on the page of its table (the caption keeps with the table).
    document.add_paragraph("{{ f.sentence }}").paragraph_format.keep_with_next = True
    kit.caption(document, "表", "{{ f.table_no }}",
                "　{{ f.field_zh }} ESI 对标（{{ release }} 期，N = {{ f.institutions }}）")
    table = _loop_table(document, ESI_COLUMNS, "f.rows", "r")
    _name_cell(table.rows[2].cells[0], "r")
    _note(document, "{{ f.note }}")
    kit.figure(document, "f.figure", "{{ f.figure_no }}",
               "　{{ f.field_zh }}：我校与对标院校被引次数及 ESI 排名（{{ release }} 期）")
    kit.plain(document, "{%p endfor %}")
    kit.plain(document, "{%p endif %}")


def _trends(document) -> None:
    kit.new_section(document)
    document.add_heading("三、发展趋势", level=1)
    document.add_heading("（一）ESI 排名走势", level=2)
    kit.loop_paragraphs(document, "esi_trend_sentences")
    kit.plain(document, "{%p if esi_trend_rows %}")
    kit.caption(document, "表", "{{ trend_table_no }}",
                "　{{ institution_name }}各学科 ESI 排名走势（{{ trend_releases_text }}）")
    _loop_table(document, TREND_COLUMNS, "esi_trend_rows", "t")
    _note(document, "注：各期排名按期次先后排列，“未进入”表示该期不在 ESI 前 1% 榜单中；"
                    "较上期、较首期为排名变化，↑ 为上升、↓ 为下降；组内位次为我校在对标组"
                    "进入榜单院校中的位次。")
    kit.figure(document, "figure_esi_trend", "{{ fig_esi_trend_no }}",
               "　各学科 ESI 百分位走势（我校与对标院校，{{ trend_releases_text }}）")
    kit.plain(document, "{%p endif %}")
    document.add_heading("（二）论文产出与被引逐年趋势", level=2)
    kit.loop_paragraphs(document, "wos_year_sentences")
    kit.plain(document, "{%p if wos_year_rows %}")
    kit.figure(document, "figure_wos_years", "{{ fig_wos_years_no }}",
               "　我校与对标院校逐年论文数与被引次数（导入论文集合）")
    kit.caption(document, "表", "{{ year_table_no }}", "　{{ institution_name }}逐年论文指标（导入论文集合）")
    _loop_table(document, YEAR_COLUMNS, "wos_year_rows", "y")
    _note(document, "{{ year_note }}")
    kit.plain(document, "{%p endif %}")


def _wos(document) -> None:
    kit.new_section(document, landscape=True)
    document.add_heading("四、WoS 论文指标对标", level=1)
    kit.loop_paragraphs(document, "wos_intro")
    kit.plain(document, "{%p for w in wos_fields %}")
    document.add_heading("{{ w.heading }}", level=2)
    kit.caption(document, "表", "{{ w.table_no }}",
                "　{{ w.field_zh }}论文指标对标（{{ wos_scope }}）")
    table = _loop_table(document, WOS_COLUMNS, "w.rows", "r")
    _name_cell(table.rows[2].cells[0], "r")
    _note(document, "{{ w.note }}")
    kit.plain(document, "{%p endfor %}")
    kit.plain(document, "{%p if wos_warnings %}")
    document.add_heading("{{ warnings_heading }}", level=2)
    kit.loop_paragraphs(document, "wos_warnings")
    kit.plain(document, "{%p endif %}")


def _appendix(document) -> None:
    kit.new_section(document)
    document.add_heading("附录　方法与数据来源", level=1)
    document.add_heading("（一）指标定义", level=2)
    kit.loop_paragraphs(document, "method_items")
    document.add_heading("（二）对标院校与名称拼写", level=2)
    document.add_paragraph("{{ members_text }}")
    kit.caption(document, "表", "{{ members_table_no }}", "　对标院校及其 ESI 名称与 WoS 地址拼写")
    _loop_table(document, MEMBER_COLUMNS, "members", "m", size="六号")
    document.add_heading("（三）前 10% / 前 1% 被引阈值", level=2)
    document.add_paragraph("{{ thresholds_text }}")
    kit.plain(document, "{%p if threshold_rows %}")
    kit.caption(document, "表", "{{ thresholds_table_no }}",
                "　导入论文集合各学科、年度的前 10% / 前 1% 被引阈值")
    _loop_table(document, THRESHOLD_COLUMNS, "threshold_rows", "h")
    kit.plain(document, "{%p endif %}")
    document.add_heading("（四）数据来源文件", level=2)
    kit.caption(document, "表", "{{ sources_table_no }}", "　数据来源文件")
    # 六号 type keeps a full SHA-256 to two lines in a portrait page.
    _loop_table(document, SOURCE_COLUMNS, "sources", "s", size="六号")
    document.add_heading("（五）参数与版本", level=2)
    kit.plain(document, "{%p for item in parameter_items %}")
    # Left-aligned: justifying a line that ends in a long Latin name spreads it apart.
    document.add_paragraph("{{ item }}").alignment = WD_ALIGN_PARAGRAPH.LEFT
    kit.plain(document, "{%p endfor %}")


def _loop_table(document, columns, items: str, item: str, size: str = "小五"):
    # 小五 (9 pt) keeps six-digit counts and "未进入" on one line in these widths.
    kit.loop_table(document, columns, items, item, size=size)
    table = document.tables[-1]  # its header row repeats on each page (three-line style)
    # Keep a short table on one page (rows keep with the next); a table longer than a
    # page still breaks, with its header repeated.
    for row in (table.rows[0], table.rows[2]):
        for target in row.cells:
            target.paragraphs[0].paragraph_format.keep_with_next = True
    return table


def _name_cell(target, item: str) -> None:
    """Our institution in bold 黑体, the peers in the table text style (two exclusive runs)."""
    paragraph = target.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    bold = paragraph.add_run(f"{{{{ {item}.name if {item}.is_us else '' }}}}")
    bold.bold = True
    ds.set_fonts(bold, ds.HEI)
    normal = paragraph.add_run(f"{{{{ '' if {item}.is_us else {item}.name }}}}")
    for run in (bold, normal):
        run.font.size = Pt(ds.FONT_SIZES["小五"])


def _note(document, text: str) -> None:
    note = kit.plain(document, text, style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT


if __name__ == "__main__":
    print(main())
