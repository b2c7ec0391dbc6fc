"""Peer benchmarking: the workspace's peer groups; an institution compared with its peers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

from analysis.benchmark import (BenchmarkInstitution, BenchmarkParams, BenchmarkResult,
                                compute_benchmark, nan_to_none)
from analysis.benchmark_wos import match_institutions
from analysis.esi import normalise_institution
from analyst_app.db import queries
from analyst_app.db.workspace import Workspace
from analyst_app.domain.esi_fields import esi_fields, normalise_field
from analyst_app.domain.peer_groups import (SETTING_KEY, PeerGroup, PeerInstitution,
                                            adhoc_member, find_group, find_member,
                                            groups_from_json, groups_to_json, guess_wos_name,
                                            name_key, shipped_peer_groups, with_group,
                                            without_group)
from analyst_app.errors import InputError
from analyst_app.services.corpus import CorpusFilter, addresses_frame, publications_frame
from analyst_app.services.esi import resolve_institution
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Workspace setting: cells with fewer papers are flagged as small samples.
MIN_PAPERS_KEY = "benchmark_min_papers"
DEFAULT_MIN_PAPERS = 30


# -- peer groups --------------------------------------------------------------------------

def load_peer_groups(workspace: Workspace) -> tuple[PeerGroup, ...]:
    """Return the workspace's peer groups; the shipped examples until some are saved.

    Raises
    ------
    InputError
        When the stored setting is unreadable (it is left as it is).
    """
    stored = workspace.get_setting(SETTING_KEY)
    if stored is None:
        return shipped_peer_groups()
    return groups_from_json(stored, source="workspace peer groups")


def save_peer_groups(workspace: Workspace, groups: Sequence[PeerGroup]) -> None:
    """Store ``groups`` as the workspace's peer groups (checked first; nothing stored if invalid).

    Raises
    ------
    InputError
        When a group is invalid or two groups share an id.
    """
    value = groups_to_json(groups)
    groups_from_json(value, source="peer groups")  # the same checks as on loading
    workspace.set_setting(SETTING_KEY, value)


def add_peer_group(workspace: Workspace, group: PeerGroup, *, replace: bool = False) -> None:
    """Add ``group`` to the workspace (or replace the group with its id when ``replace``)."""
    save_peer_groups(workspace, with_group(load_peer_groups(workspace), group, replace=replace))


def remove_peer_group(workspace: Workspace, group_id: str) -> None:
    """Remove the group ``group_id`` from the workspace (InputError when there is none)."""
    save_peer_groups(workspace, without_group(load_peer_groups(workspace), group_id))


def reset_peer_groups(workspace: Workspace) -> None:
    """Replace the workspace's peer groups by the shipped examples."""
    save_peer_groups(workspace, shipped_peer_groups())


# -- benchmarking -------------------------------------------------------------------------

@dataclass(frozen=True)
class BenchmarkOptions:
    """Choices of a benchmarking run besides the institutions and the corpus filter.

    Attributes
    ----------
    release : str or None
        ESI release of the ESI table; ``None``: the latest imported.
    fields : tuple of str
        ESI fields to report, any spelling :func:`normalise_field` accepts; empty: all.
    min_papers : int or None
        Small-sample size; ``None``: the workspace setting ``benchmark_min_papers`` (30).
    greater_china_as_one : bool
        Count Hong Kong, Macau and Taiwan as China Mainland for the international share.
    allow_unlisted : bool
        Accept institutions that no imported ESI list names.
    """

    release: str | None = None
    fields: tuple[str, ...] = ()
    min_papers: int | None = None
    greater_china_as_one: bool = False
    allow_unlisted: bool = False


@dataclass
class BenchmarkReport:
    """A benchmarking result with what it was computed from.

    Attributes
    ----------
    result : BenchmarkResult
        Tables, trends, warnings and the method note.
    institution : PeerInstitution
        Our institution as resolved (names used to find it).
    peers : tuple of PeerInstitution
        The peers as resolved.
    group : str or None
        The peer group used, if any.
    filter : CorpusFilter
        The publications read.
    esi_sources : pandas.DataFrame
        The ESI lists used (:func:`~analyst_app.db.queries.esi_lists_frame` rows).
    publication_sources : pandas.DataFrame
        The publication imports (:func:`~analyst_app.db.queries.import_batches_frame` rows).
    """

    result: BenchmarkResult
    institution: PeerInstitution
    peers: tuple[PeerInstitution, ...]
    group: str | None
    filter: CorpusFilter
    esi_sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    publication_sources: pd.DataFrame = field(default_factory=pd.DataFrame)


