"""Scopus CSV column names (English, simplified and traditional Chinese interfaces) → internal keys."""

from __future__ import annotations

import csv
import re

#: Internal key → the header names Scopus has used for it. Names are compared after
#: :func:`header_key` (case-folded, spaces removed), so "Author(s) ID", "作者 ID" and
#: "作者ID" are one spelling. The Chinese names are those of the Scopus web interface
#: in 简体中文 / 繁體中文 (the author-profile export keeps some English names, e.g.
#: "Author full names", untranslated).
COLUMNS: dict[str, tuple[str, ...]] = {
    "authors": ("Authors", "Author", "作者"),
    "author_full_names": ("Author full names", "作者全名", "作者(全名)", "作者全稱", "作者(全稱)"),
    "author_ids": ("Author(s) ID", "Author(s) IDs", "Author IDs", "作者 ID", "作者(s) ID"),
    "title": ("Title", "Document Title", "标题", "文献标题", "標題", "文獻標題", "文件標題"),
    "year": ("Year", "年份"),
    "source_title": ("Source title", "来源出版物名称", "來源出版物名稱"),
    "volume": ("Volume", "卷"),
    "issue": ("Issue", "期"),
    "article_number": ("Art. No.", "Article number", "论文编号", "論文編號", "文章编号", "文章編號"),
    "page_start": ("Page start", "起始页码", "起始頁碼", "起始页", "起始頁"),
    "page_end": ("Page end", "结束页码", "結束頁碼", "结束页", "結束頁"),
    "page_count": ("Page count", "页码计数", "頁碼計數", "页数", "頁數"),
    "cited_by": ("Cited by", "施引文献", "被引用文獻", "被引次数", "被引用次數"),
    "doi": ("DOI",),
    "link": ("Link", "链接", "連結"),
    "affiliations": ("Affiliations", "归属机构", "歸屬機構", "機構", "机构", "所属机构"),
    "authors_with_affiliations": ("Authors with affiliations", "带归属机构的作者",
                                  "帶歸屬機構的作者", "作者及其歸屬機構", "作者(包含单位)"),
    "abstract": ("Abstract", "摘要"),
    "author_keywords": ("Author Keywords", "作者关键字", "作者關鍵字", "作者关键词", "作者關鍵詞"),
    "index_keywords": ("Index Keywords", "索引关键字", "索引關鍵字", "索引关键词", "索引關鍵詞"),
    "molecular_sequence_numbers": ("Molecular Sequence Numbers", "分子序列号", "分子序列號"),
    "chemicals_cas": ("Chemicals/CAS", "化学品/CAS", "化學品/CAS"),
    "tradenames": ("Tradenames", "商品名称", "商品名稱"),
    "manufacturers": ("Manufacturers", "制造商", "製造商"),
    "funding_details": ("Funding Details", "资金详情", "資金詳情", "出资详情", "基金资助详情"),
    "references": ("References", "参考文献", "參考文獻"),
    "correspondence": ("Correspondence Address", "通讯地址", "通訊地址", "通信地址"),
    "editors": ("Editors", "编者", "編者", "编辑", "編輯"),
    "sponsors": ("Sponsors", "赞助商", "贊助商", "主办方"),
    "publisher": ("Publisher", "出版商", "出版者"),
    "conference_name": ("Conference name", "会议名称", "會議名稱"),
    "conference_date": ("Conference date", "会议日期", "會議日期"),
    "conference_location": ("Conference location", "会议地点", "會議地點"),
    "conference_code": ("Conference code", "会议代码", "會議代碼"),
    "issn": ("ISSN",),
    "isbn": ("ISBN",),
    "coden": ("CODEN",),
    "pubmed_id": ("PubMed ID", "PubMed 标识", "PubMed 標識"),
    "language": ("Language of Original Document", "原始文献语言", "原始文獻語言", "语言", "語言"),
    "abbrev_source_title": ("Abbreviated Source Title", "缩写来源出版物名称", "來源出版物名稱縮寫",
                            "来源出版物名称缩写", "缩写的来源出版物名称"),
    "document_type": ("Document Type", "文献类型", "文獻類型"),
    "publication_stage": ("Publication Stage", "出版阶段", "出版階段"),
    "open_access": ("Open Access", "Access Type", "开放获取", "開放獲取", "開放取用"),
    "database": ("Source", "来源出版物", "來源出版物", "来源", "來源"),
    "eid": ("EID",),
}

