"""Excel exports (openpyxl): a safe DataFrame writer and the ESI status workbook."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.esi import TABLE_COLUMNS, EsiStatusResult
from analyst_app import __version__
from analyst_app.reports.esi_bulletin import LEVEL_ZH, ROUNDING_ZH, change_label

if TYPE_CHECKING:  # render imports this module; the sheet type is only named here
    from analyst_app.reports.render import Sheet

#: Leading characters that make Excel (or a CSV reader) evaluate a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")

INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

#: Sheet names of the ESI workbook.
SHEET_OVERVIEW, SHEET_ALL, SHEET_PROVENANCE = "ESI学科概览", "全部指标", "参数与来源"

#: Chinese labels of :data:`analysis.esi.TABLE_COLUMNS` (the key is kept under the label).
COLUMN_ZH = {
    "field": "学科（英文）", "field_zh": "学科", "release": "期次", "rank": "排名",
    "institutions": "机构数 N", "percentile": "百分位", "documents": "论文数", "cites": "被引次数",
    "cites_per_paper": "篇均被引", "top_papers": "高水平论文", "threshold_1pct": "1% 阈值",
    "threshold_1pct_source": "1% 阈值来源", "threshold_1permille": "1‰ 阈值",
    "threshold_1per10k": "1‱ 阈值", "ratio_1pct": "1% 阈值比", "ratio_1permille": "1‰ 阈值比",
    "ratio_1per10k": "1‱ 阈值比", "status": "层次代码", "previous_rank": "上期排名",
    "previous_institutions": "上期机构数", "rank_change": "排名变化（上升为正）",
    "newly_listed": "本期新进", "matched_name": "匹配名称",
}
#: Number formats by column key.
NUMBER_FORMATS = {
    "rank": INT_FORMAT, "institutions": INT_FORMAT, "documents": INT_FORMAT, "cites": INT_FORMAT,
    "top_papers": INT_FORMAT, "threshold_1pct": INT_FORMAT, "threshold_1permille": INT_FORMAT,
    "threshold_1per10k": INT_FORMAT, "previous_rank": INT_FORMAT,
    "previous_institutions": INT_FORMAT, "rank_change": "+#,##0;-#,##0;0",
    "percentile": PERCENT_FORMAT, "cites_per_paper": FLOAT_FORMAT, "ratio_1pct": "0.000",
    "ratio_1permille": "0.000", "ratio_1per10k": "0.000", "imported_at": DATETIME_FORMAT,
}
#: Columns of the overview sheet: table 1 of the bulletin plus the English field name.
OVERVIEW_COLUMNS = ("field_zh", "field", "rank", "institutions", "percentile", "documents",
                    "cites", "cites_per_paper", "top_papers", "threshold_1pct",
                    "threshold_1pct_source", "threshold_1permille", "threshold_1per10k",
                    "level", "change")
SOURCE_COLUMNS = {"release": "期次", "field_zh": "学科", "field": "学科（英文）",
                  "file_name": "文件名", "sha256": "SHA-256", "imported_at": "导入时间",
                  "institutions": "机构数 N", "batch_id": "导入批次", "encoding": "编码",
                  "importer_version": "导入器版本"}


def cell_value(value: object) -> object:
    """Convert a pandas/numpy value to what openpyxl stores (NA → empty cell).

    Parameters
    ----------
    value : object
        A DataFrame cell (numpy scalar, ``pd.NA``, ``Timestamp``...).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return cell_value(value.item())  # type: ignore[union-attr]
    return value


