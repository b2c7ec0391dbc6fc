"""Plotly figures of ESI across releases: history lines and potential values (no Qt here)."""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from analyst_app.charts import FONT_FAMILY, STATUS_COLOURS

#: Chart text per language; ``figure_*`` take ``language`` and optional overrides.
LABELS_ESI: dict[str, dict[str, str]] = {
    "zh": {
        "history_title_rank": "{institution} ESI 学科排名变化",
        "history_title_percentile": ("{institution} ESI 学科位置变化"
                                     "（排名 / 名单机构数）"),
        "release": "ESI 期次", "rank": "排名（越靠上越好）",
        "percentile": "位置：排名 / 名单机构数（越靠上越好）",
        "potential_title": ("{institution} 各学科潜力值"
                            "（{release}，对下一层级阈值）"),
        "potential_axis": "潜力值 P = 本校被引次数 / 下一层级阈值",
        "watch": "关注线 {watch:.2f}", "entry": "进入线 1.00",
        "next": "下一层级", "cites": "被引次数", "threshold": "阈值",
        "1%": "前1%", "1‰": "前1‰", "1‱": "前1‱", "none": "无可显示的潜力值",
    },
    "en": {
        "history_title_rank": "{institution}: ESI rank per field",
        "history_title_percentile": "{institution}: ESI position per field (rank / institutions "
                                    "listed)",
        "release": "ESI release", "rank": "Rank (higher is better)",
        "percentile": "Position: rank / institutions listed (higher is better)",
        "potential_title": "{institution}: potential value per field ({release}, against the "
                           "next level)",
        "potential_axis": "Potential value P = cites / threshold of the next level",
        "watch": "watch {watch:.2f}", "entry": "entry 1.00",
        "next": "Next level", "cites": "Cites", "threshold": "Threshold",
        "1%": "top 1%", "1‰": "top 1‰", "1‱": "top 1‱",
        "none": "No potential value to show",
    },
}

# Ticks of the logarithmic rank / position axes.
_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000,
          10000)

#: Colours of the potential bars: entered (P ≥ 1), on the watch list, below the cut-off.
POTENTIAL_COLOURS = {"entered": "#27ae60", "watch": "#e67e22", "below": "#95a5a6"}
# Status of the next level above each level (keys of STATUS_COLOURS), for hover colours.
_LEVEL_STATUS = {"1%": "top_1pct", "1‰": "top_1permille", "1‱": "top_1per10k"}


