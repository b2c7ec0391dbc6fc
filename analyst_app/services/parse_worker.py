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

import multiprocessing
import os
import pickle
import sys
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable, Iterator

from analyst_app.errors import InputError
from analyst_app.importers.base import ImporterSpec, ParsedFile, Problem, file_sha256

#: Files smaller than this are parsed in-process: starting a worker costs more.
MIN_BYTES = 8 << 20
#: Records per message; the store deduplicates in chunks of the same size.
CHUNK = 1000
#: ``ANALYST_APP_PARSE_WORKER=off`` parses in-process whatever the size (for debugging).
ENV_SWITCH = "ANALYST_APP_PARSE_WORKER"

_PICKLE = pickle.HIGHEST_PROTOCOL


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
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
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
                message = pickle.loads(receiver.recv_bytes())
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
        sender.send_bytes(pickle.dumps(message, _PICKLE))

    try:
        parsed = read(path, encoding)
        chunk: list[Any] = []
        for record in parsed.records:
            chunk.append(record_bundle(record, keep_record=False))
            if len(chunk) == CHUNK:
                send(("rows", chunk, parsed.fraction, parsed.rows_read))
                chunk = []
        if chunk:
            send(("rows", chunk, parsed.fraction, parsed.rows_read))
        # Hashed here, after the parse: the worker is ahead of the storing process, which
        # is the slower of the two, so the hash costs the import no time.
        send(("end", parsed.rows_read, [(p.line, p.message) for p in parsed.problems],
              list(parsed.warnings), dict(parsed.details),
              file_sha256(path) if hash_file else None))
    except InputError as error:
        send(("input_error", error.message, error.file, error.line))
    except BrokenPipeError:
        pass  # the importing process stopped listening (cancel): nothing to report
    except BaseException:  # reported to the importing process, which raises it there
        send(("failed", traceback.format_exc()))
    finally:
        sender.close()
