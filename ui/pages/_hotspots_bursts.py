"""Bursts tab of the Hotspots page: Kleinberg settings, CiteSpace-style burst bars and the burst table."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from analysis.bursts import BurstParams
from analyst_app.charts_hotspots import ACTIVE_BLUE, BURST_RED, INACTIVE_GREY
from ui.pages._hotspots_jobs import BURST_SOURCES
from ui.pages._hotspots_tables import FrameTablePanel

translate = QCoreApplication.translate

_ROW = 20.0
_HEADER = 26.0
_MIN_CELL = 9.0


class BurstBarsWidget(QWidget):
    """Paint one row per burst: term, first year, strength, begin, end, then a cell per year.

    Years before the term's first occurrence are light grey, later years blue, the burst
    years red: the table CiteSpace prints as "Top N keywords with the strongest bursts".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bursts = pd.DataFrame()
        self.years = np.zeros(0, dtype=int)
        self.setBackgroundRole(self.backgroundRole())
        self.setAutoFillBackground(True)

    def set_bursts(self, bursts: pd.DataFrame, years: np.ndarray) -> None:
        """Show ``bursts`` (a burst table) over ``years`` (the years analysed)."""
        self.bursts = bursts.reset_index(drop=True)
        self.years = np.asarray(years, dtype=int)
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def _term_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        terms = [str(t) for t in self.bursts.get("term", [])] + [self._headers()[0]]
        return min(max(metrics.horizontalAdvance(t) for t in terms) + 12, 320.0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = self._term_width() + 4 * 58 + max(len(self.years), 1) * 16 + 20
        return QSize(int(width), int(_HEADER + len(self.bursts) * _ROW + 10))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(400, int(_HEADER + len(self.bursts) * _ROW + 10))

    @staticmethod
    def _headers() -> list[str]:
        return [translate("HotspotsPage", "Term"), translate("HotspotsPage", "Year"),
                translate("HotspotsPage", "Strength"), translate("HotspotsPage", "Begin"),
                translate("HotspotsPage", "End")]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.bursts.empty or not len(self.years):
            painter.setPen(QColor("#7f8c8d"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             translate("HotspotsPage", "No bursts to show."))
            return
        term_w = self._term_width()
        columns = [term_w, 50.0, 62.0, 50.0, 50.0]
        bars_x = sum(columns) + 8
        cell = max((self.width() - bars_x - 10) / len(self.years), _MIN_CELL)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1b2631"))
        x = 4.0
        for text, width in zip(self._headers(), columns):
            painter.drawText(QRectF(x, 0, width, _HEADER), Qt.AlignmentFlag.AlignVCenter, text)
            x += width
        self._paint_year_axis(painter, bars_x, cell)
        painter.setFont(self.font())
        for row, burst in enumerate(self.bursts.itertuples(index=False)):
            top = _HEADER + row * _ROW
            values = [str(burst.term), str(int(burst.first_year)), f"{burst.strength:.2f}",
                      str(int(burst.begin)), str(int(burst.end))]
            x = 4.0
            painter.setPen(QColor("#1b2631"))
            for value, width in zip(values, columns):
                painter.drawText(QRectF(x, top, width - 6, _ROW),
                                 Qt.AlignmentFlag.AlignVCenter, _elide(painter, value, width - 6))
                x += width
            for column, year in enumerate(self.years):
                colour = BURST_RED if burst.begin <= year <= burst.end else \
                    ACTIVE_BLUE if year >= burst.first_year else INACTIVE_GREY
                height = 10.0 if colour == BURST_RED else 5.0
                painter.fillRect(QRectF(bars_x + column * cell, top + (_ROW - height) / 2,
                                        cell - 1, height), QColor(colour))

    def _paint_year_axis(self, painter: QPainter, left: float, cell: float) -> None:
        metrics = painter.fontMetrics()
        step = max(1, int(np.ceil((metrics.horizontalAdvance("2000") + 6) / cell)))
        for column, year in enumerate(self.years):
            if column % step == 0 or column == len(self.years) - 1 and step == 1:
                painter.drawText(QRectF(left + column * cell, 0, cell * step, _HEADER),
                                 Qt.AlignmentFlag.AlignVCenter, str(year))


def _elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


class BurstsPanel(QWidget):
    """Settings (term source, s, γ, minimum documents), the bars and the burst table.

    Signals
    -------
    detect_requested()
        Detect was pressed.
    """

    detect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_combo = QComboBox()
        self.source_combo.addItems([""] * len(BURST_SOURCES))
        self.s_spin = QDoubleSpinBox()
        self.s_spin.setRange(1.05, 10.0)
        self.s_spin.setSingleStep(0.1)
        self.s_spin.setValue(BurstParams().s)
        self.gamma_spin = QDoubleSpinBox()
        self.gamma_spin.setRange(0.0, 10.0)
        self.gamma_spin.setSingleStep(0.1)
        self.gamma_spin.setValue(BurstParams().gamma)
        self.min_spin = QSpinBox()
        self.min_spin.setRange(1, 10000)
        self.min_spin.setValue(BurstParams().min_occurrences)
        self.detect_button = QPushButton()
        self.detect_button.clicked.connect(self.detect_requested)
        self.labels = [QLabel() for _ in range(4)]
        controls = QHBoxLayout()
        for label, widget in zip(self.labels, (self.source_combo, self.s_spin, self.gamma_spin,
                                               self.min_spin)):
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.detect_button)
        controls.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.bars = BurstBarsWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.bars)
        self.table = FrameTablePanel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.table)
        splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def params(self) -> BurstParams:
        """Return the burst parameters set."""
        return BurstParams(s=round(self.s_spin.value(), 3), gamma=round(self.gamma_spin.value(), 3),
                           min_occurrences=self.min_spin.value())

    def source(self) -> str:
        """Return the term source: a keyword set or ``references``."""
        return BURST_SOURCES[max(self.source_combo.currentIndex(), 0)]

    def show_bursts(self, bursts: pd.DataFrame, years: np.ndarray, summary: str) -> None:
        """Show a burst table (strongest first in the bars, as CiteSpace ranks them)."""
        self.table.set_frame(bursts)
        self.bars.set_bursts(bursts, years)
        self.summary.setText(summary)

    def set_busy(self, busy: bool) -> None:
        """Disable Detect while a job runs."""
        self.detect_button.setEnabled(not busy)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        for index, text in enumerate([translate("HotspotsPage", "Both keyword lists"),
                                      translate("HotspotsPage", "Author keywords"),
                                      translate("HotspotsPage", "Keywords Plus"),
                                      translate("HotspotsPage", "Cited references")]):
            self.source_combo.setItemText(index, text)
        for label, text in zip(self.labels, [translate("HotspotsPage", "T&erms:"),
                                             translate("HotspotsPage", "&s:"),
                                             translate("HotspotsPage", "&γ:"),
                                             translate("HotspotsPage", "Min. &documents:")]):
            label.setText(text)
        self.s_spin.setToolTip(translate("HotspotsPage", "Burst rate / base rate (CiteSpace: 2)."))
        self.gamma_spin.setToolTip(translate(
            "HotspotsPage", "Cost of entering a burst: larger values give fewer, longer bursts "
            "(CiteSpace: 1)."))
        self.detect_button.setText(translate("HotspotsPage", "Detect bursts"))
        self.table.filter_edit.setPlaceholderText(translate("HotspotsPage", "Filter bursts…"))
        self.table.hint.setText(translate("HotspotsPage", "Double-click a burst to list the "
                                          "publications of its burst years."))
        self.table.model.set_headers({
            "term": translate("HotspotsPage", "Term"), "begin": translate("HotspotsPage", "Begin"),
            "end": translate("HotspotsPage", "End"),
            "strength": translate("HotspotsPage", "Strength"),
            "occurrences": translate("HotspotsPage", "Documents"),
            "first_year": translate("HotspotsPage", "First year")})
        self.bars.update()


__all__ = ["BurstsPanel", "BurstBarsWidget"]
