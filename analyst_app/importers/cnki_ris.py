"""CNKI exports in RIS format (``TY  - JOUR`` ... ``ER  -``).

Tags: TY type, AU/A1 authors, AD institutions, TI/T1 title, TT translated title,
T2/JO/JF/JA journal, PY/Y1 year, DA date, VL volume, IS issue, SP/EP pages, KW keywords
(one per line or ``;``-separated), AB/N2 abstract, SN ISSN, DO DOI, PB publisher,
DB/DP database, UR link. Unlike the other three formats a record must end with
``ER  -``: a record without it (a truncated file) is reported and skipped. RIS files of
other databases are not claimed (see :func:`~analyst_app.importers._cnki_common.detect_tagged`).
"""

from __future__ import annotations

import re

from analyst_app.importers._cnki_common import TagSyntax, tagged_importer

FORMAT_ID = "cnki_ris"
VERSION = "1.0"

SYNTAX = TagSyntax(
    format_id=FORMAT_ID, label="CNKI RIS",
    # "TY  - JOUR"; tools that re-save RIS sometimes leave one space before the hyphen.
    pattern=re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$"),
    start="TY", end="ER",
    fields={
        "TY": "type", "AU": "authors", "A1": "authors", "AD": "addresses", "TI": "title",
        "T1": "title", "TT": "title_en", "T2": "journal", "JO": "journal", "JF": "journal",
        "JA": "journal", "PY": "year", "Y1": "year", "DA": "date", "VL": "volume",
        "IS": "issue", "SP": "begin_page", "EP": "end_page", "KW": "keywords",
        "AB": "abstract", "N2": "abstract", "SN": "issn", "DO": "doi", "PB": "publisher",
        "DB": "database", "DP": "database", "UR": "url", "LA": "language_raw",
        "CY": "place", "N1": "notes", "M3": "thesis_level", "A3": "supervisor",
    },
)


detect_cnki_ris, read_cnki_ris, SPEC = tagged_importer(SYNTAX, "CNKI export (RIS)", VERSION)
