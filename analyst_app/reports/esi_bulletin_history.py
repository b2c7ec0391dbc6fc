"""ESI bulletin sections beyond one release: history, potential fields, new highly cited papers.

Adds these context variables to :func:`analyst_app.reports.esi_bulletin.build_esi_bulletin_context`
(strings unless said otherwise):

``has_history`` (bool: two or more releases), ``history_releases_text``, ``history_intro``,
``history_rows`` (table: ``field_zh`` — printed on a field's first row only —, ``release``,
``rank``, ``institutions``, ``percentile``, ``cites``, ``level``, ``change``),
``history_sentences`` (paragraphs); ``potential_intro``, ``potential_rows`` (table:
``field_zh``, ``level``, ``cites``, ``source``, ``p_1pct``, ``p_1permille``, ``p_1per10k``,
``next_level``, ``watch``, ``forecast``), ``potential_sentences``, ``watch_text``,
``window_text``, ``confidence_text``; ``push_sentences``, ``push_rows`` (see
:func:`analyst_app.reports.push_notice.push_rows`), ``push_sources``, ``has_push_list``.
"""

from __future__ import annotations

import pandas as pd

from analysis.esi_forecast import ForecastParams
from analysis.esi_history import EsiHistoryResult
from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent, is_missing
from analyst_app.reports.esi_bulletin import LEVEL_ZH, change_label
from analyst_app.reports.push_notice import paper_source_rows, push_rows, push_summary_sentence

#: Digits of printed potential values: three, so 0.795 is not printed as the cut-off 0.80.
P_DIGITS = 3
#: Printed when a release has no history sentence.
NO_CHANGE_ZH = "各学科排名与层次无变化"
SOURCE_ZH = {"esi": "ESI", "wos": "WoS"}
LEVEL_NAME = {"1%": "前 1% ", "1‰": "前 1‰ ", "1‱": "前 1‱ "}


def history_context(history: EsiHistoryResult, release: str) -> dict:
    """Return the history section's variables for releases up to ``release``.

    Parameters
    ----------
    history : EsiHistoryResult
        :func:`analyst_app.services.esi_history.esi_history` result.
    release : str
        The bulletin's release; later releases are left out.
    """
    releases = [r for r in history.releases if r <= release]
    table = history.table[history.table["release"] <= release]
    # Fields listed in at least one release: a field never listed has no rank to follow.
    listed = table.groupby("field")["status"].apply(lambda s: (s != "not_listed").any())
    table = table[table["field"].isin(listed[listed].index)]
    order = _field_order(table, release)
    rows = []
    for field in order:
        first = True
        for row in table[table["field"] == field].sort_values("release").to_dict("records"):
            has_previous = not (is_missing(row["previous_release"])
                                 or is_missing(row["previous_status"]))
            rows.append({"field_zh": row["field_zh"] if first else "", "release": row["release"],
                         "rank": fmt_int(row["rank"]), "institutions": fmt_int(row["institutions"]),
                         "percentile": fmt_percent(row["percentile"]), "cites": fmt_int(row["cites"]),
                         "level": LEVEL_ZH[row["status"]], "change": change_label(row, has_previous)})
            first = False
    multi = len(releases) > 1
    intro = (f"表 2 列出已导入的 {len(releases)} 期 ESI 数据（{'、'.join(releases)}）中我校曾进入"
             f"前 1% 的 {len(order)} 个学科各期的排名、机构数、百分位与被引次数；图 2 给出各学科"
             "百分位的变化（纵轴向上为排名靠前）。" if multi else
             f"仅导入一期（{release}），暂无多期对比；表 2 列出本期各已进入学科的位置，"
             "导入更多期次后本节将给出逐期变化与趋势图。")
    return {"has_history": multi, "history_releases_text": "、".join(releases),
            "history_intro": intro, "history_rows": rows or [_empty_history_row()],
            "history_sentences": history_sentences(history, release) if multi else
            ["仅导入一期，暂无多期对比。"]}


def _field_order(table: pd.DataFrame, release: str) -> list[str]:
    """Fields by their latest percentile (best first), fields not listed now last."""
    latest = table[table["release"] == release].set_index("field")["percentile"]
    fields = list(dict.fromkeys(table["field"]))
    return sorted(fields, key=lambda f: (is_missing(latest.get(f)),
                                         0.0 if is_missing(latest.get(f)) else latest.get(f), f))


