"""Unmatched addresses tab of the Contribution page: the addresses no rule matched, by papers."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._contribution_texts import unmatched_headers
from ui.widgets.tables import make_table_view

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


class UnmatchedPanel(QWidget):
    """List the unmatched addresses (``text, unit, papers``), most papers first.

    Signals
    -------
    add_rule_requested()
        Add rule… was clicked, or an address double-clicked, with an address selected.
    """

    add_rule_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.add_rule_button = QPushButton()
        self.add_rule_button.setEnabled(False)
        self.add_rule_button.clicked.connect(self.add_rule_requested)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        self.model = DataFrameTableModel()
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = make_table_view(self.proxy, single_selection=True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda *_: self.add_rule_requested.emit())
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        tools = QHBoxLayout()
        tools.addWidget(self.label, 1)
        tools.addWidget(self.filter_edit)
        tools.addWidget(self.add_rule_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_frame(self, frame: pd.DataFrame | None) -> None:
        """Show ``frame`` (``ContributionReport.unmatched``; ``None`` clears the table)."""
        self.model.set_frame(frame)
        if frame is not None:
            # The address takes the room left; the core sorted by papers, most first.
            self.table.horizontalHeader().setSectionResizeMode(
                0, QHeaderView.ResizeMode.Stretch)
            self.table.setColumnWidth(1, 300)
            self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self._update_button()

    def selected_address(self) -> dict[str, Any] | None:
        """The selected row (``text``, ``unit``, ``papers``), or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def _update_button(self, *_: Any) -> None:
        self.add_rule_button.setEnabled(self.table.selectionModel().hasSelection())

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.filter_edit.setPlaceholderText(translate("ContributionPage", "Filter…"))
        self.add_rule_button.setText(translate("ContributionPage", "&Add rule…"))
        self.label.setText(translate(
            "ContributionPage", "Addresses of the institution no rule matched, most papers "
            "first. Select one and Add rule… to map it to a school."))
        self.model.set_headers(unmatched_headers())


__all__ = ["UnmatchedPanel"]
