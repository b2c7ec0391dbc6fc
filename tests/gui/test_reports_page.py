"""The Reports page on its own: the report list, option forms, validation, builds, cancel.

The ESI bulletin flow through the main window is in :mod:`tests.gui.test_main_window`.
"""

from __future__ import annotations

import csv
import threading
from types import SimpleNamespace

import pytest

from analyst_app.errors import Cancelled
from analyst_app.reports.templates import list_templates
from analyst_app.services.report_registry import available_reports

WAIT = 120000  # a real report build on the 833-record sample takes a few seconds


def listed_ids() -> list[str]:
    templates = {m.id for m in list_templates()}
    return [i for i in available_reports() if i in templates]


@pytest.fixture
def empty_workspace(tmp_path):
    """A new workspace with no data and no institution."""
    from analyst_app.db.workspace import open_workspace
    workspace = open_workspace(tmp_path / "ws" / "empty.sqlite")
    yield workspace
    workspace.close()


@pytest.fixture
def page(qtbot, english, empty_workspace):
    """The Reports page on an empty workspace."""
    from ui.pages.reports_page import ReportsPage
    widget = ReportsPage()
    qtbot.addWidget(widget)
    widget.set_workspace(empty_workspace)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    widget.shutdown()


@pytest.fixture(scope="module")
def wos_files(tmp_path_factory):
    """A workspace with the 833-record WoS sample (our institution set) and a school mapping."""
    from analyst_app.cli import main
    from tests.test_contribution_sample import OURS, RAW, RULES
    if not RAW.is_file():
        pytest.skip(f"real sample export {RAW} not found (CI provides ../shared/samples)")
    folder = tmp_path_factory.mktemp("reports_page")
    ws = folder / "ws.sqlite"
    assert main(["import", str(RAW), "-w", str(ws)]) == 0
    assert main(["workspace", "set-institution", OURS, "-w", str(ws)]) == 0
    schools = folder / "schools.csv"
    with open(schools, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["school", "pattern", "priority"])
        writer.writerows(RULES)
    return SimpleNamespace(ws=ws, schools=schools)


def test_the_list_shows_the_available_reports(page):
    ids = listed_ids()
    assert [e.id for e in page.entries] == ids and ids[0] == "esi_bulletin"
    titles = {m.id: m for m in list_templates()}
    assert [page.report_list.item(i).text() for i in range(page.report_list.count())] == \
        [titles[i].title_en for i in ids]
    assert page.current_entry().id == "esi_bulletin"
    assert page.form.isRowVisible(page.release_combo)
    assert page.description.text() == titles["esi_bulletin"].description
    assert page.select_report("contribution")
    assert page.current_form() is page.forms["contribution"]
    assert [f.isVisibleTo(page) for f in page.forms.values()] == \
        [i == "contribution" for i in page.forms]
    assert not page.form.isRowVisible(page.release_combo)  # no ESI release in it
    assert page.heading.text() == titles["contribution"].title_en
    assert page.stem_edit.placeholderText() == "学院学科贡献度分析报告"
    assert not page.select_report("no_such_report")


def test_titles_follow_the_ui_language(page):
    from ui.i18n import install_language
    install_language("zh_CN")
    page.retranslate()  # the main window does this on LanguageChange
    titles = {m.id: m.title_zh for m in list_templates()}
    assert page.report_list.item(0).text() == titles[page.entries[0].id]


def test_a_missing_mapping_file_is_reported_and_nothing_starts(page, monkeypatch, tmp_path):
    from ui.pages import reports_page as module
    calls = []
    monkeypatch.setattr(module, "build_report", lambda *a, **k: calls.append(a))
    page.folder_edit.setText(str(tmp_path / "out"))
    for report in ("contribution", "esi_push_notice"):
        assert page.select_report(report)
        assert page.forms[report].schools.text() == ""
        assert not page.build()
        assert page.messages.level == "warning"
        assert "school mapping file" in page.messages.text
        assert not page.runner.busy
    page.select_report("contribution")
    page.forms["contribution"].schools.set_text(str(tmp_path / "nowhere.csv"))
    assert not page.build() and "does not exist" in page.messages.text
    assert calls == [] and not (tmp_path / "out").exists()


def test_bad_years_and_file_names_are_reported(page, tmp_path, wos_files):
    page.select_report("contribution")
    form = page.forms["contribution"]
    form.schools.set_text(str(wos_files.schools))
    form.years_edit.setText("2015 to 2024")
    assert not page.build() and "2015-2024" in page.messages.text
    form.years_edit.setText("2024-2015")
    assert not page.build() and "first year is after the last" in page.messages.text
    form.years_edit.setText("2015-2024")
    page.stem_edit.setText("a/b")
    assert not page.build() and "/" in page.messages.text


