"""CNKI exports in EndNote format (``%0 Journal Article`` / ``%A 张伟`` / ``%W CNKI``).

Tags as CNKI writes them: %0 type, %A one author per line, %+ institutions
(``;``-separated), %T title, %Q translated title, %J journal, %D year, %V volume,
%N issue, %P pages, %K keywords (``;;``-separated), %X abstract, %@ ISSN, %L CN number,
%W database, %I publisher (the university for theses), %9 degree, %Y supervisor,
%R DOI, %U link. See :mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re

from analyst_app.importers._cnki_common import TagSyntax, tagged_importer

FORMAT_ID = "cnki_endnote"
VERSION = "1.0"

SYNTAX = TagSyntax(
    format_id=FORMAT_ID, label="CNKI EndNote",
    pattern=re.compile(r"^%(\S)(?:\s(.*))?$"),
    start="0",
    fields={
        "0": "type", "A": "authors", "+": "addresses", "T": "title", "Q": "title_en",
        "J": "journal", "B": "journal", "D": "year", "8": "date", "V": "volume", "N": "issue",
        "P": "pages", "K": "keywords", "X": "abstract", "@": "issn", "R": "doi",
        "I": "publisher", "L": "cn", "W": "database", "9": "thesis_level", "Y": "supervisor",
        "U": "url", "G": "language_raw", "C": "place", "Z": "notes",
    },
)


detect_cnki_endnote, read_cnki_endnote, SPEC = tagged_importer(SYNTAX, "CNKI export (EndNote)", VERSION)
