"""Merge log page: which imported records were merged into existing publications, and undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ui.models import DataFrameSortProxy, DataFrameTableModel, is_missing
from ui.pages._record_details import changed_fields_text
from ui.pages._record_queries import MergeLog, load_merge_log, undo_merge_job
from ui.pages.base import PageBase
from ui.widgets.tables import make_table_view

_UNDONE_COLOUR = QColor("#95a5a6")


class MergeLogModel(DataFrameTableModel):
    """The merge log table: undone merges in grey italics."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole,
                                        Qt.ItemDataRole.FontRole):
            if is_missing(self.frame.iat[index.row(), self.frame.columns.get_loc("undone_at")]):
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_UNDONE_COLOUR)
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class MergesPage(PageBase):
    """Show the merge decisions of deduplication and undo a wrong one.

    Signals
    -------
    undone(int)
        A merge was undone; the id of the publication the merged record became.
    """

    key = "merges"
    undone = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reload = False
        self._batch_id: int | None = None
        self.batch_label = QLabel()
        self.batch_combo = QComboBox()
        self.batch_combo.setMinimumContentsLength(30)
        self.batch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.batch_combo.currentIndexChanged.connect(self._on_batch_chosen)
        self.batch_label.setBuddy(self.batch_combo)
        self.undo_button = QPushButton()
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#566573;")
        row = QHBoxLayout()
        for widget in (self.batch_label, self.batch_combo, self.undo_button):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.summary, 1)
        self.body.addLayout(row)
        self.model = MergeLogModel()
        self.model.set_formatters({"rule": self._rule_text,
                                   "changed_fields": changed_fields_text})
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(self.proxy, single_selection=True)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.body.addWidget(self.table, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.finished.connect(self._on_finished)
        self.retranslate()

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the merge log (of the chosen import)."""
        if self.workspace is None:
            self.model.set_frame(None)
            self._fill_batches([])
            return
        if self.runner.busy:  # after the running job
            self._reload = True
            return
        self.runner.start(load_merge_log, self.workspace, self._batch_id,
                          description=self.tr("Loading the merge log"))

    @Slot()
    def _on_finished(self) -> None:
        if self._reload and not self.runner.busy:
            self._reload = False
            self.refresh()

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if isinstance(result, MergeLog):
            self.model.set_frame(result.frame)
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(self.model.columns.index("title"), 320)
            self._fill_batches(result.batches)
            self._show_summary()
        elif isinstance(result, int):  # undo_merge_job: the new publication's id
            self.messages.show_message(self.tr(
                "Merge undone: the merged record is now publication no. {id}.").format(
                id=result), "success")
            self.undone.emit(result)
            self.refresh()

    def _fill_batches(self, batches: list[tuple[int, str]]) -> None:
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        self.batch_combo.addItem(self.tr("All imports"), None)
        for batch_id, file_name in batches:
            self.batch_combo.addItem(self.tr("No. {id}: {file}").format(
                id=batch_id, file=file_name), batch_id)
        index = self.batch_combo.findData(self._batch_id)
        self.batch_combo.setCurrentIndex(max(index, 0))
        self.batch_combo.blockSignals(False)

    @Slot(int)
    def _on_batch_chosen(self, index: int) -> None:
        self._batch_id = self.batch_combo.itemData(index)
        self.refresh()

    def _show_summary(self) -> None:
        frame = self.model.frame
        undone = int(frame["undone_at"].notna().sum()) if not frame.empty else 0
        self.summary.setText(self.tr("Merges: {n}, undone: {undone}").format(
            n=len(frame), undone=undone))

    # -- undo -------------------------------------------------------------------------
    def selected_merge(self) -> dict[str, Any] | None:
        """Return the selected merge-log row (``None`` when nothing is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_: Any) -> None:
        self.set_busy(self.runner.busy)

    @Slot()
    def undo_selected(self) -> None:
        """Ask for confirmation, then undo the selected merge on the worker thread."""
        row = self.selected_merge()
        if row is None or self.workspace is None or not is_missing(row["undone_at"]):
            return
        answer = QMessageBox.question(self, self.tr("Undo merge"), self.tr(
            "Undo the merge of “{title}”?\n\nThe record read from {file} (line {line}) "
            "becomes a publication of its own again; the publication it was merged into "
            "loses the fields it took from it.").format(
            title=row["title"], file=row["file_name"], line=row["source_line"]))
        if answer != QMessageBox.StandardButton.Yes or self.runner.busy:
            return
        self.messages.clear()
        self.runner.start(undo_merge_job, self.workspace, int(row["id"]),
                          description=self.tr("Undoing the merge"))

    def set_busy(self, busy: bool) -> None:
        row = self.selected_merge()
        self.undo_button.setEnabled(not busy and row is not None
                                    and is_missing(row["undone_at"]))

    # -- text -------------------------------------------------------------------------
    def _rule_text(self, rule: Any) -> str:
        return {"doi": "DOI", "ut": self.tr("UT (WoS accession no.)"),
                "eid": self.tr("EID (Scopus)"),
                "title": self.tr("Title + year + first author")}.get(str(rule), str(rule))

    def page_title(self) -> str:
        return self.tr("Merge log")

    def retranslate(self) -> None:
        self.batch_label.setText(self.tr("&Import:"))
        if self.batch_combo.count():
            self.batch_combo.setItemText(0, self.tr("All imports"))
        self.undo_button.setText(self.tr("&Undo merge…"))
        self.undo_button.setToolTip(self.tr(
            "Split the selected merge: the merged record becomes a publication of its own."))
        self.model.set_headers({
            "id": self.tr("No."), "publication_id": self.tr("Publication"),
            "title": self.tr("Title"), "rule": self.tr("Match rule"),
            "match_key": self.tr("Match key"), "file_name": self.tr("File"),
            "source_line": self.tr("Line"), "changed_fields": self.tr("Fields changed"),
            "decided_at": self.tr("Merged at"), "undone_at": self.tr("Undone at"),
        })
        if self.workspace is not None and not self.model.frame.empty:
            self._show_summary()


if __name__ == "__main__":
    from ui.preview import preview_page, sample_publications_workspace

    raise SystemExit(preview_page(MergesPage, make_workspace=sample_publications_workspace))
