"""A read-only, sortable table view configured the same way on every page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def make_table_view(model: QAbstractItemModel, parent: QWidget | None = None, *,
                    single_selection: bool = False) -> QTableView:
    """Return a table view on ``model``: sortable (initially unsorted), row selection,
    alternating colours, compact rows, no row numbers."""
    view = QTableView(parent)
    view.setModel(model)
    # No sort column at first: keep the model's order until the user clicks a header.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection if single_selection
                          else QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


__all__ = ["make_table_view"]
