"""ESI page, Status tab: the institution's standing per ESI field in one release."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from analysis.esi import STATUS_LEVELS
from analyst_app.charts import figure_esi_status
from analyst_app.services.esi import EsiStatusReport, esi_status
from ui.i18n import is_chinese, join_sentences
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._esi_common import EsiContext, EsiPanel, Job, language, thousands, translate_esi
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

# Texts keep the "EsiPage" context of the page this tab was split from (existing translations);
# ``translate("EsiPage", "literal")`` is what lupdate recognises.
_tr = translate_esi
translate = QCoreApplication.translate

# Status codes (keys of STATUS_LEVELS) in display order, with their labels.
STATUS_LABELS = {
    "top_1per10k": QT_TRANSLATE_NOOP("EsiPage", "top 1‱"),
    "top_1permille": QT_TRANSLATE_NOOP("EsiPage", "top 1‰"),
    "top_1pct": QT_TRANSLATE_NOOP("EsiPage", "top 1%"),
    "not_listed": QT_TRANSLATE_NOOP("EsiPage", "not listed"),
}
assert set(STATUS_LABELS) == set(STATUS_LEVELS)

# Shown columns of the status table and their header labels (translated at display time).
COLUMNS = {
    "field_name": QT_TRANSLATE_NOOP("EsiPage", "ESI field"),
    "level": QT_TRANSLATE_NOOP("EsiPage", "Level"),
    "rank": QT_TRANSLATE_NOOP("EsiPage", "Rank"),
    "rank_change": QT_TRANSLATE_NOOP("EsiPage", "Rank change"),
    "institutions": QT_TRANSLATE_NOOP("EsiPage", "Institutions listed"),
    "percentile": QT_TRANSLATE_NOOP("EsiPage", "Percentile position"),
    "documents": QT_TRANSLATE_NOOP("EsiPage", "Documents"),
    "cites": QT_TRANSLATE_NOOP("EsiPage", "Cites"),
    "cites_per_paper": QT_TRANSLATE_NOOP("EsiPage", "Cites per paper"),
    "top_papers": QT_TRANSLATE_NOOP("EsiPage", "Top papers"),
    "threshold_1pct": QT_TRANSLATE_NOOP("EsiPage", "Top 1% threshold"),
    "threshold_1permille": QT_TRANSLATE_NOOP("EsiPage", "Top 1‰ threshold"),
    "threshold_1per10k": QT_TRANSLATE_NOOP("EsiPage", "Top 1‱ threshold"),
    "ratio_1pct": QT_TRANSLATE_NOOP("EsiPage", "Potential value (1%)"),
    "ratio_1permille": QT_TRANSLATE_NOOP("EsiPage", "Potential value (1‰)"),
    "ratio_1per10k": QT_TRANSLATE_NOOP("EsiPage", "Potential value (1‱)"),
    "previous_rank": QT_TRANSLATE_NOOP("EsiPage", "Previous rank"),
    "note": QT_TRANSLATE_NOOP("EsiPage", "Note"),
}


def status_display_frame(table: pd.DataFrame, chinese: bool) -> pd.DataFrame:
    """Return the status table with the display columns the page shows.

    ``field_name`` is the Chinese or English field name, ``level`` the status as its
    position in :data:`STATUS_LEVELS` (0 = top 1‱, so sorting orders levels), ``note``
    says whether the field is newly listed.
    """
    order = {code: i for i, code in enumerate(STATUS_LEVELS)}
    frame = table.copy()
    frame["field_name"] = frame["field_zh" if chinese else "field"].fillna(frame["field"])
    frame["level"] = frame["status"].map(order).astype("int64")
    newly = QCoreApplication.translate("EsiPage", "newly listed")
    frame["note"] = [newly if new else None for new in frame["newly_listed"]]
    return frame


def format_change(value: Any) -> str:
    """``3`` → ``↑3``, ``-2`` → ``↓2``, ``0`` → ``–``."""
    change = int(value)
    return f"↑{change}" if change > 0 else f"↓{-change}" if change < 0 else "–"


def level_label(status: str) -> str:
    """The translated label of a status code (``top_1pct`` → ``top 1%``)."""
    return _tr(STATUS_LABELS[status])


def _formatters() -> dict[str, Any]:
    codes = list(STATUS_LEVELS)
    return {
        "level": lambda v: level_label(codes[int(v)]),
        "rank_change": format_change,
        "percentile": lambda v: f"{float(v) * 100:.2f}%",
        **{c: thousands for c in ("institutions", "documents", "cites", "top_papers",
                                  "threshold_1pct", "threshold_1permille", "threshold_1per10k")},
    }


class EsiStatusPanel(EsiPanel):
    """Status table and position chart of the institution in the chosen release."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EsiStatusReport | None = None
        self._hint: str | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(200)
        self.model = DataFrameTableModel(formatters=_formatters())
        self.model.set_alignment(["level", "rank_change"], Qt.AlignmentFlag.AlignCenter)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        # Unsorted at first: the result's order (best level, then position).
        self.table = make_table_view(self.proxy)
        self.chart = ChartView()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([210, 490])
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- EsiPanel ---------------------------------------------------------------------
    def tab_title(self) -> str:
        return translate("EsiPage", "Status")

    def job(self, context: EsiContext) -> Job:
        return Job(esi_status, (context.workspace, context.institution),
                   {"release": context.release}, translate("EsiPage", "Computing ESI status"))

    def show_result(self, result: EsiStatusReport) -> None:
        self.report = result
        self._hint = None
        self.render_result()

    def reset(self) -> None:
        self.report = None
        self._hint = None
        self.model.set_frame(None)
        self.summary.clear()
        self.chart.clear()

    def show_hint(self, text: str) -> None:
        self.reset()
        self._hint = text
        self.summary.setText(text)

    def render_result(self) -> None:
        """Show the current result (table, summary, chart) in the current language."""
        if self.report is None:
            return
        result = self.report.result
        self.model.set_frame(status_display_frame(result.table, is_chinese()))
        self.table.resizeColumnsToContents()
        listed = len(result.listed)
        text = translate("EsiPage", "{institution}, release {release}: listed in {listed} "
                         "of {fields} fields.").format(institution=result.params.institution,
                                     release=result.release, listed=listed,
                                     fields=len(result.table))
        if result.previous_release:
            text = join_sentences(text, translate(
                "EsiPage", "Rank changes against {previous}.").format(
                previous=result.previous_release))
        self.summary.setText(text)
        if listed:
            self.chart.show_figure(figure_esi_status(result, language=language()))
        else:
            self.chart.clear()

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(translate("EsiPage", "Filter…"))
        self.model.set_headers({column: _tr(label) for column, label in COLUMNS.items()})
        self.model.set_formatters(_formatters())
        self.render_result()

    def shutdown(self) -> None:
        self.chart.shutdown()


__all__ = ["EsiStatusPanel", "status_display_frame", "STATUS_LABELS", "COLUMNS", "level_label",
           "format_change"]
