"""The Hotspots page on real WoS exports: map, drill-down, clusters, bursts, thesaurus, exports."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF, Qt

from tests.gui.conftest import SAMPLES

pytestmark = pytest.mark.gui

BLACK_SILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
NO_REFERENCES = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"


def _build(tmp_path_factory, raw: Path, name: str) -> Path:
    if not raw.is_file():
        pytest.skip(f"real sample export {raw} not found (CI provides ../shared/samples)")
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    path = tmp_path_factory.mktemp(name) / "ws.sqlite"
    workspace = open_workspace(path)
    assert import_files(workspace, [raw])[0].status == "imported"
    workspace.close()
    return path


@pytest.fixture(scope="module")
def black_silicon_file(tmp_path_factory) -> Path:
    """A workspace of the 500-record export (keywords and cited references), built once."""
    return _build(tmp_path_factory, BLACK_SILICON, "hotspots-bs")


@pytest.fixture(scope="module")
def no_references_file(tmp_path_factory) -> Path:
    """A workspace of the 833-record export, which has no cited references."""
    return _build(tmp_path_factory, NO_REFERENCES, "hotspots-wa")


def _open(path: Path, tmp_path: Path):
    from analyst_app.db.workspace import open_workspace
    target = tmp_path / "ws.sqlite"
    shutil.copy(path, target)
    return open_workspace(target)


@pytest.fixture
def workspace(black_silicon_file, tmp_path):
    ws = _open(black_silicon_file, tmp_path)
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, english, workspace):
    from ui.pages.hotspots_page import HotspotsPage
    page = HotspotsPage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_workspace(workspace)
    page.show()
    yield page
    page.shutdown()


def _compute(qtbot, page, kind=("keywords", "both", "authors")):
    page.params.set_choice(*kind)
    page.compute()
    assert page.runner.busy
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=60000)


@pytest.fixture
def computed(qtbot, page):
    """The page after computing a keyword map (both keyword lists, default thresholds)."""
    _compute(qtbot, page)
    assert page.outcome is not None, page.messages.label.text()
    return page


def test_keyword_map_view_and_tables(computed):
    result = computed.outcome.result
    view = computed.map_panel.view
    assert len(view.node_items) == len(result.nodes) > 20
    assert view.drawn_edges == min(len(result.edges), 5000)
    assert any(item.isVisible() for item in view.label_items)
    pd.testing.assert_frame_equal(computed.clusters_panel.model.frame,
                                  result.clusters.reset_index(drop=True))
    assert computed.nodes_panel.model.rowCount() == len(result.nodes)
    assert "modularity" in computed.map_panel.summary.text()
    assert computed.thematic_panel.frame is not None
    assert set(computed.thematic_panel.frame["cluster"]) == set(result.clusters["cluster"])


def test_search_highlights_and_centres(computed):
    panel = computed.map_panel
    panel.search_edit.setText("BLACK SILICON")
    found = panel.search()
    assert found is not None
    assert panel.view.nodes["label"].iat[found].casefold() == "black silicon"
    assert panel.view.highlighted_node == found
    assert panel.view.label_items[found].isVisible()
    panel.search_edit.setText("no such keyword at all")
    assert panel.search() is None
    assert panel.found_label.text() == "Not found"


def test_click_node_opens_its_records(qtbot, computed):
    from analysis.networks import records_for_node
    view = computed.map_panel.view
    node = int(np.argmax(view._radius))  # the largest node: never hidden under another
    point = view.mapFromScene(QPointF(*view._pos[node]))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    dialog = computed.drill_dialog
    assert dialog is not None and dialog.isVisible()
    expected = records_for_node(computed.outcome.result.network, node)
    assert dialog.shown_ids() == expected
    assert dialog.model.rowCount() == len(expected)
    index = dialog.proxy.index(0, 0)
    dialog.table.doubleClicked.emit(index)
    assert dialog.details.toPlainText().strip()


def test_click_edge_opens_its_records(computed):
    from analysis.networks import records_for_edge
    view = computed.map_panel.view
    for row in view.edges.itertuples(index=False):
        middle = QPointF(*(view._pos[row.source] + view._pos[row.target]) / 2)
        if view.node_at(middle) is None and view.edge_at(middle) == (row.source, row.target):
            break
    else:
        pytest.fail("no link with a free middle")
    view.click_at(middle)
    expected = records_for_edge(computed.outcome.result.network, row.source, row.target)
    assert computed.drill_dialog.shown_ids() == expected
    assert len(expected) == row.weight


def test_colour_by_year_and_cluster_highlight(computed):
    view = computed.map_panel.view
    by_cluster = [item.brush().color().rgb() for item in view.node_items]
    computed.map_panel.colour_combo.setCurrentIndex(1)
    assert view.colour_mode == "year"
    by_year = [item.brush().color().rgb() for item in view.node_items]
    assert by_year != by_cluster
    computed.clusters_panel.table.selectRow(0)
    cluster = int(computed.clusters_panel.model.frame["cluster"].iat[0])
    assert view.highlighted_cluster == cluster
    outside = np.flatnonzero(view.nodes["cluster"].to_numpy() != cluster)
    assert view.node_items[outside[0]].brush().color().alpha() < 100


def test_cluster_double_click_lists_records(computed):
    from analysis.networks import records_for_cluster
    result = computed.outcome.result
    computed.clusters_panel.row_activated.emit(0)
    cluster = int(result.clusters["cluster"].iat[0])
    expected = records_for_cluster(result.network, result.nodes["cluster"].to_numpy(), cluster)
    assert computed.drill_dialog.shown_ids() == expected


def test_bursts_table_equals_the_service(qtbot, page, workspace):
    from analysis.bursts import BurstParams
    from analyst_app.services.corpus import CorpusFilter
    from analyst_app.services.trends import run_keyword_bursts
    page.bursts_panel.detect_button.click()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=60000)
    expected = run_keyword_bursts(workspace, CorpusFilter(), BurstParams(), keywords="both").table
    assert len(expected) > 0
    pd.testing.assert_frame_equal(page.bursts_panel.table.model.frame, expected)
    assert len(page.bursts_panel.bars.bursts) == len(expected)
    page.bursts_panel.table.row_activated.emit(0)
    first = expected.iloc[0]
    assert page.drill_dialog.shown_ids() == page.bursts.analysis.result.records(
        first["key"], int(first["begin"]), int(first["end"]))


def test_cancel(qtbot, page):
    with qtbot.waitSignal(page.runner.cancelled, timeout=60000):
        page.compute()
        page.runner.cancel()
    assert page.outcome is None
    assert page.messages.label.text() == "Cancelled"
    assert page.params.compute_button.isEnabled()


def test_empty_selection_message(qtbot, page):
    page.params.query_edit.setText("zzqx nothing matches this")
    _compute(qtbot, page)
    assert page.outcome is None
    assert "No publications match" in page.messages.label.text()


def test_cocitation_not_available(qtbot, english, no_references_file, tmp_path):
    from ui.pages.hotspots_page import HotspotsPage
    workspace = _open(no_references_file, tmp_path)
    page = HotspotsPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)
    _compute(qtbot, page, ("cocitation", "author", "authors"))
    assert page.outcome is None
    text = page.messages.label.text()
    assert "Co-citation is not available" in text and "Cited References" in text
    page.shutdown()
    workspace.close()


def test_exports(computed, tmp_path):
    from openpyxl import load_workbook
    assert Path(computed.export_to("png", str(tmp_path / "map.png"), dpi=150)[0]).stat().st_size
    svg = Path(computed.export_to("svg", str(tmp_path / "map.svg"))[0])
    assert "<svg" in svg.read_text(encoding="utf-8")
    graphml = computed.export_to("network", str(tmp_path / "map.graphml"))
    assert Path(graphml[0]).is_file()
    assert len(computed.export_to("network", str(tmp_path / "vos.txt"))) == 2
    xlsx = computed.export_to("excel", str(tmp_path / "tables.xlsx"))[0]
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Nodes", "Clusters", "Provenance"]
    assert book["Nodes"].max_row == len(computed.outcome.result.nodes) + 1
    assert book["Clusters"].max_row == len(computed.outcome.result.clusters) + 1


def _synthetic(n_nodes: int, n_edges: int, labels: list[str] | None = None):
    rng = np.random.default_rng(0)
    nodes = pd.DataFrame({
        "label": labels or [f"term {i}" for i in range(n_nodes)],
        "occurrences": rng.integers(1, 200, n_nodes), "links": 1, "total_link_strength": 1.0,
        "cluster": rng.integers(1, 9, n_nodes), "x": rng.normal(size=n_nodes),
        "y": rng.normal(size=n_nodes), "avg_year": rng.uniform(2010, 2024, n_nodes),
        "avg_citations": 1.0})
    pairs = rng.integers(0, n_nodes, (n_edges, 2))
    edges = pd.DataFrame({"source": pairs[:, 0], "target": pairs[:, 1],
                          "weight": rng.integers(1, 50, n_edges).astype(float)})
    return nodes, edges[edges["source"] != edges["target"]]


def test_svg_and_png_keep_chinese_labels(qtbot, tmp_path):
    from ui.pages._hotspots_export import export_png, export_svg
    from ui.widgets.network_view import NetworkView
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    nodes, edges = _synthetic(3, 3, ["黑硅", "太阳能电池", "钝化"])
    view.set_network(nodes, edges, {1: "黑硅"})
    view.show()
    text = export_svg(view, tmp_path / "zh.svg").read_text(encoding="utf-8")
    assert "黑硅" in text and "太阳能电池" in text
    from PySide6.QtGui import QImage
    image = QImage(str(export_png(view, tmp_path / "zh.png", dpi=192)))
    assert image.width() == 2 * view.viewport().width()


def test_large_network_stays_responsive(qtbot):
    from ui.widgets.network_view import NetworkView
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    nodes, edges = _synthetic(1000, 10000)
    started = time.perf_counter()
    view.set_network(nodes, edges)
    view.set_colour_mode("year")
    view.zoom(1.5)
    view.place_labels()
    view.grab()
    assert time.perf_counter() - started < 10
    assert len(view.node_items) == 1000
    assert len(view.edge_items) <= 2 * 5 * 20  # path items per colour and weight class


def test_thesaurus_dialog_reports_bad_line_and_accepts_suggestions(qtbot, english, workspace,
                                                                   tmp_path):
    from analyst_app.services.networks import load_thesaurus, suggest_thesaurus
    from ui.dialogs.thesaurus_dialog import ThesaurusDialog
    bad = tmp_path / "bad.txt"
    bad.write_text("label\treplace by\nsolar-cells\tsolar cells\nthin film\tthin-film\textra\n",
                   encoding="utf-8")
    dialog = ThesaurusDialog(workspace, str(bad))
    qtbot.addWidget(dialog)
    assert "line 3" in dialog.error_label.text()
    good = tmp_path / "good.txt"
    good.write_text("label\treplace by\nsolar-cells\tsolar cells\n", encoding="utf-8")
    assert dialog.import_file(str(good))
    assert dialog.pairs.rowCount() == 1 and not dialog.error_label.text()
    dialog.suggest()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=30000)
    expected = suggest_thesaurus(workspace, keywords="both")
    assert dialog.suggestions.rowCount() == len(expected) > 0
    dialog.suggestions.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.accept_checked() == len(expected) - 1
    out = tmp_path / "out.txt"
    assert dialog.export_file(str(out))
    assert len(load_thesaurus(out)) == dialog.thesaurus().__len__()
    dialog.reject()


def test_cross_discipline_wizard(qtbot, english, workspace):
    from ui.dialogs.cross_discipline_wizard import CrossDisciplineWizard
    wizard = CrossDisciplineWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.set_a.isComplete()
    wizard.set_a.query_edit.setText("silicon")
    wizard.next()
    wizard.set_b.query_edit.setText("solar")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.result is not None, timeout=60000)
    result = wizard.result_page.result
    assert wizard.result_page.models["growth"].rowCount() == len(result.growth) > 0
    assert result.provenance["counts"]["papers_both"] > 0
    assert "both:" in wizard.result_page.summary.text()
    wizard.shutdown()


def _latin_words(text: str, *data: str) -> list[str]:
    """The Latin words of ``text`` once the data in it (keywords, labels) are taken out."""
    import re
    for value in data:
        text = text.replace(value, "")
    return re.findall(r"[A-Za-z]+", re.sub(r"<[^>]+>", "", text))


def test_chinese_texts_have_no_english_pieces(qtbot, computed):
    from ui.i18n import install_language
    install_language("zh_CN")
    computed.retranslate()
    # The map's and the thematic map's summaries: the filter and quadrants in Chinese.
    assert "全部文献" in computed.map_panel.summary.text()
    assert _latin_words(computed.map_panel.summary.text()) == []
    thematic = computed.thematic_panel.summary.text()
    assert "核心主题" in thematic and _latin_words(thematic) == []
    assert not any(c in thematic for c in ":;("), thematic
    # The drill-down dialog: the node's label is data, the rest is Chinese.
    node = computed.outcome.result.nodes["label"].tolist().index("black silicon")
    computed.open_node(node)
    dialog = computed.drill_dialog
    heading = dialog.heading.text()
    assert dialog.windowTitle() == "节点“black silicon”"
    assert heading.endswith(" 篇文献）"), heading
    assert _latin_words(heading, "black silicon") == [], heading
    assert not any(c in heading.replace("</b>", "") for c in ":("), heading
    # The bursts summary: the filter in Chinese, only the parameter names s and γ.
    computed.bursts_panel.detect_button.click()
    qtbot.waitUntil(lambda: not computed.runner.busy, timeout=60000)
    summary = computed.bursts_panel.summary.text()
    assert "（全部文献）" in summary and _latin_words(summary) == ["s"], summary


def test_filter_text_follows_the_language(english):
    from analyst_app.services.corpus import CorpusFilter
    from ui.i18n import install_language
    from ui.pages._filter_text import filter_text
    flt = CorpusFilter(years=(2015, 2024), doc_types=("Article", "Review"),
                       categories=("Engineering, Electrical & Electronic", "Optics"))
    assert filter_text(flt) == flt.describe()  # English: as the core words it
    assert filter_text(CorpusFilter()) == "all publications"
    install_language("zh_CN")
    assert filter_text(flt) == ("2015–2024 年；文献类型为 Article、Review；"
                                "WoS 类别为 Engineering, Electrical & Electronic、Optics")
