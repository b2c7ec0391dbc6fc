"""Queries that return DataFrames for analyses, tables and reports."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analyst_app.db.models import (EsiField, EsiInstitutionList, EsiInstitutionRanking,
                                   EsiRelease, EsiThreshold, ImportBatch)


def utc_to_local(column: pd.Series) -> pd.Series:
    """Convert naive UTC times (the database's ``CURRENT_TIMESTAMP``) to naive local times.

    Times are stored in UTC so a team database shared across machines agrees; users read
    them in their own time zone.
    """
    if column.empty:
        return column
    stamps = pd.to_datetime(column, utc=True)
    return stamps.dt.tz_convert(datetime.now().astimezone().tzinfo).dt.tz_localize(None)


def esi_rankings_frame(session: Session, releases: list[str] | None = None) -> pd.DataFrame:
    """Return every imported ESI Institutions row.

    Returns
    -------
    pandas.DataFrame
        Columns ``release``, ``field``, ``field_zh``, ``rank``, ``institution``, ``country``,
        ``documents``, ``cites``, ``cites_per_paper``, ``top_papers``, ``source_line`` and
        ``batch_id`` (the import batch the row came from).
    """
    query = (
        select(EsiRelease.label.label("release"), EsiField.name_en.label("field"),
               EsiField.name_zh.label("field_zh"), EsiInstitutionRanking.rank,
               EsiInstitutionRanking.institution, EsiInstitutionRanking.country,
               EsiInstitutionRanking.documents, EsiInstitutionRanking.cites,
               EsiInstitutionRanking.cites_per_paper, EsiInstitutionRanking.top_papers,
               EsiInstitutionRanking.source_line, EsiInstitutionList.batch_id)
        .join(EsiInstitutionList, EsiInstitutionRanking.list_id == EsiInstitutionList.id)
        .join(EsiRelease, EsiInstitutionList.release_id == EsiRelease.id)
        .join(EsiField, EsiInstitutionList.field_id == EsiField.id)
        .order_by(EsiRelease.label, EsiField.name_en, EsiInstitutionRanking.source_line)
    )
    if releases:
        query = query.where(EsiRelease.label.in_(releases))
    return pd.DataFrame(session.execute(query).mappings().all(), columns=[
        "release", "field", "field_zh", "rank", "institution", "country", "documents", "cites",
        "cites_per_paper", "top_papers", "source_line", "batch_id"])


def esi_thresholds_frame(session: Session, level: str = "institution") -> pd.DataFrame:
    """Return published ESI thresholds of one level: columns ``release``, ``field``, ``cites``."""
    query = (select(EsiRelease.label.label("release"), EsiField.name_en.label("field"),
                    EsiThreshold.cites)
             .join(EsiRelease, EsiThreshold.release_id == EsiRelease.id)
             .join(EsiField, EsiThreshold.field_id == EsiField.id)
             .where(EsiThreshold.level == level))
    return pd.DataFrame(session.execute(query).mappings().all(), columns=["release", "field", "cites"])


def esi_releases(session: Session) -> list[str]:
    """Return the labels of the imported ESI releases, oldest first."""
    return list(session.scalars(select(EsiRelease.label).order_by(EsiRelease.label)))


def esi_lists_frame(session: Session) -> pd.DataFrame:
    """Return one row per imported ESI list with its source file.

    Columns: ``release``, ``field``, ``field_zh``, ``institutions``, ``batch_id``,
    ``file_name``, ``sha256``, ``encoding``, ``imported_at``, ``importer_version``.
    """
    query = (select(EsiRelease.label.label("release"), EsiField.name_en.label("field"),
                    EsiField.name_zh.label("field_zh"), EsiInstitutionList.institutions,
                    ImportBatch.id.label("batch_id"), ImportBatch.file_name, ImportBatch.sha256,
                    ImportBatch.encoding, ImportBatch.imported_at, ImportBatch.importer_version)
             .join(EsiRelease, EsiInstitutionList.release_id == EsiRelease.id)
             .join(EsiField, EsiInstitutionList.field_id == EsiField.id)
             .join(ImportBatch, EsiInstitutionList.batch_id == ImportBatch.id)
             .order_by(EsiRelease.label, EsiField.name_en))
    frame = pd.DataFrame(session.execute(query).mappings().all(), columns=[
        "release", "field", "field_zh", "institutions", "batch_id", "file_name", "sha256",
        "encoding", "imported_at", "importer_version"])
    frame["imported_at"] = utc_to_local(frame["imported_at"])
    return frame


def import_batches_frame(session: Session) -> pd.DataFrame:
    """Return the import history, newest first (``imported_at`` in local time).

    Columns: ``id``, ``file_name``, ``format``, ``release``, ``imported_at``, ``rows_read``,
    ``rows_stored``, ``rows_merged``, ``rows_skipped``, ``sha256``, ``encoding``, ``problems``,
    ``warnings``, ``details``.
    """
    query = select(ImportBatch.id, ImportBatch.file_name, ImportBatch.format,
                   ImportBatch.release_label.label("release"), ImportBatch.imported_at,
                   ImportBatch.rows_read, ImportBatch.rows_stored, ImportBatch.rows_merged,
                   ImportBatch.rows_skipped, ImportBatch.sha256, ImportBatch.encoding,
                   ImportBatch.problems, ImportBatch.warnings,
                   ImportBatch.details).order_by(ImportBatch.id.desc())
    frame = pd.DataFrame(session.execute(query).mappings().all(), columns=[
        "id", "file_name", "format", "release", "imported_at", "rows_read", "rows_stored",
        "rows_merged", "rows_skipped", "sha256", "encoding", "problems", "warnings", "details"])
    frame["imported_at"] = utc_to_local(frame["imported_at"])
    return frame


def table_counts(session: Session) -> dict[str, int]:
    """Return the row count of every workspace table (used to prove nothing changed)."""
    from analyst_app.db.models import Base
    return {name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()}


def _publication_filter(search: str | None, year: int | None, source: str | None):
    from sqlalchemy import exists, or_
    from analyst_app.db.models import Authorship, Publication
    conditions = []
    if search and search.strip().lower().startswith("10."):
        conditions.append(Publication.doi == search.strip().lower())  # indexed: no table scan
    elif search:
        pattern = f"%{search.strip()}%"
        by_author = exists().where(Authorship.publication_id == Publication.id,
                                   Authorship.full_name.ilike(pattern))
        conditions.append(or_(Publication.title.ilike(pattern), Publication.source_title.ilike(pattern),
                              Publication.doi == search.strip().lower(), by_author))
    if year is not None:
        conditions.append(Publication.year == year)
    if source:
        conditions.append(Publication.sources.like(f"%{source}%"))
    return conditions


def publications_page(session: Session, *, search: str | None = None, year: int | None = None,
                      source: str | None = None, offset: int = 0, limit: int = 200,
                      after_id: int | None = None) -> pd.DataFrame:
    """Return one page of publications for the record browser (never the whole corpus).

    Parameters
    ----------
    search : str, optional
        Text matched case-insensitively in the title, source title and author names, or a DOI.
    year : int, optional
        Publication year.
    source : str, optional
        ``wos``, ``scopus`` or ``cnki``.
    offset, limit : int
        The page.
    after_id : int, optional
        Start after this publication id instead of at ``offset`` (keyset paging: deep pages
        of a 500k corpus cost as little as the first).

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``title``, ``first_author``, ``year``, ``source_title``, ``doc_type``,
        ``doi``, ``ut``, ``eid``, ``times_cited``, ``cited_reference_count``, ``sources``.
    """
    from analyst_app.db.models import Publication
    columns = ["id", "title", "first_author", "year", "source_title", "doc_type", "doi", "ut",
               "eid", "times_cited", "cited_reference_count", "sources"]
    conditions = _publication_filter(search, year, source)
    if after_id is not None:
        conditions.append(Publication.id > after_id)
        offset = 0
    query = (select(*[getattr(Publication, c) for c in columns]).where(*conditions)
             .order_by(Publication.id).offset(offset).limit(limit))
    return pd.DataFrame(session.execute(query).all(), columns=columns)


def publications_count(session: Session, *, search: str | None = None, year: int | None = None,
                       source: str | None = None) -> int:
    """Return how many publications :func:`publications_page` pages through."""
    from analyst_app.db.models import Publication
    query = select(func.count(Publication.id)).where(*_publication_filter(search, year, source))
    return session.scalar(query) or 0


def merge_log_frame(session: Session, *, batch_id: int | None = None) -> pd.DataFrame:
    """Return the merge decisions, newest first.

    Columns: ``id``, ``publication_id``, ``title``, ``rule`` (``doi``, ``ut``, ``eid`` or
    ``title``), ``match_key``, ``source``, ``file_name``, ``source_line``, ``changed_fields``
    (comma-separated), ``decided_at``, ``undone_at``.
    """
    from analyst_app.db.models import MergeLog, Publication
    query = (select(MergeLog.id, MergeLog.publication_id, Publication.title, MergeLog.rule,
                    MergeLog.match_key, MergeLog.source, ImportBatch.file_name,
                    MergeLog.source_line, MergeLog.changes, MergeLog.decided_at,
                    MergeLog.undone_at)
             .join(Publication, Publication.id == MergeLog.publication_id)
             .join(ImportBatch, ImportBatch.id == MergeLog.batch_id)
             .order_by(MergeLog.id.desc()))
    if batch_id is not None:
        query = query.where(MergeLog.batch_id == batch_id)
    frame = pd.DataFrame(session.execute(query).all(), columns=[
        "id", "publication_id", "title", "rule", "match_key", "source", "file_name",
        "source_line", "changes", "decided_at", "undone_at"])
    frame["changed_fields"] = frame.pop("changes").map(lambda c: ", ".join(sorted(c or {})))
    frame["decided_at"] = utc_to_local(frame["decided_at"])
    frame["undone_at"] = utc_to_local(frame["undone_at"])
    return frame
