"""Bibliometric indicators of a workspace corpus: h/g/m-index rankings, growth, Lotka, Bradford."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.bibliometrics import BradfordResult, GrowthResult, LotkaResult, compute_bradford, \
    compute_entity_indicators, compute_growth, compute_lotka
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError, check_option
from analyst_app.services.corpus import CorpusFilter, addresses_frame, authorships_frame, \
    publications_frame
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Entities :func:`run_entity_indicators` ranks, and what names them.
ENTITIES = {
    "authors": "full name as printed (AF); never merged by surname and initials",
    "institutions": "organisation of each address (full counting, once per publication)",
    "countries": "country of each address (full counting, once per publication)",
    "journals": "source title",
}


@dataclass
class IndicatorAnalysis:
    """A result of this module with its provenance.

    Attributes
    ----------
    result : object
        A DataFrame (entity rankings) or :class:`~analysis.bibliometrics.GrowthResult`,
        :class:`~analysis.bibliometrics.LotkaResult`, :class:`~analysis.bibliometrics.BradfordResult`.
    provenance : dict
        ``analysis``, ``filter`` (in words), ``parameters``, ``counts``.
    """

    result: Any
    provenance: dict[str, Any] = field(default_factory=dict)


def _load(workspace: Workspace, flt: CorpusFilter, *, authors: bool = False,
          addresses: bool = False) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    with workspace.session() as session:
        connection = session.connection()
        # What the indicators read: the abstracts and keyword lists are most of the text.
        publications = publications_frame(
            connection, flt, columns=("year", "times_cited", "source_title", "doc_type"))
        if publications.empty:
            raise InputError(f"no publications match the selection ({flt.describe()})")
        extra = None
        if authors:
            extra = authorships_frame(connection, flt, columns=("full_name",))
        elif addresses:
            extra = addresses_frame(connection, flt)
    return publications, extra


def _provenance(analysis: str, flt: CorpusFilter, parameters: dict[str, Any],
                **counts: Any) -> dict[str, Any]:
    return {"analysis": analysis, "filter": flt.describe(), "parameters": parameters,
            "counts": counts}


def run_entity_indicators(workspace: Workspace, entity: str, flt: CorpusFilter = CorpusFilter(),
                          *, current_year: int | None = None, progress: Progress = no_progress,
                          cancel: CancelToken | None = None) -> IndicatorAnalysis:
    """Rank authors, institutions, countries or journals by h-index, with g, m, papers and cites.

    Parameters
    ----------
    workspace : Workspace
        The workspace read.
    entity : {'authors', 'institutions', 'countries', 'journals'}
        What to rank (see :data:`ENTITIES`).
    flt : CorpusFilter
        Publications counted. Citations are the ``times_cited`` of each record.
    current_year : int, optional
        Year of the m-index; default the latest publication year selected.
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    IndicatorAnalysis
        ``result``: see :func:`analysis.bibliometrics.compute_entity_indicators`.

    Raises
    ------
    InputError
        Unknown entity, or no publication selected.
    """
    check_option("entity", entity, tuple(ENTITIES))
    progress(0.0, "loading publications")
    publications, extra = _load(workspace, flt, authors=entity == "authors",
                                addresses=entity in ("institutions", "countries"))
    if cancel:
        cancel.raise_if_cancelled()
    progress(0.7, "computing indicators")
    if entity == "journals":
        pairs = publications[["publication_id", "source_title"]].rename(
            columns={"source_title": "entity"})
    else:
        column = {"authors": "full_name", "institutions": "organisation",
                  "countries": "country"}[entity]
        pairs = extra[["publication_id", column]].rename(columns={column: "entity"})
    pairs = pairs[pairs["entity"].notna() & (pairs["entity"].astype(str).str.strip() != "")]
    frame = pairs.merge(publications[["publication_id", "year", "times_cited"]],
                        on="publication_id")
    table = compute_entity_indicators(frame, current_year)
    progress(1.0, "done")
    return IndicatorAnalysis(table, _provenance(
        f"{entity} indicators (h-, g-, m-index)", flt,
        {"entity": entity, "naming": ENTITIES[entity],
         "current_year": current_year if current_year is not None
         else _int_or_none(publications["year"].max()),
         "m_index": "h / (current_year − first_year + 1)",
         "g_index": "largest g with Σ top-g citations ≥ g², g ≤ papers"},
        publications=len(publications), entities=len(table)))


def _int_or_none(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


def run_growth(workspace: Workspace, flt: CorpusFilter = CorpusFilter(), *,
               last_full_year: int | None = None) -> IndicatorAnalysis:
    """Return papers per year, year-over-year growth and the CAGR of the selection.

    ``last_full_year`` defaults to the last year present, or last calendar year when the
    corpus reaches the current year (an export made this year holds a partial year).
    """
    publications, _ = _load(workspace, flt)
    if last_full_year is None:
        latest = _int_or_none(publications["year"].max())
        this_year = datetime.date.today().year
        last_full_year = min(latest, this_year - 1) if latest is not None else None
    result: GrowthResult = compute_growth(publications["year"], last_full_year)
    return IndicatorAnalysis(result, _provenance(
        "annual growth", flt, {"last_full_year": last_full_year,
                               "cagr": "(P_last / P_first)^(1 / (last − first)) − 1"},
        publications=len(publications)))


def run_lotka(workspace: Workspace, flt: CorpusFilter = CorpusFilter()) -> IndicatorAnalysis:
    """Fit Lotka's law to the authors' productivity (papers per full name, full counting)."""
    publications, authorships = _load(workspace, flt, authors=True)
    pairs = authorships.dropna(subset=["full_name"]).drop_duplicates(["full_name", "publication_id"])
    if pairs.empty:
        raise InputError("the selected publications list no authors: Lotka's law needs them")
    result: LotkaResult = compute_lotka(pairs.groupby("full_name").size())
    return IndicatorAnalysis(result, _provenance(
        "Lotka's law", flt, {"fit": "least squares of log10(share of authors) on log10(papers)"},
        publications=len(publications), authors=result.authors))


def run_bradford(workspace: Workspace, flt: CorpusFilter = CorpusFilter()) -> IndicatorAnalysis:
    """Split the selection's journals into Bradford's three zones."""
    publications, _ = _load(workspace, flt)
    result: BradfordResult = compute_bradford(publications["source_title"])
    return IndicatorAnalysis(result, _provenance(
        "Bradford zones", flt, {"zones": "thirds of the papers, journals by papers descending"},
        publications=len(publications), journals=len(result.table)))
