"""Discipline panorama report (学科全景分析报告): :class:`PanoramaData` → rendering context.

Context variables of ``report_templates/panorama/template.docx`` (numbers formatted as
printed): ``report_title``, ``title``, ``institution_name``, ``period_text``,
``generated_date``, ``generated_at``, ``program_version``, ``workbook_name``; ``num`` (table
and figure numbers in document order: ``f_growth``, ``f_network``, ``f_kb``, ``f_rb``,
``f_thematic``, ``f_cross``, ``t_countries``, ``t_institutions``, ``t_journals``,
``t_bradford``, ``t_authors``, ``t_clusters``, ``t_cluster_papers``, ``t_thematic``,
``t_cross_bursts``, ``t_cross_institutions``, ``t_cross_authors``, ``t_ours``, ``t_parameters``,
``t_sources``); paragraph lists ``growth_text``, ``countries_text``, ``institutions_text``,
``journals_text``, ``authors_text``, ``network_text``, ``cluster_text``, ``keyword_burst_text``,
``reference_burst_text``, ``thematic_text``, ``cross_text``, ``ours_text``, ``method_text``;
tables ``countries``, ``institutions``, ``journals``, ``authors`` (``rank, name, papers,
cites, cpp, h, g``), ``bradford`` (``zone, journals, papers, share, core``), ``clusters``
(``cluster, size, papers, year, label, frequent``), ``cluster_papers`` (``cluster, author,
year, title, source, cites``), ``thematic`` (``cluster, name, centrality, density,
quadrant``), ``cross_bursts``, ``cross_institutions``, ``cross_authors``, ``ours_authors``,
``parameters`` (``name, value``), ``sources``; flags ``has_reference_bursts``, ``has_cross``,
``ours_found``. Figures are added at render time under ``figure_*``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd

from analyst_app import __version__
from analyst_app.reports import DASH, fmt_float, fmt_int, is_missing
from analyst_app.reports.figures_panorama import QUADRANT_ZH
from analyst_app.reports.panorama_data import PanoramaData
from analyst_app.reports.panorama_parts import (appendix_part, cross_part, ours_part,
                                                source_rows)
from analyst_app.reports import panorama_text as text

#: Rows of each ranking table (the Excel twin has every row).
TOP_ROWS = {"countries": 10, "institutions": 15, "journals": 10, "authors": 15}
#: Bursts drawn: the strongest N, as ``bursts ... --top N`` selects them.
TOP_BURSTS = {"keywords": 15, "references": 10}
#: Most cited papers listed per cluster, and clusters described.
PAPERS_PER_CLUSTER = 3
MAX_CLUSTERS = 10
ENTITY_ZH = {"countries": "国家/地区", "institutions": "机构", "journals": "期刊", "authors": "作者"}


def burst_selection(result: Any, kind: str) -> pd.DataFrame:
    """Return the bursts the report draws: the strongest N, by begin then strength.

    The selection of ``analyst-app bursts ... --top N`` (N from :data:`TOP_BURSTS`).
    """
    return result.bursts.nlargest(TOP_BURSTS[kind], "strength").sort_values(
        ["begin", "strength"], ascending=[True, False])


def thematic_names(data: PanoramaData) -> list[str]:
    """Printed name of each thematic-map row: ``#1 black silicon; black`` (G² label terms)."""
    terms = data.network.clusters.set_index("cluster")["label_terms"]
    names = []
    for cluster in data.thematic.result["cluster"]:
        label = list(terms.get(cluster, []))[:2]
        names.append(f"#{int(cluster)} " + "; ".join(label))
    return names


def build_panorama_context(data: PanoramaData, *, display_name: str | None = None,
                           figures: list[str] | None = None, workbook_name: str | None = None,
                           generated_at: datetime | None = None) -> dict[str, Any]:
    """Build the rendering context of the discipline panorama report.

    Parameters
    ----------
    data : PanoramaData
        The analyses (:func:`analyst_app.services.report_panorama.collect_panorama`).
    display_name : str, optional
        Our institution's printed name; defaults to its name in addresses.
    figures : list of str, optional
        Image variables present (``figure_reference_bursts``, ``figure_cross`` are optional).
    workbook_name : str, optional
        File name of the Excel twin, when one is written.
    generated_at : datetime, optional
        Time stamp printed; defaults to now.

    Returns
    -------
    dict
        The variables listed in this module's docstring.
    """
    generated_at = generated_at or datetime.now()
    num = _numbers(data)
    growth = data.growth.result
    span = text.period(growth.table["year"].min(), growth.table["year"].max()) \
        if not growth.table.empty else "全部年份"
    ours_name = display_name or (data.ours.matched[0] if data.ours.matched else
                                 (data.ours.names[0] if data.ours.names else "本校"))
    context: dict[str, Any] = {
        "report_title": f"{data.title}学科全景分析报告", "title": data.title,
        "institution_name": ours_name, "period_text": span, "num": num,
        "generated_date": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日",
        "generated_at": f"{generated_at:%Y-%m-%d %H:%M}", "program_version": __version__,
        "workbook_name": workbook_name or "",
        "growth_text": text.growth_sentences(data.title, growth.table, growth.first_year,
                                             growth.last_year, growth.cagr,
                                             len(data.publications)),
    }
    context.update(_rankings(data))
    context.update(_clusters(data))
    context.update(_fronts(data))
    context.update(cross_part(data, num))
    context.update(ours_part(data, ours_name))
    context.update(appendix_part(data, workbook_name))
    context["sources"] = source_rows(data.sources)
    return context


