"""ESI bulletin (ESI 学科动态监测通报): result → rendering context → docxtpl document.

Context variables of ``report_templates/esi_bulletin/template.docx`` (all strings unless
said otherwise, numbers already formatted as printed):

``report_title``, ``institution_name`` (display name), ``institution_esi``, ``aliases_text``,
``matched_names_text``, ``release``, ``previous_release`` (empty when none),
``previous_release_text``, ``generated_date``, ``generated_at``, ``program_version``,
``lead``, ``overview`` / ``field_sentences`` / ``change_sentences`` / ``distance_sentences``
(lists of paragraphs), ``field_count`` (int), ``rows`` (table 1: dicts with ``field``,
``field_zh``, ``rank``, ``institutions``, ``percentile``, ``documents``, ``cites``,
``cites_per_paper``, ``top_papers``, ``threshold_1pct``, ``threshold_1permille``,
``threshold_1per10k``, ``level``, ``change``), ``has_derived_threshold`` (bool),
``rounding_zh``, ``rank_1permille_formula``, ``rank_1per10k_formula``, ``sources`` (table 2:
dicts with ``field``, ``field_zh``, ``release``, ``file_name``, ``sha256``, ``imported_at``,
``institutions``) and ``figure_1`` (an image at render time, its file name in the context).
"""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from analysis.esi import EsiStatusResult
from analyst_app import __version__
from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent, is_missing

#: Table labels of the status codes of :data:`analysis.esi.STATUS_LEVELS`.
LEVEL_ZH = {"top_1per10k": "前1‱", "top_1permille": "前1‰", "top_1pct": "前1%",
            "not_listed": "未进入"}
#: The same in running text, spaced as Chinese typesetting puts digits among characters.
LEVEL_TEXT = {"top_1per10k": "前 1‱", "top_1permille": "前 1‰", "top_1pct": "前 1%"}
#: The next level up and the threshold column that defines it.
NEXT_LEVEL = {"top_1pct": ("top_1permille", "threshold_1permille"),
              "top_1permille": ("top_1per10k", "threshold_1per10k")}
#: Share of the next threshold from which a field is called a potential field (DESIGN §5).
POTENTIAL_CUTOFF = 0.8
#: How the threshold ranks are made whole, as printed in the appendix.
ROUNDING_ZH = {"ceil": ("向上取整", "⌈0.1 × N⌉", "⌈0.01 × N⌉"),
               "round": ("四舍五入", "round(0.1 × N)", "round(0.01 × N)"),
               "floor": ("向下取整", "⌊0.1 × N⌋", "⌊0.01 × N⌋")}
#: Fields ESI defines, to say how many of them were imported.
ESI_FIELD_COUNT = 22
#: Width of the chart in the document.
FIGURE_WIDTH_MM = 150


def change_label(row: dict | pd.Series, has_previous: bool) -> str:
    """Return the rank change cell: ``↑3``, ``↓2``, ``持平``, ``新进``, ``退出`` or ``—``.

    Parameters
    ----------
    row : dict or pandas.Series
        A row of :attr:`EsiStatusResult.table`.
    has_previous : bool
        Whether a previous release exists (otherwise there is no change to show).
    """
    if not has_previous:
        return DASH
    if row["status"] == "not_listed":
        # A previous rank with no current one: the field dropped out of the top 1 %.
        return DASH if is_missing(row["previous_rank"]) else "退出"
    if bool(row["newly_listed"]):
        return "新进"
    change = row["rank_change"]
    if is_missing(change):
        return DASH
    change = int(change)
    return f"↑{change}" if change > 0 else f"↓{-change}" if change < 0 else "持平"


def _join(names: list[str]) -> str:
    return "、".join(names)


