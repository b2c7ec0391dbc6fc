"""What every page shares: the workspace, a TaskRunner, a message bar, retranslation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from analyst_app.db.workspace import Workspace
from ui.tasks import TaskRunner
from ui.widgets.message_bar import MessageBar

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


class PageBase(QWidget):
    """Base of the main window's pages.

    A page owns one :class:`~ui.tasks.TaskRunner` (one job at a time), shows failures in
    its :class:`~ui.widgets.message_bar.MessageBar` and re-reads its text in
    :meth:`retranslate` when the language changes. Subclasses put their widgets in
    ``self.body`` (a ``QVBoxLayout`` under the message bar).
    """

    # Identifier used by the main window's navigation.
    key = "page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.runner = TaskRunner(self)
        self.messages = MessageBar()
        self.runner.failed.connect(self.messages.show_exception)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.started.connect(self._on_busy_changed)
        self.runner.finished.connect(self._on_busy_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.messages)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)

    def make_institution_field(self, min_width: int) -> None:
        """Create ``institution_label`` and ``institution_edit``; Enter runs ``compute``.

        Pages that analyse one institution call this; the workspace's institution is put
        in the field by :func:`follow_workspace_institution`.
        """
        self.institution_label = QLabel()
        self.institution_edit = QLineEdit()
        self.institution_edit.setMinimumWidth(min_width)
        self.institution_edit.returnPressed.connect(self.compute)  # type: ignore[attr-defined]
        self.institution_label.setBuddy(self.institution_edit)

    def page_title(self) -> str:
        """The page's name in the navigation list, in the current language."""
        raise NotImplementedError

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show ``workspace`` (``None``: no workspace is open)."""
        self.runner.discard()
        self.workspace = workspace
        self.messages.clear()
        self.setEnabled(workspace is not None)
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows from the workspace (data changed elsewhere)."""

    def set_busy(self, busy: bool) -> None:
        """Enable or disable the page's controls while its job runs."""

    def retranslate(self) -> None:
        """Set every text of the page in the current language."""

    def shutdown(self) -> None:
        """Cancel and wait for the page's job; the page starts no more jobs."""
        self.runner.shutdown()

    @Slot()
    def _on_cancelled(self) -> None:
        self.messages.show_message(translate("PageBase", "Cancelled"), "info")

    @Slot()
    def _on_busy_changed(self) -> None:
        self.set_busy(self.runner.busy)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)


__all__ = ["PageBase"]


def follow_workspace_institution(edit: QLineEdit, workspace: Workspace | None,
                                 previous: str) -> str:
    """Put the workspace institution in ``edit`` unless the user typed another name.

    Parameters
    ----------
    edit : QLineEdit
        The page's institution field.
    workspace : Workspace or None
        The open workspace.
    previous : str
        The workspace institution the field was last given.

    Returns
    -------
    str
        The workspace institution now, to pass as ``previous`` next time.
    """
    name = (workspace.institution()[0] if workspace else None) or ""
    current = edit.text().strip()
    if not current or current == previous:
        edit.setText(name)
    return name
