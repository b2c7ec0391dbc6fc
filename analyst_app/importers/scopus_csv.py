"""Scopus CSV exports (English and Chinese interfaces, all layouts since c. 2015) → publication records.

Layouts seen in real exports:

* current: every field quoted, "Author full names" with IDs (``Zhang, Wei (57201234567)``),
  ``"; "`` between authors;
* 2020-22: no "Author full names", "Funding Text 1..10" columns, unquoted header,
  authors as ``Govil N., Sharma A.``;
* c. 2015: authors as ``Pan, Y., Yu, C.``, no "Author(s) ID";
* author-profile export from the Chinese interface (作者, 作者 ID, 标题, 年份, ...).

Files that went through a spreadsheet keep a BOM, get CRLF, ``;;;;`` at the end of the
header, empty padding columns or ``;`` as the delimiter; all are read. A row can span
several physical lines (multi-line abstracts), so the csv module reads the file object and
each record's ``source_line`` is the line where its row starts. A broken quote makes the
csv module swallow following lines into one row, or shift a row's fields: such a row is
detected (it spans lines with the wrong number of fields, runs on for more than
:data:`MAX_ROW_LINES` lines, has more fields than the header, or its Year, "Cited by" or
EID cell is not what that column holds), reported as a :class:`Problem` at its first
line and skipped, and reading resumes at the line after that one, so the rows it
swallowed are kept.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from analyst_app.domain.identifiers import normalise_doi, normalise_eid
from analyst_app.domain.records import PublicationRecord
from analyst_app.errors import InputError
from analyst_app.importers import _scopus_authors as names
from analyst_app.importers.encoding import first_undecodable_line
from analyst_app.importers._scopus_columns import map_header, score_header, sniff_delimiter
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile, Problem

FORMAT_ID = "scopus_csv"
VERSION = "1.0"

#: A row spanning more physical lines than this is a broken quote, not an abstract.
MAX_ROW_LINES = 1000
#: Largest field accepted (the csv default of 128 KiB is below some "References" cells).
FIELD_LIMIT = 32 * 1024 * 1024

_YEAR = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d+$")
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dXx])$")
# Keys mapped to a PublicationRecord attribute; every other known column goes to ``extra``.
_FIELDS = frozenset({
    "authors", "author_full_names", "author_ids", "title", "year", "source_title", "volume",
    "issue", "article_number", "page_start", "page_end", "cited_by", "doi", "affiliations",
    "authors_with_affiliations", "abstract", "author_keywords", "index_keywords",
    "funding_details", "references", "correspondence", "publisher", "issn", "pubmed_id",
    "language", "abbrev_source_title", "document_type", "open_access", "eid",
})


class _RowTooLong(Exception):
    """Raised from the line source when one CSV row swallows too many lines."""


class _Lines:
    """The file's physical lines as the csv reader pulls them, replayable after a broken row.

    The csv reader asks for exactly the lines of one row, so ``row`` holds the lines of the
    row being read and ``line_no`` the number of the last line handed out.
    """

    def __init__(self, handle) -> None:
        self._handle = handle
        self._pending: deque[str] = deque()
        self.line_no = 0
        self.row: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._pending.popleft() if self._pending else next(self._handle)
        self.line_no += 1
        self.row.append(line)
        if len(self.row) > MAX_ROW_LINES:
            raise _RowTooLong
        return line

    def replay_after_first(self) -> None:
        """Hand out again every line of the current row but its first."""
        again = self.row[1:]
        self._pending.extendleft(reversed(again))
        self.line_no -= len(again)
        self.row = []


def detect_scopus_csv(head: FileHead) -> float:
    """Score how surely ``head`` is a Scopus CSV export, from its header names (never raises)."""
    try:
        first = next((line for line in head.lines if line.strip()), "")
        return score_header(first)
    except Exception:  # detectors never raise
        return 0.0


def read_scopus_csv(path: Path, encoding: str) -> ParsedFile:
    """Read a Scopus CSV export as a stream of :class:`PublicationRecord`.

    Parameters
    ----------
    path : Path
        The CSV export.
    encoding : str
        Its text encoding (from :func:`~analyst_app.importers.encoding.detect_encoding`).

    Returns
    -------
    ParsedFile
        ``kind="publications"``; ``records`` is a generator that reads the file as it is
        consumed, counting ``rows_read``, advancing ``fraction``, appending a
        :class:`Problem` per skipped row and, at the end, setting ``warnings`` and
        ``details`` (``records``, ``authors``, ``addresses``, ``cited_references``,
        ``with_doi``).

    Raises
    ------
    InputError
        From the generator, with file and line: the file is not text in ``encoding``, has
        no Scopus header (no Title column), or no row of it could be read.
    """
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.records = _records(Path(path), encoding, parsed)
    return parsed


@dataclass(frozen=True)
class _Layout:
    """Where each kind of column is, worked out once from the header."""

    keys: list[str | None]
    delimiter: str
    width: int
    header_line: int
    fields: list[tuple[int, str]]
    funding: list[int]
    extra: list[tuple[int, str]]
    checks: list[tuple[int, re.Pattern | str]]


def _records(path: Path, encoding: str, parsed: ParsedFile) -> Iterator[PublicationRecord]:
    name = str(path)
    if encoding == "binary":
        raise InputError("the file is binary, not a Scopus CSV export", file=name, line=1)
    size = max(path.stat().st_size, 1)
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    totals = dict.fromkeys(("records", "authors", "addresses", "cited_references", "with_doi"), 0)
    seen = {"references": False, "affiliations": False, "unlinked": 0}
    with open(path, encoding=encoding, newline="") as handle:
        lines = _Lines(handle)
        try:
            layout = _read_header(lines, name)
            for start, cells in _rows(lines, layout, parsed):
                record = _record(cells, layout, start, seen)
                _count(record, totals)
                if totals["records"] % 256 == 0:
                    parsed.fraction = min(handle.buffer.tell() / size, 1.0)
                yield record
        except UnicodeDecodeError as exc:
            raise InputError(f"the file is not valid {encoding} text ({exc.reason}); it may be "
                             "binary or in another encoding", file=name,
                             line=first_undecodable_line(path, encoding)) from exc
    if totals["records"] == 0:
        first = parsed.problems[0] if parsed.problems else None
        raise InputError("no Scopus record could be read from this file"
                         + (f" ({first.message})" if first else ""),
                         file=name, line=first.line if first else layout.header_line + 1)
    parsed.fraction = 1.0
    parsed.details = totals
    parsed.warnings = _warnings(layout.keys, totals, seen)


def _rows(lines: _Lines, layout: _Layout, parsed: ParsedFile) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line, cells)`` of every sound data row; report and skip broken ones."""
    reader = csv.reader(lines, delimiter=layout.delimiter)
    broken_until = 0
    while True:
        lines.row = []
        start = lines.line_no + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (_RowTooLong, csv.Error) as exc:
            detail = str(exc) or f"the row runs on for more than {MAX_ROW_LINES} lines"
            reason = f"a quote is not closed ({detail})"
        else:
            if not (cells and cells[0]) and not any(cells):
                continue  # blank line or spreadsheet padding row
            reason = _broken(cells, len(lines.row), layout)
        if not reason:
            parsed.rows_read += 1
            yield start, cells
            continue
        if start > broken_until:  # rows inside a reported broken row are reported with it
            parsed.problems.append(Problem(start, f"row skipped: {reason}"))
            parsed.rows_read += 1
        if len(lines.row) > 1:  # re-read what the broken row swallowed
            broken_until = lines.line_no
            lines.replay_after_first()
            reader = csv.reader(lines, delimiter=layout.delimiter)


