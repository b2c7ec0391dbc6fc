"""ESI page: status in a release, history over releases, the watch list and the push list.

The page holds the parameters every tab shares (institution, release) and the one
:class:`~ui.tasks.TaskRunner`; each tab is a panel (``ui/pages/_esi_*.py``) that builds its
core call and shows its result. A tab is computed when it is shown and out of date, so
opening a workspace computes the status only.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTabWidget, QWidget)

from analyst_app.db.queries import esi_releases
from analyst_app.db.workspace import Workspace
from ui.pages._esi_common import (HINT_NO_INSTITUTION, HINT_NO_LISTS, EsiContext, EsiPanel, Job,
                                  translate_esi)
from ui.pages._esi_history import EsiHistoryPanel
from ui.pages._esi_push import EsiPushPanel
from ui.pages._esi_status import COLUMNS, STATUS_LABELS, EsiStatusPanel, status_display_frame
from ui.pages._esi_watch import EsiWatchPanel
from ui.pages.base import PageBase, follow_workspace_institution


class EsiPage(PageBase):
    """ESI analyses of the institution, one tab each: status, history, watch list, push list."""

    key = "esi"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace_institution = ""
        self._releases: list[str] = []
        # Queued work: (panel, None) computes the panel, (panel, job) runs one of its actions.
        self._queue: list[tuple[EsiPanel, Job | None]] = []
        self._running: tuple[EsiPanel, bool, int] | None = None  # panel, is action, version
        self._hints: dict[EsiPanel, str] = {}  # untranslated hint shown instead of a result
        self.make_institution_field(300)
        self.release_label = QLabel()
        self.release_combo = QComboBox()
        self.release_combo.setMinimumContentsLength(8)
        self.release_label.setBuddy(self.release_combo)
        self.compute_button = QPushButton()
        self.compute_button.clicked.connect(self.compute)
        controls = QHBoxLayout()
        for widget in (self.institution_label, self.institution_edit, self.release_label,
                       self.release_combo, self.compute_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.body.addLayout(controls)

        self.status_panel = EsiStatusPanel()
        self.history_panel = EsiHistoryPanel()
        self.watch_panel = EsiWatchPanel()
        self.push_panel = EsiPushPanel()
        self.panels: list[EsiPanel] = [self.status_panel, self.history_panel, self.watch_panel,
                                       self.push_panel]
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for panel in self.panels:
            self.tabs.addTab(panel, "")
            panel.requested.connect(partial(self._on_requested, panel))
        self.push_panel.action.connect(partial(self._schedule, self.push_panel))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.body.addWidget(self.tabs, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        self.retranslate()

    # -- the status tab's widgets, as before the page had tabs ------------------------
    @property
    def report(self) -> Any:
        """The status report shown (``None`` before the first result)."""
        return self.status_panel.report

    @property
    def model(self):  # noqa: ANN201 - DataFrameTableModel
        """The status table's model."""
        return self.status_panel.model

    @property
    def proxy(self):  # noqa: ANN201 - DataFrameSortProxy
        """The status table's sort/filter proxy."""
        return self.status_panel.proxy

    @property
    def table(self):  # noqa: ANN201 - QTableView
        """The status table."""
        return self.status_panel.table

    @property
    def chart(self):  # noqa: ANN201 - ChartView
        """The status chart."""
        return self.status_panel.chart

    @property
    def summary(self) -> QLabel:
        """The status summary (or the hint shown instead of a status)."""
        return self.status_panel.summary

    @property
    def filter_edit(self) -> QLineEdit:
        """The status table's filter."""
        return self.status_panel.filter_edit

    # -- actions ----------------------------------------------------------------------
    @Slot()
    def compute(self) -> None:
        """Recompute with the page's parameters: the tab shown now, the others when shown."""
        if self.workspace is None:
            return
        self.messages.clear()
        for panel in self.panels:
            panel.invalidate()
        self._schedule(self.current_panel())

    def current_panel(self) -> EsiPanel:
        """The panel of the tab shown."""
        return self.panels[max(self.tabs.currentIndex(), 0)]

    def show_tab(self, panel: EsiPanel) -> None:
        """Show ``panel``'s tab (computing it when out of date)."""
        self.tabs.setCurrentWidget(panel)

    def refresh(self) -> None:
        """Re-read releases and the workspace institution, then recompute the tab shown."""
        self._queue.clear()
        self._hints.clear()
        for panel in self.panels:
            panel.reset()
            panel.invalidate()
            panel.set_workspace(self.workspace)
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            self._releases = sorted(esi_releases(session))
        self._fill_releases(self._releases)
        self.on_institution_changed()
        self._schedule(self.current_panel())

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._queue.clear()  # before the runner's job is discarded: nothing starts after it
        super().set_workspace(workspace)

    def on_institution_changed(self) -> None:
        """Take the workspace institution unless the user typed another name."""
        self._workspace_institution = follow_workspace_institution(
            self.institution_edit, self.workspace, self._workspace_institution)

    def _fill_releases(self, releases: list[str]) -> None:
        chosen = self.release_combo.currentData()
        self.release_combo.clear()
        self.release_combo.addItem(self.tr("Latest"), None)
        for label in sorted(releases, reverse=True):
            self.release_combo.addItem(label, label)
        index = self.release_combo.findData(chosen) if chosen else 0
        self.release_combo.setCurrentIndex(max(index, 0))

    # -- scheduling -------------------------------------------------------------------
    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        panel = self.current_panel()
        if self.workspace is not None and panel.stale:
            self._schedule(panel)

    def _on_requested(self, panel: EsiPanel) -> None:
        panel.invalidate()
        if self.workspace is not None:
            self.messages.clear()
            self._schedule(panel)

    def _schedule(self, panel: EsiPanel, job: Job | None = None) -> None:
        """Compute ``panel`` (or run its action ``job``) now, or after the running job."""
        if job is None and any(p is panel and j is None for p, j in self._queue):
            return
        self._queue.append((panel, job))
        self._run_next()

    def _run_next(self) -> None:
        while self._queue and not self.runner.busy and self.workspace is not None:
            panel, job = self._queue.pop(0)
            action = job is not None
            job = job or self._panel_job(panel)
            if job is None:
                continue
            self._running = (panel, action, panel.version)
            self.runner.start(job.fn, *job.args, description=job.description, **job.kwargs)

    def _panel_job(self, panel: EsiPanel) -> Job | None:
        """The panel's job, or ``None`` after showing a hint (nothing to compute yet)."""
        assert self.workspace is not None
        institution = self.institution_edit.text().strip() or None
        hint = (HINT_NO_LISTS if panel.needs_rankings and not self._releases
                else HINT_NO_INSTITUTION if institution is None else None)
        if hint is not None:
            self._hints[panel] = hint
            panel.show_hint(translate_esi(hint))
            panel.stale = False
            return None
        self._hints.pop(panel, None)
        return panel.job(EsiContext(self.workspace, institution,
                                    self.release_combo.currentData(), list(self._releases)))

    @Slot(object)
    def _on_result(self, result: Any) -> None:
        if self._running is None:
            return
        panel, action, version = self._running
        if action:
            self.messages.show_message(panel.action_finished(result), "success")
            return
        panel.show_result(result)
        if panel.version == version:
            panel.stale = False

    @Slot(object)
    def _on_failed(self, _exc: object) -> None:
        # Shown by the message bar; not retried until the parameters change.
        if self._running is not None and not self._running[1]:
            panel, _action, version = self._running
            if panel.version == version:
                panel.stale = False

    @Slot()
    def _on_finished(self) -> None:
        self._running = None
        self._run_next()

    def set_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy)
        for panel in self.panels:
            panel.set_busy(busy)

    def shutdown(self) -> None:
        self._queue.clear()
        super().shutdown()
        for panel in self.panels:
            panel.shutdown()

    # -- text -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("ESI")

    def retranslate(self) -> None:
        self.institution_label.setText(self.tr("&Institution:"))
        self.institution_edit.setPlaceholderText(self.tr("e.g. DALIAN UNIVERSITY OF TECHNOLOGY"))
        self.release_label.setText(self.tr("&Release:"))
        if self.release_combo.count():
            self.release_combo.setItemText(0, self.tr("Latest"))
        self.compute_button.setText(self.tr("Compute"))
        self.compute_button.setToolTip(self.tr("Recompute the tab shown with these parameters"))
        for index, panel in enumerate(self.panels):
            panel.retranslate()
            self.tabs.setTabText(index, panel.tab_title())
        for panel, hint in self._hints.items():
            panel.show_hint(translate_esi(hint))


__all__ = ["EsiPage", "COLUMNS", "STATUS_LABELS", "status_display_frame"]


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(EsiPage))
