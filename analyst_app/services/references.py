"""Index cited references for co-citation: parse the raw references kept at import into rows.

Imports keep each publication's cited references as raw text (the fast path: a 500k-record
WoS corpus carries ~20 million references). This builds the ``cited_reference`` rows the
first time an analysis needs them, and afterwards only for publications whose references
changed (new imports, merges, undone merges).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Connection

from analyst_app.db import publication_rows as rows
from analyst_app.db.workspace import Workspace
from analyst_app.domain.references import parse_reference, reference_key
from analyst_app.tasks import CancelToken, Progress, no_progress

_CHUNK = 2000
# A WoS CR line: "Author, YYYY, SOURCE, ..." ([Anonymous] and no-author forms included);
# anything else is read as a Scopus reference.
_WOS_SHAPE = re.compile(r"^[^,]{0,120}, (?:1[5-9]|20)\d\d(?:,|$)|^\[Anonymous\]")
_INSERT = ("INSERT INTO cited_reference (publication_id, position, first_author, year, source, "
           "volume, page, doi, ref_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def reference_format(raw: str) -> str:
    """Return ``"wos"`` or ``"scopus"``: the format a raw cited reference is written in."""
    return "wos" if _WOS_SHAPE.match(raw) else "scopus"


@lru_cache(maxsize=65_536)
def _parsed(raw: str) -> tuple:
    """``(first_author, year, source, volume, page, doi, ref_key)`` of one raw reference.

    Cached: a corpus cites its popular references thousands of times, each time with the
    same text, so most references are parsed once (65k entries hold ~25 MB at most).
    """
    ref = parse_reference(raw, reference_format(raw))
    return (ref.first_author, ref.year, ref.source, ref.volume, ref.page, ref.doi,
            reference_key(ref))


def build_reference_index(workspace: Workspace, *, progress: Progress = no_progress,
                          cancel: CancelToken | None = None) -> int:
    """Parse the cited references of every publication not yet indexed into ``cited_reference``.

    Runs in one transaction: cancelling leaves the index as it was.

    Returns
    -------
    int
        Cited-reference rows written.
    """
    cancel = cancel or CancelToken()
    written = 0
    try:
        with workspace.session() as session:
            connection = session.connection()
            todo = [pid for (pid,) in connection.exec_driver_sql(
                "SELECT id FROM publication WHERE references_indexed = 0 ORDER BY id")]
            for start in range(0, len(todo), _CHUNK):
                cancel.raise_if_cancelled()
                progress(start / max(len(todo), 1), "indexing cited references")
                written += _index_chunk(connection, todo[start:start + _CHUNK])
    finally:
        _parsed.cache_clear()  # the memory goes back once the index is built (or cancelled)
    progress(1.0, "cited references indexed")
    return written


def _index_chunk(connection: Connection, ids: list[int]) -> int:
    marks = ", ".join("?" * len(ids))
    connection.exec_driver_sql(rows.sql(connection, (
        f"DELETE FROM cited_reference WHERE publication_id IN ({marks})")), tuple(ids))
    found = connection.exec_driver_sql(rows.sql(connection, (
        f"SELECT id, cited_references FROM publication WHERE id IN ({marks})")), tuple(ids))
    values = []
    for pub_id, text in found:
        for position, raw in enumerate(text.split("\n") if text else []):
            values.append((pub_id, position, *_parsed(raw)))
    rows.insert_many(connection, _INSERT, values)
    connection.exec_driver_sql(rows.sql(connection, (
        f"UPDATE publication SET references_indexed = 1 WHERE id IN ({marks})")), tuple(ids))
    return len(values)
