"""CNKI record fields (canonical keys, any of the four tagged formats) → :class:`PublicationRecord`.

Canonical keys: ``type title title_en authors addresses journal year date volume issue
pages begin_page end_page keywords abstract issn doi publisher funding`` (each a list of
the tag's values in file order); anything else a format maps (``cn``, ``database``,
``thesis_level``, ``supervisor``, ``url``, ``language_raw`` ...) goes to ``extra``.

Author ↔ institution links: CNKI writes all authors in one field and all institutions in
another, in order, without saying who is where. When the two counts are equal author *i*
is linked to institution *i* (true for the per-author lists of older records and for most
recent ones); otherwise no author is linked, rather than guessing.
"""

from __future__ import annotations

import re

from analyst_app.domain.identifiers import normalise_doi
from analyst_app.domain.records import Address, Author, PublicationRecord
from analyst_app.importers._scopus_authors import make_address as scopus_address

_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_PAGES = re.compile(r"^\s*([^-–~\s]+)\s*[-–~]\s*([^-–~\s+,]+)")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_SEMICOLON = re.compile(r"[;；]")
_COMMA = re.compile(r"[,，、]")
# Older CNKI records end each institution with its place and postcode
# ("四川农业大学动物科技学院 四川雅安625014", "清华大学计算机科学与技术系 北京 100084",
# ",湖北武汉430074", "北京中医药大学 012000").
_POSTCODE_TAIL = re.compile(r"(?:\s+\S*?)?\s*\d{6}$")
_INSTITUTION_WORD = re.compile(r"大学|学院|研究|医院|公司|集团|学校|中心|实验室|馆|局|厅|部|委|所|院|厂|站|社")
_ORGANISATION = re.compile(r"^.+?(?:大学|科学院|学院|研究院|研究所|医院|公司|集团|学校)")
#: Keys stored on the record itself; the rest of ``values`` goes to ``extra``.
_MAPPED = frozenset({"type", "title", "title_en", "authors", "addresses", "journal", "year",
                     "date", "volume", "issue", "pages", "begin_page", "end_page", "keywords",
                     "abstract", "issn", "doi", "publisher", "funding"})


def build_record(values: dict[str, list[str]], start: int, extra: dict[str, str]) -> PublicationRecord:
    """Return the :class:`PublicationRecord` of one CNKI record.

    Parameters
    ----------
    values : dict
        Canonical key → the values of the tags mapped to it, in file order.
    start : int
        Line where the record starts.
    extra : dict
        Unmapped tags and their values; extended with the non-record canonical keys.

    Returns
    -------
    PublicationRecord
        ``source="cnki"``; ``language`` "Chinese" when the title has CJK characters, else
        "English"; no cited references (CNKI exports have none).
    """
    def first(key: str) -> str | None:
        found = values.get(key)
        return found[0] if found else None

    for key, found in values.items():
        if key not in _MAPPED:
            extra[key] = "; ".join(found)
    title = _one_line(first("title") or "")
    authors = split_names(values.get("authors", []))
    per_position = split_institutions(values.get("addresses", []))
    addresses, positions = _dedupe(per_position)
    if authors and len(authors) == len(per_position):
        for author, position in zip(authors, positions):
            author.address_positions.append(position)
    keywords, keywords_en = split_keywords(values.get("keywords", []))
    if keywords_en:
        extra["keywords_en"] = "; ".join(keywords_en)
    begin, end = _pages(first("pages"), first("begin_page"), first("end_page"))
    issn = first("issn")
    if issn and not _ISSN.match(issn.strip()):  # NoteExpress "ISBN/ISSN" may hold an ISBN
        extra["isbn"], issn = issn, None
    year_text = " ".join(filter(None, (first("year"), first("date"))))
    year = _YEAR.search(year_text)
    return PublicationRecord(
        source="cnki", source_line=start, title=title,
        title_en=_one_line(first("title_en") or "") or None,
        doi=normalise_doi(first("doi")), year=int(year.group(1)) if year else None,
        doc_type=first("type"), language="Chinese" if _CJK.search(title) else "English",
        source_title=first("journal"), volume=first("volume"), issue=first("issue"),
        begin_page=begin, end_page=end, publisher=first("publisher"),
        issn=issn.strip().upper() if issn else None,
        abstract=_clean("\n".join(values.get("abstract", []))) or None,
        authors=authors, addresses=[make_address(text) for text in addresses],
        keywords_author=keywords,
        funding=_clean("; ".join(values.get("funding", []))) or None, extra=extra,
    )


