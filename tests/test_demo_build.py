"""The demo builds every report from its generated exports, reproducibly (``services.demo``).

One demo build of a small corpus (1,000 WoS records) takes about a minute on the CI machine:
most of it is the ESI lists and the report figures, which do not shrink with the corpus.
"""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, time
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from analyst_app.demo_data import DEMO_INSTITUTION
from analyst_app.demo_papers import DEMO_HCP_RELEASES
from analyst_app.domain.school_mapping import load_school_mapping
from analyst_app.errors import Cancelled
from analyst_app.services.demo import DEMO_REPORTS, DEMO_SCHOOLS, DemoResult, build_demo
from analyst_app.services.report_registry import available_reports
from analyst_app.tasks import CancelToken

pytestmark = pytest.mark.slow
RECORDS = 1000
#: Reports of the second build that checks reproducibility (the fast ones).
REPEATED = ("esi_bulletin", "contribution")


@pytest.fixture(scope="module")
def progress_log() -> list[tuple[float, str]]:
    """Every ``(fraction, message)`` the demo build reported."""
    return []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory,
         progress_log: list[tuple[float, str]]) -> DemoResult:
    return build_demo(tmp_path_factory.mktemp("demo"), records=RECORDS,
                      progress=lambda f, m: progress_log.append((f, m)))


@pytest.fixture(scope="module")
def again(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return build_demo(tmp_path_factory.mktemp("again"), records=RECORDS, reports=REPEATED)


def _file(result: DemoResult, name: str) -> Path:
    found = [p for p in result.reports if p.name == name]
    assert found, f"{name} not in {[p.name for p in result.reports]}"
    return found[0]


def test_every_available_report_is_written_and_opens(demo: DemoResult) -> None:
    available = set(available_reports())
    expected = [f"{r.stem}{suffix}" for r in DEMO_REPORTS if r.template_id in available
                for suffix in ((".docx", ".xlsx") if r.xlsx else (".docx",))]
    assert [p.name for p in demo.reports] == expected
    assert {"ESI学科动态监测通报.docx", "高被引论文推送通知.docx", "学院贡献度分析报告.xlsx",
            "学科竞争力对标分析报告.docx"} <= set(expected)
    for path in demo.reports:
        assert path.is_file() and path.parent == demo.workspace.parent
        if path.suffix == ".docx":
            assert Document(str(path)).paragraphs, path.name
        else:
            assert load_workbook(path, read_only=True).sheetnames, path.name
    assert all(p.is_file() and p.suffix == ".png" for p in demo.figures)
    assert demo.skipped == [r.template_id for r in DEMO_REPORTS
                            if r.template_id not in available]


def test_imports_and_progress(demo: DemoResult, progress_log: list[tuple[float, str]]) -> None:
    formats = [r.format for r in demo.imports]
    assert formats.count("esi_institutions") == 66
    assert all(r.status == "imported" for r in demo.imports)
    assert sum(r.stored for r in demo.imports if r.format == "wos_plain") == RECORDS
    assert len([r for r in demo.imports if r.format not in ("esi_institutions", "wos_plain")]) == 2
    fractions = [f for f, _ in progress_log]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert 0.0 <= fractions[0] < 0.05


def _hcp_rows(result: DemoResult, release: str) -> list[dict[str, str]]:
    path = result.workspace.parent / "demo_exports" / "esi_papers" / f"hcp_{release}.csv"
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    assert lines[0].startswith("Indicators Results List: Documents")
    assert DEMO_INSTITUTION in lines[0]
    return list(csv.DictReader(lines[1:-1]))


def test_highly_cited_lists_come_from_the_corpus(demo: DemoResult) -> None:
    before, now = (_hcp_rows(demo, r) for r in DEMO_HCP_RELEASES)
    old, new = {r["Accession Number"] for r in before}, {r["Accession Number"] for r in now}
    assert len(old & new) >= 0.8 * len(old) and new - old  # most kept, some new: a push list
    for row in now:
        assert row["Accession Number"].startswith("WOS:") and row["DOI"]
        assert DEMO_INSTITUTION in row["Institutions"].split(";")
        assert "Dalian Univ Technol" in row["Addresses"] and row["Research Field"]
    cites = {r["Accession Number"]: int(r["Times Cited"]) for r in now}
    assert all(int(r["Times Cited"]) <= cites.get(r["Accession Number"], math.inf)
               for r in before)  # citations only grow between releases


def test_push_notice_names_a_school(demo: DemoResult) -> None:
    schools = {rule.school for rule in load_school_mapping(DEMO_SCHOOLS).rules}
    doc = Document(str(_file(demo, "高被引论文推送通知.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    # Each school's notice opens "<school>：根据科睿唯安 ESI 数据库…".
    assert {s for s in schools if f"{s}：根据" in text}, text[:500]


def test_fractional_shares_sum_to_one_per_field(demo: DemoResult) -> None:
    sheet = load_workbook(_file(demo, "学院贡献度分析报告.xlsx"), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    method, field = header.index("计数方法"), header.index("学科（英文）field")
    share = header.index("论文占比 papers_share")
    sums: dict[str, float] = {}
    for row in rows[1:]:
        if row[method] == "分数计数":
            sums[row[field]] = sums.get(row[field], 0.0) + float(row[share])
    assert {"CHEMISTRY", "ENGINEERING"} <= set(sums)
    assert all(math.isclose(total, 1.0, abs_tol=1e-9) for total in sums.values()), sums


def _numbers(path: Path) -> dict[str, list[float]]:
    """Sheet → its numbers in reading order (dates and times are when it was built: left out)."""
    book = load_workbook(path, read_only=True)
    return {sheet.title: [v for row in sheet.iter_rows(values_only=True) for v in row
                          if isinstance(v, (int, float))
                          and not isinstance(v, (datetime, date, time))]
            for sheet in book.worksheets}


def test_same_seed_same_numbers(demo: DemoResult, again: DemoResult) -> None:
    assert [p.name for p in again.reports] == [
        f"{r.stem}.{s}" for r in DEMO_REPORTS if r.template_id in REPEATED
        for s in ("docx", "xlsx")]
    for path in again.reports:
        if path.suffix == ".xlsx":
            assert _numbers(path) == _numbers(_file(demo, path.name)), path.name
    exports = [demo.workspace.parent / "demo_exports", again.workspace.parent / "demo_exports"]
    files = sorted(p.relative_to(exports[0]) for p in exports[0].rglob("*") if p.is_file())
    assert len(files) == 66 + 1 + 2
    for name in files:
        assert (exports[0] / name).read_bytes() == (exports[1] / name).read_bytes(), name


def test_cancel_stops_the_demo(tmp_path: Path) -> None:
    token = CancelToken()

    def progress(fraction: float, message: str) -> None:
        token.cancel()  # the first report of progress asks to stop

    with pytest.raises(Cancelled):
        build_demo(tmp_path, records=RECORDS, progress=progress, cancel=token)
    assert not list(tmp_path.glob("*.docx"))


def test_bad_parameters(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="records"):
        build_demo(tmp_path, records=10)
    with pytest.raises(ValueError, match="nonsense"):
        build_demo(tmp_path, reports=["nonsense"])