def benchmark(workspace: Workspace, institution: str | None = None,
              peers: Sequence[str | PeerInstitution] = (), flt: CorpusFilter = CorpusFilter(),
              params: BenchmarkOptions = BenchmarkOptions(), *, group: str | None = None,
              aliases: Sequence[str] = (), progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> BenchmarkReport:
    """Compare an institution with its peers per field, ESI release and publication year.

    Parameters
    ----------
    workspace : Workspace
        The workspace (only read: nothing is stored).
    institution : str, optional
        Our institution as ESI names it; default: the workspace institution.
    peers : sequence of str or PeerInstitution
        Peers by any of their names (ESI, Chinese, WoS spelling of a peer-group member) or
        as members; a name no peer group knows is taken as an ESI name and its WoS spelling
        guessed (reported in the warnings).
    flt : CorpusFilter
        The publications read: the collection whose thresholds define the top classes.
    params : BenchmarkOptions
        Release, fields, small-sample size, region rule.
    group : str, optional
        A peer group (id or name) whose members are added to ``peers``.
    aliases : sequence of str
        Extra names of our institution.

    Returns
    -------
    BenchmarkReport

    Raises
    ------
    InputError
        No peers; an unknown group, field or release; a peer (or our institution) that no
        imported ESI list names (with the closest names), or, without ESI lists, that no
        address names.
    Cancelled
        When ``cancel`` was requested.
    """
    check = cancel.raise_if_cancelled if cancel is not None else None
    groups = load_peer_groups(workspace)
    us, others = resolve_institutions(workspace, groups, institution, peers, group, aliases)
    fields = _check_fields(params.fields)
    min_papers = _min_papers(workspace, params.min_papers)
    progress(0.05, "reading ESI lists")
    with workspace.session() as session:
        rankings = queries.esi_rankings_frame(session)
        lists = queries.esi_lists_frame(session)
        batches = queries.import_batches_frame(session)
        progress(0.2, "reading publications")
        connection = session.connection()
        publications = publications_frame(connection, flt)
        if check:
            check()
        progress(0.45, "reading addresses")
        addresses = addresses_frame(connection, flt)
    if check:
        check()
    everyone = (us, *others)
    if not params.allow_unlisted:
        _check_found(everyone, rankings, addresses)
    progress(0.6, "computing indicators")
    analysis_params = BenchmarkParams(_for_analysis(us), tuple(map(_for_analysis, others)),
                                      params.release, fields, min_papers,
                                      params.greater_china_as_one)
    try:
        result = compute_benchmark(rankings, publications, addresses, analysis_params,
                                   check_cancel=check)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    result.warnings[:0] = _guess_warnings(everyone, groups)
    result.method += f" Publications read: {flt.describe()}."
    progress(1.0, "done")
    used = lists[lists["release"].isin(set(result.esi_trend["release"]))]
    return BenchmarkReport(result, us, others, group, flt, used.reset_index(drop=True),
                           batches[batches["release"].isna()].reset_index(drop=True))


def resolve_institutions(workspace: Workspace, groups: Sequence[PeerGroup],
                         institution: str | None, peers: Sequence[str | PeerInstitution],
                         group: str | None, aliases: Sequence[str] = ()
                         ) -> tuple[PeerInstitution, tuple[PeerInstitution, ...]]:
    """Return our institution and the peers as peer-group members (ours excluded from the peers).

    Raises
    ------
    InputError
        When there is no institution, no peer, or ``group`` is unknown.
    """
    name, all_aliases = resolve_institution(workspace, institution, tuple(aliases))
    us = find_member(groups, name)
    if us is None:
        us = adhoc_member(name, all_aliases)
    elif all_aliases:  # the workspace aliases are often the WoS spelling: keep them
        us = PeerInstitution(us.esi_name, us.name_zh,
                             tuple(dict.fromkeys((*us.wos_names, *all_aliases))),
                             tuple(dict.fromkeys((*us.esi_aliases, *all_aliases))))
    chosen: list[PeerInstitution] = list(find_group(groups, group).members) if group else []
    for peer in peers:
        if isinstance(peer, PeerInstitution):
            chosen.append(peer)
        elif peer.strip():
            chosen.append(find_member(groups, peer) or adhoc_member(peer))
    ours = {name_key(n) for n in us.esi_names}
    unique: dict[str, PeerInstitution] = {}
    for peer in chosen:
        if name_key(peer.esi_name) not in ours:
            unique.setdefault(name_key(peer.esi_name), peer)
    if not unique:
        raise InputError("no peers to compare with: name them (--peers \"NAME;NAME\") or "
                         "choose a peer group (--group C9)")
    return us, tuple(unique.values())


def _for_analysis(member: PeerInstitution) -> BenchmarkInstitution:
    return BenchmarkInstitution(member.esi_name, member.esi_names, member.wos_names,
                                member.name_zh)


def _check_fields(fields: Sequence[str]) -> tuple[str, ...]:
    chosen = []
    for name in fields:
        found = normalise_field(name)
        if found is None:
            known = ", ".join(f.name_en for f in esi_fields())
            raise InputError(f"invalid field {name!r}: expected an ESI field ({known})")
        chosen.append(found.name_en)
    return tuple(dict.fromkeys(chosen))


def _min_papers(workspace: Workspace, given: int | None) -> int:
    value = given if given is not None else workspace.get_setting(MIN_PAPERS_KEY,
                                                                  DEFAULT_MIN_PAPERS)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(f"invalid min_papers {value!r}: expected a whole number of at least 1")
    return value


def _check_found(everyone: Sequence[PeerInstitution], rankings: pd.DataFrame,
                 addresses: pd.DataFrame) -> None:
    # A peer found in no source is far more often a misspelling than a real absence; a
    # table of "not listed" rows for a typo would look like a finding.
    if not rankings.empty:
        known = list(pd.unique(rankings["institution"].map(normalise_institution)))
        wanted = set(known)
        missing = [(m, [normalise_institution(n) for n in m.esi_names]) for m in everyone
                   if not any(normalise_institution(n) in wanted for n in m.esi_names)]
        source = "imported ESI list"
    else:
        found = set(match_institutions(addresses, {m.esi_name: m.wos_names
                                                   for m in everyone})["institution"])
        missing = [(m, [_fold(n) for n in m.wos_names]) for m in everyone
                   if m.esi_name not in found]
        # Suggest from the commonest organisations (a large corpus has 100k spellings).
        organisations = addresses["organisation"].dropna().map(_fold)
        known = list(organisations.value_counts().index[:5000])
        source = "publication address (and no ESI list is imported)"
    if missing:
        raise InputError(f"not found in any {source}: " + "; ".join(
            _with_suggestion(m, names, known) for m, names in missing) + " (check the "
            "spelling, import their data, or allow unlisted institutions)")


def _fold(text: str) -> str:
    return " ".join(str(text).lower().split())


def _with_suggestion(member: PeerInstitution, names: list[str], known: list[str]) -> str:
    close = [c for name in names for c in difflib.get_close_matches(name, known, n=3,
                                                                    cutoff=0.6)]
    hint = f" (did you mean {' or '.join(repr(c) for c in dict.fromkeys(close))}?)" if close else ""
    return repr(member.esi_name) + hint


def _guess_warnings(everyone: Sequence[PeerInstitution],
                    groups: Sequence[PeerGroup]) -> list[str]:
    # Only members made up from a bare name carry a guessed spelling first.
    return [f"{m.esi_name} is in no peer group: its WoS spelling was guessed as "
            f"{m.wos_names[0]!r}; add it to a peer group with its exact spellings"
            for m in everyone if find_member(groups, m.esi_name) is None and m.wos_names
            and m.wos_names[0] == guess_wos_name(m.esi_name)]


# -- public JSON --------------------------------------------------------------------------

#: Keys of the ``esi`` objects of ``analyst-app benchmark --format json`` (a public contract).
ESI_JSON_KEYS = ("institution", "field", "release", "rank", "institutions", "percentile",
                 "documents", "cites", "cites_per_paper", "top_papers", "listed")
#: Keys of the ``wos`` objects (a public contract); shares are fractions 0–1.
WOS_JSON_KEYS = ("institution", "field", "year", "papers", "cites", "cites_per_paper",
                 "top10_share", "top1_share", "international_share", "h_index", "small_sample")
_WOS_EXTRA_KEYS = ("top10_papers", "top1_papers", "international_papers", "baseline_papers",
                   "threshold_top10", "threshold_top1", "warning")


def benchmark_json(report: BenchmarkReport) -> dict:
    """Return the report as the public JSON object of ``analyst-app benchmark``.

    The contract keys come first (``institution``, ``release``, ``peers``, ``esi``, ``wos``,
    ``warnings``, ``method``); extra keys follow: ``display_names``, ``group``,
    ``parameters``, ``esi_trend`` (every release, with ``rank_change``), ``wos_totals``
    (over all years; ``field`` ``ALL FIELDS`` totals an institution) and ``sources``.
    """
    result = report.result
    everyone = (report.institution, *report.peers)
    return {
        "institution": report.institution.esi_name,
        "release": result.release,
        "peers": [p.esi_name for p in report.peers],
        "esi": frame_records(result.esi, ESI_JSON_KEYS),
        "wos": frame_records(result.wos, WOS_JSON_KEYS + _WOS_EXTRA_KEYS),
        "warnings": list(result.warnings),
        "method": result.method,
        "display_names": {m.esi_name: m.name_zh for m in everyone},
        "group": report.group,
        "parameters": {"min_papers": result.params.min_papers,
                       "fields": list(result.params.fields),
                       "greater_china_as_one": result.params.greater_china_as_one,
                       "publications": report.filter.describe(),
                       "address_spellings": {m.esi_name: list(m.wos_names) for m in everyone}},
        "esi_trend": frame_records(result.esi_trend, ESI_JSON_KEYS + ("rank_change",)),
        "wos_totals": frame_records(result.wos_totals, tuple(
            k for k in WOS_JSON_KEYS + _WOS_EXTRA_KEYS if k in result.wos_totals.columns)),
        "sources": frame_records(report.esi_sources, ("release", "field", "file_name", "sha256"))
        + frame_records(report.publication_sources, ("format", "file_name", "sha256")),
    }


def frame_records(frame: pd.DataFrame, keys: Sequence[str]) -> list[dict]:
    """Return the rows of ``frame`` as JSON-ready dicts of ``keys`` (NA → None)."""
    return [{key: nan_to_none(row.get(key)) for key in keys}
            for row in frame.to_dict("records")]