# "Funding Text 1" .. "Funding Text 10" (2020-22 layout), "Funding Texts" (current) and
# their Chinese forms are all one key; every such column is kept.
_FUNDING_TEXT = re.compile(r"^(?:fundingtexts?|资金文本|資金文本|出资文本|基金文本)\d*$")


def header_key(name: str) -> str:
    """Return ``name`` folded for matching: no BOM, quotes, spaces or trailing ``;``, case-folded.

    Spreadsheets that re-save a Scopus CSV append ``;;;;`` to the header line or pad it
    with empty columns, so the junk is dropped here.
    """
    name = name.replace("\ufeff", "").strip().strip('"').rstrip(";").strip()
    return re.sub(r"\s+", "", name).casefold()


def _build_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, names in COLUMNS.items():
        for name in names:
            table.setdefault(header_key(name), key)
    # "Source" is the database column (always "Scopus") in every layout; "Source title"
    # is the journal. Keep the database meaning when the header has both.
    table[header_key("Source")] = "database"
    return table


_LOOKUP = _build_lookup()


def column_key(name: str) -> str | None:
    """Return the internal key of header name ``name``, or ``None`` for an unknown column."""
    key = header_key(name)
    if not key:
        return None
    if _FUNDING_TEXT.match(key):
        return "funding_text"
    return _LOOKUP.get(key)


def map_header(cells: list[str]) -> tuple[list[str | None], list[str]]:
    """Map header cells to internal keys.

    Parameters
    ----------
    cells : list of str
        The header row as read.

    Returns
    -------
    keys : list of str or None
        Per column: the internal key, ``"funding_text"`` for every funding-text column,
        ``None`` for an empty (spreadsheet padding) column, or ``"extra:<name>"`` for an
        unknown column, whose values go to :attr:`PublicationRecord.extra` under its name.
        A second column with a key already taken is kept as extra too.
    names : list of str
        The cleaned header names.
    """
    keys: list[str | None] = []
    names: list[str] = []
    seen: set[str] = set()
    for cell in cells:
        name = cell.replace("\ufeff", "").strip().strip('"').rstrip(";").strip()
        names.append(name)
        key = column_key(name)
        if not name:
            keys.append(None)
        elif key is None or (key in seen and key != "funding_text"):
            keys.append(f"extra:{name}")
        else:
            seen.add(key)
            keys.append(key)
    return keys, names


def sniff_delimiter(line: str) -> str:
    """Return the delimiter (``,`` ``;`` or TAB) under which ``line`` has most known column names.

    Scopus writes commas; European-locale spreadsheets re-save with ``;``. Ties go to the
    comma, so a comma header with a ``;;;;`` tail stays a comma file.
    """
    best, best_known = ",", -1
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([line], delimiter=delimiter), [])
        known = sum(1 for cell in cells if column_key(cell))
        if known > best_known:
            best, best_known = delimiter, known
    return best


def score_header(line: str) -> float:
    """Score how surely ``line`` is a Scopus CSV header (0..1); never raises."""
    try:
        delimiter = sniff_delimiter(line)
        keys = {column_key(c) for c in next(csv.reader([line], delimiter=delimiter), [])}
    except Exception:  # detectors never raise
        return 0.0
    keys.discard(None)
    if "title" not in keys:
        return 0.0
    # EID, Scopus author IDs and "Authors with affiliations" exist only in Scopus exports;
    # a WoS Excel export saved as CSV has "Article Title", so it never gets here.
    if keys & {"eid", "author_ids", "authors_with_affiliations", "author_full_names"}:
        return 0.95 if len(keys) >= 4 else 0.7
    if {"source_title", "cited_by", "year"} <= keys:
        return 0.75
    return 0.0
