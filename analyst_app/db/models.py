"""SQLAlchemy 2 models of the workspace (see DESIGN.md §3).

Schema changes go through Alembic migrations in ``migrations/versions``; never edit a
released migration, add a new one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (JSON, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint, func)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every workspace table."""


class ImportBatch(Base):
    """One imported file: where it came from, how it was read and what it gave."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(64), index=True)
    importer_version: Mapped[str] = mapped_column(String(32))
    encoding: Mapped[str] = mapped_column(String(32))
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    release_label: Mapped[str | None] = mapped_column(String(16))
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_stored: Mapped[int] = mapped_column(Integer, default=0)
    rows_merged: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    #: ``[{"line": int | None, "message": str}, ...]``: skipped rows and their reasons.
    problems: Mapped[list] = mapped_column(JSON, default=list)
    #: Plain-words warnings about the file as a whole.
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    #: Importer-specific facts, e.g. ``{"field": "CHEMISTRY"}`` for an ESI list.
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class EsiField(Base):
    """Reference table of the 22 ESI fields (seeded by the first migration)."""

    __tablename__ = "esi_field"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name_en: Mapped[str] = mapped_column(String(64), unique=True)
    name_zh: Mapped[str] = mapped_column(String(32))


class EsiRelease(Base):
    """One bimonthly ESI release; every release is kept."""

    __tablename__ = "esi_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(16), unique=True)
    window_start: Mapped[str | None] = mapped_column(String(10))
    window_end: Mapped[str | None] = mapped_column(String(10))


class EsiInstitutionList(Base):
    """The "Institutions" list of one field in one release, as imported from one file."""

    __tablename__ = "esi_institution_list"
    __table_args__ = (UniqueConstraint("release_id", "field_id", name="uq_esi_list_release_field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("esi_release.id"), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("esi_field.id"), index=True)
    institutions: Mapped[int] = mapped_column(Integer)

    rows: Mapped[list[EsiInstitutionRanking]] = relationship(
        back_populates="list", cascade="all, delete-orphan", passive_deletes=True)


class EsiInstitutionRanking(Base):
    """One ranked row of an ESI Institutions list."""

    __tablename__ = "esi_institution_ranking"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("esi_institution_list.id", ondelete="CASCADE"), index=True)
    source_line: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int] = mapped_column(Integer)
    institution: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str] = mapped_column(String(100))
    documents: Mapped[int] = mapped_column(Integer)
    cites: Mapped[int] = mapped_column(Integer)
    cites_per_paper: Mapped[float] = mapped_column(Float)
    top_papers: Mapped[int] = mapped_column(Integer)

    list: Mapped[EsiInstitutionList] = relationship(back_populates="rows")


class EsiThreshold(Base):
    """A published ESI citation threshold (institution, author, country, journal level)."""

    __tablename__ = "esi_threshold"
    __table_args__ = (UniqueConstraint("release_id", "field_id", "level", name="uq_esi_threshold"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"))
    release_id: Mapped[int] = mapped_column(ForeignKey("esi_release.id"), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("esi_field.id"))
    level: Mapped[str] = mapped_column(String(16))
    cites: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Workspace settings such as the institution and its aliases (JSON values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict | list | str | int | float | None] = mapped_column(JSON)
