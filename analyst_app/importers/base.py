"""Shared types of the import framework: file heads, problems, parsed files, importer specs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

#: Bytes of a file a detector may look at. Detectors must decide from this much.
HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileHead:
    """The bounded head of a file, as detectors see it.

    Attributes
    ----------
    path : Path
        The file.
    raw : bytes
        At most :data:`HEAD_BYTES` bytes from the start of the file.
    text : str
        ``raw`` decoded with ``encoding`` (a character cut at the end is dropped).
    encoding : str
        The encoding :func:`~analyst_app.importers.encoding.detect_encoding` chose, or
        ``"binary"`` when the head is not text.
    """

    path: Path
    raw: bytes
    text: str
    encoding: str

    @property
    def lines(self) -> list[str]:
        """The head's text split into lines (the last one may be cut)."""
        return self.text.splitlines()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a line when known."""

    line: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        """Return ``{"line": ..., "message": ...}`` for JSON and the database."""
        return {"line": self.line, "message": self.message}


@dataclass
class ParsedFile:
    """What an importer read from one file.

    Attributes
    ----------
    kind : str
        The kind of records, which picks the storage function (``esi_institutions``,
        ``publications``).
    records : iterable
        Domain records of that kind: a list, or for large files a generator that reads
        the file as it is consumed (streaming). A generator appends to ``problems`` and
        ``warnings``, counts ``rows_read`` and advances ``fraction`` as it goes, and raises
        :class:`~analyst_app.errors.InputError` when the file turns out not to be its format.
    rows_read : int
        Data rows or records the file holds (for a generator: read so far).
    encoding : str
        The text encoding used.
    details : dict
        Facts about the file as a whole (e.g. the ESI field of the list).
    problems : list of Problem
        Rows skipped and why.
    warnings : list of str
        Plain-words warnings about the file.
    fraction : float
        How much of the file has been read, 0..1 (for progress while streaming).
    row_chunks : iterator or None
        Set instead of ``records`` when a parse worker reads the file in another process
        (:mod:`~analyst_app.services.parse_worker`): lists of row bundles
        (:mod:`~analyst_app.db.row_bundles`), ready to store.
    sha256 : str or None
        The file's sha256 when the reader computed it (a parse worker does, once the
        file is parsed, for files no earlier import can equal; see ``import_file``).
    """

    kind: str
    records: Iterable[Any]
    rows_read: int
    encoding: str
    details: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fraction: float = 0.0
    row_chunks: Iterator[list[Any]] | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class ImporterSpec:
    """One entry of the importer registry.

    Attributes
    ----------
    id : str
        Stable identifier, stored in ``import_batch.format`` (``esi_institutions``).
    label : str
        Human-readable name of the format.
    version : str
        Importer version, stored with every batch it imports.
    detect : callable
        ``detect(head: FileHead) -> float`` in [0, 1]; must never raise.
    read : callable
        ``read(path: Path, encoding: str) -> ParsedFile``; raises
        :class:`~analyst_app.errors.InputError` when the file cannot be used.
    needs_release : bool
        Whether the user must say which ESI release the file belongs to.
    streams_publications : bool
        Whether ``read`` streams publication records that a parse worker may read in
        another process for a large file (:mod:`~analyst_app.services.parse_worker`);
        ``read`` must then be a module-level function (it is pickled by name).
    """

    id: str
    label: str
    version: str
    detect: Callable[[FileHead], float]
    read: Callable[[Path, str], ParsedFile]
    needs_release: bool = False
    streams_publications: bool = False


def file_sha256(path: Path) -> str:
    """Return the sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
