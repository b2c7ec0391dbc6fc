"""Build the discipline panorama report (学科全景分析报告): analyses → Word, figures and Excel, atomically."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from analysis.bibliometrics import compute_entity_indicators
from analysis.bursts import BurstParams
from analyst_app.db.queries import import_batches_frame
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError, check_option
from analyst_app.reports.figures_network import figure_keyword_map
from analyst_app.reports.figures_panorama import (figure_annual_output, figure_burst_bars,
                                                  figure_cross_growth, figure_thematic_map)
from analyst_app.reports.output_files import (ReportOutput, check_cancel, check_output, publish,
                                              staging_folder)
from analyst_app.reports.panorama_data import (CrossData, PanoramaData, cluster_papers,
                                               first_authors, our_authors, our_position)
from analyst_app.reports.panorama_report import (build_panorama_context, burst_selection,
                                                 thematic_names)
from analyst_app.reports.panorama_sheets import panorama_parameters, panorama_sheets
from analyst_app.reports.render import render_docx, write_twin_workbook
from analyst_app.reports.templates import template_path
from analyst_app.services import indicators, trends
from analyst_app.services.corpus import (CorpusFilter, addresses_frame, authorships_frame,
                                         publications_frame)
from analyst_app.services.networks import NetworkOptions, build_network, load_thesaurus
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

if TYPE_CHECKING:  # the registry imports this module when it builds the report
    from analyst_app.services.report_registry import ReportOptions

PANORAMA = "panorama"
#: Entities ranked in section 二, in the order they are printed.
ENTITIES = ("countries", "institutions", "journals", "authors")
#: Import formats that are ESI lists, not publications: not data of this report.
_ESI_LIST_FORMATS = ("esi_institutions", "esi_thresholds", "esi_journals")
_FILTER_KEYS = ("years", "query", "categories", "doc_types", "esi_fields", "sources")


def corpus_filter_from(value: CorpusFilter | Mapping[str, Any] | None,
                       name: str = "filter") -> CorpusFilter:
    """Return a :class:`CorpusFilter` from a filter or a dict of its fields.

    ``years`` may be ``"2015-2024"``, ``"2020"`` or a pair; list fields may be one string.

    Raises
    ------
    InputError
        Unknown keys or malformed years, naming option ``name``.
    """
    if value is None:
        return CorpusFilter()
    if isinstance(value, CorpusFilter):
        return value
    if not isinstance(value, Mapping):
        raise InputError(f"invalid {name}: expected a dict of {', '.join(_FILTER_KEYS)}")
    unknown = sorted(set(value) - set(_FILTER_KEYS))
    if unknown:
        raise InputError(f"invalid {name}: unknown key(s) {', '.join(unknown)}; "
                         f"allowed: {', '.join(_FILTER_KEYS)}")
    lists = {k: _as_tuple(value.get(k)) for k in ("categories", "doc_types", "esi_fields",
                                                  "sources")}
    return CorpusFilter(years=_years(value.get("years"), name), query=value.get("query") or None,
                        **lists)


def _as_tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(v) for v in value)


def _years(value: Any, name: str) -> tuple[int, int] | None:
    if not value:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2:
        first, last = int(value[0]), int(value[1])
    else:
        found = re.fullmatch(r"\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*", str(value))
        if not found:
            raise InputError(f"invalid years {value!r} in {name}: expected FIRST-LAST, "
                             "e.g. 2015-2024")
        first, last = int(found.group(1)), int(found.group(2) or found.group(1))
    return (min(first, last), max(first, last))


def _cross_filters(cross: Any, main: CorpusFilter) -> tuple[CorpusFilter, CorpusFilter, str] | None:
    """``cross``: two filters (A, B), or a dict ``{"b": ..., "a": ..., "label": ...}``."""
    if not cross:
        return None
    if isinstance(cross, (list, tuple)) and len(cross) == 2:
        a, b = corpus_filter_from(cross[0], "cross[0]"), corpus_filter_from(cross[1], "cross[1]")
        return a, b, b.query or "集合 B"
    if isinstance(cross, Mapping) and cross.get("b"):
        a = corpus_filter_from(cross["a"], "cross.a") if cross.get("a") else main
        b = corpus_filter_from(cross["b"], "cross.b")
        return a, b, str(cross.get("label") or b.query or "集合 B")
    raise InputError("invalid cross: expected two filters (A, B) or {'b': filter, 'label': name}")


def _settings(extra: Mapping[str, Any]) -> dict[str, Any]:
    keywords = str(extra.get("keywords") or "author")
    check_option("keywords", keywords, ("author", "plus", "both"))
    settings = {"min_occurrences": extra.get("min_occurrences"), "top": extra.get("top"),
                "resolution": float(extra.get("resolution") or 1.0),
                "seed": int(extra.get("seed") or 0), "keywords": keywords,
                "s": float(extra.get("s") or 2.0), "gamma": float(extra.get("gamma") or 1.0),
                "burst_min_occurrences": int(extra.get("burst_min_occurrences") or 2),
                "thesaurus_file": None, "thesaurus_sha256": None}
    if extra.get("thesaurus"):
        path = Path(extra["thesaurus"])
        settings["thesaurus"] = load_thesaurus(path)  # a bad file stops before any reading
        settings["thesaurus_file"] = str(path)
        settings["thesaurus_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return settings


def build_panorama_report(workspace: Workspace, output: Path, *, xlsx: Path | None,
                          options: ReportOptions, progress: Progress = no_progress,
                          cancel: CancelToken | None = None) -> ReportOutput:
    """Build the discipline panorama report as Word, and optionally its Excel twin.

    Parameters
    ----------
    workspace : Workspace
        The workspace with the publication corpus.
    output : Path
        The .docx file; figures are written beside it as ``<stem>_fig<N>.png``.
    xlsx : Path or None
        The Excel twin: one sheet per table, nodes, links, bursts, cluster papers,
        parameters and provenance.
    options : ReportOptions
        ``institution`` (as addresses name it; default the workspace's, with its aliases),
        ``display_name`` and ``extra``: ``title`` (the field or topic, required),
        ``filter`` (a CorpusFilter or a dict: years, query, categories, doc_types...),
        ``cross`` (two filters A and B, or ``{"b": filter, "label": name}`` with A = the
        report's filter), ``min_occurrences``, ``top``, ``resolution``, ``seed``,
        ``keywords`` (map keyword source, ``author`` default), ``thesaurus`` (file), ``s``,
        ``gamma``, ``aliases`` (other names of our institution).
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    ReportOutput

    Raises
    ------
    InputError
        No title, bad filter or parameters, an empty selection, an output folder that
        cannot be written.
    Cancelled
        When ``cancel`` was triggered; no file is left behind.
    """
    extra = options.extra
    title = str(extra.get("title") or "").strip()
    if not title:
        raise InputError("the panorama report needs a title: the field or topic it describes "
                         "(option 'title', CLI --title NAME)")
    flt = corpus_filter_from(extra.get("filter"))
    cross = _cross_filters(extra.get("cross"), flt)
    settings = _settings(extra)
    output = check_output(output, ".docx")
    xlsx = check_output(xlsx, ".xlsx") if xlsx is not None else None
    names = _our_names(workspace, options)
    data = collect_panorama(workspace, title, flt, settings, names, cross,
                            progress=scaled(progress, 0.0, 0.6), cancel=cancel)
    generated_at = datetime.now()
    return _render(data, output, xlsx, options, generated_at, progress, cancel)


def _our_names(workspace: Workspace, options: ReportOptions) -> tuple[str, ...]:
    name, aliases = workspace.institution()
    if options.institution:
        name, aliases = options.institution, ()
    extra_aliases = _as_tuple(options.extra.get("aliases"))
    return tuple(n for n in (name, *aliases, *extra_aliases) if n)


def collect_panorama(workspace: Workspace, title: str, flt: CorpusFilter,
                     settings: dict[str, Any], names: tuple[str, ...],
                     cross: tuple[CorpusFilter, CorpusFilter, str] | None = None, *,
                     progress: Progress = no_progress,
                     cancel: CancelToken | None = None) -> PanoramaData:
    """Run every analysis of the report through the services the CLI runs.

    Returns
    -------
    PanoramaData

    Raises
    ------
    InputError
        An empty selection or no keyword reaching the map threshold.
    """
    frames = _frames(workspace, flt)
    progress(0.05, "发文增长与排名")
    growth = indicators.run_growth(workspace, flt)
    rankings = {e: indicators.run_entity_indicators(workspace, e, flt) for e in ENTITIES}
    lotka, bradford = indicators.run_lotka(workspace, flt), indicators.run_bradford(workspace, flt)
    check_cancel(cancel)
    progress(0.3, "关键词共现网络")
    network = build_network(workspace, "keywords", flt, NetworkOptions(
        min_occurrences=settings["min_occurrences"], top_n=settings["top"],
        resolution=settings["resolution"], seed=settings["seed"], keywords=settings["keywords"],
        thesaurus=settings.get("thesaurus"), thesaurus_file=settings["thesaurus_file"]),
        cancel=cancel)
    progress(0.6, "突现检测与主题地图")
    params = BurstParams(s=settings["s"], gamma=settings["gamma"],
                         min_occurrences=settings["burst_min_occurrences"], years=flt.years)
    keyword_bursts = trends.run_keyword_bursts(workspace, flt, params, keywords="both")
    reference_bursts, note = _reference_bursts(workspace, flt, params, cancel)
    thematic = trends.run_thematic_map(workspace, _label_edges(network), _label_clusters(network),
                                       flt, keywords=settings["keywords"])
    check_cancel(cancel)
    progress(0.85, "交叉领域与我校位置")
    ours = our_position(names, rankings["institutions"].result, *frames)
    data = PanoramaData(
        title=title, filter=flt, publications=frames[0], growth=growth, lotka=lotka,
        bradford=bradford, rankings=rankings, network=network,
        cluster_papers=cluster_papers(network, frames[0], first_authors(frames[1])),
        keyword_bursts=keyword_bursts, reference_bursts=reference_bursts, thematic=thematic,
        cross=_cross(workspace, cross, params, names, title, cancel) if cross else None,
        ours=ours, sources=_sources(workspace),
        settings={k: v for k, v in settings.items() if k != "thesaurus"}, reference_note=note)
    progress(1.0, "分析完成")
    return data


def _frames(workspace: Workspace, flt: CorpusFilter) -> tuple[pd.DataFrame, ...]:
    with workspace.session() as session:
        connection = session.connection()
        publications = publications_frame(connection, flt)
        if publications.empty:
            raise InputError(f"no publications match the selection ({flt.describe()})")
        return publications, authorships_frame(connection, flt), addresses_frame(connection, flt)


def _reference_bursts(workspace: Workspace, flt: CorpusFilter, params: BurstParams,
                      cancel: CancelToken | None) -> tuple[Any, str]:
    try:
        return trends.run_reference_bursts(workspace, flt, params, cancel=cancel), ""
    except InputError as exc:
        # A corpus exported without cited references: the section says so instead.
        if "cited references" not in str(exc):
            raise
        return None, "所选论文不含被引参考文献（导出时未选择“全记录与引用的参考文献”），未做文献突现检测。"


def _label_edges(network: Any) -> pd.DataFrame:
    edges = network.edges
    return pd.DataFrame({"source": edges["source_label"], "target": edges["target_label"],
                         "weight": edges["weight"]})


def _label_clusters(network: Any) -> pd.DataFrame:
    return pd.DataFrame({"keyword": network.nodes["label"], "cluster": network.nodes["cluster"]})


def _cross(workspace: Workspace, cross: tuple[CorpusFilter, CorpusFilter, str],
           params: BurstParams, names: tuple[str, ...], title: str,
           cancel: CancelToken | None) -> CrossData:
    flt_a, flt_b, label_b = cross
    result = trends.run_cross_discipline(workspace, flt_a, flt_b, params, keywords="both",
                                         cancel=cancel)
    publications, authorships, addresses = _frames(workspace, flt_a)
    both = set(result.publication_ids)
    publications = publications[publications["publication_id"].isin(both)]
    authorships = authorships[authorships["publication_id"].isin(both)]
    addresses = addresses[addresses["publication_id"].isin(both)]
    # The institution ranking of the intersection, counted as `indicators institutions` counts.
    pairs = addresses[["publication_id", "organisation"]].rename(columns={"organisation": "entity"})
    pairs = pairs[pairs["entity"].notna() & (pairs["entity"].astype(str).str.strip() != "")]
    institutions = compute_entity_indicators(pairs.merge(
        publications[["publication_id", "year", "times_cited"]], on="publication_id"))
    authors = our_authors(names, publications, authorships, addresses)
    ours = sorted({int(i) for ids in authors["publication_ids"] for i in ids})
    return CrossData(title, label_b, result, institutions, authors, ours)


def _sources(workspace: Workspace) -> pd.DataFrame:
    with workspace.session() as session:
        batches = import_batches_frame(session)
    batches = batches[~batches["format"].isin(_ESI_LIST_FORMATS)]
    return batches.sort_values("id").reset_index(drop=True)


def _render(data: PanoramaData, output: Path, xlsx: Path | None, options: ReportOptions,
            generated_at: datetime, progress: Progress,
            cancel: CancelToken | None) -> ReportOutput:
    with staging_folder(output.parent) as staging:
        progress(0.65, "绘制图表")
        figures = _figures(data, staging, output.stem)
        check_cancel(cancel)
        context = build_panorama_context(
            data, display_name=options.display_name, figures=list(figures),
            workbook_name=xlsx.name if xlsx is not None else None, generated_at=generated_at)
        progress(0.8, "生成 Word 报告")
        # The map is square: a little narrower so it shares its page with the text above.
        images = {var: (path, 150.0 if var == "figure_network" else 160.0)
                  for var, path in figures.items()}
        staged_docx = render_docx(template_path(PANORAMA), context, staging / "report.docx",
                                  images=images)
        check_cancel(cancel)
        staged_xlsx = None
        if xlsx is not None:
            progress(0.9, "生成 Excel 工作簿")
            staged_xlsx = write_twin_workbook(
                staging / "workbook.xlsx", panorama_sheets(data),
                panorama_parameters(data, options), _source_frame(data.sources),
                generated_at=generated_at)
            check_cancel(cancel)
        targets = []
        for path in figures.values():  # past the last cancel check: quick renames only
            target = output.with_name(path.name)
            publish(path, target)
            targets.append(target)
        publish(staged_docx, output)
        if staged_xlsx is not None and xlsx is not None:
            publish(staged_xlsx, xlsx)
    progress(1.0, "完成")
    return ReportOutput(docx=output, xlsx=xlsx, figures=targets,
                        context=dict(context, **{k: p.name for k, p in figures.items()}))


def _figures(data: PanoramaData, staging: Path, stem: str) -> dict[str, Path]:
    """Draw the figures in document order; keys are the template's image variables."""
    figures: dict[str, Path] = {}

    def name(var: str) -> Path:
        return staging / f"{stem}_fig{len(figures) + 1}.png"

    figures["figure_growth"] = figure_annual_output(data.growth.result.table, name("growth"))
    network = data.network
    figures["figure_network"] = figure_keyword_map(network.nodes, network.edges, name("network"),
                                                   network.clusters).path
    keyword = data.keyword_bursts.result
    figures["figure_keyword_bursts"] = figure_burst_bars(
        burst_selection(keyword, "keywords"), keyword.years, name("kb"), term_header="关键词")
    if data.reference_bursts is not None:
        ref = data.reference_bursts.result
        figures["figure_reference_bursts"] = figure_burst_bars(
            burst_selection(ref, "references"), ref.years, name("rb"), term_header="被引文献")
    figures["figure_thematic"] = figure_thematic_map(
        data.thematic.result.assign(name=thematic_names(data)), name("tm"))
    if data.cross is not None:
        figures["figure_cross"] = figure_cross_growth(
            data.cross.result.growth, name("cross"),
            label_both=f"{data.cross.label_a} × {data.cross.label_b}")
    return figures


def _source_frame(sources: pd.DataFrame) -> pd.DataFrame:
    columns = {"id": "导入批次", "file_name": "文件名", "format": "格式", "rows_stored": "记录数",
               "sha256": "SHA-256", "imported_at": "导入时间"}
    return sources[list(columns)].rename(columns=columns)
