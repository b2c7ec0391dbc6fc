"""A lazy table model of publications: holds the pages fetched so far, asks for the next one."""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.i18n import join_items
from ui.models import MISSING, default_format, is_missing, raw_value

_Index = QModelIndex | QPersistentModelIndex

#: Columns shown, in order (all come from ``publications_page``).
COLUMNS = ["id", "title", "first_author", "year", "source_title", "doc_type", "doi",
           "times_cited", "cited_reference_count", "sources"]
_NUMBERS = {"id", "year", "times_cited", "cited_reference_count"}


class RecordTableModel(QAbstractTableModel):
    """Publications of one filter, fetched page by page as the view scrolls.

    The model never queries the database itself: :meth:`fetchMore` emits
    :attr:`more_requested` with the offset of the next page, and the page answers by
    running the query off the GUI thread and calling :meth:`append_page`. While a page is
    requested :meth:`canFetchMore` is false, so the view asks only once.

    Signals
    -------
    more_requested(int)
        Offset of the next page to fetch.
    """

    more_requested = Signal(int)

    def __init__(self, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._rows: list[tuple] = []
        self._total: int | None = None
        self._exhausted = True
        self._requested = False
        self._headers: dict[str, str] = {}

    # -- data -----------------------------------------------------------------------
    @property
    def total(self) -> int | None:
        """How many publications the filter selects (``None`` until counted)."""
        return self._total

    @property
    def loaded(self) -> int:
        """How many rows have been fetched."""
        return len(self._rows)

    @property
    def requested(self) -> bool:
        """Whether a page was asked for and has not arrived yet."""
        return self._requested

    def reset(self, frame: pd.DataFrame | None = None) -> None:
        """Show ``frame`` as the first page of a new filter (``None``: show nothing)."""
        self.beginResetModel()
        self._rows = [] if frame is None else self._tuples(frame)
        self._total = None
        self._requested = False
        self._exhausted = frame is None or len(frame) < self.page_size
        self.endResetModel()

    def set_total(self, total: int) -> None:
        """Record the filter's count (no more pages are requested past it)."""
        self._total = total
        if len(self._rows) >= total:
            self._exhausted = True

    def append_page(self, offset: int, frame: pd.DataFrame) -> None:
        """Add the page at ``offset`` that :attr:`more_requested` asked for."""
        self._requested = False
        if offset != len(self._rows):
            return  # a page of an earlier state of the model: ignore it
        rows = self._tuples(frame)
        if len(rows) < self.page_size or (self._total is not None
                                          and offset + len(rows) >= self._total):
            self._exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def cancel_request(self) -> None:
        """Forget the page requested (its job was cancelled): it can be asked for again."""
        self._requested = False

    def publication_id(self, row: int) -> int:
        """Return the publication id shown in ``row``."""
        return int(self._rows[row][0])

    def row_values(self, row: int) -> dict[str, Any]:
        """Return ``row`` as a dict of the :data:`COLUMNS`."""
        return dict(zip(COLUMNS, self._rows[row]))

    def set_headers(self, headers: Mapping[str, str]) -> None:
        """Set the (translated) header labels of the :data:`COLUMNS`."""
        self._headers = dict(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    @staticmethod
    def _tuples(frame: pd.DataFrame) -> list[tuple]:
        # Plain tuples of plain values: a page of 200 rows costs a few hundred kB at most.
        return [tuple(raw_value(v) for v in row)
                for row in frame.reindex(columns=COLUMNS).itertuples(index=False, name=None)]

    # -- Qt API ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted and not self._requested

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 - Qt API
        if self.canFetchMore(parent):
            self._requested = True
            self.more_requested.emit(len(self._rows))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if is_missing(value):
                return MISSING
            if column == "sources":
                return join_items(_SOURCE_NAMES.get(s, s) for s in str(value).split(","))
            return default_format(value)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "source_title"):
            return None if is_missing(value) else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return self._headers.get(COLUMNS[section], COLUMNS[section])
            return None
        return str(section + 1)


#: Display names of the source codes (product names: not translated).
_SOURCE_NAMES = {"wos": "WoS", "scopus": "Scopus", "cnki": "CNKI"}

__all__ = ["COLUMNS", "RecordTableModel"]
