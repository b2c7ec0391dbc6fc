"""Start the desktop application: Qt set-up, translations, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from ui.i18n import install_language, startup_language
from ui.settings import APPLICATION, ORGANIZATION, recent_workspaces


def prepare_qt() -> None:
    """Set what Qt and QtWebEngine need before the QApplication exists.

    Chromium refuses to run as root with its sandbox on (Linux servers, containers), and
    QtWebEngine requires shared OpenGL contexts set before the application is created and
    its module imported before then too.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401 - must load before QApplication
    except ImportError:
        pass  # ChartView shows why charts are unavailable


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """Return the QApplication (created if needed) with names and translations set."""
    prepare_qt()
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Subject Analyst Workbench")
    install_language(startup_language())
    return app  # type: ignore[return-value]


def initial_workspace(workspace: str | None) -> str | None:
    """Return the workspace to open: the one given, else the most recent that still exists."""
    if workspace:
        return workspace
    for path in recent_workspaces():
        if "://" in path or Path(path).exists():
            return path
    return None


def run_gui(workspace: str | None = None, *, argv: Sequence[str] | None = None) -> int:
    """Run the desktop application until its window closes.

    Parameters
    ----------
    workspace : str, optional
        Workspace file (or database URL) to open; defaults to the most recent one.
    argv : sequence of str, optional
        Arguments for Qt (defaults to ``sys.argv``).

    Returns
    -------
    int
        The application's exit code.
    """
    app = make_application(argv)
    from ui.main_window import MainWindow  # after the application: widgets need it

    window = MainWindow(initial_workspace(workspace))
    window.show()
    return app.exec()


__all__ = ["run_gui", "make_application", "prepare_qt", "initial_workspace"]
