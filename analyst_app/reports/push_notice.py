"""Push notice (高被引/热点论文推送通知): push list → one notice per school → docxtpl context.

Also the printed rows of the push list that the ESI bulletin reuses (:func:`push_rows`,
:func:`push_summary_sentence`), so both reports print a paper the same way.

Context variables of ``report_templates/esi_push_notice/template.docx`` (strings unless
said otherwise): ``report_title``, ``institution_name``, ``institution_esi``, ``release``,
``previous_release_text``, ``generated_date``, ``generated_at``, ``program_version``,
``summary`` (paragraphs), ``school_rows`` (table 1: ``school``, ``hcp``, ``hot``, ``top``,
``total``), ``notices`` (one dict per school: ``school``, ``letter``, ``rows`` — dicts of
:func:`push_rows` — and ``count``), ``methods`` (paragraphs), ``mapping_file``,
``sources`` (table: ``release``, ``kind_zh``, ``file_name``, ``sha256``, ``papers``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from analysis.esi_push import PushListResult
from analyst_app import __version__
from analyst_app.domain.esi_fields import normalise_field
from analyst_app.reports import DASH, fmt_int

#: Printed names of the paper kinds (ESI "top papers" are not split into the two).
KIND_ZH = {"hcp": "高被引论文", "hot": "热点论文", "top": "高水平论文"}
#: Heading of the notice that collects papers no school rule matched.
UNMATCHED_SCHOOL = "未匹配学院"
#: How the list tells a new paper apart, printed in both reports' methods.
NOVELTY_RULE_ZH = ("新增论文：本期 ESI 清单中、上一期已导入的同类清单（高被引论文或热点论文）中"
                   "没有的论文，按 Web of Science 入藏号（UT）与 DOI 比对；上一期同类清单未导入时"
                   "无法区分新增，列出本期全部本校论文并在正文中说明。")
OURS_RULE_ZH = ("本校论文：ESI 论文的机构或地址，或按 UT、DOI 匹配到的本校 Web of Science 记录的"
                "地址含本校名称或别名；待通知作者为署本校地址的作者（无 WoS 记录时为该论文全部作者）。")


def field_zh(name: object) -> str:
    """Return the Chinese name of an ESI field (``CHEMISTRY`` → ``化学``), or the name as given."""
    if not isinstance(name, str) or not name:
        return DASH
    found = normalise_field(name)
    return found.name_zh if found is not None else name


def _authors_text(notify: list[dict], school: str | None) -> str:
    """Authors to notify; with ``school``, only those whose address maps to it."""
    names = []
    for entry in notify:
        if school is not None and school != UNMATCHED_SCHOOL and school not in entry["schools"]:
            continue
        names.append(entry["author"] + ("（通讯）" if entry.get("corresponding") else ""))
    return "；".join(dict.fromkeys(names)) or DASH


def push_rows(table: pd.DataFrame, school: str | None = None) -> list[dict]:
    """Return the printed rows of push-list papers.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.esi_push.PushListResult.table` rows to print.
    school : str, optional
        Print only the authors of this school (a notice); ``None`` prints all of ours.

    Returns
    -------
    list of dict
        ``no``, ``kind_zh``, ``title``, ``field_zh``, ``times_cited``, ``authors``,
        ``schools``, ``ut`` (all strings).
    """
    rows = []
    for number, row in enumerate(table.to_dict("records"), start=1):
        rows.append({
            "no": str(number), "kind_zh": KIND_ZH.get(row["kind"], row["kind"]),
            "title": row["title"] or DASH, "field_zh": field_zh(row["field"]),
            "times_cited": fmt_int(row["times_cited"]),
            "authors": _authors_text(list(row["notify"]), school),
            "schools": "、".join(row["schools"]) or DASH,
            "ut": row["ut"] or row["doi"] or DASH,
        })
    return rows


def kind_counts(table: pd.DataFrame) -> dict[str, int]:
    """Return the number of papers per kind (``hcp``, ``hot``, ``top``)."""
    counts = table["kind"].value_counts() if not table.empty else pd.Series(dtype=int)
    return {kind: int(counts.get(kind, 0)) for kind in KIND_ZH}


def _counts_text(counts: dict[str, int]) -> str:
    parts = [f"{KIND_ZH[k]} {n} 篇" for k, n in counts.items() if n]
    total = f"，共 {sum(counts.values())} 篇" if len(parts) > 1 else ""
    return ("、".join(parts) + total) if parts else "0 篇"


def previous_text(result: PushListResult) -> str:
    """Return the releases compared with, in words (``2025-09 期``; per kind when they differ)."""
    known = {v for v in result.previous.values() if v is not None}
    if not result.previous or not known:
        return "无（上一期清单未导入，无法区分新增）"
    if len(set(result.previous.values())) == 1:
        return f"{known.pop()} 期"
    return "；".join(f"{KIND_ZH[k]}：{v or '无'}" for k, v in result.previous.items())


def push_summary_sentence(result: PushListResult, institution: str) -> str:
    """Return the sentence opening a push list: release, comparison and counts per kind."""
    if result.release is None:
        return "本工作区未导入 ESI 高被引论文或热点论文清单，暂无推送论文。"
    counts = kind_counts(result.table)
    new = "新增" if result.params.only_new and result.comparable else ""
    compared = (f"与 {previous_text(result)}相比，" if result.comparable
                else "上一期同类清单未导入，无法区分新增论文，以下列出本期全部本校论文；")
    if result.table.empty:
        return f"ESI {result.release} 期数据中，{compared}{institution}暂无{new}高被引论文或热点论文。"
    return f"ESI {result.release} 期数据中，{compared}{institution}{new}{_counts_text(counts)}。"


def school_papers(result: PushListResult, schools: list[str]) -> dict[str, pd.DataFrame]:
    """Return each school's papers (a paper of two schools is in both), then the unmatched.

    Parameters
    ----------
    result : PushListResult
        The push list computed with a school mapping.
    schools : list of str
        The mapping's schools, in the order notices are printed.

    Returns
    -------
    dict
        School → its rows of ``result.table``; schools without papers are left out;
        :data:`UNMATCHED_SCHOOL` last, when some paper matched no school.
    """
    table = result.table
    out: dict[str, pd.DataFrame] = {}
    for school in schools:
        mask = [school in list(s) for s in table["schools"]]
        if any(mask):
            out[school] = table[mask]
    unmatched = [len(list(s)) == 0 for s in table["schools"]]
    if any(unmatched):
        out[UNMATCHED_SCHOOL] = table[unmatched]
    return out


def _letter(school: str, result: PushListResult, papers: pd.DataFrame, institution: str) -> str:
    counts = _counts_text(kind_counts(papers))
    new = "新增" if result.params.only_new and result.comparable else ""
    if school == UNMATCHED_SCHOOL:
        return (f"以下 {len(papers)} 篇论文（{counts}）的本校地址未能按学院映射表归入任何学院，"
                "请核对作者所在学院后转发，并据此补充学院映射表。")
    return (f"{school}：根据科睿唯安 ESI 数据库 {result.release} 期数据（对比 "
            f"{previous_text(result)}），贵院{new}{counts}，"
            f"均为{institution}署名论文，详见下表。请将此喜讯转告相关作者，并请作者核对"
            "论文信息；如有疑问，请与图书馆学科服务部联系。")


def build_push_notice_context(result: PushListResult, schools: list[str], sources: pd.DataFrame,
                              *, display_name: str | None = None, mapping_file: str = "",
                              generated_at: datetime | None = None) -> dict:
    """Build the rendering context of the push notice.

    Parameters
    ----------
    result : PushListResult
        The push list, computed with the school mapping.
    schools : list of str
        The mapping's schools in print order.
    sources : pandas.DataFrame
        The paper lists used (:func:`~analyst_app.db.store_esi_papers.esi_paper_sources_frame`).
    display_name : str, optional
        The institution as printed; defaults to the ESI name.
    mapping_file : str
        Name of the school mapping file, printed in the methods.
    generated_at : datetime, optional
        Time stamp; defaults to now.

    Returns
    -------
    dict
        The variables listed in this module's docstring.
    """
    generated_at = generated_at or datetime.now()
    name = display_name or result.params.institution
    by_school = school_papers(result, schools)
    notices = [{"school": school, "count": str(len(papers)),
                "letter": _letter(school, result, papers, name),
                "rows": push_rows(papers, school)} for school, papers in by_school.items()]
    school_rows = []
    for school, papers in by_school.items():
        counts = kind_counts(papers)
        school_rows.append({"school": school, **{k: str(v) for k, v in counts.items()},
                            "total": str(len(papers))})
    summary = [push_summary_sentence(result, name)]
    matched = len(result.table) - len(by_school.get(UNMATCHED_SCHOOL, []))
    if not result.table.empty:
        summary.append(f"按学院映射表，{matched} 篇论文归入 "
                       f"{len([s for s in by_school if s != UNMATCHED_SCHOOL])} 个学院"
                       "（一篇论文署多个学院时在各学院通知中均列出）"
                       + (f"；{len(by_school[UNMATCHED_SCHOOL])} 篇未能匹配学院，列于“未匹配学院”。"
                          if UNMATCHED_SCHOOL in by_school else "。"))
    return {
        "report_title": f"{name} ESI 高被引与热点论文推送通知",
        "institution_name": name, "institution_esi": result.params.institution,
        "release": result.release or DASH, "previous_release_text": previous_text(result),
        "generated_date": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日",
        "generated_at": f"{generated_at:%Y-%m-%d %H:%M}", "program_version": __version__,
        "summary": summary, "school_rows": school_rows or [_empty_school_row()],
        "notices": notices, "mapping_file": mapping_file or DASH,
        "methods": [NOVELTY_RULE_ZH, OURS_RULE_ZH,
                    f"学院归属：按学院映射表（{mapping_file or '未指定'}）匹配本校地址；"
                    "多条规则命中时取优先级高者，其次取匹配文字较长者。", *result.notes],
        "sources": paper_source_rows(sources),
    }


def _empty_school_row() -> dict:
    return {"school": "（本期无推送论文）", "hcp": DASH, "hot": DASH, "top": DASH, "total": "0"}


def paper_source_rows(sources: pd.DataFrame) -> list[dict]:
    """Return the printed rows of the ESI paper lists used (provenance table)."""
    if sources.empty:
        return [{"release": DASH, "kind_zh": DASH, "file_name": "（未导入 ESI 论文清单）",
                 "sha256": DASH, "papers": DASH}]
    return [{"release": r["release"], "kind_zh": KIND_ZH.get(r["kind"], r["kind"]),
             "file_name": r["file_name"], "sha256": r["sha256"], "papers": fmt_int(r["papers"])}
            for r in sources.sort_values(["release", "kind"], ascending=[False, True])
            .to_dict("records")]


def render_push_notice(context: dict, template: Path, out: Path) -> Path:
    """Render the push notice with docxtpl and save it to ``out``; return ``out``."""
    from analyst_app.reports.render import render_docx

    return render_docx(template, context, out)
