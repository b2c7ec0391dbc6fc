"""Parse publication exports in child processes while this one stores them.

The store must run in the process that owns the workspace transaction, so the parse
moves: a worker process runs the importer's own reader (every layout rule, line number
and problem report unchanged) and sends the records as row bundles
(:mod:`~analyst_app.db.row_bundles`) through a pipe, a chunk at a time. A sending thread
lets it parse up to :data:`AHEAD_MESSAGES` chunks ahead of the store, so memory stays
bounded whatever the file size. One large file gets one worker (:func:`read_in_worker`);
several files imported together are parsed by workers a file or more ahead of the one
being stored (:class:`ReadAhead`), which is how librarians import (WoS gives 500 or 1,000
records per file).

Workers start with the platform's cheapest safe method (``fork`` on Linux, where the child
runs only its own threads; ``spawn`` elsewhere) and are daemons: a worker stops when its
import is cancelled or fails (closing its stream terminates it) and when this process
dies (its pipe breaks). Small files, and any file when no process can be started, are
parsed in-process.
"""

from __future__ import annotations

import gc
import marshal
import multiprocessing
import os
import queue
import sys
import threading
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable, Iterator

from analyst_app.errors import InputError
from analyst_app.importers.base import ImporterSpec, ParsedFile, Problem, file_sha256

#: A file imported alone is parsed in-process below this size: a worker costs more.
MIN_BYTES = 8 << 20
#: Of several files imported together, those from this size are parsed ahead by workers.
MIN_AHEAD_BYTES = 256 << 10
#: Records per message (the store deduplicates a message at a time), and of the first one.
CHUNK = 1000
FIRST_CHUNK = 100
#: Messages a worker may have parsed before the storing process takes them: it parses
#: ahead (the next file, while this one is stored) with at most this many chunks in hand.
AHEAD_MESSAGES = 8
#: ``ANALYST_APP_PARSE_WORKER=off`` parses in-process whatever the size (for debugging).
ENV_SWITCH = "ANALYST_APP_PARSE_WORKER"
#: multiprocessing start method; ``None``: ``fork`` on Linux, ``spawn`` elsewhere.
START_METHOD: str | None = None


def wanted(spec: ImporterSpec, path: Path, min_bytes: int | None = None) -> bool:
    """Whether ``path`` should be parsed by a worker (a large publication export).

    ``min_bytes`` defaults to :data:`MIN_BYTES` (one file imported on its own).
    """
    if not spec.streams_publications or os.environ.get(ENV_SWITCH, "").lower() == "off":
        return False
    try:
        return path.stat().st_size >= (MIN_BYTES if min_bytes is None else min_bytes)
    except OSError:
        return False


def read_in_worker(spec: ImporterSpec, path: Path, encoding: str, *,
                   hash_file: bool = False) -> ParsedFile | None:
    """Start parsing ``path`` with ``spec.read`` in a worker process.

    Parameters
    ----------
    spec : ImporterSpec
        A publication importer (``streams_publications``).
    path : Path
        The export.
    encoding : str
        Its text encoding, as detected.
    hash_file : bool
        Also compute the file's sha256 once it is parsed (``ParsedFile.sha256``).

    Returns
    -------
    ParsedFile or None
        ``None`` when no process could be started. Else ``kind="publications"`` with
        ``row_chunks`` set: a generator of bundle lists that
        advances ``fraction`` and ``rows_read`` as chunks arrive and fills ``problems``,
        ``warnings`` and ``details`` once the worker is done. It raises the worker's
        :class:`~analyst_app.errors.InputError` (file, line, message) unchanged.
    """
    context = multiprocessing.get_context(START_METHOD or (
        "fork" if sys.platform.startswith("linux") else "spawn"))
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_work,
                              args=(sender, receiver, spec.read, path, encoding, hash_file),
                              name=f"parse {path.name}", daemon=True)
    try:
        process.start()
    except OSError:  # no process can be started (limits): the caller reads in-process
        receiver.close()
        sender.close()
        return None
    sender.close()  # the child holds its own end: EOF here when it exits
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.row_chunks = _Stream(receiver, process, parsed)
    return parsed


