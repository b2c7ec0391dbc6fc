"""Figures of the school contribution report: the schools × fields heat map (PNG, 300 dpi)."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd
from matplotlib import font_manager

from analysis.contribution import UNMATCHED
from analyst_app.reports.figures import chart_fonts, empty_figure, new_figure, save

#: Most fields (columns) and schools (rows) a heat map shows; more become unreadable on A4.
MAX_FIELDS = 12
MAX_SCHOOLS = 20
#: Colour map: white for 0, dark blue for a school holding the whole field.
CMAP = "Blues"


@dataclass
class HeatmapData:
    """What the heat map shows, chosen from a contribution table.

    Attributes
    ----------
    shares : pandas.DataFrame
        Schools (index, most papers first) × fields (columns, English names, most papers
        first): the school's share of the university's papers in the field (0–1; 0 where
        the school has none).
    field_labels : list of str
        Column labels as printed (Chinese field names).
    fields_total, schools_total : int
        Fields and schools (the unmatched row excluded) in the whole table, to say in a
        note how many were left out.
    """

    shares: pd.DataFrame
    field_labels: list[str] = field(default_factory=list)
    fields_total: int = 0
    schools_total: int = 0

    @property
    def truncated(self) -> bool:
        """Whether some fields or schools were left out of the figure."""
        return (self.shares.shape[1] < self.fields_total
                or self.shares.shape[0] < self.schools_total)


def heatmap_data(table: pd.DataFrame, field_names: Mapping[str, str], *,
                 max_fields: int = MAX_FIELDS, max_schools: int = MAX_SCHOOLS) -> HeatmapData:
    """Choose the fields and schools of the heat map from a contribution table.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.contribution.ContributionResult.table`.
    field_names : mapping
        English ESI field → Chinese name.
    max_fields, max_schools : int
        Keep the fields with the most papers of the university and the schools with the
        most papers over all fields. The unmatched row is never shown: it is no school.

    Returns
    -------
    HeatmapData
    """
    schools_only = table[table["school"] != UNMATCHED]
    totals = table.drop_duplicates("field").set_index("field")["field_papers"]
    fields = totals.sort_values(ascending=False, kind="stable").index[:max_fields].tolist()
    papers = schools_only.groupby("school")["papers"].sum()
    # Ties broken by name so the figure does not change between runs.
    order = sorted(papers.index, key=lambda s: (-papers[s], s))[:max_schools]
    shares = (schools_only.pivot_table(index="school", columns="field", values="papers_share",
                                       aggfunc="sum", fill_value=0.0)
              .reindex(index=order, columns=fields, fill_value=0.0))
    return HeatmapData(shares.astype(float), [field_names.get(f, f) for f in fields],
                       fields_total=len(totals), schools_total=len(papers))


def figure_contribution_heatmap(data: HeatmapData, path: Path, *, counting_zh: str) -> Path:
    """Draw the schools × fields heat map of paper shares, each cell labelled in percent.

    Parameters
    ----------
    data : HeatmapData
        From :func:`heatmap_data`.
    path : Path
        The PNG file to write (300 dpi).
    counting_zh : str
        The counting method as printed in the colour bar label (``分数计数``).

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
    shares = data.shares
    if shares.empty:
        return save(empty_figure(family, "未匹配到任何学院，无法绘制学院 × 学科热力图"), path)
    n_schools, n_fields = shares.shape
    # Printed at its own size (at most 150 mm wide), so the point sizes below are the
    # printed ones: room for 12-character school names, cells wide enough for "100%".
    width, height = figure_size(n_fields, n_schools)
    figure = new_figure(width, height)
    ax = figure.add_subplot()
    values = shares.to_numpy()
    # Scale to the largest share (rounded up to 10 %): schools rarely hold more than a
    # quarter of a field, and a 0–100 % scale would leave every cell pale.
    top = max(0.1, math.ceil(float(values.max()) * 10 - 1e-9) / 10)
    image = ax.imshow(values, cmap=CMAP, vmin=0.0, vmax=top, aspect="auto")
    _label_cells(ax, values, top, family)
    if n_fields <= 6:
        ax.set_xticks(np.arange(n_fields), labels=[_wrap(s, 5) for s in data.field_labels],
                      family=family, fontsize=8)
    else:
        # Columns narrower than a field name: slant the names instead of wrapping them.
        ax.set_xticks(np.arange(n_fields), labels=data.field_labels, family=family,
                      fontsize=8, rotation=45, ha="left", rotation_mode="anchor")
    ax.set_yticks(np.arange(n_schools), labels=[_wrap(s, 12) for s in shares.index],
                  family=family, fontsize=8)
    # Field names on top, where a reader looks first for the column heads.
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = figure.colorbar(image, ax=ax, fraction=0.05, pad=0.03, format="{x:.0%}")
    bar.ax.tick_params(labelsize=7)
    bar.set_label(f"论文占比（{counting_zh}）",
                  font=font_manager.FontProperties(family=family, size=8))
    figure.tight_layout()
    return save(figure, path)


def figure_size(n_fields: int, n_schools: int) -> tuple[float, float]:
    """Return the heat map's (width, height) in inches for its numbers of fields and schools.

    About 1.7 in for school names, 0.55 in per field column and 0.8 in for the colour bar,
    at most 5.9 in (150 mm, the text width); 0.3 in per school row plus the field names.
    """
    slanted = 1.0 if n_fields > 6 else 0.5  # slanted field names need more room on top
    width = min(5.9, max(4.6, 2.5 + 0.55 * n_fields))
    return width, 0.5 + slanted + 0.3 * n_schools


def _label_cells(ax, values: np.ndarray, top: float, family: list[str]) -> None:
    for (row, col), value in np.ndenumerate(values):
        if value <= 0:
            continue  # blank cells read faster than a grid of "0%"
        # White text on dark cells keeps the label legible.
        colour = "white" if value > 0.55 * top else "#222222"
        text = f"{value:.0%}" if value >= 0.01 else "<1%"
        ax.text(col, row, text, ha="center", va="center", fontsize=6.5, family=family,
                color=colour)


def _wrap(text: str, width: int) -> str:
    # Chinese names have no spaces: cut by characters into lines of equal length
    # ("分子生物学" / "与遗传学", not "分子生物学与" / "遗传学"), at most three lines.
    if len(text) <= width or " " in text:
        return "\n".join(textwrap.wrap(text, max(width, 12))[:3]) if " " in text else text
    lines = min(3, math.ceil(len(text) / width))
    step = math.ceil(len(text) / lines)
    return "\n".join(text[i:i + step] for i in range(0, len(text), step))
