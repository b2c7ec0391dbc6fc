"""ESI across releases for the workspace institution: history, potential fields, entry forecast."""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

import pandas as pd

from analysis.esi import EsiStatusParams, compute_esi_status
from analysis.esi_forecast import ForecastParams, compute_esi_forecast
from analysis.esi_history import EsiHistoryParams, EsiHistoryResult, compute_esi_history
from analysis.esi_potential import (EsiPotentialParams, InstitutionCites,
                                    compute_esi_potential, compute_institution_field_cites,
                                    esi_window)
from analyst_app.db import queries
from analyst_app.db.workspace import Workspace
from analyst_app.domain.esi_fields import normalise_field
from analyst_app.errors import InputError, check_option
from analyst_app.services.corpus import CorpusFilter, addresses_frame, publications_frame
from analyst_app.services.esi import _plain, check_institution_listed, resolve_institution
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

#: Keys of ``analyst-app esi history --format json`` objects (a public contract), in order.
HISTORY_JSON_KEYS = ("field", "field_zh", "release", "rank", "institutions", "percentile",
                     "cites", "documents", "threshold_1pct", "threshold_1permille",
                     "threshold_1per10k", "status", "rank_change", "newly_listed")
#: Keys of ``analyst-app esi potential --format json`` objects (a public contract), in order.
POTENTIAL_JSON_KEYS = ("field", "field_zh", "release", "listed", "cites", "threshold_1pct",
                       "potential_1pct", "potential_1permille", "potential_1per10k",
                       "on_watch_list", "forecast")
#: Keys of the ``forecast`` object (the first four are the contract).
FORECAST_JSON_KEYS = ("possible", "earliest", "latest", "reason", "reason_zh", "estimate",
                      "target_level", "model", "releases_used")


@dataclass
class EsiHistoryReport:
    """An ESI history with the lists it was computed from.

    Attributes
    ----------
    result : EsiHistoryResult
        Table per field and release, and the change sentences.
    sources : pandas.DataFrame
        The imported lists (:func:`~analyst_app.db.queries.esi_lists_frame`).
    """

    result: EsiHistoryResult
    sources: pd.DataFrame


@dataclass
class EsiForecastReport:
    """Entry forecasts per field (:func:`analysis.esi_forecast.compute_esi_forecast`)."""

    table: pd.DataFrame
    params: ForecastParams
    history: EsiHistoryResult
    sources: pd.DataFrame = dc_field(default_factory=pd.DataFrame)


@dataclass
class EsiPotentialReport:
    """Potential values of one release, with their forecasts and provenance.

    Attributes
    ----------
    institution, aliases : str, tuple of str
        Who was analysed.
    release : str
        The ESI release whose thresholds were used.
    params : EsiPotentialParams
        Watch-list cut-off and publication-year window.
    table : pandas.DataFrame
        :func:`analysis.esi_potential.compute_esi_potential` columns plus the forecast of
        reaching ``next_level`` (``forecast_*`` columns, see :class:`EsiForecastReport`).
    own : InstitutionCites or None
        The WoS count behind unlisted fields; ``None`` when no record names the institution.
    corpus_filter : str
        The WoS records counted, in words.
    notes : list of str
        Caveats for the report (how fields were assigned, missing data).
    sources : pandas.DataFrame
        The imported ESI lists of ``release``.
    """

    institution: str
    aliases: tuple[str, ...]
    release: str
    params: EsiPotentialParams
    table: pd.DataFrame
    own: InstitutionCites | None
    corpus_filter: str
    notes: list[str] = dc_field(default_factory=list)
    sources: pd.DataFrame = dc_field(default_factory=pd.DataFrame)


