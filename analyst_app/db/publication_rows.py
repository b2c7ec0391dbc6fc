"""Convert publication records to database rows and back (raw SQL, for the bulk import path)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Sequence

from analyst_app.domain.identifiers import title_key
from analyst_app.domain.records import Address, Author, PublicationRecord

if TYPE_CHECKING:  # a parse worker imports this module: keep SQLAlchemy out of its start-up
    from sqlalchemy import Connection

#: Columns of ``publication`` written from a record, in insert order (``id`` first).
PUBLICATION_COLUMNS = (
    "id", "doi", "ut", "eid", "pmid", "title_key", "title", "title_en", "year", "doc_type",
    "language", "source_title", "source_abbrev", "volume", "issue", "begin_page", "end_page",
    "article_number", "publisher", "issn", "eissn", "abstract", "first_author",
    "reprint_address", "emails", "keywords_author", "keywords_plus", "categories",
    "research_areas", "esi_field", "cited_references", "cited_reference_count",
    "declared_reference_count", "times_cited", "highly_cited", "hot_paper", "funding",
    "open_access", "sources", "extra", "references_indexed",
)
_SCALARS = ("doi", "ut", "eid", "pmid", "title", "title_en", "year", "doc_type", "language",
            "source_title", "source_abbrev", "volume", "issue", "begin_page", "end_page",
            "article_number", "publisher", "issn", "eissn", "abstract", "reprint_address",
            "times_cited", "highly_cited", "hot_paper", "funding", "open_access")
#: List fields stored as text, one item per line.
LINE_LISTS = ("emails", "keywords_author", "keywords_plus", "categories", "research_areas",
              "cited_references")

_SOURCES = PUBLICATION_COLUMNS.index("sources")
_AUTHORSHIP_COLUMNS = ("publication_id, position, full_name, short_name, orcid, researcher_id, "
                       "corresponding, address_positions")
_ADDRESS_COLUMNS = "publication_id, position, text, organisation, country"

AUTHORSHIP_INSERT = (f"INSERT INTO authorship ({_AUTHORSHIP_COLUMNS}) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
ADDRESS_INSERT = f"INSERT INTO publication_address ({_ADDRESS_COLUMNS}) VALUES (?, ?, ?, ?, ?)"
PUBLICATION_INSERT = (f"INSERT INTO publication ({', '.join(PUBLICATION_COLUMNS)}) "
                      f"VALUES ({', '.join('?' * len(PUBLICATION_COLUMNS))})")


def sql(connection: Connection, statement: str) -> str:
    """Return ``statement`` (written with ``?`` markers) in the driver's parameter style."""
    if connection.dialect.paramstyle in ("format", "pyformat"):
        return statement.replace("?", "%s")
    return statement


def _lines(items: Sequence[str]) -> str | None:
    if not items:
        return None
    if len(items) == 1:  # "\n".join of one item is the item (replace returns it unchanged)
        return items[0].replace("\n", " ")
    # Importers strip newlines from items; should one slip through, flatten it so the
    # stored text splits back into the same items. ("\n" in a joined copy is a memchr,
    # three times cheaper than counting the separators of the result.)
    if "\n" in "".join(items):
        return "\n".join(i.replace("\n", " ") for i in items)
    return "\n".join(items)


def _json_text(extra: dict) -> str:
    """``json.dumps(extra, ensure_ascii=False)``, without building an encoder per call."""
    return "".join(_ENCODE(extra, 0)) if _ENCODE is not None else \
        json.dumps(extra, ensure_ascii=False)


