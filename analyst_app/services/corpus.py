"""Load the publication corpus, or a filtered part of it, as pandas frames for the analyses.

Every analysis of publications (contribution, benchmarking, hotspots, talent) starts here:
the filter becomes one SQL ``WHERE`` clause, and the byline, address and cited-reference
frames select through that same clause (a sub-query), so a 500k-record corpus is never
passed around as a list of ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import pandas as pd
from sqlalchemy import Connection

from analyst_app.db import publication_rows as rows
from analyst_app.db.workspace import Workspace
from analyst_app.services.references import build_reference_index
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Columns of :func:`publications_frame`; list-valued columns hold Python lists.
PUBLICATION_FRAME_COLUMNS = (
    "publication_id", "year", "title", "doc_type", "language", "source_title", "doi", "ut",
    "eid", "issn", "eissn", "times_cited", "highly_cited", "hot_paper", "esi_field", "sources",
    "keywords_author", "keywords_plus", "categories", "research_areas", "abstract",
)
_LIST_COLUMNS = ("keywords_author", "keywords_plus", "categories", "research_areas")
_TEXT_SEARCH = ("title", "keywords_author", "keywords_plus", "abstract")


@dataclass(frozen=True)
class CorpusFilter:
    """Which publications an analysis reads. Empty criteria select everything.

    Attributes
    ----------
    years : (int, int) or None
        First and last publication year, inclusive.
    doc_types : tuple of str
        Document types as stored (``Article``, ``Review``); case-insensitive.
    query : str or None
        Words looked up in title, keywords and abstract, case-insensitively: terms separated
        by ``OR`` (any may match); within a term, words separated by spaces must all occur.
    categories : tuple of str
        WoS categories; a publication matches when it has any of them (case-insensitive).
    esi_fields : tuple of str
        ESI fields (``CHEMISTRY``) from the category map.
    sources : tuple of str
        Sources a publication came from (``wos``, ``scopus``, ``cnki``); any of them.
    """

    years: tuple[int, int] | None = None
    doc_types: tuple[str, ...] = ()
    query: str | None = None
    categories: tuple[str, ...] = ()
    esi_fields: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)

    def describe(self) -> str:
        """Return the filter in words, for provenance sheets and report appendices."""
        parts = []
        if self.years:
            parts.append(f"years {self.years[0]}–{self.years[1]}")
        if self.doc_types:
            parts.append("document types " + ", ".join(self.doc_types))
        if self.query:
            parts.append(f"query “{self.query}” in title, keywords and abstract")
        if self.categories:
            parts.append("WoS categories " + "; ".join(self.categories))
        if self.esi_fields:
            parts.append("ESI fields " + ", ".join(self.esi_fields))
        if self.sources:
            parts.append("sources " + ", ".join(self.sources))
        return "; ".join(parts) if parts else "all publications"


def where_clause(flt: CorpusFilter) -> tuple[str, list[Any]]:
    """Return the SQL condition on ``publication`` (alias-free) for ``flt`` and its parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if flt.years:
        conditions.append("year BETWEEN ? AND ?")
        params.extend(flt.years)
    if flt.doc_types:
        conditions.append(f"LOWER(doc_type) IN ({', '.join('?' * len(flt.doc_types))})")
        params.extend(t.lower() for t in flt.doc_types)
    if flt.esi_fields:
        conditions.append(f"esi_field IN ({', '.join('?' * len(flt.esi_fields))})")
        params.extend(flt.esi_fields)
    _any_of(conditions, params, [("categories", c) for c in flt.categories])
    _any_of(conditions, params, [("sources", s) for s in flt.sources])
    if flt.query and flt.query.strip():
        _query_condition(conditions, params, flt.query)
    return (" AND ".join(conditions) if conditions else "1 = 1"), params


def _any_of(conditions: list[str], params: list[Any], pairs: list[tuple[str, str]]) -> None:
    # List columns are newline-separated (categories) or comma-separated (sources): match
    # whole items by padding both sides with the separator.
    if not pairs:
        return
    parts = []
    for column, value in pairs:
        sep = "','" if column == "sources" else "char(10)"
        parts.append(f"({sep} || LOWER({column}) || {sep}) LIKE ?")
        pad = "," if column == "sources" else "\n"
        params.append(f"%{pad}{value.lower()}{pad}%")
    conditions.append("(" + " OR ".join(parts) + ")")


def _query_condition(conditions: list[str], params: list[Any], query: str) -> None:
    haystack = " || ' ' || ".join(f"LOWER(COALESCE({c}, ''))" for c in _TEXT_SEARCH)
    terms = []
    for term in query.split(" OR "):
        words = term.strip().lower().split()
        if not words:
            continue
        terms.append("(" + " AND ".join(f"({haystack}) LIKE ?" for _ in words) + ")")
        params.extend(f"%{w}%" for w in words)
    if terms:
        conditions.append("(" + " OR ".join(terms) + ")")


