"""ESI page, History tab: rank and position per field over every imported release."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from analysis.esi import STATUS_LEVELS
from analyst_app.charts_esi import figure_esi_history
from analyst_app.services.esi_history import EsiHistoryReport, esi_history
from ui.i18n import is_chinese, join_items
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._esi_common import (EsiContext, EsiPanel, Job, field_names, fit_columns,
                                  hint_label, language, thousands)
from ui.pages._esi_status import format_change, level_label
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

# Columns of the history table (context "EsiHistoryPanel").
COLUMNS = {
    "field_name": QT_TRANSLATE_NOOP("EsiHistoryPanel", "ESI field"),
    "release": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Release"),
    "level": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Level"),
    "rank": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Rank"),
    "rank_change": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Rank change"),
    "institutions": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Institutions listed"),
    "percentile": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Percentile position"),
    "cites": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Cites"),
    "threshold_1pct": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Top 1% threshold"),
}
# The sentence names the field: no field column (the frame keeps it for filtering).
SENTENCE_COLUMNS = {
    "release": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Release"),
    "sentence": QT_TRANSLATE_NOOP("EsiHistoryPanel", "Change"),
}
#: Chart metrics: (code, label).
METRICS = (("percentile", QT_TRANSLATE_NOOP("EsiHistoryPanel", "Position (rank / institutions)")),
           ("rank", QT_TRANSLATE_NOOP("EsiHistoryPanel", "Rank")))


def history_display_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The history table with ``field_name`` (UI language) and ``level`` (sortable code)."""
    order = {code: i for i, code in enumerate(STATUS_LEVELS)}
    frame = table.copy()
    frame["field_name"] = field_names(frame)
    frame["level"] = frame["status"].map(order).astype("Int64")
    return frame


def sentences_display_frame(sentences: pd.DataFrame) -> pd.DataFrame:
    """The change sentences in the UI language, newest release first (core order within)."""
    frame = sentences.copy()
    frame["field_name"] = field_names(frame)
    frame["sentence"] = frame["sentence_zh" if is_chinese() else "sentence_en"]
    return frame.sort_values("release", ascending=False, kind="stable").reset_index(drop=True)


