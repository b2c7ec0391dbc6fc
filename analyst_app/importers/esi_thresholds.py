"""ESI "Citation Thresholds" exports: the published 1% thresholds of every field.

ESI publishes, per release, the citations an author, institution, journal or country must
reach to be in the top 1% of a field. The export is a small table, one row per field::

    ESI Thresholds
    ,Research Fields,Author,Institution,Journal,Country/Region
    "1","AGRICULTURAL SCIENCES","1,088","3,558","5,520","1,706"
    ...
    Copyright © 2025 Clarivate

Only the header names are relied on (title line, rank column and footer are optional), so
a table copied from the web page and saved from Excel reads the same. With the institution
threshold imported, the ESI analysis uses it instead of the cites of the last listed
institution.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from analyst_app.domain.esi_fields import normalise_field
from analyst_app.errors import InputError
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile
from analyst_app.importers.encoding import decode_text, first_undecodable_line

FORMAT_ID = "esi_thresholds"
VERSION = "1.0"

#: Threshold level → header spellings (lower case).
_LEVELS = {
    "author": ("author", "authors"),
    "institution": ("institution", "institutions"),
    "journal": ("journal", "journals"),
    "country": ("country/region", "country/territory", "countries/regions", "country",
                "countries/territories"),
}
_FIELD_HEADERS = ("research fields", "research field", "field", "fields")


@dataclass(frozen=True)
class EsiThresholdRow:
    """The published thresholds of one field (cites; ``None`` where the column is absent)."""

    source_line: int
    field: str
    levels: dict[str, int]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in next(csv.reader(io.StringIO(line)), [])]


#: Columns of ESI document lists (highly cited / hot papers), which also name "Research
#: Field" and "Institutions": a header with any of them is not a thresholds table.
_DOCUMENT_HEADERS = frozenset({"accession number", "article name", "doi", "authors", "source"})


def _header_index(lines: list[str]) -> int | None:
    for i, line in enumerate(lines[:4]):
        cells = {c.lower() for c in _cells(line)}
        if cells & _DOCUMENT_HEADERS:
            return None
        if cells & set(_FIELD_HEADERS) and cells & set(_LEVELS["institution"]):
            return i
    return None


def detect_esi_thresholds(head: FileHead) -> float:
    """Score how surely ``head`` is an ESI thresholds table (never raises)."""
    try:
        index = _header_index(head.lines)
        if index is None:
            return 0.0
        title = head.lines[0].lower() if index > 0 else ""
        return 0.95 if "threshold" in title else 0.75
    except Exception:
        return 0.0


def read_esi_thresholds(path: Path, encoding: str) -> ParsedFile:
    """Read an ESI thresholds table.

    Returns
    -------
    ParsedFile
        ``kind="esi_thresholds"``, ``records`` a list of :class:`EsiThresholdRow`.

    Raises
    ------
    InputError
        With file and line, for an unknown field, a non-numeric threshold, or no rows.
    """
    name = str(path)
    try:
        text, encoding = decode_text(path.read_bytes(), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} text (nor GB18030 or Windows-1252)", file=name,
                         line=first_undecodable_line(path, encoding)) from exc
    lines = text.splitlines()
    index = _header_index(lines)
    if index is None:
        raise InputError("no header with 'Research Fields' and 'Institution' columns", file=name)
    header = [c.lower() for c in _cells(lines[index])]
    field_col = next(i for i, c in enumerate(header) if c in _FIELD_HEADERS)
    columns = {level: next((i for i, c in enumerate(header) if c in names), None)
               for level, names in _LEVELS.items()}
    rows = []
    for number, line in enumerate(lines[index + 1:], start=index + 2):
        cells = _cells(line)
        if not line.strip() or line.lstrip(" \ufeff\"").lower().startswith("copyright"):
            continue
        if len(cells) <= field_col or not cells[field_col]:
            continue
        label = cells[field_col]
        if label.upper() in ("ALL FIELDS", "ALL"):
            continue
        field = normalise_field(label)
        if field is None:
            raise InputError(f"unknown ESI research field {label!r}", file=name, line=number)
        levels = {}
        for level, col in columns.items():
            if col is None or col >= len(cells) or not cells[col]:
                continue
            try:
                levels[level] = int(cells[col].replace(",", "").replace(" ", ""))
            except ValueError:
                raise InputError(f"{level} threshold {cells[col]!r} is not a number",
                                 file=name, line=number) from None
        rows.append(EsiThresholdRow(number, field.name_en, levels))
    if not rows:
        raise InputError("the thresholds table has no rows", file=name)
    return ParsedFile(kind=FORMAT_ID, records=rows, rows_read=len(rows), encoding=encoding,
                      details={"fields": len(rows)})


SPEC = ImporterSpec(
    id=FORMAT_ID, label="ESI citation thresholds", version=VERSION,
    detect=detect_esi_thresholds, read=read_esi_thresholds, needs_release=True,
)
