"""Bibliometric indicators: growth, h/g/m-index per author/institution/country/journal, Lotka, Bradford."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Columns of :func:`compute_entity_indicators`, in order.
INDICATOR_COLUMNS = ("name", "papers", "cites", "h_index", "g_index", "m_index", "first_year",
                     "last_year", "publication_ids")


def compute_entity_indicators(frame: pd.DataFrame, current_year: int | None = None) -> pd.DataFrame:
    """Return papers, citations and h-, g- and m-index per entity (author, institution...).

    Vectorised for whole corpora: one sort by entity and citations, then per-row ranks.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``entity, publication_id, year, times_cited``: one row per entity and
        publication (duplicates, e.g. an institution named on two addresses of a paper, count
        once). Entities are taken as given: authors by full name, never by surname and
        initials.
    current_year : int, optional
        The year the m-index is computed at; default the latest publication year in ``frame``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`INDICATOR_COLUMNS`, sorted by h-index, then citations, then papers
        (descending) and name. ``h_index``: the largest h such that h papers have at least h
        citations each (Hirsch 2005). ``g_index``: the largest g such that the g most cited
        papers have together at least g² citations, g at most the number of papers (Egghe
        2006, without padding with fictitious uncited papers). ``m_index``: h / (current_year
        − first_year + 1), so a career starting in ``current_year`` counts as one year (Hirsch's
        m = h / n, with n counted inclusively to avoid dividing by zero). ``publication_ids``:
        sorted list of the entity's publications (drill-down).
    """
    data = frame[["entity", "publication_id", "year", "times_cited"]].dropna(subset=["entity"])
    data = data.drop_duplicates(["entity", "publication_id"])
    if data.empty:
        return pd.DataFrame(columns=list(INDICATOR_COLUMNS))
    cites = data["times_cited"].fillna(0).astype(np.int64).to_numpy()
    entity_codes, names = pd.factorize(data["entity"])
    # Sort by entity, then citations descending: rank = position within the entity's block.
    order = np.lexsort((-cites, entity_codes))
    codes, cites = entity_codes[order], cites[order]
    starts = np.r_[0, np.flatnonzero(np.diff(codes)) + 1]
    sizes = np.diff(np.r_[starts, len(codes)])
    rank = np.arange(len(codes)) - np.repeat(starts, sizes) + 1
    cumulative = np.cumsum(cites)
    block_cumulative = cumulative - np.repeat(cumulative[starts] - cites[starts], sizes)
    # Within a block both conditions hold for a prefix of the ranks (citations fall while the
    # rank rises; Σ c − g² is concave in g), so counting the rows that satisfy them gives h, g.
    n = len(names)
    h = np.bincount(codes, weights=cites >= rank, minlength=n).astype(int)
    g = np.bincount(codes, weights=block_cumulative >= rank.astype(np.int64) ** 2,
                    minlength=n).astype(int)
    table = pd.DataFrame({"name": np.asarray(names, dtype=object), "papers": sizes,
                          "cites": np.bincount(codes, weights=cites, minlength=n).astype(np.int64),
                          "h_index": h, "g_index": g})
    year = data["year"].to_numpy(dtype=float)[order]
    first_year = np.fmin.reduceat(year, starts)  # fmin/fmax skip missing years (NaN)
    table["first_year"] = pd.array(first_year, dtype="Int64")
    table["last_year"] = pd.array(np.fmax.reduceat(year, starts), dtype="Int64")
    at = current_year if current_year is not None else data["year"].max()
    table["m_index"] = h / np.maximum(at - first_year + 1, 1)
    # Drill-down lists: one sort by (entity, id) and a split, no Python call per entity.
    ids = data["publication_id"].to_numpy()
    by_id = np.lexsort((ids, entity_codes))
    table["publication_ids"] = [part.tolist() for part in np.split(ids[by_id], starts[1:])]
    table = table.sort_values(["h_index", "cites", "papers", "name"],
                              ascending=[False, False, False, True], kind="stable")
    return table[list(INDICATOR_COLUMNS)].reset_index(drop=True)


@dataclass
class GrowthResult:
    """Result of :func:`compute_growth`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per year from the first to the last year with publications (years without
        any included with 0): ``year, papers, yoy_growth`` (papers_t / papers_{t−1} − 1; NaN
        after a year with none), ``full_year`` (counted in the CAGR window).
    first_year, last_year : int or None
        The CAGR window: the first year with publications and the last full year.
    cagr : float
        Compound annual growth rate (P_last / P_first)^(1 / (last − first)) − 1; NaN when the
        window is shorter than two years.
    """

    table: pd.DataFrame
    first_year: int | None
    last_year: int | None
    cagr: float


def compute_growth(years: pd.Series, last_full_year: int | None = None) -> GrowthResult:
    """Return papers per year, year-over-year growth and the compound annual growth rate.

    Parameters
    ----------
    years : pandas.Series
        Publication year of each publication (missing years are ignored).
    last_full_year : int, optional
        The last complete year (a WoS export made in June holds half a year); later years
        are listed but left out of the CAGR. Default: the last year present.

    Returns
    -------
    GrowthResult
    """
    years = years.dropna().astype(int)
    if years.empty:
        return GrowthResult(pd.DataFrame(columns=["year", "papers", "yoy_growth", "full_year"]),
                            None, None, float("nan"))
    axis = np.arange(years.min(), years.max() + 1)
    papers = years.value_counts().reindex(axis, fill_value=0)
    previous = papers.shift(1)
    yoy = (papers / previous.where(previous > 0)) - 1
    first = int(axis[0])
    last = int(min(last_full_year, axis[-1])) if last_full_year is not None else int(axis[-1])
    table = pd.DataFrame({"year": axis, "papers": papers.to_numpy(), "yoy_growth": yoy.to_numpy(),
                          "full_year": axis <= last})
    cagr = float("nan")
    if last > first and papers[first] > 0:
        cagr = float((papers[last] / papers[first]) ** (1.0 / (last - first)) - 1)
    return GrowthResult(table, first, last if last >= first else None, cagr)


@dataclass
class LotkaResult:
    """Result of :func:`compute_lotka`.

    Attributes
    ----------
    table : pandas.DataFrame
        ``papers`` (n), ``authors`` (authors with exactly n papers), ``share`` (of all
        authors), ``expected_share`` (C / n^exponent from the fit).
    exponent : float
        Lotka's exponent a in share(n) = C / n^a (Lotka's law: a ≈ 2).
    constant : float
        C: the fitted share of authors with one paper.
    r_squared : float
        Coefficient of determination of the fit, on the log scale.
    authors : int
        Authors counted.
    """

    table: pd.DataFrame
    exponent: float
    constant: float
    r_squared: float
    authors: int


def compute_lotka(papers_per_author: pd.Series) -> LotkaResult:
    """Fit Lotka's law: ordinary least squares of log10(share of authors) on log10(n papers).

    Parameters
    ----------
    papers_per_author : pandas.Series
        Number of papers of each author (full counting).

    Returns
    -------
    LotkaResult
        NaN exponent, constant and R² when fewer than two distinct productivities exist.
    """
    counts = papers_per_author[papers_per_author > 0].astype(int)
    table = counts.value_counts().sort_index().rename_axis("papers").rename("authors").reset_index()
    table["share"] = table["authors"] / max(len(counts), 1)
    exponent = constant = r_squared = float("nan")
    if len(table) >= 2:
        x, y = np.log10(table["papers"].to_numpy(float)), np.log10(table["share"].to_numpy())
        slope, intercept = np.polyfit(x, y, 1)
        fitted = intercept + slope * x
        total = ((y - y.mean()) ** 2).sum()
        r_squared = float(1 - ((y - fitted) ** 2).sum() / total) if total > 0 else float("nan")
        exponent, constant = float(-slope), float(10 ** intercept)
    table["expected_share"] = constant / table["papers"].astype(float) ** exponent
    return LotkaResult(table, exponent, constant, r_squared, int(len(counts)))


@dataclass
class BradfordResult:
    """Result of :func:`compute_bradford`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per journal by papers descending (ties by name): ``rank, journal, papers,
        cumulative_papers, zone`` (1, 2 or 3).
    zones : pandas.DataFrame
        One row per zone: ``zone, journals, papers, core`` (the zone's first five journals).
    multiplier : float
        Mean Bradford multiplier (journals in zone 2 / zone 1 and zone 3 / zone 2); NaN when a
        zone is empty.
    """

    table: pd.DataFrame
    zones: pd.DataFrame
    multiplier: float


def compute_bradford(journals: pd.Series) -> BradfordResult:
    """Split journals into Bradford's three zones of about a third of the papers each.

    Parameters
    ----------
    journals : pandas.Series
        Source title of each publication (missing ones are ignored).

    Returns
    -------
    BradfordResult
        Zone 1 runs to and including the journal whose cumulative papers first reach
        ⌈total/3⌉, zone 2 to the one first reaching ⌈2·total/3⌉, zone 3 holds the rest (the
        cut of bibliometrix's ``bradford``).
    """
    counts = journals.dropna().value_counts()
    table = counts.rename_axis("journal").rename("papers").reset_index()
    table = table.sort_values(["papers", "journal"], ascending=[False, True], kind="stable")
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    table["cumulative_papers"] = table["papers"].cumsum()
    total = int(table["papers"].sum())
    cuts = [-(-total // 3), -(-2 * total // 3)]
    # searchsorted on the cumulative counts: index of the first journal reaching each cut.
    ends = np.searchsorted(table["cumulative_papers"].to_numpy(), cuts, side="left")
    zone = np.full(len(table), 3)
    zone[: ends[1] + 1] = 2
    zone[: ends[0] + 1] = 1
    table["zone"] = zone
    zones = table.groupby("zone").agg(journals=("journal", "size"), papers=("papers", "sum"),
                                      core=("journal", lambda s: list(s[:5])))
    zones = zones.reindex([1, 2, 3]).rename_axis("zone").reset_index()
    zones["journals"] = zones["journals"].fillna(0).astype(int)
    zones["papers"] = zones["papers"].fillna(0).astype(int)
    zones["core"] = [c if isinstance(c, list) else [] for c in zones["core"]]
    n1, n2, n3 = zones["journals"]
    multiplier = float(np.mean([n2 / n1, n3 / n2])) if n1 and n2 and n3 else float("nan")
    return BradfordResult(table.reset_index(drop=True), zones, multiplier)
