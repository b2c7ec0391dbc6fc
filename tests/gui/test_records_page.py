"""Records page on the Scopus and CNKI samples: total, lazy paging, search, detail pane."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from tests.gui.conftest import SAMPLES

pytestmark = pytest.mark.gui

#: Publications in the 4 Scopus and 3 CNKI sample exports (SOURCES.md), none duplicated.
SAMPLE_PUBLICATIONS = 1837
CNKI_PUBLICATIONS = 40 + 12 + 410


def publication_sample_files() -> list[Path]:
    """The Scopus CSV and CNKI sample exports, or a skip saying where they should be."""
    files = sorted(f for folder in ("scopus_csv", "cnki") for f in (SAMPLES / folder).glob("*")
                   if f.is_file())
    if len(files) != 7:
        pytest.skip(f"Scopus/CNKI sample exports not found in {SAMPLES}/scopus_csv and "
                    f"{SAMPLES}/cnki (CI provides ../shared/samples beside the clone)")
    return files


@pytest.fixture(scope="session")
def publications_workspace_file(tmp_path_factory) -> Path:
    """A workspace with the 4 Scopus and 3 CNKI sample exports, built once."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    files = publication_sample_files()
    path = tmp_path_factory.mktemp("gui-publications") / "publications.sqlite"
    workspace = open_workspace(path)
    reports = import_files(workspace, files)
    workspace.close()
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    return path


@pytest.fixture
def records_page(qtbot, english, publications_workspace_file, tmp_path):
    """The Records page on a private copy of the sample publications, first page shown."""
    from analyst_app.db.workspace import open_workspace
    from ui.pages.records_page import RecordsPage
    target = tmp_path / "publications.sqlite"
    shutil.copy(publications_workspace_file, target)
    workspace = open_workspace(target, create=False)
    page = RecordsPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_workspace(workspace)
    wait_idle(qtbot, page)
    yield page
    page.shutdown()
    workspace.close()


def wait_idle(qtbot, page) -> None:
    """Wait until the page's queries (first page, count, further pages) are done."""
    qtbot.waitUntil(lambda: not page.runner.busy and page._pending is None, timeout=10000)


def test_total_and_lazy_paging(records_page, qtbot):
    model = records_page.model
    assert model.total == SAMPLE_PUBLICATIONS
    assert model.rowCount() == 200  # one page, not the corpus
    assert "1,837" in records_page.count_label.text()
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # asked once until the page arrives
    wait_idle(qtbot, records_page)
    assert model.rowCount() == 400
    # Scrolling to the end of the view asks for the next page too.
    records_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 600, timeout=10000)
    ids = [model.publication_id(r) for r in range(model.rowCount())]
    assert ids == sorted(set(ids))  # pages follow on, no row twice


def test_search_year_and_source_narrow_the_count(records_page, qtbot):
    page = records_page
    page.search_edit.setText("visually impaired")
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot, page)
    found = page.model.total
    assert 0 < found < SAMPLE_PUBLICATIONS
    assert page.model.rowCount() == min(found, 200)
    year = page.model.row_values(0)["year"]
    page.year_spin.setValue(year)
    wait_idle(qtbot, page)
    assert 0 < page.model.total <= found
    assert {page.model.row_values(r)["year"] for r in range(page.model.rowCount())} == {year}
    page.search_edit.clear()
    page.year_spin.setValue(page.year_spin.minimum())  # "any"
    page.source_combo.setCurrentIndex(3)  # CNKI
    qtbot.waitUntil(lambda: page.filter.search is None, timeout=2000)  # the 400 ms pause
    wait_idle(qtbot, page)
    assert page.model.total == CNKI_PUBLICATIONS
    page.search_edit.setText("no title has this in it")
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot, page)
    assert page.model.total == 0 and page.model.rowCount() == 0
    assert page.count_label.text() == "No records match."


def test_typing_waits_for_a_pause(records_page, qtbot):
    page = records_page
    page.search_edit.setText("vis")
    page.search_edit.setText("visually")
    assert page.filter.search is None  # nothing ran yet
    qtbot.waitUntil(lambda: page.filter.search == "visually", timeout=2000)
    wait_idle(qtbot, page)
    assert 0 < page.model.total < SAMPLE_PUBLICATIONS


def test_selecting_a_row_fills_the_detail_pane(records_page, qtbot):
    page = records_page
    page.table.selectRow(0)
    text = page.details.toPlainText()
    values = page.model.row_values(0)
    assert values["title"] in text
    assert "Authors (" in text and "Read from" in text
    assert any(f.name in text for f in publication_sample_files()) and "line " in text
    if values["doi"]:
        assert values["doi"] in text


def test_cnki_record_details_show_chinese_fields(records_page, qtbot):
    page = records_page
    page.source_combo.setCurrentIndex(3)  # CNKI
    wait_idle(qtbot, page)
    page.table.selectRow(0)
    text = page.details.toPlainText()
    assert "cnki_" in text and "CNKI" in text
    assert "Author keywords" in text
    page.source_combo.setCurrentIndex(2)  # Scopus: an English record with addresses
    wait_idle(qtbot, page)
    page.table.selectRow(0)
    text = page.details.toPlainText()
    assert "scopus" in text and "Scopus" in text and "Reprint address" in text


def test_new_search_cancels_the_running_query_and_cancel_can_be_retried(records_page, qtbot,
                                                                          monkeypatch):
    from ui.pages import records_page as module
    real = module.fetch_records

    def stuck(workspace, record_filter, offset=0, *, progress, cancel):
        # A query on a huge corpus: runs until cancelled, as an interrupted SQLite scan does.
        if record_filter.search == "slow":
            while not cancel.cancelled:
                cancel._event.wait(0.01)
            cancel.raise_if_cancelled()
        return real(workspace, record_filter, offset, progress=progress, cancel=cancel)

    monkeypatch.setattr(module, "fetch_records", stuck)
    page = records_page
    page.search_edit.setText("slow")
    page.search_edit.returnPressed.emit()
    assert page.runner.busy
    page.search_edit.setText("visually")  # supersedes the slow search: no "Cancelled"
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot, page)
    assert page.filter.search == "visually" and 0 < page.model.total < SAMPLE_PUBLICATIONS
    assert not page.messages.isVisible()

    page.search_edit.setText("slow")
    page.search_edit.returnPressed.emit()
    page.runner.cancel()  # the status bar's Cancel button
    wait_idle(qtbot, page)
    assert page.messages.text == "Cancelled"
    monkeypatch.setattr(module, "fetch_records", real)
    page.search_edit.returnPressed.emit()  # the same search again runs
    wait_idle(qtbot, page)
    assert page.filter.search == "slow" and page.model.total is not None
    assert page.count_label.text().startswith("Records: ")
