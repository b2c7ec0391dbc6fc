"""Contribution page (学院贡献度): each school's share of the university's papers per ESI field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QSpinBox, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)
from sqlalchemy import func, select

from analyst_app.charts_contribution import figure_contribution_heatmap
from analyst_app.db.models import Publication
from analyst_app.db.workspace import Workspace
from analyst_app.domain.school_mapping import SchoolMapping
from analyst_app.reports.output_files import ReportOutput
from analyst_app.services.contribution import ContributionReport, contribution
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.report_registry import ReportOptions, available_reports, build_report
from ui.i18n import is_chinese
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._contribution_drill import CellPapersDialog
from ui.pages._contribution_tables import (export_contribution_workbook, result_display_frame,
                                           result_formatters)
from ui.pages._contribution_texts import (counting_labels, counting_tooltip, export_headers,
                                          metric_labels, result_headers, summary_text)
from ui.pages._contribution_unmatched import UnmatchedPanel
from ui.pages.base import PageBase, follow_workspace_institution
from ui.widgets.chart_view import ChartView
from ui.widgets.school_mapping_editor import SchoolMappingEditor
from ui.widgets.tables import make_table_view

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

#: Workspace setting remembering the last school mapping file loaded or saved.
SCHOOLS_FILE_SETTING = "contribution.schools_file"
#: Template id of the Word report (``analyst_app.services.report_registry``).
CONTRIBUTION_REPORT = "contribution"
COUNTING = ("full", "fractional")
METRICS = ("papers_share", "cites_share", "hcp_share")
_YEAR_RANGE = (1900, 2100)


class ContributionPage(PageBase):
    """Match the institution's addresses to schools, count each school's share per field.

    Three tabs: the result (table, method text, heat map; double-click opens the papers of
    a cell), the addresses no rule matched (select one, Add rule…, recompute) and the
    mapping editor, whose edits are used by Compute before they are saved.
    """

    key = "contribution"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ContributionReport | None = None
        self.report_mapping: SchoolMapping | None = None  # the mapping the report used
        self._running_mapping: SchoolMapping | None = None
        self.drill_dialog: CellPapersDialog | None = None
        self._pending = False
        self._stale = False  # the mapping changed since the result shown
        self._auto_compute = False
        self._restoring = False
        self._workspace_institution = ""
        self._make_controls()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._make_result_tab(), "")
        self.unmatched = UnmatchedPanel()
        self.unmatched.add_rule_requested.connect(self.add_rule_for_selected)
        self.tabs.addTab(self.unmatched, "")
        self.editor = SchoolMappingEditor()
        self.editor.changed.connect(self._on_mapping_changed)
        self.editor.file_used.connect(self._remember_file)
        self.tabs.addTab(self.editor, "")
        self.body.addWidget(self.tabs, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.finished.connect(self._run_pending)
        self.retranslate()

    # -- widgets ----------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.make_institution_field(220)
        self.counting_label = QLabel()
        self.counting_combo = QComboBox()
        self.counting_combo.addItems([""] * len(COUNTING))
        self.counting_label.setBuddy(self.counting_combo)
        self.years_check = QCheckBox()
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for spin in (self.year_from, self.year_to):
            spin.setRange(*_YEAR_RANGE)
            spin.setEnabled(False)
            self.years_check.toggled.connect(spin.setEnabled)
        self.year_dash = QLabel("–")
        self.compute_button = QPushButton()
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.setVisible(False)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_excel)
        self.report_button = QPushButton()
        self.report_button.clicked.connect(self.export_report)
        # The Word report ships separately from the page: offer it only when present.
        self.report_button.setVisible(CONTRIBUTION_REPORT in available_reports())
        row = QHBoxLayout()
        for widget in (self.institution_label, self.institution_edit, self.counting_label,
                       self.counting_combo, self.years_check, self.year_from, self.year_dash,
                       self.year_to, self.compute_button, self.cancel_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.body.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # Exports beside the summary, not in the controls row: the page must fit 1280 px
        # beside the navigation list.
        second = QHBoxLayout()
        second.addWidget(self.summary, 1)
        second.addWidget(self.export_button)
        second.addWidget(self.report_button)
        self.body.addLayout(second)

    def _make_result_tab(self) -> QWidget:
        self.method_label = QLabel()
        self.method_label.setWordWrap(True)
        self.method_label.setStyleSheet("color:#566573;")
        # A wrapped label inside a tab gets one line's height unless it insists on its
        # height-for-width (QStackedWidget does not pass it on).
        self.method_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Minimum)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        self.metric_label = QLabel()
        self.metric_combo = QComboBox()
        self.metric_combo.addItems([""] * len(METRICS))
        self.metric_combo.currentIndexChanged.connect(self._show_chart)
        self.metric_label.setBuddy(self.metric_combo)
        self.model = DataFrameTableModel(formatters=result_formatters())
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = make_table_view(self.proxy, single_selection=True)
        self.table.doubleClicked.connect(self._open_cell)
        self.chart = ChartView()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([280, 360])
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit)
        tools.addStretch(1)
        tools.addWidget(self.metric_label)
        tools.addWidget(self.metric_combo)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.method_label)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        return tab

    # -- workspace --------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show ``workspace`` and load the mapping file it remembers (asking first about
        unsaved edits: Cancel keeps them), then compute with it."""
        self.report = None
        self._auto_compute = False
        remembered = workspace.get_setting(SCHOOLS_FILE_SETTING) if workspace else None
        if remembered and Path(remembered).is_file():
            if str(remembered) == (self.editor.origin or ""):
                self._auto_compute = bool(self.editor.rules)  # already shown
            else:
                self._restoring = True  # not remembered again, least of all in the old one
                try:
                    self._auto_compute = self.editor.load_file(remembered)
                finally:
                    self._restoring = False
        super().set_workspace(workspace)

    def refresh(self) -> None:
        """Re-read the corpus years and the institution; recompute a result shown before."""
        had_result = self.report is not None
        self._clear_result()
        if self.workspace is None:
            return
        self._fill_years()
        self.on_institution_changed()
        if (had_result or self._auto_compute) and self.editor.rules:
            self.compute()
        self._auto_compute = False
        self._show_summary()

    def on_institution_changed(self) -> None:
        """Take the workspace institution unless the user typed another name."""
        self._workspace_institution = follow_workspace_institution(
            self.institution_edit, self.workspace, self._workspace_institution)

    def _fill_years(self) -> None:
        with self.workspace.session() as session:  # type: ignore[union-attr]
            low, high = session.execute(select(func.min(Publication.year),
                                               func.max(Publication.year))).one()
        if low is not None and not self.years_check.isChecked():
            self.year_from.setValue(int(low))
            self.year_to.setValue(int(high))

    @Slot(str)
    def _remember_file(self, path: str) -> None:
        if self.workspace is not None and not self._restoring:
            self.workspace.set_setting(SCHOOLS_FILE_SETTING, path)

    def confirm_close(self) -> bool:
        """Whether the page may close: asks about unsaved mapping edits (for the window)."""
        return self.editor.confirm_discard()

    # -- actions ----------------------------------------------------------------------
    def current_filter(self) -> CorpusFilter:
        """The corpus filter of the controls (the year range when ticked)."""
        if not self.years_check.isChecked():
            return CorpusFilter()
        low, high = sorted((self.year_from.value(), self.year_to.value()))
        return CorpusFilter(years=(low, high))

    @Slot()
    def compute(self) -> None:
        """Compute the contribution with the mapping as edited (on the worker thread)."""
        if self.workspace is None:
            return
        if self.runner.busy:
            self._pending = True  # recompute once the running job ends
            return
        if not self.editor.rules:
            self.messages.show_message(translate(
                "ContributionPage", "The school mapping has no rules: open a mapping file or "
                "start from the DUT example in the School mapping tab."), "warning")
            self.tabs.setCurrentWidget(self.editor)
            return
        self.messages.clear()
        self._running_mapping = self.editor.mapping()
        self.runner.start(contribution, self.workspace,
                          self.institution_edit.text().strip() or None, self._running_mapping,
                          COUNTING[self.counting_combo.currentIndex()], self.current_filter(),
                          description=translate("ContributionPage", "Computing school "
                                                "contributions"))

    @Slot()
    def _run_pending(self) -> None:
        if self._pending:
            self._pending = False
            self.compute()

    @Slot()
    def add_rule_for_selected(self) -> None:
        """Open the rule dialog pre-filled from the selected unmatched address."""
        address = self.unmatched.selected_address()
        if address is None or self.report is None:
            return
        dialog = self.editor.open_rule_dialog(
            pattern=str(address["unit"] or ""), address=str(address["text"]),
            addresses=list(self.report.unmatched["text"]))
        dialog.accepted.connect(self.compute)  # show the rule's effect at once

    @Slot(QModelIndex)
    def _open_cell(self, index: QModelIndex) -> None:
        if self.report is None or self.workspace is None or not index.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(index).row())
        self.drill_dialog = CellPapersDialog(self.report, self.workspace, row["school"],
                                             row["field"], row["field_name"], self)
        self.drill_dialog.open()

    @Slot()
    def export_excel(self) -> None:
        """Ask for an .xlsx file and write the tables shown (on the worker thread)."""
        if self.report is None or self.runner.busy:
            return
        path = self.ask_export_path()
        if not path:
            return
        path = Path(path).with_suffix(".xlsx")
        self.runner.start(export_contribution_workbook, self.report, self.report_mapping, path,
                          export_headers(), is_chinese(),
                          description=translate("ContributionPage", "Exporting to Excel"))

    def ask_export_path(self) -> str:
        """Ask where to export ('' when cancelled); separate so tests can replace it."""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ContributionPage", "Export to Excel"),
            str(Path.home() / "contribution.xlsx"),
            translate("ContributionPage", "Excel workbook (*.xlsx)"))
        return path

    @Slot()
    def export_report(self) -> None:
        """Ask for a .docx file and build the contribution report (Word + Excel twin) with
        the page's settings; the report reads the mapping from its file, so unsaved edits
        are saved first."""
        if self.workspace is None or self.runner.busy:
            return
        if self.editor.modified and not self.editor.save():
            self.messages.show_message(translate(
                "ContributionPage", "Save the school mapping first: the report names the "
                "mapping file it used."), "warning")
            return
        if not self.editor.origin or not self.editor.rules:
            self.compute()  # explains that a mapping is needed
            return
        path = self.ask_report_path()
        if not path:
            return
        docx = Path(path).with_suffix(".docx")
        low, high = sorted((self.year_from.value(), self.year_to.value()))
        options = ReportOptions(
            institution=self.institution_edit.text().strip() or None,
            extra={"schools": self.editor.origin,
                   "counting": COUNTING[self.counting_combo.currentIndex()],
                   "years": f"{low}-{high}" if self.years_check.isChecked() else None})
        self.runner.start(build_report, CONTRIBUTION_REPORT, self.workspace, docx,
                          xlsx=docx.with_suffix(".xlsx"), options=options,
                          description=translate("ContributionPage", "Building the report"))

    def ask_report_path(self) -> str:
        """Ask where to write the report ('' when cancelled); tests replace it."""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ContributionPage", "Export report"),
            str(Path.home() / "学院贡献度分析报告.docx"),
            translate("ContributionPage", "Word document (*.docx)"))
        return path

    # -- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_result(self, result: object) -> None:
        if isinstance(result, Path):  # the Excel export finished
            self.messages.show_message(translate("ContributionPage", "Exported to {file}.")
                                       .format(file=result), "success")
            return
        if isinstance(result, ReportOutput):
            self.messages.show_message(translate(
                "ContributionPage", "Report written: {docx} (tables in {xlsx}).").format(
                docx=result.docx, xlsx=result.xlsx), "success")
            return
        self.report = result  # type: ignore[assignment]
        self.report_mapping = self._running_mapping
        self._stale = False
        self.render_result()

    def _clear_result(self) -> None:
        self.report = None
        self.model.set_frame(None)
        self.unmatched.set_frame(None)
        self.method_label.clear()
        self.chart.clear()
        self.export_button.setEnabled(False)

    def render_result(self) -> None:
        """Show the current result (tables, method, chart) in the current language."""
        self._update_tabs()
        self._show_summary()
        if self.report is None:
            return
        self.model.set_frame(result_display_frame(self.report, self.report_mapping,
                                                  is_chinese()))
        self.table.resizeColumnsToContents()
        for column in ("school", "school_en"):  # long English names: cap, full text in tooltip
            index = self.model.columns.index(column)
            self.table.setColumnWidth(index, min(self.table.columnWidth(index), 220))
        self.method_label.setText(self.report.result.method_zh if is_chinese()
                                  else self.report.method)
        self.unmatched.set_frame(self.report.unmatched)
        self.export_button.setEnabled(True)
        self._show_chart()

    @Slot()
    def _show_chart(self) -> None:
        if self.report is None or self.report.result.table.empty:
            self.chart.clear()
            return
        self.chart.show_figure(figure_contribution_heatmap(
            self.report.result.table, metric=METRICS[max(self.metric_combo.currentIndex(), 0)],
            institution=str(self.report.parameters.get("institution", "")),
            counting=str(self.report.parameters.get("counting", "full")),
            language="zh" if is_chinese() else "en"))

    def _show_summary(self) -> None:
        self.summary.setText(summary_text(self.report, bool(self.editor.rules), self._stale))

    @Slot()
    def _on_mapping_changed(self) -> None:
        if self.report is not None and self.editor.mapping().rules != self.report_mapping.rules:
            self._stale = True
        self._update_tabs()
        self._show_summary()

    def _update_tabs(self) -> None:
        results = translate("ContributionPage", "Result")
        unmatched = translate("ContributionPage", "Unmatched addresses")
        if self.report is not None:
            unmatched = translate("ContributionPage", "Unmatched addresses ({n})").format(
                n=f"{len(self.report.unmatched):,}")
        mapping = translate("ContributionPage", "School mapping ({n} rules)").format(
            n=len(self.editor.rules))
        self.tabs.setTabText(0, results)
        self.tabs.setTabText(1, unmatched)
        self.tabs.setTabText(2, mapping + (" *" if self.editor.modified else ""))

    def set_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy)
        self.report_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy and self.report is not None)

    def shutdown(self) -> None:
        super().shutdown()
        self.chart.shutdown()

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return translate("ContributionPage", "Contribution")

    def retranslate(self) -> None:
        self.institution_label.setText(translate("ContributionPage", "&Institution:"))
        self.institution_edit.setPlaceholderText(translate(
            "ContributionPage", "as the addresses write it, e.g. Dalian Univ Technol"))
        self.counting_label.setText(translate("ContributionPage", "C&ounting:"))
        for index, label in enumerate(counting_labels()):
            self.counting_combo.setItemText(index, label)
        self.counting_combo.setToolTip(counting_tooltip())
        self.years_check.setText(translate("ContributionPage", "&Years"))
        self.compute_button.setText(translate("ContributionPage", "&Compute"))
        self.cancel_button.setText(translate("ContributionPage", "Cancel"))
        self.export_button.setText(translate("ContributionPage", "&Export to Excel…"))
        self.export_button.setToolTip(translate("ContributionPage", "Write the tables shown "
                                                "to an Excel workbook"))
        self.report_button.setText(translate("ContributionPage", "Export &report…"))
        self.report_button.setToolTip(translate(
            "ContributionPage", "Build the school contribution report (Word, with its Excel "
            "tables) with these settings"))
        self.filter_edit.setPlaceholderText(translate("ContributionPage", "Filter…"))
        self.metric_label.setText(translate("ContributionPage", "C&hart:"))
        for index, label in enumerate(metric_labels()):
            self.metric_combo.setItemText(index, label)
        self.table.setToolTip(translate("ContributionPage", "Double-click a row to list its "
                                        "papers."))
        self.model.set_headers(result_headers())
        self.model.set_formatters(result_formatters())
        self.unmatched.retranslate()
        self.editor.retranslate()
        self.render_result()


__all__ = ["ContributionPage", "SCHOOLS_FILE_SETTING"]


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(ContributionPage))
