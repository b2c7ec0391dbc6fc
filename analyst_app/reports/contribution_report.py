"""School contribution report (学院学科贡献度分析报告): result → rendering context with generated sentences.

Context variables of ``report_templates/contribution/template.docx`` (strings unless said
otherwise, numbers formatted as printed):

``report_title``, ``institution_name`` (display name), ``institution_en`` (as addresses name
it), ``aliases_text``, ``counting_zh``, ``period_text``, ``generated_date``, ``generated_at``,
``program_version``; ``overview`` and ``highlights`` (lists of paragraphs, section 一);
``field_count`` (int) and ``field_sections`` (section 二: dicts with ``heading``, ``intro``
and ``tables``, each table a dict with ``number``, ``caption``, ``rows`` and ``note``; a row
has ``school``, ``papers``, ``papers_share``, ``cites``, ``cites_share``, ``hcp``,
``hcp_share``); ``figure_intro``, ``figure_note``, ``school_table_number``, ``school_rows``
(``school``, ``papers``, ``cites``, ``hcp``, ``fields``, ``top_fields``) and
``school_sentences`` (section 三); ``unmatched_intro``, ``unmatched_table_number``,
``unmatched_rows`` (``rank``, ``unit``, ``text``, ``papers``), ``has_unmatched`` (bool) (section
四); ``method_paragraphs``, ``mapping_paragraphs``, ``scope_paragraphs``,
``source_table_number``, ``sources`` (``file_name``, ``format``, ``records``, ``sha256``,
``imported_at``) (appendix); ``figure_1`` is the heat map, added at render time.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.contribution import UNMATCHED, ContributionResult, method_text
from analyst_app import __version__
from analyst_app.domain.esi_fields import normalise_field
from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent, is_missing
from analyst_app.reports.figures_contribution import HeatmapData

if TYPE_CHECKING:  # services call this module, never the other way round at run time
    from analyst_app.services.contribution import ContributionReport
    from analyst_app.services.corpus import CorpusFilter

#: The counting methods as printed.
COUNTING_ZH = {"fractional": "分数计数", "full": "整数计数"}
#: Unmatched addresses listed in section 四 (all of them are in the Excel twin).
TOP_UNMATCHED = 20
#: Schools described one by one in section 三 (all of them are in its table).
TOP_SCHOOL_SENTENCES = 20


def field_names(fields: list[str]) -> dict[str, str]:
    """Return English ESI field → Chinese name (the English name when unknown)."""
    names = {}
    for name in fields:
        known = normalise_field(name)
        names[name] = known.name_zh if known else name
    return names


def count_text(value: object, counting: str) -> str:
    """Format a count as tables print it: ``1,234`` (full) or ``35.50`` (fractional)."""
    return fmt_int(value) if counting == "full" else fmt_float(value, 2)


def share_text(value: object) -> str:
    """Format a share as tables and sentences print it: ``41.2%``, or ``—`` when undefined."""
    return fmt_percent(value, 1)


def build_contribution_context(
    report: ContributionReport,
    heatmap: HeatmapData,
    sources: pd.DataFrame,
    *,
    flt: CorpusFilter | None = None,
    other: ContributionResult | None = None,
    display_name: str | None = None,
    workbook_name: str | None = None,
    generated_at: datetime | None = None,
) -> dict[str, Any]:
    """Build the rendering context of the school contribution report.

    Parameters
    ----------
    report : ContributionReport
        The contribution of the institution's schools (its counting is the report's).
    heatmap : HeatmapData
        What figure 1 shows (:func:`~analyst_app.reports.figures_contribution.heatmap_data`).
    sources : pandas.DataFrame
        Imported files behind the corpus: ``file_name, format, rows_stored, sha256,
        imported_at``.
    flt : CorpusFilter, optional
        The corpus filter, printed in Chinese where it can be.
    other : ContributionResult, optional
        The same under the other counting method: each field then has two tables.
    display_name : str, optional
        The institution's printed name; defaults to the name in addresses.
    workbook_name : str, optional
        File name of the Excel twin, when one is written (the text then points to it).
    generated_at : datetime, optional
        Time stamp printed; defaults to now.

    Returns
    -------
    dict
        The variables listed in this module's docstring.
    """
    generated_at = generated_at or datetime.now()
    result, params = report.result, report.parameters
    counting = result.params.counting
    name = display_name or params["institution"]
    names = field_names(result.table["field"].drop_duplicates().tolist())
    results = [result] + ([other] if other is not None else [])
    sections = _field_sections(results, names)
    number = sum(len(s["tables"]) for s in sections)
    unmatched_papers = _papers_without_school(report)
    context: dict[str, Any] = {
        "report_title": f"{name}学院学科贡献度分析报告",
        "institution_name": name,
        "institution_en": params["institution"],
        "aliases_text": join(params.get("aliases") or []) or "无",
        "counting_zh": COUNTING_ZH[counting],
        "period_text": _period_text(flt),
        "generated_date": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日",
        "generated_at": f"{generated_at:%Y-%m-%d %H:%M}",
        "program_version": __version__,
        "field_count": len(sections),
        "field_sections": sections,
        "school_table_number": number + 1,
        "unmatched_table_number": number + 2,
        # Table numbers follow the document order; section 四 has no table when all matched.
        "source_table_number": number + (3 if not report.unmatched.empty else 2),
        "workbook_name": workbook_name or "",
    }
    context["overview"] = overview_sentences(
        name, result, names, COUNTING_ZH[counting], _period_text(flt),
        schools=len(_school_totals(result)), unmatched_papers=unmatched_papers)
    context["highlights"] = [field_highlight(names[f], rows, counting)
                             for f, rows in result.table.groupby("field", sort=False)]
    context.update(_school_part(result, heatmap, names, number + 1, bool(workbook_name)))
    context.update(_unmatched_part(report, unmatched_papers, number + 2, bool(workbook_name)))
    context.update(_appendix(report, results, flt, sources))
    return context


def _field_sections(results: list[ContributionResult], names: dict[str, str]) -> list[dict]:
    sections, number = [], 0
    by_counting = [dict(tuple(r.table.groupby("field", sort=False))) for r in results]
    for index, (field, rows) in enumerate(by_counting[0].items()):
        tables = []
        for result, groups in zip(results, by_counting):
            number += 1
            counting = result.params.counting
            tables.append({
                "number": number,
                "caption": f"　{names[field]}学科各学院贡献度（{COUNTING_ZH[counting]}）",
                "rows": _table_rows(groups[field], counting),
                "note": counting_note(counting, groups[field]),
            })
        sections.append({"field": field, "field_zh": names[field],
                         "heading": f"（{CHINESE_ORDINALS[index]}）{names[field]}",
                         "intro": field_intro(names[field], field, rows), "tables": tables})
    return sections


def _table_rows(rows: pd.DataFrame, counting: str) -> list[dict[str, str]]:
    printed = [{
        "school": row["school"],
        "papers": count_text(row["papers"], counting),
        "papers_share": share_text(row["papers_share"]),
        "cites": count_text(row["cites"], counting),
        "cites_share": share_text(row["cites_share"]),
        "hcp": count_text(row["hcp"], counting),
        "hcp_share": share_text(row["hcp_share"]),
    } for row in rows.to_dict("records")]
    first = rows.iloc[0]
    # The university's own line: every paper once, so 100 % whatever the counting.
    printed.append({
        "school": "全校", "papers": fmt_int(first["field_papers"]), "papers_share": "100.0%",
        "cites": fmt_int(first["field_cites"]), "cites_share": "100.0%",
        "hcp": fmt_int(first["field_hcp"]),
        "hcp_share": "100.0%" if first["field_hcp"] else DASH})
    return printed


def _school_totals(result: ContributionResult) -> pd.DataFrame:
    schools = result.table[result.table["school"] != UNMATCHED]
    totals = schools.groupby("school").agg(papers=("papers", "sum"), cites=("cites", "sum"),
                                           hcp=("hcp", "sum"), fields=("field", "nunique"))
    totals["name"] = totals.index
    return totals.sort_values(["papers", "name"], ascending=[False, True])


def _see(table_number: int, workbook: bool) -> str:
    return f"表 {table_number}" + (" 和 Excel 工作簿" if workbook else "")


def _school_part(result: ContributionResult, heatmap: HeatmapData, names: dict[str, str],
                 table_number: int, workbook: bool) -> dict[str, Any]:
    counting = result.params.counting
    totals = _school_totals(result)
    schools = result.table[result.table["school"] != UNMATCHED]
    rows, sentences = [], []
    for school, total in totals.iterrows():
        own = schools[schools["school"] == school].sort_values(
            ["papers", "papers_share"], ascending=False, kind="stable")
        top = [f"{names[r['field']]}（{share_text(r['papers_share'])}）"
               for r in own.head(3).to_dict("records")]
        rows.append({"school": school, "papers": count_text(total["papers"], counting),
                     "cites": count_text(total["cites"], counting),
                     "hcp": count_text(total["hcp"], counting),
                     "fields": str(int(total["fields"])), "top_fields": "、".join(top)})
        if len(sentences) < TOP_SCHOOL_SENTENCES:
            sentences.append(school_sentence(school, total, own, names, counting))
    if len(totals) > TOP_SCHOOL_SENTENCES:
        sentences.append(f"其余 {len(totals) - TOP_SCHOOL_SENTENCES} 个学院的情况见"
                         f"{_see(table_number, workbook)}。")
    shown_f, shown_s = heatmap.shares.shape[1], heatmap.shares.shape[0]
    note = ("注：颜色与数字为学院论文数占全校该学科论文数的比例；空白表示该学院在该学科无论文；"
            "未匹配到学院的论文不在图中。")
    if heatmap.truncated:
        note += (f"为保证可读，图中仅列出论文数最多的 {shown_f} 个学科（共 {heatmap.fields_total}"
                 f" 个）和 {shown_s} 个学院（共 {heatmap.schools_total} 个），完整数据见"
                 f"{_see(table_number, workbook)}。")
    return {
        "figure_intro": (f"图 1 以热力图给出各学院在各 ESI 学科中的论文占比（{COUNTING_ZH[counting]}），"
                         f"表 {table_number} 汇总各学院的论文、被引与高被引论文及其主要学科。"),
        "figure_note": note, "school_rows": rows, "school_sentences": sentences,
    }


def _papers_without_school(report: ContributionReport) -> int:
    addresses = report.school_addresses
    matched = addresses.dropna(subset=["school"])["publication_id"].unique()
    return int(addresses.loc[~addresses["publication_id"].isin(matched),
                             "publication_id"].nunique())


def _unmatched_part(report: ContributionReport, unmatched_papers: int,
                    table_number: int, workbook: bool) -> dict[str, Any]:
    unmatched = report.unmatched
    if unmatched.empty:
        return {"has_unmatched": False, "unmatched_rows": [],
                "unmatched_intro": "本校全部地址均已匹配到学院，无未匹配地址。"}
    addresses = report.school_addresses
    touched = int(addresses.loc[addresses["school"].isna(), "publication_id"].nunique())
    shown = unmatched.head(TOP_UNMATCHED)
    intro = (f"共有 {fmt_int(len(unmatched))} 个不同的本校地址未匹配到任何学院，涉及论文 "
             f"{fmt_int(touched)} 篇；其中 {fmt_int(unmatched_papers)} 篇论文的本校地址均未匹配，"
             f"在统计中计入“{UNMATCHED}”行。表 {table_number} 按论文数列出")
    intro += (f"出现最多的 {len(shown)} 个地址"
              + ("（全部地址见 Excel 工作簿“未匹配地址”表）。" if workbook else "。")
              if len(unmatched) > len(shown) else "全部未匹配地址。")
    intro += "可依据“单位”一栏在学院映射文件中补充匹配模式，然后重新生成本报告。"
    rows = [{"rank": str(i), "unit": row["unit"] or DASH, "text": row["text"],
             "papers": fmt_int(row["papers"])}
            for i, row in enumerate(shown.to_dict("records"), start=1)]
    return {"has_unmatched": True, "unmatched_rows": rows, "unmatched_intro": intro}


def _period_text(flt: CorpusFilter | None) -> str:
    if flt is None or not flt.years:
        return "全部年份"
    first, last = flt.years
    return f"{first} 年" if first == last else f"{first}—{last} 年"


def _filter_zh(flt: CorpusFilter) -> str:
    # Years and document types in Chinese; rarer criteria as the filter words them.
    parts = []
    if flt.years:
        parts.append(f"出版年 {_period_text(flt)}")
    if flt.doc_types:
        parts.append("文献类型 " + "、".join(flt.doc_types))
    rest = type(flt)(query=flt.query, categories=flt.categories, esi_fields=flt.esi_fields,
                     sources=flt.sources)
    if rest != type(flt)():
        parts.append(rest.describe())
    return "；".join(parts) or "无（全部论文）"


def _appendix(report: ContributionReport, results: list[ContributionResult],
              flt: CorpusFilter | None, sources: pd.DataFrame) -> dict[str, Any]:
    params = report.parameters
    # method_text names its method itself ("分数计数：每篇论文……").
    methods = [method_text(r.params.counting, "zh") for r in results]
    if len(results) > 1:
        methods.append(f"正文与图 1 以{COUNTING_ZH[results[0].params.counting]}为准；"
                       "两种计数的表格并列给出，便于对照。")
    mapping_file = Path(params["mapping_file"]).name if params.get("mapping_file") else "（程序内规则）"
    mapping = [
        f"学院映射文件：{mapping_file}；SHA-256：{params.get('mapping_sha256') or DASH}；"
        f"匹配规则 {fmt_int(params['mapping_rules'])} 条，对应学院（含研究机构）"
        f"{fmt_int(params['mapping_schools'])} 个。",
        "匹配方法：只对本校地址匹配；普通模式为不区分大小写的子串匹配，“re:”开头的模式为正则表达式。"
        "一个地址同时匹配多个学院时，优先级高者优先，其次是匹配文字更长（更具体）者，再次为文件中靠前者；"
        "因此每个地址至多归属一个学院。",
    ]
    filter_text = _filter_zh(flt) if flt is not None else params.get("corpus_filter", "")
    scope = [
        f"分析机构（地址中的写法）：{params['institution']}；别名：{join(params.get('aliases') or []) or '无'}。",
        f"论文范围：{_period_text(flt)}（筛选条件：{filter_text}）。本校论文 "
        f"{fmt_int(results[0].papers)} 篇，其中 {fmt_int(results[0].papers_without_field)} 篇"
        "无法归入 ESI 学科，未计入各学科统计。",
        f"工作区：{params.get('workspace', DASH)}；计算时间（UTC）：{params.get('computed_at', DASH)}。",
    ]
    return {"method_paragraphs": methods, "mapping_paragraphs": mapping,
            "scope_paragraphs": scope, "sources": _source_rows(sources)}


def _source_rows(sources: pd.DataFrame) -> list[dict[str, str]]:
    rows = []
    for row in sources.to_dict("records"):
        stamp = row.get("imported_at")
        rows.append({"file_name": str(row["file_name"]), "format": str(row["format"]),
                     "records": fmt_int(row.get("rows_stored")),
                     "sha256": str(row.get("sha256") or DASH),
                     "imported_at": DASH if is_missing(stamp) else
                     f"{pd.Timestamp(stamp):%Y-%m-%d %H:%M}"})
    return rows


# -- generated sentences --------------------------------------------------------------

#: Heading numbers of the field sub-sections: （一）, （二）...
CHINESE_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
                    "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一",
                    "二十二", "二十三", "二十四")


def join(items: list[str]) -> str:
    """Join names with the Chinese enumeration comma: ``A、B、C``."""
    return "、".join(items)


def join_and(items: list[str]) -> str:
    """Join names as running text does: ``A``, ``A和B``, ``A、B和C``."""
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def amount(value: object, counting: str) -> str:
    """Format a count inside a sentence: ``35`` (full) or ``35.5`` / ``0.33`` (fractional).

    Fractional counts are printed with at most two decimals and no trailing zeros, the
    same rounding as the tables (``35.50`` there).
    """
    if counting == "full" or is_missing(value):
        return fmt_int(value)
    text = f"{float(value):,.2f}"  # type: ignore[arg-type]
    return text.rstrip("0").rstrip(".")


def overview_sentences(name: str, result: ContributionResult, names: dict[str, str],
                       counting_zh: str, period: str, *, schools: int,
                       unmatched_papers: int) -> list[str]:
    """Return the paragraphs of the overview: papers, fields, schools, leading schools.

    Parameters
    ----------
    name : str
        The institution's printed name.
    result : ContributionResult
        The contribution under the report's counting.
    names : dict
        English → Chinese field names.
    counting_zh : str
        The counting method as printed.
    period : str
        The publication years as printed (``2015—2024 年``).
    schools : int
        Schools with at least one paper.
    unmatched_papers : int
        Papers of the institution none of whose addresses matched a school.
    """
    counting = result.params.counting
    table = result.table
    fields = table.drop_duplicates("field")
    with_field = result.papers - result.papers_without_field
    text = [f"本报告基于工作区导入的论文数据，统计{name}（{period}）论文共 {fmt_int(result.papers)} 篇，"
            f"其中 {fmt_int(with_field)} 篇可归入 {len(fields)} 个 ESI 学科"
            + (f"（另有 {fmt_int(result.papers_without_field)} 篇无法归入 ESI 学科，未计入各学科统计）"
               if result.papers_without_field else "") + "。"]
    text.append(f"按学院映射规则，本校地址共匹配到 {schools} 个学院（含研究机构）；"
                f"{fmt_int(unmatched_papers)} 篇论文的本校地址均未匹配到学院，详见第四部分。")
    top = [f"{names[r['field']]}（{fmt_int(r['field_papers'])} 篇）"
           for r in fields.head(3).to_dict("records")]
    if top:
        text.append(f"论文最多的学科依次为{join_and(top)}。")
    totals = (table[table["school"] != UNMATCHED].groupby("school")["papers"].sum()
              .reset_index().sort_values(["papers", "school"], ascending=[False, True]))
    leaders = [f"{r['school']}（{amount(r['papers'], counting)} 篇）"
               for r in totals.head(3).to_dict("records")]
    if leaders:
        text.append(f"按{counting_zh}合计各学科，贡献论文最多的学院依次为{join_and(leaders)}。")
    text.append(f"本报告采用{counting_zh}计算学院贡献度，"
                + ("每篇论文在其署名的本校各学院间平均分配，同一学科各行占比之和为 100%。"
                   if counting == "fractional" else
                   "论文署有本校几个学院即为每个学院各计 1 篇，同一学科各学院占比之和可超过 100%。")
                + "各表下均注明计数方法，计算细节见附录。")
    return text


def field_highlight(field_zh: str, rows: pd.DataFrame, counting: str) -> str:
    """Return the sentence naming the leading schools of one field.

    Parameters
    ----------
    field_zh : str
        The field's Chinese name.
    rows : pandas.DataFrame
        The field's rows of :attr:`ContributionResult.table` (table order, unmatched last).
    counting : str
        ``full`` or ``fractional``.
    """
    schools = rows[rows["school"] != UNMATCHED]
    if schools.empty:
        return f"{field_zh}学科的论文均未匹配到学院。"
    first = schools.iloc[0]
    text = (f"{field_zh}学科中，{first['school']}贡献论文 {amount(first['papers'], counting)} 篇，"
            f"占全校该学科的 {share_text(first['papers_share'])}，被引 "
            f"{amount(first['cites'], counting)} 次（{share_text(first['cites_share'])}）")
    others = [f"{r['school']}（{amount(r['papers'], counting)} 篇，{share_text(r['papers_share'])}）"
              for r in schools.iloc[1:3].to_dict("records")]
    text += f"；其次为{join_and(others)}。" if others else "。"
    field_hcp = int(rows["field_hcp"].iloc[0])
    if field_hcp:
        best = schools.sort_values("hcp", ascending=False, kind="stable").iloc[0]
        if best["hcp"] > 0:
            text += (f"全校该学科 {field_hcp} 篇高被引论文中，{best['school']}贡献 "
                     f"{amount(best['hcp'], counting)} 篇（{share_text(best['hcp_share'])}）。")
    unmatched = rows[rows["school"] == UNMATCHED]
    if not unmatched.empty:
        text += f"未匹配到学院的论文占 {share_text(unmatched['papers_share'].iloc[0])}。"
    return text


def field_intro(field_zh: str, field_en: str, rows: pd.DataFrame) -> str:
    """Return the sentence opening a field's sub-section: the university's totals."""
    first = rows.iloc[0]
    schools = int((rows["school"] != UNMATCHED).sum())
    return (f"{field_zh}（{field_en}）全校论文 {fmt_int(first['field_papers'])} 篇，被引 "
            f"{fmt_int(first['field_cites'])} 次，高被引论文 {fmt_int(first['field_hcp'])} 篇，"
            f"论文分布于 {schools} 个学院（含研究机构）。")


def counting_note(counting: str, rows: pd.DataFrame) -> str:
    """Return the note printed under a field table: the counting method and what it means."""
    if counting == "fractional":
        return ("注：分数计数。每篇论文在其地址匹配到的本校各学院间平均分配（k 个学院各计 1/k 篇），"
                "被引次数与高被引论文按同一权重分配；本校地址均未匹配的论文计入"
                f"“{UNMATCHED}”行，因此各行占比之和为 100%。占比 = 学院数值 ÷ “全校”行数值，"
                "“全校”行每篇论文只计一次。")
    total = float(rows["papers_share"].sum())
    return ("注：整数计数。论文署有本校几个学院，即为每个学院各计 1 篇，被引次数与高被引论文同样全计，"
            "故各行之和可超过“全校”行（每篇论文只计一次），"
            f"本表论文占比之和为 {share_text(total)}。占比 = 学院数值 ÷ “全校”行数值。")


def school_sentence(school: str, total: pd.Series, own: pd.DataFrame, names: dict[str, str],
                    counting: str) -> str:
    """Return the sentence on one school's strongest fields.

    Parameters
    ----------
    school : str
        The school.
    total : pandas.Series
        Its ``papers``, ``cites``, ``fields`` over all fields.
    own : pandas.DataFrame
        Its rows of the contribution table, most papers first.
    names : dict
        English → Chinese field names.
    counting : str
        ``full`` or ``fractional``.
    """
    first = own.iloc[0]
    text = (f"{school}：论文 {amount(total['papers'], counting)} 篇、被引 "
            f"{amount(total['cites'], counting)} 次，分布于 {int(total['fields'])} 个学科；"
            f"论文最多的学科为{names[first['field']]}（{amount(first['papers'], counting)} 篇，"
            f"占全校该学科的 {share_text(first['papers_share'])}）")
    second = [f"{names[r['field']]}（{amount(r['papers'], counting)} 篇，"
              f"{share_text(r['papers_share'])}）" for r in own.iloc[1:3].to_dict("records")]
    if second:
        text += f"，其次为{join_and(second)}"
    best = own.sort_values("papers_share", ascending=False, kind="stable").iloc[0]
    if best["field"] == first["field"]:
        return text + "；该学科也是其占全校比例最高的学科。"
    return text + (f"；占全校比例最高的学科为{names[best['field']]}"
                   f"（{share_text(best['papers_share'])}）。")
