"""Generate ``template.docx`` of the school contribution report (学院学科贡献度分析报告).

Run ``python report_templates/contribution/build_template.py`` after changing this script.
The output is an ordinary Word document with docxtpl (Jinja) tags: a librarian may edit its
wording and styles in Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
The context variables are documented in :mod:`analyst_app.reports.contribution_report`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402
from analyst_app.reports import template_kit as kit  # noqa: E402

#: A field's table: (header, cell tag, width in cm, left-aligned); 14.6 cm of text width.
FIELD_COLUMNS = (
    ("学院", "{{ row.school }}", 4.0, True),
    ("论文数", "{{ row.papers }}", 1.6, False),
    ("占比", "{{ row.papers_share }}", 1.6, False),
    ("被引次数", "{{ row.cites }}", 2.0, False),
    ("占比", "{{ row.cites_share }}", 1.6, False),
    ("高被引论文", "{{ row.hcp }}", 2.0, False),
    ("占比", "{{ row.hcp_share }}", 1.6, False),
)

SCHOOL_COLUMNS = (
    ("学院", "{{ s.school }}", 3.9, True),
    ("论文数", "{{ s.papers }}", 1.5, False),
    ("被引次数", "{{ s.cites }}", 1.8, False),
    ("高被引论文", "{{ s.hcp }}", 2.0, False),
    ("学科数", "{{ s.fields }}", 1.5, False),
    ("论文最多的学科（占全校该学科比例）", "{{ s.top_fields }}", 3.9, True),
)

UNMATCHED_COLUMNS = (
    ("序号", "{{ u.rank }}", 1.0, False),
    ("单位（待映射）", "{{ u.unit }}", 4.0, True),
    ("完整地址", "{{ u.text }}", 8.2, True),
    ("论文数", "{{ u.papers }}", 1.4, False),
)

SOURCE_COLUMNS = (
    ("文件名", "{{ s.file_name }}", 3.6, True),
    ("格式", "{{ s.format }}", 1.9, False),
    ("记录数", "{{ s.records }}", 1.3, False),
    ("SHA-256", "{{ s.sha256 }}", 5.3, True),
    ("导入时间", "{{ s.imported_at }}", 2.3, False),
)


def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = kit.report_document("contribution", "学院学科贡献度分析报告", "（{{ period_text }}，{{ counting_zh }}）",
                                   "数据来源：工作区导入的论文数据（Web of Science 等）")
    _overview(document)
    _fields(document)
    _schools(document)
    _unmatched(document)
    _appendix(document)
    document.save(out)
    return out


def _overview(document) -> None:
    kit.new_section(document, restart=True)
    document.add_heading("一、概述", level=1)
    document.add_heading("（一）总体情况", level=2)
    kit.loop_paragraphs(document, "overview")
    document.add_heading("（二）各学科主要贡献学院", level=2)
    kit.loop_paragraphs(document, "highlights")


def _fields(document) -> None:
    kit.new_section(document)
    document.add_heading("二、各学科学院贡献度", level=1)
    document.add_paragraph(
        "本部分按全校论文数从多到少列出 {{ field_count }} 个 ESI 学科，逐一给出各学院的论文数、"
        "被引次数、高被引论文数及其占全校该学科的比例，计数方法注于每表之下。")
    kit.plain(document, "{%p for f in field_sections %}")
    document.add_heading("{{ f.heading }}", level=2)
    # The heading and its sentence move with the table when the table does not fit.
    document.add_paragraph("{{ f.intro }}").paragraph_format.keep_with_next = True
    kit.plain(document, "{%p for t in f.tables %}")
    kit.caption(document, "表", "{{ t.number }}", "{{ t.caption }}")
    # 小五 (9 pt) keeps "12,345.50" on one line in these widths.
    kit.loop_table(document, FIELD_COLUMNS, "t.rows", "row", size="小五")
    _keep_table_with_note(document.tables[-1])
    _note(document, "{{ t.note }}")
    kit.plain(document, "{%p endfor %}")
    kit.plain(document, "{%p endfor %}")


def _schools(document) -> None:
    kit.new_section(document)
    document.add_heading("三、学院视角", level=1)
    document.add_heading("（一）学院 × 学科热力图", level=2)
    document.add_paragraph("{{ figure_intro }}")
    kit.figure(document, "figure_1", "1",
               "　{{ institution_name }}各学院在各 ESI 学科的论文占比（{{ counting_zh }}）")
    _note(document, "{{ figure_note }}")
    document.add_heading("（二）各学院概况", level=2)
    kit.caption(document, "表", "{{ school_table_number }}",
                "　各学院论文、被引与高被引论文概况（{{ counting_zh }}）")
    kit.loop_table(document, SCHOOL_COLUMNS, "school_rows", "s", size="小五")
    _note(document, "注：各学院数值为其在各 ESI 学科数值之和（{{ counting_zh }}）；"
                    "“论文最多的学科”按学院论文数取前三个，括号内为占全校该学科论文数的比例。")
    document.add_heading("（三）各学院优势学科", level=2)
    kit.loop_paragraphs(document, "school_sentences")


def _unmatched(document) -> None:
    kit.new_section(document)
    document.add_heading("四、未匹配地址", level=1)
    document.add_paragraph("{{ unmatched_intro }}")
    kit.plain(document, "{%p if has_unmatched %}")
    kit.caption(document, "表", "{{ unmatched_table_number }}", "　未匹配到学院的本校地址（按论文数排序）")
    # 六号 type keeps a full WoS address to two or three lines.
    kit.loop_table(document, UNMATCHED_COLUMNS, "unmatched_rows", "u", size="六号")
    _note(document, "注：论文数为含该地址的不同论文数；“单位”为地址中除本校名称、城市邮编和国家之外的"
                    "第一个部分，通常即应补充到映射文件的学院或实验室名称。")
    kit.plain(document, "{%p endif %}")


def _appendix(document) -> None:
    kit.new_section(document)
    document.add_heading("附录　方法与数据来源", level=1)
    for title, var in (("（一）计数方法", "method_paragraphs"), ("（二）学院映射", "mapping_paragraphs"),
                       ("（三）机构与论文范围", "scope_paragraphs")):
        document.add_heading(title, level=2)
        kit.plain(document, f"{{%p for item in {var} %}}")
        # Left-aligned: justifying a line that ends in a long hash or Latin name spreads it.
        document.add_paragraph("{{ item }}").alignment = WD_ALIGN_PARAGRAPH.LEFT
        kit.plain(document, "{%p endfor %}")
    document.add_heading("（四）数据来源文件", level=2)
    kit.caption(document, "表", "{{ source_table_number }}", "　数据来源文件")
    # 六号 type keeps a full SHA-256 to two lines in a portrait page.
    kit.loop_table(document, SOURCE_COLUMNS, "sources", "s", size="六号")
    document.add_paragraph(
        "本报告由学科分析工作台 {{ program_version }} 于 {{ generated_at }} 生成。"
        "{% if workbook_name %}每个数字背后的论文明细（UT、DOI、题名、年份、被引、作者）"
        "见 Excel 工作簿 {{ workbook_name }}。{% endif %}").alignment = WD_ALIGN_PARAGRAPH.LEFT


def _keep_table_with_note(table) -> None:
    """Keep a field's table on one page with its note (Word and LibreOffice honour it).

    Every row's paragraphs keep with the next paragraph; docxtpl copies the body row, so
    the generated rows inherit it. A table longer than a page still breaks.
    """
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _note(document, text: str) -> None:
    note = kit.plain(document, text, style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT


if __name__ == "__main__":
    print(main())
