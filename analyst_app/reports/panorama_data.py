"""What the discipline panorama report shows, gathered once: analysis results and derived tables.

The service (:mod:`analyst_app.services.report_panorama`) runs the analyses and fills
:class:`PanoramaData`; the context, sentences, figures and Excel sheets read only from it.
The helpers here derive the report's own tables from frames (no database, no Qt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.bibliometrics import compute_entity_indicators
from analysis.cross_discipline import compute_our_authors, match_ours
from analysis.network_labels import dominant_clusters

#: Columns of :func:`cluster_papers`.
CLUSTER_PAPER_COLUMNS = ("cluster", "rank", "publication_id", "ut", "doi", "first_author",
                         "title", "year", "source_title", "times_cited")


@dataclass
class OurPosition:
    """Our institution in the corpus.

    Attributes
    ----------
    names : tuple of str
        Name and aliases looked for (organisation of an address, case-insensitive, whole).
    matched : list of str
        Institution names of the ranking that are ours (empty: not found).
    papers, cites, h_index, g_index : int
        Over our publications (all matched names together).
    rank_h : int or None
        Position in the institution ranking (h-index, then cites, papers, name: the CLI's order).
    rank_papers : int or None
        1 + institutions with more papers.
    institutions : int
        Institutions ranked.
    publication_ids : list of int
    authors : pandas.DataFrame
        ``name, papers, cites, h_index, publication_ids``: authors linked to our addresses.
    """

    names: tuple[str, ...]
    matched: list[str] = field(default_factory=list)
    papers: int = 0
    cites: int = 0
    h_index: int = 0
    g_index: int = 0
    rank_h: int | None = None
    rank_papers: int | None = None
    institutions: int = 0
    publication_ids: list[int] = field(default_factory=list)
    authors: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def found(self) -> bool:
        """Whether any publication of ours is in the corpus."""
        return bool(self.matched)


@dataclass
class CrossData:
    """The cross-discipline section: A = the report's corpus, B = the other field.

    Attributes
    ----------
    label_a, label_b : str
        Printed names of A and B.
    result : analyst_app.services.trends.CrossDisciplineResult
        Growth, bursts and the intersection's ids (its own "ours" is not used).
    institutions : pandas.DataFrame
        Institution ranking inside the intersection (CLI indicator columns).
    our_authors : pandas.DataFrame
        Our authors in the intersection (``name, papers, cites, publication_ids``).
    our_publications : list of int
    """

    label_a: str
    label_b: str
    result: Any
    institutions: pd.DataFrame
    our_authors: pd.DataFrame
    our_publications: list[int]


@dataclass
class PanoramaData:
    """Everything the report prints; numbers unrounded.

    Attributes
    ----------
    title : str
        The field or topic (碳捕集).
    filter : CorpusFilter
    publications : pandas.DataFrame
        The corpus (``publication_id, ut, doi, title, year, source_title, times_cited``...).
    growth, lotka, bradford : IndicatorAnalysis
        From :mod:`analyst_app.services.indicators`.
    rankings : dict
        ``countries``, ``institutions``, ``journals``, ``authors`` → IndicatorAnalysis.
    network : NetworkResult
        The keyword co-occurrence map.
    cluster_papers : pandas.DataFrame
        :func:`cluster_papers` (every publication of each cluster, most cited first).
    keyword_bursts : TimeAnalysis
    reference_bursts : TimeAnalysis or None
        ``None`` when the corpus has no cited references (``reference_note`` says why).
    thematic : TimeAnalysis
    cross : CrossData or None
    ours : OurPosition
    sources : pandas.DataFrame
        Import batches behind the corpus (file name, format, rows, sha256, time).
    settings : dict
        Parameters of the report (thresholds, burst s/γ, thesaurus file and hash...).
    """

    title: str
    filter: Any
    publications: pd.DataFrame
    growth: Any
    lotka: Any
    bradford: Any
    rankings: dict[str, Any]
    network: Any
    cluster_papers: pd.DataFrame
    keyword_bursts: Any
    reference_bursts: Any
    thematic: Any
    cross: CrossData | None
    ours: OurPosition
    sources: pd.DataFrame
    settings: dict[str, Any]
    reference_note: str = ""


def first_authors(authorships: pd.DataFrame) -> pd.Series:
    """Return publication id → first author as printed (full name, else short name)."""
    first = authorships.sort_values(["publication_id", "position"]).drop_duplicates(
        "publication_id")
    names = first["full_name"].fillna(first["short_name"])
    return pd.Series(names.to_numpy(), index=first["publication_id"].to_numpy())


def cluster_papers(network: Any, publications: pd.DataFrame,
                   authors: pd.Series) -> pd.DataFrame:
    """Return every publication of each cluster, most cited first within the cluster.

    A publication belongs to its dominant cluster (the cluster holding most of its map
    keywords, ties to the lower number), the same rule as the cluster table's
    ``publications`` count, so the rows of a cluster add up to that count.

    Parameters
    ----------
    network : NetworkResult
        The keyword map (``network.network`` and ``nodes.cluster``).
    publications : pandas.DataFrame
        ``publication_id, ut, doi, title, year, source_title, times_cited``.
    authors : pandas.Series
        Publication id → first author (:func:`first_authors`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLUSTER_PAPER_COLUMNS`; ``rank`` is 1 for the most cited of a cluster.
    """
    clusters = network.nodes["cluster"].to_numpy()
    dominant = dominant_clusters(network.network, clusters)
    frame = pd.DataFrame({"publication_id": network.network.record_ids.astype(np.int64),
                          "cluster": dominant})
    frame = frame[frame["cluster"] > 0].merge(publications, on="publication_id")
    frame["first_author"] = frame["publication_id"].map(authors)
    frame["times_cited"] = frame["times_cited"].fillna(0).astype(np.int64)
    frame = frame.sort_values(["cluster", "times_cited", "publication_id"],
                              ascending=[True, False, True], kind="stable")
    frame["rank"] = frame.groupby("cluster").cumcount() + 1
    return frame[list(CLUSTER_PAPER_COLUMNS)].reset_index(drop=True)


def our_position(names: tuple[str, ...], institutions: pd.DataFrame,
                 publications: pd.DataFrame, authorships: pd.DataFrame,
                 addresses: pd.DataFrame) -> OurPosition:
    """Find our institution in the institution ranking and list our authors.

    Parameters
    ----------
    names : tuple of str
        Our name and aliases as addresses print them (``Aalto Univ``).
    institutions : pandas.DataFrame
        The institution ranking (:func:`analysis.bibliometrics.compute_entity_indicators`).
    publications, authorships, addresses : pandas.DataFrame
        Frames of the corpus (:mod:`analyst_app.services.corpus`).

    Returns
    -------
    OurPosition
        When one ranking row matches, its numbers are the ranking's own; several matching
        names (aliases) are merged over the union of their publications.
    """
    position = OurPosition(tuple(n for n in names if n), institutions=len(institutions))
    folded = {" ".join(n.split()).casefold() for n in position.names}
    if not folded or institutions.empty:
        return position
    keys = institutions["name"].astype(str).str.split().str.join(" ").str.casefold()
    rows = institutions[keys.isin(folded)]
    if rows.empty:
        return position
    ids = sorted({int(i) for ids in rows["publication_ids"] for i in ids})
    if len(rows) == 1:
        row = rows.iloc[0]
    else:  # aliases both present: one entity over the union of their papers
        merged = publications[publications["publication_id"].isin(ids)].assign(entity="ours")
        row = compute_entity_indicators(merged[["entity", "publication_id", "year",
                                                "times_cited"]]).iloc[0]
    position.matched = rows["name"].astype(str).tolist()
    position.papers, position.cites = int(row["papers"]), int(row["cites"])
    position.h_index, position.g_index = int(row["h_index"]), int(row["g_index"])
    position.rank_h = int(rows.index.min()) + 1  # the ranking is in the CLI's order, 0-based
    position.rank_papers = int((institutions["papers"] > position.papers).sum()) + 1
    position.publication_ids = ids
    position.authors = our_authors(position.names, publications, authorships, addresses)
    return position


def our_authors(names: tuple[str, ...], publications: pd.DataFrame, authorships: pd.DataFrame,
                addresses: pd.DataFrame) -> pd.DataFrame:
    """Return our authors (linked to an address of ours) with papers, cites and h-index.

    Returns
    -------
    pandas.DataFrame
        ``name, papers, cites, h_index, publication_ids``, by papers, cites, name.
    """
    addresses = addresses.reset_index(drop=True)
    ours = match_ours(addresses, names)
    cites = publications.set_index("publication_id")["times_cited"]
    table = compute_our_authors(authorships, addresses, ours, cites)
    if table.empty:
        return pd.DataFrame(columns=["name", "papers", "cites", "h_index", "publication_ids"])
    pairs = table[["name", "publication_ids"]].explode("publication_ids").rename(
        columns={"name": "entity", "publication_ids": "publication_id"})
    pairs = pairs.astype({"publication_id": np.int64}).merge(
        publications[["publication_id", "year", "times_cited"]], on="publication_id")
    h = compute_entity_indicators(pairs).set_index("name")["h_index"]
    table["h_index"] = table["name"].map(h).fillna(0).astype(int)
    return table[["name", "papers", "cites", "h_index", "publication_ids"]]
