"""Kleinberg burst detection (batched, two-state automaton), vectorised over all terms at once.

Formulation (Kleinberg 2002, "Bursty and hierarchical structure in streams", section 4, the
enumerated/batched case, as CiteSpace applies it to keywords and cited references): for year
t of the n years analysed, d_t documents appeared and r_t of them carry the term. The base
state emits the term with p0 = Σr / Σd, the burst state with p1 = s·p0 (capped below 1). The
cost of state i in year t is −ln[C(d_t, r_t) p_i^r_t (1 − p_i)^(d_t − r_t)]; entering the
burst state costs γ·ln n, leaving it costs nothing; the automaton starts in the base state.
The cheapest state sequence (Viterbi) gives the bursts: maximal runs of burst years.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.special import xlog1py, xlogy

#: Columns of :attr:`BurstResult.bursts`, in order.
BURST_COLUMNS = ("term", "begin", "end", "strength", "occurrences", "first_year", "key")

#: Columns of the occurrence frame :func:`compute_bursts` reads.
OCCURRENCE_COLUMNS = ("publication_id", "year", "key", "term")

# p1 is capped here when s·p0 would reach 1: the burst state must stay a proper Bernoulli.
_P1_CAP = 1.0 - 1e-9


@dataclass(frozen=True)
class BurstParams:
    """Parameters of :func:`compute_bursts`.

    Attributes
    ----------
    s : float
        Ratio of the burst rate to the base rate (p1 = s·p0), > 1. CiteSpace default 2.
    gamma : float
        Cost of entering the burst state, in units of ln n (n = years analysed), ≥ 0.
        Larger values give fewer, longer bursts. CiteSpace default 1.
    min_occurrences : int
        Terms carried by fewer documents in the years analysed are not tested.
    years : (int, int) or None
        First and last year analysed, inclusive; ``None`` spans the years of the documents.
    """

    s: float = 2.0
    gamma: float = 1.0
    min_occurrences: int = 2
    years: tuple[int, int] | None = None

    def validate(self) -> None:
        """Raise ``ValueError`` naming the first parameter out of range."""
        if not self.s > 1:
            raise ValueError(f"s must be greater than 1, got {self.s!r}")
        if not self.gamma >= 0:
            raise ValueError(f"gamma must be at least 0, got {self.gamma!r}")
        if self.min_occurrences < 1:
            raise ValueError(f"min_occurrences must be at least 1, got {self.min_occurrences!r}")
        if self.years and self.years[0] > self.years[1]:
            raise ValueError(f"years must run forwards, got {self.years[0]}-{self.years[1]}")


@dataclass
class BurstResult:
    """Result of :func:`compute_bursts`.

    Attributes
    ----------
    params : BurstParams
        The parameters used.
    years : numpy.ndarray
        Every year analysed, consecutive, including years without documents.
    documents : numpy.ndarray
        d_t: documents per year of ``years``.
    bursts : pandas.DataFrame
        One row per burst (a term may burst more than once), sorted by ``begin`` then
        ``strength`` descending. Columns: ``term`` (display label), ``begin`` and ``end``
        (first and last burst year, inclusive), ``strength`` (Kleinberg's burst weight, see
        :func:`compute_bursts`), ``occurrences`` (documents carrying the term in all years
        analysed), ``first_year`` (first year the term occurs), ``key`` (the folded term the
        analysis grouped by).
    terms_tested : int
        Terms with at least ``min_occurrences`` documents.
    occurrences : pandas.DataFrame
        The occurrence frame analysed (``publication_id, year, key, term``), for drill-down.
    """

    params: BurstParams
    years: np.ndarray
    documents: np.ndarray
    bursts: pd.DataFrame
    terms_tested: int
    occurrences: pd.DataFrame

    def records(self, key: str, begin: int | None = None, end: int | None = None) -> list[int]:
        """Return the ids of the publications carrying ``key`` (in ``begin``–``end`` if given)."""
        return records_for_term(self.occurrences, key, begin, end)

    def bars(self) -> pd.DataFrame:
        """Return CiteSpace-style burst bars, see :func:`burst_bars`."""
        return burst_bars(self)

    def burst_records(self) -> list[list[int]]:
        """Return, per row of :attr:`bursts`, the ids of its publications within the burst."""
        return records_for_bursts(self.occurrences, self.bursts)


def fold_term(text: pd.Series) -> pd.Series:
    """Return case- and space-folded keys of terms (``"Machine  Learning"`` → ``"machine learning"``)."""
    return text.str.casefold().str.split().str.join(" ")


def keyword_occurrences(publications: pd.DataFrame,
                        columns: Sequence[str] = ("keywords_author",)) -> pd.DataFrame:
    """Return one row per publication and keyword, keywords folded case-insensitively.

    Parameters
    ----------
    publications : pandas.DataFrame
        At least ``publication_id``, ``year`` and the list-valued keyword ``columns``.
    columns : sequence of str
        ``keywords_author``, ``keywords_plus`` or both: a keyword in both lists of a
        publication counts once.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OCCURRENCE_COLUMNS`: ``key`` the folded keyword, ``term`` its most
        frequent spelling in the corpus (the display label). Publications without a year are
        left out.
    """
    parts = [publications[["publication_id", "year", column]].explode(column)
             .rename(columns={column: "term"}) for column in columns]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["publication_id", "year", "term"])
    frame = frame.dropna(subset=["term", "year"])
    frame["term"] = frame["term"].astype(str).str.strip()
    frame = frame[frame["term"] != ""]
    return term_occurrences(frame["publication_id"], frame["year"], frame["term"])


def term_occurrences(publication_ids: pd.Series, years: pd.Series, terms: pd.Series,
                     keys: pd.Series | None = None) -> pd.DataFrame:
    """Build the occurrence frame from parallel columns, one row per publication and key.

    Parameters
    ----------
    publication_ids, years, terms : pandas.Series
        Aligned: publication ``i`` of year ``years[i]`` carries ``terms[i]``.
    keys : pandas.Series, optional
        Grouping keys (for cited references: ``ref_key``); default :func:`fold_term` of terms.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OCCURRENCE_COLUMNS`; ``term`` is the most frequent spelling per key
        (ties: the first spelling met).
    """
    ids = publication_ids.to_numpy()
    year = pd.to_numeric(years, errors="coerce").to_numpy(dtype=float)
    # Work on distinct spellings only: a 100k corpus has ~700k keyword rows but far fewer
    # distinct strings, and folding strings is the slow part.
    spelling_codes, spellings = pd.factorize(terms.astype(str), use_na_sentinel=True)
    if keys is None:
        key_of_spelling, key_values = pd.factorize(fold_term(pd.Series(spellings, dtype=object)))
        key_codes = key_of_spelling[spelling_codes]
    else:
        key_codes, key_values = pd.factorize(keys, use_na_sentinel=True)
    keep = (key_codes >= 0) & (spelling_codes >= 0) & ~np.isnan(year)
    ids, year = ids[keep], year[keep].astype(int)
    key_codes, spelling_codes = key_codes[keep], spelling_codes[keep]
    labels = _most_frequent_spelling(key_codes, spelling_codes, len(key_values), spellings)
    frame = pd.DataFrame({"publication_id": ids, "year": year, "code": key_codes})
    frame = frame.drop_duplicates(["publication_id", "code"])
    codes = frame.pop("code").to_numpy()
    frame["key"] = np.asarray(key_values, dtype=object)[codes]
    frame["term"] = labels[codes]
    return frame[list(OCCURRENCE_COLUMNS)].reset_index(drop=True)


def _most_frequent_spelling(key_codes: np.ndarray, spelling_codes: np.ndarray, n_keys: int,
                            spellings: pd.Index) -> np.ndarray:
    """Return, per key code, the spelling used most often (ties: the first met)."""
    labels = np.empty(n_keys, dtype=object)
    if not len(key_codes):
        return labels
    pairs = pd.DataFrame({"key": key_codes, "spelling": spelling_codes})
    counts = pairs.groupby(["key", "spelling"], sort=False).size().rename("n").reset_index()
    best = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("key")
    labels[best["key"].to_numpy()] = np.asarray(spellings, dtype=object)[best["spelling"].to_numpy()]
    return labels


def records_for_term(occurrences: pd.DataFrame, key: str, begin: int | None = None,
                     end: int | None = None) -> list[int]:
    """Return the sorted publication ids carrying ``key``, optionally within ``begin``–``end``."""
    mask = occurrences["key"] == key
    if begin is not None:
        mask &= occurrences["year"] >= begin
    if end is not None:
        mask &= occurrences["year"] <= end
    return sorted(int(i) for i in occurrences.loc[mask, "publication_id"].unique())


def records_for_bursts(occurrences: pd.DataFrame, bursts: pd.DataFrame) -> list[list[int]]:
    """Return, per burst (row of ``bursts``), the sorted ids of its publications in its years.

    One join instead of a scan of ``occurrences`` per burst: a corpus has thousands of bursts.
    """
    if bursts.empty:
        return []
    spans = bursts[["key", "begin", "end"]].reset_index(drop=True).rename_axis("burst")
    joined = spans.reset_index().merge(occurrences[["key", "year", "publication_id"]], on="key")
    inside = joined[(joined["year"] >= joined["begin"]) & (joined["year"] <= joined["end"])]
    grouped = inside.groupby("burst")["publication_id"].agg(lambda ids: sorted(set(map(int, ids))))
    return [grouped.get(i, []) for i in range(len(spans))]


def compute_bursts(occurrences: pd.DataFrame, params: BurstParams = BurstParams(),
                   documents_per_year: pd.Series | None = None) -> BurstResult:
    """Detect Kleinberg bursts of every term at once.

    Parameters
    ----------
    occurrences : pandas.DataFrame
        Columns :data:`OCCURRENCE_COLUMNS`, one row per publication and term (see
        :func:`keyword_occurrences`, :func:`term_occurrences`).
    params : BurstParams
        s, γ, minimum occurrences and the years analysed.
    documents_per_year : pandas.Series, optional
        d_t indexed by year: all documents of the corpus, not only those with a term. Default:
        distinct publications of ``occurrences`` per year (an approximation that leaves out
        documents without any term; services pass the true counts).

    Returns
    -------
    BurstResult
        ``strength`` is Kleinberg's weight of a burst: the cost of the base state minus the
        cost of the burst state, summed over the burst years (transition costs excluded), i.e.
        the log-likelihood ratio Σ_t [r_t ln(p1/p0) + (d_t − r_t) ln((1 − p1)/(1 − p0))] of
        the burst rate against the base rate over the interval (natural logarithms; the
        binomial coefficients cancel). This is what CiteSpace reports as burst "Strength".

    Raises
    ------
    ValueError
        When a parameter is out of range.
    """
    params.validate()
    years, documents = _year_axis(occurrences, params, documents_per_year)
    frame = occurrences
    if params.years:
        frame = frame[frame["year"].between(*params.years)]
    counts, keys, labels = _count_matrix(frame, years, params.min_occurrences)
    states = _viterbi(counts, documents, params)
    bursts = _burst_table(counts, documents, states, years, keys, labels, params.s)
    return BurstResult(params, years, documents, bursts, len(keys), frame)


def _year_axis(occurrences: pd.DataFrame, params: BurstParams,
               documents_per_year: pd.Series | None) -> tuple[np.ndarray, np.ndarray]:
    if documents_per_year is None:
        documents_per_year = occurrences.groupby("year")["publication_id"].nunique()
    documents_per_year = documents_per_year[documents_per_year > 0]
    if params.years:
        first, last = params.years
    elif len(documents_per_year):
        first, last = int(documents_per_year.index.min()), int(documents_per_year.index.max())
    else:
        return np.array([], dtype=int), np.array([], dtype=float)
    years = np.arange(first, last + 1)
    # A year without documents inside the range stays in the axis with d_t = 0.
    documents = documents_per_year.reindex(years, fill_value=0).to_numpy(dtype=float)
    return years, documents


def _count_matrix(frame: pd.DataFrame, years: np.ndarray,
                  min_occurrences: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return r (terms × years), the keys and the labels of terms with enough documents."""
    if not len(years) or frame.empty:
        return np.zeros((0, len(years))), np.array([], dtype=object), np.array([], dtype=object)
    codes, keys = pd.factorize(frame["key"], sort=True)
    columns = frame["year"].to_numpy(dtype=int) - years[0]
    flat = np.bincount(codes * len(years) + columns, minlength=len(keys) * len(years))
    counts = flat.reshape(len(keys), len(years)).astype(float)
    labels = frame.drop_duplicates("key").set_index("key")["term"].reindex(keys).to_numpy()
    keep = counts.sum(axis=1) >= min_occurrences
    return counts[keep], np.asarray(keys, dtype=object)[keep], labels[keep]


