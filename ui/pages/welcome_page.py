"""Welcome page shown while no workspace is open: create, open or pick a recent one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)


class WelcomePage(QWidget):
    """Buttons for a new or existing workspace and the recent workspaces.

    Signals
    -------
    new_requested()
        The user wants a new workspace.
    open_requested()
        The user wants to open a workspace file.
    recent_chosen(str)
        The user picked a recent workspace.
    """

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:20px; font-weight:bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.recent_title = QLabel()
        self.recent = QListWidget()
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        for widget in (self.title, self.text):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 3)
        layout.addStretch(1)  # keeps the text at the top while the recent list is hidden
        self.retranslate()

    def set_recent(self, paths: list[str]) -> None:
        """Show ``paths`` as the recent workspaces."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def retranslate(self) -> None:
        """Set the page's text in the current language."""
        self.title.setText(self.tr("Subject Analyst Workbench"))
        self.text.setText(self.tr(
            "A workspace is one file that holds your imported exports and settings. "
            "Create a new one or open an existing one to start."))
        self.new_button.setText(self.tr("New workspace…"))
        self.open_button.setText(self.tr("Open workspace…"))
        self.recent_title.setText(self.tr("Recent workspaces (double-click to open):"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["WelcomePage"]
