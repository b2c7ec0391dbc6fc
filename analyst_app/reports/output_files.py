"""Write report files all-or-nothing: check the target, render into a staging folder, rename.

Every report build renders its Word, Excel and figure files into a hidden folder beside
the targets and renames them into place only when all of them rendered, so a cancelled
or failed build never leaves a half-written report (or replaces a good one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from analyst_app.errors import InputError
from analyst_app.tasks import CancelToken


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
    figures: list[Path] = field(default_factory=list)
    context: dict = field(default_factory=dict)


def check_output(path: Path | str, suffix: str) -> Path:
    """Return ``path`` made absolute after checking it can be written as a ``suffix`` file.

    Raises
    ------
    InputError
        Wrong suffix, missing or read-only folder, or a folder at ``path``.
    """
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
def staging_folder(folder: Path) -> Iterator[Path]:
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


def publish(staged: Path, target: Path) -> None:
    """Move a rendered file into place (atomic rename within one folder)."""
    try:
        os.replace(staged, target)
    except OSError as exc:
        # Typically the file is open in Word (Windows locks it).
        raise InputError(f"cannot replace the output file (is it open in another program?): "
                         f"{exc}", file=str(target)) from exc


def check_cancel(cancel: CancelToken | None) -> None:
    """Raise :class:`~analyst_app.errors.Cancelled` when ``cancel`` was triggered."""
    if cancel is not None:
        cancel.raise_if_cancelled()
