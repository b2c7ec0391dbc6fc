"""Web of Science plain-text exports ("Full Record and Cited References", tagged ``PT`` ... ``ER``).

Layout::

    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Zhang, W
       Li, N
    TI A title that wraps
       onto a continuation line
    ...
    ER

    EF

Variants met in real files: a UTF-8 BOM (``utf-8`` decoding keeps it as U+FEFF); CRLF;
no FN/VR header; old headers ("Thomson Reuters Web of Knowledge"); several exports
pasted into one file (``EF`` then ``FN`` again mid-file, each with its own BOM); the
2021 web interface's variant with a TAB between tag and value and continuation lines
that are not indented; the Chinese interface's ``(通讯作者)，`` in RP; ``&amp;``
entities.

Speed: the file is decoded in blocks of about 1 MB and cut at record starts; a record
is split into fields by a few C-level string operations (continuation lines joined by
:data:`~._wos_fields.LINE_SEP`, one line per field, ``dict`` of ``"TAG value"`` pairs), so
Python code runs once per record and field, never once per line. The cited references,
most of a record, are cut out as one block and split into their lines at once. Records
that do not have the usual layout (the TAB variant, a missing ``ER``, stray lines) take a
slower, regular-expression path that gives the same fields.
"""

from __future__ import annotations

import codecs
import re
import string
from itertools import repeat
from pathlib import Path
from typing import Generator, Iterator

from analyst_app.domain.records import PublicationRecord
from analyst_app.errors import InputError
from analyst_app.importers._wos_fields import LINE_SEP, build_record, unescape_entities
from analyst_app.importers._wos_report import COUNTING_REPLACE, ImportTally, bad_characters
from analyst_app.importers.base import FileHead, ImporterSpec, ParsedFile

FORMAT_ID = "wos_plain"
VERSION = "1.0"

_BLOCK_BYTES = 1 << 20
#: A record is never this long (the longest real ones, with 2,000 cited references, are
#: about 200 kB): text without a record start for this long is not a WoS export.
_MAX_PENDING = 32 << 20

# One field: its tag, then the value and every following line that is not a new tag.
# Space layout: continuation lines are indented, so a tag is "XX " at a line start.
_FIELD_SPACE = re.compile(r"^([A-Z][A-Z0-9])(?: |$)(.*(?:\n(?![A-Z][A-Z0-9](?: |$))[^\n]*)*)",
                          re.M)
# TAB layout (2021): continuation lines are not indented ("CA 94305 USA" may start one),
# so only "XX<TAB>" starts a field, and the bare ER/EF lines.
_FIELD_TAB = re.compile(
    r"^([A-Z][A-Z0-9])(?:\t|$)(.*(?:\n(?![A-Z][A-Z0-9]\t|E[RF][ \t]*$)[^\n]*)*)", re.M)
# dict(map(str.split, lines, repeat(" "), repeat(1))): "TAG value" lines into pairs in C.
_SPACES, _ONES = repeat(" "), repeat(1)
#: Every well-formed tag: two characters, a capital letter then a capital or a digit.
_TAGS = frozenset(a + b for a in string.ascii_uppercase
                  for b in string.ascii_uppercase + string.digits)
_RECORD_START_TAB = re.compile(r"\n(?=PT[ \t])")
_FIRST_LINE = re.compile(r"^(?:FN|VR|PT)[ \t]")
_HEADER_LINE = re.compile(r"^(?:FN|VR)(?:[ \t].*)?$|^EF[ \t]*$")
_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9](?:[ \t]|$)")


def detect_wos_plain(head: FileHead) -> float:
    """Score how surely ``head`` is a WoS plain-text export (0 = not at all, 1 = certain)."""
    try:
        lines = [line.lstrip("\ufeff") for line in head.lines[:200]]
        lines = [line for line in lines if line.strip()]
        if not lines:
            return 0.0
        first = lines[0]
        if first.count("\t") > 3:
            return 0.0  # a tab-delimited header "PT<TAB>AU<TAB>BA..." is the other format
        if first.startswith(("FN ", "FN\t")) and ("Web of" in first or "Clarivate" in first
                                                   or "Thomson" in first):
            return 1.0
        if not _FIRST_LINE.match(first):
            return 0.0
        tags = {line[:2] for line in lines if _TAG_LINE.match(line)}
        known = len(tags & {"PT", "AU", "AF", "TI", "SO", "PY", "UT", "DT", "ER", "CR", "C1"})
        return 0.9 if known >= 4 else 0.0
    except Exception:  # detectors never raise
        return 0.0