def build_esi_bulletin_context(
    result: EsiStatusResult,
    sources: pd.DataFrame,
    *,
    display_name: str | None = None,
    generated_at: datetime | None = None,
) -> dict:
    """Build the rendering context of the ESI bulletin.

    Parameters
    ----------
    result : EsiStatusResult
        The ESI status of the institution.
    sources : pandas.DataFrame
        The lists it was computed from (:func:`analyst_app.db.queries.esi_lists_frame` rows).
    display_name : str, optional
        The institution's name as printed (a Chinese name); defaults to the ESI name.
    generated_at : datetime, optional
        Time stamp printed in the report; defaults to now.

    Returns
    -------
    dict
        The variables listed in this module's docstring; numbers are formatted strings.
    """
    generated_at = generated_at or datetime.now()
    table = _listed_first(result.table)
    name = display_name or result.params.institution
    rounding, formula_1permille, formula_1per10k = ROUNDING_ZH[result.params.rounding]
    previous_fields = _fields_in(sources, result.previous_release)
    context = {
        "report_title": f"{name} ESI 学科动态监测通报",
        "institution_name": name,
        "institution_esi": result.params.institution,
        "aliases_text": _join(list(result.params.aliases)) or "无",
        "matched_names_text": _join(sorted(set(table["matched_name"].dropna()))) or "（未匹配）",
        "release": result.release,
        "previous_release": result.previous_release or "",
        "previous_release_text": result.previous_release or "无（本期为首次导入）",
        "generated_date": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日",
        "generated_at": f"{generated_at:%Y-%m-%d %H:%M}",
        "program_version": __version__,
        "field_count": len(table),
        "rows": [_table_row(row, result.previous_release is not None)
                 for row in table.to_dict("records")],
        "has_derived_threshold": bool((table["threshold_1pct_source"] == "derived").any()),
        "rounding_zh": rounding,
        "rank_1permille_formula": formula_1permille,
        "rank_1per10k_formula": formula_1per10k,
        "sources": _source_rows(sources, result.release),
    }
    context["lead"] = lead_sentence(table, result.release)
    context["overview"] = overview_sentences(table, result.previous_release)
    context["field_sentences"] = field_sentences(table, result.previous_release, previous_fields)
    context["change_sentences"] = change_sentences(result, _field_names(table, sources))
    context["distance_sentences"] = distance_sentences(table)
    return context


def _listed_first(table: pd.DataFrame) -> pd.DataFrame:
    # The analysis already sorts by status; a stable sort keeps that and guarantees it.
    order = (table["status"] == "not_listed").astype(int)
    return table.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _fields_in(sources: pd.DataFrame, release: str | None) -> set[str]:
    if release is None or sources.empty:
        return set()
    return set(sources.loc[sources["release"] == release, "field"])


def _field_names(table: pd.DataFrame, sources: pd.DataFrame) -> dict[str, str]:
    names = dict(zip(sources["field"], sources["field_zh"])) if not sources.empty else {}
    names.update(zip(table["field"], table["field_zh"]))
    return names


def _table_row(row: dict, has_previous: bool) -> dict:
    star = "*" if row["threshold_1pct_source"] == "derived" else ""
    return {
        "field": row["field"],
        "field_zh": row["field_zh"],
        "rank": fmt_int(row["rank"]),
        "institutions": fmt_int(row["institutions"]),
        "percentile": fmt_percent(row["percentile"]),
        "documents": fmt_int(row["documents"]),
        "cites": fmt_int(row["cites"]),
        "cites_per_paper": fmt_float(row["cites_per_paper"]),
        "top_papers": fmt_int(row["top_papers"]),
        "threshold_1pct": fmt_int(row["threshold_1pct"]) + star,
        "threshold_1permille": fmt_int(row["threshold_1permille"]),
        "threshold_1per10k": fmt_int(row["threshold_1per10k"]),
        "level": LEVEL_ZH[row["status"]],
        "change": change_label(row, has_previous),
    }


def _source_rows(sources: pd.DataFrame, release: str) -> list[dict]:
    if sources.empty:
        return []
    # The analysed release first, then the comparison release; fields alphabetically.
    ordered = sources.assign(_current=sources["release"] != release).sort_values(
        ["_current", "release", "field"], ascending=[True, False, True])
    return [{
        "field": row["field"], "field_zh": row["field_zh"], "release": row["release"],
        "file_name": row["file_name"], "sha256": row["sha256"],
        "imported_at": f"{pd.Timestamp(row['imported_at']):%Y-%m-%d %H:%M}",
        "institutions": fmt_int(row["institutions"]),
    } for row in ordered.to_dict("records")]


