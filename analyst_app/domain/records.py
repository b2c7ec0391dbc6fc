"""Normalised bibliographic records: what every publication importer (WoS, Scopus, CNKI) produces.

Importers map their vendor's fields onto :class:`PublicationRecord`; storage,
deduplication and every later analysis only see this shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Author:
    """One author of a publication, in byline order.

    Attributes
    ----------
    full_name : str
        Full name as the source writes it (WoS ``AF``: ``Zhang, Wei``; CNKI: ``张伟``).
    short_name : str
        Abbreviated form (WoS ``AU``: ``Zhang, W``); equals ``full_name`` when the source has
        only one form.
    orcid : str or None
        ORCID iD (``0000-0002-1825-0097``) when the source links one to this author.
    researcher_id : str or None
        WoS ResearcherID (``A-1234-2010``), or Scopus author ID for Scopus records.
    corresponding : bool
        Whether this author is a corresponding (reprint) author.
    address_positions : list of int
        0-based positions in :attr:`PublicationRecord.addresses` of this author's
        addresses (WoS ``C1 [Author; Author] address`` links; Scopus "Authors with
        affiliations"; CNKI author-institution order).
    """

    full_name: str
    short_name: str = ""
    orcid: str | None = None
    researcher_id: str | None = None
    corresponding: bool = False
    address_positions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Address:
    """One affiliation address of a publication.

    Attributes
    ----------
    text : str
        The address as written (``Dalian Univ Technol, Sch Chem Engn, Dalian 116024, Peoples R China``).
    organisation : str or None
        The first (organisation) part (``Dalian Univ Technol``).
    country : str or None
        The country as the source spells it (``Peoples R China``, ``USA``, ``中国``).
    """

    text: str
    organisation: str | None = None
    country: str | None = None


@dataclass(slots=True)
class CitedReference:
    """One cited reference, parsed into the parts co-citation matching needs.

    Attributes
    ----------
    raw : str
        The reference as the source writes it (WoS ``CR`` line, Scopus reference string).
    first_author, year, source, volume, page, doi : str/int or None
        Parsed parts; ``None`` when absent or not recognisable.
    """

    raw: str
    first_author: str | None = None
    year: int | None = None
    source: str | None = None
    volume: str | None = None
    page: str | None = None
    doi: str | None = None


@dataclass(slots=True)
class PublicationRecord:
    """One publication as read from one source record.

    Identifiers are normalised (DOI lower-case without ``https://doi.org/``; UT as
    ``WOS:000123456700001``; EID as ``2-s2.0-...``). List fields keep source order.

    Attributes
    ----------
    source : str
        ``wos``, ``scopus`` or ``cnki``.
    source_line : int
        1-based line (or data row for CSV/xlsx) where the record starts in its file.
    title : str
        Title in the record's language (Chinese for Chinese CNKI records).
    title_en : str or None
        English title when the source gives a second one (CNKI).
    year : int or None
        Publication year.
    doc_type : str or None
        Document type as the source names it (``Article``, ``Review``, ``期刊``).
    source_title : str or None
        Journal, book or proceedings title.
    authors, addresses : lists
        See :class:`Author` and :class:`Address`.
    cited_references : list of str
        Cited references as the source writes them (one WoS ``CR`` line or one Scopus
        reference each). They are kept raw at import, which is the fast path, and parsed
        into :class:`CitedReference` by :func:`analyst_app.domain.references.parse_reference`
        when they are indexed for co-citation.
    keywords_author, keywords_plus : list of str
        Author keywords (WoS ``DE``, Scopus "Author Keywords", CNKI 关键词) and indexer
        keywords (WoS ``ID`` Keywords Plus, Scopus "Index Keywords").
    categories : list of str
        WoS categories (``WC``) or Scopus subject areas when present.
    research_areas : list of str
        WoS research areas (``SC``).
    times_cited : int or None
        Citations in this source (WoS ``TC``/``Z9``, Scopus "Cited by").
    highly_cited, hot_paper : bool or None
        ESI highly-cited / hot-paper flags when the export carries them (WoS ``HC``/``HP``).
    reprint_address : str or None
        Corresponding-author address line (WoS ``RP``).
    extra : dict
        Any other tagged fields, kept so nothing the export had is lost.
    """

    source: str
    source_line: int
    title: str = ""
    title_en: str | None = None
    doi: str | None = None
    ut: str | None = None
    eid: str | None = None
    pmid: str | None = None
    year: int | None = None
    doc_type: str | None = None
    language: str | None = None
    source_title: str | None = None
    source_abbrev: str | None = None
    volume: str | None = None
    issue: str | None = None
    begin_page: str | None = None
    end_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    issn: str | None = None
    eissn: str | None = None
    abstract: str | None = None
    authors: list[Author] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    reprint_address: str | None = None
    emails: list[str] = field(default_factory=list)
    keywords_author: list[str] = field(default_factory=list)
    keywords_plus: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    research_areas: list[str] = field(default_factory=list)
    cited_references: list[str] = field(default_factory=list)
    cited_reference_count: int | None = None
    times_cited: int | None = None
    highly_cited: bool | None = None
    hot_paper: bool | None = None
    funding: str | None = None
    open_access: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
