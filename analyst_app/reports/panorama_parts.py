"""Sections 五, 六 and the appendix of the discipline panorama report's context."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent, is_missing
from analyst_app.reports import panorama_text as text

if TYPE_CHECKING:
    from analyst_app.reports.panorama_data import PanoramaData

#: Rows of the cross-discipline and our-authors tables.
TOP_CROSS = 10
TOP_OURS = 10


def _people_rows(table: pd.DataFrame, top: int) -> list[dict[str, str]]:
    rows = []
    for rank, row in enumerate(table.head(top).to_dict("records"), start=1):
        rows.append({"rank": str(rank), "name": str(row["name"]), "papers": fmt_int(row["papers"]),
                     "cites": fmt_int(row["cites"]),
                     "h": str(int(row["h_index"])) if "h_index" in row else DASH})
    return rows


def cross_part(data: PanoramaData, num: dict[str, int]) -> dict[str, Any]:
    """Section 五: the intersection with field B, or a sentence that none was requested."""
    cross = data.cross
    if cross is None:
        return {"has_cross": False, "cross_bursts": [], "cross_institutions": [],
                "cross_authors": [], "cross_label": "",
                "cross_text": ["本次报告未指定交叉领域（如“人工智能 × 本领域”），故不作交叉分析。"
                               "如需分析，可在生成报告时指定另一个检索条件（命令行 --cross-query）。"]}
    sentences = text.cross_sentences(cross)
    bursts = cross.result.bursts.bursts
    shown = bursts.nlargest(TOP_CROSS, "strength").sort_values(["begin", "strength"],
                                                               ascending=[True, False])
    if bursts.empty:
        sentences.append("交叉论文的关键词中未检测到突现。")
    else:
        strongest = bursts.loc[bursts["strength"].idxmax()]
        sentences.append(f"交叉论文中共检测到 {fmt_int(len(bursts))} 次关键词突现，强度最高的是 "
                         f"{strongest['term']}（{int(strongest['begin'])}—{int(strongest['end'])} 年，"
                         f"强度 {fmt_float(strongest['strength'])}），见表 {num['t_cross_bursts']}。")
    if not data.ours.names:
        sentences.append("工作区未设置本校名称，无法识别交叉领域中的本校作者。")
    elif cross.our_publications:
        sentences.append(f"我校在交叉领域有论文 {fmt_int(len(cross.our_publications))} 篇，涉及本校作者 "
                         f"{fmt_int(len(cross.our_authors))} 位（表 {num['t_cross_authors']}）。")
    else:
        sentences.append("交叉领域中暂无我校论文。")
    return {
        "has_cross": True, "cross_text": sentences,
        "cross_label": f"{cross.label_a} × {cross.label_b}",
        "cross_bursts": [{"term": str(r.term), "begin": str(int(r.begin)), "end": str(int(r.end)),
                          "strength": fmt_float(r.strength), "occurrences": fmt_int(r.occurrences)}
                         for r in shown.itertuples(index=False)],
        "cross_institutions": _people_rows(cross.institutions, TOP_CROSS),
        "cross_authors": _people_rows(cross.our_authors, TOP_CROSS),
    }


def ours_part(data: PanoramaData, name: str) -> dict[str, Any]:
    """Section 六: our institution's papers, cites, h-index, ranks and leading authors."""
    ours = data.ours
    if not ours.names:
        return {"ours_found": False, "ours_authors": [], "ours_text": [
            "工作区未设置本校名称（命令行 workspace set-institution，或报告参数 --institution），"
            "无法给出我校位置。"]}
    if not ours.found:
        return {"ours_found": False, "ours_authors": [], "ours_text": [
            f"在所选{data.title}领域论文中未找到{name}（按地址中的机构名 "
            f"{'、'.join(ours.names)} 查找）的论文。"]}
    total = len(data.publications)
    sentences = [
        f"{name}在{data.title}领域共发表论文 {fmt_int(ours.papers)} 篇，占全部 {fmt_int(total)} 篇的 "
        f"{fmt_percent(ours.papers / total if total else float('nan'))}；被引 {fmt_int(ours.cites)} 次，"
        f"h 指数 {ours.h_index}。在全部 {fmt_int(ours.institutions)} 个机构中，按 h 指数居第 "
        f"{ours.rank_h} 位，按发文量居第 {ours.rank_papers} 位。"]
    clusters = data.cluster_papers[data.cluster_papers["publication_id"].isin(ours.publication_ids)]
    if not clusters.empty:
        counts = clusters.groupby("cluster").size().sort_values(ascending=False, kind="stable")
        items = "、".join(f"#{int(c)}（{n} 篇）" for c, n in counts.head(3).items())
        sentences.append(f"我校论文主要分布在研究主题聚类 {items}。")
    if not ours.authors.empty:
        first = ours.authors.iloc[0]
        sentences.append(f"我校在本领域发文最多的作者为 {first['name']}（{fmt_int(first['papers'])} 篇，"
                         f"被引 {fmt_int(first['cites'])} 次）。")
    return {"ours_found": True, "ours_text": sentences,
            "ours_authors": _people_rows(ours.authors, TOP_OURS)}


