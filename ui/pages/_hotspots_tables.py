"""Cluster and node tables of the Hotspots page (and their headers, shared with the Excel export)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.widgets.tables import make_table_view

translate = QCoreApplication.translate


def cluster_headers() -> dict[str, str]:
    """Column → header of the cluster table, in display order."""
    return {"cluster": translate("HotspotsPage", "Cluster"),
            "size": translate("HotspotsPage", "Nodes"),
            "publications": translate("HotspotsPage", "Publications"),
            "label": translate("HotspotsPage", "Label terms (log-likelihood ratio)")}


def node_headers() -> dict[str, str]:
    """Column → header of the node table, in display order."""
    return {"label": translate("HotspotsPage", "Label"),
            "occurrences": translate("HotspotsPage", "Occurrences"),
            "links": translate("HotspotsPage", "Links"),
            "total_link_strength": translate("HotspotsPage", "Total link strength"),
            "cluster": translate("HotspotsPage", "Cluster"),
            "avg_year": translate("HotspotsPage", "Average year"),
            "avg_citations": translate("HotspotsPage", "Average citations"),
            "x": "x", "y": "y"}


_FORMATS = {"avg_year": lambda v: f"{v:.1f}", "avg_citations": lambda v: f"{v:.1f}",
            "total_link_strength": lambda v: f"{v:,.0f}", "x": lambda v: f"{v:.4f}",
            "y": lambda v: f"{v:.4f}"}


class FrameTablePanel(QWidget):
    """A filter line, a hint and a sortable table of one DataFrame.

    Signals
    -------
    row_selected(int)
        Source row of the current row (-1: none).
    row_activated(int)
        Source row double-clicked.
    """

    row_selected = Signal(int)
    row_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DataFrameTableModel(formatters=_FORMATS)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.hint = QLabel()
        self.hint.setStyleSheet("color:#566573;")
        self.table: QTableView = make_table_view(self.proxy, single_selection=True)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self._on_double_click)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.hint, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def set_frame(self, frame: pd.DataFrame | None) -> None:
        """Show ``frame`` (``None``: empty)."""
        self.model.set_frame(frame)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 520))

    def source_row(self, index: QModelIndex) -> int:
        """Return the model row of a view index."""
        return self.proxy.mapToSource(index).row()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.row_selected.emit(self.source_row(rows[0]) if rows else -1)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(self.source_row(index))


class ClustersPanel(FrameTablePanel):
    """The clusters of the map; selecting one highlights it, double-click lists its records."""

    def set_clusters(self, clusters: pd.DataFrame | None) -> None:
        """Show ``result.clusters``."""
        self.set_frame(clusters)
        self.hint.setText(translate("HotspotsPage", "Select a cluster to highlight it on the "
                                    "map; double-click to list its publications."))

    def cluster(self, row: int) -> int:
        """Return the cluster number of model row ``row``."""
        return int(self.model.frame["cluster"].iat[row])

    def retranslate(self) -> None:
        """Set the headers and texts in the current language."""
        self.model.set_headers(cluster_headers())
        self.filter_edit.setPlaceholderText(translate("HotspotsPage", "Filter clusters…"))


class NodesPanel(FrameTablePanel):
    """Every node of the map with its statistics; double-click lists its records."""

    def retranslate(self) -> None:
        """Set the headers and texts in the current language."""
        self.model.set_headers(node_headers())
        self.filter_edit.setPlaceholderText(translate("HotspotsPage", "Filter nodes…"))
        self.hint.setText(translate("HotspotsPage", "Double-click a node to list its "
                                    "publications."))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)


__all__ = ["FrameTablePanel", "ClustersPanel", "NodesPanel", "cluster_headers", "node_headers"]
