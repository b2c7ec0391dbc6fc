"""Scopus author, affiliation and correspondence fields → :class:`Author` / :class:`Address` with links."""

from __future__ import annotations

import re

from analyst_app.domain.records import Address, Author

# Scopus initials: "Y.", "S.H.", "H.-N.", "Š." - every letter (or two, "Ch.") ends in a
# full stop, which tells "Yu H." (a name) from "H." (initials).
_INITIALS_SHAPE = re.compile(r"^(?:[^\W\d_]{1,2}\.[-\s]?)+$")
_NO_AUTHOR = "[no author"
_FULL_NAMES = re.compile(r"\s*([^;]*[^;\s]) \((\d+)\)\s*(?:;|$)")
_NOT_LETTER = re.compile(r"[\W\d_]+")
# Parts of an affiliation that name the institution rather than a department or a city:
# Scopus writes "Department of X, Institute of Y, Z University, City, Country".
# Searched in the lower-cased text: re.IGNORECASE makes these ~5x slower.
_UNIVERSITY = re.compile(r"univ|college|academ|polytechnic|hochschule|école|ecole|\btech\b"
                         r"|大学|学院")
_ORGANISATION = re.compile(r"institut|hospital|centre|center|laborator|company|corporation|\binc\b"
                           r"|\bltd\b|gmbh|council|agency|ministry|foundation|研究所|医院|公司")


def _is_initials(token: str) -> bool:
    # The cheap tests first: most tokens are surnames, which do not end in a full stop.
    return (token[-1:] == "." and token[:1].isupper()
            and _INITIALS_SHAPE.match(token) is not None)


def split_short_names(value: str) -> list[str]:
    """Split the Scopus "Authors" cell into names as written.

    Handles the current layout (``Zhang Y.; Li Z.``), the 2020-22 layout
    (``Govil N., Sharma A.``) and the c. 2015 / author-profile layout
    (``Pan, Y., Yu, C.``, where a comma also separates surname and initials).
    ``[No author name available]`` gives no names.
    """
    value = value.strip()
    if not value or value.lower().startswith(_NO_AUTHOR):
        return []
    if ";" in value:
        return [part for piece in value.split(";") if (part := piece.strip())]
    names: list[str] = []
    pending: str | None = None
    for token in value.split(","):
        token = token.strip()
        if not token:
            continue
        if _is_initials(token):
            if pending is not None:          # "Pan", "Y." → "Pan, Y."
                names.append(f"{pending}, {token}")
                pending = None
            elif names:                      # "Smith, J.", "Jr." → one name
                names[-1] = f"{names[-1]}, {token}"
            else:
                names.append(token)
        else:
            if pending is not None:
                names.append(pending)
            pending = token
    if pending is not None:
        names.append(pending)
    return names


def split_full_names(value: str) -> list[tuple[str, str | None]]:
    """Split "Author full names" (``Zhang, Wei (57201234567); ...``) into (name, Scopus ID)."""
    pairs = _FULL_NAMES.findall(value)
    if len(pairs) == value.count(";") + 1:  # the usual case: every name has its ID
        return pairs
    result = []
    for part in value.split(";"):
        part = part.strip()
        if not part or part.startswith("[No author"):
            continue
        name, bracket, tail = part.rpartition(" (")
        if bracket and tail.endswith(")") and tail[:-1].isdigit():
            result.append((name.strip(), tail[:-1]))
        else:
            result.append((part, None))
    return result


def split_ids(value: str) -> list[str]:
    """Split "Author(s) ID" (``572...; 553...`` or ``572...;553...;``) into IDs."""
    if not value or value.lower().startswith("[no author"):
        return []
    return [part for piece in value.split(";") if (part := piece.strip())]


def build_authors(short: str, full: str, ids: str) -> list[Author]:
    """Return the authors of one row, in byline order.

    Parameters
    ----------
    short, full, ids : str
        The "Authors", "Author full names" and "Author(s) ID" cells ("" when absent).

    Returns
    -------
    list of Author
        ``full_name`` from "Author full names" when present, else the name as written in
        "Authors"; ``short_name`` from "Authors" when the counts agree; ``researcher_id``
        the Scopus author ID from the parentheses of the full name, else from "Author(s) ID"
        when its count agrees (IDs are positional, so a count mismatch would misassign them).
    """
    shorts = split_short_names(short)
    fulls = split_full_names(full) if full else []
    id_list = split_ids(ids)
    if id_list and len(shorts) != len(id_list) and ";" not in short:
        # "Park, Ju H., Doh, Juhyun": given names, not initials, so the pairs are not
        # recognisable; the ID count says how many authors there are.
        tokens = [t.strip() for t in short.split(",") if t.strip()]
        if len(tokens) == 2 * len(id_list):
            shorts = [f"{a}, {b}" for a, b in zip(tokens[::2], tokens[1::2])]
    count = len(fulls) if fulls else len(shorts)
    authors = []
    for i in range(count):
        name, scopus_id = fulls[i] if fulls else (shorts[i], None)
        short_name = shorts[i] if len(shorts) == count else name
        if scopus_id is None and len(id_list) == count:
            scopus_id = id_list[i]
        authors.append(Author(full_name=name, short_name=short_name, researcher_id=scopus_id))
    return authors


