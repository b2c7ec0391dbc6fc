"""Reports page: build a report (Word + Excel) and open the files it wrote."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QWidget)

from analyst_app.db.queries import esi_releases
from ui.pages.base import PageBase, follow_workspace_institution
from ui.settings import REPORT_FOLDER_KEY, app_settings

DISPLAY_NAME_KEY = "reports/display_name"


def build_esi_bulletin(*args: Any, **kwargs: Any) -> Any:
    """Call :func:`analyst_app.services.reports.build_esi_bulletin` (imported when run)."""
    from analyst_app.services.reports import build_esi_bulletin as build
    return build(*args, **kwargs)


def reports_available() -> bool:
    """Whether the report service is installed."""
    return importlib.util.find_spec("analyst_app.services.reports") is not None


def open_path(path: Path) -> bool:
    """Open ``path`` (a file or folder) with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportsPage(PageBase):
    """Choose a report, its institution, release and output folder; build it; open it."""

    key = "reports"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outputs: list[Path] = []
        self._releases: list[str] = []
        self._workspace_institution = ""
        self.report_combo = QComboBox()
        self.report_combo.addItem("", "esi_bulletin")
        self.institution_edit = QLineEdit()
        self.display_edit = QLineEdit(str(app_settings().value(DISPLAY_NAME_KEY, "") or ""))
        self.release_combo = QComboBox()
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.build_button = QPushButton()
        self.build_button.clicked.connect(self.build)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._labels, (self.report_combo, self.institution_edit,
                                               self.display_edit, self.release_combo,
                                               folder_row)):
            self.form.addRow(label, field)
        form_box = QWidget()
        form_box.setLayout(self.form)
        form_box.setMaximumWidth(720)
        self.body.addWidget(form_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.results_title = QLabel()
        self.results_title.setStyleSheet("font-weight:bold; margin-top:12px;")
        results_box = QWidget()
        results_box.setMaximumWidth(960)
        self.results = QGridLayout(results_box)
        self.results.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.results_title)
        self.body.addWidget(results_box)
        self.body.addStretch(1)
        self.runner.succeeded.connect(self._on_built)
        self.retranslate()

    # -- actions ----------------------------------------------------------------------
    @Slot()
    def build(self) -> bool:
        """Build the chosen report on the worker thread; return whether it started."""
        if self.workspace is None or self.runner.busy:
            return False
        folder = Path(self.folder_edit.text().strip() or self._default_folder()).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.messages.show_exception(exc)
            return False
        release = self.release_combo.currentData()
        # The file name is in the UI language: ESI动态监测通报_2025-11.docx in Chinese.
        name = self.tr("ESI_bulletin")
        stem = f"{name}_{release or self._latest_release() or 'latest'}"
        target = folder / f"{stem}.docx"
        if target.exists() and not self._confirm_replace(target):
            return False
        institution = self.institution_edit.text().strip() or None
        display_name = self.display_edit.text().strip()
        settings = app_settings()
        settings.setValue(REPORT_FOLDER_KEY, str(folder))
        settings.setValue(DISPLAY_NAME_KEY, display_name)
        extra = {"display_name": display_name} if display_name else {}
        self.messages.clear()
        self._show_outputs([])
        self.runner.start(build_esi_bulletin, self.workspace, institution, folder / f"{stem}.docx",
                          xlsx=folder / f"{stem}.xlsx", release=release, **extra,
                          description=self.tr("Building the ESI bulletin"))
        return True

    def _confirm_replace(self, target: Path) -> bool:
        # The librarian may have edited last time's report in Word: never replace it silently.
        answer = QMessageBox.question(
            self, self.tr("Replace report?"),
            self.tr("{file} already exists and may hold your edits. Replace it?").format(
                file=target.name))
        return answer == QMessageBox.StandardButton.Yes

    @Slot(object)
    def _on_built(self, output: Any) -> None:
        paths = [getattr(output, "docx", None), getattr(output, "xlsx", None),
                 *(getattr(output, "figures", None) or [])]
        self._show_outputs([Path(p) for p in paths if p])
        self.messages.show_message(self.tr("Report written."), "success")

    def _show_outputs(self, paths: list[Path]) -> None:
        self.outputs = paths
        while self.results.count():
            item = self.results.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for row, path in enumerate(paths):
            label = QLabel(str(path))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            open_button = QPushButton(self.tr("Open"))
            open_button.clicked.connect(lambda *_, p=path: open_path(p))
            folder_button = QPushButton(self.tr("Show folder"))
            folder_button.clicked.connect(lambda *_, p=path: open_path(p.parent))
            self.results.addWidget(label, row, 0)
            self.results.addWidget(open_button, row, 1)
            self.results.addWidget(folder_button, row, 2)
        self.results.setColumnStretch(0, 1)
        self.results_title.setVisible(bool(paths))

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    # -- state ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read releases, the workspace institution and the default folder."""
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            releases = esi_releases(session)
        chosen = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("Latest"), None)
        for label in sorted(releases, reverse=True):
            self.release_combo.addItem(label, label)
        self.release_combo.setCurrentIndex(max(self.release_combo.findData(chosen), 0)
                                           if chosen else 0)
        self._releases = releases
        self.on_institution_changed()
        if not self.folder_edit.text():
            self.folder_edit.setText(str(app_settings().value(REPORT_FOLDER_KEY, "") or "")
                                     or self._default_folder())
        self.set_busy(self.runner.busy)

    def on_institution_changed(self) -> None:
        """Take the workspace institution unless the user typed another name."""
        self._workspace_institution = follow_workspace_institution(
            self.institution_edit, self.workspace, self._workspace_institution)

    def _latest_release(self) -> str | None:
        return max(self._releases) if self._releases else None

    def _default_folder(self) -> str:
        if self.workspace is not None and self.workspace.path is not None:
            return str(self.workspace.path.parent / "reports")
        return str(Path.home() / "reports")

    def set_busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy and reports_available())

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        texts = (self.tr("&Report:"), self.tr("&Institution:"), self.tr("&Name in the report:"),
                 self.tr("R&elease:"), self.tr("&Output folder:"))
        buddies = (self.report_combo, self.institution_edit, self.display_edit,
                   self.release_combo, self.folder_edit)
        for label, text, buddy in zip(self._labels, texts, buddies):
            label.setText(text)
            label.setBuddy(buddy)
        self.report_combo.setItemText(0, self.tr("ESI bulletin (Word + Excel)"))
        self.institution_edit.setPlaceholderText(self.tr("The workspace institution"))
        self.display_edit.setPlaceholderText(self.tr(
            "How the report names the institution, e.g. 大连理工大学 (default: the ESI name)"))
        if self.release_combo.count():
            self.release_combo.setItemText(0, self.tr("Latest"))
        self.browse_button.setText(self.tr("Browse…"))
        self.build_button.setText(self.tr("Build report"))
        self.build_button.setToolTip("" if reports_available() else self.tr(
            "The report service is not installed in this build."))
        self.results_title.setText(self.tr("Files written"))
        self._show_outputs(self.outputs)


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(ReportsPage))
