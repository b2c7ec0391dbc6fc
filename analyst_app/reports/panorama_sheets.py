"""Excel twin of the discipline panorama report: one sheet per table, with the ids behind every number."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from analyst_app.reports.excel import FLOAT_FORMAT, INT_FORMAT, PERCENT_FORMAT
from analyst_app.reports.render import Sheet

if TYPE_CHECKING:
    from analyst_app.reports.panorama_data import PanoramaData
    from analyst_app.services.report_registry import ReportOptions

#: Headers: Chinese, with the CLI JSON key where scripts compare numbers.
HEADERS = {
    "name": "名称 name", "papers": "论文数 papers", "cites": "被引次数 cites",
    "h_index": "h 指数 h_index", "g_index": "g 指数 g_index", "m_index": "m 指数 m_index",
    "first_year": "首篇年份 first_year", "last_year": "末篇年份 last_year",
    "publication_ids": "论文 id publication_ids", "uts": "UT（入藏号）",
    "year": "年份 year", "yoy_growth": "同比增长 yoy_growth", "full_year": "完整年份 full_year",
    "rank": "序号 rank", "journal": "期刊 journal", "cumulative_papers": "累计论文数",
    "zone": "布拉德福分区 zone", "authors": "作者数 authors", "share": "占比 share",
    "expected_share": "洛特卡期望占比", "cluster": "聚类 cluster", "size": "节点数 size",
    "publications": "论文数 publications", "label": "标签 label", "label_g2": "G² label_g2",
    "publication_id": "论文 id", "ut": "UT（入藏号）", "doi": "DOI", "first_author": "第一作者",
    "title": "题名", "source_title": "期刊", "times_cited": "被引次数",
    "key": "键 key", "occurrences": "出现次数 occurrences", "links": "连线数 links",
    "total_link_strength": "总连线强度", "x": "x", "y": "y", "avg_year": "平均年份",
    "avg_citations": "篇均被引", "source": "起点 source", "target": "终点 target",
    "source_label": "起点关键词", "target_label": "终点关键词", "weight": "共现次数 weight",
    "term": "术语 term", "begin": "开始 begin", "end": "结束 end", "strength": "强度 strength",
    "keywords": "关键词数", "frequency": "频次", "centrality": "中心度", "density": "密度",
    "centrality_rank": "中心度排名", "density_rank": "密度排名", "quadrant": "象限",
    "papers_a": "集合 A 论文数", "papers_b": "集合 B 论文数", "papers_both": "交叉论文数",
    "share_of_a": "占 A 比例", "share_of_b": "占 B 比例", "growth_both": "交叉同比增长",
}
NUMBER_FORMATS = {
    "papers": INT_FORMAT, "cites": INT_FORMAT, "m_index": "0.000", "yoy_growth": PERCENT_FORMAT,
    "share": PERCENT_FORMAT, "expected_share": PERCENT_FORMAT, "strength": "0.000",
    "centrality": FLOAT_FORMAT, "density": FLOAT_FORMAT, "share_of_a": PERCENT_FORMAT,
    "share_of_b": PERCENT_FORMAT, "growth_both": PERCENT_FORMAT, "avg_year": "0.0",
    "avg_citations": FLOAT_FORMAT, "total_link_strength": INT_FORMAT,
}


def _ids_text(frame: pd.DataFrame, uts: pd.Series) -> pd.DataFrame:
    """Lists of ids as text, plus the UTs of the same publications (for WoS look-ups)."""
    frame = frame.copy()
    if "publication_ids" in frame:
        frame["uts"] = ["; ".join(str(uts.get(i, "")) for i in ids) for ids in frame["publication_ids"]]
        frame["publication_ids"] = ["; ".join(str(i) for i in ids) for ids in frame["publication_ids"]]
    for column in ("label_terms", "label_g2", "core"):
        if column in frame:
            frame[column] = ["; ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in x)
                             for x in frame[column]]
    return frame


def panorama_sheets(data: PanoramaData) -> list[Sheet]:
    """Return the sheets of the Excel twin (the provenance sheet is added by the writer).

    Returns
    -------
    list of Sheet
        年度发文, 国家地区, 机构, 期刊, 作者, 布拉德福分区, 洛特卡, 聚类, 聚类论文, 网络节点,
        网络连线, 关键词突现, 文献突现 (when detected), 主题地图, 交叉领域… (when requested),
        我校作者 (when found). Rankings keep every row and the publication ids and UTs.
    """
    uts = data.publications.set_index("publication_id")["ut"]
    sheet = lambda name, frame, freeze="B2": Sheet(  # noqa: E731
        name, _ids_text(frame, uts), HEADERS, NUMBER_FORMATS, freeze=freeze)
    sheets = [sheet("年度发文", data.growth.result.table, "A2")]
    names = {"countries": "国家地区", "institutions": "机构", "journals": "期刊", "authors": "作者"}
    sheets += [sheet(names[e], data.rankings[e].result) for e in names]
    sheets += [sheet("布拉德福分区", data.bradford.result.table),
               sheet("洛特卡", data.lotka.result.table, "A2"),
               sheet("聚类", data.network.clusters),
               sheet("聚类论文", data.cluster_papers, "C2"),
               sheet("网络节点", data.network.nodes.rename_axis("node").reset_index(), "C2"),
               sheet("网络连线", data.network.edges, "C2"),
               sheet("关键词突现", _bursts(data.keyword_bursts.result))]
    if data.reference_bursts is not None:
        sheets.append(sheet("文献突现", _bursts(data.reference_bursts.result)))
    sheets.append(sheet("主题地图", data.thematic.result))
    if data.cross is not None:
        cross = data.cross
        sheets += [sheet("交叉领域增长", cross.result.growth, "A2"),
                   sheet("交叉领域突现", _bursts(cross.result.bursts)),
                   sheet("交叉领域机构", cross.institutions),
                   sheet("交叉领域我校作者", cross.our_authors)]
    if data.ours.found:
        sheets.append(sheet("我校作者", data.ours.authors))
    return sheets


def _bursts(result: Any) -> pd.DataFrame:
    """Every burst with the ids of the publications carrying the term during the burst."""
    table = result.bursts.copy()
    table["publication_ids"] = result.burst_records()
    return table


def panorama_parameters(data: PanoramaData, options: ReportOptions) -> list[tuple[str, Any]]:
    """(参数, 值) rows of the provenance sheet."""
    network, settings = data.network, data.settings
    burst = data.keyword_bursts.result.params
    rows: list[tuple[str, Any]] = [
        ("领域/主题", data.title), ("论文筛选", data.filter.describe()),
        ("论文数", len(data.publications)),
        ("本校（地址中的写法）", "; ".join(data.ours.names) or "未设置"),
        ("本校（报告中的名称）", options.display_name or ""),
        ("本校匹配到的机构名", "; ".join(data.ours.matched) or "未找到"),
        ("关键词来源（网络）", network.options.keywords),
        ("最少出现次数（网络）", network.network.params.min_occurrences),
        ("保留节点数上限", settings.get("top") or ""),
        ("Leiden 分辨率", network.options.resolution), ("随机种子", network.options.seed),
        ("模块度", network.modularity), ("平均轮廓系数", network.silhouette),
        ("归一化", network.parameters()["normalisation"]),
        ("聚类方法", network.parameters()["clustering"]),
        ("突现 s", burst.s), ("突现 γ", burst.gamma), ("突现最少出现次数", burst.min_occurrences),
        ("突现关键词来源", "both（作者关键词与 Keywords Plus）"),
        ("同义词表", settings.get("thesaurus_file") or "未使用"),
        ("同义词表 SHA-256", settings.get("thesaurus_sha256") or ""),
        ("增长率窗口", f"{data.growth.result.first_year}–{data.growth.result.last_year}"),
        ("计数", "国家、机构按地址整数计数；作者按全名；被引为记录中的被引频次"),
    ]
    if data.cross is not None:
        provenance = data.cross.result.provenance
        rows += [("交叉集合 A", provenance["filter_a"]), ("交叉集合 B", provenance["filter_b"])]
    return rows
