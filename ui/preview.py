"""Open one page on its own for development (``python -m ui.pages.esi_page [WORKSPACE]``)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Callable

from analyst_app.db.workspace import open_workspace
from ui.app import initial_workspace, make_application
from ui.pages.base import PageBase
from ui.widgets.progress_bar import TaskProgressWidget

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "esi"
#: Publication exports of the Records and Merge log previews.
PUBLICATION_SAMPLES = [SAMPLES.parent / "scopus_csv", SAMPLES.parent / "cnki"]


def sample_workspace() -> str:
    """Build a throw-away workspace: the demo if available, else the shared ESI samples."""
    folder = Path(tempfile.mkdtemp(prefix="analyst-preview-"))
    try:
        from analyst_app.services.demo import build_demo
        return str(build_demo(folder, reports=()).workspace)  # the workspace only: fast
    except Exception as exc:  # noqa: BLE001 - fall back to the sample exports
        print(f"preview: demo unavailable ({exc}); using {SAMPLES}", file=sys.stderr)
    from analyst_app.services.imports import import_files
    path = folder / "samples.sqlite"
    workspace = open_workspace(path)
    import_files(workspace, sorted(SAMPLES.glob("*.csv")), release="2025-11")
    workspace.set_institution("DALIAN UNIVERSITY OF TECHNOLOGY", ["DALIAN UNIV TECHNOL"])
    workspace.close()
    return str(path)


def sample_publications_workspace() -> str:
    """Build a throw-away workspace of the shared Scopus and CNKI sample exports."""
    from analyst_app.services.imports import import_files
    path = Path(tempfile.mkdtemp(prefix="analyst-preview-")) / "publications.sqlite"
    workspace = open_workspace(path)
    import_files(workspace, sorted(f for folder in PUBLICATION_SAMPLES if folder.is_dir()
                                   for f in folder.iterdir() if f.is_file()))
    workspace.close()
    return str(path)


def preview_page(factory: Callable[[], PageBase], argv: list[str] | None = None,
                 make_workspace: Callable[[], str] = sample_workspace) -> int:
    """Show the page ``factory()`` makes on the workspace in ``argv[1]``.

    Without one, the workspace ``make_workspace()`` builds is shown (the ESI samples by
    default; :func:`sample_publications_workspace` for the publication pages).
    """
    argv = list(sys.argv if argv is None else argv)
    app = make_application(argv)
    location = initial_workspace(argv[1] if len(argv) > 1 else None) or make_workspace()
    workspace = open_workspace(location)
    page = factory()
    progress = TaskProgressWidget()
    progress.attach(page.runner)
    page.body.addWidget(progress)
    page.setWindowTitle(f"{page.page_title()} — {location}")
    page.resize(1200, 760)
    page.set_workspace(workspace)
    page.show()
    code = app.exec()
    page.shutdown()
    workspace.close()
    return code


__all__ = ["preview_page", "sample_workspace", "sample_publications_workspace"]
