"""Building blocks of report templates (python-docx → .docx with docxtpl tags).

Each report folder under ``report_templates/`` has a ``build_template.py`` that writes its
``template.docx`` with these helpers, so every report shares the Chinese office layout:
cover and table of contents, running header with a rule, page numbers, numbered captions
(SEQ fields Word can renumber), three-line tables filled by docxtpl row loops, and
paragraph loops for generated sentences. A librarian may edit the generated template in
Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from analyst_app.reports import docx_style as ds

#: A table column: (header, cell text with docxtpl tags, width in cm, left-aligned).
Column = tuple[str, str, float, bool]


def new_document(title: str, comment: str) -> Document:
    """Return an empty document with the office styles, fields updated on open, properties."""
    document = Document()
    ds.apply_office_styles(document)
    ds.update_fields_on_open(document)
    props = document.core_properties
    props.title = title
    props.author = "图书馆学科服务部"
    props.comments = comment
    return document


def report_document(template_id: str, title: str, subtitle: str, source: str, *,
                    heading: str = "{{ institution_name }}") -> Document:
    """A new report template with the standard cover (unit, date, data source) and TOC.

    Parameters
    ----------
    template_id : str
        The report's folder name, recorded in the document properties.
    title : str
        The report's title (second cover line, and the document title).
    subtitle : str
        The cover's subtitle, usually a tag such as ``（{{ release }} 期）``.
    source : str
        The data-source line of the cover (``数据来源：……``).
    heading : str
        The first cover line: the institution, or the discipline (``{{ title }}``).
    """
    document = new_document(f"{title}（模板）",
                            f"学科分析工作台 report template {template_id}; "
                            "docxtpl tags must stay intact.")
    cover_and_toc(document, [heading, title], subtitle,
                  ["编制单位：图书馆学科服务部", "生成日期：{{ generated_date }}", source])
    return document


def cover_and_toc(document: Document, title_lines: list[str], subtitle: str,
                  facts: list[str]) -> None:
    """Cover page (title lines, subtitle, facts such as unit and date) and the TOC page.

    The cover has no running header; its section numbers pages in Roman numerals.
    """
    section = document.sections[0]
    ds.set_page(section)
    section.different_first_page_header_footer = True  # no header on the cover
    page_numbers(section, fmt="upperRoman")
    header_footer(section)
    for _ in range(5):
        plain(document, "")
    for line in title_lines:
        document.add_paragraph(line, style="Title")
    document.add_paragraph(subtitle, style="Subtitle")
    for _ in range(10):
        plain(document, "")
    for text in facts:
        plain(document, text, center=True, size="四号")
    document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
    document.add_paragraph("目  录", style="TOC Heading")
    ds.set_fonts(document.styles["TOC Heading"], ds.HEI)
    toc_heading = document.styles["TOC Heading"]
    toc_heading.font.size = Pt(ds.FONT_SIZES["三号"])
    toc_heading.font.color.rgb = None
    toc_heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ds.add_field(plain(document, ""), r'TOC \o "1-2" \h \z \u',
                 "（目录：在 Word 中右键此处选择“更新域”即可生成）")


def new_section(document: Document, *, landscape: bool = False, restart: bool = False):
    """Start a new page section (portrait or landscape) with Arabic page numbers."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    ds.set_page(section, landscape=landscape)
    page_numbers(section, fmt="decimal", start=1 if restart else None)
    return section


def loop_paragraphs(document: Document, var: str) -> None:
    """One generated paragraph per item of ``var`` (docxtpl ``{%p %}`` loop)."""
    plain(document, f"{{%p for item in {var} %}}")
    document.add_paragraph("{{ item }}")
    plain(document, "{%p endfor %}")


def figure(document: Document, var: str, number: str, text: str) -> None:
    """A figure paragraph holding image ``var`` (an InlineImage at render) and its caption."""
    document.add_paragraph(f"{{{{ {var} }}}}", style=ds.FIGURE_STYLE)
    caption(document, "图", number, text)


def loop_table(document: Document, columns: tuple[Column, ...] | list[Column], items: str,
               item: str, size: str | None = None) -> None:
    """Three-line table: header row, then one docxtpl ``{%tr %}`` row per item of ``items``.

    ``size`` is a Chinese type size (``小五``) for every cell; the default is the table style's.
    """
    table = document.add_table(rows=4, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, (header, tag, _width, left) in enumerate(columns):
        cell(table.rows[0].cells[col], header, bold=True, size=size)
        cell(table.rows[2].cells[col], tag, left=left, size=size)
    cell(table.rows[1].cells[0], f"{{%tr for {item} in {items} %}}")
    cell(table.rows[3].cells[0], "{%tr endfor %}")
    ds.set_column_widths(table, [c[2] for c in columns])
    ds.style_three_line_table(table)


def cell(target, text: str, *, bold: bool = False, left: bool = False,
         size: str | None = None) -> None:
    """Write ``text`` into table cell ``target`` in the table text style (bold: 黑体)."""
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    paragraph.style = ds.TABLE_TEXT_STYLE
    if left:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(ds.FONT_SIZES[size])
    if bold:
        run.bold = True
        ds.set_fonts(run, ds.HEI)


def caption(document, label: str, number: str, text: str) -> None:
    """``表 1 ...`` / ``图 1 ...`` with a SEQ field, so Word can renumber and cross-reference."""
    paragraph = document.add_paragraph(f"{label} ", style="Caption")
    ds.add_field(paragraph, f"SEQ {label} \\* ARABIC", number)
    paragraph.add_run(text)
    if label == "表":
        paragraph.paragraph_format.keep_with_next = True


def plain(document, text: str, *, center: bool = False, size: str | None = None,
          style: str | None = None):
    """A paragraph without the body's first-line indent (cover lines, loop tags, notes)."""
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


def header_footer(section) -> None:
    """Running header ``{{ report_title }}`` over a rule, and ``— page —`` in the footer."""
    header = section.header.paragraphs[0]
    header.text = "{{ report_title }}"
    bottom_rule(header)
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    ds.add_field(footer, "PAGE", "1")
    footer.add_run(" —")


def bottom_rule(paragraph) -> None:
    """A thin rule under the running header, as Chinese reports print it."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                              "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr")


def page_numbers(section, *, fmt: str, start: int | None = None) -> None:
    """Set the section's page-number format (``decimal``, ``upperRoman``) and restart."""
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


