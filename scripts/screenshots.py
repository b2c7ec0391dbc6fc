"""Take the README screenshots of the main window in Chinese and English.

Usage::

    .venv/bin/python scripts/screenshots.py WORKSPACE.sqlite [--out docs]

Writes ``screenshot_<page>_<zh|en>.png`` (1280×800) for the pages ``main`` (Data), ``esi``
(ESI, Status tab), ``esi_history`` (ESI, History tab), ``contribution`` (computed with the
shipped mapping ``data/schools/dalian_univ_technol.csv``), ``benchmark`` (peer group E9) and
``hotspots`` (author-keyword map). The workspace's remembered school mapping
(``contribution.schools_file``) is put back as it was afterwards.

Without a display the script re-runs itself under ``xvfb-run`` with the xcb platform:
QtWebEngine renders nothing into ``grab()`` on the offscreen platform, so the charts would
be blank.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
LANGUAGES = {"zh_CN": "zh", "en": "en"}
SCHOOLS_FILE = ROOT / "data" / "schools" / "dalian_univ_technol.csv"
SCHOOLS_SETTING = "contribution.schools_file"  # ui.pages.contribution_page.SCHOOLS_FILE_SETTING
PEER_GROUP = "E9"
# Pixels of the Contribution page's heat map (the table above gets the rest): the figure
# is 140 + 26 px per school high, and scrolls, its field names cut off, in a smaller view.
CONTRIBUTION_CHART_HEIGHT = 390


def _needs_xvfb() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return not has_display and platform in ("", "xcb") and not os.environ.get("_SCREENSHOTS_XVFB")


def _rerun_under_xvfb(argv: list[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("screenshots: no display and no xvfb-run; charts may come out blank",
              file=sys.stderr)
        return -1
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", _SCREENSHOTS_XVFB="1")
    command = [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__, *argv]
    return subprocess.call(command, env=env)


def _wait(app, condition, timeout_s: float) -> bool:
    """Process events until ``condition()`` holds or the time is up."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QThread
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_s * 1000:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(10)
    return True


def _pause(app, seconds: float) -> None:
    _wait(app, lambda: False, seconds)


def _save(window, path: Path, written: list[Path]) -> None:
    window.grab().save(str(path))
    written.append(path)


def _show_chart(app, chart, render, what: str) -> None:
    """Call ``render()`` (which loads a figure into ``chart``) and wait until it is drawn.

    Call it once the page is visible and laid out at full size: a figure loaded into a
    hidden view is sized for the hidden view.
    """
    if not chart.available:
        print(f"screenshots: {what}: no QtWebEngine ({chart.reason})", file=sys.stderr)
        render()
        return
    loaded: list[bool] = []
    chart.loaded.connect(loaded.append)
    before = chart.html_path
    try:
        render()
        if chart.html_path is None or chart.html_path == before:
            print(f"screenshots: {what}: no chart to show", file=sys.stderr)
            return
        if not _wait(app, lambda: True in loaded, 60):
            print(f"screenshots: {what}: the chart did not finish loading", file=sys.stderr)
    finally:
        chart.loaded.disconnect(loaded.append)
    _pause(app, 1.5)  # plotly draws after the load event


def _finish(app, page, done, what: str, timeout_s: float = 180) -> bool:
    """Wait for ``page``'s runner and for ``done()``; say so when the result is missing."""
    ok = _wait(app, lambda: not page.runner.busy and done(), timeout_s)
    if not ok:
        print(f"screenshots: {what}: no result after {timeout_s:.0f} s", file=sys.stderr)
    return ok


def shoot_data(app, window, suffix: str, out: Path, written: list[Path]) -> None:
    """The Data page with the first import selected."""
    window.show_page("data")
    if window.data_page.model.rowCount():
        window.data_page.table.selectRow(0)
    _pause(app, 0.5)
    _save(window, out / f"screenshot_main_{suffix}.png", written)


def shoot_esi(app, window, suffix: str, out: Path, written: list[Path]) -> None:
    """The ESI page's Status tab, then its History tab."""
    esi = window.esi_page
    window.show_page("esi")
    esi.show_tab(esi.status_panel)
    _finish(app, esi, lambda: esi.status_panel.report is not None, "ESI status", 60)
    _show_chart(app, esi.status_panel.chart, esi.status_panel.render_result, "ESI status")
    _save(window, out / f"screenshot_esi_{suffix}.png", written)

    history = esi.history_panel
    esi.show_tab(history)  # computes the tab when it is first shown
    if _finish(app, esi, lambda: history.report is not None, "ESI history", 60):
        _show_chart(app, history.chart, history.render_result, "ESI history")
    _save(window, out / f"screenshot_esi_history_{suffix}.png", written)
    esi.show_tab(esi.status_panel)


