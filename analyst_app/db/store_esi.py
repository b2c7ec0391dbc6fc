"""Store parsed ESI lists in the workspace (inside the caller's transaction)."""

from __future__ import annotations

import hashlib
from typing import Callable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from analyst_app.db.models import (EsiField, EsiInstitutionList, EsiInstitutionRanking,
                                   EsiRelease, ImportBatch)
from analyst_app.errors import InputError
from analyst_app.importers.base import ParsedFile

_CHUNK = 2000


def content_fingerprint(parsed: ParsedFile) -> str:
    """Return a sha256 of a list's field and rows, independent of bytes, quoting and encoding.

    Two downloads of the same list hash alike, so a list imported again under another
    release label can be recognised.
    """
    digest = hashlib.sha256(parsed.details["field"].encode())
    for row in parsed.records:
        digest.update(f"|{row.rank}|{row.institution}|{row.documents}|{row.cites}|{row.top_papers}"
                      .encode())
    return digest.hexdigest()


def store_esi_institutions(session: Session, batch: ImportBatch, parsed: ParsedFile,
                           release_label: str, check: Callable[[float], None]) -> tuple[int, int]:
    """Store one ESI Institutions list under ``release_label``.

    Parameters
    ----------
    session : Session
        Open session; the caller owns the transaction.
    batch : ImportBatch
        The batch row of this file (already flushed, so it has an id).
    parsed : ParsedFile
        Output of :func:`~analyst_app.importers.esi_institutions.read_esi_institutions`.
    release_label : str
        The ESI release the user said the file belongs to.
    check : callable
        ``check(fraction)`` is called between chunks; it reports progress and raises
        :class:`~analyst_app.errors.Cancelled` to abort.

    Returns
    -------
    (int, int)
        Rows stored, rows merged (always 0: a list is never merged).

    Raises
    ------
    InputError
        When the field already has a list in that release, or the same list is already in
        the workspace under another release.
    """
    field_name = parsed.details["field"]
    field = session.scalars(select(EsiField).where(EsiField.name_en == field_name)).one()
    release = _release(session, release_label)
    _check_conflicts(session, batch, release, field, parsed)
    listing = EsiInstitutionList(batch_id=batch.id, release_id=release.id, field_id=field.id,
                                 institutions=len(parsed.records))
    session.add(listing)
    session.flush()
    rows = parsed.records
    # Core insert (executemany) on the session's connection: same transaction, no ORM
    # bookkeeping per row, which is most of the cost of the ORM bulk path.
    connection = session.connection()
    statement = insert(EsiInstitutionRanking.__table__)
    for start in range(0, len(rows), _CHUNK):
        check(start / max(len(rows), 1))
        connection.execute(statement, [
            {"list_id": listing.id, "source_line": r.source_line, "rank": r.rank,
             "institution": r.institution, "country": r.country, "documents": r.documents,
             "cites": r.cites, "cites_per_paper": r.cites_per_paper, "top_papers": r.top_papers}
            for r in rows[start:start + _CHUNK]])
    return len(rows), 0


def _release(session: Session, label: str) -> EsiRelease:
    release = session.scalars(select(EsiRelease).where(EsiRelease.label == label)).one_or_none()
    if release is None:
        release = EsiRelease(label=label)
        session.add(release)
        session.flush()
    return release


def _check_conflicts(session: Session, batch: ImportBatch, release: EsiRelease,
                     field: EsiField, parsed: ParsedFile) -> None:
    existing = session.execute(
        select(ImportBatch.file_name, ImportBatch.id)
        .join(EsiInstitutionList, EsiInstitutionList.batch_id == ImportBatch.id)
        .where(EsiInstitutionList.release_id == release.id,
               EsiInstitutionList.field_id == field.id)).first()
    if existing is not None:
        raise InputError(f"{field.name_en} of release {release.label} is already in the workspace "
                         f"(from {existing.file_name}, import #{existing.id}); remove that import "
                         "first to replace it", file=batch.file_path)
    fingerprint = batch.details.get("content_sha256")
    for other in session.scalars(select(ImportBatch).where(ImportBatch.id != batch.id,
                                                           ImportBatch.format == batch.format)):
        if other.details.get("content_sha256") == fingerprint:
            raise InputError(f"this {field.name_en} list is identical to {other.file_name} "
                             f"(import #{other.id}), already imported as release "
                             f"{other.release_label}: one ESI release cannot carry two labels",
                             file=batch.file_path)


def store_esi_thresholds(session: Session, batch: ImportBatch, parsed: ParsedFile,
                         release_label: str, check: Callable[[float], None]) -> tuple[int, int]:
    """Store the published thresholds of one release (one row per field and level); return (stored, 0).

    Raises
    ------
    InputError
        When the release already has published thresholds.
    """
    from analyst_app.db.models import EsiThreshold
    release = _release(session, release_label)
    earlier = session.execute(
        select(ImportBatch.file_name, ImportBatch.id).join(
            EsiThreshold, EsiThreshold.batch_id == ImportBatch.id)
        .where(EsiThreshold.release_id == release.id)).first()
    if earlier is not None:
        raise InputError(f"release {release_label} already has published thresholds (from "
                         f"{earlier.file_name}, import #{earlier.id}); remove that import first",
                         file=batch.file_path)
    fields = {f.name_en: f.id for f in session.scalars(select(EsiField))}
    values = [{"batch_id": batch.id, "release_id": release.id, "field_id": fields[row.field],
               "level": level, "cites": cites}
              for row in parsed.records for level, cites in row.levels.items()]
    check(0.5)
    if values:
        session.execute(insert(EsiThreshold), values)
    return len(parsed.records), 0
