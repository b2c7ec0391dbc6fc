"""Web of Science categories → ESI research fields (reference data in ``data/wos_category_esi_field.csv``).

ESI assigns *journals*, not categories, to its 22 fields (and Multidisciplinary journals
paper by paper), so no category map reproduces ESI exactly. This is the approximation
subject librarians use when a record has no ESI journal assignment at hand: each WoS
category goes to the ESI field most of its journals are in ("Engineering, Chemical" →
ENGINEERING, "Chemistry, Physical" → CHEMISTRY, "Energy & Fuels" → ENGINEERING,
"Multidisciplinary Sciences" → MULTIDISCIPLINARY). Counts by field computed with it are
estimates and reports must say so; the ESI journal list, where available, is the authority.

ESI covers Science Citation Index Expanded and Social Sciences Citation Index journals
only, so Arts & Humanities-only categories (:data:`NOT_IN_ESI`) are deliberately absent
from the map and give ``None``.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from analyst_app import DATA_DIR

MAP_FILE = DATA_DIR / "wos_category_esi_field.csv"

#: Arts & Humanities Citation Index categories with no SCIE/SSCI journals: not in ESI.
NOT_IN_ESI: tuple[str, ...] = (
    "Architecture", "Art", "Asian Studies", "Classics", "Dance", "Film, Radio, Television",
    "Folklore", "Humanities, Multidisciplinary", "Language & Linguistics", "Literary Reviews",
    "Literary Theory & Criticism", "Literature", "Literature, African, Australian, Canadian",
    "Literature, American", "Literature, British Isles", "Literature, German, Dutch, Scandinavian",
    "Literature, Romance", "Literature, Slavic", "Medieval & Renaissance Studies", "Music",
    "Philosophy", "Poetry", "Religion", "Theater",
)

_AND = re.compile(r"\band\b")
#: Category list → ESI field, as esi_field_for_categories found it (the map is static
#: reference data, read once per process).
_FIELD_OF: dict[tuple[str, ...], str | None] = {}
_FIELD_OF_MAX = 8192
_NOT_ALNUM = re.compile(r"[\W_]+")


def category_key(name: str) -> str:
    """Return a WoS category name folded for lookup.

    Case, punctuation, ``&`` and the word "and" are ignored, so the spellings of the
    plain-text export (``Marine & Freshwater Biology``), of InCites and analysis tables
    (``Marine Freshwater Biology``) and of typed queries (``marine and freshwater
    biology``) are one key.
    """
    folded = name.casefold().replace("&", " ")
    return _NOT_ALNUM.sub("", _AND.sub(" ", folded))


@lru_cache(maxsize=1)
def category_map() -> dict[str, str]:
    """Return the map as written in the data file: WoS category → ESI field name.

    Returns
    -------
    dict
        ``{"Chemistry, Physical": "CHEMISTRY", ...}``; values are ESI field names exactly
        as in ``data/esi_fields.csv`` (``name_en``). Cached: read once per process.
    """
    with open(MAP_FILE, encoding="utf-8", newline="") as handle:
        return {row["wos_category"].strip(): row["esi_field"].strip()
                for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    return {category_key(name): field for name, field in category_map().items()}


def esi_field_for_categories(categories: list[str]) -> str | None:
    """Return the ESI field of a record from its WoS categories (``WC``), or ``None``.

    Parameters
    ----------
    categories : list of str
        The record's WoS categories in the order the export gives them
        (``["Energy & Fuels", "Engineering, Chemical"]``).

    Returns
    -------
    str or None
        The field of the *first* category that maps (case- and punctuation-insensitive,
        see :func:`category_key`). A fixed first-wins rule rather than a vote: over the two
        or three categories of a record a vote is mostly a tie, and the rule keeps the
        result reproducible and explainable. ``None`` when no category maps (Arts &
        Humanities only, or an unknown name).
    """
    # A corpus has a few hundred distinct category lists: look each up once.
    key = tuple(categories)
    try:
        return _FIELD_OF[key]
    except KeyError:
        pass
    table = _by_key()
    field = None
    for category in categories:
        field = table.get(category_key(category))
        if field is not None:
            break
    if len(_FIELD_OF) >= _FIELD_OF_MAX:
        _FIELD_OF.clear()
    _FIELD_OF[key] = field
    return field
