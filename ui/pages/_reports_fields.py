"""Building blocks of the Reports page's option forms: the form base class and a file field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QWidget)

from analyst_app.db.workspace import Workspace

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

#: Workspace settings the ESI and Contribution pages write when the user picks a mapping file.
ESI_SCHOOLS_SETTING = "esi.schools_file"
CONTRIBUTION_SCHOOLS_SETTING = "contribution.schools_file"
#: The years syntax the report services accept: ``2020`` or ``2015-2024``.
_YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*")


def years_problem(text: str) -> str | None:
    """Return why ``text`` is not a year range (translated), or ``None`` (empty is fine)."""
    if not text.strip():
        return None
    found = _YEARS.fullmatch(text)
    if found is None:
        return translate("ReportsPage", "Years must look like 2015-2024 (or one year), "
                                        "not “{text}”.").format(text=text.strip())
    if found.group(2) and int(found.group(1)) > int(found.group(2)):
        return translate("ReportsPage", "The first year is after the last: “{text}”.").format(
            text=text.strip())
    return None


class FileField(QWidget):
    """A path line edit with a Browse… button; follows a remembered path until edited.

    Parameters
    ----------
    file_filter : str
        Translated filter of the open dialog (``"School mappings (*.csv *.xlsx)"``).
    """

    def __init__(self, file_filter: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_filter = file_filter
        self.dialog_title = ""
        self._prefilled = ""
        self.edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.retranslate()

    def text(self) -> str:
        """The path typed or chosen, stripped."""
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        """Show ``text`` (as if the user chose it)."""
        self.edit.setText(text)

    def prefill(self, remembered: str | None) -> None:
        """Show ``remembered`` unless the user chose another file since the last prefill."""
        remembered = str(remembered or "")
        if not self.text() or self.text() == self._prefilled:
            self.edit.setText(remembered)
        self._prefilled = remembered

    @Slot()
    def _browse(self) -> None:
        start = self.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.dialog_title, start, self.file_filter)
        if path:
            self.edit.setText(path)

    def retranslate(self) -> None:
        """Set the button text in the current language."""
        self.browse_button.setText(translate("ReportsPage", "Browse…"))


def mapping_field() -> FileField:
    """A file field for a school mapping file (CSV or Excel)."""
    field = FileField()
    retranslate_mapping_field(field)
    return field


def retranslate_mapping_field(field: FileField) -> None:
    """Set the texts of a school mapping field in the current language."""
    field.retranslate()
    field.dialog_title = translate("ReportsPage", "School mapping")
    field.file_filter = translate("ReportsPage", "School mappings (*.csv *.xlsx);;All files (*)")
    field.edit.setPlaceholderText(translate(
        "ReportsPage", "CSV or Excel file: school, address pattern, priority"))


def mapping_problem(path: str, required: bool) -> str | None:
    """Return why the mapping file ``path`` cannot be used (translated), or ``None``."""
    if not path:
        if required:
            return translate("ReportsPage", "This report needs a school mapping file: choose "
                                            "one under Report options (the Contribution page "
                                            "can create it).")
        return None
    if not Path(path).expanduser().is_file():
        return translate("ReportsPage", "The school mapping file {file} does not exist.").format(
            file=path)
    return None


def remembered_mapping(workspace: Workspace | None, *keys: str) -> str:
    """The first mapping file the workspace remembers under ``keys`` that still exists."""
    for key in keys:
        value = workspace.get_setting(key) if workspace is not None else None
        if value and Path(str(value)).is_file():
            return str(value)
    return ""


class ReportForm(QWidget):
    """The report-specific options of one report, in a form layout.

    Subclasses add rows with :meth:`add_row`, prefill them in :meth:`load`, check them in
    :meth:`problem` and return the builder's ``options.extra`` from :meth:`extra`.
    """

    #: Template id of the report the form is for.
    template_id = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[tuple[QLabel, QWidget]] = []

    def add_row(self, field: QWidget) -> QLabel:
        """Add ``field`` with a label whose text :meth:`label_texts` gives."""
        label = QLabel()
        label.setBuddy(field.edit if isinstance(field, FileField) else field)
        self.form.addRow(label, field)
        self._labels.append((label, field))
        return label

    def load(self, workspace: Workspace | None) -> None:
        """Prefill the fields from the workspace settings other pages write."""

    def problem(self) -> str | None:
        """Why the report cannot be built with these options (translated), or ``None``."""
        return None

    def extra(self) -> dict[str, Any]:
        """The builder's ``options.extra`` (only the keys the user set)."""
        return {}

    def label_texts(self) -> list[str]:
        """The row labels in the current language, in the order of :meth:`add_row`."""
        return []

    def retranslate(self) -> None:
        """Set every text in the current language."""
        for (label, _), text in zip(self._labels, self.label_texts()):
            label.setText(text)
