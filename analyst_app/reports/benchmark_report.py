"""Benchmarking report (学科竞争力对标分析报告): benchmark JSON → rendering context → Word.

The context is built from :func:`analyst_app.services.benchmark.benchmark_json` — the very
object ``analyst-app benchmark --format json`` prints — so every number in the report is
the CLI's number, formatted. Context variables of ``report_templates/benchmark/template.docx``
(strings unless said otherwise):

``report_title``, ``institution_name``, ``subtitle``, ``release``, ``generated_date``,
``lead``; lists of paragraphs ``overview``, ``field_sentences``, ``wos_sentences``,
``esi_intro``, ``esi_trend_sentences``, ``wos_year_sentences``, ``wos_intro``,
``wos_warnings``, ``method_items``, ``parameter_items``; ``esi_fields`` (per field:
``heading``, ``field``, ``field_zh``, ``sentence``, ``institutions``, ``table_no``,
``figure_no``, ``note``, ``figure`` (an image at render time; a figure key in the context)
and ``rows`` of ``name``, ``is_us``, ``rank``, ``percentile``, ``position``, ``documents``,
``cites``, ``cites_per_paper``, ``top_papers``, ``change``); ``esi_trend_rows``
(``field_zh``, ``ranks``, ``percentile``, ``change_previous``, ``change_first``,
``positions``); ``wos_year_rows`` (``year``, ``papers``, ``cites``, ``cites_per_paper``,
``top10_papers``, ``international_share``, ``position``); ``wos_fields`` (``heading``,
``field_zh``, ``table_no``, ``note``, ``rows`` of ``name``, ``is_us`` and the indicators);
``members``, ``threshold_rows``, ``sources``; the numbers of figures and tables
(``fig_overview_no``, ``trend_table_no`` ...) and the figure keys ``figure_overview``,
``figure_esi_trend``, ``figure_wos_years``.
"""

from __future__ import annotations

from datetime import datetime
from itertools import count
from pathlib import Path
from typing import Mapping

import pandas as pd
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from analyst_app import __version__
from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent
from analyst_app.domain.esi_fields import normalise_field

#: Width of the figures in the document.
FIGURE_WIDTH_MM = 150
#: Marker of a small-sample row (fewer papers than ``min_papers``).
SMALL_MARK = "†"
#: Keys of the figures outside the per-field loop.
FIGURE_KEYS = ("figure_overview", "figure_esi_trend", "figure_wos_years")


def printed_names(data: dict, display_name: str | None = None) -> dict[str, str]:
    """Return each institution's printed name: its Chinese name, else its ESI name."""
    names = {name: (zh or name) for name, zh in data["display_names"].items()}
    if display_name:
        names[data["institution"]] = display_name
    return names


def build_benchmark_context(data: dict, *, thresholds: pd.DataFrame | None = None,
                            group_name: str | None = None, display_name: str | None = None,
                            generated_at: datetime | None = None) -> dict:
    """Build the rendering context of the benchmarking report.

    Parameters
    ----------
    data : dict
        :func:`~analyst_app.services.benchmark.benchmark_json` of the benchmark.
    thresholds : pandas.DataFrame, optional
        :attr:`~analysis.benchmark.BenchmarkResult.thresholds` (``field``, ``year``,
        ``baseline_papers``, ``threshold_top10``, ``threshold_top1``), printed in the
        appendix.
    group_name : str, optional
        The peer group's Chinese name (``九校联盟``) when a group was used.
    display_name : str, optional
        Our institution's printed name; default: its peer-group Chinese name.
    generated_at : datetime, optional
        Time stamp printed; default: now.

    Returns
    -------
    dict
        The variables listed in this module's docstring.
    """
    generated_at = generated_at or datetime.now()
    names = printed_names(data, display_name)
    us = data["institution"]
    numbers = {"表": count(1), "图": count(1)}
    group = group_phrase(data.get("group"))
    ctx: dict = {
        "report_title": f"{names[us]}学科竞争力对标分析报告",
        "institution_name": names[us],
        "release": data["release"] or DASH,
        "subtitle": f"{group.strip()} · ESI {data['release']} 期" if data["release"]
        else group.strip(),
        "generated_date": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日",
    }
    fields = esi_field_sections(data, names, numbers)
    ctx["esi_fields"] = fields
    ctx["fig_overview_no"] = fields[0]["overview_no"] if fields else ""
    ctx["figure_overview"] = "figure_overview"
    ctx["esi_intro"] = esi_intro(data, len(fields))
    ctx.update(esi_trend_part(data, names, numbers))
    ctx.update(wos_year_part(data, names, numbers))
    ctx.update(wos_part(data, names, numbers))
    ctx["lead"] = lead_sentence(data, names, group, len(fields))
    ctx["overview"] = overview_sentences(data, fields, names)
    ctx["field_sentences"] = [f["sentence"] for f in fields]
    ctx["wos_sentences"] = wos_sentences(data, names)
    ctx.update(appendix_part(data, names, numbers, thresholds, group_name, generated_at))
    return ctx


