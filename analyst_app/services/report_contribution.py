"""Build the school contribution report (学院学科贡献度分析报告): Word, heat map and Excel twin, atomically."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.contribution import (COUNTING_METHODS, JSON_KEYS, ContributionParams,
                                   ContributionResult, compute_contribution)
from analyst_app.db.queries import import_batches_frame
from analyst_app.db.workspace import Workspace
from analyst_app.domain.school_mapping import load_school_mapping
from analyst_app.errors import InputError, check_option
from analyst_app.reports.contribution_report import (COUNTING_ZH, build_contribution_context,
                                                     field_names)
from analyst_app.reports.excel import FLOAT_FORMAT, INT_FORMAT, PERCENT_FORMAT
from analyst_app.reports.figures_contribution import (figure_contribution_heatmap, figure_size,
                                                      heatmap_data)
from analyst_app.reports.output_files import (ReportOutput, check_cancel, check_output, publish,
                                              staging_folder)
from analyst_app.reports.render import Sheet, render_docx, write_twin_workbook
from analyst_app.reports.templates import template_path
from analyst_app.services.contribution import ContributionReport, contribution
from analyst_app.services.corpus import CorpusFilter
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

if TYPE_CHECKING:  # the registry imports this module when it builds the report
    from analyst_app.services.report_registry import ReportOptions

CONTRIBUTION = "contribution"
#: Millimetres per inch: the heat map is printed at the size it was drawn.
_MM_PER_INCH = 25.4
#: Import formats that are ESI lists, not publications: not data of this report.
_ESI_LIST_FORMATS = ("esi_institutions", "esi_thresholds", "esi_journals")

#: Headers of the Excel sheets (Chinese, with the JSON key where scripts need it).
HEADERS = {
    "counting": "计数方法", "school": "学院 school", "field_zh": "学科", "field": "学科（英文）field",
    "papers": "论文数 papers", "papers_share": "论文占比 papers_share", "cites": "被引次数 cites",
    "cites_share": "被引占比 cites_share", "hcp": "高被引论文 hcp", "hcp_share": "高被引占比 hcp_share",
    "field_papers": "全校该学科论文数", "field_cites": "全校该学科被引次数",
    "field_hcp": "全校该学科高被引论文", "ut": "UT（入藏号）", "doi": "DOI", "title": "题名",
    "year": "年份", "times_cited": "被引次数", "highly_cited": "高被引论文",
    "schools_on_paper": "论文的本校学院数 k", "weight": "计数权重 weight（分数计数 1/k，整数计数 1）",
    "authors": "该学院作者", "unit": "单位（待映射）", "text": "完整地址", "n_papers": "论文数",
}
NUMBER_FORMATS = {
    "papers": FLOAT_FORMAT, "cites": FLOAT_FORMAT, "hcp": FLOAT_FORMAT,
    "papers_share": PERCENT_FORMAT, "cites_share": PERCENT_FORMAT, "hcp_share": PERCENT_FORMAT,
    "field_papers": INT_FORMAT, "field_cites": INT_FORMAT, "field_hcp": INT_FORMAT,
    "times_cited": INT_FORMAT, "weight": "0.0000", "n_papers": INT_FORMAT,
}


def parse_years(text: str | None) -> tuple[int, int] | None:
    """Return ``"2015-2024"`` (or ``"2020"``) as a (first, last) pair; ``None`` for no limit.

    Raises
    ------
    InputError
        When the text is not ``FIRST-LAST``.
    """
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*", str(text))
    if not found:
        raise InputError(f"invalid years {text!r}: expected FIRST-LAST, e.g. 2015-2024")
    first, last = int(found.group(1)), int(found.group(2) or found.group(1))
    return (min(first, last), max(first, last))


def build_contribution_report(workspace: Workspace, output: Path, *, xlsx: Path | None,
                              options: ReportOptions, progress: Progress = no_progress,
                              cancel: CancelToken | None = None) -> ReportOutput:
    """Build the school contribution report as Word, and optionally its Excel twin.

    Nothing is written until every file has been rendered (staging folder, then renames).

    Parameters
    ----------
    workspace : Workspace
        The workspace with the publication corpus.
    output : Path
        The .docx file; the heat map is written beside it as ``<stem>_fig1.png``.
    xlsx : Path or None
        The Excel twin: contribution long table, drill-down (one row per school, field and
        paper), unmatched addresses, per-school summary, parameters and provenance.
    options : ReportOptions
        ``institution`` (as addresses name it; default the workspace's), ``display_name``
        and ``extra``: ``schools`` (mapping file, required), ``counting`` (``"fractional"``
        default, or ``"full"``), ``years`` (``"2015-2024"``, optional), ``both_countings``
        (bool: a table per counting for each field), ``aliases`` (list of other names).
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    ReportOutput

    Raises
    ------
    InputError
        Missing or bad mapping file, bad counting or years, unknown institution, an output
        folder that cannot be written.
    Cancelled
        When ``cancel`` was triggered; no file is left behind.
    """
    extra = options.extra
    if not extra.get("schools"):
        raise InputError("the contribution report needs a school mapping file "
                         "(option 'schools', CLI --schools FILE)")
    counting = str(extra.get("counting") or "fractional")
    check_option("counting", counting, COUNTING_METHODS)
    flt = CorpusFilter(years=parse_years(extra.get("years")))
    output = check_output(output, ".docx")
    xlsx = check_output(xlsx, ".xlsx") if xlsx is not None else None
    mapping = load_school_mapping(extra["schools"])  # a bad file stops before any reading
    report = contribution(workspace, options.institution, mapping, counting, flt,
                          aliases=tuple(extra.get("aliases") or ()),
                          progress=scaled(progress, 0.0, 0.5), cancel=cancel)
    other = _other_counting(report) if extra.get("both_countings") else None
    sources = _sources(workspace)
    check_cancel(cancel)
    generated_at = datetime.now()
    names = field_names(report.result.table["field"].drop_duplicates().tolist())
    heatmap = heatmap_data(report.result.table, names)
    context = build_contribution_context(
        report, heatmap, sources, flt=flt, other=other, display_name=options.display_name,
        workbook_name=xlsx.name if xlsx is not None else None, generated_at=generated_at)
    figure = output.with_name(f"{output.stem}_fig1.png")
    # Printed at the drawn size, so the chart's type sizes are those on paper.
    width_mm = figure_size(heatmap.shares.shape[1], heatmap.shares.shape[0])[0] * _MM_PER_INCH
    with staging_folder(output.parent) as staging:
        progress(0.6, "绘制热力图")
        staged_figure = figure_contribution_heatmap(heatmap, staging / figure.name,
                                                    counting_zh=COUNTING_ZH[counting])
        check_cancel(cancel)
        progress(0.7, "生成 Word 报告")
        staged_docx = render_docx(template_path(CONTRIBUTION), context, staging / "report.docx",
                                  images={"figure_1": (staged_figure, width_mm)})
        check_cancel(cancel)
        staged_xlsx = None
        if xlsx is not None:
            progress(0.85, "生成 Excel 工作簿")
            staged_xlsx = write_twin_workbook(
                staging / "workbook.xlsx", contribution_sheets(report, other, names),
                _parameter_rows(report, options, flt, other), _source_frame(sources),
                generated_at=generated_at)
            check_cancel(cancel)
        # Past the last cancel check: the renames are quick and all-or-nothing per file.
        publish(staged_figure, figure)
        publish(staged_docx, output)
        if staged_xlsx is not None and xlsx is not None:
            publish(staged_xlsx, xlsx)
    progress(1.0, "完成")
    return ReportOutput(docx=output, xlsx=xlsx, figures=[figure],
                        context=dict(context, figure_1=figure.name))


def _other_counting(report: ContributionReport) -> ContributionResult:
    # The same matched addresses under the other method: no second read of the corpus.
    other = "full" if report.result.params.counting == "fractional" else "fractional"
    return compute_contribution(report.publications, report.school_addresses,
                                ContributionParams(counting=other))  # type: ignore[arg-type]


def _sources(workspace: Workspace) -> pd.DataFrame:
    with workspace.session() as session:
        batches = import_batches_frame(session)
    batches = batches[~batches["format"].isin(_ESI_LIST_FORMATS)]
    return batches.sort_values("id").reset_index(drop=True)


def _source_frame(sources: pd.DataFrame) -> pd.DataFrame:
    columns = {"id": "导入批次", "file_name": "文件名", "format": "格式", "rows_stored": "记录数",
               "sha256": "SHA-256", "imported_at": "导入时间"}
    return sources[list(columns)].rename(columns=columns)


def contribution_sheets(report: ContributionReport, other: ContributionResult | None,
                        names: dict[str, str]) -> list[Sheet]:
    """Return the sheets of the Excel twin (the provenance sheet is added by the writer).

    Parameters
    ----------
    report : ContributionReport
        The report's contribution.
    other : ContributionResult or None
        The other counting, listed in the same long table when given.
    names : dict
        English → Chinese field names.

    Returns
    -------
    list of Sheet
        ``学院贡献度`` (long table: counting, school, field and :data:`JSON_KEYS` numbers,
        unrounded, plus the field totals), ``论文明细`` (one row per school, field and
        paper), ``未匹配地址``, ``学院概况``.
    """
    results = [report.result] + ([other] if other is not None else [])
    long = pd.concat([_long_table(r, names) for r in results], ignore_index=True)
    unmatched = report.unmatched.rename(columns={"papers": "n_papers"})[["unit", "text",
                                                                        "n_papers"]]
    return [
        Sheet("学院贡献度", long, HEADERS, NUMBER_FORMATS, freeze="D2"),
        Sheet("论文明细", drilldown_frame(report, names), HEADERS, NUMBER_FORMATS, freeze="C2"),
        Sheet("未匹配地址", unmatched, HEADERS, NUMBER_FORMATS),
        Sheet("学院概况", _school_summary(report.result), HEADERS, NUMBER_FORMATS),
    ]


def _long_table(result: ContributionResult, names: dict[str, str]) -> pd.DataFrame:
    table = result.table.copy()
    table.insert(0, "counting", COUNTING_ZH[result.params.counting])
    table.insert(2, "field_zh", table["field"].map(names))
    return table[["counting", "school", "field_zh", *JSON_KEYS[1:], "field_papers",
                  "field_cites", "field_hcp"]]


def _school_summary(result: ContributionResult) -> pd.DataFrame:
    summary = (result.table.groupby("school", as_index=False)
               .agg(papers=("papers", "sum"), cites=("cites", "sum"), hcp=("hcp", "sum")))
    summary.insert(0, "counting", COUNTING_ZH[result.params.counting])
    return summary.sort_values("papers", ascending=False, kind="stable").reset_index(drop=True)


def drilldown_frame(report: ContributionReport, names: dict[str, str]) -> pd.DataFrame:
    """Return every (school, field, paper) row behind the report's numbers.

    The bulk form of :meth:`ContributionReport.cell_papers`: summing ``weight`` over a
    (school, field) gives its papers under the report's counting; the rows of a cell are
    exactly those ``cell_papers`` returns.

    Parameters
    ----------
    report : ContributionReport
    names : dict
        English → Chinese field names.

    Returns
    -------
    pandas.DataFrame
        Columns ``school, field_zh, field, ut, doi, title, year, times_cited,
        highly_cited, schools_on_paper, weight, authors``, sorted by field order, school,
        then cites descending.
    """
    cells = report.result.paper_schools
    k = cells.groupby("publication_id")["school"].transform("size")
    columns = ["publication_id", "ut", "doi", "title", "year", "times_cited", "highly_cited"]
    rows = (cells[["publication_id", "school", "field", "weight"]].assign(schools_on_paper=k)
            .merge(report.publications[columns], on="publication_id"))
    authors = (report.school_authors.groupby(["publication_id", "school"])["full_name"]
               .agg(lambda s: "; ".join(s.dropna())).rename("authors"))
    rows = rows.merge(authors, left_on=["publication_id", "school"], right_index=True,
                      how="left")
    rows["authors"] = rows["authors"].fillna("")
    order = {f: i for i, f in enumerate(report.result.table["field"].drop_duplicates())}
    rows = rows.assign(_order=rows["field"].map(order), field_zh=rows["field"].map(names))
    rows = rows.sort_values(["_order", "school", "times_cited", "publication_id"],
                            ascending=[True, True, False, True])
    return rows[["school", "field_zh", "field", "ut", "doi", "title", "year", "times_cited",
                 "highly_cited", "schools_on_paper", "weight", "authors"]].reset_index(drop=True)


def _parameter_rows(report: ContributionReport, options: ReportOptions, flt: CorpusFilter,
                    other: ContributionResult | None) -> list[tuple[str, Any]]:
    params = report.parameters
    counting = report.result.params.counting
    rows: list[tuple[str, Any]] = [
        ("机构（地址中的写法）", params["institution"]),
        ("机构（报告中的名称）", options.display_name or params["institution"]),
        ("别名", "; ".join(params.get("aliases") or []) or "无"),
        ("计数方法", COUNTING_ZH[counting] + (f"（另附{COUNTING_ZH[other.params.counting]}）"
                                          if other is not None else "")),
        ("方法说明", report.result.method_zh),
        ("学院映射文件", params.get("mapping_file") or ""),
        ("映射文件 SHA-256", params.get("mapping_sha256") or ""),
        ("映射规则数", params["mapping_rules"]), ("映射学院数", params["mapping_schools"]),
        ("论文筛选", flt.describe()),
        ("本校论文数", report.result.papers),
        ("无 ESI 学科的论文数（未计入）", report.result.papers_without_field),
        ("工作区", params.get("workspace", "")), ("计算时间（UTC）", params.get("computed_at", "")),
    ]
    return rows
