"""Plotly figures of school contribution (学院贡献度), shared by the GUI and reports (no Qt here)."""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd
import plotly.graph_objects as go

from analyst_app.charts import FONT_FAMILY
from analyst_app.domain.esi_fields import normalise_field

#: Share columns of :attr:`analysis.contribution.ContributionResult.table` a chart can show.
SHARE_METRICS = ("papers_share", "cites_share", "hcp_share")

#: Chart text per language; ``figure_*`` take ``language`` and optional overrides.
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{institution} 各学院对 ESI 学科的贡献度（{metric}，{counting}）",
        "papers_share": "论文数占比", "cites_share": "被引次数占比", "hcp_share": "高被引论文占比",
        "full": "整数计数", "fractional": "分数计数",
        "school": "学院", "field": "学科", "papers": "论文数", "cites": "被引次数",
        "hcp": "高被引论文", "share": "占比", "more": "另有 {n} 个学院未显示（按论文数排序）",
    },
    "en": {
        "title": "{institution}: school contribution to ESI fields ({metric}, {counting})",
        "papers_share": "share of papers", "cites_share": "share of cites",
        "hcp_share": "share of highly cited papers",
        "full": "full counting", "fractional": "fractional counting",
        "school": "School", "field": "Field", "papers": "Papers", "cites": "Cites",
        "hcp": "Highly cited", "share": "Share",
        "more": "{n} more schools not shown (ordered by papers)",
    },
}

#: Schools shown at most (rows of the heat map); the rest are named in a note.
MAX_SCHOOLS = 30
#: Fields shown at most (columns), the university's largest first.
MAX_FIELDS = 22
_UNMATCHED_PREFIX = "未匹配"


def _labels(language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
    labels = dict(LABELS["zh" if language.startswith("zh") else "en"])
    labels.update(overrides or {})
    return labels


def _field_name(field: str, language: str) -> str:
    # English: as ESI spells it, like the tables beside the chart.
    found = normalise_field(field) if language.startswith("zh") else None
    return found.name_zh if found else field


def _number(value: Any) -> str:
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"


def figure_contribution_heatmap(table: pd.DataFrame, *, metric: str = "papers_share",
                                institution: str = "", counting: str = "full",
                                language: str = "zh",
                                labels: Mapping[str, str] | None = None) -> go.Figure:
    """Plot each school's share of each ESI field as a heat map (schools × fields).

    Schools are ordered by their papers over all fields (the unmatched row last), fields by
    the university's papers; each cell is labelled with its share in percent and its hover
    gives papers, cites and highly cited papers.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.contribution.ContributionResult.table` (``school, field, papers,
        cites, hcp, *_share, field_papers``).
    metric : {'papers_share', 'cites_share', 'hcp_share'}
        The share coloured.
    institution : str
        Named in the title.
    counting : {'full', 'fractional'}
        Named in the title (full-counting shares of a field may sum to more than 100%).
    language : {'zh', 'en'}
        Language of the chart text and field names.
    labels : mapping, optional
        Overrides of entries of :data:`LABELS`.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    if metric not in SHARE_METRICS:
        raise ValueError(f"metric must be one of {SHARE_METRICS}, not {metric!r}")
    text = _labels(language, labels)
    fields = (table.drop_duplicates("field").sort_values("field_papers", ascending=False)
              ["field"].tolist()[:MAX_FIELDS])
    totals = table.groupby("school")["papers"].sum()
    unmatched = [s for s in totals.index if str(s).startswith(_UNMATCHED_PREFIX)]
    schools = [s for s in totals.drop(unmatched).sort_values(ascending=False).index]
    hidden = max(0, len(schools) - MAX_SCHOOLS)
    schools = schools[:MAX_SCHOOLS] + unmatched
    cells = table.set_index(["school", "field"])
    z, labels_, hover = [], [], []
    for school in schools:
        z_row, text_row, hover_row = [], [], []
        for field in fields:
            row = cells.loc[(school, field)] if (school, field) in cells.index else None
            share = None if row is None or pd.isna(row[metric]) else float(row[metric])
            z_row.append(share)
            text_row.append("" if share is None else f"{share * 100:.0f}%")
            hover_row.append("" if row is None else _hover(school, field, row, metric, text,
                                                           language))
        z.append(z_row)
        labels_.append(text_row)
        hover.append(hover_row)
    x = [_field_name(f, language) for f in fields]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=[str(s) for s in schools], text=labels_, texttemplate="%{text}",
        textfont={"size": 10}, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        colorscale="Blues", zmin=0, zmax=1, xgap=1, ygap=1,
        colorbar={"title": {"text": text["share"]}, "tickformat": ".0%", "thickness": 12}))
    _layout(fig, text, institution, metric, counting, len(schools), hidden)
    return fig


def _hover(school: str, field: str, row: pd.Series, metric: str, text: Mapping[str, str],
           language: str) -> str:
    share = row[metric]
    share_text = "—" if pd.isna(share) else f"{share * 100:.1f}%"
    return "<br>".join([
        f"<b>{school}</b> · {_field_name(field, language)}",
        f"{text[metric]}: {share_text}",
        f"{text['papers']}: {_number(row['papers'])} / {_number(row['field_papers'])} · "
        f"{text['cites']}: {_number(row['cites'])} · {text['hcp']}: {_number(row['hcp'])}",
    ])


def _layout(fig: go.Figure, text: Mapping[str, str], institution: str, metric: str,
            counting: str, n_schools: int, hidden: int) -> None:
    title = text["title"].format(institution=institution, metric=text[metric],
                                 counting=text.get(counting, counting))
    if hidden:
        fig.add_annotation(text=text["more"].format(n=hidden), xref="paper", yref="paper",
                           x=0, y=0, yshift=-90, xanchor="left", yanchor="top",
                           showarrow=False, font={"size": 11, "color": "#7f8c8d"})
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        font={"family": FONT_FAMILY, "size": 12},
        # Schools read top-down in the table's order.
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"side": "bottom", "tickangle": -30, "automargin": True},
        plot_bgcolor="white", paper_bgcolor="white",
        margin={"l": 10, "r": 20, "t": 50, "b": 40 + (30 if hidden else 0)},
        height=max(320, 140 + 26 * n_schools),
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )


__all__ = ["figure_contribution_heatmap", "SHARE_METRICS", "LABELS", "MAX_SCHOOLS"]
