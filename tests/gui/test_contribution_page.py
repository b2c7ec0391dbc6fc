"""The Contribution page on the real 833-record WoS export: compute, edit the mapping, drill down."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import SAMPLES

pytestmark = pytest.mark.gui

RAW = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
OURS = "North China Elect Power Univ"
# (school, pattern, priority), as in tests/test_contribution_sample.py minus one school, so
# that the test can add it back from the unmatched addresses.
RULES = [
    ("经济与管理学院", "Sch Econ & Management", 0),
    ("经济与管理学院", "Dept Econ & Management", 0),
    ("电气与电子工程学院", "Sch Elect & Elect Engn", 0),
    ("新能源电力系统国家重点实验室", "State Key Lab Alternate Elect Power Syst", -1),
]
MISSING_UNIT = "Sch Energy Power & Mech Engn"


@pytest.fixture(scope="module")
def sample_ws_file(tmp_path_factory) -> Path:
    """A workspace of the 833-record export with NCEPU as its institution, built once."""
    if not RAW.is_file():
        pytest.skip(f"real sample export {RAW} not found (CI provides ../shared/samples)")
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    path = tmp_path_factory.mktemp("contribution-gui") / "ws.sqlite"
    workspace = open_workspace(path)
    assert import_files(workspace, [RAW])[0].status == "imported"
    workspace.set_institution(OURS)
    workspace.close()
    return path


@pytest.fixture
def workspace(sample_ws_file, tmp_path):
    from analyst_app.db.workspace import open_workspace
    target = tmp_path / "ws.sqlite"
    shutil.copy(sample_ws_file, target)
    ws = open_workspace(target)
    yield ws
    ws.close()


@pytest.fixture
def mapping_file(tmp_path) -> Path:
    path = tmp_path / "ncepu.csv"
    lines = ["school,pattern,school_en,priority,note"]
    lines += [f"{s},{p},,{q}," for s, p, q in RULES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def page(qtbot, english, workspace, mapping_file):
    """The page on the sample workspace with the mapping file loaded (nothing computed)."""
    from ui.pages.contribution_page import ContributionPage
    page = ContributionPage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_workspace(workspace)
    assert page.editor.load_file(mapping_file)
    page.show()
    yield page
    page.shutdown()


def _compute(page, qtbot):
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.compute()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=5000)
    assert page.report is not None, page.messages.text


def _shown(model, column):
    return [model.index(r, model.columns.index(column)).data() for r in range(model.rowCount())]


def test_compute_shows_the_core_result(page, qtbot, workspace):
    from analyst_app.services.contribution import contribution
    assert page.institution_edit.text() == OURS
    assert workspace.get_setting("contribution.schools_file").endswith("ncepu.csv")
    page.counting_combo.setCurrentIndex(1)  # fractional
    _compute(page, qtbot)
    expected = contribution(workspace, OURS, page.editor.mapping(), "fractional")
    assert page.report.records() == expected.records()
    assert page.model.rowCount() == len(expected.result.table)
    first = expected.result.table.iloc[0]
    assert _shown(page.model, "school")[0] == first["school"]
    assert _shown(page.model, "papers_share")[0] == f"{first['papers_share'] * 100:.1f}%"
    assert page.method_label.text() == expected.method
    assert page.method_label.text().startswith("Fractional counting")
    # Sorting by papers share orders the percentages as numbers, not text.
    column = page.model.columns.index("papers_share")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    shares = [page.proxy.index(r, column).data(Qt.ItemDataRole.UserRole)
              for r in range(page.proxy.rowCount())]
    assert shares == sorted(shares, reverse=True)
    page.filter_edit.setText("CHEMISTRY")
    assert 0 < page.proxy.rowCount() < page.model.rowCount()
    # The unmatched addresses are listed by papers, most first.
    papers = _shown(page.unmatched.model, "papers")
    assert [int(p) for p in papers] == sorted((int(p) for p in papers), reverse=True)


def test_invalid_pattern_is_refused_with_its_message(page, qtbot):
    editor = page.editor
    before = editor.rules
    # Inline edit of a pattern cell.
    index = editor.proxy.index(0, 1)
    assert not editor.proxy.setData(index, "re:(unclosed", Qt.ItemDataRole.EditRole)
    assert editor.rules == before and not editor.modified
    assert not editor.error_label.isHidden()  # (its tab is not the current one)
    assert "Row 1" in editor.error_label.text()
    assert "invalid regular expression" in editor.error_label.text()
    # The add-rule dialog refuses it too and stays open with the message.
    dialog = editor.open_rule_dialog(pattern="re:[a-", school="能源动力与机械工程学院")
    assert "invalid regular expression" in dialog.check_label.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and editor.rules == before
    # A pattern that repeats another rule is refused as well.
    dialog.pattern_edit.setText("sch econ & management")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "repeats the pattern" in dialog.check_label.text()
    dialog.reject()


def test_rule_from_an_unmatched_address_reduces_unmatched(page, qtbot, workspace):
    _compute(page, qtbot)
    before = page.report.unmatched
    assert MISSING_UNIT in set(before["unit"])
    row = next(r for r in range(page.unmatched.proxy.rowCount())
               if page.unmatched.proxy.index(r, 1).data() == MISSING_UNIT)
    page.unmatched.table.selectRow(row)
    page.add_rule_for_selected()
    dialog = page.editor.rule_dialog
    assert dialog.pattern_edit.text() == MISSING_UNIT  # pre-filled with the school part
    assert "Matches" in dialog.check_label.text()
    dialog.school_combo.setCurrentText("能源动力与机械工程学院")
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # recomputes
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=5000)
    assert not dialog.isVisible()
    assert page.editor.modified and "*" in page.tabs.tabText(2)
    after = page.report.unmatched
    assert len(after) < len(before) and MISSING_UNIT not in set(after["unit"])
    assert "能源动力与机械工程学院" in set(page.report.result.table["school"])
    # The result reflects the unsaved edits, and provenance says so.
    assert "not saved" in page.report.parameters["mapping_file"]


def test_unsaved_edits_are_asked_about_and_saved(page, qtbot, tmp_path, workspace,
                                                 monkeypatch):
    from analyst_app.domain.school_mapping import SchoolRule, load_school_mapping
    editor = page.editor
    assert editor.add_rule(SchoolRule("控制与计算机工程学院", "Sch Control & Comp Engn")) is None
    assert editor.modified
    asked = []
    monkeypatch.setattr(editor, "ask_unsaved",
                        lambda: asked.append(1) or QMessageBox.StandardButton.Cancel)
    editor.load_example()
    assert asked and editor.modified and len(editor.rules) == len(RULES) + 1  # kept
    target = tmp_path / "saved.xlsx"
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(editor, "ask_save_path", lambda: str(target))
    editor.path = None  # Save asks where
    editor.load_example()  # saves first, then loads the example
    assert load_school_mapping(target).rules[-1].school == "控制与计算机工程学院"
    assert editor.origin.endswith("dalian_univ_technol.csv") and editor.path is None
    assert not editor.modified and len(editor.rules) > 100
    assert workspace.get_setting("contribution.schools_file").endswith(
        "dalian_univ_technol.csv")


def test_drill_down_lists_the_cell_papers(page, qtbot):
    _compute(page, qtbot)
    table = page.report.result.table
    cell = table.iloc[0]
    page.table.doubleClicked.emit(page.proxy.index(0, 0))
    dialog = page.drill_dialog
    assert dialog is not None and dialog.isVisible()
    expected = page.report.cell_papers(cell["school"], cell["field"])
    assert dialog.model.rowCount() == len(expected) == cell["papers"]
    assert set(dialog.model.frame["ut"]) == set(expected["ut"])
    assert all(dialog.model.frame["authors"].str.len() > 0)
    index = dialog.proxy.index(0, 0)
    dialog.table.doubleClicked.emit(index)
    title = dialog.model.frame.set_index("publication_id").loc[dialog.publication_id(0), "title"]
    assert title[:30] in dialog.details.toPlainText()
    dialog.close()


def test_cancel_stops_the_computation(page, qtbot):
    with qtbot.waitSignal(page.runner.cancelled, timeout=30000):
        page.compute()
        assert page.cancel_button.isVisible() and not page.compute_button.isEnabled()
        page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=5000)
    assert page.report is None and page.messages.text == "Cancelled"
    assert page.compute_button.isEnabled() and not page.cancel_button.isVisible()


def test_year_range_and_excel_export(page, qtbot, tmp_path, monkeypatch, workspace):
    from openpyxl import load_workbook

    from analyst_app.services.contribution import contribution
    from analyst_app.services.corpus import CorpusFilter
    page.years_check.setChecked(True)
    page.year_from.setValue(2020)
    page.year_to.setValue(2021)
    _compute(page, qtbot)
    expected = contribution(workspace, OURS, page.editor.mapping(), "full",
                            CorpusFilter(years=(2020, 2021)))
    assert page.report.records() == expected.records()
    assert page.report.parameters["corpus_filter"] == "years 2020–2021"
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(page, "ask_export_path", lambda: str(target))
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.export_excel()
    assert page.messages.level == "success", page.messages.text
    book = load_workbook(target)
    assert book.sheetnames == ["Contribution", "Unmatched addresses", "School mapping",
                               "Method and parameters"]
    assert book["Contribution"].max_row == len(expected.result.table) + 1


def test_workspace_remembers_the_mapping_and_computes(qtbot, english, workspace,
                                                      mapping_file, monkeypatch):
    from ui.pages.contribution_page import ContributionPage
    workspace.set_setting("contribution.schools_file", str(mapping_file))
    page = ContributionPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.set_workspace(workspace)  # loads the remembered file and computes with it
    assert page.editor.origin == str(mapping_file) and len(page.editor.rules) == len(RULES)
    assert page.report is not None and page.model.rowCount() > 0
    # Unsaved edits are asked about before another workspace's mapping replaces them;
    # Cancel keeps them (and the remembered file of the other workspace is not loaded).
    from analyst_app.domain.school_mapping import SchoolRule
    assert page.editor.add_rule(SchoolRule("新能源学院", "Sch New Energy")) is None
    asked = []
    monkeypatch.setattr(page.editor, "ask_unsaved",
                        lambda: asked.append(1) or QMessageBox.StandardButton.Cancel)
    other = mapping_file.with_name("other.csv")
    other.write_text("school,pattern\nX,Sch X\n", encoding="utf-8")
    workspace.set_setting("contribution.schools_file", str(other))
    page.set_workspace(workspace)
    page.runner.wait()
    assert asked and page.editor.modified and page.editor.rules[-1].school == "新能源学院"
    assert workspace.get_setting("contribution.schools_file") == str(other)
    page.shutdown()


def test_export_report_saves_edits_first(page, qtbot, tmp_path, monkeypatch):
    from analyst_app.domain.school_mapping import SchoolRule, load_school_mapping
    from analyst_app.services.report_registry import available_reports
    if "contribution" not in available_reports():
        pytest.skip("the contribution report builder is not installed")
    assert page.report_button.isVisible()
    assert page.editor.add_rule(SchoolRule("控制与计算机工程学院", "Sch Control & Comp Engn")) is None
    page.editor.path = None  # Save asks where, and the user cancels
    monkeypatch.setattr(page.editor, "ask_save_path", lambda: "")
    monkeypatch.setattr(page, "ask_report_path", lambda: pytest.fail("not asked"))
    page.export_report()
    assert page.messages.level == "warning" and not page.runner.busy
    monkeypatch.setattr(page.editor, "ask_save_path", lambda: str(tmp_path / "m.xlsx"))
    monkeypatch.setattr(page, "ask_report_path", lambda: str(tmp_path / "report.docx"))
    assert page.editor.save()  # the report reads the mapping from its file
    assert len(load_school_mapping(page.editor.origin).rules) == len(RULES) + 1
    page.counting_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.runner.finished, timeout=60000):
        page.export_report()
    assert page.messages.level == "success", page.messages.text
    assert (tmp_path / "report.docx").stat().st_size > 0
    assert (tmp_path / "report.xlsx").stat().st_size > 0


def test_unknown_institution_is_reported(page, qtbot):
    page.institution_edit.setText("North China Electric Power Univ")
    with qtbot.waitSignal(page.runner.finished, timeout=30000):
        page.compute()
    assert page.report is None and page.messages.level == "warning"
    assert "did you mean 'North China Elect Power Univ'" in page.messages.text


def test_screenshot(page, qtbot):
    _compute(page, qtbot)
    page.table.selectRow(0)
    page.grab().save("/tmp/contribution_page.png")
    page.tabs.setCurrentIndex(1)
    page.grab().save("/tmp/contribution_unmatched.png")
    page.tabs.setCurrentIndex(2)
    page.grab().save("/tmp/contribution_mapping.png")
    page.table.doubleClicked.emit(page.proxy.index(0, 0))
    page.drill_dialog.resize(1100, 720)
    page.drill_dialog.table.selectRow(0)
    page.drill_dialog.grab().save("/tmp/contribution_drill.png")
    page.drill_dialog.close()


def test_unmatched_row_is_shown_in_the_ui_language(page, qtbot):
    """The core's school “未匹配 (unmatched)” stays data; the UI shows it translated."""
    from analysis.contribution import UNMATCHED
    from ui.i18n import install_language
    from ui.pages._contribution_drill import CellPapersDialog
    _compute(page, qtbot)
    table = page.report.result.table
    assert UNMATCHED in set(table["school"])  # the data keeps the core's name
    row = list(page.model.frame["school"]).index(UNMATCHED)
    assert _shown(page.model, "school")[row] == "Unmatched"
    assert page.tabs.tabText(1) == f"Unmatched addresses ({len(page.report.unmatched):,})"
    install_language("zh_CN")
    page.retranslate()
    assert _shown(page.model, "school")[row] == "未匹配"
    assert page.tabs.tabText(1) == f"未匹配地址（{len(page.report.unmatched):,}）"
    field = page.model.frame["field"].iat[row]
    dialog = CellPapersDialog(page.report, page.workspace, UNMATCHED, field, "化学")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "未匹配 — 化学：论文"
    assert "unmatched" not in dialog.heading.text()