def shoot_contribution(app, window, suffix: str, out: Path, written: list[Path]) -> None:
    """The Contribution page computed with the shipped DUT school mapping."""
    from PySide6.QtWidgets import QSplitter

    page = window.contribution_page
    window.show_page("contribution")
    # The workspace may remember the mapping (contribution.schools_file): the page then
    # loaded it and started computing when the workspace was opened.
    _wait(app, lambda: not page.runner.busy, 180)
    origin = page.editor.origin
    if origin is None or Path(origin).resolve() != SCHOOLS_FILE.resolve():
        if not page.editor.load_file(SCHOOLS_FILE):
            print(f"screenshots: cannot load {SCHOOLS_FILE}", file=sys.stderr)
        page.report = None
    if page.report is None or page.report_mapping is None \
            or page.report_mapping.rules != page.editor.mapping().rules:
        page.compute()
    page.tabs.setCurrentIndex(0)
    page.institution_edit.setCursorPosition(0)  # the name's start, not its end
    splitter = page.chart.parentWidget()
    if isinstance(splitter, QSplitter):  # room for the whole heat map, axis labels included
        total = sum(splitter.sizes())
        splitter.setSizes([total - CONTRIBUTION_CHART_HEIGHT, CONTRIBUTION_CHART_HEIGHT])
    if _finish(app, page, lambda: page.report is not None, "contribution"):
        _show_chart(app, page.chart, page.render_result, "contribution")
    _save(window, out / f"screenshot_contribution_{suffix}.png", written)


def shoot_benchmark(app, window, suffix: str, out: Path, written: list[Path]) -> None:
    """The Benchmarking page computed for the peer group E9, ESI tab."""
    page = window.benchmark_page
    window.show_page("benchmark")
    index = page.group_combo.findData(PEER_GROUP)
    if index < 0:
        print(f"screenshots: no peer group {PEER_GROUP}", file=sys.stderr)
    else:
        page.group_combo.setCurrentIndex(index)
    page.compute()
    page.results.setCurrentIndex(0)
    page.institution_edit.setCursorPosition(0)
    if _finish(app, page, lambda: page.report is not None, "benchmarking"):
        _show_chart(app, page.results.esi_chart, page.render_result, "benchmarking")
    _save(window, out / f"screenshot_benchmark_{suffix}.png", written)


def shoot_hotspots(app, window, suffix: str, out: Path, written: list[Path]) -> None:
    """The Hotspots page with the author-keyword map of the whole corpus."""
    page = window.hotspots_page
    window.show_page("hotspots")
    page.params.set_choice("keywords", "author")
    page.compute()
    page.tabs.setCurrentWidget(page.map_panel)
    if _finish(app, page, lambda: page.outcome is not None, "hotspots", 300):
        _pause(app, 0.3)
        page.map_panel.view.fit()  # at the view's final size
        _pause(app, 1.0)
    _save(window, out / f"screenshot_hotspots_{suffix}.png", written)


SHOTS = (shoot_data, shoot_esi, shoot_contribution, shoot_benchmark, shoot_hotspots)


def shoot(app, workspace: str, language: str, out: Path) -> list[Path]:
    """Open the window in ``language`` and save its screenshots; return their paths."""
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    install_language(language)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    if not window.open_workspace_file(workspace, create=False):
        raise SystemExit(f"screenshots: cannot open {workspace}")
    _wait(app, lambda: not window.esi_page.runner.busy, 60)
    suffix = LANGUAGES[language]
    written: list[Path] = []
    for shot in SHOTS:
        shot(app, window, suffix, out, written)
    window.close()
    window.deleteLater()
    # Delete the web views before the next window (and before QtWebEngine's profile goes).
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return written


def _restore_setting(workspace: str, key: str, before: object) -> None:
    """Put the workspace setting ``key`` back as it was (``_MISSING``: no such setting)."""
    from analyst_app.db.models import Setting
    from analyst_app.db.workspace import open_workspace

    opened = open_workspace(workspace, create=False)
    try:
        with opened.session() as session:
            row = session.get(Setting, key)
            if before is _MISSING:
                if row is not None:
                    session.delete(row)
            else:
                session.merge(Setting(key=key, value=before))
    finally:
        opened.close()


def _read_setting(workspace: str, key: str) -> object:
    from analyst_app.db.models import Setting
    from analyst_app.db.workspace import open_workspace

    opened = open_workspace(workspace, create=False)
    try:
        with opened.session() as session:
            row = session.get(Setting, key)
            return _MISSING if row is None else row.value
    finally:
        opened.close()


_MISSING = object()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and take the screenshots."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", help="workspace .sqlite with ESI lists imported")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="output folder")
    args = parser.parse_args(argv)
    if _needs_xvfb():
        code = _rerun_under_xvfb(argv)
        if code != -1:
            return code
    sys.path.insert(0, str(ROOT))
    # Leave the user's settings (recent files, window geometry, language) alone.
    os.environ["ANALYST_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "screenshots.ini")
    from ui.app import make_application

    app = make_application([sys.argv[0]])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    workspace = str(Path(args.workspace).resolve())
    schools_before = _read_setting(workspace, SCHOOLS_SETTING)
    try:
        for language in LANGUAGES:
            for path in shoot(app, workspace, language, out):
                print(f"wrote {path}")
    finally:
        _restore_setting(workspace, SCHOOLS_SETTING, schools_before)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
