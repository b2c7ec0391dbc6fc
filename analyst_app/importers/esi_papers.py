"""ESI "Highly Cited Papers" and "Hot Papers" exports (Documents view of Essential Science Indicators).

The layout is INFERRED, not copied from a real download (the project has no sample): ESI
downloads of the Documents view are CSV files with a title line naming the filter and what
is shown, a header row, one row per paper and a copyright footer::

    Indicators Results List: Documents   Filter Results By: Institutions   Filter Value(s): DALIAN UNIVERSITY OF TECHNOLOGY   Show: Highly Cited Papers
    "Accession Number","DOI","PMID","Article Name","Authors","Source","Research Field","Times Cited","Countries","Addresses","Institutions","Publication Date"
    "WOS:000512345600001","10.1016/j.cej.2020.123456","","TITLE","WANG, L;LI, X","CHEM ENG J 385: 123456 2020","ENGINEERING","412","CHINA MAINLAND;USA","...","...","2020"
    Copyright © 2025 Clarivate

Reasonable variants are read too: .xlsx workbooks with the same rows, UTF-8 with BOM or
GB18030, header spelling and case variants ("Article Title", "UT", "Times cited"), no
title line. Whether the papers are highly cited or hot comes from the title line; failing
that from a per-row column ("Highly Cited Paper" / "Hot Paper" Y/N, or "Paper Type"); a file
that says neither (ESI "Top Papers") is stored as kind ``top`` with a warning.

A paper list is all-or-nothing, like the ESI ranking lists: a skipped row would make that
paper look "new" in the next release's push list. So any malformed row rejects the file,
naming its line (the sheet row for workbooks). The table reader here is shared with the
ESI journal list importer.
"""

from __future__ import annotations

import csv
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyst_app.domain.esi_fields import normalise_field
from analyst_app.domain.identifiers import normalise_doi, normalise_ut
from analyst_app.errors import InputError
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile
from analyst_app.importers.encoding import decode_text, first_undecodable_line

FORMAT_ID = "esi_papers"
VERSION = "1.0"

#: Paper kinds: ESI highly cited paper, hot paper, or "top paper" (either; the file did not say).
KINDS = ("hcp", "hot", "top")

_ZIP_MAGIC = b"PK\x03\x04"
_DETECT_BYTES = 256 * 1024
_FOOTER = re.compile(r"^\W*Copyright\b", re.IGNORECASE)
_WOS_UT = re.compile(r"^WOS:[0-9A-Z]{15}$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
#: List cells (authors, countries, addresses, institutions) are separated by ';' in ESI.
_LIST_SEP = re.compile(r"\s*;\s*")

#: Column → header spellings (compared after :func:`header_key`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "ut": ("accession number", "accession no", "ut", "ut (unique wos id)", "wos accession number",
           "accession"),
    "doi": ("doi",),
    "pmid": ("pmid", "pubmed id"),
    "title": ("article name", "article title", "title", "document title"),
    "authors": ("authors", "author"),
    "source": ("source", "source title", "journal"),
    "field": ("research field", "research fields", "esi field", "field"),
    "times_cited": ("times cited", "cites", "citations", "times cited (esi)"),
    "countries": ("countries", "countries/regions", "countries/territories", "country/region"),
    "addresses": ("addresses", "address"),
    "institutions": ("institutions", "institution", "organizations", "organisations"),
    "date": ("publication date", "pub date", "publication year", "year", "published"),
    "is_hcp": ("highly cited paper", "highly cited", "hcp"),
    "is_hot": ("hot paper", "hot", "hp"),
    "paper_type": ("paper type", "top paper type", "type"),
}
_TRUE = {"y", "yes", "true", "1", "x", "是", "√"}


@dataclass(frozen=True)
class EsiPaperRow:
    """One paper of an ESI highly cited / hot papers list (lists are ';'-split tuples)."""

    source_line: int
    kind: str
    ut: str | None
    doi: str | None
    pmid: str | None
    title: str
    authors: tuple[str, ...]
    source: str
    field: str | None
    times_cited: int | None
    countries: tuple[str, ...]
    addresses: tuple[str, ...]
    institutions: tuple[str, ...]
    publication_date: str
    year: int | None


# ---------------------------------------------------------------------------------------
# Table reading shared with the journal list: CSV or XLSX → numbered rows of cell strings.

