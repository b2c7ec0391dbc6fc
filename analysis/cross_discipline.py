"""Cross-discipline hotspots: the intersection of two corpora, its growth and who publishes in it."""

from __future__ import annotations

import re
from typing import Callable, Iterable

import numpy as np
import pandas as pd

#: Maps an address text to a school name (or ``None``): the school mapping of the workspace.
SchoolOf = Callable[[str], "str | None"]


def compute_intersection_growth(years_a: pd.Series, years_b: pd.Series,
                                years_both: pd.Series) -> pd.DataFrame:
    """Return publications per year of two parent corpora and of their intersection.

    Parameters
    ----------
    years_a, years_b, years_both : pandas.Series
        Publication year of each publication of corpus A, corpus B and of the intersection.

    Returns
    -------
    pandas.DataFrame
        One row per year from the first to the last year of either parent: ``year,
        papers_a, papers_b, papers_both, share_of_a`` (papers_both / papers_a; NaN when A
        has none that year), ``share_of_b``, ``growth_both`` (year-over-year growth of the
        intersection; NaN after a year with none).
    """
    counts = {name: years.dropna().astype(int).value_counts()
              for name, years in (("papers_a", years_a), ("papers_b", years_b),
                                  ("papers_both", years_both))}
    present = [c.index for c in counts.values() if len(c)]
    if not present:
        return pd.DataFrame(columns=["year", "papers_a", "papers_b", "papers_both",
                                     "share_of_a", "share_of_b", "growth_both"])
    first = min(int(i.min()) for i in present)
    last = max(int(i.max()) for i in present)
    table = pd.DataFrame({"year": np.arange(first, last + 1)})
    for name, series in counts.items():
        table[name] = series.reindex(table["year"], fill_value=0).to_numpy()
    table["share_of_a"] = table["papers_both"] / table["papers_a"].where(table["papers_a"] > 0)
    table["share_of_b"] = table["papers_both"] / table["papers_b"].where(table["papers_b"] > 0)
    previous = table["papers_both"].shift(1)
    table["growth_both"] = table["papers_both"] / previous.where(previous > 0) - 1
    return table


def institution_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Return a case-insensitive pattern matching any of ``names`` as whole words.

    ``None`` when no name is given. Whole words so that ``DALIAN UNIV`` does not match
    ``DALIAN UNIV TECHNOL`` unless it is one of the names.
    """
    parts = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    if not parts:
        return None
    # Whitespace inside a name may be any run of spaces in the address.
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in parts)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def match_ours(addresses: pd.DataFrame, names: Iterable[str]) -> pd.Series:
    """Return a boolean mask of the addresses whose organisation is our institution.

    Parameters
    ----------
    addresses : pandas.DataFrame
        At least ``organisation`` (and ``text``, used when the organisation is missing).
    names : iterable of str
        The institution's name and aliases, matched case-insensitively as a whole: the
        organisation must equal one of them (``DALIAN UNIV TECHNOL`` ≠ ``DALIAN UNIV``).
    """
    folded = {" ".join(n.split()).casefold() for n in names if n and n.strip()}
    organisation = addresses["organisation"].fillna("").astype(str)
    mask = organisation.str.split().str.join(" ").str.casefold().isin(folded)
    pattern = institution_pattern(folded)
    if pattern is not None and "text" in addresses:
        # An address whose organisation was not parsed: the name at the start of the text.
        missing = (organisation == "").to_numpy()
        if missing.any():
            text = addresses.loc[missing, "text"].fillna("").astype(str)
            mask.loc[missing] = [bool(pattern.match(t.strip())) for t in text]
    return mask


def compute_our_authors(authorships: pd.DataFrame, addresses: pd.DataFrame, ours: pd.Series,
                        times_cited: pd.Series) -> pd.DataFrame:
    """Return our authors in a corpus: authors linked to one of our addresses.

    Parameters
    ----------
    authorships : pandas.DataFrame
        ``publication_id, full_name, address_positions`` (list of address positions).
    addresses : pandas.DataFrame
        ``publication_id, position`` of the same publications.
    ours : pandas.Series
        Boolean mask aligned with ``addresses`` (see :func:`match_ours`).
    times_cited : pandas.Series
        Citations indexed by publication id.

    Returns
    -------
    pandas.DataFrame
        ``name, papers, cites, publication_ids``, most papers first. Authors by full name as
        printed (never merged by surname and initials). When a publication links no author
        to addresses (older WoS records), none of its authors is counted: the link is unknown.
    """
    our = addresses.loc[ours.to_numpy(), ["publication_id", "position"]]
    links = authorships[["publication_id", "full_name", "address_positions"]].explode(
        "address_positions").dropna(subset=["address_positions"])
    links = links.astype({"address_positions": int}).merge(
        our, left_on=["publication_id", "address_positions"],
        right_on=["publication_id", "position"])
    pairs = links.drop_duplicates(["full_name", "publication_id"])
    return _rank(pairs.rename(columns={"full_name": "name"}), times_cited)


def compute_our_schools(addresses: pd.DataFrame, ours: pd.Series, school_of: SchoolOf | None,
                        times_cited: pd.Series) -> pd.DataFrame:
    """Return papers and citations per school of ours (``school_of`` maps an address text).

    Addresses of ours that no school pattern matches are counted as ``None`` → the row
    ``school = "(unmapped)"``, so the librarian sees how much the mapping misses.
    """
    our = addresses.loc[ours.to_numpy(), ["publication_id", "text"]].copy()
    if school_of is None or our.empty:
        return pd.DataFrame(columns=["name", "papers", "cites", "publication_ids"])
    our["name"] = [school_of(str(t)) or "(unmapped)" for t in our["text"]]
    return _rank(our.drop_duplicates(["name", "publication_id"]), times_cited)


def _rank(pairs: pd.DataFrame, times_cited: pd.Series) -> pd.DataFrame:
    columns = ["name", "papers", "cites", "publication_ids"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    pairs = pairs.assign(cites=pairs["publication_id"].map(times_cited).fillna(0).astype(int))
    grouped = pairs.groupby("name")
    table = grouped.agg(papers=("publication_id", "nunique"), cites=("cites", "sum"))
    table["publication_ids"] = grouped["publication_id"].agg(lambda s: sorted(int(i) for i in s))
    table = table.reset_index().sort_values(["papers", "cites", "name"],
                                            ascending=[False, False, True], kind="stable")
    return table[columns].reset_index(drop=True)