# -- ESI ---------------------------------------------------------------------------------

def esi_field_sections(data: dict, names: dict[str, str], numbers: dict) -> list[dict]:
    """Return one section per field of the current release: sentence, table rows, numbers."""
    esi = pd.DataFrame(data["esi"])
    if esi.empty:
        return []
    changes = rank_changes(data)
    group = group_phrase(data.get("group"))
    sections = []
    overview_no = next(numbers["图"])  # the dot plot precedes the per-field tables
    for index, (field, rows) in enumerate(esi.groupby("field", sort=False), start=1):
        rows = rows.assign(position=group_positions(rows))
        sections.append({
            "heading": f"（{numeral(index)}）{field_zh(field)}",
            "field": field, "field_zh": field_zh(field),
            "institutions": fmt_int(rows["institutions"].iloc[0]),
            "sentence": field_sentence(field, rows, data["institution"], names, group),
            "table_no": next(numbers["表"]), "figure_no": next(numbers["图"]),
            "note": esi_note(rows, names),
            "figure": f"figure_field_{index}",
            "overview_no": overview_no,
            "rows": [_esi_row(r, data["institution"], names, changes.get((r["institution"], field)))
                     for r in rows.to_dict("records")],
        })
    return sections


def group_positions(rows: pd.DataFrame) -> pd.Series:
    """Return each listed institution's place among the listed ones by ESI rank (ties share).

    Unlisted institutions get NA: they are outside the ranking, not last in it.
    """
    ranks = pd.to_numeric(rows["rank"], errors="coerce")
    return ranks.rank(method="min").astype("Int64")


def _esi_row(row: dict, us: str, names: dict[str, str], change: str | None) -> dict:
    listed = bool(row["listed"])
    return {
        "name": names.get(row["institution"], row["institution"]),
        "is_us": row["institution"] == us,
        "rank": fmt_int(row["rank"]) if listed else "未进入",
        "percentile": fmt_percent(row["percentile"]) if listed else DASH,
        "position": fmt_int(row["position"]) if listed else DASH,
        "documents": fmt_int(row["documents"]), "cites": fmt_int(row["cites"]),
        "cites_per_paper": fmt_float(row["cites_per_paper"]),
        "top_papers": fmt_int(row["top_papers"]),
        "change": change or DASH,
    }


def rank_changes(data: dict) -> dict[tuple[str, str], str]:
    """Return (institution, field) → change label against the field's previous release.

    ``↑3`` / ``↓2`` / ``持平``; ``新进`` (listed now, not before), ``退出`` (listed before,
    not now); no entry when the field has no earlier imported release.
    """
    trend = pd.DataFrame(data["esi_trend"])
    if trend.empty or data["release"] is None:
        return {}
    labels = {}
    for (institution, field), rows in trend.groupby(["institution", "field"], sort=False):
        ranks = rows.set_index("release")["rank"].sort_index()
        earlier = ranks[ranks.index < data["release"]]
        if data["release"] not in ranks.index or earlier.empty:
            continue
        labels[institution, field] = change_label(earlier.iloc[-1], ranks[data["release"]])
    return labels


def change_label(previous: object, current: object) -> str:
    """Return the printed change from rank ``previous`` to ``current`` (None/NaN: not listed)."""
    was, now = not pd.isna(previous), not pd.isna(current)
    if not was and not now:
        return DASH
    if not was:
        return "新进"
    if not now:
        return "退出"
    delta = int(previous) - int(current)
    return f"↑{delta}" if delta > 0 else f"↓{-delta}" if delta < 0 else "持平"


def esi_trend_part(data: dict, names: dict[str, str], numbers: dict) -> dict:
    """Return the ESI trend table rows, sentences and numbers (empty table: one release)."""
    trend = pd.DataFrame(data["esi_trend"])
    releases = sorted(trend["release"].unique()) if not trend.empty else []
    part = {"esi_trend_rows": [], "trend_releases_text": "、".join(releases),
            "figure_esi_trend": "figure_esi_trend", "trend_table_no": "", "fig_esi_trend_no": ""}
    if len(releases) < 2:
        part["esi_trend_sentences"] = [no_trend_sentence(releases)]
        return part
    rows = []
    for field, block in trend.groupby("field", sort=False):
        ours = block[block["institution"] == data["institution"]].set_index("release")
        ours = ours.sort_index()
        positions = {r: group_positions(b).get(b.index[b["institution"] == data["institution"]][0])
                     for r, b in block.groupby("release")}
        listed = ours["rank"].dropna()
        rows.append({
            "field": field, "field_zh": field_zh(field),
            "ranks": " → ".join(fmt_int(v) if not pd.isna(v) else "未进入" for v in ours["rank"]),
            "percentile": fmt_percent(ours["percentile"].iloc[-1]) if ours["listed"].iloc[-1]
            else "未进入",
            "change_previous": change_label(ours["rank"].iloc[-2], ours["rank"].iloc[-1]),
            "change_first": change_label(ours["rank"].iloc[0], ours["rank"].iloc[-1]),
            "positions": f"{_place(positions[ours.index[0]])} → {_place(positions[ours.index[-1]])}",
            "_delta": (float(listed.iloc[0] - listed.iloc[-1]) if len(listed) >= 2 and
                       listed.index[0] == ours.index[0] and listed.index[-1] == ours.index[-1]
                       else None),
        })
    part["esi_trend_sentences"] = trend_sentences(rows, releases)
    part["esi_trend_rows"] = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    part["trend_table_no"] = next(numbers["表"])
    part["fig_esi_trend_no"] = next(numbers["图"])
    return part


