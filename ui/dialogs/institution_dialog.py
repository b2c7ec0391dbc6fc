"""Dialog for the workspace institution: its name as ESI prints it and its aliases."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)


def parse_aliases(text: str) -> list[str]:
    """Return the non-empty lines of ``text``, stripped, without duplicates."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class InstitutionDialog(QDialog):
    """Edit the institution's name and aliases (one per line)."""

    def __init__(self, name: str = "", aliases: tuple[str, ...] | list[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Institution settings"))
        self.setMinimumWidth(520)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("e.g. DALIAN UNIVERSITY OF TECHNOLOGY"))
        self.aliases_edit = QPlainTextEdit("\n".join(aliases))
        self.aliases_edit.setPlaceholderText(self.tr("e.g. DALIAN UNIV TECHNOL"))
        hint = QLabel(self.tr(
            "The name exactly as ESI lists it. Aliases are other names ESI or Web of Science "
            "have used for the institution, one per line."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#566573;")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Aliases:"), self.aliases_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    @Slot()
    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def values(self) -> tuple[str, list[str]]:
        """Return the name and the aliases entered."""
        return self.name_edit.text().strip(), parse_aliases(self.aliases_edit.toPlainText())


__all__ = ["InstitutionDialog", "parse_aliases"]
