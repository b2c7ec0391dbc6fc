"""CNKI exports in RefWorks format (``RT Journal Article`` / ``A1 张伟;李娜;`` / ``DS CNKI``).

Tags as CNKI writes them: RT type, A1 authors (one field, ``;``-separated), A3 thesis
supervisor, AD institutions, T1 title, JF journal, YR year, FD date, VO volume, IS issue,
OP pages, K1 keywords (English ones on the continuation line), AB abstract, SN ISSN,
CN CN number, LA language, DS database, PB publisher (the university for theses),
CL degree, DO DOI, LK link. See :mod:`analyst_app.importers._cnki_common`.
"""

from __future__ import annotations

import re
from pathlib import Path

from analyst_app.importers._cnki_common import TagSyntax, detect_tagged, read_tagged
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile

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


def detect_cnki_refworks(head: FileHead) -> float:
    """Score how surely ``head`` is a CNKI RefWorks export (never raises)."""
    return detect_tagged(head, SYNTAX)


def read_cnki_refworks(path: Path, encoding: str) -> ParsedFile:
    """Read a CNKI RefWorks export as a stream of publication records.

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


SPEC = ImporterSpec(id=FORMAT_ID, label="CNKI export (RefWorks)", version=VERSION,
                    detect=detect_cnki_refworks, read=read_cnki_refworks)
