"""The push list (new highly cited / hot papers of ours), the CLI, and the 0004 → 0005 upgrade."""

from __future__ import annotations

import json
import sqlite3

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from analyst_app.cli import main
from analyst_app.db import migrations
from analyst_app.db.workspace import open_workspace
from analyst_app.esi_papers_generator import random_papers, write_papers_file
from analyst_app.services.corpus import addresses_frame, authorships_frame, publications_frame
from analyst_app.services.esi_papers import PUSH_JSON_KEYS, push_list
from analyst_app.services.imports import import_files
from analyst_app.wos_generator import write_wos_corpus

US = "DALIAN UNIVERSITY OF TECHNOLOGY"
US_WOS = "Dalian Univ Technol"


def _school(address: str) -> str | None:
    return "化工学院" if "Sch Chem Engn" in address else None


@pytest.fixture(scope="module")
def wos_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wos")
    [path] = write_wos_corpus(folder / "wos.txt", 150, seed=3, refs_per_record=2)
    return path


@pytest.fixture()
def corpus(tmp_path, wos_file):
    """A workspace with 150 generated WoS records and our institution set; its frames."""
    ws = open_workspace(tmp_path / "w.sqlite")
    assert import_files(ws, [wos_file])[0].status == "imported"
    ws.set_institution(US, ["DALIAN UNIV TECHNOL"])
    with ws.session() as session:
        connection = session.connection()
        frames = (publications_frame(connection), authorships_frame(connection),
                  addresses_frame(connection))
    yield ws, frames
    ws.close()


def _as_esi(pub, addresses, bylines, *, strip: str = "") -> dict:
    """An ESI paper row for one of our WoS publications (``strip``: drop ut / affiliation)."""
    mine = addresses[addresses["publication_id"] == pub.publication_id]
    ours = mine["text"].str.startswith(US_WOS).any()
    return {
        "ut": "" if strip == "ut" else pub.ut, "doi": pub.doi or "", "pmid": "",
        "title": pub.title,
        "authors": list(bylines.loc[bylines["publication_id"] == pub.publication_id, "full_name"]),
        "source": pub.source_title or "", "field": "CHEMISTRY", "times_cited": 100,
        "countries": ["CHINA MAINLAND"],
        "addresses": [] if strip == "affiliation" else list(mine["text"]),
        "institutions": [] if strip == "affiliation" else
        ([US] if ours else [o.upper() for o in mine["organisation"].dropna()]),
        "publication_date": str(pub.year),
    }


def test_push_list_holds_exactly_the_papers_of_ours_new_in_release(corpus, tmp_path):
    ws, (pubs, bylines, addresses) = corpus
    our_ids = set(addresses.loc[addresses["text"].str.startswith(US_WOS), "publication_id"])
    ours = [p for p in pubs.itertuples() if p.publication_id in our_ids and p.doi]
    theirs = [p for p in pubs.itertuples() if p.publication_id not in our_ids][:12]
    assert len(ours) >= 12
    strip = {0: "ut", 9: "ut", 10: "affiliation", 4: "affiliation"}
    o = [_as_esi(p, addresses, bylines, strip=strip.get(i, "")) for i, p in enumerate(ours[:12])]
    f = [_as_esi(p, addresses, bylines) for p in theirs]
    extra = random_papers(20, seed=9, our_share=0.4)  # ESI-only papers, no WoS record
    before = o[:8] + f[:6] + extra[:10]
    now = o[3:12] + f[2:12] + extra[5:20]
    write_papers_file(tmp_path / "r1.csv", before, kind="hcp")
    write_papers_file(tmp_path / "r2.csv", now, kind="hcp")
    assert [r.status for r in import_files(ws, [tmp_path / "r1.csv"], release="2025-09")] == ["imported"]
    # Only one release: nothing to compare with, every paper of ours is listed.
    single = push_list(ws, kind="hcp").result
    assert single.previous == {"hcp": None} and set(single.table["new"].map(repr)) == {"None"}
    assert "cannot be told apart" in single.notes[0]
    assert [r.status for r in import_files(ws, [tmp_path / "r2.csv"], release="2025-11")] == ["imported"]

    def is_ours(paper: dict) -> bool:
        return paper in o or US in paper["institutions"]

    # Every paper here has a DOI: compare by DOI (a UT-less row gets its UT from WoS).
    earlier = {p["doi"].lower() for p in before}
    expected = {p["doi"].lower() for p in now if is_ours(p) and p["doi"].lower() not in earlier}
    report = push_list(ws, kind="hcp", school_of=_school)
    table = report.result.table
    got = set(table["doi"])
    assert got == expected and len(expected) >= 4
    assert report.result.previous == {"hcp": "2025-09"} and table["new"].all()
    # Matched to our WoS records by DOI when the ESI row has no accession number, and
    # recognised as ours through the WoS addresses when the ESI row names no affiliation.
    by_doi = table[table["doi"] == o[9]["doi"].lower()].iloc[0]
    assert by_doi["matched_by"] == "doi" and by_doi["ut"] == ours[9].ut
    assert table.loc[table["doi"] == o[10]["doi"].lower(), "ours_by"].item() == "publication_addresses"
    # Authors to notify: from the byline, only those linked to our addresses.
    for row in table[table["matched_by"].notna()].itertuples():
        byline = set(bylines.loc[bylines["publication_id"] == row.publication_id, "full_name"])
        assert row.authors and set(row.authors) <= byline
        assert all(a.startswith(US_WOS) for a in row.addresses)
        assert row.schools == (["化工学院"] if any("Sch Chem Engn" in a for a in row.addresses)
                               else [])
    # Every paper of ours (--all) also lists those not new, flagged so.
    everything = push_list(ws, kind="hcp", only_new=False).result.table
    assert set(everything.loc[everything["new"] == True, "title"]) == set(table["title"])  # noqa: E712
    assert len(everything) == sum(is_ours(p) for p in now)