def read_wos_plain(path: Path, encoding: str) -> ParsedFile:
    """Read a WoS plain-text export as a stream of publication records.

    Parameters
    ----------
    path : Path
        The ``savedrecs.txt`` file (one export, or several pasted together).
    encoding : str
        Its text encoding (from :func:`~analyst_app.importers.encoding.detect_encoding`).

    Returns
    -------
    ParsedFile
        ``kind="publications"``; ``records`` is a generator of
        :class:`~analyst_app.domain.records.PublicationRecord` that reads the file as it
        is consumed, advancing ``rows_read`` and ``fraction``. Skipped records go to
        ``problems`` with their line; ``warnings`` and ``details`` (counts of records,
        authors, addresses, cited references and records with a DOI) are complete once
        the generator is exhausted.

    Raises
    ------
    InputError
        From the generator, with the file and line, when the file is not a WoS
        plain-text export (binary junk, no ``PT`` record structure).
    """
    if encoding == "binary":
        raise InputError("the file is binary, not a Web of Science text export", file=str(path))
    parsed = ParsedFile(kind="publications", records=(), rows_read=0, encoding=encoding)
    parsed.records = _records(path, encoding, parsed)
    return parsed


def _records(path: Path, encoding: str, parsed: ParsedFile) -> Iterator[PublicationRecord]:
    name = str(path)
    size = max(path.stat().st_size, 1)
    tally = ImportTally(parsed)
    state = _State()
    bad_before = bad_characters()
    pending = ""
    for chunk, eof, consumed in _text_chunks(path, encoding):
        parsed.fraction = min(consumed / size, 1.0)
        buf = pending + chunk
        if not state.started:
            buf = _check_start(buf, name, eof)
            if not buf and not eof:
                continue
        if eof:
            block, pending = buf, ""
        else:
            cut = buf.rfind("\nPT ")
            if state.tab or cut < 0:  # rfind of an absent pattern reads the whole block
                cut = max(cut, buf.rfind("\nPT\t"))
            if cut <= 0:
                if len(buf) > _MAX_PENDING:
                    raise InputError("no record start ('PT') in 32 MB of text: this is not "
                                     "a Web of Science plain-text export", file=name,
                                     line=state.line)
                pending = buf
                continue
            block, pending = buf[:cut + 1], buf[cut + 1:]
        yield from _block_records(block, state, tally, eof)
    if tally.records == 0 and not parsed.problems:
        raise InputError("no Web of Science records (PT ... ER) in the file", file=name, line=1)
    parsed.fraction = 1.0
    tally.bad_chars = bad_characters() - bad_before
    tally.finish(missing_end=state.missing_end, encoding=encoding)


def _text_chunks(path: Path, encoding: str) -> Iterator[tuple[str, bool, int]]:
    """Decoded blocks of about 1 MB with LF line ends, whether the file ended, bytes read."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=COUNTING_REPLACE)
    with open(path, "rb") as raw:
        while True:
            data = raw.read(_BLOCK_BYTES)
            text = decoder.decode(data, final=not data)
            if "\r" in text:  # CRLF (Windows) or CR (old Mac) line ends
                if text[-1] == "\r" and data:
                    text += decoder.decode(raw.read(1))  # keep a CRLF pair together
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            yield text, not data, raw.tell()
            if not data:
                return


class _State:
    """Where the reader is: the line number of the next block's first line, and so on."""

    __slots__ = ("line", "started", "missing_end", "tab")

    def __init__(self) -> None:
        self.tab = False
        self.line = 1
        self.started = False
        self.missing_end: list[int] = []


def _check_start(buf: str, name: str, eof: bool) -> str:
    """Return ``buf`` without a leading BOM, or raise when it does not start like WoS."""
    buf = buf.lstrip("\ufeff")
    stripped = buf.lstrip()
    if not stripped and not eof:
        return buf
    first = stripped.split("\n", 1)[0]
    if not _FIRST_LINE.match(first):
        line = buf[:len(buf) - len(stripped)].count("\n") + 1
        shown = first[:40].encode("unicode_escape").decode("ascii")
        raise InputError(f"not a Web of Science plain-text export: the first line should start "
                         f"with 'FN', 'VR' or 'PT', not {shown!r}", file=name, line=line)
    return buf


