"""Locating the line where a file stops decoding, for error messages that name it."""

from __future__ import annotations

import codecs
from pathlib import Path


def first_undecodable_line(path: Path, encoding: str) -> int:
    """Return the 1-based line of ``path`` where decoding as ``encoding`` first fails.

    Text-mode reading decodes 8 KiB chunks ahead of the line being parsed, so the line a
    reader has reached when :class:`UnicodeDecodeError` is raised is not where the bad
    bytes are. Only called on that error path; returns the last line + 1 when every line
    decodes (the error was in a character cut at the end of the file).
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    number = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return number + 1
