"""A publication record as the rows it is stored as: what the parse worker sends, what the store consumes.

A *bundle* is a plain tuple of plain values, cheap to send between processes::

    (source_line, publication_row, authorship_rows, address_rows, record_or_None)

The rows are those of :mod:`~analyst_app.db.publication_rows` with ``0`` in place of the
publication id, which only the store can allocate. The record itself travels only
in-process (``None`` from the worker): the store needs a record just to merge a duplicate,
and rebuilds it from the rows then (:func:`bundle_record`), so records that are new (nearly
all of them) cost no record objects on the storing side.

This module imports no database library, so a spawned parse worker starts quickly.
"""

from __future__ import annotations

from analyst_app.db.publication_rows import (PUBLICATION_COLUMNS, address_rows, authorship_rows,
                                             publication_row, record_from_rows)
from analyst_app.domain.category_map import esi_field_for_categories
from analyst_app.domain.records import PublicationRecord

Bundle = tuple  # (int, tuple, list[tuple], list[tuple], PublicationRecord | None)

#: Positions in a publication row (see PUBLICATION_COLUMNS).
COLUMN = {name: i for i, name in enumerate(PUBLICATION_COLUMNS)}
DOI, UT, EID, TITLE_KEY = COLUMN["doi"], COLUMN["ut"], COLUMN["eid"], COLUMN["title_key"]
SOURCES = COLUMN["sources"]
#: (rule, row position) in matching order, strongest first.
KEY_COLUMNS = (("doi", DOI), ("ut", UT), ("eid", EID), ("title", TITLE_KEY))


def record_bundle(record: PublicationRecord, sources: str | None = None, *,
                  keep_record: bool = True) -> Bundle:
    """Return the bundle of ``record``.

    Parameters
    ----------
    record : PublicationRecord
        A record as an importer produced it (or as a merge left it).
    sources : str, optional
        The ``sources`` column (comma-separated); ``record.source`` when omitted.
    keep_record : bool
        Keep ``record`` in the bundle (in-process), or leave ``None`` (to send it away).
    """
    row = publication_row(0, record, sources or record.source,
                          esi_field_for_categories(record.categories))
    return (record.source_line, row, authorship_rows(0, record), address_rows(0, record),
            record if keep_record else None)


def bundle_record(bundle: Bundle) -> PublicationRecord:
    """Return the record of ``bundle``: the one it carries, or one rebuilt from its rows."""
    if bundle[4] is not None:
        return bundle[4]
    return record_from_rows(bundle[1], bundle[2], bundle[3], bundle[0])
