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


class Publication(Base):
    """One deduplicated publication (WoS, Scopus or CNKI, possibly merged from several).

    List fields that analyses read as a whole are stored as text, one item per line
    (``keywords_author``, ``keywords_plus``, ``categories``, ``research_areas``,
    ``cited_references``, ``emails``); derived tables (keyword and reference indexes) are
    built from them after a bulk import.
    """

    __tablename__ = "publication"

    id: Mapped[int] = mapped_column(primary_key=True)
    doi: Mapped[str | None] = mapped_column(String(300), index=True)
    ut: Mapped[str | None] = mapped_column(String(64), index=True)
    eid: Mapped[str | None] = mapped_column(String(64), index=True)
    pmid: Mapped[str | None] = mapped_column(String(32))
    title_key: Mapped[str | None] = mapped_column(String(400), index=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    doc_type: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str | None] = mapped_column(String(50))
    source_title: Mapped[str | None] = mapped_column(String(500))
    source_abbrev: Mapped[str | None] = mapped_column(String(200))
    volume: Mapped[str | None] = mapped_column(String(50))
    issue: Mapped[str | None] = mapped_column(String(50))
    begin_page: Mapped[str | None] = mapped_column(String(50))
    end_page: Mapped[str | None] = mapped_column(String(50))
    article_number: Mapped[str | None] = mapped_column(String(100))
    publisher: Mapped[str | None] = mapped_column(String(300))
    issn: Mapped[str | None] = mapped_column(String(20))
    eissn: Mapped[str | None] = mapped_column(String(20))
    abstract: Mapped[str | None] = mapped_column(Text)
    first_author: Mapped[str | None] = mapped_column(String(300))
    reprint_address: Mapped[str | None] = mapped_column(Text)
    emails: Mapped[str | None] = mapped_column(Text)
    keywords_author: Mapped[str | None] = mapped_column(Text)
    keywords_plus: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[str | None] = mapped_column(Text)
    research_areas: Mapped[str | None] = mapped_column(Text)
    esi_field: Mapped[str | None] = mapped_column(String(64))
    cited_references: Mapped[str | None] = mapped_column(Text)
    cited_reference_count: Mapped[int] = mapped_column(Integer, default=0)
    declared_reference_count: Mapped[int | None] = mapped_column(Integer)
    times_cited: Mapped[int | None] = mapped_column(Integer)
    highly_cited: Mapped[bool | None] = mapped_column()
    hot_paper: Mapped[bool | None] = mapped_column()
    funding: Mapped[str | None] = mapped_column(Text)
    open_access: Mapped[str | None] = mapped_column(String(200))
    sources: Mapped[str] = mapped_column(String(64))
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Whether ``cited_reference`` rows reflect ``cited_references`` (see CitedReferenceRow).
    references_indexed: Mapped[bool] = mapped_column(default=False, server_default="0")


class PublicationOccurrence(Base):
    """Where a publication was read: one row per record of an imported file."""

    __tablename__ = "publication_occurrence"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"),
                                          index=True)
    source: Mapped[str] = mapped_column(String(16))
    source_line: Mapped[int] = mapped_column(Integer)
    #: ``new`` for the record that created the publication, else the rule that merged it.
    match_rule: Mapped[str] = mapped_column(String(16))
    merge_id: Mapped[int | None] = mapped_column(ForeignKey("merge_log.id", ondelete="SET NULL"))


class Authorship(Base):
    """An author of a publication, in byline order, with the positions of their addresses."""

    __tablename__ = "authorship"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    full_name: Mapped[str] = mapped_column(String(300), index=True)
    short_name: Mapped[str | None] = mapped_column(String(200))
    orcid: Mapped[str | None] = mapped_column(String(32))
    researcher_id: Mapped[str | None] = mapped_column(String(64))
    corresponding: Mapped[bool] = mapped_column(default=False)
    #: Comma-separated 0-based positions in the publication's addresses.
    address_positions: Mapped[str | None] = mapped_column(String(200))


class PublicationAddress(Base):
    """An affiliation address of a publication."""

    __tablename__ = "publication_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(100))


class MergeLog(Base):
    """A deduplication decision: an incoming record merged into an existing publication.

    ``changes`` holds, per field the merge changed, the value before the merge (so the
    merge can be undone); ``incoming`` the merged record itself (so undo can give it a
    publication of its own).
    """

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"),
                                          index=True)
    source: Mapped[str] = mapped_column(String(16))
    source_line: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(16))
    match_key: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    incoming: Mapped[dict] = mapped_column(JSON, default=dict)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class CitedReferenceRow(Base):
    """A cited reference of a publication, parsed for co-citation (built after import).

    Imports keep cited references as raw text on the publication (the fast path);
    :func:`analyst_app.services.references.build_reference_index` parses them into these
    rows when an analysis first needs them, and again for publications whose references
    changed since (``publication.references_indexed`` false).
    """

    __tablename__ = "cited_reference"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    first_author: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(300))
    volume: Mapped[str | None] = mapped_column(String(50))
    page: Mapped[str | None] = mapped_column(String(50))
    doi: Mapped[str | None] = mapped_column(String(300))
    #: DOI, or folded ``author|year|source|volume|page``; ``None`` when too little to match.
    ref_key: Mapped[str | None] = mapped_column(String(400), index=True)


class EsiPaperList(Base):
    """An ESI highly cited / hot papers list of one release, as imported from one file.

    The release is kept as its label, not as a key of ``esi_release``: that table holds the
    releases of the ranking lists and is pruned when their last list is removed.
    """

    __tablename__ = "esi_paper_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"),
                                          index=True)
    release_label: Mapped[str] = mapped_column(String(16), index=True)
    #: ``hcp``, ``hot``, ``top`` (the file did not say) or ``mixed`` (per-row kinds).
    kind: Mapped[str] = mapped_column(String(8))
    papers: Mapped[int] = mapped_column(Integer)


class EsiPaper(Base):
    """One paper of an ESI paper list; list columns hold one item per line."""

    __tablename__ = "esi_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("esi_paper_list.id", ondelete="CASCADE"),
                                         index=True)
    source_line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    ut: Mapped[str | None] = mapped_column(String(64), index=True)
    doi: Mapped[str | None] = mapped_column(String(300), index=True)
    pmid: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    authors: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(64))
    times_cited: Mapped[int | None] = mapped_column(Integer)
    countries: Mapped[str | None] = mapped_column(Text)
    addresses: Mapped[str | None] = mapped_column(Text)
    institutions: Mapped[str | None] = mapped_column(Text)
    publication_date: Mapped[str | None] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer)


class EsiJournalList(Base):
    """A version of the ESI Master Journal List, labelled like a release."""

    __tablename__ = "esi_journal_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"),
                                          index=True)
    release_label: Mapped[str] = mapped_column(String(16), index=True)
    journals: Mapped[int] = mapped_column(Integer)


class EsiJournal(Base):
    """One journal of the ESI Master Journal List and its ESI field."""

    __tablename__ = "esi_journal"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("esi_journal_list.id", ondelete="CASCADE"),
                                         index=True)
    source_line: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    title20: Mapped[str | None] = mapped_column(String(100))
    issn: Mapped[str | None] = mapped_column(String(9), index=True)
    eissn: Mapped[str | None] = mapped_column(String(9), index=True)
    field: Mapped[str] = mapped_column(String(64))
