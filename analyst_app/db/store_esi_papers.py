"""Store ESI paper lists and the ESI journal list, and query them back as DataFrames.

Storage functions run inside the caller's transaction (one per file, see
:mod:`analyst_app.services.imports`); they refuse a list whose content is already in the
workspace, under any release label, so one list never carries two labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from analyst_app.db.models import (EsiJournal, EsiJournalList, EsiPaper, EsiPaperList,
                                   ImportBatch)
from analyst_app.errors import InputError
from analyst_app.importers.base import ParsedFile

if TYPE_CHECKING:  # pandas is imported on use: the CLI registers the storers at start-up
    import pandas as pd

_CHUNK = 2000

#: Columns of :func:`esi_papers_frame`; list columns hold Python lists.
PAPER_FRAME_COLUMNS = (
    "release", "kind", "ut", "doi", "pmid", "title", "authors", "source", "field", "times_cited",
    "countries", "addresses", "institutions", "publication_date", "year", "source_line",
    "batch_id", "file_name",
)
_PAPER_LIST_COLUMNS = ("authors", "countries", "addresses", "institutions")
#: Columns of :func:`esi_journal_fields_frame`.
JOURNAL_FRAME_COLUMNS = ("issn", "eissn", "title", "field")


def _refuse_same_content(session: Session, batch: ImportBatch, parsed: ParsedFile,
                         what: str) -> None:
    fingerprint = parsed.details.get("content_sha256")
    for other in session.scalars(select(ImportBatch).where(ImportBatch.id != batch.id,
                                                           ImportBatch.format == batch.format)):
        if fingerprint and other.details.get("content_sha256") == fingerprint:
            raise InputError(f"this {what} is identical to {other.file_name} (import #{other.id}), "
                             f"already imported as release {other.release_label}: one ESI "
                             "release cannot carry two labels, nor a list be imported twice",
                             file=batch.file_path)


def _joined(items: tuple[str, ...]) -> str | None:
    return "\n".join(items) if items else None


def store_esi_papers(session: Session, batch: ImportBatch, parsed: ParsedFile,
                     release_label: str, check: Callable[[float], None]) -> tuple[int, int]:
    """Store one ESI highly cited / hot papers list under ``release_label``.

    Parameters
    ----------
    session : Session
        Open session; the caller owns the transaction.
    batch : ImportBatch
        The batch row of this file (flushed).
    parsed : ParsedFile
        Output of :func:`~analyst_app.importers.esi_papers.read_esi_papers`.
    release_label : str
        The ESI release the user said the file belongs to.
    check : callable
        ``check(fraction)`` between chunks (progress; raises ``Cancelled``).

    Returns
    -------
    (int, int)
        Papers stored, 0 merged (ESI paper rows are kept as listed, never merged).

    Raises
    ------
    InputError
        When the same list is already in the workspace (under this or another label).
    """
    _refuse_same_content(session, batch, parsed, "paper list")
    records = list(parsed.records)
    listing = EsiPaperList(batch_id=batch.id, release_label=release_label,
                           kind=parsed.details["paper_kind"], papers=len(records))
    session.add(listing)
    session.flush()
    connection = session.connection()
    statement = insert(EsiPaper.__table__)
    for start in range(0, len(records), _CHUNK):
        check(start / max(len(records), 1))
        connection.execute(statement, [
            {"list_id": listing.id, "source_line": r.source_line, "kind": r.kind, "ut": r.ut,
             "doi": r.doi, "pmid": r.pmid, "title": r.title, "authors": _joined(r.authors),
             "source": r.source or None, "field": r.field, "times_cited": r.times_cited,
             "countries": _joined(r.countries), "addresses": _joined(r.addresses),
             "institutions": _joined(r.institutions),
             "publication_date": r.publication_date or None, "year": r.year}
            for r in records[start:start + _CHUNK]])
    return len(records), 0


def store_esi_journals(session: Session, batch: ImportBatch, parsed: ParsedFile,
                       release_label: str, check: Callable[[float], None]) -> tuple[int, int]:
    """Store a version of the ESI Master Journal List under ``release_label``; return (stored, 0).

    Raises
    ------
    InputError
        When that label already has a journal list, or the same list is already stored.
    """
    earlier = session.execute(
        select(ImportBatch.file_name, ImportBatch.id)
        .join(EsiJournalList, EsiJournalList.batch_id == ImportBatch.id)
        .where(EsiJournalList.release_label == release_label)).first()
    if earlier is not None:
        raise InputError(f"release {release_label} already has an ESI journal list (from "
                         f"{earlier.file_name}, import #{earlier.id}); remove that import first",
                         file=batch.file_path)
    _refuse_same_content(session, batch, parsed, "journal list")
    records = list(parsed.records)
    listing = EsiJournalList(batch_id=batch.id, release_label=release_label,
                             journals=len(records))
    session.add(listing)
    session.flush()
    connection = session.connection()
    for start in range(0, len(records), _CHUNK):
        check(start / max(len(records), 1))
        connection.execute(insert(EsiJournal.__table__), [
            {"list_id": listing.id, "source_line": r.source_line, "title": r.title,
             "title20": r.title20, "issn": r.issn, "eissn": r.eissn, "field": r.field}
            for r in records[start:start + _CHUNK]])
    return len(records), 0


#: Storage function per record kind, for :mod:`analyst_app.services.imports`.
STORERS: dict[str, Callable[..., tuple[int, int]]] = {
    "esi_papers": store_esi_papers,
    "esi_journals": store_esi_journals,
}


def esi_paper_releases(connection: Connection) -> pd.DataFrame:
    """Return which releases have paper lists of which kind.

    Returns
    -------
    pandas.DataFrame
        Columns ``release``, ``kind`` (``hcp``, ``hot``, ``top``), ``papers`` (rows stored),
        sorted by release then kind.
    """
    import pandas as pd

    query = (select(EsiPaperList.release_label.label("release"), EsiPaper.kind, EsiPaper.id)
             .join(EsiPaper, EsiPaper.list_id == EsiPaperList.id))
    frame = pd.DataFrame(connection.execute(query).mappings().all(),
                         columns=["release", "kind", "id"])
    counts = frame.groupby(["release", "kind"]).size().rename("papers").reset_index()
    return counts.sort_values(["release", "kind"]).reset_index(drop=True)


def esi_papers_frame(connection: Connection, releases: list[str] | None = None) -> pd.DataFrame:
    """Return the stored ESI papers, one row per paper, list and kind.

    Parameters
    ----------
    connection : Connection
        A connection (or ``session.connection()``).
    releases : list of str, optional
        Only these releases.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PAPER_FRAME_COLUMNS`: ``release``, ``kind`` (``hcp``/``hot``/``top``),
        normalised ``ut`` (``WOS:...``) and ``doi``, ``times_cited`` (ESI's count at that
        release), ``year``; ``authors``, ``countries``, ``addresses``, ``institutions`` are
        lists of strings; ``source_line``, ``batch_id`` and ``file_name`` trace each row to
        its file.
    """
    import pandas as pd

    query = (select(EsiPaperList.release_label.label("release"), EsiPaper.kind, EsiPaper.ut,
                    EsiPaper.doi, EsiPaper.pmid, EsiPaper.title, EsiPaper.authors,
                    EsiPaper.source, EsiPaper.field, EsiPaper.times_cited, EsiPaper.countries,
                    EsiPaper.addresses, EsiPaper.institutions, EsiPaper.publication_date,
                    EsiPaper.year, EsiPaper.source_line, EsiPaperList.batch_id,
                    ImportBatch.file_name)
             .join(EsiPaperList, EsiPaper.list_id == EsiPaperList.id)
             .join(ImportBatch, EsiPaperList.batch_id == ImportBatch.id)
             .order_by(EsiPaperList.release_label, EsiPaperList.batch_id, EsiPaper.source_line))
    if releases:
        query = query.where(EsiPaperList.release_label.in_(releases))
    frame = pd.DataFrame(connection.execute(query).mappings().all(),
                         columns=list(PAPER_FRAME_COLUMNS))
    for column in _PAPER_LIST_COLUMNS:
        frame[column] = [text.split("\n") if isinstance(text, str) and text else []
                         for text in frame[column]]
    frame["times_cited"] = frame["times_cited"].astype("Int64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def esi_paper_sources_frame(connection: Connection) -> pd.DataFrame:
    """Return one row per imported paper list (provenance).

    Columns: ``release, kind, papers, batch_id, file_name, sha256, imported_at``.
    """
    import pandas as pd

    query = (select(EsiPaperList.release_label.label("release"), EsiPaperList.kind,
                    EsiPaperList.papers, ImportBatch.id.label("batch_id"), ImportBatch.file_name,
                    ImportBatch.sha256, ImportBatch.imported_at)
             .join(ImportBatch, EsiPaperList.batch_id == ImportBatch.id)
             .order_by(EsiPaperList.release_label, ImportBatch.id))
    return pd.DataFrame(connection.execute(query).mappings().all(), columns=[
        "release", "kind", "papers", "batch_id", "file_name", "sha256", "imported_at"])


def esi_journal_fields_frame(connection: Connection) -> pd.DataFrame:
    """Return the latest ESI Master Journal List: journal → ESI field.

    "Latest" is the greatest release label (the most recently imported list of it, should
    there ever be two).

    Parameters
    ----------
    connection : Connection
        A connection (or ``session.connection()``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`JOURNAL_FRAME_COLUMNS`: ``issn`` and ``eissn`` as ``1234-567X`` (or
        ``None``), ``title`` (full title as ESI writes it, upper case), ``field`` (ESI field,
        as :mod:`analyst_app.domain.esi_fields` names it). Empty (with these columns) when
        no list was imported.
    """
    import pandas as pd

    latest = connection.execute(
        select(EsiJournalList.id)
        .order_by(EsiJournalList.release_label.desc(), EsiJournalList.id.desc()).limit(1)
    ).scalar()
    if latest is None:
        return pd.DataFrame(columns=list(JOURNAL_FRAME_COLUMNS))
    query = (select(EsiJournal.issn, EsiJournal.eissn, EsiJournal.title, EsiJournal.field)
             .where(EsiJournal.list_id == latest).order_by(EsiJournal.source_line))
    frame = pd.DataFrame(connection.execute(query).all(), columns=list(JOURNAL_FRAME_COLUMNS),
                         dtype=object)
    return frame.where(frame.notna(), None)  # a missing ISSN is None, not NaN
