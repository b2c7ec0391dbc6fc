"""Large exports parsed in a worker process store exactly what the in-process path stores.

Every test lowers :data:`parse_worker.MIN_BYTES` so that small generated files take the
worker path; the worker inherits the patched module (``fork``) on Linux.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import text

from analyst_app.db.store_publications import DEFERRED_INDEXES
from analyst_app.db.workspace import open_workspace
from analyst_app.importers.registry import importer_by_id
from analyst_app.services import parse_worker
from analyst_app.services.imports import import_files
from analyst_app.tasks import CancelToken
from analyst_app.wos_generator import write_wos_corpus

_TABLES = {
    "publication": "*",
    "authorship": "*",
    "publication_address": "*",
    "publication_occurrence": "publication_id, batch_id, source, source_line, match_rule, merge_id",
    "merge_log": "id, publication_id, batch_id, source, source_line, rule, match_key, changes, "
                 "incoming",
}


@pytest.fixture()
def worker_always(monkeypatch):
    """Send every publication export through the worker, in chunks of 20, 40, then 70 records."""
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 0)
    monkeypatch.setattr(parse_worker, "CHUNK", 70)
    monkeypatch.setattr(parse_worker, "FIRST_CHUNK", 20)
    monkeypatch.delenv(parse_worker.ENV_SWITCH, raising=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A generated export of 400 records pasted twice (EF in the middle): 400 merges."""
    folder = tmp_path_factory.mktemp("corpus")
    once = write_wos_corpus(folder / "once.txt", 400, refs_per_record=8, seed=3)[0]
    text_once = once.read_text(encoding="utf-8-sig")
    twice = folder / "twice.txt"
    twice.write_text(text_once + "\n" + text_once, encoding="utf-8")
    return twice


def _dump(path: Path) -> dict[str, list[tuple]]:
    ws = open_workspace(path, create=False)
    try:
        with ws.session() as session:
            return {table: session.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2"))
                    .all() for table, columns in _TABLES.items()}
    finally:
        ws.close()


def _indexes(path: Path) -> set[str]:
    ws = open_workspace(path, create=False)
    try:
        with ws.session() as session:
            return set(session.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    finally:
        ws.close()


def _import(path: Path, files: list[Path], **kwargs):
    ws = open_workspace(path)
    try:
        return import_files(ws, files, **kwargs)
    finally:
        ws.close()


def _report(report) -> tuple:
    return (report.status, report.read, report.stored, report.merged, report.skipped,
            [p.as_dict() for p in report.problems], report.warnings, report.details)


def test_worker_and_in_process_store_the_same_rows(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "off")
    (inline,) = _import(tmp_path / "inline.sqlite", [corpus])
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "on")
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 0)
    monkeypatch.setattr(parse_worker, "CHUNK", 70)
    monkeypatch.setattr(parse_worker, "FIRST_CHUNK", 20)
    (worker,) = _import(tmp_path / "worker.sqlite", [corpus])
    assert (inline.read, inline.stored, inline.merged) == (800, 400, 400)
    assert _report(worker) == _report(inline)
    assert _dump(tmp_path / "worker.sqlite") == _dump(tmp_path / "inline.sqlite")
    # The indexes a bulk import builds at the end are all there.
    assert set(DEFERRED_INDEXES) <= _indexes(tmp_path / "worker.sqlite")
    assert _indexes(tmp_path / "worker.sqlite") == _indexes(tmp_path / "inline.sqlite")


def test_a_spawned_worker_stores_the_same_rows(tmp_path, corpus, monkeypatch):
    # Windows and macOS start workers with spawn: a fresh interpreter that imports the
    # importer by name and gets nothing of this process's state.
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "off")
    (inline,) = _import(tmp_path / "inline.sqlite", [corpus])
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "on")
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 0)
    monkeypatch.setattr(parse_worker, "START_METHOD", "spawn")
    (worker,) = _import(tmp_path / "worker.sqlite", [corpus])
    assert _report(worker) == _report(inline)
    assert _dump(tmp_path / "worker.sqlite") == _dump(tmp_path / "inline.sqlite")


def test_a_second_file_merges_into_the_workspace_through_the_worker(tmp_path, corpus,
                                                                  worker_always):
    once = corpus.with_name("once.txt")
    first, second = _import(tmp_path / "w.sqlite", [once, corpus])
    assert (first.stored, second.stored, second.merged) == (400, 0, 800)


def test_problems_and_line_numbers_come_back_from_the_worker(tmp_path, corpus, worker_always):
    lines = corpus.read_text(encoding="utf-8").split("\n")
    cut = len(lines) - 40  # inside the last record: no ER, the file looks truncated
    truncated = tmp_path / "truncated.txt"
    truncated.write_text("\n".join(lines[:cut]), encoding="utf-8")
    (report,) = _import(tmp_path / "w.sqlite", [truncated])
    start = max(i for i, line in enumerate(lines[:cut]) if line.startswith("PT ")) + 1
    assert report.status == "imported" and report.skipped == 1
    assert report.read == 800 and report.stored + report.merged == 799
    assert report.problems[0].line == start
    assert "truncated" in report.problems[0].message


def test_a_file_that_turns_out_not_to_be_wos_is_rejected_whole(tmp_path, corpus,
                                                                worker_always):
    # The head says WoS, nothing after it is a record: the worker's InputError comes back
    # with its file and line, and the workspace keeps what it had.
    ws_path = tmp_path / "w.sqlite"
    _import(ws_path, [corpus.with_name("once.txt")])
    before = _dump(ws_path)
    fake = tmp_path / "fake.txt"
    fake.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n"
                    + "no record here\n" * 20000, encoding="utf-8")
    (report,) = _import(ws_path, [fake])
    assert report.status == "rejected", report.message
    assert report.problems[0].line == 1 and str(fake) in report.message
    assert "no Web of Science records" in report.message
    assert _dump(ws_path) == before


