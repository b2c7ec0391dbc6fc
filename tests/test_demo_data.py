"""Tests of the demo ESI export generator (``analyst_app.demo_data``)."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from analyst_app.demo_data import (
    DEMO_INSTITUTION,
    DEMO_RELEASES,
    demo_institution_aliases,
    write_demo_esi_exports,
)
from analyst_app.demo_papers import (
    DEMO_HCP_RELEASES,
    paper_dicts,
    select_demo_hcp,
    write_demo_hcp_exports,
)
from analyst_app.domain.esi_fields import esi_fields

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
TITLE = re.compile(
    r"^Indicators Results List: Institutions   Filter Results By: ResearchFields   "
    r"Filter Value\(s\): (?P<field>.+)   Show: Top$"
)
HEADER = ",Institutions,Countries/Regions,Web of Science Documents,Cites,Cites/Paper,Top Papers"
FOOTER = "Copyright \u00a9 2025 Clarivate"
# Every cell quoted, except an empty country which ESI writes as ",,".
ROW = re.compile(r'^"\d+","[^"]+",(?:"[^"]+")?,"\d+","\d+","\d+\.\d{2}","\d+"$')


def _parse(path: Path) -> tuple[str, list[list[str]]]:
    """Return the field named in the title line and the data rows of one export."""
    lines = path.read_text(encoding="utf-8").split("\n")
    match = TITLE.match(lines[0])
    assert match, lines[0]
    return match["field"], list(csv.reader(lines[2:-1]))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str]]:
    return write_demo_esi_exports(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def tables(demo: list[tuple[Path, str]]) -> dict[tuple[str, str], list[list[str]]]:
    """(release, field name) -> data rows."""
    result = {}
    for path, release in demo:
        field, rows = _parse(path)
        assert (release, field) not in result, f"{field} twice in {release}"
        result[release, field] = rows
    return result


def _dut_rank(tables: dict, release: str, field: str) -> int | None:
    ranks = [int(r[0]) for r in tables[release, field] if r[1] == DEMO_INSTITUTION]
    assert len(ranks) <= 1
    return ranks[0] if ranks else None


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first = write_demo_esi_exports(tmp_path / "a", seed=7)
    second = write_demo_esi_exports(tmp_path / "b", seed=7)
    assert [(p.relative_to(tmp_path / "a"), r) for p, r in first] == [
        (p.relative_to(tmp_path / "b"), r) for p, r in second
    ]
    for (a, _), (b, _) in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    other = write_demo_esi_exports(tmp_path / "c", seed=8, releases=DEMO_RELEASES[:1])
    assert other[0][0].read_bytes() != first[0][0].read_bytes()


def test_one_file_per_field_and_release(demo: list[tuple[Path, str]], tables: dict) -> None:
    assert len(demo) == 66
    for release in DEMO_RELEASES:
        paths = sorted(p for p, r in demo if r == release)
        assert {p.name for p in paths} == {f"{i}.csv" for i in range(1, 23)}
        assert all(p.parent.name == release for p in paths)
        assert {f for r, f in tables if r == release} == {f.name_en for f in esi_fields()}


def test_layout_is_the_esi_export_layout(demo: list[tuple[Path, str]]) -> None:
    for path, _ in demo:
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
        assert not raw.endswith(b"\n")
        lines = raw.decode("utf-8").split("\n")
        assert TITLE.match(lines[0]) and lines[1] == HEADER and lines[-1] == FOOTER
        bad = [line for line in lines[2:-1] if not ROW.match(line)]
        assert not bad, bad[:3]


def test_layout_matches_real_samples(demo: list[tuple[Path, str]]) -> None:
    samples = sorted((SAMPLES / "esi").glob("esi_institutions_*.csv"))
    if not samples:
        pytest.skip(f"real ESI samples not found in {SAMPLES / 'esi'}")
    ours = demo[0][0].read_text(encoding="utf-8").split("\n")
    for sample in samples:
        raw = sample.read_bytes()
        assert not raw.endswith(b"\n") and b"\r" not in raw
        real = raw.decode("utf-8").split("\n")
        field = TITLE.match(real[0])["field"]
        ours_field = TITLE.match(ours[0])["field"]
        assert ours[0].replace(ours_field, field) == real[0]
        assert ours[1] == real[1] and ours[-1] == real[-1]
        # The row pattern our files obey also accepts every real row.
        assert all(ROW.match(line) for line in real[2:-1]), sample.name


def test_ranks_cites_and_cites_per_paper(tables: dict) -> None:
    for (release, field), rows in tables.items():
        cites = [int(r[4]) for r in rows]
        assert cites == sorted(cites, reverse=True), (release, field)
        for i, row in enumerate(rows):
            rank, docs, cites_, cpp, top = (int(row[0]), int(row[3]), int(row[4]), row[5],
                                            int(row[6]))
            # Competition ranking: ties share a rank, the next rank is skipped.
            expected = int(rows[i - 1][0]) if i and cites_ == cites[i - 1] else i + 1
            assert rank == expected, (release, field, row)
            assert cpp == f"{cites_ / docs:.2f}", row
            assert 0 <= top <= docs, row
        names = [r[1] for r in rows]
        assert len(names) == len(set(names)), (release, field)


def test_list_sizes_are_realistic(tables: dict) -> None:
    sizes = {key: len(rows) for key, rows in tables.items()}
    assert all(300 <= n <= 7000 for n in sizes.values())
    for field in esi_fields():
        by_release = [sizes[r, field.name_en] for r in DEMO_RELEASES]
        assert by_release == sorted(by_release), field.name_en
    last = {f: n for (r, f), n in sizes.items() if r == DEMO_RELEASES[-1]}
    assert max(last, key=last.get) == "CLINICAL MEDICINE"
    assert min(last.values()) < 500  # space science / multidisciplinary are small


def test_pool_has_peers_and_world_institutions(tables: dict) -> None:
    names = {r[1] for rows in tables.values() for r in rows}
    countries = {r[2] for rows in tables.values() for r in rows}
    for peer in ("TSINGHUA UNIVERSITY", "PEKING UNIVERSITY", "ZHEJIANG UNIVERSITY",
                 "SHANGHAI JIAO TONG UNIVERSITY", "FUDAN UNIVERSITY", "NANJING UNIVERSITY",
                 "HARBIN INSTITUTE OF TECHNOLOGY", "XI'AN JIAOTONG UNIVERSITY",
                 "UNIVERSITY OF SCIENCE & TECHNOLOGY OF CHINA, CAS", DEMO_INSTITUTION):
        assert peer in names
    assert {"CHINA MAINLAND", "USA", "ENGLAND", "GERMANY (FED REP GER)", "JAPAN", "FRANCE",
            "SOUTH KOREA", "TAIWAN", "INDIA", "N/A"} <= countries


def test_demo_institution_story(tables: dict) -> None:
    first, middle, last = DEMO_RELEASES
    for release in DEMO_RELEASES:
        for field in ("ENGINEERING", "CHEMISTRY"):
            rank, n = _dut_rank(tables, release, field), len(tables[release, field])
            assert rank is not None and rank <= math.ceil(0.1 * n), (release, field)  # top 1‰
        for field in ("IMMUNOLOGY", "SPACE SCIENCE"):
            assert _dut_rank(tables, release, field) is None
    # Newly entered in clinical medicine, dropped out of one field.
    assert _dut_rank(tables, first, "CLINICAL MEDICINE") is None
    assert _dut_rank(tables, middle, "CLINICAL MEDICINE") is None
    assert _dut_rank(tables, last, "CLINICAL MEDICINE") is not None
    dropped = [f for r, f in tables if r == last and _dut_rank(tables, first, f)
               and _dut_rank(tables, last, f) is None]
    assert dropped == ["ECONOMICS & BUSINESS"]
    listed = [f for r, f in tables if r == first and _dut_rank(tables, r, f)]
    assert 10 <= len(listed) <= 12  # engineering, chemistry and 8-10 other fields
    both = [f for f in listed if _dut_rank(tables, last, f)]
    rising = [f for f in both if _dut_rank(tables, last, f) < _dut_rank(tables, first, f)]
    assert 1 <= len(both) - len(rising) <= 2  # falling in one or two fields
    # Engineering reaches the top 1‱ of the list.
    n_eng = len(tables[last, "ENGINEERING"])
    assert _dut_rank(tables, last, "ENGINEERING") <= math.ceil(0.01 * n_eng)


def test_aliases() -> None:
    assert "DALIAN UNIV TECHNOL" in demo_institution_aliases()


# --- highly cited papers lists drawn from the corpus (analyst_app.demo_papers) -------------

def _corpus(n: int = 60) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A corpus of ``n`` papers; even ids are ours, every fifth has no ESI field."""
    ids = list(range(1, n + 1))
    publications = pd.DataFrame({
        "publication_id": ids, "ut": [f"WOS:{i:015d}" for i in ids],
        "doi": [f"10.1/{i}" for i in ids], "title": [f"Paper {i}" for i in ids],
        "year": [2015 + i % 10 for i in ids], "times_cited": [10 * i for i in ids],
        "esi_field": [None if i % 5 == 0 else "CHEMISTRY" for i in ids],
        "source_title": ["FUEL"] * n})
    addresses = pd.DataFrame({
        "publication_id": ids + ids,
        "text": [f"{'Dalian Univ Technol' if i % 2 == 0 else 'Jilin Univ'}, Sch Chem Engn, "
                 f"Dalian, Peoples R China" for i in ids]
        + ["Tsinghua Univ, Beijing, Peoples R China"] * n,
        "organisation": ["Dalian Univ Technol" if i % 2 == 0 else "Jilin Univ" for i in ids]
        + ["Tsinghua Univ"] * n,
        "country": ["Peoples R China"] * (2 * n)})
    authorships = pd.DataFrame({"publication_id": ids, "short_name": ["Wang, K"] * n})
    return publications, authorships, addresses


