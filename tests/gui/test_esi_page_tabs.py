"""The ESI page's History, Potential & watch list and New papers tabs (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analyst_app.db.workspace import open_workspace
from analyst_app.esi_papers_generator import OURS, random_papers, write_papers_file
from analyst_app.services.esi_history import esi_history, esi_potential
from analyst_app.services.esi_papers import push_list
from analyst_app.services.imports import import_files
from ui.pages._esi_history import sentences_display_frame
from ui.pages._esi_push import SCHOOLS_SETTING
from ui.pages._esi_watch import WATCH_SETTING
from ui.pages.esi_page import EsiPage

pytestmark = pytest.mark.gui

DEMO_RELEASES = ["2025-07", "2025-09", "2025-11"]
US = OURS[0]


@pytest.fixture(scope="session")
def demo_workspace_file(tmp_path_factory) -> Path:
    """The demo workspace (ESI lists of three releases), built once."""
    from analyst_app.demo_data import DEMO_INSTITUTION, write_demo_esi_exports
    from analyst_app.services.demo import DEMO_ALIASES
    from analyst_app.services.imports import import_file
    folder = tmp_path_factory.mktemp("esi-demo")
    path = folder / "demo.sqlite"
    workspace = open_workspace(path)
    workspace.set_institution(DEMO_INSTITUTION, DEMO_ALIASES)
    for export, release in write_demo_esi_exports(folder / "exports"):
        assert import_file(workspace, export, release=release).status == "imported"
    workspace.close()
    return path


@pytest.fixture
def demo_workspace(demo_workspace_file, tmp_path):
    """A private copy of the demo workspace, open."""
    target = tmp_path / "demo" / "demo.sqlite"
    target.parent.mkdir()
    shutil.copy(demo_workspace_file, target)
    workspace = open_workspace(target)
    yield workspace
    workspace.close()


def open_page(qtbot, workspace) -> EsiPage:
    """An ESI page on ``workspace`` after its first job (the status) ended."""
    page = EsiPage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_workspace(workspace)
    if page.runner.busy:  # nothing to compute without ESI lists
        with qtbot.waitSignal(page.runner.finished, timeout=60000):
            pass
    return page


def show_and_wait(qtbot, page: EsiPage, panel) -> None:
    """Show ``panel``'s tab and wait until its result is shown."""
    with qtbot.waitSignal(page.runner.succeeded, timeout=60000):
        page.show_tab(panel)
    assert not panel.stale


@pytest.fixture
def demo_page(qtbot, english, demo_workspace):
    page = open_page(qtbot, demo_workspace)
    yield page
    page.shutdown()


def test_only_the_tab_shown_is_computed(demo_page):
    assert demo_page.report is not None and "listed in" in demo_page.summary.text()
    assert demo_page.tabs.count() == 4
    assert [p.stale for p in demo_page.panels] == [False, True, True, True]
    assert demo_page.history_panel.report is None


def test_history_tab_shows_three_releases_and_the_core_sentences(demo_page, demo_workspace,
                                                                 qtbot):
    panel = demo_page.history_panel
    show_and_wait(qtbot, demo_page, panel)
    assert panel.releases == DEMO_RELEASES
    assert "3 releases imported" in panel.summary.text()
    # At first the fields listed in the latest release are drawn, every release of each.
    assert panel.selected_fields()
    assert sorted(set(panel.model.frame["release"])) == DEMO_RELEASES
    assert set(panel.model.frame["field"]) == set(panel.selected_fields())
    core = esi_history(demo_workspace).result.sentences
    shown = panel.sentences_model.frame
    assert not core.empty
    assert list(shown["sentence"]) == list(sentences_display_frame(core)["sentence_en"])
    assert sorted(shown["sentence"]) == sorted(core["sentence_en"])
    assert panel.sentences_stack.currentWidget() is panel.sentences_table
    # Narrowing the fields narrows the table (the chart is redrawn from the same result).
    panel.set_selected_fields(["ENGINEERING"])
    assert set(panel.model.frame["field"]) == {"ENGINEERING"}
    assert len(panel.model.frame) == 3
    engineering = panel.model.frame.set_index("release")["rank"]
    assert engineering.notna().all()


def test_history_of_one_release_asks_for_more(qtbot, english, workspace_file):
    workspace = open_workspace(workspace_file)
    page = open_page(qtbot, workspace)
    try:
        panel = page.history_panel
        show_and_wait(qtbot, page, panel)
        assert panel.releases == ["2025-11"]
        assert panel.sentences_stack.currentWidget() is panel.sentences_hint
        assert "Import two or more releases" in panel.sentences_hint.text()
    finally:
        page.shutdown()
        workspace.close()


def _watched(report) -> list[str]:
    table = report.table
    return list(table.loc[table["on_watch_list"], "field"])