def test_cancel_stops_the_worker_and_stores_nothing(tmp_path, corpus, worker_always):
    token = CancelToken()
    seen: list[float] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if message.startswith("storing") and fraction > 0.35:
            token.cancel()  # after the first chunks are stored

    ws_path = tmp_path / "w.sqlite"
    (report,) = _import(ws_path, [corpus], progress=progress, cancel=token)
    assert report.status == "cancelled"
    assert _dump(ws_path)["publication"] == []
    assert set(DEFERRED_INDEXES) <= _indexes(ws_path)  # the rollback restored them
    assert multiprocessing.active_children() == []


def test_a_crashed_worker_is_reported_and_rolled_back(tmp_path, corpus, worker_always,
                                                      monkeypatch):
    from analyst_app.db import row_bundles
    calls = iter(range(10**6))
    real = row_bundles.record_bundle

    def failing(record, *args, **kwargs):
        if next(calls) == 150:  # a bug in the worker, after two chunks were sent
            raise ZeroDivisionError("division by zero")
        return real(record, *args, **kwargs)

    monkeypatch.setattr(row_bundles, "record_bundle", failing)
    ws_path = tmp_path / "w.sqlite"
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        _import(ws_path, [corpus])
    assert _dump(ws_path)["publication"] == []
    assert multiprocessing.active_children() == []


def test_only_large_publication_exports_use_the_worker(tmp_path, monkeypatch):
    monkeypatch.delenv(parse_worker.ENV_SWITCH, raising=False)
    small = tmp_path / "small.txt"
    small.write_text("PT J\nTI x\nER\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * parse_worker.MIN_BYTES)
    plain = importer_by_id("wos_plain")
    assert not parse_worker.wanted(plain, small)
    assert parse_worker.wanted(plain, big)
    assert not parse_worker.wanted(importer_by_id("esi_institutions"), big)
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "off")
    assert not parse_worker.wanted(plain, big)


def test_the_worker_hashes_the_file_and_a_second_import_is_a_duplicate(tmp_path, corpus,
                                                                        worker_always):
    from analyst_app.importers.base import file_sha256
    ws_path = tmp_path / "w.sqlite"
    first, again = _import(ws_path, [corpus, corpus])
    assert first.status == "imported" and again.status == "duplicate_file"
    assert again.batch_id == first.batch_id
    ws = open_workspace(ws_path, create=False)
    with ws.session() as session:
        stored = session.execute(text("SELECT sha256 FROM import_batch")).scalar_one()
    ws.close()
    assert stored == file_sha256(corpus)


@pytest.fixture(scope="module")
def batches(tmp_path_factory) -> list[Path]:
    """Six WoS exports of 120 records, like a search downloaded in batches."""
    folder = tmp_path_factory.mktemp("batches")
    return write_wos_corpus(folder / "search.txt", 700, refs_per_record=8, seed=5,
                            records_per_file=120)


def test_several_files_are_parsed_ahead_and_stored_as_in_process(tmp_path, batches,
                                                                monkeypatch):
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "off")
    inline = _import(tmp_path / "inline.sqlite", batches)
    monkeypatch.setenv(parse_worker.ENV_SWITCH, "on")
    monkeypatch.setattr(parse_worker, "MIN_AHEAD_BYTES", 0)
    started: list[str] = []
    real = parse_worker.read_in_worker

    def counting(spec, path, encoding, **kwargs):
        started.append(path.name)
        return real(spec, path, encoding, **kwargs)

    monkeypatch.setattr(parse_worker, "read_in_worker", counting)
    ahead = _import(tmp_path / "ahead.sqlite", batches)
    assert started == [p.name for p in batches]
    assert [_report(r) for r in ahead] == [_report(r) for r in inline]
    assert _dump(tmp_path / "ahead.sqlite") == _dump(tmp_path / "inline.sqlite")
    assert multiprocessing.active_children() == []


def test_a_file_listed_twice_is_hashed_first_and_stored_once(tmp_path, batches, monkeypatch):
    monkeypatch.setattr(parse_worker, "MIN_AHEAD_BYTES", 0)
    monkeypatch.delenv(parse_worker.ENV_SWITCH, raising=False)
    reports = _import(tmp_path / "w.sqlite", [batches[0], batches[1], batches[0]])
    assert [r.status for r in reports] == ["imported", "imported", "duplicate_file"]
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_workers_parsing_ahead(tmp_path, batches, monkeypatch):
    monkeypatch.setattr(parse_worker, "MIN_AHEAD_BYTES", 0)
    monkeypatch.delenv(parse_worker.ENV_SWITCH, raising=False)
    token = CancelToken()

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.4:  # inside the third file, the next ones being parsed
            token.cancel()

    reports = _import(tmp_path / "w.sqlite", batches, progress=progress, cancel=token)
    statuses = [r.status for r in reports]
    assert statuses[:2] == ["imported", "imported"] and set(statuses[2:]) == {"cancelled"}
    assert len(_dump(tmp_path / "w.sqlite")["publication"]) == sum(r.stored for r in reports[:2])
    assert multiprocessing.active_children() == []


def test_when_no_process_can_be_started_the_file_is_read_in_process(tmp_path, corpus,
                                                                   worker_always, monkeypatch):
    import multiprocessing.process

    def refuse(self):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    (report,) = _import(tmp_path / "w.sqlite", [corpus])
    assert (report.status, report.stored, report.merged) == ("imported", 400, 400)
