"""The Benchmarking page and the peer-group editor on the real ESI lists and a real WoS export."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from analyst_app.db.workspace import open_workspace
from analyst_app.domain.peer_groups import SETTING_KEY
from analyst_app.services.benchmark import (BenchmarkOptions, benchmark, load_peer_groups)
from analyst_app.services.corpus import CorpusFilter
from tests.gui.conftest import INSTITUTION, SAMPLES

pytestmark = pytest.mark.gui

WOS_FILE = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"
TIMEOUT = 60000


@pytest.fixture(scope="module")
def bench_workspace_file(sample_workspace_file, tmp_path_factory):
    """The sample ESI workspace plus the 833-record WoS export, built once."""
    if not WOS_FILE.exists():
        pytest.skip(f"WoS sample export not found: {WOS_FILE}")
    from analyst_app.services.imports import import_files
    path = tmp_path_factory.mktemp("bench-gui") / "bench.sqlite"
    shutil.copy(sample_workspace_file, path)
    workspace = open_workspace(path)
    reports = import_files(workspace, [WOS_FILE])
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    workspace.close()
    return path


@pytest.fixture
def workspace(bench_workspace_file, tmp_path):
    """A private copy (tests save peer groups into it)."""
    target = tmp_path / "bench.sqlite"
    shutil.copy(bench_workspace_file, target)
    ws = open_workspace(target)
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, english, workspace):
    from ui.pages.benchmark_page import BenchmarkPage
    widget = BenchmarkPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_workspace(workspace)
    widget.show()
    yield widget
    widget.shutdown()


def _compute(qtbot, page) -> None:
    with qtbot.waitSignal(page.runner.finished, timeout=TIMEOUT):
        page.compute()


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _cell(model, row: int, column: str, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, model.columns.index(column)).data(role)


def _row(model, **keys) -> int:
    frame = model.frame
    mask = True
    for column, value in keys.items():
        mask = mask & (frame[column] == value)
    rows = list(frame.index[mask])
    assert len(rows) == 1, keys
    return rows[0]


# -- the page --------------------------------------------------------------------------

def test_controls_follow_the_workspace(page):
    assert page.institution_edit.text() == INSTITUTION
    # The first group our institution belongs to is chosen (E9 lists Dalian UT).
    assert page.group_combo.currentData() == "E9"
    assert [page.group_combo.itemData(i) for i in range(page.group_combo.count())] == \
        [None, "C9", "E9", "DUT-ENG"]
    assert page.release_combo.itemData(1) == "2025-11"
    assert page.field_combo.count() == 23  # "All fields" + the 22 ESI fields
    assert page.min_papers_spin.value() == 30
    assert not page.export_button.isEnabled()


def test_compute_shows_the_values_of_benchmark(qtbot, page, workspace):
    _compute(qtbot, page)
    assert page.report is not None and not page.messages.text
    expected = benchmark(workspace, INSTITUTION, (), CorpusFilter(),
                         BenchmarkOptions(min_papers=30), group="E9").result
    esi = page.results.esi.model
    assert esi.rowCount() == len(expected.esi) == 9 * 10  # 10 fields (PHYSICS held back)
    for record in expected.esi.to_dict("records"):
        row = _row(esi, institution=record["institution"], field=record["field"])
        if record["listed"]:
            assert _cell(esi, row, "rank", Qt.ItemDataRole.UserRole) == record["rank"]
            assert _cell(esi, row, "cites", Qt.ItemDataRole.UserRole) == record["cites"]
            assert _cell(esi, row, "percentile", Qt.ItemDataRole.UserRole) == \
                pytest.approx(record["percentile"])
        else:  # "not listed" as such, never 0
            assert _cell(esi, row, "rank") == "not listed"
            assert _cell(esi, row, "cites") == "—"
    engineering = _row(esi, institution=INSTITUTION, field="ENGINEERING")
    assert _cell(esi, engineering, "rank") == "24"
    assert _cell(esi, engineering, "institutions") == "2,787"
    assert _cell(esi, engineering, "name", Qt.ItemDataRole.FontRole).bold()
    peer = _row(esi, institution="TIANJIN UNIVERSITY", field="ENGINEERING")
    assert not _cell(esi, peer, "name", Qt.ItemDataRole.FontRole).bold()
    bit = _row(esi, institution="BEIJING INSTITUTE OF TECHNOLOGY",
               field="AGRICULTURAL SCIENCES")
    assert _cell(esi, bit, "rank") == "not listed"

    wos = page.results.wos.model
    totals = expected.wos_totals
    assert wos.rowCount() == len(totals)
    tianjin = totals[(totals["institution"] == "TIANJIN UNIVERSITY")
                     & (totals["field"] == "ALL FIELDS")].iloc[0]
    row = _row(wos, institution="TIANJIN UNIVERSITY", field="ALL FIELDS")
    assert _cell(wos, row, "papers") == f"{tianjin['papers']:,}" == "42"
    assert _cell(wos, row, "field_name") == "All fields"
    assert _cell(wos, row, "top10_share") == f"{tianjin['top10_share'] * 100:.1f}%"
    assert _cell(wos, row, "h_index", Qt.ItemDataRole.UserRole) == tianjin["h_index"]
    # Small samples are marked, with the core's warning as tooltip.
    ours = _row(wos, institution=INSTITUTION, field="ALL FIELDS")
    assert _cell(wos, ours, "note") == "⚠ small sample"
    assert _cell(wos, ours, "papers", Qt.ItemDataRole.ToolTipRole).startswith(
        "only 8 papers (fewer than 30)")
    assert _cell(wos, ours, "papers", Qt.ItemDataRole.FontRole).italic()
    headers = [wos.headerData(i, Qt.Orientation.Horizontal) for i in range(wos.columnCount())]
    assert "Top 10% share\n(collection-normalised)" in headers

    assert page.results.warnings.count() == len(expected.warnings)
    assert page.results.tabText(3) == f"Warnings ({len(expected.warnings)})"
    assert "8 peers (E9)" in page.summary.text()
    assert page.export_button.isEnabled()


def test_trend_and_wos_views(qtbot, page):
    _compute(qtbot, page)
    results = page.results
    # The trend starts at the field where we stand best (ENGINEERING, 24 of 2,787).
    assert results.trend_field.currentData() == "ENGINEERING"
    assert set(results.trend.model.frame["field"]) == {"ENGINEERING"}
    _choose(results.trend_field, "CHEMISTRY")
    assert set(results.trend.model.frame["field"]) == {"CHEMISTRY"}
    results.wos_view.setCurrentIndex(1)  # per publication year
    assert "year" in results.wos.model.columns
    assert len(results.wos.model.frame) == len(page.report.result.wos)
    results.set_filter("TIANJIN")
    assert results.esi.proxy.rowCount() == 10
    assert results.wos.proxy.rowCount() == (page.report.result.wos["institution"]
                                            == "TIANJIN UNIVERSITY").sum()


def test_field_and_small_sample_options(qtbot, page):
    _choose(page.field_combo, "ENGINEERING")
    page.min_papers_spin.setValue(5)
    _compute(qtbot, page)
    result = page.report.result
    assert result.params.fields == ("ENGINEERING",) and result.params.min_papers == 5
    assert set(page.results.esi.model.frame["field"]) == {"ENGINEERING"}
    wos = page.results.wos.model
    ours = _row(wos, institution=INSTITUTION, field="ENGINEERING")  # 7 papers ≥ 5
    assert _cell(wos, ours, "note") == "—"


def test_unknown_peer_shows_the_error_and_changes_nothing(qtbot, page, workspace):
    _compute(qtbot, page)
    before, frame = page.report, page.results.esi.model.frame.copy()
    _choose(page.group_combo, None)
    page.peers_edit.setText("TSINGHUA UNIVERSTY")
    _compute(qtbot, page)
    assert page.messages.level == "warning"
    assert "'TSINGHUA UNIVERSTY'" in page.messages.text
    assert "did you mean 'TSINGHUA UNIVERSITY'" in page.messages.text
    assert page.report is before
    assert page.results.esi.model.frame.equals(frame)
    assert workspace.get_setting(SETTING_KEY) is None
    assert page.compute_button.isEnabled()


def test_no_peers_is_refused_before_computing(page):
    _choose(page.group_combo, None)
    page.compute()
    assert not page.runner.busy
    assert "Choose a peer group" in page.messages.text


def test_cancel_keeps_the_previous_result(qtbot, page):
    _compute(qtbot, page)
    before = page.report
    with qtbot.waitSignal(page.runner.cancelled, timeout=TIMEOUT):
        page.compute()
        assert page.runner.busy and not page.compute_button.isEnabled()
        page.runner.cancel()
    qtbot.waitUntil(lambda: not page.runner.busy)
    assert page.messages.text == "Cancelled"
    assert page.report is before
    assert page.compute_button.isEnabled()


def test_export_to_excel(qtbot, page, tmp_path):
    from openpyxl import load_workbook
    _compute(qtbot, page)
    path = tmp_path / "benchmark.xlsx"
    assert page.export_to(path)
    assert page.messages.level == "success"
    book = load_workbook(path)
    assert book.sheetnames == ["ESI", "ESI trend", "WoS totals", "WoS per year", "Parameters"]
    values = [c.value for row in book["ESI"].iter_rows() for c in row]
    assert "not listed" in values and "DALIAN UNIVERSITY OF TECHNOLOGY" in values
    headers = [c.value for c in book["WoS totals"][1]]
    assert "Top 10% share (collection-normalised)" in headers


def test_export_report_builds_word_and_excel(qtbot, page, tmp_path):
    from analyst_app.services.report_registry import available_reports
    if "benchmark" not in available_reports():
        pytest.skip("the benchmarking report builder is not installed")
    assert page.report_button.isVisible() and not page.report_button.isEnabled()
    _compute(qtbot, page)
    shown = page.report
    with qtbot.waitSignal(page.runner.finished, timeout=180000):
        page.start_report(tmp_path / "benchmark.docx")
    assert page.messages.level == "success", page.messages.text
    assert (tmp_path / "benchmark.docx").stat().st_size > 0
    assert (tmp_path / "benchmark.xlsx").exists()
    assert page.report is shown  # the result shown stays


def test_chinese_names_in_a_chinese_ui(qtbot, page):
    from ui.i18n import install_language
    _compute(qtbot, page)
    install_language("zh_CN")
    esi = page.results.esi.model
    qtbot.waitUntil(lambda: "大连理工大学" in set(esi.frame["name"]), timeout=5000)
    row = _row(esi, institution=INSTITUTION, field="ENGINEERING")
    assert _cell(esi, row, "field_name") == "工程学"


# -- the peer-group editor -------------------------------------------------------------

def _dialog(qtbot, workspace):
    from ui.dialogs.peer_group_dialog import PeerGroupDialog
    dialog = PeerGroupDialog(workspace)
    qtbot.addWidget(dialog)
    return dialog


def _members(workspace, group_id: str) -> list[str]:
    group = next(g for g in load_peer_groups(workspace) if g.id == group_id)
    return [m.esi_name for m in group.members]


def test_editor_adds_and_removes_a_member_and_persists(qtbot, workspace, page):
    dialog = _dialog(qtbot, workspace)
    assert dialog.esi_names and "TSINGHUA UNIVERSITY" in dialog.esi_names
    dialog.group_list.setCurrentRow(2)  # DUT-ENG
    assert dialog.id_edit.text() == "DUT-ENG"
    row = dialog.add_member_from_esi("ZHEJIANG UNIVERSITY")
    # Spellings come from the C9 example group, so WoS addresses match.
    assert dialog.members.item(row, 1).text() == "浙江大学"
    assert "Zhejiang Univ" in dialog.members.item(row, 2).text()
    assert dialog.save() and dialog.result() == dialog.DialogCode.Accepted
    assert _members(workspace, "DUT-ENG")[-1] == "ZHEJIANG UNIVERSITY"
    zju = next(m for g in load_peer_groups(workspace) if g.id == "DUT-ENG" for m in g.members
               if m.esi_name == "ZHEJIANG UNIVERSITY")
    assert zju.wos_names[0] == "Zhejiang Univ"

    again = _dialog(qtbot, workspace)
    again.group_list.setCurrentRow(2)
    last = again.members.rowCount() - 1
    assert again.members.item(last, 0).text() == "ZHEJIANG UNIVERSITY"
    again.members.selectRow(last)
    again.remove_selected_members()
    assert again.save()
    assert "ZHEJIANG UNIVERSITY" not in _members(workspace, "DUT-ENG")
    assert len(_members(workspace, "DUT-ENG")) == 8


def test_editor_new_group_reaches_the_page(qtbot, workspace, page):
    dialog = _dialog(qtbot, workspace)
    dialog.add_group("MY", "My peers")
    dialog.add_member_from_esi("TSINGHUA UNIVERSITY")
    row = dialog.add_member_from_esi("DALIAN MARITIME UNIVERSITY")  # in no example group
    assert dialog.members.item(row, 2).text() == "Dalian Maritime Univ"  # guessed spelling
    dialog.name_zh_edit.setText("我的对标组")
    dialog.commit()
    assert dialog.save()
    page.reload_groups()
    _choose(page.group_combo, "MY")
    _compute(qtbot, page)
    assert [p.esi_name for p in page.report.peers] == ["TSINGHUA UNIVERSITY",
                                                        "DALIAN MARITIME UNIVERSITY"]


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.add_group("E9"), "a peer group 'E9' exists already"),
    (lambda d: d.add_group("EMPTY"), "peer group 'EMPTY' has no members"),
])
def test_editor_shows_core_errors_and_saves_nothing(qtbot, workspace, edit, message):
    dialog = _dialog(qtbot, workspace)
    edit(dialog)
    if dialog.id_edit.text() == "E9":
        dialog.add_member_from_esi("TSINGHUA UNIVERSITY")
    assert not dialog.save()
    assert message in dialog.messages.text
    assert dialog.result() != dialog.DialogCode.Accepted
    assert workspace.get_setting(SETTING_KEY) is None


def test_editor_unknown_member_is_flagged_and_not_saved(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.group_list.setCurrentRow(0)
    row = dialog.add_member("TSINGHUA UNIVERSTY", wos_names=["Tsinghua Univ"])
    assert "did you mean 'TSINGHUA UNIVERSITY'" in dialog.members.item(row, 0).toolTip()
    assert not dialog.save()
    assert "did you mean 'TSINGHUA UNIVERSITY'" in dialog.messages.text
    assert workspace.get_setting(SETTING_KEY) is None
    dialog.members.item(row, 0).setText("TSINGHUA UNIVERSITY")  # corrected: no warning
    assert dialog.members.item(row, 0).toolTip() == ""


def test_editor_remove_group_and_reset(qtbot, workspace):
    dialog = _dialog(qtbot, workspace)
    dialog.group_list.setCurrentRow(0)
    dialog.remove_group()
    assert dialog.save()
    assert [g.id for g in load_peer_groups(workspace)] == ["E9", "DUT-ENG"]
    again = _dialog(qtbot, workspace)
    again.reset_to_examples()
    assert again.group_list.count() == 3
    assert again.save()
    assert [g.id for g in load_peer_groups(workspace)] == ["C9", "E9", "DUT-ENG"]


def test_esi_name_picker_completes_from_the_lists(qtbot):
    from ui.dialogs.peer_group_dialog import EsiNamePicker
    picker = EsiNamePicker(["TSINGHUA UNIVERSITY", "PEKING UNIVERSITY", "TIANJIN UNIVERSITY"])
    qtbot.addWidget(picker)
    completer = picker.edit.completer()
    completer.setCompletionPrefix("univ")
    assert completer.completionCount() == 3  # matches inside the name, any case
    ok = picker.buttons.button(picker.buttons.StandardButton.Ok)
    picker.edit.setText("tsinghua  university")
    assert picker.chosen() == "TSINGHUA UNIVERSITY" and ok.isEnabled()
    picker.edit.setText("TSINGHUA UNIV")
    assert picker.chosen() is None and not ok.isEnabled()


# -- charts (no Qt) --------------------------------------------------------------------

def test_figures_highlight_us_and_leave_unlisted_out(workspace):
    from analyst_app.charts_benchmark import (OUR_COLOUR, figure_benchmark_esi,
                                              figure_benchmark_trend, figure_benchmark_wos)
    report = benchmark(workspace, group="E9")
    result = report.result
    fig = figure_benchmark_esi(result.esi, INSTITUTION, release="2025-11", language="en")
    traces = {t.name: t for t in fig.data}
    assert len(traces) == 9 and fig.data[-1].name == INSTITUTION  # ours drawn on top
    assert traces[INSTITUTION].marker.color == OUR_COLOUR
    bit = traces["BEIJING INSTITUTE OF TECHNOLOGY"]
    assert "AGRICULTURAL SCIENCES" not in bit.y and len(bit.y) == result.esi[
        result.esi["institution"] == "BEIJING INSTITUTE OF TECHNOLOGY"]["listed"].sum()
    # Best field on top: the last category of the y axis.
    assert fig.layout.yaxis.categoryarray[-1] == "ENGINEERING"
    trend = figure_benchmark_trend(result.esi_trend, INSTITUTION, "ENGINEERING",
                                   language="zh")
    assert {t.name: list(t.y) for t in trend.data}[INSTITUTION] == [24]
    bars = figure_benchmark_wos(result.wos_totals, INSTITUTION, "ALL FIELDS", "top10_share")
    assert bars.data[0].marker.color[0] == OUR_COLOUR
    with pytest.raises(ValueError, match="invalid indicator"):
        figure_benchmark_wos(result.wos_totals, INSTITUTION, "ALL FIELDS", "cnci")


def test_benchmark_charts_module_needs_no_qt():
    import subprocess
    import sys
    code = ("import sys; sys.modules['PySide6'] = None; import analyst_app.charts_benchmark; "
            "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules "
            "if sys.modules[m])")
    subprocess.run([sys.executable, "-c", code], check=True)