class EsiHistoryPanel(EsiPanel):
    """Line chart, table and change sentences of the institution's ESI history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EsiHistoryReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.metric_label = QLabel()
        self.metric_combo = QComboBox()
        for code, _label in METRICS:
            self.metric_combo.addItem("", code)
        self.metric_combo.currentIndexChanged.connect(self._render_chart)
        self.metric_label.setBuddy(self.metric_combo)
        self.fields_label = QLabel()
        self.fields_list = QListWidget()
        self.fields_list.setMinimumWidth(230)
        self.fields_list.itemChanged.connect(self._on_fields_changed)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton()
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.chart = ChartView()
        self.model = DataFrameTableModel(formatters=self._formatters())
        self.model.set_alignment(["level", "rank_change"], Qt.AlignmentFlag.AlignCenter)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(self.proxy)
        self.sentences_model = DataFrameTableModel()
        self.sentences_table = make_table_view(self.sentences_model)
        self.sentences_table.setWordWrap(True)
        self.sentences_table.horizontalHeader().setStretchLastSection(True)
        self.sentences_hint = hint_label()
        self.sentences_stack = QStackedWidget()
        self.sentences_stack.addWidget(self.sentences_table)
        self.sentences_stack.addWidget(self.sentences_hint)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.metric_label)
        top.addWidget(self.metric_combo)
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fields_label)
        column.addWidget(self.fields_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        column.addLayout(buttons)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.table)
        bottom.addWidget(self.sentences_stack)
        bottom.setSizes([520, 480])
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        right.addWidget(bottom)
        right.setSizes([380, 260])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(fields)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(main, 1)

    @staticmethod
    def _formatters() -> dict:
        codes = list(STATUS_LEVELS)
        return {"level": lambda v: level_label(codes[int(v)]), "rank_change": format_change,
                "percentile": lambda v: f"{float(v) * 100:.2f}%",
                **{c: thousands for c in ("rank", "institutions", "cites", "threshold_1pct")}}

    # -- EsiPanel ---------------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("History")

    def job(self, context: EsiContext) -> Job:
        return Job(esi_history, (context.workspace, context.institution),
                   description=self.tr("Computing the ESI history"))

    def show_result(self, result: EsiHistoryReport) -> None:
        self.report = result
        self._fill_fields()
        self.render_result()

    def reset(self) -> None:
        self.report = None
        self.fields_list.clear()
        self.model.set_frame(None)
        self.sentences_model.set_frame(None)
        self.summary.clear()
        self.chart.clear()

    def show_hint(self, text: str) -> None:
        self.reset()
        self.summary.setText(text)

    @property
    def releases(self) -> list[str]:
        """The releases of the result shown (oldest first)."""
        return list(self.report.result.releases) if self.report else []

    def selected_fields(self) -> list[str]:
        """English names of the checked fields."""
        items = (self.fields_list.item(i) for i in range(self.fields_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def set_selected_fields(self, fields: list[str]) -> None:
        """Check exactly ``fields`` (English names) and redraw."""
        self.fields_list.blockSignals(True)
        for i in range(self.fields_list.count()):
            item = self.fields_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in fields
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.fields_list.blockSignals(False)
        self._on_fields_changed()

    def _fill_fields(self) -> None:
        """List every field, checking the ones chosen before or, at first, those listed now."""
        assert self.report is not None
        chosen = set(self.selected_fields())
        table = self.report.result.table
        latest = table[table["release"] == table["release"].max()]
        listed = set(latest.loc[latest["status"] != "not_listed", "field"])
        frame = table.drop_duplicates("field").copy()
        frame["name"] = field_names(frame)
        self.fields_list.blockSignals(True)
        self.fields_list.clear()
        for row in frame.sort_values("name").itertuples():
            item = QListWidgetItem(str(row.name))
            item.setData(Qt.ItemDataRole.UserRole, row.field)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = row.field in chosen if chosen else row.field in listed
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.fields_list.addItem(item)
        self.fields_list.blockSignals(False)

    def render_result(self) -> None:
        """Show the result (summary, table, chart, sentences) in the current language."""
        if self.report is None:
            return
        result = self.report.result
        self.summary.setText(self.tr("{institution}: {count} releases imported ({releases}).")
                             .format(institution=result.params.institution,
                                     count=len(result.releases),
                                     releases=join_items(result.releases)))
        self.sentences_model.set_frame(sentences_display_frame(result.sentences))
        if len(result.releases) < 2:
            self.sentences_hint.setText(self.tr("Import two or more releases to see changes."))
            self.sentences_stack.setCurrentWidget(self.sentences_hint)
        elif result.sentences.empty:
            self.sentences_hint.setText(self.tr("No change between the releases."))
            self.sentences_stack.setCurrentWidget(self.sentences_hint)
        else:
            self.sentences_stack.setCurrentWidget(self.sentences_table)
            self.sentences_table.resizeRowsToContents()
        self._on_fields_changed()

    @Slot()
    def _on_fields_changed(self) -> None:
        if self.report is None:
            return
        table = self.report.result.table
        shown = table[table["field"].isin(self.selected_fields())]
        self.model.set_frame(history_display_frame(shown))
        fit_columns(self.table, 220)
        self._render_chart()

    def _check_all(self, checked: bool) -> None:
        fields = [self.fields_list.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.fields_list.count())] if checked else []
        self.set_selected_fields(fields)

    @Slot()
    def _render_chart(self) -> None:
        fields = self.selected_fields()
        if self.report is None or not fields:
            self.chart.clear()
            return
        result = self.report.result
        self.chart.show_figure(figure_esi_history(
            result.table, institution=result.params.institution, fields=fields,
            metric=self.metric_combo.currentData(), language=language()))

    def retranslate(self) -> None:
        for i, (_code, label) in enumerate(METRICS):
            self.metric_combo.setItemText(i, self.tr(label))
        self.metric_label.setText(self.tr("&Chart:"))
        self.fields_label.setText(self.tr("Fields in the chart and table:"))
        self.all_button.setText(self.tr("All"))
        self.none_button.setText(self.tr("None"))
        self.model.set_headers({c: self.tr(label) for c, label in COLUMNS.items()})
        self.model.set_formatters(self._formatters())
        self.sentences_model.set_headers({c: self.tr(label)
                                          for c, label in SENTENCE_COLUMNS.items()})
        if self.report is not None:
            self._fill_fields()  # field names in the new language
        self.render_result()

    def shutdown(self) -> None:
        self.chart.shutdown()


__all__ = ["EsiHistoryPanel", "history_display_frame", "sentences_display_frame"]
