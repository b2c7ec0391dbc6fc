"""Jobs of the Records and Merge log pages: paged publication queries, a record's sources, undo.

The job functions take the ``progress`` and ``cancel`` keywords
:class:`~ui.tasks.TaskRunner` passes. Their queries are interruptible: on SQLite a
progress handler aborts the running statement as soon as the job is cancelled, so a new
search never waits for the previous one to finish scanning a large corpus.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from analyst_app.db.models import ImportBatch, PublicationOccurrence
from analyst_app.db.publication_rows import load_record
from analyst_app.db.queries import (import_batches_frame, merge_log_frame, publications_count,
                                    publications_page, utc_to_local)
from analyst_app.db.workspace import Workspace
from analyst_app.domain.records import PublicationRecord
from analyst_app.errors import Cancelled
from analyst_app.services.merges import undo_merge
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Rows fetched per page of the record browser.
PAGE_SIZE = 200
#: SQLite virtual-machine steps between two checks of the cancel token (~1 ms of work).
_CHECK_EVERY = 20_000


@dataclass(frozen=True)
class RecordFilter:
    """What the record browser shows.

    Attributes
    ----------
    search : str or None
        Text searched in title, author names and source title, or a DOI.
    year : int or None
        Publication year.
    source : str or None
        ``wos``, ``scopus`` or ``cnki``.
    """

    search: str | None = None
    year: int | None = None
    source: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of :func:`~analyst_app.db.queries.publications_page`."""
        return {"search": self.search or None, "year": self.year, "source": self.source}


@dataclass(frozen=True)
class RecordPage:
    """One page of publications.

    Attributes
    ----------
    filter : RecordFilter
        The filter the page belongs to.
    offset : int
        Position of its first row in the filtered corpus.
    frame : pandas.DataFrame
        The rows (columns of :func:`~analyst_app.db.queries.publications_page`).
    """

    filter: RecordFilter
    offset: int
    frame: pd.DataFrame


@dataclass(frozen=True)
class RecordCount:
    """How many publications a filter selects."""

    filter: RecordFilter
    total: int


@dataclass(frozen=True)
class MergeLog:
    """The merge log and the imports that merged records (for the filter).

    Attributes
    ----------
    frame : pandas.DataFrame
        :func:`~analyst_app.db.queries.merge_log_frame` columns.
    batches : list of (int, str)
        Import number and file name of every import with merged records, newest first.
    """

    frame: pd.DataFrame
    batches: list[tuple[int, str]]


@contextmanager
def interruptible(session: Session, cancel: CancelToken) -> Iterator[None]:
    """Abort the session's running SQLite statement when ``cancel`` is set.

    Raises
    ------
    Cancelled
        When the statement was interrupted (or the token was set before it ran).
    """
    cancel.raise_if_cancelled()
    raw = session.connection().connection.driver_connection
    handler = getattr(raw, "set_progress_handler", None)  # SQLite only
    if handler is not None:
        handler(lambda: 1 if cancel.cancelled else 0, _CHECK_EVERY)
    try:
        yield
    except OperationalError:
        if cancel.cancelled:
            raise Cancelled("cancelled by the user") from None
        raise
    finally:
        if handler is not None:
            handler(None, 0)


def fetch_records(workspace: Workspace, record_filter: RecordFilter, offset: int = 0,
                  limit: int = PAGE_SIZE, after_id: int | None = None, *,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> RecordPage:
    """Return the page of ``record_filter``'s publications at ``offset`` (after ``after_id``)."""
    cancel = cancel or CancelToken()
    with workspace.session() as session, interruptible(session, cancel):
        frame = publications_page(session, offset=offset, limit=limit, after_id=after_id,
                                  **record_filter.as_kwargs())
    progress(1.0, "page loaded")
    return RecordPage(record_filter, offset, frame)


def count_records(workspace: Workspace, record_filter: RecordFilter, *,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> RecordCount:
    """Return how many publications ``record_filter`` selects."""
    cancel = cancel or CancelToken()
    with workspace.session() as session, interruptible(session, cancel):
        total = publications_count(session, **record_filter.as_kwargs())
    progress(1.0, "counted")
    return RecordCount(record_filter, total)


def publication_sources_frame(session: Session, pub_id: int) -> pd.DataFrame:
    """Return where publication ``pub_id`` was read: one row per record of an imported file.

    Returns
    -------
    pandas.DataFrame
        Columns ``batch_id``, ``file_name``, ``format``, ``source`` (``wos``, ``scopus``,
        ``cnki``), ``source_line`` (1-based line or data row in the file), ``match_rule``
        (``new`` for the record that created the publication, ``split`` after an undone
        merge, else the rule that merged it), ``merge_id`` and ``imported_at`` (local time),
        in import order.
    """
    occurrence, batch = PublicationOccurrence, ImportBatch
    query = (select(occurrence.batch_id, batch.file_name, batch.format, occurrence.source,
                    occurrence.source_line, occurrence.match_rule, occurrence.merge_id,
                    batch.imported_at)
             .join(batch, batch.id == occurrence.batch_id)
             .where(occurrence.publication_id == pub_id)
             .order_by(occurrence.id))
    columns = ["batch_id", "file_name", "format", "source", "source_line", "match_rule",
               "merge_id", "imported_at"]
    frame = pd.DataFrame(session.execute(query).all(), columns=columns)
    frame["imported_at"] = utc_to_local(frame["imported_at"])
    return frame


def record_details(workspace: Workspace, pub_id: int) -> tuple[PublicationRecord, str,
                                                                pd.DataFrame]:
    """Return publication ``pub_id`` as a record, its ``sources`` text and its source files.

    A primary-key read (a few milliseconds even on 500k records): fine on the GUI thread.
    """
    with workspace.session() as session:
        record, sources = load_record(session.connection(), pub_id)
        return record, sources, publication_sources_frame(session, pub_id)


def load_merge_log(workspace: Workspace, batch_id: int | None = None, *,
                   progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> MergeLog:
    """Return the merge log (of import ``batch_id`` only, when given) for the Merge log page."""
    cancel = cancel or CancelToken()
    with workspace.session() as session, interruptible(session, cancel):
        frame = merge_log_frame(session, batch_id=batch_id)
        batches = import_batches_frame(session)
    merged = batches[batches["rows_merged"].fillna(0) > 0]
    progress(1.0, "merge log loaded")
    return MergeLog(frame, [(int(i), str(n)) for i, n in zip(merged["id"], merged["file_name"])])


def undo_merge_job(workspace: Workspace, merge_id: int, *, progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> int:
    """Run :func:`~analyst_app.services.merges.undo_merge` as a TaskRunner job.

    Returns
    -------
    int
        The id of the publication the merged record becomes.
    """
    if cancel is not None:
        cancel.raise_if_cancelled()  # once started, undo runs to its commit
    new_id = undo_merge(workspace, merge_id)
    progress(1.0, "merge undone")
    return new_id


__all__ = ["PAGE_SIZE", "RecordFilter", "RecordPage", "RecordCount", "MergeLog",
           "interruptible", "fetch_records", "count_records", "publication_sources_frame",
           "record_details", "load_merge_log", "undo_merge_job"]
