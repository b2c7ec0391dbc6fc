"""ESI charts across releases for the bulletin (matplotlib, 300 dpi, Chinese labels)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.ticker import FuncFormatter, NullFormatter

from analyst_app.reports.figures import chart_fonts, empty_figure, new_figure, save

#: Line colours (tab10 and then darker tab20 hues): distinct in print and in grey scale
#: together with the markers.
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
            "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#969696",
            "#6baed6")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "<", ">", "*", "h")


def figure_esi_history(table: pd.DataFrame, releases: list[str], path: Path) -> Path:
    """Draw each field's percentile (rank ÷ N) over the releases, best at the top.

    The percentile, not the rank, is drawn: N differs between fields, so ranks of two
    fields are not comparable on one axis. The axis is logarithmic and inverted (0.9 %
    and 80 % both stay readable; up means better). Field names go in a legend below the
    plot, never next to the line ends, where they would overlap.

    Parameters
    ----------
    table : pandas.DataFrame
        History rows (``field_zh``, ``release``, ``percentile``, ``status``), one per
        field and release; fields never listed are left out, unlisted releases are gaps.
    releases : list of str
        The releases on the x axis, oldest first.
    path : Path
        The PNG file to write (300 dpi).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    MissingFontError
        When no Chinese font is installed.
    """
    family = chart_fonts()
    listed = table[table["status"] != "not_listed"]
    if listed.empty or len(releases) < 2:
        return save(empty_figure(family, "仅导入一期或无已进入学科，暂无多期对比"), path)
    # Order the legend as the table: best latest percentile first.
    latest = listed.sort_values("release").groupby("field_zh")["percentile"].last()
    fields = latest.sort_values().index.tolist()
    rows = -(-len(fields) // 4)
    figure = new_figure(6.3, 3.4 + 0.28 * rows)
    ax = figure.add_subplot()
    x = np.arange(len(releases))
    for i, name in enumerate(fields):
        own = listed[listed["field_zh"] == name].set_index("release")["percentile"]
        y = np.array([float(own.get(r, np.nan)) * 100 for r in releases])
        ax.plot(x, y, color=_COLOURS[i % len(_COLOURS)], marker=_MARKERS[i % len(_MARKERS)],
                markersize=4, linewidth=1.4, label=name)
    ax.set_yscale("log")
    ax.invert_yaxis()
    ticks = [t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
             if _within(t, listed["percentile"].astype(float) * 100)]
    ax.set_yticks(ticks)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}%"))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xticks(x, labels=releases, fontsize=8.5)
    ax.set_xlim(-0.25, len(releases) - 0.75)
    ax.set_ylabel("百分位（排名 ÷ 机构数，对数刻度）", family=family, fontsize=9)
    ax.set_xlabel("ESI 期次", family=family, fontsize=9)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4, frameon=False,
                       prop=font_manager.FontProperties(family=family, size=8),
                       columnspacing=1.2, handlelength=2.2)
    legend.set_in_layout(True)
    figure.tight_layout()
    return save(figure, path)


def _within(tick: float, values: pd.Series) -> bool:
    low, high = float(values.min()), float(values.max())
    # One tick beyond each end keeps the extreme lines inside labelled ground.
    return low / 2.5 <= tick <= high * 2.5
