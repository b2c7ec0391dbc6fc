"""Seeded generator of ESI highly cited / hot papers exports and ESI Master Journal Lists.

For tests and demos only: no real data. The layouts follow what the importers expect, which
is INFERRED from Clarivate's documentation and knowledge of ESI downloads (the project has no
real sample): a title line naming the filter and what is shown, a quoted CSV header and rows,
``Copyright © <year> Clarivate`` at the end; or the same rows in an .xlsx workbook. Papers
are plain dicts so a test can build some of them from its own WoS publications (to be
matched by UT or DOI) and mix in papers of other institutions.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from typing import Any, Iterable, Sequence

from analyst_app.domain.esi_fields import esi_fields

#: Column header of generated paper exports, as ESI writes it (inferred).
PAPER_HEADER = ("Accession Number", "DOI", "PMID", "Article Name", "Authors", "Source",
                "Research Field", "Times Cited", "Countries", "Addresses", "Institutions",
                "Publication Date")
#: Column header of generated journal lists.
JOURNAL_HEADER = ("Full title", "Title20", "ISSN", "EISSN", "Category")
SHOW = {"hcp": "Highly Cited Papers", "hot": "Hot Papers", "top": "Top Papers"}
FOOTER = "Copyright © 2025 Clarivate"

_OTHERS = (  # (institution as ESI names it, WoS address organisation, city, country)
    ("TSINGHUA UNIVERSITY", "Tsinghua Univ", "Beijing 100084", "Peoples R China", "CHINA MAINLAND"),
    ("ZHEJIANG UNIVERSITY", "Zhejiang Univ", "Hangzhou 310027", "Peoples R China", "CHINA MAINLAND"),
    ("MASSACHUSETTS INSTITUTE OF TECHNOLOGY (MIT)", "MIT", "Cambridge, MA 02139", "USA", "USA"),
    ("UNIVERSITY OF CAMBRIDGE", "Univ Cambridge", "Cambridge CB2 1TN", "England", "ENGLAND"),
    ("NATIONAL UNIVERSITY OF SINGAPORE", "Natl Univ Singapore", "Singapore 117585", "Singapore",
     "SINGAPORE"),
)
OURS = ("DALIAN UNIVERSITY OF TECHNOLOGY", "Dalian Univ Technol", "Dalian 116024",
        "Peoples R China", "CHINA MAINLAND")
_SCHOOLS = ("Sch Chem Engn", "Sch Chem", "Sch Mat Sci & Engn", "Sch Energy & Power Engn",
            "Fac Elect Informat & Elect Engn", "Sch Math Sci")
_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Smith", "Garcia",
             "Tan", "Kim", "Mueller")
_WORDS = ("catalytic", "porous", "frameworks", "carbon", "capture", "membranes", "electrolytes",
          "lithium", "batteries", "graphene", "perovskite", "solar", "cells", "hydrogen",
          "evolution", "adsorption", "machine", "learning", "networks", "optimization")
_JOURNALS = ("CHEMICAL ENGINEERING JOURNAL", "JOURNAL OF THE AMERICAN CHEMICAL SOCIETY",
             "ADVANCED MATERIALS", "ENERGY & ENVIRONMENTAL SCIENCE", "NATURE COMMUNICATIONS",
             "APPLIED CATALYSIS B-ENVIRONMENTAL", "IEEE TRANSACTIONS ON POWER SYSTEMS")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def random_ut(rng: random.Random) -> str:
    """Return a random WoS accession number ``WOS:0006xxxxxxxxxxx``."""
    return "WOS:0006" + "".join(rng.choice("0123456789") for _ in range(11))


def random_papers(n: int, *, seed: int = 11, our_share: float = 0.3,
                  ours: Sequence[str] = OURS) -> list[dict[str, Any]]:
    """Return ``n`` random ESI papers; about ``our_share`` of them list our institution.

    Returns
    -------
    list of dict
        Keys ``ut, doi, pmid, title, authors, source, field, times_cited, countries,
        addresses, institutions, publication_date`` (list values for authors, countries,
        addresses, institutions); a test may add its own papers in this shape.
    """
    rng = random.Random(seed)
    fields = [f.name_en for f in esi_fields()]
    papers = []
    for i in range(n):
        groups = rng.sample(_OTHERS, rng.randint(1, 2))
        if rng.random() < our_share:
            groups = [tuple(ours)] + groups[:1]
        year = rng.randint(2015, 2025)
        authors, addresses = [], []
        for group in groups:
            for _ in range(rng.randint(1, 3)):
                authors.append(f"{rng.choice(_SURNAMES)}, {rng.choice('ABCDEFGHJKLMNPQRSTWXYZ')}")
            addresses.append(f"{group[1]}, {rng.choice(_SCHOOLS)}, {group[2]}, {group[3]}")
        journal = rng.choice(_JOURNALS)
        papers.append({
            "ut": random_ut(rng), "doi": f"10.{rng.randint(1000, 9999)}/gen.{seed}.{i}",
            "pmid": str(rng.randint(30000000, 39999999)) if rng.random() < 0.2 else "",
            "title": " ".join(rng.sample(_WORDS, rng.randint(5, 9))).capitalize(),
            "authors": authors,
            "source": f"{journal} {rng.randint(1, 400)}: {rng.randint(1, 9999)} {year}",
            "field": rng.choice(fields), "times_cited": rng.randint(20, 3000),
            "countries": list(dict.fromkeys(g[4] for g in groups)), "addresses": addresses,
            "institutions": [g[0] for g in groups],
            "publication_date": f"{rng.choice(_MONTHS)} {year}",
        })
    return papers


def next_release(papers: Sequence[dict[str, Any]], *, seed: int = 12, new: int = 5,
                 dropped: int = 3, our_share: float = 0.5) -> list[dict[str, Any]]:
    """Return the next release's list: ``dropped`` papers leave, ``new`` ones enter, cites grow."""
    rng = random.Random(seed)
    kept = [dict(p, times_cited=p["times_cited"] + rng.randint(0, 60)) for p in papers]
    for index in sorted(rng.sample(range(len(kept)), min(dropped, len(kept))), reverse=True):
        del kept[index]
    return kept + random_papers(new, seed=seed * 1000 + 1, our_share=our_share)


