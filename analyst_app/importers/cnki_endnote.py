"""CNKI exports in EndNote format (``%0 Journal Article`` / ``%A 张伟`` / ``%W CNKI``).

Tags as CNKI writes them: %0 type, %A one author per line, %+ institutions
(``;``-separated), %T title, %Q translated title, %J journal, %D year, %V volume,
%N issue, %P pages, %K keywords (``;;``-separated), %X abstract, %@ ISSN, %L CN number,
%W database, %I publisher (the university for theses), %9 degree, %Y supervisor,
%R DOI, %U link. See :mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re
from pathlib import Path

from analyst_app.importers._cnki_common import TagSyntax, detect_tagged, read_tagged
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile

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


def detect_cnki_endnote(head: FileHead) -> float:
    """Score how surely ``head`` is a CNKI EndNote export (never raises)."""
    return detect_tagged(head, SYNTAX)


def read_cnki_endnote(path: Path, encoding: str) -> ParsedFile:
    """Read a CNKI EndNote export as a stream of publication records.

    Parameters
    ----------
    path : Path
        The export (``.txt``).
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


SPEC = ImporterSpec(id=FORMAT_ID, label="CNKI export (EndNote)", version=VERSION,
                    detect=detect_cnki_endnote, read=read_cnki_endnote)
