"""Match WoS ORCID / ResearcherID lists and reprint (RP) authors to a record's byline."""

from __future__ import annotations

import re
import unicodedata

from analyst_app.domain.records import Address, Author

_TOKENS = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_PUNCT = str.maketrans({c: " " for c in ",.;:'\"()[]/"})
# "(corresponding author)" since about 2019, "(reprint author)" before; the Chinese
# interface writes "(通讯作者)" followed by a full-width comma.
# The pattern starts with a literal "(" so that the regex engine skips ahead to it.
_RP_MARK = re.compile(r"\((?:corresponding author|reprint author|通讯作者)\)[ ,，]*",
                      re.IGNORECASE)


def fold(name: str) -> str:
    """``name.casefold()``; ``lower()`` for ASCII, which equals it there and is far cheaper."""
    return name.lower() if name.isascii() else name.casefold()


def fold_all(names: list[str]) -> list[str]:
    """``[name.casefold() for name in names]``, by :func:`fold`'s shortcut when all are ASCII."""
    return list(map(str.lower if "".join(names).isascii() else str.casefold, names))


def name_key(name: str) -> str:
    """Fold a name so that order, case, accents and punctuation do not matter.

    ``"Ozturk, Murat"``, ``"murat ozturk"`` and ``"Öztürk, Murat"`` give the same key;
    ``"Li, Xiao-Yan"`` and ``"Li, Xiaoyan"`` too.
    """
    text = fold(name.replace("-", ""))
    if text.isascii():
        return " ".join(sorted(text.translate(_ASCII_PUNCT).split()))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(sorted(_TOKENS.findall(text)))


class Byline:
    """A record's authors with the folded name forms matching needs, computed on demand.

    Most OI/RI entries and RP names equal an AF/AU name up to case, so the costlier
    folded keys are built only for the first entry that needs them.
    """

    __slots__ = ("authors", "full", "short", "_folded", "_keys", "_short_keys", "_surnames",
                 "_exact", "_by_surname", "_short_folded")

    def __init__(self, authors: list[Author], full: list[str] | None = None,
                 short: list[str] | None = None) -> None:
        self.authors = authors
        self.full = full if full is not None else [a.full_name for a in authors]
        self.short = short if short is not None else [a.short_name for a in authors]
        self._folded: list[str] | None = None
        self._keys: list[str] | None = None
        self._short_keys: list[str] | None = None
        self._surnames: list[tuple[str, str]] | None = None
        self._exact: dict[str, int] | None = None
        self._by_surname: dict[tuple[str, str], list[int]] | None = None
        self._short_folded: list[str] | None = None

    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = fold_all(self.full)
        return self._folded

    @property
    def short_folded(self) -> list[str]:
        if self._short_folded is None:
            self._short_folded = fold_all(self.short)
        return self._short_folded

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = [name_key(a.full_name) for a in self.authors]
        return self._keys

    @property
    def short_keys(self) -> list[str]:
        if self._short_keys is None:
            self._short_keys = [name_key(a.short_name) for a in self.authors]
        return self._short_keys

    @property
    def surnames(self) -> list[tuple[str, str]]:
        if self._surnames is None:
            self._surnames = [_surname_initial(a.full_name) for a in self.authors]
        return self._surnames

    @property
    def exact(self) -> dict[str, int]:
        """Case-folded full name → position of the first author with that name."""
        if self._exact is None:
            folded = self.folded  # built in C; reversed so that the first of equal names wins
            self._exact = dict(zip(reversed(folded), range(len(folded) - 1, -1, -1)))
        return self._exact

    def find(self, name: str) -> int | None:
        """The author an OI/RI entry's name designates, or ``None`` when unsure."""
        folded = fold(name.strip())
        i = self.exact.get(folded)
        if i is not None:
            return i
        if self._by_surname is None:
            self._by_surname = {}
            for i, full in enumerate(self.folded):
                self._by_surname.setdefault(_quick_surname(full), []).append(i)
        # Same surname and first initial, when one author fits: "Srivastava, Sanjay" for
        # "Srivastava, Sanjay K.", "liang, junhui" for "Liang, Jun-hui", "Min, Byungsul"
        # for "Min, B.".
        hits = self._by_surname.get(_quick_surname(folded), ())
        if len(hits) == 1:
            return hits[0]
        return self._find_folded(name)

    def _find_folded(self, name: str) -> int | None:
        key = name_key(name)
        for keys in (self.keys, self.short_keys):
            if key in keys:
                return keys.index(key)
        # The registered name may hold more or fewer parts ("Correia da Fonseca, Francisco"
        # for AF "da Fonseca, Francisco X. Correia"), swap surname and given name, or carry
        # accents the byline lacks; each counts only when one author fits.
        tokens = set(key.split())
        hits = [i for i, k in enumerate(self.keys) if _nested(tokens, set(k.split()))]
        if len(hits) == 1:
            return hits[0]
        surname = _surname_initial(name)
        hits = [i for i, s in enumerate(self.surnames) if s == surname]
        return hits[0] if len(hits) == 1 else None