def set_cell(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Write ``value`` to a cell; strings are always stored as text, never as formulas.

    Parameters
    ----------
    ws : Worksheet
        The sheet.
    row, column : int
        1-based cell position.
    value : object
        The value; converted with :func:`cell_value`.

    Notes
    -----
    openpyxl turns a string starting with ``=`` into a formula, and Excel evaluates
    ``+``, ``-`` and ``@`` prefixes when a user edits the cell: an institution name or a
    file name from an export must never run as a formula (CSV/formula injection).
    """
    value = cell_value(value)
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True  # Excel keeps it text even after the user edits it
    else:
        cell.value = value


def write_dataframe_sheet(
    ws: Worksheet,
    df: pd.DataFrame,
    *,
    headers: Mapping[str, str] | None = None,
    number_formats: Mapping[str, str] | None = None,
    start_row: int = 1,
    freeze: str | None = "A2",
) -> int:
    """Write ``df`` as a table: a bold header row, then one row per record.

    Parameters
    ----------
    ws : openpyxl.worksheet.worksheet.Worksheet
        The sheet.
    df : pandas.DataFrame
        The data; every string cell is stored as text (see :func:`set_cell`).
    headers : mapping, optional
        Header text per column (defaults to the column name).
    number_formats : mapping, optional
        Excel number format per column.
    start_row : int
        Row of the header (1-based).
    freeze : str or None
        Cell at which panes are frozen (``A2`` keeps the header row in view).

    Returns
    -------
    int
        The last row written.
    """
    headers = headers or {}
    number_formats = number_formats or {}
    for col, name in enumerate(df.columns, start=1):
        set_cell(ws, start_row, col, headers.get(name, str(name)))
        header = ws.cell(row=start_row, column=col)
        header.font = Font(bold=True)
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, record in enumerate(df.itertuples(index=False), start=start_row + 1):
        for col, (name, value) in enumerate(zip(df.columns, record), start=1):
            set_cell(ws, r, col, value)
            if name in number_formats:
                ws.cell(row=r, column=col).number_format = number_formats[name]
    if freeze:
        ws.freeze_panes = freeze
    fit_column_widths(ws)
    return start_row + len(df)


def _display_width(value: object) -> int:
    text = str(value)
    # Chinese characters take two columns of Excel's default width unit.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown_text(value: object) -> str:
    """Roughly what Excel displays, for sizing: floats are shown rounded, not in full."""
    if isinstance(value, bool):
        return "FALSE"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, (datetime, date)):
        return "yyyy-mm-dd hh:mm"
    return str(value)


def fit_column_widths(ws: Worksheet, minimum: int = 6, maximum: int = 68) -> None:
    """Set each column's width to fit its longest line of text, within bounds.

    Parameters
    ----------
    ws : Worksheet
        The sheet, already filled.
    minimum, maximum : int
        Bounds in Excel's character units.
    """
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = _shown_text(cell.value)
            longest = max(_display_width(line) for line in str(text).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(max(width + 2, minimum), maximum)


def overview_frame(result: EsiStatusResult) -> pd.DataFrame:
    """Return the overview table (the bulletin's table 1, numbers unformatted).

    Parameters
    ----------
    result : EsiStatusResult
        The ESI status.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OVERVIEW_COLUMNS`: the result columns plus ``level`` (前1‱ ...)
        and ``change`` (↑3 / ↓2 / 持平 / 新进 / —); listed fields first.
    """
    table = result.table
    table = table.iloc[(table["status"] == "not_listed").astype(int).argsort(kind="stable")]
    has_previous = result.previous_release is not None
    frame = table.assign(
        level=table["status"].map(LEVEL_ZH),
        change=[change_label(row, has_previous) for _, row in table.iterrows()],
        threshold_1pct_source=table["threshold_1pct_source"].map(
            {"published": "官方", "derived": "推得（榜单末位）"}),
    )
    return frame[list(OVERVIEW_COLUMNS)].reset_index(drop=True)


def write_esi_workbook(result: EsiStatusResult, sources: pd.DataFrame, path: Path, *,
                       display_name: str | None = None,
                       generated_at: datetime | None = None,
                       extra_sheets: Sequence[Sheet] = (),
                       extra_parameters: Sequence[tuple[str, object]] = ()) -> Path:
    """Write the ESI status workbook: overview, all indicators, parameters and sources.

    Parameters
    ----------
    result : EsiStatusResult
        The ESI status.
    sources : pandas.DataFrame
        :func:`analyst_app.db.queries.esi_lists_frame` rows of the releases used.
    path : Path
        The .xlsx file to write (overwritten).
    display_name : str, optional
        The institution's printed name.
    generated_at : datetime, optional
        Time stamp; defaults to now.
    extra_sheets : sequence of :class:`~analyst_app.reports.render.Sheet`
        More tables (the bulletin's history, potential and push list), written after the
        two ESI sheets and before the provenance sheet.
    extra_parameters : sequence of (str, object)
        More (参数, 值) rows for the provenance sheet (watch cut-off, forecast method...).

    Returns
    -------
    Path
        ``path``.
    """
    workbook = Workbook()
    overview = workbook.active
    overview.title = SHEET_OVERVIEW
    headers = dict(COLUMN_ZH, level="层次", change="排名变化")
    write_dataframe_sheet(overview, overview_frame(result), headers=headers,
                          number_formats=NUMBER_FORMATS, freeze="C2")
    everything = workbook.create_sheet(SHEET_ALL)
    keyed = {key: f"{COLUMN_ZH[key]}\n{key}" for key in TABLE_COLUMNS}
    write_dataframe_sheet(everything, result.table[list(TABLE_COLUMNS)], headers=keyed,
                          number_formats=NUMBER_FORMATS, freeze="C2")
    for sheet in extra_sheets:
        write_dataframe_sheet(workbook.create_sheet(sheet.name[:31]), sheet.frame,
                              headers=dict(sheet.headers),
                              number_formats=dict(sheet.number_formats), freeze=sheet.freeze)
    _write_provenance(workbook.create_sheet(SHEET_PROVENANCE), result, sources,
                      display_name, generated_at or datetime.now(), extra_parameters)
    workbook.save(path)
    return path


def parameter_rows(result: EsiStatusResult, display_name: str | None,
                   generated_at: datetime) -> list[tuple[str, object]]:
    """Return the (参数, 值) rows printed on the provenance sheet.

    Parameters
    ----------
    result : EsiStatusResult
        The ESI status (parameters, releases, matched names).
    display_name : str or None
        The institution's printed name.
    generated_at : datetime
        Time stamp of the export.
    """
    params = result.params
    return [
        ("机构（ESI 名称）", params.institution),
        ("显示名称", display_name or params.institution),
        ("别名", "；".join(params.aliases) or "无"),
        ("榜单中匹配到的名称", "；".join(sorted(set(result.table["matched_name"].dropna())))),
        ("本期", result.release),
        ("上期", result.previous_release or "无（首次导入）"),
        ("阈值位次取整", f"{params.rounding}（{ROUNDING_ZH[params.rounding][0]}）"),
        ("百分位公式", "排名 ÷ N"),
        ("1‰ / 1‱ 阈值", f"第 {ROUNDING_ZH[params.rounding][1]} / "
                          f"{ROUNDING_ZH[params.rounding][2]} 位机构的被引次数"),
        ("程序版本", f"学科分析工作台 {__version__}"),
        ("生成时间", generated_at.replace(microsecond=0)),
    ]


def _write_provenance(ws: Worksheet, result: EsiStatusResult, sources: pd.DataFrame,
                      display_name: str | None, generated_at: datetime,
                      extra: Sequence[tuple[str, object]] = ()) -> None:
    rows = parameter_rows(result, display_name, generated_at)
    # The time stamp stays the last row: its cell gets the date format below.
    rows = pd.DataFrame(rows[:-1] + list(extra) + rows[-1:], columns=["参数", "值"])
    last = write_dataframe_sheet(ws, rows, freeze=None)
    ws.cell(row=last, column=2).number_format = DATETIME_FORMAT
    title_row = last + 2
    set_cell(ws, title_row, 1, "数据来源文件")
    ws.cell(row=title_row, column=1).font = Font(bold=True)
    frame = sources.reindex(columns=list(SOURCE_COLUMNS))
    write_dataframe_sheet(ws, frame, headers=SOURCE_COLUMNS, number_formats=NUMBER_FORMATS,
                          start_row=title_row + 1, freeze=None)
    ws.freeze_panes = "A2"