def publications_frame(connection: Connection, flt: CorpusFilter = CorpusFilter(),
                       columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Return one row per selected publication.

    Parameters
    ----------
    connection : Connection
        An open connection (``session.connection()``).
    flt : CorpusFilter
        Which publications.
    columns : sequence of str, optional
        A subset of :data:`PUBLICATION_FRAME_COLUMNS` (``publication_id`` is always
        included); default all. Analyses of 100k records read only what they use: the
        abstracts alone are ~100 MB.
    """
    wanted = list(PUBLICATION_FRAME_COLUMNS) if columns is None else \
        ["publication_id", *[c for c in columns if c != "publication_id"]]
    unknown = set(wanted) - set(PUBLICATION_FRAME_COLUMNS)
    if unknown:
        raise ValueError(f"unknown publication columns: {', '.join(sorted(unknown))}")
    where, params = where_clause(flt)
    selected = ["id" if c == "publication_id" else c for c in wanted]
    data = _fetch_columns(connection, (
        f"SELECT {', '.join(selected)} FROM publication WHERE {where} ORDER BY id"), params,
        wanted)
    for column in _LIST_COLUMNS:
        if column in data:
            data[column] = [text.split("\n") if text else [] for text in data[column]]
    if "sources" in data:
        data["sources"] = [text.split(",") if text else [] for text in data["sources"]]
    for column in ("highly_cited", "hot_paper"):
        if column in data:
            data[column] = [bool(v) for v in data[column]]
    return _frame(data, wanted)


def _frame(data: dict[str, list[Any]], names: list[str]) -> pd.DataFrame:
    # An empty selection keeps object columns, as a frame of rows would: joins of an empty
    # frame with another must not meet float64 keys.
    if not data or not len(data[names[0]]):
        return pd.DataFrame({name: pd.Series([], dtype=object) for name in names})
    return pd.DataFrame(data, columns=names)


def _fetch_columns(connection: Connection, statement: str, params: list[Any],
                   names: list[str]) -> dict[str, list[Any]]:
    """Run ``statement`` on the driver's cursor and return its result column by column.

    The DB-API cursor gives plain tuples; SQLAlchemy's Row objects and pandas' row-wise
    construction from them cost several seconds for a 100k-record corpus.
    """
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(rows.sql(connection, statement), tuple(params))
        fetched = cursor.fetchall()
    finally:
        cursor.close()
    if not fetched:
        return {name: [] for name in names}
    return {name: list(values) for name, values in zip(names, zip(*fetched))}


#: Columns of :func:`authorships_frame`.
AUTHORSHIP_FRAME_COLUMNS = ("publication_id", "position", "full_name", "short_name", "orcid",
                            "researcher_id", "corresponding", "address_positions")


def authorships_frame(connection: Connection, flt: CorpusFilter = CorpusFilter(),
                      columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Return the bylines of the selected publications, one row per author and publication.

    Columns: ``publication_id, position, full_name, short_name, orcid, researcher_id,
    corresponding, address_positions`` (list of address positions linked to the author), or
    ``publication_id, position`` and the subset ``columns`` of the others.
    """
    where, params = where_clause(flt)
    names = list(AUTHORSHIP_FRAME_COLUMNS) if columns is None else \
        ["publication_id", "position", *[c for c in columns
                                         if c not in ("publication_id", "position")]]
    unknown = set(names) - set(AUTHORSHIP_FRAME_COLUMNS)
    if unknown:
        raise ValueError(f"unknown authorship columns: {', '.join(sorted(unknown))}")
    data = _fetch_columns(connection, (
        f"SELECT {', '.join(names)} FROM authorship "
        f"WHERE publication_id IN (SELECT id FROM publication WHERE {where}) "
        "ORDER BY publication_id, position"), params, names)
    if "corresponding" in data:
        data["corresponding"] = [bool(v) for v in data["corresponding"]]
    if "address_positions" in data:
        data["address_positions"] = [[int(p) for p in text.split(",")] if text else []
                                     for text in data["address_positions"]]
    return _frame(data, names)


def addresses_frame(connection: Connection, flt: CorpusFilter = CorpusFilter()) -> pd.DataFrame:
    """Return the addresses of the selected publications, one row per address.

    Columns: ``publication_id, position, text, organisation, country``.
    """
    where, params = where_clause(flt)
    names = ["publication_id", "position", "text", "organisation", "country"]
    data = _fetch_columns(connection, (
        f"SELECT {', '.join(names)} FROM publication_address "
        f"WHERE publication_id IN (SELECT id FROM publication WHERE {where}) "
        "ORDER BY publication_id, position"), params, names)
    return _frame(data, names)


def references_frame(workspace: Workspace, flt: CorpusFilter = CorpusFilter(), *,
                     progress: Progress = no_progress,
                     cancel: CancelToken | None = None) -> pd.DataFrame:
    """Return the parsed cited references of the selected publications.

    Builds the reference index first where it is missing (see
    :func:`analyst_app.services.references.build_reference_index`). Columns:
    ``publication_id, position, first_author, year, source, volume, page, doi, ref_key``
    (``ref_key`` is the DOI, or the folded author-year-source-volume-page key; ``None`` when
    the reference has too little to be matched).
    """
    build_reference_index(workspace, progress=progress, cancel=cancel)
    where, params = where_clause(flt)
    names = ["publication_id", "position", "first_author", "year", "source", "volume", "page",
             "doi", "ref_key"]
    with workspace.session() as session:
        data = _fetch_columns(session.connection(), (
            f"SELECT {', '.join(names)} FROM cited_reference "
            f"WHERE publication_id IN (SELECT id FROM publication WHERE {where}) "
            "ORDER BY publication_id, position"), params, names)
    return _frame(data, names)
