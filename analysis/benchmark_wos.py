"""Benchmarking indicators from publication records: output, impact, top shares, collaboration."""

from __future__ import annotations

import math
import re
from typing import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.benchmark_regions import address_regions

#: Field label of publications without an ESI field (no mapped WoS category).
UNCLASSIFIED = "UNCLASSIFIED"
#: Field label of the rows that total an institution over all fields.
ALL_FIELDS = "ALL FIELDS"
#: The tie rule in words, printed in the method note.
TOP_RULE = (
    "top 10% / top 1% (collection-normalised, not CNCI): within each ESI field and "
    "publication year of the imported collection, the papers are sorted by times cited "
    "and the threshold is the times cited of the paper at rank ceil(share x n); a paper "
    "is in the top class when its times cited is at least that threshold and above zero, "
    "so every paper tied at the threshold counts and a top class may hold more than its share")

#: Columns of the per-year table, in order.
WOS_COLUMNS = ("institution", "field", "year", "papers", "cites", "cites_per_paper",
               "top10_papers", "top10_share", "top1_papers", "top1_share",
               "international_papers", "international_share", "h_index", "baseline_papers",
               "threshold_top10", "threshold_top1", "small_sample", "warning")
#: Columns of the totals table (over all years; ``field`` may be :data:`ALL_FIELDS`).
TOTAL_COLUMNS = tuple(c for c in WOS_COLUMNS if c not in
                      ("year", "baseline_papers", "threshold_top10", "threshold_top1"))

CheckCancel = Callable[[], None]


def h_index(cites: Sequence[float] | np.ndarray) -> int:
    """Return the h-index of a set of papers: the largest h with h papers cited ≥ h times."""
    ranked = np.sort(np.asarray(cites, dtype=float))[::-1]
    return int(np.sum(ranked >= np.arange(1, len(ranked) + 1)))


def threshold_rank(n: int, share: float) -> int:
    """Return ⌈share·n⌉, at least 1, ignoring float noise (0.1·30 = 3.0000000000000004)."""
    return max(1, math.ceil(round(share * n, 9)))


def citation_thresholds(publications: pd.DataFrame,
                        shares: Sequence[float] = (0.10, 0.01)) -> pd.DataFrame:
    """Return the times-cited thresholds of the top classes per field and year.

    Parameters
    ----------
    publications : pandas.DataFrame
        The collection: columns ``field``, ``year`` and ``times_cited``.
    shares : sequence of float
        Top shares (0.10 for the top 10%).

    Returns
    -------
    pandas.DataFrame
        Columns ``field``, ``year``, ``baseline_papers`` (n) and one ``threshold_<pct>``
        column per share (``threshold_top10``, ``threshold_top1``): the times cited of the
        paper at rank ⌈share·n⌉ by descending times cited.
    """
    rows = []
    for (fld, year), group in publications.groupby(["field", "year"], dropna=False, sort=True):
        ranked = np.sort(group["times_cited"].to_numpy(dtype=float))[::-1]
        row = {"field": fld, "year": year, "baseline_papers": len(ranked)}
        for share in shares:
            row[_threshold_column(share)] = ranked[threshold_rank(len(ranked), share) - 1]
        rows.append(row)
    columns = ["field", "year", "baseline_papers", *(_threshold_column(s) for s in shares)]
    frame = pd.DataFrame(rows, columns=columns)
    for share in shares:  # times cited are whole numbers
        frame[_threshold_column(share)] = frame[_threshold_column(share)].astype("Int64")
    return frame


def _threshold_column(share: float) -> str:
    return f"threshold_top{round(share * 100):g}"


