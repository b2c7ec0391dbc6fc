"""Plotly figure builders shared by the GUI and the reports (no Qt here), and HTML output."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

import pandas as pd
import plotly.graph_objects as go

#: Font stack that shows Chinese on Linux (Noto CJK), Windows (YaHei) and macOS (PingFang).
FONT_FAMILY = ("Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, "
               "SimHei, Arial, sans-serif")

#: Colour of each ESI status (keys of :data:`analysis.esi.STATUS_LEVELS`).
STATUS_COLOURS = {
    "top_1per10k": "#b03a2e",
    "top_1permille": "#e67e22",
    "top_1pct": "#2e86c1",
    "not_listed": "#95a5a6",
}

#: Chart text per language; ``figure_*`` take ``language`` and optional overrides.
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{institution} ESI 学科位置（{release}）",
        "xaxis": "在 ESI 名单中的位置：排名 / 名单机构数（对数坐标，越靠左越好）",
        "top_1per10k": "前1‱", "top_1permille": "前1‰", "top_1pct": "前1%",
        "rank": "排名", "institutions": "名单机构数", "percentile": "位置",
        "cites": "被引次数", "documents": "论文数", "top_papers": "高水平论文",
        "threshold_1pct": "1% 阈值", "threshold_1permille": "1‰ 阈值",
        "threshold_1per10k": "1‱ 阈值", "ratio": "潜力值", "change": "较上期",
        "new": "新进入", "not_listed": "未进入：", "status": "层次",
    },
    "en": {
        "title": "{institution}: ESI field positions ({release})",
        "xaxis": "Position in the ESI list: rank / institutions listed (log scale, left is better)",
        "top_1per10k": "top 1‱", "top_1permille": "top 1‰", "top_1pct": "top 1%",
        "rank": "Rank", "institutions": "Institutions listed", "percentile": "Position",
        "cites": "Cites", "documents": "Documents", "top_papers": "Top papers",
        "threshold_1pct": "1% threshold", "threshold_1permille": "1‰ threshold",
        "threshold_1per10k": "1‱ threshold", "ratio": "Potential value", "change": "Change",
        "new": "new", "not_listed": "Not listed: ", "status": "Level",
    },
}

# Bands of the position axis (percent of the list); the top 1% of an ESI list (the top 1% of
# institutions) is the top 1‱, its top 10% the top 1‰.
_BANDS = (("top_1per10k", 0.01, 1.0), ("top_1permille", 1.0, 10.0), ("top_1pct", 10.0, 100.0))
_X_MIN = 0.1  # percent; the axis starts here or a decade left of the best position

_plotlyjs_cache: str | None = None


def _labels(language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
    labels = dict(LABELS["zh" if language.startswith("zh") else "en"])
    labels.update(overrides or {})
    return labels


def _fmt_int(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{int(value):,}"


def _change_text(row: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    change = row.get("rank_change")
    if change is None or pd.isna(change):
        return labels["new"] if row.get("newly_listed") else "—"
    change = int(change)
    return "↑%d" % change if change > 0 else "↓%d" % -change if change < 0 else "→0"


def _dot_label(row: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    change = _change_text(row, labels)
    base = f"{int(row['rank']):,}/{int(row['institutions']):,}"
    return f"{base} {change}  " if change != "—" else f"{base}  "


def _hover(row: Mapping[str, Any], name: str, labels: Mapping[str, str]) -> str:
    ratio = row.get("ratio_1pct")
    ratio_text = "—" if ratio is None or pd.isna(ratio) else f"{ratio:.2f}"
    return "<br>".join([
        f"<b>{name}</b> · {labels[row['status']]}",
        f"{labels['rank']}: {_fmt_int(row['rank'])} / {_fmt_int(row['institutions'])}"
        f" ({row['percentile'] * 100:.2f}%)",
        f"{labels['change']}: {_change_text(row, labels)}",
        f"{labels['cites']}: {_fmt_int(row['cites'])} · {labels['documents']}: "
        f"{_fmt_int(row['documents'])} · {labels['top_papers']}: {_fmt_int(row['top_papers'])}",
        f"{labels['threshold_1pct']}: {_fmt_int(row['threshold_1pct'])} · "
        f"{labels['threshold_1permille']}: {_fmt_int(row['threshold_1permille'])} · "
        f"{labels['threshold_1per10k']}: {_fmt_int(row['threshold_1per10k'])}",
        f"{labels['ratio']} (1%): {ratio_text}",
    ])


def figure_esi_status(result: Any, *, language: str = "zh",
                      labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot each listed field's position in its ESI list (rank / N) on a log axis.

    Shaded bands mark the top 1‱, 1‰ and 1% levels; each field is a dot coloured by its
    status, on a stem from the end of the list, labelled ``rank/N`` and the rank change.
    Fields where the institution is not listed are named in a note under the plot.

    Parameters
    ----------
    result : analysis.esi.EsiStatusResult
        The ESI status result (its ``table`` and ``params.institution`` are used).
    language : {'zh', 'en'}
        Language of the chart text and of the field names (``field_zh`` or ``field``).
    labels : mapping, optional
        Overrides of entries of :data:`LABELS`.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    text = _labels(language, labels)
    name_column = "field_zh" if language.startswith("zh") else "field"
    table = result.table
    listed = table[table["status"] != "not_listed"].sort_values("percentile", ascending=False)
    names = [str(n) for n in listed[name_column]]
    rows = listed.to_dict("records")
    position = [float(r["percentile"]) * 100 for r in rows]

    fig = go.Figure()
    stems_x: list[float | None] = []
    stems_y: list[str | None] = []
    for x, y in zip(position, names):
        stems_x += [100.0, x, None]
        stems_y += [y, y, None]
    fig.add_trace(go.Scatter(x=stems_x, y=stems_y, mode="lines", hoverinfo="skip",
                             line={"color": "#bdc3c7", "width": 2}, showlegend=False))
    for status in ("top_1per10k", "top_1permille", "top_1pct"):
        picked = [i for i, r in enumerate(rows) if r["status"] == status]
        fig.add_trace(go.Scatter(
            x=[position[i] for i in picked], y=[names[i] for i in picked],
            mode="markers+text", name=text[status],
            marker={"size": 13, "color": STATUS_COLOURS[status],
                    "line": {"width": 1, "color": "white"}},
            text=[_dot_label(rows[i], text) for i in picked],
            textposition="middle left", textfont={"size": 11},
            hovertext=[_hover(rows[i], names[i], text) for i in picked],
            hovertemplate="%{hovertext}<extra></extra>"))
    # Leave room left of the best dot for its "rank/N" label.
    x_min = min(_X_MIN, min(position, default=_X_MIN) / 10)
    _decorate(fig, result, text, table, name_column, len(names), x_min)
    return fig


def _decorate(fig: go.Figure, result: Any, text: Mapping[str, str], table: pd.DataFrame,
              name_column: str, n_listed: int, x_min: float) -> None:
    for status, low, high in _BANDS:
        low = max(low, x_min)
        fig.add_vrect(x0=low, x1=high, fillcolor=STATUS_COLOURS[status], opacity=0.08,
                      line_width=0, layer="below")
        # Annotations on a log axis take log10 coordinates (shapes take data values).
        fig.add_annotation(x=math.log10(low), y=1, xref="x", yref="paper", text=text[status],
                           xanchor="left", yanchor="top", showarrow=False,
                           font={"color": STATUS_COLOURS[status], "size": 12})
    missing = [str(n) for n in table.loc[table["status"] == "not_listed", name_column]]
    note_lines = _wrap(text["not_listed"], missing, "、" if name_column == "field_zh" else ", ")
    note_height = 18 * len(note_lines) + 12 if missing else 0
    if missing:
        # Below the axis title: paper coordinates shifted by pixels, whatever the height.
        fig.add_annotation(text="<br>".join(note_lines), xref="paper",
                           yref="paper", x=0, y=0, yshift=-58, xanchor="left", yanchor="top",
                           showarrow=False, align="left", font={"size": 11, "color": "#7f8c8d"})
    title = text["title"].format(institution=result.params.institution, release=result.release)
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        font={"family": FONT_FAMILY, "size": 12},
        xaxis={"type": "log", "title": {"text": text["xaxis"]},
               "range": [math.log10(x_min), math.log10(100)],
               "tickvals": [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50, 100],
               "ticktext": ["0.01%", "0.05%", "0.1%", "0.5%", "1%", "5%", "10%", "50%", "100%"],
               "gridcolor": "#ecf0f1"},
        # Room above the best field for the band labels.
        yaxis={"automargin": True, "gridcolor": "#ecf0f1",
               **({"range": [-0.6, n_listed - 1 + 1.1]} if n_listed else {})},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        plot_bgcolor="white", paper_bgcolor="white",
        margin={"l": 10, "r": 20, "t": 60, "b": 60 + note_height},
        height=max(300, 120 + 24 * n_listed) + note_height,
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )


def _width(text: str) -> int:
    # CJK characters are about twice as wide as Latin letters.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _wrap(prefix: str, items: list[str], separator: str, width: int = 110) -> list[str]:
    """Join ``items`` after ``prefix`` in lines of at most ``width`` (Latin) characters;
    plotly annotations do not wrap by themselves."""
    lines = [prefix]
    for i, item in enumerate(items):
        piece = item + (separator if i < len(items) - 1 else "")
        if lines[-1] != prefix and _width(lines[-1] + piece) > width:
            lines.append("")
        lines[-1] += piece
    return [line.rstrip() for line in lines]


def write_figure_html(fig: go.Figure, path: Path, *, fill: bool = False) -> Path:
    """Write ``fig`` as a standalone HTML page that loads plotly from a local file.

    ``plotly.min.js`` is written beside ``path`` (once) and referenced by a relative
    ``<script src>``, so the page works offline and in QtWebEngine loaded with
    ``setUrl(QUrl.fromLocalFile(...))``. (``setHtml`` is limited to 2 MB, and plotly.js
    alone is larger; a CDN is not available offline.)

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        The figure.
    path : Path
        The ``.html`` file to write; its folder is created.
    fill : bool
        Make the figure fill the browser window and follow its size (for an embedded
        view); the figure's own height becomes the minimum height (the page scrolls).

    Returns
    -------
    Path
        ``path``.
    """
    global _plotlyjs_cache
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    script = path.parent / "plotly.min.js"
    if _plotlyjs_cache is None:
        from plotly.offline import get_plotlyjs
        _plotlyjs_cache = get_plotlyjs()
    data = _plotlyjs_cache.encode("utf-8")
    if not script.exists() or script.stat().st_size != len(data):
        script.write_bytes(data)
    config = {"displaylogo": False, "responsive": True,
              "toImageButtonOptions": {"format": "png", "scale": 2}}
    if not fill:
        fig.write_html(path, include_plotlyjs="plotly.min.js", full_html=True, config=config)
        return path
    min_height = fig.layout.height or 0
    fig = go.Figure(fig).update_layout(height=None, autosize=True)
    page = fig.to_html(include_plotlyjs="plotly.min.js", full_html=True, config=config,
                       default_width="100%", default_height="100%")
    style = ("<style>html,body{height:100%;margin:0;overflow:auto}"
             f".plotly-graph-div{{min-height:{int(min_height)}px}}</style>")
    path.write_text(page.replace("<head>", "<head>" + style, 1), encoding="utf-8")
    return path


__all__ = ["figure_esi_status", "write_figure_html", "LABELS", "STATUS_COLOURS", "FONT_FAMILY"]
