"""Trend topics, cluster timelines and the thematic map (Callon centrality and density)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Quadrant names of the thematic map (Cobo et al. 2011), by (high centrality, high density).
QUADRANTS = {
    (True, True): "motor",                  # well developed and central
    (False, True): "niche",                 # well developed, peripheral
    (False, False): "emerging_or_declining",
    (True, False): "basic",                 # central, not developed: transversal themes
}


@dataclass(frozen=True)
class TrendTopicParams:
    """Parameters of :func:`compute_trend_topics`.

    Attributes
    ----------
    min_frequency : int
        Terms carried by fewer publications are left out (bibliometrix default 5).
    per_year : int
        Terms kept per median year, the most frequent first (bibliometrix ``n.items``, 5).
    """

    min_frequency: int = 5
    per_year: int = 5


def compute_trend_topics(occurrences: pd.DataFrame,
                         params: TrendTopicParams = TrendTopicParams()) -> pd.DataFrame:
    """Return bibliometrix-style trend topics: year quartiles of each term's publications.

    Parameters
    ----------
    occurrences : pandas.DataFrame
        ``publication_id, year, key, term``, one row per publication and term (see
        :func:`analysis.bursts.keyword_occurrences`).
    params : TrendTopicParams
        Minimum frequency and terms per year.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, key, frequency, year_q1, year_median, year_q3``: quartiles of the
        publication years of the term's documents (linear interpolation, numpy's default,
        rounded to whole years as bibliometrix does). Kept: the ``per_year`` most frequent
        terms per ``year_median``. Sorted by median year, then frequency descending.
    """
    columns = ["term", "key", "frequency", "year_q1", "year_median", "year_q3"]
    if occurrences.empty:
        return pd.DataFrame(columns=columns)
    grouped = occurrences.groupby("key")["year"]
    table = grouped.quantile([0.25, 0.5, 0.75]).unstack()
    table.columns = ["year_q1", "year_median", "year_q3"]
    table = table.round().astype(int)
    table["frequency"] = grouped.size()
    table["term"] = occurrences.drop_duplicates("key").set_index("key")["term"]
    table = table[table["frequency"] >= params.min_frequency].reset_index()
    table = table.sort_values(["year_median", "frequency", "key"],
                              ascending=[True, False, True], kind="stable")
    table = table.groupby("year_median", sort=False).head(params.per_year)
    return table[columns].reset_index(drop=True)


def compute_cluster_timeline(occurrences: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """Return publications per cluster and year (a publication counts once per cluster).

    Parameters
    ----------
    occurrences : pandas.DataFrame
        ``publication_id, year, key, term``, one row per publication and term.
    clusters : pandas.DataFrame
        Cluster assignment: columns ``keyword, cluster``; keywords are matched to ``key``
        case- and space-insensitively. Keywords in no cluster are ignored.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster, year, publications, keywords`` (distinct cluster keywords used
        that year), ``share`` (publications / all publications with any keyword that year),
        ``publication_ids`` (sorted list, drill-down). Sorted by cluster then year.
    """
    assignment = _assignment(clusters)
    merged = occurrences.merge(assignment, on="key", how="inner")
    per_year = occurrences.groupby("year")["publication_id"].nunique()
    grouped = merged.groupby(["cluster", "year"])
    table = grouped.agg(publications=("publication_id", "nunique"), keywords=("key", "nunique"))
    table["publication_ids"] = grouped["publication_id"].agg(
        lambda s: sorted(int(i) for i in s.unique()))
    table = table.reset_index()
    table["share"] = table["publications"] / table["year"].map(per_year)
    return table[["cluster", "year", "publications", "keywords", "share", "publication_ids"]]


def _assignment(clusters: pd.DataFrame) -> pd.DataFrame:
    from analysis.bursts import fold_term
    assignment = pd.DataFrame({"key": fold_term(clusters["keyword"].astype(str)),
                               "cluster": clusters["cluster"].to_numpy()})
    return assignment.drop_duplicates("key")


def compute_thematic_map(edges: pd.DataFrame, clusters: pd.DataFrame,
                         frequencies: pd.Series | None = None, label_terms: int = 3) -> pd.DataFrame:
    """Place each cluster by Callon centrality and density; name its quadrant.

    Parameters
    ----------
    edges : pandas.DataFrame
        Keyword network: ``source, target, weight`` (undirected; each pair once, e.g.
        co-occurrence counts or association strengths).
    clusters : pandas.DataFrame
        ``keyword, cluster``; matched to the edge ends case- and space-insensitively.
    frequencies : pandas.Series, optional
        Occurrences per keyword (folded key); used for the cluster labels and sizes.
        Default: the weighted degree in ``edges``.
    label_terms : int
        Keywords in a cluster label, most frequent first.

    Returns
    -------
    pandas.DataFrame
        One row per cluster: ``cluster, label, keywords`` (nodes), ``frequency`` (sum of
        the nodes' frequencies), ``centrality`` (Callon: sum of the weights of edges from the
        cluster's nodes to nodes of other clusters), ``density`` (Callon, per node: sum of the
        weights of edges inside the cluster / number of nodes; bibliometrix multiplies by 100
        and uses equivalence-index weights: only the scale differs), ``centrality_rank`` and
        ``density_rank`` (1 = highest), ``quadrant`` (see :data:`QUADRANTS`: above or at the
        median of both → ``motor``, low centrality and high density → ``niche``, both low →
        ``emerging_or_declining``, high centrality and low density → ``basic``).
    """
    from analysis.bursts import fold_term
    assignment = _assignment(clusters).set_index("key")["cluster"]
    links = pd.DataFrame({"source": fold_term(edges["source"].astype(str)),
                          "target": fold_term(edges["target"].astype(str)),
                          "weight": edges["weight"].astype(float).to_numpy()})
    links = links[links["source"] != links["target"]]
    links["cs"], links["ct"] = links["source"].map(assignment), links["target"].map(assignment)
    internal = links[links["cs"] == links["ct"]].groupby("cs")["weight"].sum()
    external = links[links["cs"].notna() & links["ct"].notna() & (links["cs"] != links["ct"])]
    centrality = pd.concat([external.groupby("cs")["weight"].sum(),
                            external.groupby("ct")["weight"].sum()]).groupby(level=0).sum()
    if frequencies is None:
        frequencies = pd.concat([links.groupby("source")["weight"].sum(),
                                 links.groupby("target")["weight"].sum()]).groupby(level=0).sum()
    nodes = assignment.rename("cluster").rename_axis("key").reset_index()
    nodes["frequency"] = nodes["key"].map(frequencies).fillna(0)
    nodes = nodes.sort_values(["cluster", "frequency", "key"], ascending=[True, False, True])
    table = nodes.groupby("cluster").agg(
        label=("key", lambda s: "; ".join(s[:label_terms])), keywords=("key", "size"),
        frequency=("frequency", "sum"))
    table["centrality"] = centrality.reindex(table.index, fill_value=0.0)
    table["density"] = internal.reindex(table.index, fill_value=0.0) / table["keywords"]
    return _quadrants(table.reset_index())


def _quadrants(table: pd.DataFrame) -> pd.DataFrame:
    high_c = table["centrality"] >= table["centrality"].median()
    high_d = table["density"] >= table["density"].median()
    table["centrality_rank"] = table["centrality"].rank(ascending=False, method="min").astype(int)
    table["density_rank"] = table["density"].rank(ascending=False, method="min").astype(int)
    table["quadrant"] = [QUADRANTS[(bool(c), bool(d))] for c, d in zip(high_c, high_d)]
    return table.sort_values(["quadrant", "centrality"], ascending=[True, False]).reset_index(drop=True)


def frequencies_of(occurrences: pd.DataFrame) -> pd.Series:
    """Return publications per folded keyword (``key``), for :func:`compute_thematic_map`."""
    return occurrences.groupby("key")["publication_id"].nunique().astype(np.int64)
