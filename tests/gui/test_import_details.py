"""Data page import report: counts, problems with their lines, warnings; the file filter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _text(html: str) -> str:
    from PySide6.QtGui import QTextDocument
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_report_shows_counts_problems_and_warnings(english):
    from ui.pages._import_details import report_html
    text = _text(report_html({
        "file": "savedrecs.txt", "format": "wos_plain", "status": "imported", "batch_id": 3,
        "read": 500, "stored": 480, "merged": 18, "skipped": 2,
        "problems": [{"line": 1207, "message": "record without ER"},
                     {"line": None, "message": "file ends inside a record"}],
        "warnings": ["no cited references in this file: co-citation will not be available"],
    }))
    for expected in ("Rows read\t500", "Stored\t480", "Merged\t18", "Skipped\t2",
                     "line 1207: record without ER", "file ends inside a record",
                     "co-citation will not be available"):
        assert expected.replace("\t", "") in text.replace("\t", "").replace("\n", ""), expected


def test_cancelled_file_is_reported_in_words(english):
    from ui.pages._import_details import report_html
    text = _text(report_html({"file": "big.txt", "format": None, "status": "cancelled",
                              "message": "big.txt: cancelled; nothing stored from this file"}))
    assert "not imported (cancelled)" in text and "nothing stored" in text


def test_file_dialog_lists_every_supported_export(qtbot, english, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from ui.pages.data_page import DataPage
    seen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *args, **kwargs: seen.append(args[3]) or ([], "")))
    page = DataPage()
    qtbot.addWidget(page)
    page.choose_files()
    for pattern in ("*.txt", "*.csv", "*.tsv", "*.xls", "*.xlsx", "*.net", "*.ris", "*.enw"):
        assert pattern in seen[0], pattern
