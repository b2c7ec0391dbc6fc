"""Reports page: choose a report, fill its options, build it (Word + Excel), open the files."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from analyst_app.db.queries import esi_releases
from analyst_app.errors import InputError
from analyst_app.services.report_registry import ReportOptions, build_report
from ui.i18n import is_chinese
from ui.pages._reports_catalog import ReportEntry, report_entries, stem_problem
from ui.pages._reports_fields import ReportForm
from ui.pages._reports_forms import FORMS
from ui.pages.base import PageBase, follow_workspace_institution
from ui.settings import REPORT_FOLDER_KEY, app_settings

DISPLAY_NAME_KEY = "reports/display_name"


def reports_available() -> bool:
    """Whether the ESI report service is installed (the page's first report)."""
    return importlib.util.find_spec("analyst_app.services.reports") is not None


def open_path(path: Path) -> bool:
    """Open ``path`` (a file or folder) with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportsPage(PageBase):
    """The list of reports; the chosen one's options; Build; the files written.

    Every report is built by :func:`~analyst_app.services.report_registry.build_report` on
    the page's runner. The common options (institution, name, release, folder, file name,
    Excel) are shared by all reports; each report's own options are a
    :class:`~ui.pages._reports_fields.ReportForm` of :data:`~ui.pages._reports_forms.FORMS`.
    """

    key = "reports"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outputs: list[Path] = []
        self._releases: list[str] = []
        self._workspace_institution = ""
        try:
            self.entries: list[ReportEntry] = report_entries()
        except InputError as exc:  # a broken manifest: say so, offer nothing
            self.entries = []
            self.messages.show_exception(exc)
        self.forms: dict[str, ReportForm] = {e.id: FORMS[e.id]() for e in self.entries
                                             if e.id in FORMS}
        self.report_list = QListWidget()
        self.report_list.setMinimumWidth(220)
        self.report_list.setMaximumWidth(300)
        self.report_list.setWordWrap(True)
        self.report_list.setSpacing(3)
        for entry in self.entries:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.report_list.addItem(item)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15px; font-weight:bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color:#555;")
        self.common_box = QGroupBox()
        self.common_box.setLayout(self._common_form())
        self.options_box = QGroupBox()
        self._no_options = QLabel()
        # One form shown at a time; not a QStackedWidget, whose height is its tallest page.
        options = QVBoxLayout(self.options_box)
        for widget in (self._no_options, *self.forms.values()):
            options.addWidget(widget)
        self.build_button = QPushButton()
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.results_title = QLabel()
        self.results_title.setStyleSheet("font-weight:bold; margin-top:8px;")
        results_box = QWidget()
        self.results = QGridLayout(results_box)
        self.results.setContentsMargins(0, 0, 0, 0)
        self._lay_out(results_box)
        self.report_list.currentRowChanged.connect(self._on_report_chosen)
        self.release_combo.currentIndexChanged.connect(self._update_stem_placeholder)
        self.runner.succeeded.connect(self._on_built)
        self.retranslate()
        if self.entries:
            self.report_list.setCurrentRow(0)

    def _common_form(self) -> QFormLayout:
        self.institution_edit = QLineEdit()
        self.display_edit = QLineEdit(str(app_settings().value(DISPLAY_NAME_KEY, "") or ""))
        self.release_combo = QComboBox()
        self.release_combo.setMinimumContentsLength(10)
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._choose_folder)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        self.stem_edit = QLineEdit()
        self.xlsx_check = QCheckBox()
        self.xlsx_check.setChecked(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._labels, (self.institution_edit, self.display_edit,
                                               self.release_combo, folder_row, self.stem_edit)):
            self.form.addRow(label, field)
        self.form.addRow("", self.xlsx_check)
        return self.form

    def _lay_out(self, results_box: QWidget) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        content = QWidget()
        content.setMaximumWidth(820)
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 0, 4, 0)
        for widget in (self.heading, self.description, self.common_box, self.options_box):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.results_title)
        column.addWidget(results_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        row = QHBoxLayout()
        row.addWidget(self.report_list)
        row.addWidget(scroll, 1)
        self.body.addLayout(row, 1)

    # -- the chosen report -------------------------------------------------------------
    def current_entry(self) -> ReportEntry | None:
        """The report chosen in the list."""
        row = self.report_list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select_report(self, template_id: str) -> bool:
        """Choose report ``template_id`` in the list; return whether it is listed."""
        ids = [e.id for e in self.entries]
        if template_id not in ids:
            return False
        self.report_list.setCurrentRow(ids.index(template_id))
        return True

    def current_form(self) -> ReportForm | None:
        """The option form of the chosen report (``None`` when it has no options)."""
        entry = self.current_entry()
        return self.forms.get(entry.id) if entry else None

    @Slot(int)
    def _on_report_chosen(self, _row: int = -1) -> None:
        entry = self.current_entry()
        form = self.current_form()
        for widget in (self._no_options, *self.forms.values()):
            widget.setVisible(widget is (form or self._no_options))
        self.form.setRowVisible(self.release_combo, bool(entry and entry.uses_release))
        self.xlsx_check.setEnabled(bool(entry and entry.writes_xlsx))
        self.heading.setText(entry.title(is_chinese()) if entry else "")
        self.description.setText(entry.description if entry else "")
        self._update_stem_placeholder()
        self.set_busy(self.runner.busy)

    def default_stem(self, entry: ReportEntry) -> str:
        """The file name proposed for ``entry`` with the chosen release."""
        release = self.release_combo.currentData() or self._latest_release()
        if entry.id == "esi_bulletin":
            # Its established name, in the UI language: ESI动态监测通报_2025-11 in Chinese.
            name = self.tr("ESI_bulletin")
            return f"{name}_{release or 'latest'}"
        return entry.default_stem(release)

    @Slot()
    def _update_stem_placeholder(self) -> None:
        entry = self.current_entry()
        self.stem_edit.setPlaceholderText(self.default_stem(entry) if entry else "")

    # -- actions ----------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the chosen report cannot be built now (translated), or ``None``."""
        entry, form = self.current_entry(), self.current_form()
        if entry is None:
            return self.tr("Choose a report in the list.")
        bad = stem_problem(self.stem_edit.text())
        if bad:
            return self.tr("A file name cannot contain {chars}.").format(chars=bad)
        return form.problem() if form is not None else None

    @Slot()
    def build(self) -> bool:
        """Check the options and build the chosen report on the worker thread.

        Returns whether the build started (not when an option is missing, when a job runs,
        or when the user keeps an existing report).
        """
        entry, form = self.current_entry(), self.current_form()
        if self.workspace is None or self.runner.busy or entry is None:
            return False
        problem = self.problem()
        if problem:
            self.messages.show_message(problem, "warning")
            return False
        folder = Path(self.folder_edit.text().strip() or self._default_folder()).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.messages.show_exception(exc)
            return False
        stem = self.stem_edit.text().strip().removesuffix(".docx") or self.default_stem(entry)
        target = folder / f"{stem}.docx"
        xlsx = folder / f"{stem}.xlsx" if entry.writes_xlsx and self.xlsx_check.isChecked() \
            else None
        existing = next((p for p in (target, xlsx) if p is not None and p.exists()), None)
        if existing is not None and not self._confirm_replace(existing):
            return False
        options = self._options(entry, form)
        settings = app_settings()
        settings.setValue(REPORT_FOLDER_KEY, str(folder))
        settings.setValue(DISPLAY_NAME_KEY, options.display_name or "")
        self.messages.clear()
        self._show_outputs([])
        self.runner.start(build_report, entry.id, self.workspace, target, xlsx=xlsx,
                          options=options, description=self.tr("Building “{title}”").format(
                              title=entry.title(is_chinese())))
        return True

    def _options(self, entry: ReportEntry, form: ReportForm | None) -> ReportOptions:
        institution = self.institution_edit.text().strip()
        # The workspace institution is passed as None: the builders then also use its aliases.
        if institution == (self._workspace_institution or "").strip():
            institution = ""
        return ReportOptions(
            institution=institution or None,
            display_name=self.display_edit.text().strip() or None,
            release=self.release_combo.currentData() if entry.uses_release else None,
            extra=form.extra() if form is not None else {})

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
            label.setToolTip(str(path))
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
        """Re-read releases, the institution, the default folder and the forms' settings."""
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            releases = esi_releases(session)
        chosen = self.release_combo.currentData()
        self.release_combo.blockSignals(True)
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("Latest"), None)
        for label in sorted(releases, reverse=True):
            self.release_combo.addItem(label, label)
        self.release_combo.setCurrentIndex(max(self.release_combo.findData(chosen), 0)
                                           if chosen else 0)
        self.release_combo.blockSignals(False)
        self._releases = releases
        self.on_institution_changed()
        if not self.folder_edit.text():
            self.folder_edit.setText(str(app_settings().value(REPORT_FOLDER_KEY, "") or "")
                                     or self._default_folder())
        for form in self.forms.values():
            form.load(self.workspace)
        error = getattr(self.forms.get("benchmark"), "load_error", None)
        if error is not None:
            self.messages.show_exception(error)
        self._update_stem_placeholder()
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
        self.build_button.setEnabled(not busy and self.current_entry() is not None)
        self.cancel_button.setEnabled(busy)
        self.report_list.setEnabled(not busy)
        self.common_box.setEnabled(not busy)
        self.options_box.setEnabled(not busy)

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        texts = (self.tr("&Institution:"), self.tr("&Name in the report:"),
                 self.tr("R&elease:"), self.tr("&Output folder:"), self.tr("&File name:"))
        buddies = (self.institution_edit, self.display_edit, self.release_combo,
                   self.folder_edit, self.stem_edit)
        for label, text, buddy in zip(self._labels, texts, buddies):
            label.setText(text)
            label.setBuddy(buddy)
        chinese = is_chinese()
        for row, entry in enumerate(self.entries):
            item = self.report_list.item(row)
            item.setText(entry.title(chinese))
            item.setToolTip(entry.description)
        self.institution_edit.setPlaceholderText(self.tr("The workspace institution"))
        self.display_edit.setPlaceholderText(self.tr(
            "How the report names the institution, e.g. 大连理工大学 (default: the ESI name)"))
        if self.release_combo.count():
            self.release_combo.setItemText(0, self.tr("Latest"))
        self.browse_button.setText(self.tr("Browse…"))
        self.stem_edit.setToolTip(self.tr("Without .docx; empty: the name shown in grey."))
        self.xlsx_check.setText(self.tr("Also write the Excel workbook (tables, parameters "
                                        "and provenance)"))
        self.common_box.setTitle(self.tr("Common options"))
        self.options_box.setTitle(self.tr("Report options"))
        self._no_options.setText(self.tr("This report has no options of its own."))
        for form in self.forms.values():
            form.retranslate()
        self.build_button.setText(self.tr("Build report"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.build_button.setToolTip("" if self.entries else self.tr(
            "No report is available in this build."))
        self.results_title.setText(self.tr("Files written"))
        self._on_report_chosen()
        self._show_outputs(self.outputs)


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(ReportsPage))
