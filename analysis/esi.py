"""ESI standing of one institution per field and release: rank, percentile, thresholds, status."""

from __future__ import annotations

import math
from dataclasses import dataclass, field as dc_field
from typing import Literal

import numpy as np
import pandas as pd

#: Columns of the rankings frame :func:`compute_esi_status` expects (one row per listed
#: institution, field and release). ``field_zh`` is optional.
RANKING_COLUMNS = (
    "release", "field", "rank", "institution", "country",
    "documents", "cites", "cites_per_paper", "top_papers",
)

#: Status codes, best first, with the level each one means.
STATUS_LEVELS = {
    "top_1per10k": "1‱",
    "top_1permille": "1‰",
    "top_1pct": "1%",
    "not_listed": "not listed",
}

#: Columns of :attr:`EsiStatusResult.table`, in order.
TABLE_COLUMNS = (
    "field", "field_zh", "release", "rank", "institutions", "percentile", "documents", "cites",
    "cites_per_paper", "top_papers", "threshold_1pct", "threshold_1pct_source",
    "threshold_1permille", "threshold_1per10k", "ratio_1pct", "ratio_1permille",
    "ratio_1per10k", "status", "previous_rank", "previous_institutions", "rank_change",
    "newly_listed", "matched_name",
)

Rounding = Literal["ceil", "round", "floor"]


@dataclass(frozen=True)
class EsiStatusParams:
    """Parameters of :func:`compute_esi_status`.

    Attributes
    ----------
    institution : str
        The institution's name as ESI prints it (``DALIAN UNIVERSITY OF TECHNOLOGY``).
    aliases : tuple of str
        Other names ESI has used for it; matched case- and space-insensitively.
    release : str or None
        Release label (``2025-11``); ``None`` takes the latest release present.
    rounding : {'ceil', 'round', 'floor'}
        How the threshold ranks 0.1·N and 0.01·N are made whole (ESI practice: ceil).
    """

    institution: str
    aliases: tuple[str, ...] = ()
    release: str | None = None
    rounding: Rounding = "ceil"


@dataclass
class EsiStatusResult:
    """Result of :func:`compute_esi_status`.

    Attributes
    ----------
    params : EsiStatusParams
        The parameters used.
    release : str
        The release analysed.
    previous_release : str or None
        The release compared against for rank change (the one before ``release``).
    table : pandas.DataFrame
        One row per field that has a ranking list in ``release``, sorted by status then
        percentile. Columns: ``field``, ``field_zh``, ``release``, ``rank`` (Int64, NA when not
        listed), ``institutions`` (N, rows in the list), ``percentile`` (rank / N),
        ``documents``, ``cites``, ``cites_per_paper``, ``top_papers``, ``threshold_1pct``
        (cites), ``threshold_1pct_source`` (``published`` or ``derived``: cites of the last
        listed institution), ``threshold_1permille`` (cites at rank ⌈0.1·N⌉),
        ``threshold_1per10k`` (cites at rank ⌈0.01·N⌉), ``ratio_1pct``, ``ratio_1permille``,
        ``ratio_1per10k`` (our cites / threshold), ``status`` (a key of
        :data:`STATUS_LEVELS`), ``previous_rank``, ``previous_institutions``, ``rank_change``
        (previous rank − rank: positive means the institution moved up), ``newly_listed``
        (bool: listed now, not listed in the previous release's list of the field; false
        when that list was not imported) and ``matched_name`` (the name found in the list).
    dropped_fields : list of str
        Fields listed in the previous release but not in this one.
    """

    params: EsiStatusParams
    release: str
    previous_release: str | None
    table: pd.DataFrame
    dropped_fields: list[str] = dc_field(default_factory=list)

    @property
    def listed(self) -> pd.DataFrame:
        """Rows of the fields where the institution is listed (top 1% or better)."""
        return self.table[self.table["status"] != "not_listed"]


def normalise_institution(name: str) -> str:
    """Return ``name`` upper-cased with runs of spaces collapsed, for matching."""
    return " ".join(str(name).upper().split())


def threshold_rank(n: int, share: float, rounding: Rounding = "ceil") -> int:
    """Return the rank whose cites form the threshold of the top ``share`` of ``n`` institutions.

    Parameters
    ----------
    n : int
        Institutions listed in the field (N).
    share : float
        0.1 for the top 1‰ (a tenth of the top-1% list), 0.01 for the top 1‱.
    rounding : {'ceil', 'round', 'floor'}
        How ``share * n`` is made whole; never below rank 1.
    """
    raw = share * n
    # round() in Python rounds half to even; ESI-style reports round half up.
    whole = {"ceil": math.ceil, "floor": math.floor, "round": lambda x: math.floor(x + 0.5)}[rounding]
    # Guard against 0.1 * 1380 == 138.00000000000003 turning into 139 under ceil.
    return max(1, int(whole(round(raw, 9))))


