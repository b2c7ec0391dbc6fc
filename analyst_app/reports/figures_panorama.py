"""Charts of the discipline panorama report: annual output, burst bars, thematic map, cross growth."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator, PercentFormatter

from analyst_app.reports.figures import chart_fonts, empty_figure, new_figure, save

#: CiteSpace's burst bar colours: red in the burst, blue while the term is in use, grey before.
BURST_RED = "#d62728"
ACTIVE_BLUE = "#7fa6c9"
INACTIVE_GREY = "#d5dbdb"
BAR_BLUE = "#4a7ebb"
#: Quadrant names of :func:`analysis.trends.compute_thematic_map`, and where they are drawn.
QUADRANT_ZH = {"motor": "驱动主题", "niche": "小众主题", "emerging_or_declining": "新兴或衰退主题",
               "basic": "基础主题"}
_QUADRANT_CORNERS = {"motor": (0.98, 0.97, "right", "top"), "niche": (0.02, 0.97, "left", "top"),
                     "emerging_or_declining": (0.02, 0.03, "left", "bottom"),
                     "basic": (0.98, 0.03, "right", "bottom")}


def _tidy(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)


def figure_annual_output(table: pd.DataFrame, path: Path) -> Path:
    """Draw papers per year as bars; years outside the growth window are drawn lighter.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.bibliometrics.GrowthResult.table` (``year, papers, full_year``).
    path : Path
        The PNG file to write (300 dpi).

    Returns
    -------
    Path
    """
    family = chart_fonts()
    if table.empty:
        return save(empty_figure(family, "无论文"), path)
    figure = new_figure(6.3, 2.9)
    ax = figure.add_subplot()
    full = table["full_year"].astype(bool).to_numpy()
    colours = np.where(full, BAR_BLUE, "#b7cbe6")
    ax.bar(table["year"], table["papers"], color=colours, width=0.72)
    for year, papers in zip(table["year"], table["papers"]):
        if papers:
            ax.text(year, papers, f"{int(papers):,}", ha="center", va="bottom", fontsize=6.5,
                    family=family, color="#333333")
    ax.set_ylabel("论文数（篇）", family=family, fontsize=9)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, table["papers"].max() * 1.12 + 1)
    _tidy(ax)
    figure.tight_layout()
    return save(figure, path)


def figure_burst_bars(bursts: pd.DataFrame, years: np.ndarray, path: Path, *,
                      term_header: str = "关键词") -> Path:
    """Draw CiteSpace-style burst bars with the term, strength, begin and end beside each bar.

    Parameters
    ----------
    bursts : pandas.DataFrame
        Bursts to draw in order (``term, begin, end, strength, first_year``).
    years : numpy.ndarray
        Every year analysed (:attr:`analysis.bursts.BurstResult.years`).
    path : Path
        The PNG file to write.
    term_header : str
        Header of the term column (关键词 / 被引文献).

    Returns
    -------
    Path
    """
    family = chart_fonts()
    if bursts.empty or not len(years):
        return save(empty_figure(family, "未检测到突现"), path)
    n = len(bursts)
    figure = new_figure(6.3, 0.55 + 0.2 * n)
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(n + 0.2, -1.1)  # row 0 at the top, the header above it
    columns = ((0.005, term_header, "left"), (0.45, "强度", "right"), (0.52, "开始", "right"),
               (0.59, "结束", "right"))
    for x, header, align in columns:
        ax.text(x, -0.6, header, ha=align, va="center", fontsize=7.5, family=family,
                weight="bold")
    strip_left, strip_right = 0.61, 0.995
    first, last = int(years[0]), int(years[-1])
    step = (strip_right - strip_left) / (last - first + 1)
    ax.text(strip_left, -0.6, f"{first}—{last}", ha="left", va="center", fontsize=7.5,
            family=family, weight="bold")
    for row_index, row in enumerate(bursts.itertuples(index=False)):
        term = str(row.term)
        term = term if len(term) <= 46 else term[:45] + "…"
        ax.text(0.005, row_index, term, ha="left", va="center", fontsize=7, family=family)
        for x, value in ((0.45, f"{row.strength:.2f}"), (0.52, str(int(row.begin))),
                         (0.59, str(int(row.end)))):
            ax.text(x, row_index, value, ha="right", va="center", fontsize=7, family=family)
        for offset, year in enumerate(range(first, last + 1)):
            if row.begin <= year <= row.end:
                colour, height = BURST_RED, 0.5
            elif year >= row.first_year:
                colour, height = ACTIVE_BLUE, 0.22
            else:
                colour, height = INACTIVE_GREY, 0.22
            ax.add_patch(_cell(strip_left + offset * step, row_index, step, height, colour))
    return save(figure, path)


def _cell(x: float, y: float, width: float, height: float, colour: str):
    from matplotlib.patches import Rectangle
    return Rectangle((x, y - height / 2), width * 0.96, height, color=colour, linewidth=0)


def figure_thematic_map(table: pd.DataFrame, path: Path) -> Path:
    """Draw the thematic map: clusters by centrality (x) and density (y), median lines.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`analysis.trends.compute_thematic_map` with a ``name`` column (printed label).
    path : Path
        The PNG file to write.

    Returns
    -------
    Path
    """
    family = chart_fonts()
    if table.empty:
        return save(empty_figure(family, "无聚类"), path)
    figure = new_figure(6.3, 4.6)
    ax = figure.add_subplot()
    x, y = table["centrality"].astype(float), table["density"].astype(float)
    areas = 60 + 900 * table["frequency"].astype(float) / max(table["frequency"].max(), 1.0)
    ax.scatter(x, y, s=areas, c=[_colour(c) for c in table["cluster"]], alpha=0.55,
               edgecolors="white", zorder=3)
    ax.axvline(x.median(), color="#888888", linestyle="--", linewidth=0.8)
    ax.axhline(y.median(), color="#888888", linestyle="--", linewidth=0.8)
    low, high = x.min(), x.max()
    for row, area in zip(table.itertuples(index=False), areas):
        # Above the bubble (its radius in points), aligned inwards at the sides of the plot.
        where = (row.centrality - low) / (high - low) if high > low else 0.5
        ha = "left" if where < 0.25 else "right" if where > 0.75 else "center"
        ax.annotate(str(row.name), (row.centrality, row.density),
                    xytext=(0, float(np.sqrt(area / np.pi)) + 2), textcoords="offset points",
                    ha=ha, va="bottom", fontsize=7, family=family, zorder=4)
    for quadrant, (qx, qy, ha, va) in _QUADRANT_CORNERS.items():
        ax.text(qx, qy, QUADRANT_ZH[quadrant], transform=ax.transAxes, ha=ha, va=va,
                fontsize=9, family=family, color="#555555", weight="bold")
    ax.margins(0.18)
    ax.set_xlabel("中心度（与其他聚类的联系强度）", family=family, fontsize=9)
    ax.set_ylabel("密度（聚类内部联系强度）", family=family, fontsize=9)
    _tidy(ax)
    figure.tight_layout()
    return save(figure, path)


def _colour(cluster: object) -> str:
    from analyst_app.reports.figures_network import cluster_colour
    try:
        return cluster_colour(int(cluster))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return "#7f7f7f"


def figure_cross_growth(growth: pd.DataFrame, path: Path, *, label_both: str) -> Path:
    """Draw the intersection's papers per year (bars) and its share of corpus A (line).

    Parameters
    ----------
    growth : pandas.DataFrame
        :func:`analysis.cross_discipline.compute_intersection_growth`.
    path : Path
        The PNG file to write.
    label_both : str
        Legend name of the intersection (``碳捕集 × 人工智能``).

    Returns
    -------
    Path
    """
    family = chart_fonts()
    if growth.empty or not growth["papers_both"].any():
        return save(empty_figure(family, "交叉集合无论文"), path)
    figure = new_figure(6.3, 2.9)
    ax = figure.add_subplot()
    ax.bar(growth["year"], growth["papers_both"], color=BAR_BLUE, width=0.7, label=label_both)
    ax.set_ylabel("交叉论文数（篇）", family=family, fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    share = ax.twinx()
    share.plot(growth["year"], growth["share_of_a"] * 100, color=BURST_RED, marker="o",
               markersize=2.5, linewidth=1.0, label="占本领域论文比例")
    share.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    share.set_ylim(0, max(float(np.nanmax(growth["share_of_a"].to_numpy(float))) * 130, 1))
    share.tick_params(labelsize=8)
    handles = ax.get_legend_handles_labels()[0] + share.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", frameon=False,
              prop=font_manager.FontProperties(family=family, size=8))
    _tidy(ax)
    share.spines["top"].set_visible(False)
    figure.tight_layout()
    return save(figure, path)
