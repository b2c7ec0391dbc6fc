"""Qt item models over pandas DataFrames, and a proxy that sorts by raw values."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import pandas as pd
from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)

# Shown for missing values (None, NaN, pd.NA, NaT).
MISSING = "—"

# ``formatter(value) -> str`` for the display text of a column's non-missing values.
Formatter = Callable[[Any], str]
_Index = QModelIndex | QPersistentModelIndex


def is_missing(value: Any) -> bool:
    """Whether ``value`` is None, NaN, ``pd.NA`` or ``NaT`` (lists and dicts are not)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return False


def raw_value(value: Any) -> Any:
    """Return ``value`` as a plain Python value for ``Qt.UserRole`` (``None`` when missing)."""
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        return str(value)
    return value


def default_format(value: Any) -> str:
    """Format a non-missing value: floats with 2 decimals, timestamps to the minute."""
    if isinstance(value, (bool, np.bool_)):
        return "✓" if value else ""
    if isinstance(value, (float, np.floating)):
        return f"{value:.2f}"
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


class DataFrameTableModel(QAbstractTableModel):
    """A read-only table model showing chosen columns of a DataFrame.

    Parameters
    ----------
    frame : pandas.DataFrame, optional
        The data; replaced with :meth:`set_frame`.
    headers : mapping of str to str, optional
        Column name → header label, in display order. Only these columns are shown;
        without it every column is shown under its own name. Labels are translated by the
        caller (call :meth:`set_headers` again on a language change).
    formatters : mapping of str to callable, optional
        Column name → ``formatter(value) -> str`` for non-missing values.

    Notes
    -----
    ``Qt.DisplayRole`` gives text (missing values as ``—``), ``Qt.UserRole`` the raw value
    (``None`` when missing) so :class:`DataFrameSortProxy` sorts numbers as numbers.
    """

    def __init__(self, frame: pd.DataFrame | None = None, headers: Mapping[str, str] | None = None,
                 formatters: Mapping[str, Formatter] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame() if frame is None else frame.reset_index(drop=True)
        self._headers = dict(headers or {})
        self._formatters = dict(formatters or {})
        self._alignments: dict[str, Qt.AlignmentFlag] = {}
        self._columns = self._shown_columns()

    # -- data -----------------------------------------------------------------------
    @property
    def frame(self) -> pd.DataFrame:
        """The DataFrame shown (all its columns, not only the shown ones)."""
        return self._frame

    @property
    def columns(self) -> list[str]:
        """Names of the shown columns, in display order."""
        return list(self._columns)

    def set_frame(self, frame: pd.DataFrame | None) -> None:
        """Show ``frame`` instead of the current data."""
        self.beginResetModel()
        self._frame = pd.DataFrame() if frame is None else frame.reset_index(drop=True)
        self._columns = self._shown_columns()
        self.endResetModel()

    def set_headers(self, headers: Mapping[str, str]) -> None:
        """Set the header labels (and shown columns, in order)."""
        self.beginResetModel()
        self._headers = dict(headers)
        self._columns = self._shown_columns()
        self.endResetModel()

    def set_formatters(self, formatters: Mapping[str, Formatter]) -> None:
        """Set the display formatters of columns and redraw."""
        self._formatters = dict(formatters)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_alignment(self, columns: Sequence[str], alignment: Qt.AlignmentFlag) -> None:
        """Align the cells of ``columns`` (numbers read best right-aligned)."""
        for column in columns:
            self._alignments[column] = alignment

    def row(self, row: int) -> dict[str, Any]:
        """Return source row ``row`` as a dict of every frame column."""
        return self._frame.iloc[row].to_dict()

    def _shown_columns(self) -> list[str]:
        if not self._headers:
            return [str(c) for c in self._frame.columns]
        if self._frame.columns.empty:
            return list(self._headers)  # no data yet: still show the headers
        return [c for c in self._headers if c in self._frame.columns]

    # -- Qt API ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        column = self._columns[index.column()]
        if column not in self._frame.columns:
            return None
        value = self._frame.iat[index.row(), self._frame.columns.get_loc(column)]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if is_missing(value):
                return MISSING
            return self._formatters.get(column, default_format)(value)
        if role == Qt.ItemDataRole.UserRole:
            return raw_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = self._alignments.get(column)
            if alignment is None and isinstance(value, (int, float, np.number)) and not isinstance(
                    value, (bool, np.bool_)):
                alignment = Qt.AlignmentFlag.AlignRight
            if alignment is None:
                return None
            return int(alignment | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                column = self._columns[section]
                return self._headers.get(column, column)
            return None
        return str(section + 1)


class DataFrameSortProxy(QSortFilterProxyModel):
    """Sort by ``Qt.UserRole`` raw values (numbers as numbers, missing values last).

    Filtering matches the filter text, case-insensitively, in any column's display text.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setFilterRole(Qt.ItemDataRole.DisplayRole)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802 - Qt API
        a = left.data(Qt.ItemDataRole.UserRole)
        b = right.data(Qt.ItemDataRole.UserRole)
        if a is None or b is None:
            # Missing values go last in both orders (Qt reverses lessThan for descending).
            if self.sortOrder() == Qt.SortOrder.AscendingOrder:
                return a is not None and b is None
            return a is None and b is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


__all__ = ["DataFrameTableModel", "DataFrameSortProxy", "MISSING", "is_missing", "raw_value"]
