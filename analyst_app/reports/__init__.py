"""Reports: analysis results → rendering contexts → Word (docxtpl) and Excel (openpyxl) files.

Modules: :mod:`~analyst_app.reports.templates` (the template registry),
:mod:`~analyst_app.reports.docx_style` (Chinese office style helpers),
:mod:`~analyst_app.reports.figures` (PNG charts), :mod:`~analyst_app.reports.excel`
(workbooks) and one module per report (:mod:`~analyst_app.reports.esi_bulletin`).
No module here imports Qt or opens the database; services call them.

The helpers below format numbers as Chinese reports print them (thousands separators,
percentages with two decimals, a dash for a missing value).
"""

from __future__ import annotations

import pandas as pd

#: Printed for a missing number.
DASH = "—"


def fmt_int(value: object) -> str:
    """Return ``value`` with thousands separators (``329,667``), or ``—`` when missing."""
    if is_missing(value):
        return DASH
    return f"{int(round(float(value))):,}"  # type: ignore[arg-type]


def fmt_percent(fraction: object, digits: int = 2) -> str:
    """Return a fraction as a percentage (``0.0086 → 0.86%``), or ``—`` when missing."""
    if is_missing(fraction):
        return DASH
    return f"{float(fraction) * 100:.{digits}f}%"  # type: ignore[arg-type]


def fmt_float(value: object, digits: int = 2) -> str:
    """Return ``value`` with ``digits`` decimals, or ``—`` when missing."""
    return DASH if is_missing(value) else f"{float(value):,.{digits}f}"  # type: ignore[arg-type]


def is_missing(value: object) -> bool:
    """Return whether ``value`` is ``None``, ``pd.NA`` or NaN."""
    if value is None or value is pd.NA:
        return True
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
