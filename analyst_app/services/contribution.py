"""School contribution (学院贡献度) of a workspace's corpus: read, match schools, compute, drill down."""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from analysis.contribution import (
    COUNTING_METHODS, JSON_KEYS, ContributionParams, ContributionResult, compute_cell_papers,
    compute_contribution, compute_unmatched_addresses, link_school_authors,
)
from analyst_app.db.store_esi_papers import esi_papers_frame
from analyst_app.db.workspace import Workspace
from analyst_app.domain.school_mapping import (
    SchoolMapping, is_institution_address, load_school_mapping, match_school, normalise_text,
)
from analyst_app.errors import InputError, check_option
from analyst_app.services.corpus import (
    CorpusFilter, addresses_frame, authorships_frame, publications_frame,
)
from analyst_app.services.esi import resolve_institution
from analyst_app.tasks import CancelToken, Progress, no_progress

_CHUNK = 2000  # distinct addresses matched between progress reports and cancel checks


@dataclass
class ContributionReport:
    """A school contribution result with everything needed to print, trace and drill down.

    Attributes
    ----------
    result : ContributionResult
        The analysis result: ``table``, ``paper_schools``, ``method``, ``method_zh``.
    unmatched : pandas.DataFrame
        Addresses of the institution no rule matched: ``text, unit, papers``, most papers first.
    school_addresses : pandas.DataFrame
        The institution's addresses with their school: ``publication_id, position, text,
        school``.
    school_authors : pandas.DataFrame
        Authors linked to each school's addresses (see
        :func:`analysis.contribution.link_school_authors`).
    publications : pandas.DataFrame
        The institution's papers: ``publication_id, ut, doi, title, year, times_cited,
        highly_cited, esi_field``.
    parameters : dict
        Provenance: institution, aliases, mapping file (and its sha256), rule count, counting,
        corpus filter, workspace, time.
    """

    result: ContributionResult
    unmatched: pd.DataFrame
    school_addresses: pd.DataFrame
    school_authors: pd.DataFrame
    publications: pd.DataFrame
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        """The counting method and share formula (English)."""
        return self.result.method

    def records(self) -> list[dict[str, Any]]:
        """Return the table as JSON-ready dicts with exactly the keys of :data:`JSON_KEYS`."""
        return contribution_records(self.result)

    def cell_papers(self, school: str, field: str) -> pd.DataFrame:
        """Return the papers of one (school, field) cell with their authors of that school."""
        return compute_cell_papers(self.result, self.publications, self.school_authors,
                                   school, field)


def contribution_records(result: ContributionResult) -> list[dict[str, Any]]:
    """Return ``result.table`` as dicts with the keys :data:`JSON_KEYS`.

    Shares are fractions 0–1, ``None`` where the field total is 0; counts are ints under full
    counting and floats under fractional counting.
    """
    records = []
    for row in result.table[list(JSON_KEYS)].itertuples(index=False):
        record = dict(zip(JSON_KEYS, row))
        for key in ("papers", "cites", "hcp", "papers_share", "cites_share", "hcp_share"):
            record[key] = _plain_number(record[key])
        records.append(record)
    return records


def _plain_number(value: Any) -> int | float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() and not isinstance(value, float) else number