def _place(position: object) -> str:
    return "未进入" if pd.isna(position) else f"第 {int(position)}"


# -- WoS ---------------------------------------------------------------------------------

def per_year_frame(data: dict) -> pd.DataFrame:
    """Return papers, cites, top-10% and international papers per institution and year.

    Sums the per field-year rows of the JSON: each paper has one ESI field (or none,
    counted as UNCLASSIFIED), so the sums are the institution's papers of that year.
    """
    wos = pd.DataFrame(data["wos"])
    if wos.empty:
        return pd.DataFrame(columns=["institution", "year", "papers", "cites", "top10_papers",
                                     "international_papers"])
    order = {name: i for i, name in enumerate([data["institution"], *data["peers"]])}
    sums = (wos.groupby(["institution", "year"], sort=False)
            [["papers", "cites", "top10_papers", "international_papers"]].sum().reset_index())
    return sums.sort_values(["institution", "year"], key=lambda s: s.map(order)
                            if s.name == "institution" else s).reset_index(drop=True)


def wos_year_part(data: dict, names: dict[str, str], numbers: dict) -> dict:
    """Return our per-year table, its sentences and the numbers of its figure and table."""
    years = per_year_frame(data)
    members = [data["institution"], *data["peers"]]
    part = {"wos_year_rows": [], "figure_wos_years": "figure_wos_years",
            "fig_wos_years_no": "", "year_table_no": "",
            "year_note": f"注：* 集合内归一化（collection-normalised），非 CNCI。论文数组内位次为"
                         f"我校在对标组 {len(members)} 所高校中按当年论文数的位次（无论文计为 0 篇）。"}
    ours = years[years["institution"] == data["institution"]]
    if years.empty:
        part["wos_year_sentences"] = ["未导入论文数据，或对标院校在导入的论文中均无地址，暂无逐年趋势。"]
        return part
    for row in ours.to_dict("records"):
        same_year = years[years["year"] == row["year"]].set_index("institution")["papers"]
        papers = same_year.reindex(members, fill_value=0)
        place = int((papers > row["papers"]).sum()) + 1
        part["wos_year_rows"].append({
            "year": str(int(row["year"])), "papers": fmt_int(row["papers"]),
            "cites": fmt_int(row["cites"]),
            "cites_per_paper": fmt_float(row["cites"] / row["papers"]),
            "top10_papers": fmt_int(row["top10_papers"]),
            "international_share": fmt_percent(row["international_papers"] / row["papers"], 1),
            "position": f"{place}/{len(members)}",
        })
    part["wos_year_sentences"] = year_sentences(years, data, names)
    part["fig_wos_years_no"] = next(numbers["图"])
    if part["wos_year_rows"]:
        part["year_table_no"] = next(numbers["表"])
    return part


def wos_part(data: dict, names: dict[str, str], numbers: dict) -> dict:
    """Return the WoS indicator tables per field (all fields first), intro and warnings."""
    totals = pd.DataFrame(data["wos_totals"])
    min_papers = data["parameters"]["min_papers"]
    sections = []
    if not totals.empty:
        fields = list(dict.fromkeys(totals["field"]))
        fields = [f for f in fields if f == ALL_FIELDS] + \
                 [f for f in fields if f != ALL_FIELDS]
        for index, field in enumerate(fields, start=1):
            rows = totals[totals["field"] == field]
            absent = [names.get(m, m) for m in [data["institution"], *data["peers"]]
                      if m not in set(rows["institution"])]
            sections.append({
                "heading": f"（{numeral(index)}）{field_zh(field)}", "field_zh": field_zh(field),
                "table_no": next(numbers["表"]),
                "note": wos_note(bool(rows["small_sample"].any()), min_papers, absent),
                "rows": [_wos_row(r, data["institution"], names) for r in rows.to_dict("records")],
            })
    warnings = [warning_zh(w, names) for w in data["warnings"]]
    return {"wos_fields": sections, "wos_intro": wos_intro(data, bool(sections)),
            "wos_scope": wos_scope(data), "wos_warnings": warnings,
            "warnings_heading": f"（{numeral(len(sections) + 1)}）数据提示"}


