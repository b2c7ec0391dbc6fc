"""The result tabs of the Benchmarking page: ESI, ESI trend, WoS indicators, warnings."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QSplitter,
                               QTableView, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from analysis.benchmark_wos import ALL_FIELDS
from analyst_app.charts_benchmark import (WOS_INDICATORS, figure_benchmark_esi,
                                          figure_benchmark_trend, figure_benchmark_wos)
from analyst_app.services.benchmark import BenchmarkReport
from ui.i18n import is_chinese
from ui.models import DataFrameSortProxy
from ui.pages._benchmark_tables import (ESI_COLUMNS, TREND_COLUMNS, WOS_COLUMNS,
                                        BenchmarkTableModel, display_frame,
                                        field_display_names, formatters, headers,
                                        institution_names)
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

#: Indicators the WoS chart offers, with their labels.
INDICATOR_LABELS = {
    "top10_share": QT_TRANSLATE_NOOP("BenchmarkPage", "Top 10% share (collection-normalised)"),
    "top1_share": QT_TRANSLATE_NOOP("BenchmarkPage", "Top 1% share (collection-normalised)"),
    "papers": QT_TRANSLATE_NOOP("BenchmarkPage", "Papers"),
    "cites": QT_TRANSLATE_NOOP("BenchmarkPage", "Cites"),
    "cites_per_paper": QT_TRANSLATE_NOOP("BenchmarkPage", "Cites per paper"),
    "international_share": QT_TRANSLATE_NOOP("BenchmarkPage", "International share"),
    "h_index": QT_TRANSLATE_NOOP("BenchmarkPage", "h-index"),
}
assert set(INDICATOR_LABELS) == set(WOS_INDICATORS)


# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("BenchmarkPage", text)


def _language() -> str:
    return "zh" if is_chinese() else "en"


class _TablePane:
    """A model, its sort/filter proxy and the view, built the same way for each tab."""

    def __init__(self, columns: dict[str, str]) -> None:
        self.columns = columns
        self.model = BenchmarkTableModel()
        self.proxy = DataFrameSortProxy()
        self.proxy.setSourceModel(self.model)
        self.view: QTableView = make_table_view(self.proxy)
        self.view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def show(self, frame: pd.DataFrame | None) -> None:
        self.model.set_frame(frame)
        self.view.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.model.set_headers(headers(self.columns))
        self.model.set_formatters(formatters())


def _splitter(top: QWidget, bottom: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([300, 320])
    return splitter


def _tab(*rows: QWidget | QHBoxLayout) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(6, 6, 6, 6)
    for row in rows:
        if isinstance(row, QHBoxLayout):
            layout.addLayout(row)
        else:
            layout.addWidget(row, 1)
    return page


class BenchmarkResultsView(QTabWidget):
    """Show a :class:`~analyst_app.services.benchmark.BenchmarkReport` in four tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: BenchmarkReport | None = None
        self.esi = _TablePane(ESI_COLUMNS)
        self.trend = _TablePane(TREND_COLUMNS)
        self.wos = _TablePane(WOS_COLUMNS)
        self.esi_chart = ChartView()
        self.trend_chart = ChartView()
        self.wos_chart = ChartView()
        self.trend_field_label = QLabel()
        self.trend_field = QComboBox()
        self.trend_field.setMinimumContentsLength(24)
        self.trend_field.currentIndexChanged.connect(self._render_trend)
        self.wos_view_label = QLabel()
        self.wos_view = QComboBox()
        self.wos_view.addItems(["", ""])  # totals / per year; texts set in retranslate
        self.wos_view.currentIndexChanged.connect(self._render_wos_table)
        self.indicator_label = QLabel()
        self.indicator = QComboBox()
        for key in INDICATOR_LABELS:
            self.indicator.addItem("", key)
        self.indicator.currentIndexChanged.connect(self._render_wos_chart)
        self.wos_field_label = QLabel()
        self.wos_field = QComboBox()
        self.wos_field.setMinimumContentsLength(20)
        self.wos_field.currentIndexChanged.connect(self._render_wos_chart)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        self.method = QTextBrowser()
        self.method.setMaximumHeight(150)
        self.method_label = QLabel()

        trend_row = QHBoxLayout()
        for widget in (self.trend_field_label, self.trend_field):
            trend_row.addWidget(widget)
        trend_row.addStretch(1)
        wos_row = QHBoxLayout()
        for widget in (self.wos_view_label, self.wos_view, self.indicator_label,
                       self.indicator, self.wos_field_label, self.wos_field):
            wos_row.addWidget(widget)
        wos_row.addStretch(1)
        self.addTab(_tab(_splitter(self.esi.view, self.esi_chart)), "")
        self.addTab(_tab(trend_row, _splitter(self.trend.view, self.trend_chart)), "")
        self.addTab(_tab(wos_row, _splitter(self.wos.view, self.wos_chart)), "")
        warnings_tab = QWidget()
        layout = QVBoxLayout(warnings_tab)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(self.method_label)
        layout.addWidget(self.method)
        self.addTab(warnings_tab, "")
        self.retranslate()

    # -- showing ----------------------------------------------------------------------
    def show_report(self, report: BenchmarkReport | None) -> None:
        """Show ``report`` (``None``: empty tables) in the current language."""
        self.report = report
        if report is None:
            for pane in (self.esi, self.trend, self.wos):
                pane.show(None)
            for chart in (self.esi_chart, self.trend_chart, self.wos_chart):
                chart.clear()
            self.warnings.clear()
            self.method.clear()
            self._fill_combo(self.trend_field, [])
            self._fill_combo(self.wos_field, [])
            self._retitle()
            return
        result = report.result
        chinese = is_chinese()
        self.esi.show(display_frame(result.esi, report, chinese))
        self._render_esi_chart()
        fields = field_display_names(chinese)
        self._fill_combo(self.trend_field, [(fields.get(f, f), f)
                                            for f in self._fields_by_our_position()])
        self._render_trend()
        self._render_wos_table()
        totals_fields = list(dict.fromkeys(result.wos_totals["field"]))
        totals_fields.sort(key=lambda f: (f != ALL_FIELDS, fields.get(f, f)))
        self._fill_combo(self.wos_field, [(fields.get(f, f), f) for f in totals_fields])
        self._render_wos_chart()
        self.warnings.clear()
        self.warnings.addItems(result.warnings)
        self.method.setPlainText(result.method)
        self._retitle()

    def _fields_by_our_position(self) -> list[str]:
        # The trend chooser starts at the field where we stand best: the one people ask about.
        assert self.report is not None
        trend = self.report.result.esi_trend
        ours = trend[trend["institution"] == self.report.institution.esi_name]
        best = ours.groupby("field")["percentile"].min()
        return sorted(trend["field"].unique(), key=lambda f: (
            math.inf if pd.isna(best.get(f)) else float(best.get(f)), f))

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(chosen) if chosen is not None else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))
        combo.blockSignals(False)

    def _names(self) -> dict[str, str]:
        assert self.report is not None
        return institution_names(self.report, is_chinese())

    def _render_esi_chart(self) -> None:
        if self.report is None or self.report.result.esi.empty:
            self.esi_chart.clear()
            return
        result = self.report.result
        self.esi_chart.show_figure(figure_benchmark_esi(
            result.esi, self.report.institution.esi_name, release=result.release,
            language=_language(), names=self._names(),
            field_names=field_display_names(is_chinese())))

    @Slot()
    def _render_trend(self) -> None:
        field = self.trend_field.currentData()
        if self.report is None or field is None:
            self.trend.show(None)
            self.trend_chart.clear()
            return
        trend = self.report.result.esi_trend
        rows = trend[trend["field"] == field].sort_values(["release"], kind="stable")
        self.trend.show(display_frame(rows, self.report, is_chinese()))
        self.trend_chart.show_figure(figure_benchmark_trend(
            trend, self.report.institution.esi_name, field, language=_language(),
            names=self._names(), field_name=self.trend_field.currentText()))

    @Slot()
    def _render_wos_table(self) -> None:
        if self.report is None:
            return
        result = self.report.result
        frame = result.wos_totals if self.wos_view.currentIndex() == 0 else result.wos
        self.wos.show(display_frame(frame, self.report, is_chinese()))

    @Slot()
    def _render_wos_chart(self) -> None:
        field = self.wos_field.currentData()
        if self.report is None or field is None:
            self.wos_chart.clear()
            return
        self.wos_chart.show_figure(figure_benchmark_wos(
            self.report.result.wos_totals, self.report.institution.esi_name, field,
            self.indicator.currentData(), language=_language(), names=self._names(),
            field_name=self.wos_field.currentText()))

    # -- filter, text, shutdown -------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show the rows of every table whose text contains ``text``."""
        for pane in (self.esi, self.trend, self.wos):
            pane.proxy.setFilterFixedString(text)

    def _retitle(self) -> None:
        count = self.warnings.count()
        self.setTabText(0, translate("BenchmarkPage", "ESI"))
        self.setTabText(1, translate("BenchmarkPage", "ESI trend"))
        self.setTabText(2, translate("BenchmarkPage", "Web of Science"))
        self.setTabText(3, translate("BenchmarkPage", "Warnings ({count})").format(count=count)
                        if count else translate("BenchmarkPage", "Warnings"))

    def retranslate(self) -> None:
        """Set every text in the current language and redraw the result."""
        for pane in (self.esi, self.trend, self.wos):
            pane.retranslate()
        self.trend_field_label.setText(translate("BenchmarkPage", "Field:"))
        self.wos_view_label.setText(translate("BenchmarkPage", "Show:"))
        self.wos_view.setItemText(0, translate("BenchmarkPage", "Totals over all years"))
        self.wos_view.setItemText(1, translate("BenchmarkPage", "Per publication year"))
        self.indicator_label.setText(translate("BenchmarkPage", "Chart:"))
        for i, key in enumerate(INDICATOR_LABELS):
            self.indicator.setItemText(i, _tr(INDICATOR_LABELS[key]))
        self.wos_field_label.setText(translate("BenchmarkPage", "in"))
        self.method_label.setText(translate("BenchmarkPage", "How the indicators were computed:"))
        for chart in (self.esi_chart, self.trend_chart, self.wos_chart):
            chart.retranslate()
        self._retitle()
        if self.report is not None:
            self.show_report(self.report)

    def shutdown(self) -> None:
        """Stop the charts and delete their temporary files."""
        for chart in (self.esi_chart, self.trend_chart, self.wos_chart):
            chart.shutdown()


__all__ = ["BenchmarkResultsView", "INDICATOR_LABELS"]
