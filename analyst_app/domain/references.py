"""Cited references: parse WoS ``CR`` lines and Scopus references; key them for co-citation."""

from __future__ import annotations

import re

from analyst_app.domain.identifiers import normalise_doi
from analyst_app.domain.records import CitedReference
from analyst_app.errors import check_option

_WOS_DOI = re.compile(r",\s*DOI\s+", re.IGNORECASE)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_YEAR_SOURCE = re.compile(r"^(1[5-9]\d\d|20\d\d) (\S.*)$")
# WoS volume/page parts always carry a digit ("V92", "P242", "PE1234"), which keeps a
# one-word source title such as "PHYSICA" or "VACUUM" from reading as a volume or page.
_WOS_VOLUME = re.compile(r"^V(\S*\d\S*)$")
_WOS_PAGE = re.compile(r"^P(\S*\d\S*)$")
_ANONYMOUS = {"[anonymous]", "anonymous", "[anon]"}

_ANY_DOI = re.compile(r"\b10\.\d{4,9}/[^\s,;]+")
_SCOPUS_YEAR_END = re.compile(r",?\s*\((1[5-9]\d\d|20\d\d)\)\.?\s*$")
_SCOPUS_YEAR = re.compile(r"\((1[5-9]\d\d|20\d\d)\)")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s?)(?:-?[A-Z][a-z]?\.\s?)*$")
_NAME_WITH_INITIALS = re.compile(r"^\S.*?\s((?:[A-Z][a-z]?\.)(?:-?[A-Z][a-z]?\.)*)$")
_SCOPUS_VOLUME = re.compile(r"^(\d[\w\-]*)(?:\s*\(([^)]*)\))?$")
_SCOPUS_PAGES = re.compile(r"^pp?\.\s*([^\s\-.,]+)")
_NUMBER = re.compile(r"^\d[\w\-]*$")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def parse_reference(raw: str, source: str) -> CitedReference:
    """Parse one cited reference into first author, year, source, volume, page and DOI.

    Parameters
    ----------
    raw : str
        The reference as the export writes it: a WoS ``CR`` line
        (``Zhang W, 2019, NATURE, V5, P10, DOI 10.1038/x``) or one Scopus reference
        (``Smith J., Title, (2019) Journal, 5 (2), pp. 10-20`` or the newer
        ``Smith, J., Title, Journal, 5, 2, pp. 10-20, (2019)``).
    source : str
        ``"wos"`` or ``"scopus"``.

    Returns
    -------
    CitedReference
        ``raw`` stripped, with the parts found; parts that are absent or not recognisable
        are ``None``. ``[Anonymous]`` gives no first author.

    Raises
    ------
    InputError
        When ``source`` is not one of the accepted values.
    """
    check_option("source", source, ("wos", "scopus"))
    text = " ".join(raw.split())
    if source == "wos":
        return _parse_wos(text)
    return _parse_scopus(text)


def reference_key(ref: CitedReference) -> str | None:
    """Return the key under which two citations of the same work match, or ``None``.

    The DOI when the reference has one; otherwise ``author|year|source|volume|page``
    folded (lower case, letters and digits only), which needs a year, an author or a
    source, and a volume or a page: author, year and journal alone name many papers,
    so such references get no key. A patent (``Patent No. 6329296``) is keyed by its
    number and first author.

    Parameters
    ----------
    ref : CitedReference
        A parsed reference (see :func:`parse_reference`).

    Returns
    -------
    str or None
        ``10.1038/x`` or ``zhangw|2019|nature|5|10``; ``None`` when too little to match.
    """
    if ref.doi:
        return ref.doi
    author = _fold(ref.first_author)
    source = _fold(ref.source)
    if source.startswith("patentno") and any(ch.isdigit() for ch in source):
        return f"{author}||{source}||"
    volume, page = _fold(ref.volume), _fold(ref.page)
    if not ref.year or not (author or source) or not (volume or page):
        return None
    return f"{author}|{ref.year}|{source}|{volume}|{page}"


def _fold(value: str | None) -> str:
    return _NOT_WORD.sub("", value.casefold()) if value else ""


