"""Fixtures of the GUI tests: offscreen Qt, isolated settings, workspaces with sample ESI lists."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Before Qt is imported: no display, no Chromium sandbox (we may run as root), and the text
# fallback instead of QtWebEngine except in the tests that ask for the real view.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("ANALYST_NO_WEBENGINE", "1")

from tests.conftest import esi_sample_files  # noqa: E402
from ui.app import prepare_qt  # noqa: E402 - after the environment above

prepare_qt()  # AA_ShareOpenGLContexts and QtWebEngine loaded before pytest-qt's QApplication

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
ESI_SAMPLES = SAMPLES / "esi"
INSTITUTION = "DALIAN UNIVERSITY OF TECHNOLOGY"
#: Left out of the sample workspace so a test can import it.
HELD_BACK = "esi_institutions_PHYSICS.csv"


def sample_files() -> list[Path]:
    """The shared ESI Institutions sample exports, or a skip saying where they should be."""
    return esi_sample_files()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test gets its own settings file and starts in English."""
    monkeypatch.setenv("ANALYST_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.delenv("ANALYST_LANG", raising=False)
    yield
    from ui.i18n import current_language, install_language
    if current_language() != "en":
        install_language("en")


@pytest.fixture
def english(qapp):
    """The English UI (the source language)."""
    from ui.i18n import install_language
    install_language("en")
    return qapp


@pytest.fixture(scope="session")
def sample_workspace_file(tmp_path_factory) -> Path:
    """A workspace with the sample ESI lists (release 2025-11) but PHYSICS, built once."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    files = [f for f in sample_files() if f.name != HELD_BACK]
    path = tmp_path_factory.mktemp("gui-samples") / "samples.sqlite"
    workspace = open_workspace(path)
    reports = import_files(workspace, files, release="2025-11")
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    workspace.set_institution(INSTITUTION, ["DALIAN UNIV TECHNOL"])
    workspace.close()
    return path


@pytest.fixture
def workspace_file(sample_workspace_file, tmp_path) -> Path:
    """A private copy of the sample workspace (tests may import into it)."""
    target = tmp_path / "ws" / "samples.sqlite"
    target.parent.mkdir()
    shutil.copy(sample_workspace_file, target)
    return target


@pytest.fixture
def held_back_file() -> Path:
    """The sample export left out of the sample workspace."""
    sample_files()
    return ESI_SAMPLES / HELD_BACK


@pytest.fixture
def window(qtbot, english, workspace_file):
    """The main window on a copy of the sample workspace, after the ESI page computed."""
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.esi_page.runner.finished, timeout=20000):
        assert win.open_workspace_file(str(workspace_file))
    win.show()
    yield win
    win.close()