def match_institutions(addresses: pd.DataFrame, institutions: Mapping[str, Sequence[str]],
                       check_cancel: CheckCancel | None = None) -> pd.DataFrame:
    """Return which addresses name which institution.

    An address names an institution when its organisation, or any comma-separated part of
    its text, equals one of the institution's spellings, ignoring case and runs of spaces
    (``Tianjin Univ`` matches ``Tianjin Univ, Sch Chem Engn`` but not ``Tianjin Univ
    Technol``).

    Parameters
    ----------
    addresses : pandas.DataFrame
        Columns ``publication_id``, ``text``, ``organisation`` (index: any).
    institutions : mapping of str to sequence of str
        Institution key → address spellings.
    check_cancel : callable, optional
        Called between institutions; raises to stop.

    Returns
    -------
    pandas.DataFrame
        Columns ``address`` (index label in ``addresses``), ``publication_id`` and
        ``institution``; one row per matching address and institution.
    """
    spellings = {key: {_fold(s) for s in names if s and s.strip()}
                 for key, names in institutions.items()}
    parts = _address_parts(_candidates(addresses, set().union(*spellings.values())))
    frames = [pd.DataFrame(columns=["address", "institution"])]
    for institution, wanted in spellings.items():
        if check_cancel is not None:
            check_cancel()
        hit = parts[parts["part"].isin(wanted)]["address"].unique()
        frames.append(pd.DataFrame({"address": hit, "institution": institution}))
    matched = pd.concat(frames, ignore_index=True)
    matched["publication_id"] = addresses.loc[matched["address"], "publication_id"].to_numpy()
    return matched[["address", "publication_id", "institution"]]


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _candidates(addresses: pd.DataFrame, spellings: set[str]) -> pd.DataFrame:
    # A cheap substring test first: a large corpus has millions of addresses, and only
    # those containing a spelling need splitting into comma parts.
    if not spellings or addresses.empty:
        return addresses.iloc[:0]
    pattern = "|".join(r"\s+".join(map(re.escape, s.split())) for s in sorted(spellings))
    text = addresses["text"].fillna("").astype(str)
    organisation = addresses["organisation"].fillna("").astype(str)
    keep = (text.str.contains(pattern, case=False, regex=True)
            | organisation.str.contains(pattern, case=False, regex=True))
    return addresses[keep]


def _address_parts(addresses: pd.DataFrame) -> pd.DataFrame:
    # One row per (address, comma part) plus the organisation, folded once for all
    # institutions; the organisation is usually the first part but sources differ.
    text = addresses["text"].fillna("").astype(str).str.lower().str.split(",")
    parts = text.explode()
    organisation = addresses["organisation"].fillna("").astype(str).str.lower()
    both = pd.concat([parts, organisation])
    folded = both.str.replace(r"\s+", " ", regex=True).str.strip()
    frame = pd.DataFrame({"address": both.index, "part": folded.to_numpy()})
    return frame[frame["part"] != ""].drop_duplicates()


