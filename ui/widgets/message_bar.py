"""A page's message area: one coloured line for results, warnings and errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QToolButton, QWidget)

from ui.errors import describe_error

_STYLES = {
    "info": "background:#eaf2f8; border:1px solid #aed6f1; color:#1b4f72;",
    "success": "background:#e9f7ef; border:1px solid #a9dfbf; color:#145a32;",
    "warning": "background:#fef5e7; border:1px solid #f8c471; color:#7e5109;",
    "error": "background:#fdedec; border:1px solid #f1948a; color:#78281f;",
}


class MessageBar(QFrame):
    """Show one message (``info``, ``success``, ``warning`` or ``error``) above a page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = ""
        self._details = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self._show_details)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.clear()

    def show_message(self, text: str, level: str = "info", details: str = "") -> None:
        """Show ``text`` at ``level``; ``details`` go behind a Details button."""
        self.level = level
        self._details = details
        style = _STYLES.get(level, _STYLES["info"])
        self.setStyleSheet(f"MessageBar {{{style} border-radius:3px;}}")
        self.label.setText(text)
        self.details_button.setVisible(bool(details))
        self.setVisible(True)

    def show_exception(self, exc: BaseException) -> None:
        """Show the user message :func:`ui.errors.describe_error` gives for ``exc``."""
        message = describe_error(exc)
        self.show_message(message.text, message.level, message.details)

    @property
    def text(self) -> str:
        """The message shown (empty when hidden)."""
        return self.label.text()

    @Slot()
    def clear(self) -> None:
        """Hide the message."""
        self.level = ""
        self._details = ""
        self.label.clear()
        self.setVisible(False)

    @Slot()
    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Details"), self.label.text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(self._details)
        box.exec()

    def retranslate(self) -> None:
        """Set the widget's text in the current language."""
        self.details_button.setText(self.tr("Details…"))
        self.close_button.setToolTip(self.tr("Hide this message"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["MessageBar"]
