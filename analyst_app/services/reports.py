"""Build reports: run the analyses a report needs, render Word and Excel files atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError
from analyst_app.reports.esi_bulletin import build_esi_bulletin_context, render_esi_bulletin
from analyst_app.reports.excel import write_esi_workbook
from analyst_app.reports.figures import figure_esi_threshold_ratios
from analyst_app.reports.templates import template_path
from analyst_app.services.esi import EsiStatusReport, esi_status
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

ESI_BULLETIN = "esi_bulletin"


@dataclass
class ReportOutput:
    """Files a report build wrote.

    Attributes
    ----------
    docx : Path or None
        The Word report.
    xlsx : Path or None
        The Excel workbook, when asked for.
    figures : list of Path
        The chart PNGs (300 dpi) written beside the report, for slides and reuse.
    context : dict
        The rendering context (numbers as shown), for tests and traceability.
    """

    docx: Path | None
    xlsx: Path | None
    figures: list[Path]
    context: dict


def build_esi_bulletin(workspace: Workspace, institution: str | None, output: Path, *,
                       xlsx: Path | None = None, release: str | None = None,
                       display_name: str | None = None, allow_unlisted: bool = False,
                       progress: Progress = no_progress,
                       cancel: CancelToken | None = None) -> ReportOutput:
    """Build the ESI bulletin (ESI 学科动态监测通报) as Word, and optionally Excel.

    Nothing is written until every file has been rendered; each file is written to a
    temporary file in its folder and then renamed, so a cancelled or failed build never
    leaves a half-written report.

    Parameters
    ----------
    workspace : Workspace
        The workspace with imported ESI lists.
    institution : str or None
        Name as ESI prints it; ``None`` uses the workspace institution.
    output : Path
        The .docx file to write (replaced if it exists). Figure 1 is written beside it
        as ``<stem>_fig1.png``.
    xlsx : Path, optional
        Also write the ESI workbook there.
    release : str, optional
        ESI release label; defaults to the latest imported.
    display_name : str, optional
        The institution's name as printed (e.g. ``大连理工大学``); defaults to the ESI name.
    allow_unlisted : bool
        Build the bulletin even when no imported list names the institution.
    progress : callable
        ``progress(fraction, message)``.
    cancel : CancelToken, optional
        Checked between steps.

    Returns
    -------
    ReportOutput

    Raises
    ------
    InputError
        No ESI data, unknown release or institution, or an output folder that cannot be
        written.
    Cancelled
        When ``cancel`` was triggered; no output file is left behind.
    """
    output = _check_output(output, ".docx")
    xlsx = _check_output(xlsx, ".xlsx") if xlsx is not None else None
    report = esi_status(workspace, institution, release=release, allow_unlisted=allow_unlisted,
                        progress=scaled(progress, 0.0, 0.3), cancel=cancel)
    _check(cancel)
    generated_at = datetime.now()
    context = build_esi_bulletin_context(report.result, report.sources,
                                         display_name=display_name, generated_at=generated_at)
    figure = output.with_name(f"{output.stem}_fig1.png")
    with _staging(output.parent) as staging:
        progress(0.4, "绘制图表")
        staged_figure = figure_esi_threshold_ratios(report.result.table, staging / figure.name)
        _check(cancel)
        progress(0.6, "生成 Word 通报")
        staged_docx = render_esi_bulletin(context, template_path(ESI_BULLETIN), staged_figure,
                                          staging / "bulletin.docx")
        _check(cancel)
        staged_xlsx = None
        if xlsx is not None:
            progress(0.85, "生成 Excel 工作簿")
            staged_xlsx = write_esi_workbook(report.result, report.sources,
                                             staging / "workbook.xlsx",
                                             display_name=display_name, generated_at=generated_at)
            _check(cancel)
        # Past the last cancel check: the renames below are quick and all-or-nothing per file.
        _publish(staged_figure, figure)
        _publish(staged_docx, output)
        if staged_xlsx is not None and xlsx is not None:
            _publish(staged_xlsx, xlsx)
    progress(1.0, "完成")
    return ReportOutput(docx=output, xlsx=xlsx, figures=[figure],
                        context=dict(context, figure_1=figure.name))


def export_esi_workbook(report: EsiStatusReport, path: Path, *,
                        display_name: str | None = None) -> Path:
    """Write the ESI status workbook of ``report`` to ``path`` atomically.

    Parameters
    ----------
    report : EsiStatusReport
        From :func:`analyst_app.services.esi.esi_status`.
    path : Path
        The .xlsx file (replaced if it exists).
    display_name : str, optional
        The institution's printed name.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    InputError
        When the folder cannot be written or the name does not end in .xlsx.
    """
    path = _check_output(path, ".xlsx")
    with _staging(path.parent) as staging:
        staged = write_esi_workbook(report.result, report.sources, staging / "workbook.xlsx",
                                    display_name=display_name)
        _publish(staged, path)
    return path


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def _check_output(path: Path, suffix: str) -> Path:
    path = Path(path)
    if path.suffix.lower() != suffix:
        raise InputError(f"output file must end in {suffix}: {path.name}", file=str(path))
    folder = path.parent.resolve()
    if not folder.is_dir():
        raise InputError("output folder does not exist", file=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("output folder is not writable", file=str(folder))
    if path.is_dir():
        raise InputError("output path is a folder", file=str(path))
    return folder / path.name


@contextmanager
def _staging(folder: Path) -> Iterator[Path]:
    """Yield a hidden temporary folder beside the outputs, removed afterwards.

    Staging in the target folder keeps :func:`os.replace` a same-filesystem rename.
    """
    try:
        staging = Path(tempfile.mkdtemp(prefix=".analyst-report-", dir=folder))
    except OSError as exc:
        raise InputError(f"cannot write in the output folder: {exc}", file=str(folder)) from exc
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _publish(staged: Path, target: Path) -> None:
    try:
        os.replace(staged, target)
    except OSError as exc:
        # Typically the file is open in Word (Windows locks it).
        raise InputError(f"cannot replace the output file (is it open in another program?): "
                         f"{exc}", file=str(target)) from exc