def _labels(language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
    labels = dict(LABELS_ESI["zh" if language.startswith("zh") else "en"])
    labels.update(overrides or {})
    return labels


def _name_column(language: str) -> str:
    return "field_zh" if language.startswith("zh") else "field"


def _field_name(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    return str(row["field"] if value is None or pd.isna(value) else value)


def figure_esi_history(table: pd.DataFrame, *, institution: str,
                       fields: Iterable[str] | None = None, metric: str = "rank",
                       language: str = "zh",
                       labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot the institution's rank or position per field over the releases (one line per field).

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.esi_history.EsiHistoryResult.table` (``field``, ``field_zh``,
        ``release``, ``rank``, ``institutions``, ``percentile``, ``status``, ``cites``).
    institution : str
        Name in the title.
    fields : iterable of str, optional
        English field names to draw; default every field with a rank.
    metric : {'rank', 'percentile'}
        ``rank``: the rank; ``percentile``: rank / N in percent. The y axis is logarithmic
        and reversed either way, so up means better.
    language : {'zh', 'en'}
        Language of the text and of the field names.
    labels : mapping, optional
        Overrides of entries of :data:`LABELS_ESI`.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    if metric not in ("rank", "percentile"):
        raise ValueError(f"invalid metric {metric!r}: expected 'rank' or 'percentile'")
    text = _labels(language, labels)
    column = _name_column(language)
    releases = sorted(table["release"].unique()) if not table.empty else []
    ranked = table[table["rank"].notna()]
    if fields is not None:
        ranked = ranked[ranked["field"].isin(list(fields))]
    fig = go.Figure()
    shown: list[float] = []
    for field, rows in ranked.groupby("field", sort=True):
        rows = rows.sort_values("release")
        records = rows.to_dict("records")
        name = _field_name(records[0], column)
        y = ([int(r["rank"]) for r in records] if metric == "rank"
             else [float(r["percentile"]) * 100 for r in records])
        hover = [f"<b>{name}</b> · {r['release']}<br>{int(r['rank']):,} / "
                 f"{int(r['institutions']):,} ({float(r['percentile']) * 100:.2f}%)<br>"
                 f"{text['cites']}: {int(r['cites']):,}" for r in records]
        shown += y
        fig.add_trace(go.Scatter(x=list(rows["release"]), y=y, mode="lines+markers", name=name,
                                 hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                                 marker={"size": 8}))
    title = text[f"history_title_{metric}"].format(institution=institution)
    yaxis: dict[str, Any] = {"title": {"text": text[metric]}, "gridcolor": "#ecf0f1",
                             "zeroline": False}
    if shown:  # reversed (best on top), a little beyond the points; bands do not stretch it
        yaxis["range"] = [math.log10(max(shown) * 1.4), math.log10(min(shown) / 1.4)]
    else:
        yaxis["autorange"] = "reversed"
    # Log scale: ranks of one institution range from tens to thousands across fields. Ticks
    # at 1-2-5 steps only: plotly labels every minor log tick otherwise.
    suffix = "%" if metric == "percentile" else ""
    yaxis.update(type="log", tickvals=list(_TICKS), ticktext=[f"{v:g}{suffix}" for v in _TICKS])
    if metric == "percentile":
        _add_bands(fig, text)
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        font={"family": FONT_FAMILY, "size": 12},
        xaxis={"title": {"text": text["release"]}, "type": "category",
               "categoryorder": "array", "categoryarray": releases, "gridcolor": "#ecf0f1"},
        yaxis=yaxis, plot_bgcolor="white", paper_bgcolor="white",
        legend={"orientation": "v", "x": 1.01, "y": 1},
        margin={"l": 10, "r": 10, "t": 50, "b": 40}, height=380,
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    return fig


def _add_bands(fig: go.Figure, text: Mapping[str, str]) -> None:
    """Shade the top 1‱ (position < 1%) and top 1‰ (< 10%) bands of a position axis."""
    for status, low, high, label in (("top_1per10k", 0.001, 1.0, "1‱"),
                                     ("top_1permille", 1.0, 10.0, "1‰")):
        fig.add_hrect(y0=low, y1=high, fillcolor=STATUS_COLOURS[status], opacity=0.07,
                      line_width=0, layer="below")
        # Annotations on a log axis take log10 coordinates (shapes take data values); the
        # axis is reversed, so "bottom" puts the label above the band's edge, inside it.
        fig.add_annotation(x=0, xref="paper", y=math.log10(high), yref="y", text=text[label],
                           xanchor="left", yanchor="bottom", showarrow=False,
                           font={"color": STATUS_COLOURS[status], "size": 11})


def figure_esi_potential(table: pd.DataFrame, *, institution: str, release: str,
                         watch: float = 0.8, language: str = "zh",
                         labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot each field's potential value against its next level, with the watch and entry lines.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analyst_app.services.esi_history.EsiPotentialReport.table` (``field``,
        ``field_zh``, ``cites``, ``next_level``, ``potential_next``, ``threshold_1pct``,
        ``threshold_1permille``, ``threshold_1per10k``). Fields without a potential value
        (unknown cites, or already in the top 1‱) are left out.
    institution, release : str
        Shown in the title.
    watch : float
        The watch-list cut-off (a dashed line); 1.0 is drawn as the entry line.
    language : {'zh', 'en'}
        Language of the text and of the field names.
    labels : mapping, optional
        Overrides of entries of :data:`LABELS_ESI`.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    text = _labels(language, labels)
    column = _name_column(language)
    shown = table[table["potential_next"].notna()].sort_values("potential_next")
    records = shown.to_dict("records")
    names = [_field_name(r, column) for r in records]
    values = [float(r["potential_next"]) for r in records]
    colours = [POTENTIAL_COLOURS["entered" if v >= 1 else "watch" if v >= watch else "below"]
               for v in values]
    fig = go.Figure(go.Bar(
        x=values, y=names, orientation="h", marker={"color": colours},
        text=[f"{v:.2f} → {text.get(str(r['next_level']), r['next_level'])}"
              for v, r in zip(values, records)],
        textposition="outside", cliponaxis=False,
        hovertext=[_potential_hover(r, n, text) for r, n in zip(records, names)],
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False))
    for x, label, dash in ((watch, text["watch"].format(watch=watch), "dash"),
                           (1.0, text["entry"], "solid")):
        fig.add_vline(x=x, line={"color": "#c0392b" if x == 1.0 else "#e67e22", "dash": dash,
                                 "width": 1.5})
        fig.add_annotation(x=x, y=1, xref="x", yref="paper", text=label, showarrow=False,
                           yanchor="bottom", font={"size": 11})
    if not records:
        fig.add_annotation(text=text["none"], xref="paper", yref="paper", x=0.5, y=0.5,
                           showarrow=False, font={"size": 13, "color": "#7f8c8d"})
    right = max([1.15, *(v * 1.15 for v in values)])
    fig.update_layout(
        title={"text": text["potential_title"].format(institution=institution, release=release),
               "x": 0.01, "font": {"size": 15}},
        font={"family": FONT_FAMILY, "size": 12},
        xaxis={"title": {"text": text["potential_axis"]}, "range": [0, right],
               "gridcolor": "#ecf0f1", "zeroline": False},
        yaxis={"automargin": True}, plot_bgcolor="white", paper_bgcolor="white",
        margin={"l": 10, "r": 30, "t": 70, "b": 50},
        height=max(280, 110 + 26 * len(records)),
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    return fig


def _potential_hover(row: Mapping[str, Any], name: str, text: Mapping[str, str]) -> str:
    level = str(row["next_level"])
    threshold = row.get(f"threshold_{_LEVEL_STATUS[level][4:]}") if level in _LEVEL_STATUS else None
    cites = row.get("cites")

    def number(value: Any) -> str:
        return "—" if value is None or pd.isna(value) else f"{int(value):,}"

    return (f"<b>{name}</b><br>{text['next']}: {text.get(level, level)}<br>"
            f"{text['cites']}: {number(cites)} · {text['threshold']}: {number(threshold)}<br>"
            f"P = {float(row['potential_next']):.3f}")


__all__ = ["figure_esi_history", "figure_esi_potential", "LABELS_ESI", "POTENTIAL_COLOURS",
           "STATUS_COLOURS"]
