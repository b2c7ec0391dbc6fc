"""Every report the program builds, behind one call: ``build_report(template_id, ...)``.

Each report (one folder under ``report_templates/`` with its manifest) has a builder with
one signature, so the Reports page and ``analyst-app report ...`` treat them alike::

    builder(workspace, output, *, xlsx, options, progress, cancel) -> ReportOutput

Builders are named here as ``"module:function"`` and imported when used: a report's
module pulls in only its own analyses.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError
from analyst_app.reports.output_files import ReportOutput
from analyst_app.tasks import CancelToken, Progress, no_progress

#: Template id → builder, as ``"module:function"``.
BUILDERS: dict[str, str] = {
    "esi_bulletin": "analyst_app.services.reports:build_esi_bulletin_report",
    "esi_push_notice": "analyst_app.services.report_push_notice:build_push_notice_report",
    "contribution": "analyst_app.services.report_contribution:build_contribution_report",
    "benchmark": "analyst_app.services.report_benchmark:build_benchmark_report",
    "panorama": "analyst_app.services.report_panorama:build_panorama_report",
}


@dataclass(frozen=True)
class ReportOptions:
    """What a report build is asked for, beyond the workspace and the output files.

    Attributes
    ----------
    institution : str or None
        The institution (as ESI or WoS names it); ``None``: the workspace setting.
    display_name : str or None
        The institution's name as printed (``大连理工大学``).
    release : str or None
        ESI release label; ``None``: the latest imported.
    extra : dict
        Report-specific options (a school mapping file, the counting method, a peer
        group, a corpus filter...), documented by each builder.
    """

    institution: str | None = None
    display_name: str | None = None
    release: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Builder = Callable[..., ReportOutput]


def report_builder(template_id: str) -> Builder:
    """Return the builder of report ``template_id``.

    Raises
    ------
    InputError
        When no builder is known for that id, or its module is not installed.
    """
    target = BUILDERS.get(template_id)
    if target is None:
        raise InputError(f"unknown report {template_id!r}; available: {', '.join(BUILDERS)}")
    module_name, function = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise InputError(f"report {template_id!r} is not available in this version") from exc
    return getattr(module, function)


def available_reports() -> list[str]:
    """Return the ids of the reports whose builders are present, in :data:`BUILDERS` order."""
    found = []
    for template_id, target in BUILDERS.items():
        if importlib.util.find_spec(target.split(":")[0]) is not None:
            found.append(template_id)
    return found


def build_report(template_id: str, workspace: Workspace, output: Path, *,
                 xlsx: Path | None = None, options: ReportOptions = ReportOptions(),
                 progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> ReportOutput:
    """Build report ``template_id`` as Word (and Excel when ``xlsx`` is given).

    Parameters
    ----------
    template_id : str
        A key of :data:`BUILDERS` (the template folder's name).
    workspace : Workspace
        The open workspace.
    output : Path
        The .docx file to write (replaced atomically).
    xlsx : Path, optional
        The Excel twin to write.
    options : ReportOptions
        Institution, release and report-specific options.
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    ReportOutput
    """
    builder = report_builder(template_id)
    return builder(workspace, Path(output), xlsx=xlsx, options=options, progress=progress,
                   cancel=cancel)