def _wos_row(row: dict, us: str, names: dict[str, str]) -> dict:
    mark = SMALL_MARK if row["small_sample"] else ""
    return {
        "name": names.get(row["institution"], row["institution"]),
        "is_us": row["institution"] == us,
        "papers": fmt_int(row["papers"]) + mark, "cites": fmt_int(row["cites"]),
        "cites_per_paper": fmt_float(row["cites_per_paper"]),
        "top10_papers": fmt_int(row["top10_papers"]),
        "top10_share": fmt_percent(row["top10_share"], 1),
        "top1_papers": fmt_int(row["top1_papers"]),
        "top1_share": fmt_percent(row["top1_share"], 1),
        "international_papers": fmt_int(row["international_papers"]),
        "international_share": fmt_percent(row["international_share"], 1),
        "h_index": fmt_int(row["h_index"]),
    }


# -- appendix ----------------------------------------------------------------------------

def appendix_part(data: dict, names: dict[str, str], numbers: dict,
                  thresholds: pd.DataFrame | None, group_name: str | None,
                  generated_at: datetime) -> dict:
    """Return the method definitions, members, thresholds, sources and parameters."""
    spellings = data["parameters"]["address_spellings"]
    members = [{"name_zh": names.get(m, m), "role": "我校" if m == data["institution"] else "对标",
                "esi_names": m, "wos_names": "；".join(spellings.get(m, [])) or DASH}
               for m in [data["institution"], *data["peers"]]]
    part = {"method_items": method_items(data), "members": members,
            "members_text": members_sentence(data, names, group_name),
            "members_table_no": next(numbers["表"])}
    rows = _threshold_rows(thresholds)
    shown = rows if len(rows) <= MAX_THRESHOLD_ROWS else []
    part["threshold_rows"] = shown
    part["thresholds_text"] = thresholds_sentence(len(rows), bool(shown))
    part["thresholds_table_no"] = next(numbers["表"]) if shown else ""
    part["sources"] = _source_rows(data["sources"])
    part["sources_table_no"] = next(numbers["表"])
    part["parameter_items"] = parameter_items(
        data, names, group_name, f"学科分析工作台 {__version__}", f"{generated_at:%Y-%m-%d %H:%M}")
    return part


def _threshold_rows(thresholds: pd.DataFrame | None) -> list[dict]:
    if thresholds is None or thresholds.empty:
        return []
    return [{"field_zh": field_zh(r["field"]), "year": DASH if pd.isna(r["year"]) else str(int(r["year"])),
             "baseline_papers": fmt_int(r["baseline_papers"]),
             "threshold_top10": fmt_int(r["threshold_top10"]),
             "threshold_top1": fmt_int(r["threshold_top1"])} for r in thresholds.to_dict("records")]


def _source_rows(sources: list[dict]) -> list[dict]:
    rows = []
    for s in sources:
        esi = "release" in s
        rows.append({"kind": "ESI 榜单" if esi else "论文数据",
                     "release": s["release"] if esi else s["format"],
                     "field_zh": field_zh(s["field"]) if esi else DASH,
                     "file_name": s["file_name"], "sha256": s["sha256"]})
    return rows


# -- sentences ---------------------------------------------------------------------------

#: Field labels of the analysis that are not ESI fields.
ALL_FIELDS, UNCLASSIFIED = "ALL FIELDS", "UNCLASSIFIED"
#: More threshold rows than this go to the Excel twin only (a large corpus has hundreds).
MAX_THRESHOLD_ROWS = 60
_NUMERALS = "一二三四五六七八九十"


def field_zh(field: str) -> str:
    """Return the Chinese name of an ESI field (``全部学科合计`` / ``未归类`` for the totals)."""
    if field == ALL_FIELDS:
        return "全部学科合计"
    if field == UNCLASSIFIED:
        return "未归类（无对应 ESI 学科）"
    found = normalise_field(field)
    return found.name_zh if found is not None else field


