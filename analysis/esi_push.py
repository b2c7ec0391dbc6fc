"""The "push" list: our institution's new ESI highly cited and hot papers, with whom to notify.

Pure: frames in, a result out. A paper of release R is *new* when neither its accession
number (UT) nor its DOI is in the previous imported release's list of the same kind. Our
papers are recognised by the institution's name or aliases among the ESI paper's
institutions, the organisation part of its addresses, or the addresses of our matching WoS
publication (matched by UT, then DOI). Kinds without an ESI list in R fall back to the
highly cited / hot flags of our WoS publications (no release comparison is possible then).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

import pandas as pd

Kind = Literal["hcp", "hot", "both"]
KIND_OPTIONS = ("hcp", "hot", "both")
#: Which stored paper kinds each option selects ("top" papers may be either).
_KINDS_OF = {"hcp": ("hcp",), "hot": ("hot",), "both": ("hcp", "hot", "top")}
#: Publication flag columns standing in for each kind when no ESI list exists.
_FLAG_OF = {"hcp": "highly_cited", "hot": "hot_paper"}

#: Columns of :attr:`PushListResult.table`, in order.
PUSH_COLUMNS = (
    "kind", "basis", "ut", "doi", "title", "field", "release", "previous_release", "new",
    "times_cited", "publication_id", "matched_by", "ours_by", "authors", "addresses", "schools",
    "notify",
)
_NOT_WORD = re.compile(r"[^0-9A-Z]+")


@dataclass(frozen=True)
class PushListParams:
    """Parameters of :func:`compute_push_list`.

    Attributes
    ----------
    institution : str
        Our institution as ESI or WoS names it (``DALIAN UNIVERSITY OF TECHNOLOGY``).
    aliases : tuple of str
        Other names (``DALIAN UNIV TECHNOL``, the WoS address form).
    release : str or None
        Release R; ``None``: the latest release with a paper list.
    kind : {'hcp', 'hot', 'both'}
        Highly cited papers, hot papers, or both (``both`` includes ESI "top papers").
    only_new : bool
        List only papers new in R when the comparison is possible (else every paper of ours).
    """

    institution: str
    aliases: tuple[str, ...] = ()
    release: str | None = None
    kind: Kind = "both"
    only_new: bool = True


@dataclass
class PushListResult:
    """The push list with its parameters and provenance.

    Attributes
    ----------
    params : PushListParams
        The parameters used.
    release : str or None
        Release R (``None`` when no ESI paper list exists: WoS flags only).
    previous : dict
        Per stored kind in R (``hcp``/``hot``/``top``), release R−1 compared with, or ``None``
        when no earlier list of that kind was imported (comparison not possible).
    table : pandas.DataFrame
        Columns :data:`PUSH_COLUMNS`. ``basis`` is ``esi`` (from an ESI list) or ``wos_flag``;
        ``new`` is True/False, or ``None`` when not comparable; ``matched_by`` is ``ut``,
        ``doi`` or ``None`` (no WoS publication of ours matches); ``ours_by`` says how the
        paper was recognised as ours; ``authors``, ``addresses`` and ``schools`` are lists
        (our authors, our addresses, their schools); ``notify`` is a list of
        ``{"author", "corresponding", "addresses", "schools"}`` dicts.
    notes : list of str
        Plain-words remarks (comparison not possible, gaps between releases...).
    """

    params: PushListParams
    release: str | None
    previous: dict[str, str | None]
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def comparable(self) -> bool:
        """Whether every ESI kind listed could be compared with a previous release."""
        return bool(self.previous) and all(v is not None for v in self.previous.values())


def normalise_name(name: str) -> str:
    """Return an institution name folded for matching: upper case, letters and digits, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", str(name).upper().replace("&", " AND ")).split())


def organisation_of(address: str) -> str:
    """Return the organisation part of an address (before the first comma), folded."""
    text = re.sub(r"^\[[^\]]*\]\s*", "", str(address))  # WoS C1 "[Authors] Org, ..." form
    return normalise_name(text.split(",", 1)[0])


