"""Potential value (潜力值) of ESI fields: the institution's cites over each threshold.

P = cites / threshold. For a field where the institution is listed, its cites are the ESI
list's and P against the 1‰ and 1‱ thresholds measures progress to the next level. Where
it is not listed, ESI publishes nothing about it, so its cites are counted from its own
WoS records in the workspace, restricted as ESI counts: the ESI window and articles and
reviews only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.esi import normalise_institution
from analysis.esi_history import LEVEL_LABEL, LEVEL_NUMBER

#: Columns of :attr:`EsiPotentialResult.table`, in order.
POTENTIAL_COLUMNS = (
    "field", "field_zh", "release", "listed", "status", "cites", "cites_source", "wos_cites",
    "wos_documents", "threshold_1pct", "threshold_1pct_source", "threshold_1permille",
    "threshold_1per10k", "potential_1pct", "potential_1permille", "potential_1per10k",
    "next_level", "potential_next", "on_watch_list", "likely_next_release",
)

#: Document types ESI counts (the first part of WoS types such as "Article; Early Access").
ESI_DOC_TYPES = ("article", "review")


@dataclass(frozen=True)
class EsiPotentialParams:
    """Parameters of :func:`compute_esi_potential`.

    Attributes
    ----------
    watch : float
        Watch-list cut-off: 0.8 ≤ P < 1 against the next level is a potential field.
    window : (int, int)
        First and last publication year counted from the WoS records (inclusive).
    """

    watch: float = 0.8
    window: tuple[int, int] = (2015, 2025)


@dataclass
class InstitutionCites:
    """Result of :func:`compute_institution_field_cites`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per ESI field: ``field``, ``documents`` (articles and reviews in the
        window), ``cites`` (their WoS times cited), ``field_source_journal`` (how many of
        them got their field from the ESI journal list; the rest from the category map).
    matched : int
        Publications whose addresses name the institution (any year or type).
    counted : int
        Of those, the articles and reviews in the window with a field.
    """

    table: pd.DataFrame
    matched: int
    counted: int


def esi_window(release: str) -> tuple[int, int]:
    """Return the publication years a release covers: release year − 10 to release year.

    ESI covers the last ten complete years plus the current year to date (the 2025-11
    release: 2015-01-01 to 2025-08-31); publication years are the resolution the WoS
    records give.
    """
    year = int(release.split("-")[0])
    return year - 10, year


def is_esi_doc_type(doc_type: object) -> bool:
    """Whether a WoS document type counts in ESI: Article or Review, in any combined form.

    ``Article; Early Access`` and ``Review; Proceedings Paper`` count; ``Editorial
    Material; Early Access`` does not: the first part is the document's type.
    """
    if not isinstance(doc_type, str) or not doc_type.strip():
        return False
    return doc_type.split(";")[0].strip().lower() in ESI_DOC_TYPES


def institution_publications(addresses: pd.DataFrame, names: tuple[str, ...]) -> set[int]:
    """Return the ids of publications with an address naming the institution.

    An address matches when its organisation, or any comma-separated part of its text,
    equals one of ``names`` case- and space-insensitively (``Dalian Univ Technol``).
    Whole parts, not substrings: "Dalian Univ" must not match "Dalian Univ Technol".
    """
    wanted = {normalise_institution(n) for n in names if n and n.strip()}
    if addresses.empty or not wanted:
        return set()

    def hit(organisation: object, text: object) -> bool:
        if isinstance(organisation, str) and normalise_institution(organisation) in wanted:
            return True
        return isinstance(text, str) and any(
            normalise_institution(part) in wanted for part in text.split(","))

    mask = [hit(o, t) for o, t in zip(addresses["organisation"], addresses["text"])]
    return set(addresses.loc[mask, "publication_id"].astype(int))


def _issn_key(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    key = re.sub(r"[^0-9X]", "", value.upper())
    return key or None


def _title_key(value: object) -> str | None:
    return normalise_institution(value) if isinstance(value, str) and value.strip() else None


def journal_field_lookup(publications: pd.DataFrame, journal_fields: pd.DataFrame) -> pd.Series:
    """Return each publication's ESI field from the ESI journal list (NA where not found).

    Parameters
    ----------
    publications : pandas.DataFrame
        Needs ``source_title``; ``issn`` and ``eissn`` are used when present.
    journal_fields : pandas.DataFrame
        The journal list: ``field`` and any of ``issn``, ``eissn``, ``title``. ISSNs match
        with or without the hyphen; titles case- and space-insensitively. ISSN first.
    """
    by_issn: dict[str, str] = {}
    for column in ("issn", "eissn"):
        if column in journal_fields:
            for value, field in zip(journal_fields[column], journal_fields["field"]):
                if (key := _issn_key(value)) is not None:
                    by_issn.setdefault(key, field)
    by_title: dict[str, str] = {}
    if "title" in journal_fields:
        for value, field in zip(journal_fields["title"], journal_fields["field"]):
            if (key := _title_key(value)) is not None:
                by_title.setdefault(key, field)
    found = []
    for row in publications.to_dict("records"):
        field = next((by_issn[k] for k in (_issn_key(row.get("issn")), _issn_key(row.get("eissn")))
                      if k is not None and k in by_issn), None)
        found.append(field or by_title.get(_title_key(row.get("source_title")) or ""))
    return pd.Series(found, index=publications.index, dtype=object)


def compute_institution_field_cites(publications: pd.DataFrame, addresses: pd.DataFrame,
                                    names: tuple[str, ...], window: tuple[int, int],
                                    journal_fields: pd.DataFrame | None = None) -> InstitutionCites:
    """Count the institution's ESI-countable documents and cites per field.

    Parameters
    ----------
    publications : pandas.DataFrame
        Publication rows (``publication_id``, ``year``, ``doc_type``, ``times_cited``,
        ``esi_field``, ``source_title``; optional ``issn``, ``eissn``).
    addresses : pandas.DataFrame
        Address rows (``publication_id``, ``organisation``, ``text``).
    names : tuple of str
        The institution's name and aliases as they appear in addresses.
    window : (int, int)
        First and last publication year, inclusive.
    journal_fields : pandas.DataFrame, optional
        The ESI journal list (see :func:`journal_field_lookup`); where it names a
        publication's journal, that field wins over the category map's ``esi_field``.

    Returns
    -------
    InstitutionCites
    """
    ours = publications[publications["publication_id"].isin(
        institution_publications(addresses, names))].copy()
    matched = len(ours)
    years = pd.to_numeric(ours["year"], errors="coerce")
    ours = ours[years.between(window[0], window[1]) & ours["doc_type"].map(is_esi_doc_type)]
    from_journal = pd.Series(pd.NA, index=ours.index, dtype=object)
    if journal_fields is not None and not journal_fields.empty:
        from_journal = journal_field_lookup(ours, journal_fields)
    ours["field"] = from_journal.where(from_journal.notna(), ours["esi_field"])
    ours["by_journal"] = from_journal.notna()
    ours = ours[ours["field"].notna()]
    ours["cites"] = pd.to_numeric(ours["times_cited"], errors="coerce").fillna(0).astype(int)
    table = (ours.groupby("field", sort=True)
             .agg(documents=("publication_id", "size"), cites=("cites", "sum"),
                  field_source_journal=("by_journal", "sum"))
             .reset_index())
    return InstitutionCites(table, matched, len(ours))


def compute_esi_potential(status: pd.DataFrame, own: pd.DataFrame | None,
                          params: EsiPotentialParams = EsiPotentialParams()) -> pd.DataFrame:
    """Compute the potential value of every field with an imported list.

    Parameters
    ----------
    status : pandas.DataFrame
        :attr:`analysis.esi.EsiStatusResult.table` of one release.
    own : pandas.DataFrame or None
        :attr:`InstitutionCites.table` (``field``, ``documents``, ``cites``); ``None`` when
        the workspace has no WoS records of the institution (cites of unlisted fields are
        then unknown, not zero).
    params : EsiPotentialParams
        Watch-list cut-off.

    Returns
    -------
    pandas.DataFrame
        One row per field (columns :data:`POTENTIAL_COLUMNS`), unlisted fields first, by
        descending ``potential_1pct``. ``cites`` are the ESI list's when listed
        (``cites_source`` ``esi``), else the WoS count (``wos``); ``potential_*`` = cites /
        threshold; ``next_level`` the level above the status (``None`` in the top 1‱) and
        ``potential_next`` P against it; ``on_watch_list``: watch ≤ ``potential_next`` < 1;
        ``likely_next_release``: not listed but P ≥ 1 against the 1% threshold.
    """
    own_cites = {} if own is None else dict(zip(own["field"], own["cites"]))
    own_docs = {} if own is None else dict(zip(own["field"], own["documents"]))
    rows = []
    for row in status.to_dict("records"):
        listed = row["status"] != "not_listed"
        wos = own_cites.get(row["field"], 0 if own is not None else None)
        cites = row["cites"] if listed else wos
        known = cites is not None and cites is not pd.NA
        out = {key: row[key] for key in ("field", "field_zh", "release", "status",
                                         "threshold_1pct", "threshold_1pct_source",
                                         "threshold_1permille", "threshold_1per10k")}
        out.update(listed=listed, cites=int(cites) if known else None,
                   cites_source=("esi" if listed else "wos") if known else None,
                   wos_cites=None if wos is None else int(wos),
                   wos_documents=None if own is None else int(own_docs.get(row["field"], 0)))
        for level, column in ((1, "1pct"), (2, "1permille"), (3, "1per10k")):
            threshold = float(row[f"threshold_{column}"])
            out[f"potential_{column}"] = (float(cites) / threshold if known and threshold > 0
                                          else np.nan)
        rows.append(_with_next_level(out, params.watch))
    table = pd.DataFrame(rows, columns=list(POTENTIAL_COLUMNS))
    for column in ("cites", "wos_cites", "wos_documents"):  # whole numbers, NA when unknown
        table[column] = pd.array([None if v is None or pd.isna(v) else int(v)
                                  for v in table[column]], dtype="Int64")
    table = table.sort_values(["listed", "potential_1pct", "field"],
                              ascending=[True, False, True], na_position="last", kind="stable")
    return table.reset_index(drop=True)


def _with_next_level(out: dict, watch: float) -> dict:
    level = LEVEL_NUMBER[out["status"]] + 1
    column = {1: "potential_1pct", 2: "potential_1permille", 3: "potential_1per10k"}.get(level)
    p_next = out[column] if column else np.nan
    out.update(next_level=LEVEL_LABEL.get(level), potential_next=p_next,
               on_watch_list=bool(not np.isnan(p_next) and watch <= p_next < 1),
               likely_next_release=bool(not out["listed"] and not np.isnan(out["potential_1pct"])
                                        and out["potential_1pct"] >= 1))
    return out