def numeral(n: int) -> str:
    """Return ``n`` (1–99) in Chinese numerals, as section numbers print it (十二, 二十一)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NUMERALS[ones - 1]
    head = "" if tens == 1 else _NUMERALS[tens - 1]
    return head + "十" + (_NUMERALS[ones - 1] if ones else "")


def group_phrase(group: str | None) -> str:
    """Return how the group is named in sentences: `` C9 对标组`` or ``对标组``.

    The leading space sets a Latin group id apart from the Chinese word before it
    (``在 C9 对标组``), as the other numbers in the sentences are.
    """
    return f" {group} 对标组" if group else "对标组"


def _join(items: list[str]) -> str:
    return "、".join(items)


def _our_fields(data: dict) -> list[dict]:
    # Our standing per field: rank, percentile, place among the listed members.
    esi = pd.DataFrame(data["esi"])
    out = []
    for field, rows in esi.groupby("field", sort=False) if not esi.empty else []:
        ours = rows.assign(position=group_positions(rows))
        ours = ours[ours["institution"] == data["institution"]].iloc[0]
        out.append({"field": field, "field_zh": field_zh(field), "listed": bool(ours["listed"]),
                    "rank": ours["rank"], "percentile": ours["percentile"],
                    "position": ours["position"], "members": len(rows),
                    "listed_count": int(rows["listed"].sum())})
    return out


def lead_sentence(data: dict, names: dict[str, str], group: str, n_fields: int) -> str:
    """Return the opening sentence: who is compared with whom, on which data."""
    peers = len(data["peers"])
    esi = (f"ESI {n_fields} 个学科（{data['release']} 期）" if n_fields else "ESI（未导入榜单）")
    return (f"本报告以{group}（我校与 {peers} 所对标院校，共 {peers + 1} 所高校）为比较对象，"
            f"从 {esi}和导入的 Web of Science 论文集合两方面分析{names[data['institution']]}"
            "的学科竞争力，并给出排名走势与论文指标趋势。")


def overview_sentences(data: dict, fields: list[dict], names: dict[str, str]) -> list[str]:
    """Return the overview: fields entered, where we lead and lag within the group."""
    ours = _our_fields(data)
    if not ours:
        return ["未导入 ESI 榜单，本报告仅比较论文指标。"]
    members = ours[0]["members"]
    listed = [f for f in ours if f["listed"]]
    text = [f"本期共导入 {len(ours)} 个学科的 ESI 榜单，我校进入其中 {len(listed)} 个学科的 ESI "
            f"全球前 1%；对标组各学科平均有 "
            f"{sum(f['listed_count'] for f in ours) / len(ours):.1f} 所高校进入。"]
    half = members / 2
    ahead = [f for f in listed if f["position"] <= half]
    behind = [f for f in listed if f["position"] > half]
    for label, chosen in (("前半", ahead), ("后半", behind)):
        if chosen:
            chosen = sorted(chosen, key=lambda f: (f["position"], f["percentile"]))
            items = [f"{f['field_zh']}（第 {int(f['position'])}/{members}）" for f in chosen]
            text.append(f"我校位列对标组{label}的学科（{len(chosen)} 个）：{_join(items)}。")
    absent = [f["field_zh"] for f in ours if not f["listed"]]
    if absent:
        text.append(f"我校未进入 ESI 前 1% 的学科：{_join(absent)}。")
    if listed:
        best = min(listed, key=lambda f: (f["position"], f["percentile"]))
        top = min(listed, key=lambda f: f["percentile"])
        text.append(f"组内位次最好的学科为{best['field_zh']}（第 {int(best['position'])} 位），"
                    f"百分位最好的学科为{top['field_zh']}（前 {fmt_percent(top['percentile'])}）。")
    return text


def field_sentence(field: str, rows: pd.DataFrame, us: str, names: dict[str, str],
                   group: str) -> str:
    """Return the sentence of one field: our rank, our place in the group, the leader.

    Example: ``在化学学科，我校 ESI 排名第 47 位（前 2.20%），在 C9 对标组 10 所高校中位列第 8；
    对标组中排名最高的是中国科学技术大学（第 6 位），我校被引次数为其 46.3%。``
    """
    zh, members = field_zh(field), len(rows)
    listed = rows[rows["listed"]].sort_values("rank")
    ours = rows[rows["institution"] == us].iloc[0]
    absent = members - len(listed)
    note = f"（{absent} 所未进入 ESI 前 1%）" if absent else ""
    if not ours["listed"]:
        head = (f"在{zh}学科，我校未进入 ESI 前 1%（本学科榜单 {fmt_int(ours['institutions'])} "
                f"个机构），{group.strip()} {members} 所高校中有 {len(listed)} 所进入")
        if listed.empty:
            return head + "。"
        leader = listed.iloc[0]
        return (head + f"，排名最高的是{names.get(leader['institution'])}（第 "
                f"{fmt_int(leader['rank'])} 位）。")
    head = (f"在{zh}学科，我校 ESI 排名第 {fmt_int(ours['rank'])} 位（前 "
            f"{fmt_percent(ours['percentile'])}），在{group} {members} 所高校中位列第 "
            f"{fmt_int(ours['position'])}{note}")
    others = listed[listed["institution"] != us]
    if others.empty:
        return head + "，对标院校均未进入该学科 ESI 前 1%。"
    if int(ours["position"]) == 1:
        second = others.iloc[0]
        return (head + f"，领先组内第二的{names.get(second['institution'])}（第 "
                f"{fmt_int(second['rank'])} 位），被引次数为其 "
                f"{fmt_percent(ours['cites'] / second['cites'], 1)}。")
    leader = others.iloc[0]
    return (head + f"；对标组中排名最高的是{names.get(leader['institution'])}（第 "
            f"{fmt_int(leader['rank'])} 位），我校被引次数为其 "
            f"{fmt_percent(ours['cites'] / leader['cites'], 1)}。")


def esi_note(rows: pd.DataFrame, names: dict[str, str]) -> str:
    """Return the note under a field's ESI table."""
    absent = [names.get(n, n) for n in rows.loc[~rows["listed"], "institution"]]
    text = ("注：百分位 = 排名 ÷ N；组内位次为进入榜单院校按 ESI 排名的位次；高水平论文 = "
            "高被引论文与热点论文（ESI Top Papers）。")
    if absent:
        text += f"“未进入”表示不在本学科 ESI 前 1% 榜单中（不是 0）：{_join(absent)}。"
    return text


