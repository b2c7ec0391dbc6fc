"""Plotly figures of peer benchmarking (学科竞争力对标): ESI positions, trends, WoS indicators.

No Qt here: the Benchmarking page and the benchmarking report both draw with these.
Our institution is drawn in :data:`OUR_COLOUR`, larger and on top; peers share a muted
palette so that the eye finds "us" first.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import pandas as pd
import plotly.graph_objects as go

from analyst_app.charts import FONT_FAMILY

#: Colour of our institution in every benchmarking chart.
OUR_COLOUR = "#c0392b"
#: Colours of the peers, in order (muted, so that ours stands out).
PEER_COLOURS = ("#2e86c1", "#17a589", "#8e44ad", "#d68910", "#5d6d7e", "#7fb3d5",
                "#a9cce3", "#a04000", "#d2b4de", "#1c2833", "#76d7c4", "#b7950b")

#: WoS indicators a chart can show, and whether each is a share (drawn as a percentage).
WOS_INDICATORS: dict[str, bool] = {
    "papers": False, "cites": False, "cites_per_paper": False, "top10_share": True,
    "top1_share": True, "international_share": True, "h_index": False,
}

#: Chart text per language.
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "esi_title": "ESI 学科位置对标（{release}）",
        "esi_xaxis": "在 ESI 名单中的位置：排名 / 名单机构数（对数坐标，越靠左越好）",
        "trend_title": "{field}：ESI 排名变化",
        "trend_yaxis": "排名（越靠上越好）", "release": "ESI 期次",
        "wos_title": "{indicator}（{field}）",
        "rank": "排名", "percentile": "位置", "cites": "被引次数", "not_listed": "未进入名单",
        "papers": "论文数", "cites_per_paper": "篇均被引",
        "top10_share": "前10%论文占比（收录集内归一化）",
        "top1_share": "前1%论文占比（收录集内归一化）",
        "international_share": "国际合作论文占比", "h_index": "h 指数",
        "small_sample": "小样本", "all_fields": "全部学科", "share_axis": "论文占比（%）",
    },
    "en": {
        "esi_title": "ESI field positions against the peers ({release})",
        "esi_xaxis": "Position in the ESI list: rank / institutions listed "
                     "(log scale, left is better)",
        "trend_title": "{field}: ESI rank over releases",
        "trend_yaxis": "Rank (higher is better)", "release": "ESI release",
        "wos_title": "{indicator} ({field})",
        "rank": "Rank", "percentile": "Position", "cites": "Cites", "not_listed": "not listed",
        "papers": "Papers", "cites_per_paper": "Cites per paper",
        "top10_share": "Top 10% share (collection-normalised)",
        "top1_share": "Top 1% share (collection-normalised)",
        "international_share": "International collaboration share", "h_index": "h-index",
        "small_sample": "small sample", "all_fields": "All fields",
        "share_axis": "Share of the papers (%)",
    },
}


def _labels(language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
    labels = dict(LABELS["zh" if language.startswith("zh") else "en"])
    labels.update(overrides or {})
    return labels


def _styles(institutions: list[str], ours: str) -> dict[str, dict[str, Any]]:
    """Colour, size and width per institution: ours red and larger, peers from the palette."""
    styles: dict[str, dict[str, Any]] = {}
    peers = [name for name in institutions if name != ours]
    for i, name in enumerate(peers):
        styles[name] = {"color": PEER_COLOURS[i % len(PEER_COLOURS)], "size": 9, "width": 1.5,
                        "symbol": "circle", "opacity": 0.75}
    styles[ours] = {"color": OUR_COLOUR, "size": 15, "width": 3.5, "symbol": "diamond",
                    "opacity": 1.0}
    return styles


def _display(names: Mapping[str, str] | None, institution: str) -> str:
    return (names or {}).get(institution) or institution


def _ordered_institutions(frame: pd.DataFrame, ours: str) -> list[str]:
    # Peers first and ours last, so that our trace is drawn on top of the others.
    seen = list(dict.fromkeys(frame["institution"]))
    return [n for n in seen if n != ours] + ([ours] if ours in seen else [])


def _layout(fig: go.Figure, title: str, height: int, **extra: Any) -> None:
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        font={"family": FONT_FAMILY, "size": 12},
        # At the right: the embedded chart is wide and short, a legend below would scroll away.
        legend={"orientation": "v", "y": 1, "yanchor": "top", "x": 1.01, "xanchor": "left",
                "font": {"size": 11}},
        plot_bgcolor="white", paper_bgcolor="white", height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        hoverlabel={"font": {"family": FONT_FAMILY}}, **extra)


def figure_benchmark_esi(esi: pd.DataFrame, institution: str, *, release: str | None = None,
                         language: str = "zh", names: Mapping[str, str] | None = None,
                         field_names: Mapping[str, str] | None = None,
                         labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot each institution's position (rank / N) per ESI field on a log axis.

    Parameters
    ----------
    esi : pandas.DataFrame
        :attr:`analysis.benchmark.BenchmarkResult.esi` (``institution``, ``field``,
        ``rank``, ``institutions``, ``percentile``, ``cites``, ``listed``).
    institution : str
        Our institution (its ESI name), highlighted.
    release : str, optional
        The release, named in the title.
    language : {'zh', 'en'}
        Language of the chart text.
    names : mapping, optional
        ESI name → display name (``大连理工大学``).
    field_names : mapping, optional
        ESI field → display name (``工程学``).
    labels : mapping, optional
        Overrides of entries of :data:`LABELS`.

    Returns
    -------
    plotly.graph_objects.Figure
        Fields sorted by our position (best on top; fields where we are not listed last).
        An institution absent from a field's list has no dot there ("not listed", not 0).
    """
    text = _labels(language, labels)
    fig = go.Figure()
    if esi.empty:
        _layout(fig, text["esi_title"].format(release=release or "—"), 300)
        return fig
    ours = esi[esi["institution"] == institution].set_index("field")["percentile"]
    fields = sorted(esi["field"].unique(), key=lambda f: (
        math.inf if pd.isna(ours.get(f)) else float(ours.get(f)), f))
    shown = {f: (field_names or {}).get(f) or f for f in fields}
    order = _ordered_institutions(esi, institution)
    styles = _styles(order, institution)
    listed = esi[esi["listed"].astype(bool)]
    for name in order:
        rows = listed[listed["institution"] == name]
        style = styles[name]
        fig.add_trace(go.Scatter(
            x=[float(p) * 100 for p in rows["percentile"]], y=[shown[f] for f in rows["field"]],
            mode="markers", name=_display(names, name),
            marker={"size": style["size"], "color": style["color"], "symbol": style["symbol"],
                    "opacity": style["opacity"], "line": {"width": 1, "color": "white"}},
            hovertext=[f"{_display(names, name)}<br>{shown[r['field']]}<br>{text['rank']} "
                       f"{int(r['rank']):,} / {int(r['institutions']):,}<br>{text['cites']} "
                       f"{int(r['cites']):,}" for r in rows.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>"))
    best = float(listed["percentile"].min()) * 100 if len(listed) else 1.0
    x_min = min(0.1, best / 2)
    _layout(fig, text["esi_title"].format(release=release or "—"),
            max(300, 100 + 22 * len(fields)),
            xaxis={"type": "log", "title": {"text": text["esi_xaxis"]},
                   "range": [math.log10(x_min), math.log10(100)],
                   "tickvals": [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50, 100],
                   "ticktext": ["0.01%", "0.05%", "0.1%", "0.5%", "1%", "5%", "10%", "50%",
                                "100%"], "gridcolor": "#ecf0f1"},
            yaxis={"automargin": True, "gridcolor": "#ecf0f1", "type": "category",
                   "categoryorder": "array", "categoryarray": [shown[f] for f in fields][::-1]})
    return fig


def figure_benchmark_trend(trend: pd.DataFrame, institution: str, field: str, *,
                           language: str = "zh", names: Mapping[str, str] | None = None,
                           field_name: str | None = None,
                           labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot the ESI rank of every institution in ``field`` over the imported releases.

    Parameters
    ----------
    trend : pandas.DataFrame
        :attr:`analysis.benchmark.BenchmarkResult.esi_trend`.
    institution : str
        Our institution, highlighted.
    field : str
        The ESI field (ESI spelling).
    language, names, labels
        As in :func:`figure_benchmark_esi`; ``field_name`` is the field's display name.

    Returns
    -------
    plotly.graph_objects.Figure
        One line per institution (rank axis reversed: up is better); a release where an
        institution is not listed is a gap in its line, not a zero.
    """
    text = _labels(language, labels)
    rows = trend[trend["field"] == field].sort_values("release")
    releases = sorted(rows["release"].unique())
    fig = go.Figure()
    order = _ordered_institutions(rows, institution) if len(rows) else []
    styles = _styles(order, institution)
    for name in order:
        mine = rows[rows["institution"] == name].set_index("release")
        ranks = [None if pd.isna(mine["rank"].get(r)) else int(mine["rank"].get(r))
                 for r in releases]
        style = styles[name]
        fig.add_trace(go.Scatter(
            x=releases, y=ranks, mode="lines+markers", name=_display(names, name),
            connectgaps=False, opacity=style["opacity"],
            line={"color": style["color"], "width": style["width"]},
            marker={"size": style["size"] - 2, "symbol": style["symbol"]},
            hovertemplate=f"{_display(names, name)}<br>%{{x}}: {text['rank']} %{{y:,}}"
                          "<extra></extra>"))
    _layout(fig, text["trend_title"].format(field=field_name or field), 360,
            xaxis={"type": "category", "title": {"text": text["release"]},
                   "gridcolor": "#ecf0f1"},
            yaxis={"autorange": "reversed", "title": {"text": text["trend_yaxis"]},
                   "gridcolor": "#ecf0f1"})
    return fig


def figure_benchmark_wos(totals: pd.DataFrame, institution: str, field: str, indicator: str, *,
                         language: str = "zh", names: Mapping[str, str] | None = None,
                         field_name: str | None = None,
                         labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot one WoS indicator of every institution in one field (or all fields) as bars.

    Parameters
    ----------
    totals : pandas.DataFrame
        :attr:`analysis.benchmark.BenchmarkResult.wos_totals`.
    institution : str
        Our institution, highlighted.
    field : str
        The field (``ALL FIELDS`` for the institution totals).
    indicator : str
        A key of :data:`WOS_INDICATORS`.
    language, names, field_name, labels
        As in :func:`figure_benchmark_trend`.

    Returns
    -------
    plotly.graph_objects.Figure
        Bars in the table's order (ours first); small-sample cells hatched, with their
        warning in the hover text.

    Raises
    ------
    ValueError
        When ``indicator`` is not a key of :data:`WOS_INDICATORS`.
    """
    if indicator not in WOS_INDICATORS:
        raise ValueError(f"invalid indicator {indicator!r}: expected one of "
                         f"{', '.join(WOS_INDICATORS)}")
    text = _labels(language, labels)
    share = WOS_INDICATORS[indicator]
    rows = totals[totals["field"] == field]
    values = [float(v) * (100 if share else 1) for v in rows[indicator]]
    small = [bool(s) for s in rows["small_sample"]]
    labels = [f'<b><span style="color:{OUR_COLOUR}">{_display(names, n)}</span></b>'
              if n == institution else _display(names, n) for n in rows["institution"]]
    # Horizontal bars: institution names are long; ours first, at the top.
    fig = go.Figure(go.Bar(
        # Our name in bold red on the axis too: a zero bar is otherwise invisible.
        y=labels, x=values, orientation="h",
        marker={"color": [OUR_COLOUR if n == institution else "#85929e"
                          for n in rows["institution"]],
                "pattern": {"shape": ["/" if s else "" for s in small]}},
        text=[(f"{v:.1f}%" if share else f"{v:,.1f}" if indicator == "cites_per_paper"
               else f"{int(v):,}") for v in values], textposition="outside", cliponaxis=False,
        hovertext=[f"{_display(names, r['institution'])}: {r['papers']} {text['papers']}"
                   + (f"<br>⚠ {r['warning']}" if r["warning"] else "")
                   for r in rows.to_dict("records")],
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False))
    _layout(fig, text["wos_title"].format(indicator=text[indicator],
                                          field=field_name or field),
            max(240, 90 + 26 * len(rows)),
            yaxis={"automargin": True, "type": "category", "autorange": "reversed"},
            xaxis={"title": {"text": text["share_axis"] if share else text[indicator]},
                   "gridcolor": "#ecf0f1", "rangemode": "tozero", "automargin": True})
    return fig


__all__ = ["figure_benchmark_esi", "figure_benchmark_trend", "figure_benchmark_wos",
           "WOS_INDICATORS", "OUR_COLOUR", "PEER_COLOURS", "LABELS"]