def _rates(counts: np.ndarray, documents: np.ndarray, s: float) -> tuple[np.ndarray, np.ndarray]:
    total = documents.sum()
    p0 = counts.sum(axis=1) / total if total > 0 else np.zeros(len(counts))
    return p0, np.minimum(s * p0, _P1_CAP)


def _state_costs(counts: np.ndarray, documents: np.ndarray,
                 p: np.ndarray) -> np.ndarray:
    # −ln of the binomial likelihood without C(d, r), which is the same in both states.
    # xlogy/xlog1py give 0·ln 0 = 0, so years with d_t = 0 (or r_t = d_t) cost nothing.
    misses = documents[None, :] - counts
    return -(xlogy(counts, p[:, None]) + xlog1py(misses, -p[:, None]))


def _viterbi(counts: np.ndarray, documents: np.ndarray, params: BurstParams) -> np.ndarray:
    """Return the cheapest state sequence (terms × years, 1 = burst), all terms at once."""
    n_terms, n_years = counts.shape
    if n_terms == 0 or n_years == 0:
        return np.zeros((n_terms, n_years), dtype=bool)
    p0, p1 = _rates(counts, documents, params.s)
    cost0, cost1 = _state_costs(counts, documents, p0), _state_costs(counts, documents, p1)
    up = params.gamma * np.log(n_years) if n_years > 1 else 0.0
    # The automaton starts in the base state: being in the burst state in year 1 costs `up`.
    best0, best1 = cost0[:, 0].copy(), up + cost1[:, 0]
    from1_to0 = np.zeros((n_terms, n_years), dtype=bool)  # back-pointers: came from state 1
    from1_to1 = np.zeros((n_terms, n_years), dtype=bool)
    for t in range(1, n_years):
        # Ties keep the base state (no burst without evidence) and stay in a running burst.
        from1_to0[:, t] = best1 < best0
        from1_to1[:, t] = best1 <= best0 + up
        best0, best1 = (np.minimum(best0, best1) + cost0[:, t],
                        np.minimum(best0 + up, best1) + cost1[:, t])
    states = np.zeros((n_terms, n_years), dtype=bool)
    state = best1 < best0
    for t in range(n_years - 1, -1, -1):
        states[:, t] = state
        state = np.where(state, from1_to1[:, t], from1_to0[:, t])
    return states