def compute_esi_status(
    rankings: pd.DataFrame,
    params: EsiStatusParams,
    thresholds: pd.DataFrame | None = None,
) -> EsiStatusResult:
    """Compute the institution's ESI standing in every field of one release.

    Parameters
    ----------
    rankings : pandas.DataFrame
        Institution rankings with the columns of :data:`RANKING_COLUMNS` (and optionally
        ``field_zh``), for any number of releases and fields.
    params : EsiStatusParams
        Institution, aliases, release and rounding.
    thresholds : pandas.DataFrame, optional
        Published institution-level 1% thresholds with columns ``release``, ``field`` and
        ``cites``; used instead of the derived threshold where present.

    Returns
    -------
    EsiStatusResult

    Raises
    ------
    ValueError
        When ``rankings`` is empty or the requested release is absent.
    """
    if rankings.empty:
        raise ValueError("no ESI ranking lists have been imported")
    releases = sorted(rankings["release"].unique())
    release = params.release or releases[-1]
    if release not in releases:
        raise ValueError(f"release {release!r} has not been imported; imported: {', '.join(releases)}")
    earlier = [r for r in releases if r < release]
    previous = earlier[-1] if earlier else None

    names = {normalise_institution(n) for n in (params.institution, *params.aliases) if n}
    current = _field_rows(rankings, release, names, params.rounding, thresholds)
    table = current
    dropped: list[str] = []
    if previous is not None:
        before = _field_rows(rankings, previous, names, params.rounding, thresholds)
        table = _with_change(current, before)
        was_listed = set(before.loc[before["status"] != "not_listed", "field"])
        now_listed = set(current.loc[current["status"] != "not_listed", "field"])
        dropped = sorted(was_listed - now_listed)
    else:
        table = table.assign(previous_rank=pd.NA, previous_institutions=pd.NA,
                             rank_change=pd.NA, newly_listed=False)
    # Nullable integers: counts stay whole numbers where the institution is not listed.
    for column in ("rank", "previous_rank", "documents", "cites", "top_papers"):
        table[column] = table[column].astype("Int64")
    for column in ("threshold_1pct", "threshold_1permille", "threshold_1per10k"):
        table[column] = table[column].round().astype("int64")
    table = table[list(TABLE_COLUMNS)]
    table["previous_institutions"] = table["previous_institutions"].astype("Int64")
    table["rank_change"] = table["rank_change"].astype("Int64")
    order = {code: i for i, code in enumerate(STATUS_LEVELS)}
    table = table.sort_values(
        by=["status", "percentile", "field"],
        key=lambda s: s.map(order) if s.name == "status" else s,
        na_position="last",
    ).reset_index(drop=True)
    return EsiStatusResult(params, release, previous, table, dropped)


def _field_rows(rankings: pd.DataFrame, release: str, names: set[str], rounding: Rounding,
                thresholds: pd.DataFrame | None) -> pd.DataFrame:
    published = _published_thresholds(thresholds, release)
    rows = []
    for field, group in rankings[rankings["release"] == release].groupby("field", sort=True):
        rows.append(_one_field(field, group, names, rounding, published.get(field)))
    return pd.DataFrame(rows)


def _published_thresholds(thresholds: pd.DataFrame | None, release: str) -> dict[str, float]:
    if thresholds is None or thresholds.empty:
        return {}
    chosen = thresholds[thresholds["release"] == release]
    return dict(zip(chosen["field"], chosen["cites"].astype(float)))


def _one_field(field: str, group: pd.DataFrame, names: set[str], rounding: Rounding,
               published_1pct: float | None) -> dict:
    # Rows keep the order of the file, which is by descending cites; ties share a rank.
    group = group.sort_values(["cites", "rank"], ascending=[False, True], kind="stable")
    cites = group["cites"].to_numpy(dtype=float)
    n = len(group)
    t_1pct = published_1pct if published_1pct is not None else float(cites[-1])
    t_1permille = float(cites[threshold_rank(n, 0.1, rounding) - 1])
    t_1per10k = float(cites[threshold_rank(n, 0.01, rounding) - 1])
    match = group[group["institution"].map(normalise_institution).isin(names)]
    row = {
        "field": field,
        "field_zh": group["field_zh"].iloc[0] if "field_zh" in group else field,
        "release": group["release"].iloc[0],
        "institutions": n,
        "threshold_1pct": t_1pct,
        "threshold_1pct_source": "published" if published_1pct is not None else "derived",
        "threshold_1permille": t_1permille,
        "threshold_1per10k": t_1per10k,
    }
    if match.empty:
        row.update(rank=pd.NA, percentile=np.nan, documents=np.nan, cites=np.nan,
                   cites_per_paper=np.nan, top_papers=np.nan, ratio_1pct=np.nan,
                   ratio_1permille=np.nan, ratio_1per10k=np.nan, status="not_listed",
                   matched_name=None)
        return row
    # Should an institution appear twice (an alias and its name), the better rank counts.
    ours = match.sort_values("rank").iloc[0]
    our_cites = float(ours["cites"])
    status = ("top_1per10k" if our_cites >= t_1per10k else
              "top_1permille" if our_cites >= t_1permille else "top_1pct")
    row.update(
        rank=int(ours["rank"]), percentile=int(ours["rank"]) / n,
        documents=int(ours["documents"]), cites=int(ours["cites"]),
        cites_per_paper=float(ours["cites_per_paper"]), top_papers=int(ours["top_papers"]),
        ratio_1pct=our_cites / t_1pct if t_1pct else np.nan,
        ratio_1permille=our_cites / t_1permille if t_1permille else np.nan,
        ratio_1per10k=our_cites / t_1per10k if t_1per10k else np.nan,
        status=status, matched_name=ours["institution"],
    )
    return row


def _with_change(current: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    prior = before[["field", "rank", "institutions", "status"]].rename(columns={
        "rank": "previous_rank", "institutions": "previous_institutions",
        "status": "previous_status"})
    table = current.merge(prior, on="field", how="left")
    table["rank"] = table["rank"].astype("Int64")
    table["previous_rank"] = table["previous_rank"].astype("Int64")
    table["rank_change"] = table["previous_rank"] - table["rank"]
    # "Newly listed" needs the field's list of the previous release: a field whose earlier
    # list was never imported has no comparison, not a new entry.
    table["newly_listed"] = (table["status"] != "not_listed") & (
        table["previous_status"] == "not_listed")
    return table.drop(columns=["previous_status"])
