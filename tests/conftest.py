"""Shared fixtures: the real sample exports in ../shared/samples and throw-away workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
ESI_SAMPLES = SAMPLES / "esi"


def esi_sample_files() -> list[Path]:
    """The real ESI Institutions exports, or a skip when ../shared/samples is absent."""
    files = sorted(ESI_SAMPLES.glob("esi_institutions_*.csv"))
    if not files:
        pytest.skip(f"real sample exports not found in {ESI_SAMPLES} "
                    "(CI provides ../shared/samples beside the clone)")
    return files


@pytest.fixture
def esi_files() -> list[Path]:
    """Paths of the real ESI Institutions sample exports."""
    return esi_sample_files()


@pytest.fixture
def workspace(tmp_path):
    """A new empty workspace in a temporary folder."""
    from analyst_app.db.workspace import open_workspace
    ws = open_workspace(tmp_path / "ws.sqlite")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def sample_workspace_path(tmp_path_factory) -> Path:
    """A workspace with every real ESI sample imported as release 2025-11 (built once)."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    files = esi_sample_files()
    path = tmp_path_factory.mktemp("samples") / "samples.sqlite"
    ws = open_workspace(path)
    reports = import_files(ws, files, release="2025-11")
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    ws.set_institution("DALIAN UNIVERSITY OF TECHNOLOGY", ["DALIAN UNIV TECHNOL"])
    ws.close()
    return path
