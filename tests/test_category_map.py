"""The WoS category → ESI field map: valid fields, coverage of real exports, the lookup rule."""

from __future__ import annotations

import csv
import re

import pytest

from analyst_app.domain.category_map import (
    MAP_FILE, NOT_IN_ESI, category_key, category_map, esi_field_for_categories,
)
from analyst_app.domain.esi_fields import esi_fields
from tests.conftest import SAMPLES


def _sample_categories() -> set[str]:
    """Distinct ``WC`` values of the real WoS plain-text exports (continuation lines included)."""
    files = sorted((SAMPLES / "wos_plain").glob("*.txt"))
    if not files:
        pytest.skip("real WoS sample exports not found (CI provides ../shared/samples)")
    found: set[str] = set()
    for path in files:
        value = None
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if re.match(r"^WC[ \t]", line):
                value = line[3:]
            elif value is not None and line.startswith("   "):
                value += " " + line.strip()
            else:
                if value is not None:
                    found.update(c.strip() for c in value.split(";") if c.strip())
                value = None
    return found


def test_every_value_is_an_esi_field_and_every_category_appears_once():
    valid = {field.name_en for field in esi_fields()}
    table = category_map()
    assert len(table) >= 220
    assert set(table.values()) <= valid, set(table.values()) - valid
    assert set(table.values()) == valid  # every ESI field is reachable
    with open(MAP_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["wos_category", "esi_field"]
    keys = [category_key(name) for name, _ in rows[1:]]
    assert len(keys) == len(set(keys)) == len(rows) - 1
    assert not set(map(category_key, NOT_IN_ESI)) & set(keys)


def test_categories_of_the_real_exports_map():
    categories = _sample_categories()
    assert len(categories) > 50
    unmapped = sorted(c for c in categories if esi_field_for_categories([c]) is None)
    assert len(unmapped) <= 0.02 * len(categories), f"unmapped WoS categories: {unmapped}"


@pytest.mark.parametrize("category, field", [
    ("Engineering, Chemical", "ENGINEERING"),
    ("Chemistry, Physical", "CHEMISTRY"),
    ("Materials Science, Multidisciplinary", "MATERIALS SCIENCE"),
    ("Computer Science, Artificial Intelligence", "COMPUTER SCIENCE"),
    ("Energy & Fuels", "ENGINEERING"),
    ("Environmental Sciences", "ENVIRONMENT/ECOLOGY"),
    ("Multidisciplinary Sciences", "MULTIDISCIPLINARY"),
    ("Astronomy & Astrophysics", "SPACE SCIENCE"),
    ("Economics", "ECONOMICS & BUSINESS"),
    ("Information Science & Library Science", "SOCIAL SCIENCES, GENERAL"),
])
def test_known_categories(category, field):
    assert esi_field_for_categories([category]) == field


def test_the_first_category_that_maps_wins_whatever_the_spelling():
    assert esi_field_for_categories(["Energy & Fuels", "Chemistry, Physical"]) == "ENGINEERING"
    assert esi_field_for_categories(["Chemistry, Physical", "Energy & Fuels"]) == "CHEMISTRY"
    assert esi_field_for_categories(["Literature", "No Such Category", "Oceanography"]) == "GEOSCIENCES"
    assert esi_field_for_categories(["  CHEMISTRY, PHYSICAL "]) == "CHEMISTRY"
    assert esi_field_for_categories(["Marine Freshwater Biology"]) == "PLANT & ANIMAL SCIENCE"
    assert esi_field_for_categories(["marine and freshwater biology"]) == "PLANT & ANIMAL SCIENCE"
    assert esi_field_for_categories(["Music", "Philosophy"]) is None
    assert esi_field_for_categories([]) is None
    assert category_map() is category_map()  # cached
