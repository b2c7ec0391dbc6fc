"""Entry forecast: crossings solved by hand on synthetic series, and plain refusals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.esi_forecast import (ForecastParams, compute_esi_forecast, forecast_crossing,
                                   month_label, release_time)

JUL, SEP, NOV, JAN = 2025.5, 2025 + 8 / 12, 2025 + 10 / 12, 2026.0


def test_release_time_and_month_label_round_trip():
    assert release_time("2025-11") == pytest.approx(NOV)
    assert month_label(NOV) == "2025-11"
    assert month_label(2025.99999999, "ceil") == "2026-01"  # float noise stays in its month
    assert month_label(2026 + 1.5 / 12, "floor") == "2026-02"
    assert month_label(2026 + 1.5 / 12, "ceil") == "2026-03"


def test_exact_linear_gap_crosses_where_solved_by_hand():
    # Gap cites − threshold: −100, −60, −20 at Jul, Sep, Nov: +40 per two months, so it is
    # zero one month after November: 2025-12. A perfect fit leaves no uncertainty.
    forecast = forecast_crossing(np.array([JUL, SEP, NOV]), np.array([900, 950, 1000]),
                                 np.array([1000, 1010, 1020]))
    assert forecast.possible and forecast.model == "linear"
    assert (forecast.estimate, forecast.earliest, forecast.latest) == ("2025-12",) * 3
    assert forecast.r_squared == pytest.approx(1.0)
    assert "2025-12" in forecast.reason_zh and "80%" in forecast.reason_en


def test_exponential_growth_is_fitted_log_linearly():
    # cites 800·1.1^k, threshold 1000·1.02^k (k = release number, two months apart):
    # 1.25 = (1.1/1.02)^k → k = ln 1.25 / ln(1.1/1.02) = 2.9552 → 5.91 months after July
    # = 2025.9925 → nearest month 2026-01.
    k = np.arange(3)
    forecast = forecast_crossing(np.array([JUL, SEP, NOV]), 800 * 1.1**k, 1000 * 1.02**k)
    assert math.log(1.25) / math.log(1.1 / 1.02) == pytest.approx(2.9552, abs=1e-4)
    assert forecast.possible and forecast.model == "log"
    assert forecast.estimate == "2026-01"
    assert forecast.earliest <= "2026-01" <= forecast.latest


def test_noisy_series_gives_an_interval_around_the_hand_solved_crossing():
    times = np.array([2025 + 4 / 12, JUL, SEP, NOV])
    cites = np.array([850, 903, 948, 1001])
    threshold = np.array([990, 1000, 1010, 1020])
    # Least squares of the gap on time, worked by hand: gaps −140, −97, −62, −19;
    # mean time 2025.5833, mean gap −79.5; slope = Σ(Δt·Δg)/Σ(Δt²) = 238.8/yr;
    # zero at 2025.5833 + 79.5/238.8 = 2025.9162 → 2025-12.
    dt = times - times.mean()
    slope = (dt * (cites - threshold - (cites - threshold).mean())).sum() / (dt**2).sum()
    assert slope == pytest.approx(238.8, abs=0.1)
    forecast = forecast_crossing(times, cites, threshold, ForecastParams(model="linear"))
    assert forecast.possible and forecast.estimate == "2025-12"
    assert forecast.earliest <= "2025-12" <= forecast.latest
    assert forecast.earliest >= "2025-11"  # never before the last release, which is below
    wide = forecast_crossing(times, cites, threshold, ForecastParams(confidence=0.99,
                                                                     model="linear"))
    assert wide.latest >= forecast.latest  # more confidence, a wider interval


@pytest.mark.parametrize("times, cites, threshold, words", [
    ([SEP, NOV], [950, 1000], [1010, 1020], "only 2 release"),
    ([JUL, SEP, NOV], [900, 905, 908], [1000, 1010, 1020], "not closing"),
    ([JUL, SEP, NOV], [900, 1015, 960], [1000, 1010, 1020], "not significant"),
    ([JUL, SEP, NOV], [900, 1015, 1030], [1000, 1010, 1020], "already reach"),
    ([JUL, SEP, NOV], [100, 102, 104], [1000, 1000, 1000], "too far"),
])
def test_no_date_is_invented_when_the_data_do_not_allow_it(times, cites, threshold, words):
    forecast = forecast_crossing(np.array(times), np.array(cites, float), np.array(threshold, float))
    assert not forecast.possible
    assert forecast.earliest is None and forecast.latest is None and forecast.estimate is None
    assert words in forecast.reason_en and forecast.reason_zh


def _history(field: str, statuses: list[str], cites: list[float | None],
             thr_1pct: list[int], thr_1permille: list[int]) -> pd.DataFrame:
    return pd.DataFrame({
        "field": field, "field_zh": field, "release": ["2025-07", "2025-09", "2025-11"],
        "status": statuses, "cites": pd.array(cites, dtype="Int64"),
        "threshold_1pct": thr_1pct, "threshold_1permille": thr_1permille,
        "threshold_1per10k": [10**6] * 3})


def test_field_forecasts_target_the_next_level_and_refuse_unlisted_fields():
    history = pd.concat([
        # Listed in the top 1%: the target is the 1‰ threshold; gap −100, −60, −20 → 2025-12.
        _history("CHEMISTRY", ["top_1pct"] * 3, [900, 950, 1000], [50] * 3, [1000, 1010, 1020]),
        # Dropped out in the last release: ESI prints no cites, so no forecast.
        _history("PHYSICS", ["top_1pct", "top_1pct", "not_listed"], [510, 505, None],
                 [500, 505, 510], [5000] * 3),
        _history("MATHEMATICS", ["not_listed"] * 3, [None] * 3, [500] * 3, [5000] * 3),
    ])
    table = compute_esi_forecast(history).set_index("field")
    assert table.loc["CHEMISTRY", "target_level"] == "1‰"
    assert table.loc["CHEMISTRY", "possible"]
    assert table.loc["CHEMISTRY", "earliest"] == table.loc["CHEMISTRY", "latest"] == "2025-12"
    for field in ("PHYSICS", "MATHEMATICS"):
        assert table.loc[field, "target_level"] == "1%"
        assert not table.loc[field, "possible"] and pd.isna(table.loc[field, "earliest"])
        assert "not in the field's latest list" in table.loc[field, "reason_en"]
