"""Merge log page: a DOI duplicate imported from two files is listed and can be undone."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui

_HEADER = ["Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title",
           "Volume", "Issue", "Page start", "Page end", "Cited by", "DOI", "Affiliations",
           "Authors with affiliations", "Abstract", "Author Keywords", "Document Type",
           "Source", "EID"]


def _scopus_csv(path: Path, eid: str, keywords: str, cited: str) -> Path:
    # A synthetic one-record Scopus export; both files carry the same DOI.
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(_HEADER)
        writer.writerow([
            "Wang W.; Li N.", "Wang, Wei (1); Li, Na (2)", "1; 2",
            "Merging duplicate records in a test", "2023", "Journal of Tests", "1", "2",
            "10", "20", cited, "10.1234/dup.2023.1", "Dalian Univ Technol, Dalian, China",
            "Wang W., Dalian Univ Technol, Dalian, China; Li N., Dalian Univ Technol, "
            "Dalian, China", "An abstract.", keywords, "Article", "Scopus", eid])
    return path


@pytest.fixture
def duplicate_files(tmp_path) -> list[Path]:
    """Two Scopus exports of the same paper (same DOI, different EID and keywords)."""
    return [_scopus_csv(tmp_path / "dup_a.csv", "2-s2.0-100000001", "dedup; merge", "3"),
            _scopus_csv(tmp_path / "dup_b.csv", "2-s2.0-100000002", "dedup; undo", "5")]


@pytest.fixture
def empty_window(qtbot, english, tmp_path):
    """The main window on a new, empty workspace."""
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace_file(str(tmp_path / "empty.sqlite"))
    win.show()
    yield win
    win.close()


def _idle(qtbot, *pages) -> None:
    qtbot.waitUntil(lambda: not any(p.runner.busy for p in pages)
                    and getattr(pages[0], "_pending", None) is None
                    and not getattr(pages[-1], "_reload", False), timeout=10000)


def test_import_refreshes_records_and_merge_log_and_undo_splits(empty_window, qtbot,
                                                                  duplicate_files, monkeypatch):
    win = empty_window
    records, merges = win.records_page, win.merges_page
    with qtbot.waitSignal(win.data_page.imported, timeout=10000):
        assert win.data_page.import_paths(duplicate_files)
    _idle(qtbot, records, merges)
    assert records.model.total == 1  # the second file merged into the first
    details = win.data_page.details.toPlainText()
    assert "Merged" in details and "dup_b.csv" in details

    frame = merges.model.frame
    assert len(frame) == 1
    assert frame.iloc[0]["rule"] == "doi"
    assert frame.iloc[0]["match_key"] == "10.1234/dup.2023.1"
    win.show_page("merges")
    column = merges.model.columns.index
    assert merges.proxy.index(0, column("rule")).data() == "DOI"
    assert merges.proxy.index(0, column("file_name")).data() == "dup_b.csv"
    assert "Author keywords" in merges.proxy.index(0, column("changed_fields")).data()
    assert merges.batch_combo.count() == 2  # all imports, and dup_b.csv

    assert not merges.undo_button.isEnabled()
    merges.table.selectRow(0)
    assert merges.undo_button.isEnabled()
    asked = []
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(merges.undone, timeout=10000) as undone:
        merges.undo_selected()
    assert len(asked) == 1 and "dup_b.csv" in asked[0][2]
    _idle(qtbot, records, merges)
    assert undone.args[0] != frame.iloc[0]["publication_id"]
    assert records.model.total == 2  # split: one publication more
    assert merges.model.frame.iloc[0]["undone_at"] is not None
    assert "undone: 1" in merges.summary.text()
    assert merges.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    merges.table.selectRow(0)
    assert not merges.undo_button.isEnabled()  # already undone


def test_declined_confirmation_changes_nothing(empty_window, qtbot, duplicate_files,
                                               monkeypatch):
    win = empty_window
    merges = win.merges_page
    with qtbot.waitSignal(win.data_page.imported, timeout=10000):
        win.data_page.import_paths(duplicate_files)
    _idle(qtbot, win.records_page, merges)
    merges.table.selectRow(0)
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: QMessageBox.StandardButton.No))
    merges.undo_selected()
    assert not merges.runner.busy
    assert pd.isna(merges.model.frame.iloc[0]["undone_at"])


def test_batch_filter(empty_window, qtbot, duplicate_files, tmp_path):
    win = empty_window
    merges = win.merges_page
    third = _scopus_csv(tmp_path / "dup_c.csv", "2-s2.0-100000003", "dedup; filter", "7")
    with qtbot.waitSignal(win.data_page.imported, timeout=10000):
        win.data_page.import_paths([*duplicate_files, third])
    _idle(qtbot, win.records_page, merges)
    assert len(merges.model.frame) == 2
    assert merges.batch_combo.count() == 3  # all imports, dup_b.csv, dup_c.csv
    index = merges.batch_combo.findText("dup_c.csv", Qt.MatchFlag.MatchEndsWith)
    merges.batch_combo.setCurrentIndex(index)
    _idle(qtbot, merges)
    assert list(merges.model.frame["file_name"]) == ["dup_c.csv"]
    assert merges.batch_combo.currentIndex() == index  # kept across the reload
    merges.batch_combo.setCurrentIndex(0)
    _idle(qtbot, merges)
    assert len(merges.model.frame) == 2
