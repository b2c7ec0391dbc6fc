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

from analyst_app import __version__
from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent
from analyst_app.reports.benchmark_text import (
    SMALL_MARK, group_positions, ALL_FIELDS, MAX_THRESHOLD_ROWS, UNCLASSIFIED, esi_intro,
    esi_note, field_sentence, field_zh, group_phrase, lead_sentence, members_sentence,
    method_items, no_trend_sentence, numeral, overview_sentences, parameter_items,
    thresholds_sentence, trend_sentences, warning_zh, wos_intro, wos_note, wos_scope,
    wos_sentences, year_sentences)
from analyst_app.reports.render import render_docx

#: Width of the figures in the document.
FIGURE_WIDTH_MM = 150
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
    values = {**context, **{key: "" for key in FIGURE_KEYS if not figures.get(context[key])}}
    images = {key: (path, FIGURE_WIDTH_MM) for key, path in figures.items() if path}
    return render_docx(template, values, out, images, item_images={"esi_fields": "figure"})
