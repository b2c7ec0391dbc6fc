"""Take the README screenshots of the main window in Chinese and English.

Usage::

    .venv/bin/python scripts/screenshots.py WORKSPACE.sqlite [--out docs]

Writes ``screenshot_main_zh.png``, ``screenshot_esi_zh.png``, ``screenshot_main_en.png`` and
``screenshot_esi_en.png`` (1280×800). Without a display the script re-runs itself under
``xvfb-run`` with the xcb platform: QtWebEngine renders nothing into ``grab()`` on the
offscreen platform, so the chart would be blank.
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


def shoot(app, workspace: str, language: str, out: Path) -> list[Path]:
    """Open the window in ``language`` and save its two screenshots; return their paths."""
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    install_language(language)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    if not window.open_workspace_file(workspace, create=False):
        raise SystemExit(f"screenshots: cannot open {workspace}")
    esi = window.esi_page
    _wait(app, lambda: not esi.runner.busy, 60)
    suffix = LANGUAGES[language]
    written = []

    window.show_page("data")
    if window.data_page.model.rowCount():
        window.data_page.table.selectRow(0)
    _pause(app, 0.5)
    written.append(out / f"screenshot_main_{suffix}.png")
    window.grab().save(str(written[-1]))

    window.show_page("esi")
    _wait(app, lambda: not esi.runner.busy, 60)
    loaded: list[bool] = []
    esi.chart.loaded.connect(loaded.append)
    esi.render_result()  # again, now that the page is visible and laid out at full size
    if esi.chart.available and not _wait(app, lambda: bool(loaded), 60):
        print("screenshots: the chart did not finish loading", file=sys.stderr)
    _pause(app, 1.5)  # plotly draws after the load event
    written.append(out / f"screenshot_esi_{suffix}.png")
    window.grab().save(str(written[-1]))
    window.close()
    window.deleteLater()
    # Delete the web views before the next window (and before QtWebEngine's profile goes).
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return written


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
    for language in LANGUAGES:
        for path in shoot(app, workspace, language, out):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