def compute_push_list(papers: pd.DataFrame, publications: pd.DataFrame,
                      authorships: pd.DataFrame, addresses: pd.DataFrame,
                      params: PushListParams, *,
                      school_of: Callable[[str], str | None] | None = None) -> PushListResult:
    """Compute the push list of release R against R−1.

    Parameters
    ----------
    papers : pandas.DataFrame
        ESI papers of every imported release: ``release, kind, ut, doi, title, field,
        times_cited, institutions, addresses, authors`` (list columns hold lists).
    publications : pandas.DataFrame
        Our WoS corpus: ``publication_id, ut, doi, title, esi_field, times_cited,
        highly_cited, hot_paper``.
    authorships : pandas.DataFrame
        Bylines: ``publication_id, position, full_name, corresponding, address_positions``.
    addresses : pandas.DataFrame
        ``publication_id, position, text, organisation``.
    params : PushListParams
        Institution, release, kind.
    school_of : callable, optional
        ``school_of(address_text) -> str | None``; schools are left empty without it.

    Returns
    -------
    PushListResult

    Raises
    ------
    ValueError
        For an unknown kind, or a release that has no paper list.
    """
    if params.kind not in KIND_OPTIONS:
        raise ValueError(f"invalid kind {params.kind!r}: expected one of {KIND_OPTIONS}")
    names = {normalise_name(n) for n in (params.institution, *params.aliases) if n.strip()}
    releases = sorted(set(papers["release"]))
    release = params.release or (releases[-1] if releases else None)
    if release is not None and release not in releases:
        raise ValueError(f"release {release!r} has no highly cited / hot paper list; "
                         f"imported: {', '.join(releases) or 'none'}")
    bylines = _Bylines(publications, authorships, addresses, names, school_of)
    wanted = _KINDS_OF[params.kind]
    current = papers[(papers["release"] == release) & papers["kind"].isin(wanted)]
    previous: dict[str, str | None] = {}
    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    for kind in sorted(set(current["kind"])):
        earlier = sorted(r for r in set(papers.loc[papers["kind"] == kind, "release"]) if r < release)
        before = earlier[-1] if earlier else None
        previous[kind] = before
        notes.extend(_comparison_note(kind, release, before))
        seen = _keys(papers[(papers["release"] == before) & (papers["kind"] == kind)])
        for paper in current[current["kind"] == kind].itertuples(index=False):
            row = _esi_row(paper, before, seen, bylines)
            if row is not None and (row["new"] is not False or not params.only_new):
                rows.append(row)
    for kind in ("hcp", "hot"):
        if kind in wanted and not ({kind, "top"} & set(current["kind"])):
            notes.append(f"no ESI {_KIND_WORDS[kind]} list for release {release or '(none)'}: "
                         f"listed from the {_FLAG_OF[kind]} flags of our WoS records "
                         "(not comparable between releases)")
            rows.extend(bylines.flagged(kind))
    table = pd.DataFrame(rows, columns=list(PUSH_COLUMNS))
    if not table.empty:
        order = table.assign(_new=table["new"].map({True: 0, None: 1, False: 2}).fillna(1),
                             _tc=table["times_cited"].fillna(-1))
        table = table.loc[order.sort_values(["kind", "_new", "_tc", "title"],
                                            ascending=[True, True, False, True]).index]
    return PushListResult(params, release, previous, table.reset_index(drop=True), notes)


_KIND_WORDS = {"hcp": "highly cited papers", "hot": "hot papers", "top": "top papers"}


def _comparison_note(kind: str, release: str, before: str | None) -> list[str]:
    if before is None:
        return [f"{_KIND_WORDS[kind]}: no list of a release before {release} was imported, so "
                "new papers cannot be told apart: every paper of ours is listed"]
    months = _months(release) - _months(before)
    if months > 2:
        return [f"{_KIND_WORDS[kind]}: compared with {before}, {months} months before {release} "
                "(the release in between was not imported): papers new in it count as new"]
    return []


def _months(label: str) -> int:
    year, month = label.split("-")[:2]
    return int(year) * 12 + int(month)


def _keys(frame: pd.DataFrame) -> set[str]:
    return {f"ut:{u}" for u in frame["ut"].dropna()} | {f"doi:{d}" for d in frame["doi"].dropna()}


def _esi_row(paper: Any, before: str | None, seen: set[str],
             bylines: _Bylines) -> dict[str, Any] | None:
    ut, doi = _text(paper.ut), _text(paper.doi)
    publication_id, matched_by = bylines.match(ut, doi)
    if publication_id is not None and ut is None:  # matched by DOI: the WoS record has the UT
        ut = _text(bylines.publications.at[publication_id, "ut"])
    ours_by = None
    if {normalise_name(i) for i in paper.institutions} & bylines.names:
        ours_by = "esi_institutions"
    elif any(organisation_of(a) in bylines.names for a in paper.addresses):
        ours_by = "esi_addresses"
    elif publication_id is not None and bylines.our_positions(publication_id):
        ours_by = "publication_addresses"
    if ours_by is None:
        return None
    if publication_id is not None and bylines.our_positions(publication_id):
        notify = bylines.notify(publication_id)
    else:  # no WoS record of ours: name the ESI authors and our ESI addresses
        ours = [a for a in paper.addresses if organisation_of(a) in bylines.names]
        notify = [{"author": name, "corresponding": False, "addresses": ours,
                   "schools": bylines.schools(ours)} for name in paper.authors]
    new = None if before is None else not ({f"ut:{ut}", f"doi:{doi}"} & seen)
    cites = paper.times_cited
    return _row(paper.kind, "esi", ut, doi, paper.title, _text(paper.field), paper.release,
                before, new, None if pd.isna(cites) else int(cites), publication_id, matched_by,
                ours_by, notify)