def _block_records(block: str, state: _State, tally: ImportTally,
                   eof: bool) -> Iterator[PublicationRecord]:
    state.started = True
    block = unescape_entities(block)
    # The 2021 TAB layout is split by the slower regular expressions, which handle both
    # layouts; once met (at the start of a block, or after an "EF" of pasted exports, see
    # _fields_fast), every later block is read that way.
    state.tab = state.tab or block.startswith("PT\t")
    state.line = yield from _segment_records(block, state.line, state.tab, state, tally, eof)


def _segment_records(text: str, line: int, tab: bool, state: _State, tally: ImportTally,
                     eof: bool) -> Generator[PublicationRecord, None, int]:
    """Yield the records of ``text`` (starting at ``line``); return the line after it."""
    pieces = _RECORD_START_TAB.split(text) if tab else text.split("\nPT ")
    last = len(pieces) - 1
    for n, piece in enumerate(pieces):
        start = line
        rest = None
        if n == 0 and not piece.startswith(("PT ", "PT\t")):  # the FN/VR header
            lines = piece.split("\n")
            line += len(lines)
            tab_at = _check_outside(lines, start, tally)
            if tab_at is not None:  # a TAB-layout export: its header is "FN<TAB>..."
                state.tab = True
                yield from _segment_records("\n".join(lines[tab_at:]), start + tab_at, True,
                                            state, tally, eof and n == last)
            continue
        if tab:
            fields, count, rest = _fields_slow(piece, state, tally, start, eof and n == last)
            references = None
        else:  # the first piece of a segment still starts with its "PT "
            fields, count, rest, references = _fields_fast(
                piece[3:] if n == 0 else piece, state, tally, start, eof and n == last)
        line += count
        if fields is not None:
            record = build_record(fields, start, by_line=True, references=references)
            if record.title or record.ut:
                tally.add(record)
                yield record
            else:
                tally.problem(start, "record has neither a title (TI) nor an accession number "
                                     "(UT): skipped")
        if rest is not None:  # TAB-layout records pasted after this one
            state.tab = True
            yield from _segment_records(rest, line - 1 - rest.count("\n"), True, state, tally,
                                        eof and n == last)
    return line - 1


def _fields_fast(piece: str, state: _State, tally: ImportTally, start: int, truncated: bool
                 ) -> tuple[dict[str, str] | None, int, str | None, list[str] | None]:
    """Split a space-layout record (its text after "PT ") into tag → value.

    Returns the fields (``None`` when skipped), the number of lines the piece spans
    (counting the newline that ends it), the text of TAB-layout records that follow it in
    the piece (pasted exports), if any, and the cited references split into lines when
    :func:`_fields_cited` took the record (the ``CR`` value is then not for use). The
    usual layout is handled by a handful of C-level string operations: continuation lines
    ("\\n   ") become LINE_SEP, every remaining line is one field, and
    ``"TAG value".split(" ", 1)`` pairs feed ``dict``. Anything unusual falls back to
    :func:`_fields_slow`.
    """
    # A record that ends at its ER line and never contains LINE_SEP itself (so that
    # splitting on "\n   " or on LINE_SEP cuts the same lines) takes the quickest path.
    if piece.endswith("\nER\n") and LINE_SEP not in piece:
        found = _fields_cited(piece)
        if found is not None:
            return found
    packed = piece.replace("\n   ", LINE_SEP)
    lines = packed.split("\n")
    count = len(lines) + (len(piece) - len(packed)) // 3
    try:
        end = lines.index("ER")
        fields = dict(map(str.split, lines[1:end], _SPACES, _ONES))
    except ValueError:  # no ER line, a blank or a bare tag line inside the record
        return (*_fields_slow("PT " + piece, state, tally, start, truncated), None)
    if len(fields) < end - 1 or not _TAGS.issuperset(fields):  # a repeated or odd tag
        return (*_fields_slow("PT " + piece, state, tally, start, truncated), None)
    fields["PT"] = lines[0]
    rest = None
    if end + 2 < len(lines) or lines[-1]:
        tail = lines[end + 1:]
        tab_at = _check_outside(tail, start + count - len(lines) + end + 1, tally)
        if tab_at is not None:
            rest = "\n".join(tail[tab_at:]).replace(LINE_SEP, "\n   ")
    return fields, count, rest, None


