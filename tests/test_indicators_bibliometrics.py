"""Bibliometric indicators: h/g/m by hand and from a real WoS file parsed in the test, Lotka, Bradford, growth."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

from analysis.bibliometrics import compute_bradford, compute_entity_indicators, compute_growth, \
    compute_lotka
from tests.conftest import SAMPLES

BLACKSILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"


def _raw_records(path: Path) -> list[dict[str, list[str]]]:
    """Parse a WoS plain-text file by hand: tag → lines (continuations joined to their tag)."""
    records, current, tag = [], {}, None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("ER"):
            records.append(current)
            current, tag = {}, None
        elif line.startswith("   ") and tag:
            current[tag].append(line.strip())
        elif len(line) >= 2 and line[:2].strip() and line[2:3] in (" ", ""):
            tag = line[:2]
            current.setdefault(tag, []).append(line[3:].strip())
    return records


@pytest.fixture(scope="module")
def raw() -> list[dict[str, list[str]]]:
    if not BLACKSILICON.exists():
        pytest.skip(f"real sample {BLACKSILICON.name} not found in {SAMPLES}")
    return _raw_records(BLACKSILICON)


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory, raw):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    path = tmp_path_factory.mktemp("indicators") / "w.sqlite"
    workspace = open_workspace(path)
    reports = import_files(workspace, [BLACKSILICON])
    assert reports[0].status == "imported" and reports[0].stored == 500
    yield workspace
    workspace.close()


def _h(cites: list[int]) -> int:
    cites = sorted(cites, reverse=True)
    return max([i + 1 for i, c in enumerate(cites) if c >= i + 1], default=0)


def test_h_g_m_by_hand():
    # Author A: citations 10, 8, 5, 4, 3 → h = 4 (4 papers with ≥ 4; the 5th has 3 < 5).
    #   g: cumulative 10, 18, 23, 27, 30 against 1, 4, 9, 16, 25 → all hold: g = 5 (≤ papers).
    #   first year 2018, current year 2021: m = 4 / (2021 − 2018 + 1) = 1.0.
    # Author B: citations 0, 0 → h = 0, g = 0. Author C: one paper with 100 → h = 1, g = 1.
    frame = pd.DataFrame({
        "entity": ["A"] * 5 + ["B"] * 2 + ["C"],
        "publication_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "year": [2018, 2019, 2020, 2021, 2021, 2020, 2021, 2021],
        "times_cited": [10, 8, 5, 4, 3, 0, 0, 100],
    })
    table = compute_entity_indicators(frame, current_year=2021).set_index("name")
    assert table.loc["A", ["papers", "cites", "h_index", "g_index"]].tolist() == [5, 30, 4, 5]
    assert table.loc["A", "m_index"] == pytest.approx(1.0)
    assert table.loc["B", ["h_index", "g_index"]].tolist() == [0, 0]
    assert table.loc["C", ["h_index", "g_index", "m_index"]].tolist() == [1, 1, 1.0]
    assert table.loc["A", "publication_ids"] == [1, 2, 3, 4, 5]
    # g below papers: citations 9, 1, 1, 0 → cumulative 9, 10, 11, 11 vs 1, 4, 9, 16 → g = 3.
    g = compute_entity_indicators(pd.DataFrame({
        "entity": ["D"] * 4, "publication_id": [1, 2, 3, 4], "year": [2020] * 4,
        "times_cited": [9, 1, 1, 0]}))
    assert g.loc[0, ["h_index", "g_index"]].tolist() == [1, 3]


def test_duplicate_rows_count_once():
    # An institution on two addresses of the same paper: one paper, its citations once.
    frame = pd.DataFrame({"entity": ["X", "X"], "publication_id": [1, 1], "year": [2020, 2020],
                          "times_cited": [5, 5]})
    row = compute_entity_indicators(frame).iloc[0]
    assert (row["papers"], row["cites"], row["h_index"]) == (1, 5, 1)


def test_author_h_index_matches_raw_file(raw, sample_ws):
    # Independent count: AF lines (full names) and TC of each record, straight from the file.
    cites_by_author: dict[str, list[int]] = defaultdict(list)
    for record in raw:
        cites = int(record.get("TC", ["0"])[0])
        for name in dict.fromkeys(record.get("AF", [])):  # a name twice on a byline counts once
            cites_by_author[name].append(cites)
    expected = {name: (len(c), sum(c), _h(c)) for name, c in cites_by_author.items()}
    from analyst_app.services.indicators import run_entity_indicators
    table = run_entity_indicators(sample_ws, "authors").result
    top = table.head(10)
    assert top["h_index"].iloc[0] >= 5  # the sample has productive groups
    for row in top.itertuples():
        assert (row.papers, row.cites, row.h_index) == expected[row.name], row.name
    # The ranking's top h equals the best h counted by hand.
    assert top["h_index"].iloc[0] == max(v[2] for v in expected.values())


def test_journal_indicators_match_raw_file(raw, sample_ws):
    from analyst_app.services.indicators import run_entity_indicators
    by_journal: dict[str, list[int]] = defaultdict(list)
    for record in raw:
        by_journal[" ".join(record["SO"])].append(int(record.get("TC", ["0"])[0]))
    table = run_entity_indicators(sample_ws, "journals").result.head(5)
    for row in table.itertuples():
        c = by_journal[row.name]
        assert (row.papers, row.cites, row.h_index) == (len(c), sum(c), _h(c))


def test_lotka_on_real_authors(raw, sample_ws):
    from analyst_app.services.indicators import run_lotka
    papers = Counter(name for record in raw for name in dict.fromkeys(record.get("AF", [])))
    single = sum(1 for n in papers.values() if n == 1) / len(papers)
    result = run_lotka(sample_ws).result
    assert result.authors == len(papers)
    assert result.table.loc[result.table["papers"] == 1, "share"].iloc[0] == pytest.approx(single)
    # Lotka's law holds roughly in real data: exponent near 2 (typically 1.5-3.5), good fit.
    assert 1.5 < result.exponent < 3.5
    assert result.r_squared > 0.8
    assert 0 < result.constant < 1


def test_lotka_exact_power_law():
    # 1000 authors with 1 paper, 250 with 2, 111 with 3 (≈ 1000 / n²): exponent ≈ 2.
    counts = pd.Series([1] * 1000 + [2] * 250 + [3] * 111)
    result = compute_lotka(counts)
    assert result.exponent == pytest.approx(2.0, abs=0.01)
    assert result.r_squared == pytest.approx(1.0, abs=1e-4)


def test_bradford_on_real_journals(raw, sample_ws):
    from analyst_app.services.indicators import run_bradford
    journals = Counter(" ".join(record["SO"]) for record in raw)
    total = sum(journals.values())
    result = run_bradford(sample_ws).result
    assert result.zones["papers"].sum() == total
    assert result.zones["journals"].sum() == len(journals)
    zone1 = result.table[result.table["zone"] == 1]
    # Zone 1 is the smallest prefix of journals reaching a third of the papers.
    assert zone1["papers"].sum() >= math.ceil(total / 3) > zone1["papers"].sum() - zone1["papers"].iloc[-1]
    assert zone1["journal"].iloc[0] == journals.most_common(1)[0][0]
    # Bradford's law: each zone needs more journals than the one before.
    n1, n2, n3 = result.zones["journals"]
    assert n1 < n2 < n3


def test_bradford_by_hand():
    # 12 papers: A 6, B 3, C 2, D 1. Cuts ⌈12/3⌉ = 4 and ⌈24/3⌉ = 8; cumulative 6, 9, 11, 12:
    # zone 1 = A (6 ≥ 4), zone 2 = B (9 ≥ 8), zone 3 = C, D.
    journals = pd.Series(["A"] * 6 + ["B"] * 3 + ["C"] * 2 + ["D"])
    result = compute_bradford(journals)
    assert result.table["zone"].tolist() == [1, 2, 3, 3]
    assert result.zones["journals"].tolist() == [1, 1, 2]
    assert result.zones["core"].tolist() == [["A"], ["B"], ["C", "D"]]


def test_growth_by_hand():
    # 2018: 10, 2019: 0, 2020: 20, 2021: 40, 2022: 7 (partial year, left out of the CAGR).
    # CAGR 2018-2021 = (40 / 10)^(1/3) − 1 = 0.5874; YoY 2021 = 40/20 − 1 = 1.0; 2020 after 0: NaN.
    years = pd.Series([2018] * 10 + [2020] * 20 + [2021] * 40 + [2022] * 7)
    result = compute_growth(years, last_full_year=2021)
    assert result.cagr == pytest.approx(4 ** (1 / 3) - 1)
    table = result.table.set_index("year")
    assert table.loc[2019, "papers"] == 0 and table.loc[2019, "yoy_growth"] == -1.0
    assert math.isnan(table.loc[2020, "yoy_growth"])
    assert table.loc[2021, "yoy_growth"] == pytest.approx(1.0)
    assert not table.loc[2022, "full_year"]


def test_growth_matches_raw_years(raw, sample_ws):
    from analyst_app.services.indicators import run_growth
    years = Counter(int(r["PY"][0]) for r in raw if "PY" in r)
    table = run_growth(sample_ws).result.table.set_index("year")
    for year, count in years.items():
        assert table.loc[year, "papers"] >= count  # records without PY may take EA's year
    assert table["papers"].sum() == len(raw)


def test_bad_entity_is_an_input_error(sample_ws):
    from analyst_app.errors import InputError
    from analyst_app.services.corpus import CorpusFilter
    from analyst_app.services.indicators import run_entity_indicators
    with pytest.raises(InputError, match="entity"):
        run_entity_indicators(sample_ws, "surnames")
    with pytest.raises(InputError, match="no publications"):
        run_entity_indicators(sample_ws, "authors", CorpusFilter(years=(1900, 1901)))