def esi_intro(data: dict, n_fields: int) -> list[str]:
    """Return the paragraphs opening the ESI section."""
    if not n_fields:
        return ["未导入 ESI 榜单，本节暂无内容。导入 ESI Institutions 榜单后重新生成报告即可。"]
    # The dot plot is the report's first figure, so its number is always 1.
    return [f"本节逐学科比较我校与对标院校在 ESI {data['release']} 期榜单中的表现，共 "
            f"{n_fields} 个学科。每个学科给出一张对标表和一张被引次数对比图；我校以粗体"
            "（图中红色）标出；图 1 汇总各学科的百分位分布。"]


def no_trend_sentence(releases: list[str]) -> str:
    """Return the sentence shown when fewer than two ESI releases are imported."""
    if not releases:
        return "未导入 ESI 榜单，暂无排名走势。"
    return (f"目前仅导入 1 期 ESI 数据（{releases[0]}），暂无法分析排名走势；"
            "导入更多期次的 ESI 榜单后重新生成报告，本节将给出各学科排名与百分位的变化。")


def trend_sentences(rows: list[dict], releases: list[str]) -> list[str]:
    """Return the trend paragraphs: rises and falls of our rank since the first release."""
    moved = [r for r in rows if r["_delta"] is not None]
    up = sorted((r for r in moved if r["_delta"] > 0), key=lambda r: -r["_delta"])
    down = sorted((r for r in moved if r["_delta"] < 0), key=lambda r: r["_delta"])
    text = [f"共导入 {len(releases)} 期 ESI 数据（{_join(releases)}）。与首期相比，我校排名"
            f"上升的学科 {len(up)} 个、下降 {len(down)} 个、持平 "
            f"{sum(1 for r in moved if r['_delta'] == 0)} 个。"]
    if up:
        text.append("排名上升的学科：" + _join(f"{r['field_zh']}（{r['change_first']}）"
                                          for r in up) + "。")
    if down:
        text.append("排名下降的学科：" + _join(f"{r['field_zh']}（{r['change_first']}）"
                                          for r in down) + "。")
    new = [r["field_zh"] for r in rows if r["change_first"] == "新进"]
    if new:
        text.append(f"首期以来新进入 ESI 前 1% 的学科：{_join(new)}。")
    return text


def year_sentences(years: pd.DataFrame, data: dict, names: dict[str, str]) -> list[str]:
    """Return the per-year paragraph: our papers and cites in the first and last year."""
    ours = years[years["institution"] == data["institution"]]
    text = [f"图中给出我校与对标院校在导入论文集合中 {year_span(data)}逐年的论文数与被引次数"
            "（各学科合计）。导入集合只是全部论文的一部分，逐年数字反映集合的构成，不代表各校全部产出。"]
    if ours.empty:
        text.append("导入论文集合中没有我校地址的论文。")
        return text
    first, last = ours.iloc[0], ours.iloc[-1]
    text.append(f"我校论文数由 {int(first['year'])} 年的 {fmt_int(first['papers'])} 篇变为 "
                f"{int(last['year'])} 年的 {fmt_int(last['papers'])} 篇，合计 "
                f"{fmt_int(ours['papers'].sum())} 篇、被引 {fmt_int(ours['cites'].sum())} 次。")
    return text


def year_span(data: dict) -> str:
    """Return the publication years of the WoS rows as printed (``2016–2025 年``), or ``""``."""
    years = [r["year"] for r in data["wos"] if r["year"] is not None]
    return f"{min(years)}–{max(years)} 年" if years else ""


def wos_scope(data: dict) -> str:
    """Return the scope of the publication indicators as printed in captions."""
    span = year_span(data)
    return f"导入论文集合，{span}" if span else "导入论文集合"


def publications_zh(data: dict) -> str:
    """Return the corpus filter as printed (the CLI writes it in English)."""
    text = data["parameters"]["publications"]
    return "全部导入论文" if text == "all publications" else text


def wos_intro(data: dict, has_rows: bool) -> list[str]:
    """Return the paragraphs opening the publication section (the CNCI caution first)."""
    if not has_rows:
        return ["未导入论文数据，或对标院校在导入的论文中均无地址，本节暂无内容。"]
    return [
        f"本节指标由导入的 Web of Science 论文集合计算（{year_span(data)}；论文范围："
        f"{publications_zh(data)}），与 ESI 榜单数据相互独立、不混合。",
        "前 10% / 前 1% 论文占比为集合内归一化（collection-normalised）指标，非 CNCI：阈值在"
        "导入集合的同一 ESI 学科、同一出版年内确定，只反映各校论文在本集合中的相对位置。",
        f"论文数少于 {data['parameters']['min_papers']} 篇的行以 {SMALL_MARK} 标注（小样本），"
        "其占比与 h 指数不稳定，仅供参考。",
    ]


def wos_note(small: bool, min_papers: int, absent: list[str]) -> str:
    """Return the note under a publication table."""
    text = "注：* 集合内归一化（collection-normalised），非 CNCI，定义见附录。"
    if small:
        text += f"{SMALL_MARK} 论文数少于 {min_papers} 篇（小样本）：占比与 h 指数不稳定。"
    if absent:
        text += f"本学科在导入集合中无论文的院校：{_join(absent)}。"
    return text


