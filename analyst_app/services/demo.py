"""Build the demo workspace from the project's own generated ESI exports, and its reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analyst_app.db.workspace import open_workspace
from analyst_app.demo_data import DEMO_INSTITUTION, write_demo_esi_exports
from analyst_app.errors import InputError
from analyst_app.services.imports import ImportReport, import_file
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

#: Chinese name printed in the demo reports.
DEMO_INSTITUTION_ZH = "大连理工大学"
DEMO_ALIASES = ("DALIAN UNIV TECHNOL",)


@dataclass
class DemoResult:
    """What :func:`build_demo` made.

    Attributes
    ----------
    workspace : Path
        The demo workspace (``<output>/demo.sqlite``).
    reports : list of Path
        The Word and Excel reports written into ``output``.
    imports : list of ImportReport
        One report per generated export file.
    """

    workspace: Path
    reports: list[Path] = field(default_factory=list)
    imports: list[ImportReport] = field(default_factory=list)


def build_demo(output_dir: str | Path, *, progress: Progress = no_progress,
               cancel: CancelToken | None = None) -> DemoResult:
    """Generate the demo exports, import them through the normal importers, build the reports.

    The demo workspace is made anew on every run (any earlier ``demo.sqlite`` in
    ``output_dir`` is replaced), so the demo is reproducible.

    Parameters
    ----------
    output_dir : path
        Folder for ``demo.sqlite``, ``demo_exports/`` and the reports.

    Returns
    -------
    DemoResult
    """
    from analyst_app.services.reports import build_esi_bulletin

    cancel = cancel or CancelToken()
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    progress(0.0, "generating demo exports")
    exports = write_demo_esi_exports(output / "demo_exports")
    ws_path = output / "demo.sqlite"
    for stale in (ws_path, ws_path.with_name(ws_path.name + "-wal"),
                  ws_path.with_name(ws_path.name + "-shm")):
        stale.unlink(missing_ok=True)
    workspace = open_workspace(ws_path)
    result = DemoResult(workspace=ws_path)
    try:
        workspace.set_institution(DEMO_INSTITUTION, DEMO_ALIASES)
        step = scaled(progress, 0.05, 0.6)
        for i, (path, release) in enumerate(exports):
            cancel.raise_if_cancelled()
            report = import_file(workspace, path, release=release)
            if report.status != "imported":
                raise InputError(f"demo export was not imported: {report.message}")
            result.imports.append(report)
            step((i + 1) / len(exports), f"imported {path.name} ({release})")
        bulletin = build_esi_bulletin(
            workspace, DEMO_INSTITUTION, output / "ESI学科动态监测通报.docx",
            xlsx=output / "ESI学科动态监测通报.xlsx", display_name=DEMO_INSTITUTION_ZH,
            progress=scaled(progress, 0.6, 1.0), cancel=cancel)
        result.reports = [p for p in (bulletin.docx, bulletin.xlsx) if p is not None]
    finally:
        workspace.close()
    progress(1.0, "demo ready")
    return result