def _empty_history_row() -> dict:
    return {"field_zh": "（无已进入学科）", "release": DASH, "rank": DASH, "institutions": DASH,
            "percentile": DASH, "cites": DASH, "level": DASH, "change": DASH}


def history_sentences(history: EsiHistoryResult, release: str) -> list[str]:
    """Return the change paragraphs, newest release first: a lead line, then one per change.

    The sentences are :attr:`EsiHistoryResult.sentences` as generated (``化学学科排名较上期
    上升 12 位…``), in the analysis' order (good news first); one paragraph each, so the
    librarian can cut or reword a single change.
    """
    sentences = history.sentences
    paragraphs = []
    for current in sorted((r for r in history.releases if r <= release), reverse=True):
        previous = next((r for r in sorted(history.releases, reverse=True) if r < current), None)
        if previous is None:
            continue
        chosen = sentences[sentences["release"] == current]["sentence_zh"].tolist()
        if not chosen:
            paragraphs.append(f"{current} 期与 {previous} 期相比，{NO_CHANGE_ZH}。")
            continue
        paragraphs.append(f"{current} 期与 {previous} 期相比：")
        paragraphs.extend(f"{text}。" for text in chosen)
    return paragraphs


def potential_context(table: pd.DataFrame, watch: float, window: tuple[int, int],
                      params: ForecastParams, notes_missing: bool) -> dict:
    """Return the potential section's variables.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analyst_app.services.esi_history.EsiPotentialReport.table`.
    watch : float
        Watch-list cut-off.
    window : (int, int)
        Publication years of the WoS count.
    params : ForecastParams
        Forecast parameters (confidence, fewest releases).
    notes_missing : bool
        Whether the institution's WoS records are missing (unlisted fields unknown).
    """
    known = table[table["cites"].notna()].copy()
    known["_level"] = known["status"].map({"top_1per10k": 0, "top_1permille": 1, "top_1pct": 2,
                                           "not_listed": 3})
    known["_p"] = known["potential_next"].fillna(known["potential_1pct"])
    known = known.sort_values(["_level", "_p"], ascending=[True, False])
    rows = [_potential_row(r) for r in known.to_dict("records")]
    return {"potential_rows": rows or [_empty_potential_row()],
            "potential_intro": (f"潜力值 P = 本校该学科被引次数 ÷ 该学科阈值。表 3 列出本期被引次数可知的 "
                                f"{len(rows)} 个学科对前 1%、前 1‰、前 1‱ 阈值的潜力值；P ≥ {watch:g} 且尚未"
                                "达到下一层次的学科为潜力学科，P ≥ 1 而尚未列入榜单的学科有望下期入选。"),
            "potential_sentences": potential_sentences(table, watch, window, notes_missing),
            "watch_text": f"{watch:g}", "window_text": f"{window[0]}—{window[1]} 年",
            "confidence_text": f"{params.confidence:.0%}",
            "min_releases_text": str(params.min_releases),
            "horizon_text": f"{params.max_horizon_years:g}"}


def _p(value: object) -> str:
    return fmt_float(value, P_DIGITS)


def forecast_cell(row: dict) -> str:
    """The forecast column: ``2026-03—2026-09`` when possible, else ``不作预测`` or ``—``."""
    if bool(row.get("forecast_possible")):
        return f"{row['forecast_earliest']}—{row['forecast_latest']}"
    return DASH if row["status"] == "top_1per10k" else "不作预测"


def _potential_row(row: dict) -> dict:
    watch = ("有望入选" if bool(row["likely_next_release"]) else
             "潜力学科" if bool(row["on_watch_list"]) else "")
    return {"field_zh": row["field_zh"], "level": LEVEL_ZH[row["status"]],
            "cites": fmt_int(row["cites"]), "source": SOURCE_ZH.get(row["cites_source"], DASH),
            "p_1pct": _p(row["potential_1pct"]), "p_1permille": _p(row["potential_1permille"]),
            "p_1per10k": _p(row["potential_1per10k"]),
            "next_level": LEVEL_NAME.get(row["next_level"], DASH).strip() if isinstance(
                row["next_level"], str) else DASH,
            "watch": watch, "forecast": forecast_cell(row)}


