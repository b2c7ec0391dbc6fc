"""Store a stream of publication records with deduplication, in the caller's transaction.

Records are taken from the importer's generator in chunks; each chunk is matched against
the workspace (DOI, then UT / EID, then title + year + first author) and against itself,
new publications are written with driver-level ``executemany`` (no ORM objects per row),
and duplicates are merged field by field with the decision written to ``merge_log``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from typing import Callable, Iterable, Iterator

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from analyst_app.db import publication_rows as rows
from analyst_app.db.models import ImportBatch
from analyst_app.db.row_bundles import (DOI, EID, KEY_COLUMNS, SOURCES, UT, Bundle,
                                         bundle_record, record_bundle)
from analyst_app.domain.category_map import esi_field_for_categories
from analyst_app.domain.merge import merge_records, record_to_json
from analyst_app.domain.records import PublicationRecord
from analyst_app.importers.base import ParsedFile

CHUNK = 1000
#: Secondary indexes that storing never reads (deduplication reads DOI, UT, EID and title
#: key; merges read the byline by publication id): a bulk import builds them at the end.
DEFERRED_INDEXES = ("ix_publication_year", "ix_authorship_full_name",
                    "ix_publication_occurrence_batch_id", "ix_publication_occurrence_publication_id")
#: Match rules, strongest first, and the publication row column each one reads.
RULES = ("doi", "ut", "eid", "title")
_RULE_COLUMN = dict(KEY_COLUMNS)

_OCCURRENCE_INSERT = ("INSERT INTO publication_occurrence (publication_id, batch_id, source, "
                      "source_line, match_rule, merge_id) VALUES (?, ?, ?, ?, ?, ?)")
_MERGE_INSERT = ("INSERT INTO merge_log (id, publication_id, batch_id, source, source_line, rule, "
                 "match_key, decided_at, changes, incoming) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass
class _Pending:
    """Publications of the current chunk not yet written, as bundles by publication id."""

    bundles: dict[int, Bundle] = field(default_factory=dict)
    keys: dict[str, dict[str, int]] = field(default_factory=lambda: {r: {} for r in RULES})
    occurrences: list[tuple] = field(default_factory=list)
    merges: list[tuple] = field(default_factory=list)


@dataclass
class _Counters:
    stored: int = 0
    merged: int = 0
    next_publication: int = 0
    next_merge: int = 0


def store_publications(session: Session, batch: ImportBatch, parsed: ParsedFile,
                       release_label: str | None, check: Callable[[float], None]) -> tuple[int, int]:
    """Consume a publication stream and store it with deduplication.

    Parameters
    ----------
    session : Session
        Open session; the caller owns the transaction (one per file).
    batch : ImportBatch
        This file's batch (flushed; its insert holds the database's write lock, so the
        publication ids allocated here cannot collide with another writer).
    parsed : ParsedFile
        A ``publications`` stream from an importer: ``row_chunks`` (lists of bundles,
        from a parse worker, see :mod:`~analyst_app.services.parse_worker`) when set,
        else ``records``.
    release_label : str or None
        Unused (publications belong to no ESI release).
    check : callable
        ``check(fraction)`` between chunks: reports progress, raises ``Cancelled``.

    Returns
    -------
    (int, int)
        Publications stored new, records merged into existing publications.
    """
    connection = session.connection()
    counters = _Counters(
        next_publication=_max_id(connection, "publication") + 1,
        next_merge=_max_id(connection, "merge_log") + 1)
    chunks = parsed.row_chunks if parsed.row_chunks is not None else _chunks(parsed.records)
    try:
        check(parsed.fraction)
        deferred = _drop_deferred_indexes(connection, counters.next_publication - 1,
                                          batch.size_bytes)
        for chunk in chunks:
            _store_chunk(connection, batch.id, chunk, counters)
            check(parsed.fraction)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()  # stops a parse worker at once on cancel or error
    for statement in deferred:  # on error the rollback restores them
        connection.exec_driver_sql(statement)
    return counters.stored, counters.merged


def _drop_deferred_indexes(connection: Connection, publications: int, size_bytes: int) -> list[str]:
    """Drop the indexes of :data:`DEFERRED_INDEXES` when this file is large for the workspace.

    Building an index once by sorting costs about a third of maintaining it row by row,
    but it sorts the whole table: worth it when the workspace holds fewer publications
    than the file brings (estimated at one per 10 kB, fewer than any export has). Returns
    the statements that create them again (SQLite only; DDL is transactional there).
    """
    if connection.dialect.name != "sqlite" or publications * 10_000 > size_bytes:
        return []
    marks = ", ".join("?" * len(DEFERRED_INDEXES))
    found = connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
        DEFERRED_INDEXES).all()
    for name, _ in found:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    return [statement for _, statement in found]


def _chunks(records: Iterable[PublicationRecord]) -> Iterator[list[Bundle]]:
    """In-process: the records of ``records`` as bundles, CHUNK at a time."""
    records = iter(records)
    while chunk := list(islice(records, CHUNK)):
        yield list(map(record_bundle, chunk))


def _max_id(connection: Connection, table: str) -> int:
    return connection.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar() or 0


def _store_chunk(connection: Connection, batch_id: int, chunk: list[Bundle],
                 counters: _Counters) -> None:
    existing = _existing_ids(connection, chunk)
    pending = _Pending()
    pending_keys = pending.keys
    for bundle in chunk:
        line, row = bundle[0], bundle[1]
        source = row[SOURCES]
        rule, pub_id = _match(row, pending, existing)
        if pub_id is None:
            pub_id = counters.next_publication
            counters.next_publication += 1
            counters.stored += 1
            pending.bundles[pub_id] = bundle
            pending.occurrences.append((pub_id, batch_id, source, line, "new", None))
        else:
            merge_id = counters.next_merge
            counters.next_merge += 1
            counters.merged += 1
            _merge(connection, pub_id, bundle, rule, row[_RULE_COLUMN[rule]] or "", batch_id,
                   merge_id, pending)
            pending.occurrences.append((pub_id, batch_id, source, line, rule, merge_id))
        # A merged record's other keys now point at its publication too.
        for name, column in KEY_COLUMNS:
            key = row[column]
            if key:
                pending_keys[name].setdefault(key, pub_id)
    _flush(connection, pending)



def _existing_ids(connection: Connection, chunk: list[Bundle]) -> dict[str, dict[str, tuple]]:
    """Map each rule's keys found in the workspace to ``(id, doi, ut, eid)`` of the publication."""
    found: dict[str, dict[str, tuple]] = {rule: {} for rule in RULES}
    for (rule, position), column in zip(KEY_COLUMNS, ("doi", "ut", "eid", "title_key")):
        values = sorted({key for bundle in chunk if (key := bundle[1][position])})
        if not values:
            continue
        marks = ", ".join("?" * len(values))
        result = connection.exec_driver_sql(rows.sql(
            connection, f"SELECT {column}, id, doi, ut, eid FROM publication WHERE {column} IN "
                        f"({marks}) ORDER BY id"), tuple(values))
        for value, pub_id, doi, ut, eid in result:
            found[rule].setdefault(value, (pub_id, doi, ut, eid))
    return found