def _c_encoder() -> Any:
    """The C encoder ``json.dumps(obj, ensure_ascii=False)`` builds, built once (or ``None``).

    json.dumps makes a JSONEncoder, then this encoder, for every call: half of its time
    for a dozen ``extra`` fields. The arguments are json's defaults (the circular check,
    off here, only turns infinite recursion into ValueError); the encoder is used only
    when it gives what json.dumps gives.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        encode = make(None, json.JSONEncoder().default, json.encoder.encode_basestring, None,
                      ": ", ", ", False, False, True)
        sample = {"a": ["é\n\"", 1.5, None, True, {"b": 2}]}
        if "".join(encode(sample, 0)) == json.dumps(sample, ensure_ascii=False):
            return encode
    except (TypeError, ValueError):  # another signature in another Python version
        pass
    return None


_ENCODE = _c_encoder()


def publication_row(pub_id: int, record: PublicationRecord, sources: str,
                    esi_field: str | None, key: str | None | bool = False) -> tuple:
    """Return the ``publication`` row of ``record`` in :data:`PUBLICATION_COLUMNS` order.

    ``key`` is the record's title key when the caller computed it already (``False``: compute).
    """
    first = record.authors[0].full_name if record.authors else None
    r = record
    if key is False:
        key = title_key(r.title, r.year, first)
    return (
        pub_id, r.doi, r.ut, r.eid, r.pmid, key, r.title or "",
        r.title_en, r.year, r.doc_type, r.language, r.source_title, r.source_abbrev, r.volume,
        r.issue, r.begin_page, r.end_page, r.article_number, r.publisher, r.issn, r.eissn,
        r.abstract, first, r.reprint_address, _lines(r.emails), _lines(r.keywords_author),
        _lines(r.keywords_plus), _lines(r.categories), _lines(r.research_areas), esi_field,
        _lines(r.cited_references), len(r.cited_references), r.cited_reference_count,
        r.times_cited, r.highly_cited, r.hot_paper, r.funding, r.open_access, sources,
        _json_text(r.extra) if r.extra else "{}",
        False,  # its cited_reference rows are (re)built by the reference index
    )


def authorship_rows(pub_id: int, record: PublicationRecord) -> list[tuple]:
    """Return the ``authorship`` rows of ``record``."""
    return [(pub_id, i, a.full_name, a.short_name or None, a.orcid, a.researcher_id,
             True if a.corresponding else False,  # bool() without a call
             ",".join(map(str, a.address_positions)) if a.address_positions else None)
            for i, a in enumerate(record.authors)]


def address_rows(pub_id: int, record: PublicationRecord) -> list[tuple]:
    """Return the ``publication_address`` rows of ``record``."""
    return [(pub_id, i, a.text, a.organisation, a.country) for i, a in enumerate(record.addresses)]


def load_record(connection: Connection, pub_id: int) -> tuple[PublicationRecord, str]:
    """Read publication ``pub_id`` back into a record; return it and its ``sources`` text."""
    row = connection.exec_driver_sql(
        sql(connection, f"SELECT {', '.join(PUBLICATION_COLUMNS)} FROM publication WHERE id = ?"),
        (pub_id,)).one()
    authors = connection.exec_driver_sql(sql(connection, (
        f"SELECT {_AUTHORSHIP_COLUMNS} FROM authorship WHERE publication_id = ? "
        "ORDER BY position")), (pub_id,)).all()
    addresses = connection.exec_driver_sql(sql(connection, (
        f"SELECT {_ADDRESS_COLUMNS} FROM publication_address WHERE publication_id = ? "
        "ORDER BY position")), (pub_id,)).all()
    return record_from_rows(tuple(row), authors, addresses), row[_SOURCES]


def record_from_rows(row: Sequence[Any], authors: Sequence[Sequence[Any]],
                     addresses: Sequence[Sequence[Any]], source_line: int = 0) -> PublicationRecord:
    """Rebuild a record from its ``publication``, ``authorship`` and address rows.

    The inverse of :func:`publication_row`, :func:`authorship_rows` and
    :func:`address_rows` (rows in their column order, publication ids ignored): list
    fields split on newlines, ``extra`` from its JSON text, authors and addresses in
    position order. The record's ``source`` is the first of the row's sources.
    """
    data = dict(zip(PUBLICATION_COLUMNS, row))
    record = PublicationRecord(source=data["sources"].split(",")[0], source_line=source_line)
    for name in _SCALARS:
        setattr(record, name, data[name])
    for name in LINE_LISTS:
        setattr(record, name, data[name].split("\n") if data[name] else [])
    record.title = record.title or ""
    record.cited_reference_count = data["declared_reference_count"]
    extra = data["extra"]
    record.extra = json.loads(extra) if isinstance(extra, str) else dict(extra or {})
    for a in sorted(authors, key=lambda a: a[1]):
        positions = [int(p) for p in a[7].split(",")] if a[7] else []
        record.authors.append(Author(a[2], a[3] or "", a[4], a[5], bool(a[6]), positions))
    for a in sorted(addresses, key=lambda a: a[1]):
        record.addresses.append(Address(a[2], a[3], a[4]))
    return record


def write_record(connection: Connection, pub_id: int, record: PublicationRecord, sources: str,
                 esi_field: str | None, byline_changed: bool) -> None:
    """Overwrite publication ``pub_id`` with ``record`` (and its byline when it changed)."""
    row = publication_row(pub_id, record, sources, esi_field)
    assignments = ", ".join(f"{c} = ?" for c in PUBLICATION_COLUMNS[1:])
    connection.exec_driver_sql(sql(connection, f"UPDATE publication SET {assignments} WHERE id = ?"),
                               (*row[1:], pub_id))
    if byline_changed:
        replace_byline(connection, pub_id, record)


def replace_byline(connection: Connection, pub_id: int, record: PublicationRecord) -> None:
    """Replace the authorships and addresses of publication ``pub_id`` with ``record``'s."""
    for table in ("authorship", "publication_address"):
        connection.exec_driver_sql(sql(connection, f"DELETE FROM {table} WHERE publication_id = ?"),
                                   (pub_id,))
    insert_many(connection, AUTHORSHIP_INSERT, authorship_rows(pub_id, record))
    insert_many(connection, ADDRESS_INSERT, address_rows(pub_id, record))


def insert_many(connection: Connection, statement: str, rows: list[tuple] | list[Any]) -> None:
    """executemany ``statement`` over ``rows`` on the driver, skipping an empty list."""
    if rows:
        connection.exec_driver_sql(sql(connection, statement), rows)
