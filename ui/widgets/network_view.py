"""Interactive science-map view: nodes, links and labels on a QGraphicsScene, with zoom and drill-down."""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np
import pandas as pd
from PySide6.QtCore import QByteArray, QCoreApplication, QDataStream, QEvent, QPointF, QRectF, Qt, \
    QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QMouseEvent,
                           QPainter, QPainterPath, QPen, QResizeEvent, QTransform,
                           QWheelEvent)
from PySide6.QtWidgets import (QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QToolTip, QWidget)

from analyst_app.charts_hotspots import cluster_colour, scale_colour, year_range

translate = QCoreApplication.translate

#: Width and height of the square the layout is scaled into (scene units).
SCENE_SIZE = 1000.0
#: Radius of the smallest and the largest node (scene units).
MIN_RADIUS, MAX_RADIUS = 5.0, 34.0
#: Links drawn at most, the strongest first (VOSviewer draws 1,000 by default): more lines
#: add no reading, only ink and paint time.
MAX_EDGES = 3000
#: Weight classes of links; each (colour, class) pair is one path item, not one item per link.
EDGE_CLASSES = 5
#: Colours of the year scale links are grouped into.
EDGE_COLOURS = 16
#: Labels shown at most, the largest nodes first, as long as they do not overlap.
MAX_LABELS = 400
#: A press that moves less than this (pixels) is a click, not a pan.
CLICK_SLOP = 4
#: Clusters listed in the legend.
LEGEND_CLUSTERS = 12
_LABEL_COLOUR = QColor("#1b2631")
_HIGHLIGHT = QColor("#000000")