def split_names(values: list[str]) -> list[Author]:
    """Split CNKI author fields into :class:`Author` (``full_name == short_name``).

    CNKI writes all names in one field: ``张伟;李娜;`` (also ``；``), in older records
    ``谢昕,王小增`` (``,`` ``，`` ``、``); EndNote and RIS may repeat the tag instead. Latin
    names are split on commas only when every part has two words (``John Smith, Wei Li``),
    so ``Smith, John`` stays one name.
    """
    names: list[str] = []
    for value in values:
        value = value.replace("\n", "")
        if _SEMICOLON.search(value):
            parts = _SEMICOLON.split(value)
        elif _COMMA.search(value) and (_CJK.search(value) or all(
                len(p.split()) > 1 for p in _COMMA.split(value) if p.strip())):
            parts = _COMMA.split(value)
        else:
            parts = [value]
        names.extend(name for part in parts if (name := part.strip()))
    return [Author(full_name=name, short_name=name) for name in names]


def split_institutions(values: list[str]) -> list[str]:
    """Split CNKI institution fields into one institution per position, in order.

    Current records separate institutions with ``;``/``；``. Older ones list one
    institution per author separated by ``,``, then after the first space the place and
    postcode of each (``A,A,B 北京100005,北京100005,武汉430000``; ``中山大学信息管理系
    广州510275``), sometimes broken over lines: the text from the first space on is
    dropped. A place-and-postcode tail left on a ``;``-separated institution is removed too.
    """
    result: list[str] = []
    for value in values:
        value = value.replace("\n", "").strip()
        chinese = _CJK.search(value) is not None
        if _SEMICOLON.search(value):
            for piece in _SEMICOLON.split(value):
                piece = piece.strip()
                if piece and chinese:
                    bare = _POSTCODE_TAIL.sub("", piece).strip()
                    if bare != piece and not _INSTITUTION_WORD.search(bare):
                        continue  # "湖北武汉430074", "100029": a place and postcode only
                    piece = bare
                if piece:
                    result.append(piece)
        elif chinese:
            institutions = value.split(None, 1)[0]
            result.extend(part for piece in _COMMA.split(institutions) if (part := piece.strip()))
        elif value:  # a Latin address: its commas separate its own parts
            result.append(value)
    return result


def split_keywords(values: list[str]) -> tuple[list[str], list[str]]:
    """Split keyword fields into (keywords, English keywords).

    Separators are ``;``, ``;;`` (EndNote, NoteExpress) and ``；``; ``,`` only when there is
    no semicolon. In RefWorks the English keywords follow on a continuation line
    (``K1 知识发现;资源整合`` / `` knowledge discovery;resource integration``), so the
    first line of each value is the record's keywords and further lines English ones.
    """
    main: list[str] = []
    english: list[str] = []
    for value in values:
        first, *rest = value.split("\n")
        main.extend(_keyword_list(first))
        for line in rest:
            english.extend(_keyword_list(line))
    return main, english


def make_address(text: str) -> Address:
    """Return the :class:`Address` of one CNKI institution.

    The organisation is the text up to the first 大学 / 科学院 / 学院 / 研究院 / 研究所 /
    医院 / 公司 / 集团 / 学校 (``南京大学信息管理学院`` → ``南京大学``), else the whole text,
    and no country (CNKI gives none for Chinese institutions). A Latin address (foreign
    records) is read as a Scopus affiliation: institution part, country last.
    """
    if _CJK.search(text):
        match = _ORGANISATION.match(text)
        return Address(text=text, organisation=match.group(0) if match else text)
    return scopus_address(text)  # CNKI's foreign records use Scopus-like English addresses


def _keyword_list(value: str) -> list[str]:
    splitter = _SEMICOLON if _SEMICOLON.search(value) else _COMMA
    return [word for part in splitter.split(value) if (word := _clean(part))]


def _dedupe(per_position: list[str]) -> tuple[list[str], list[int]]:
    # Older records repeat the institution once per author ("A,A,A"): store it once and
    # keep each author's link to it.
    unique: dict[str, int] = {}
    positions = [unique.setdefault(text, len(unique)) for text in per_position]
    return list(unique), positions


def _pages(pages: str | None, begin: str | None, end: str | None) -> tuple[str | None, str | None]:
    if begin or not pages:
        return begin, end
    match = _PAGES.match(pages)
    if match:
        return match.group(1), match.group(2)
    return pages.strip() or None, end


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text else text.strip()


def _clean(text: str) -> str:
    # CNKI cuts long fields mid-character and leaves U+FFFD at the cut, and writes line
    # breaks inside abstracts as "(#br)".
    return text.replace("(#br)", "\n").strip().rstrip("\ufffd").strip()
