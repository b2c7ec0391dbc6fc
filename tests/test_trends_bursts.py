"""Kleinberg bursts: series worked out by hand, a brute-force automaton, and keyword folding."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pandas as pd
import pytest

from analysis.bursts import OCCURRENCE_COLUMNS, BurstParams, burst_bars, compute_bursts, \
    keyword_occurrences, records_for_term


def _series(documents: dict[int, int], hits: dict[str, dict[int, int]]) -> tuple[pd.DataFrame, pd.Series]:
    """Occurrence frame where term k is in hits[k][year] distinct documents of that year."""
    rows, next_id = [], 0
    for term, per_year in hits.items():
        for year, count in per_year.items():
            for _ in range(count):
                rows.append((next_id, year, term.casefold(), term))
                next_id += 1
    return pd.DataFrame(rows, columns=list(OCCURRENCE_COLUMNS)), pd.Series(documents)


def test_burst_worked_by_hand():
    # 10 years of 100 documents; the term is in 1 document a year, 20 in years 5-7.
    # Σr = 7 + 60 = 67, Σd = 1000: p0 = 0.067, p1 = 2·p0 = 0.134.
    # Per year, cost0 − cost1 = r·ln(p1/p0) + (d − r)·ln((1 − p1)/(1 − p0)):
    #   r = 20: 20·ln 2 + 80·ln(0.866/0.933) = 13.863 − 5.961 = +7.902 (burst state cheaper)
    #   r = 1:  ln 2 + 99·ln(0.866/0.933) = 0.693 − 7.377 = −6.684 (base state cheaper)
    # Entering the burst costs γ·ln 10 = 2.303 < 3 × 7.902, and staying in it through a quiet
    # year costs 6.684 more than leaving: the burst is exactly years 5-7, strength 3 × 7.902.
    years = range(2001, 2011)
    occurrences, documents = _series({y: 100 for y in years},
                                     {"Deep learning": {y: 20 if 2005 <= y <= 2007 else 1
                                                        for y in years}})
    result = compute_bursts(occurrences, BurstParams(), documents)
    assert len(result.bursts) == 1
    burst = result.bursts.iloc[0]
    assert (burst["term"], burst["begin"], burst["end"]) == ("Deep learning", 2005, 2007)
    expected = 3 * (20 * math.log(2) + 80 * math.log(0.866 / 0.933))
    assert burst["strength"] == pytest.approx(expected, rel=1e-9)
    assert burst["occurrences"] == 67 and burst["first_year"] == 2001
    assert list(result.years) == list(years)


def test_single_year_spike_is_not_worth_the_entry_cost_with_high_gamma():
    # One year with r = 3 of 100 (others 1 of 100): Σr = 12, p0 = 0.012, p1 = 0.024.
    # Gain of that year: 3·ln 2 + 97·ln(0.976/0.988) = 2.079 − 1.185 = 0.894.
    # γ = 1: entry costs ln 10 = 2.303 > 0.894 → no burst. γ = 0.1: 0.230 < 0.894 → burst.
    years = range(2001, 2011)
    occurrences, documents = _series({y: 100 for y in years},
                                     {"x": {y: 3 if y == 2004 else 1 for y in years}})
    assert compute_bursts(occurrences, BurstParams(gamma=1.0), documents).bursts.empty
    low = compute_bursts(occurrences, BurstParams(gamma=0.1), documents).bursts
    assert list(low[["begin", "end"]].itertuples(index=False, name=None)) == [(2004, 2004)]


def test_year_without_documents_inside_the_range():
    # 2004 has no documents at all: d = r = 0 costs nothing in either state, so the burst
    # 2003-2005 runs through it without a division by zero. Other years: 100 documents,
    # term in 1, except 30 in 2003 and 2005. Years and counts are given, not inferred.
    documents = {2001: 100, 2002: 100, 2003: 100, 2005: 100, 2006: 100, 2007: 100}
    hits = {2001: 1, 2002: 1, 2003: 30, 2005: 30, 2006: 1, 2007: 1}
    occurrences, docs = _series(documents, {"t": hits})
    result = compute_bursts(occurrences, BurstParams(), docs)
    assert list(result.years) == list(range(2001, 2008))
    assert result.documents[3] == 0
    row = result.bursts.iloc[0]
    assert (row["begin"], row["end"]) == (2003, 2005)
    assert np.isfinite(result.bursts["strength"]).all()


def _brute_force_states(r: list[int], d: list[int], s: float, gamma: float) -> tuple[int, ...]:
    """Cheapest state sequence by enumerating all 2^n sequences (full binomial costs)."""
    n = len(r)
    p0 = sum(r) / sum(d)
    p = (p0, min(s * p0, 1 - 1e-9))

    def cost(state: int, t: int) -> float:
        log_binomial = math.log(math.comb(d[t], r[t]))
        miss = d[t] - r[t]
        return -(log_binomial + (r[t] * math.log(p[state]) if r[t] else 0.0)
                 + (miss * math.log(1 - p[state]) if miss else 0.0))

    best, best_cost = None, math.inf
    for states in itertools.product((0, 1), repeat=n):
        total, previous = 0.0, 0
        for t, state in enumerate(states):
            total += cost(state, t) + (gamma * math.log(n) if state > previous else 0.0)
            previous = state
        if total < best_cost - 1e-9:
            best, best_cost = states, total
    return best


@pytest.mark.parametrize("seed", range(12))
def test_viterbi_matches_brute_force_on_random_series(seed):
    rnd = random.Random(seed)
    n = 8
    d = [rnd.randint(20, 60) for _ in range(n)]
    base = rnd.uniform(0.03, 0.15)
    burst_years = set(range(rnd.randint(0, 5), rnd.randint(5, 8)))
    r = [min(d[t], int(rnd.gauss(d[t] * base * (2.5 if t in burst_years else 1.0), 1.5)) or 1)
         for t in range(n)]
    r = [max(1, x) for x in r]
    occurrences, documents = _series(dict(zip(range(2001, 2001 + n), d)),
                                     {"t": dict(zip(range(2001, 2001 + n), r))})
    gamma = rnd.choice([0.5, 1.0])
    result = compute_bursts(occurrences, BurstParams(s=2.0, gamma=gamma, min_occurrences=1),
                            documents)
    expected = _brute_force_states(r, d, 2.0, gamma)
    got = [0] * n
    for row in result.bursts.itertuples():
        for year in range(row.begin, row.end + 1):
            got[year - 2001] = 1
    assert tuple(got) == expected


def test_many_terms_at_once_match_one_at_a_time():
    # Vectorised over terms: each term's bursts must not depend on the other terms.
    years = range(2001, 2011)
    hits = {"a": {y: 20 if y in (2005, 2006, 2007) else 1 for y in years},
            "b": {y: 15 if y >= 2009 else 2 for y in years},
            "c": {y: 3 for y in years}}
    occurrences, documents = _series({y: 100 for y in years}, hits)
    together = compute_bursts(occurrences, BurstParams(), documents).bursts
    for term in hits:
        alone = compute_bursts(occurrences[occurrences["key"] == term], BurstParams(),
                               documents).bursts
        mine = together[together["key"] == term].reset_index(drop=True)
        assert mine.values.tolist() == alone.values.tolist()
    # "b": 15 of 100 in 2009-2010 against 2 before → a burst running to the last year.
    assert together.loc[together["key"] == "b", ["begin", "end"]].values.tolist() == [[2009, 2010]]
    assert together[together["key"] == "c"].empty  # flat: never bursts
    # Sorted by begin year.
    assert together["begin"].is_monotonic_increasing


def test_min_occurrences_and_parameter_checks():
    occurrences, documents = _series({2001: 10, 2002: 10}, {"rare": {2002: 1}, "common": {2001: 1, 2002: 3}})
    result = compute_bursts(occurrences, BurstParams(min_occurrences=2), documents)
    assert result.terms_tested == 1  # "rare" (1 document) is not tested
    for bad in (BurstParams(s=1.0), BurstParams(gamma=-1), BurstParams(min_occurrences=0),
                BurstParams(years=(2005, 2001))):
        with pytest.raises(ValueError):
            compute_bursts(occurrences, bad, documents)


def test_keywords_fold_case_and_count_once_per_publication():
    publications = pd.DataFrame({
        "publication_id": [1, 2, 3],
        "year": [2020, 2021, 2021],
        "keywords_author": [["Machine Learning", "CO2"], ["machine  learning"], []],
        "keywords_plus": [["MACHINE LEARNING"], ["Adsorption"], ["Machine Learning"]],
    })
    occurrences = keyword_occurrences(publications, ("keywords_author", "keywords_plus"))
    ml = occurrences[occurrences["key"] == "machine learning"]
    # Publication 1 has it in both lists and two cases: one occurrence. Three publications.
    assert sorted(ml["publication_id"]) == [1, 2, 3]
    assert set(ml["term"]) == {"Machine Learning"}  # the most frequent spelling (2 of 4)
    assert records_for_term(occurrences, "machine learning", 2021, 2021) == [2, 3]
    author_only = keyword_occurrences(publications, ("keywords_author",))
    assert sorted(author_only.loc[author_only["key"] == "machine learning", "publication_id"]) == [1, 2]


def test_burst_bars_mark_burst_years():
    years = range(2001, 2011)
    occurrences, documents = _series({y: 100 for y in years},
                                     {"t": {y: 20 if 2005 <= y <= 2007 else 1 for y in years if y >= 2003}})
    result = compute_bursts(occurrences, BurstParams(), documents)
    bars = burst_bars(result)
    assert len(bars) == 10
    assert bars.loc[bars["in_burst"], "year"].tolist() == [2005, 2006, 2007]
    assert bars.loc[~bars["active"], "year"].tolist() == [2001, 2002]  # before the first use
    assert result.records("t", 2005, 2005) == sorted(
        occurrences.loc[occurrences["year"] == 2005, "publication_id"].tolist())


def test_records_of_every_burst_at_once_equal_one_at_a_time():
    from analysis.bursts import BurstParams, compute_bursts, records_for_bursts
    rng = np.random.default_rng(5)
    rows = [(pid, int(year), term, term) for pid, (year, term) in enumerate(zip(
        rng.integers(2010, 2020, 3000), rng.choice(["a", "b", "c", "d"], 3000,
                                                    p=[0.4, 0.3, 0.2, 0.1])))]
    occ = pd.DataFrame(rows, columns=["publication_id", "year", "key", "term"])
    # A burst for "d": many papers in 2016-2017.
    extra = pd.DataFrame([(5000 + i, 2016 + i % 2, "d", "d") for i in range(300)],
                         columns=occ.columns)
    occ = pd.concat([occ, extra], ignore_index=True)
    result = compute_bursts(occ, BurstParams())
    assert not result.bursts.empty
    together = records_for_bursts(occ, result.bursts)
    one_by_one = [result.records(k, b, e) for k, b, e in
                  zip(result.bursts["key"], result.bursts["begin"], result.bursts["end"])]
    assert together == one_by_one == result.burst_records()
