"""ESI highly cited and hot papers: the push list of a release, and its Excel export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import pandas as pd
from sqlalchemy import Connection

from analysis.esi_push import KIND_OPTIONS, PushListParams, PushListResult, compute_push_list
from analyst_app import __version__
from analyst_app.db import publication_rows as rows
from analyst_app.db.store_esi_papers import (esi_paper_sources_frame,
                                             esi_papers_frame)
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError, check_option
from analyst_app.services import imports
from analyst_app.services.esi import resolve_institution
from analyst_app.tasks import CancelToken, Progress, no_progress


#: Keys of ``analyst-app esi push-list --format json`` objects (a public contract), in order.
PUSH_JSON_KEYS = ("ut", "doi", "title", "kind", "field", "release", "new", "times_cited",
                  "authors", "addresses", "schools", "basis", "previous_release", "notify")

_PUBLICATION_SQL = (
    "SELECT id AS publication_id, ut, doi, title, esi_field, times_cited, highly_cited, "
    "hot_paper FROM publication WHERE {where} ORDER BY id")
# Only our candidates are read, not the whole corpus (which may hold 500k records with
# abstracts): publications an ESI paper names, and those WoS flags as highly cited or hot.
_CANDIDATES = ("highly_cited OR hot_paper "
               "OR ut IN (SELECT ut FROM esi_paper WHERE ut IS NOT NULL) "
               "OR doi IN (SELECT doi FROM esi_paper WHERE doi IS NOT NULL)")


@dataclass
class PushListReport:
    """A push list with the paper lists it was computed from.

    Attributes
    ----------
    result : PushListResult
        The analysis result (parameters, releases compared, table, notes).
    sources : pandas.DataFrame
        :func:`~analyst_app.db.store_esi_papers.esi_paper_sources_frame` rows of the
        releases used.
    """

    result: PushListResult
    sources: pd.DataFrame


def candidate_frames(connection: Connection) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return publications, bylines and addresses of the publications a push list may use.

    The frames have the columns of :func:`analyst_app.services.corpus.publications_frame`
    (a subset), ``authorships_frame`` and ``addresses_frame``.
    """
    publications = pd.DataFrame(connection.exec_driver_sql(rows.sql(connection, _PUBLICATION_SQL
                                .format(where=_CANDIDATES))).fetchall(),
                                columns=["publication_id", "ut", "doi", "title", "esi_field",
                                         "times_cited", "highly_cited", "hot_paper"])
    for column in ("highly_cited", "hot_paper"):
        publications[column] = publications[column].eq(1)  # 0/1/NULL (or booleans) → bool
    ids = f"SELECT id FROM publication WHERE {_CANDIDATES}"
    authorships = pd.DataFrame(connection.exec_driver_sql(
        "SELECT publication_id, position, full_name, corresponding, address_positions "
        f"FROM authorship WHERE publication_id IN ({ids}) ORDER BY publication_id, position"
    ).fetchall(), columns=["publication_id", "position", "full_name", "corresponding",
                           "address_positions"])
    authorships["corresponding"] = authorships["corresponding"].astype(bool)
    authorships["address_positions"] = [
        [int(p) for p in text.split(",") if p.strip()] if isinstance(text, str) else []
        for text in authorships["address_positions"]]
    addresses = pd.DataFrame(connection.exec_driver_sql(
        "SELECT publication_id, position, text, organisation FROM publication_address "
        f"WHERE publication_id IN ({ids}) ORDER BY publication_id, position").fetchall(),
        columns=["publication_id", "position", "text", "organisation"])
    return publications, authorships, addresses


def push_list(workspace: Workspace, institution: str | None = None, *,
              aliases: tuple[str, ...] = (), release: str | None = None, kind: str = "both",
              only_new: bool = True, school_of: Callable[[str], str | None] | None = None,
              progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> PushListReport:
    """Compute the push list: our papers new among the ESI highly cited / hot papers of a release.

    Parameters
    ----------
    workspace : Workspace
        The workspace.
    institution : str, optional
        Our institution; defaults to the workspace institution (with its aliases).
    aliases : tuple of str
        Extra names (for instance the WoS address form ``DALIAN UNIV TECHNOL``).
    release : str, optional
        Release R; defaults to the latest with a paper list.
    kind : {'hcp', 'hot', 'both'}
        Which papers.
    only_new : bool
        Only papers new since R−1 (when R−1 was imported; otherwise all are listed).
    school_of : callable, optional
        ``school_of(address_text) -> school or None`` (the school mapping).
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    PushListReport

    Raises
    ------
    InputError
        For an unknown kind or release, or no institution given nor set.
    """
    check_option("kind", kind, KIND_OPTIONS)
    if release is not None:
        release = imports.validate_release_label(release)
    name, all_aliases = resolve_institution(workspace, institution, aliases)
    progress(0.1, "reading ESI paper lists")
    with workspace.session() as session:
        connection = session.connection()
        papers = esi_papers_frame(connection)
        sources = esi_paper_sources_frame(connection)
        publications, authorships, addresses = candidate_frames(connection)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.6, "computing the push list")
    params = PushListParams(institution=name, aliases=all_aliases, release=release,
                            kind=kind, only_new=only_new)  # type: ignore[arg-type]
    try:
        result = compute_push_list(papers, publications, authorships, addresses, params,
                                   school_of=school_of)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    used = {result.release, *result.previous.values()} - {None}
    progress(1.0, "done")
    return PushListReport(result, sources[sources["release"].isin(used)].reset_index(drop=True))


