"""Demo ESI Highly Cited Papers lists drawn from an imported WoS corpus.

ESI marks a paper "highly cited" when it is in the top 1 % of its field and year; a list
downloaded for one institution (``Filter Results By: Institutions``) holds that
institution's papers only. The demo picks the demo institution's most cited publications
of the imported corpus, so the lists match the corpus by UT and DOI exactly as real lists
match real exports, and the later release keeps most of the earlier one, loses its least
cited papers and gains recent ones: its push list is never empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from analyst_app.demo_data import DEMO_INSTITUTION
from analyst_app.domain.peer_groups import shipped_peer_groups
from analyst_app.esi_papers_generator import write_papers_file

#: Releases of the demo highly cited papers lists (the earlier one first).
DEMO_HCP_RELEASES = ("2025-09", "2025-11")
#: The demo institution's organisation as WoS addresses spell it.
DEMO_ORGANISATIONS = ("Dalian Univ Technol",)

# WoS address countries → ESI's spelling; the others are upper-cased as ESI prints them.
_COUNTRIES = {"PEOPLES R CHINA": "CHINA MAINLAND", "GERMANY": "GERMANY (FED REP GER)",
              "TURKEY": "TURKIYE", "U ARAB EMIRATES": "UNITED ARAB EMIRATES"}
# WoS abbreviations of organisation words, expanded for institutions no peer group names.
_WORDS = {"UNIV": "UNIVERSITY", "TECHNOL": "TECHNOLOGY", "SCI": "SCIENCE", "INST": "INSTITUTE",
          "NATL": "NATIONAL", "ACAD": "ACADEMY", "CHEM": "CHEMICAL", "ENGN": "ENGINEERING",
          "POLYTECH": "POLYTECHNIC", "ELECT": "ELECTRIC", "COLL": "COLLEGE", "TECH": "TECHNICAL",
          "RES": "RESEARCH", "CTR": "CENTER", "LAB": "LABORATORY", "MED": "MEDICAL"}
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def esi_institution_names() -> dict[str, str]:
    """Return WoS organisation spelling (upper case) → ESI name, from the shipped peer groups."""
    names = {name.upper(): DEMO_INSTITUTION for name in DEMO_ORGANISATIONS}
    for group in shipped_peer_groups():
        for member in group.members:
            for wos_name in member.wos_names:
                names.setdefault(wos_name.upper(), member.esi_name)
    return names


def _esi_institution(organisation: str, known: dict[str, str]) -> str:
    key = organisation.upper()
    return known.get(key) or " ".join(_WORDS.get(w, w) for w in key.split())


def select_demo_hcp(publications: pd.DataFrame, addresses: pd.DataFrame, *,
                    organisations: Iterable[str] = DEMO_ORGANISATIONS, share: float = 0.06,
                    new_share: float = 0.25, dropped_share: float = 0.1,
                    minimum: int = 8) -> dict[str, pd.DataFrame]:
    """Choose the demo institution's highly cited papers of two releases.

    Parameters
    ----------
    publications, addresses : pandas.DataFrame
        :func:`~analyst_app.services.corpus.publications_frame` and
        :func:`~analyst_app.services.corpus.addresses_frame` of the imported corpus.
    organisations : iterable of str
        The institution's organisation spellings in WoS addresses (case-insensitive).
    share : float
        Share of the institution's publications in ESI fields listed in the later release.
    new_share : float
        Share of the later list that is new: the most cited recent papers.
    dropped_share : float
        Share of the earlier list that drops out: its least cited papers.
    minimum : int
        Smallest later list (when the corpus has that many papers of ours).

    Returns
    -------
    dict of str to pandas.DataFrame
        :data:`DEMO_HCP_RELEASES` label → the selected rows of ``publications``, most cited
        first. Every paper of the later list that the earlier one lacks is "new".
    """
    wanted = {o.upper() for o in organisations}
    ours_ids = set(addresses.loc[addresses["organisation"].fillna("").str.upper().isin(wanted),
                                 "publication_id"])
    ours = publications[publications["publication_id"].isin(ours_ids)
                        & publications["esi_field"].notna()]
    # Ties broken by id so that the choice never depends on the sort algorithm.
    ours = ours.sort_values(["times_cited", "publication_id"], ascending=[False, True])
    size = min(len(ours), max(minimum, round(share * len(ours))))
    n_new = max(1, round(new_share * size)) if size > 1 else 0
    n_dropped = max(1, round(dropped_share * (size - n_new))) if size - n_new > 1 else 0
    top = ours.head(size + n_dropped)
    # New papers are the most recent of the top: citations of young papers grow fastest.
    recent = top.sort_values(["year", "times_cited", "publication_id"],
                             ascending=[False, False, True]).head(n_new)
    earlier = top[~top["publication_id"].isin(recent["publication_id"])]
    later_ids = set(recent["publication_id"]) | set(earlier.head(len(earlier) - n_dropped)
                                                    ["publication_id"])
    return {DEMO_HCP_RELEASES[0]: earlier, DEMO_HCP_RELEASES[1]: top[
        top["publication_id"].isin(later_ids)]}


def paper_dicts(selected: pd.DataFrame, authorships: pd.DataFrame, addresses: pd.DataFrame,
                *, cites_factor: float = 1.0) -> list[dict[str, Any]]:
    """Return ESI paper rows (see :func:`~analyst_app.esi_papers_generator.write_papers_file`).

    Parameters
    ----------
    selected : pandas.DataFrame
        Rows of the publications frame.
    authorships, addresses : pandas.DataFrame
        The corpus bylines and addresses (other publications are ignored).
    cites_factor : float
        Times cited as ESI showed them then, relative to the corpus (an earlier release
        counted fewer citations).

    Returns
    -------
    list of dict
        Keys ``ut, doi, pmid, title, authors, source, field, times_cited, countries,
        addresses, institutions, publication_date``; the demo institution's addresses
        give ``DALIAN UNIVERSITY OF TECHNOLOGY`` in ``institutions``.
    """
    ids = set(selected["publication_id"])
    names = authorships[authorships["publication_id"].isin(ids)].groupby("publication_id")
    places = addresses[addresses["publication_id"].isin(ids)].groupby("publication_id")
    known = esi_institution_names()
    papers = []
    for row in selected.itertuples(index=False):
        pid = row.publication_id
        authors = names.get_group(pid)["short_name"].tolist() if pid in names.groups else []
        where = places.get_group(pid) if pid in places.groups else addresses.iloc[:0]
        orgs = [o for o in where["organisation"].dropna() if o]
        countries = [_COUNTRIES.get(c.upper(), c.upper()) for c in where["country"].dropna()]
        papers.append({
            "ut": row.ut or "", "doi": row.doi or "", "pmid": "", "title": row.title,
            "authors": authors, "source": f"{row.source_title} {row.year}",
            "field": row.esi_field,
            "times_cited": int(round(int(row.times_cited) * cites_factor)),
            "countries": list(dict.fromkeys(countries)),
            "addresses": where["text"].tolist(),
            "institutions": list(dict.fromkeys(_esi_institution(o, known) for o in orgs)),
            # The corpus keeps years only; a month derived from the id keeps it stable.
            "publication_date": f"{_MONTHS[int(pid) % 12]} {row.year}",
        })
    return papers


def write_demo_hcp_exports(out_dir: Path, publications: pd.DataFrame,
                           authorships: pd.DataFrame, addresses: pd.DataFrame, *,
                           institution: str = DEMO_INSTITUTION) -> list[tuple[Path, str]]:
    """Write the demo Highly Cited Papers lists, one CSV per release.

    Parameters
    ----------
    out_dir : Path
        Folder of the files (``hcp_<release>.csv``), made if missing.
    publications, authorships, addresses : pandas.DataFrame
        The corpus frames (see :mod:`analyst_app.services.corpus`).
    institution : str
        The ESI filter value printed in the title line.

    Returns
    -------
    list of (Path, str)
        Each file and its release label, earlier release first.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chosen = select_demo_hcp(publications, addresses)
    written = []
    for release, factor in zip(DEMO_HCP_RELEASES, (0.9, 1.0)):
        papers = paper_dicts(chosen[release], authorships, addresses, cites_factor=factor)
        path = write_papers_file(out / f"hcp_{release}.csv", papers, kind="hcp",
                                 filter_value=institution)
        written.append((path, release))
    return written