def _quick_surname(folded: str) -> tuple[str, str]:
    surname, _, given = folded.partition(",")
    return surname.strip(), given.strip()[:1]


def _nested(a: set[str], b: set[str]) -> bool:
    return len(a) > 1 and len(b) > 1 and (a <= b or b <= a)


def _surname_initial(name: str) -> tuple[str, str]:
    surname, _, given = name.partition(",")
    return name_key(surname), given.strip()[:1].casefold()


def link_identifiers(byline: Byline, value: str, attr: str) -> bool:
    """Set ``attr`` (``orcid`` / ``researcher_id``) of the authors named in an OI/RI value.

    Parameters
    ----------
    byline : Byline
        The record's authors; an author already holding an identifier keeps it.
    value : str
        ``"Surname, Given/0000-0002-...; Other, Name/..."`` (order unrelated to the byline,
        case and name form as the researcher registered them).
    attr : str
        ``"orcid"`` or ``"researcher_id"``.

    Returns
    -------
    bool
        Whether every entry found its author (the caller keeps the raw value otherwise).
    """
    exact = byline.exact
    authors = byline.authors
    all_matched = True
    for entry in value.split(";"):
        name, _, ident = entry.rpartition("/")
        ident = ident.strip()
        stripped = name.strip()
        if not stripped or not ident:
            all_matched = all_matched and not entry.strip()
            continue
        # Usual case: the name equals a byline name up to case (what find tries first).
        index = exact.get(fold(stripped))
        if index is None:
            index = byline.find(name)
            if index is None:
                all_matched = False
                continue
        author = authors[index]
        held = getattr(author, attr)
        if held is None:
            setattr(author, attr, ident)
        elif held != ident:
            all_matched = False  # a second identifier for one person: kept in extra
    return all_matched


def mark_corresponding(byline: Byline, reprint: str, addresses: list[Address]) -> None:
    """Flag the corresponding authors named in a WoS ``RP`` value.

    ``RP`` may name several reprint authors, each with an address:
    ``Li, SY; Yu, J (corresponding author), Addr 1.; Yu, J (corresponding author), Addr 2.``
    Names are short forms (``AU``). When two authors share the short form, the one
    whose C1 addresses include the reprint address is chosen, else the first.

    Parameters
    ----------
    byline : Byline
        The record's authors, with address links already set.
    reprint : str
        The ``RP`` value.
    addresses : list of Address
        The record's addresses (for the tie-break).
    """
    segments = _RP_MARK.split(reprint)
    if len(segments) < 2:
        return  # no marker: an address without names (very old records)
    shorts = byline.short_folded
    for i in range(len(segments) - 1):
        names = segments[i]
        if i > 0:
            # The segment holds the previous author's address, then the next names.
            cut = names.rfind(".; ")
            names = names[cut + 3:] if cut >= 0 else names[names.rfind("; ") + 2:]
        for name in names.split(";"):
            name = name.strip()
            # Usual case: the name is the AU form of exactly one author, up to case (what
            # _match_short tries first), found by two C-level scans of a short list.
            folded = fold(name)
            if name and shorts.count(folded) == 1:
                index = shorts.index(folded)
            else:
                index = _match_short(byline, name, segments[i + 1], addresses)
            if index is not None:
                byline.authors[index].corresponding = True


def _match_short(byline: Byline, name: str, segment: str, addresses: list[Address]) -> int | None:
    if not name:
        return None
    authors = byline.authors
    folded = fold(name)
    hits = [i for i, short in enumerate(byline.short_folded) if short == folded]
    if not hits:
        hits = [i for i, full in enumerate(byline.folded) if full == folded]
    if not hits:
        key = name_key(name)
        hits = [i for i, short in enumerate(byline.short_keys) if short == key]
    if len(hits) > 1:
        cut = segment.find(".; ")
        address = (segment[:cut] if cut >= 0 else segment).strip().rstrip(".").casefold()
        for i in hits:
            if any(addresses[p].text.casefold() == address for p in authors[i].address_positions
                   if p < len(addresses)):
                return i
    return hits[0] if hits else None
