"""ESI release labels for the GUI: suggest the latest published bimonthly release (no Qt)."""

from __future__ import annotations

from datetime import date

# ESI updates in odd months (Jan, Mar, May, Jul, Sep, Nov), published around mid-month.
PUBLICATION_DAY = 15


def suggest_release(today: date) -> str:
    """Return the label (``YYYY-MM``) of the latest ESI release published by ``today``.

    ESI is updated bimonthly in odd months and published around the 15th, so on
    2025-11-20 the latest release is ``2025-11``, on 2025-11-10 it is still ``2025-09``
    and on 2025-12-01 it is ``2025-11``.

    Parameters
    ----------
    today : datetime.date
        The current date.

    Returns
    -------
    str
        The suggested release label.
    """
    year, month = today.year, today.month
    if month % 2 == 0:
        month -= 1  # an even month: the odd month before it has been published
    elif today.day < PUBLICATION_DAY:
        month -= 2  # this odd month's release is not out yet
    if month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}"


__all__ = ["suggest_release", "PUBLICATION_DAY"]
