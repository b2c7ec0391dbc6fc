"""Tables of the Benchmarking page: columns, display frames and a model that marks rows."""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from analyst_app.domain.esi_fields import esi_fields
from analyst_app.services.benchmark import BenchmarkReport
from analysis.benchmark_wos import ALL_FIELDS, UNCLASSIFIED
from ui.models import DataFrameTableModel, is_missing

CONTEXT = "BenchmarkPage"

# Our institution's rows: bold on a light red tint (the charts draw us in red too).
OUR_BACKGROUND = QColor("#fbeee6")
OUR_FOREGROUND = QColor("#922b21")
# Small-sample rows: grey italics, so unstable numbers do not read like the others.
SMALL_FOREGROUND = QColor("#7f8c8d")

#: Columns of the ESI table (one release) and their headers.
ESI_COLUMNS = {
    "name": QT_TRANSLATE_NOOP("BenchmarkPage", "Institution"),
    "field_name": QT_TRANSLATE_NOOP("BenchmarkPage", "ESI field"),
    "rank": QT_TRANSLATE_NOOP("BenchmarkPage", "Rank"),
    "institutions": QT_TRANSLATE_NOOP("BenchmarkPage", "Institutions listed"),
    "percentile": QT_TRANSLATE_NOOP("BenchmarkPage", "Percentile position"),
    "documents": QT_TRANSLATE_NOOP("BenchmarkPage", "Documents"),
    "cites": QT_TRANSLATE_NOOP("BenchmarkPage", "Cites"),
    "cites_per_paper": QT_TRANSLATE_NOOP("BenchmarkPage", "Cites per paper"),
    "top_papers": QT_TRANSLATE_NOOP("BenchmarkPage", "Top papers"),
}
#: Columns of the ESI trend table (every release).
TREND_COLUMNS = {
    "name": ESI_COLUMNS["name"],
    "field_name": ESI_COLUMNS["field_name"],
    "release": QT_TRANSLATE_NOOP("BenchmarkPage", "Release"),
    "rank": ESI_COLUMNS["rank"],
    "rank_change": QT_TRANSLATE_NOOP("BenchmarkPage", "Rank change"),
    "institutions": ESI_COLUMNS["institutions"],
    "percentile": ESI_COLUMNS["percentile"],
    "cites": ESI_COLUMNS["cites"],
    "top_papers": ESI_COLUMNS["top_papers"],
}
#: Columns of the WoS tables (per year, or totals without ``year``).
WOS_COLUMNS = {
    "name": ESI_COLUMNS["name"],
    "field_name": ESI_COLUMNS["field_name"],
    "year": QT_TRANSLATE_NOOP("BenchmarkPage", "Year"),
    "papers": QT_TRANSLATE_NOOP("BenchmarkPage", "Papers"),
    "cites": ESI_COLUMNS["cites"],
    "cites_per_paper": ESI_COLUMNS["cites_per_paper"],
    "top10_share": QT_TRANSLATE_NOOP("BenchmarkPage", "Top 10% share\n(collection-normalised)"),
    "top1_share": QT_TRANSLATE_NOOP("BenchmarkPage", "Top 1% share\n(collection-normalised)"),
    "international_share": QT_TRANSLATE_NOOP("BenchmarkPage", "International share"),
    "h_index": QT_TRANSLATE_NOOP("BenchmarkPage", "h-index"),
    "note": QT_TRANSLATE_NOOP("BenchmarkPage", "Note"),
}
#: Header tooltips (why a number is what it is).
HEADER_TIPS = {
    "percentile": QT_TRANSLATE_NOOP("BenchmarkPage", "Rank / institutions in the field's "
                                    "ESI list; smaller is better."),
    "rank_change": QT_TRANSLATE_NOOP("BenchmarkPage", "Previous rank − rank: ↑ moved up."),
    "top10_share": QT_TRANSLATE_NOOP(
        "BenchmarkPage", "Share of the papers among the 10% most cited of the same ESI field "
        "and year in the imported collection. Normalised within the collection: not CNCI."),
    "top1_share": QT_TRANSLATE_NOOP(
        "BenchmarkPage", "Share of the papers among the 1% most cited of the same ESI field "
        "and year in the imported collection. Normalised within the collection: not CNCI."),
    "international_share": QT_TRANSLATE_NOOP(
        "BenchmarkPage", "Share of the papers with an address in another country or region."),
    "h_index": QT_TRANSLATE_NOOP("BenchmarkPage", "h-index of the papers of the cell "
                                 "(within the imported collection)."),
}
NOT_LISTED = QT_TRANSLATE_NOOP("BenchmarkPage", "not listed")
SMALL_SAMPLE = QT_TRANSLATE_NOOP("BenchmarkPage", "⚠ small sample")
ALL_FIELDS_LABEL = QT_TRANSLATE_NOOP("BenchmarkPage", "All fields")
UNCLASSIFIED_LABEL = QT_TRANSLATE_NOOP("BenchmarkPage", "Unclassified")