class NetworkView(QGraphicsView):
    """Show a clustered network laid out by the core (``x, y`` of the node table).

    Wheel zooms under the mouse, dragging pans, a click on a node or a link emits
    :attr:`node_clicked` or :attr:`edge_clicked`. Nodes are circles sized by occurrences,
    coloured by cluster or by average publication year (legend in the top-left corner).

    Signals
    -------
    node_clicked(int)
        Position of the node in the node table.
    edge_clicked(int, int)
        Positions of the link's two nodes.
    """

    node_clicked = Signal(int)
    edge_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QColor("#ffffff"))
        # Panning is by dragging (the hidden scroll bars still move the view).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 240)
        self.nodes = pd.DataFrame()
        self.edges = pd.DataFrame()
        self.cluster_labels: dict[int, str] = {}
        self.colour_mode = "cluster"
        self.node_items: list[QGraphicsEllipseItem] = []
        self.label_items: list[QGraphicsSimpleTextItem] = []
        self.edge_items: list[QGraphicsPathItem] = []
        self.highlighted_node: int | None = None
        self.highlighted_cluster: int | None = None
        self.drawn_edges = 0
        self._pos = np.zeros((0, 2))
        self._radius = np.zeros(0)
        self._years = (0.0, 1.0)
        self._press: QPointF | None = None
        self._auto_fit = True  # refit on resize until the user zooms
        self._relabel = QTimer(self)
        self._relabel.setSingleShot(True)
        self._relabel.setInterval(60)
        self._relabel.timeout.connect(self._settle)

    # -- content --------------------------------------------------------------------
    def set_network(self, nodes: pd.DataFrame, edges: pd.DataFrame,
                    cluster_labels: Mapping[int, str] | None = None) -> None:
        """Show a network: ``nodes`` and ``edges`` as in :class:`NetworkResult`."""
        self.scene().clear()
        self.node_items, self.label_items, self.edge_items = [], [], []
        self.highlighted_node = self.highlighted_cluster = None
        self._label_shown = self._label_dimmed = np.zeros(0, dtype=bool)
        self.nodes = nodes.reset_index(drop=True)
        self.edges = edges.head(MAX_EDGES).reset_index(drop=True)
        self.drawn_edges = len(self.edges)
        self.cluster_labels = dict(cluster_labels or {})
        self._pos = self._scene_positions(self.nodes)
        occurrences = self.nodes["occurrences"].to_numpy(dtype=float) if len(self.nodes) else \
            np.zeros(0)
        top = occurrences.max() if occurrences.size else 1.0
        self._radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * np.sqrt(occurrences / max(top, 1.0))
        if "avg_year" in self.nodes:
            self._years = year_range(self.nodes["avg_year"])
        self._make_nodes()
        self._make_labels()
        self.recolour()
        margin = 40.0
        self.scene().setSceneRect(self.scene().itemsBoundingRect().adjusted(
            -margin, -margin, margin, margin))
        self.fit()

    @staticmethod
    def _scene_positions(nodes: pd.DataFrame) -> np.ndarray:
        if nodes.empty:
            return np.zeros((0, 2))
        xy = nodes[["x", "y"]].to_numpy(dtype=float)
        xy = np.nan_to_num(xy)
        span = float(np.ptp(xy, axis=0).max()) or 1.0
        centred = (xy - xy.min(axis=0)) / span * SCENE_SIZE
        centred[:, 1] = SCENE_SIZE - centred[:, 1]  # y grows upwards in the layout
        return centred

    def _make_nodes(self) -> None:
        # One constructor call per node and nothing else: see the note on void calls in
        # segments_path(). Tooltips come from event(), not from one tooltip per item.
        pen = _outline(False)
        brush = QBrush(QColor("#bdc3c7"))
        add = self.scene().addEllipse
        self.node_items = [add(QRectF(x - r, y - r, 2 * r, 2 * r), pen, brush)
                           for (x, y), r in zip(self._pos, self._radius)]

    def _make_labels(self) -> None:
        # Labels keep their size on screen (ItemIgnoresTransformations); which of them show
        # is decided again after each zoom, so a zoom-in reveals the smaller nodes' labels.
        flag = QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations
        fonts: dict[int, QFont] = {}
        for index, (label, r) in enumerate(zip(self.nodes.get("label", []), self._radius)):
            size = round(2 * (8.0 + 4.0 * (r - MIN_RADIUS) / (MAX_RADIUS - MIN_RADIUS))) / 2
            font = fonts.get(int(size * 2))
            if font is None:
                font = fonts[int(size * 2)] = QFont(self.font())
                font.setPointSizeF(size)
            item = self.scene().addSimpleText(_short(str(label)), font)
            item.setFlag(flag)
            box = item.boundingRect()
            item.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))
            item.setPos(QPointF(*self._pos[index]))
            self.label_items.append(item)
        self._label_shown = np.ones(len(self.label_items), dtype=bool)
        self._label_dimmed = np.zeros(len(self.label_items), dtype=bool)

    def set_colour_mode(self, mode: str) -> None:
        """Colour nodes by ``"cluster"`` or by average publication ``"year"``."""
        if mode not in ("cluster", "year"):
            raise ValueError(f"colour mode must be 'cluster' or 'year', got {mode!r}")
        self.colour_mode = mode
        self.recolour()

    def node_colours(self, steps: int | None = None) -> list[QColor]:
        """Return the colour of every node in the current mode.

        ``steps`` rounds the year scale to that many colours (links are grouped by colour).
        """
        if self.nodes.empty:
            return []
        if self.colour_mode == "year" and "avg_year" in self.nodes:
            low, high = self._years
            fractions = (self.nodes["avg_year"].to_numpy(dtype=float) - low) / (high - low)
            if steps:
                fractions = np.round(np.clip(fractions, 0, 1) * (steps - 1)) / (steps - 1)
            return [QColor(scale_colour(f)) for f in fractions]
        return [QColor(cluster_colour(c)) for c in self.nodes["cluster"]]

    def recolour(self) -> None:
        """Paint nodes and links for the colour mode and the highlighted cluster."""
        colours = self.node_colours()
        dimmed = self._dimmed()
        brushes: dict[tuple[int, bool], QBrush] = {}
        for item, colour, dim in zip(self.node_items, colours, dimmed):
            brush = brushes.get((colour.rgb(), bool(dim)))
            if brush is None:
                fill = QColor(colour)
                fill.setAlpha(40 if dim else 215)
                brush = brushes[(colour.rgb(), bool(dim))] = QBrush(fill)
            item.setBrush(brush)
        for index in np.flatnonzero(dimmed != self._label_dimmed):
            self.label_items[index].setOpacity(0.25 if dimmed[index] else 1.0)
        self._label_dimmed = dimmed
        self._make_edges(self.node_colours(steps=EDGE_COLOURS), dimmed)
        self.place_labels()
        self.viewport().update()

    def _dimmed(self) -> np.ndarray:
        if self.highlighted_cluster is None or self.nodes.empty:
            return np.zeros(len(self.nodes), dtype=bool)
        return self.nodes["cluster"].to_numpy() != self.highlighted_cluster

    def _make_edges(self, colours: list[QColor], dimmed: np.ndarray) -> None:
        for item in self.edge_items:
            self.scene().removeItem(item)
        self.edge_items = []
        if self.edges.empty:
            return
        source = self.edges["source"].to_numpy(dtype=int)
        target = self.edges["target"].to_numpy(dtype=int)
        weight = self.edges["weight"].to_numpy(dtype=float)
        ranks = np.argsort(np.argsort(weight, kind="stable"), kind="stable")
        klass = (ranks * EDGE_CLASSES // max(len(weight), 1)).astype(int)
        faint = dimmed[source] | dimmed[target]
        keys = pd.DataFrame({"colour": [colours[i].name() for i in source], "klass": klass,
                             "faint": faint})
        for (name, k, f), rows in keys.groupby(["colour", "klass", "faint"]).indices.items():
            colour = QColor(name)
            colour.setAlpha(10 if f else 28 + 22 * int(k))
            pen = QPen(colour, 1.0 if k < EDGE_CLASSES - 1 else 2.0)
            pen.setCosmetic(True)
            segments = np.hstack([self._pos[source[rows]], self._pos[target[rows]]])
            item = self.scene().addPath(segments_path(segments), pen)
            item.setZValue(-1)
            self.edge_items.append(item)

    # -- labels -----------------------------------------------------------------------
    def place_labels(self) -> None:
        """Show the labels of the largest nodes that fit without overlapping, at this zoom."""
        if not self.label_items:
            return
        scale = self.transform().m11()
        order = list(np.argsort(-self._radius, kind="stable"))
        if self.highlighted_node is not None:
            order.remove(self.highlighted_node)
            order.insert(0, self.highlighted_node)
        taken: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        shown = 0
        for index in order:
            item = self.label_items[index]
            box = item.boundingRect()
            x, y = self._pos[index] * scale
            rect = (x - box.width() / 2 - 2, y - box.height() / 2,
                    x + box.width() / 2 + 2, y + box.height() / 2)
            fits = shown < MAX_LABELS and not _overlaps(rect, taken)
            if fits != self._label_shown[index]:
                item.setVisible(fits)
                self._label_shown[index] = fits
            if fits:
                shown += 1
                _occupy(rect, taken)

    # -- navigation -------------------------------------------------------------------
    def fit(self) -> None:
        """Zoom so the whole network is in view."""
        self._auto_fit = True
        if self.node_items:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.place_labels()

    def zoom(self, factor: float) -> None:
        """Zoom by ``factor`` (>1 zooms in), within sensible limits."""
        scale = self.transform().m11() * factor
        if 0.02 < scale < 60:
            self._auto_fit = False
            self._fast()
            self.scale(factor, factor)
            self._relabel.start()

    def _fast(self) -> None:
        # While the wheel turns or the map is dragged, draw without antialiasing: a map of
        # 1,000 nodes and 3,000 links then repaints about twice as fast.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _settle(self) -> None:
        self.place_labels()
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.viewport().update()

    def search(self, text: str) -> int | None:
        """Highlight and centre the first node whose label contains ``text``; return it."""
        wanted = text.strip().casefold()
        if not wanted or self.nodes.empty:
            self.highlight_node(None)
            return None
        labels = self.nodes["label"].astype(str).str.casefold()
        exact = np.flatnonzero(labels.to_numpy() == wanted)
        hits = exact if exact.size else np.flatnonzero(labels.str.contains(wanted, regex=False))
        if not hits.size:
            self.highlight_node(None)
            return None
        index = int(hits[np.argmax(self._radius[hits])])
        self.highlight_node(index)
        if self._auto_fit:  # from the overview, come closer to the node found
            self.zoom(2.0)
        self.centerOn(QPointF(*self._pos[index]))
        return index

    def highlight_node(self, index: int | None) -> None:
        """Outline node ``index`` (``None``: none) and always show its label."""
        for position, outlined in ((self.highlighted_node, False), (index, True)):
            if position is not None:
                self.node_items[position].setPen(_outline(outlined))
        self.highlighted_node = index
        self.place_labels()

    def highlight_cluster(self, cluster: int | None) -> None:
        """Dim every node and link outside ``cluster`` (``None``: show all alike)."""
        self.highlighted_cluster = cluster
        self.recolour()

    # -- events -----------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            node = self.node_at(self.mapToScene(event.pos()))
            if node is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), _node_tooltip(self.nodes.iloc[node]),
                                  self.viewport())
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        self.zoom(1.15 ** (event.angleDelta().y() / 120.0))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self._press = event.position()
        self._fast()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        self._relabel.start()
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() <= CLICK_SLOP:
            self.click_at(self.mapToScene(event.position().toPoint()))

    def click_at(self, point: QPointF) -> None:
        """Emit the signal of the node, else the link, at scene position ``point``."""
        node = self.node_at(point)
        if node is not None:
            self.node_clicked.emit(node)
            return
        edge = self.edge_at(point)
        if edge is not None:
            self.edge_clicked.emit(*edge)

    def node_at(self, point: QPointF) -> int | None:
        """Return the node under scene position ``point`` (the smallest if several)."""
        if not len(self._pos):
            return None
        distance = np.hypot(*(self._pos - (point.x(), point.y())).T)
        inside = np.flatnonzero(distance <= self._radius + 1.0 / self.transform().m11())
        return int(inside[np.argmin(self._radius[inside])]) if inside.size else None

    def edge_at(self, point: QPointF, tolerance_px: float = 5.0) -> tuple[int, int] | None:
        """Return the drawn link nearest to scene position ``point`` within a few pixels."""
        if self.edges.empty:
            return None
        s = self.edges["source"].to_numpy(dtype=int)
        t = self.edges["target"].to_numpy(dtype=int)
        a, b = self._pos[s], self._pos[t]
        p = np.array([point.x(), point.y()])
        ab = b - a
        length = np.maximum((ab ** 2).sum(axis=1), 1e-12)
        u = np.clip(((p - a) * ab).sum(axis=1) / length, 0.0, 1.0)
        distance = np.hypot(*(a + ab * u[:, None] - p).T)
        best = int(np.argmin(distance))
        if distance[best] > tolerance_px / self.transform().m11():
            return None
        return int(s[best]), int(t[best])

    # -- legend -----------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        if self.nodes.empty:
            return
        painter.save()
        # Draw in view coordinates; combining keeps the scale render() adds for exports.
        painter.setTransform(self.viewportTransform().inverted()[0], True)
        paint_legend(self, painter, QPointF(10, 10))
        painter.restore()


