"""Thesaurus editor: import a VOSviewer thesaurus, edit its pairs, accept suggestions, export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from analysis.thesaurus import Thesaurus, ThesaurusError
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.networks import load_thesaurus, save_thesaurus, suggest_thesaurus
from ui.errors import describe_error
from ui.tasks import TaskRunner

translate = QCoreApplication.translate


def _suggest_job(workspace: Workspace, flt: CorpusFilter, *, progress, cancel) -> pd.DataFrame:
    progress(0.0, "reading keywords")
    frame = suggest_thesaurus(workspace, flt, keywords="both")
    cancel.raise_if_cancelled()
    return frame


class ThesaurusDialog(QDialog):
    """Edit a keyword thesaurus (``label<TAB>replace by``; an empty replacement drops a term).

    Parameters
    ----------
    workspace : Workspace or None
        Where suggestions come from (``None``: no suggestions).
    path : str
        The thesaurus file to open ("" starts empty); also where Save writes by default.
    corpus : CorpusFilter
        The publications whose keywords are searched for spelling variants.

    Attributes
    ----------
    path : str
        The file saved on OK ("" until saved).
    """

    def __init__(self, workspace: Workspace | None, path: str = "",
                 corpus: CorpusFilter = CorpusFilter(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.corpus = corpus
        self.path = ""
        self._origin = path
        self.runner = TaskRunner(self)
        self.setWindowTitle(translate("HotspotsPage", "Keyword thesaurus"))
        self.resize(980, 640)
        self.pairs = self._table([translate("HotspotsPage", "Label"),
                                  translate("HotspotsPage", "Replace by")])
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.suggestions = self._table([translate("HotspotsPage", "Accept"),
                                        translate("HotspotsPage", "Label"),
                                        translate("HotspotsPage", "Replace by"),
                                        translate("HotspotsPage", "Occurrences"),
                                        translate("HotspotsPage", "Reason")])
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#b03a2e;")
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color:#566573;")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in [
                ("import", translate("HotspotsPage", "Import…"), self._import_file),
                ("export", translate("HotspotsPage", "Export…"), self._export_file),
                ("add", translate("HotspotsPage", "Add row"), self.add_row),
                ("remove", translate("HotspotsPage", "Remove rows"), self._remove_rows),
                ("suggest", translate("HotspotsPage", "Suggest variants"), self.suggest),
                ("accept", translate("HotspotsPage", "Accept checked"), self.accept_checked)]:
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.buttons["suggest"].setEnabled(workspace is not None)
        self.buttons["suggest"].setToolTip(translate(
            "HotspotsPage", "Spelling variants among the selected publications' keywords "
            "(plural, British/American spelling, hyphens)."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pairs)
        splitter.addWidget(self.suggestions)
        splitter.setSizes([420, 540])
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save_and_accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(box)
        self.runner.succeeded.connect(self.show_suggestions)
        self.runner.failed.connect(lambda exc: self.error_label.setText(describe_error(exc).text))
        self.runner.finished.connect(lambda: self.buttons["suggest"].setEnabled(True))
        if path and Path(path).is_file():
            self.import_file(path)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        return table

    # -- pairs ------------------------------------------------------------------------
    def import_file(self, path: str) -> bool:
        """Replace the pairs by those of thesaurus file ``path``; report a bad line."""
        try:
            thesaurus = load_thesaurus(path)
        except InputError as exc:
            if exc.line is not None:
                self.error_label.setText(translate(
                    "HotspotsPage", "Cannot read {file}, line {line}: {message}").format(
                    file=Path(path).name, line=exc.line, message=exc.message))
            else:
                self.error_label.setText(describe_error(exc).text)
            return False
        self.error_label.clear()
        self.set_pairs(thesaurus.as_frame())
        self._origin = path
        self.status_label.setText(translate("HotspotsPage", "{n} pairs from {file}").format(
            n=len(thesaurus), file=path))
        return True

    def set_pairs(self, frame: pd.DataFrame) -> None:
        """Show the pairs of ``frame`` (``label, replace_by``)."""
        self.pairs.setRowCount(0)
        for label, replace_by in zip(frame["label"], frame["replace_by"]):
            self.add_row(str(label), str(replace_by))

    @Slot()
    def add_row(self, label: str = "", replace_by: str = "") -> None:
        """Append a pair (empty: for the user to type)."""
        row = self.pairs.rowCount()
        self.pairs.insertRow(row)
        self.pairs.setItem(row, 0, QTableWidgetItem(label if isinstance(label, str) else ""))
        self.pairs.setItem(row, 1, QTableWidgetItem(replace_by))

    def _remove_rows(self) -> None:
        for row in sorted({i.row() for i in self.pairs.selectedIndexes()}, reverse=True):
            self.pairs.removeRow(row)

    def thesaurus(self) -> Thesaurus:
        """Return the pairs as a thesaurus (rows without a label are skipped)."""
        thesaurus = Thesaurus()
        for row in range(self.pairs.rowCount()):
            label, replace_by = (self.pairs.item(row, c) for c in (0, 1))
            text = label.text().strip() if label else ""
            if text:
                thesaurus.add(text, replace_by.text() if replace_by else "")
        return thesaurus

    # -- suggestions ------------------------------------------------------------------
    @Slot()
    def suggest(self) -> None:
        """Look for spelling variants in the selected publications' keywords (worker thread)."""
        if self.workspace is None or self.runner.busy:
            return
        self.buttons["suggest"].setEnabled(False)
        self.status_label.setText(translate("HotspotsPage", "Looking for variants…"))
        self.runner.start(_suggest_job, self.workspace, self.corpus)

    @Slot(object)
    def show_suggestions(self, frame: pd.DataFrame) -> None:
        """List suggestions with a checkbox each (checked by default)."""
        self.suggestions.setRowCount(0)
        for label, target, n, reason in zip(frame["label"], frame["replace_by"],
                                            frame["label_occurrences"], frame["reason"]):
            row = self.suggestions.rowCount()
            self.suggestions.insertRow(row)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.suggestions.setItem(row, 0, check)
            for column, value in enumerate([label, target, f"{int(n):,}", reason], start=1):
                self.suggestions.setItem(row, column, QTableWidgetItem(str(value)))
        self.suggestions.resizeColumnsToContents()
        self.status_label.setText(translate("HotspotsPage", "{n} suggestions").format(
            n=len(frame)))

    @Slot()
    def accept_checked(self) -> int:
        """Add the checked suggestions to the pairs (overriding a pair of the same label)."""
        existing = {self.pairs.item(r, 0).text().strip().casefold(): r
                    for r in range(self.pairs.rowCount()) if self.pairs.item(r, 0)}
        added = 0
        for row in range(self.suggestions.rowCount()):
            if self.suggestions.item(row, 0).checkState() != Qt.CheckState.Checked:
                continue
            label = self.suggestions.item(row, 1).text()
            target = self.suggestions.item(row, 2).text()
            if label.casefold() in existing:
                self.pairs.item(existing[label.casefold()], 1).setText(target)
            else:
                self.add_row(label, target)
            added += 1
        return added

    # -- files ------------------------------------------------------------------------
    def _import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("HotspotsPage", "Import a VOSviewer thesaurus"), self._origin,
            translate("HotspotsPage", "Thesaurus files (*.txt);;All files (*)"))
        if path:
            self.import_file(path)

    def _export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("HotspotsPage", "Export the thesaurus"), self._origin,
            translate("HotspotsPage", "Thesaurus files (*.txt)"))
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> bool:
        """Write the pairs to ``path`` in VOSviewer's format."""
        try:
            save_thesaurus(self.thesaurus(), path)
        except (ThesaurusError, OSError) as exc:
            self.error_label.setText(describe_error(exc).text if isinstance(exc, OSError)
                                     else str(exc))
            return False
        self.error_label.clear()
        self.status_label.setText(translate("HotspotsPage", "Written: {file}").format(file=path))
        return True

    @Slot()
    def save_and_accept(self) -> None:
        """Save to the file opened (or one asked for) and close; the page then uses it."""
        path = self._origin
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("HotspotsPage", "Save the thesaurus"), "",
                translate("HotspotsPage", "Thesaurus files (*.txt)"))
        if path and self.export_file(path):
            self.path = path
            self.accept()

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        self.runner.shutdown()
        super().done(result)


__all__ = ["ThesaurusDialog"]
