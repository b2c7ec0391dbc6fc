"""Tables of the Contribution page: display frames, headers, formatters and the Excel export."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

import pandas as pd
from openpyxl import Workbook

from analyst_app.domain.esi_fields import normalise_field
from analyst_app.domain.school_mapping import SchoolMapping
from analyst_app.reports.excel import (FLOAT_FORMAT, PERCENT_FORMAT, write_dataframe_sheet)
from analyst_app.services.contribution import ContributionReport
from analyst_app.tasks import CancelToken, Progress, no_progress
from ui.pages._contribution_texts import school_label

#: Shown columns of the result table, in order (labels come from the page, translated).
RESULT_COLUMNS = ("school", "school_en", "field_name", "papers", "papers_share", "cites",
                  "cites_share", "hcp", "hcp_share", "field_papers", "field_cites",
                  "field_hcp")
SHARE_COLUMNS = ("papers_share", "cites_share", "hcp_share")
COUNT_COLUMNS = ("papers", "cites", "hcp")
TOTAL_COLUMNS = ("field_papers", "field_cites", "field_hcp")
#: Shown columns of the unmatched addresses table.
UNMATCHED_COLUMNS = ("text", "unit", "papers")
#: Shown columns of the drill-down table.
PAPER_COLUMNS = ("title", "year", "times_cited", "highly_cited", "weight", "authors", "ut",
                 "doi")


def field_name(field: str, chinese: bool) -> str:
    """Return the ESI field's Chinese name in a Chinese UI, else the field as ESI spells it."""
    found = normalise_field(field) if chinese else None
    return found.name_zh if found else field


def result_display_frame(report: ContributionReport, mapping: SchoolMapping | None,
                         chinese: bool) -> pd.DataFrame:
    """Return the result table with the display columns ``school_en`` and ``field_name``.

    ``school_en`` is the English name of the school's first rule in ``mapping`` (empty for
    the unmatched row and schools without one); the raw ``school`` and ``field`` stay in the
    frame for drill-down.
    """
    frame = report.result.table.copy()
    english: dict[str, str] = {}
    for rule in (mapping.rules if mapping else ()):
        if rule.school_en:
            english.setdefault(rule.school, rule.school_en)
    frame["school_en"] = [english.get(s, "") for s in frame["school"]]
    frame["field_name"] = [field_name(f, chinese) for f in frame["field"]]
    return frame


def count_text(value: Any) -> str:
    """A count: whole numbers with thousands separators, fractional counts with 2 decimals."""
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"


def percent_text(value: Any) -> str:
    """A share 0–1 as a percentage with one decimal."""
    return f"{float(value) * 100:.1f}%"


def result_formatters() -> dict[str, Callable[[Any], str]]:
    """Display formatters of the result table's numeric columns and of the unmatched row."""
    return {"school": school_label,
            **{c: count_text for c in (*COUNT_COLUMNS, *TOTAL_COLUMNS)},
            **{c: percent_text for c in SHARE_COLUMNS}}


def export_contribution_workbook(report: ContributionReport, mapping: SchoolMapping | None,
                                 path: Path, headers: Mapping[str, Mapping[str, str]],
                                 chinese: bool, *, progress: Progress = no_progress,
                                 cancel: CancelToken | None = None) -> Path:
    """Write the shown tables to an Excel workbook (runs on the page's TaskRunner).

    Sheets: the contribution table (shares as Excel percentages), the unmatched addresses,
    the mapping rules used, and the method with the computation's parameters.

    Parameters
    ----------
    report : ContributionReport
        The result shown.
    mapping : SchoolMapping or None
        The mapping it was computed with.
    path : Path
        The .xlsx file (written to a temporary name, then renamed).
    headers : mapping
        ``{"result": ..., "unmatched": ..., "mapping": ..., "sheets": ...}``: translated
        column labels of each sheet and the sheet names.
    chinese : bool
        Field names in Chinese.
    """
    book = Workbook()
    sheets = headers["sheets"]
    result = result_display_frame(report, mapping, chinese)[list(RESULT_COLUMNS)]
    ws = book.active
    ws.title = sheets["result"]
    formats = {**{c: PERCENT_FORMAT for c in SHARE_COLUMNS},
               **{c: FLOAT_FORMAT for c in COUNT_COLUMNS
                  if report.parameters.get("counting") == "fractional"}}
    write_dataframe_sheet(ws, result, headers=headers["result"], number_formats=formats)
    progress(0.4, "contribution table written")
    if cancel is not None:
        cancel.raise_if_cancelled()
    write_dataframe_sheet(book.create_sheet(sheets["unmatched"]),
                          report.unmatched[list(UNMATCHED_COLUMNS)], headers=headers["unmatched"])
    if mapping is not None:
        write_dataframe_sheet(book.create_sheet(sheets["mapping"]), mapping.frame(),
                              headers=headers["mapping"])
    parameters = pd.DataFrame({"name": ["method", *report.parameters],
                               "value": [report.method, *map(_plain, report.parameters.values())]})
    write_dataframe_sheet(book.create_sheet(sheets["parameters"]), parameters, freeze=None)
    progress(0.9, "saving the workbook")
    temporary = path.with_name(path.name + ".part")
    book.save(temporary)
    temporary.replace(path)
    progress(1.0, "done")
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return value


__all__ = ["RESULT_COLUMNS", "UNMATCHED_COLUMNS", "PAPER_COLUMNS", "field_name",
           "result_display_frame", "count_text", "percent_text",
           "result_formatters", "export_contribution_workbook"]