def paint_legend(view: NetworkView, painter: QPainter, origin: QPointF) -> None:
    """Paint the colour legend of ``view`` with its top-left corner at ``origin``."""
    font = QFont(view.font())
    font.setPointSizeF(8.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height() + 3
    if view.colour_mode == "year":
        title = translate("HotspotsPage", "Average publication year")
        width = max(metrics.horizontalAdvance(title), 160) + 16
        box = QRectF(origin, QPointF(origin.x() + width, origin.y() + 2 * line + 22))
        _legend_box(painter, box)
        painter.drawText(QPointF(box.left() + 8, box.top() + line), title)
        bar = QRectF(box.left() + 8, box.top() + line + 6, width - 16, 10)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop in range(5):
            gradient.setColorAt(stop / 4, QColor(scale_colour(stop / 4)))
        painter.fillRect(bar, gradient)
        low, high = view._years
        painter.drawText(QPointF(bar.left(), bar.bottom() + line - 2), f"≤{low:.0f}")
        text = f"≥{high:.0f}"
        painter.drawText(QPointF(bar.right() - metrics.horizontalAdvance(text),
                                 bar.bottom() + line - 2), text)
        return
    clusters = sorted(int(c) for c in pd.unique(view.nodes["cluster"]))
    rows = [(c, _short(view.cluster_labels.get(c, ""), 28)) for c in clusters[:LEGEND_CLUSTERS]]
    texts = [f"{c}  {label}" for c, label in rows]
    if len(clusters) > LEGEND_CLUSTERS:
        texts.append(translate("HotspotsPage", "… {n} more clusters").format(
            n=len(clusters) - LEGEND_CLUSTERS))
    width = max(metrics.horizontalAdvance(t) for t in texts) + 34
    box = QRectF(origin.x(), origin.y(), width, line * len(texts) + 8)
    _legend_box(painter, box)
    for number, text in enumerate(texts):
        y = box.top() + 4 + number * line
        if number < len(rows):
            painter.setBrush(QColor(cluster_colour(rows[number][0])))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRectF(box.left() + 8, y + line / 2 - 5, 10, 10))
        painter.setPen(_LABEL_COLOUR)
        painter.drawText(QPointF(box.left() + 24, y + metrics.ascent() + 1), text)