def test_wos_flags_stand_in_when_no_esi_list_exists(corpus):
    ws, (pubs, _, addresses) = corpus
    our_ids = set(addresses.loc[addresses["text"].str.startswith(US_WOS), "publication_id"])
    flagged = set(pubs.loc[pubs["highly_cited"] & pubs["publication_id"].isin(our_ids), "ut"])
    result = push_list(ws, kind="both").result
    assert result.release is None
    hcp = result.table[result.table["kind"] == "hcp"]
    assert set(hcp["ut"]) == flagged and set(hcp["basis"]) <= {"wos_flag"}
    assert any("highly_cited flags" in n for n in result.notes)


def test_cli_push_list_end_to_end(corpus, tmp_path, capsys):
    ws, (pubs, bylines, addresses) = corpus
    workspace = str(ws.path)
    ws.close()
    first = random_papers(15, seed=31, our_share=0.5)
    second = first[:10] + random_papers(6, seed=32, our_share=0.5)
    write_papers_file(tmp_path / "h1.csv", first, kind="hot")
    write_papers_file(tmp_path / "h2.xlsx", second, kind="hot", fmt="xlsx")
    assert main(["import", str(tmp_path / "h1.csv"), "-w", workspace, "--release", "2025-09"]) == 0
    assert main(["import", str(tmp_path / "h2.xlsx"), "-w", workspace, "--release", "2025-11"]) == 0
    capsys.readouterr()
    xlsx = tmp_path / "push.xlsx"
    assert main(["esi", "push-list", "-w", workspace, "--kind", "hot", "--format", "json",
                 "--xlsx", str(xlsx)]) == 0
    records = json.loads(capsys.readouterr().out)
    expected = {p["ut"] for p in second[10:] if US in p["institutions"]}
    assert {r["ut"] for r in records} == expected
    assert all(list(r)[:10] == list(PUSH_JSON_KEYS)[:10] for r in records)
    assert all(r["new"] is True and r["release"] == "2025-11" and isinstance(r["authors"], list)
               and isinstance(r["addresses"], list) for r in records)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["高被引与热点论文推送", "参数与来源"]
    assert book.worksheets[0].max_row == len(records) + 1
    assert main(["esi", "push-list", "-w", workspace, "--kind", "hot", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "ESI release 2025-11 (hot vs 2025-09)" in out and f"{len(records)} paper(s)" in out
    # Both kinds: no highly cited list, so the WoS flags of our records stand in for it.
    assert main(["esi", "push-list", "-w", workspace, "--format", "table"]) == 0
    assert "no ESI highly cited papers list" in capsys.readouterr().out
    assert main(["esi", "push-list", "-w", workspace, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("ut,doi,title,kind,field,release,new")
    # Bad input: exit 2 and one line naming the problem.
    assert main(["esi", "push-list", "-w", workspace, "--release", "2024-01"]) == 2
    assert "no highly cited / hot paper list" in capsys.readouterr().err
    # A school mapping names the schools; one matching every address names them all.
    mapping = tmp_path / "schools.csv"
    mapping.write_text("school,pattern\n全校,re:.\n", encoding="utf-8")
    assert main(["esi", "push-list", "-w", workspace, "--kind", "hot", "--format", "json",
                 "--schools", str(mapping)]) == 0
    with_schools = json.loads(capsys.readouterr().out)
    assert {r["ut"] for r in with_schools} == expected
    assert all(r["schools"] == ["全校"] for r in with_schools if r["addresses"])
    mapping.write_text("school,pattern\nX,re:(\n", encoding="utf-8")
    assert main(["esi", "push-list", "-w", workspace, "--schools", str(mapping)]) == 2
    assert "schools.csv:2: column 'pattern'" in capsys.readouterr().err


def test_workspace_at_0004_is_upgraded_and_keeps_its_data(tmp_path, wos_file):
    path = tmp_path / "old.sqlite"
    # A workspace as the previous version left it: WoS records imported, then the 0005
    # tables dropped and the schema stamped 0004 (what 0004's upgrade had created).
    ws = open_workspace(path)
    assert import_files(ws, [wos_file])[0].status == "imported"
    ws.set_institution(US)
    ws.close()
    with sqlite3.connect(path) as conn:
        for table in ("esi_journal", "esi_journal_list", "esi_paper", "esi_paper_list"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("publication", "authorship", "publication_address", "import_batch")}
    ws = open_workspace(path)
    try:
        assert ws.backup is not None and migrations.current_revision(ws.engine) == "0005"
        with ws.engine.connect() as conn:
            assert {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                    for t in counts} == counts
            assert conn.execute(text("SELECT count(*) FROM esi_paper")).scalar() == 0
        assert ws.institution()[0] == US
    finally:
        ws.close()