def header_key(cell: object) -> str:
    """Return a header cell folded for matching: no BOM or quotes, lower case, single spaces."""
    text = str(cell or "").replace("\ufeff", "").strip().strip('"').strip().rstrip(".:")
    return " ".join(text.lower().split())


def xlsx_strings(head: FileHead) -> str:
    """Return the start of an .xlsx file's shared strings (or first sheet), ``""`` if not a workbook.

    Detectors use it to look for header names without loading the workbook; never raises.
    """
    try:
        if not head.raw.startswith(_ZIP_MAGIC):
            return ""
        with zipfile.ZipFile(head.path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return ""
            member = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else next(
                (n for n in sorted(names) if n.startswith("xl/worksheets/sheet")), None)
            if member is None:
                return ""
            with archive.open(member) as stream:
                return stream.read(_DETECT_BYTES).decode("utf-8", "ignore")
    except Exception:  # detectors never raise
        return ""


def read_table(path: Path, encoding: str) -> tuple[list[tuple[int, list[str]]], str]:
    """Read a CSV or .xlsx file as numbered rows of stripped cell strings.

    Returns
    -------
    (list of (int, list of str), str)
        ``(line or sheet row, cells)`` for every row that is not blank, and the encoding
        (``"xlsx"`` for workbooks).

    Raises
    ------
    InputError
        When the text does not decode, a CSV row is malformed, or the workbook is damaged.
    """
    name = str(path)
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic == _ZIP_MAGIC:
        return _xlsx_table(path), "xlsx"
    try:
        text, encoding = decode_text(path.read_bytes(), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} text (nor GB18030 or Windows-1252)", file=name,
                         line=first_undecodable_line(path, encoding)) from exc
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            # One line per row: ESI cells never span lines, so a line-wise reader keeps the
            # line numbers exact and a cut quote cannot swallow the rest of the file.
            cells = next(csv.reader([line], strict=True), [])
        except csv.Error as exc:
            raise InputError(f"malformed CSV row ({exc})", file=name, line=number) from exc
        rows.append((number, [c.replace("\ufeff", "").strip() for c in cells]))
    return rows, encoding


