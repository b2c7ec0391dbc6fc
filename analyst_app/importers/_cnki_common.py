"""Shared reader for CNKI's tagged exports (RefWorks, EndNote, NoteExpress, RIS).

All four write one ``tag value`` per line, a record starting at a fixed tag (``RT``,
``%0``, ``{Reference Type}:``, ``TY``), values continued on untagged lines, and (RIS only)
an end tag. CNKI also writes blank lines *inside* records (in RefWorks after the English
keywords, in NoteExpress inside old institution fields), so only the record-start tag
separates records; blank lines are ignored and untagged lines continue the field before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from analyst_app.domain.records import PublicationRecord
from analyst_app.errors import InputError
from analyst_app.importers._cnki_record import build_record
from analyst_app.importers.encoding import first_undecodable_line
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile, Problem

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CNKI_MARK = re.compile(r"\bCNKI\b|中国知网|知网")


@dataclass(frozen=True)
class TagSyntax:
    """How one export format writes its tags.

    Attributes
    ----------
    format_id : str
        The importer id (``cnki_refworks`` ...).
    label : str
        The format's name, used in messages.
    pattern : re.Pattern
        Matches a tagged line; group 1 is the tag, group 2 the value.
    start : str
        The tag that starts a record (compared after ``normalise``).
    fields : dict
        Tag (normalised) → canonical field key of :func:`build_record`; other tags are kept
        in ``extra`` under their own name.
    end : str or None
        The tag that ends a record (RIS ``ER``); a record without it is skipped.
    normalise : callable or None
        Folds a tag for comparison (NoteExpress tags are case-insensitive words); ``None``
        keeps tags as written.
    """

    format_id: str
    label: str
    pattern: re.Pattern
    start: str
    fields: dict[str, str]
    end: str | None = None
    normalise: Callable[[str], str] | None = None

    def split(self, line: str) -> tuple[str, str] | None:
        """Return ``(tag, value)`` of a tagged line, else ``None``."""
        match = self.pattern.match(line)
        if match is None:
            return None
        tag, value = match.groups()
        return (tag if self.normalise is None else self.normalise(tag)), (value or "").strip()


def detect_tagged(head: FileHead, syntax: TagSyntax) -> float:
    """Score how surely ``head`` is a CNKI export in ``syntax`` (never raises).

    The first non-blank line must start a record. A CNKI marker (``DS CNKI``,
    ``%W CNKI``, ``{Database Provider}: CNKI``) makes it certain; Chinese text without one
    (Wanfang and VIP write the same formats) is likely; neither is left to other
    importers, since the records would be labelled ``cnki``.
    """
    try:
        first = next((line.lstrip("\ufeff") for line in head.lines if line.strip()), "")
        tagged = syntax.split(first)
        if tagged is None or tagged[0] != syntax.start:
            return 0.0
        if _CNKI_MARK.search(head.text):
            return 0.95
        return 0.7 if _CJK.search(head.text) else 0.45
    except Exception:  # detectors never raise
        return 0.0


def read_tagged(path: Path, encoding: str, syntax: TagSyntax) -> ParsedFile:
    """Read a tagged export as a stream of :class:`PublicationRecord` (see :func:`build_record`).

    Returns
    -------
    ParsedFile
        ``kind="publications"``; ``records`` is a generator that counts ``rows_read``
        (records met, skipped ones included), advances ``fraction``, appends a
        :class:`Problem` per skipped record (at its start line) and at the end sets
        ``warnings`` and ``details`` (``records``, ``authors``, ``addresses``,
        ``cited_references``, ``with_doi``, ``linked_records``).

    Raises
    ------
    InputError
        From the generator, with file and line: not text in ``encoding`` or binary, or the
        first non-blank line does not start a record (not this format), or no record at all.
    """
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.records = _records(Path(path), encoding, syntax, parsed)
    return parsed


@dataclass
class _Open:
    start: int
    fields: list[list[str]] = field(default_factory=list)


def _records(path: Path, encoding: str, syntax: TagSyntax,
             parsed: ParsedFile) -> Iterator[PublicationRecord]:
    name = str(path)
    if encoding == "binary":
        raise InputError(f"the file is binary, not a {syntax.label} export", file=name, line=1)
    size = max(path.stat().st_size, 1)
    totals = dict.fromkeys(("records", "authors", "addresses", "cited_references", "with_doi",
                            "linked_records"), 0)
    with open(path, encoding=encoding, errors="strict") as handle:
        try:
            stray: list[int] = []
            for record in _scan(handle, syntax, name, parsed, stray):
                parsed.rows_read += 1
                built = _build(record, syntax, parsed)
                if built is None:
                    continue
                _count(built, totals)
                if totals["records"] % 128 == 0:
                    parsed.fraction = min(handle.buffer.tell() / size, 1.0)
                yield built
        except UnicodeDecodeError as exc:
            raise InputError(f"the file is not valid {encoding} text ({exc.reason}); it may be "
                             "binary or in another encoding", file=name,
                             line=first_undecodable_line(path, encoding)) from exc
    if totals["records"] == 0:
        first = parsed.problems[0] if parsed.problems else None
        raise InputError(f"no {syntax.label} record could be read"
                         + (f" ({first.message})" if first else ""),
                         file=name, line=first.line if first else 1)
    parsed.fraction = 1.0
    parsed.details = totals
    parsed.warnings = _warnings(totals)
    if stray:  # not records, so not "skipped": problems count skipped records
        parsed.warnings.append(f"{len(stray)} lines outside any record were ignored "
                               f"(the first at line {stray[0]})")


def _scan(handle, syntax: TagSyntax, name: str, parsed: ParsedFile,
          stray: list[int]) -> Iterator[_Open]:
    record: _Open | None = None
    started = False
    for number, line in enumerate(handle, start=1):
        if number == 1:
            line = line.lstrip("\ufeff")
        if "\x00" in line:
            raise InputError(f"binary data at line {number}: not a {syntax.label} export",
                             file=name, line=number)
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        tagged = syntax.split(line)
        if tagged is not None and tagged[0] == syntax.start:
            if record is not None:
                if syntax.end:  # RIS: the previous record never reached ER
                    parsed.rows_read += 1
                    parsed.problems.append(Problem(record.start, f"record skipped: no "
                                           f"{syntax.end} line before the next record at line {number}"))
                else:
                    yield record
            record, started = _Open(number, [[tagged[0], tagged[1]]]), True
        elif tagged is not None and syntax.end and tagged[0] == syntax.end:
            if record is not None:
                yield record
            record = None
        elif record is None:
            if not started:
                shown = line.strip()[:60]
                raise InputError(f"not a {syntax.label} export: a record should start here "
                                 f"(found {shown!r})", file=name, line=number)
            stray.append(number)
        elif tagged is not None:
            record.fields.append([tagged[0], tagged[1]])
        else:  # an untagged line continues the field before it
            record.fields[-1][1] = f"{record.fields[-1][1]}\n{line.strip()}"
    if record is not None:
        if syntax.end:
            parsed.rows_read += 1
            parsed.problems.append(Problem(record.start, f"record skipped: the file ends without "
                                   f"its {syntax.end} line (truncated?)"))
        else:
            yield record
    if not started:
        raise InputError(f"no {syntax.label} record in the file", file=name, line=1)


def _build(record: _Open, syntax: TagSyntax, parsed: ParsedFile) -> PublicationRecord | None:
    values: dict[str, list[str]] = {}
    extra: dict[str, str] = {}
    for tag, value in record.fields:
        if not value:
            continue
        key = syntax.fields.get(tag)
        if key is None:
            extra[tag] = f"{extra[tag]}; {value}" if tag in extra else value
        else:
            values.setdefault(key, []).append(value)
    if not values.get("title"):
        parsed.problems.append(Problem(record.start, "record skipped: it has no title"))
        return None
    return build_record(values, record.start, extra)


def _count(record: PublicationRecord, totals: dict[str, int]) -> None:
    totals["records"] += 1
    totals["authors"] += len(record.authors)
    totals["addresses"] += len(record.addresses)
    totals["with_doi"] += record.doi is not None
    totals["linked_records"] += any(a.address_positions for a in record.authors)


def _warnings(totals: dict[str, int]) -> list[str]:
    warnings = ["no cited references in this file: co-citation will not be available for "
                "these records (CNKI exports carry none)"]
    if not totals["addresses"]:
        warnings.append("no institutions in this file: institution analyses will not "
                        "include these records")
    unlinked = totals["records"] - totals["linked_records"]
    if totals["addresses"] and unlinked:
        warnings.append(f"{unlinked} of {totals['records']} records list a different number of "
                        "institutions than authors, so their authors are not linked to "
                        "institutions (CNKI does not say who is where)")
    return warnings


def tagged_importer(syntax: TagSyntax, label: str, version: str) -> tuple[
        Callable[[FileHead], float], Callable[[Path, str], ParsedFile], ImporterSpec]:
    """Return the detector, the reader and the registry entry of one CNKI tagged format.

    The four CNKI formats differ only in their :class:`TagSyntax`, so they share one
    detector (:func:`detect_tagged`) and one streaming reader (:func:`read_tagged`).
    """
    def detect(head: FileHead) -> float:
        return detect_tagged(head, syntax)

    def read(path: Path, encoding: str) -> ParsedFile:
        return read_tagged(path, encoding, syntax)

    detect.__doc__ = f"Score how surely ``head`` is a {label} (never raises)."
    read.__doc__ = f"Read a {label} as a stream of publication records (see read_tagged)."
    spec = ImporterSpec(id=syntax.format_id, label=label, version=version, detect=detect,
                        read=read)
    return detect, read, spec