def _read_header(lines: _Lines, name: str) -> _Layout:
    for line in lines:
        if line.strip().strip(",;\t"):
            break
    else:
        raise InputError("the file is empty", file=name, line=1)
    delimiter = sniff_delimiter(line)
    keys, _ = map_header(next(csv.reader([line], delimiter=delimiter)))
    if "title" not in keys:
        shown = line.strip()[:80]
        raise InputError(f"not a Scopus CSV export: the header has no Title/标题 column "
                         f"(first line: {shown!r})", file=name, line=lines.line_no)
    # Cells whose content is predictable show when a row's fields have shifted.
    typed = {"year": _YEAR, "cited_by": _DIGITS, "eid": "2-s2.0-"}
    return _Layout(
        keys=keys, delimiter=delimiter, header_line=lines.line_no,
        # Width without the empty padding columns a spreadsheet appends.
        width=max(i for i, key in enumerate(keys) if key is not None) + 1,
        fields=[(i, k) for i, k in enumerate(keys) if k in _FIELDS],
        funding=[i for i, k in enumerate(keys) if k == "funding_text"],
        extra=[(i, k.removeprefix("extra:")) for i, k in enumerate(keys)
               if k is not None and k not in _FIELDS and k != "funding_text"],
        checks=[(i, typed[k]) for i, k in enumerate(keys) if k in typed],
    )


def _broken(cells: list[str], physical: int, layout: _Layout) -> str | None:
    filled, width = len(cells), layout.width
    if filled != width or physical > 1:  # the usual row has exactly the header's width
        while filled and not cells[filled - 1].strip():
            filled -= 1
    if filled > width:
        return (f"it has {filled} fields but the header has {width} (a stray separator or "
                "an unclosed quote)")
    if physical > 1 and filled != width:
        return (f"a quote is not closed: the row runs over {physical} lines and has {filled} "
                f"fields instead of {width}")
    for i, check in layout.checks:
        value = cells[i].strip().rstrip(";") if i < filled else ""
        if isinstance(check, str):  # the EID: Scopus writes one for every record
            if not value.startswith(check):
                return (f"its EID is {value[:30]!r}: a quote or separator is misplaced, "
                        "so its fields have shifted")
        elif value and not check.match(value):
            return (f"its fields have shifted ({value[:30]!r} is in the wrong column): "
                    "a quote or separator is misplaced")
    return None


