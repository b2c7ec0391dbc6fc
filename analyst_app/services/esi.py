"""ESI status of the workspace institution: query the lists, run the analysis."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd

from analysis.esi import (EsiStatusParams, EsiStatusResult, compute_esi_status,
                          normalise_institution)
from analyst_app.db import queries
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Keys of ``analyst-app esi status --format json`` objects (a public contract), in order.
STATUS_JSON_KEYS = ("field", "release", "rank", "institutions", "percentile", "documents",
                    "cites", "top_papers", "threshold_1pct", "threshold_1permille",
                    "threshold_1per10k", "status")


@dataclass
class EsiStatusReport:
    """An ESI status result with the sources it was computed from.

    Attributes
    ----------
    result : EsiStatusResult
        The analysis result (its ``params`` name the institution, release and rounding).
    sources : pandas.DataFrame
        The imported lists used (:func:`~analyst_app.db.queries.esi_lists_frame` rows of
        the analysed and the previous release).
    """

    result: EsiStatusResult
    sources: pd.DataFrame


def resolve_institution(workspace: Workspace, name: str | None,
                        aliases: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """Return the institution to analyse: ``name`` if given, else the workspace setting.

    The workspace aliases are added when ``name`` is the workspace institution.
    """
    stored_name, stored_aliases = workspace.institution()
    if not name:
        if not stored_name:
            raise InputError("no institution given: pass --institution NAME or set the "
                             "workspace institution")
        return stored_name, tuple(dict.fromkeys(stored_aliases + tuple(aliases)))
    if stored_name and " ".join(name.upper().split()) == " ".join(stored_name.upper().split()):
        aliases = tuple(dict.fromkeys(stored_aliases + tuple(aliases)))
    return name, tuple(aliases)


def esi_status(workspace: Workspace, institution: str | None = None, *,
               aliases: tuple[str, ...] = (), release: str | None = None,
               rounding: str = "ceil", allow_unlisted: bool = False,
               progress: Progress = no_progress,
               cancel: CancelToken | None = None) -> EsiStatusReport:
    """Compute the ESI standing of an institution in every imported field of a release.

    Parameters
    ----------
    workspace : Workspace
        The workspace.
    institution : str, optional
        Name as ESI prints it; defaults to the workspace institution.
    aliases : tuple of str
        Extra names to match.
    release : str, optional
        Release label; defaults to the latest imported.
    rounding : {'ceil', 'round', 'floor'}
        Rounding of the threshold ranks.
    allow_unlisted : bool
        Accept an institution that no imported list names (otherwise that is taken for a
        misspelling and refused with the closest names).

    Returns
    -------
    EsiStatusReport

    Raises
    ------
    InputError
        When nothing is imported, the release is unknown, or (unless ``allow_unlisted``)
        no imported list names the institution.
    """
    name, all_aliases = resolve_institution(workspace, institution, aliases)
    progress(0.1, "reading ESI lists")
    with workspace.session() as session:
        rankings = queries.esi_rankings_frame(session)
        thresholds = queries.esi_thresholds_frame(session)
        lists = queries.esi_lists_frame(session)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.6, "computing ESI status")
    if not allow_unlisted:
        check_institution_listed(rankings, name, all_aliases)
    params = EsiStatusParams(institution=name, aliases=all_aliases, release=release,
                             rounding=rounding)  # type: ignore[arg-type]
    try:
        result = compute_esi_status(rankings, params, thresholds)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    used = [r for r in (result.release, result.previous_release) if r]
    progress(1.0, "done")
    return EsiStatusReport(result, lists[lists["release"].isin(used)].reset_index(drop=True))


def check_institution_listed(rankings: pd.DataFrame, name: str, aliases: tuple[str, ...]) -> None:
    """Raise :class:`InputError` with the closest names when no list names the institution.

    An institution missing from every imported list is far more often a misspelling
    ("DALIAN UNIV OF TECHNOLOGY") than a university in no ESI field at all, and a
    bulletin saying "no field entered" for a typo would look official.
    """
    if rankings.empty:
        return
    wanted = {normalise_institution(n) for n in (name, *aliases)}
    known = pd.unique(rankings["institution"])
    if any(normalise_institution(k) in wanted for k in known):
        return
    close = difflib.get_close_matches(normalise_institution(name),
                                      [normalise_institution(k) for k in known], n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"no imported ESI list names {name!r}{hint} (to analyse an institution "
                     "that is in no list, allow unlisted institutions)")


def status_records(result: EsiStatusResult) -> list[dict]:
    """Return the result as the public JSON objects of ``esi status`` (one per field).

    Extra keys follow the contract keys: ``field_zh``, ``cites_per_paper``,
    ``threshold_1pct_source``, ``ratio_1pct``, ``ratio_1permille``, ``ratio_1per10k``,
    ``previous_release``, ``previous_rank``, ``rank_change``, ``newly_listed``.
    """
    extra = ("field_zh", "cites_per_paper", "threshold_1pct_source", "ratio_1pct",
             "ratio_1permille", "ratio_1per10k", "previous_rank", "rank_change", "newly_listed")
    records = []
    for row in result.table.to_dict("records"):
        record = {key: _plain(row.get(key)) for key in STATUS_JSON_KEYS + extra}
        record["previous_release"] = result.previous_release
        records.append(record)
    return records


def _plain(value: object) -> object:
    """Convert pandas/numpy scalars to JSON-friendly Python values (NA → None)."""
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value
