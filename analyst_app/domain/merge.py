"""Merging duplicate publication records: keep the best value of each field, say what changed.

The rules are what a librarian merging a WoS and a Scopus record by hand would do: fill
what is missing, keep the longer abstract and the larger citation count, keep the author
list that links authors to addresses (WoS ``C1``), keep the longer cited-reference list
(so WoS references survive a Scopus duplicate), and unite keyword and category lists.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from analyst_app.domain.records import Address, Author, PublicationRecord

#: Fields filled from the incoming record only where the kept one has nothing.
FILL_FIELDS = (
    "title", "title_en", "doi", "ut", "eid", "pmid", "year", "doc_type", "language",
    "source_title", "source_abbrev", "volume", "issue", "begin_page", "end_page",
    "article_number", "publisher", "issn", "eissn", "reprint_address", "funding", "open_access",
)
#: List fields united (order kept, duplicates ignoring case dropped).
UNION_FIELDS = ("keywords_author", "keywords_plus", "categories", "research_areas", "emails")


def merge_records(kept: PublicationRecord, incoming: PublicationRecord) -> dict[str, Any]:
    """Merge ``incoming`` into ``kept`` in place.

    Parameters
    ----------
    kept : PublicationRecord
        The publication already in the workspace; updated in place.
    incoming : PublicationRecord
        The duplicate just read; not modified.

    Returns
    -------
    dict
        For every field the merge changed, its value before the merge, JSON-ready
        (authors and addresses as lists of dicts). Empty when nothing changed.
    """
    before: dict[str, Any] = {}

    def change(name: str, value: Any) -> None:
        before.setdefault(name, _jsonable(getattr(kept, name)))
        setattr(kept, name, value)

    for name in FILL_FIELDS:
        if _empty(getattr(kept, name)) and not _empty(getattr(incoming, name)):
            change(name, getattr(incoming, name))
    if len(incoming.abstract or "") > len(kept.abstract or ""):
        change("abstract", incoming.abstract)
    if incoming.times_cited is not None and (kept.times_cited or 0) < incoming.times_cited:
        change("times_cited", incoming.times_cited)
    for flag in ("highly_cited", "hot_paper"):
        mine, theirs = getattr(kept, flag), getattr(incoming, flag)
        if theirs is not None and (mine is None or (theirs and not mine)):
            change(flag, theirs)
    if _better_byline(incoming, kept):
        change("authors", [_copy_author(a) for a in incoming.authors])
        change("addresses", [Address(a.text, a.organisation, a.country) for a in incoming.addresses])
    if len(incoming.cited_references) > len(kept.cited_references):
        change("cited_references", list(incoming.cited_references))
    if (incoming.cited_reference_count or 0) > (kept.cited_reference_count or 0):
        change("cited_reference_count", incoming.cited_reference_count)
    for name in UNION_FIELDS:
        united = _union(getattr(kept, name), getattr(incoming, name))
        if len(united) != len(getattr(kept, name)):
            change(name, united)
    missing = {k: v for k, v in incoming.extra.items() if k not in kept.extra}
    if missing:
        change("extra", {**kept.extra, **missing})
    return before


def restore_fields(record: PublicationRecord, before: dict[str, Any]) -> None:
    """Undo a merge on ``record`` given the ``before`` values :func:`merge_records` returned."""
    for name, value in before.items():
        if name == "authors":
            value = [Author(**a) for a in value]
        elif name == "addresses":
            value = [Address(**a) for a in value]
        setattr(record, name, value)


def record_to_json(record: PublicationRecord) -> dict[str, Any]:
    """Return ``record`` as a JSON-ready dict (for the merge log)."""
    return asdict(record)


def record_from_json(data: dict[str, Any]) -> PublicationRecord:
    """Rebuild a :class:`PublicationRecord` from :func:`record_to_json` output."""
    values = {f.name: data[f.name] for f in fields(PublicationRecord) if f.name in data}
    values["authors"] = [Author(**a) for a in values.get("authors", [])]
    values["addresses"] = [Address(**a) for a in values.get("addresses", [])]
    return PublicationRecord(**values)


def _better_byline(incoming: PublicationRecord, kept: PublicationRecord) -> bool:
    # Prefer the list that links authors to addresses, then the longer list.
    def score(record: PublicationRecord) -> tuple[int, int, int]:
        linked = sum(1 for a in record.authors if a.address_positions)
        return (1 if linked else 0, len(record.authors), len(record.addresses))
    return bool(incoming.authors) and score(incoming) > score(kept)


def _union(first: list[str], second: list[str]) -> list[str]:
    seen = {item.casefold() for item in first}
    result = list(first)
    for item in second:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


def _copy_author(author: Author) -> Author:
    return Author(author.full_name, author.short_name, author.orcid, author.researcher_id,
                  author.corresponding, list(author.address_positions))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _jsonable(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], (Author, Address)):
        return [asdict(v) for v in value]
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value
