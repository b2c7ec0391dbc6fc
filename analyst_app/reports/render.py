"""Render a report's files: the docxtpl Word document and its Excel twin.

Report modules build a context (numbers already formatted as printed) and frames; these
two functions turn them into files, so every report shares one way of embedding figures
and one layout of the Excel twin: one sheet per table, then a parameters-and-provenance
sheet (DESIGN §6).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Mapping

import pandas as pd
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from openpyxl import Workbook
from openpyxl.styles import Font

from analyst_app import __version__
from analyst_app.reports.excel import DATETIME_FORMAT, set_cell, write_dataframe_sheet

#: Sheet name of the parameters-and-provenance sheet of every workbook.
PROVENANCE_SHEET = "参数与来源"


def render_docx(template: Path, context: Mapping, out: Path,
                images: Mapping[str, tuple[Path, float]] | None = None,
                item_images: Mapping[str, str] | None = None) -> Path:
    """Render ``template`` with ``context`` to ``out``.

    Parameters
    ----------
    template : Path
        The report's ``template.docx`` (docxtpl tags).
    context : mapping
        Template variables; not modified.
    out : Path
        The file to write.
    images : mapping, optional
        Image name → (PNG path, width in mm). A top-level variable of that name becomes
        the inline image.
    item_images : mapping, optional
        For figures inside a loop: list variable → the field of each item that holds an
        image name of ``images`` (the item then gets the image there; an empty text when
        the name has no image).

    Returns
    -------
    Path
        ``out``.
    """
    document = DocxTemplate(str(template))
    values = dict(context)
    inline = {name: InlineImage(document, str(path), width=Mm(width_mm))
              for name, (path, width_mm) in (images or {}).items()}
    values.update(inline)
    for list_name, key in (item_images or {}).items():
        values[list_name] = [dict(item, **{key: inline.get(item[key], "")})
                             for item in values[list_name]]
    # autoescape: names such as "A & B" must not break the XML.
    document.render(values, autoescape=True)
    document.save(str(out))
    return out


@dataclass
class Sheet:
    """One table of an Excel twin.

    Attributes
    ----------
    name : str
        Sheet name (at most 31 characters; Excel's limit).
    frame : pandas.DataFrame
        The rows, with the report's numbers unrounded.
    headers : mapping
        Column → header text (Chinese, with the JSON key where it helps scripts).
    number_formats : mapping
        Column → Excel number format.
    freeze : str or None
        Cell at which panes freeze.
    """

    name: str
    frame: pd.DataFrame
    headers: Mapping[str, str] = field(default_factory=dict)
    number_formats: Mapping[str, str] = field(default_factory=dict)
    freeze: str | None = "A2"


def write_twin_workbook(path: Path, sheets: list[Sheet], parameters: list[tuple[str, object]],
                        sources: pd.DataFrame | None = None,
                        generated_at: datetime | None = None) -> Path:
    """Write the Excel twin of a report: the sheets, then parameters and provenance.

    Parameters
    ----------
    path : Path
        The .xlsx file (overwritten).
    sheets : list of Sheet
        The report's tables, in order.
    parameters : list of (str, object)
        (参数, 值) rows: institution, filters, methods, settings.
    sources : pandas.DataFrame, optional
        The data behind the report (imported files with their checksums), listed below the
        parameters.
    generated_at : datetime, optional
        Time stamp; defaults to now.

    Returns
    -------
    Path
        ``path``.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name[:31])
        write_dataframe_sheet(ws, sheet.frame, headers=dict(sheet.headers),
                              number_formats=dict(sheet.number_formats), freeze=sheet.freeze)
    ws = workbook.create_sheet(PROVENANCE_SHEET)
    stamp = (generated_at or datetime.now()).replace(microsecond=0)
    rows = pd.DataFrame([*parameters, ("程序版本", f"学科分析工作台 {__version__}"),
                         ("生成时间", stamp)], columns=["参数", "值"])
    last = write_dataframe_sheet(ws, rows, freeze=None)
    ws.cell(row=last, column=2).number_format = DATETIME_FORMAT
    if sources is not None and not sources.empty:
        title_row = last + 2
        set_cell(ws, title_row, 1, "数据来源")
        ws.cell(row=title_row, column=1).font = Font(bold=True)
        write_dataframe_sheet(ws, sources, start_row=title_row + 1, freeze=None)
    ws.freeze_panes = "A2"
    workbook.save(path)
    return path
