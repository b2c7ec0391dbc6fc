"""Text-encoding detection for exports: BOMs, UTF-16, UTF-8, GB18030 (CNKI, Chinese Excel)."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(raw: bytes) -> str:
    """Return the encoding of ``raw`` (a file's head), or ``"binary"`` when it is not text.

    Parameters
    ----------
    raw : bytes
        The first bytes of a file; a multi-byte character cut at the end is tolerated.

    Returns
    -------
    str
        A codec name Python accepts (``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``, ...)
        or ``"binary"``.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    if not raw:
        return "utf-8"
    if _looks_utf16_without_bom(raw):
        return "utf-16-le" if raw[1] == 0 else "utf-16-be"
    if b"\x00" in raw:
        return "binary"
    if _decodes(raw, "utf-8"):
        return "utf-8"
    # Chinese Windows saves "ANSI" as GBK; GB18030 is its superset and decodes all of it.
    if _decodes(raw, "gb18030") and _mostly_printable(raw.decode("gb18030", "ignore")):
        return "gb18030"
    best = from_bytes(raw).best()
    if best is None or not _mostly_printable(str(best)):
        return "binary"
    return best.encoding


def decode_head(raw: bytes, encoding: str) -> str:
    """Decode a file head, dropping a character cut off at its end."""
    if encoding == "binary":
        return ""
    return raw.decode(encoding, errors="ignore")


def _decodes(raw: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(raw, final=False)  # final=False: a cut character at the end is fine
    except UnicodeDecodeError:
        return False
    return True


def _looks_utf16_without_bom(raw: bytes) -> bool:
    sample = raw[:2000]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    return max(even_zeros, odd_zeros) > 0.4 and min(even_zeros, odd_zeros) < 0.05


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if not (ch.isprintable() or ch in "\r\n\t"))
    return bad / len(text) < 0.02


def decode_text(data: bytes, encoding: str) -> tuple[str, str]:
    """Decode a whole file, falling back when the head's guess fails further on.

    The guess is made on a bounded head: a list whose only non-ASCII character is the
    ``©`` of its footer, re-saved by Excel as GB18030 or Windows-1252, looks like UTF-8
    there. Fallbacks: GB18030 (Chinese Windows), then Windows-1252.

    Returns
    -------
    (str, str)
        The text and the encoding that decoded it.

    Raises
    ------
    UnicodeDecodeError
        When no candidate decodes the data.
    """
    candidates = [encoding] + [e for e in ("utf-8", "gb18030", "cp1252") if e != encoding]
    error: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    raise error


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