def paper_flags(publications: pd.DataFrame, addresses: pd.DataFrame,
                institutions: Mapping[str, Sequence[str]], *, greater_china_as_one: bool = False,
                shares: Sequence[float] = (0.10, 0.01),
                check_cancel: CheckCancel | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return one row per institution and paper with its top-class and collaboration flags.

    Parameters
    ----------
    publications : pandas.DataFrame
        The collection: ``publication_id``, ``year``, ``times_cited``, ``esi_field``.
    addresses : pandas.DataFrame
        ``publication_id``, ``text``, ``organisation``, ``country`` of those publications.
    institutions : mapping of str to sequence of str
        Institution → address spellings.
    greater_china_as_one : bool
        Count Hong Kong, Macau and Taiwan as China Mainland's region.
    shares : sequence of float
        The top classes (0.10, 0.01).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The papers (``institution``, ``publication_id``, ``field``, ``year``, ``times_cited``,
        ``top10``, ``top1``, ``international``) and the thresholds of
        :func:`citation_thresholds`. A paper counts once per institution however many of
        its addresses name it (full counting).
    """
    pubs = publications[["publication_id", "year", "times_cited", "esi_field"]].copy()
    pubs["field"] = pubs.pop("esi_field").fillna(UNCLASSIFIED).replace("", UNCLASSIFIED)
    pubs["times_cited"] = pd.to_numeric(pubs["times_cited"], errors="coerce").fillna(0)
    pubs["year"] = pd.to_numeric(pubs["year"], errors="coerce").astype("Int64")
    thresholds = citation_thresholds(pubs, shares)
    addresses = addresses.reset_index(drop=True)
    matched = match_institutions(addresses, institutions, check_cancel)
    # Regions are needed only on the papers of the institutions compared.
    addresses = addresses[addresses["publication_id"].isin(matched["publication_id"])]
    regions = address_regions(addresses, greater_china_as_one=greater_china_as_one)
    matched["region"] = regions.loc[matched["address"]].to_numpy()
    papers = matched.drop_duplicates(["institution", "publication_id"])[
        ["institution", "publication_id"]]
    papers = papers.assign(international=_international(matched, addresses, regions, papers))
    papers = papers.merge(pubs, on="publication_id", how="inner")
    papers = papers.merge(thresholds, on=["field", "year"], how="left")
    for share in shares:
        column = _threshold_column(share)
        papers[column.replace("threshold_", "")] = (
            (papers["times_cited"] >= papers[column]) & (papers["times_cited"] > 0))
    return papers, thresholds


def _international(matched: pd.DataFrame, addresses: pd.DataFrame, regions: pd.Series,
                   papers: pd.DataFrame) -> np.ndarray:
    # The institution's own region(s) on a paper are those of the addresses naming it; the
    # paper is international for it when another address lies in a different region.
    own = matched.dropna(subset=["region"]).groupby(["institution", "publication_id"])["region"]
    own_sets = own.agg(frozenset)
    paper_regions = (pd.DataFrame({"publication_id": addresses["publication_id"],
                                   "region": regions}).dropna()
                     .groupby("publication_id")["region"].agg(frozenset))
    flags = []
    for institution, publication in zip(papers["institution"], papers["publication_id"]):
        mine = own_sets.get((institution, publication), frozenset())
        everyone = paper_regions.get(publication, frozenset())
        flags.append(bool(mine) and bool(everyone - mine))
    return np.array(flags, dtype=bool)


def aggregate_papers(papers: pd.DataFrame, keys: list[str], min_papers: int) -> pd.DataFrame:
    """Aggregate :func:`paper_flags` rows into indicator cells grouped by ``keys``.

    Returns
    -------
    pandas.DataFrame
        ``keys`` then ``papers``, ``cites`` (sum of times cited), ``cites_per_paper``,
        ``top10_papers``, ``top10_share``, ``top1_papers``, ``top1_share`` (shares of the
        cell's papers, 0–1), ``international_papers``, ``international_share``, ``h_index``,
        ``small_sample`` (fewer than ``min_papers`` papers) and ``warning`` (text or empty).
    """
    grouped = papers.groupby(keys, dropna=False, sort=True)
    cells = grouped.agg(papers=("publication_id", "size"), cites=("times_cited", "sum"),
                        top10_papers=("top10", "sum"), top1_papers=("top1", "sum"),
                        international_papers=("international", "sum"),
                        h_index=("times_cited", h_index)).reset_index()
    for column in ("papers", "cites", "top10_papers", "top1_papers", "international_papers",
                   "h_index"):
        cells[column] = cells[column].astype("int64")
    cells["cites_per_paper"] = cells["cites"] / cells["papers"]
    for name in ("top10", "top1", "international"):
        cells[f"{name}_share"] = cells[f"{name}_papers"] / cells["papers"]
    cells["small_sample"] = cells["papers"] < min_papers
    cells["warning"] = [
        f"only {n} paper{'s' * (n != 1)} (fewer than {min_papers}): shares and h-index "
        "are unstable" if small
        else "" for n, small in zip(cells["papers"], cells["small_sample"])]
    return cells