def _burst_table(counts: np.ndarray, documents: np.ndarray, states: np.ndarray,
                 years: np.ndarray, keys: np.ndarray, labels: np.ndarray,
                 s: float) -> pd.DataFrame:
    if not states.any():
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            BURST_COLUMNS, (object, int, int, float, int, int, object))})
    p0, p1 = _rates(counts, documents, s)
    gain = (_state_costs(counts, documents, p0) - _state_costs(counts, documents, p1))
    # Runs of burst years: +1 where a run starts, -1 after it ends.
    padded = np.pad(states.astype(np.int8), ((0, 0), (1, 1)))
    edges = np.diff(padded, axis=1)
    term_start, begin = np.nonzero(edges == 1)
    term_end, stop = np.nonzero(edges == -1)  # stop: one past the last burst year
    assert (term_start == term_end).all()  # nonzero walks row-major: runs pair up in order
    cumulative = np.pad(np.cumsum(gain, axis=1), ((0, 0), (1, 0)))
    strength = cumulative[term_start, stop] - cumulative[term_start, begin]
    present = counts > 0
    first = years[np.argmax(present, axis=1)]
    table = pd.DataFrame({
        "term": labels[term_start], "begin": years[begin], "end": years[stop - 1],
        "strength": strength, "occurrences": counts.sum(axis=1)[term_start].astype(int),
        "first_year": first[term_start], "key": keys[term_start]})
    return table.sort_values(["begin", "strength", "key"], ascending=[True, False, True],
                             kind="stable").reset_index(drop=True)


def burst_bars(result: BurstResult, keys: Iterable[str] | None = None) -> pd.DataFrame:
    """Return the data of CiteSpace-style burst bars: one row per burst and year analysed.

    Parameters
    ----------
    result : BurstResult
        Bursts to draw.
    keys : iterable of str, optional
        Only these terms (``key`` values); default every burst.

    Returns
    -------
    pandas.DataFrame
        Columns ``key, term, begin, end, year, active, in_burst``: ``active`` is true from the
        term's first year on (the thin line of the bar), ``in_burst`` within begin–end (the
        thick red segment).
    """
    bursts = result.bursts if keys is None else result.bursts[result.bursts["key"].isin(set(keys))]
    grid = bursts[["key", "term", "begin", "end", "first_year"]].merge(
        pd.DataFrame({"year": result.years}), how="cross")
    grid["active"] = grid["year"] >= grid["first_year"]
    grid["in_burst"] = grid["year"].between(grid["begin"], grid["end"])
    return grid.drop(columns="first_year").reset_index(drop=True)