def _xlsx_table(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # imported on use: heavy, and only workbooks need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged archive
        raise InputError(f"cannot open the workbook: {exc}", file=str(path)) from exc
    try:
        rows = []
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append((number, cells))
        return rows
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores counts and years as floats
    return str(value).strip()


def find_header(rows: list[tuple[int, list[str]]], required: tuple[tuple[str, ...], ...],
                columns: dict[str, tuple[str, ...]], within: int = 5) -> tuple[int, dict[str, int]] | None:
    """Find the header among the first rows: the first with a column of each ``required`` group.

    Returns
    -------
    (int, dict) or None
        The header's index in ``rows`` and column key → cell index.
    """
    for index, (_, cells) in enumerate(rows[:within]):
        keys = [header_key(c) for c in cells]
        found: dict[str, int] = {}
        for key, spellings in columns.items():
            hit = next((keys.index(s) for s in spellings if s in keys), None)
            if hit is not None:
                found[key] = hit
        if all(any(k in found for k in group) for group in required):
            return index, found
    return None


# ---------------------------------------------------------------------------------------

_REQUIRED = (("ut", "doi"), ("title",))


def _title_kind(title: str) -> str | None:
    text = title.lower()
    hcp, hot = "highly cited" in text, "hot paper" in text
    if hcp != hot:
        return "hcp" if hcp else "hot"
    return None


def detect_esi_papers(head: FileHead) -> float:
    """Score how surely ``head`` is an ESI highly cited / hot papers export (never raises).

    Text files are judged by their header cells (an identifier, the article name and at
    least five known columns: the thresholds table also has 'Research Field' and
    'Institutions'); workbooks by the header names among their shared strings.
    """
    try:
        if head.encoding == "binary":
            low = xlsx_strings(head).lower()
            if ">accession number<" not in low or ">article name<" not in low:
                return 0.0
            titled = any(t in low for t in _TITLE_WORDS)
            return 0.95 if titled else 0.8
        lines = [line for line in head.lines[:6] if line.strip()]
        rows = [(i, [c.strip() for c in next(csv.reader([line]), [])])
                for i, line in enumerate(lines)]
        found = find_header(rows, _REQUIRED, COLUMNS)
        if found is None or len(found[1]) < 5 or not {"times_cited", "field"} & set(found[1]):
            return 0.0
        titled = found[0] > 0 and any(t in lines[0].lower() for t in _TITLE_WORDS)
        return 0.95 if titled else 0.85
    except Exception:  # detectors never raise
        return 0.0


_TITLE_WORDS = ("highly cited paper", "hot paper", "top paper", "results list: documents")


def read_esi_papers(path: Path, encoding: str) -> ParsedFile:
    """Read an ESI highly cited / hot papers export (CSV or .xlsx).

    Parameters
    ----------
    path : Path
        The export.
    encoding : str
        Its text encoding from detection (ignored for workbooks).

    Returns
    -------
    ParsedFile
        ``kind="esi_papers"``, ``records`` a list of :class:`EsiPaperRow` in file order
        (a row flagged both highly cited and hot gives one record of each kind);
        ``details``: ``paper_kind`` (``hcp``, ``hot``, ``top`` or ``mixed``), ``papers`` per
        kind, ``title`` (the title line, if any), ``footer`` and ``content_sha256`` (the
        fingerprint that refuses the same list under two release labels).

    Raises
    ------
    InputError
        With file and line: no header, a row cut short or garbled, an accession number
        that is not a WoS one, a non-numeric times cited, a row with neither accession
        number nor DOI, no papers, or a titled export without its copyright footer
        (truncated).
    """
    name = str(path)
    rows, encoding = read_table(path, encoding)
    if not rows:
        raise InputError("the file is empty", file=name)
    found = find_header(rows, _REQUIRED, COLUMNS)
    if found is None:
        raise InputError("no column header with 'Accession Number' (or 'DOI') and 'Article Name' "
                         "in the first lines: not an ESI highly cited / hot papers export",
                         file=name, line=rows[0][0])
    index, columns = found
    # The title line is one CSV cell (or a few, when it held commas): join them back.
    title = " ".join(" ".join(rows[0][1]).split()) if index > 0 else ""
    body, footer = _split_footer(rows[index + 1:], bool(title), name)
    file_kind = _title_kind(title)
    warnings: list[str] = []
    records = _parse_rows(body, columns, rows[index][1], file_kind, name)
    if not records:
        raise InputError("the list has no papers", file=name, line=rows[index][0] + 1)
    records, duplicates = _drop_duplicates(records)
    if duplicates:
        warnings.append(f"{duplicates} paper(s) listed twice were read once")
    kinds = sorted({r.kind for r in records})
    if "top" in kinds:
        warnings.append("the file does not say whether its papers are highly cited or hot "
                        "(ESI 'Top Papers'): stored as top papers; download 'Highly Cited Papers' "
                        "and 'Hot Papers' separately to tell them apart")
    if not footer:
        warnings.append("no 'Copyright ... Clarivate' footer: the file cannot be checked for "
                        "truncation")
    details = {"paper_kind": kinds[0] if len(kinds) == 1 else "mixed",
               "papers": {k: sum(r.kind == k for r in records) for k in kinds},
               "title": title, "footer": footer,
               "content_sha256": papers_fingerprint(records)}
    return ParsedFile(kind=FORMAT_ID, records=records, rows_read=len(body), encoding=encoding,
                      details=details, warnings=warnings)


def _split_footer(body: list[tuple[int, list[str]]], titled: bool,
                  name: str) -> tuple[list[tuple[int, list[str]]], str]:
    for i, (_, cells) in enumerate(body):
        if cells and _FOOTER.match(cells[0]):
            return body[:i], ",".join(c for c in cells if c)
    if titled:
        # An ESI download with its title line always ends with the copyright line.
        last = body[-1][0] if body else 0
        raise InputError(f"the file ends at line {last} without the 'Copyright ... Clarivate' "
                         "footer: it looks truncated; download the list again",
                         file=name, line=last or None)
    return body, ""


def _parse_rows(body: list[tuple[int, list[str]]], columns: dict[str, int], header: list[str],
                file_kind: str | None, name: str) -> list[EsiPaperRow]:
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    records: list[EsiPaperRow] = []
    bad: list[InputError] = []
    for number, cells in body:
        try:
            if len(cells) < width:
                raise InputError(f"expected {width} columns, found {len(cells)} (the row is cut "
                                 "short or garbled)", file=name, line=number)
            if any(cells[width:]):
                raise InputError(f"expected {width} columns, found {len(cells)} (an unquoted comma?)",
                                 file=name, line=number)
            records.extend(_paper(cells, number, columns, kind, name)
                           for kind in _row_kinds(cells, columns, file_kind))
        except InputError as exc:
            bad.append(exc)
    if bad:
        first = bad[0]
        more = f" (and {len(bad) - 1} more bad row(s))" if len(bad) > 1 else ""
        raise InputError(first.message + more, file=name, line=first.line)
    return records


def _row_kinds(cells: list[str], columns: dict[str, int], file_kind: str | None) -> list[str]:
    if file_kind is not None:
        return [file_kind]
    kinds = []
    if "is_hcp" in columns and cells[columns["is_hcp"]].strip().lower() in _TRUE:
        kinds.append("hcp")
    if "is_hot" in columns and cells[columns["is_hot"]].strip().lower() in _TRUE:
        kinds.append("hot")
    if "paper_type" in columns:
        text = cells[columns["paper_type"]].lower()
        kinds += [k for k, word in (("hcp", "highly cited"), ("hot", "hot")) if word in text
                  and k not in kinds]
    # A row the columns do not flag (or no such column) is a "top paper": highly cited or
    # hot, ESI does not say which (a lone "Hot Paper: N" does not prove highly cited).
    return kinds or ["top"]


def _paper(cells: list[str], number: int, columns: dict[str, int], kind: str,
           name: str) -> EsiPaperRow:
    def cell(key: str) -> str:
        return cells[columns[key]].strip() if key in columns else ""

    raw_ut, raw_doi = cell("ut"), cell("doi")
    ut = normalise_ut(raw_ut)
    if ut is not None and not _WOS_UT.match(ut):
        raise InputError(f"accession number {raw_ut!r} is not a Web of Science one "
                         "(WOS: and 15 characters)", file=name, line=number)
    doi = normalise_doi(raw_doi)
    if ut is None and doi is None:
        raise InputError("the row has neither an accession number nor a DOI", file=name,
                         line=number)
    title = cell("title")
    if not title:
        raise InputError("the article name is empty", file=name, line=number)
    cites_text = cell("times_cited").replace(",", "")
    try:
        times_cited = int(float(cites_text)) if cites_text else None
    except ValueError:
        raise InputError(f"times cited {cell('times_cited')!r} is not a number", file=name,
                         line=number) from None
    if times_cited is not None and times_cited < 0:
        raise InputError("times cited is negative", file=name, line=number)
    field = normalise_field(cell("field")) if cell("field") else None
    date = cell("date")
    year = _YEAR.search(date) or _YEAR.search(cell("source"))
    return EsiPaperRow(
        source_line=number, kind=kind, ut=ut, doi=doi, pmid=cell("pmid") or None, title=title,
        authors=_items(cell("authors")), source=cell("source"),
        field=field.name_en if field else (cell("field") or None), times_cited=times_cited,
        countries=_items(cell("countries")), addresses=_items(cell("addresses")),
        institutions=_items(cell("institutions")), publication_date=date,
        year=int(year.group(1)) if year else None)


def _items(text: str) -> tuple[str, ...]:
    return tuple(item for item in _LIST_SEP.split(text.strip()) if item) if text.strip() else ()


def paper_key(ut: str | None, doi: str | None) -> str:
    """Return the identity of a paper across releases: its UT, else ``doi:<DOI>``."""
    return ut or f"doi:{doi}"


def _drop_duplicates(records: list[EsiPaperRow]) -> tuple[list[EsiPaperRow], int]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for record in records:
        key = (record.kind, paper_key(record.ut, record.doi))
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept, len(records) - len(kept)


def papers_fingerprint(records: list[EsiPaperRow]) -> str:
    """Return a sha256 of a list's papers, independent of bytes, order, quoting and format.

    Times cited change from release to release, so two releases' lists differ even when
    the papers are the same; the same download saved twice (or as CSV and XLSX) hashes alike.
    """
    digest = hashlib.sha256(b"esi_papers")
    for key in sorted(f"{r.kind}|{paper_key(r.ut, r.doi)}|{r.times_cited}|{r.field}"
                      for r in records):
        digest.update(key.encode() + b"\n")
    return digest.hexdigest()


SPEC = ImporterSpec(
    id=FORMAT_ID, label="ESI highly cited / hot papers list", version=VERSION,
    detect=detect_esi_papers, read=read_esi_papers, needs_release=True,
)
