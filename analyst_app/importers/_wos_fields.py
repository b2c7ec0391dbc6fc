"""Turn one Web of Science record (two-letter tag → raw value) into a PublicationRecord.

Shared by the plain-text, tab-delimited and Excel importers. Plain text gives list
fields one item per line (``AU``, ``AF``, ``C1``, ``CR`` ...) and wraps long values
onto continuation lines; tab-delimited and Excel give every field on one line with
items separated by ``"; "``.
"""

from __future__ import annotations

import dataclasses
import re

from analyst_app.domain.identifiers import normalise_doi, normalise_ut
from analyst_app.domain.records import Address, Author, PublicationRecord
from analyst_app.importers._wos_names import Byline, link_identifiers, mark_corresponding

#: Separator of the lines of one plain-text value as the plain-text reader hands them on
#: (it stands for a newline and the continuation indent; it never occurs in WoS text).
LINE_SEP = "\x1f"

#: Tags whose plain-text value holds one item per line (not a wrapped text).
LINE_ITEM_TAGS = frozenset({"AU", "AF", "BA", "BF", "BE", "CA", "GP", "C1", "CR"})

#: Tags never stored: file header, record and file ends.
CONTROL_TAGS = frozenset({"FN", "VR", "ER", "EF"})

#: Tags mapped onto PublicationRecord attributes (everything else goes to ``extra``).
_CONSUMED = frozenset({
    "TI", "DI", "UT", "PM", "PY", "DT", "LA", "SO", "J9", "VL", "IS", "BP", "EP", "AR",
    "PU", "SN", "EI", "AB", "AU", "AF", "C1", "RP", "EM", "DE", "ID", "WC", "SC", "CR",
    "NR", "TC", "HC", "HP", "FU", "FX", "OA", "OI", "RI",
}) | CONTROL_TAGS

_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ENTITY_STARTS = ("amp;", "lt;", "gt;", "quot;", "apos;", "#")
_YEAR_IN = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_US_STATE_ZIP = " USA"
_FLAGS = {"Y": True, "N": False, "YES": True, "NO": False}


def unescape_entities(text: str) -> str:
    """Replace the HTML entities WoS leaves in exports (``&amp;`` in ``WE``/``C1``).

    Only entities closed by ``;`` are replaced, unlike :func:`html.unescape`, which also
    turns ``&para`` in "R&paradigm" into a pilcrow.
    """
    # Most "&" are plain ("Sci & Technol"): find them at memchr speed and run the regular
    # expression only when one starts an entity.
    start = text.find("&")
    while start >= 0:
        if text.startswith(_ENTITY_STARTS, start + 1):
            return _ENTITY.sub(_entity, text)
        start = text.find("&", start + 1)
    return text


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] != "#":
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if 0 < code < 0x110000 else match.group(0)


#: PublicationRecord's fields in order, as build_record passes them positionally.
_RECORD_FIELDS = (
    "source", "source_line", "title", "title_en", "doi", "ut", "eid", "pmid", "year",
    "doc_type", "language", "source_title", "source_abbrev", "volume", "issue", "begin_page",
    "end_page", "article_number", "publisher", "issn", "eissn", "abstract", "authors",
    "addresses", "reprint_address", "emails", "keywords_author", "keywords_plus", "categories",
    "research_areas", "cited_references", "cited_reference_count", "times_cited",
    "highly_cited", "hot_paper", "funding", "open_access", "extra",
)
if tuple(f.name for f in dataclasses.fields(PublicationRecord)) != _RECORD_FIELDS:
    raise ImportError("PublicationRecord's fields changed: update _RECORD_FIELDS and "
                      "build_record in analyst_app/importers/_wos_fields.py")

#: Single-valued tags read as text, in the order :func:`build_record` unpacks them.
_SCALARS = ("TI", "PM", "DT", "LA", "SO", "J9", "JI", "VL", "IS", "BP", "EP", "AR", "PU", "SN",
            "EI", "AB", "OA", "RP", "FU", "FX")
