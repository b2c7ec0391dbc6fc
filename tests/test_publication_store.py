"""Storing publication streams: deduplication across files and sources, merge log, undo."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analyst_app.db.queries import merge_log_frame, publications_count, publications_page, table_counts
from analyst_app.db.publication_rows import load_record
from analyst_app.domain.records import Address, Author, PublicationRecord
from analyst_app.importers.base import ParsedFile
from analyst_app.services import imports
from analyst_app.services.merges import undo_merge


def _record(source: str, line: int, **values) -> PublicationRecord:
    record = PublicationRecord(source=source, source_line=line)
    for key, value in values.items():
        setattr(record, key, value)
    return record


WOS_A = dict(title="Carbon capture with amine-functionalised metal organic frameworks", year=2021,
             doi="10.1016/j.cej.2021.000001", ut="WOS:000600000000001",
             authors=[Author("Zhang, Wei", "Zhang, W", address_positions=[0]),
                      Author("Li, Na", "Li, N", corresponding=True, address_positions=[0, 1])],
             addresses=[Address("Dalian Univ Technol, Sch Chem Engn, Dalian 116024, Peoples R China",
                                "Dalian Univ Technol", "Peoples R China"),
                        Address("MIT, Cambridge, MA 02139 USA", "MIT", "USA")],
             cited_references=["Smith J, 2019, NATURE, V1, P1", "Wang X, 2020, SCIENCE, V2, P3"],
             keywords_author=["carbon capture", "MOF"], categories=["Engineering, Chemical"],
             times_cited=12)
SCOPUS_A = dict(title="Carbon capture with amine-functionalised metal-organic frameworks", year=2021,
                doi="10.1016/J.CEJ.2021.000001".lower(), eid="2-s2.0-85100000001",
                authors=[Author("Zhang, Wei", "Zhang W."), Author("Li, Na", "Li N.")],
                addresses=[Address("Dalian University of Technology, Dalian, China")],
                keywords_author=["Carbon capture", "adsorption"], times_cited=15,
                abstract="A longer abstract from Scopus.")


def _import_records(workspace, tmp_path: Path, name: str, records: list[PublicationRecord],
                    monkeypatch) -> imports.ImportReport:
    """Import ``records`` as if a publications importer had read them from a file."""
    path = tmp_path / name
    path.write_text(name + "".join(r.title for r in records), encoding="utf-8")

    def read(_path, encoding):
        parsed = ParsedFile(kind="publications", records=iter(()), rows_read=0, encoding=encoding)

        def stream():
            for record in records:
                parsed.rows_read += 1
                yield record
        parsed.records = stream()
        return parsed

    from analyst_app.importers.base import ImporterSpec
    spec = ImporterSpec(id="fake_pub", label="fake", version="0", detect=lambda h: 1.0, read=read)
    monkeypatch.setattr(imports, "detect_format",
                        lambda p: type("D", (), {"spec": spec, "head": type("H", (), {"encoding": "utf-8"})(),
                                                 "reason": ""})())
    return imports.import_file(workspace, path)


def test_duplicates_across_sources_merge_keeping_the_best_of_each(workspace, tmp_path, monkeypatch):
    first = _import_records(workspace, tmp_path, "wos.txt", [_record("wos", 1, **WOS_A)], monkeypatch)
    second = _import_records(workspace, tmp_path, "scopus.csv", [_record("scopus", 2, **SCOPUS_A)],
                             monkeypatch)
    assert (first.stored, first.merged) == (1, 0)
    assert (second.stored, second.merged, second.read) == (0, 1, 1)
    with workspace.session() as session:
        assert publications_count(session) == 1
        log = merge_log_frame(session)
        record, sources = load_record(session.connection(), 1)
    assert sources == "wos,scopus"
    assert log.iloc[0]["rule"] == "doi"
    # WoS cited references and linked byline survive; Scopus fills EID and the longer abstract.
    assert record.cited_references == WOS_A["cited_references"]
    assert [a.address_positions for a in record.authors] == [[0], [0, 1]]
    assert record.eid == "2-s2.0-85100000001" and record.abstract == "A longer abstract from Scopus."
    assert record.times_cited == 15 and record.keywords_author == ["carbon capture", "MOF", "adsorption"]


def test_title_year_author_match_without_identifiers_and_conflicting_dois(workspace, tmp_path, monkeypatch):
    base = dict(WOS_A, doi=None, ut=None)
    _import_records(workspace, tmp_path, "a.txt", [_record("wos", 1, **base)], monkeypatch)
    same = _import_records(workspace, tmp_path, "b.txt", [_record("cnki", 1, **dict(base, eid=None))],
                           monkeypatch)
    assert same.merged == 1
    # Same title, year and author but another DOI: a different paper (e.g. its erratum).
    paper = _import_records(workspace, tmp_path, "c.txt",
                            [_record("wos", 1, **dict(base, year=2022, doi="10.1/paper"))], monkeypatch)
    erratum = _import_records(workspace, tmp_path, "d.txt",
                              [_record("wos", 1, **dict(base, year=2022, doi="10.1/erratum"))],
                              monkeypatch)
    assert (paper.stored, erratum.stored, erratum.merged) == (1, 1, 0)


def test_duplicates_inside_one_file_and_reimport(workspace, tmp_path, monkeypatch):
    records = [_record("wos", 1, **WOS_A), _record("wos", 80, **WOS_A),
               _record("wos", 160, **dict(WOS_A, doi="10.1/other", ut="WOS:000600000000002"))]
    report = _import_records(workspace, tmp_path, "dup.txt", records, monkeypatch)
    assert (report.read, report.stored, report.merged) == (3, 2, 1)


def test_undo_merge_splits_the_record_back(workspace, tmp_path, monkeypatch):
    _import_records(workspace, tmp_path, "wos.txt", [_record("wos", 1, **WOS_A)], monkeypatch)
    _import_records(workspace, tmp_path, "scopus.csv", [_record("scopus", 2, **SCOPUS_A)], monkeypatch)
    with workspace.session() as session:
        merge_id = int(merge_log_frame(session).iloc[0]["id"])
    new_id = undo_merge(workspace, merge_id)
    with workspace.session() as session:
        kept, kept_sources = load_record(session.connection(), 1)
        split, split_sources = load_record(session.connection(), new_id)
        assert publications_count(session) == 2
        assert not pd.isna(merge_log_frame(session).iloc[0]["undone_at"])
    assert kept.eid is None and kept.abstract is None and kept.times_cited == 12
    assert kept.keywords_author == ["carbon capture", "MOF"] and kept_sources == "wos"
    assert split.eid == "2-s2.0-85100000001" and split_sources == "scopus"
    from analyst_app.errors import InputError
    with pytest.raises(InputError, match="already undone"):
        undo_merge(workspace, merge_id)


def test_record_browser_pages_and_searches(workspace, tmp_path, monkeypatch):
    records = [_record("wos", i, **dict(WOS_A, title=f"Paper number {i:03d} on adsorption processes",
                                         doi=f"10.1/{i}", ut=f"WOS:{i:015d}", year=2000 + i % 5))
               for i in range(1, 41)]
    _import_records(workspace, tmp_path, "many.txt", records, monkeypatch)
    with workspace.session() as session:
        page = publications_page(session, offset=10, limit=10)
        assert list(page["title"].str[:16]) == [f"Paper number {i:03d}" for i in range(11, 21)]
        assert publications_count(session, search="number 007") == 1
        assert publications_count(session, search="li, na") == 40  # author search
        assert publications_count(session, year=2001) == 8


def test_reference_index_is_built_after_import_and_rebuilt_after_a_merge(workspace, tmp_path, monkeypatch):
    from sqlalchemy import text
    from analyst_app.services.references import build_reference_index, reference_format
    _import_records(workspace, tmp_path, "wos.txt", [_record("wos", 1, **WOS_A)], monkeypatch)
    assert build_reference_index(workspace) == 2
    assert build_reference_index(workspace) == 0  # nothing changed since
    with workspace.session() as session:
        keys = session.execute(text("SELECT ref_key FROM cited_reference ORDER BY position")).scalars().all()
    assert keys == ["smithj|2019|nature|1|1", "wangx|2020|science|2|3"]
    # A Scopus duplicate with a longer reference list replaces the references: re-indexed.
    scopus_refs = ["Smith J., Carbon capture, (2019) Nature, 1, pp. 1-5.",
                   "Wang X., Adsorption, (2020) Science, 2, pp. 3-9.",
                   "Li N., MOFs, (2021) Chem. Eng. J., 4, pp. 7-8."]
    _import_records(workspace, tmp_path, "scopus.csv",
                    [_record("scopus", 2, **dict(SCOPUS_A, cited_references=scopus_refs))], monkeypatch)
    assert build_reference_index(workspace) == 3
    assert reference_format(scopus_refs[0]) == "scopus" and reference_format(WOS_A["cited_references"][0]) == "wos"
