"""Colours and plotly figures of research hotspots (science maps, bursts, thematic map); no Qt here."""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analyst_app.charts import FONT_FAMILY

#: Cluster colours in cluster order (cluster 1 first), as distinct as 20 colours get; cluster
#: numbers beyond the list cycle. VOSviewer's order starts red, green, blue as well.
CLUSTER_COLOURS = (
    "#d62728", "#2ca02c", "#1f77b4", "#e6b800", "#9467bd", "#17becf", "#ff7f0e", "#e377c2",
    "#8c564b", "#7f7f7f", "#aec7e8", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
    "#bcbd22", "#9edae5", "#393b79", "#637939",
)
#: Viridis stops (VOSviewer's overlay scale): dark blue (old) → yellow (recent).
SCALE_STOPS = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
#: Burst bar colours, as CiteSpace draws them.
BURST_RED = "#d62728"
ACTIVE_BLUE = "#7fa6c9"
INACTIVE_GREY = "#d5dbdb"

#: Quadrants of :func:`analysis.trends.compute_thematic_map` in drawing order.
QUADRANTS = ("motor", "niche", "emerging_or_declining", "basic")

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "thematic_title": "主题地图（中心度 × 密度）", "centrality": "中心度（Callon）",
        "density": "密度（Callon）", "motor": "驱动主题", "niche": "小众主题",
        "emerging_or_declining": "新兴或衰退主题", "basic": "基础主题",
        "bursts_title": "突现词（Kleinberg 突现检测）", "year": "年份", "term": "术语",
        "growth_title": "交叉领域发文增长", "papers": "论文数",
        "papers_a": "集合 A", "papers_b": "集合 B", "papers_both": "交叉（A ∩ B）",
    },
    "en": {
        "thematic_title": "Thematic map (centrality × density)",
        "centrality": "Centrality (Callon)", "density": "Density (Callon)",
        "motor": "Motor themes", "niche": "Niche themes",
        "emerging_or_declining": "Emerging or declining themes", "basic": "Basic themes",
        "bursts_title": "Bursting terms (Kleinberg burst detection)", "year": "Year",
        "term": "Term", "growth_title": "Growth of the intersection", "papers": "Publications",
        "papers_a": "Set A", "papers_b": "Set B", "papers_both": "Intersection (A ∩ B)",
    },
}


