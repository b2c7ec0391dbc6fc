"""Map tab of the Hotspots page: the network view with search, colouring, fit and export."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.networks import NetworkResult
from ui.i18n import join_sentences
from ui.pages._filter_text import filter_text
from ui.widgets.network_view import NetworkView

translate = QCoreApplication.translate

#: Export actions of the Export menu, in order.
EXPORTS = ("network", "excel", "png", "svg")


class MapPanel(QWidget):
    """The interactive map and its toolbar.

    Signals
    -------
    export_requested(str)
        One of :data:`EXPORTS`.
    """

    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: NetworkResult | None = None
        self.corpus: CorpusFilter | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.returnPressed.connect(self.search)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)
        self.found_label = QLabel()
        self.found_label.setStyleSheet("color:#566573;")
        self.colour_label = QLabel()
        self.colour_combo = QComboBox()
        self.colour_combo.addItems(["", ""])
        self.colour_combo.currentIndexChanged.connect(self._on_colour)
        self.colour_label.setBuddy(self.colour_combo)
        self.fit_button = QPushButton()
        self.view = NetworkView()
        self.fit_button.clicked.connect(self.view.fit)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for name in EXPORTS:
            action = menu.addAction("")
            action.triggered.connect(lambda *_, n=name: self.export_requested.emit(n))
            self.export_actions[name] = action
        self.export_button.setMenu(menu)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color:#566573;")
        bar = QHBoxLayout()
        for widget in (self.search_label, self.search_edit, self.found_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.colour_label, self.colour_combo, self.fit_button, self.export_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.set_result(None)
        self.retranslate()

    def set_result(self, result: NetworkResult | None,
                   corpus: CorpusFilter | None = None) -> None:
        """Show ``result``'s map (``None``: empty), built from the publications ``corpus``."""
        self.result = result
        self.corpus = corpus
        self.found_label.clear()
        if result is None:
            self.view.set_network(_empty_nodes(), _empty_edges())
        else:
            labels = {int(c): str(label).split(";")[0] for c, label in
                      zip(result.clusters["cluster"], result.clusters["label"])}
            self.view.set_network(result.nodes, result.edges, labels)
        for action in self.export_actions.values():
            action.setEnabled(result is not None)
        self.export_button.setEnabled(result is not None)
        self._summary()

    @Slot()
    def search(self) -> int | None:
        """Find the label typed, highlight and centre it; return its node position."""
        text = self.search_edit.text()
        found = self.view.search(text)
        if not text.strip():
            self.found_label.clear()
        elif found is None:
            self.found_label.setText(translate("HotspotsPage", "Not found"))
        else:
            self.found_label.setText(str(self.view.nodes["label"].iat[found]))
        return found

    def _on_colour(self, index: int) -> None:
        self.view.set_colour_mode("year" if index == 1 else "cluster")

    def _summary(self) -> None:
        result = self.result
        if result is None:
            self.summary.setText(translate("HotspotsPage", "Choose the map and the publications, "
                                           "then press Compute map."))
            return
        silhouette = "—" if math.isnan(result.silhouette) else f"{result.silhouette:.3f}"
        text = translate(
            "HotspotsPage", "{nodes} nodes, {links} links, {clusters} clusters from {pubs} "
            "publications ({filter}); modularity {q:.3f}, silhouette {s}. Wheel: zoom; drag: "
            "pan; click a node or a link: its publications.").format(
            nodes=f"{len(result.nodes):,}", links=f"{len(result.edges):,}",
            clusters=len(result.clusters), pubs=f"{result.publications:,}",
            filter=filter_text(self.corpus) if self.corpus is not None
            else result.filter_description, q=result.modularity, s=silhouette)
        if self.view.drawn_edges < len(result.edges):
            text = join_sentences(text, translate(
                "HotspotsPage", "The {n} strongest links are drawn.").format(
                n=f"{self.view.drawn_edges:,}"))
        self.summary.setText(text)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.search_label.setText(translate("HotspotsPage", "&Find:"))
        self.search_edit.setPlaceholderText(translate("HotspotsPage", "a label, then Enter"))
        self.colour_label.setText(translate("HotspotsPage", "&Colour by:"))
        self.colour_combo.setItemText(0, translate("HotspotsPage", "Cluster"))
        self.colour_combo.setItemText(1, translate("HotspotsPage", "Average year"))
        self.fit_button.setText(translate("HotspotsPage", "Fit"))
        self.fit_button.setToolTip(translate("HotspotsPage", "Show the whole map"))
        self.export_button.setText(translate("HotspotsPage", "Export"))
        texts = {"network": translate("HotspotsPage", "Network file (GraphML, GEXF, VOSviewer)…"),
                 "excel": translate("HotspotsPage", "Node and cluster tables (Excel)…"),
                 "png": translate("HotspotsPage", "Map image (PNG)…"),
                 "svg": translate("HotspotsPage", "Map image (SVG)…")}
        for name, text in texts.items():
            self.export_actions[name].setText(text)
        self._summary()
        self.view.viewport().update()


def _empty_nodes() -> pd.DataFrame:
    return pd.DataFrame(columns=["label", "occurrences", "cluster", "x", "y", "avg_year"])


def _empty_edges() -> pd.DataFrame:
    return pd.DataFrame(columns=["source", "target", "weight"])


__all__ = ["MapPanel", "EXPORTS"]