def papers_csv_text(papers: Iterable[dict[str, Any]], *, kind: str = "hcp",
                    filter_value: str = "ALL", title: bool = True, footer: bool = True,
                    header: Sequence[str] = PAPER_HEADER) -> str:
    """Return the text of a paper export (see :func:`write_papers_file`)."""
    out = io.StringIO()
    if title:
        out.write(f"Indicators Results List: Documents   Filter Results By: Institutions   "
                  f"Filter Value(s): {filter_value}   Show: {SHOW[kind]}\n")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(_paper_cells(p) for p in papers)
    if footer:
        out.write(FOOTER)
    return out.getvalue()


def _paper_cells(paper: dict[str, Any]) -> list[str]:
    def joined(key: str) -> str:
        value = paper.get(key) or ()
        return ";".join(value) if isinstance(value, (list, tuple)) else str(value)

    return [paper.get("ut") or "", paper.get("doi") or "", paper.get("pmid") or "",
            paper["title"], joined("authors"), paper.get("source") or "",
            paper.get("field") or "", str(paper.get("times_cited", "")), joined("countries"),
            joined("addresses"), joined("institutions"), paper.get("publication_date") or ""]


def write_papers_file(path: Path, papers: Iterable[dict[str, Any]], *, kind: str = "hcp",
                      fmt: str = "csv", bom: bool = True, filter_value: str = "ALL",
                      title: bool = True, header: Sequence[str] = PAPER_HEADER) -> Path:
    """Write an ESI highly cited (``kind="hcp"``), hot (``"hot"``) or top papers export.

    Parameters
    ----------
    path : Path
        File to write.
    papers : iterable of dict
        Papers as :func:`random_papers` makes them.
    kind : {'hcp', 'hot', 'top'}
        What the title line says is shown.
    fmt : {'csv', 'xlsx'}
        CSV text (UTF-8, with a BOM when ``bom``) or an Excel workbook of the same rows.
    filter_value : str
        The ESI filter named in the title line.
    title : bool
        Write the title line and footer (a user-trimmed table has neither).
    header : sequence of str
        Column names (to test spelling variants).
    """
    path = Path(path)
    text = papers_csv_text(papers, kind=kind, filter_value=filter_value, title=title,
                           footer=title, header=header)
    if fmt == "csv":
        path.write_text(text, encoding="utf-8-sig" if bom else "utf-8")
    elif fmt == "xlsx":
        _write_xlsx(path, list(csv.reader(io.StringIO(text))))
    else:
        raise ValueError(f"invalid fmt {fmt!r}: expected 'csv' or 'xlsx'")
    return path


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        # numbers as numbers, as Excel would hold them
        sheet.append([int(c) if c.isdigit() and len(c) < 9 else c for c in row])
    book.save(path)


def random_journals(n: int, *, seed: int = 21) -> list[dict[str, Any]]:
    """Return ``n`` random journals: ``title, title20, issn, eissn, field`` (unique ISSNs)."""
    rng = random.Random(seed)
    fields = [f.name_en for f in esi_fields()]
    journals, used = [], set()
    while len(journals) < n:
        issn, eissn = _random_issn(rng), _random_issn(rng)
        if issn in used or eissn in used:
            continue
        used |= {issn, eissn}
        title = " ".join(w.upper() for w in rng.sample(_WORDS, 3)) + f" {len(journals)}"
        journals.append({"title": f"JOURNAL OF {title}", "title20": title[:20],
                         "issn": issn if rng.random() > 0.1 else "", "eissn": eissn,
                         "field": rng.choice(fields)})
    return journals


def _random_issn(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(7)]
    check = (11 - sum(d * w for d, w in zip(digits, range(8, 1, -1))) % 11) % 11
    body = "".join(map(str, digits))
    return f"{body[:4]}-{body[4:]}{'X' if check == 10 else check}"


def write_journal_list(path: Path, journals: Iterable[dict[str, Any]], *, fmt: str = "csv",
                       header: Sequence[str] = JOURNAL_HEADER, bom: bool = False) -> Path:
    """Write an ESI Master Journal List (CSV or .xlsx) of ``journals`` (see :func:`random_journals`)."""
    rows = [list(header)] + [[j["title"], j["title20"], j["issn"], j["eissn"], j["field"]]
                             for j in journals]
    path = Path(path)
    if fmt == "xlsx":
        _write_xlsx(path, rows)
        return path
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    return path
