"""Chinese office style for Word documents: fonts, page setup, fields, three-line tables."""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

#: Chinese type sizes (字号) in points.
FONT_SIZES = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5,
}

#: Font names as Chinese Word writes them; LibreOffice substitutes Noto CJK on Linux.
SONG = "宋体"
HEI = "黑体"
LATIN = "Times New Roman"

#: Names of the paragraph styles for table cells and for picture paragraphs, and of
#: the three-line table style.
TABLE_TEXT_STYLE = "表格文字"
FIGURE_STYLE = "图片"
THREE_LINE_TABLE_STYLE = "三线表"

#: Border widths in eighths of a point (the unit of ``w:sz``).
RULE_THICK = 12  # 1.5 pt: top and bottom rules of a three-line table
RULE_THIN = 6    # 0.75 pt: the rule under the header row


# Word rejects files whose elements break the schema's sequence order, so new children
# are inserted before the first sibling that must follow them.
_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                      "w:tblDescription")
_AFTER_TC_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                     "w:vAlign", "w:hideMark")
_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                        "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                        "w:readModeInkLockDown", "w:smartTagType", 
                        "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                        "w:listSeparator")


def _insert_in_order(parent: OxmlElement, child: OxmlElement, successors: tuple[str, ...]) -> None:
    for name in successors:
        found = parent.find(qn(name))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def set_fonts(style_or_run: BaseStyle | object, east_asia: str, latin: str = LATIN) -> None:
    """Set the Latin and East Asian fonts of a style or run explicitly.

    Word ignores ``w:ascii``/``w:eastAsia`` when theme attributes (``w:asciiTheme``...)
    are present, so those are removed.

    Parameters
    ----------
    style_or_run : docx style or run
        Anything with an ``element`` that can hold ``w:rPr``.
    east_asia : str
        The font for Chinese characters (``宋体``, ``黑体``).
    latin : str
        The font for Latin letters and digits.
    """
    rpr = style_or_run.element.get_or_add_rPr()  # type: ignore[attr-defined]
    _set_rfonts(rpr, east_asia, latin)


def _set_rfonts(rpr: OxmlElement, east_asia: str, latin: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin),
                        ("w:eastAsia", east_asia)):
        rfonts.set(qn(attr), value)


def _paragraph_style(document: Document, name: str, base: str | None = "Normal") -> BaseStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    return style


def _style_font(style: BaseStyle, east_asia: str, size: str, *, bold: bool = False) -> None:
    set_fonts(style, east_asia)
    style.font.size = Pt(FONT_SIZES[size])
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)


def _first_line_indent_chars(style: BaseStyle, chars: int) -> None:
    """Indent the first line by ``chars`` characters (``w:firstLineChars``, in 1/100 chars).

    Word lets ``firstLineChars`` win over ``firstLine`` and inherits it attribute by
    attribute, so styles based on Normal must reset it to 0 explicitly.
    """
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    # Fallback for readers that ignore *Chars: two 12 pt characters = 480 twips.
    ind.set(qn("w:firstLine"), str(chars * 240))


def apply_office_styles(document: Document) -> None:
    """Give a document the Chinese office style (宋体 小四 body, 黑体 headings).

    Sets the document defaults, ``Normal``, ``Title``, ``Subtitle``, ``Heading 1``/``2``,
    ``Caption``, ``Header``/``Footer``, the TOC levels, the :data:`TABLE_TEXT_STYLE`
    paragraph style and the :data:`THREE_LINE_TABLE_STYLE` table style.

    Parameters
    ----------
    document : docx.document.Document
        The document to restyle in place.
    """
    _set_doc_defaults(document)
    _replace_theme_fonts(document)
    styles = document.styles
    normal = styles["Normal"]
    _style_font(normal, SONG, "小四")
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    _first_line_indent_chars(normal, 2)
    _style_headings(document)
    _style_title(document)
    _style_captions_and_tables(document)


def _replace_theme_fonts(document: Document) -> None:
    """Give every style that names a theme font an explicit Chinese font instead.

    The python-docx default template points headings, character and table styles at
    theme fonts whose East Asian face is Japanese (ＭＳ ゴシック); a style a librarian
    applies later in Word must not switch to it.
    """
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        theme = rfonts.get(qn("w:eastAsiaTheme")) or rfonts.get(qn("w:asciiTheme")) or ""
        if theme:
            _set_rfonts(rfonts.getparent(), HEI if theme.startswith("major") else SONG, LATIN)


def _set_doc_defaults(document: Document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr, SONG, LATIN)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style_headings(document: Document) -> None:
    for name, size, before, after in (("Heading 1", "三号", 18, 12), ("Heading 2", "四号", 12, 6)):
        style = document.styles[name]
        _style_font(style, HEI, size, bold=False)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.25
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _first_line_indent_chars(style, 0)
        fmt.keep_with_next = True