#: ``"; "``-separated list tags, in unpacking order: their values differ from record to
#: record, and those of :data:`_SHARED_LISTS` repeat.
_LISTS = ("EM", "DE", "ID")
_SHARED_LISTS = ("WC", "SC")
#: A ``_SHARED_LISTS`` value → its items (see :func:`_split_list`).
_SPLIT_LISTS: dict[str, tuple[str, ...]] = {}
_SPLIT_LISTS_MAX = 4096


def build_record(fields: dict[str, str], source_line: int, *, by_line: bool,
                 references: list[str] | None = None) -> PublicationRecord:
    """Build a :class:`PublicationRecord` from one WoS record's tagged values.

    Parameters
    ----------
    fields : dict
        Two-letter tag → raw value as read (entities already unescaped). Empty values
        may be present and count as absent.
    source_line : int
        1-based line (or sheet row) where the record starts.
    by_line : bool
        ``True`` for plain text: values hold their lines separated by :data:`LINE_SEP`;
        the items of :data:`LINE_ITEM_TAGS` are one per line, other values are wrapped
        text. ``False`` for tab-delimited and Excel: list items are separated by ``"; "``
        on one line.
    references : list of str, optional
        The ``CR`` value already split into its lines (the plain-text reader cuts them
        out of the record at once); ``fields["CR"]`` is then ignored.

    Returns
    -------
    PublicationRecord
        ``source="wos"``. A record with neither title nor UT is returned as is; the
        caller decides to skip it.
    """
    get = fields.get
    # One comprehension for all single values: this runs for every record of a 500k corpus,
    # and a call per field would cost more than the work itself.
    (ti, pm, dt, la, so, j9, ji, vl, is_, bp, ep, ar, pu, sn, ei, ab, oa, rp, fu,
     fx) = [None if not v else (v.strip() or None) if LINE_SEP not in v else _text(v)
            for v in map(get, _SCALARS)]
    em, de, id_ = [_list(v) if v else [] for v in map(get, _LISTS)]
    # Categories and research areas repeat from record to record: split each text once.
    wc, sc = [list(_SPLIT_LISTS.get(v) or _split_list(v)) if v else []
              for v in map(get, _SHARED_LISTS)]
    if references is not None:
        cited = list(filter(None, map(str.strip, references)))
    else:
        cr = get("CR")
        cited = (_lines(cr) if by_line else split_references(cr)) if cr else []
    hc, hp = get("HC"), get("HP")
    # Positional: a keyword call costs twice as much; _RECORD_FIELDS guards the order.
    rec = PublicationRecord(
        "wos", source_line, ti or "", None, _doi(get("DI")), normalise_ut(get("UT")), None, pm,
        _year(get("PY")) or _year_in(get("EA")), dt, la, so, j9 or ji, vl, is_, bp, ep, ar,
        pu, sn, ei, ab, [], [], rp, em, de, id_, wc, sc,
        cited,
        _int(get("NR")), _int(get("TC")),
        _FLAGS.get(hc.strip().upper()) if hc else None,
        _FLAGS.get(hp.strip().upper()) if hp else None,
        f"{fu}\n{fx}" if fu and fx else fu or fx, oa, {},
    )
    _authors_and_addresses(rec, fields, by_line)
    _extra(rec, fields, by_line)
    return rec


def _text(value: str | None) -> str | None:
    """A single value: its lines joined with one space, stripped, '' → None."""
    if not value:
        return None
    if LINE_SEP in value:
        return " ".join(filter(None, map(str.strip, value.split(LINE_SEP)))) or None
    return value.strip() or None


def _lines(value: str) -> list[str]:
    """Plain-text items, one per line (stripping returns clean items unchanged, unallocated)."""
    return list(filter(None, map(str.strip, value.split(LINE_SEP))))


def _list(value: str) -> list[str]:
    """A ``"; "``-separated list (DE, ID, WC, SC, EM), wrapped or not."""
    if LINE_SEP in value:
        value = " ".join(filter(None, map(str.strip, value.split(LINE_SEP))))
    else:
        value = value.strip()
    if not value:
        return []
    items = value.split("; ")
    if value.count(";") == len(items) - 1 and value[-1] != ";":
        return items  # the usual layout, split in C
    return list(filter(None, map(str.strip, value.split(";"))))


