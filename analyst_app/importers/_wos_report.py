"""Counts, skipped records and plain-words warnings of one WoS file, kept while it streams."""

from __future__ import annotations

import codecs
import threading

from analyst_app.domain.records import PublicationRecord
from analyst_app.importers.base import ParsedFile, Problem

_SHOWN_LINES = 5

#: Decoding error handler: like "replace", and counts the replaced bytes (per thread), so
#: that readers need not scan their text for U+FFFD afterwards.
COUNTING_REPLACE = "analyst-wos-count-replace"
_BAD = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _BAD.count = getattr(_BAD, "count", 0) + (exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error(COUNTING_REPLACE, _count_and_replace)


def bad_characters() -> int:
    """Bytes replaced by :data:`COUNTING_REPLACE` in this thread so far."""
    return getattr(_BAD, "count", 0)


class ImportTally:
    """Accumulates what a WoS reader saw and writes it into its :class:`ParsedFile`.

    ``problems`` of the ParsedFile are only skipped records (the import report counts
    them as skipped); anything else worth telling goes to ``warnings``.
    """

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.records = 0
        self.authors = 0
        self.addresses = 0
        self.cited = 0
        self.with_doi = 0
        self.with_cr = 0
        self.bad_chars = 0
        self.notes: list[str] = []

    def add(self, record: PublicationRecord) -> None:
        """Count one record that is handed on."""
        self.records += 1
        self.parsed.rows_read += 1
        self.authors += len(record.authors)
        self.addresses += len(record.addresses)
        if record.cited_references:
            self.cited += len(record.cited_references)
            self.with_cr += 1
        if record.doi:
            self.with_doi += 1

    def problem(self, line: int | None, message: str) -> None:
        """Record a skipped record (it counts as read)."""
        self.parsed.rows_read += 1
        self.parsed.problems.append(Problem(line, message))

    def note(self, message: str) -> None:
        """Add a warning that does not skip anything."""
        self.notes.append(message)

    def finish(self, *, missing_end: list[int] | None = None, encoding: str = "") -> None:
        """Write ``details`` and the warnings once the whole file is read."""
        parsed = self.parsed
        parsed.details.update({
            "records": self.records, "authors": self.authors, "addresses": self.addresses,
            "cited_references": self.cited, "with_doi": self.with_doi,
        })
        warnings = parsed.warnings
        if self.records and not self.with_cr:
            warnings.append("no cited references in this file: co-citation will not be "
                            "available (export 'Full Record and Cited References')")
        elif self.with_cr and self.with_cr < self.records:
            missing = self.records - self.with_cr
            warnings.append(f"{missing} of {self.records} records {_have(missing)} no cited "
                            "references")
        if self.records and self.with_doi < self.records:
            missing = self.records - self.with_doi
            warnings.append(f"{missing} of {self.records} records {_have(missing)} no DOI: "
                            "they are matched to other sources by UT or by title, year and "
                            "first author")
        if missing_end:
            shown = ", ".join(str(n) for n in missing_end[:_SHOWN_LINES])
            more = " ..." if len(missing_end) > _SHOWN_LINES else ""
            count = len(missing_end)
            warnings.append(f"{count} {'record' if count == 1 else 'records'} {_have(count)} no "
                            f"'ER' end line (starting at line {shown}{more}); read up to the "
                            "next record")
        if self.bad_chars:
            warnings.append(f"{self.bad_chars} bytes are not valid {encoding or 'text'} "
                            "and were replaced by '\ufffd'")
        warnings.extend(self.notes)


def _have(count: int) -> str:
    return "has" if count == 1 else "have"
