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
from typing import Callable, Iterator

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from analyst_app.db import publication_rows as rows
from analyst_app.db.models import ImportBatch
from analyst_app.domain.category_map import esi_field_for_categories
from analyst_app.domain.identifiers import title_key
from analyst_app.domain.merge import merge_records, record_to_json
from analyst_app.domain.records import PublicationRecord
from analyst_app.importers.base import ParsedFile

CHUNK = 1000
#: Match rules, strongest first: (rule name, record attribute or key function).
RULES = ("doi", "ut", "eid", "title")

_OCCURRENCE_INSERT = ("INSERT INTO publication_occurrence (publication_id, batch_id, source, "
                      "source_line, match_rule, merge_id) VALUES (?, ?, ?, ?, ?, ?)")
_MERGE_INSERT = ("INSERT INTO merge_log (id, publication_id, batch_id, source, source_line, rule, "
                 "match_key, decided_at, changes, incoming) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def record_keys(record: PublicationRecord) -> dict[str, str | None]:
    """Return the match keys of ``record`` by rule (``None`` where it has none)."""
    first = record.authors[0].full_name if record.authors else None
    return {"doi": record.doi, "ut": record.ut, "eid": record.eid,
            "title": title_key(record.title, record.year, first)}


@dataclass
class _Pending:
    """Publications of the current chunk not yet written."""

    records: dict[int, PublicationRecord] = field(default_factory=dict)
    title_keys: dict[int, str | None] = field(default_factory=dict)
    #: Sources per publication, in the order met (a dict used as an ordered set).
    sources: dict[int, dict[str, None]] = field(default_factory=dict)
    keys: dict[str, dict[str, int]] = field(default_factory=lambda: {r: {} for r in RULES})
    occurrences: list[tuple] = field(default_factory=list)
    merges: list[tuple] = field(default_factory=list)
    merged: set[int] = field(default_factory=set)


@dataclass
class _Counters:
    stored: int = 0
    merged: int = 0
    next_publication: int = 0
    next_merge: int = 0


def store_publications(session: Session, batch: ImportBatch, parsed: ParsedFile,
                       release_label: str | None, check: Callable[[float], None]) -> tuple[int, int]:
    """Consume ``parsed.records`` and store them with deduplication.

    Parameters
    ----------
    session : Session
        Open session; the caller owns the transaction (one per file).
    batch : ImportBatch
        This file's batch (flushed; its insert holds the database's write lock, so the
        publication ids allocated here cannot collide with another writer).
    parsed : ParsedFile
        A ``publications`` stream from an importer.
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
    records: Iterator[PublicationRecord] = iter(parsed.records)
    while True:
        check(parsed.fraction)
        chunk = list(islice(records, CHUNK))
        if not chunk:
            break
        _store_chunk(connection, batch.id, chunk, counters)
    return counters.stored, counters.merged


def _max_id(connection: Connection, table: str) -> int:
    return connection.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar() or 0


def _store_chunk(connection: Connection, batch_id: int, chunk: list[PublicationRecord],
                 counters: _Counters) -> None:
    keyed = [(record, record_keys(record)) for record in chunk]
    existing = _existing_ids(connection, [k for _, k in keyed])
    pending = _Pending()
    for record, keys in keyed:
        rule, pub_id = _match(keys, pending, existing, record)
        if pub_id is None:
            pub_id = counters.next_publication
            counters.next_publication += 1
            counters.stored += 1
            pending.records[pub_id] = record
            pending.title_keys[pub_id] = keys["title"]
            pending.sources[pub_id] = {record.source: None}
            for name, key in keys.items():
                if key:
                    pending.keys[name].setdefault(key, pub_id)
            pending.occurrences.append((pub_id, batch_id, record.source, record.source_line, "new", None))
            continue
        merge_id = counters.next_merge
        counters.next_merge += 1
        counters.merged += 1
        _merge(connection, pub_id, record, rule, keys[rule] or "", batch_id, merge_id, pending)
        pending.occurrences.append((pub_id, batch_id, record.source, record.source_line, rule, merge_id))
        # The merged record's other keys now point at this publication too.
        for name, key in keys.items():
            if key:
                pending.keys[name].setdefault(key, pub_id)
    _flush(connection, pending)


def _existing_ids(connection: Connection,
                  keys: list[dict[str, str | None]]) -> dict[str, dict[str, tuple]]:
    """Map each rule's keys found in the workspace to ``(id, doi, ut, eid)`` of the publication."""
    found: dict[str, dict[str, tuple]] = {rule: {} for rule in RULES}
    for rule, column in zip(RULES, ("doi", "ut", "eid", "title_key")):
        values = sorted({k[rule] for k in keys if k[rule]})
        if not values:
            continue
        marks = ", ".join("?" * len(values))
        result = connection.exec_driver_sql(rows.sql(
            connection, f"SELECT {column}, id, doi, ut, eid FROM publication WHERE {column} IN "
                        f"({marks}) ORDER BY id"), tuple(values))
        for value, pub_id, doi, ut, eid in result:
            found[rule].setdefault(value, (pub_id, doi, ut, eid))
    return found


def _match(keys: dict[str, str | None], pending: _Pending,
           existing: dict[str, dict[str, tuple]],
           record: PublicationRecord) -> tuple[str, int | None]:
    for rule in RULES:
        key = keys[rule]
        if not key:
            continue
        pub_id = pending.keys[rule].get(key)
        if pub_id is not None:
            other = pending.records[pub_id]
            doi, ut, eid = other.doi, other.ut, other.eid
        elif key in existing[rule]:
            pub_id, doi, ut, eid = existing[rule][key]
        else:
            continue
        # Same title, year and first author but two different DOIs, UTs or EIDs: two
        # records the source itself keeps apart (a paper and its erratum, two parts of a
        # series), never merged.
        if rule == "title" and (_differ(doi, record.doi) or _differ(ut, record.ut)
                                or _differ(eid, record.eid)):
            continue
        return rule, pub_id
    return "new", None


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _merge(connection: Connection, pub_id: int, record: PublicationRecord, rule: str, key: str,
           batch_id: int, merge_id: int, pending: _Pending) -> None:
    if pub_id in pending.records:
        kept = pending.records[pub_id]
        changes = merge_records(kept, record)
        pending.merged.add(pub_id)
        pending.sources[pub_id][record.source] = None
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
    publications, authorships, addresses = [], [], []
    for pub_id, record in pending.records.items():
        sources = ",".join(pending.sources[pub_id])
        # A merge into a pending record may have filled its title or authors: recompute then.
        key = pending.title_keys[pub_id] if pub_id not in pending.merged else False
        publications.append(rows.publication_row(pub_id, record, sources,
                                                 esi_field_for_categories(record.categories), key))
        authorships.extend(rows.authorship_rows(pub_id, record))
        addresses.extend(rows.address_rows(pub_id, record))
    rows.insert_many(connection, rows.PUBLICATION_INSERT, publications)
    rows.insert_many(connection, rows.AUTHORSHIP_INSERT, authorships)
    rows.insert_many(connection, rows.ADDRESS_INSERT, addresses)
    rows.insert_many(connection, _MERGE_INSERT, pending.merges)
    rows.insert_many(connection, _OCCURRENCE_INSERT, pending.occurrences)
