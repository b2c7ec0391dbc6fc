"""Build the benchmarking report (学科竞争力对标分析报告): run the benchmark, draw, render.

The report's numbers come from :func:`~analyst_app.services.benchmark.benchmark_json`, the
object ``analyst-app benchmark --format json`` prints, so report and CLI cannot disagree.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pandas as pd

from analyst_app.db.workspace import Workspace
from analyst_app.domain.peer_groups import find_group
from analyst_app.errors import InputError
from analyst_app.reports import figures_benchmark as charts
from analyst_app.reports.benchmark_report import (build_benchmark_context, field_zh,
                                                  group_positions, per_year_frame,
                                                  printed_names, render_benchmark_report,
                                                  warning_zh)
from analyst_app.reports.output_files import (ReportOutput, check_cancel, check_output, publish,
                                              staging_folder)
from analyst_app.reports.render import Sheet, write_twin_workbook
from analyst_app.reports.templates import template_path
from analyst_app.services.benchmark import (BenchmarkOptions, BenchmarkReport, benchmark,
                                            benchmark_json, load_peer_groups)
from analyst_app.services.corpus import CorpusFilter
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

if TYPE_CHECKING:  # the registry imports this module when it builds the report
    from analyst_app.services.report_registry import ReportOptions

BENCHMARK = "benchmark"
#: Keys ``options.extra`` understands (anything else is refused: a typo must not be ignored).
EXTRA_KEYS = ("peers", "group", "fields", "min_papers", "years", "doc_types",
              "greater_china_as_one", "aliases")


def build_benchmark_report(workspace: Workspace, output: Path, *, xlsx: Path | None,
                           options: ReportOptions, progress: Progress = no_progress,
                           cancel: CancelToken | None = None) -> ReportOutput:
    """Build the benchmarking report as Word (and its Excel twin when ``xlsx`` is given).

    Nothing is written until every file has rendered (staging folder, then renames), so a
    cancelled or failed build leaves no half-written report. Figures are written beside
    the report as ``<stem>_fig<n>.png``.

    Parameters
    ----------
    workspace : Workspace
        With imported ESI lists and/or publication records.
    output : Path
        The .docx file (replaced if it exists).
    xlsx : Path or None
        The Excel twin: ESI table, ESI trend, WoS per year, WoS totals, thresholds,
        warnings, then parameters and provenance.
    options : ReportOptions
        ``institution``, ``display_name``, ``release`` and in ``extra``: ``peers`` (list of
        names, or one ``;``-separated string) and/or ``group`` (peer group id), ``fields``
        (list of ESI fields), ``min_papers`` (int), ``years`` (``"2020-2024"`` or a pair),
        ``doc_types`` (list), ``greater_china_as_one`` (bool), ``aliases`` (list).
    progress, cancel
        Progress callback ``(fraction, message)`` and cancel token.

    Returns
    -------
    ReportOutput
        The files, and the context with the figure file names.

    Raises
    ------
    InputError
        Bad options, no peers, unknown group/field/release/peer, unwritable output.
    Cancelled
        When ``cancel`` was triggered; no output file is left behind.
    """
    output = check_output(output, ".docx")
    xlsx = check_output(xlsx, ".xlsx") if xlsx is not None else None
    extra = _check_extra(options.extra)
    check_cancel(cancel)
    report = benchmark(
        workspace, options.institution, extra["peers"], extra["filter"],
        BenchmarkOptions(release=options.release, fields=extra["fields"],
                         min_papers=extra["min_papers"],
                         greater_china_as_one=extra["greater_china_as_one"]),
        group=extra["group"], aliases=extra["aliases"], progress=scaled(progress, 0.0, 0.35),
        cancel=cancel)
    check_cancel(cancel)
    data = benchmark_json(report)
    group_name = _group_name(workspace, report.group)
    generated_at = datetime.now()
    context = build_benchmark_context(data, thresholds=report.result.thresholds,
                                      group_name=group_name, display_name=options.display_name,
                                      generated_at=generated_at)
    with staging_folder(output.parent) as staging:
        staged = draw_figures(data, context, staging, output.stem, options.display_name,
                              progress=scaled(progress, 0.4, 0.75), cancel=cancel)
        check_cancel(cancel)
        progress(0.75, "生成 Word 报告")
        docx = render_benchmark_report(context, template_path(BENCHMARK),
                                       {key: path for key, path in staged.items()},
                                       staging / "report.docx")
        check_cancel(cancel)
        book = None
        if xlsx is not None:
            progress(0.9, "生成 Excel 工作簿")
            book = write_benchmark_workbook(report, data, staging / "book.xlsx",
                                            display_name=options.display_name,
                                            group_name=group_name, generated_at=generated_at)
            check_cancel(cancel)
        # Past the last cancel check: the renames below are quick and all-or-nothing per file.
        figures = []
        for path in staged.values():
            publish(path, output.with_name(path.name))
            figures.append(output.with_name(path.name))
        publish(docx, output)
        if book is not None and xlsx is not None:
            publish(book, xlsx)
    progress(1.0, "完成")
    files = {key: path.name for key, path in staged.items()}
    return ReportOutput(docx=output, xlsx=xlsx, figures=figures,
                        context=dict(context, figure_files=files))


def _check_extra(extra: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(extra) - set(EXTRA_KEYS))
    if unknown:
        raise InputError(f"unknown benchmark report option(s) {', '.join(unknown)}; "
                         f"expected: {', '.join(EXTRA_KEYS)}")
    min_papers = extra.get("min_papers")
    if min_papers is not None and (isinstance(min_papers, bool) or not isinstance(min_papers, int)):
        raise InputError(f"invalid min_papers {min_papers!r}: expected a whole number")
    return {"peers": _names(extra.get("peers"), "peers"), "group": extra.get("group") or None,
            "fields": tuple(_names(extra.get("fields"), "fields")), "min_papers": min_papers,
            "aliases": tuple(_names(extra.get("aliases"), "aliases")),
            "greater_china_as_one": bool(extra.get("greater_china_as_one", False)),
            "filter": CorpusFilter(years=_years(extra.get("years")),
                                   doc_types=tuple(_names(extra.get("doc_types"), "doc_types")))}


def _names(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InputError(f"invalid {key} {value!r}: expected a list of names")
    return [v.strip() for v in value if v.strip()]


def _years(value: Any) -> tuple[int, int] | None:
    if value in (None, ""):
        return None
    try:
        if isinstance(value, str):
            first, _, last = value.partition("-")
            years = (int(first), int(last or first))
        else:
            first, last = value
            years = (int(first), int(last))
    except (TypeError, ValueError):
        raise InputError(f"invalid years {value!r}: expected FROM-TO, e.g. 2020-2024") from None
    if years[0] > years[1]:
        raise InputError(f"invalid years {value!r}: the first year is after the last")
    return years


def _group_name(workspace: Workspace, group: str | None) -> str | None:
    if not group:
        return None
    found = find_group(load_peer_groups(workspace), group)
    return found.name_zh or found.name


# -- figures -----------------------------------------------------------------------------

def draw_figures(data: dict, context: dict, folder: Path, stem: str,
                 display_name: str | None = None, *, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> dict[str, Path]:
    """Draw every figure the context refers to; return figure key → PNG path.

    Files are named ``<stem>_fig<n>.png`` after the figure's number in the report.
    """
    names = printed_names(data, display_name)
    us = data["institution"]
    esi = pd.DataFrame(data["esi"])
    jobs: list[tuple[str, str, Callable[[pd.DataFrame, Path], Path], pd.DataFrame]] = []
    if context["esi_fields"]:
        jobs.append(("figure_overview", context["fig_overview_no"],
                     charts.figure_benchmark_percentiles, _overview_rows(esi, us)))
        for section in context["esi_fields"]:
            rows = esi[esi["field"] == section["field"]]
            jobs.append((section["figure"], section["figure_no"], charts.figure_benchmark_field,
                         _field_rows(rows, us, names)))
    if context["esi_trend_rows"]:
        trend = pd.DataFrame(data["esi_trend"])
        jobs.append(("figure_esi_trend", context["fig_esi_trend_no"],
                     charts.figure_benchmark_esi_trend,
                     trend.assign(field_zh=trend["field"].map(field_zh),
                                  is_us=trend["institution"] == us)))
    if context["fig_wos_years_no"]:
        years = per_year_frame(data)
        jobs.append(("figure_wos_years", context["fig_wos_years_no"],
                     charts.figure_benchmark_wos_years,
                     years.assign(name=years["institution"].map(names),
                                  is_us=years["institution"] == us)))
    drawn = {}
    for done, (key, number, draw, frame) in enumerate(jobs):
        check_cancel(cancel)
        # About a second per 300 dpi chart: report each so the progress bar moves.
        progress(done / len(jobs), f"绘制图 {number}")
        drawn[key] = draw(frame, folder / f"{stem}_fig{number}.png")
    return drawn


def _overview_rows(esi: pd.DataFrame, us: str) -> pd.DataFrame:
    parts = []
    for field, rows in esi.groupby("field", sort=False):
        rows = rows.assign(field_zh=field_zh(field), is_us=rows["institution"] == us,
                           position=group_positions(rows))
        # The label reads "8/10": our place among all members, listed or not.
        rows["position"] = [f"{p}/{len(rows)}" if not pd.isna(p) else "未进入"
                            for p in rows["position"]]
        parts.append(rows)
    return pd.concat(parts, ignore_index=True)


def _field_rows(rows: pd.DataFrame, us: str, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "name": rows["institution"].map(names), "is_us": rows["institution"] == us,
        "cites": pd.to_numeric(rows["cites"], errors="coerce"),
        "rank": [f"{int(r):,}" if not pd.isna(r) else "" for r in rows["rank"]],
    })


# -- Excel twin --------------------------------------------------------------------------

_HEADERS = {
    "institution": "院校（institution）", "name": "院校", "field": "学科（field）",
    "field_zh": "学科", "release": "期次（release）", "rank": "排名（rank）",
    "institutions": "机构数 N（institutions）", "percentile": "百分位（percentile）",
    "documents": "论文数（documents）", "cites": "被引次数（cites）",
    "cites_per_paper": "篇均被引（cites_per_paper）", "top_papers": "高水平论文（top_papers）",
    "listed": "进入榜单（listed）", "rank_change": "排名变化（rank_change）",
    "year": "年份（year）", "papers": "论文数（papers）",
    "top10_papers": "前10%论文数*（top10_papers）", "top10_share": "前10%论文占比*（top10_share）",
    "top1_papers": "前1%论文数*（top1_papers）", "top1_share": "前1%论文占比*（top1_share）",
    "international_papers": "国际合作论文数", "international_share": "国际合作论文占比",
    "h_index": "h 指数（h_index）", "small_sample": "小样本（small_sample）",
    "warning": "提示（warning）", "baseline_papers": "集合论文数 n（baseline_papers）",
    "threshold_top10": "前10%阈值（threshold_top10）", "threshold_top1": "前1%阈值（threshold_top1）",
    "warning_zh": "提示", "warning_en": "原文（CLI JSON）",
}
_SHARE_FORMAT = "0.00%"


def write_benchmark_workbook(report: BenchmarkReport, data: dict, path: Path, *,
                             display_name: str | None = None, group_name: str | None = None,
                             generated_at: datetime | None = None) -> Path:
    """Write the Excel twin: one sheet per table, unrounded, then parameters and provenance.

    Parameters
    ----------
    report : BenchmarkReport
        The benchmark (its frames give the unrounded values).
    data : dict
        Its :func:`benchmark_json` (warnings, parameters, sources).
    path : Path
        The .xlsx file to write.
    display_name, group_name : str, optional
        Printed names of our institution and of the peer group.
    generated_at : datetime, optional
        Time stamp of the provenance sheet.

    Returns
    -------
    Path
        ``path``.
    """
    names = printed_names(data, display_name)
    result = report.result

    def named(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame.insert(0, "name", frame["institution"].map(names))
        frame.insert(2, "field_zh", frame["field"].map(field_zh))
        return frame

    share = {c: _SHARE_FORMAT for c in ("percentile", "top10_share", "top1_share",
                                        "international_share")}
    warnings = pd.DataFrame({"warning_zh": [warning_zh(w, names) for w in data["warnings"]],
                             "warning_en": data["warnings"]})
    thresholds = result.thresholds.assign(field_zh=result.thresholds["field"].map(field_zh))
    sheets = [
        Sheet("ESI 对标", named(result.esi.drop(columns=["matched_name"])), _HEADERS, share),
        Sheet("ESI 趋势", named(result.esi_trend.drop(columns=["matched_name", "previous_rank"])),
              _HEADERS, share),
        Sheet("WoS 逐年", named(result.wos), _HEADERS, share),
        Sheet("WoS 合计", named(result.wos_totals), _HEADERS, share),
        Sheet("阈值", thresholds, _HEADERS),
        Sheet("提示", warnings, _HEADERS),
    ]
    params = data["parameters"]
    parameters = [
        ("机构", f"{names[data['institution']]}（{data['institution']}）"),
        ("对标组", (data["group"] or "—") + (f"（{group_name}）" if group_name else "")),
        ("对标院校", "；".join(f"{names[p]}（{p}）" for p in data["peers"])),
        ("ESI 期次", data["release"] or "—"),
        ("学科", "；".join(params["fields"]) or "全部"),
        ("论文集合", params["publications"]),
        ("小样本阈值（篇）", params["min_papers"]),
        ("港澳台与大陆合并计", "是" if params["greater_china_as_one"] else "否"),
        ("* 前10%/前1%", "集合内归一化（collection-normalised），非 CNCI"),
        ("方法（method）", data["method"]),
        *[(f"WoS 地址拼写：{names[m]}", "；".join(s)) for m, s in params["address_spellings"].items()],
    ]
    sources = pd.DataFrame([{"类型": "ESI 榜单" if "release" in s else "论文数据",
                             "期次/格式": s.get("release") or s.get("format"),
                             "学科": s.get("field", ""), "文件名": s["file_name"],
                             "SHA-256": s["sha256"]} for s in data["sources"]])
    return write_twin_workbook(path, sheets, parameters, sources, generated_at=generated_at)