def contribution(workspace: Workspace, institution: str | None,
                 mapping: SchoolMapping | str | Path, counting: str = "full",
                 flt: CorpusFilter = CorpusFilter(), *, aliases: tuple[str, ...] = (),
                 progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> ContributionReport:
    """Compute the contribution of the institution's schools to each ESI field.

    Reads only; the workspace is never changed.

    Parameters
    ----------
    workspace : Workspace
        The workspace with the publication corpus.
    institution : str or None
        The institution as its addresses name it (``Dalian Univ Technol``); ``None`` takes the
        workspace institution and its aliases.
    mapping : SchoolMapping or path
        The address → school rules, or a CSV/Excel file to load them from.
    counting : {'full', 'fractional'}
        Counting method (see :mod:`analysis.contribution`).
    flt : CorpusFilter
        Which publications to analyse (years, document types, ...).
    aliases : tuple of str
        Other names of the institution in addresses (``大连理工大学``).
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    ContributionReport

    Raises
    ------
    InputError
        Bad counting method, mapping file or institution (no address of the corpus names it:
        the message suggests the closest organisations).
    """
    check_option("counting", counting, COUNTING_METHODS)
    if not isinstance(mapping, SchoolMapping):
        mapping = load_school_mapping(mapping)
    name, all_aliases = resolve_institution(workspace, institution, aliases)
    names = (name, *all_aliases)
    progress(0.0, "reading the corpus")
    with workspace.session() as session:
        connection = session.connection()
        publications = publications_frame(connection, flt)
        publications, hcp_basis = _mark_esi_highly_cited(connection, publications)
        _check_cancel(cancel)
        addresses = addresses_frame(connection, flt)
        _check_cancel(cancel)
        authorships = authorships_frame(connection, flt)
    progress(0.3, "matching addresses to schools")
    school_addresses = _match(mapping, addresses, names, progress, cancel)
    if school_addresses.empty:
        _refuse_unknown_institution(addresses, name)
    progress(0.9, "computing contributions")
    result = compute_contribution(publications, school_addresses,
                                  ContributionParams(counting=counting))  # type: ignore[arg-type]
    ours = publications[publications["publication_id"].isin(school_addresses["publication_id"])]
    report = ContributionReport(
        result, compute_unmatched_addresses(school_addresses, names), school_addresses,
        link_school_authors(authorships, school_addresses),
        ours[["publication_id", "ut", "doi", "title", "year", "times_cited", "highly_cited",
              "esi_field"]].reset_index(drop=True),
        {**_parameters(workspace, name, all_aliases, mapping, counting, flt),
         "hcp_basis": hcp_basis})
    progress(1.0, "done")
    return report


def _mark_esi_highly_cited(connection: Connection,
                           publications: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Flag as highly cited the publications in the latest imported ESI Highly Cited list.

    A WoS export flags highly cited papers only when it was made with that column; the
    ESI list is the authority. A publication counts when its UT or DOI is in the list.
    Returns the frame and a sentence saying which basis was used.
    """
    papers = esi_papers_frame(connection)
    papers = papers[papers["kind"] == "hcp"]
    if papers.empty:
        return publications, "WoS highly-cited flag (HC) of the exported records"
    release = max(papers["release"])
    latest = papers[papers["release"] == release]
    listed = (publications["ut"].isin(set(latest["ut"].dropna()))
              | publications["doi"].isin(set(latest["doi"].dropna())))
    marked = publications.assign(highly_cited=publications["highly_cited"] | listed)
    return marked, (f"ESI Highly Cited Papers list of release {release} (by UT or DOI), "
                    f"or the WoS highly-cited flag (HC)")


def _check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def _match(mapping: SchoolMapping, addresses: pd.DataFrame, names: tuple[str, ...],
           progress: Progress, cancel: CancelToken | None) -> pd.DataFrame:
    # Institution test and school rules run once per distinct (text, organisation): on a
    # university's own corpus the same few thousand addresses recur on every paper.
    texts = addresses["text"].fillna("").astype(str)
    organisations = addresses["organisation"].where(addresses["organisation"].notna(), None)
    keys = list(dict.fromkeys(zip(texts, organisations)))
    schools: dict[tuple[str, Any], str | None] = {}
    own: set[tuple[str, Any]] = set()
    for start in range(0, len(keys), _CHUNK):
        _check_cancel(cancel)
        for key in keys[start:start + _CHUNK]:
            if is_institution_address(key[0], key[1], names):
                own.add(key)
                schools[key] = match_school(mapping, key[0])
        progress(0.3 + 0.6 * min(1.0, (start + _CHUNK) / max(len(keys), 1)),
                 "matching addresses to schools")
    pairs = list(zip(texts, organisations))
    mask = [pair in own for pair in pairs]
    frame = addresses.loc[mask, ["publication_id", "position", "text"]].reset_index(drop=True)
    frame["school"] = [schools[pair] for pair, keep in zip(pairs, mask) if keep]
    return frame


def _refuse_unknown_institution(addresses: pd.DataFrame, name: str) -> None:
    if addresses.empty:
        raise InputError("the corpus has no addresses (import WoS, Scopus or CNKI records first)")
    counts = Counter(o for o in addresses["organisation"].dropna())
    folded = {normalise_text(o): o for o, _ in counts.most_common(2000)}
    close = difflib.get_close_matches(normalise_text(name), list(folded), n=3, cutoff=0.6)
    hint = (f"; did you mean {' or '.join(repr(folded[c]) for c in close)}?" if close else
            "; the most frequent organisations are "
            + ", ".join(repr(o) for o, _ in counts.most_common(3)))
    raise InputError(f"no address in the corpus names the institution {name!r}{hint} "
                     "(give the name as the addresses write it, e.g. 'Dalian Univ Technol', "
                     "and add other spellings as aliases)")


def _parameters(workspace: Workspace, name: str, aliases: tuple[str, ...],
                mapping: SchoolMapping, counting: str, flt: CorpusFilter) -> dict[str, Any]:
    source = mapping.source
    digest = None
    if source and Path(source).is_file():
        digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()
    return {
        "institution": name, "aliases": list(aliases), "counting": counting,
        "mapping_file": source, "mapping_sha256": digest, "mapping_rules": len(mapping.rules),
        "mapping_schools": len(mapping.schools), "corpus_filter": flt.describe(),
        "workspace": (str(workspace.path) if workspace.path else
                      workspace.engine.url.render_as_string(hide_password=True)),
        "computed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
