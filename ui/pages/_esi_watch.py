"""ESI page, Potential & watch list tab: potential values, the watch list, entry forecasts."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSplitter,
                               QVBoxLayout, QWidget)

from analysis.esi import STATUS_LEVELS
from analyst_app.charts_esi import figure_esi_potential
from analyst_app.db.workspace import Workspace
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.esi_history import EsiPotentialReport, esi_potential
from ui.i18n import is_chinese, join_items, join_sentences
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._esi_common import (EsiContext, EsiPanel, Job, field_names, fit_columns, language,
                                  thousands)
from ui.pages._esi_status import level_label
from ui.pages._filter_text import filter_text
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

#: Workspace setting holding the watch-list cut-off, and its default (DESIGN §5).
WATCH_SETTING = "esi.watch"
DEFAULT_WATCH = 0.8
# Wait this long after the last change of the cut-off before recomputing (spin-box clicks).
_DEBOUNCE_MS = 400
# ESI level of a ``next_level`` value, for its translated label.
_LEVEL_CODES = {"1%": "top_1pct", "1‰": "top_1permille", "1‱": "top_1per10k"}

# In this order so that the forecast is in view at 1280 pixels; the source of the cites last.
COLUMNS = {
    "field_name": QT_TRANSLATE_NOOP("EsiWatchPanel", "ESI field"),
    "level": QT_TRANSLATE_NOOP("EsiWatchPanel", "Level now"),
    "cites": QT_TRANSLATE_NOOP("EsiWatchPanel", "Cites"),
    "threshold_1pct": QT_TRANSLATE_NOOP("EsiWatchPanel", "Top 1% threshold"),
    "next_level": QT_TRANSLATE_NOOP("EsiWatchPanel", "Next level"),
    "potential_next": QT_TRANSLATE_NOOP("EsiWatchPanel", "P vs next level"),
    "on_watch_list": QT_TRANSLATE_NOOP("EsiWatchPanel", "Watch list"),
    "forecast_text": QT_TRANSLATE_NOOP("EsiWatchPanel", "Forecast of reaching the next level"),
    "likely_next_release": QT_TRANSLATE_NOOP("EsiWatchPanel", "Likely in next release"),
    "cites_from": QT_TRANSLATE_NOOP("EsiWatchPanel", "Cites from"),
}
# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate
_SOURCES = {"esi": QT_TRANSLATE_NOOP("EsiWatchPanel", "ESI list"),
            "wos": QT_TRANSLATE_NOOP("EsiWatchPanel", "WoS records (estimate)")}


def forecast_text(row: dict[str, Any], chinese: bool) -> str | None:
    """The forecast interval ``2026-03 – 2027-09``, or the reason there is none."""
    possible = row.get("forecast_possible")
    if possible is not None and not pd.isna(possible) and bool(possible):
        return f"{row['forecast_earliest']} – {row['forecast_latest']}"
    reason = row.get("forecast_reason_zh" if chinese else "forecast_reason_en")
    return None if reason is None or pd.isna(reason) else str(reason)


def watch_display_frame(table: pd.DataFrame, only_watch: bool) -> pd.DataFrame:
    """The potential table with display columns; only watch-list rows when ``only_watch``."""
    order = {code: i for i, code in enumerate(STATUS_LEVELS)}
    frame = table[table["on_watch_list"]] if only_watch else table
    frame = frame.copy()
    frame["field_name"] = field_names(frame)
    frame["level"] = frame["status"].map(order).astype("Int64")
    frame["cites_from"] = frame["cites_source"]
    frame["forecast_text"] = [forecast_text(r, is_chinese()) for r in frame.to_dict("records")]
    # Closest to the next level first; fields whose P is unknown last.
    return frame.sort_values(["potential_next", "listed"], ascending=[False, False],
                             na_position="last", kind="stable")


def potential_notes(report: EsiPotentialReport) -> list[str]:
    """The caveats of ``report`` in the current language (the core's ``notes`` are English).

    Rebuilt from the report's WoS count and window, as
    :func:`analyst_app.services.esi_history.esi_potential` words them.
    """
    notes = [translate("EsiWatchPanel", "WoS records counted: {filter}; articles and reviews "
                       "only.").format(filter=filter_text(CorpusFilter(years=report.params.window)))]
    own = report.own
    if own is None:
        notes.append(translate(
            "EsiWatchPanel", "No publication in the workspace names the institution in its "
            "addresses: cites of unlisted fields are unknown (import its WoS records, or add "
            "the spelling WoS uses as an alias)."))
        return notes
    by_journal = int(own.table["field_source_journal"].sum()) if not own.table.empty else 0
    notes.append(translate(
        "EsiWatchPanel", "{counted} of {matched} matched records counted; fields from the ESI "
        "journal list for {journal}, from the WoS-category map (an estimate) for "
        "{category}.").format(counted=f"{own.counted:,}", matched=f"{own.matched:,}",
                              journal=f"{by_journal:,}",
                              category=f"{own.counted - by_journal:,}"))
    return notes


class EsiWatchPanel(EsiPanel):
    """Potential value per field against the next level, the watch list and entry forecasts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: EsiPotentialReport | None = None
        self.workspace: Workspace | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.watch_label = QLabel()
        self.watch_spin = QDoubleSpinBox()
        self.watch_spin.setRange(0.05, 1.0)
        self.watch_spin.setSingleStep(0.05)
        self.watch_spin.setDecimals(2)
        self.watch_spin.setValue(DEFAULT_WATCH)
        self.watch_label.setBuddy(self.watch_spin)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self._apply_watch)
        self.watch_spin.valueChanged.connect(lambda _v: self._timer.start())
        self.only_watch = QCheckBox()
        self.only_watch.toggled.connect(self.render_result)
        self.model = DataFrameTableModel(formatters=self._formatters())
        self.model.set_alignment(["level", "next_level", "on_watch_list", "likely_next_release"],
                                 Qt.AlignmentFlag.AlignCenter)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(self.proxy)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color:#7f8c8d;")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = ChartView()
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.watch_label)
        controls.addWidget(self.watch_spin)
        controls.addWidget(self.only_watch)
        controls.addStretch(1)
        upper = QWidget()
        column = QVBoxLayout(upper)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.notes)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.chart)
        splitter.setSizes([330, 370])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def _formatters(self) -> dict:
        codes = list(STATUS_LEVELS)
        return {"level": lambda v: level_label(codes[int(v)]),
                "next_level": lambda v: level_label(_LEVEL_CODES[v]) if v in _LEVEL_CODES else v,
                "cites_from": lambda v: self.tr(_SOURCES.get(v, v)),
                "potential_next": lambda v: f"{float(v):.2f}",
                "cites": thousands, "threshold_1pct": thousands}

    # -- settings ---------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        """Read the cut-off saved in ``workspace`` (without recomputing)."""
        self._timer.stop()
        self.workspace = workspace
        value = DEFAULT_WATCH
        if workspace is not None:
            try:
                value = float(workspace.get_setting(WATCH_SETTING, DEFAULT_WATCH))
            except (TypeError, ValueError):  # a hand-edited setting: fall back to the default
                value = DEFAULT_WATCH
        self.watch_spin.blockSignals(True)
        self.watch_spin.setValue(value)
        self.watch_spin.blockSignals(False)

    @property
    def watch(self) -> float:
        """The watch-list cut-off shown."""
        return round(self.watch_spin.value(), 4)

    @Slot()
    def _apply_watch(self) -> None:
        if self.workspace is not None:
            self.workspace.set_setting(WATCH_SETTING, self.watch)
        self.requested.emit()

    def flush(self) -> None:
        """Apply a pending change of the cut-off now (tests, closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self._apply_watch()

    # -- EsiPanel ---------------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("Potential && watch list")

    def job(self, context: EsiContext) -> Job:
        return Job(esi_potential, (context.workspace, context.institution),
                   {"release": context.release, "watch": self.watch},
                   self.tr("Computing ESI potential values"))

    def show_result(self, result: EsiPotentialReport) -> None:
        self.report = result
        self.render_result()

    def reset(self) -> None:
        self.report = None
        self.model.set_frame(None)
        self.summary.clear()
        self.notes.clear()
        self.chart.clear()

    def show_hint(self, text: str) -> None:
        self.reset()
        self.summary.setText(text)

    def watch_fields(self) -> list[str]:
        """English names of the fields on the watch list of the result shown."""
        if self.report is None:
            return []
        table = self.report.table
        return list(table.loc[table["on_watch_list"], "field"])

    @Slot()
    def render_result(self) -> None:
        """Show the result (summary, table, notes, chart) in the current language."""
        if self.report is None:
            return
        report = self.report
        table = report.table
        self.model.set_frame(watch_display_frame(table, self.only_watch.isChecked()))
        fit_columns(self.table, 240)
        self.table.setColumnWidth(self.model.columns.index("forecast_text"), 400)
        watched = watch_display_frame(table, True)["field_name"].tolist()
        likely = field_names(table[table["likely_next_release"]]).tolist()
        if watched:
            text = self.tr("{institution}, release {release}: {count} field(s) on the watch "
                           "list (P ≥ {watch:.2f} against the next level): {fields}.")
        else:
            text = self.tr("{institution}, release {release}: no field on the watch list "
                           "(P ≥ {watch:.2f} against the next level).")
        text = text.format(institution=report.institution, release=report.release,
                           count=len(watched), watch=report.params.watch,
                           fields=join_items(watched))
        if likely:
            text = join_sentences(text, self.tr(
                "Likely listed in the next release: {fields}.").format(fields=join_items(likely)))
        self.summary.setText(text)
        self.notes.setText(join_sentences(*potential_notes(report)))
        self.chart.show_figure(figure_esi_potential(
            table, institution=report.institution, release=report.release,
            watch=report.params.watch, language=language()))

    def retranslate(self) -> None:
        self.watch_label.setText(self.tr("&Watch cut-off:"))
        self.watch_spin.setToolTip(self.tr(
            "A field is on the watch list when its potential value P against the next level "
            "is at least this value and below 1."))
        self.only_watch.setText(self.tr("Only fields on the watch list"))
        self.model.set_headers({c: self.tr(label) for c, label in COLUMNS.items()})
        self.model.set_formatters(self._formatters())
        self.render_result()

    def shutdown(self) -> None:
        self._timer.stop()
        self.chart.shutdown()


__all__ = ["EsiWatchPanel", "WATCH_SETTING", "DEFAULT_WATCH", "watch_display_frame",
           "forecast_text", "potential_notes"]
