"""Build the demo workspace from the project's own generated exports, and every report on it.

The demo tells the whole story a subject librarian would: ESI institution lists of three
releases, a WoS corpus of the institution's subject, the ESI Highly Cited Papers lists of
two releases drawn from that corpus, then the bulletin, the push notice, the school
contribution, the peer benchmark and the panorama, each built through the report registry
exactly as the Reports page and the CLI build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from analyst_app import DATA_DIR
from analyst_app.db.workspace import Workspace, open_workspace
from analyst_app.demo_data import DEMO_INSTITUTION, write_demo_esi_exports
from analyst_app.demo_papers import write_demo_hcp_exports
from analyst_app.errors import InputError
from analyst_app.services.imports import ImportReport, import_file
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled
from analyst_app.wos_generator import write_wos_corpus

#: Chinese name printed in the demo reports.
DEMO_INSTITUTION_ZH = "大连理工大学"
DEMO_ALIASES = ("DALIAN UNIV TECHNOL",)
#: Records of the demo WoS corpus (about 470 of them name the demo institution).
DEMO_RECORDS = 4000
#: Seed of the demo ESI lists and of the WoS corpus.
DEMO_SEED = 20251125
#: The shipped school mapping of the demo institution.
DEMO_SCHOOLS = DATA_DIR / "schools" / "dalian_univ_technol.csv"
#: Peer group of the benchmark report (see ``data/peer_groups.json``).
DEMO_PEER_GROUP = "E9"
_WOS_PER_FILE = 1000  # WoS exports at most 1,000 full records per download


@dataclass(frozen=True)
class DemoReport:
    """One report of the demo: registry id, file stem, Excel twin or not, builder options."""

    template_id: str
    stem: str
    xlsx: bool
    extra: dict[str, Any]
    #: Relative build time (seconds on the 4,000-record demo / 6), for the progress bar.
    weight: float = 1.0


#: Every report of the demo, in the order they are built; those whose builder is missing
#: from this version (see :func:`~analyst_app.services.report_registry.available_reports`)
#: are left out.
DEMO_REPORTS: tuple[DemoReport, ...] = (
    DemoReport("esi_bulletin", "ESI学科动态监测通报", True, {"schools": str(DEMO_SCHOOLS)},
               weight=1.5),
    DemoReport("esi_push_notice", "高被引论文推送通知", False, {"schools": str(DEMO_SCHOOLS)},
               weight=0.2),
    DemoReport("contribution", "学院贡献度分析报告", True,
               {"schools": str(DEMO_SCHOOLS), "counting": "fractional", "both_countings": True},
               weight=0.5),
    DemoReport("benchmark", "学科竞争力对标分析报告", True, {"group": DEMO_PEER_GROUP},
               weight=3.0),
    # One ESI field, as a panorama of a discipline is asked for; its cross-discipline
    # section is the field's machine-learning papers.
    DemoReport("panorama", "学科全景分析报告", True, {
        "title": "化学", "filter": {"esi_fields": ["CHEMISTRY"]}, "seed": 1,
        "cross": {"b": {"query": "machine learning"}, "label": "机器学习"}}, weight=3.5),
)


@dataclass
class DemoResult:
    """What :func:`build_demo` made.

    Attributes
    ----------
    workspace : Path
        The demo workspace (``<output>/demo.sqlite``).
    reports : list of Path
        The Word and Excel reports written into ``output``, in build order.
    figures : list of Path
        The chart PNGs the reports wrote beside them.
    imports : list of ImportReport
        One report per generated export file (ESI lists, WoS corpus, papers lists).
    skipped : list of str
        Demo reports whose builder this version lacks.
    """

    workspace: Path
    reports: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    imports: list[ImportReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def build_demo(output_dir: str | Path, *, records: int = DEMO_RECORDS, seed: int = DEMO_SEED,
               reports: Iterable[str] | None = None, progress: Progress = no_progress,
               cancel: CancelToken | None = None) -> DemoResult:
    """Generate the demo exports, import them through the normal importers, build the reports.

    Steps: ESI institution lists (22 fields × 3 releases), a WoS corpus of ``records``
    records, ESI Highly Cited Papers lists of releases 2025-09 and 2025-11 drawn from the
    imported corpus, the workspace institution, then every report of :data:`DEMO_REPORTS`
    that this version can build. The demo workspace is made anew on every run (any earlier
    ``demo.sqlite`` in ``output_dir`` is replaced), so the same seed gives the same numbers.

    Parameters
    ----------
    output_dir : path
        Folder for ``demo.sqlite``, ``demo_exports/`` and the reports.
    records : int
        Records of the WoS corpus (at least 200, so that the demo institution has papers).
    seed : int
        Seed of the ESI lists and of the corpus.
    reports : iterable of str, optional
        Registry ids of the reports to build (default: every available one; ``()``: the
        workspace only).
    progress, cancel
        Progress callback ``(fraction, message)`` and cancel token, honoured between files
        and inside the report builders.

    Returns
    -------
    DemoResult

    Raises
    ------
    ValueError
        ``records`` below 200, or an unknown report id.
    Cancelled
        When ``cancel`` was triggered (the workspace is left half-built).
    """
    from analyst_app.services.report_registry import available_reports

    if records < 200:
        raise ValueError(f"Invalid records: got {records!r}; the demo corpus needs >= 200.")
    plan = _plan(reports, available_reports())
    cancel = cancel or CancelToken()
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    ws_path = _fresh_workspace_path(output)
    workspace = open_workspace(ws_path)
    result = DemoResult(workspace=ws_path, skipped=[r.template_id for r in DEMO_REPORTS
                                                    if r not in plan and reports is None])
    # Imports take about a fifth of the 4,000-record demo's run time, the reports the rest.
    end_imports = 0.2 if plan else 1.0
    try:
        workspace.set_institution(DEMO_INSTITUTION, DEMO_ALIASES)
        _import_exports(workspace, output / "demo_exports", records, seed, result,
                        scaled(progress, 0.0, end_imports), cancel)
        _build_reports(workspace, output, plan, result,
                       scaled(progress, end_imports, 1.0), cancel)
    finally:
        workspace.close()
    progress(1.0, "demo ready")
    return result


def _import_exports(workspace: Workspace, exports: Path, records: int, seed: int,
                    result: DemoResult, progress: Progress, cancel: CancelToken) -> None:
    """Generate and import the ESI lists, the WoS corpus and the highly cited papers lists."""
    # Progress shares as measured: the 66 ESI lists take about two thirds of the imports.
    progress(0.0, "generating ESI lists")
    esi = write_demo_esi_exports(exports / "esi", seed=seed)
    _import_all(workspace, esi, result, scaled(progress, 0.05, 0.65), cancel)
    cancel.raise_if_cancelled()
    progress(0.65, "generating WoS corpus")
    wos = write_wos_corpus(_empty_folder(exports / "wos") / "savedrecs.txt", records,
                           seed=seed % 2**31, records_per_file=_WOS_PER_FILE)
    _import_all(workspace, [(p, None) for p in wos], result, scaled(progress, 0.7, 0.92),
                cancel)
    cancel.raise_if_cancelled()
    progress(0.92, "drawing highly cited papers lists")
    hcp = _write_hcp(workspace, exports / "esi_papers")
    _import_all(workspace, hcp, result, scaled(progress, 0.95, 1.0), cancel)


def _plan(wanted: Iterable[str] | None, available: Sequence[str]) -> list[DemoReport]:
    known = {r.template_id: r for r in DEMO_REPORTS}
    if wanted is None:
        return [r for r in DEMO_REPORTS if r.template_id in available]
    chosen = list(wanted)
    unknown = [t for t in chosen if t not in known or t not in available]
    if unknown:
        raise ValueError(f"Invalid reports: {', '.join(unknown)} not available; "
                         f"choose from {', '.join(t for t in known if t in available)}.")
    return [r for r in DEMO_REPORTS if r.template_id in chosen]


def _fresh_workspace_path(output: Path) -> Path:
    ws_path = output / "demo.sqlite"
    for stale in (ws_path, ws_path.with_name(ws_path.name + "-wal"),
                  ws_path.with_name(ws_path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return ws_path


def _empty_folder(folder: Path) -> Path:
    # A smaller corpus than last time must not leave last time's extra files behind.
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("savedrecs*.txt"):
        stale.unlink()
    return folder


def _import_all(workspace: Workspace, files: Sequence[tuple[Path, str | None]],
                result: DemoResult, progress: Progress, cancel: CancelToken) -> None:
    """Import generated files one by one, stopping at the first one not imported."""
    for i, (path, release) in enumerate(files):
        cancel.raise_if_cancelled()
        report = import_file(workspace, path, release=release)
        if report.status != "imported":
            raise InputError(f"demo export was not imported: {report.message}")
        result.imports.append(report)
        progress((i + 1) / len(files), f"imported {path.name}" + (f" ({release})"
                                                                   if release else ""))


def _write_hcp(workspace: Workspace, folder: Path) -> list[tuple[Path, str]]:
    from analyst_app.services.corpus import (addresses_frame, authorships_frame,
                                             publications_frame)

    with workspace.session() as session:
        connection = session.connection()
        frames = (publications_frame(connection), authorships_frame(connection),
                  addresses_frame(connection))
    return write_demo_hcp_exports(folder, *frames)


def _build_reports(workspace: Workspace, output: Path, plan: Sequence[DemoReport],
                   result: DemoResult, progress: Progress, cancel: CancelToken) -> None:
    from analyst_app.services.report_registry import ReportOptions, build_report

    total = sum(r.weight for r in plan) or 1.0
    done = 0.0
    for item in plan:
        cancel.raise_if_cancelled()
        start, done = done, done + item.weight
        built = build_report(
            item.template_id, workspace, output / f"{item.stem}.docx",
            xlsx=output / f"{item.stem}.xlsx" if item.xlsx else None,
            options=ReportOptions(institution=None,  # the workspace setting, with its aliases
                                  display_name=DEMO_INSTITUTION_ZH, extra=dict(item.extra)),
            progress=scaled(progress, start / total, done / total), cancel=cancel)
        result.reports += [p for p in (built.docx, built.xlsx) if p is not None]
        result.figures += list(built.figures)