def tr(text: str) -> str:
    """Translate ``text`` in the Benchmarking page's context."""
    return QCoreApplication.translate(CONTEXT, text)


def headers(columns: Mapping[str, str]) -> dict[str, str]:
    """Return ``columns`` with translated labels."""
    return {column: tr(label) for column, label in columns.items()}


def field_display_names(chinese: bool) -> dict[str, str]:
    """ESI field (ESI spelling) → name shown, plus the totals and unclassified rows."""
    names = {f.name_en: (f.name_zh if chinese else f.name_en) for f in esi_fields()}
    names[ALL_FIELDS] = tr(ALL_FIELDS_LABEL)
    names[UNCLASSIFIED] = tr(UNCLASSIFIED_LABEL)
    return names


def institution_names(report: BenchmarkReport, chinese: bool) -> dict[str, str]:
    """ESI name → name shown: the Chinese name in a Chinese UI when the peer group has one."""
    everyone = (report.institution, *report.peers)
    return {m.esi_name: (m.name_zh if chinese and m.name_zh else m.esi_name) for m in everyone}


def display_frame(frame: pd.DataFrame, report: BenchmarkReport, chinese: bool) -> pd.DataFrame:
    """Return ``frame`` (an ESI or WoS table of ``report``) with the columns the page shows.

    Added: ``name`` and ``field_name`` (display names), ``is_us`` (our institution's rows)
    and, for WoS tables, ``note`` (small sample, translated).
    """
    shown = frame.copy()
    names = institution_names(report, chinese)
    fields = field_display_names(chinese)
    shown["name"] = shown["institution"].map(lambda n: names.get(n, n))
    shown["field_name"] = shown["field"].map(lambda f: fields.get(f, f))
    shown["is_us"] = shown["institution"] == report.institution.esi_name
    if "small_sample" in shown.columns:
        shown["note"] = [tr(SMALL_SAMPLE) if small else None for small in shown["small_sample"]]
    return shown


def _change(value: Any) -> str:
    change = int(value)
    return f"↑{change}" if change > 0 else f"↓{-change}" if change < 0 else "–"


def formatters() -> dict[str, Any]:
    """Display text of the numeric columns (thousands separators, percentages)."""
    thousands = lambda v: f"{int(v):,}"  # noqa: E731
    percent = lambda v: f"{float(v) * 100:.1f}%"  # noqa: E731
    return {
        **{c: thousands for c in ("rank", "institutions", "documents", "cites", "top_papers",
                                  "papers", "h_index")},
        "percentile": lambda v: f"{float(v) * 100:.2f}%",
        "rank_change": _change,
        "year": lambda v: str(int(v)),
        **{c: percent for c in ("top10_share", "top1_share", "international_share")},
    }


class BenchmarkTableModel(DataFrameTableModel):
    """A :class:`DataFrameTableModel` that marks our rows, unlisted cells and small samples.

    Rows with ``is_us`` true are bold on a tint; missing ESI values of rows with ``listed``
    false read "not listed" (never 0 or a bare dash); rows with ``small_sample`` true are
    grey italics with their ``warning`` as tooltip. Headers carry :data:`HEADER_TIPS`.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(formatters=formatters(), parent=parent)
        self.set_alignment(["rank_change"], Qt.AlignmentFlag.AlignCenter)
        # Explicitly, so that "—" and "not listed" line up with the numbers of the column.
        self.set_alignment(["rank", "institutions", "percentile", "documents", "cites",
                            "cites_per_paper", "top_papers", "year", "papers", "top10_share",
                            "top1_share", "international_share", "h_index"],
                           Qt.AlignmentFlag.AlignRight)

    def _value(self, row: int, column: str) -> Any:
        frame = self.frame
        return frame.iat[row, frame.columns.get_loc(column)] if column in frame.columns else None

    def _unlisted(self, row: int) -> bool:
        # ESI rows only: WoS rows have no "listed" column.
        listed = self._value(row, "listed")
        return listed is not None and not is_missing(listed) and not bool(listed)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        column = self.columns[index.column()] if index.column() < len(self.columns) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and self._value(row, "small_sample"):
                return str(self._value(row, "warning"))
            if column == "rank" and self._unlisted(row) and is_missing(self._value(row, column)):
                return tr(NOT_LISTED)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(bool(self._value(row, "is_us")))
            font.setItalic(bool(self._value(row, "small_sample")))
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self._value(row, "is_us"):
            return QBrush(OUR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._value(row, "small_sample") or (column == "rank" and self._unlisted(row)):
                return QBrush(SMALL_FOREGROUND)
            if self._value(row, "is_us"):
                return QBrush(OUR_FOREGROUND)
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            tip = HEADER_TIPS.get(self.columns[section])
            return tr(tip) if tip else None
        return super().headerData(section, orientation, role)


__all__ = ["BenchmarkTableModel", "tr", "ESI_COLUMNS", "TREND_COLUMNS", "WOS_COLUMNS",
           "display_frame", "field_display_names", "formatters", "headers",
           "institution_names"]