def _parse_wos(text: str) -> CitedReference:
    ref = CitedReference(raw=text)
    body = text
    match = _WOS_DOI.search(body)
    if match:
        ref.doi = _first_wos_doi(body[match.end():])
        body = body[:match.start()]
    # Split on "," rather than ", ": old CR lines omit the space ("SMITH J,1974,PHYS REV").
    parts = [p for p in (p.strip() for p in body.split(",")) if p]
    i = 0
    if parts and not _YEAR.match(parts[0]):
        author = parts[0]
        ref.first_author = None if author.casefold() in _ANONYMOUS or not author else author
        i = 1
    if i < len(parts) and _YEAR.match(parts[i]):
        ref.year = int(parts[i])
        i += 1
    elif i < len(parts) and _YEAR_SOURCE.match(parts[i]):
        # A few CR lines lose the comma after the year ("Balamurugan N., 2016 CHIN SEM TECHN").
        found = _YEAR_SOURCE.match(parts[i])
        ref.year, ref.source = int(found.group(1)), found.group(2)
        i += 1
    for part in parts[i:]:
        if part.startswith("Patent No."):
            ref.source = part  # the number identifies a patent; other parts are noise
            break
        volume, page = _WOS_VOLUME.match(part), _WOS_PAGE.match(part)
        if volume and ref.volume is None:
            ref.volume = volume.group(1)
        elif page and ref.page is None:
            ref.page = page.group(1)
        elif ref.source is None and ref.volume is None and ref.page is None and part:
            ref.source = part
    return ref


def _first_wos_doi(rest: str) -> str | None:
    # "DOI [10.1/a, DOI 10.1/b]" lists alternatives; a DOI may itself hold brackets
    # ("10.1641/0006-3568(2001)051[0341:LNDATS]2.0.CO;2"), so only the outer pair is removed.
    rest = rest.strip()
    if rest.startswith("[") and rest.endswith("]"):
        rest = rest[1:-1]
    first = rest.split(", ")[0].strip()
    if first[:4].upper() == "DOI ":
        first = first[4:]
    return normalise_doi(first)


def _parse_scopus(text: str) -> CitedReference:
    ref = CitedReference(raw=text)
    found = _ANY_DOI.search(text)
    if found:
        ref.doi = normalise_doi(found.group(0).rstrip(".)]"))
    ref.first_author = _scopus_first_author(text)
    end = _SCOPUS_YEAR_END.search(text)
    if end:  # newer layout: "Authors, Title, Journal, 5, 2, pp. 10-20, (2019)"
        ref.year = int(end.group(1))
        _scopus_tail_parts(ref, text[:end.start()])
        return ref
    middle = _SCOPUS_YEAR.search(text)
    if middle:  # older layout: "Authors, Title (2019) Journal, 5 (2), pp. 10-20"
        ref.year = int(middle.group(1))
        _scopus_source_parts(ref, text[middle.end():])
    return ref


def _scopus_first_author(text: str) -> str | None:
    if text.startswith("("):
        return None
    parts = text.split(", ")
    if len(parts) > 1 and _INITIALS.match(parts[1]) and len(parts[0]) < 60:
        return f"{parts[0]} {parts[1].replace(' ', '')}"  # "Smith, J." -> "Smith J."
    if _NAME_WITH_INITIALS.match(parts[0]):
        return parts[0]  # older Scopus: "Smith J."
    return None


def _scopus_source_parts(ref: CitedReference, after: str) -> None:
    names: list[str] = []
    for part in after.strip().rstrip(".").split(", "):
        part = part.strip()
        volume, pages = _SCOPUS_VOLUME.match(part), _SCOPUS_PAGES.match(part)
        if pages:
            ref.page = pages.group(1)
            break  # what follows ("IEEE Press") is publisher or note
        if volume and names:
            ref.volume = volume.group(1)
        elif not part or ref.volume is not None:
            break  # ", , Publisher" ends the source
        else:
            names.append(part)
    ref.source = ", ".join(names) or None


def _scopus_tail_parts(ref: CitedReference, body: str) -> None:
    parts = [p.strip() for p in body.rstrip(".").split(", ")]
    if parts and _SCOPUS_PAGES.match(parts[-1]):
        ref.page = _SCOPUS_PAGES.match(parts.pop()).group(1)
    numbers = []
    while parts and _NUMBER.match(parts[-1]) and len(numbers) < 2:
        numbers.insert(0, parts.pop())
    if numbers:
        ref.volume = numbers[0]  # "5, 2": volume then issue
    authors = _leading_author_parts(parts)
    rest = parts[authors:]
    if rest:
        ref.source = rest[-1] or None


def _leading_author_parts(parts: list[str]) -> int:
    count = 0
    while count + 1 < len(parts) and _INITIALS.match(parts[count + 1]):
        count += 2
    return count