def split_affiliations(value: str) -> list[str]:
    """Split the "Affiliations" cell into one string per affiliation (``"; "``-separated).

    Scopus leaves ``&amp;`` as ``"& amp;"`` ("Science & amp; Technology"), which would
    split one affiliation in two; it is repaired first. An affiliation that itself
    contains ``"; "`` ("INSITE Lab; Department of Computer Science, Colby College, ...")
    becomes two addresses; the author links still reach both (see
    :func:`link_affiliations`).
    """
    return [part for piece in fix_entities(value).split("; ") if (part := piece.strip())]


def fix_entities(value: str) -> str:
    """Repair ``& amp;`` (an HTML ``&amp;`` split by Scopus) back to ``&``."""
    return value.replace("& amp;", "&").replace("&amp;", "&") if "amp;" in value else value


def make_address(text: str) -> Address:
    """Return an :class:`Address` with the institution and country of a Scopus affiliation.

    The organisation is the first comma part naming a university (college, academy,
    大学 ...), else the first naming another institution (institute, hospital, company
    ...), else the first part: Scopus puts departments first, unlike WoS ``C1``. The
    country is the last comma part.
    """
    head, comma, country = text.rpartition(",")
    if not comma:
        return Address(text=text, organisation=text.strip() or None)
    # One search over the text, then the comma part around the hit: ~5x faster than
    # searching every part, and this runs for every address of every record.
    lower = head.lower()  # same length as head for the scripts Scopus uses
    hit = _UNIVERSITY.search(lower) or _ORGANISATION.search(lower)
    if hit:
        start = head.rfind(",", 0, hit.start()) + 1
        end = head.find(",", hit.end())
        organisation = head[start:end if end >= 0 else len(head)].strip()
    else:
        organisation = head.split(",", 1)[0].strip()
    return Address(text=text, organisation=organisation or None, country=country.strip() or None)


def link_affiliations(authors: list[Author], addresses: list[str], value: str) -> int:
    """Set ``address_positions`` of ``authors`` from "Authors with affiliations".

    Each ``"; "``-separated entry starts with an author's name as in "Authors" (or its
    other comma form: ``Govil N.`` / ``Govil, N.``) followed by one or more of that
    author's affiliations joined with ``", "``. Entries are matched to authors in
    order first (two authors may share ``Wang Y.``), then by name; a piece that starts
    with no author's name continues the previous entry. The affiliation text is matched
    to ``addresses`` by consuming the longest affiliation at each position.

    Returns
    -------
    int
        Number of entries whose affiliation text matched no address.
    """
    if not value or not authors:
        return 0
    variants: list[tuple[str, ...]] | None = None
    entries: list[list] = []
    pointer = 0
    for piece in fix_entities(value).split("; "):
        found = None
        if pointer < len(authors):  # the usual case: the next author, spelt as in "Authors"
            name = authors[pointer].short_name
            if piece.startswith(name) and (len(piece) == len(name) or piece[len(name)] == ","):
                found = (pointer, piece[len(name) + 1:].strip())
        if found is None:
            if variants is None:
                variants = [_name_variants(a.short_name) for a in authors]
            found = _match_author(piece, variants, pointer)
        if found is None:
            if entries:
                entries[-1][1] = f"{entries[-1][1]}; {piece}"
            continue
        entries.append(list(found))
        pointer = found[0] + 1
    unmatched = 0
    exact = {text: i for i, text in enumerate(addresses)}
    for index, rest in entries:
        if not rest:
            continue
        position = exact.get(rest)  # the usual case: one affiliation, written as listed
        positions = [position] if position is not None else _match_addresses(rest, addresses)
        if not positions:
            unmatched += 1
        own = authors[index].address_positions
        for position in positions:
            if position not in own:
                own.append(position)
    return unmatched


