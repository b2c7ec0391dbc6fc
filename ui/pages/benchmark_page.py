"""Benchmarking page (学科竞争力对标): the institution against a peer group, field by field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QWidget)

from analysis.benchmark_wos import ALL_FIELDS
from analyst_app.db.queries import esi_releases
from analyst_app.domain.esi_fields import esi_fields
from analyst_app.domain.peer_groups import PeerGroup, name_key
from analyst_app.errors import InputError
from analyst_app.services.benchmark import (DEFAULT_MIN_PAPERS, MIN_PAPERS_KEY,
                                            BenchmarkOptions, BenchmarkReport, benchmark,
                                            load_peer_groups)
from analyst_app.reports.output_files import ReportOutput
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.report_registry import ReportOptions, available_reports, build_report
from ui.dialogs.peer_group_dialog import PeerGroupDialog, split_names
from ui.i18n import is_chinese, join_sentences
from ui.pages._benchmark_export import export_benchmark_excel
from ui.pages._benchmark_results import BenchmarkResultsView
from ui.pages.base import PageBase, follow_workspace_institution

# Hints shown instead of a result.
HINT_NO_DATA = QT_TRANSLATE_NOOP("BenchmarkPage", "Import ESI Institutions lists (and Web of "
                                 "Science records for the publication indicators) on the "
                                 "Data page.")
HINT_START = QT_TRANSLATE_NOOP("BenchmarkPage", "Choose a peer group (or name peers) and "
                               "press Compute.")
HINT_NO_PEERS = QT_TRANSLATE_NOOP("BenchmarkPage", "Choose a peer group or name at least one "
                                  "peer to compare with.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BenchmarkPage", text)


class BenchmarkPage(PageBase):
    """Compare the institution with a peer group: ESI standing, its trend, WoS indicators."""

    key = "benchmark"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: BenchmarkReport | None = None
        self.groups: tuple[PeerGroup, ...] = ()
        self._pending = False
        self._workspace_institution = ""
        self._hint: str | None = None
        self._build_controls()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.results = BenchmarkResultsView()
        self.filter_edit.textChanged.connect(self.results.set_filter)
        self.body.addWidget(self.results, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.finished.connect(self._run_pending)
        self.retranslate()

    def _build_controls(self) -> None:
        self.make_institution_field(220)
        self.group_label = QLabel()
        self.group_combo = QComboBox()
        self.group_combo.setMinimumContentsLength(16)
        # Long group names must not widen the window past a 1280-pixel screen.
        self.group_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_label.setBuddy(self.group_combo)
        self.edit_groups_button = QPushButton()
        self.edit_groups_button.clicked.connect(self.edit_peer_groups)
        self.peers_label = QLabel()
        self.peers_edit = QLineEdit()
        self.peers_edit.setMinimumWidth(140)
        self.peers_edit.returnPressed.connect(self.compute)
        self.peers_label.setBuddy(self.peers_edit)
        self.release_label = QLabel()
        self.release_combo = QComboBox()
        self.release_combo.setMinimumContentsLength(8)
        self.release_label.setBuddy(self.release_combo)
        self.field_label = QLabel()
        self.field_combo = QComboBox()
        self.field_combo.setMinimumContentsLength(14)
        self.field_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field_label.setBuddy(self.field_combo)
        self.min_papers_label = QLabel()
        self.min_papers_spin = QSpinBox()
        self.min_papers_spin.setRange(1, 100000)
        self.min_papers_spin.setValue(DEFAULT_MIN_PAPERS)
        self.min_papers_label.setBuddy(self.min_papers_spin)
        self.compute_button = QPushButton()
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_excel)
        self.report_button = QPushButton()
        self.report_button.clicked.connect(self.export_report)
        # The Word report's builder may be missing from an installation: no button then.
        self.report_button.setVisible("benchmark" in available_reports())
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(100)
        self.filter_edit.setMaximumWidth(200)
        # Two rows: who is compared, then how; the filter sits at the right of the second.
        first = QHBoxLayout()
        for widget in (self.institution_label, self.institution_edit, self.group_label,
                       self.group_combo, self.edit_groups_button, self.peers_label):
            first.addWidget(widget)
        first.addWidget(self.peers_edit, 1)
        second = QHBoxLayout()
        for widget in (self.release_label, self.release_combo, self.field_label,
                       self.field_combo, self.min_papers_label, self.min_papers_spin,
                       self.compute_button, self.export_button, self.report_button):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.filter_edit, 1)
        self.body.addLayout(first)
        self.body.addLayout(second)

    # -- workspace --------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read releases, peer groups and the institution; earlier results are dropped."""
        self.report = None
        self.results.show_report(None)
        self.summary.clear()
        self._update_export()
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            releases = esi_releases(session)
        self._fill_releases(releases)
        self._fill_fields()
        self.min_papers_spin.setValue(self._min_papers_setting())
        self.on_institution_changed()
        self.reload_groups()
        self._hint = HINT_START if releases else HINT_NO_DATA
        self.summary.setText(_tr(self._hint))

    def on_institution_changed(self) -> None:
        """Take the workspace institution unless the user typed another name."""
        self._workspace_institution = follow_workspace_institution(
            self.institution_edit, self.workspace, self._workspace_institution)

    def _min_papers_setting(self) -> int:
        assert self.workspace is not None
        value = self.workspace.get_setting(MIN_PAPERS_KEY, DEFAULT_MIN_PAPERS)
        return value if isinstance(value, int) and value >= 1 else DEFAULT_MIN_PAPERS

    def reload_groups(self) -> None:
        """Fill the peer-group chooser from the workspace (keeping the chosen group)."""
        if self.workspace is None:
            return
        try:
            self.groups = load_peer_groups(self.workspace)
        except InputError as exc:  # an unreadable setting: say so, offer no group
            self.groups = ()
            self.messages.show_exception(exc)
        chosen = self.group_combo.currentData()
        self.group_combo.clear()
        self.group_combo.addItem(QCoreApplication.translate("BenchmarkPage", "(no group)"), None)
        for group in self.groups:
            title = group.name_zh if is_chinese() and group.name_zh else group.name
            label = f"{group.id} — {title}"
            self.group_combo.addItem(label, group.id)
            self.group_combo.setItemData(self.group_combo.count() - 1, ", ".join(
                m.name_zh or m.esi_name for m in group.members), Qt.ItemDataRole.ToolTipRole)
        index = self.group_combo.findData(chosen) if chosen else -1
        self.group_combo.setCurrentIndex(index if index >= 0 else self._default_group_index())

    def _default_group_index(self) -> int:
        # The first group our institution belongs to: its peers are the ones it chose.
        ours = name_key(self.institution_edit.text())
        for i, group in enumerate(self.groups, start=1):
            if any(name_key(n) == ours for m in group.members for n in m.names()):
                return i
        return 1 if self.groups else 0

    def _fill_releases(self, releases: list[str]) -> None:
        chosen = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(QCoreApplication.translate("BenchmarkPage", "Latest"), None)
        for label in sorted(releases, reverse=True):
            self.release_combo.addItem(label, label)
        index = self.release_combo.findData(chosen) if chosen else 0
        self.release_combo.setCurrentIndex(max(index, 0))

    def _fill_fields(self) -> None:
        chosen = self.field_combo.currentData()
        self.field_combo.clear()
        self.field_combo.addItem(_tr("All fields"), None)
        for field in esi_fields():
            self.field_combo.addItem(field.name_zh if is_chinese() else field.name_en,
                                     field.name_en)
        index = self.field_combo.findData(chosen) if chosen else 0
        self.field_combo.setCurrentIndex(max(index, 0))

    # -- actions ----------------------------------------------------------------------
    def options(self) -> BenchmarkOptions:
        """The benchmarking options the controls show."""
        field = self.field_combo.currentData()
        return BenchmarkOptions(release=self.release_combo.currentData(),
                                fields=(field,) if field else (),
                                min_papers=self.min_papers_spin.value())

    @Slot()
    def compute(self) -> None:
        """Compare the institution with the chosen peers (on the worker thread)."""
        if self.workspace is None:
            return
        if self.runner.busy:
            self._pending = True  # recompute once the running job ends
            return
        group = self.group_combo.currentData()
        peers = split_names(self.peers_edit.text())
        if not group and not peers:
            self.messages.show_message(_tr(HINT_NO_PEERS), "warning")
            return
        self.messages.clear()
        institution = self.institution_edit.text().strip() or None
        self.runner.start(benchmark, self.workspace, institution, peers, CorpusFilter(),
                          self.options(), group=group,
                          description=self.tr("Comparing with the peers"))

    @Slot()
    def _run_pending(self) -> None:
        if self._pending:
            self._pending = False
            self.compute()

    @Slot()
    def edit_peer_groups(self) -> None:
        """Open the peer-group editor; reload the chooser when the groups were saved."""
        if self.workspace is None:
            return
        dialog = PeerGroupDialog(self.workspace, parent=self)
        if dialog.exec() == PeerGroupDialog.DialogCode.Accepted:
            self.reload_groups()

    @Slot()
    def export_excel(self) -> None:
        """Ask for a file and write the shown tables to it."""
        if self.report is None:
            return
        start = str(Path.home() / f"benchmark-{self.report.result.release or 'wos'}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), start,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the shown tables to ``path``; report success or failure in the message bar."""
        if self.report is None:
            return False
        try:
            export_benchmark_excel(self.report, path, chinese=is_chinese())
        except OSError as exc:  # the file open in Excel (locked on Windows), a full disk
            self.messages.show_exception(exc)
            return False
        self.messages.show_message(self.tr("Exported to {path}").format(path=path), "success")
        return True

    @Slot()
    def export_report(self) -> None:
        """Ask for a .docx file and build the benchmarking report of the shown result."""
        if self.report is None:
            return
        start = str(Path.home() / f"benchmark-{self.report.result.release or 'wos'}.docx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), start,
                                              self.tr("Word document (*.docx)"))
        if path:
            self.start_report(Path(path))

    def start_report(self, path: Path) -> None:
        """Build the Word report (and its Excel twin beside it) on the worker thread.

        The report is computed from the shown result's parameters, not from controls
        changed since, so that it says what the page shows.
        """
        if self.report is None or self.workspace is None or self.runner.busy:
            return
        report, params = self.report, self.report.result.params
        options = ReportOptions(
            institution=report.institution.esi_name,
            display_name=report.institution.name_zh or None, release=report.result.release,
            extra={"group": report.group, "peers": [p.esi_name for p in report.peers],
                   "fields": list(params.fields), "min_papers": params.min_papers})
        self.messages.clear()
        self.runner.start(build_report, "benchmark", self.workspace, path,
                          xlsx=path.with_suffix(".xlsx"), options=options,
                          description=self.tr("Writing the benchmarking report"))

    # -- results ----------------------------------------------------------------------
    @Slot(object)
    def _on_result(self, result: BenchmarkReport | ReportOutput) -> None:
        if isinstance(result, ReportOutput):  # a report build finished
            written = [str(p) for p in (result.docx, result.xlsx) if p is not None]
            self.messages.show_message(self.tr("Report written: {files}").format(
                files="; ".join(written)), "success")
            return
        self.report = result
        self._hint = None
        self.render_result()

    def render_result(self) -> None:
        """Show the current result (tabs and summary) in the current language."""
        self.results.show_report(self.report)
        self._render_summary()

    def _render_summary(self) -> None:
        self._update_export()
        if self.report is not None:
            self.summary.setText(self._summary_text(self.report))
        elif self._hint:
            self.summary.setText(_tr(self._hint))

    def _summary_text(self, report: BenchmarkReport) -> str:
        result = report.result
        ours = result.esi[result.esi["institution"] == report.institution.esi_name]
        text = self.tr("{institution} against {peers} peers{group}").format(
            institution=report.institution.esi_name, peers=len(report.peers),
            group=self.tr(" ({group})").format(group=report.group) if report.group else "")
        if result.release:
            text += self.tr("; ESI release {release}: listed in {listed} of {fields} "
                            "fields").format(release=result.release,
                                             listed=int(ours["listed"].sum()),
                                             fields=len(ours))
        totals = result.wos_totals
        papers = totals.loc[(totals["institution"] == report.institution.esi_name)
                            & (totals["field"] == ALL_FIELDS), "papers"]
        if len(papers):
            text += self.tr("; {papers} of our papers in the imported records").format(
                papers=f"{int(papers.iloc[0]):,}")
        text = self.tr("{summary}.").format(summary=text)
        if result.warnings:
            text = join_sentences(text, self.tr(
                "{count} warnings: see the Warnings tab.").format(count=len(result.warnings)))
        return text

    def _update_export(self) -> None:
        ready = self.report is not None and not self.runner.busy
        self.export_button.setEnabled(ready)
        self.report_button.setEnabled(ready)

    def set_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy)
        self.edit_groups_button.setEnabled(not busy)
        self._update_export()

    def shutdown(self) -> None:
        super().shutdown()
        self.results.shutdown()

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Benchmarking")

    def retranslate(self) -> None:
        self.institution_label.setText(self.tr("&Institution:"))
        self.institution_edit.setPlaceholderText(self.tr("e.g. DALIAN UNIVERSITY OF TECHNOLOGY"))
        self.group_label.setText(self.tr("Peer &group:"))
        self.edit_groups_button.setText(self.tr("Edit groups…"))
        self.peers_label.setText(self.tr("Other &peers:"))
        self.peers_edit.setPlaceholderText(self.tr("ESI names, separated by ;"))
        self.peers_edit.setToolTip(self.tr("Institutions to compare with besides the group, "
                                           "as ESI names them, separated by ;"))
        self.release_label.setText(self.tr("&Release:"))
        self.field_label.setText(self.tr("&Field:"))
        self.min_papers_label.setText(self.tr("Small sample below:"))
        self.min_papers_spin.setSuffix(self.tr(" papers"))
        self.min_papers_spin.setToolTip(self.tr("Cells with fewer papers are marked: their "
                                                "shares and h-index are unstable."))
        self.compute_button.setText(self.tr("Compute"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("The tables shown, one sheet each"))
        self.report_button.setText(self.tr("Export report…"))
        self.report_button.setToolTip(self.tr("The benchmarking report in Word, with its "
                                              "charts and an Excel twin"))
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        if self.workspace is not None:
            self._fill_releases([self.release_combo.itemData(i)
                                 for i in range(1, self.release_combo.count())])
            self._fill_fields()
            self.reload_groups()
        self.results.retranslate()  # redraws the result in the new language
        self._render_summary()


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(BenchmarkPage))
