"""Plotly figures (no Qt) and the chart view: local HTML, fallback, real QtWebEngine."""

from __future__ import annotations

import re

import pytest

from analyst_app.charts import figure_esi_status, write_figure_html

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def status_result(sample_workspace_file):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.esi import esi_status
    workspace = open_workspace(sample_workspace_file)
    try:
        return esi_status(workspace).result
    finally:
        workspace.close()


def test_figure_has_one_point_per_listed_field(status_result):
    fig = figure_esi_status(status_result, language="zh")
    points = [y for trace in fig.data if trace.mode == "markers+text" for y in trace.y]
    assert sorted(points) == sorted(status_result.listed["field_zh"])
    assert "工程学" in points
    assert "ESI 学科位置" in fig.layout.title.text
    hover = " ".join(h for trace in fig.data if trace.hovertext for h in trace.hovertext)
    assert "24 / 2,787" in hover and "被引次数" in hover


def test_figure_in_english_names_unlisted_fields(status_result):
    result = status_result
    table = result.table.copy()
    table.loc[table["field"] == "MATHEMATICS", "status"] = "not_listed"
    result = type(result)(result.params, result.release, result.previous_release, table)
    fig = figure_esi_status(result, language="en")
    notes = [a.text for a in fig.layout.annotations]
    assert any(n.startswith("Not listed: ") and "MATHEMATICS" in n for n in notes)


def test_html_loads_plotly_from_a_local_file(status_result, tmp_path):
    path = write_figure_html(figure_esi_status(status_result), tmp_path / "chart" / "esi.html")
    page = path.read_text(encoding="utf-8")
    assert re.search(r'<script[^>]*src="plotly.min.js"', page)
    assert "cdn" not in page.lower()
    assert (path.parent / "plotly.min.js").stat().st_size > 1_000_000
    assert path.stat().st_size < 2_000_000  # small: plotly.js is not inlined
    filled = write_figure_html(figure_esi_status(status_result), tmp_path / "chart" / "b.html",
                               fill=True)
    assert "min-height" in filled.read_text(encoding="utf-8")


def test_chart_view_falls_back_to_a_label(qtbot, status_result):
    from ui.widgets.chart_view import ChartView
    view = ChartView()
    qtbot.addWidget(view)
    assert not view.available and "ANALYST_NO_WEBENGINE" in view.placeholder.text()
    assert view.show_figure(figure_esi_status(status_result)) is None
    view.shutdown()


def test_chart_view_loads_in_qtwebengine(qtbot, monkeypatch, status_result):
    monkeypatch.delenv("ANALYST_NO_WEBENGINE", raising=False)
    from ui.widgets.chart_view import ChartView, webengine_status
    available, reason = webengine_status()
    if not available:
        pytest.skip(f"QtWebEngine unavailable: {reason}")
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000) as blocker:
        path = view.show_figure(figure_esi_status(status_result))
    assert blocker.args == [True]
    assert path is not None and path.exists()
    # plotly drew the figure: its SVG holds the field names.
    with qtbot.waitCallback(timeout=10000) as callback:
        view.view.page().runJavaScript(
            "document.querySelectorAll('.plotly .ytick').length", 0, callback)
    assert callback.args[0] >= 10
    view.shutdown()


def test_charts_module_needs_no_qt():
    import subprocess
    import sys
    code = ("import sys; sys.modules['PySide6'] = None; import analyst_app.charts; "
            "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules if sys.modules[m])")
    subprocess.run([sys.executable, "-c", code], check=True)