def _numbers(data: PanoramaData) -> dict[str, int]:
    """Table and figure numbers in document order; optional parts take a number only if shown."""
    figures = ["f_growth", "f_network", "f_kb"]
    figures += ["f_rb"] if data.reference_bursts is not None else []
    figures += ["f_thematic"] + (["f_cross"] if data.cross is not None else [])
    tables = ["t_countries", "t_institutions", "t_journals", "t_bradford", "t_authors",
              "t_clusters", "t_cluster_papers", "t_thematic"]
    if data.cross is not None:
        cross = data.cross
        tables += ["t_cross_bursts"] if not cross.result.bursts.bursts.empty else []
        tables += ["t_cross_institutions"] if not cross.institutions.empty else []
        tables += ["t_cross_authors"] if not cross.our_authors.empty else []
    tables += ["t_ours"] if data.ours.found and not data.ours.authors.empty else []
    tables += ["t_parameters", "t_sources"]
    numbers = {name: i for i, name in enumerate(figures, start=1)}
    numbers.update({name: i for i, name in enumerate(tables, start=1)})
    return numbers


def ranking_rows(table: pd.DataFrame, top: int, ours: set[str] | None = None) -> list[dict]:
    """Rows of a ranking table as printed (``rank, name, papers, cites, cpp, h, g``)."""
    rows = []
    for rank, row in enumerate(table.head(top).to_dict("records"), start=1):
        name = str(row["name"])
        if ours and name in ours:
            name += "（我校）"
        rows.append({"rank": str(rank), "name": name, "papers": fmt_int(row["papers"]),
                     "cites": fmt_int(row["cites"]),
                     "cpp": fmt_float(row["cites"] / row["papers"]) if row["papers"] else DASH,
                     "h": str(int(row["h_index"])), "g": str(int(row["g_index"]))})
    return rows


def _rankings(data: PanoramaData) -> dict[str, Any]:
    ours = set(data.ours.matched)
    total = len(data.publications)
    part: dict[str, Any] = {}
    for entity, top in TOP_ROWS.items():
        table = data.rankings[entity].result
        part[entity] = ranking_rows(table, top, ours if entity == "institutions" else None)
        part[f"{entity}_text"] = [text.ranking_sentence(ENTITY_ZH[entity], table, total)]
        part[f"{entity}_shown"] = str(min(top, len(table)))
    bradford = data.bradford.result
    part["bradford"] = [{"zone": f"{int(r['zone'])} 区", "journals": fmt_int(r["journals"]),
                         "papers": fmt_int(r["papers"]),
                         "share": f"{r['papers'] / total * 100:.1f}%" if total else DASH,
                         "core": "；".join(r["core"][:3])}
                        for r in bradford.zones.to_dict("records")]
    part["journals_text"].append(text.bradford_sentence(bradford.zones, bradford.multiplier))
    part["authors_text"].append(text.lotka_sentence(data.lotka.result))
    return part


def _clusters(data: PanoramaData) -> dict[str, Any]:
    network = data.network
    nodes = network.nodes
    papers = data.cluster_papers
    rows, sentences, listed = [], [], []
    for row in network.clusters.head(MAX_CLUSTERS).itertuples(index=False):
        own = papers[papers["cluster"] == row.cluster]
        frequent = nodes[nodes["cluster"] == row.cluster].sort_values(
            ["occurrences", "label"], ascending=[False, True])["label"].head(5)
        rows.append({"cluster": f"#{int(row.cluster)}", "size": str(int(row.size)),
                     "papers": fmt_int(row.publications),
                     # No thousands separator in a year: 2015.5, not 2,015.5.
                     "year": f"{own['year'].mean():.1f}" if own["year"].notna().any() else DASH,
                     "label": "; ".join(list(row.label_terms)),
                     "frequent": "; ".join(frequent)})
        sentences.append(text.cluster_sentence(row, own))
        for paper in own.head(PAPERS_PER_CLUSTER).to_dict("records"):
            listed.append({"cluster": f"#{int(row.cluster)}", "author": paper["first_author"] or DASH,
                           "year": DASH if is_missing(paper["year"]) else str(int(paper["year"])),
                           "title": str(paper["title"] or DASH),
                           "source": str(paper["source_title"] or DASH),
                           "cites": fmt_int(paper["times_cited"])})
    if len(network.clusters) > MAX_CLUSTERS:
        sentences.append(f"其余 {len(network.clusters) - MAX_CLUSTERS} 个较小聚类见 Excel 工作簿。")
    return {"network_text": text.network_sentences(data.title, network), "clusters": rows,
            "cluster_text": sentences, "cluster_papers": listed,
            "papers_per_cluster": str(PAPERS_PER_CLUSTER)}


def _fronts(data: PanoramaData) -> dict[str, Any]:
    keyword = data.keyword_bursts
    part: dict[str, Any] = {
        "keyword_burst_text": text.burst_sentences(
            "关键词", keyword, burst_selection(keyword.result, "keywords")),
        "has_reference_bursts": data.reference_bursts is not None,
        "reference_burst_text": [data.reference_note] if data.reference_bursts is None else
        text.burst_sentences("被引文献", data.reference_bursts,
                             burst_selection(data.reference_bursts.result, "references")),
    }
    table = data.thematic.result.assign(name=thematic_names(data))
    part["thematic_text"] = text.thematic_sentences(table)
    part["thematic"] = [{"cluster": f"#{int(r['cluster'])}", "name": r["name"].split(" ", 1)[-1],
                         "keywords": str(int(r["keywords"])),
                         "centrality": fmt_float(r["centrality"], 1),
                         "density": fmt_float(r["density"], 2),
                         "quadrant": QUADRANT_ZH[r["quadrant"]]}
                        for r in table.sort_values("cluster").to_dict("records")]
    return part
