"""Build the push notice (高被引/热点论文推送通知): one Word notice per school, and its Excel twin."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analyst_app.db.workspace import Workspace
from analyst_app.domain.school_mapping import load_school_mapping, match_school
from analyst_app.errors import InputError
from analyst_app.reports.esi_bulletin_sheets import push_sheet
from analyst_app.reports.output_files import (ReportOutput, check_cancel, check_output, publish,
                                              staging_folder)
from analyst_app.reports.push_notice import (NOVELTY_RULE_ZH, OURS_RULE_ZH, UNMATCHED_SCHOOL,
                                             build_push_notice_context, kind_counts,
                                             render_push_notice, school_papers)
from analyst_app.reports.render import Sheet, write_twin_workbook
from analyst_app.reports.templates import template_path
from analyst_app.services.esi_papers import push_list, push_records
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

if TYPE_CHECKING:
    from analyst_app.services.report_registry import ReportOptions

ESI_PUSH_NOTICE = "esi_push_notice"


def build_push_notice(workspace: Workspace, institution: str | None, output: Path, *,
                      schools: Path, aliases: tuple[str, ...] = (), xlsx: Path | None = None,
                      release: str | None = None,
                      display_name: str | None = None, kind: str = "both",
                      only_new: bool = True, progress: Progress = no_progress,
                      cancel: CancelToken | None = None) -> ReportOutput:
    """Build the push notice as Word (one section per school) and optionally Excel.

    Parameters
    ----------
    workspace : Workspace
        The workspace with ESI paper lists (and the institution's WoS records, whose
        bylines tell which authors are ours).
    institution : str or None
        Name as ESI prints it; ``None`` uses the workspace institution.
    output : Path
        The .docx file to write (replaced atomically).
    schools : Path
        The school mapping file (CSV or XLSX, :mod:`analyst_app.domain.school_mapping`).
    aliases : tuple of str
        Extra names of the institution (added to the workspace's).
    xlsx : Path, optional
        Also write the full list and the per-school counts there.
    release : str, optional
        ESI release; defaults to the latest with a paper list.
    display_name : str, optional
        The institution as printed (``大连理工大学``).
    kind : {'hcp', 'hot', 'both'}
        Which papers.
    only_new : bool
        Only papers new since the previous imported list (the default).
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    ReportOutput

    Raises
    ------
    InputError
        A missing or invalid mapping file, an unknown release or kind, an output folder
        that cannot be written.
    Cancelled
        When ``cancel`` was triggered; nothing is written.
    """
    output = check_output(output, ".docx")
    xlsx = check_output(xlsx, ".xlsx") if xlsx is not None else None
    mapping_path = Path(schools)
    if not mapping_path.is_file():
        raise InputError("school mapping file not found (the push notice needs one)",
                         file=str(mapping_path))
    mapping = load_school_mapping(mapping_path)
    report = push_list(workspace, institution, aliases=aliases, release=release, kind=kind, only_new=only_new,
                       school_of=lambda address: match_school(mapping, address),
                       progress=scaled(progress, 0.0, 0.5), cancel=cancel)
    check_cancel(cancel)
    generated_at = datetime.now()
    context = build_push_notice_context(report.result, mapping.schools, report.sources,
                                        display_name=display_name, mapping_file=mapping_path.name,
                                        generated_at=generated_at)
    with staging_folder(output.parent) as staging:
        progress(0.6, "生成 Word 推送通知")
        staged_docx = render_push_notice(context, template_path(ESI_PUSH_NOTICE),
                                         staging / "notice.docx")
        check_cancel(cancel)
        staged_xlsx = None
        if xlsx is not None:
            progress(0.85, "生成 Excel 工作簿")
            staged_xlsx = write_twin_workbook(
                staging / "notice.xlsx", _sheets(report.result, mapping.schools),
                _parameters(report.result, mapping_path, display_name),
                report.sources, generated_at)
            check_cancel(cancel)
        publish(staged_docx, output)
        if staged_xlsx is not None and xlsx is not None:
            publish(staged_xlsx, xlsx)
    progress(1.0, "完成")
    return ReportOutput(docx=output, xlsx=xlsx, figures=[], context=context)


def _sheets(result, schools: list[str]) -> list[Sheet]:
    counts = [{"school": school, **kind_counts(papers), "total": len(papers)}
              for school, papers in school_papers(result, schools).items()]
    frame = pd.DataFrame(counts, columns=["school", "hcp", "hot", "top", "total"])
    summary = Sheet("各学院汇总", frame, {"school": "学院", "hcp": "高被引论文", "hot": "热点论文",
                                     "top": "高水平论文", "total": "合计"})
    full = push_sheet(push_records(result))
    full.name = "推送清单"
    return [full, summary]


def _parameters(result, mapping: Path, display_name: str | None) -> list[tuple[str, object]]:
    params = result.params
    return [("机构", params.institution), ("显示名称", display_name or params.institution),
            ("别名", "；".join(params.aliases) or "无"), ("本期", result.release or "无"),
            ("对比期次", "；".join(f"{k}: {v or '无'}" for k, v in result.previous.items()) or "无"),
            ("类型", params.kind), ("只列新增", "是" if params.only_new else "否"),
            ("学院映射表", str(mapping)), ("未匹配学院", UNMATCHED_SCHOOL),
            ("新增判定", NOVELTY_RULE_ZH), ("本校判定", OURS_RULE_ZH),
            ("说明", "\n".join(result.notes) or "无")]


def build_push_notice_report(workspace: Workspace, output: Path, *, xlsx: Path | None,
                             options: ReportOptions, progress: Progress = no_progress,
                             cancel: CancelToken | None = None) -> ReportOutput:
    """The push notice behind the uniform builder signature of the report registry.

    ``options.extra`` must hold ``schools`` (the mapping file) and may hold ``kind``
    (``hcp``/``hot``/``both``) and ``all`` (bool: every paper of ours, not only new ones).

    Raises
    ------
    InputError
        When no school mapping is given.
    """
    schools = options.extra.get("schools")
    if not schools:
        raise InputError("the push notice needs a school mapping file: "
                         "options.extra['schools'] (CLI: --schools FILE)")
    return build_push_notice(workspace, options.institution, output, schools=Path(schools),
                             xlsx=xlsx, release=options.release,
                             display_name=options.display_name,
                             kind=str(options.extra.get("kind", "both")),
                             only_new=not bool(options.extra.get("all", False)),
                             progress=progress, cancel=cancel)