def test_hcp_selection_keeps_most_and_adds_recent_papers() -> None:
    publications, _, addresses = _corpus()
    chosen = select_demo_hcp(publications, addresses, minimum=10)
    before, now = (set(chosen[r]["publication_id"]) for r in DEMO_HCP_RELEASES)
    assert all(i % 2 == 0 and i % 5 for i in before | now)  # ours, in an ESI field
    assert len(now) == 10 and now - before and before - now
    assert len(before & now) >= 0.8 * len(before)
    newest = publications.set_index("publication_id")["year"]
    assert min(newest[i] for i in now - before) >= max(newest[i] for i in before - now)


def test_paper_dicts_name_institutions_as_esi_does() -> None:
    publications, authorships, addresses = _corpus(4)
    papers = paper_dicts(publications[publications["publication_id"] == 2], authorships,
                         addresses, cites_factor=0.5)
    assert len(papers) == 1
    paper = papers[0]
    assert paper["institutions"] == [DEMO_INSTITUTION, "TSINGHUA UNIVERSITY"]
    assert paper["countries"] == ["CHINA MAINLAND"] and paper["times_cited"] == 10
    assert paper["ut"] == "WOS:000000000000002" and paper["authors"] == ["Wang, K"]
    assert paper["publication_date"].endswith(" 2017") and paper["source"] == "FUEL 2017"


def test_hcp_exports_are_read_back(tmp_path: Path) -> None:
    from analyst_app.importers.registry import detect_format

    written = write_demo_hcp_exports(tmp_path, *_corpus())
    assert [r for _, r in written] == list(DEMO_HCP_RELEASES)
    for path, _ in written:
        assert detect_format(path).spec is not None, path.name