def lead_sentence(table: pd.DataFrame, release: str) -> str:
    """Return the opening sentence: how many fields entered the top 1 %, 1 ‰ and 1 ‱.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`EsiStatusResult.table`, listed fields first.
    release : str
        The release label printed in the sentence.
    """
    listed = table[table["status"] != "not_listed"]
    head = f"本期（{release}）ESI 数据显示，"
    if listed.empty:
        return head + "我校暂无学科进入 ESI 全球前 1%。"
    clauses = [f"我校共有 {len(listed)} 个学科进入 ESI 全球前 1%"]
    for status in ("top_1per10k", "top_1permille"):
        names = listed.loc[listed["status"] == status, "field_zh"].tolist()
        if names:
            count = f" {len(names)} 个学科" if len(names) > 1 else ""
            lead = "其中" if len(clauses) == 1 else ""
            clauses.append(f"{lead}{_join(names)}{count}进入{LEVEL_TEXT[status]}")
    return head + "，".join(clauses) + "。"


def overview_sentences(table: pd.DataFrame, previous_release: str | None) -> list[str]:
    """Return the overview paragraphs: imported fields, totals, rises and falls.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`EsiStatusResult.table`.
    previous_release : str or None
        The release compared with; ``None`` for a first import.
    """
    listed = table[table["status"] != "not_listed"]
    text = [f"本期共导入 {len(table)} 个学科的 ESI 榜单（ESI 共设 {ESI_FIELD_COUNT} 个学科），"
            "未导入学科不在本通报统计范围内。"]
    if not listed.empty:
        text.append(
            f"已进入前 1% 的 {len(listed)} 个学科合计论文 {fmt_int(listed['documents'].sum())} 篇、"
            f"被引 {fmt_int(listed['cites'].sum())} 次、高水平论文 "
            f"{fmt_int(listed['top_papers'].sum())} 篇。")
    if previous_release is None:
        return text  # the change section says there is nothing to compare with
    moved = listed[~listed["newly_listed"].astype(bool)]["rank_change"].dropna().astype(int)
    text.append(f"与上期（{previous_release}）相比，排名上升的学科 {int((moved > 0).sum())} 个、"
                f"下降 {int((moved < 0).sum())} 个、持平 {int((moved == 0).sum())} 个。")
    return text


def field_sentences(table: pd.DataFrame, previous_release: str | None,
                    previous_fields: set[str]) -> list[str]:
    """Return one sentence per listed field, then one on the fields not listed.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`EsiStatusResult.table`, listed fields first.
    previous_release : str or None
        The release compared with; ``None`` for a first import (no change phrases).
    previous_fields : set of str
        Fields with a list in the previous release; others get "no comparison".
    """
    sentences = []
    for row in table[table["status"] != "not_listed"].to_dict("records"):
        text = (f"{row['field_zh']}排名第 {fmt_int(row['rank'])} 位（共 {fmt_int(row['institutions'])} "
                f"个机构），位于前 {fmt_percent(row['percentile'])}，处于{LEVEL_TEXT[row['status']]} "
                f"层次；论文 {fmt_int(row['documents'])} 篇，被引 {fmt_int(row['cites'])} 次，"
                f"篇均被引 {fmt_float(row['cites_per_paper'])} 次，高水平论文 "
                f"{fmt_int(row['top_papers'])} 篇")
        change = _change_phrase(row, previous_release, previous_fields)
        sentences.append(text + (f"；{change}" if change else "") + "。")
    absent = table[table["status"] == "not_listed"]
    if not absent.empty:
        items = [f"{r['field_zh']}（入围阈值 {fmt_int(r['threshold_1pct'])} 次被引）"
                 for r in absent.to_dict("records")]
        sentences.append(f"以下已导入学科本期未进入 ESI 前 1%：{_join(items)}。")
    return sentences


