"""The main window on a workspace with the sample ESI lists: pages, import, ESI, reports."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.gui.conftest import INSTITUTION

pytestmark = pytest.mark.gui


def _row(model, column, value):
    frame = model.frame
    return frame.index[frame[column] == value][0]


def _text(model, row, column):
    return model.index(row, model.columns.index(column)).data()


def test_window_shows_the_workspace(window, workspace_file):
    assert workspace_file.name in window.windowTitle()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == \
        ["Data", "Records", "Merge log", "ESI", "Contribution", "Benchmarking", "Hotspots", "Reports"]
    assert window.stack.currentWidget() is window.data_page
    assert window.data_page.model.rowCount() == 10
    fields = set(window.data_page.model.frame["contents"])
    assert "ENGINEERING" in fields and "PHYSICS" not in fields
    assert window.action_institution.isEnabled()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent == [str(workspace_file.resolve())]


def test_esi_page_shows_engineering_rank_24(window):
    window.show_page("esi")
    page = window.esi_page
    assert page.institution_edit.text() == INSTITUTION
    row = _row(page.model, "field", "ENGINEERING")
    assert _text(page.model, row, "rank") == "24"
    assert _text(page.model, row, "level") == "top 1‱"
    assert _text(page.model, row, "institutions") == "2,787"
    assert "listed in 10 of 10 fields" in page.summary.text()
    # The chart falls back to a label in the tests (ANALYST_NO_WEBENGINE=1).
    assert not page.chart.available


def test_esi_table_in_chinese(window, qtbot):
    window.set_language("zh_CN")
    page = window.esi_page
    qtbot.waitUntil(lambda: page.compute_button.text() == "计算", timeout=2000)
    row = _row(page.model, "field", "ENGINEERING")
    assert _text(page.model, row, "field_name") == "工程学"
    assert _text(page.model, row, "level") == "前1‱"
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(page.model.columnCount())]
    assert {"ESI 学科", "排名", "被引次数", "排名百分位", "层次"} <= set(headers)


def test_esi_table_sorts_ranks_as_numbers(window):
    page = window.esi_page
    column = page.model.columns.index("rank")
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    ranks = [int(page.proxy.index(r, column).data().replace(",", ""))
             for r in range(page.proxy.rowCount())]
    assert ranks == sorted(ranks) and ranks[0] == 24


def test_esi_page_reports_an_unknown_institution(window, qtbot):
    page = window.esi_page
    # A misspelling is refused by the core with the closest ESI names, shown on the page.
    page.institution_edit.setText("DALIAN UNIV OF TECHNOLOGY")
    with qtbot.waitSignal(page.runner.finished, timeout=10000):
        page.compute()
    assert page.messages.level == "warning"
    assert "DALIAN UNIVERSITY OF TECHNOLOGY" in page.messages.text


def test_data_page_imports_through_the_runner(window, qtbot, held_back_file):
    page = window.data_page
    before = page.model.rowCount()
    page.release_combo.setCurrentText("2025-11")
    with qtbot.waitSignal(page.imported, timeout=20000) as blocker:
        assert page.import_paths([held_back_file])
    reports = blocker.args[0]
    assert [r.status for r in reports] == ["imported"]
    assert page.model.rowCount() == before + 1
    assert page.messages.level == "success"
    assert "esi_institutions_PHYSICS.csv" in page.details.toPlainText()
    # The ESI page recomputes with the new field.
    qtbot.waitUntil(lambda: "of 11 fields" in window.esi_page.summary.text(), timeout=20000)


def test_data_page_imports_a_large_export_through_the_parse_worker(window, qtbot, tmp_path,
                                                                   monkeypatch):
    # The import runs on the runner's thread and forks its parse worker from there.
    import multiprocessing

    from analyst_app.services import parse_worker
    from analyst_app.wos_generator import write_wos_corpus
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 0)
    monkeypatch.setattr(parse_worker, "CHUNK", 50)
    corpus = write_wos_corpus(tmp_path / "big.txt", 300, refs_per_record=5)[0]
    page = window.data_page
    with qtbot.waitSignal(page.imported, timeout=30000) as blocker:
        assert page.import_paths([corpus])
    (report,) = blocker.args[0]
    assert (report.status, report.read, report.stored) == ("imported", 300, 300)
    assert multiprocessing.active_children() == []


def test_history_row_shows_its_report(window):
    page = window.data_page
    page.table.selectRow(0)
    text = page.details.toPlainText()
    assert "sha256" in text and "2025-11" in text


def test_importing_the_same_file_twice_stores_nothing(window, qtbot, workspace_file):
    from tests.gui.conftest import ESI_SAMPLES
    page = window.data_page
    before = page.model.rowCount()
    with qtbot.waitSignal(page.imported, timeout=20000) as blocker:
        page.import_paths([ESI_SAMPLES / "esi_institutions_CHEMISTRY.csv"])
    assert blocker.args[0][0].status == "duplicate_file"
    assert page.model.rowCount() == before
    assert "1 already imported" in page.messages.text


def test_bad_release_label_is_refused_before_importing(window, held_back_file):
    page = window.data_page
    page.release_combo.setCurrentText("Nov 2025")
    assert not page.import_paths([held_back_file])
    assert page.messages.level == "warning"
    assert "2025-11" in page.messages.text


def test_dropping_files_on_the_window_imports_them(window, qtbot, held_back_file):
    window.show_page("esi")
    window.data_page.release_combo.setCurrentText("2025-11")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(held_back_file))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.data_page.imported, timeout=20000):
        window.dropEvent(event)
    assert window.stack.currentWidget() is window.data_page


def test_institution_settings_recompute(window, qtbot, monkeypatch):
    from ui.dialogs import institution_dialog
    monkeypatch.setattr(institution_dialog.InstitutionDialog, "exec", lambda self: 1)
    monkeypatch.setattr(institution_dialog.InstitutionDialog, "values",
                        lambda self: ("TSINGHUA UNIVERSITY", []))
    with qtbot.waitSignal(window.esi_page.runner.succeeded, timeout=10000):
        window.edit_institution()
    assert window.workspace.institution()[0] == "TSINGHUA UNIVERSITY"
    assert window.esi_page.institution_edit.text() == "TSINGHUA UNIVERSITY"
    assert window.reports_page.institution_edit.text() == "TSINGHUA UNIVERSITY"


def test_opening_a_file_that_is_no_workspace_shows_an_error(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.main_window.show_error", lambda parent, exc: shown.append(exc))
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    assert not window.open_workspace_file(str(bogus))
    assert shown and "not a workspace" in str(shown[0])
    assert window.workspace is not None  # the open workspace stays open


def test_new_workspace_starts_empty(window, qtbot, tmp_path):
    assert window.open_workspace_file(str(tmp_path / "fresh.sqlite"))
    assert not window.esi_page.runner.busy  # nothing to compute
    assert window.data_page.model.rowCount() == 0
    assert "No ESI lists imported yet" in window.esi_page.summary.text()
    assert "fresh.sqlite" in window.windowTitle()


def test_reports_page_flow_with_a_stub_service(window, qtbot, monkeypatch, tmp_path):
    from ui.pages import reports_page as module
    calls = []

    def fake_build(template_id, workspace, output, *, xlsx=None, options, progress, cancel):
        calls.append((template_id, options.institution, output, xlsx, options.release))
        progress(0.5, "writing")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(b"docx")
        xlsx.write_bytes(b"xlsx")
        return SimpleNamespace(docx=output, xlsx=xlsx, figures=[], context={})

    monkeypatch.setattr(module, "build_report", fake_build)
    page = window.reports_page
    window.show_page("reports")
    page.folder_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.runner.succeeded, timeout=10000):
        assert page.build()
    template_id, institution, output, xlsx, release = calls[0]
    # The workspace institution goes as None: the builder then also uses its aliases.
    assert template_id == "esi_bulletin" and institution is None and release is None
    assert output.name == "ESI_bulletin_2025-11.docx" and xlsx.suffix == ".xlsx"
    assert page.outputs == [output, xlsx]
    assert page.results.count() == 6  # path, Open, Show folder per file


def test_reports_page_builds_a_bulletin(window, qtbot, tmp_path, monkeypatch):
    from ui.pages.reports_page import reports_available
    if not reports_available():
        pytest.skip("analyst_app.services.reports is not there yet")
    page = window.reports_page
    page.folder_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        assert page.build()
    assert page.messages.level == "success", page.messages.text
    assert [p.suffix for p in page.outputs][:2] == [".docx", ".xlsx"]
    assert all(Path(p).stat().st_size > 0 for p in page.outputs)
    # Building again asks before replacing the (possibly edited) report; "No" keeps it.
    from PySide6.QtWidgets import QMessageBox
    docx = page.outputs[0]
    docx.write_bytes(b"edited by the librarian")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.No))
    assert not page.build()
    assert asked and docx.read_bytes() == b"edited by the librarian"


def test_closing_the_window_shuts_the_runners_down(window):
    window.close()
    assert all(page.runner._closed for page in window.pages)
    assert window.workspace is None