def _name_variants(name: str) -> tuple[str, ...]:
    if ", " in name:
        surname, given = name.split(", ", 1)
        return name, f"{surname} {given}"
    head, _, tail = name.rpartition(" ")
    if head and _is_initials(tail):
        return name, f"{head}, {tail}"
    return (name,)


def _match_author(piece: str, variants: list[tuple[str, ...]], pointer: int) -> tuple[int, str] | None:
    order = range(pointer, pointer + 1) if pointer < len(variants) else range(0)
    for index in (*order, *range(len(variants))):
        for name in variants[index]:
            if piece == name:
                return index, ""
            if piece.startswith(name) and piece[len(name):len(name) + 1] == ",":
                return index, piece[len(name) + 1:].strip()
    return None


def _match_addresses(rest: str, addresses: list[str]) -> list[int]:
    positions: list[int] = []
    at = 0
    while at < len(rest):
        best = -1
        for i, text in enumerate(addresses):
            if rest.startswith(text, at) and (best < 0 or len(text) > len(addresses[best])):
                best = i
        if best < 0:
            break
        positions.append(best)
        at += len(addresses[best])
        while at < len(rest) and rest[at] in ",; ":
            at += 1
    if not positions:  # text differs at the start (rare): fall back to containment
        positions = [i for i, text in enumerate(addresses) if text and text in rest]
    return positions


def name_key(name: str) -> tuple[str, str]:
    """Return ``(folded surname, first initial)`` of ``Zhang Y.``, ``Zhang, Y.`` or ``Y. Zhang``."""
    name = name.strip()
    if "," in name:
        surname, given = name.split(",", 1)
    else:
        tokens = name.split()
        lead = next((i for i, t in enumerate(tokens) if not _is_initials(t)), len(tokens))
        trail = next((i for i, t in enumerate(reversed(tokens)) if not _is_initials(t)), len(tokens))
        if 0 < trail < len(tokens):      # "Hicks S.L.", "Hans du Buf J.M."
            surname, given = " ".join(tokens[:-trail]), " ".join(tokens[-trail:])
        elif 0 < lead < len(tokens):     # "S. L. Hicks", "J. M. Hans du Buf"
            surname, given = " ".join(tokens[lead:]), " ".join(tokens[:lead])
        else:
            surname, given = name, ""
    # Both sides are written by Scopus, so accents agree; only case and punctuation vary.
    initial = next((c for c in given if c.isalpha()), "")
    return _NOT_LETTER.sub("", surname.casefold()), initial.casefold()


def parse_correspondence(value: str) -> tuple[str, str | None, list[str]]:
    """Split "Correspondence Address" into (name, address, e-mails).

    ``"Zhang W.; Dalian University of Technology, Dalian, China; email: x@y"`` →
    ``("Zhang W.", "Dalian University of Technology, Dalian, China", ["x@y"])``.
    """
    parts = [p.strip() for p in value.split(";")]
    emails: list[str] = []
    address_parts: list[str] = []
    for part in parts[1:]:
        if part.lower().startswith("email:"):
            emails.extend(e for e in re.split(r"[\s,]+", part[6:]) if "@" in e)
        elif part:
            address_parts.append(part)
    return parts[0], "; ".join(address_parts) or None, emails


def mark_corresponding(authors: list[Author], name: str) -> bool:
    """Set ``corresponding=True`` on the author named ``name``; return whether one matched.

    Matched on surname and first initial (``J. Gong`` = ``Gong J.``); when that fails,
    on the surname alone if exactly one author has it.
    """
    if not name or not authors:
        return False
    short = _short_form(name)
    for author in authors:  # the usual case, without parsing every name
        if author.short_name == short or author.short_name.replace(", ", " ") == short:
            author.corresponding = True
            return True
    key = name_key(name)
    keys = []
    for author in authors:
        other = name_key(author.short_name or author.full_name)
        if other == key:
            author.corresponding = True
            return True
        keys.append(other)
    same_surname = [a for a, other in zip(authors, keys) if other[0] == key[0]]
    if len(same_surname) == 1:
        same_surname[0].corresponding = True
        return True
    return False


def _short_form(name: str) -> str:
    # "J. Gong" / "S. L. Hicks" / "Govil, N." → "Gong J." / "Hicks S.L." / "Govil N."
    name = name.strip()
    if "," in name:
        return name.replace(", ", " ", 1)
    tokens = name.split()
    lead = 0
    while lead < len(tokens) - 1 and _is_initials(tokens[lead]):
        lead += 1
    if lead == 0:
        return name
    return " ".join(tokens[lead:]) + " " + "".join(tokens[:lead])