def _field_names(fields: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    names = []
    for name in fields or ():
        found = normalise_field(name)
        if found is None:
            raise InputError(f"unknown ESI field {name!r}: give its English name (CHEMISTRY), "
                             "code (CHE) or Chinese name (化学)")
        names.append(found.name_en)
    return tuple(names)


def _read_lists(workspace: Workspace, name: str, aliases: tuple[str, ...],
                allow_unlisted: bool):
    with workspace.session() as session:
        rankings = queries.esi_rankings_frame(session)
        thresholds = queries.esi_thresholds_frame(session)
        lists = queries.esi_lists_frame(session)
    if rankings.empty:
        raise InputError("no ESI ranking lists have been imported")
    if not allow_unlisted:
        check_institution_listed(rankings, name, aliases)
    return rankings, thresholds, lists


def esi_history(workspace: Workspace, institution: str | None = None,
                aliases: tuple[str, ...] = (), fields: tuple[str, ...] | None = None, *,
                rounding: str = "ceil", allow_unlisted: bool = False,
                progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> EsiHistoryReport:
    """Compute the institution's ESI standing per field over every imported release.

    Parameters
    ----------
    workspace : Workspace
        The workspace.
    institution : str, optional
        Name as ESI prints it; defaults to the workspace institution (with its aliases).
    aliases : tuple of str
        Extra names to match.
    fields : tuple of str, optional
        ESI fields to keep (any spelling :func:`normalise_field` knows); default all.
    rounding : {'ceil', 'round', 'floor'}
        Rounding of the threshold ranks.
    allow_unlisted : bool
        Accept an institution no imported list names.

    Returns
    -------
    EsiHistoryReport

    Raises
    ------
    InputError
        Nothing imported, an unknown field, or an institution no list names.
    """
    check_option("rounding", rounding, ("ceil", "round", "floor"))
    name, all_aliases = resolve_institution(workspace, institution, aliases)
    wanted = _field_names(fields)
    progress(0.1, "reading ESI lists")
    rankings, thresholds, lists = _read_lists(workspace, name, all_aliases, allow_unlisted)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.4, "computing ESI history")
    params = EsiHistoryParams(name, all_aliases, wanted, rounding)  # type: ignore[arg-type]
    try:
        result = compute_esi_history(rankings, params, thresholds)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    progress(1.0, "done")
    used = lists[lists["field"].isin(wanted)] if wanted else lists
    return EsiHistoryReport(result, used.reset_index(drop=True))


def esi_forecast(workspace: Workspace, institution: str | None = None,
                 aliases: tuple[str, ...] = (), fields: tuple[str, ...] | None = None, *,
                 release: str | None = None, confidence: float = 0.8, model: str = "auto",
                 allow_unlisted: bool = False, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> EsiForecastReport:
    """Forecast per field when the institution reaches its next ESI level.

    Uses every imported release up to ``release`` (default: the latest). Parameters as in
    :func:`esi_history`, plus ``confidence`` of the interval (0 < c < 1) and ``model``
    (``auto``, ``linear`` or ``log``).

    Returns
    -------
    EsiForecastReport
    """
    check_option("model", model, ("auto", "linear", "log"))
    if not 0 < confidence < 1:
        raise InputError(f"invalid confidence {confidence!r}: expected a number between 0 and 1")
    report = esi_history(workspace, institution, aliases, fields, allow_unlisted=allow_unlisted,
                         progress=progress, cancel=cancel)
    history = report.result
    table = history.table
    if release is not None:
        if release not in history.releases:
            raise InputError(f"release {release!r} has not been imported; imported: "
                             f"{', '.join(history.releases)}")
        table = table[table["release"] <= release]
    params = ForecastParams(confidence=confidence, model=model)  # type: ignore[arg-type]
    return EsiForecastReport(compute_esi_forecast(table, params), params, history,
                             report.sources)


def esi_potential(workspace: Workspace, institution: str | None = None,
                  aliases: tuple[str, ...] = (), release: str | None = None,
                  watch: float = 0.8, window: tuple[int, int] | None = None,
                  journal_fields: pd.DataFrame | None = None, *, confidence: float = 0.8,
                  allow_unlisted: bool = False, progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> EsiPotentialReport:
    """Compute the potential value of every field in one release, with entry forecasts.

    Parameters
    ----------
    workspace : Workspace
        The workspace (ESI lists, and the institution's WoS records for unlisted fields).
    institution : str, optional
        Name as ESI prints it; defaults to the workspace institution. The name and every
        alias are also looked up in the WoS addresses (``Dalian Univ Technol``).
    aliases : tuple of str
        Extra names to match.
    release : str, optional
        The ESI release; default the latest imported.
    watch : float
        Watch-list cut-off, 0 < watch ≤ 1 (default 0.8).
    window : (int, int), optional
        Publication years counted; default :func:`analysis.esi_potential.esi_window`.
    journal_fields : pandas.DataFrame, optional
        The ESI journal list (``field`` and any of ``issn``, ``eissn``, ``title``); where
        it names a journal its field wins over the WoS-category map. Default: the latest
        list imported into the workspace, if any; an empty frame forces the category map.
    confidence : float
        Confidence of the forecast intervals.
    allow_unlisted : bool
        Accept an institution no imported list names (it may still have WoS records).

    Returns
    -------
    EsiPotentialReport

    Raises
    ------
    InputError
        Bad parameters, nothing imported, an unknown release or institution.
    """
    if not 0 < watch <= 1:
        raise InputError(f"invalid watch {watch!r}: expected a share between 0 and 1, e.g. 0.8")
    name, all_aliases = resolve_institution(workspace, institution, aliases)
    forecast = esi_forecast(workspace, name, all_aliases, release=release, confidence=confidence,
                            allow_unlisted=allow_unlisted, progress=scaled(progress, 0.0, 0.3),
                            cancel=cancel)
    history = forecast.history
    chosen = release or history.releases[-1]
    window = window or esi_window(chosen)
    if window[0] > window[1]:
        raise InputError(f"invalid window {window[0]}–{window[1]}: the first year is after the last")
    progress(0.4, "counting the institution's WoS records")
    own, flt, notes = _own_cites(workspace, name, all_aliases, window, journal_fields)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.8, "computing potential values")
    status = history.table[history.table["release"] == chosen]
    params = EsiPotentialParams(watch=watch, window=window)
    table = compute_esi_potential(status, None if own is None else own.table, params)
    table = table.merge(forecast.table.drop(columns=["field_zh", "release", "status"])
                        .add_prefix("forecast_").rename(columns={"forecast_field": "field"}),
                        on="field", how="left")
    progress(1.0, "done")
    sources = forecast.sources[forecast.sources["release"] == chosen].reset_index(drop=True)
    return EsiPotentialReport(name, all_aliases, chosen, params, table, own, flt.describe(),
                              notes, sources)


def _own_cites(workspace: Workspace, name: str, aliases: tuple[str, ...],
               window: tuple[int, int], journal_fields: pd.DataFrame | None
               ) -> tuple[InstitutionCites | None, CorpusFilter, list[str]]:
    flt = CorpusFilter(years=window)
    with workspace.session() as session:
        connection = session.connection()
        publications = publications_frame(connection, flt)
        addresses = addresses_frame(connection, flt)
        if journal_fields is None:
            journal_fields = _workspace_journal_list(connection)
    own = compute_institution_field_cites(publications, addresses, (name, *aliases), window,
                                          journal_fields)
    notes = [f"WoS records counted: {flt.describe()}; articles and reviews only"]
    if own.matched == 0:
        notes.append("no publication in the workspace names the institution in its addresses: "
                     "cites of unlisted fields are unknown (import its WoS records, or add the "
                     "spelling WoS uses as an alias)")
        return None, flt, notes
    by_journal = int(own.table["field_source_journal"].sum()) if not own.table.empty else 0
    notes.append(f"{own.counted} of {own.matched} matched records counted; fields from the ESI "
                 f"journal list for {by_journal}, from the WoS-category map (an estimate) for "
                 f"{own.counted - by_journal}")
    return own, flt, notes


def _workspace_journal_list(connection) -> pd.DataFrame | None:
    """Return the workspace's latest ESI journal list, or ``None`` when there is none."""
    try:
        from analyst_app.db.store_esi_papers import esi_journal_fields_frame
    except ImportError:  # a build without the journal-list importer: the category map only
        return None
    frame = esi_journal_fields_frame(connection)
    return None if frame.empty else frame


def history_records(result: EsiHistoryResult) -> list[dict]:
    """Return the history as the public JSON objects (one per field and release).

    Extra keys follow the contract keys: ``cites_per_paper``, ``top_papers``,
    ``threshold_1pct_source``, ``previous_release``, ``previous_rank``.
    """
    extra = ("cites_per_paper", "top_papers", "threshold_1pct_source", "previous_release",
             "previous_rank")
    return [{key: _plain(row.get(key)) for key in HISTORY_JSON_KEYS + extra}
            for row in result.table.to_dict("records")]


def sentence_records(result: EsiHistoryResult) -> list[dict]:
    """Return the change sentences as JSON objects (field, release, kind, sentence_zh/en)."""
    return [{key: _plain(value) for key, value in row.items()}
            for row in result.sentences.to_dict("records")]


def potential_records(report: EsiPotentialReport) -> list[dict]:
    """Return the potential table as the public JSON objects (one per field).

    Extra keys follow the contract keys: ``status``, ``cites_source``, ``wos_cites``,
    ``wos_documents``, ``threshold_1pct_source``, ``threshold_1permille``,
    ``threshold_1per10k``, ``next_level``, ``potential_next``, ``likely_next_release``,
    ``window`` (``[first, last]`` publication years).
    """
    extra = ("status", "cites_source", "wos_cites", "wos_documents", "threshold_1pct_source",
             "threshold_1permille", "threshold_1per10k", "next_level", "potential_next",
             "likely_next_release")
    records = []
    for row in report.table.to_dict("records"):
        record = {key: _plain(row.get(key)) for key in POTENTIAL_JSON_KEYS if key != "forecast"}
        record["forecast"] = _forecast_object(row)
        record.update({key: _plain(row.get(key)) for key in extra})
        record["window"] = list(report.params.window)
        records.append(record)
    return records


def _forecast_object(row: dict) -> dict:
    values = {key: _plain(row.get(f"forecast_{key}")) for key in FORECAST_JSON_KEYS}
    values["reason"] = _plain(row.get("forecast_reason_en"))
    values["possible"] = bool(values["possible"])
    return values
