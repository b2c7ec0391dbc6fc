"""The importer registry and format detection from a file's content."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analyst_app.importers import (cnki, esi_institutions, esi_journals, esi_papers, esi_thresholds,
                                   scopus_csv, wos_plain, wos_tab)
from analyst_app.importers.base import HEAD_BYTES, FileHead, ImporterSpec
from analyst_app.importers.encoding import decode_head, detect_encoding

#: Every importer, in priority order (earlier wins a tie).
IMPORTERS: tuple[ImporterSpec, ...] = (
    esi_institutions.SPEC,
    esi_thresholds.SPEC,
    esi_papers.SPEC,
    esi_journals.SPEC,
    wos_plain.SPEC_PLAIN,
    wos_tab.SPEC_TAB,
    wos_tab.SPEC_XLSX,
    scopus_csv.SPEC,
    *cnki.SPECS,
)

#: Below this score a detector's claim is ignored.
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Detection:
    """Which importer claims a file, and how surely."""

    spec: ImporterSpec | None
    score: float
    head: FileHead
    reason: str = ""


def read_head(path: Path) -> FileHead:
    """Read the bounded head of ``path`` and decode it."""
    with open(path, "rb") as handle:
        raw = handle.read(HEAD_BYTES)
    encoding = detect_encoding(raw)
    return FileHead(path=path, raw=raw, text=decode_head(raw, encoding), encoding=encoding)


def importer_by_id(format_id: str) -> ImporterSpec:
    """Return the importer with id ``format_id``; raise ``KeyError`` when unknown."""
    for spec in IMPORTERS:
        if spec.id == format_id:
            return spec
    raise KeyError(format_id)


def detect_format(path: Path) -> Detection:
    """Pick the importer for ``path`` from its content.

    Returns
    -------
    Detection
        ``spec`` is ``None`` when no importer claims the file; ``reason`` then says why
        in plain words (empty, binary, or an unsupported format).
    """
    head = read_head(path)
    if not head.raw:
        return Detection(None, 0.0, head, "the file is empty")
    # Excel workbooks are zip files: binary, but some importers read them.
    if head.encoding == "binary" and not head.raw.startswith(
            (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):  # zip (.xlsx), OLE2 (.xls)
        return Detection(None, 0.0, head, "the file is binary, not a text export")
    scored = [(spec.detect(head), -i, spec) for i, spec in enumerate(IMPORTERS)]
    score, _, spec = max(scored, key=lambda t: (t[0], t[1]))
    if score < MIN_SCORE:
        return Detection(None, score, head, _unsupported_reason(head))
    return Detection(spec, score, head)


def _unsupported_reason(head: FileHead) -> str:
    if head.encoding == "binary":
        return "a zip or Excel file that is not a supported export (not a WoS 'savedrecs' workbook)"
    first = next((line.strip() for line in head.lines if line.strip()), "")
    if first.startswith("Indicators Results List"):
        kind = first.split(":", 1)[1].split()[0] if ":" in first else "this"
        return (f"an ESI '{kind}' list in a layout this version does not recognise (it imports "
                f"Institutions lists and Highly Cited / Hot Papers document lists)")
    shown = first[:60] + ("…" if len(first) > 60 else "")
    return f"not a supported export format (first line: {shown!r})"
