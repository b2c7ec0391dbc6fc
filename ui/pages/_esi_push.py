"""ESI page, New highly cited / hot papers tab: the push list of a release and its export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from analyst_app.db.store_esi_papers import esi_paper_sources_frame
from analyst_app.db.workspace import Workspace
from analyst_app.domain.esi_fields import normalise_field
from analyst_app.domain.school_mapping import load_school_mapping, match_school
from analyst_app.services.esi_papers import PushListReport, export_push_list_xlsx, push_list
from analyst_app.tasks import CancelToken, Progress, no_progress
from ui.i18n import is_chinese, join_items
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.pages._esi_common import EsiContext, EsiPanel, Job, fit_columns, hint_label
from ui.widgets.tables import make_table_view

#: Workspace settings: the school mapping chosen here, and the Contribution page's one
#: (used when none was chosen here; one mapping usually serves the whole university).
SCHOOLS_SETTING = "esi.schools_file"
CONTRIBUTION_SCHOOLS_SETTING = "contribution.schools_file"

KINDS = (("both", QT_TRANSLATE_NOOP("EsiPushPanel", "Highly cited and hot papers")),
         ("hcp", QT_TRANSLATE_NOOP("EsiPushPanel", "Highly cited papers")),
         ("hot", QT_TRANSLATE_NOOP("EsiPushPanel", "Hot papers")))
_KIND_LABELS = {"hcp": QT_TRANSLATE_NOOP("EsiPushPanel", "Highly cited"),
                "hot": QT_TRANSLATE_NOOP("EsiPushPanel", "Hot"),
                "top": QT_TRANSLATE_NOOP("EsiPushPanel", "Top paper")}
_BASIS_LABELS = {"esi": QT_TRANSLATE_NOOP("EsiPushPanel", "ESI list"),
                 "wos_flag": QT_TRANSLATE_NOOP("EsiPushPanel", "WoS flag")}
COLUMNS = {
    "kind": QT_TRANSLATE_NOOP("EsiPushPanel", "Kind"),
    "new": QT_TRANSLATE_NOOP("EsiPushPanel", "New"),
    "title": QT_TRANSLATE_NOOP("EsiPushPanel", "Title"),
    "field_name": QT_TRANSLATE_NOOP("EsiPushPanel", "ESI field"),
    "times_cited": QT_TRANSLATE_NOOP("EsiPushPanel", "Times cited"),
    "authors_text": QT_TRANSLATE_NOOP("EsiPushPanel", "Authors to notify"),
    "corresponding_text": QT_TRANSLATE_NOOP("EsiPushPanel", "Corresponding"),
    "schools_text": QT_TRANSLATE_NOOP("EsiPushPanel", "Schools"),
    "doi": QT_TRANSLATE_NOOP("EsiPushPanel", "DOI"),
    "ut": QT_TRANSLATE_NOOP("EsiPushPanel", "Accession number"),
    "basis": QT_TRANSLATE_NOOP("EsiPushPanel", "From"),
}


def push_list_job(workspace: Workspace, institution: str | None, *, mapping_path: str | None,
                  release: str | None, kind: str, only_new: bool,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> PushListReport:
    """Load the school mapping (when a file is given) and compute the push list.

    Both happen on the worker thread: a mapping workbook may take a moment to read.
    """
    school_of = None
    if mapping_path:
        mapping = load_school_mapping(mapping_path)
        school_of = lambda text: match_school(mapping, text)  # noqa: E731
    return push_list(workspace, institution, release=release, kind=kind, only_new=only_new,
                     school_of=school_of, progress=progress, cancel=cancel)


def export_job(report: PushListReport, path: str, *, progress: Progress = no_progress,
               cancel: CancelToken | None = None) -> Path:
    """Write the push-list workbook (the runner's calling convention around the export)."""
    progress(0.1, "writing the workbook")
    return export_push_list_xlsx(report, Path(path))


def _field_name(name: Any) -> Any:
    """The ESI field ``name`` in the UI language (unknown names as they are)."""
    if not is_chinese() or not isinstance(name, str):
        return name
    found = normalise_field(name)
    return found.name_zh if found else name


def push_display_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The push list with the list columns joined into text and field names translated."""
    frame = table.copy()
    frame["field_name"] = [_field_name(f) for f in frame["field"]]
    frame["authors_text"] = ["; ".join(a) for a in frame["authors"]]
    frame["corresponding_text"] = ["; ".join(n["author"] for n in notify if n.get("corresponding"))
                                   for notify in frame["notify"]]
    frame["schools_text"] = ["; ".join(s) for s in frame["schools"]]
    return frame


class EsiPushPanel(EsiPanel):
    """Our new highly cited / hot papers of a release, with the authors and schools to notify.

    Signals
    -------
    action(object)
        A :class:`~ui.pages._esi_common.Job` to run for the panel (the Excel export); its
        result goes to :meth:`action_finished`.
    """

    action = Signal(object)
    needs_rankings = False  # paper lists (or WoS flags) are enough

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: PushListReport | None = None
        self.workspace: Workspace | None = None
        self.mapping_path: str | None = None
        self.release_label = QLabel()
        self.release_combo = QComboBox()
        self.release_combo.setMinimumContentsLength(8)
        self.release_label.setBuddy(self.release_combo)
        self.kind_combo = QComboBox()
        for code, _label in KINDS:
            self.kind_combo.addItem("", code)
        self.only_new = QCheckBox()
        self.only_new.setChecked(True)
        self.export_button = QPushButton()
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export_file)
        self.mapping_label = QLabel()
        self.mapping_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mapping_button = QPushButton()
        self.mapping_button.clicked.connect(self.choose_mapping)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("background:#fef5e7; border:1px solid #f8c471; color:#7e5109;"
                                "padding:4px; border-radius:3px;")
        self.note.hide()
        self.model = DataFrameTableModel(formatters=self._formatters())
        self.model.set_alignment(["kind", "new"], Qt.AlignmentFlag.AlignCenter)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table_view(self.proxy)
        self.hint = hint_label()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.hint)
        for signal in (self.release_combo.activated, self.kind_combo.activated,
                       self.only_new.toggled):
            signal.connect(lambda *_: self.requested.emit())
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        first = QHBoxLayout()
        for widget in (self.release_label, self.release_combo, self.kind_combo, self.only_new):
            first.addWidget(widget)
        first.addStretch(1)
        first.addWidget(self.export_button)
        second = QHBoxLayout()
        second.addWidget(self.mapping_label, 1)
        second.addWidget(self.mapping_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)

    def _formatters(self) -> dict:
        return {"kind": lambda v: self.tr(_KIND_LABELS.get(v, v)),
                "basis": lambda v: self.tr(_BASIS_LABELS.get(v, v)),
                "new": lambda v: self.tr("new") if v else self.tr("no"),
                "times_cited": lambda v: f"{int(v):,}"}

    # -- workspace and parameters -----------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        """Read the paper-list releases and the school mapping file of ``workspace``."""
        self.workspace = workspace
        releases: list[str] = []
        self.mapping_path = None
        if workspace is not None:
            with workspace.session() as session:
                sources = esi_paper_sources_frame(session.connection())
            releases = sorted(set(sources["release"]), reverse=True)
            self.mapping_path = (workspace.get_setting(SCHOOLS_SETTING)
                                 or workspace.get_setting(CONTRIBUTION_SCHOOLS_SETTING))
        chosen = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("Latest"), None)
        for label in releases:
            self.release_combo.addItem(label, label)
        index = self.release_combo.findData(chosen) if chosen else 0
        self.release_combo.setCurrentIndex(max(index, 0))
        self._show_mapping()

    @Slot()
    def choose_mapping(self) -> None:
        """Ask for a school mapping file (CSV or Excel), save it and recompute."""
        start = str(Path(self.mapping_path).parent) if self.mapping_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("School mapping"), start,
            self.tr("School mappings (*.csv *.xlsx);;All files (*)"))
        if path:
            self.set_mapping_path(path)

    def set_mapping_path(self, path: str | None) -> None:
        """Use the school mapping ``path`` (``None``: none), save it and recompute."""
        self.mapping_path = path
        if self.workspace is not None:
            self.workspace.set_setting(SCHOOLS_SETTING, path)
        self._show_mapping()
        self.requested.emit()

    def _show_mapping(self) -> None:
        if self.mapping_path:
            self.mapping_label.setText(self.tr("School mapping: {file}").format(
                file=Path(self.mapping_path).name))
            self.mapping_label.setToolTip(self.mapping_path)
        else:
            self.mapping_label.setText(self.tr("School mapping: none chosen, schools are left "
                                               "empty."))
            self.mapping_label.setToolTip("")

    @Slot()
    def choose_export_file(self) -> None:
        """Ask for the workbook to write and export the push list to it."""
        if self.report is None:
            return
        release = self.report.result.release or "wos"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"ESI_push_list_{release}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_to(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_to(self, path: str) -> None:
        """Ask the page to write the push list shown to ``path`` (on its runner)."""
        if self.report is not None:
            self.action.emit(Job(export_job, (self.report, path),
                                 description=self.tr("Exporting the push list")))

    def action_finished(self, result: Any) -> str:
        """Return the message to show once the export succeeded."""
        return self.tr("Push list saved to {path}").format(path=result)

    # -- EsiPanel ---------------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("New highly cited / hot papers")

    def job(self, context: EsiContext) -> Job:
        return Job(push_list_job, (context.workspace, context.institution),
                   {"mapping_path": self.mapping_path,
                    "release": self.release_combo.currentData(),
                    "kind": self.kind_combo.currentData(),
                    "only_new": self.only_new.isChecked()},
                   self.tr("Computing the push list"))

    def show_result(self, result: PushListReport) -> None:
        self.report = result
        self.render_result()

    def reset(self) -> None:
        self.report = None
        self.model.set_frame(None)
        self.summary.clear()
        self.note.hide()
        self.export_button.setEnabled(False)
        self.stack.setCurrentWidget(self.table)

    def show_hint(self, text: str) -> None:
        self.reset()
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy and self.report is not None
                                      and not self.report.result.table.empty)

    def render_result(self) -> None:
        """Show the push list (summary, note, table or hint) in the current language."""
        if self.report is None:
            return
        result = self.report.result
        table = result.table
        frame = push_display_frame(table)
        self.model.set_frame(frame)
        fit_columns(self.table, 260)
        self.table.setColumnWidth(self.model.columns.index("title"), 380)
        # ESI lists do not say who is corresponding; only WoS records do.
        has_corresponding = any(frame["corresponding_text"]) if not frame.empty else False
        self.table.setColumnHidden(self.model.columns.index("corresponding_text"),
                                   not has_corresponding)
        new = int((table["new"] == True).sum())  # noqa: E712 - None means "not comparable"
        authors = len({a for names in table["authors"] for a in names})
        self.summary.setText(self.tr(
            "{institution}, release {release}: {papers} paper(s), {new} new, {authors} "
            "author(s) to notify.").format(institution=result.params.institution,
                                           release=result.release or self.tr("none"),
                                           papers=len(table), new=new, authors=authors))
        self._show_note(result)
        if table.empty:
            self.hint.setText(self.tr(
                "No highly cited or hot paper of the institution in this release. Import the "
                "ESI Highly Cited / Hot Papers exports of two releases on the Data page to "
                "see the new ones."))
            self.stack.setCurrentWidget(self.hint)
        else:
            self.stack.setCurrentWidget(self.table)
        self.export_button.setEnabled(not table.empty)

    def _show_note(self, result: Any) -> None:
        lines = []
        if result.release is None:
            lines.append(self.tr("No ESI highly cited / hot paper list is imported: the papers "
                                 "flagged in the institution's WoS records are listed, and "
                                 "which are new cannot be decided."))
        missing = [k for k, before in result.previous.items() if before is None]
        if missing:
            kinds = join_items(self.tr(_KIND_LABELS.get(k, k)) for k in missing)
            lines.append(self.tr("No earlier release of the {kinds} list was imported, so "
                                 "\"new\" cannot be decided: every paper of the institution "
                                 "is listed. Import the previous release to see only the new "
                                 "ones.").format(kinds=kinds))
        self.note.setText("\n".join(lines))
        self.note.setToolTip("\n".join(result.notes))
        self.note.setVisible(bool(lines))

    def retranslate(self) -> None:
        self.release_label.setText(self.tr("Paper list &release:"))
        if self.release_combo.count():
            self.release_combo.setItemText(0, self.tr("Latest"))
        for i, (_code, label) in enumerate(KINDS):
            self.kind_combo.setItemText(i, self.tr(label))
        self.only_new.setText(self.tr("Only new papers"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.mapping_button.setText(self.tr("Choose school mapping…"))
        self._show_mapping()
        self.model.set_headers({c: self.tr(label) for c, label in COLUMNS.items()})
        self.model.set_formatters(self._formatters())
        self.render_result()


__all__ = ["EsiPushPanel", "push_list_job", "export_job", "push_display_frame",
           "SCHOOLS_SETTING", "CONTRIBUTION_SCHOOLS_SETTING"]
