"""``analyst-app contribution`` end to end: JSON contract, CSV, table, --unmatched, bad mapping → exit 2."""

from __future__ import annotations

import csv
import io
import json

import pytest

from analyst_app.cli import main
from tests.test_contribution_sample import OURS, RAW, RULES, UNMATCHED, _expected

JSON_KEYS = ["school", "field", "papers", "cites", "hcp", "papers_share", "cites_share",
             "hcp_share"]


@pytest.fixture(scope="module")
def cli_ws(tmp_path_factory):
    if not RAW.is_file():
        pytest.skip(f"real sample export {RAW} not found (CI provides ../shared/samples)")
    folder = tmp_path_factory.mktemp("contribution_cli")
    path = folder / "ws.sqlite"
    assert main(["import", str(RAW), "-w", str(path)]) == 0
    assert main(["workspace", "set-institution", OURS, "-w", str(path)]) == 0
    schools = folder / "ncepu.csv"
    with open(schools, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["school", "pattern", "priority"])
        writer.writerows(RULES)
    return path, schools


@pytest.fixture(scope="module")
def fields(cli_ws):
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.corpus import publications_frame
    ws = open_workspace(cli_ws[0], create=False)
    try:
        with ws.session() as session:
            frame = publications_frame(session.connection())
    finally:
        ws.close()
    return {ut: field for ut, field in zip(frame["ut"], frame["esi_field"]) if field}


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["contribution", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_exactly_the_contract_keys(cli_ws, fields, capsys):
    ws, schools = cli_ws
    code, out, _ = _run(capsys, "-w", str(ws), "--schools", str(schools),
                        "--counting", "fractional", "--format", "json")
    assert code == 0
    records = json.loads(out)
    expected = _expected(fields, "fractional")
    assert len(records) == len(expected)
    for record in records:
        assert list(record) == JSON_KEYS  # --institution defaulted to the workspace setting
        papers, cites, _, field_papers, field_cites, _ = expected[record["school"], record["field"]]
        assert record["papers"] == pytest.approx(papers)
        assert record["papers_share"] == pytest.approx(papers / field_papers)
        assert record["cites_share"] == pytest.approx(cites / field_cites)
        assert record["hcp_share"] is None or 0 <= record["hcp_share"] <= 1
    engineering = [r for r in records if r["field"] == "ENGINEERING"]
    assert sum(r["papers_share"] for r in engineering) == pytest.approx(1.0)
    assert any(r["school"] == UNMATCHED for r in engineering)


def test_csv_and_table(cli_ws, fields, capsys):
    ws, schools = cli_ws
    code, out, _ = _run(capsys, "-w", str(ws), "--institution", OURS, "--schools", str(schools),
                        "--counting", "full", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == JSON_KEYS
    expected = _expected(fields, "full")
    for row in rows:
        assert float(row["papers"]) == expected[row["school"], row["field"]][0]
    code, out, _ = _run(capsys, "-w", str(ws), "--schools", str(schools), "--counting", "full")
    assert code == 0
    assert "Full counting" in out and "经济与管理学院" in out and "%" in out


def test_unmatched_lists_addresses_by_count(cli_ws, capsys):
    ws, schools = cli_ws
    code, out, _ = _run(capsys, "-w", str(ws), "--schools", str(schools), "--unmatched",
                        "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [r["papers"] for r in listed] == sorted((r["papers"] for r in listed), reverse=True)
    assert listed[0]["papers"] == 5 and all(OURS in r["text"] for r in listed)


def test_invalid_pattern_exits_2_naming_file_line_and_column(cli_ws, tmp_path, capsys):
    ws, _ = cli_ws
    bad = tmp_path / "bad.csv"
    bad.write_text("school,pattern\n经济与管理学院,Sch Econ & Management\n电气,re:Sch (Elect\n",
                   encoding="utf-8")
    before = ws.read_bytes()
    code, out, err = _run(capsys, "-w", str(ws), "--schools", str(bad), "--format", "json")
    assert code == 2 and out == ""
    assert f"{bad}:3:" in err and "column 'pattern'" in err
    assert ws.read_bytes() == before


def test_missing_columns_exit_2(cli_ws, tmp_path, capsys):
    ws, _ = cli_ws
    bad = tmp_path / "cols.csv"
    bad.write_text("学院名称,地址\nA,B\n", encoding="utf-8")
    code, _, err = _run(capsys, "-w", str(ws), "--schools", str(bad))
    assert code == 2 and "missing column(s) school, pattern" in err


def test_highly_cited_papers_come_from_the_esi_list_when_imported(tmp_path):
    # The demo story: WoS records without HC flags, and an ESI Highly Cited Papers list
    # naming some of them. Those publications count as highly cited for their schools.
    from analyst_app.db.workspace import open_workspace
    from analyst_app.esi_papers_generator import write_papers_file
    from analyst_app.services.contribution import contribution
    from analyst_app.services.corpus import addresses_frame, publications_frame
    from analyst_app.services.imports import import_files
    from analyst_app.wos_generator import write_wos_corpus
    ws = open_workspace(tmp_path / "w.sqlite")
    [wos] = write_wos_corpus(tmp_path / "wos.txt", 600, seed=3)
    assert import_files(ws, [wos])[0].status == "imported"
    with ws.session() as session:
        pubs = publications_frame(session.connection())
        addrs = addresses_frame(session.connection())
    ours = set(addrs.loc[addrs["organisation"] == "Dalian Univ Technol", "publication_id"])
    chosen = pubs[pubs["publication_id"].isin(ours) & pubs["esi_field"].notna()].head(5)
    papers = [{"ut": r.ut, "doi": r.doi or "", "pmid": "", "title": r.title, "authors": ["X, Y"],
               "source": "J", "field": r.esi_field, "times_cited": 100, "countries": ["CHINA"],
               "addresses": ["Dalian Univ Technol, Dalian, Peoples R China"],
               "institutions": ["DALIAN UNIVERSITY OF TECHNOLOGY"],
               "publication_date": str(r.year)} for r in chosen.itertuples()]
    write_papers_file(tmp_path / "hcp.csv", papers, kind="hcp")
    assert import_files(ws, [tmp_path / "hcp.csv"], release="2025-11")[0].status == "imported"
    mapping = tmp_path / "m.csv"
    mapping.write_text("school,pattern\nAll,re:.\n", encoding="utf-8")
    report = contribution(ws, "Dalian Univ Technol", mapping, "full")
    table = report.result.table
    mine = pubs[pubs["publication_id"].isin(ours) & pubs["esi_field"].notna()]
    flagged = mine[mine["highly_cited"] | mine["ut"].isin(set(chosen["ut"]))]
    expected = flagged.groupby("esi_field").size()
    got = table[table["school"] == "All"].set_index("field")["hcp"]
    for field, count in expected.items():
        assert got[field] == count, field
    assert "ESI Highly Cited Papers list of release 2025-11" in report.parameters["hcp_basis"]
    ws.close()
