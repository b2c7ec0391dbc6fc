"""ESI page: the institution's standing per ESI field in a release (table and chart)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QWidget)

from analysis.esi import STATUS_LEVELS
from analyst_app.charts import figure_esi_status
from analyst_app.db.queries import esi_releases
from analyst_app.services.esi import EsiStatusReport, esi_status
from ui.i18n import is_chinese
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages.base import PageBase, follow_workspace_institution
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

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


# Hints shown instead of a result.
HINT_NO_LISTS = QT_TRANSLATE_NOOP("EsiPage", "No ESI lists imported yet: import them on the "
                                  "Data page.")
HINT_NO_INSTITUTION = QT_TRANSLATE_NOOP("EsiPage", "Enter the institution's name as ESI prints "
                                        "it, or set it in File → Institution settings.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EsiPage", text)


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


def _format_change(value: Any) -> str:
    change = int(value)
    return f"↑{change}" if change > 0 else f"↓{-change}" if change < 0 else "–"


def _formatters() -> dict[str, Any]:
    codes = list(STATUS_LEVELS)
    thousands = lambda v: f"{int(v):,}"  # noqa: E731
    return {
        "level": lambda v: _tr(STATUS_LABELS[codes[int(v)]]),
        "rank_change": _format_change,
        "percentile": lambda v: f"{float(v) * 100:.2f}%",
        **{c: thousands for c in ("institutions", "documents", "cites", "top_papers",
                                  "threshold_1pct", "threshold_1permille", "threshold_1per10k")},
    }


class EsiPage(PageBase):
    """Compute and show the ESI status of the institution in a release."""

    key = "esi"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EsiStatusReport | None = None
        self._pending = False
        self._workspace_institution = ""
        self._hint: str | None = None
        self.institution_label = QLabel()
        self.institution_edit = QLineEdit()
        self.institution_edit.setMinimumWidth(300)
        self.institution_edit.returnPressed.connect(self.compute)
        self.institution_label.setBuddy(self.institution_edit)
        self.release_label = QLabel()
        self.release_combo = QComboBox()
        self.release_combo.setMinimumContentsLength(8)
        self.release_label.setBuddy(self.release_combo)
        self.compute_button = QPushButton()
        self.compute_button.clicked.connect(self.compute)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(200)
        controls = QHBoxLayout()
        for widget in (self.institution_label, self.institution_edit, self.release_label,
                       self.release_combo, self.compute_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.filter_edit)
        self.body.addLayout(controls)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)

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
        self.body.addWidget(splitter, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.finished.connect(self._run_pending)
        self.retranslate()

    # -- actions ----------------------------------------------------------------------
    @Slot()
    def compute(self) -> None:
        """Compute the status of the institution in the chosen release (worker thread)."""
        if self.workspace is None:
            return
        if self.runner.busy:
            self._pending = True  # recompute once the running job ends
            return
        institution = self.institution_edit.text().strip() or None
        release = self.release_combo.currentData()
        self.messages.clear()
        self.runner.start(esi_status, self.workspace, institution, release=release,
                          description=self.tr("Computing ESI status"))

    @Slot()
    def _run_pending(self) -> None:
        if self._pending:
            self._pending = False
            self.compute()

    def refresh(self) -> None:
        """Re-read releases and the workspace institution, then recompute."""
        self.report = None
        self._hint = None
        self.model.set_frame(None)
        self.summary.clear()
        self.chart.clear()
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            releases = esi_releases(session)
        self._fill_releases(releases)
        self.on_institution_changed()
        if releases and self.institution_edit.text().strip():
            self.compute()
        else:
            self._hint = HINT_NO_INSTITUTION if releases else HINT_NO_LISTS
            self.summary.setText(_tr(self._hint))

    def on_institution_changed(self) -> None:
        """Take the workspace institution unless the user typed another name."""
        self._workspace_institution = follow_workspace_institution(
            self.institution_edit, self.workspace, self._workspace_institution)

    def _fill_releases(self, releases: list[str]) -> None:
        chosen = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("Latest"), None)
        for label in sorted(releases, reverse=True):
            self.release_combo.addItem(label, label)
        index = self.release_combo.findData(chosen) if chosen else 0
        self.release_combo.setCurrentIndex(max(index, 0))

    # -- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_result(self, report: EsiStatusReport) -> None:
        self.report = report
        self._hint = None
        self.render_result()

    def render_result(self) -> None:
        """Show the current result (table, summary, chart) in the current language."""
        if self.report is None:
            if self._hint:
                self.summary.setText(_tr(self._hint))
            return
        result = self.report.result
        self.model.set_frame(status_display_frame(result.table, is_chinese()))
        self.table.resizeColumnsToContents()
        listed = len(result.listed)
        text = self.tr("{institution}, release {release}: listed in {listed} of {fields} "
                       "fields.").format(institution=result.params.institution,
                                         release=result.release, listed=listed,
                                         fields=len(result.table))
        if result.previous_release:
            text += " " + self.tr("Rank changes against {previous}.").format(
                previous=result.previous_release)
        self.summary.setText(text)
        if listed:
            self.chart.show_figure(figure_esi_status(result, language="zh" if is_chinese()
                                                     else "en"))
        else:
            self.chart.clear()

    def set_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy)

    def shutdown(self) -> None:
        super().shutdown()
        self.chart.shutdown()

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("ESI")

    def retranslate(self) -> None:
        self.institution_label.setText(self.tr("&Institution:"))
        self.institution_edit.setPlaceholderText(self.tr("e.g. DALIAN UNIVERSITY OF TECHNOLOGY"))
        self.release_label.setText(self.tr("&Release:"))
        if self.release_combo.count():
            self.release_combo.setItemText(0, self.tr("Latest"))
        self.compute_button.setText(self.tr("Compute"))
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self.model.set_headers({column: _tr(label) for column, label in COLUMNS.items()})
        self.model.set_formatters(_formatters())
        self.render_result()


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(EsiPage))