def _match(row: tuple, pending: _Pending,
           existing: dict[str, dict[str, tuple]]) -> tuple[str, int | None]:
    for rule, column in KEY_COLUMNS:
        key = row[column]
        if not key:
            continue
        pub_id = pending.keys[rule].get(key)
        if pub_id is not None:
            other = pending.bundles[pub_id][1]
            doi, ut, eid = other[DOI], other[UT], other[EID]
        elif key in existing[rule]:
            pub_id, doi, ut, eid = existing[rule][key]
        else:
            continue
        # Same title, year and first author but two different DOIs, UTs or EIDs: two
        # records the source itself keeps apart (a paper and its erratum, two parts of a
        # series), never merged.
        if rule == "title" and (_differ(doi, row[DOI]) or _differ(ut, row[UT])
                                or _differ(eid, row[EID])):
            continue
        return rule, pub_id
    return "new", None


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _merge(connection: Connection, pub_id: int, bundle: Bundle, rule: str, key: str,
           batch_id: int, merge_id: int, pending: _Pending) -> None:
    record = bundle_record(bundle)
    if pub_id in pending.bundles:
        kept_bundle = pending.bundles[pub_id]
        kept = bundle_record(kept_bundle)
        changes = merge_records(kept, record)
        # Rebuilt: the merge may have filled the title or authors (a new title key).
        pending.bundles[pub_id] = (kept_bundle[0], *record_bundle(
            kept, _add_source(kept_bundle[1][SOURCES], record.source))[1:])
    else:
        kept, sources = rows.load_record(connection, pub_id)
        changes = merge_records(kept, record)
        merged_sources = _add_source(sources, record.source)
        if changes or merged_sources != sources:
            rows.write_record(connection, pub_id, kept, merged_sources,
                              esi_field_for_categories(kept.categories),
                              "authors" in changes)
    # Written at the flush, after the chunk's new publications it may point to.
    pending.merges.append((
        merge_id, pub_id, batch_id, record.source, record.source_line, rule, key,
        _utc_now(), json.dumps(changes, ensure_ascii=False),
        json.dumps(record_to_json(record), ensure_ascii=False)))


def _utc_now() -> datetime:
    # Stored naive in UTC like CURRENT_TIMESTAMP; queries show local time.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _add_source(sources: str, source: str) -> str:
    parts = sources.split(",") if sources else []
    return sources if source in parts else ",".join([*parts, source])


def _flush(connection: Connection, pending: _Pending) -> None:
    bundles = pending.bundles.items()
    publications = [(pub_id, *bundle[1][1:]) for pub_id, bundle in bundles]
    authorships = [(pub_id, *row[1:]) for pub_id, bundle in bundles for row in bundle[2]]
    addresses = [(pub_id, *row[1:]) for pub_id, bundle in bundles for row in bundle[3]]
    rows.insert_many(connection, rows.PUBLICATION_INSERT, publications)
    rows.insert_many(connection, rows.AUTHORSHIP_INSERT, authorships)
    rows.insert_many(connection, rows.ADDRESS_INSERT, addresses)
    rows.insert_many(connection, _MERGE_INSERT, pending.merges)
    rows.insert_many(connection, _OCCURRENCE_INSERT, pending.occurrences)
