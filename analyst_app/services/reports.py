"""Build reports: run the analyses a report needs, render Word and Excel files atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.esi_forecast import ForecastParams
from analyst_app.db.store_esi_papers import esi_paper_sources_frame
from analyst_app.db.workspace import Workspace
from analyst_app.domain.school_mapping import load_school_mapping, match_school
from analyst_app.reports.esi_bulletin import FIGURE_WIDTH_MM, build_esi_bulletin_context
from analyst_app.reports.esi_bulletin_history import (history_context, potential_context,
                                                      push_context)
from analyst_app.reports.esi_bulletin_sheets import (history_sheet, potential_sheet, push_sheet,
                                                     sentences_sheet)
from analyst_app.reports.excel import write_esi_workbook
from analyst_app.reports.figures import figure_esi_threshold_ratios
from analyst_app.reports.figures_esi import figure_esi_history
from analyst_app.reports.push_notice import NOVELTY_RULE_ZH
from analyst_app.reports.render import render_docx
from analyst_app.reports.output_files import (ReportOutput, check_cancel, check_output, publish,
                                              staging_folder)
from analyst_app.reports.templates import template_path
from analyst_app.services.esi import EsiStatusReport, esi_status
from analyst_app.services.esi_history import (EsiHistoryReport, EsiPotentialReport, esi_history,
                                              esi_potential, history_records, potential_records,
                                              sentence_records)
from analyst_app.services.esi_papers import PushListReport, push_list, push_records
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

if TYPE_CHECKING:  # the registry imports this module when it builds a bulletin
    from analyst_app.services.report_registry import ReportOptions

ESI_BULLETIN = "esi_bulletin"
#: Confidence of the entry-forecast intervals (the default of :func:`esi_potential`).
DEFAULT_CONFIDENCE = 0.8


@dataclass
class BulletinAnalyses:
    """Everything the full bulletin prints, computed once for one institution and release.

    Attributes
    ----------
    status : EsiStatusReport
        The release's standing (tables 1 and the source table).
    history : EsiHistoryReport
        Every imported release (the history section).
    potential : EsiPotentialReport
        Potential values and entry forecasts of the release.
    push : PushListReport or None
        New highly cited and hot papers of the release; ``None`` when no ESI paper list
        of that release was imported.
    """

    status: EsiStatusReport
    history: EsiHistoryReport
    potential: EsiPotentialReport
    push: PushListReport | None


def bulletin_analyses(workspace: Workspace, institution: str | None, *,
                      release: str | None = None, allow_unlisted: bool = False,
                      watch: float = 0.8, schools: Path | None = None,
                      progress: Progress = no_progress,
                      cancel: CancelToken | None = None) -> BulletinAnalyses:
    """Run the analyses of the bulletin with the same institution, aliases and release.

    Parameters as in :func:`build_esi_bulletin`.

    Returns
    -------
    BulletinAnalyses
    """
    status = esi_status(workspace, institution, release=release, allow_unlisted=allow_unlisted,
                        progress=scaled(progress, 0.0, 0.4), cancel=cancel)
    params = status.result.params
    chosen = status.result.release
    check_cancel(cancel)
    progress(0.45, "多期变化")
    history = esi_history(workspace, params.institution, params.aliases, rounding=params.rounding,
                          allow_unlisted=True)
    check_cancel(cancel)
    progress(0.6, "潜力值与入选预测")
    potential = esi_potential(workspace, params.institution, params.aliases, release=chosen,
                              watch=watch, allow_unlisted=True, cancel=cancel)
    check_cancel(cancel)
    progress(0.8, "新增高被引与热点论文")
    push = None
    if chosen in set(_paper_sources(workspace)["release"]):
        school_of = _school_matcher(schools) if schools is not None else None
        push = push_list(workspace, params.institution, aliases=params.aliases, release=chosen,
                         school_of=school_of, cancel=cancel)
    return BulletinAnalyses(status, history, potential, push)


def _paper_sources(workspace: Workspace) -> pd.DataFrame:
    with workspace.session() as session:
        return esi_paper_sources_frame(session.connection())


def _school_matcher(path: Path):
    mapping = load_school_mapping(path)
    return lambda address: match_school(mapping, address)


def build_esi_bulletin(workspace: Workspace, institution: str | None, output: Path, *,
                       xlsx: Path | None = None, release: str | None = None,
                       display_name: str | None = None, allow_unlisted: bool = False,
                       watch: float = 0.8, schools: Path | None = None,
                       progress: Progress = no_progress,
                       cancel: CancelToken | None = None) -> ReportOutput:
    """Build the ESI bulletin (ESI 学科动态监测通报) as Word, and optionally Excel.

    Nothing is written until every file has been rendered; each file is written to a
    temporary file in its folder and then renamed, so a cancelled or failed build never
    leaves a half-written report.

    Parameters
    ----------
    workspace : Workspace
        The workspace with imported ESI lists (and, for the later sections, ESI paper
        lists and the institution's WoS records).
    institution : str or None
        Name as ESI prints it; ``None`` uses the workspace institution.
    output : Path
        The .docx file to write (replaced if it exists). Figure 1 is written beside it
        as ``<stem>_fig1.png``, and with two or more releases figure 2 (the history
        chart) as ``<stem>_fig2.png``.
    xlsx : Path, optional
        Also write the ESI workbook there (with history, potential and push-list sheets).
    release : str, optional
        ESI release label; defaults to the latest imported.
    display_name : str, optional
        The institution's name as printed (e.g. ``大连理工大学``); defaults to the ESI name.
    allow_unlisted : bool
        Build the bulletin even when no imported list names the institution.
    watch : float
        Potential-field cut-off (0 < watch ≤ 1).
    schools : Path, optional
        School mapping file (CSV/XLSX) naming the schools of the new papers' authors.
    progress : callable
        ``progress(fraction, message)``.
    cancel : CancelToken, optional
        Checked between steps.

    Returns
    -------
    ReportOutput

    Raises
    ------
    InputError
        No ESI data, unknown release or institution, a bad mapping file, or an output
        folder that cannot be written.
    Cancelled
        When ``cancel`` was triggered; no output file is left behind.
    """
    output = check_output(output, ".docx")
    xlsx = check_output(xlsx, ".xlsx") if xlsx is not None else None
    found = bulletin_analyses(workspace, institution, release=release,
                              allow_unlisted=allow_unlisted, watch=watch, schools=schools,
                              progress=scaled(progress, 0.0, 0.5), cancel=cancel)
    check_cancel(cancel)
    generated_at = datetime.now()
    context = bulletin_context(found, display_name=display_name, generated_at=generated_at)
    # Figure 2 (the history chart) only when there is a history to draw.
    count = 2 if context["has_history"] else 1
    figures = [output.with_name(f"{output.stem}_fig{n}.png") for n in range(1, count + 1)]
    with staging_folder(output.parent) as staging:
        progress(0.55, "绘制图表")
        staged = [figure_esi_threshold_ratios(found.status.result.table, staging / figures[0].name)]
        if count == 2:
            staged.append(_history_figure(found, staging / figures[1].name))
        images = {f"figure_{n}": (png, FIGURE_WIDTH_MM) for n, png in enumerate(staged, start=1)}
        check_cancel(cancel)
        progress(0.65, "生成 Word 通报")
        staged_docx = render_docx(template_path(ESI_BULLETIN), context, staging / "bulletin.docx",
                                  images=images)
        check_cancel(cancel)
        staged_xlsx = None
        if xlsx is not None:
            progress(0.85, "生成 Excel 工作簿")
            staged_xlsx = _write_workbook(found, staging / "workbook.xlsx", display_name,
                                          generated_at)
            check_cancel(cancel)
        # Past the last cancel check: the renames below are quick and all-or-nothing per file.
        for source, target in zip(staged, figures):
            publish(source, target)
        publish(staged_docx, output)
        if staged_xlsx is not None and xlsx is not None:
            publish(staged_xlsx, xlsx)
    progress(1.0, "完成")
    return ReportOutput(docx=output, xlsx=xlsx, figures=figures,
                        context=dict(context, **{f"figure_{n}": path.name
                                                 for n, path in enumerate(figures, start=1)}))


def bulletin_context(found: BulletinAnalyses, *, display_name: str | None = None,
                     generated_at: datetime | None = None) -> dict:
    """Return the bulletin's rendering context: the release's sections, then the later ones.

    Parameters
    ----------
    found : BulletinAnalyses
        The analyses (:func:`bulletin_analyses`).
    display_name : str, optional
        The institution as printed.
    generated_at : datetime, optional
        Time stamp; defaults to now.
    """
    status = found.status.result
    context = build_esi_bulletin_context(status, found.status.sources,
                                         display_name=display_name, generated_at=generated_at)
    potential = found.potential
    forecast_params = ForecastParams(confidence=DEFAULT_CONFIDENCE)
    context.update(history_context(found.history.result, status.release))
    context.update(potential_context(potential.table, potential.params.watch,
                                     potential.params.window, forecast_params,
                                     notes_missing=potential.own is None))
    push = found.push
    context.update(push_context(None if push is None else push.result,
                                None if push is None else push.sources,
                                context["institution_name"], status.release))
    return context


def _history_figure(found: BulletinAnalyses, path: Path) -> Path:
    release = found.status.result.release
    history = found.history.result
    releases = [r for r in history.releases if r <= release]
    return figure_esi_history(history.table[history.table["release"] <= release], releases, path)


def _write_workbook(found: BulletinAnalyses, path: Path, display_name: str | None,
                    generated_at: datetime) -> Path:
    release = found.status.result.release
    history = found.history.result
    sheets = [history_sheet([r for r in history_records(history) if r["release"] <= release]),
              sentences_sheet([r for r in sentence_records(history) if r["release"] <= release]),
              potential_sheet(potential_records(found.potential))]
    if found.push is not None:
        sheets.append(push_sheet(push_records(found.push.result)))
    first, last = found.potential.params.window
    parameters = [
        ("潜力值公式", "P = 本校该学科被引次数 ÷ 阈值（1%、1‰、1‱）"),
        ("潜力学科", f"{found.potential.params.watch:g} ≤ P < 1（对下一层次）；未入榜学科 P ≥ 1 为有望入选"),
        ("未入榜学科被引统计", f"本校 WoS 记录，{first}—{last} 年，论文（Article）与综述（Review）"),
        ("入选预测", f"差距对期次的线性/对数线性最小二乘拟合，Fieller {DEFAULT_CONFIDENCE:.0%} "
                     "置信区间；至少 3 期数据，区间不超过最近一期后 3 年"),
        ("新增论文判定", NOVELTY_RULE_ZH),
    ]
    return write_esi_workbook(found.status.result, found.status.sources, path,
                              display_name=display_name, generated_at=generated_at,
                              extra_sheets=sheets, extra_parameters=parameters)


def export_esi_workbook(report: EsiStatusReport, path: Path, *,
                        display_name: str | None = None) -> Path:
    """Write the ESI status workbook of ``report`` to ``path`` atomically.

    Parameters
    ----------
    report : EsiStatusReport
        From :func:`analyst_app.services.esi.esi_status`.
    path : Path
        The .xlsx file (replaced if it exists).
    display_name : str, optional
        The institution's printed name.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    InputError
        When the folder cannot be written or the name does not end in .xlsx.
    """
    path = check_output(path, ".xlsx")
    with staging_folder(path.parent) as staging:
        staged = write_esi_workbook(report.result, report.sources, staging / "workbook.xlsx",
                                    display_name=display_name)
        publish(staged, path)
    return path


def build_esi_bulletin_report(workspace: Workspace, output: Path, *, xlsx: Path | None,
                              options: ReportOptions, progress: Progress = no_progress,
                              cancel: CancelToken | None = None) -> ReportOutput:
    """The ESI bulletin behind the uniform builder signature of the report registry.

    ``options.extra`` may hold ``allow_unlisted`` (bool), ``watch`` (float, default 0.8)
    and ``schools`` (path of a school mapping file for the push-list section).
    """
    extra = options.extra
    schools = extra.get("schools")
    return build_esi_bulletin(workspace, options.institution, output, xlsx=xlsx,
                              release=options.release, display_name=options.display_name,
                              allow_unlisted=bool(extra.get("allow_unlisted", False)),
                              watch=float(extra.get("watch", 0.8)),
                              schools=Path(schools) if schools else None,
                              progress=progress, cancel=cancel)
