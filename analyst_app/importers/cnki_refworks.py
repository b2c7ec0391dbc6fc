"""CNKI exports in RefWorks format (``RT Journal Article`` / ``A1 张伟;李娜;`` / ``DS CNKI``).

Tags as CNKI writes them: RT type, A1 authors (one field, ``;``-separated), A3 thesis
supervisor, AD institutions, T1 title, JF journal, YR year, FD date, VO volume, IS issue,
OP pages, K1 keywords (English ones on the continuation line), AB abstract, SN ISSN,
CN CN number, LA language, DS database, PB publisher (the university for theses),
CL degree, DO DOI, LK link. See :mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re

from analyst_app.importers._cnki_common import TagSyntax, tagged_importer

FORMAT_ID = "cnki_refworks"
VERSION = "1.0"

SYNTAX = TagSyntax(
    format_id=FORMAT_ID, label="CNKI RefWorks",
    # A tag is two characters at the start of the line; continuation lines start with a space.
    pattern=re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$"),
    start="RT",
    fields={
        "RT": "type", "A1": "authors", "AU": "authors", "AD": "addresses", "T1": "title",
        "OT": "title_en", "TT": "title_en", "JF": "journal", "JO": "journal", "YR": "year",
        "FD": "date", "VO": "volume", "IS": "issue", "OP": "pages", "SP": "begin_page",
        "K1": "keywords", "AB": "abstract", "SN": "issn", "DO": "doi", "PB": "publisher",
        "FU": "funding", "CN": "cn", "LA": "language_raw", "DS": "database",
        "CL": "thesis_level", "A3": "supervisor", "LK": "url", "UL": "url", "PP": "place",
    },
)


detect_cnki_refworks, read_cnki_refworks, SPEC = tagged_importer(SYNTAX, "CNKI export (RefWorks)", VERSION)
