"""The Hotspots page's jobs (run on its TaskRunner) and the messages for their expected failures."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
from PySide6.QtCore import QCoreApplication

from analysis.bursts import BurstParams
from analysis.networks import NoReferencesError
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.networks import NetworkResult, build_network, load_thesaurus
from analyst_app.services.trends import (TimeAnalysis, run_keyword_bursts, run_reference_bursts,
                                         run_thematic_map)
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled
from ui.pages._hotspots_params import MapRequest

translate = QCoreApplication.translate

#: Burst term sources in combo order: keyword lists, or cited references.
BURST_SOURCES = ("both", "author", "plus", "references")


@dataclass
class MapOutcome:
    """A computed map and what the page derives from it."""

    request: MapRequest
    result: NetworkResult
    thematic: pd.DataFrame | None


@dataclass
class BurstOutcome:
    """Detected bursts of keywords or cited references."""

    source: str
    corpus: CorpusFilter
    analysis: TimeAnalysis


def thematic_inputs(result: NetworkResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the ``edges`` and ``clusters`` frames :func:`run_thematic_map` reads."""
    edges = result.edges.rename(columns={"source": "i", "target": "j"})
    edges = edges.rename(columns={"source_label": "source", "target_label": "target"})
    clusters = result.nodes[["label", "cluster"]].rename(columns={"label": "keyword"})
    return edges[["source", "target", "weight"]], clusters


def compute_map(workspace: Workspace, request: MapRequest, *, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> MapOutcome:
    """Read the thesaurus, build the map and, for keyword maps, its thematic map.

    Raises
    ------
    InputError
        From :func:`load_thesaurus` (file and line) or :func:`build_network`.
    """
    thesaurus = load_thesaurus(request.thesaurus_file) if request.thesaurus_file else None
    options = replace(request.options, thesaurus=thesaurus)
    result = build_network(workspace, request.kind, request.corpus, options,
                           progress=scaled(progress, 0.0, 0.92), cancel=cancel)
    thematic = None
    if request.kind == "keywords" and len(result.clusters):
        progress(0.95, "thematic map")
        edges, clusters = thematic_inputs(result)
        thematic = run_thematic_map(workspace, edges, clusters, request.corpus,
                                    keywords=options.keywords).table
    return MapOutcome(request, result, thematic)


def compute_bursts(workspace: Workspace, corpus: CorpusFilter, params: BurstParams,
                   source: str, *, progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> BurstOutcome:
    """Detect bursts of keywords (``source`` a keyword set) or of cited references."""
    if source == "references":
        analysis = run_reference_bursts(workspace, corpus, params, progress=progress,
                                        cancel=cancel)
    else:
        analysis = run_keyword_bursts(workspace, corpus, params, keywords=source,
                                      progress=progress, cancel=cancel)
    return BurstOutcome(source, corpus, analysis)


def failure_text(exc: BaseException, kind: str | None = None) -> str | None:
    """Return the page's own message for an expected failure, or ``None`` for the default.

    The core's messages are English; the two situations a librarian meets every day get a
    translated explanation with the way out.
    """
    if not isinstance(exc, InputError):
        return None
    if isinstance(exc.__cause__, NoReferencesError) or (
            kind == "references" and "no cited references" in exc.message):
        what = {"cocitation": translate("HotspotsPage", "Co-citation"),
                "coupling": translate("HotspotsPage", "Bibliographic coupling"),
                "references": translate("HotspotsPage", "Citation bursts")}.get(
            kind or "", translate("HotspotsPage", "This analysis"))
        return translate(
            "HotspotsPage", "{what} is not available: the selected publications have no "
            "cited references. Export the records from Web of Science with “Full Record and "
            "Cited References” and import them again.").format(what=what)
    if exc.message.startswith(("the selection has no publications", "no publications match")):
        return translate("HotspotsPage", "No publications match the selection (years, document "
                         "types, query). Widen the selection and compute again.")
    return None


__all__ = ["MapOutcome", "BurstOutcome", "BURST_SOURCES", "compute_map", "compute_bursts",
           "thematic_inputs", "failure_text"]
