"""The ESI Master Journal List: every journal ESI covers and the research field it is counted in.

The layout is INFERRED, not copied from a real download (the project has no sample):
Clarivate publishes the list as CSV or XLSX with the columns::

    Full title,Title20,ISSN,EISSN,Category
    "ACS NANO","ACS NANO","1936-0851","1936-086X","MATERIALS SCIENCE"

Variants read too: a title line above the header, header case and spacing variants
("Full Title", "Title 20", "eISSN", "Research Field"), ISSNs without the hyphen, a
copyright footer. The list is stored with the release (version) label the user gives, and
the latest version feeds the potential-field computation (journal → field of a paper).

All-or-nothing: a journal with an unknown category would silently drop its papers from a
field, so the file is rejected with the line instead.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from analyst_app.domain.esi_fields import normalise_field
from analyst_app.errors import InputError
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile
from analyst_app.importers.esi_papers import find_header, read_table, xlsx_strings

FORMAT_ID = "esi_journals"
VERSION = "1.0"

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("full title", "full journal title", "journal title", "title"),
    "title20": ("title20", "title 20", "title-20", "abbreviated title", "jcr abbreviation"),
    "issn": ("issn", "print issn", "pissn"),
    "eissn": ("eissn", "e-issn", "electronic issn"),
    "field": ("category", "research field", "esi field", "esi category", "field"),
}
_REQUIRED = (("title",), ("field",), ("issn", "eissn"))
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dX])$")
_FOOTER = re.compile(r"^\W*Copyright\b", re.IGNORECASE)


@dataclass(frozen=True)
class EsiJournalRow:
    """One journal of the ESI Master Journal List."""

    source_line: int
    title: str
    title20: str | None
    issn: str | None
    eissn: str | None
    field: str


def normalise_issn(value: str | None) -> str | None:
    """Return an ISSN as ``1234-567X``, or ``None`` when ``value`` is not one.

    Excel stores an ISSN typed without its hyphen as a number and drops leading zeros
    (``0115-2440`` → ``1152440``): a short all-digit value is padded back when the padded
    ISSN's check digit is right.
    """
    text = (value or "").strip().upper()
    if text.isdigit() and 4 <= len(text) < 8 and _check_digit_ok(text.zfill(8)):
        text = text.zfill(8)
    match = _ISSN.match(text)
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _check_digit_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def detect_esi_journals(head: FileHead) -> float:
    """Score how surely ``head`` is an ESI Master Journal List (never raises)."""
    try:
        text = xlsx_strings(head) if head.encoding == "binary" else "\n".join(head.lines[:6])
        low = text.lower()
        if "category" not in low or "issn" not in low or "full title" not in low:
            return 0.0
        return 0.9 if "title20" in low.replace(" ", "") else 0.7
    except Exception:  # detectors never raise
        return 0.0


def read_esi_journals(path: Path, encoding: str) -> ParsedFile:
    """Read the ESI Master Journal List (CSV or .xlsx).

    Returns
    -------
    ParsedFile
        ``kind="esi_journals"``, ``records`` a list of :class:`EsiJournalRow`; ``details``:
        ``journals`` (count), ``fields`` (journals per field) and ``content_sha256``.

    Raises
    ------
    InputError
        With file and line: no header, a row cut short, an unknown category, a row
        without title, no journals.
    """
    name = str(path)
    rows, encoding = read_table(path, encoding)
    found = find_header(rows, _REQUIRED, COLUMNS)
    if found is None:
        raise InputError("no column header with 'Full title', 'ISSN'/'EISSN' and 'Category' in "
                         "the first lines: not an ESI Master Journal List", file=name,
                         line=rows[0][0] if rows else None)
    index, columns = found
    width = max(columns.values()) + 1
    records: list[EsiJournalRow] = []
    warnings: list[str] = []
    bad_issn = 0
    for number, cells in rows[index + 1:]:
        if _FOOTER.match(cells[0]) or not any(cells):
            continue
        if len(cells) < width:
            raise InputError(f"expected at least {width} columns, found {len(cells)} (the row "
                             "is cut short)", file=name, line=number)
        record, invalid = _journal(cells, columns, number, name)
        bad_issn += invalid
        records.append(record)
    if not records:
        raise InputError("the journal list has no journals", file=name)
    if bad_issn:
        warnings.append(f"{bad_issn} ISSN/EISSN value(s) are not ISSNs and were left empty")
    fields: dict[str, int] = {}
    for record in records:
        fields[record.field] = fields.get(record.field, 0) + 1
    return ParsedFile(kind=FORMAT_ID, records=records, rows_read=len(records), encoding=encoding,
                      details={"journals": len(records), "fields": fields,
                               "content_sha256": journals_fingerprint(records)},
                      warnings=warnings)


def _journal(cells: list[str], columns: dict[str, int], number: int,
             name: str) -> tuple[EsiJournalRow, int]:
    def cell(key: str) -> str:
        return cells[columns[key]].strip() if key in columns else ""

    title = cell("title")
    if not title:
        raise InputError("the journal title is empty", file=name, line=number)
    field = normalise_field(cell("field"))
    if field is None:
        raise InputError(f"unknown ESI category {cell('field')!r} for {title!r}", file=name,
                         line=number)
    issn, eissn = normalise_issn(cell("issn")), normalise_issn(cell("eissn"))
    invalid = sum(1 for raw, value in ((cell("issn"), issn), (cell("eissn"), eissn))
                  if raw and raw.upper() not in ("N/A", "NA", "-") and value is None)
    return EsiJournalRow(number, title, cell("title20") or None, issn, eissn, field.name_en), invalid


def journals_fingerprint(records: list[EsiJournalRow]) -> str:
    """Return a sha256 of the list's journals and fields, independent of order and format."""
    digest = hashlib.sha256(b"esi_journals")
    for key in sorted(f"{r.title}|{r.issn}|{r.eissn}|{r.field}" for r in records):
        digest.update(key.encode() + b"\n")
    return digest.hexdigest()


__all__ = ["SPEC", "EsiJournalRow", "read_esi_journals", "detect_esi_journals", "normalise_issn"]

SPEC = ImporterSpec(
    id=FORMAT_ID, label="ESI Master Journal List", version=VERSION,
    detect=detect_esi_journals, read=read_esi_journals, needs_release=True,
)
