"""Peer groups (对标院校组): institutions with ESI names, WoS spellings and Chinese names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from analyst_app import DATA_DIR
from analyst_app.errors import InputError

#: Version of the JSON layout stored in the workspace setting :data:`SETTING_KEY`.
SCHEMA_VERSION = 1
#: Workspace setting that holds the editable peer groups.
SETTING_KEY = "peer_groups"
#: The shipped examples the workspace setting is seeded from.
SHIPPED_FILE = DATA_DIR / "peer_groups.json"

# WoS abbreviates the words of organisation names (ISI "Journal Title Abbreviations"-like
# list); only the common words of Chinese university names are listed: a guess that fails
# is reported to the user, who then adds the exact spelling to the group.
_WOS_ABBREVIATIONS = {
    "UNIVERSITY": "Univ", "TECHNOLOGY": "Technol", "SCIENCE": "Sci", "SCIENCES": "Sci",
    "INSTITUTE": "Inst", "ENGINEERING": "Engn", "NATIONAL": "Natl", "ACADEMY": "Acad",
    "MEDICAL": "Med", "MEDICINE": "Med", "AGRICULTURAL": "Agr", "POLYTECHNIC": "Polytech",
    "POLYTECHNICAL": "Polytech", "ELECTRIC": "Elect", "AERONAUTICS": "Aeronaut",
    "ASTRONAUTICS": "Astronaut", "INFORMATION": "Informat", "TELECOMMUNICATIONS": "Telecommun",
    "CHEMICAL": "Chem", "CENTRAL": "Cent", "NORTHWEST": "NW", "INTERNATIONAL": "Int",
    "RESEARCH": "Res", "CENTER": "Ctr", "CENTRE": "Ctr", "LABORATORY": "Lab",
    "MARITIME": "Maritime", "NORMAL": "Normal", "FINANCE": "Finance", "ECONOMICS": "Econ",
}
_DROPPED_WORDS = {"OF", "THE", "AND"}


@dataclass(frozen=True)
class PeerInstitution:
    """One institution of a peer group.

    Attributes
    ----------
    esi_name : str
        The name as ESI prints it (``SOUTHEAST UNIVERSITY - CHINA``); the key that joins
        the ESI and the WoS tables.
    name_zh : str
        Chinese display name (``东南大学``); empty when unknown.
    wos_names : tuple of str
        Organisation spellings in WoS addresses (``Southeast Univ``), matched
        case-insensitively.
    esi_aliases : tuple of str
        Other names ESI has printed for it.
    """

    esi_name: str
    name_zh: str = ""
    wos_names: tuple[str, ...] = ()
    esi_aliases: tuple[str, ...] = ()

    @property
    def esi_names(self) -> tuple[str, ...]:
        """The ESI name followed by its aliases."""
        return (self.esi_name, *self.esi_aliases)

    def names(self) -> tuple[str, ...]:
        """Every name the institution may be given by (ESI, aliases, Chinese, WoS)."""
        return tuple(n for n in (*self.esi_names, self.name_zh, *self.wos_names) if n)


@dataclass(frozen=True)
class PeerGroup:
    """A named peer group.

    Attributes
    ----------
    id : str
        Short identifier used on the command line (``C9``); compared case-insensitively.
    name : str
        English name (``C9 League``).
    name_zh : str
        Chinese name (``九校联盟``).
    members : tuple of PeerInstitution
        The institutions, in display order.
    """

    id: str
    name: str
    name_zh: str = ""
    members: tuple[PeerInstitution, ...] = field(default_factory=tuple)


def name_key(name: str) -> str:
    """Return ``name`` upper-cased with runs of spaces collapsed (the matching key)."""
    return " ".join(str(name).upper().split())


def guess_wos_name(esi_name: str) -> str:
    """Guess the WoS address spelling of an institution from its ESI name.

    ``DALIAN UNIVERSITY OF TECHNOLOGY`` gives ``Dalian Univ Technol`` and ``HUAZHONG
    UNIVERSITY OF SCIENCE & TECHNOLOGY`` gives ``Huazhong Univ Sci & Technol``. ESI's
    disambiguating suffixes (``- CHINA``, ``, CAS``) are dropped. Irregular spellings
    (``Xi An Jiao Tong Univ``) cannot be guessed: peer groups list them explicitly.
    """
    name = re.sub(r"\s+-\s+.*$|,.*$|\(.*?\)", "", name_key(esi_name)).strip()
    words = []
    for word in name.split():
        if word in _DROPPED_WORDS:
            continue
        words.append(_WOS_ABBREVIATIONS.get(word, word if word == "&" else word.capitalize()))
    return " ".join(words)


def adhoc_member(name: str, aliases: Iterable[str] = ()) -> PeerInstitution:
    """Return a member for an institution named only by its ESI name (and aliases).

    Aliases that are not upper-case ESI style (``Dalian Univ Technol``) and the guessed
    WoS spelling become its WoS names; all aliases stay ESI aliases too, because matching
    is case-insensitive and an alias may be either.
    """
    aliases = tuple(a.strip() for a in aliases if a and a.strip())
    wos = tuple(dict.fromkeys((guess_wos_name(name), *aliases)))
    return PeerInstitution(esi_name=name.strip(), wos_names=wos, esi_aliases=aliases)


def find_member(groups: Iterable[PeerGroup], name: str) -> PeerInstitution | None:
    """Return the first group member known by ``name`` (any of its names), or ``None``."""
    key = name_key(name)
    for group in groups:
        for member in group.members:
            if key in {name_key(n) for n in member.names()}:
                return member
    return None


def find_group(groups: Iterable[PeerGroup], group_id: str) -> PeerGroup:
    """Return the group ``group_id`` (case-insensitive; the English or Chinese name works too).

    Raises
    ------
    InputError
        When no group has that id, listing the ids there are.
    """
    groups = tuple(groups)
    key = name_key(group_id)
    for group in groups:
        if key in {name_key(group.id), name_key(group.name), name_key(group.name_zh)}:
            return group
    known = ", ".join(g.id for g in groups) or "none"
    raise InputError(f"unknown peer group {group_id!r}: the peer groups are {known}")


def with_group(groups: Iterable[PeerGroup], group: PeerGroup, *,
               replace: bool = False) -> tuple[PeerGroup, ...]:
    """Return ``groups`` with ``group`` added (or, with ``replace``, put in place of its namesake).

    Raises
    ------
    InputError
        When a group with the same id exists and ``replace`` is false, or ``group`` is invalid.
    """
    group = _check_group(group)
    groups = tuple(groups)
    same = [i for i, g in enumerate(groups) if name_key(g.id) == name_key(group.id)]
    if same and not replace:
        raise InputError(f"a peer group {group.id!r} exists already: remove it or replace it")
    if same:
        return groups[:same[0]] + (group,) + groups[same[0] + 1:]
    return groups + (group,)


def without_group(groups: Iterable[PeerGroup], group_id: str) -> tuple[PeerGroup, ...]:
    """Return ``groups`` without the group ``group_id``.

    Raises
    ------
    InputError
        When there is no such group.
    """
    groups = tuple(groups)
    target = find_group(groups, group_id)
    return tuple(g for g in groups if g is not target)


def groups_to_json(groups: Iterable[PeerGroup]) -> dict[str, Any]:
    """Return the JSON value stored in the workspace setting (with its schema version)."""
    return {"schema_version": SCHEMA_VERSION, "groups": [{
        "id": g.id, "name": g.name, "name_zh": g.name_zh,
        "members": [{"esi_name": m.esi_name, "name_zh": m.name_zh,
                     "wos_names": list(m.wos_names), "esi_aliases": list(m.esi_aliases)}
                    for m in g.members]} for g in groups]}


def groups_from_json(value: Any, *, source: str = "peer groups") -> tuple[PeerGroup, ...]:
    """Read and check peer groups from their JSON value (:func:`groups_to_json` layout).

    Parameters
    ----------
    value : dict
        ``{"schema_version": 1, "groups": [...]}``.
    source : str
        Where the value came from, named in error messages.

    Raises
    ------
    InputError
        When the layout, a schema version newer than this program's, or a group is invalid.
    """
    if not isinstance(value, dict) or not isinstance(value.get("groups"), list):
        raise InputError(f"{source}: expected an object with a 'groups' list")
    version = value.get("schema_version", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise InputError(f"{source}: schema version {version!r} is newer than this program's "
                         f"({SCHEMA_VERSION}); update the program")
    groups: tuple[PeerGroup, ...] = ()
    for number, item in enumerate(value["groups"], start=1):
        try:
            groups = with_group(groups, _group_from_json(item))
        except InputError as exc:
            raise InputError(f"{source}, group {number}: {exc.message}") from exc
    return groups


@lru_cache(maxsize=1)
def shipped_peer_groups(path: Path = SHIPPED_FILE) -> tuple[PeerGroup, ...]:
    """Return the example peer groups shipped in ``data/peer_groups.json``."""
    with open(path, encoding="utf-8") as handle:
        return groups_from_json(json.load(handle), source=path.name)


def _group_from_json(item: Any) -> PeerGroup:
    if not isinstance(item, dict):
        raise InputError("expected an object with id, name and members")
    members = item.get("members")
    if not isinstance(members, list):
        raise InputError("'members' must be a list")
    return PeerGroup(id=_text(item, "id"), name=_text(item, "name", item.get("id", "")),
                     name_zh=_text(item, "name_zh", ""),
                     members=tuple(_member_from_json(m) for m in members))


def _member_from_json(item: Any) -> PeerInstitution:
    if not isinstance(item, dict):
        raise InputError("a member must be an object with esi_name, name_zh and wos_names")
    return PeerInstitution(esi_name=_text(item, "esi_name"), name_zh=_text(item, "name_zh", ""),
                           wos_names=_texts(item, "wos_names"),
                           esi_aliases=_texts(item, "esi_aliases"))


def _text(item: dict, key: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise InputError(f"{key!r} must be a non-empty text")
    return value.strip()


def _texts(item: dict, key: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{key!r} must be a list of texts")
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _check_group(group: PeerGroup) -> PeerGroup:
    if not group.id.strip() or not group.name.strip():
        raise InputError("a peer group needs an id and a name")
    if not group.members:
        raise InputError(f"peer group {group.id!r} has no members")
    seen: set[str] = set()
    for member in group.members:
        if not member.esi_name.strip():
            raise InputError(f"peer group {group.id!r}: a member has no ESI name")
        if name_key(member.esi_name) in seen:
            raise InputError(f"peer group {group.id!r} names {member.esi_name!r} twice")
        seen.add(name_key(member.esi_name))
    return group
