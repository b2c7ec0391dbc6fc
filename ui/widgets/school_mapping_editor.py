"""Editor of an address → school mapping: a table of rules, validated edits, load and save."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal, Slot)
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from analyst_app import DATA_DIR
from analyst_app.domain.school_mapping import (COLUMNS, SchoolMapping, SchoolRule,
                                               load_school_mapping, make_mapping,
                                               save_school_mapping)
from analyst_app.errors import InputError
from ui.dialogs.school_mapping_dialog import SchoolRuleDialog, rule_error_text

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate
_Index = QModelIndex | QPersistentModelIndex

#: The shipped example mapping (Dalian University of Technology).
EXAMPLE_FILE = DATA_DIR / "schools" / "dalian_univ_technol.csv"
_WIDTHS = {"school": 190, "pattern": 300, "school_en": 300, "priority": 60, "note": 200}


def numbered(rules: Sequence[SchoolRule]) -> list[SchoolRule]:
    """Return ``rules`` with ``line`` = their 1-based table row, so messages name the row."""
    return [dataclasses.replace(rule, line=row) for row, rule in enumerate(rules, start=1)]


class RuleTableModel(QAbstractTableModel):
    """The rules of a mapping as an editable table (columns :data:`COLUMNS`).

    An edit is applied only when the whole mapping stays valid (:func:`make_mapping`);
    otherwise ``rejected`` gives the reason and the cell keeps its value.
    """

    rejected = Signal(str)
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rules: list[SchoolRule] = []
        self._headers: dict[str, str] = {}

    def set_rules(self, rules: Sequence[SchoolRule]) -> None:
        """Show ``rules`` (already validated)."""
        self.beginResetModel()
        self.rules = list(rules)
        self.endResetModel()

    def set_headers(self, headers: dict[str, str]) -> None:
        """Set the translated column labels."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def insert_rule(self, row: int, rule: SchoolRule) -> None:
        """Insert a validated ``rule`` at ``row``."""
        self.beginInsertRows(QModelIndex(), row, row)
        self.rules.insert(row, rule)
        self.endInsertRows()
        self.edited.emit()

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove the rules at ``rows`` (removing never makes a mapping invalid)."""
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rules[row]
            self.endRemoveRows()
        if rows:
            self.edited.emit()

    # -- Qt API ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rules)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = getattr(self.rules[index.row()], COLUMNS[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.UserRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()] in ("pattern", "note"):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "priority":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        value = int(value) if column == "priority" else str(value).strip()
        old = self.rules[index.row()]
        if getattr(old, column) == value:
            return False
        candidate = list(self.rules)
        candidate[index.row()] = dataclasses.replace(old, **{column: value})
        try:
            make_mapping(numbered(candidate))
        except InputError as exc:
            self.rejected.emit(rule_error_text(exc))
            return False
        self.rules = candidate
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers.get(COLUMNS[section], COLUMNS[section])
        return str(section + 1)  # row numbers: messages name rows


class SchoolMappingEditor(QWidget):
    """Edit a school mapping and keep the edits until they are saved.

    Signals
    -------
    changed()
        The rules, the file or the modified state changed.
    file_used(str)
        A mapping file was loaded or saved (the page remembers it in the workspace).
    """

    changed = Signal()
    file_used = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None  # where Save writes (None: ask)
        self.origin: str | None = None  # the file the rules came from, for provenance
        self.modified = False
        self.rule_dialog: SchoolRuleDialog | None = None
        self.model = RuleTableModel(self)
        self.model.rejected.connect(self.show_error)
        self.model.edited.connect(self._on_edited)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = self._make_table()
        self._make_buttons()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#78281f; background:#fdedec; padding:4px;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self._file_row)
        layout.addLayout(self._edit_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(False)  # file order breaks the last ties: keep it visible
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        for column, width in _WIDTHS.items():
            table.setColumnWidth(COLUMNS.index(column), width)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    def _make_buttons(self) -> None:
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self.load)
        self.example_button = QPushButton()
        self.example_button.clicked.connect(self.load_example)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.save_as_button = QPushButton()
        self.save_as_button.clicked.connect(self.save_as)
        self._file_row = QHBoxLayout()
        self._file_row.addWidget(self.file_label, 1)
        for button in (self.load_button, self.example_button, self.save_button,
                       self.save_as_button):
            self._file_row.addWidget(button)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.open_rule_dialog())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#566573;")
        self._edit_row = QHBoxLayout()
        for widget in (self.add_button, self.remove_button):
            self._edit_row.addWidget(widget)
        self._edit_row.addSpacing(12)
        self._edit_row.addWidget(self.count_label, 1)
        self._edit_row.addWidget(self.filter_edit)

    # -- state ------------------------------------------------------------------------
    @property
    def rules(self) -> list[SchoolRule]:
        """The rules shown, edits included."""
        return list(self.model.rules)

    def mapping(self) -> SchoolMapping:
        """Return the mapping shown, edits included (its ``source`` says if it is unsaved)."""
        source = self.origin
        if self.modified:
            source = f"{self.origin or 'new mapping'} (edited, not saved)"
        return make_mapping(self.model.rules, source)

    def set_mapping(self, mapping: SchoolMapping, path: Path | None,
                    origin: str | None = None) -> None:
        """Show ``mapping`` as unmodified; Save writes to ``path`` (``None``: ask)."""
        self.model.set_rules(mapping.rules)
        self.path = path
        self.origin = origin if origin is not None else (str(path) if path else None)
        self.modified = False
        self.clear_error()
        self._update()

    def add_rule(self, rule: SchoolRule) -> str | None:
        """Add ``rule`` after the last rule of its school (at the end for a new school).

        Returns ``None`` when it was added, else the reason it was refused.
        """
        rules = self.model.rules
        rows = [i for i, r in enumerate(rules) if r.school == rule.school.strip()]
        row = rows[-1] + 1 if rows else len(rules)
        try:
            make_mapping(numbered(rules[:row] + [rule] + rules[row:]))
        except InputError as exc:
            # The new rule has no row yet: name a row only when another rule is at fault.
            return exc.message if exc.line == row + 1 else rule_error_text(exc)
        self.model.insert_rule(row, rule)
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return None

    def open_rule_dialog(self, pattern: str = "", school: str = "", address: str = "",
                         addresses: Sequence[str] = ()) -> SchoolRuleDialog:
        """Open (window-modal, not blocking) the dialog adding a rule; return it."""
        self.rule_dialog = SchoolRuleDialog(self.model.rules, self.add_rule, pattern=pattern,
                                            school=school, address=address,
                                            addresses=addresses, parent=self)
        self.rule_dialog.open()
        return self.rule_dialog

    @Slot()
    def remove_selected(self) -> None:
        """Remove the selected rules."""
        rows = [self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()]
        self.model.remove_rows(rows)

    @Slot()
    def _on_edited(self) -> None:
        self.modified = True
        self.clear_error()
        self._update()

    @Slot(str)
    def show_error(self, text: str) -> None:
        """Show why an edit or a file was refused."""
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def clear_error(self) -> None:
        """Hide the last error."""
        self.error_label.clear()
        self.error_label.setVisible(False)

    # -- files ------------------------------------------------------------------------
    def load_file(self, path: str | Path) -> bool:
        """Replace the rules by those of ``path`` (after asking about unsaved edits)."""
        if not self.confirm_discard():
            return False
        try:
            mapping = load_school_mapping(path)
        except InputError as exc:
            self.show_error(exc.describe())
            return False
        path = Path(path)
        self.set_mapping(mapping, None if _is_example(path) else path, str(path))
        self.file_used.emit(str(path))
        return True

    @Slot()
    def load(self) -> None:
        """Ask for a mapping file and load it."""
        path = self.ask_open_path()
        if path:
            self.load_file(path)

    @Slot()
    def load_example(self) -> None:
        """Start from the shipped example; Save asks where to write (never over the example)."""
        self.load_file(EXAMPLE_FILE)

    @Slot()
    def save(self) -> bool:
        """Save to the current file (ask for one when there is none)."""
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        """Ask for a .csv or .xlsx file and save the rules there."""
        path = self.ask_save_path()
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv")
        try:
            save_school_mapping(make_mapping(self.model.rules), path)
        except (InputError, OSError) as exc:
            self.show_error(exc.describe() if isinstance(exc, InputError) else str(exc))
            return False
        self.path, self.origin, self.modified = path, str(path), False
        self.clear_error()
        self._update()
        self.file_used.emit(str(path))
        return True

    def confirm_discard(self) -> bool:
        """Whether the edits may be replaced: unmodified, saved now, or discarded by the user."""
        if not self.modified:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # Dialogs, separate so tests can replace them.
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask whether to save, discard or keep the unsaved edits."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(
            self, translate("SchoolMappingEditor", "Unsaved school mapping"),
            translate("SchoolMappingEditor", "The school mapping has unsaved changes. Save "
                      "them first?"), buttons, QMessageBox.StandardButton.Save)

    def ask_open_path(self) -> str:
        """Ask for a mapping file to open ('' when cancelled)."""
        folder = str(self.path.parent if self.path else EXAMPLE_FILE.parent)
        path, _ = QFileDialog.getOpenFileName(
            self, translate("SchoolMappingEditor", "Open a school mapping"), folder,
            translate("SchoolMappingEditor", "School mappings (*.csv *.xlsx)"))
        return path

    def ask_save_path(self) -> str:
        """Ask where to save the mapping ('' when cancelled)."""
        start = str(self.path) if self.path else str(Path.home() / "schools.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("SchoolMappingEditor", "Save the school mapping"), start,
            translate("SchoolMappingEditor", "CSV (*.csv);;Excel workbook (*.xlsx)"))
        return path

    # -- text -------------------------------------------------------------------------
    def _update(self) -> None:
        if self.origin is None:
            name = translate("SchoolMappingEditor", "No mapping loaded")
        elif self.path is None and _is_example(Path(self.origin)):
            name = translate("SchoolMappingEditor", "Example: {file} (Save as… to keep "
                             "your changes)").format(file=Path(self.origin).name)
        else:
            name = translate("SchoolMappingEditor", "File: {file}").format(file=self.origin)
        if self.modified:
            name += " — " + translate("SchoolMappingEditor", "unsaved changes")
        self.file_label.setText(name)
        self.file_label.setToolTip(self.origin or "")
        schools = len({r.school for r in self.model.rules})
        self.count_label.setText(translate("SchoolMappingEditor", "{rules} rules, {schools} "
                                           "schools").format(rules=len(self.model.rules),
                                                             schools=schools))
        self.save_button.setEnabled(self.modified or self.path is None)
        self._update_buttons()
        self.changed.emit()

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.load_button.setText(translate("SchoolMappingEditor", "&Open…"))
        self.example_button.setText(translate("SchoolMappingEditor", "Start from the DUT "
                                              "example"))
        self.example_button.setToolTip(translate(
            "SchoolMappingEditor", "Load the mapping shipped for Dalian University of "
            "Technology as a starting point"))
        self.save_button.setText(translate("SchoolMappingEditor", "&Save"))
        self.save_as_button.setText(translate("SchoolMappingEditor", "Save &as…"))
        self.add_button.setText(translate("SchoolMappingEditor", "A&dd rule…"))
        self.remove_button.setText(translate("SchoolMappingEditor", "&Remove"))
        self.filter_edit.setPlaceholderText(translate("SchoolMappingEditor", "Filter rules…"))
        self.model.set_headers({
            "school": translate("SchoolMappingEditor", "School"),
            "pattern": translate("SchoolMappingEditor", "Address pattern"),
            "school_en": translate("SchoolMappingEditor", "English name"),
            "priority": translate("SchoolMappingEditor", "Priority"),
            "note": translate("SchoolMappingEditor", "Note"),
        })
        self.table.setToolTip(translate(
            "SchoolMappingEditor", "Double-click a cell to edit it. A pattern is plain text "
            "(found anywhere in the address, ignoring case) or re: and a regular expression."))
        self._update()


def _is_example(path: Path) -> bool:
    try:
        return path.resolve() == EXAMPLE_FILE.resolve()
    except OSError:
        return False


__all__ = ["SchoolMappingEditor", "RuleTableModel", "EXAMPLE_FILE", "numbered"]