def wos_sentences(data: dict, names: dict[str, str]) -> list[str]:
    """Return the overview paragraph of our publication indicators and place in the group."""
    totals = pd.DataFrame(data["wos_totals"])
    if totals.empty:
        return ["未导入论文数据，论文指标暂缺。"]
    field = ALL_FIELDS if (totals["field"] == ALL_FIELDS).any() else totals["field"].iloc[0]
    block = totals[totals["field"] == field]
    ours = block[block["institution"] == data["institution"]]
    if ours.empty:
        spellings = "；".join(data["parameters"]["address_spellings"][data["institution"]])
        return [f"导入的论文集合中没有我校地址的论文（已尝试拼写：{spellings}），论文指标无法计算。"]
    row = ours.iloc[0]
    cpp_place = int((block["cites_per_paper"] > row["cites_per_paper"]).sum()) + 1
    paper_place = int((block["papers"] > row["papers"]).sum()) + 1
    span = year_span(data)
    text = [f"在导入论文集合（{span + '，' if span else ''}{field_zh(field)}）中，我校论文 {fmt_int(row['papers'])} 篇，"
            f"被引 {fmt_int(row['cites'])} 次，篇均被引 {fmt_float(row['cites_per_paper'])} 次，"
            f"h 指数 {fmt_int(row['h_index'])}；前 10% 论文占比 {fmt_percent(row['top10_share'], 1)}、"
            f"前 1% 论文占比 {fmt_percent(row['top1_share'], 1)}（集合内归一化，非 CNCI），"
            f"国际合作论文占比 {fmt_percent(row['international_share'], 1)}。",
            f"在对标组中有论文的 {len(block)} 所高校里，我校论文数位列第 {paper_place}，"
            f"篇均被引位列第 {cpp_place}。"]
    if row["small_sample"]:
        text.append(f"我校论文数少于 {data['parameters']['min_papers']} 篇（小样本），"
                    "上述占比与 h 指数不稳定，结论仅供参考。")
    return text


_WARNINGS = (
    (r"^(?P<name>.+) is in no peer group: its WoS spelling was guessed as '(?P<guess>.+)'; .*$",
     "{name}不在任何对标组中，其 WoS 地址拼写按 ESI 名称推测为“{guess}”，请在对标组中补充准确拼写。"),
    (r"^no ESI lists are imported: .*$", "未导入 ESI 榜单：ESI 对标表为空。"),
    (r"^no imported ESI list for (?P<fields>.+)$", "以下学科未导入 ESI 榜单：{fields}。"),
    (r"^no publication records are imported: .*$", "未导入论文数据：论文指标为空。"),
    (r"^no publication has an address of (?P<name>.+) \(spellings tried: (?P<tried>.*)\): .*$",
     "导入的论文中没有{name}的地址（已尝试拼写：{tried}）：请在对标组中补充拼写或导入其论文。"),
    (r"^(?P<name>.+): (?P<small>\d+) of (?P<cells>\d+) field-year cells have fewer than "
     r"(?P<min>\d+) papers .*$",
     "{name}：{cells} 个“学科 × 年度”单元中有 {small} 个论文数少于 {min} 篇（小样本），"
     "其占比与 h 指数不稳定。"),
    (r"^the top-1% threshold of (?P<thin>\d+) of (?P<all>\d+) field-years rests on fewer than "
     r"100 papers.*$",
     "导入集合的 {all} 个“学科 × 年度”中有 {thin} 个的前 1% 阈值基于不足 100 篇论文，"
     "单篇论文即可改变阈值，前 1% 占比宜谨慎解读。"),
)


def warning_zh(warning: str, names: dict[str, str]) -> str:
    """Return a benchmark warning in Chinese; an unknown one is returned unchanged.

    The analysis writes its warnings in English (they are also in the CLI JSON); the
    patterns here follow :mod:`analysis.benchmark` and :mod:`analyst_app.services.benchmark`.
    """
    import re

    for pattern, template in _WARNINGS:
        found = re.match(pattern, warning)
        if found:
            parts = found.groupdict()
            if "name" in parts:
                parts["name"] = names.get(parts["name"], parts["name"])
            if "fields" in parts:
                parts["fields"] = _join([field_zh(f.strip()) for f in parts["fields"].split(", ")])
            return template.format(**parts)
    return warning