class _Stream:
    """The chunks a worker sends, as an iterable whose ``close`` always stops the worker."""

    def __init__(self, receiver: Connection, process: Any, parsed: ParsedFile) -> None:
        self.receiver, self.process, self.parsed = receiver, process, parsed

    def __iter__(self) -> Iterator[list[Any]]:
        try:
            yield from self._chunks()
        finally:
            self.close()

    def _chunks(self) -> Iterator[list[Any]]:
        parsed = self.parsed
        while True:
            try:
                message = marshal.loads(self.receiver.recv_bytes())
            except EOFError:
                raise RuntimeError(f"the parser process for this file stopped unexpectedly "
                                   f"(exit code {self.process.exitcode})") from None
            kind = message[0]
            if kind == "rows":
                _, chunk, parsed.fraction, parsed.rows_read = message
                yield chunk
            elif kind == "end":
                (_, parsed.rows_read, problems, parsed.warnings, parsed.details,
                 parsed.sha256) = message
                parsed.problems = [Problem(line, text) for line, text in problems]
                parsed.fraction = 1.0
                return
            elif kind == "input_error":
                _, text, file, line = message
                raise InputError(text, file=file, line=line)
            else:
                raise RuntimeError(f"the parser process failed:\n{message[1]}")

    def close(self) -> None:
        """Stop the worker (if it still runs) and release the pipe; safe to call again."""
        if not self.receiver.closed:
            self.receiver.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _work(sender: Connection, receiver: Connection, read: Callable[[Path, str], ParsedFile],
          path: Path, encoding: str, hash_file: bool) -> None:
    """The worker: read ``path`` and send bundles, then the file's report (or its error)."""
    # A forked child holds a copy of the reading end too: closed, so that the pipe breaks
    # (and this process ends) when the importing process dies.
    receiver.close()
    # The objects inherited from a forked parent are never collected here: the collector
    # then never walks (and so never copies) the parent's memory pages.
    gc.freeze()
    # Imported here: a spawned worker needs only the importer and the row functions.
    from analyst_app.db.row_bundles import record_bundle

    outbox: queue.Queue[bytes | None] = queue.Queue(maxsize=AHEAD_MESSAGES)
    pump = threading.Thread(target=_pump, args=(outbox, sender), name="send", daemon=True)
    pump.start()

    def send(message: tuple) -> None:
        # marshal, not pickle: messages hold only tuples, lists, dicts, strings and
        # numbers, which it writes twice as fast; both ends run the same Python.
        outbox.put(marshal.dumps(message))

    try:
        # hashlib lets go of the GIL on large buffers: the hash runs beside the parse,
        # on whichever core the storing process leaves idle.
        digest = _Hasher(path) if hash_file else None
        parsed = read(path, encoding)
        chunk: list[Any] = []
        # The first chunks are small: the storing process starts sooner.
        size = FIRST_CHUNK
        for record in parsed.records:
            chunk.append(record_bundle(record, keep_record=False))
            if len(chunk) >= size:
                send(("rows", chunk, parsed.fraction, parsed.rows_read))
                chunk, size = [], min(2 * size, CHUNK)
        if chunk:
            send(("rows", chunk, parsed.fraction, parsed.rows_read))
        send(("end", parsed.rows_read, [(p.line, p.message) for p in parsed.problems],
              list(parsed.warnings), dict(parsed.details),
              digest.result() if digest is not None else None))
    except InputError as error:
        send(("input_error", error.message, error.file, error.line))
    except BaseException:  # reported to the importing process, which raises it there
        send(("failed", traceback.format_exc()))
    finally:
        outbox.put(None)
        pump.join()
        sender.close()


def _pump(outbox: queue.Queue[bytes | None], sender: Connection) -> None:
    """Send the worker's messages in order; end the worker when nobody listens any more."""
    try:
        while (data := outbox.get()) is not None:
            sender.send_bytes(data)
    except OSError:  # BrokenPipeError: the import was cancelled or its process died
        os._exit(0)


class _Hasher(threading.Thread):
    """The sha256 of a file, computed on a thread of its own."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="sha256", daemon=True)
        self.path = path
        self.digest: str | None = None
        self.error: OSError | None = None
        self.start()

    def run(self) -> None:
        try:
            self.digest = file_sha256(self.path)
        except OSError as error:
            self.error = error

    def result(self) -> str:
        """Wait for the hash; raise the ``OSError`` that stopped it, if any."""
        self.join()
        if self.error is not None:
            raise self.error
        assert self.digest is not None
        return self.digest


class ReadAhead:
    """Parse the next publication exports of an import in workers while one is stored.

    A librarian imports WoS exports in batches of 500 or 1,000 records, dozens at a time:
    while the importing process stores file *i*, workers already parse files *i + 1* ...
    Files that could repeat an earlier import (one of the same size is in the workspace or
    earlier in the list; the import then hashes it first) and files no worker should read
    (see :func:`wanted`) are left to the importing process.

    Parameters
    ----------
    paths : sequence of Path
        The files of the import, in order.
    may_repeat : callable
        ``may_repeat(size)``: whether the workspace holds an import of that many bytes.
    workers : int, optional
        Files parsed at once (default: the number of processors, at least 2).
    """

    def __init__(self, paths: list[Path], may_repeat: Callable[[int], bool],
                 workers: int | None = None) -> None:
        self.paths = paths
        self.may_repeat = may_repeat
        self.workers = workers or max(2, os.cpu_count() or 1)
        self.started: dict[int, tuple[ImporterSpec, ParsedFile]] = {}
        self.declined: set[int] = set()

    def take(self, index: int) -> ParsedFile | None:
        """Return file ``index`` as a worker reads it (``None``: read it in-process)."""
        for ahead in range(index, min(index + self.workers, len(self.paths))):
            if ahead not in self.started and ahead not in self.declined:
                self._start(ahead, multi=len(self.paths) > 1)
        started = self.started.pop(index, None)
        return started[1] if started else None

    def close(self) -> None:
        """Stop every worker not taken yet (cancel, error, end of the import)."""
        for _, parsed in self.started.values():
            parsed.row_chunks.close()  # type: ignore[union-attr]
        self.started.clear()

    def _start(self, index: int, *, multi: bool) -> None:
        from analyst_app.importers.registry import detect_format
        path = self.paths[index]
        min_bytes = MIN_AHEAD_BYTES if multi else MIN_BYTES
        try:
            size = path.stat().st_size
            detection = detect_format(path) if self._eligible(index, size, min_bytes) else None
            if detection is None or detection.spec is None or not wanted(
                    detection.spec, path, min_bytes):
                self.declined.add(index)
                return
            parsed = read_in_worker(detection.spec, path, detection.head.encoding,
                                    hash_file=True)
            if parsed is None:
                self.declined.add(index)
                return
            self.started[index] = (detection.spec, parsed)
        except OSError:
            self.declined.add(index)  # the import reports it when it gets there

    def _eligible(self, index: int, size: int, min_bytes: int) -> bool:
        if size < min_bytes or self.may_repeat(size):
            return False
        return all(p.stat().st_size != size for p in self.paths[:index] if p.is_file())