def push_records(result: PushListResult) -> list[dict[str, Any]]:
    """Return the push list as JSON-ready dicts with keys :data:`PUSH_JSON_KEYS`."""
    records = []
    for row in result.table.to_dict("records"):
        record = {key: _plain(row[key]) for key in PUSH_JSON_KEYS}
        records.append(record)
    return records


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


#: Sheet names and Chinese headers of the push-list workbook.
SHEET_PUSH, SHEET_PROVENANCE = "高被引与热点论文推送", "参数与来源"
_HEADERS = {"kind": "类型", "new": "本期新增", "ut": "入藏号 UT", "doi": "DOI", "title": "题名",
            "field": "ESI 学科", "times_cited": "被引次数", "authors": "本校作者",
            "schools": "学院", "addresses": "本校地址", "release": "期次",
            "previous_release": "对比期次", "basis": "依据", "matched_by": "匹配方式"}
_KIND_ZH = {"hcp": "高被引论文", "hot": "热点论文", "top": "高水平论文（未区分）"}
_BASIS_ZH = {"esi": "ESI 论文清单", "wos_flag": "WoS 记录标记"}


def export_push_list_xlsx(report: PushListReport, path: Path, *,
                          generated_at: datetime | None = None) -> Path:
    """Write the push list as an Excel workbook: the list, then parameters and sources.

    Parameters
    ----------
    report : PushListReport
        The push list.
    path : Path
        The .xlsx file (overwritten).
    generated_at : datetime, optional
        Time stamp; defaults to now.

    Returns
    -------
    Path
        ``path``.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from analyst_app.reports.excel import NUMBER_FORMATS, set_cell, write_dataframe_sheet

    result = report.result
    table = result.table.reindex(columns=list(_HEADERS)).copy()
    table["kind"] = table["kind"].map(_KIND_ZH)
    table["basis"] = table["basis"].map(_BASIS_ZH)
    table["new"] = table["new"].map({True: "是", False: "否"}).fillna("无法比较")
    for column in ("authors", "schools", "addresses"):
        table[column] = ["\n".join(v) for v in table[column]]
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_PUSH
    write_dataframe_sheet(sheet, table, headers=_HEADERS,
                          number_formats={"times_cited": NUMBER_FORMATS["cites"]}, freeze="C2")
    provenance = book.create_sheet(SHEET_PROVENANCE)
    last = write_dataframe_sheet(provenance, pd.DataFrame(
        _parameter_rows(result, generated_at or datetime.now()), columns=["参数", "值"]),
        freeze=None)
    set_cell(provenance, last + 2, 1, "数据来源文件")
    provenance.cell(row=last + 2, column=1).font = Font(bold=True)
    write_dataframe_sheet(provenance, report.sources, start_row=last + 3, freeze=None)
    book.save(path)
    return Path(path)


def _parameter_rows(result: PushListResult, generated_at: datetime) -> list[tuple[str, object]]:
    params = result.params
    compared = "；".join(f"{_KIND_ZH[k]}: {v or '无（无法比较，列出全部）'}"
                        for k, v in result.previous.items()) or "无"
    return [
        ("机构", params.institution), ("别名", "；".join(params.aliases) or "无"),
        ("本期", result.release or "无 ESI 论文清单"), ("对比期次", compared),
        ("类型", {"hcp": "高被引论文", "hot": "热点论文", "both": "高被引与热点论文"}[params.kind]),
        ("只列新增", "是" if params.only_new else "否"),
        ("新增判定", "本期清单中、上期同类清单中没有的论文（按入藏号 UT 与 DOI）"),
        ("本校判定", "ESI 机构/地址或匹配的 WoS 记录地址含本机构名称或别名"),
        ("说明", "\n".join(result.notes) or "无"),
        ("程序版本", f"学科分析工作台 {__version__}"),
        ("生成时间", generated_at.replace(microsecond=0)),
    ]
