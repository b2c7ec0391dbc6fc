"""When will the institution's cites cross an ESI threshold? A fitted interval, or a plain refusal.

The gap between the institution's cites and the threshold is fitted against the release date
by least squares, either as a difference (linear: cites − threshold) or as a log ratio
(log-linear: ln(cites / threshold), i.e. both grow by a constant factor per year). The
crossing is where the fitted gap is zero; its interval is Fieller's confidence set for the
root of a regression line, {t : |ĝ(t)| ≤ q·se(ĝ(t))}, which is a bounded interval exactly
when the slope is significant at the same level. So a flat, diverging or noisy trend gives
no date instead of an invented one.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd
# scipy.special's Student t quantile: the same as scipy.stats.t.ppf without importing
# scipy.stats, which takes seconds and would slow every CLI call.
from scipy.special import stdtrit

from analysis.esi_history import LEVEL_LABEL, LEVEL_NUMBER

Model = Literal["auto", "linear", "log"]

#: Columns of :func:`compute_esi_forecast`, in order.
FORECAST_COLUMNS = (
    "field", "field_zh", "release", "status", "target_level", "releases_used", "possible",
    "earliest", "latest", "estimate", "model", "r_squared", "reason_zh", "reason_en",
)

#: Threshold column of each target level.
_THRESHOLD_COLUMN = {1: "threshold_1pct", 2: "threshold_1permille", 3: "threshold_1per10k"}


@dataclass(frozen=True)
class ForecastParams:
    """Parameters of :func:`forecast_crossing`.

    Attributes
    ----------
    confidence : float
        Confidence of the interval (0.8: an 80 % interval).
    model : {'auto', 'linear', 'log'}
        Gap model; ``auto`` picks the one with the larger R².
    min_releases : int
        Fewest releases with both values to fit (two points always fit a line exactly).
    max_horizon_years : float
        A crossing interval ending further than this after the last release is refused:
        extrapolating a few bimonthly points years ahead is guesswork.
    """

    confidence: float = 0.8
    model: Model = "auto"
    min_releases: int = 3
    max_horizon_years: float = 3.0


@dataclass
class CrossingForecast:
    """Result of :func:`forecast_crossing`.

    Attributes
    ----------
    possible : bool
        Whether the data allow a forecast.
    earliest, latest : str or None
        Bounds of the interval as ``YYYY-MM`` (earliest rounded down to the month, never
        before the last release; latest rounded up); ``None`` when not possible.
    estimate : str or None
        The month where the fitted gap is zero.
    model : str or None
        ``linear`` or ``log`` when a model was fitted.
    r_squared : float or None
        R² of the fitted gap.
    releases_used : int
        Releases with both the cites and the threshold.
    reason_zh, reason_en : str
        The forecast in words, or why there is none.
    """

    possible: bool
    earliest: str | None
    latest: str | None
    estimate: str | None
    model: str | None
    r_squared: float | None
    releases_used: int
    reason_zh: str
    reason_en: str


def release_time(label: str) -> float:
    """Return a release label as a decimal year: ``2025-11`` → 2025 + 10/12."""
    year, month = label.split("-")[:2]
    return int(year) + (int(month) - 1) / 12


def month_label(time: float, how: Literal["floor", "ceil", "nearest"] = "nearest") -> str:
    """Return the ``YYYY-MM`` month of a decimal year (inverse of :func:`release_time`)."""
    months = time * 12
    # A tiny tolerance keeps an exact month (2026.0 computed as 2025.99999999) in place.
    whole = {"floor": math.floor(months + 1e-6), "ceil": math.ceil(months - 1e-6),
             "nearest": math.floor(months + 0.5)}[how]
    return f"{whole // 12:04d}-{whole % 12 + 1:02d}"


def _refuse(n: int, zh: str, en: str, model: str | None = None,
            r2: float | None = None) -> CrossingForecast:
    return CrossingForecast(False, None, None, None, model, r2, n, zh, en)


def forecast_crossing(times: np.ndarray, cites: np.ndarray, threshold: np.ndarray,
                      params: ForecastParams = ForecastParams()) -> CrossingForecast:
    """Forecast when ``cites`` reaches ``threshold``, as an interval.

    Parameters
    ----------
    times : array of float
        Release dates as decimal years (:func:`release_time`).
    cites, threshold : array of float
        The institution's cites and the threshold at each release; NaN pairs are dropped.
    params : ForecastParams
        Confidence, model, minimum releases and horizon.

    Returns
    -------
    CrossingForecast
        ``possible`` is false, with the reason, when there are fewer than
        ``params.min_releases`` points, when the last point is already at or above the
        threshold, when the gap is not closing, when the slope is not significant at
        ``params.confidence``, or when the interval reaches past the horizon.
    """
    t, c, h = (np.asarray(a, dtype=float) for a in (times, cites, threshold))
    keep = ~(np.isnan(t) | np.isnan(c) | np.isnan(h))
    t, c, h = t[keep], c[keep], h[keep]
    order = np.argsort(t)
    t, c, h = t[order], c[order], h[order]
    n = len(t)
    if n < params.min_releases:
        return _refuse(n, f"仅有 {n} 期数据同时具备本校被引频次与阈值，少于 {params.min_releases} 期，"
                          "数据不足以预测",
                       f"only {n} release(s) have both the institution's cites and the "
                       f"threshold; at least {params.min_releases} are needed for a forecast")
    if c[-1] >= h[-1]:
        return _refuse(n, "最近一期被引频次已达到阈值，无需预测",
                       "the cites already reach the threshold in the last release")
    model, gap = _pick_model(t, c, h, params.model)
    if gap is None:
        return _refuse(n, "被引频次或阈值含零值，无法做对数线性拟合",
                       "zero cites or threshold: no log-linear fit")
    return _interval(t, gap, model, params)


def _pick_model(t: np.ndarray, c: np.ndarray, h: np.ndarray,
                wanted: Model) -> tuple[str, np.ndarray | None]:
    candidates = {"linear": c - h}
    if (c > 0).all() and (h > 0).all():
        candidates["log"] = np.log(c / h)
    if wanted != "auto":
        return wanted, candidates.get(wanted)
    # R² of each model on its own scale: both say how much of the gap's variation a
    # straight line in time explains, which is what the choice is about. Ties go linear.
    scored = {name: _fit(t, gap)[2] for name, gap in candidates.items()}
    best = max(scored, key=lambda name: (round(scored[name], 12), name == "linear"))
    return best, candidates[best]


def _fit(t: np.ndarray, gap: np.ndarray) -> tuple[float, np.ndarray, float]:
    """Return the least-squares slope, the residuals and R² of ``gap`` on ``t``."""
    t_mean, g_mean = t.mean(), gap.mean()
    slope = float(((t - t_mean) * (gap - g_mean)).sum()) / float(((t - t_mean) ** 2).sum())
    residuals = gap - (g_mean + slope * (t - t_mean))
    total = float(((gap - g_mean) ** 2).sum())
    return slope, residuals, (1 - float((residuals**2).sum()) / total) if total else 0.0


def _interval(t: np.ndarray, gap: np.ndarray, model: str,
              params: ForecastParams) -> CrossingForecast:
    n = len(t)
    t_mean, g_mean = t.mean(), gap.mean()
    sxx = float(((t - t_mean) ** 2).sum())
    slope, residuals, r2 = _fit(t, gap)
    if slope <= 0:
        return _refuse(n, "本校被引频次增长不快于阈值，差距未在缩小，数据不支持预测",
                       "the gap to the threshold is not closing (cites grow no faster than "
                       "the threshold): no crossing to forecast", model, r2)
    s2 = float((residuals**2).sum()) / (n - 2)
    q = float(stdtrit(n - 2, (1 + params.confidence) / 2))
    # Fieller: (ḡ + b·u)² ≤ q²·s²·(1/n + u²/Sxx), u = t − t̄, a quadratic A·u² + B·u + C ≤ 0.
    a = slope**2 - q**2 * s2 / sxx
    b = 2 * g_mean * slope
    cc = g_mean**2 - q**2 * s2 / n
    pct = f"{params.confidence:.0%}"
    if a <= 0:
        return _refuse(n, f"趋势在 {pct} 置信水平下不显著，数据不支持预测",
                       f"the trend is not significant at {pct}: the data do not allow a "
                       "forecast", model, r2)
    root = math.sqrt(max(b**2 - 4 * a * cc, 0.0))
    low, high = t_mean + (-b - root) / (2 * a), t_mean + (-b + root) / (2 * a)
    estimate = t_mean - g_mean / slope
    last = float(t[-1])
    if high <= last:
        return _refuse(n, "拟合结果与最近一期不符（尚未达到阈值），数据不支持预测",
                       "the fit says the crossing is past, but the last release is below the "
                       "threshold: no forecast", model, r2)
    if high - last > params.max_horizon_years:
        return _refuse(n, f"预测区间超出最近一期后 {params.max_horizon_years:g} 年，外推过远，不作预测",
                       f"the interval reaches more than {params.max_horizon_years:g} years past "
                       "the last release: too far to extrapolate", model, r2)
    # The last release is still below the threshold, so the crossing cannot be earlier.
    earliest, latest = month_label(max(low, last), "floor"), month_label(high, "ceil")
    name_zh = "线性" if model == "linear" else "对数线性"
    return CrossingForecast(
        True, earliest, latest, month_label(max(estimate, last)), model, r2, n,
        f"按近 {n} 期{name_zh}趋势，预计于 {earliest} 至 {latest} 间达到阈值（{pct} 区间）",
        f"from the {model} trend of {n} releases the threshold is reached between "
        f"{earliest} and {latest} ({pct} interval)")


def compute_esi_forecast(history: pd.DataFrame,
                         params: ForecastParams = ForecastParams()) -> pd.DataFrame:
    """Forecast, per field, when the institution reaches its next ESI level.

    Parameters
    ----------
    history : pandas.DataFrame
        :attr:`analysis.esi_history.EsiHistoryResult.table`.
    params : ForecastParams
        Forecast settings.

    Returns
    -------
    pandas.DataFrame
        One row per field (columns :data:`FORECAST_COLUMNS`): ``status`` in the field's
        latest release, ``target_level`` the next level (``1%`` when not listed, ``1‰``,
        ``1‱``; ``None`` when already in the top 1‱) and the :class:`CrossingForecast`
        fields. The institution's cites per release come from the ESI lists only: a WoS
        export counts citations as of its own date, not as of each release.
    """
    rows = []
    for field, group in history.groupby("field", sort=True):
        group = group.sort_values("release")
        last = group.iloc[-1]
        level = LEVEL_NUMBER[last["status"]] + 1
        base = dict(field=field, field_zh=last["field_zh"], release=last["release"],
                    status=last["status"], target_level=LEVEL_LABEL.get(level))
        rows.append({**base, **asdict(_field_forecast(group, level, params))})
    return pd.DataFrame(rows, columns=list(FORECAST_COLUMNS))


def _field_forecast(group: pd.DataFrame, level: int, params: ForecastParams) -> CrossingForecast:
    if level > 3:
        return _refuse(len(group), "已位于前 1‱，无更高层级",
                       "already in the top 1‱: no higher level")
    cites = pd.to_numeric(group["cites"], errors="coerce").astype(float).to_numpy()
    if np.isnan(cites[-1]):
        # ESI prints no cites of an unlisted institution, and earlier releases where it was
        # listed sit above the threshold: they say nothing about the way back in.
        return _refuse(int((~np.isnan(cites)).sum()),
                       "本校未进入最近一期该学科名单，ESI 不公布其被引频次，"
                       "缺少各期被引数据，数据不支持预测",
                       "the institution is not in the field's latest list, and ESI publishes no "
                       "cites of unlisted institutions: the data do not allow a forecast")
    times = np.array([release_time(r) for r in group["release"]])
    threshold = group[_THRESHOLD_COLUMN[level]].astype(float).to_numpy()
    return forecast_crossing(times, cites, threshold, params)
