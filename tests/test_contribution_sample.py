"""School contribution on a real WoS export, against counts made directly from its raw C1/TC/HC lines.

The 833-record export is mostly Chinese power-engineering papers; North China Electric Power
University ("North China Elect Power Univ") is its most frequent organisation (73 papers).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

RAW = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
OURS = "North China Elect Power Univ"
UNMATCHED = "未匹配 (unmatched)"
# (school, pattern, priority): the lab shares addresses with schools and gives way to them.
RULES = [
    ("经济与管理学院", "Sch Econ & Management", 0),
    ("经济与管理学院", "Dept Econ & Management", 0),
    ("经济与管理学院", "Dept Econ Management", 0),
    ("能源动力与机械工程学院", "Sch Energy Power & Mech Engn", 0),
    ("电气与电子工程学院", "Sch Elect & Elect Engn", 0),
    ("新能源电力系统国家重点实验室", "State Key Lab Alternate Elect Power Syst", -1),
]


def _raw_records(path: Path) -> list[dict[str, list[str]]]:
    records, current, tag = [], None, None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("ER"):
            records.append(current)
            current = None
        elif line[:2].strip() and line[2:3] == " ":
            tag = line[:2]
            if tag == "PT":
                current = {}
            if current is not None:
                current.setdefault(tag, []).append(line[3:])
        elif line.startswith("   ") and current is not None:
            current[tag].append(line[3:])
    return records


def _school(address: str) -> str | None:
    # Brute force: every rule that occurs in the address, best (priority, length) first.
    hits = [(priority, len(pattern), school) for school, pattern, priority in RULES
            if pattern.lower() in address.lower()]
    return max(hits)[2] if hits else None


def _expected(fields: dict[str, str], counting: str) -> dict[tuple[str, str], list[float]]:
    """(school, field) → [papers, cites, hcp, field papers, field cites, field hcp]."""
    cells: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0] * 3)
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * 3)
    for record in _raw_records(RAW):
        addresses = [re.sub(r"^\[[^\]]*\]\s*", "", a).rstrip(".") for a in record.get("C1", [])]
        ours = [a for a in addresses if OURS in [p.strip() for p in a.split(",")]]
        field = fields.get(record["UT"][0])
        if not ours or field is None:
            continue
        cites, hcp = int(record["TC"][0]), record.get("HC", ["N"])[0] == "Y"
        schools = {s for s in map(_school, ours) if s} or {UNMATCHED}
        for i, value in enumerate((1, cites, hcp)):
            totals[field][i] += value
            for school in schools:
                cells[school, field][i] += value / (len(schools) if counting == "fractional" else 1)
    return {key: cell + totals[key[1]] for key, cell in cells.items()}


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory):
    if not RAW.is_file():
        pytest.skip(f"real sample export {RAW} not found (CI provides ../shared/samples)")
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    path = tmp_path_factory.mktemp("contribution") / "ws.sqlite"
    ws = open_workspace(path)
    assert import_files(ws, [RAW])[0].status == "imported"
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def mapping():
    from analyst_app.domain.school_mapping import SchoolRule, make_mapping
    return make_mapping([SchoolRule(s, p, priority=q) for s, p, q in RULES])


@pytest.fixture(scope="module")
def fields(sample_ws) -> dict[str, str]:
    # A paper's field is its stored ESI field (the import's category map is not under test).
    from analyst_app.services.corpus import publications_frame
    with sample_ws.session() as session:
        frame = publications_frame(session.connection())
    return {ut: field for ut, field in zip(frame["ut"], frame["esi_field"]) if field}


@pytest.mark.parametrize("counting", ["full", "fractional"])
def test_shares_match_counts_from_raw_c1_lines(sample_ws, mapping, fields, counting):
    from analyst_app.services.contribution import contribution
    report = contribution(sample_ws, OURS, mapping, counting)
    expected = _expected(fields, counting)
    table = report.result.table
    assert len(table) == len(expected) >= 5
    for row in table.itertuples():
        papers, cites, hcp, field_papers, field_cites, field_hcp = expected[row.school, row.field]
        assert (row.field_papers, row.field_cites, row.field_hcp) == \
            (field_papers, field_cites, field_hcp)
        assert (row.papers, row.cites, row.hcp) == pytest.approx((papers, cites, hcp))
        assert row.papers_share == pytest.approx(papers / field_papers)
        assert row.cites_share == pytest.approx(cites / field_cites)
        if field_hcp:
            assert row.hcp_share == pytest.approx(hcp / field_hcp)
    assert report.result.papers == 73  # NCEPU papers in the file (see the module docstring)
    assert report.parameters["counting"] == counting and report.method == report.result.method


def test_fractional_shares_of_each_field_sum_to_one(sample_ws, mapping):
    from analyst_app.services.contribution import contribution
    table = contribution(sample_ws, OURS, mapping, "fractional").result.table
    for _, rows in table.groupby("field"):
        for name in ("papers", "cites"):
            assert rows[f"{name}_share"].sum() == pytest.approx(1.0)
    full = contribution(sample_ws, OURS, mapping, "full").result.table
    engineering = full[full["field"] == "ENGINEERING"]["papers_share"].sum()
    assert engineering > 1.0  # co-authored papers count for each school


def test_unmatched_addresses_counted_from_raw(sample_ws, mapping):
    from analyst_app.services.contribution import contribution
    counts: dict[str, set[str]] = defaultdict(set)
    for record in _raw_records(RAW):
        for address in record.get("C1", []):
            address = re.sub(r"^\[[^\]]*\]\s*", "", address).rstrip(".")
            if OURS in [p.strip() for p in address.split(",")] and _school(address) is None:
                counts[address].add(record["UT"][0])
    unmatched = contribution(sample_ws, OURS, mapping).unmatched
    assert dict(zip(unmatched["text"], unmatched["papers"])) == \
        {text: len(uts) for text, uts in counts.items()}
    assert unmatched["papers"].is_monotonic_decreasing
    top = unmatched.iloc[0]
    assert top["papers"] == 5 and top["unit"] in top["text"]


def test_drill_down_papers_and_authors(sample_ws, mapping):
    from analyst_app.services.contribution import contribution
    report = contribution(sample_ws, OURS, mapping, "full")
    row = report.result.table.iloc[0]
    papers = report.cell_papers(row["school"], row["field"])
    assert len(papers) == row["papers"] and papers["times_cited"].sum() == row["cites"]
    assert papers["highly_cited"].sum() == row["hcp"]
    assert papers["authors"].str.len().gt(0).all()  # every paper has a C1-linked author there
    # The authors listed are those the raw C1 brackets link to that school's addresses.
    first = papers.iloc[0]
    record = next(r for r in _raw_records(RAW) if r["UT"][0] == first["ut"])
    linked = set()
    for address in record["C1"]:
        found = re.match(r"^\[([^\]]*)\]\s*(.*)", address)
        text = found.group(2).rstrip(".")
        if OURS in [p.strip() for p in text.split(",")] and _school(text) == row["school"]:
            linked.update(name.strip() for name in found.group(1).split(";"))
    assert set(first["authors"].split("; ")) == linked


def test_misspelt_institution_suggests_the_closest(sample_ws, mapping):
    from analyst_app.errors import InputError
    from analyst_app.services.contribution import contribution
    with pytest.raises(InputError, match="did you mean 'North China Elect Power Univ'"):
        contribution(sample_ws, "North China Electric Power Univ", mapping)


def test_shipped_dut_mapping_on_real_dut_addresses(sample_ws):
    # Dalian Univ Technol addresses in the raw file, and the papers they are on.
    from analyst_app import DATA_DIR
    from analyst_app.services.contribution import contribution
    dut_papers, dut_addresses = set(), set()
    for record in _raw_records(RAW):
        for address in record.get("C1", []):
            address = re.sub(r"^\[[^\]]*\]\s*", "", address).rstrip(".")
            if "Dalian Univ Technol" in [p.strip() for p in address.split(",")]:
                dut_papers.add(record["UT"][0])
                dut_addresses.add(address)
    report = contribution(sample_ws, "DALIAN UNIVERSITY OF TECHNOLOGY",
                          DATA_DIR / "schools" / "dalian_univ_technol.csv",
                          aliases=("DALIAN UNIV TECHNOL", "大连理工大学"))
    assert len(report.publications) == len(dut_papers) > 5
    assert set(report.school_addresses["text"]) == dut_addresses
    # Every DUT address of this file names a school or lab of the example, but one institute.
    assert report.unmatched["unit"].tolist() == ["Inst Carbon Peak & Neutral"]


def test_progress_and_cancel(sample_ws, mapping):
    from analyst_app.errors import Cancelled
    from analyst_app.services.contribution import contribution
    from analyst_app.tasks import CancelToken
    reports: list[float] = []
    contribution(sample_ws, OURS, mapping, progress=lambda f, _m: reports.append(f))
    assert reports == sorted(reports) and reports[-1] == 1.0 and len(reports) <= 100
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        contribution(sample_ws, OURS, mapping, cancel=token)
