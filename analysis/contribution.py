"""School contribution (学院贡献度): each school's share of the university's papers, cites and HCPs per ESI field.

Input is the publication table and the addresses of *our* institution, each already given
its school (``None`` when no mapping rule matched). For school d and field f:
share = (papers, cites or highly cited papers of d in f) / (the university's in f), where the
university's totals count every paper of ours in f once.

- **Full counting**: a paper counts 1 for every distinct school on it; shares of a field may
  sum to more than 100 %.
- **Fractional counting**: a paper is split equally over the distinct schools matched on it
  (1/k each); a paper of ours with no matched school goes wholly to :data:`UNMATCHED`, so
  the fractional shares of a field sum to exactly 100 %.

A paper's field is its ``esi_field``; papers without one are left out (and counted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal

import numpy as np
import pandas as pd

Counting = Literal["full", "fractional"]
COUNTING_METHODS: tuple[str, ...] = ("full", "fractional")

#: School name of papers of ours whose addresses no rule matched.
UNMATCHED = "未匹配 (unmatched)"

#: Keys of one row of the public JSON/CSV output (the CLI contract), shares as fractions 0–1.
JSON_KEYS = ("school", "field", "papers", "cites", "hcp", "papers_share", "cites_share",
             "hcp_share")
#: Columns of :attr:`ContributionResult.table`: :data:`JSON_KEYS` plus the field totals.
TABLE_COLUMNS = (*JSON_KEYS, "field_papers", "field_cites", "field_hcp")
#: Columns of :attr:`ContributionResult.paper_schools`.
PAPER_SCHOOL_COLUMNS = ("publication_id", "school", "weight", "field", "times_cited",
                        "highly_cited")

_POSTCODE = re.compile(r"\b\d{4,}\b")
_METHOD = {
    "full": (
        "Full counting: a paper counts 1 for every school of the university on it, so the "
        "shares of a field may sum to more than 100%.",
        "整数计数：论文署有本校几个学院，就为每个学院各计 1 篇，同一学科各学院占比之和可超过 100%。"),
    "fractional": (
        "Fractional counting: each paper is split equally over the distinct schools of the "
        "university matched on its addresses (1/k each for k schools); its cites and highly "
        "cited status are split with the same weights. Papers of the university with no "
        "matched school go wholly to the row “未匹配 (unmatched)”, so the shares of each field "
        "sum to exactly 100%.",
        "分数计数：每篇论文在其地址匹配到的本校各学院之间平均分配（k 个学院各计 1/k 篇），被引次数和"
        "高被引论文按相同权重分配；未匹配到任何学院的本校论文全部计入“未匹配 (unmatched)”，"
        "因此同一学科各行占比之和恰为 100%。"),
}
_DENOMINATOR = (
    " Share = the school's papers (cites, highly cited papers) in the field / the university's "
    "papers (cites, highly cited papers) in the field, each paper of the university counted "
    "once; a paper's field is its ESI field (from its first mapped WoS category).",
    "占比 = 学院在该学科的论文数（被引次数、高被引论文数）/ 全校在该学科的论文数（被引次数、"
    "高被引论文数），全校数每篇论文只计一次；论文所属学科为其 ESI 学科（按第一个可映射的 WoS 类别）。")


@dataclass(frozen=True)
class ContributionParams:
    """Parameters of :func:`compute_contribution`.

    Attributes
    ----------
    counting : {'full', 'fractional'}
        Counting method (see the module docstring).
    unmatched_label : str
        School name given to papers with no matched school.
    """

    counting: Counting = "full"
    unmatched_label: str = UNMATCHED


@dataclass
class ContributionResult:
    """Result of :func:`compute_contribution`.

    Attributes
    ----------
    params : ContributionParams
        The parameters used.
    table : pandas.DataFrame
        One row per school and field with at least one paper, columns :data:`TABLE_COLUMNS`:
        ``papers``, ``cites``, ``hcp`` (counts, fractional under fractional counting),
        ``*_share`` (fractions 0–1 of the field totals; NaN where the total is 0) and
        ``field_papers``, ``field_cites``, ``field_hcp`` (the university's totals). Fields in
        order of the university's papers; within a field schools by papers, unmatched last.
    paper_schools : pandas.DataFrame
        One row per paper and school with its weight (columns :data:`PAPER_SCHOOL_COLUMNS`),
        for drill-down.
    method : str
        The counting method and the share formula, in English.
    method_zh : str
        The same in Chinese, for reports.
    papers : int
        Papers of the university (any field).
    papers_without_field : int
        Papers of the university left out because they have no ESI field.
    """

    params: ContributionParams
    table: pd.DataFrame
    paper_schools: pd.DataFrame
    method: str
    method_zh: str
    papers: int
    papers_without_field: int


def method_text(counting: str, language: str = "en") -> str:
    """Return the description of ``counting`` and of the share formula printed with every table."""
    index = 1 if language.startswith("zh") else 0
    return _METHOD[counting][index] + _DENOMINATOR[index]


def paper_weights(school_addresses: pd.DataFrame, counting: str,
                  unmatched_label: str = UNMATCHED) -> pd.DataFrame:
    """Return one row per paper of ours and school with the paper's weight for that school.

    Parameters
    ----------
    school_addresses : pandas.DataFrame
        Addresses of our institution: ``publication_id``, ``school`` (None when unmatched).
    counting : {'full', 'fractional'}
    unmatched_label : str

    Returns
    -------
    pandas.DataFrame
        Columns ``publication_id, school, weight``; weight 1 (full) or 1/k (fractional, k the
        distinct matched schools of the paper); papers with none get ``unmatched_label``.
    """
    frame = school_addresses[["publication_id", "school"]]
    matched = frame.dropna(subset=["school"]).drop_duplicates()
    unmatched_ids = np.setdiff1d(frame["publication_id"].unique(), matched["publication_id"])
    rows = pd.concat([matched, pd.DataFrame({"publication_id": unmatched_ids,
                                             "school": unmatched_label})], ignore_index=True)
    if counting == "fractional":
        rows["weight"] = 1.0 / rows.groupby("publication_id")["school"].transform("size")
    else:
        rows["weight"] = 1
    return rows.sort_values(["publication_id", "school"]).reset_index(drop=True)


def compute_contribution(publications: pd.DataFrame, school_addresses: pd.DataFrame,
                         params: ContributionParams = ContributionParams()) -> ContributionResult:
    """Compute each school's contribution to each ESI field of the university.

    Parameters
    ----------
    publications : pandas.DataFrame
        ``publication_id, esi_field, times_cited, highly_cited`` of the selected corpus
        (other columns are ignored); papers not in ``school_addresses`` are not ours.
    school_addresses : pandas.DataFrame
        Addresses of our institution: ``publication_id, school``.
    params : ContributionParams

    Returns
    -------
    ContributionResult

    Raises
    ------
    ValueError
        ``params.counting`` is not one of :data:`COUNTING_METHODS`.
    """
    if params.counting not in COUNTING_METHODS:
        raise ValueError(f"counting must be one of {COUNTING_METHODS}, not {params.counting!r}")
    weights = paper_weights(school_addresses, params.counting, params.unmatched_label)
    ours = publications[publications["publication_id"].isin(weights["publication_id"])]
    ours = ours.assign(field=ours["esi_field"].where(ours["esi_field"].notna(), None),
                       times_cited=ours["times_cited"].fillna(0),
                       highly_cited=ours["highly_cited"].fillna(False).astype(bool))
    with_field = ours[ours["field"].notna()]
    paper_schools = weights.merge(
        with_field[["publication_id", "field", "times_cited", "highly_cited"]],
        on="publication_id", how="inner")[list(PAPER_SCHOOL_COLUMNS)]
    table = _cell_table(paper_schools, _field_totals(with_field), params.unmatched_label)
    return ContributionResult(params, table, paper_schools,
                              method_text(params.counting), method_text(params.counting, "zh"),
                              papers=len(ours), papers_without_field=len(ours) - len(with_field))


def _field_totals(papers: pd.DataFrame) -> pd.DataFrame:
    return papers.groupby("field").agg(
        field_papers=("publication_id", "size"), field_cites=("times_cited", "sum"),
        field_hcp=("highly_cited", "sum")).astype("int64")


def _cell_table(paper_schools: pd.DataFrame, totals: pd.DataFrame,
                unmatched_label: str) -> pd.DataFrame:
    weighted = paper_schools.assign(
        papers=paper_schools["weight"],
        cites=paper_schools["weight"] * paper_schools["times_cited"],
        hcp=paper_schools["weight"] * paper_schools["highly_cited"].astype(int))
    table = (weighted.groupby(["school", "field"], as_index=False)[["papers", "cites", "hcp"]]
             .sum().merge(totals, left_on="field", right_index=True))
    for name in ("papers", "cites", "hcp"):
        denominator = table[f"field_{name}"].replace(0, np.nan)
        table[f"{name}_share"] = table[name] / denominator
    order = totals["field_papers"].rank(method="first", ascending=False)
    table["_field_order"] = table["field"].map(order)
    table["_unmatched"] = table["school"] == unmatched_label
    table = table.sort_values(["_field_order", "field", "_unmatched", "papers", "school"],
                              ascending=[True, True, True, False, True])
    return table[list(TABLE_COLUMNS)].reset_index(drop=True)


def compute_unmatched_addresses(school_addresses: pd.DataFrame,
                                names: Iterable[str] = ()) -> pd.DataFrame:
    """List the addresses of our institution no rule matched, most frequent first.

    Parameters
    ----------
    school_addresses : pandas.DataFrame
        ``publication_id, text, school`` (None when unmatched).
    names : iterable of str
        Our institution's names, skipped when picking the ``unit`` part.

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` (the address as exported), ``unit`` (its first comma-separated part
        that is neither the institution's name, nor a city with postcode, nor the country:
        the school or lab to map; empty when there is none) and ``papers`` (distinct
        papers with that address), sorted by ``papers`` descending, then text.
    """
    skip = {" ".join(n.split()).casefold() for n in names}
    unmatched = school_addresses[school_addresses["school"].isna()]
    counts = (unmatched.groupby("text")["publication_id"].nunique()
              .rename("papers").reset_index())
    counts["unit"] = [_unit(text, skip) for text in counts["text"]]
    counts = counts.sort_values(["papers", "text"], ascending=[False, True])
    return counts[["text", "unit", "papers"]].reset_index(drop=True)


def _unit(text: str, skip: set[str]) -> str:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return text.strip()  # CNKI-style address with no commas: the whole text is the unit
    # The last part is the country and a part with a postcode is the city ("Beijing 102206"):
    # neither names a school.
    rest = [p for p in parts[:-1] if " ".join(p.split()).casefold() not in skip
            and not _POSTCODE.search(p)]
    return rest[0] if rest else ""


def link_school_authors(authorships: pd.DataFrame, school_addresses: pd.DataFrame,
                        unmatched_label: str = UNMATCHED) -> pd.DataFrame:
    """Return the authors linked to each school's addresses on each paper.

    Parameters
    ----------
    authorships : pandas.DataFrame
        ``publication_id, position, full_name, corresponding, address_positions`` (list of
        address positions the author is linked to).
    school_addresses : pandas.DataFrame
        ``publication_id, position, school`` of our institution's addresses.

    Returns
    -------
    pandas.DataFrame
        Columns ``publication_id, school, author_position, full_name, corresponding``, one row
        per author and school (an author linked to unmatched addresses of ours is listed under
        ``unmatched_label``).
    """
    links = authorships[["publication_id", "position", "full_name", "corresponding",
                         "address_positions"]].explode("address_positions")
    links = links.dropna(subset=["address_positions"]).rename(
        columns={"position": "author_position", "address_positions": "address_position"})
    links["address_position"] = links["address_position"].astype("int64")
    addresses = school_addresses[["publication_id", "position", "school"]].rename(
        columns={"position": "address_position"})
    joined = links.merge(addresses, on=["publication_id", "address_position"])
    joined["school"] = joined["school"].fillna(unmatched_label)
    columns = ["publication_id", "school", "author_position", "full_name", "corresponding"]
    return (joined[columns].drop_duplicates(["publication_id", "school", "author_position"])
            .sort_values(["publication_id", "school", "author_position"])
            .reset_index(drop=True))


def compute_cell_papers(result: ContributionResult, publications: pd.DataFrame,
                        school_authors: pd.DataFrame, school: str, field: str) -> pd.DataFrame:
    """Return the papers behind one (school, field) cell of ``result.table``.

    Parameters
    ----------
    result : ContributionResult
    publications : pandas.DataFrame
        ``publication_id, ut, doi, title, year, times_cited, highly_cited`` (at least).
    school_authors : pandas.DataFrame
        As :func:`link_school_authors` returns.
    school, field : str
        The cell.

    Returns
    -------
    pandas.DataFrame
        One row per paper: ``publication_id, ut, doi, title, year, times_cited,
        highly_cited, weight`` (the paper's count in the cell) and ``authors`` (names of
        the authors linked to that school's addresses, "; "-joined, in byline order), sorted
        by cites descending.
    """
    cell = result.paper_schools[(result.paper_schools["school"] == school)
                                & (result.paper_schools["field"] == field)]
    columns = ["publication_id", "ut", "doi", "title", "year", "times_cited", "highly_cited"]
    papers = cell[["publication_id", "weight"]].merge(publications[columns], on="publication_id")
    names = (school_authors[school_authors["school"] == school]
             .groupby("publication_id")["full_name"].agg(lambda s: "; ".join(s.dropna())))
    papers["authors"] = papers["publication_id"].map(names).fillna("")
    papers = papers.sort_values(["times_cited", "publication_id"], ascending=[False, True])
    return papers[[*columns, "weight", "authors"]].reset_index(drop=True)
