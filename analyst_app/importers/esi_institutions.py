"""ESI "Indicators Results List: Institutions" exports (one research field per file).

Layout (Essential Science Indicators, InCites, 2025)::

    Indicators Results List: Institutions   Filter Results By: ResearchFields   Filter Value(s): CHEMISTRY   Show: Top
    ,Institutions,Countries/Regions,Web of Science Documents,Cites,Cites/Paper,Top Papers
    "1","CHINESE ACADEMY OF SCIENCES","CHINA MAINLAND","112235","3292410","29.33","3017"
    ...
    Copyright © 2025 Clarivate

The field is read from the title line, never from the file name (users save these as
``2.csv``). The copyright footer is often mangled to ``?`` or ``ï¿½`` by tools that
re-encode the file, so only its first word is checked. A ranking list is all-or-nothing:
a skipped row would change N and every percentile and threshold computed from it, so
any bad row rejects the whole file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from analyst_app.domain.esi_fields import EsiField, normalise_field
from analyst_app.errors import InputError
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile
from analyst_app.importers.encoding import decode_text, first_undecodable_line

FORMAT_ID = "esi_institutions"
VERSION = "1.0"

_TITLE = re.compile(r"Indicators\s+Results\s+List\s*:\s*Institutions", re.IGNORECASE)
_FIELD = re.compile(r"Filter\s+Value\(s\)\s*:\s*(?P<field>.+?)(?:\s{2,}Show\s*:.*)?\s*$",
                    re.IGNORECASE)
_FOOTER = re.compile(r"^\W*Copyright\b", re.IGNORECASE)

#: Column → the header names ESI has used for it (compared case-insensitively).
_COLUMNS = {
    "institution": ("institutions", "institution"),
    "country": ("countries/regions", "countries/territories", "countries", "country/region"),
    "documents": ("web of science documents", "documents"),
    "cites": ("cites", "citations"),
    "cites_per_paper": ("cites/paper", "citations/paper"),
    "top_papers": ("top papers",),
}


@dataclass(frozen=True)
class EsiRankingRow:
    """One ranked institution of an ESI Institutions list."""

    source_line: int
    rank: int
    institution: str
    country: str
    documents: int
    cites: int
    cites_per_paper: float
    top_papers: int


def detect_esi_institutions(head: FileHead) -> float:
    """Score how surely ``head`` is an ESI Institutions list (0 = not at all, 1 = certain)."""
    try:
        lines = [line for line in head.lines[:5] if line.strip()]
        if not lines:
            return 0.0
        if _TITLE.search(lines[0]):
            return 1.0
        header = lines[0].lower()
        # A list whose title line was deleted: the column header alone is distinctive.
        if "web of science documents" in header and "top papers" in header and "institution" in header:
            return 0.7
    except Exception:  # detectors never raise
        return 0.0
    return 0.0


def read_esi_institutions(path: Path, encoding: str) -> ParsedFile:
    """Read an ESI Institutions list.

    Parameters
    ----------
    path : Path
        The CSV export.
    encoding : str
        Its text encoding (from :func:`~analyst_app.importers.encoding.detect_encoding`).

    Returns
    -------
    ParsedFile
        ``kind="esi_institutions"``, ``records`` a list of :class:`EsiRankingRow` in file
        order, ``details={"field": <ESI field name>, "field_code": ..., "footer": ...}``.

    Raises
    ------
    InputError
        With the file and line, when the title line or header is missing, a row is
        malformed (wrong column count, non-numeric rank or count), the list is empty, or
        the file ends without its copyright footer (truncated).
    """
    name = str(path)
    try:
        text, encoding = decode_text(path.read_bytes(), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} text (nor GB18030 or Windows-1252)", file=name,
                         line=first_undecodable_line(path, encoding)) from exc
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InputError("the file is empty", file=name)
    field = _read_title(lines, name)
    columns = _read_header(lines[1] if len(lines) > 1 else "", name)
    rows, footer = _read_rows(lines, columns, name)
    return ParsedFile(
        kind=FORMAT_ID, records=rows, rows_read=len(rows), encoding=encoding,
        details={"field": field.name_en, "field_code": field.code, "footer": footer},
        warnings=_warnings(rows),
    )


def _read_title(lines: list[str], name: str) -> EsiField:
    title = lines[0].lstrip("\ufeff")
    if not _TITLE.search(title):
        raise InputError("line 1 is not the ESI title line 'Indicators Results List: Institutions "
                         "... Filter Value(s): <field>', so the research field is unknown; "
                         "export the list again from ESI without editing it", file=name, line=1)
    match = _FIELD.search(title)
    if not match:
        raise InputError("the title line names no research field ('Filter Value(s): ...')",
                         file=name, line=1)
    field = normalise_field(match.group("field"))
    if field is None:
        raise InputError(f"unknown ESI research field {match.group('field').strip()!r} "
                         "in the title line", file=name, line=1)
    return field


def _read_header(line: str, name: str) -> dict[str, int]:
    cells = [c.strip().lower() for c in next(csv.reader([line]), [])]
    columns = {"rank": 0}
    for key, spellings in _COLUMNS.items():
        found = [i for i, cell in enumerate(cells) if cell in spellings]
        if not found:
            raise InputError(f"line 2 should be the column header; column "
                             f"'{spellings[0].title()}' is missing", file=name, line=2)
        columns[key] = found[0]
    return columns


def _read_rows(lines: list[str], columns: dict[str, int], name: str) -> tuple[list[EsiRankingRow], str]:
    footer_at = next((i for i in range(2, len(lines)) if _FOOTER.match(lines[i])), None)
    if footer_at is None:
        last = len(lines)
        raise InputError(f"the file ends at line {last} without the 'Copyright ... Clarivate' "
                         "footer: it looks truncated; download the list again", file=name, line=last)
    width = max(columns.values()) + 1
    numbered = [(n, line) for n, line in enumerate(lines[2:footer_at], start=3)
                if line.strip() and line.strip(",").strip()]  # blank and all-empty rows
    if not numbered:
        raise InputError("the list has no ranked rows", file=name, line=footer_at + 1)
    # One reader over all rows is ~3x faster than a reader per line; ESI rows never span lines.
    reader = csv.reader((line for _, line in numbered), strict=True)
    rows = []
    for number, _ in numbered:
        try:
            cells = next(reader)
        except csv.Error as exc:
            raise InputError(f"malformed CSV row ({exc})", file=name, line=number) from exc
        rows.append(_parse_row(cells, number, columns, width, name))
    return rows, lines[footer_at].strip()


def _parse_row(cells: list[str], number: int, columns: dict[str, int], width: int,
               name: str) -> EsiRankingRow:
    if len(cells) < width:
        raise InputError(f"expected {width} columns, found {len(cells)} (the row is cut short)",
                         file=name, line=number)

    def number_at(key: str, kind: type = int) -> int | float:
        raw = cells[columns[key]]
        try:
            value = kind(raw)
        except ValueError:
            try:  # spreadsheets re-save counts with thousands separators
                value = kind(raw.strip().replace(",", ""))
            except ValueError:
                column = "Rank" if key == "rank" else key.replace("_", " ")
                raise InputError(f"{column} {raw!r} is not a number",
                                 file=name, line=number) from None
        if value < 0:
            raise InputError(f"{key.replace('_', ' ')} is negative", file=name, line=number)
        return value

    institution = cells[columns["institution"]].strip()
    if not institution:
        raise InputError("the institution name is empty", file=name, line=number)
    return EsiRankingRow(
        source_line=number, rank=int(number_at("rank")), institution=institution,
        country=cells[columns["country"]].strip(), documents=int(number_at("documents")),
        cites=int(number_at("cites")), cites_per_paper=float(number_at("cites_per_paper", float)),
        top_papers=int(number_at("top_papers")),
    )


def _warnings(rows: list[EsiRankingRow]) -> list[str]:
    warnings = []
    if any(b.cites > a.cites for a, b in zip(rows, rows[1:])):
        warnings.append("rows are not in descending order of cites (was the file sorted in a "
                        "spreadsheet?); ranks are taken as written")
    if rows and rows[0].rank != 1:
        warnings.append(f"the list starts at rank {rows[0].rank}, not 1: it may be incomplete")
    return warnings


SPEC = ImporterSpec(
    id=FORMAT_ID, label="ESI Indicators: Institutions list", version=VERSION,
    detect=detect_esi_institutions, read=read_esi_institutions, needs_release=True,
)
