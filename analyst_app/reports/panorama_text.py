"""Generated Chinese sentences of the discipline panorama report, numbers filled in as printed."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analyst_app.reports import DASH, fmt_float, fmt_int, fmt_percent, is_missing

#: Quadrants of the thematic map as printed, in the order the text discusses them.
QUADRANT_TEXT = {
    "motor": ("驱动主题", "中心度与密度均较高，是本领域发展成熟且居于核心的主题"),
    "basic": ("基础主题", "中心度高而密度低，是贯穿多个方向的基础性、横向主题"),
    "niche": ("小众主题", "密度高而中心度低，内部发展成熟但与其他主题联系较少"),
    "emerging_or_declining": ("新兴或衰退主题", "中心度与密度均较低，可能是正在兴起或趋于衰退的主题"),
}


def period(first: Any, last: Any) -> str:
    """``2015—2024 年`` (or ``2020 年``), ``全部年份`` when unknown."""
    if is_missing(first) or is_missing(last):
        return "全部年份"
    return f"{int(first)} 年" if int(first) == int(last) else f"{int(first)}—{int(last)} 年"


def change_text(fraction: float) -> str:
    """``增长 25.0%`` / ``下降 25.7%`` / ``持平`` from a year-over-year change."""
    if is_missing(fraction):
        return "无法计算增长率（上年无论文）"
    if abs(fraction) < 5e-4:
        return "持平"
    return ("增长 " if fraction > 0 else "下降 ") + fmt_percent(abs(fraction), 1)


def growth_sentences(title: str, table: pd.DataFrame, first_year: Any, last_year: Any,
                     cagr: float, papers: int) -> list[str]:
    """Section 一: corpus size, CAGR, peak year, last full year's change, partial years."""
    if table.empty:
        return [f"所选范围内没有{title}领域的论文。"]
    span = period(table["year"].iloc[0], table["year"].iloc[-1])
    peak = table.loc[table["papers"].idxmax()]
    text = [f"本报告共分析{title}领域论文 {fmt_int(papers)} 篇，出版年份为 {span}。"
            f"发文最多的年份为 {int(peak['year'])} 年（{fmt_int(peak['papers'])} 篇）。"]
    if is_missing(cagr):
        text.append("统计窗口不足两个完整年份，未计算年均复合增长率。")
    else:
        trend = "增长" if cagr > 0 else "下降"
        text.append(f"{period(first_year, last_year)}，{title}领域年发文量的年均复合增长率（CAGR）为 "
                    f"{fmt_percent(cagr)}，总体呈{trend}态势。")
    full = table[table["full_year"].astype(bool)]
    if len(full) >= 2:
        last, before = full.iloc[-1], full.iloc[-2]
        text.append(f"最近一个完整年份 {int(last['year'])} 年发文 {fmt_int(last['papers'])} 篇，"
                    f"较 {int(before['year'])} 年（{fmt_int(before['papers'])} 篇）"
                    f"{change_text(last['yoy_growth'])}。")
    partial = table[~table["full_year"].astype(bool)]
    if not partial.empty:
        years = "、".join(f"{int(y)} 年" for y in partial["year"])
        text.append(f"{years}数据尚不完整（截至数据导出时），图中以浅色表示，未计入增长率。")
    return text


def ranking_sentence(what: str, table: pd.DataFrame, total_papers: int) -> str:
    """Section 二: the leader of a ranking and the concentration of the first five."""
    if table.empty:
        return f"所选论文未列出{what}信息。"
    first = table.iloc[0]
    top5 = table.head(5)
    names = "、".join(str(n) for n in top5["name"])
    return (f"按 h 指数排序，{what}中居首位的是 {first['name']}（论文 {fmt_int(first['papers'])} 篇，"
            f"被引 {fmt_int(first['cites'])} 次，h 指数 {int(first['h_index'])}）。共有 "
            f"{fmt_int(len(table))} 个{what}发表过论文；前五位依次为 {names}。")


def bradford_sentence(zones: pd.DataFrame, multiplier: float) -> str:
    """Section 二 (三): Bradford's core zone."""
    core = zones.iloc[0]
    journals = "、".join(core["core"][:3]) if len(core["core"]) else DASH
    text = (f"按布拉德福定律将期刊分为三区（各区论文约占三分之一）：核心区 {fmt_int(core['journals'])} "
            f"种期刊刊载论文 {fmt_int(core['papers'])} 篇，代表期刊有 {journals} 等；"
            f"二区 {fmt_int(zones.iloc[1]['journals'])} 种，三区 {fmt_int(zones.iloc[2]['journals'])} 种。")
    if not is_missing(multiplier):
        text += f"布拉德福乘数为 {fmt_float(multiplier)}。"
    return text


def lotka_sentence(lotka: Any) -> str:
    """Section 二 (四): Lotka's law fit and the share of one-paper authors."""
    table = lotka.table
    single = table.loc[table["papers"] == 1, "share"]
    one = fmt_percent(single.iloc[0], 1) if len(single) else DASH
    if is_missing(lotka.exponent):
        return f"共有作者 {fmt_int(lotka.authors)} 位，其中仅发表 1 篇论文的占 {one}。"
    return (f"共有作者 {fmt_int(lotka.authors)} 位，其中仅发表 1 篇论文的占 {one}。作者生产率的洛特卡"
            f"定律拟合结果为：发表 n 篇论文的作者占比 ≈ {fmt_float(lotka.constant, 3)} / n^"
            f"{fmt_float(lotka.exponent, 3)}（R² = {fmt_float(lotka.r_squared, 3)}），"
            + ("指数接近经典值 2，" if abs(lotka.exponent - 2) < 0.5 else "指数偏离经典值 2，")
            + "高产作者" + ("较少" if lotka.exponent >= 2 else "相对较多") + "。")


