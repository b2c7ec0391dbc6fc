"""Generate ``template.docx`` of the ESI bulletin (ESI 学科动态监测通报) with python-docx.

Run ``python report_templates/esi_bulletin/build_template.py`` after changing this script.
The output is an ordinary Word document with docxtpl (Jinja) tags: a librarian may edit its
wording and styles in Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
The context variables are documented in :mod:`analyst_app.reports.esi_bulletin`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402

#: Header and body cells of table 1: (header, cell tag, width in cm, left-aligned).
MAIN_COLUMNS = (
    ("学科", "{{ row.field_zh }}", 3.3, True),
    ("排名", "{{ row.rank }}", 1.5, False),
    ("机构数 N", "{{ row.institutions }}", 1.6, False),
    ("百分位", "{{ row.percentile }}", 1.6, False),
    ("论文数", "{{ row.documents }}", 1.6, False),
    ("被引次数", "{{ row.cites }}", 1.9, False),
    ("篇均被引", "{{ row.cites_per_paper }}", 1.5, False),
    ("高水平论文", "{{ row.top_papers }}", 1.6, False),
    ("1% 阈值", "{{ row.threshold_1pct }}", 1.8, False),
    ("1‰ 阈值", "{{ row.threshold_1permille }}", 1.9, False),
    ("1‱ 阈值", "{{ row.threshold_1per10k }}", 1.9, False),
    ("层次", "{{ row.level }}", 1.6, False),
    ("排名变化", "{{ row.change }}", 1.3, False),
)

SOURCE_COLUMNS = (
    ("学科", "{{ s.field_zh }}", 2.2, True),
    ("期次", "{{ s.release }}", 1.6, False),
    ("文件名", "{{ s.file_name }}", 3.0, True),
    ("SHA-256", "{{ s.sha256 }}", 4.6, True),
    ("导入时间", "{{ s.imported_at }}", 2.0, False),
    ("机构数 N", "{{ s.institutions }}", 1.2, False),
)

def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = Document()
    ds.apply_office_styles(document)
    ds.update_fields_on_open(document)
    _core_properties(document)
    _title_and_toc(document)
    _summary(document)
    _main_table(document)
    _figure_and_appendix(document)
    document.save(out)
    return out


def _core_properties(document) -> None:
    props = document.core_properties
    props.title = "ESI 学科动态监测通报（模板）"
    props.author = "图书馆学科服务部"
    props.comments = "学科分析工作台 report template esi_bulletin; docxtpl tags must stay intact."


def _title_and_toc(document) -> None:
    section = document.sections[0]
    ds.set_page(section)
    section.different_first_page_header_footer = True  # no header on the cover
    _page_numbers(section, fmt="upperRoman")
    _header_footer(section)
    for _ in range(5):
        _plain(document, "")
    document.add_paragraph("{{ institution_name }}", style="Title")
    document.add_paragraph("ESI 学科动态监测通报", style="Title")
    document.add_paragraph("（{{ release }} 期）", style="Subtitle")
    for _ in range(10):
        _plain(document, "")
    for text in ("编制单位：图书馆学科服务部", "生成日期：{{ generated_date }}",
                 "数据来源：Clarivate Essential Science Indicators（ESI）"):
        _plain(document, text, center=True, size="四号")
    document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
    document.add_paragraph("目  录", style="TOC Heading")
    ds.set_fonts(document.styles["TOC Heading"], ds.HEI)
    toc_heading = document.styles["TOC Heading"]
    toc_heading.font.size = Pt(ds.FONT_SIZES["三号"])
    toc_heading.font.color.rgb = None
    toc_heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ds.add_field(_plain(document, ""), r'TOC \o "1-2" \h \z \u',
                 "（目录：在 Word 中右键此处选择“更新域”即可生成）")


def _summary(document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    _page_numbers(section, fmt="decimal", start=1)
    document.add_heading("一、摘要", level=1)
    document.add_paragraph("{{ lead }}")
    for title, var in (("（一）总体情况", "overview"), ("（二）各学科表现", "field_sentences"),
                       ("（三）变化情况", "change_sentences"),
                       ("（四）距更高层次的差距", "distance_sentences")):
        document.add_heading(title, level=2)
        _loop_paragraphs(document, var)


def _loop_paragraphs(document, var: str) -> None:
    """One generated paragraph per item of ``var`` (docxtpl ``{%p %}`` loop)."""
    _plain(document, f"{{%p for item in {var} %}}")
    document.add_paragraph("{{ item }}")
    _plain(document, "{%p endfor %}")


def _main_table(document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    ds.set_page(section, landscape=True)
    _page_numbers(section, fmt="decimal")
    document.add_heading("二、ESI 学科排名总表", level=1)
    document.add_paragraph(
        "表 1 列出本期 ESI 全部 {{ field_count }} 个已导入学科的排名、论文与被引情况及各层次阈值，"
        "已进入 ESI 前 1% 的学科列在前面。")
    _caption(document, "表", "1", "　{{ institution_name }} ESI 各学科排名与阈值（{{ release }} 期）")
    # 小五 (9 pt) keeps "1,127" and "前1‰" on one line in these widths.
    _loop_table(document, MAIN_COLUMNS, "rows", "row", size="小五")
    note = _plain(document, "注：百分位 = 排名 ÷ 机构数 N；阈值以被引次数计。"
                  "{% if has_derived_threshold %}* 由榜单末位机构被引次数推得（未导入官方 1% 阈值）。"
                  "{% endif %}{% if previous_release %}排名变化相对上期（{{ previous_release }}），"
                  "↑ 为上升、↓ 为下降。{% else %}本期为首次导入，暂无排名变化。{% endif %}",
                  style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _figure_and_appendix(document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    ds.set_page(section)
    _page_numbers(section, fmt="decimal")
    document.add_heading("三、学科阈值对比图", level=1)
    document.add_paragraph(
        "图 1 以对数刻度给出各已进入学科被引次数与前 1%、前 1‰、前 1‱ 阈值之比；"
        "比值达到 1（虚线）即达到相应层次。")
    document.add_paragraph("{{ figure_1 }}", style=ds.FIGURE_STYLE)
    _caption(document, "图", "1", "　{{ institution_name }} 各学科被引次数与 ESI 阈值之比（{{ release }} 期）")
    document.add_heading("附录　方法与数据来源", level=1)
    document.add_heading("（一）计算方法", level=2)
    for text in (
        "百分位 = 排名 ÷ N，N 为该学科 ESI 榜单（全球前 1%）所列机构数。",
        "前 1‰ 阈值 = 榜单第 {{ rank_1permille_formula }} 位机构的被引次数；"
        "前 1‱ 阈值 = 榜单第 {{ rank_1per10k_formula }} 位机构的被引次数；"
        "位次取整方式：{{ rounding_zh }}。",
        "前 1% 阈值：已导入 ESI 官方阈值的学科采用官方值，否则取榜单末位机构的被引次数"
        "（表 1 中以 * 标注）。",
        "层次：被引次数不低于前 1‱ 阈值为“前 1‱”，不低于前 1‰ 阈值为“前 1‰”，"
        "列入榜单为“前 1%”。阈值比 = 被引次数 ÷ 阈值；差距 = 阈值 − 被引次数。",
    ):
        document.add_paragraph(text)
    document.add_heading("（二）机构与数据版本", level=2)
    for text in (
        "分析机构（ESI 名称）：{{ institution_esi }}；别名：{{ aliases_text }}；"
        "榜单中匹配到的名称：{{ matched_names_text }}。",
        "本期：{{ release }}；对比期：{{ previous_release_text }}。"
        "ESI 以 Web of Science 近 10 年论文按全计数统计，机构按总被引次数排名。",
        "本报告由学科分析工作台 {{ program_version }} 于 {{ generated_at }} 生成。",
    ):
        # Left-aligned: justifying a line that ends in a long Latin name spreads it apart.
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.add_heading("（三）数据来源文件", level=2)
    _caption(document, "表", "2", "　数据来源文件")
    # 六号 type keeps a full SHA-256 to two lines in a portrait page.
    _loop_table(document, SOURCE_COLUMNS, "sources", "s", size="六号")


def _loop_table(document, columns, items: str, item: str, size: str | None = None) -> None:
    """Three-line table: header row, then one docxtpl ``{%tr %}`` row per item."""
    table = document.add_table(rows=4, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, (header, tag, _width, left) in enumerate(columns):
        _cell(table.rows[0].cells[col], header, bold=True, size=size)
        _cell(table.rows[2].cells[col], tag, left=left, size=size)
    _cell(table.rows[1].cells[0], f"{{%tr for {item} in {items} %}}")
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    ds.set_column_widths(table, [c[2] for c in columns])
    ds.style_three_line_table(table)


def _cell(cell, text: str, *, bold: bool = False, left: bool = False,
          size: str | None = None) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.style = ds.TABLE_TEXT_STYLE
    if left:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(ds.FONT_SIZES[size])
    if bold:
        run.bold = True
        ds.set_fonts(run, ds.HEI)


def _caption(document, label: str, number: str, text: str) -> None:
    """``表 1 ...`` / ``图 1 ...`` with a SEQ field, so Word can renumber and cross-reference."""
    paragraph = document.add_paragraph(f"{label} ", style="Caption")
    ds.add_field(paragraph, f"SEQ {label} \\* ARABIC", number)
    paragraph.add_run(text)
    if label == "表":
        paragraph.paragraph_format.keep_with_next = True


def _plain(document, text: str, *, center: bool = False, size: str | None = None,
           style: str | None = None):
    paragraph = document.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(ds.FONT_SIZES[size])
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    paragraph._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _header_footer(section) -> None:
    header = section.header.paragraphs[0]
    header.text = "{{ report_title }}"
    _bottom_rule(header)
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    ds.add_field(footer, "PAGE", "1")
    footer.add_run(" —")


def _bottom_rule(paragraph) -> None:
    """A thin rule under the running header, as Chinese reports print it."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                              "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr")


def _page_numbers(section, *, fmt: str, start: int | None = None) -> None:
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        # pgNumType follows pgMar/paperSrc/pgBorders/lnNumType in CT_SectPr.
        sect_pr.insert_element_before(pg, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                      "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                                      "w:docGrid", "w:printerSettings", "w:sectPrChange")
    pg.set(qn("w:fmt"), fmt)
    # New sections copy the previous sectPr, so a restart must be removed where unwanted.
    if start is None:
        pg.attrib.pop(qn("w:start"), None)
    else:
        pg.set(qn("w:start"), str(start))


if __name__ == "__main__":
    print(main())