def _change_phrase(row: dict, previous_release: str | None, previous_fields: set[str]) -> str:
    if previous_release is None:
        return ""
    if row["field"] not in previous_fields:
        return "上期未导入该学科榜单，暂无环比"
    if bool(row["newly_listed"]):
        return "为本期新进入 ESI 前 1% 的学科"
    change = row["rank_change"]
    if is_missing(change):
        return ""
    change = int(change)
    if change == 0:
        return "排名与上期持平"
    return f"较上期{'上升' if change > 0 else '下降'} {abs(change)} 位"


def change_sentences(result: EsiStatusResult, names: dict[str, str]) -> list[str]:
    """Return the release-over-release paragraphs: new, dropped, rising and falling fields.

    Parameters
    ----------
    result : EsiStatusResult
        The ESI status (its ``dropped_fields`` are English field names).
    names : dict
        Chinese name per English field name.
    """
    if result.previous_release is None:
        return ["本期为首次导入，暂无环比数据。"]
    table = result.table
    listed = table[table["status"] != "not_listed"]
    new = listed.loc[listed["newly_listed"].astype(bool), "field_zh"].tolist()
    text = [f"本期新进入 ESI 前 1% 的学科：{_join(new)}（共 {len(new)} 个）。" if new
            else "本期无新进入 ESI 前 1% 的学科。"]
    current = set(table["field"])
    dropped = [names.get(f, f) for f in result.dropped_fields if f in current]
    missing = [names.get(f, f) for f in result.dropped_fields if f not in current]
    text.append(f"上期（{result.previous_release}）进入、本期退出 ESI 前 1% 的学科："
                f"{_join(dropped)}。" if dropped else "本期无学科退出 ESI 前 1%。")
    if missing:
        text.append(f"上期进入前 1% 的{_join(missing)}本期未导入榜单，无法判断是否仍在榜。")
    moved = listed[~listed["newly_listed"].astype(bool) & listed["rank_change"].notna()]
    for label, chosen in (("上升", moved[moved["rank_change"] > 0]),
                          ("下降", moved[moved["rank_change"] < 0])):
        if not chosen.empty:
            ordered = chosen.sort_values("rank_change", ascending=label == "下降",
                                         key=lambda s: s.astype(int))
            items = [f"{r['field_zh']}（{change_label(r, True)}）"
                     for r in ordered.to_dict("records")]
            text.append(f"排名{label}的学科：{_join(items)}。")
    return text


def distance_sentences(table: pd.DataFrame) -> list[str]:
    """Return, per listed field, the distance in cites to the next level's threshold.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`EsiStatusResult.table`, listed fields first.
    """
    sentences = []
    for row in table[table["status"] != "not_listed"].to_dict("records"):
        cites = float(row["cites"])
        if row["status"] == "top_1per10k":
            threshold = float(row["threshold_1per10k"])
            sentences.append(f"{row['field_zh']}已进入前 1‱，高出阈值 "
                             f"{fmt_int(cites - threshold)} 次被引（为阈值的 "
                             f"{fmt_percent(cites / threshold, 1)}）。")
            continue
        level, column = NEXT_LEVEL[row["status"]]
        threshold = float(row[column])
        share = cites / threshold
        text = (f"{row['field_zh']}距{LEVEL_TEXT[level]} 阈值尚差 "
                f"{fmt_int(math.ceil(threshold - cites))} 次被引（当前为阈值的 "
                f"{fmt_percent(share, 1)}）")
        if share >= POTENTIAL_CUTOFF:
            text += f"，已达阈值的 {POTENTIAL_CUTOFF:.0%} 以上，可作为冲击{LEVEL_TEXT[level]} 的重点学科"
        sentences.append(text + "。")
    if not sentences:
        # ESI lists only the top 1 %, so an unlisted field's own cites are not in them.
        sentences.append("本期无进入 ESI 前 1% 的学科；未进入学科的潜力值需导入 InCites 或 "
                         "Web of Science 数据后计算。")
    return sentences