def _row(kind: str, basis: str, ut: str | None, doi: str | None, title: str, field_: str | None,
         release: str | None, before: str | None, new: bool | None, cites: int | None,
         publication_id: int | None, matched_by: str | None, ours_by: str,
         notify: list[dict[str, Any]]) -> dict[str, Any]:
    addresses = list(dict.fromkeys(a for n in notify for a in n["addresses"]))
    schools = list(dict.fromkeys(s for n in notify for s in n["schools"]))
    return {"kind": kind, "basis": basis, "ut": ut, "doi": doi, "title": title, "field": field_,
            "release": release, "previous_release": before, "new": new, "times_cited": cites,
            "publication_id": publication_id, "matched_by": matched_by, "ours_by": ours_by,
            "authors": [n["author"] for n in notify], "addresses": addresses,
            "schools": schools, "notify": notify}


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


class _Bylines:
    """Our publications indexed by UT and DOI, with their bylines and our addresses."""

    def __init__(self, publications: pd.DataFrame, authorships: pd.DataFrame,
                 addresses: pd.DataFrame, names: set[str],
                 school_of: Callable[[str], str | None] | None) -> None:
        self.names = names
        self.publications = publications.set_index("publication_id", drop=False)
        self.by_ut = {u: p for u, p in zip(publications["ut"], publications["publication_id"])
                      if isinstance(u, str)}
        self.by_doi = {d: p for d, p in zip(publications["doi"], publications["publication_id"])
                       if isinstance(d, str)}
        self.authors = {pid: group for pid, group in authorships.groupby("publication_id")}
        self.addresses: dict[int, dict[int, str]] = {}
        self.ours: dict[int, set[int]] = {}
        for row in addresses.itertuples(index=False):
            self.addresses.setdefault(row.publication_id, {})[row.position] = row.text
            organisation = normalise_name(row.organisation) if isinstance(row.organisation, str) else ""
            if organisation in names or organisation_of(row.text) in names:
                self.ours.setdefault(row.publication_id, set()).add(row.position)
        self.school_of = school_of

    def match(self, ut: str | None, doi: str | None) -> tuple[int | None, str | None]:
        if ut and ut in self.by_ut:
            return int(self.by_ut[ut]), "ut"
        if doi and doi in self.by_doi:
            return int(self.by_doi[doi]), "doi"
        return None, None

    def our_positions(self, publication_id: int) -> set[int]:
        return self.ours.get(publication_id, set())

    def schools(self, texts: list[str]) -> list[str]:
        if self.school_of is None:
            return []
        return list(dict.fromkeys(s for s in (self.school_of(t) for t in texts) if s))

    def notify(self, publication_id: int) -> list[dict[str, Any]]:
        """Our authors of a publication with their addresses at our institution.

        Authors are linked to addresses by position (WoS ``[Author] Address`` groups); when
        a record has no such links, every author is named with all our addresses.
        """
        ours = self.our_positions(publication_id)
        texts = self.addresses.get(publication_id, {})
        byline = self.authors.get(publication_id)
        if byline is None:
            return []
        linked = any(len(p) for p in byline["address_positions"])
        people = []
        for author in byline.itertuples(index=False):
            positions = sorted(set(author.address_positions) & ours) if linked else sorted(ours)
            if linked and not positions:
                continue  # a co-author elsewhere: not ours to notify
            mine = [texts[p] for p in positions if p in texts]
            people.append({"author": author.full_name, "corresponding": bool(author.corresponding),
                           "addresses": mine, "schools": self.schools(mine)})
        return people

    def flagged(self, kind: str) -> list[dict[str, Any]]:
        """Rows for our WoS publications flagged highly cited / hot (no ESI list)."""
        flags = self.publications[self.publications[_FLAG_OF[kind]].fillna(False).astype(bool)]
        rows = []
        for pub in flags.itertuples(index=False):
            pid = int(pub.publication_id)
            if not self.our_positions(pid):
                continue
            cites = pub.times_cited
            rows.append(_row(kind, "wos_flag", _text(pub.ut), _text(pub.doi), pub.title,
                             _text(pub.esi_field), None, None, None,
                             None if pd.isna(cites) else int(cites), pid, None,
                             "publication_addresses", self.notify(pid)))
        return rows
