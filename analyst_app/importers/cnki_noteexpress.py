"""CNKI exports in NoteExpress format (``{Reference Type}: Journal Article`` / ``{Author}: 张伟;李娜;``).

Tags (case-insensitive): Reference Type, Title, Translated Title, Author, Author Address,
Journal / Secondary Title, Year, Date, Volume, Issue, Pages, Keywords (``;;``-separated),
Abstract, ISBN/ISSN, Notes (the CN number), Database Provider, Publisher, DOI, URL,
Tertiary Author (supervisor), Type of Work (degree). See
:mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re
from pathlib import Path

from analyst_app.importers._cnki_common import TagSyntax, detect_tagged, read_tagged
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile

FORMAT_ID = "cnki_noteexpress"
VERSION = "1.0"


def _fold(tag: str) -> str:
    return " ".join(tag.split()).casefold()


SYNTAX = TagSyntax(
    format_id=FORMAT_ID, label="CNKI NoteExpress",
    pattern=re.compile(r"^\{([^{}]+)\}:\s?(.*)$"),
    start="reference type",
    normalise=_fold,
    fields={_fold(tag): key for tag, key in {
        "Reference Type": "type", "Title": "title", "Translated Title": "title_en",
        "English Title": "title_en", "Author": "authors", "Author Address": "addresses",
        "Journal": "journal", "Secondary Title": "journal", "Year": "year", "Date": "date",
        "Volume": "volume", "Issue": "issue", "Pages": "pages", "Keywords": "keywords",
        "Abstract": "abstract", "ISBN/ISSN": "issn", "ISSN": "issn", "DOI": "doi",
        "Publisher": "publisher", "Funding": "funding", "Fund": "funding",
        "Notes": "cn", "Database Provider": "database", "URL": "url",
        "Tertiary Author": "supervisor", "Type of Work": "thesis_level",
        "Language": "language_raw", "Place Published": "place",
    }.items()},
)


def detect_cnki_noteexpress(head: FileHead) -> float:
    """Score how surely ``head`` is a CNKI NoteExpress export (never raises)."""
    return detect_tagged(head, SYNTAX)


def read_cnki_noteexpress(path: Path, encoding: str) -> ParsedFile:
    """Read a CNKI NoteExpress export as a stream of publication records.

    Parameters
    ----------
    path : Path
        The export (``.net`` or ``.txt``).
    encoding : str
        Its encoding (UTF-8 with or without BOM, or GB18030).

    Returns
    -------
    ParsedFile
        See :func:`~analyst_app.importers._cnki_common.read_tagged`.

    Raises
    ------
    InputError
        From the generator, with file and line, when the file is not this format.
    """
    return read_tagged(path, encoding, SYNTAX)


SPEC = ImporterSpec(id=FORMAT_ID, label="CNKI export (NoteExpress)", version=VERSION,
                    detect=detect_cnki_noteexpress, read=read_cnki_noteexpress)
