"""Parse a large publication export in a child process while this one stores it.

Parsing (Python string work) and storing (SQLite) each take about half of an import.
The store must run in the process that owns the workspace transaction, so the parse
moves: a worker process runs the importer's own reader (every layout rule, line number
and problem report unchanged) and sends the records as row bundles
(:mod:`~analyst_app.db.row_bundles`), a chunk at a time, through a pipe. The pipe holds
about one chunk, so the worker parses the next chunk while this process stores the last
one, and memory stays bounded whatever the file size.

The worker is started with the platform's cheapest safe method (``fork`` on Linux, where
the child runs no thread but its own; ``spawn`` elsewhere) and is a daemon: it stops
when the import is cancelled or fails (the chunks generator terminates it) and when this
process dies (its pipe breaks). Small files, and platforms where a process cannot be
started, are parsed in-process as before.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
import threading
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable, Iterator

from analyst_app.errors import InputError
from analyst_app.importers.base import ImporterSpec, ParsedFile, Problem, file_sha256

#: Files smaller than this are parsed in-process: starting a worker costs more.
MIN_BYTES = 8 << 20
#: Records per message (the store deduplicates a message at a time), and of the first one.
CHUNK = 1000
FIRST_CHUNK = 100
#: ``ANALYST_APP_PARSE_WORKER=off`` parses in-process whatever the size (for debugging).
ENV_SWITCH = "ANALYST_APP_PARSE_WORKER"
#: multiprocessing start method; ``None``: ``fork`` on Linux, ``spawn`` elsewhere.
START_METHOD: str | None = None



def wanted(spec: ImporterSpec, path: Path) -> bool:
    """Whether ``path`` should be parsed by a worker (a large publication export)."""
    if not spec.streams_publications or os.environ.get(ENV_SWITCH, "").lower() == "off":
        return False
    try:
        return path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def read_in_worker(spec: ImporterSpec, path: Path, encoding: str, *,
                   hash_file: bool = False) -> ParsedFile:
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
    ParsedFile
        ``kind="publications"`` with ``row_chunks`` set: a generator of bundle lists that
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
    process.start()
    sender.close()  # the child holds its own end: EOF here when it exits
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.row_chunks = _receive(receiver, process, parsed)
    return parsed


def _receive(receiver: Connection, process: Any, parsed: ParsedFile) -> Iterator[list[Any]]:
    try:
        while True:
            try:
                message = marshal.loads(receiver.recv_bytes())
            except EOFError:
                raise RuntimeError(f"the parser process for this file stopped unexpectedly "
                                   f"(exit code {process.exitcode})") from None
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
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join()


def _work(sender: Connection, receiver: Connection, read: Callable[[Path, str], ParsedFile],
          path: Path, encoding: str, hash_file: bool) -> None:
    """The worker: read ``path`` and send bundles, then the file's report (or its error)."""
    # A forked child holds a copy of the reading end too: closed, so that the pipe breaks
    # (and this process ends) when the importing process dies.
    receiver.close()
    # Imported here: a spawned worker needs only the importer and the row functions.
    from analyst_app.db.row_bundles import record_bundle

    def send(message: tuple) -> None:
        # marshal, not pickle: messages hold only tuples, lists, dicts, strings and
        # numbers, which it writes twice as fast; both ends run the same Python.
        sender.send_bytes(marshal.dumps(message))

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
    except BrokenPipeError:
        pass  # the importing process stopped listening (cancel): nothing to report
    except BaseException:  # reported to the importing process, which raises it there
        send(("failed", traceback.format_exc()))
    finally:
        sender.close()


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
