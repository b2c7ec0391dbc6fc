"""Every bibliographic sample through the real pipeline: exact counts alone and together,
one record per paper across formats, bad input, and a killed import."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from analyst_app.db.queries import table_counts
from analyst_app.db.workspace import open_workspace
from analyst_app.services.imports import import_files
from tests.conftest import SAMPLES

# Records per file as SOURCES.md gives them.
EXPECTED = {
    "wos_plain/wosanalysis_savedrecs_833.txt": 833,
    "wos_plain/wosanalysis_savedrecs_zhUI_609.txt": 609,
    "wos_plain/blacksilicon_savedrecs_500.txt": 500,
    "wos_plain/metaknowledge_savedrecs_32.txt": 32,
    "wos_plain/tethne_wos_10.txt": 10,
    "wos_tab/scientopy_wos_tab_1000.txt": 1000,
    "wos_tab/wenlei_wos_tab_42.txt": 42,
    "wos_tab/wenlei_allDB_tab_276.txt": 276,
    "wos_tab/wosanalysis_savedrecs_1000.xlsx": 1000,
    "scopus_csv/amg_scopus_580.csv": 580,
    "scopus_csv/helioszjr_scopus_81.csv": 81,
    "scopus_csv/tethne_scopus_20.csv": 20,
    "scopus_csv/liziyue_scopus_zh-CN_headers.csv": 694,
    "cnki/cnki_refworks_410.txt": 410,
    "cnki/cnki_endnote_40.txt": 40,
    "cnki/cnki_noteexpress_mixed_12.net": 12,
}


def _samples() -> list[Path]:
    files = [SAMPLES / name for name in EXPECTED]
    if not all(f.exists() for f in files):
        pytest.skip(f"bibliographic sample exports not found under {SAMPLES}")
    return files


def test_all_samples_together_import_exactly(tmp_path):
    files = _samples()
    ws = open_workspace(tmp_path / "all.sqlite")
    reports = import_files(ws, files)
    for path, report in zip(files, reports):
        assert report.status == "imported", report.message
        assert report.read == EXPECTED[f"{path.parent.name}/{path.name}"], path.name
        assert report.skipped == 0 and report.stored + report.merged == report.read
    with ws.session() as session:
        publications = session.execute(text("SELECT count(*) FROM publication")).scalar()
        occurrences = session.execute(text("SELECT count(*) FROM publication_occurrence")).scalar()
    assert occurrences == sum(EXPECTED.values())
    assert publications == sum(r.stored for r in reports)
    # Importing everything again stores nothing and says so.
    again = import_files(ws, files)
    assert {r.status for r in again} == {"duplicate_file"}
    ws.close()


def _tab_to_plain(tab: Path, out: Path, rows: int) -> list[dict[str, str]]:
    """Write the first ``rows`` records of a WoS tab-delimited export as WoS plain text."""
    with open(tab, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        records = [dict(zip(header, row)) for _, row in zip(range(rows), reader)]
    multi = {"AU", "AF", "C1", "CR", "BA", "BF", "CA"}
    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for record in records:
        for tag in header:
            value = record.get(tag, "").strip()
            if not tag or not value:
                continue
            items = value.split("; ") if tag in multi else [value]
            lines.append(f"{tag} {items[0]}")
            lines.extend(f"   {item}" for item in items[1:])
        lines += ["ER", ""]
    lines.append("EF")
    out.write_text("\n".join(lines), encoding="utf-8")
    return records


def test_same_records_from_tab_and_plain_text_end_as_one_each(tmp_path):
    _samples()
    tab = SAMPLES / "wos_tab" / "wenlei_wos_tab_42.txt"
    plain = tmp_path / "same_search.txt"
    records = _tab_to_plain(tab, plain, 42)
    ws = open_workspace(tmp_path / "w.sqlite")
    first, second = import_files(ws, [tab, plain])
    assert (first.stored, first.merged) == (42, 0)
    assert (second.read, second.stored, second.merged) == (42, 0, 42)
    with ws.session() as session:
        rows = session.execute(text("SELECT ut, sources FROM publication")).all()
        linked = session.execute(text(
            "SELECT count(*) FROM publication_occurrence WHERE match_rule IN ('doi', 'ut')")).scalar()
    assert len(rows) == 42 and linked == 42
    assert {r.ut for r in rows} == {f"WOS:{r['UT'].removeprefix('WOS:')}" for r in records}
    ws.close()


def _table_snapshot(path: Path) -> dict[str, int]:
    ws = open_workspace(path, create=False)
    try:
        with ws.session() as session:
            return table_counts(session)
    finally:
        ws.close()


def test_a_killed_import_leaves_the_workspace_as_it_was(tmp_path):
    from analyst_app.wos_generator import write_wos_corpus
    files = _samples()
    ws_path = tmp_path / "w.sqlite"
    ws = open_workspace(ws_path)
    assert import_files(ws, files[:1])[0].status == "imported"
    ws.close()
    before = _table_snapshot(ws_path)
    corpus = write_wos_corpus(tmp_path / "big.txt", 20000, refs_per_record=10)
    child = subprocess.Popen([sys.executable, "-m", "analyst_app", "import", str(corpus[0]),
                              "-w", str(ws_path)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    # Kill it once it is well into the file: its uncommitted pages are reaching the WAL.
    wal = ws_path.with_name(ws_path.name + "-wal")
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline and (
            not wal.exists() or wal.stat().st_size < 1 << 20):
        time.sleep(0.02)
    assert child.poll() is None, "the import finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert _table_snapshot(ws_path) == before
    # Its parse worker (a forked child with the same command line) ends too: its pipe broke.
    deadline = time.monotonic() + 10
    while _processes_naming(ws_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(ws_path) == []


def _processes_naming(path: Path) -> list[int]:
    """Pids of live processes whose command line contains ``path`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if str(path).encode() in (entry / "cmdline").read_bytes() and \
                    "Z" not in (entry / "stat").read_text().split(")")[-1][:3]:
                found.append(int(entry.name))
        except OSError:
            continue
    return found
