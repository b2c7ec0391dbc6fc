"""Time analyses of a workspace corpus: bursts, trend topics, cluster timeline, thematic map, cross-discipline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

import pandas as pd

from analysis.bursts import BurstParams, BurstResult, compute_bursts, keyword_occurrences, \
    term_occurrences
from analysis.cross_discipline import SchoolOf, compute_intersection_growth, \
    compute_our_authors, compute_our_schools, match_ours
from analysis.trends import TrendTopicParams, compute_cluster_timeline, compute_thematic_map, \
    compute_trend_topics, frequencies_of
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError, check_option
from analyst_app.services.corpus import CorpusFilter, addresses_frame, authorships_frame, \
    publications_frame, references_frame
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

#: ``keywords`` choices: which keyword lists an analysis reads.
KEYWORD_SETS = {"author": ("keywords_author",), "plus": ("keywords_plus",),
                "both": ("keywords_author", "keywords_plus")}


@dataclass
class TimeAnalysis:
    """A result of this module: the analysis result or table and its provenance.

    Attributes
    ----------
    result : object
        :class:`analysis.bursts.BurstResult` for bursts; a DataFrame for the others.
    provenance : dict
        ``analysis``, ``filter`` (in words), ``parameters``, ``counts`` (publications read,
        terms tested...), for reports and the GUI's drill-down.
    """

    result: Any
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def table(self) -> pd.DataFrame:
        """The main table: bursts for a burst analysis, else the result itself."""
        return self.result.bursts if isinstance(self.result, BurstResult) else self.result


def _check_keywords(keywords: str) -> tuple[str, ...]:
    check_option("keywords", keywords, tuple(KEYWORD_SETS))
    return KEYWORD_SETS[keywords]


def _check_burst_params(params: BurstParams) -> None:
    try:
        params.validate()
    except ValueError as exc:  # analysis is pure: it raises ValueError, the user sees InputError
        raise InputError(str(exc)) from None


def _publications(workspace: Workspace, flt: CorpusFilter,
                  columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    with workspace.session() as session:
        frame = publications_frame(session.connection(), flt, columns=columns)
    if frame.empty:
        raise InputError(f"no publications match the selection ({flt.describe()})")
    return frame


def _documents_per_year(publications: pd.DataFrame) -> pd.Series:
    return publications.dropna(subset=["year"]).astype({"year": int}).groupby("year").size()


def _provenance(analysis: str, flt: CorpusFilter, parameters: dict[str, Any],
                **counts: Any) -> dict[str, Any]:
    return {"analysis": analysis, "filter": flt.describe(), "parameters": parameters,
            "counts": counts}


def run_keyword_bursts(workspace: Workspace, flt: CorpusFilter = CorpusFilter(),
                       params: BurstParams = BurstParams(), *, keywords: str = "both",
                       progress: Progress = no_progress,
                       cancel: CancelToken | None = None) -> TimeAnalysis:
    """Detect Kleinberg bursts of the keywords of the selected publications.

    Parameters
    ----------
    workspace : Workspace
        The workspace read.
    flt : CorpusFilter
        Publications analysed.
    params : BurstParams
        s, γ, minimum occurrences, years.
    keywords : {'author', 'plus', 'both'}
        Author keywords, Keywords Plus, or both (a keyword in both lists counts once per
        publication); matched case-insensitively.
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    TimeAnalysis
        ``result`` is a :class:`~analysis.bursts.BurstResult` (d_t = all selected
        publications of year t, with or without keywords).

    Raises
    ------
    InputError
        Bad parameters, or no publication selected.
    """
    columns = _check_keywords(keywords)
    _check_burst_params(params)
    progress(0.0, "loading publications")
    # Years and keywords only: a 100k-record corpus loads in a second instead of four.
    publications = _publications(workspace, flt, ("year", "keywords_author", "keywords_plus"))
    if cancel:
        cancel.raise_if_cancelled()
    progress(0.6, "detecting bursts")
    occurrences = keyword_occurrences(publications, columns)
    result = compute_bursts(occurrences, params, _documents_per_year(publications))
    progress(1.0, "done")
    return TimeAnalysis(result, _provenance(
        "keyword bursts (Kleinberg, batched two-state)", flt,
        {**asdict(params), "keywords": keywords}, publications=len(publications),
        terms_tested=result.terms_tested, bursts=len(result.bursts),
        years=[int(result.years[0]), int(result.years[-1])] if len(result.years) else None))


def run_reference_bursts(workspace: Workspace, flt: CorpusFilter = CorpusFilter(),
                         params: BurstParams = BurstParams(), *,
                         progress: Progress = no_progress,
                         cancel: CancelToken | None = None) -> TimeAnalysis:
    """Detect Kleinberg bursts of cited references (citation bursts, as CiteSpace).

    A reference is identified by its ``ref_key`` (DOI, else author-year-source-volume-page)
    and dated by the year of the citing publication; r_t = publications of year t citing
    it, d_t = all selected publications of year t. Labels read ``AUTHOR, YEAR, SOURCE``.

    Raises
    ------
    InputError
        Bad parameters, no publication selected, or no cited references in the selection.
    """
    _check_burst_params(params)
    progress(0.0, "loading publications")
    publications = _publications(workspace, flt)
    references = references_frame(workspace, flt, progress=scaled(progress, 0.1, 0.7),
                                  cancel=cancel)
    references = references.dropna(subset=["ref_key"])
    if references.empty:
        raise InputError("the selected publications have no cited references "
                         "(export “Full Record and Cited References”): citation bursts "
                         "are not available")
    progress(0.8, "detecting bursts")
    years = references["publication_id"].map(publications.set_index("publication_id")["year"])
    labels = _reference_labels(references)
    occurrences = term_occurrences(references["publication_id"], years, labels,
                                   keys=references["ref_key"])
    result = compute_bursts(occurrences, params, _documents_per_year(publications))
    progress(1.0, "done")
    return TimeAnalysis(result, _provenance(
        "cited-reference bursts (Kleinberg, batched two-state)", flt, asdict(params),
        publications=len(publications), references=len(references),
        terms_tested=result.terms_tested, bursts=len(result.bursts)))


def _reference_labels(references: pd.DataFrame) -> pd.Series:
    parts = references[["first_author", "year", "source"]].copy()
    # Years arrive as floats when some are missing: print 2015, not 2015.0.
    parts["year"] = pd.to_numeric(parts["year"], errors="coerce").astype("Int64")
    parts = parts.astype("string").fillna("")
    label = parts["first_author"].str.cat([parts["year"], parts["source"]], sep=", ")
    label = label.str.strip(", ")
    return label.where(label.str.len() > 0, references["ref_key"].astype("string"))


def run_trend_topics(workspace: Workspace, flt: CorpusFilter = CorpusFilter(),
                     params: TrendTopicParams = TrendTopicParams(), *,
                     keywords: str = "both") -> TimeAnalysis:
    """Return bibliometrix trend topics of the selected publications' keywords.

    See :func:`analysis.trends.compute_trend_topics` for the table.
    """
    columns = _check_keywords(keywords)
    if params.min_frequency < 1 or params.per_year < 1:
        raise InputError("min_frequency and per_year must be at least 1, got "
                         f"{params.min_frequency} and {params.per_year}")
    publications = _publications(workspace, flt)
    table = compute_trend_topics(keyword_occurrences(publications, columns), params)
    return TimeAnalysis(table, _provenance("trend topics", flt, {
        **asdict(params), "keywords": keywords}, publications=len(publications),
        terms=len(table)))


def run_cluster_timeline(workspace: Workspace, clusters: pd.DataFrame,
                         flt: CorpusFilter = CorpusFilter(), *,
                         keywords: str = "both") -> TimeAnalysis:
    """Return publications per keyword cluster and year.

    Parameters
    ----------
    clusters : pandas.DataFrame
        ``keyword, cluster``, e.g. from the keyword network's Leiden clustering.

    Raises
    ------
    InputError
        When ``clusters`` lacks those columns or no publication is selected.
    """
    columns = _check_keywords(keywords)
    _check_columns("clusters", clusters, ("keyword", "cluster"))
    publications = _publications(workspace, flt)
    table = compute_cluster_timeline(keyword_occurrences(publications, columns), clusters)
    return TimeAnalysis(table, _provenance("cluster timeline", flt, {"keywords": keywords},
                                           publications=len(publications),
                                           clusters=int(clusters["cluster"].nunique())))


def run_thematic_map(workspace: Workspace, edges: pd.DataFrame, clusters: pd.DataFrame,
                     flt: CorpusFilter = CorpusFilter(), *, keywords: str = "both") -> TimeAnalysis:
    """Return the thematic map (Callon centrality and density) of keyword clusters.

    Frequencies (cluster labels and sizes) are counted in the selected publications.
    See :func:`analysis.trends.compute_thematic_map`.
    """
    columns = _check_keywords(keywords)
    _check_columns("edges", edges, ("source", "target", "weight"))
    _check_columns("clusters", clusters, ("keyword", "cluster"))
    publications = _publications(workspace, flt)
    frequencies = frequencies_of(keyword_occurrences(publications, columns))
    table = compute_thematic_map(edges, clusters, frequencies)
    return TimeAnalysis(table, _provenance(
        "thematic map (Callon centrality and density, quadrants by medians)", flt,
        {"keywords": keywords}, publications=len(publications), edges=len(edges),
        clusters=len(table)))


def _check_columns(name: str, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{name} needs the columns {', '.join(columns)}; missing "
                         f"{', '.join(missing)}")


@dataclass
class CrossDisciplineResult:
    """Result of :func:`run_cross_discipline`.

    Attributes
    ----------
    growth : pandas.DataFrame
        See :func:`analysis.cross_discipline.compute_intersection_growth`.
    bursts : analysis.bursts.BurstResult
        Keyword bursts inside the intersection (d_t = intersection publications of year t).
    our_authors, our_schools : pandas.DataFrame
        ``name, papers, cites, publication_ids`` in the intersection; schools only when a
        school mapping was given.
    our_publications : list of int
        Intersection publications with an address of our institution.
    publication_ids : list of int
        The intersection corpus.
    provenance : dict
        Both filters, parameters and counts.
    """

    growth: pd.DataFrame
    bursts: BurstResult
    our_authors: pd.DataFrame
    our_schools: pd.DataFrame
    our_publications: list[int]
    publication_ids: list[int]
    provenance: dict[str, Any]


def run_cross_discipline(workspace: Workspace, flt_a: CorpusFilter, flt_b: CorpusFilter,
                         params: BurstParams = BurstParams(), *, keywords: str = "both",
                         school_of: SchoolOf | None = None, progress: Progress = no_progress,
                         cancel: CancelToken | None = None) -> CrossDisciplineResult:
    """Analyse the publications in both corpus A and corpus B (e.g. AI × chemical engineering).

    Parameters
    ----------
    flt_a, flt_b : CorpusFilter
        The two parent corpora, e.g. ``CorpusFilter(query="machine learning OR deep
        learning")`` and ``CorpusFilter(categories=("Engineering, Chemical",))``.
    params : BurstParams
        Burst parameters for the intersection's keywords.
    school_of : callable, optional
        Maps an address text to a school of ours (``None`` when unmatched).

    Raises
    ------
    InputError
        Bad parameters, an empty parent corpus, or no institution set in the workspace
        (our authors are then reported empty with a note in the provenance, not an error).
    """
    columns = _check_keywords(keywords)
    _check_burst_params(params)
    progress(0.0, "loading both corpora")
    a, b = _publications(workspace, flt_a), _publications(workspace, flt_b)
    both_ids = sorted(set(a["publication_id"]) & set(b["publication_id"]))
    both = a[a["publication_id"].isin(both_ids)]
    if cancel:
        cancel.raise_if_cancelled()
    growth = compute_intersection_growth(a["year"], b["year"], both["year"])
    progress(0.4, "bursts in the intersection")
    bursts = compute_bursts(keyword_occurrences(both, columns), params, _documents_per_year(both))
    progress(0.7, "our authors and schools")
    name, aliases = workspace.institution()
    with workspace.session() as session:
        connection = session.connection()
        authorships = authorships_frame(connection, flt_a)
        addresses = addresses_frame(connection, flt_a)
    authorships = authorships[authorships["publication_id"].isin(both_ids)]
    addresses = addresses[addresses["publication_id"].isin(both_ids)].reset_index(drop=True)
    ours = match_ours(addresses, [name, *aliases] if name else [])
    cites = a.set_index("publication_id")["times_cited"]
    progress(1.0, "done")
    return CrossDisciplineResult(
        growth, bursts, compute_our_authors(authorships, addresses, ours, cites),
        compute_our_schools(addresses, ours, school_of, cites),
        sorted(int(i) for i in addresses.loc[ours.to_numpy(), "publication_id"].unique()),
        [int(i) for i in both_ids],
        {"analysis": "cross-discipline hotspot", "filter_a": flt_a.describe(),
         "filter_b": flt_b.describe(), "parameters": {**asdict(params), "keywords": keywords},
         "institution": name, "aliases": list(aliases), "school_mapping": school_of is not None,
         "counts": {"papers_a": len(a), "papers_b": len(b), "papers_both": len(both_ids),
                    "bursts": len(bursts.bursts)}})
