"""Queries that return DataFrames for analyses, tables and reports."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analyst_app.db.models import (EsiField, EsiInstitutionList, EsiInstitutionRanking,
                                   EsiRelease, EsiThreshold, ImportBatch)


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
    return pd.DataFrame(session.execute(query).mappings().all(), columns=[
        "release", "field", "field_zh", "institutions", "batch_id", "file_name", "sha256",
        "encoding", "imported_at", "importer_version"])


def import_batches_frame(session: Session) -> pd.DataFrame:
    """Return the import history, newest first.

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
    return pd.DataFrame(session.execute(query).mappings().all(), columns=[
        "id", "file_name", "format", "release", "imported_at", "rows_read", "rows_stored",
        "rows_merged", "rows_skipped", "sha256", "encoding", "problems", "warnings", "details"])


def table_counts(session: Session) -> dict[str, int]:
    """Return the row count of every workspace table (used to prove nothing changed)."""
    from analyst_app.db.models import Base
    return {name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()}
