"""The ESI release suggestion (pure, no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from ui.release import suggest_release


@pytest.mark.parametrize(("today", "expected"), [
    (date(2025, 11, 20), "2025-11"),   # odd month after mid-month: this month's release
    (date(2025, 11, 15), "2025-11"),
    (date(2025, 11, 14), "2025-09"),   # odd month before mid-month: the one before
    (date(2025, 12, 1), "2025-11"),    # even month: the odd month before
    (date(2026, 1, 10), "2025-11"),    # January before mid-month: last November
    (date(2026, 1, 16), "2026-01"),
    (date(2026, 2, 28), "2026-01"),
    (date(2025, 3, 2), "2025-01"),
])
def test_suggest_release(today, expected):
    assert suggest_release(today) == expected


def test_suggestion_is_an_odd_month_label():
    for day in range(1, 366, 7):
        label = suggest_release(date.fromordinal(date(2025, 1, 1).toordinal() + day))
        year, month = map(int, label.split("-"))
        assert month % 2 == 1 and len(label) == 7
