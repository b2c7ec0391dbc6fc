"""Thematic-map tab of the Hotspots page: clusters by Callon centrality and density."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from analyst_app.charts_hotspots import cluster_colour
from ui.pages._hotspots_tables import FrameTablePanel

translate = QCoreApplication.translate


def quadrant_names() -> dict[str, str]:
    """Quadrant code → name in the current language."""
    return {"motor": translate("HotspotsPage", "Motor themes"),
            "niche": translate("HotspotsPage", "Niche themes"),
            "emerging_or_declining": translate("HotspotsPage", "Emerging or declining themes"),
            "basic": translate("HotspotsPage", "Basic themes")}


class ThematicMapWidget(QWidget):
    """Paint the clusters as bubbles at (centrality, density) with the four quadrants.

    Drawn natively rather than with plotly: it is small, prints with the page and needs no
    QtWebEngine (the report uses :func:`analyst_app.charts_hotspots.figure_thematic_map`).
    """

    MARGIN = (70.0, 20.0, 30.0, 50.0)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = pd.DataFrame()
        self.setMinimumHeight(260)

    def set_table(self, table: pd.DataFrame | None) -> None:
        """Show a thematic-map table (``None``: nothing)."""
        self.table = pd.DataFrame() if table is None else table.reset_index(drop=True)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.table.empty:
            return
        left, top, right, bottom = self.MARGIN
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        x, y = (self.table[c].to_numpy(dtype=float) for c in ("centrality", "density"))
        sx, sy = _scale(x, plot.left(), plot.right()), _scale(y, plot.bottom(), plot.top())
        painter.setPen(QPen(QColor("#aab7b8")))
        painter.drawRect(plot)
        dashed = QPen(QColor("#95a5a6"), 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        mx, my = sx(float(np.median(x))), sy(float(np.median(y)))
        painter.drawLine(QPointF(mx, plot.top()), QPointF(mx, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), my), QPointF(plot.right(), my))
        self._quadrant_names(painter, plot)
        self._axes(painter, plot)
        frequency = np.sqrt(self.table["frequency"].to_numpy(dtype=float).clip(min=1))
        radius = 8 + 22 * frequency / frequency.max()
        placed: list[QRectF] = []
        metrics = painter.fontMetrics()
        for row, r in zip(self.table.itertuples(index=False), radius):
            centre = QPointF(sx(row.centrality), sy(row.density))
            colour = QColor(cluster_colour(row.cluster))
            colour.setAlpha(170)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, r, r)
            # Crowded themes: try above, below, right, left; else only the cluster number.
            text = f"{int(row.cluster)}: {str(row.label)[:36]}"
            w, h = metrics.horizontalAdvance(text) + 4, metrics.height()
            candidates = [QRectF(centre.x() - w / 2, centre.y() - r - h - 2, w, h),
                          QRectF(centre.x() - w / 2, centre.y() + r + 2, w, h),
                          QRectF(centre.x() + r + 4, centre.y() - h / 2, w, h),
                          QRectF(centre.x() - r - 4 - w, centre.y() - h / 2, w, h)]
            box = next((c for c in candidates if QRectF(self.rect()).contains(c)
                        and not any(c.intersects(p) for p in placed)), None)
            painter.setPen(QColor("#1b2631"))
            if box is None:
                painter.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r),
                                 Qt.AlignmentFlag.AlignCenter, str(int(row.cluster)))
                continue
            placed.append(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _quadrant_names(self, painter: QPainter, plot: QRectF) -> None:
        names = quadrant_names()
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#7f8c8d"))
        inner = plot.adjusted(8, 6, -8, -6)
        flags = Qt.AlignmentFlag
        for quadrant, align in (("niche", flags.AlignLeft | flags.AlignTop),
                                ("motor", flags.AlignRight | flags.AlignTop),
                                ("emerging_or_declining", flags.AlignLeft | flags.AlignBottom),
                                ("basic", flags.AlignRight | flags.AlignBottom)):
            painter.drawText(inner, align, names[quadrant])
        painter.setFont(self.font())

    def _axes(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QColor("#1b2631"))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 8, plot.width(), 30),
                         Qt.AlignmentFlag.AlignHCenter,
                         translate("HotspotsPage", "Centrality (links to other themes) →"))
        painter.save()
        painter.translate(plot.left() - 20, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, -16, plot.height(), 30),
                         Qt.AlignmentFlag.AlignHCenter,
                         translate("HotspotsPage", "Density (links inside the theme) →"))
        painter.restore()


def _scale(values: np.ndarray, low: float, high: float):  # noqa: ANN202 - a mapping function
    lo, hi = float(values.min()), float(values.max())
    pad = (hi - lo) * 0.2 or max(abs(hi), 1.0) * 0.5
    lo, hi = lo - pad, hi + pad
    return lambda v: low + (float(v) - lo) / (hi - lo) * (high - low)


class ThematicPanel(QWidget):
    """The thematic map chart over its table (double-click a cluster: its publications)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame: pd.DataFrame | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = ThematicMapWidget()
        self.table = FrameTablePanel()
        self.table.model.set_formatters({"quadrant": lambda v: quadrant_names().get(v, v),
                                         "centrality": lambda v: f"{v:,.1f}",
                                         "density": lambda v: f"{v:,.2f}",
                                         "frequency": lambda v: f"{v:,.0f}"})
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def show_map(self, table: pd.DataFrame | None) -> None:
        """Show a thematic-map table (``None``: not available for this kind of map)."""
        self.frame = table
        self.table.set_frame(table)
        self.chart.set_table(table)
        self._summary()

    def _summary(self) -> None:
        if self.frame is None:
            self.summary.setText(translate(
                "HotspotsPage", "The thematic map places the clusters of a keyword map: "
                "compute a keyword map to see it."))
            return
        counts = self.frame["quadrant"].value_counts()
        self.summary.setText(translate(
            "HotspotsPage", "Centrality: links of a cluster to other clusters; density: links "
            "inside it per keyword; quadrants split at the medians. Motor themes: {motor}; "
            "niche themes: {niche}; emerging or declining themes: {emerging}; basic themes: "
            "{basic}.").format(
            motor=int(counts.get("motor", 0)), niche=int(counts.get("niche", 0)),
            emerging=int(counts.get("emerging_or_declining", 0)),
            basic=int(counts.get("basic", 0))))

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.table.model.set_headers({
            "cluster": translate("HotspotsPage", "Cluster"),
            "label": translate("HotspotsPage", "Most frequent keywords"),
            "keywords": translate("HotspotsPage", "Keywords"),
            "frequency": translate("HotspotsPage", "Occurrences"),
            "centrality": translate("HotspotsPage", "Centrality"),
            "density": translate("HotspotsPage", "Density"),
            "quadrant": translate("HotspotsPage", "Quadrant")})
        self.table.filter_edit.setPlaceholderText(translate("HotspotsPage", "Filter themes…"))
        self.table.hint.setText(translate("HotspotsPage", "Double-click a theme to list its "
                                          "publications."))
        self._summary()


__all__ = ["ThematicPanel", "ThematicMapWidget", "quadrant_names"]
