"""Web of Science tab-delimited exports and Excel "savedrecs" workbooks (.xlsx, legacy .xls).

Tab-delimited: a header of two-letter tags (``PT AU BA ... UT``), one record per line,
list items separated by ``"; "``. Real files are UTF-8 with a BOM or UTF-16, with LF
or CRLF; Core Collection and All Databases exports have different column sets; rows
usually carry one more (empty) field than the header names, from a trailing TAB.

Excel: one sheet ("savedrecs") with long column names ('Article Title',
'UT (Unique WOS ID)' ...) mapped to the same tags (:mod:`._wos_columns`), so both share
the converter of the plain-text importer. Workbooks are streamed row by row with
openpyxl's read-only mode; legacy .xls needs the optional ``xlrd`` package.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, Iterator

from analyst_app.domain.records import PublicationRecord
from analyst_app.errors import InputError
from analyst_app.importers._wos_columns import MARKERS, cell_text, tag_for_column
from analyst_app.importers._wos_fields import build_record, unescape_entities
from analyst_app.importers._wos_report import COUNTING_REPLACE, ImportTally, bad_characters
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile

VERSION = "1.0"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Bytes of a workbook's shared strings a detector reads (the header names come first).
_DETECT_BYTES = 256 * 1024
_TAG_SHAPE = re.compile(r"^[A-Z][A-Z0-9]$")
_CORE_TAGS = frozenset({"PT", "AU", "TI", "SO", "PY", "UT", "DI", "AF", "DT"})


def _header_tags(line: str) -> list[str] | None:
    """The tags of a tab-delimited header line, or ``None`` when it is not one."""
    names = line.lstrip("\ufeff").rstrip("\r\n").split("\t")
    while names and not names[-1].strip():
        names.pop()  # the trailing TAB of All Databases headers
    tags = [name.strip() for name in names]
    shaped = sum(1 for t in tags if _TAG_SHAPE.match(t))
    if len(tags) < 5 or shaped < 0.9 * len(tags) or len(_CORE_TAGS.intersection(tags)) < 3:
        return None
    return tags


def detect_wos_tab(head: FileHead) -> float:
    """Score how surely ``head`` is a WoS tab-delimited export (0 = not at all, 1 = certain)."""
    try:
        lines = head.lines
        if not lines:
            return 0.0
        tags = _header_tags(lines[0])
        if tags is None:
            return 0.0
        return 1.0 if tags[0] == "PT" and ("UT" in tags or "TI" in tags) else 0.8
    except Exception:  # detectors never raise
        return 0.0


def read_wos_tab(path: Path, encoding: str) -> ParsedFile:
    """Read a WoS tab-delimited export as a stream of publication records.

    Parameters
    ----------
    path : Path
        The ``savedrecs.txt`` tab-delimited file.
    encoding : str
        Its text encoding (UTF-8 with or without BOM, UTF-16).

    Returns
    -------
    ParsedFile
        ``kind="publications"``; ``records`` is a generator of
        :class:`~analyst_app.domain.records.PublicationRecord` (``source_line`` is the
        physical line of the row). Rows cut short or with extra fields are skipped into
        ``problems``; ``warnings`` and ``details`` are complete once it is exhausted.

    Raises
    ------
    InputError
        From the generator, at line 1, when the first line is not a header of field
        tags (a file without its header, or not a WoS export).
    """
    if encoding == "binary":
        raise InputError("the file is binary, not a Web of Science text export", file=str(path))
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.records = _tab_records(path, encoding, parsed)
    return parsed


def _tab_records(path: Path, encoding: str, parsed: ParsedFile) -> Iterator[PublicationRecord]:
    name = str(path)
    size = max(path.stat().st_size, 1)
    tally = ImportTally(parsed)
    bad_before = bad_characters()
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors=COUNTING_REPLACE, newline="")
        first = text.readline()
        tags = _header_tags(first)
        if tags is None:
            shown = first.lstrip("\ufeff")[:50].rstrip("\r\n").encode("unicode_escape").decode()
            raise InputError("missing header: line 1 should name the fields of a Web of Science "
                             f"tab-delimited export ('PT<TAB>AU<TAB>...'), not {shown!r}",
                             file=name, line=1)
        width = len(tags)
        number = 1
        for number, line in enumerate(text, start=2):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if number % 256 == 0:
                parsed.fraction = min(raw.tell() / size, 1.0)
            cells = line.split("\t")
            # A trailing TAB gives one empty field more than the header names; anything
            # else means a value held a TAB or the row was cut.
            if len(cells) < width or (len(cells) > width and any(cells[width:])):
                tally.problem(number, _bad_width(len(cells), width))
                continue
            if "&" in line:
                cells = [unescape_entities(cell) for cell in cells]
            fields = {tag: cell for tag, cell in zip(tags, cells) if cell}
            record = _record(fields, number, tally)
            if record is not None:
                yield record
    if tally.records == 0 and not parsed.problems:
        tally.note("the file has a header but no records")
    parsed.fraction = 1.0
    tally.bad_chars = bad_characters() - bad_before
    tally.finish(encoding=encoding)


def _bad_width(found: int, width: int) -> str:
    if found < width:
        return (f"row has {found} fields, the header names {width}: the row is cut short "
                "(truncated file?); row skipped")
    return (f"row has {found} fields, the header names {width}: a value holds a TAB; "
            "row skipped")


def _record(fields: dict[str, str], number: int, tally: ImportTally) -> PublicationRecord | None:
    record = build_record(fields, number, by_line=False)
    if not record.title and not record.ut:
        tally.problem(number, "record has neither a title nor an accession number (UT): skipped")
        return None
    tally.add(record)
    return record


def detect_wos_xlsx(head: FileHead) -> float:
    """Score how surely ``head`` is a WoS Excel export (.xlsx, or legacy .xls).

    Reads at most :data:`_DETECT_BYTES` of the workbook's shared strings (where the
    column names are stored first) or, for .xls, the head bytes themselves.
    """
    try:
        if head.raw.startswith(_OLE_MAGIC):
            found = sum(1 for m in MARKERS if m.encode("latin-1") in head.raw
                        or m.encode("utf-16-le") in head.raw)
            return 0.9 if found >= 2 else 0.0
        if not head.raw.startswith(_ZIP_MAGIC):
            return 0.0
        with zipfile.ZipFile(head.path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return 0.0
            member = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else next(
                (n for n in sorted(names) if n.startswith("xl/worksheets/sheet")), None)
            if member is None:
                return 0.0
            with archive.open(member) as stream:
                text = stream.read(_DETECT_BYTES).decode("utf-8", "ignore")
        found = sum(1 for m in MARKERS if f">{m}<" in text)
        return 1.0 if found >= 3 else 0.8 if found == 2 else 0.0
    except Exception:  # detectors never raise
        return 0.0


def read_wos_xlsx(path: Path, encoding: str) -> ParsedFile:
    """Read a WoS Excel export ("savedrecs.xlsx", or .xls when ``xlrd`` is installed).

    Parameters
    ----------
    path : Path
        The workbook; its first sheet holds the records under a header of WoS column
        names ('Article Title', 'UT (Unique WOS ID)', ...).
    encoding : str
        Ignored (``"binary"`` from detection); present for the importer interface.

    Returns
    -------
    ParsedFile
        ``kind="publications"``, records streamed row by row (``source_line`` is the
        sheet row number, the header being row 1).

    Raises
    ------
    InputError
        When the file is a legacy .xls and ``xlrd`` is not installed (with a hint to
        re-save it as .xlsx), or, from the generator, when the sheet's first row is not
        a WoS header.
    """
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(_OLE_MAGIC):
        try:
            import xlrd  # noqa: F401  (optional: only legacy .xls needs it)
        except ImportError:
            raise InputError("this is a legacy Excel 97-2003 workbook (.xls), which needs the "
                             "optional 'xlrd' package: open it in Excel or WPS and save it as "
                             ".xlsx, or export the records from Web of Science as tab-delimited "
                             "text, then import that file", file=str(path)) from None
        rows_of = _xls_rows
    else:
        rows_of = _xlsx_rows
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding="xlsx")
    parsed.records = _sheet_records(path, rows_of, parsed)
    return parsed


def _xlsx_rows(path: Path, parsed: ParsedFile) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook  # imported on use: a heavy import for text-only runs

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged archive
        raise InputError(f"cannot open the workbook: {exc}", file=str(path)) from exc
    try:
        sheet = book["savedrecs"] if "savedrecs" in book.sheetnames else book.worksheets[0]
        total = sheet.max_row or 0
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if total and number % 64 == 0:
                parsed.fraction = min(number / total, 1.0)
            yield row
    finally:
        book.close()


def _xls_rows(path: Path, parsed: ParsedFile) -> Iterator[tuple[Any, ...]]:
    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True)
    try:
        sheet = book.sheet_by_index(0)
        for number in range(sheet.nrows):
            parsed.fraction = number / max(sheet.nrows, 1)
            yield tuple(sheet.row_values(number))
    finally:
        book.release_resources()


def _sheet_records(path: Path, rows_of: Any, parsed: ParsedFile) -> Iterator[PublicationRecord]:
    tally = ImportTally(parsed)
    rows: Iterator[tuple[Any, ...]] = rows_of(path, parsed)
    try:
        header = next(rows, None)
        tags = [tag_for_column(name) for name in header or ()]
        if len(_CORE_TAGS.intersection(tags)) < 3:
            shown = ", ".join(str(n) for n in (header or ())[:4] if n is not None)
            raise InputError("row 1 of the sheet is not the header of a Web of Science export "
                             f"('Publication Type', 'Authors', 'Article Title', ...): {shown!r}",
                             file=str(path), line=1)
        for number, row in enumerate(rows, start=2):
            fields = {}
            for tag, value in zip(tags, row):
                if tag and value is not None:
                    text = cell_text(value)
                    if text:
                        fields[tag] = unescape_entities(text) if "&" in text else text
            if not fields:
                continue  # blank rows below the data
            record = _record(fields, number, tally)
            if record is not None:
                yield record
    finally:
        rows.close()  # closes the workbook, also when the consumer stops early
    parsed.fraction = 1.0
    tally.finish()


SPEC_TAB = ImporterSpec(
    id="wos_tab", label="Web of Science tab-delimited (savedrecs.txt)", version=VERSION,
    detect=detect_wos_tab, read=read_wos_tab, needs_release=False,
    streams_publications=True,
)

SPEC_XLSX = ImporterSpec(
    id="wos_xlsx", label="Web of Science Excel export (savedrecs.xlsx / .xls)", version=VERSION,
    detect=detect_wos_xlsx, read=read_wos_xlsx, needs_release=False,
    streams_publications=True,
)