def segments_path(segments: np.ndarray) -> QPainterPath:
    """Return a path of the line segments ``(x0, y0, x1, y1)`` (one row each).

    The path is decoded from QDataStream's serialisation, built with numpy: one call into
    Qt whatever the number of links (fast for 10,000 links), and no ``moveTo``/``lineTo``
    per link. Besides speed this matters because PySide6 6.12 on Python 3.11 drops a
    reference to ``None`` on every call of a void C++ method; enough of them in one session
    deallocate ``None`` and abort the interpreter. The format (Qt 6, ``operator<<`` for
    QPainterPath): element count, then type (0 moveTo, 1 lineTo) and x, y as doubles per
    element, then the index of the last moveTo and the fill rule, all big-endian.
    """
    path = QPainterPath()
    count = len(segments)
    if count == 0:
        return path
    elements = np.zeros(2 * count, dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["type"][1::2] = 1
    elements["x"][0::2], elements["y"][0::2] = segments[:, 0], segments[:, 1]
    elements["x"][1::2], elements["y"][1::2] = segments[:, 2], segments[:, 3]
    blob = (np.array([2 * count], ">i4").tobytes() + elements.tobytes()
            + np.array([2 * (count - 1), 0], ">i4").tobytes())
    QDataStream(QByteArray(blob)) >> path
    return path


def _legend_box(painter: QPainter, box: QRectF) -> None:
    painter.setPen(QPen(QColor("#d5dbdb")))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(_LABEL_COLOUR)


def _outline(highlighted: bool) -> QPen:
    pen = QPen(_HIGHLIGHT, 3.0) if highlighted else QPen(QColor("#ffffff"), 1.0)
    pen.setCosmetic(True)
    return pen


def _short(text: str, limit: int = 40) -> str:
    # Co-citation labels are whole reference strings: keep the start, readable on a map.
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _node_tooltip(row: Mapping[str, object] | pd.Series) -> str:
    parts = [str(row.get("label", "")),
             translate("HotspotsPage", "Occurrences: {n}").format(n=row.get("occurrences")),
             translate("HotspotsPage", "Links: {n}; total link strength: {s:.0f}").format(
                 n=row.get("links"), s=float(row.get("total_link_strength", 0) or 0)),
             translate("HotspotsPage", "Cluster: {c}").format(c=row.get("cluster"))]
    year = row.get("avg_year")
    if isinstance(year, float) and math.isfinite(year):
        parts.append(translate("HotspotsPage", "Average year: {y:.1f}; average citations: "
                               "{c:.1f}").format(y=year, c=float(row.get("avg_citations") or 0)))
    return "\n".join(parts)


_CELL = 80.0


def _cells(rect: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(int(rect[0] // _CELL), int(rect[2] // _CELL) + 1)
            for j in range(int(rect[1] // _CELL), int(rect[3] // _CELL) + 1)]


def _overlaps(rect: tuple[float, float, float, float],
              taken: dict[tuple[int, int], list[tuple[float, float, float, float]]]) -> bool:
    for cell in _cells(rect):
        for other in taken.get(cell, ()):
            if rect[0] < other[2] and other[0] < rect[2] and rect[1] < other[3] and \
                    other[1] < rect[3]:
                return True
    return False


def _occupy(rect: tuple[float, float, float, float],
            taken: dict[tuple[int, int], list[tuple[float, float, float, float]]]) -> None:
    for cell in _cells(rect):
        taken.setdefault(cell, []).append(rect)


__all__ = ["NetworkView", "paint_legend", "SCENE_SIZE", "MAX_EDGES", "MAX_LABELS"]