def _fields_cited(piece: str) -> tuple[dict[str, str], int, None, list[str]] | None:
    """:func:`_fields_fast` for a record with cited references, or ``None`` to go the usual way.

    The ``CR`` lines are most of a record; cutting them out as one block and splitting it
    on "\\n   " gives the reference list at once, instead of packing them into one value
    (a replace over the whole record) that build_record splits again. The fields keep
    the order the usual way gives them, so ``extra`` comes out the same. ``piece`` ends
    with its ER line and holds no LINE_SEP.
    """
    cr = piece.find("\nCR ")
    nr = piece.rfind("\nNR ", cr) if cr >= 0 else -1  # NR follows CR in every export
    if nr < 0:
        return None
    block = piece[cr + 4:nr]
    references = block.split("\n   ")
    if "\n" in "".join(references):  # a line of the block is not a continuation
        return None
    head, tail = piece[:cr], piece[nr + 1:-4]
    head_packed = head.replace("\n   ", LINE_SEP)
    tail_packed = tail.replace("\n   ", LINE_SEP)
    head_lines = head_packed.split("\n")
    tail_lines = tail_packed.split("\n")
    try:
        fields = dict(map(str.split, head_lines[1:], _SPACES, _ONES))
        fields["CR"] = block
        fields.update(map(str.split, tail_lines, _SPACES, _ONES))
    except ValueError:  # a blank, bare tag or second ER line: the usual way sorts it out
        return None
    if len(fields) < len(head_lines) + len(tail_lines) or not _TAGS.issuperset(fields):
        return None
    fields["PT"] = head_lines[0]
    # Lines: the head's and tail's (with their continuation lines), the CR block's, ER, "".
    count = (len(head_lines) + len(references) + len(tail_lines) + 2
             + (len(head) - len(head_packed) + len(tail) - len(tail_packed)) // 3)
    return fields, count, None, references


def _fields_slow(piece: str, state: _State, tally: ImportTally, start: int,
                 truncated: bool) -> tuple[dict[str, str] | None, int, str | None]:
    """Split any record (space or TAB layout, odd lines, no ER) with a regular expression.

    Returns what :func:`_fields_fast` returns; ``piece`` starts with its "PT" line.
    """
    count = piece.count("\n") + 1
    fields: dict[str, str] = {}
    for tag, value in (_FIELD_TAB if piece[2] == "\t" else _FIELD_SPACE).findall(piece):
        value = _pack(value)
        # A tag repeated within a record keeps both values, as continuation lines.
        fields[tag] = f"{fields[tag]}{LINE_SEP}{value}" if tag in fields else value
    end = fields.pop("ER", None)
    if end is None:
        if "EF" not in fields and truncated:
            tally.problem(start, "the file ends inside this record (no 'ER' line): "
                                 "the file looks truncated; record skipped")
            return None, count, None
        # "ER" forgotten but the next record (or EF) follows: the fields are all there.
        state.missing_end.append(start)
    elif end.strip(LINE_SEP + " \t"):
        # Lines after ER that are not tags: junk between records, or TAB-layout records
        # of a pasted export.
        lines = piece.split("\n")
        after = next((n for n, line in enumerate(lines) if line.rstrip() == "ER"), 0) + 1
        tab_at = _check_outside(lines[after:], start + after, tally)
        if tab_at is not None:
            return fields, count, "\n".join(lines[after + tab_at:])
    return fields, count, None


def _pack(value: str) -> str:
    """A regex-matched value with its continuation lines joined by LINE_SEP."""
    if "\n" not in value:
        return value
    return LINE_SEP.join(line.strip() for line in value.split("\n"))


def _check_outside(lines: list[str], start: int, tally: ImportTally) -> int | None:
    """Check text between records: the FN/VR header, EF and blank lines only.

    Returns the index of a line that starts a TAB-layout record ("PT<TAB>J"), whose
    records the caller reads, or ``None``.
    """
    for offset, line in enumerate(lines):
        if line.startswith("PT\t"):
            return offset
        line = line.strip().lstrip("\ufeff")
        if line and not _HEADER_LINE.match(line):
            tally.note(f"line {start + offset}: text outside any record ignored: {line[:60]!r}")
            return None
    return None


SPEC_PLAIN = ImporterSpec(
    id=FORMAT_ID, label="Web of Science plain text (savedrecs.txt)", version=VERSION,
    detect=detect_wos_plain, read=read_wos_plain, needs_release=False,
    streams_publications=True,
)
