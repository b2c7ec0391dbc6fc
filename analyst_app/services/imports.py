"""Import files into a workspace: detect, read, store, one transaction per file."""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from analyst_app.db.models import ImportBatch
from analyst_app.db.store_esi import (content_fingerprint, store_esi_institutions,
                                      store_esi_thresholds)
from analyst_app.db.store_esi_papers import STORERS as ESI_PAPER_STORERS
from analyst_app.db.store_publications import store_publications
from analyst_app.db.workspace import Workspace
from analyst_app.errors import Cancelled, InputError
from analyst_app.importers.base import ParsedFile, Problem, file_sha256
from analyst_app.importers.registry import detect_format
from analyst_app.services import parse_worker
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

_RELEASE_LABEL = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")

#: Storage function per record kind:
#: ``store(session, batch, parsed, release, check) -> (stored, merged)``.
_STORERS: dict[str, Callable[..., tuple[int, int]]] = {
    "esi_institutions": store_esi_institutions,
    "esi_thresholds": store_esi_thresholds,
    "publications": store_publications,
    **ESI_PAPER_STORERS,
}


@dataclass
class ImportReport:
    """What happened to one file. ``as_json()`` gives the CLI's public JSON object.

    Attributes
    ----------
    file : str
        The path as given.
    format : str or None
        Detected importer id, ``None`` when none claimed the file.
    status : str
        ``imported``, ``duplicate_file`` or ``rejected``; ``cancelled`` for the files left
        when the user cancelled (GUI only: the CLI has no cancel).
    read, stored, merged, skipped : int
        Rows read from the file, stored, merged into existing records, skipped.
    problems : list of Problem
        Why rows were skipped or why the file was rejected, with line numbers.
    warnings : list of str
        Plain-words remarks on the file.
    message : str
        One line for the user.
    batch_id : int or None
        The import batch (the earlier one for ``duplicate_file``).
    details : dict
        Importer facts, e.g. the ESI field and release.
    """

    file: str
    format: str | None
    status: str
    read: int = 0
    stored: int = 0
    merged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    message: str = ""
    batch_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Return the object printed by ``analyst-app import --json`` (a public contract)."""
        data = asdict(self)
        data["problems"] = [p.as_dict() for p in self.problems]
        return data


def validate_release_label(label: str) -> str:
    """Return ``label`` stripped, or raise :class:`InputError` unless it reads ``YYYY-MM``."""
    label = label.strip()
    if not _RELEASE_LABEL.match(label):
        raise InputError(f"release label {label!r} should look like 2025-11 (year-month)")
    return label


def import_files(workspace: Workspace, paths: Sequence[str | Path], *, release: str | None = None,
                 progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> list[ImportReport]:
    """Import several files, each in its own transaction.

    A rejected file does not stop the others. Cancel rolls back the file in progress and
    stops: files finished before stay imported (each had its own transaction), that file
    and the ones after it are reported with status ``cancelled``.

    Parameters
    ----------
    workspace : Workspace
        Target workspace.
    paths : sequence of path
        Files to import, in order.
    release : str, optional
        ESI release label (``2025-11``) for ESI lists.
    progress : callable
        ``progress(fraction, message)``.
    cancel : CancelToken, optional
        Checked between chunks.

    Returns
    -------
    list of ImportReport
        One per file, in order.
    """
    cancel = cancel or CancelToken()
    reports: list[ImportReport] = []
    ahead = parse_worker.ReadAhead([Path(p) for p in paths],
                                   lambda size: _batch_with_size(workspace, size))
    try:
        for i, path in enumerate(paths):
            step = scaled(progress, i / len(paths), (i + 1) / len(paths))
            try:
                cancel.raise_if_cancelled()
                reports.append(import_file(workspace, path, release=release, progress=step,
                                           cancel=cancel, parsed=ahead.take(i)))
            except Cancelled:
                # The file in progress was rolled back; the files before it stay imported
                # and are reported as such, the rest are reported as not imported.
                reports.extend(ImportReport(str(p), None, "cancelled",
                                            message=f"{p}: cancelled; nothing stored from "
                                                    "this file")
                               for p in paths[i:])
                break
    finally:
        ahead.close()
    progress(1.0, "done")
    return reports


def import_file(workspace: Workspace, path: str | Path, *, release: str | None = None,
                progress: Progress = no_progress, cancel: CancelToken | None = None,
                parsed: ParsedFile | None = None) -> ImportReport:
    """Import one file in one transaction; see :func:`import_files`.

    ``parsed`` is the file as a parse worker already reads it
    (:class:`~analyst_app.services.parse_worker.ReadAhead`); it is stopped when the file
    turns out to repeat an earlier import or is rejected.
    """
    try:
        return _import_file(workspace, path, release, progress, cancel or CancelToken(), parsed)
    finally:
        if parsed is not None and parsed.row_chunks is not None:
            parsed.row_chunks.close()  # type: ignore[attr-defined]


def _import_file(workspace: Workspace, path: str | Path, release: str | None,
                 progress: Progress, cancel: CancelToken,
                 ahead: ParsedFile | None) -> ImportReport:
    path = Path(path)
    shown = str(path)
    fmt: str | None = None
    progress(0.0, f"reading {path.name}")
    try:
        if not path.is_file():
            raise InputError("no such file", file=shown)
        # Only a file of the size of an earlier import can repeat it: hash those first. A
        # large export of a new size is hashed by its parse worker once parsed (off the
        # storing process's path); any other file right away.
        sha = None
        if _batch_with_size(workspace, path.stat().st_size):
            sha = file_sha256(path)
            earlier = _batch_with_sha(workspace, sha)
            if earlier is not None:
                return ImportReport(shown, earlier.format, "duplicate_file", batch_id=earlier.id,
                                    details=dict(earlier.details),
                                    message=f"{shown}: already imported as #{earlier.id} "
                                            f"({earlier.file_name}); nothing stored")
        detection = detect_format(path)
        if detection.spec is None:
            raise InputError(detection.reason, file=shown)
        spec = detection.spec
        fmt = spec.id
        if spec.needs_release and not release:
            raise InputError(f"an {spec.label} belongs to an ESI release: give the release "
                             "label, e.g. --release 2025-11", file=shown)
        label = validate_release_label(release) if spec.needs_release else None
        parsed = ahead
        if parsed is None and parse_worker.wanted(spec, path):
            parsed = parse_worker.read_in_worker(spec, path, detection.head.encoding,
                                                 hash_file=sha is None)
        if parsed is None:
            sha = sha or file_sha256(path)
            parsed = spec.read(path, detection.head.encoding)
        cancel.raise_if_cancelled()
        progress(0.3, f"storing {path.name}")
        return _store(workspace, path, sha, spec, parsed, label, progress, cancel)
    except InputError as exc:
        problem = Problem(exc.line, exc.message)
        return ImportReport(shown, fmt, "rejected", problems=[problem],
                            message=exc.describe() if exc.file else f"{shown}: {exc.describe()}")
    except OSError as exc:
        return ImportReport(shown, None, "rejected", problems=[Problem(None, exc.strerror or str(exc))],
                            message=f"{shown}: cannot read the file: {exc.strerror or exc}")


def _batch_with_size(workspace: Workspace, size: int) -> bool:
    with workspace.session() as session:
        return session.scalars(select(ImportBatch.id).where(ImportBatch.size_bytes == size)
                               .limit(1)).first() is not None


def _batch_with_sha(workspace: Workspace, sha: str) -> ImportBatch | None:
    with workspace.session() as session:
        return session.scalars(select(ImportBatch).where(ImportBatch.sha256 == sha)).one_or_none()


def _store(workspace: Workspace, path: Path, sha: str | None, spec: Any, parsed: ParsedFile,
           release: str | None, progress: Progress, cancel: CancelToken) -> ImportReport:
    def check(fraction: float) -> None:
        cancel.raise_if_cancelled()
        progress(0.3 + 0.7 * fraction, f"storing {path.name}")

    details = dict(parsed.details)
    if release is not None:
        details["release"] = release
    if parsed.kind == "esi_institutions":
        details["content_sha256"] = content_fingerprint(parsed)
    with workspace.session() as session:  # one transaction: all of the file or nothing
        # The worker's hash arrives with its last message: a unique stand-in until then.
        batch = _new_batch(path, sha or f"pending-{uuid.uuid4().hex}", spec, parsed, release,
                           details)
        session.add(batch)
        session.flush()
        stored, merged = _STORERS[parsed.kind](session, batch, parsed, release, check)
        # A streaming importer knows its counts, problems and warnings only once consumed.
        details.update(parsed.details)
        batch.rows_read, batch.rows_stored, batch.rows_merged = parsed.rows_read, stored, merged
        batch.rows_skipped = len(parsed.problems)
        batch.problems = [p.as_dict() for p in parsed.problems]
        batch.warnings = list(parsed.warnings)
        batch.details = details
        batch.sha256 = sha or parsed.sha256 or file_sha256(path)
        batch_id = batch.id
    progress(1.0, f"imported {path.name}")
    what = f" ({details['field']}, release {release})" if "field" in details else ""
    merged_text = f", merged {merged} into existing records" if merged else ""
    skipped_text = f", skipped {len(parsed.problems)}" if parsed.problems else ""
    return ImportReport(str(path), spec.id, "imported", read=parsed.rows_read, stored=stored,
                        merged=merged, skipped=len(parsed.problems),
                        problems=list(parsed.problems), warnings=list(parsed.warnings),
                        batch_id=batch_id, details=details,
                        message=f"{path}: imported {stored} new{merged_text}{skipped_text} "
                                f"of {parsed.rows_read} read{what}")


def _new_batch(path: Path, sha: str, spec: Any, parsed: ParsedFile, release: str | None,
               details: dict[str, Any]) -> ImportBatch:
    return ImportBatch(
        file_name=path.name, file_path=str(path.resolve()), sha256=sha,
        size_bytes=path.stat().st_size, format=spec.id, importer_version=spec.version,
        encoding=parsed.encoding, release_label=release, rows_read=parsed.rows_read,
        rows_stored=0, rows_merged=0, rows_skipped=len(parsed.problems),
        problems=[p.as_dict() for p in parsed.problems], warnings=list(parsed.warnings),
        details=details)


def remove_import(workspace: Workspace, batch_id: int) -> str:
    """Delete an import batch and everything it stored; return its file name.

    Raises
    ------
    InputError
        When there is no such import.
    """
    with workspace.session() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise InputError(f"there is no import #{batch_id}")
        name = batch.file_name
        session.delete(batch)
        _drop_empty_releases(session)
    return name


def _drop_empty_releases(session: Session) -> None:
    from analyst_app.db.models import EsiInstitutionList, EsiRelease, EsiThreshold
    session.flush()
    used = set(session.scalars(select(EsiInstitutionList.release_id)))
    used |= set(session.scalars(select(EsiThreshold.release_id)))
    for release in session.scalars(select(EsiRelease)):
        if release.id not in used:
            session.delete(release)


__all__ = ["ImportReport", "import_files", "import_file", "remove_import",
           "validate_release_label", "file_sha256", "Cancelled"]
