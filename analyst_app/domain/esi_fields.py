"""The 22 ESI research fields (reference data in ``data/esi_fields.csv``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from analyst_app import DATA_DIR


@dataclass(frozen=True)
class EsiField:
    """One ESI research field.

    Attributes
    ----------
    code : str
        Short stable code (``CHE``).
    name_en : str
        The field name exactly as ESI prints it (``CHEMISTRY``).
    name_zh : str
        The Chinese name used in reports (``化学``).
    """

    code: str
    name_en: str
    name_zh: str


@lru_cache(maxsize=1)
def esi_fields() -> tuple[EsiField, ...]:
    """Return the 22 ESI fields in ESI's alphabetical order."""
    with open(DATA_DIR / "esi_fields.csv", encoding="utf-8", newline="") as handle:
        return tuple(EsiField(r["code"], r["name_en"], r["name_zh"]) for r in csv.DictReader(handle))


def _key(name: str) -> str:
    # ESI spells fields with '&', '/' and ', GENERAL'; file names and users write
    # 'and', '_' or drop punctuation, so compare on letters only.
    name = name.upper().replace("&", " AND ")
    return re.sub(r"[^A-Z]+", "", name)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, EsiField]:
    table: dict[str, EsiField] = {}
    for field in esi_fields():
        table[_key(field.name_en)] = field
        table[_key(field.code)] = field
        table[field.name_zh] = field
    # 'SOCIAL SCIENCES' without ', GENERAL' appears in older exports.
    table[_key("SOCIAL SCIENCES")] = table[_key("SOCIAL SCIENCES, GENERAL")]
    return table


def normalise_field(name: str) -> EsiField | None:
    """Return the ESI field named by ``name`` (English, code or Chinese), or ``None``.

    Parameters
    ----------
    name : str
        A field name in any common spelling: ``"ENVIRONMENT/ECOLOGY"``,
        ``"Environment Ecology"``, ``"ENV"`` or ``"环境科学与生态学"``.
    """
    name = name.strip()
    return _by_key().get(name) or _by_key().get(_key(name))