def _record(cells: list[str], layout: _Layout, start: int, seen: dict) -> PublicationRecord:
    n = len(cells)
    values = {key: v for i, key in layout.fields if i < n and (v := cells[i].strip())}
    extra = {key: v for i, key in layout.extra if i < n and (v := cells[i].strip())}
    funding = [v for i in layout.funding if i < n and (v := cells[i].strip())]
    get = values.get
    if "eid" in values:  # a spreadsheet's ';;;;' tail sticks to the last cell
        values["eid"] = values["eid"].rstrip(";")
    authors = names.build_authors(get("authors", ""), get("author_full_names", ""),
                                  get("author_ids", ""))
    affiliations = names.split_affiliations(get("affiliations", ""))
    if affiliations or "authors_with_affiliations" in values:
        seen["affiliations"] = True
    if "authors_with_affiliations" in values:
        seen["unlinked"] += names.link_affiliations(authors, affiliations,
                                                    values["authors_with_affiliations"])
    year, cited_by, pmid = get("year", ""), get("cited_by", ""), get("pubmed_id", "")
    record = PublicationRecord(
        source="scopus", source_line=start, title=get("title", ""),
        doi=normalise_doi(get("doi")), eid=normalise_eid(get("eid")),
        pmid=pmid if pmid.isdecimal() else None,
        year=int(year) if _YEAR.match(year) else None,
        doc_type=get("document_type"), language=get("language"),
        source_title=get("source_title"), source_abbrev=get("abbrev_source_title"),
        volume=get("volume"), issue=get("issue"), begin_page=get("page_start"),
        end_page=get("page_end"), article_number=get("article_number"),
        publisher=get("publisher"), issn=_issn(get("issn")), abstract=get("abstract"),
        authors=authors, addresses=[names.make_address(a) for a in affiliations],
        keywords_author=_split(get("author_keywords")),
        keywords_plus=_split(get("index_keywords")),
        cited_references=split_references(get("references", "")),
        times_cited=int(cited_by) if cited_by.isdecimal() else None,  # not isdigit: "²"
        funding="\n".join(filter(None, [get("funding_details"), *funding])) or None,
        open_access=get("open_access"), extra=extra,
    )
    if record.cited_references:
        seen["references"] = True
    if "correspondence" in values:
        _correspondence(record, values["correspondence"])
    return record


def _correspondence(record: PublicationRecord, value: str) -> None:
    name, address, emails = names.parse_correspondence(names.fix_entities(value))
    names.mark_corresponding(record.authors, name)
    record.reprint_address = f"{name}; {address}" if address else name
    record.emails = emails


def split_references(value: str) -> list[str]:
    """Split the Scopus "References" cell into one string per cited reference.

    References are separated by ``"; "``. A piece starting with ``[`` (the
    ``[doi] [Medline: 24648481]`` tails some publishers add) belongs to the reference
    before it and is joined back, so no text is lost and no fake reference is made.
    """
    result: list[str] = []
    for piece in value.split("; "):
        piece = piece.strip()
        if not piece:
            continue
        if piece.startswith("[") and result:
            result[-1] = f"{result[-1]}; {piece}"
        else:
            result.append(piece)
    return result


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    return [part for piece in value.split(";") if (part := piece.strip())]


def _issn(value: str | None) -> str | None:
    # Scopus writes ISSNs without the hyphen ("00988472"); WoS and CNKI write "0098-8472".
    if not value:
        return None
    first = value.split(";")[0].strip()
    match = _ISSN.match(first)
    return f"{match[1]}-{match[2].upper()}" if match else first


def _count(record: PublicationRecord, totals: dict[str, int]) -> None:
    totals["records"] += 1
    totals["authors"] += len(record.authors)
    totals["addresses"] += len(record.addresses)
    totals["cited_references"] += len(record.cited_references)
    totals["with_doi"] += record.doi is not None


def _warnings(keys: list[str | None], totals: dict[str, int], seen: dict) -> list[str]:
    warnings = []
    if not seen["references"]:
        warnings.append("no cited references in this file: co-citation will not be available "
                        "(export again from Scopus with 'Include references')")
    if not seen["affiliations"]:
        warnings.append("no affiliations in this file: institution and collaboration "
                        "analyses will not include these records")
    if "author_full_names" not in keys and "author_ids" not in keys:
        warnings.append("authors are given only as surname and initials, without Scopus "
                        "author IDs: two authors sharing them cannot be told apart")
    if seen["unlinked"]:
        warnings.append(f"{seen['unlinked']} author-affiliation entries matched no affiliation "
                        "of their record; those authors are left without an address")
    if totals["records"] and not totals["with_doi"]:
        warnings.append("no record has a DOI: duplicates with other sources are found by "
                        "EID or title only")
    return warnings


SPEC = ImporterSpec(
    id=FORMAT_ID, label="Scopus CSV export", version=VERSION,
    detect=detect_scopus_csv, read=read_scopus_csv,
    streams_publications=True,
)