def _empty_potential_row() -> dict:
    return {"field_zh": "（无可计算潜力值的学科）", "level": DASH, "cites": DASH, "source": DASH,
            "p_1pct": DASH, "p_1permille": DASH, "p_1per10k": DASH, "next_level": DASH,
            "watch": "", "forecast": DASH}


def potential_sentences(table: pd.DataFrame, watch: float, window: tuple[int, int],
                        notes_missing: bool) -> list[str]:
    """Return the potential-field paragraphs: watch list with forecasts, then what is unknown."""
    text = []
    chosen = table[table["on_watch_list"].astype(bool) | table["likely_next_release"].astype(bool)]
    for row in chosen.to_dict("records"):
        target = LEVEL_NAME.get(row["next_level"], "")
        if row["listed"]:
            head = (f"{row['field_zh']}现处{LEVEL_ZH[row['status']]}，被引 {fmt_int(row['cites'])} 次，"
                    f"对{target}阈值的潜力值 P = {_p(row['potential_next'])}")
        else:
            head = (f"{row['field_zh']}尚未进入 ESI 前 1%，本校 {window[0]}—{window[1]} 年论文与综述"
                    f"（WoS）被引 {fmt_int(row['cites'])} 次，潜力值 P = {_p(row['potential_1pct'])}"
                    + ("，已达入围阈值，有望下期入选" if row["likely_next_release"] else ""))
        text.append(f"{head}；入选预测：{row['forecast_reason_zh'] or DASH}。")
    if chosen.empty:
        text.append(f"本期没有潜力值 P ≥ {watch:g} 而尚未达到下一层次的学科。")
    close = table[table["listed"].astype(bool) & table["potential_next"].notna()
                  & ~table["on_watch_list"].astype(bool)].sort_values("potential_next",
                                                                      ascending=False).head(3)
    if not close.empty:
        text.append("已进入学科中距下一层次最近的学科：")
        text.extend(f"{r['field_zh']}对{LEVEL_NAME.get(r['next_level'], '')}阈值的潜力值 P = "
                    f"{_p(r['potential_next'])}；入选预测：{r['forecast_reason_zh'] or DASH}。"
                    for r in close.to_dict("records"))
    unknown = table[~table["listed"].astype(bool) & table["cites"].isna()]
    if not unknown.empty:
        reason = ("工作区中没有署本校地址的 Web of Science 记录" if notes_missing
                  else "本校 WoS 记录中没有这些学科的论文")
        text.append(f"以下 {len(unknown)} 个未进入学科的潜力值无法计算（{reason}；ESI 不公布榜单外机构的"
                    f"被引次数）：{'、'.join(unknown['field_zh'])}。")
    return text


def push_context(result, sources: pd.DataFrame | None, institution: str, release: str) -> dict:
    """Return the push-list section's variables.

    Parameters
    ----------
    result : PushListResult or None
        The push list of ``release``; ``None`` when no ESI paper list of it was imported.
    sources : pandas.DataFrame or None
        The paper lists used.
    institution : str
        The institution as printed.
    release : str
        The bulletin's release.
    """
    if result is None:
        return {"has_push_list": False, "push_rows": [_empty_push_row("（本期未导入论文清单）")],
                "push_sentences": [f"本期（{release}）未导入 ESI 高被引论文或热点论文清单，"
                                   "暂无新增论文数据；导入后重新生成本通报即可列出。"],
                "push_sources": paper_source_rows(pd.DataFrame())}
    sentences = [push_summary_sentence(result, institution)]
    if not result.table.empty and not any(len(s) for s in result.table["schools"]):
        sentences.append("未指定学院映射表，学院一栏留空；生成“高被引与热点论文推送通知”时可按学院分发。")
    rows = push_rows(result.table) or [_empty_push_row("（本期无新增论文）")]
    return {"has_push_list": True, "push_rows": rows, "push_sentences": sentences,
            "push_sources": paper_source_rows(sources if sources is not None else pd.DataFrame())}


def _empty_push_row(text: str) -> dict:
    return {"no": DASH, "kind_zh": DASH, "title": text, "field_zh": DASH, "times_cited": DASH,
            "authors": DASH, "schools": DASH, "ut": DASH}