def test_watch_list_follows_the_core_and_the_cut_off_is_saved(demo_page, demo_workspace, qtbot):
    panel = demo_page.watch_panel
    assert panel.watch == 0.8
    show_and_wait(qtbot, demo_page, panel)
    core = esi_potential(demo_workspace, watch=0.8)
    assert panel.watch_fields() == _watched(core)
    # The watch list: P against the next level at least the cut-off, and below 1.
    p = core.table["potential_next"]
    assert set(_watched(core)) == set(core.table.loc[(p >= 0.8) & (p < 1), "field"])
    assert len(panel.model.frame) == len(core.table)  # every field, flagged
    # A lower cut-off takes in Environment/Ecology (P ≈ 0.79 against the top 1‰).
    panel.watch_spin.setValue(0.75)
    with qtbot.waitSignal(demo_page.runner.succeeded, timeout=60000):
        panel.flush()
    lower = esi_potential(demo_workspace, watch=0.75)
    assert "ENVIRONMENT/ECOLOGY" in panel.watch_fields()
    assert panel.watch_fields() == _watched(lower) != _watched(core)
    assert demo_workspace.get_setting(WATCH_SETTING) == 0.75
    assert panel.summary.text().endswith(
        "(P ≥ 0.75 against the next level): ENVIRONMENT/ECOLOGY.")
    panel.only_watch.setChecked(True)
    assert sorted(panel.model.frame["field"]) == sorted(_watched(lower))
    # Forecast: the interval where one is possible, otherwise the reason.
    row = panel.model.frame.set_index("field").loc["ENVIRONMENT/ECOLOGY"]
    assert row["forecast_text"] == f"{row['forecast_earliest']} – {row['forecast_latest']}"
    # The cut-off is read back by a page opened later on the workspace.
    other = open_page(qtbot, demo_workspace)
    try:
        assert other.watch_panel.watch == 0.75
    finally:
        other.shutdown()


def test_watch_list_gives_reasons_when_no_forecast(demo_page, qtbot):
    panel = demo_page.watch_panel
    show_and_wait(qtbot, demo_page, panel)
    frame = panel.model.frame.set_index("field")
    assert frame.loc["ENGINEERING", "forecast_text"] == "already in the top 1‱: no higher level"
    texts = [panel.model.index(r, c).data() for r in range(panel.model.rowCount())
             for c in range(panel.model.columnCount())]
    assert "top 1‰" in texts and "ESI list" in texts


# -- push list ------------------------------------------------------------------------------

@pytest.fixture
def papers_workspace(tmp_path):
    """A workspace with generated ESI highly cited paper lists of 2025-09 and 2025-11."""
    first = random_papers(24, seed=41, our_share=0.5)
    second = first[4:] + random_papers(10, seed=42, our_share=0.5)
    write_papers_file(tmp_path / "hcp1.csv", first, kind="hcp")
    write_papers_file(tmp_path / "hcp2.csv", second, kind="hcp")
    workspace = open_workspace(tmp_path / "papers.sqlite")
    workspace.set_institution(US, ["DALIAN UNIV TECHNOL"])
    assert import_files(workspace, [tmp_path / "hcp1.csv"], release="2025-09")[0].status \
        == "imported"
    assert import_files(workspace, [tmp_path / "hcp2.csv"], release="2025-11")[0].status \
        == "imported"
    earlier = {p["ut"] for p in first}
    new = {p["ut"] for p in second if US in p["institutions"] and p["ut"] not in earlier}
    yield workspace, new
    workspace.close()


def test_push_list_shows_exactly_the_new_papers(qtbot, english, papers_workspace, tmp_path):
    workspace, new = papers_workspace
    assert len(new) >= 3
    page = open_page(qtbot, workspace)
    try:
        # No ESI ranking lists: the status says so, the push list does not need them.
        assert "No ESI lists imported yet" in page.summary.text()
        panel = page.push_panel
        assert [panel.release_combo.itemData(i) for i in range(panel.release_combo.count())] \
            == [None, "2025-11", "2025-09"]
        show_and_wait(qtbot, page, panel)
        shown = panel.model.frame
        assert set(shown["ut"]) == new
        assert shown["new"].all() and not panel.note.isVisible()
        assert set(shown["ut"]) == set(push_list(workspace).result.table["ut"])
        assert all(shown["authors_text"]) and "2025-11" in panel.summary.text()
        assert panel.export_button.isEnabled()
        # Every paper of ours, the new ones flagged.
        with qtbot.waitSignal(page.runner.succeeded, timeout=30000):
            panel.only_new.setChecked(False)
        everything = panel.model.frame
        assert len(everything) > len(new)
        assert set(everything.loc[everything["new"] == True, "ut"]) == new  # noqa: E712
        # The first release has no earlier list: "new" cannot be decided, and the page says so.
        panel.release_combo.setCurrentIndex(panel.release_combo.findData("2025-09"))
        with qtbot.waitSignal(page.runner.succeeded, timeout=30000):
            panel.release_combo.activated.emit(panel.release_combo.currentIndex())
        assert not panel.note.isHidden() and "cannot be decided" in panel.note.text()
        assert panel.model.frame["new"].isna().all()
    finally:
        page.shutdown()


