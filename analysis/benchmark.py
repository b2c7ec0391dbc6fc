"""Peer benchmarking (学科竞争力对标): an institution against its peers by field, release, year.

Two sources are combined, never mixed: the ESI Institutions lists (rank, percentile,
documents, cites, top papers per release) and the publication records of the workspace
(papers, cites, collection-normalised top shares, international share, h-index per year).
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from typing import Callable

import numpy as np
import pandas as pd

from analysis.benchmark_esi import ESI_COLUMNS, compute_esi_benchmark, unlisted_institutions
from analysis.benchmark_regions import REGION_RULE, REGION_RULE_GREATER_CHINA
from analysis.benchmark_wos import (ALL_FIELDS, TOP_RULE, TOTAL_COLUMNS, UNCLASSIFIED,
                                    WOS_COLUMNS, aggregate_papers, paper_flags)

__all__ = ["ALL_FIELDS", "ESI_COLUMNS", "UNCLASSIFIED", "WOS_COLUMNS", "TOTAL_COLUMNS",
           "BenchmarkInstitution", "BenchmarkParams", "BenchmarkResult", "compute_benchmark"]

#: Columns of :attr:`BenchmarkResult.esi_trend`: the ESI columns plus the change of rank.
ESI_TREND_COLUMNS = (*ESI_COLUMNS, "previous_rank", "rank_change")


@dataclass(frozen=True)
class BenchmarkInstitution:
    """An institution to compare, with the names to find it by.

    Attributes
    ----------
    name : str
        The name reported in every table (its ESI name).
    esi_names : tuple of str
        Names to look for in the ESI lists (``name`` and aliases).
    address_names : tuple of str
        Organisation spellings in publication addresses (``Dalian Univ Technol``).
    display_name : str
        Name for people (``大连理工大学``); may be empty.
    """

    name: str
    esi_names: tuple[str, ...]
    address_names: tuple[str, ...]
    display_name: str = ""


@dataclass(frozen=True)
class BenchmarkParams:
    """Parameters of :func:`compute_benchmark`.

    Attributes
    ----------
    institution : BenchmarkInstitution
        Our institution (first in every table).
    peers : tuple of BenchmarkInstitution
        The peers, in display order.
    release : str or None
        ESI release of :attr:`BenchmarkResult.esi`; ``None`` takes the latest imported.
    fields : tuple of str
        ESI fields to report (ESI spelling); empty reports every field.
    min_papers : int
        Cells with fewer papers are flagged ``small_sample`` with a warning text.
    greater_china_as_one : bool
        Count Hong Kong, Macau and Taiwan as China Mainland's region for the
        international share (default: separate regions, as ESI and InCites do).
    """

    institution: BenchmarkInstitution
    peers: tuple[BenchmarkInstitution, ...] = ()
    release: str | None = None
    fields: tuple[str, ...] = ()
    min_papers: int = 30
    greater_china_as_one: bool = False

    @property
    def everyone(self) -> tuple[BenchmarkInstitution, ...]:
        """Our institution followed by the peers."""
        return (self.institution, *self.peers)


@dataclass
class BenchmarkResult:
    """Result of :func:`compute_benchmark`.

    Attributes
    ----------
    params : BenchmarkParams
        The parameters used.
    release : str or None
        The ESI release of :attr:`esi` (``None`` when no ESI list is imported).
    esi : pandas.DataFrame
        Columns :data:`~analysis.benchmark_esi.ESI_COLUMNS` for ``release``: one row per
        institution and field with a list in that release.
    esi_trend : pandas.DataFrame
        The same over every imported release (tidy: institution, field, release ...) plus
        ``previous_rank`` and ``rank_change`` (previous rank − rank; positive = moved up).
    wos : pandas.DataFrame
        Columns :data:`~analysis.benchmark_wos.WOS_COLUMNS`: one row per institution, field
        and publication year with at least one paper (the trend over years).
    wos_totals : pandas.DataFrame
        Columns :data:`~analysis.benchmark_wos.TOTAL_COLUMNS`: per institution and field over
        all years, and per institution over all fields (``field`` = ``ALL FIELDS``).
    thresholds : pandas.DataFrame
        The collection's top-10% / top-1% citation thresholds per field and year.
    warnings : list of str
        Plain-language cautions (small samples, peers without papers, thin baselines).
    method : str
        How every indicator was computed, for the report's method appendix.
    """

    params: BenchmarkParams
    release: str | None
    esi: pd.DataFrame
    esi_trend: pd.DataFrame
    wos: pd.DataFrame
    wos_totals: pd.DataFrame
    thresholds: pd.DataFrame
    warnings: list[str] = dc_field(default_factory=list)
    method: str = ""

    @property
    def unlisted(self) -> list[str]:
        """Institutions that no imported ESI list names."""
        return unlisted_institutions(self.esi_trend)


def compute_benchmark(rankings: pd.DataFrame, publications: pd.DataFrame,
                      addresses: pd.DataFrame, params: BenchmarkParams, *,
                      check_cancel: Callable[[], None] | None = None) -> BenchmarkResult:
    """Compare an institution with its peers from ESI lists and publication records.

    Parameters
    ----------
    rankings : pandas.DataFrame
        ESI Institutions rows (``release``, ``field``, ``rank``, ``institution``,
        ``documents``, ``cites``, ``cites_per_paper``, ``top_papers``); may be empty.
    publications : pandas.DataFrame
        The collection the top-class thresholds are computed on: ``publication_id``,
        ``year``, ``times_cited``, ``esi_field``; may be empty.
    addresses : pandas.DataFrame
        Their addresses: ``publication_id``, ``text``, ``organisation``, ``country``.
    params : BenchmarkParams
        Institutions, release, fields, small-sample size, region rule.
    check_cancel : callable, optional
        Called between steps; raises to stop.

    Returns
    -------
    BenchmarkResult

    Raises
    ------
    ValueError
        When ``params.release`` is not among the imported releases or ``min_papers`` < 1.
    """
    if params.min_papers < 1:
        raise ValueError(f"min_papers must be at least 1, got {params.min_papers}")
    warnings: list[str] = []
    release, esi, trend = _esi_part(rankings, params, warnings)
    if check_cancel is not None:
        check_cancel()
    wos, totals, thresholds = _wos_part(publications, addresses, params, warnings, check_cancel)
    return BenchmarkResult(params, release, esi, trend, wos, totals, thresholds, warnings,
                           method_text(params, release))


def _esi_part(rankings: pd.DataFrame, params: BenchmarkParams,
              warnings: list[str]) -> tuple[str | None, pd.DataFrame, pd.DataFrame]:
    names = {i.name: i.esi_names for i in params.everyone}
    trend = compute_esi_benchmark(rankings, names)
    if params.fields:
        missing = sorted(set(params.fields) - set(trend["field"]))
        trend = trend[trend["field"].isin(params.fields)]
        if missing and not rankings.empty:
            warnings.append(f"no imported ESI list for {', '.join(missing)}")
    trend = _with_rank_change(trend.reset_index(drop=True))
    if rankings.empty:
        warnings.append("no ESI lists are imported: the ESI table is empty")
        return None, trend[list(ESI_COLUMNS)], trend
    releases = sorted(rankings["release"].unique())
    release = params.release or releases[-1]
    if release not in releases:
        raise ValueError(f"release {release!r} has not been imported; imported: "
                         f"{', '.join(releases)}")
    current = trend[trend["release"] == release][list(ESI_COLUMNS)].reset_index(drop=True)
    return release, current, trend


def _with_rank_change(trend: pd.DataFrame) -> pd.DataFrame:
    # Releases sort as text (2025-07 < 2025-11); the previous release is the one before
    # in the same field's imported lists, so an unimported release is skipped, not zero.
    trend = trend.copy()
    trend["previous_rank"] = (trend.sort_values("release")
                              .groupby(["institution", "field"])["rank"].shift(1))
    trend["previous_rank"] = trend["previous_rank"].astype("Int64")
    trend["rank_change"] = trend["previous_rank"] - trend["rank"]
    return trend


def _wos_part(publications: pd.DataFrame, addresses: pd.DataFrame, params: BenchmarkParams,
              warnings: list[str], check_cancel: Callable[[], None] | None
              ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    spellings = {i.name: i.address_names for i in params.everyone}
    papers, thresholds = paper_flags(publications, addresses, spellings,
                                     greater_china_as_one=params.greater_china_as_one,
                                     check_cancel=check_cancel)
    if publications.empty:
        warnings.append("no publication records are imported: the WoS indicators are empty")
    else:
        for inst in params.everyone:
            if not (papers["institution"] == inst.name).any():
                warnings.append(f"no publication has an address of {inst.name} (spellings "
                                f"tried: {'; '.join(inst.address_names) or 'none'}): add its "
                                "spellings to the peer group or import its records")
    if params.fields:
        papers = papers[papers["field"].isin(params.fields)]
        thresholds = thresholds[thresholds["field"].isin(params.fields)]
    order = {i.name: n for n, i in enumerate(params.everyone)}
    wos = aggregate_papers(papers, ["institution", "field", "year"], params.min_papers)
    wos = wos.merge(thresholds, on=["field", "year"], how="left")
    wos = _ordered(wos, order, ["institution", "field", "year"])[list(WOS_COLUMNS)]
    parts = [aggregate_papers(papers, ["institution", "field"], params.min_papers)]
    if len(params.fields) != 1:  # with one field chosen, the total would repeat its row
        parts.append(aggregate_papers(papers.assign(field=ALL_FIELDS), ["institution", "field"],
                                      params.min_papers))
    totals = _ordered(pd.concat(parts, ignore_index=True), order,
                      ["institution", "field"])[list(TOTAL_COLUMNS)]
    warnings.extend(_sample_warnings(wos, thresholds, params))
    return wos.reset_index(drop=True), totals.reset_index(drop=True), thresholds


def _ordered(frame: pd.DataFrame, order: dict[str, int], keys: list[str]) -> pd.DataFrame:
    # Our institution first, then the peers as given; ALL FIELDS and UNCLASSIFIED last.
    def key(series: pd.Series) -> pd.Series:
        if series.name == "institution":
            return series.map(order)
        if series.name == "field":
            return series.map(lambda f: ("2" if f == ALL_FIELDS else
                                         "1" if f == UNCLASSIFIED else "0") + str(f))
        return series
    return frame.sort_values(keys, key=key, kind="stable")


def _sample_warnings(wos: pd.DataFrame, thresholds: pd.DataFrame,
                     params: BenchmarkParams) -> list[str]:
    notes = []
    for inst in params.everyone:
        cells = wos[wos["institution"] == inst.name]
        small = int(cells["small_sample"].sum())
        if small:
            notes.append(f"{inst.name}: {small} of {len(cells)} field-year cells have fewer "
                         f"than {params.min_papers} papers (small_sample): their shares and "
                         "h-index are unstable")
    thin = int((thresholds["baseline_papers"] < 100).sum()) if len(thresholds) else 0
    if thin:
        notes.append(f"the top-1% threshold of {thin} of {len(thresholds)} field-years rests on "
                     "fewer than 100 papers of the imported collection: a single paper decides it")
    return notes


def method_text(params: BenchmarkParams, release: str | None) -> str:
    """Return how the indicators were computed, in plain words (for reports and JSON)."""
    region = REGION_RULE_GREATER_CHINA if params.greater_china_as_one else REGION_RULE
    return " ".join([
        f"ESI: rank, documents, cites, cites per paper and top papers as printed in the ESI "
        f"Institutions list of release {release or '(none imported)'}; percentile = rank / N "
        "(N = institutions in the field's list); an institution absent from a list is "
        "'not listed', not zero.",
        "Publications: papers of the imported collection with at least one address naming the "
        "institution (organisation or a comma part equal to one of its spellings, ignoring "
        "case), counted in full; field = the paper's ESI field from its WoS categories; "
        "cites = times cited as exported; h-index within the cell.",
        TOP_RULE[0].upper() + TOP_RULE[1:] + ".",
        f"International collaboration share: papers with at least one address in another "
        f"country/region than the institution's own address on the paper; {region}.",
        f"Cells with fewer than {params.min_papers} papers are flagged small_sample.",
    ])


def nan_to_none(value: object) -> object:
    """Return ``None`` for NaN/NA and plain Python numbers for numpy scalars."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and np.isnan(value):
            return None
    return value