def test_the_contribution_report_is_written(qtbot, english, wos_files, tmp_path):
    from analyst_app.db.workspace import open_workspace
    from ui.pages.reports_page import ReportsPage
    workspace = open_workspace(wos_files.ws)
    workspace.set_setting("contribution.schools_file", str(wos_files.schools))
    page = ReportsPage()
    qtbot.addWidget(page)
    try:
        page.set_workspace(workspace)
        assert page.select_report("contribution")
        form = page.forms["contribution"]
        assert form.schools.text() == str(wos_files.schools)  # what the Contribution page chose
        form.counting_combo.setCurrentIndex(form.counting_combo.findData("full"))
        page.display_edit.setText("华北电力大学")
        page.folder_edit.setText(str(tmp_path / "out"))
        with qtbot.waitSignal(page.runner.finished, timeout=WAIT):
            assert page.build()
            assert not page.build_button.isEnabled() and page.cancel_button.isEnabled()
        assert page.messages.level == "success", page.messages.text
        docx, xlsx = page.outputs[:2]
        assert (docx.name, xlsx.name) == ("学院学科贡献度分析报告.docx", "学院学科贡献度分析报告.xlsx")
        assert docx.stat().st_size > 0 and xlsx.stat().st_size > 0
        assert page.results.count() == 3 * len(page.outputs)
        assert page.build_button.isEnabled() and not page.cancel_button.isEnabled()
    finally:
        page.shutdown()
        workspace.close()


def test_without_excel_only_the_word_file_is_asked_for(page, qtbot, monkeypatch, tmp_path):
    from ui.pages import reports_page as module
    calls = []

    def fake_build(template_id, workspace, output, *, xlsx, options, progress, cancel):
        calls.append((template_id, output, xlsx, options))
        return SimpleNamespace(docx=output, xlsx=None, figures=[])

    monkeypatch.setattr(module, "build_report", fake_build)
    page.folder_edit.setText(str(tmp_path))
    page.stem_edit.setText("my bulletin.docx")
    page.xlsx_check.setChecked(False)
    with qtbot.waitSignal(page.runner.finished, timeout=10000):
        assert page.build()
    template_id, output, xlsx, options = calls[0]
    assert template_id == "esi_bulletin" and output == tmp_path / "my bulletin.docx"
    assert xlsx is None and options.release is None


def test_cancel_stops_the_build(page, qtbot, monkeypatch, tmp_path):
    from ui.pages import reports_page as module
    running = threading.Event()

    def slow_build(template_id, workspace, output, *, xlsx, options, progress, cancel):
        running.set()
        while not cancel.cancelled:
            threading.Event().wait(0.01)
        raise Cancelled("cancelled by the user")

    monkeypatch.setattr(module, "build_report", slow_build)
    page.folder_edit.setText(str(tmp_path))
    assert page.build()
    assert page.runner.busy and not page.report_list.isEnabled()
    assert running.wait(5)
    with qtbot.waitSignal(page.runner.cancelled, timeout=10000):
        page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.runner.busy)
    assert page.messages.text == "Cancelled" and page.outputs == []
    assert page.build_button.isEnabled() and page.report_list.isEnabled()


def test_benchmark_options_come_from_the_peer_groups(page):
    from analyst_app.services.benchmark import load_peer_groups
    if "benchmark" not in page.forms:
        pytest.skip("the benchmark report is not available")
    page.select_report("benchmark")
    form = page.forms["benchmark"]
    groups = load_peer_groups(page.workspace)
    assert [form.group_combo.itemData(i) for i in range(form.group_combo.count())] == \
        [None, *(g.id for g in groups)]
    form.group_combo.setCurrentIndex(0)
    assert not page.build() and "peer group" in page.messages.text
    form.peers_edit.setText("TSINGHUA UNIVERSITY; PEKING UNIVERSITY")
    form.field_combo.setCurrentIndex(form.field_combo.findData("CHEMISTRY"))
    assert page.problem() is None
    assert form.extra() == {"min_papers": 30, "peers": ["TSINGHUA UNIVERSITY",
                                                        "PEKING UNIVERSITY"],
                            "fields": ["CHEMISTRY"]}
    assert page.form.isRowVisible(page.release_combo)


def test_panorama_needs_a_title(page):
    if "panorama" not in page.forms:
        pytest.skip("the panorama report is not available")
    page.select_report("panorama")
    form = page.forms["panorama"]
    assert not page.build() and page.messages.level == "warning"
    form.title_edit.setText("电力系统")
    form.query_edit.setText("power system")
    form.years_edit.setText("2018-2024")
    form.cross_edit.setText("machine learning")
    assert page.problem() is None
    assert form.extra() == {"title": "电力系统",
                            "filter": {"query": "power system", "years": "2018-2024"},
                            "cross": {"b": {"query": "machine learning"},
                                      "label": "machine learning"}}


def test_the_esi_forms_prefill_from_the_workspace(qtbot, english, empty_workspace, tmp_path):
    from ui.pages.reports_page import ReportsPage
    mapping = tmp_path / "schools.csv"
    mapping.write_text("school,pattern\n")
    empty_workspace.set_setting("esi.schools_file", str(mapping))
    empty_workspace.set_setting("esi.watch", 0.7)
    page = ReportsPage()
    qtbot.addWidget(page)
    page.set_workspace(empty_workspace)
    bulletin = page.forms["esi_bulletin"]
    assert bulletin.extra() == {"schools": str(mapping), "watch": 0.7}
    if "esi_push_notice" in page.forms:
        notice = page.forms["esi_push_notice"]
        assert notice.extra() == {"schools": str(mapping), "kind": "both", "all": False}
    # A file the user chose stays when the workspace is re-read.
    bulletin.schools.set_text(str(tmp_path / "mine.csv"))
    page.refresh()
    assert bulletin.schools.text() == str(tmp_path / "mine.csv")
    page.shutdown()