def _split_list(value: str) -> tuple[str, ...]:
    """``_list(value)`` as a tuple, remembered in ``_SPLIT_LISTS`` (records get a list copy)."""
    if len(_SPLIT_LISTS) >= _SPLIT_LISTS_MAX:
        _SPLIT_LISTS.clear()
    items = _SPLIT_LISTS[value] = tuple(_list(value))
    return items


def _items(tag: str, value: str | None, by_line: bool) -> list[str]:
    if not value:
        return []
    if by_line:
        return _lines(value)
    if tag == "C1":
        return split_addresses(value)
    if tag == "CR":
        return split_references(value)
    return list(filter(None, map(str.strip, value.split("; "))))


def _doi(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    # WoS writes DI bare ("10.1016/j.x.2020.01.001"): lower-case it without the regexes
    # of normalise_doi unless it has a prefix, a space or a trailing period.
    if value[:3] == "10." and value[3:4].isdigit() and " " not in value and "/" in value \
            and value[-1] != ".":
        return value.lower()
    return normalise_doi(value)


def split_addresses(value: str) -> list[str]:
    """Split a one-line ``C1`` value (``[A; B] Addr 1; [C] Addr 2``) into address entries.

    The bracketed author lists contain ``"; "`` themselves, so separators inside
    brackets are not splits.
    """
    if "[" not in value:
        return [p.strip() for p in value.split("; ") if p.strip()]
    out: list[str] = []
    depth = 0
    for part in value.split("; "):
        if depth > 0 and out:
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
        depth += part.count("[") - part.count("]")
        depth = max(depth, 0)
    return [p.strip() for p in out if p.strip()]


def split_references(value: str) -> list[str]:
    """Split a one-line ``CR`` value into references.

    References are joined by ``"; "`` and nothing else. A reference rarely contains
    ``"; "`` itself; when it does, it is inside a ``DOI [a, b]`` list or it is a DOI
    continuation, so a part that starts with ``DOI`` or follows an unclosed ``[`` is
    glued back to the previous one.
    """
    parts = value.split("; ")
    out: list[str] = []
    depth = 0
    for part in parts:
        if out and (depth > 0 or part.startswith("DOI ")):
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
        depth = max(0, out[-1].count("[") - out[-1].count("]"))
    return [p.strip() for p in out if p.strip()]


def _int(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(value.strip())
    except ValueError:
        try:
            return int(float(value.strip()))
        except ValueError:
            return None


def _year(value: str | None) -> int | None:
    year = _int(value)
    return year if year and 1000 < year < 3000 else None


def _year_in(value: str | None) -> int | None:
    """The year in an early-access date (``EA JUN 2025``)."""
    if not value:
        return None
    found = _YEAR_IN.findall(value)
    return int(found[-1]) if found else None


def parse_address(entry: str) -> tuple[list[str] | None, Address]:
    """Split one C1 entry into its bracketed author names (``None`` if none) and an Address.

    ``[Zhang, Wei; Li, Na] Dalian Univ Technol, Sch Chem, Dalian 116024, Peoples R China.``
    gives ``["Zhang, Wei", "Li, Na"]`` and the address without the brackets or the final
    period; the organisation is the first comma part and the country the last, with
    ``USA`` for the US "state zip USA" form (``Stanford, CA 94305 USA``).
    """
    names = None
    text = entry
    if text[:1] == "[":
        end = text.find("]")
        if end > 0:
            names = text[1:end].split("; ")
            if text.count(";", 0, end) != len(names) - 1:
                names = list(filter(None, map(str.strip, text[1:end].split(";"))))
            text = text[end + 1:]
    text = text.strip().rstrip(". ")
    comma = text.find(",")
    if comma < 0:
        return names, Address(text, text or None, None)
    country = text[text.rfind(",") + 1:].strip()
    if country.endswith(_US_STATE_ZIP):
        country = "USA"
    return names, Address(text, text[:comma].strip() or None, country or None)


def _authors_and_addresses(rec: PublicationRecord, fields: dict[str, str], by_line: bool) -> None:
    get = fields.get
    value = get("AF")
    full = (_lines(value) if by_line else _items("AF", value, False)) if value else []
    value = get("AU")
    short = (_lines(value) if by_line else _items("AU", value, False)) if value else []
    if not full and not short:  # whole books list their authors under BA/BF only
        full = _items("BF", get("BF"), by_line)
        short = _items("BA", get("BA"), by_line)
    if not full:
        full = short
    if len(short) == len(full):
        authors = list(map(Author, full, short))
    else:
        authors = [Author(name, short[i] if i < len(short) else name)
                   for i, name in enumerate(full)]
    rec.authors = authors
    entries = _items("C1", get("C1"), by_line)
    if entries:
        _link_addresses(rec, authors, full, entries)
    orcids, researcher_ids = get("OI"), get("RI")
    if not authors or not (orcids or researcher_ids or rec.reprint_address):
        return
    byline = Byline(authors, full, short if len(short) == len(full) else None)
    for tag, value, attr in (("OI", orcids, "orcid"), ("RI", researcher_ids, "researcher_id")):
        if value:
            value = _text(value)
            if value and not link_identifiers(byline, value, attr):
                rec.extra[tag] = value  # keep what could not be linked
    if rec.reprint_address:
        mark_corresponding(byline, rec.reprint_address, rec.addresses)


def _link_addresses(rec: PublicationRecord, authors: list[Author], full: list[str],
                    entries: list[str]) -> None:
    if len(entries) == 1:
        names, address = parse_address(entries[0])
        if names == full and len(set(full)) == len(full):
            # Usual case: one address for the whole byline, authors named as in AF.
            rec.addresses.append(address)
            for author in authors:
                author.address_positions.append(0)
            return
    index = dict(zip(full, range(len(full))))
    folded: dict[str, list[int]] | None = None
    same_names = len(index) < len(authors)
    addresses = rec.addresses
    any_bracket = False
    for position, entry in enumerate(entries):
        names, address = parse_address(entry)
        addresses.append(address)
        if names is None:
            continue
        any_bracket = True
        for name in names:
            i = index.get(name)
            if i is not None and not same_names:
                authors[i].address_positions.append(position)
                continue
            if folded is None:  # case differs, or two authors share one name
                folded = {}
                for j, author in enumerate(authors):
                    folded.setdefault(author.full_name.casefold(), []).append(j)
            for j in folded.get(name.casefold(), ()):
                if position not in authors[j].address_positions:
                    authors[j].address_positions.append(position)
    if not any_bracket:
        # Records before about 2008 list addresses without author brackets: every author
        # is linked to every address, as WoS itself does in the full record view.
        for author in authors:
            author.address_positions = list(range(len(addresses)))


def _extra(rec: PublicationRecord, fields: dict[str, str], by_line: bool) -> None:
    extra = rec.extra
    # In the file's order, not a set's: the stored JSON is then the same in every process
    # (a set of strings iterates in an order that changes with the per-process hash seed).
    tags = [tag for tag in fields if tag not in _CONSUMED]
    values = list(map(fields.__getitem__, tags))
    if LINE_SEP in "".join(values):  # a wrapped value: joined by _extra_text
        extra.update({tag: value.strip() if LINE_SEP not in value
                      else _extra_text(tag, value, by_line)
                      for tag, value in zip(tags, values) if value})
    else:  # the usual one-line values, stripped in C
        extra.update(zip(tags, map(str.strip, values)))
    if "" in extra.values():
        for tag in [tag for tag, value in extra.items() if not value]:
            del extra[tag]
    if "JI" in extra and rec.source_abbrev == extra["JI"]:
        del extra["JI"]  # used as the abbreviation because J9 was absent


def _extra_text(tag: str, value: str, by_line: bool) -> str:
    if by_line and tag in LINE_ITEM_TAGS:
        return "; ".join(_lines(value))
    return _text(value) or ""