def method_items(data: dict) -> list[str]:
    """Return the definitions printed in the appendix (Chinese, then the CLI's English note)."""
    params = data["parameters"]
    region = ("香港、澳门、台湾与中国大陆按同一地区计" if params["greater_china_as_one"] else
              "中国大陆、香港、澳门、台湾按不同地区计（与 ESI、InCites 一致），WoS 对香港、澳门"
              "地址也写作 Peoples R China，按城市名识别；英格兰、苏格兰、威尔士、北爱尔兰合为英国")
    return [
        f"ESI 指标：排名、论文数、被引次数、篇均被引、高水平论文数取自 {data['release'] or '—'} "
        "期 ESI Institutions 榜单原值；百分位 = 排名 ÷ N，N 为该学科榜单所列机构数；不在榜单"
        "中的院校记为“未进入”，不以 0 计。",
        "组内位次：我校与对标院校中进入该学科榜单者按 ESI 排名排序的位次，排名相同取相同位次；"
        "未进入的院校不参与排序。",
        "论文指标：导入论文集合中至少一个地址与院校拼写相符（机构名或地址中以逗号分隔的任一"
        "部分与拼写相同，不区分大小写）的论文，全计数；学科为论文 WoS 类别对应的 ESI 学科；"
        "被引次数为导出时的被引频次。",
        "前 10% / 前 1% 论文（集合内归一化，collection-normalised，非 CNCI）：在导入集合的每个"
        "ESI 学科、每个出版年内按被引次数从高到低排序，取第 ⌈0.10 × n⌉ / ⌈0.01 × n⌉ 篇的被引"
        "次数为阈值；被引次数不低于阈值且大于 0 的论文计入，与阈值并列的论文全部计入，"
        "因此前列论文可能多于相应比例。",
        f"国际合作论文：论文中至少有一个地址的国家/地区不同于该院校自身地址的国家/地区；{region}。",
        "h 指数：在单元格（院校 × 学科，或院校 × 学科 × 年度）内，h 篇论文各被引至少 h 次的最大 h。",
        f"小样本：论文数少于 {params['min_papers']} 篇的单元格标注 {SMALL_MARK}，其占比与 h 指数不稳定。",
        "英文方法说明（与命令 analyst-app benchmark --format json 的 method 字段相同）："
        + data["method"],
    ]


def members_sentence(data: dict, names: dict[str, str], group_name: str | None) -> str:
    """Return the sentence introducing the members table."""
    group = data.get("group")
    chosen = (f"对标组 {group}（{group_name}）" if group and group_name else
              f"对标组 {group}" if group else "命令中指定的对标院校")
    return (f"本报告的对标院校为{chosen}，共 {len(data['peers'])} 所；ESI 榜单按 ESI 名称匹配，"
            "论文按下表的 WoS 地址拼写匹配。拼写不全会低估该校的论文数，请在对标组设置中核对。")


def thresholds_sentence(n_rows: int, shown: bool) -> str:
    """Return the sentence about the threshold table (printed, or in the workbook only)."""
    if n_rows == 0:
        return "未导入论文数据，无被引阈值。"
    where = "见下表" if shown else f"共 {n_rows} 行，较多，见 Excel 附表“阈值”"
    return f"导入论文集合各 ESI 学科、出版年的前 10% / 前 1% 被引阈值{where}。"


def parameter_items(data: dict, names: dict[str, str], group_name: str | None,
                    program: str, stamp: str) -> list[str]:
    """Return the parameter and version lines of the appendix."""
    params = data["parameters"]
    releases = sorted({r["release"] for r in data["esi_trend"]})
    fields = _join([field_zh(f) for f in params["fields"]]) or "全部已导入学科"
    group = data.get("group")
    return [
        f"分析机构：{names[data['institution']]}（ESI 名称：{data['institution']}）。",
        f"对标组：{group + (f'（{group_name}）' if group_name else '') if group else '未使用（自选院校）'}；"
        f"对标院校：{_join([names.get(p, p) for p in data['peers']])}。",
        f"ESI 期次：{data['release'] or '未导入'}；已导入期次：{_join(releases) or '无'}。",
        f"论文集合：{publications_zh(data)}；学科范围：{fields}；小样本阈值：{params['min_papers']} 篇。",
        f"本报告由{program}于 {stamp} 生成；报告中的数字与命令 analyst-app benchmark "
        "--format json 的输出一致，完整数据见 Excel 附表。",
    ]


# -- rendering ---------------------------------------------------------------------------

def render_benchmark_report(context: dict, template: Path, figures: Mapping[str, Path],
                            out: Path) -> Path:
    """Render the report with docxtpl, putting each figure key's PNG in its place.

    Parameters
    ----------
    context : dict
        From :func:`build_benchmark_context`; not modified.
    template : Path
        The report's ``template.docx``.
    figures : mapping
        Figure key (``figure_overview``, ``figure_field_3`` ...) → PNG path; a key without
        a PNG is rendered empty.
    out : Path
        The file to write.

    Returns
    -------
    Path
        ``out``.
    """
    document = DocxTemplate(str(template))

    def image(key: str) -> InlineImage | str:
        path = figures.get(key)
        return InlineImage(document, str(path), width=Mm(FIGURE_WIDTH_MM)) if path else ""

    values = dict(context)
    for key in FIGURE_KEYS:
        values[key] = image(context[key])
    values["esi_fields"] = [dict(f, figure=image(f["figure"])) for f in context["esi_fields"]]
    # autoescape: names such as "A & B" must not break the XML.
    document.render(values, autoescape=True)
    document.save(str(out))
    return out