def _labels(language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
    return {**LABELS.get(language, LABELS["en"]), **(overrides or {})}


def cluster_colour(cluster: int) -> str:
    """Return the colour of cluster ``cluster`` (numbered from 1) as ``#rrggbb``."""
    return CLUSTER_COLOURS[(int(cluster) - 1) % len(CLUSTER_COLOURS)]


def scale_colour(fraction: float) -> str:
    """Return the viridis colour at ``fraction`` in [0, 1] (clipped; NaN gives grey)."""
    if fraction is None or not np.isfinite(fraction):
        return "#bdc3c7"
    position = min(max(float(fraction), 0.0), 1.0) * (len(SCALE_STOPS) - 1)
    low = int(np.floor(position))
    high = min(low + 1, len(SCALE_STOPS) - 1)
    t = position - low
    a, b = (np.array([int(s[i:i + 2], 16) for i in (1, 3, 5)]) for s in
            (SCALE_STOPS[low], SCALE_STOPS[high]))
    red, green, blue = np.round(a + (b - a) * t).astype(int)
    return f"#{red:02x}{green:02x}{blue:02x}"


def year_range(values: pd.Series | np.ndarray) -> tuple[float, float]:
    """Return the colour-scale range of average years: 5th to 95th percentile.

    Percentiles, not min and max, as VOSviewer's overlay does: one node of an old
    review would otherwise wash every other node into the same colour.
    """
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return 0.0, 1.0
    low, high = np.percentile(finite, [5, 95])
    if high - low < 1e-9:
        return float(low) - 0.5, float(high) + 0.5
    return float(low), float(high)


def figure_thematic_map(table: pd.DataFrame, *, language: str = "zh",
                        labels: Mapping[str, str] | None = None) -> go.Figure:
    """Return the thematic map: one bubble per cluster, quadrants split at the medians.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`analysis.trends.compute_thematic_map`'s table (``cluster, label, frequency,
        centrality, density, quadrant``).
    language : {'zh', 'en'}
        Language of the chart text; ``labels`` overrides single texts.
    """
    text = _labels(language, labels)
    fig = go.Figure()
    if not table.empty:
        size = np.sqrt(table["frequency"].astype(float).clip(lower=1))
        size = 14 + 36 * size / size.max()
        fig.add_trace(go.Scatter(
            x=table["centrality"], y=table["density"], mode="markers+text",
            text=[f"{int(c)}: {str(label)[:40]}" for c, label in zip(table["cluster"],
                                                                      table["label"])],
            textposition="top center", customdata=table[["cluster", "frequency"]],
            marker={"size": size, "color": [cluster_colour(c) for c in table["cluster"]],
                    "opacity": 0.75, "line": {"width": 1, "color": "#ffffff"}},
            hovertemplate="%{text}<br>" + text["centrality"] + ": %{x:.1f}<br>"
                          + text["density"] + ": %{y:.2f}<extra></extra>"))
        _quadrant_lines(fig, table, text)
    fig.update_layout(title=text["thematic_title"], xaxis_title=text["centrality"],
                      yaxis_title=text["density"], showlegend=False,
                      font={"family": FONT_FAMILY}, template="plotly_white",
                      margin={"l": 60, "r": 20, "t": 60, "b": 50})
    return fig


def _quadrant_lines(fig: go.Figure, table: pd.DataFrame, text: Mapping[str, str]) -> None:
    x0, y0 = float(table["centrality"].median()), float(table["density"].median())
    fig.add_vline(x=x0, line={"dash": "dot", "color": "#95a5a6"})
    fig.add_hline(y=y0, line={"dash": "dot", "color": "#95a5a6"})
    corners = {"motor": (1, 1, "right", "top"), "niche": (0, 1, "left", "top"),
               "emerging_or_declining": (0, 0, "left", "bottom"),
               "basic": (1, 0, "right", "bottom")}
    for quadrant, (x, y, xanchor, yanchor) in corners.items():
        fig.add_annotation(xref="paper", yref="paper", x=x, y=y, text=f"<b>{text[quadrant]}</b>",
                           showarrow=False, xanchor=xanchor, yanchor=yanchor,
                           font={"color": "#7f8c8d", "size": 13})


def figure_burst_bars(bars: pd.DataFrame, bursts: pd.DataFrame, *, language: str = "zh",
                      labels: Mapping[str, str] | None = None) -> go.Figure:
    """Return CiteSpace-style burst bars: one row per burst, one cell per year.

    Parameters
    ----------
    bars : pandas.DataFrame
        :meth:`analysis.bursts.BurstResult.bars` (``key, term, begin, end, year, active,
        in_burst``).
    bursts : pandas.DataFrame
        The burst table, for row order and the strength shown beside each term.
    """
    text = _labels(language, labels)
    rows = [f"{term} ({strength:.2f})" for term, strength in
            zip(bursts["term"], bursts["strength"])]
    order = {(k, b): i for i, (k, b) in enumerate(zip(bursts["key"], bursts["begin"]))}
    cells = bars.assign(row=[order.get((k, b), -1) for k, b in zip(bars["key"], bars["begin"])])
    cells = cells[cells["row"] >= 0]
    state = np.where(cells["in_burst"], 2, np.where(cells["active"], 1, 0))
    fig = go.Figure(go.Heatmap(
        x=cells["year"], y=[rows[r] for r in cells["row"]], z=state, zmin=0, zmax=2,
        showscale=False, xgap=1, ygap=3,
        colorscale=[[0, INACTIVE_GREY], [0.5, ACTIVE_BLUE], [1, BURST_RED]],
        hovertemplate="%{y}<br>%{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=rows)
    fig.update_layout(title=text["bursts_title"], xaxis_title=text["year"],
                      font={"family": FONT_FAMILY}, template="plotly_white",
                      height=max(320, 80 + 22 * len(rows)),
                      margin={"l": 20, "r": 20, "t": 60, "b": 50})
    return fig


def figure_intersection_growth(growth: pd.DataFrame, *, language: str = "zh",
                               labels: Mapping[str, str] | None = None) -> go.Figure:
    """Return publications per year of sets A, B and their intersection (log-free lines).

    Parameters
    ----------
    growth : pandas.DataFrame
        :func:`analysis.cross_discipline.compute_intersection_growth`'s table.
    """
    text = _labels(language, labels)
    fig = go.Figure()
    styles: dict[str, dict[str, Any]] = {
        "papers_a": {"color": "#1f77b4", "dash": "dot"},
        "papers_b": {"color": "#2ca02c", "dash": "dot"},
        "papers_both": {"color": BURST_RED, "width": 3}}
    for column, line in styles.items():
        if column in growth:
            fig.add_trace(go.Scatter(x=growth["year"], y=growth[column], name=text[column],
                                     mode="lines+markers", line=line))
    fig.update_layout(title=text["growth_title"], xaxis_title=text["year"],
                      yaxis_title=text["papers"], font={"family": FONT_FAMILY},
                      template="plotly_white", legend={"orientation": "h", "y": -0.2})
    return fig


__all__ = ["CLUSTER_COLOURS", "SCALE_STOPS", "BURST_RED", "ACTIVE_BLUE", "INACTIVE_GREY",
           "LABELS", "cluster_colour", "scale_colour", "year_range", "figure_thematic_map",
           "figure_burst_bars", "figure_intersection_growth"]
