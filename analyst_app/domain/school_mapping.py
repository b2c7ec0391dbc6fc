"""Address → school (学院) mapping: load, validate, edit, save and match bilingual address patterns.

A mapping is a table with one address pattern per row (columns :data:`COLUMNS`). A plain
pattern matches case-insensitively as a substring of the address; a pattern starting with
``re:`` is a regular expression (Python syntax, case-insensitive). Addresses and plain
patterns are NFKC-normalised first, so full-width Chinese punctuation (（），) and half-width
spellings are one pattern.

Patterns are only ever tried on addresses of *our* institution (:func:`is_institution_address`).
When rules of two different schools match one address, the winner is (:func:`match_school`):

1. the higher ``priority`` (an integer, default 0; the DUT example gives schools 20,
   umbrella faculties 10, state key laboratories 5 and campus fall-backs 0);
2. then the longer matched text — the more specific pattern: ``Sch Chem Engn`` beats
   ``Sch Chem`` on "Dalian Univ Technol, Sch Chem Engn, ...";
3. then the earlier row of the file.

An address therefore goes to exactly one school (or none).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

import pandas as pd

from analyst_app.errors import InputError

#: Columns of a mapping file, in the order they are written. ``school`` and ``pattern`` are
#: required; ``school_en`` (the English name for English reports), ``note`` (free text) and
#: ``priority`` (integer, higher wins) are optional.
COLUMNS = ("school", "pattern", "school_en", "priority", "note")
REQUIRED_COLUMNS = ("school", "pattern")

#: Chinese headers accepted on load (a librarian may type the header in Chinese).
_HEADER_ALIASES = {
    "学院": "school", "单位": "school", "匹配模式": "pattern", "模式": "pattern",
    "地址模式": "pattern", "英文名": "school_en", "学院英文名": "school_en",
    "优先级": "priority", "备注": "note", "说明": "note",
}
REGEX_PREFIX = "re:"
_FORMULA_PREFIXES = ("=", "+", "-", "@")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"\s+")
# Address parts: WoS and Scopus separate units by commas; CNKI by semicolons or spaces.
_PARTS = re.compile(r"[,;，；]")


@dataclass(frozen=True)
class SchoolRule:
    """One row of a mapping: an address pattern that identifies a school.

    Attributes
    ----------
    school : str
        The school's name as reports show it (``化工学院``).
    pattern : str
        Plain text (case-insensitive substring) or ``re:`` + a regular expression.
    school_en : str
        The school's English name (optional).
    priority : int
        Higher wins when rules of two schools match one address.
    note : str
        Free text for the librarian.
    line : int or None
        The line (CSV) or row (Excel) the rule was read from, for messages.
    """

    school: str
    pattern: str
    school_en: str = ""
    priority: int = 0
    note: str = ""
    line: int | None = field(default=None, compare=False)

    @property
    def is_regex(self) -> bool:
        """Whether the pattern is a regular expression (starts with ``re:``)."""
        return self.pattern.startswith(REGEX_PREFIX)


@dataclass(frozen=True)
class SchoolMapping:
    """An ordered, validated list of :class:`SchoolRule` (build with :func:`make_mapping`).

    Attributes
    ----------
    rules : tuple of SchoolRule
        The rules in file order (order breaks the last ties, see the module docstring).
    source : str or None
        The file it was loaded from, for messages and provenance.
    """

    rules: tuple[SchoolRule, ...]
    source: str | None = None

    @cached_property
    def _compiled(self) -> list[tuple[SchoolRule, re.Pattern[str] | str]]:
        return [(rule, _compile(rule, self.source)) for rule in self.rules]

    @property
    def schools(self) -> list[str]:
        """The distinct school names, in order of first appearance."""
        return list(dict.fromkeys(rule.school for rule in self.rules))

    def frame(self) -> pd.DataFrame:
        """Return the rules as a DataFrame with columns :data:`COLUMNS` (for the GUI's table)."""
        return pd.DataFrame([[getattr(r, c) for c in COLUMNS] for r in self.rules],
                            columns=list(COLUMNS))


def normalise_text(text: str) -> str:
    """Return ``text`` NFKC-normalised, case-folded, with runs of white space made one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _compile(rule: SchoolRule, source: str | None) -> re.Pattern[str] | str:
    if not rule.is_regex:
        return normalise_text(rule.pattern)
    expression = rule.pattern[len(REGEX_PREFIX):]
    try:
        return re.compile(unicodedata.normalize("NFKC", expression), re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"column 'pattern': invalid regular expression {expression!r} "
                         f"({exc}) for school {rule.school!r}", file=source,
                         line=rule.line) from None


def make_mapping(rules: Iterable[SchoolRule], source: str | None = None) -> SchoolMapping:
    """Return a validated mapping of ``rules``.

    Parameters
    ----------
    rules : iterable of SchoolRule
        The rules, in priority-tie order.
    source : str, optional
        File name used in error messages.

    Returns
    -------
    SchoolMapping

    Raises
    ------
    InputError
        A rule has an empty school or pattern, an invalid regular expression, or repeats the
        pattern of an earlier rule; the message names the file, line and column.
    """
    mapping = SchoolMapping(tuple(rules), source)
    seen: dict[str, SchoolRule] = {}
    for rule in mapping.rules:
        for column in REQUIRED_COLUMNS:
            if not getattr(rule, column).strip():
                raise InputError(f"column {column!r} is empty", file=source, line=rule.line)
        key = rule.pattern if rule.is_regex else normalise_text(rule.pattern)
        if key in seen:
            first = seen[key]
            raise InputError(f"column 'pattern': {rule.pattern!r} repeats the pattern of line "
                             f"{first.line} (school {first.school!r})", file=source, line=rule.line)
        seen[key] = rule
    _ = mapping._compiled  # compile every pattern now, so a bad one is reported at load time
    return mapping


def add_rule(mapping: SchoolMapping, rule: SchoolRule, index: int | None = None) -> SchoolMapping:
    """Return a new mapping with ``rule`` inserted at ``index`` (default: at the end).

    Raises
    ------
    InputError
        The new rule is invalid (see :func:`make_mapping`); ``mapping`` is unchanged.
    """
    rules = list(mapping.rules)
    rules.insert(len(rules) if index is None else index, rule)
    return make_mapping(rules, mapping.source)


def remove_rule(mapping: SchoolMapping, index: int) -> SchoolMapping:
    """Return a new mapping without the rule at position ``index`` (0-based).

    Raises
    ------
    InputError
        ``index`` is out of range.
    """
    if not 0 <= index < len(mapping.rules):
        raise InputError(f"no rule number {index} (the mapping has {len(mapping.rules)})")
    return SchoolMapping(mapping.rules[:index] + mapping.rules[index + 1:], mapping.source)


# ---------------------------------------------------------------------------------------------
# Files


def load_school_mapping(path: str | Path) -> SchoolMapping:
    """Read a mapping from a CSV (UTF-8, with or without BOM) or Excel (.xlsx) file.

    Headers are matched case-insensitively; the Chinese headers 学院, 匹配模式, 英文名, 优先级
    and 备注 are accepted too. Blank rows are skipped.

    Parameters
    ----------
    path : str or Path
        The file.

    Returns
    -------
    SchoolMapping
        Rules carry their line (CSV) or row (Excel) number.

    Raises
    ------
    InputError
        The file cannot be read, lacks the columns ``school`` and ``pattern`` (the message names
        the missing ones), or a row is invalid (file, line and column are named).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("mapping file not found", file=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows = _read_excel(path)
    elif suffix in (".csv", ".txt"):
        header, rows = _read_csv(path)
    else:
        raise InputError(f"unsupported mapping file type {suffix!r}: expected .csv or .xlsx",
                         file=str(path))
    columns = _header_columns(header, str(path))
    rules = [_rule(values, columns, line, str(path)) for line, values in rows
             if any(str(v).strip() for v in values if v is not None)]
    return make_mapping(rules, str(path))


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            # reader.line_num is the physical line a row ended on (quoted newlines included).
            return header, [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the CSV "
                         "as UTF-8", file=str(path)) from None


def _read_excel(path: Path) -> tuple[list[str], list[tuple[int, list[object]]]]:
    from openpyxl import load_workbook
    try:
        # Not read-only: mapping files are small, and the normal mode yields blank rows too,
        # so row numbers in messages are the numbers Excel shows.
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, XML or openpyxl errors: all mean "not a workbook"
        raise InputError(f"cannot read the Excel file ({exc})", file=str(path)) from None
    try:
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        return [], []
    header = ["" if v is None else str(v) for v in rows[0]]
    return header, [(number, list(values)) for number, values in enumerate(rows[1:], start=2)]


def _header_columns(header: list[str], source: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = str(name).strip()
        key = _HEADER_ALIASES.get(key, key.lower())
        if key in COLUMNS and key not in columns:
            columns[key] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        found = ", ".join(repr(str(h)) for h in header if str(h).strip()) or "none"
        raise InputError(f"missing column(s) {', '.join(missing)} (columns found: {found})",
                         file=source, line=1)
    return columns


def _rule(values: list[object], columns: dict[str, int], line: int, source: str) -> SchoolRule:
    def cell(name: str) -> str:
        index = columns.get(name)
        value = values[index] if index is not None and index < len(values) else None
        return "" if value is None else str(value).strip()

    priority_text = cell("priority")
    try:
        priority = int(float(priority_text)) if priority_text else 0
    except ValueError:
        raise InputError(f"column 'priority': {priority_text!r} is not a whole number",
                         file=source, line=line) from None
    return SchoolRule(cell("school"), cell("pattern"), cell("school_en"), priority,
                      cell("note"), line=line)


def save_school_mapping(mapping: SchoolMapping, path: str | Path) -> Path:
    """Write ``mapping`` to ``path`` as CSV (UTF-8 with BOM, which Excel opens) or .xlsx.

    The file is written to a temporary name and then renamed, so a failed write leaves an
    existing file intact.

    Parameters
    ----------
    mapping : SchoolMapping
        The mapping to write (columns :data:`COLUMNS`).
    path : str or Path
        Target file; its suffix (``.csv`` or ``.xlsx``) chooses the format.

    Returns
    -------
    Path
        The file written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(f"unsupported mapping file type {suffix!r}: expected .csv or .xlsx",
                         file=str(path))
    rows = [[getattr(rule, c) for c in COLUMNS] for rule in mapping.rules]
    temporary = path.with_name(path.name + ".part")
    if suffix == ".csv":
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(rows)
    else:
        _write_excel(temporary, rows)
    temporary.replace(path)
    return path


def _write_excel(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "schools"
    sheet.append(list(COLUMNS))
    for values in rows:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            # openpyxl stores a string starting with "=" as a formula: force text.
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_PREFIXES):
                cell.data_type = "s"
    for letter, width in zip("ABCDE", (28, 48, 44, 9, 30)):
        sheet.column_dimensions[letter].width = width
    book.save(path)


# ---------------------------------------------------------------------------------------------
# Matching


def is_institution_address(text: str, organisation: str | None, names: Iterable[str]) -> bool:
    """Whether an address belongs to the institution called by any of ``names``.

    A name written in Chinese matches as a substring (CNKI writes ``大连理工大学化工学院``);
    any other name must equal the organisation or one whole comma-separated part of the
    address, case- and space-insensitively, so ``Tianjin Univ`` does not match
    ``Tianjin Univ Technol``.

    Parameters
    ----------
    text : str
        The full address as exported.
    organisation : str or None
        Its organisation part, when the importer found one.
    names : iterable of str
        The institution's name and aliases.
    """
    folded = normalise_text(text or "")
    parts = {normalise_text(p) for p in _PARTS.split(folded)}
    if organisation:
        parts.add(normalise_text(organisation))
    for name in names:
        key = normalise_text(name)
        if key and (key in parts or (_CJK.search(key) and key in folded)):
            return True
    return False


def match_school(mapping: SchoolMapping, text: str) -> str | None:
    """Return the school whose rule wins on address ``text``, or ``None``.

    The winner is the matching rule with the highest ``priority``, then the longest matched
    text, then the earliest row (see the module docstring).
    """
    folded = normalise_text(text)
    plain = unicodedata.normalize("NFKC", text)
    best: tuple[int, int, int] | None = None
    winner: str | None = None
    for order, (rule, matcher) in enumerate(mapping._compiled):
        if isinstance(matcher, str):
            length = len(matcher) if matcher in folded else -1
        else:
            found = matcher.search(plain)
            length = len(found.group(0)) if found else -1
        if length < 0:
            continue
        key = (rule.priority, length, -order)
        if best is None or key > best:
            best, winner = key, rule.school
    return winner