def _style_title(document: Document) -> None:
    title = document.styles["Title"]
    _style_font(title, HEI, "二号", bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line_indent_chars(title, 0)
    title.paragraph_format.space_after = Pt(24)
    # The default template draws a blue rule under Title; an official title has none.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    subtitle = document.styles["Subtitle"]
    _style_font(subtitle, SONG, "三号")
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line_indent_chars(subtitle, 0)
    for name in ("Header", "Footer"):
        style = document.styles[name]
        _style_font(style, SONG, "小五")
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _first_line_indent_chars(style, 0)
    for level in (1, 2):
        toc = _paragraph_style(document, f"toc {level}")
        _style_font(toc, SONG, "小四")
        _first_line_indent_chars(toc, 0)
        toc.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        toc.paragraph_format.left_indent = Pt(24 * (level - 1))


def _style_captions_and_tables(document: Document) -> None:
    caption = document.styles["Caption"]
    _style_font(caption, HEI, "五号")
    fmt = caption.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line_indent_chars(caption, 0)
    fmt.space_before, fmt.space_after = Pt(6), Pt(6)
    fmt.line_spacing = 1.0
    cell_text = _paragraph_style(document, TABLE_TEXT_STYLE)
    _style_font(cell_text, SONG, "小五")
    fmt = cell_text.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line_indent_chars(cell_text, 0)
    fmt.line_spacing = 1.0
    fmt.space_before, fmt.space_after = Pt(1.5), Pt(1.5)
    _add_three_line_table_style(document)
    picture = _paragraph_style(document, FIGURE_STYLE)
    fmt = picture.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line_indent_chars(picture, 0)
    fmt.line_spacing = 1.0
    fmt.space_before = Pt(6)
    fmt.keep_with_next = True  # keep a figure on the page of its caption


def _add_three_line_table_style(document: Document) -> None:
    """Define the 三线表 table style so a librarian can apply it to new tables in Word."""
    if THREE_LINE_TABLE_STYLE in [s.name for s in document.styles]:
        return
    style = document.styles.add_style(THREE_LINE_TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    set_fonts(style, SONG)
    style.font.size = Pt(FONT_SIZES["小五"])
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style.element.append(tbl_pr)
    tbl_pr.append(_borders("w:tblBorders", top=RULE_THICK, bottom=RULE_THICK))
    first_row = OxmlElement("w:tblStylePr")
    first_row.set(qn("w:type"), "firstRow")
    tc_pr = OxmlElement("w:tcPr")
    tc_pr.append(_borders("w:tcBorders", top=RULE_THICK, bottom=RULE_THIN))
    first_row.append(tc_pr)
    style.element.append(first_row)


def _borders(tag: str, **edges: int) -> OxmlElement:
    """Return a ``w:tblBorders``/``w:tcBorders`` element; edges not given are 'nil'."""
    element = OxmlElement(tag)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if tag == "w:tcBorders" and edge.startswith("inside"):
            continue
        border = OxmlElement(f"w:{edge}")
        size = edges.get(edge)
        if size:
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), str(size))
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "000000")
        else:
            border.set(qn("w:val"), "nil")
        element.append(border)
    return element


def style_three_line_table(table: Table, header_rows: int = 1) -> None:
    """Format ``table`` as a three-line table (三线表) with direct borders.

    Top and bottom rules are 1.5 pt, the rule under the header 0.75 pt, no vertical lines.
    Direct borders are used besides the table style because LibreOffice ignores
    conditional table-style formatting.

    Parameters
    ----------
    table : docx.table.Table
        The table to format.
    header_rows : int
        Rows at the top that form the header (repeated on each page).
    """
    table.style = table.part.document.styles[THREE_LINE_TABLE_STYLE]
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    _insert_in_order(tbl_pr, _borders("w:tblBorders", top=RULE_THICK, bottom=RULE_THICK),
                     _AFTER_TBL_BORDERS)
    for index in range(header_rows):
        row = table.rows[index]
        set_repeat_header(row)
        if index == header_rows - 1:
            for cell in row.cells:
                borders = _borders("w:tcBorders", top=RULE_THICK if index == 0 else 0,
                                   bottom=RULE_THIN)
                _insert_in_order(cell._tc.get_or_add_tcPr(), borders, _AFTER_TC_BORDERS)


def set_repeat_header(row: _Row) -> None:
    """Mark ``row`` as a header row repeated at the top of each page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def set_column_widths(table: Table, widths_cm: list[float]) -> None:
    """Fix the column widths of ``table`` (both the grid and every cell, as Word needs)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def set_page(section: Section, *, landscape: bool = False) -> None:
    """Set A4 paper and the GB/T 9704-style margins (2.54 cm top/bottom, 3.18 cm sides).

    Parameters
    ----------
    section : docx.section.Section
        The section to set up.
    landscape : bool
        Turn the page for wide tables; the margins stay on the same edges of the text.
    """
    width, height = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.18)
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(1.75)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """Append a complex field (``PAGE``, ``TOC \\o "1-2"``, ``SEQ 表``) to ``paragraph``.

    Parameters
    ----------
    paragraph : docx.text.paragraph.Paragraph
        Where the field goes.
    instruction : str
        The field code.
    placeholder : str
        The cached result shown until Word updates the field.
    """
    def fld_char(kind: str) -> OxmlElement:
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
        return run

    p = paragraph._p
    p.append(fld_char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    p.append(instr_run)
    p.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    p.append(fld_char("end"))


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh fields (the TOC, page numbers) when the document is opened."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        _insert_in_order(settings, flag, _AFTER_UPDATE_FIELDS)
    flag.set(qn("w:val"), "true")
