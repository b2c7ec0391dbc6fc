"""Benchmarking from the ESI Institutions lists: each institution's row per field and release."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from analysis.esi import normalise_institution

#: Columns of :func:`compute_esi_benchmark`, in order.
ESI_COLUMNS = ("institution", "field", "release", "rank", "institutions", "percentile",
               "documents", "cites", "cites_per_paper", "top_papers", "listed", "matched_name")


def compute_esi_benchmark(rankings: pd.DataFrame,
                          institutions: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Return every institution's standing in every imported ESI list.

    Parameters
    ----------
    rankings : pandas.DataFrame
        ESI Institutions rows: ``release``, ``field``, ``rank``, ``institution``,
        ``documents``, ``cites``, ``cites_per_paper``, ``top_papers`` (any releases and fields).
    institutions : mapping of str to sequence of str
        Institution key (the name reported) → names to look for (ESI name and aliases),
        matched case- and space-insensitively. Order is kept in the result.

    Returns
    -------
    pandas.DataFrame
        One row per institution, field and release that has an imported list, columns
        :data:`ESI_COLUMNS`: ``rank`` (Int64; NA when the institution is not in that list),
        ``institutions`` (N, rows of the list), ``percentile`` (rank / N; NaN when not
        listed), ``documents``, ``cites``, ``top_papers`` (Int64), ``cites_per_paper``,
        ``listed`` (bool: a peer absent from a list is "not listed", never zero) and
        ``matched_name`` (the name found in the list).
    """
    if rankings.empty or not institutions:
        return pd.DataFrame(columns=list(ESI_COLUMNS))
    sizes = (rankings.groupby(["release", "field"]).size().rename("institutions").reset_index())
    key_of = {normalise_institution(name): key
              for key, names in institutions.items() for name in names if name}
    found = rankings.assign(key=rankings["institution"].map(normalise_institution).map(key_of))
    found = found.dropna(subset=["key"])
    # An institution listed under two of its names (a name and an alias) keeps its better rank.
    found = (found.sort_values("rank", kind="stable")
             .drop_duplicates(["key", "release", "field"])
             .rename(columns={"institution": "matched_name"})
             .rename(columns={"key": "institution"}))
    grid = pd.DataFrame({"institution": list(institutions)}).merge(sizes, how="cross")
    table = grid.merge(found[["institution", "release", "field", "rank", "documents", "cites",
                              "cites_per_paper", "top_papers", "matched_name"]],
                       on=["institution", "release", "field"], how="left")
    for column in ("rank", "documents", "cites", "top_papers"):
        table[column] = pd.to_numeric(table[column]).astype("Int64")
    table["cites_per_paper"] = pd.to_numeric(table["cites_per_paper"]).astype(float)
    table["listed"] = table["rank"].notna()
    table["percentile"] = (table["rank"].astype(float) / table["institutions"]).astype(float)
    order = {key: i for i, key in enumerate(institutions)}
    table = table.sort_values(["field", "release", "institution"],
                              key=lambda s: s.map(order) if s.name == "institution" else s,
                              kind="stable")
    return table[list(ESI_COLUMNS)].reset_index(drop=True)


def unlisted_institutions(table: pd.DataFrame) -> list[str]:
    """Return the institutions of an :func:`compute_esi_benchmark` table listed nowhere."""
    if table.empty:
        return []
    listed = table.groupby("institution", sort=False)["listed"].any()
    return [name for name, any_listed in listed.items() if not any_listed]
