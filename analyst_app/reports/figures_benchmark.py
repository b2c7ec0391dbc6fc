"""Charts of the benchmarking report: PNGs at print resolution with Chinese labels.

Each function takes a small frame whose names are already the printed (Chinese) ones and
an ``is_us`` column; our institution is drawn in red, the peers in grey or muted colours,
so the reader finds "us" in every chart the same way.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.ticker import FuncFormatter

from analyst_app.reports.figures import chart_fonts, new_figure, save

#: Our institution's colour; the peers' single colour and the line palette (no red in it).
US_COLOUR = "#c0392b"
PEER_COLOUR = "#8c8c8c"
PEER_PALETTE = ("#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf",
                "#e377c2", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31")
#: Width of the figures in inches (150 mm on the page).
WIDTH_IN = 6.3


def _font(family: list[str], size: float) -> font_manager.FontProperties:
    return font_manager.FontProperties(family=family, size=size)


def _percent_axis(value: float, _pos: object = None) -> str:
    # 0.001 → "0.1%": librarians read "前 0.1%" rather than 10^-3.
    return f"{value * 100:g}%"


def _clean(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def figure_benchmark_percentiles(rows: pd.DataFrame, path: Path) -> Path:
    """Dot plot of every institution's ESI percentile per field (log axis, better to the left).

    Parameters
    ----------
    rows : pandas.DataFrame
        One row per institution and field: ``field_zh``, ``percentile`` (rank / N; NaN when
        not listed, such rows are not drawn), ``is_us`` (bool) and ``position`` (our place
        in the group, text such as ``8/10``, read on our rows only).
    path : Path
        The PNG to write (300 dpi).

    Returns
    -------
    Path
        ``path``.
    """
    family = chart_fonts()
    fields = list(dict.fromkeys(rows["field_zh"]))[::-1]  # first field at the top
    y_of = {name: i for i, name in enumerate(fields)}
    figure = new_figure(WIDTH_IN, 1.2 + 0.36 * len(fields))
    ax = figure.add_subplot()
    listed = rows[rows["percentile"].notna()]
    peers, us = listed[~listed["is_us"]], listed[listed["is_us"]]
    ax.scatter(peers["percentile"], peers["field_zh"].map(y_of), s=22, color=PEER_COLOUR,
               alpha=0.75, label="对标院校", zorder=2, edgecolors="none")
    ax.scatter(us["percentile"], us["field_zh"].map(y_of), s=60, marker="D", color=US_COLOUR,
               label="我校", zorder=3)
    ax.set_xscale("log")
    low = max(float(listed["percentile"].min()) if len(listed) else 0.01, 1e-4)
    ax.set_xlim(10 ** math.floor(math.log10(low)), 1.0)
    ax.xaxis.set_major_formatter(FuncFormatter(_percent_axis))
    ax.set_yticks(range(len(fields)), labels=fields, fontproperties=_font(family, 9))
    ax.set_ylim(-0.6, len(fields) - 0.4)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6, zorder=0)
    ax.set_xlabel("ESI 百分位（排名 ÷ N，对数刻度；越靠左越好）", fontproperties=_font(family, 9))
    ax.tick_params(axis="x", labelsize=8)
    # Our place in the group at the right edge, outside the dots.
    for row in us.itertuples():
        ax.annotate(f"组内 {row.position}", xy=(1.0, y_of[row.field_zh]), xytext=(4, 0),
                    textcoords="offset points", va="center", ha="left", fontsize=7.5,
                    family=family, color=US_COLOUR, annotation_clip=False)
    legend = ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False,
                       prop=_font(family, 8.5))
    legend.set_in_layout(True)
    _clean(ax)
    figure.tight_layout()
    return save(figure, path)


def figure_benchmark_field(rows: pd.DataFrame, path: Path) -> Path:
    """Horizontal bars of one field's ESI cites per institution, labelled with the rank.

    Parameters
    ----------
    rows : pandas.DataFrame
        One row per institution in display order: ``name``, ``cites`` (NaN when not
        listed: no bar, labelled 未进入), ``rank`` (printed text) and ``is_us``.
    path : Path
        The PNG to write.

    Returns
    -------
    Path
        ``path``.
    """
    family = chart_fonts()
    ordered = rows.assign(_key=rows["cites"].fillna(-1)).sort_values("_key", ascending=True,
                                                                    kind="stable")
    n = len(ordered)
    figure = new_figure(WIDTH_IN, 0.8 + 0.27 * n)
    ax = figure.add_subplot()
    values = ordered["cites"].fillna(0).astype(float).to_numpy()
    colours = [US_COLOUR if us else PEER_COLOUR for us in ordered["is_us"]]
    ax.barh(np.arange(n), values, color=colours, height=0.62)
    top = float(values.max()) if n and values.max() > 0 else 1.0
    for y, row in enumerate(ordered.itertuples()):
        listed = not pd.isna(row.cites)
        label = f"{int(row.cites):,}（第 {row.rank} 位）" if listed else "未进入"
        ax.text((row.cites if listed else 0) + top * 0.01, y, label, va="center", ha="left",
                fontsize=7, family=family, color=US_COLOUR if row.is_us else "#333333")
    ax.set_yticks(np.arange(n), labels=ordered["name"].tolist(), fontproperties=_font(family, 8))
    for tick, us in zip(ax.get_yticklabels(), ordered["is_us"]):
        if us:
            tick.set_color(US_COLOUR)
    ax.set_xlim(0, top * 1.32)  # room for the labels right of the longest bar
    ax.set_ylim(-0.6, n - 0.4)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: f"{x:,.0f}"))
    ax.set_xlabel("ESI 被引次数", fontproperties=_font(family, 8.5))
    ax.tick_params(axis="x", labelsize=7)
    _clean(ax)
    figure.tight_layout()
    return save(figure, path)


def figure_benchmark_esi_trend(rows: pd.DataFrame, path: Path) -> Path:
    """Small multiples: each field's percentile over releases, us in red, peers in grey.

    Parameters
    ----------
    rows : pandas.DataFrame
        ``field_zh``, ``release``, ``institution``, ``percentile`` (NaN: not listed, a gap
        in the line) and ``is_us``; releases sort as text (``2025-07`` < ``2025-11``).
    path : Path
        The PNG to write.

    Returns
    -------
    Path
        ``path``.
    """
    family = chart_fonts()
    fields = list(dict.fromkeys(rows["field_zh"]))
    releases = sorted(rows["release"].unique())
    columns = 3 if len(fields) > 4 else max(1, len(fields))
    lines = math.ceil(len(fields) / columns)
    figure = new_figure(WIDTH_IN, 0.6 + 1.55 * lines)
    axes = figure.subplots(lines, columns, squeeze=False)
    x = np.arange(len(releases))
    for ax, field in zip(axes.flat, fields):
        part = rows[rows["field_zh"] == field]
        for institution, line in part.groupby("institution", sort=False):
            values = line.set_index("release")["percentile"].reindex(releases).astype(float)
            us = bool(line["is_us"].iloc[0])
            ax.plot(x, values.to_numpy(), marker="o", markersize=2.8 if us else 1.8,
                    linewidth=1.6 if us else 0.7, color=US_COLOUR if us else PEER_COLOUR,
                    alpha=1.0 if us else 0.6, zorder=3 if us else 2)
        ax.set_yscale("log")
        ax.invert_yaxis()  # a better (smaller) percentile is higher up
        ax.yaxis.set_major_formatter(FuncFormatter(_percent_axis))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda *_a: ""))
        ax.set_title(field, fontproperties=_font(family, 8.5), pad=3)
        ax.set_xticks(x, labels=[r[2:] for r in releases], fontsize=6)
        ax.tick_params(axis="y", labelsize=6)
        _clean(ax)
    for ax in list(axes.flat)[len(fields):]:
        ax.axis("off")
    figure.suptitle("ESI 百分位（对数刻度，越高越好）  ——红：我校  灰：对标院校",
                    fontproperties=_font(family, 8.5), y=0.995)
    figure.tight_layout(rect=(0, 0, 1, 0.97), h_pad=0.6, w_pad=0.8)
    return save(figure, path)


def figure_benchmark_wos_years(rows: pd.DataFrame, path: Path) -> Path:
    """Two panels: papers and cites per publication year, one line per institution.

    Parameters
    ----------
    rows : pandas.DataFrame
        ``name``, ``year``, ``papers``, ``cites`` and ``is_us``; names in display order.
    path : Path
        The PNG to write.

    Returns
    -------
    Path
        ``path``.
    """
    family = chart_fonts()
    figure = new_figure(WIDTH_IN, 3.6)
    axes = figure.subplots(1, 2)
    years = sorted(rows["year"].unique())
    colours = iter(PEER_PALETTE * 3)
    for name, line in rows.groupby("name", sort=False):
        us = bool(line["is_us"].iloc[0])
        colour = US_COLOUR if us else next(colours)
        line = line.set_index("year").reindex(years).fillna({"papers": 0, "cites": 0})
        for ax, column in zip(axes, ("papers", "cites")):
            ax.plot(years, line[column].to_numpy(dtype=float), marker="o",
                    markersize=3 if us else 2, linewidth=2.0 if us else 0.9, color=colour,
                    label=name, zorder=3 if us else 2)
    for ax, title in zip(axes, ("论文数（篇）", "被引次数")):
        ax.set_title(title, fontproperties=_font(family, 9))
        ax.set_xticks(years, labels=[str(y) for y in years], fontsize=7,
                      rotation=45 if len(years) > 6 else 0)
        ax.tick_params(axis="y", labelsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
        ax.set_ylim(bottom=0)
        _clean(ax)
    handles, labels = axes[0].get_legend_handles_labels()
    legend = figure.legend(handles, labels, loc="lower center", ncol=min(5, len(labels)),
                           frameon=False, prop=_font(family, 7.5), bbox_to_anchor=(0.5, 0.0))
    legend.set_in_layout(True)
    rows_of_legend = math.ceil(len(labels) / 5)
    figure.tight_layout(rect=(0, 0.07 * rows_of_legend, 1, 1))
    return save(figure, path)