def test_push_list_schools_and_export(qtbot, english, papers_workspace, tmp_path):
    from openpyxl import load_workbook
    workspace, new = papers_workspace
    mapping = tmp_path / "schools.csv"
    mapping.write_text("school,pattern\n化工学院,Sch Chem Engn\n"
                       "数学科学学院,Sch Math Sci\n", encoding="utf-8")
    page = open_page(qtbot, workspace)
    try:
        panel = page.push_panel
        show_and_wait(qtbot, page, panel)
        assert not any(panel.model.frame["schools_text"])  # no mapping yet
        with qtbot.waitSignal(page.runner.succeeded, timeout=30000):
            panel.set_mapping_path(str(mapping))
        assert workspace.get_setting(SCHOOLS_SETTING) == str(mapping)
        assert "schools.csv" in panel.mapping_label.text()
        frame = panel.model.frame
        for row in frame.itertuples():
            expected = set()
            for address in row.addresses:
                expected |= {"化工学院"} if "Sch Chem Engn" in address else set()
                expected |= {"数学科学学院"} if "Sch Math Sci" in address else set()
            assert set(row.schools) == expected
        target = tmp_path / "push.xlsx"
        with qtbot.waitSignal(page.runner.succeeded, timeout=30000):
            panel.export_to(str(target))
        assert page.messages.level == "success" and "push.xlsx" in page.messages.text
        book = load_workbook(target)
        assert book.worksheets[0].max_row == len(frame) + 1
    finally:
        page.shutdown()


def test_changing_workspace_while_busy_drops_the_queue(qtbot, english, demo_workspace,
                                                       workspace_file):
    page = open_page(qtbot, demo_workspace)
    other = open_workspace(workspace_file)
    try:
        page.show_tab(page.history_panel)  # starts the history job
        assert page.runner.busy
        page.show_tab(page.watch_panel)    # queued behind it
        with qtbot.waitSignal(page.runner.succeeded, timeout=60000):
            page.set_workspace(other)      # drops both; computes the tab shown on `other`
        assert page.history_panel.report is None and page.history_panel.stale
        assert page.watch_panel.report.release == "2025-11"
        assert page.watch_panel.report.institution == "DALIAN UNIVERSITY OF TECHNOLOGY"
        assert not page.runner.busy and not page._queue
    finally:
        page.shutdown()
        other.close()


def test_figures_of_history_and_potential(demo_workspace):
    from analyst_app.charts_esi import figure_esi_history, figure_esi_potential
    history = esi_history(demo_workspace).result
    fig = figure_esi_history(history.table, institution="DUT", metric="percentile",
                             fields=["ENGINEERING", "CHEMISTRY"], language="en")
    assert sorted(t.name for t in fig.data) == ["CHEMISTRY", "ENGINEERING"]
    assert all(list(t.x) == DEMO_RELEASES for t in fig.data)
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # reversed: best on top
    potential = esi_potential(demo_workspace, watch=0.75)
    fig = figure_esi_potential(potential.table, institution="DUT", release="2025-11",
                               watch=0.75, language="zh")
    [bars] = fig.data
    assert len(bars.x) == potential.table["potential_next"].notna().sum()
    assert sorted(shape.x0 for shape in fig.layout.shapes) == [0.75, 1.0]
    assert "环境科学与生态学" in bars.y


def test_watch_list_sentence_and_notes_in_chinese(demo_page, qtbot):
    """The watch-list sentence is one translated sentence; the core's English notes are not shown."""
    import re

    from ui.i18n import install_language
    panel = demo_page.watch_panel
    show_and_wait(qtbot, demo_page, panel)
    report = panel.report
    english_summary, english_notes = panel.summary.text(), panel.notes.text()
    assert english_summary.endswith(".") and english_notes.startswith("WoS records counted")
    install_language("zh_CN")
    panel.retranslate()
    summary, notes = panel.summary.text(), panel.notes.text()
    assert "关注清单" in summary and summary.endswith("。")
    # Only data (institution, release) and "P" are Latin; punctuation is Chinese.
    rest = summary.replace(report.institution, "").replace(report.release, "")
    assert re.findall(r"[A-Za-z]+", rest) == ["P"], summary
    assert not re.search(r"[:,(]", rest), summary
    assert notes.startswith("统计的 WoS 记录：") and "；" in notes
    for note in report.notes:  # the core's English notes are translated, not passed through
        assert note not in notes
    assert set(re.findall(r"[A-Za-z]+", notes)) <= {"WoS", "ESI", "Article", "Review"}, notes
