"""Push notice per school: papers and authors equal the ESI files and the CLI JSON; render."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from analyst_app.cli import main
from analyst_app.db.workspace import open_workspace
from analyst_app.domain.school_mapping import load_school_mapping, match_school
from analyst_app.errors import InputError
from analyst_app.esi_papers_generator import next_release, random_papers, write_papers_file
from analyst_app.reports.push_notice import UNMATCHED_SCHOOL
from analyst_app.services.imports import import_files
from analyst_app.services.report_push_notice import build_push_notice
from analyst_app.services.report_registry import ReportOptions, build_report

US = "DALIAN UNIVERSITY OF TECHNOLOGY"
SCHOOLS = Path(__file__).resolve().parents[1] / "data" / "schools" / "dalian_univ_technol.csv"
#: A paper of ours whose school no rule of the DUT mapping knows.
ORPHAN = {
    "ut": "WOS:000699999999999", "doi": "10.1/orphan", "pmid": "", "title": "Orphan paper",
    "authors": ["Zhou, X", "Smith, A"], "source": "ADVANCED MATERIALS 1: 1 2024",
    "field": "MATERIALS SCIENCE", "times_cited": 321, "countries": ["CHINA MAINLAND"],
    "addresses": ["Dalian Univ Technol, Inst Nowhere Studies, Dalian 116024, Peoples R China"],
    "institutions": [US], "publication_date": "MAR 2024",
}


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """Two releases of highly cited papers; the second adds new papers of ours and the orphan."""
    folder = tmp_path_factory.mktemp("papers")
    before = random_papers(30, seed=5, our_share=0.4)
    now = next_release(before, seed=6, new=10, our_share=0.7) + [ORPHAN]
    write_papers_file(folder / "hcp_2025-09.csv", before, kind="hcp")
    write_papers_file(folder / "hcp_2025-11.csv", now, kind="hcp")
    ws = open_workspace(folder / "w.sqlite")
    ws.set_institution(US, ["DALIAN UNIV TECHNOL"])
    import_files(ws, [folder / "hcp_2025-09.csv"], release="2025-09")
    import_files(ws, [folder / "hcp_2025-11.csv"], release="2025-11")
    ws.close()
    return folder / "w.sqlite", before, now


def expected_by_school(before: list[dict], now: list[dict]) -> dict[str, set[str]]:
    """School → UTs of our new papers, read from the generated rows (not from the program)."""
    mapping = load_school_mapping(SCHOOLS)
    seen = {p["ut"] for p in before}
    out: dict[str, set[str]] = {}
    for paper in now:
        if paper["ut"] in seen or US not in paper["institutions"]:
            continue
        ours = [a for a in paper["addresses"] if a.startswith("Dalian Univ Technol")]
        schools = {match_school(mapping, a) for a in ours} - {None}
        for school in schools or {UNMATCHED_SCHOOL}:
            out.setdefault(school, set()).add(paper["ut"])
    return out


@pytest.fixture(scope="module")
def notice(papers, tmp_path_factory):
    path, _before, _now = papers
    out = tmp_path_factory.mktemp("notice")
    ws = open_workspace(path)
    try:
        result = build_push_notice(ws, None, out / "推送通知.docx", schools=SCHOOLS,
                                   xlsx=out / "推送通知.xlsx", display_name="大连理工大学")
    finally:
        ws.close()
    return result


def paper_tables(document) -> list:
    return [t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["序号", "类型"]]


def test_each_school_gets_exactly_its_new_papers(notice, papers):
    _path, before, now = papers
    expected = expected_by_school(before, now)
    assert UNMATCHED_SCHOOL in expected and len(expected) >= 3
    document = Document(str(notice.docx))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    tables = paper_tables(document)
    assert headings == [n["school"] for n in notice.context["notices"]]
    assert headings[-1] == UNMATCHED_SCHOOL  # the unmatched papers come last
    got = {school: {row.cells[6].text for row in table.rows[1:]}
           for school, table in zip(headings, tables)}
    assert got == expected
    assert got[UNMATCHED_SCHOOL] == {ORPHAN["ut"]}


def test_letters_and_authors(notice, papers):
    _path, before, now = papers
    expected = expected_by_school(before, now)
    text = "\n".join(p.text for p in Document(str(notice.docx)).paragraphs)
    for school, uts in expected.items():
        if school != UNMATCHED_SCHOOL:
            assert (f"{school}：根据科睿唯安 ESI 数据库 2025-11 期数据（对比 2025-09 期），"
                    f"贵院新增高被引论文 {len(uts)} 篇，均为大连理工大学署名论文") in text
    orphan = paper_tables(Document(str(notice.docx)))[-1].rows[1].cells
    assert orphan[2].text == "Orphan paper" and orphan[5].text == "Zhou, X；Smith, A"
    assert orphan[4].text == "321"
    total = sum(1 for p in now if p["ut"] not in {b["ut"] for b in before}
                and US in p["institutions"])
    assert f"大连理工大学新增高被引论文 {total} 篇。" in text


def test_numbers_equal_the_cli_json(notice, papers, capsys):
    path, _before, _now = papers
    assert main(["esi", "push-list", "-w", str(path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    by_ut = {r["ut"]: r for r in records}
    rows = [row for table in paper_tables(Document(str(notice.docx)))
            for row in table.rows[1:]]
    assert {r.cells[6].text for r in rows} == set(by_ut)
    for row in rows:
        record = by_ut[row.cells[6].text]
        assert row.cells[2].text == record["title"]
        assert row.cells[4].text == f"{record['times_cited']:,}"
    # The Excel twin holds the full list once per paper, with the same citations.
    book = load_workbook(notice.xlsx)
    assert book.sheetnames[:2] == ["推送清单", "各学院汇总"] and "参数与来源" in book.sheetnames
    sheet = book["推送清单"]
    header = [c.value for c in sheet[1]]
    uts = {r[header.index("入藏号 UT")]: r[header.index("被引次数")]
           for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert uts == {ut: r["times_cited"] for ut, r in by_ut.items()}


def test_registry_builder_and_cli(papers, tmp_path, capsys):
    path, _before, _now = papers
    ws = open_workspace(path)
    try:
        with pytest.raises(InputError, match="school mapping"):
            build_report("esi_push_notice", ws, tmp_path / "a.docx")
        out = build_report("esi_push_notice", ws, tmp_path / "a.docx",
                           options=ReportOptions(extra={"schools": str(SCHOOLS)}))
        assert out.docx.is_file() and out.xlsx is None
        with pytest.raises(InputError, match="not found"):
            build_push_notice(ws, None, tmp_path / "b.docx", schools=tmp_path / "none.csv")
    finally:
        ws.close()
    code = main(["report", "esi-push-notice", "-w", str(path), "--schools", str(SCHOOLS),
                 "--output", str(tmp_path / "c.docx"), "--xlsx", str(tmp_path / "c.xlsx"),
                 "--release", "2025-11"])
    printed = capsys.readouterr().out
    assert code == 0 and "wrote" in printed and UNMATCHED_SCHOOL in printed
    assert (tmp_path / "c.docx").is_file() and (tmp_path / "c.xlsx").is_file()
    assert main(["report", "esi-push-notice", "-w", str(path), "--schools", str(SCHOOLS),
                 "--output", str(tmp_path / "d.docx"), "--release", "2019-01"]) == 2


def test_register_adds_the_command_to_a_parser():
    import argparse

    from analyst_app import cli_reports_esi

    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    report = commands.add_parser("report").add_subparsers()
    cli_reports_esi.register(commands, {"report": report, "esi": None})
    args = parser.parse_args(["report", "esi-push-notice", "-w", "w.sqlite", "--schools", "s.csv",
                              "--output", "o.docx"])
    assert args.schools == Path("s.csv") and args.kind == "both" and not args.all_papers


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed to render")
def test_render_through_libreoffice(notice, papers, tmp_path):
    from tests.rendering import render_pdf

    pdf = render_pdf(notice.docx, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    schools = [n["school"] for n in notice.context["notices"]]
    # Table 1 is the summary; each notice's table is numbered in turn; the sources table last.
    captions = re.findall(r"表\s*(\d+)\s+(\S+?)新增 ESI 高被引与热点论文", text)
    assert captions == [(str(i + 2), s) for i, s in enumerate(schools)]
    assert re.search(rf"表\s*{len(schools) + 2}\s+ESI 高被引论文与热点论文清单文件", text)
    for expected in ("推送通知", "未匹配学院", "Orphan paper", "图书馆学科服务部", "2025-11"):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    # Cover, contents, summary, then one page per notice, then the appendix.
    assert len(list(tmp_path.glob("page-*.png"))) >= 3 + len(schools) + 1
