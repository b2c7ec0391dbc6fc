"""Records page: browse the publication corpus page by page, search it, read one record."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QItemSelection, Qt, QTimer, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QSpinBox, QSplitter, QTextBrowser, QWidget)

from analyst_app.db.workspace import Workspace
from ui.pages._record_details import record_html
from ui.pages._record_model import COLUMNS, RecordTableModel
from ui.pages._record_queries import (PAGE_SIZE, RecordCount, RecordFilter, RecordPage,
                                      count_records, fetch_records, record_details)
from ui.pages.base import PageBase
from ui.widgets.tables import make_table_view

# Typing pause after which the search runs (Enter runs it at once).
SEARCH_DELAY_MS = 400
# The year spin box's "any year" value (shown as text, never a real year).
ANY_YEAR = 1899
# Source filter codes, in combo order (``None``: every source).
SOURCES = (None, "wos", "scopus", "cnki")
_WIDTHS = {"id": 60, "title": 380, "first_author": 150, "year": 50, "source_title": 220,
           "doc_type": 110, "doi": 200, "times_cited": 70, "cited_reference_count": 70,
           "sources": 90}


class RecordsPage(PageBase):
    """Browse the publications of the workspace without loading them all.

    The table model holds only the pages fetched so far (:data:`PAGE_SIZE` rows each) and
    asks for the next one when the view scrolls to its end. Every query runs on the page's
    :class:`~ui.tasks.TaskRunner`: first page, then the count (skipped when the first
    page is not full), then further pages. A new search cancels the query still running
    (SQLite statements are interrupted), so typing never waits for a scan of the corpus.
    """

    key = "records"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The filter shown; None after its first page failed or was cancelled (run it again).
        self.filter: RecordFilter | None = RecordFilter()
        self._pending: tuple[Callable[..., Any], tuple, str, str] | None = None
        self._job = ""  # kind of the running job: "page", "more" or "count"
        self._make_filters()
        self.model = RecordTableModel(PAGE_SIZE, self)
        self.model.more_requested.connect(self._fetch_more)
        self.table = make_table_view(self.model, single_selection=True)
        self.table.setSortingEnabled(False)  # rows come in id order, page by page
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _WIDTHS.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 460])
        self.body.addWidget(splitter, 1)
        self.runner.succeeded.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._start_pending)
        self.retranslate()

    def _make_filters(self) -> None:
        self.search_label = QLabel()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(280)
        self.search_label.setBuddy(self.search_edit)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.year_label = QLabel()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(ANY_YEAR, 2100)
        self.year_spin.setValue(ANY_YEAR)
        self.year_spin.setKeyboardTracking(False)  # not at "2", "20", "202" while typing
        self.year_spin.valueChanged.connect(self.apply_filter)
        self.year_label.setBuddy(self.year_spin)
        self.source_label = QLabel()
        self.source_combo = QComboBox()
        self.source_combo.addItems([""] * len(SOURCES))
        self.source_combo.currentIndexChanged.connect(self.apply_filter)
        self.source_label.setBuddy(self.source_combo)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#566573;")
        row = QHBoxLayout()
        for widget in (self.search_label, self.search_edit, self.year_label, self.year_spin,
                       self.source_label, self.source_combo):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.count_label, 1)
        self.body.addLayout(row)

    # -- queries ----------------------------------------------------------------------
    def current_filter(self) -> RecordFilter:
        """Return the filter the controls describe."""
        year = self.year_spin.value()
        return RecordFilter(self.search_edit.text().strip() or None,
                            None if year == ANY_YEAR else year,
                            SOURCES[max(self.source_combo.currentIndex(), 0)])

    @Slot()
    def apply_filter(self, force: bool = False) -> None:
        """Show the publications the controls select (again when ``force``)."""
        self.search_timer.stop()
        record_filter = self.current_filter()
        if self.workspace is None or (record_filter == self.filter and not force):
            return
        self.filter = record_filter
        self.model.reset(None)
        self.details.clear()
        self.count_label.setText(self.tr("Searching…"))
        self._run("page", fetch_records, (self.workspace, record_filter, 0),
                  self.tr("Searching records"), supersede=True)

    @Slot(int)
    def _fetch_more(self, offset: int) -> None:
        if self.workspace is not None and self.filter is not None:
            # Keyset paging from the last id shown: deep pages cost as little as the first.
            after_id = self.model.publication_id(offset - 1) if offset else None
            self._run("more", fetch_records, (self.workspace, self.filter, offset, PAGE_SIZE,
                                              after_id), self.tr("Loading records"))

    def _run(self, kind: str, fn: Callable[..., Any], args: tuple, description: str,
             supersede: bool = False) -> None:
        # One job at a time: a request made while one runs waits for it, and a new search
        # cancels it (its result would be stale anyway).
        self._pending = (fn, args, description, kind)
        if self.runner.busy:
            if supersede:
                self.runner.cancel()
            return
        self._start_pending()

    @Slot()
    def _start_pending(self) -> None:
        if self._pending is None or self.runner.busy:
            return
        fn, args, description, kind = self._pending
        self._pending = None
        self._job = kind
        self.runner.start(fn, *args, description=description)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if isinstance(result, RecordPage) and result.filter == self.filter:
            if result.offset == 0:
                self.model.reset(result.frame)
                if len(result.frame) < PAGE_SIZE:  # the whole selection fits in one page
                    self.model.set_total(len(result.frame))
                elif self._pending is None:
                    self._run("count", count_records, (self.workspace, self.filter),
                              self.tr("Counting records"))
            else:
                self.model.append_page(result.offset, result.frame)
        elif isinstance(result, RecordCount) and result.filter == self.filter:
            self.model.set_total(result.total)
        self._show_count()

    def _job_stopped(self) -> None:
        # A failed or cancelled job: its page may be asked for again.
        if self._job == "more":
            self.model.cancel_request()
        elif self._job == "page" and self._pending is None:
            self.filter = None

    @Slot(object)
    def _on_failed(self, _exc: object) -> None:
        self._job_stopped()
        self._show_count()

    def _on_cancelled(self) -> None:
        self._job_stopped()
        if self._pending is None:  # the user pressed Cancel, not a newer search
            super()._on_cancelled()
            self._show_count()

    def _show_count(self) -> None:
        total, loaded = self.model.total, self.model.loaded
        if total is None:
            text = self.tr("Records shown: {loaded}; counting…") if self.runner.busy else \
                self.tr("Records shown: {loaded}")
        elif total == 0:
            text = self.tr("No records match.")
        elif loaded < total:
            text = self.tr("Records: {total} ({loaded} loaded; scroll for more)")
        else:
            text = self.tr("Records: {total}")
        self.count_label.setText(text.format(total=f"{total or 0:,}", loaded=f"{loaded:,}"))

    # -- details ----------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.workspace is None:
            return
        pub_id = self.model.publication_id(rows[0].row())
        try:
            # A primary-key read: milliseconds even on 500k records, so no job is needed.
            details = record_details(self.workspace, pub_id)
        except Exception as exc:  # noqa: BLE001 - e.g. the record went in an undo meanwhile
            self.messages.show_exception(exc)
            return
        self.details.setHtml(record_html(pub_id, *details))

    # -- page API ---------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self._pending = None
        self.filter = RecordFilter()
        super().set_workspace(workspace)

    def refresh(self) -> None:
        """Run the current search again (the corpus changed)."""
        if self.workspace is None:
            self.model.reset(None)
            self.details.clear()
            self.count_label.clear()
            return
        self.apply_filter(force=True)

    def page_title(self) -> str:
        return self.tr("Records")

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("Title, author, source title or DOI"))
        self.search_edit.setToolTip(self.tr(
            "Searched in titles, author names and source titles, or an exact DOI. "
            "Runs when you press Enter or stop typing."))
        self.year_label.setText(self.tr("&Year:"))
        self.year_spin.setSpecialValueText(self.tr("any"))
        self.source_label.setText(self.tr("S&ource:"))
        for index, text in enumerate([self.tr("all"), "WoS", "Scopus", "CNKI"]):
            self.source_combo.setItemText(index, text)
        self.model.set_headers({
            "id": self.tr("No."), "title": self.tr("Title"),
            "first_author": self.tr("First author"), "year": self.tr("Year"),
            "source_title": self.tr("Source title"), "doc_type": self.tr("Type"),
            "doi": "DOI", "times_cited": self.tr("Cited"),
            "cited_reference_count": self.tr("Refs"), "sources": self.tr("Sources"),
        })
        self.details.setPlaceholderText(self.tr("Select a record to see all its fields."))
        if self.workspace is not None and not self.runner.busy:
            self._show_count()


if __name__ == "__main__":
    from ui.preview import preview_page, sample_publications_workspace

    raise SystemExit(preview_page(RecordsPage, make_workspace=sample_publications_workspace))
