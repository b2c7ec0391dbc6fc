"""The merge log of deduplicated publications, and undoing a merge."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection

from analyst_app.db import publication_rows as rows
from analyst_app.db.workspace import Workspace
from analyst_app.domain.category_map import esi_field_for_categories
from analyst_app.domain.merge import merge_records, record_from_json, restore_fields
from analyst_app.errors import InputError


def undo_merge(workspace: Workspace, merge_id: int) -> int:
    """Undo merge ``merge_id``: the merged record becomes a publication of its own again.

    The kept publication is rebuilt as if the merge had never happened: the merges made
    into it after this one are rolled back, then applied again without it. The record
    read in the merge gets a new publication, and its occurrence moves there.

    Parameters
    ----------
    workspace : Workspace
        The workspace.
    merge_id : int
        ``merge_log.id`` of the merge.

    Returns
    -------
    int
        The id of the new publication.

    Raises
    ------
    InputError
        When there is no such merge or it was already undone.
    """
    with workspace.session() as session:
        connection = session.connection()
        merge = connection.exec_driver_sql(rows.sql(connection, (
            "SELECT publication_id, undone_at, incoming FROM merge_log WHERE id = ?")),
            (merge_id,)).one_or_none()
        if merge is None:
            raise InputError(f"there is no merge #{merge_id}")
        if merge[1] is not None:
            raise InputError(f"merge #{merge_id} was already undone")
        kept_id = merge[0]
        _rebuild_without(connection, kept_id, merge_id)
        incoming = record_from_json(_json(merge[2]))
        new_id = _insert_publication(connection, incoming)
        connection.exec_driver_sql(rows.sql(connection, (
            "UPDATE publication_occurrence SET publication_id = ?, match_rule = 'split', "
            "merge_id = NULL WHERE merge_id = ?")), (new_id, merge_id))
        connection.exec_driver_sql(rows.sql(connection, (
            "UPDATE merge_log SET undone_at = ? WHERE id = ?")),
            (datetime.now(timezone.utc).replace(tzinfo=None), merge_id))
        _refresh_sources(connection, kept_id)
    return new_id


def _rebuild_without(connection: Connection, kept_id: int, merge_id: int) -> None:
    later = connection.exec_driver_sql(rows.sql(connection, (
        "SELECT id, changes, incoming FROM merge_log WHERE publication_id = ? AND id >= ? "
        "AND undone_at IS NULL ORDER BY id")), (kept_id, merge_id)).all()
    kept, sources = rows.load_record(connection, kept_id)
    for _, changes, _ in reversed(later):
        restore_fields(kept, _json(changes))
    for other_id, _, incoming in later:
        if other_id == merge_id:
            continue
        changes = merge_records(kept, record_from_json(_json(incoming)))
        connection.exec_driver_sql(rows.sql(connection, "UPDATE merge_log SET changes = ? WHERE id = ?"),
                                   (json.dumps(changes, ensure_ascii=False), other_id))
    rows.write_record(connection, kept_id, kept, sources, esi_field_for_categories(kept.categories),
                      byline_changed=True)


def _insert_publication(connection: Connection, record) -> int:
    new_id = (connection.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM publication").scalar() or 0) + 1
    rows.insert_many(connection, rows.PUBLICATION_INSERT, [rows.publication_row(
        new_id, record, record.source, esi_field_for_categories(record.categories))])
    rows.insert_many(connection, rows.AUTHORSHIP_INSERT, rows.authorship_rows(new_id, record))
    rows.insert_many(connection, rows.ADDRESS_INSERT, rows.address_rows(new_id, record))
    return new_id


def _refresh_sources(connection: Connection, pub_id: int) -> None:
    sources = [s for (s,) in connection.exec_driver_sql(rows.sql(connection, (
        "SELECT source FROM publication_occurrence WHERE publication_id = ? ORDER BY id")), (pub_id,))]
    connection.exec_driver_sql(rows.sql(connection, "UPDATE publication SET sources = ? WHERE id = ?"),
                               (",".join(dict.fromkeys(sources)), pub_id))


def _json(value: object) -> dict:
    return json.loads(value) if isinstance(value, str) else dict(value or {})
