"""CNKI exports in NoteExpress format (``{Reference Type}: Journal Article`` / ``{Author}: 张伟;李娜;``).

Tags (case-insensitive): Reference Type, Title, Translated Title, Author, Author Address,
Journal / Secondary Title, Year, Date, Volume, Issue, Pages, Keywords (``;;``-separated),
Abstract, ISBN/ISSN, Notes (the CN number), Database Provider, Publisher, DOI, URL,
Tertiary Author (supervisor), Type of Work (degree). See
:mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re

from analyst_app.importers._cnki_common import TagSyntax, tagged_importer

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


detect_cnki_noteexpress, read_cnki_noteexpress, SPEC = tagged_importer(SYNTAX, "CNKI export (NoteExpress)", VERSION)
