"""Data page: import files (dialog or drag and drop) and browse the import history."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QTextBrowser, QWidget)

from analyst_app.db.queries import esi_releases, import_batches_frame
from analyst_app.errors import InputError
from analyst_app.services.imports import ImportReport, import_files, validate_release_label
from ui.i18n import join_sentences
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._import_details import history_record, reports_html
from ui.pages.base import PageBase
from ui.release import suggest_release
from ui.settings import IMPORT_FOLDER_KEY, app_settings
from ui.widgets.tables import make_table_view


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """Return the local files (not folders) dragged in ``event``."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


class DataPage(PageBase):
    """Import files into the workspace and show the import history with each import's report.

    Signals
    -------
    imported(list)
        The :class:`~analyst_app.services.imports.ImportReport` list of a finished import.
    """

    key = "data"
    imported = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.last_reports: list[ImportReport] = []
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_files)
        self.release_label = QLabel()
        self.release_combo = QComboBox()
        self.release_combo.setEditable(True)
        self.release_combo.setMinimumContentsLength(8)
        self.release_label.setBuddy(self.release_combo)
        self.drop_hint = QLabel()
        self.drop_hint.setStyleSheet("color:#7f8c8d;")
        controls = QHBoxLayout()
        for widget in (self.import_button, self.release_label, self.release_combo):
            controls.addWidget(widget)
        controls.addSpacing(12)
        controls.addWidget(self.drop_hint, 1)
        self.body.addLayout(controls)

        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-weight:bold; margin-top:6px;")
        self.model = DataFrameTableModel()
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(self.proxy, single_selection=True)  # newest first
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        # Details under the table: the history needs the width (long file names).
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 280])
        self.body.addWidget(self.history_title)
        self.body.addWidget(splitter, 1)
        self.runner.succeeded.connect(self._on_imported)
        self.retranslate()

    # -- actions ----------------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        """Ask for files with a file dialog and import them."""
        settings = app_settings()
        folder = str(settings.value(IMPORT_FOLDER_KEY, "") or "")
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), folder,
            self.tr("Exports (*.txt *.csv *.tsv *.xls *.xlsx *.net *.ris *.enw);;All files (*)"))
        if paths:
            settings.setValue(IMPORT_FOLDER_KEY, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        """Import ``paths`` on the worker thread; return whether the import started."""
        if self.workspace is None or not paths:
            return False
        if self.runner.busy:
            self.messages.show_message(self.tr("An import is running; wait or cancel it."),
                                       "warning")
            return False
        release = self.release_combo.currentText().strip()
        try:
            release_label = validate_release_label(release) if release else None
        except InputError as exc:
            self.messages.show_exception(exc)
            return False
        self.messages.clear()
        self.runner.start(import_files, self.workspace, [str(p) for p in paths],
                          release=release_label, description=self.tr("Importing files"))
        return True

    # -- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_imported(self, reports: list[ImportReport]) -> None:
        self.last_reports = list(reports)
        self.refresh()
        counts = {s: sum(r.status == s for r in reports)
                  for s in ("imported", "duplicate_file", "rejected", "cancelled")}
        text = self.tr("{imported} imported, {duplicate} already imported, {rejected} rejected.")
        text = text.format(imported=counts["imported"], duplicate=counts["duplicate_file"],
                           rejected=counts["rejected"])
        if counts["cancelled"]:
            text = join_sentences(text, self.tr(
                "Cancelled: {n} files were not imported.").format(n=counts["cancelled"]))
        level = "warning" if counts["rejected"] or counts["cancelled"] else "success"
        self.messages.show_message(text, level)
        self.details.setHtml(reports_html(self._with_batch_facts(r.as_json()) for r in reports))
        self.imported.emit(self.last_reports)

    def _with_batch_facts(self, record: dict[str, Any]) -> dict[str, Any]:
        # The history knows what the report does not: sha256, time, encoding.
        frame = self.model.frame
        if record.get("batch_id") is None or frame.empty:
            return record
        match = frame[frame["id"] == record["batch_id"]]
        if not match.empty:
            row = history_record(match.iloc[0].to_dict())
            for key in ("sha256", "imported_at", "encoding", "release"):
                record.setdefault(key, row[key])
        return record

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        source = self.proxy.mapToSource(rows[0])
        self.details.setHtml(reports_html([history_record(self.model.row(source.row()))]))

    def refresh(self) -> None:
        """Reload the import history and the release suggestions."""
        if self.workspace is None:
            self.model.set_frame(None)
            return
        with self.workspace.session() as session:
            frame = import_batches_frame(session)
            releases = esi_releases(session)
        # What the file holds, in a word: the ESI field of an ESI list.
        frame["contents"] = [(d or {}).get("field") if isinstance(d, dict) else None
                             for d in frame["details"]]
        self.model.set_frame(frame)
        self.table.resizeColumnsToContents()
        self._fill_releases(releases)

    def _fill_releases(self, releases: list[str]) -> None:
        current = self.release_combo.currentText().strip()
        suggestion = suggest_release(date.today())
        items = list(dict.fromkeys([suggestion, *sorted(releases, reverse=True)]))
        self.release_combo.clear()
        self.release_combo.addItems(items)
        self.release_combo.setCurrentText(current or suggestion)

    def set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self.workspace is not None and dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = dropped_files(event)
        if paths and self.import_paths(paths):
            event.acceptProposedAction()

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Data")

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import files…"))
        self.release_label.setText(self.tr("ESI &release:"))
        self.release_combo.setToolTip(self.tr(
            "ESI release (year-month) the imported ESI lists belong to. ESI is updated "
            "bimonthly, mid-month, in odd months."))
        self.drop_hint.setText(self.tr("Or drop export files onto this window."))
        self.history_title.setText(self.tr("Import history"))
        self.model.set_headers({
            "id": self.tr("No."), "file_name": self.tr("File"), "format": self.tr("Format"),
            "contents": self.tr("Contents"), "release": self.tr("ESI release"), "imported_at": self.tr("Imported at"),
            "rows_read": self.tr("Read"), "rows_stored": self.tr("Stored"),
            "rows_merged": self.tr("Merged"), "rows_skipped": self.tr("Skipped"),
        })
        self.table.resizeColumnsToContents()
        if not self.details.toPlainText():
            self.details.setPlaceholderText(self.tr("Select an import to see its report."))


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(DataPage))