def network_sentences(title: str, network: Any) -> list[str]:
    """Section 三: the map's size, clusters, modularity and silhouette."""
    silhouette = network.silhouette
    quality = (f"模块度 Q = {fmt_float(network.modularity, 4)}"
               + ("" if is_missing(silhouette) else f"，平均轮廓系数 S = {fmt_float(silhouette, 4)}"))
    source = {"author": "作者关键词", "plus": "Keywords Plus", "both": "作者关键词与 Keywords Plus"}
    return [
        f"以{source.get(network.options.keywords, '关键词')}构建{title}领域的关键词共现网络：出现于至少 "
        f"{network.network.params.min_occurrences} 篇论文的关键词共 {fmt_int(network.network.n_nodes)} 个，"
        f"共现连线 {fmt_int(network.network.n_edges)} 条。采用 Leiden 算法（分辨率 "
        f"{network.options.resolution:g}，随机种子 {network.options.seed}）聚为 "
        f"{len(network.clusters)} 个研究主题，{quality}。",
        "图中节点大小表示关键词出现的论文数，颜色表示所属聚类，连线表示两词在同一论文中共同出现；"
        "为保证清晰，相互重叠的标签只保留较大节点的标签。各聚类的标签词按对数似然比（G²）选出，"
        "即该聚类论文中相对其他聚类最突出的词。",
    ]


def cluster_sentence(row: Any, papers: pd.DataFrame) -> str:
    """Section 三: one cluster, its label and its most cited paper."""
    top = papers.head(1)
    text = (f"聚类 #{int(row.cluster)}（{', '.join(list(row.label_terms)[:3])}）包含关键词 "
            f"{int(row.size)} 个、论文 {fmt_int(row.publications)} 篇")
    if not top.empty:
        paper = top.iloc[0]
        text += (f"；被引最多的论文为 {paper['first_author'] or DASH}（{int(paper['year'])}）"
                 f"《{paper['title']}》，被引 {fmt_int(paper['times_cited'])} 次")
    return text + "。"


def burst_sentences(what: str, analysis: Any, shown: pd.DataFrame) -> list[str]:
    """Section 四: how many bursts, the strongest, and those still bursting."""
    result = analysis.result
    bursts = result.bursts
    if bursts.empty:
        return [f"在 {fmt_int(result.terms_tested)} 个{what}中未检测到突现。"]
    last = int(result.years[-1])
    strongest = bursts.loc[bursts["strength"].idxmax()]
    text = [f"对出现于至少 {result.params.min_occurrences} 篇论文的 {fmt_int(result.terms_tested)} 个"
            f"{what}进行 Kleinberg 突现检测（s = {result.params.s:g}，γ = {result.params.gamma:g}），"
            f"共检测到 {fmt_int(len(bursts))} 次突现，图中列出强度最高的 {len(shown)} 个。"
            f"强度最高的是 {strongest['term']}（{int(strongest['begin'])}—{int(strongest['end'])} 年，"
            f"强度 {fmt_float(strongest['strength'])}）。"]
    ongoing = bursts[bursts["end"] == last].sort_values("strength", ascending=False)
    if ongoing.empty:
        text.append(f"截至 {last} 年，没有仍处于突现期的{what}。")
    else:
        items = "、".join(f"{r.term}（{int(r.begin)} 年起，强度 {fmt_float(r.strength)}）"
                         for r in ongoing.head(8).itertuples(index=False))
        more = f"等 {len(ongoing)} 个" if len(ongoing) > 8 else ""
        text.append(f"截至 {last} 年仍处于突现期的{what}有 {items}{more}，代表当前的研究前沿。")
    return text


def thematic_sentences(table: pd.DataFrame) -> list[str]:
    """Section 四: the clusters of each quadrant of the thematic map."""
    if table.empty:
        return []
    text = ["主题地图以聚类的中心度（与其他聚类联系的强度）为横轴、密度（聚类内部联系的强度）为纵轴，"
            "以两者的中位数划分四个象限。"]
    for quadrant, (name, meaning) in QUADRANT_TEXT.items():
        rows = table[table["quadrant"] == quadrant]
        if rows.empty:
            continue
        items = "、".join(f"{r}" for r in rows["name"])
        text.append(f"{name}（{meaning}）：{items}。")
    return text


def cross_sentences(cross: Any) -> list[str]:
    """Section 五: sizes, growth and shares of the intersection."""
    counts = cross.result.provenance["counts"]
    growth = cross.result.growth
    a, b, both = counts["papers_a"], counts["papers_b"], counts["papers_both"]
    share = both / a if a else math.nan
    text = [f"{cross.label_a}领域论文 {fmt_int(a)} 篇，{cross.label_b}相关论文 {fmt_int(b)} 篇，两者交叉的"
            f"论文 {fmt_int(both)} 篇，占{cross.label_a}领域论文的 {fmt_percent(share)}。"]
    present = growth[growth["papers_both"] > 0]
    if not present.empty:
        first, last = present.iloc[0], growth.iloc[-1]
        text.append(f"交叉论文首次出现于 {int(first['year'])} 年，{int(last['year'])} 年有 "
                    f"{fmt_int(last['papers_both'])} 篇，占当年{cross.label_a}领域论文的 "
                    f"{fmt_percent(last['share_of_a'])}（图中折线）。")
    return text
