"""Peer benchmarking on real exports: numbers checked against the files read by hand.

ESI values are read from the real ESI Institutions exports with the csv module; WoS
indicators are counted from the raw C1, TC, PY and UT lines of a real WoS plain-text export.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import pytest

from analyst_app.cli import main
from analyst_app.db import queries
from analyst_app.db.workspace import open_workspace
from analyst_app.errors import Cancelled, InputError
from analyst_app.services.benchmark import BenchmarkOptions, benchmark, benchmark_json
from analyst_app.services.corpus import publications_frame
from analyst_app.services.imports import import_files
from analyst_app.tasks import CancelToken
from tests.conftest import ESI_SAMPLES, SAMPLES

WOS_FILE = SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt"


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory):
    """A workspace with the real ESI lists (release 2025-11) and the 833-record WoS export."""
    files = sorted(ESI_SAMPLES.glob("esi_institutions_*.csv"))
    if not files or not WOS_FILE.exists():
        pytest.skip(f"real sample exports not found in {SAMPLES}")
    path = tmp_path_factory.mktemp("bench") / "bench.sqlite"
    ws = open_workspace(path)
    reports = import_files(ws, files, release="2025-11") + import_files(ws, [WOS_FILE])
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    ws.set_institution("DALIAN UNIVERSITY OF TECHNOLOGY", ["DALIAN UNIV TECHNOL"])
    yield ws
    ws.close()


def _esi_rows(field_file: str) -> tuple[int, dict[str, list[str]]]:
    """N and the rows by institution of one real ESI export, read with the csv module."""
    with open(ESI_SAMPLES / f"esi_institutions_{field_file}.csv", encoding="utf-8-sig",
              newline="") as handle:
        rows = [r for r in csv.reader(handle) if r and r[0].isdigit()]
    return len(rows), {r[1]: r for r in rows}


@pytest.mark.parametrize("field, field_file", [("CHEMISTRY", "CHEMISTRY"),
                                               ("ENGINEERING", "ENGINEERING")])
def test_esi_rank_percentile_and_cites_per_paper_match_the_file(sample_ws, field, field_file):
    n, rows = _esi_rows(field_file)
    report = benchmark(sample_ws, "TSINGHUA UNIVERSITY", ["PEKING UNIVERSITY"],
                       params=BenchmarkOptions(fields=(field,)))
    table = report.result.esi.set_index("institution")
    assert list(table.index) == ["TSINGHUA UNIVERSITY", "PEKING UNIVERSITY"]
    for name in ("TSINGHUA UNIVERSITY", "PEKING UNIVERSITY"):
        rank, _, _, docs, cites, cpp, top = rows[name]
        got = table.loc[name]
        assert got["release"] == "2025-11" and got["field"] == field
        assert (int(got["rank"]), int(got["institutions"])) == (int(rank), n)
        assert got["percentile"] == pytest.approx(int(rank) / n)
        assert got["cites_per_paper"] == pytest.approx(float(cpp))
        assert (int(got["documents"]), int(got["cites"]), int(got["top_papers"])) == (
            int(docs), int(cites), int(top))
        assert bool(got["listed"])


def test_peer_absent_from_a_field_is_not_listed(sample_ws):
    n, rows = _esi_rows("AGRICULTURAL_SCIENCES")
    assert "BEIJING INSTITUTE OF TECHNOLOGY" not in rows  # read by hand: BIT is absent
    report = benchmark(sample_ws, group="E9",
                       params=BenchmarkOptions(fields=("Agricultural Sciences",)))
    records = {r["institution"]: r for r in benchmark_json(report)["esi"]}
    bit = records["BEIJING INSTITUTE OF TECHNOLOGY"]
    assert bit["listed"] is False and bit["rank"] is None and bit["cites"] is None
    assert bit["institutions"] == n
    dut = records["DALIAN UNIVERSITY OF TECHNOLOGY"]
    assert dut["listed"] is True and dut["rank"] == int(rows["DALIAN UNIVERSITY OF TECHNOLOGY"][0])
    # DUT is our institution, so the E9 peers are the other eight.
    assert len(report.peers) == 8 and report.institution.name_zh == "大连理工大学"


def _snapshot(ws) -> tuple:
    with ws.session() as session:
        counts = queries.table_counts(session)
    return counts, ws.get_setting("peer_groups"), ws.get_setting("benchmark_min_papers"), \
        ws.institution()


def test_unknown_peer_is_refused_with_closest_names_and_changes_nothing(sample_ws):
    before = _snapshot(sample_ws)
    with pytest.raises(InputError) as caught:
        benchmark(sample_ws, peers=["TSINGHUA UNIVERSTY", "PEKING UNIVERSITY"])
    message = str(caught.value)
    assert "'TSINGHUA UNIVERSTY'" in message and "did you mean 'TSINGHUA UNIVERSITY'" in message
    assert "PEKING UNIVERSITY'" not in message.split("did you mean")[0].replace(
        "TSINGHUA UNIVERSTY", "")
    assert _snapshot(sample_ws) == before


@pytest.mark.parametrize("kwargs, message", [
    ({"peers": []}, "no peers"),
    ({"peers": ["TSINGHUA UNIVERSITY"], "params": BenchmarkOptions(fields=("CHEMISTRI",))},
     "invalid field 'CHEMISTRI'"),
    ({"peers": ["TSINGHUA UNIVERSITY"], "params": BenchmarkOptions(release="2024-01")},
     "release '2024-01' has not been imported"),
    ({"peers": ["TSINGHUA UNIVERSITY"], "params": BenchmarkOptions(min_papers=0)},
     "invalid min_papers 0"),
    ({"group": "C10"}, "unknown peer group 'C10'"),
])
def test_bad_parameters_are_input_errors(sample_ws, kwargs, message):
    before = _snapshot(sample_ws)
    with pytest.raises(InputError, match=re.escape(message)):
        benchmark(sample_ws, **kwargs)
    assert _snapshot(sample_ws) == before


# -- WoS indicators counted from the raw export --------------------------------------------

def _raw_records() -> list[dict]:
    """UT, PY, TC and the C1 addresses of every record, parsed with a few lines of code."""
    records = []
    text = WOS_FILE.read_text(encoding="utf-8-sig")
    for chunk in text.split("\nER\n"):
        fields: dict[str, list[str]] = {}
        tag = None
        for line in chunk.split("\n"):
            if line[:2].strip():
                tag = line[:2]
            if tag and len(line) > 3:
                fields.setdefault(tag, []).append(line[3:])
        if "UT" in fields:
            addresses = [re.sub(r"^\[[^\]]*\]\s*", "", a).rstrip(".") for a in fields.get("C1", [])]
            records.append({"ut": fields["UT"][0].strip(), "year": int(fields["PY"][0]),
                            "tc": int(fields["TC"][0]), "addresses": addresses})
    return records


def _region(address: str) -> str:
    parts = [p.strip() for p in address.split(",")]
    if parts[-1] == "Peoples R China":
        place = re.sub(r"[\d ]+$", "", parts[-2]) if len(parts) > 1 else ""
        return {"Hong Kong": "HK", "Kowloon": "HK", "Macau": "MO", "Macao": "MO",
                "Taipa": "MO"}.get(place, "CN")
    if parts[-1].endswith("USA"):
        return "USA"
    return "UK" if parts[-1] in ("England", "Scotland", "Wales", "North Ireland") else parts[-1]


def _by_hand(records: list[dict], spelling: str, ut_field: dict[str, str]) -> dict:
    mine = [r for r in records
            if any(spelling.lower() in [p.strip().lower() for p in a.split(",")]
                   for a in r["addresses"])]
    international = 0
    for r in mine:
        own = {_region(a) for a in r["addresses"]
               if spelling.lower() in [p.strip().lower() for p in a.split(",")]}
        international += bool({_region(a) for a in r["addresses"]} - own)
    cites = sorted((r["tc"] for r in mine), reverse=True)
    h = sum(1 for i, c in enumerate(cites, start=1) if c >= i)

    def top(r: dict, share: float) -> bool:
        # brute force: fewer than ceil(share*n) papers of the field-year are cited more
        peers = [o["tc"] for o in records
                 if ut_field[o["ut"]] == ut_field[r["ut"]] and o["year"] == r["year"]]
        return r["tc"] > 0 and sum(c > r["tc"] for c in peers) < math.ceil(share * len(peers))

    return {"papers": len(mine), "cites": sum(cites), "h_index": h,
            "international_papers": international,
            "top10_papers": sum(top(r, 0.10) for r in mine),
            "top1_papers": sum(top(r, 0.01) for r in mine), "records": mine}


@pytest.mark.parametrize("esi_name, spelling", [("TIANJIN UNIVERSITY", "Tianjin Univ"),
                                                ("SOUTHEAST UNIVERSITY - CHINA", "Southeast Univ"),
                                                ("TSINGHUA UNIVERSITY", "Tsinghua Univ")])
def test_wos_indicators_match_counts_from_the_raw_export(sample_ws, esi_name, spelling):
    with sample_ws.session() as session:
        pubs = publications_frame(session.connection())
    ut_field = dict(zip(pubs["ut"], pubs["esi_field"]))  # the stored field of each record
    records = _raw_records()
    assert len(records) == 833
    expected = _by_hand(records, spelling, ut_field)
    report = benchmark(sample_ws, peers=[esi_name])
    totals = report.result.wos_totals
    row = totals[(totals["institution"] == esi_name) & (totals["field"] == "ALL FIELDS")].iloc[0]
    for key in ("papers", "cites", "h_index", "international_papers", "top10_papers",
                "top1_papers"):
        assert row[key] == expected[key], key
    assert row["international_share"] == pytest.approx(
        expected["international_papers"] / expected["papers"])
    # one field-year cell: papers and cites of ENGINEERING 2024
    cell = report.result.wos.set_index(["institution", "field", "year"]).loc[
        (esi_name, "ENGINEERING", 2024)]
    in_cell = [r for r in expected["records"]
               if r["year"] == 2024 and ut_field[r["ut"]] == "ENGINEERING"]
    assert (cell["papers"], cell["cites"]) == (len(in_cell), sum(r["tc"] for r in in_cell))
    assert cell["cites_per_paper"] == pytest.approx(cell["cites"] / cell["papers"])


def test_small_sample_warning(sample_ws):
    report = benchmark(sample_ws, peers=["TIANJIN UNIVERSITY"],
                       params=BenchmarkOptions(min_papers=30))
    totals = report.result.wos_totals.set_index(["institution", "field"])
    dut = totals.loc[("DALIAN UNIVERSITY OF TECHNOLOGY", "ALL FIELDS")]
    assert dut["papers"] < 30 and bool(dut["small_sample"])
    assert f"only {dut['papers']} papers (fewer than 30)" in dut["warning"]
    assert not bool(totals.loc[("TIANJIN UNIVERSITY", "ALL FIELDS")]["small_sample"])  # 42
    assert any(w.startswith("DALIAN UNIVERSITY OF TECHNOLOGY:") and "fewer than 30" in w
               for w in report.result.warnings)
    lower = benchmark(sample_ws, peers=["TIANJIN UNIVERSITY"],
                      params=BenchmarkOptions(min_papers=5))
    assert not bool(lower.result.wos_totals.set_index(["institution", "field"]).loc[
        ("DALIAN UNIVERSITY OF TECHNOLOGY", "ALL FIELDS")]["small_sample"])


def test_progress_and_cancel(sample_ws):
    seen: list[float] = []
    benchmark(sample_ws, peers=["TIANJIN UNIVERSITY"], progress=lambda f, m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        benchmark(sample_ws, peers=["TIANJIN UNIVERSITY"], cancel=token)


# -- trends over releases (seeded demo lists: three releases) -------------------------------

def test_esi_trend_over_releases_matches_the_demo_files(workspace, tmp_path):
    from analyst_app.demo_data import write_demo_esi_exports
    exports = write_demo_esi_exports(tmp_path / "demo")
    wanted = {}
    for path, release in exports:
        lines = path.read_text(encoding="utf-8").split("\n")
        field = re.search(r"Filter Value\(s\): (.+?)\s{3}", lines[0]).group(1)
        if field in ("CHEMISTRY", "ENGINEERING"):  # two fields keep the test quick
            wanted.setdefault(release, []).append(path)
            for row in csv.reader(lines[2:-1]):
                if row[1] == "TSINGHUA UNIVERSITY":
                    wanted.setdefault("ranks", {})[release, field] = int(row[0])
    for release in ("2025-07", "2025-09", "2025-11"):
        import_files(workspace, wanted[release], release=release)
    report = benchmark(workspace, "DALIAN UNIVERSITY OF TECHNOLOGY", ["TSINGHUA UNIVERSITY"])
    trend = report.result.esi_trend
    tsinghua = trend[trend["institution"] == "TSINGHUA UNIVERSITY"].set_index(["release", "field"])
    for (release, field), rank in wanted["ranks"].items():
        assert tsinghua.loc[(release, field), "rank"] == rank
    change = tsinghua.loc[("2025-11", "CHEMISTRY"), "rank_change"]
    ranks = wanted["ranks"]
    assert change == ranks["2025-09", "CHEMISTRY"] - ranks["2025-11", "CHEMISTRY"]
    assert report.result.release == "2025-11" and set(report.result.esi["release"]) == {"2025-11"}


# -- CLI end to end --------------------------------------------------------------------------

def test_cli_json_end_to_end(sample_ws, capsys):
    n, rows = _esi_rows("ENGINEERING")
    code = main(["benchmark", "--workspace", str(sample_ws.path), "--peers",
                 "TSINGHUA UNIVERSITY;天津大学", "--field", "ENGINEERING", "--min-papers", "30",
                 "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert list(data)[:7] == ["institution", "release", "peers", "esi", "wos", "warnings",
                              "method"]
    assert data["institution"] == "DALIAN UNIVERSITY OF TECHNOLOGY"
    assert data["peers"] == ["TSINGHUA UNIVERSITY", "TIANJIN UNIVERSITY"]
    assert data["release"] == "2025-11"
    esi = {r["institution"]: r for r in data["esi"]}
    assert list(data["esi"][0])[:11] == ["institution", "field", "release", "rank",
                                         "institutions", "percentile", "documents", "cites",
                                         "cites_per_paper", "top_papers", "listed"]
    for name, row in esi.items():
        assert row["rank"] == int(rows[name][0]) and row["institutions"] == n
        assert row["percentile"] == pytest.approx(int(rows[name][0]) / n)
        assert row["cites_per_paper"] == pytest.approx(float(rows[name][5]))
    assert list(data["wos"][0])[:11] == ["institution", "field", "year", "papers", "cites",
                                         "cites_per_paper", "top10_share", "top1_share",
                                         "international_share", "h_index", "small_sample"]
    assert {r["field"] for r in data["wos"]} == {"ENGINEERING"}
    assert any(r["small_sample"] for r in data["wos"])
    assert "collection-normalised" in data["method"]
    assert any("fewer than 30 papers" in w for w in data["warnings"])


def test_cli_table_csv_and_groups(sample_ws, capsys):
    base = ["benchmark", "-w", str(sample_ws.path), "--group", "C9", "--field", "CHEMISTRY"]
    assert main(base + ["--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "清华大学" in table and "CHEMISTRY" in table and "warning:" in table
    assert main(base + ["--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    esi_rows = [r for r in rows if r["source"] == "esi"]
    assert len(esi_rows) == 10  # DUT and the nine C9 universities
    _, file_rows = _esi_rows("CHEMISTRY")
    pku = next(r for r in esi_rows if r["institution"] == "PEKING UNIVERSITY")
    assert int(pku["rank"]) == int(file_rows["PEKING UNIVERSITY"][0])
    assert main(["benchmark", "groups", "--workspace", str(sample_ws.path)]) == 0
    listing = capsys.readouterr().out
    assert "C9" in listing and "UNIVERSITY OF SCIENCE & TECHNOLOGY OF CHINA, CAS" in listing
    assert main(["benchmark", "groups", "-w", str(sample_ws.path), "--format", "json"]) == 0
    assert [g["id"] for g in json.loads(capsys.readouterr().out)][:2] == ["C9", "E9"]


def test_cli_unknown_peer_exits_2_with_a_hint(sample_ws, capsys):
    before = _snapshot(sample_ws)
    code = main(["benchmark", "-w", str(sample_ws.path), "--peers", "PEKING UNIVERSTY",
                 "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert "did you mean 'PEKING UNIVERSITY'" in captured.err
    assert _snapshot(sample_ws) == before


def test_cli_without_workspace_or_peers_is_bad_input(sample_ws, tmp_path, capsys):
    assert main(["benchmark", "--peers", "TSINGHUA UNIVERSITY"]) == 2
    assert "--workspace" in capsys.readouterr().err
    assert main(["benchmark", "-w", str(sample_ws.path)]) == 2
    assert "no peers" in capsys.readouterr().err
    missing = tmp_path / "nothing.sqlite"
    assert main(["benchmark", "-w", str(missing), "--peers", "X"]) == 2
    assert not Path(missing).exists()


def test_without_esi_lists_peers_are_found_by_address(workspace):
    if not WOS_FILE.exists():
        pytest.skip(f"real sample exports not found in {SAMPLES}")
    import_files(workspace, [WOS_FILE])
    with pytest.raises(InputError, match="did you mean 'tianjin univ'"):
        benchmark(workspace, "DALIAN UNIVERSITY OF TECHNOLOGY", ["TIANJN UNIVERSITY"])
    # A peer in no group: its WoS spelling is guessed from the ESI name, and said so.
    report = benchmark(workspace, "DALIAN UNIVERSITY OF TECHNOLOGY",
                       ["NORTH CHINA ELECTRIC POWER UNIVERSITY"])
    assert report.result.esi.empty and report.result.release is None
    assert any("no ESI lists" in w for w in report.result.warnings)
    assert any("guessed as 'North China Elect Power Univ'" in w for w in report.result.warnings)
    with workspace.session() as session:
        pubs = publications_frame(session.connection())
    expected = _by_hand(_raw_records(), "North China Elect Power Univ",
                        dict(zip(pubs["ut"], pubs["esi_field"])))
    totals = report.result.wos_totals.set_index(["institution", "field"])
    row = totals.loc[("NORTH CHINA ELECTRIC POWER UNIVERSITY", "ALL FIELDS")]
    assert (row["papers"], row["cites"], row["h_index"]) == (
        expected["papers"], expected["cites"], expected["h_index"])
