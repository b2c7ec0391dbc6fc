"""Export the tables the Benchmarking page shows to an Excel workbook (one sheet per table)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication

from analyst_app import __version__
from analyst_app.reports.excel import (FLOAT_FORMAT, INT_FORMAT, PERCENT_FORMAT,
                                       fit_column_widths, write_dataframe_sheet)
from analyst_app.services.benchmark import BenchmarkReport
from ui.pages._benchmark_tables import (ESI_COLUMNS, NOT_LISTED, TREND_COLUMNS, WOS_COLUMNS,
                                        display_frame, headers, tr)

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

NUMBER_FORMATS = {
    **{c: INT_FORMAT for c in ("rank", "institutions", "documents", "cites", "top_papers",
                               "papers", "h_index")},
    "rank_change": "+#,##0;-#,##0;0", "cites_per_paper": FLOAT_FORMAT,
    **{c: PERCENT_FORMAT for c in ("percentile", "top10_share", "top1_share",
                                   "international_share")},
}


def _sheet_frame(frame: pd.DataFrame, report: BenchmarkReport, chinese: bool,
                 columns: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    shown = display_frame(frame, report, chinese)
    if "listed" in shown.columns:
        # As on screen: an institution absent from a list is "not listed", never blank or 0.
        shown["rank"] = shown["rank"].astype(object).where(shown["listed"].astype(bool),
                                                             tr(NOT_LISTED))
    if "warning" in shown.columns:
        shown["note"] = shown["warning"].where(shown["small_sample"].astype(bool), None)
    keep = [c for c in columns if c in shown.columns]
    labels = {c: text.replace("\n", " ") for c, text in headers(columns).items()}
    return shown[keep], labels


def export_benchmark_excel(report: BenchmarkReport, path: Path, *, chinese: bool) -> Path:
    """Write the ESI, trend and WoS tables, the warnings and the method to ``path``.

    Parameters
    ----------
    report : BenchmarkReport
        The result shown on the page.
    path : Path
        The ``.xlsx`` file to write (replaced).
    chinese : bool
        Use the Chinese display names of institutions and fields.

    Returns
    -------
    Path
        ``path``.
    """
    result = report.result
    workbook = Workbook()
    sheets = [
        (translate("BenchmarkPage", "ESI"), result.esi, ESI_COLUMNS),
        (translate("BenchmarkPage", "ESI trend"), result.esi_trend, TREND_COLUMNS),
        (translate("BenchmarkPage", "WoS totals"), result.wos_totals,
         {c: label for c, label in WOS_COLUMNS.items() if c != "year"}),
        (translate("BenchmarkPage", "WoS per year"), result.wos, WOS_COLUMNS),
    ]
    for number, (title, frame, columns) in enumerate(sheets):
        ws = workbook.active if number == 0 else workbook.create_sheet()
        ws.title = title[:31]  # Excel's limit on sheet names
        shown, labels = _sheet_frame(frame, report, chinese, columns)
        write_dataframe_sheet(ws, shown, headers=labels, number_formats=NUMBER_FORMATS)
        fit_column_widths(ws)
    ws = workbook.create_sheet(translate("BenchmarkPage", "Parameters")[:31])
    everyone = (report.institution, *report.peers)
    rows = [
        (translate("BenchmarkPage", "Institution"), report.institution.esi_name),
        (translate("BenchmarkPage", "Peers"), "; ".join(p.esi_name for p in report.peers)),
        (translate("BenchmarkPage", "Peer group"), report.group or ""),
        (translate("BenchmarkPage", "ESI release"), result.release or ""),
        (translate("BenchmarkPage", "Fields"),
         ", ".join(result.params.fields) or translate("BenchmarkPage", "All fields")),
        (translate("BenchmarkPage", "Small sample below (papers)"), result.params.min_papers),
        (translate("BenchmarkPage", "Publications read"), report.filter.describe()),
        *((translate("BenchmarkPage", "WoS spellings of {name}").format(name=m.esi_name),
           "; ".join(m.wos_names)) for m in everyone),
        (translate("BenchmarkPage", "Method"), result.method),
        *((translate("BenchmarkPage", "Warning"), text) for text in result.warnings),
        (translate("BenchmarkPage", "Program version"), __version__),
    ]
    write_dataframe_sheet(ws, pd.DataFrame(rows, columns=["key", "value"]),
                          headers={"key": translate("BenchmarkPage", "Item"),
                                   "value": translate("BenchmarkPage", "Value")})
    fit_column_widths(ws, maximum=120)
    path = Path(path)
    workbook.save(path)
    return path


__all__ = ["export_benchmark_excel"]
