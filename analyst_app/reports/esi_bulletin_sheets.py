"""Excel sheets of the ESI bulletin beyond one release: history, potential values, push list.

Each sheet is built from the same JSON records the CLI prints (``esi history``,
``esi potential``, ``esi push-list --format json``), unrounded, so a number in the
workbook, in the Word report and in the CLI output is one number.
"""

from __future__ import annotations

import pandas as pd

from analyst_app.reports.excel import NUMBER_FORMATS, PERCENT_FORMAT
from analyst_app.reports.push_notice import KIND_ZH
from analyst_app.reports.render import Sheet

SHEET_HISTORY, SHEET_SENTENCES = "多期变化", "变化表述"
SHEET_POTENTIAL, SHEET_PUSH = "潜力学科", "新增高被引与热点论文"

_HISTORY_ZH = {"field_zh": "学科", "field": "学科（英文）", "release": "期次", "rank": "排名",
               "institutions": "机构数 N", "percentile": "百分位", "cites": "被引次数",
               "documents": "论文数", "threshold_1pct": "1% 阈值",
               "threshold_1permille": "1‰ 阈值", "threshold_1per10k": "1‱ 阈值",
               "status": "层次代码", "rank_change": "排名变化（上升为正）",
               "newly_listed": "本期新进", "previous_release": "上期"}
_POTENTIAL_ZH = {"field_zh": "学科", "field": "学科（英文）", "release": "期次",
                 "status": "层次代码", "cites": "被引次数", "cites_source": "被引来源",
                 "threshold_1pct": "1% 阈值", "threshold_1permille": "1‰ 阈值",
                 "threshold_1per10k": "1‱ 阈值", "potential_1pct": "潜力值 P（1%）",
                 "potential_1permille": "潜力值 P（1‰）", "potential_1per10k": "潜力值 P（1‱）",
                 "next_level": "下一层次", "potential_next": "对下一层次的 P",
                 "on_watch_list": "潜力学科", "likely_next_release": "有望下期入选",
                 "forecast_possible": "可预测", "forecast_earliest": "预测区间起",
                 "forecast_latest": "预测区间止", "forecast_reason_zh": "预测说明"}
_PUSH_ZH = {"kind": "类型", "title": "题名", "field": "ESI 学科", "times_cited": "被引次数",
            "authors": "待通知作者", "schools": "学院", "ut": "入藏号 UT", "doi": "DOI",
            "release": "期次", "previous_release": "对比期次", "new": "本期新增"}
_P_FORMAT = "0.000"


def history_sheet(records: list[dict]) -> Sheet:
    """The history sheet: one row per field and release (``esi history`` JSON objects)."""
    frame = pd.DataFrame(records).reindex(columns=list(_HISTORY_ZH))
    return Sheet(SHEET_HISTORY, frame, _HISTORY_ZH,
                 dict(NUMBER_FORMATS, percentile=PERCENT_FORMAT), freeze="D2")


def sentences_sheet(records: list[dict]) -> Sheet:
    """The generated change sentences, Chinese and English (``esi history --sentences``)."""
    columns = {"release": "期次", "previous_release": "上期", "field_zh": "学科", "kind": "类型",
               "sentence_zh": "表述", "sentence_en": "English"}
    return Sheet(SHEET_SENTENCES, pd.DataFrame(records).reindex(columns=list(columns)), columns)


def potential_sheet(records: list[dict]) -> Sheet:
    """The potential sheet: one row per field (``esi potential`` JSON objects, flattened)."""
    flat = [{**{k: v for k, v in r.items() if k != "forecast"},
             **{f"forecast_{k}": v for k, v in r["forecast"].items()}} for r in records]
    frame = pd.DataFrame(flat).reindex(columns=list(_POTENTIAL_ZH))
    formats = dict(NUMBER_FORMATS, **{c: _P_FORMAT for c in _POTENTIAL_ZH if "potential" in c})
    return Sheet(SHEET_POTENTIAL, frame, _POTENTIAL_ZH, formats, freeze="C2")


def push_sheet(records: list[dict]) -> Sheet:
    """The push list: one row per paper (``esi push-list`` JSON objects), lists one per line."""
    frame = pd.DataFrame(records).reindex(columns=list(_PUSH_ZH))
    frame["kind"] = frame["kind"].map(KIND_ZH)
    frame["new"] = frame["new"].map({True: "是", False: "否"}).fillna("无法比较")
    frame["authors"] = ["\n".join(_notify_name(n) for n in r.get("notify") or [])
                        for r in records] if records else []
    frame["schools"] = ["\n".join(v or []) for v in frame["schools"]] if records else []
    return Sheet(SHEET_PUSH, frame, _PUSH_ZH, {"times_cited": NUMBER_FORMATS["cites"]},
                 freeze="C2")


def _notify_name(entry: dict) -> str:
    return entry["author"] + ("（通讯）" if entry.get("corresponding") else "")
