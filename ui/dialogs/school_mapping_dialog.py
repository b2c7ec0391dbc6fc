"""Dialog adding one address → school rule, with a live check of the pattern against addresses."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from analyst_app.domain.school_mapping import SchoolRule, make_mapping, match_school
from analyst_app.errors import InputError

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

#: ``accept_rule(rule) -> None`` on success, or the error text to show (the dialog stays open).
AcceptRule = Callable[[SchoolRule], "str | None"]

_ERROR_STYLE = "color:#78281f;"
_HINT_STYLE = "color:#566573;"


def rule_error_text(exc: InputError, row: int | None = None) -> str:
    """Return the user message of an invalid rule (``row``: 1-based table row, if known)."""
    row = row if row is not None else exc.line
    if row is None:
        return exc.message
    return translate("SchoolMappingEditor", "Row {row}: {message}").format(
        row=row, message=exc.message)


class SchoolRuleDialog(QDialog):
    """Ask for a rule: school (an existing one or a new name), pattern, English name, priority
    and note.

    The pattern is tried on ``addresses`` (e.g. the unmatched addresses) as it is typed, so
    the librarian sees how many it would catch; an invalid regular expression is shown at
    once and OK refuses it. OK calls ``accept_rule``; the dialog closes only when that
    returns ``None`` (the rule went in), otherwise its message is shown.

    Parameters
    ----------
    rules : sequence of SchoolRule
        The current rules: their schools fill the school list, and choosing one fills the
        English name and priority from its first rule.
    accept_rule : callable
        ``accept_rule(rule) -> None or error text``.
    pattern, school : str
        Pre-filled pattern and school.
    address : str
        The address the rule is made from, shown for reference.
    addresses : sequence of str
        Addresses the pattern is tried on for the live count.
    """

    def __init__(self, rules: Sequence[SchoolRule], accept_rule: AcceptRule, *,
                 pattern: str = "", school: str = "", address: str = "",
                 addresses: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SchoolMappingEditor", "Add a school rule"))
        self.setMinimumWidth(560)
        self._accept_rule = accept_rule
        self._addresses = list(addresses)
        self._first_rule = {}
        for rule in rules:
            self._first_rule.setdefault(rule.school, rule)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.address_label.setStyleSheet(_HINT_STYLE)
        self.address_label.setVisible(bool(address))
        self.address_label.setText(translate("SchoolMappingEditor", "Address: {address}")
                                   .format(address=address))
        self.school_combo = QComboBox()
        self.school_combo.setEditable(True)
        self.school_combo.addItems(list(self._first_rule))
        self.school_combo.setCurrentText(school)
        self.school_combo.currentTextChanged.connect(self._on_school)
        self.pattern_edit = QLineEdit(pattern)
        self.pattern_edit.textChanged.connect(self._check_pattern)
        self.school_en_edit = QLineEdit()
        self.priority_spin = QSpinBox()
        self.priority_spin.setRange(-1000, 1000)
        self.note_edit = QLineEdit()
        self.pattern_hint = QLabel(translate(
            "SchoolMappingEditor", "Plain text matches anywhere in the address, ignoring case; "
            "start with re: for a regular expression. On a tie the higher priority wins, "
            "then the longer match."))
        self.pattern_hint.setWordWrap(True)
        self.pattern_hint.setStyleSheet(_HINT_STYLE)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("SchoolMappingEditor", "&School:"), self.school_combo)
        form.addRow(translate("SchoolMappingEditor", "&Pattern:"), self.pattern_edit)
        form.addRow(translate("SchoolMappingEditor", "&English name:"), self.school_en_edit)
        form.addRow(translate("SchoolMappingEditor", "P&riority:"), self.priority_spin)
        form.addRow(translate("SchoolMappingEditor", "&Note:"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.address_label)
        layout.addLayout(form)
        layout.addWidget(self.pattern_hint)
        layout.addWidget(self.check_label)
        layout.addWidget(self.buttons)
        self._on_school(school)
        self._check_pattern()

    def rule(self) -> SchoolRule:
        """Return the rule the fields describe (not validated)."""
        return SchoolRule(self.school_combo.currentText().strip(),
                          self.pattern_edit.text().strip(), self.school_en_edit.text().strip(),
                          self.priority_spin.value(), self.note_edit.text().strip())

    @Slot(str)
    def _on_school(self, school: str) -> None:
        # A new rule of an existing school usually shares its English name and priority.
        known = self._first_rule.get(school.strip())
        if known is not None:
            self.school_en_edit.setText(known.school_en)
            self.priority_spin.setValue(known.priority)

    @Slot()
    def _check_pattern(self) -> None:
        pattern = self.pattern_edit.text().strip()
        if not pattern:
            self._show_check("", error=False)
            return
        try:
            school = self.school_combo.currentText().strip() or "?"
            probe = make_mapping([SchoolRule(school, pattern)])
        except InputError as exc:
            self._show_check(exc.message, error=True)
            return
        if not self._addresses:
            self._show_check("", error=False)
            return
        hits = sum(match_school(probe, text) is not None for text in self._addresses)
        self._show_check(translate("SchoolMappingEditor",
                                   "Matches {hits} of the {n} unmatched addresses.")
                         .format(hits=hits, n=len(self._addresses)), error=False)

    def _show_check(self, text: str, *, error: bool) -> None:
        self.check_label.setText(text)
        self.check_label.setStyleSheet(_ERROR_STYLE if error else _HINT_STYLE)
        self.check_label.setVisible(bool(text))

    @Slot()
    def _on_ok(self) -> None:
        problem = self._accept_rule(self.rule())
        if problem is None:
            self.accept()
        else:
            self._show_check(problem, error=True)


__all__ = ["SchoolRuleDialog", "rule_error_text"]