def appendix_part(data: PanoramaData, workbook_name: str | None) -> dict[str, Any]:
    """Appendix: method sentences and the parameter table."""
    network, settings = data.network, data.settings
    burst = data.keyword_bursts.result.params
    method = [
        f"论文范围：{_filter_zh(data.filter)}；共 {fmt_int(len(data.publications))} 篇。",
        "计数方法：国家/地区、机构按论文地址整数计数（一篇论文的同一机构只计一次），作者按全名"
        "（不按姓与首字母合并），期刊按来源出版物名称；被引次数为数据库记录中的被引频次。",
        "h 指数：h 篇论文每篇被引至少 h 次的最大 h；g 指数：被引最多的 g 篇论文被引之和不少于 g² "
        "的最大 g。年均复合增长率 CAGR = (末年发文 / 首年发文)^(1/(末年 − 首年)) − 1，只计完整年份。",
        "关键词网络：关联强度归一化 s_ij = 2m·c_ij/(k_i·k_j)；Leiden 聚类（模块度加分辨率参数）；"
        "聚类标签按对数似然比 G² 选词；论文归入其关键词最多的聚类。",
        f"突现检测：Kleinberg 两状态批量模型，s = {burst.s:g}，γ = {burst.gamma:g}，只检验出现于至少 "
        f"{burst.min_occurrences} 篇论文的词；关键词合并作者关键词与 Keywords Plus；被引文献按 DOI"
        "（无 DOI 时按作者、年份、来源、卷、页）识别，以施引论文的出版年计。",
    ]
    if workbook_name:
        method.append(f"每个数字背后的论文明细（UT、DOI、题名）见 Excel 工作簿 {workbook_name}。")
    silhouette = network.silhouette
    parameters = [
        ("关键词来源", {"author": "作者关键词", "plus": "Keywords Plus",
                   "both": "作者关键词与 Keywords Plus"}[network.options.keywords]),
        ("最少出现次数（网络）", str(network.network.params.min_occurrences)),
        ("保留节点数上限", str(settings.get("top") or "不限")),
        ("Leiden 分辨率", f"{network.options.resolution:g}"),
        ("随机种子", str(network.options.seed)),
        ("模块度 Q", fmt_float(network.modularity, 4)),
        ("平均轮廓系数 S", DASH if is_missing(silhouette) else fmt_float(silhouette, 4)),
        ("突现参数 s / γ", f"{burst.s:g} / {burst.gamma:g}"),
        ("突现最少出现次数", str(burst.min_occurrences)),
        ("同义词表", _thesaurus_text(settings)),
        ("增长率窗口", text.period(data.growth.result.first_year, data.growth.result.last_year)),
    ]
    return {"method_text": method,
            "parameters": [{"name": n, "value": v} for n, v in parameters]}


def _thesaurus_text(settings: dict[str, Any]) -> str:
    if not settings.get("thesaurus_file"):
        return "未使用"
    return f"{Path(settings['thesaurus_file']).name}（SHA-256：{settings['thesaurus_sha256']}）"


def _filter_zh(flt: Any) -> str:
    parts = []
    if flt.years:
        parts.append(f"出版年 {text.period(*flt.years)}")
    if flt.query:
        parts.append(f"题名、关键词或摘要含“{flt.query}”")
    if flt.categories:
        parts.append("WoS 类别 " + "; ".join(flt.categories))
    if flt.doc_types:
        parts.append("文献类型 " + "、".join(flt.doc_types))
    if flt.esi_fields:
        parts.append("ESI 学科 " + "、".join(flt.esi_fields))
    if flt.sources:
        parts.append("数据来源 " + "、".join(flt.sources))
    return "；".join(parts) or "工作区全部论文"


def source_rows(sources: pd.DataFrame) -> list[dict[str, str]]:
    """Rows of the data-source table: file, format, records, SHA-256, import time."""
    rows = []
    for row in sources.to_dict("records"):
        stamp = row.get("imported_at")
        rows.append({"file_name": str(row["file_name"]), "format": str(row["format"]),
                     "records": fmt_int(row.get("rows_stored")),
                     "sha256": str(row.get("sha256") or DASH),
                     "imported_at": DASH if is_missing(stamp) else f"{stamp:%Y-%m-%d %H:%M}"})
    return rows
