"""``esi history`` and ``esi potential`` on the demo workspace (three releases), checked by hand."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from analyst_app.cli import main
from analyst_app.demo_data import write_demo_esi_exports

DUT = "DALIAN UNIVERSITY OF TECHNOLOGY"
RELEASES = ("2025-07", "2025-09", "2025-11")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    """The demo ESI exports (22 fields × 3 releases) imported into a workspace."""
    from analyst_app.db.workspace import open_workspace
    from analyst_app.services.imports import import_files
    folder = tmp_path_factory.mktemp("demo")
    written = write_demo_esi_exports(folder / "exports")
    ws = open_workspace(folder / "demo.sqlite")
    for release in RELEASES:
        reports = import_files(ws, [p for p, r in written if r == release], release=release)
        assert all(r.status == "imported" for r in reports)
    ws.set_institution(DUT, ["DALIAN UNIV TECHNOL"])
    ws.close()
    return folder / "demo.sqlite", folder / "exports"


def _hand(exports: Path, release: str, field: str) -> dict:
    """N, the 1‰ threshold and DUT's rank and cites of one demo export, by plain csv."""
    for path in (exports / release).glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            lines = list(csv.reader(handle))
        if lines[0][0].split("Filter Value(s): ")[1].split("   Show")[0] != field:
            continue
        rows = [r for r in lines[2:] if len(r) == 7 and r[0].isdigit()]
        dut = next((r for r in rows if r[1] == DUT), None)
        return dict(n=len(rows), permille=int(rows[math.ceil(0.1 * len(rows)) - 1][4]),
                    rank=int(dut[0]) if dut else None, cites=int(dut[4]) if dut else None)
    raise AssertionError(f"no demo export of {field} in {release}")


def _json(capsys, argv: list[str]) -> list[dict]:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_history_json_over_three_releases(demo, capsys):
    path, exports = demo
    records = _json(capsys, ["esi", "history", "-w", str(path), "--format", "json"])
    keys = ["field", "field_zh", "release", "rank", "institutions", "percentile", "cites",
            "documents", "threshold_1pct", "threshold_1permille", "threshold_1per10k",
            "status", "rank_change", "newly_listed"]
    assert len(records) == 22 * 3
    assert all(list(r)[: len(keys)] == keys for r in records)
    chem = {r["release"]: r for r in records if r["field"] == "CHEMISTRY"}
    for before, now in zip(RELEASES, RELEASES[1:]):
        hand_before, hand_now = _hand(exports, before, "CHEMISTRY"), _hand(exports, now, "CHEMISTRY")
        assert chem[now]["rank"] == hand_now["rank"] and chem[now]["institutions"] == hand_now["n"]
        assert chem[now]["rank_change"] == hand_before["rank"] - hand_now["rank"]
        assert chem[now]["threshold_1permille"] == hand_now["permille"]
    clinical = {r["release"]: r for r in records if r["field"] == "CLINICAL MEDICINE"}
    assert _hand(exports, "2025-09", "CLINICAL MEDICINE")["rank"] is None
    assert clinical["2025-11"]["newly_listed"] is True and clinical["2025-09"]["status"] == "not_listed"


def test_history_sentences_field_filter_and_csv(demo, capsys):
    path, exports = demo
    sentences = _json(capsys, ["esi", "history", "-w", str(path), "--sentences", "--format", "json"])
    entered = [s for s in sentences if s["kind"] == "entered"]
    hand = _hand(exports, "2025-11", "CLINICAL MEDICINE")
    assert [s["sentence_zh"] for s in entered] == [
        f"临床医学新进入 ESI 前 1%（第 {hand['rank']} 位，位于前 {hand['rank'] / hand['n']:.2%}）"]
    assert any(s["kind"] == "dropped" and s["field"] == "ECONOMICS & BUSINESS" for s in sentences)
    assert main(["esi", "history", "-w", str(path), "--field", "化学", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("field,field_zh,release,rank,institutions,percentile")
    assert len(lines) == 1 + 3 and all(line.startswith("CHEMISTRY,") for line in lines[1:])


def test_potential_forecasts_a_field_whose_gap_closes(demo, capsys):
    path, exports = demo
    # ENVIRONMENT/ECOLOGY, by hand from the three demo exports: DUT is in the top 1% and
    # its gap to the 1‰ threshold (cites at rank ⌈0.1·N⌉) narrows every release.
    hand = [_hand(exports, r, "ENVIRONMENT/ECOLOGY") for r in RELEASES]
    gaps = [h["cites"] - h["permille"] for h in hand]
    assert gaps[0] < gaps[1] < gaps[2] < 0
    records = _json(capsys, ["esi", "potential", "-w", str(path), "--format", "json"])
    env = next(r for r in records if r["field"] == "ENVIRONMENT/ECOLOGY")
    assert env["cites"] == hand[-1]["cites"]
    assert env["potential_1permille"] == pytest.approx(hand[-1]["cites"] / hand[-1]["permille"])
    forecast = env["forecast"]
    assert forecast["possible"] and forecast["target_level"] == "1‰"
    assert "2025-11" <= forecast["earliest"] <= forecast["estimate"] <= forecast["latest"]
    # Gap per month from the first to the last release, straight-line: the crossing
    # lies after the last release by about −gap / pace months.
    pace = (gaps[2] - gaps[0]) / 4
    assert forecast["earliest"] <= _months_after("2025-11", -gaps[2] / pace) <= forecast["latest"]
    # A field the demo institution is in no list of: no cites, no forecast, and says why.
    geo = next(r for r in records if r["field"] == "GEOSCIENCES")
    assert geo["cites"] is None and not geo["forecast"]["possible"]
    assert "do not allow a forecast" in geo["forecast"]["reason"]


def _months_after(label: str, months: float) -> str:
    year, month = map(int, label.split("-"))
    whole = year * 12 + month - 1 + round(months)
    return f"{whole // 12:04d}-{whole % 12 + 1:02d}"


def test_potential_table_prints_the_window_and_errors_exit_2(demo, capsys):
    path, _ = demo
    assert main(["esi", "potential", "-w", str(path), "--window", "2016-2025"]) == 0
    captured = capsys.readouterr()
    assert "publication years 2016–2025" in captured.err
    assert "ESI potential, release 2025-11 (WoS years 2016–2025)" in captured.out
    assert main(["esi", "potential", "-w", str(path), "--institution",
                 "DALIAN UNIV OF TECHNOLOGY"]) == 2
    assert "did you mean 'DALIAN UNIVERSITY OF TECHNOLOGY'" in capsys.readouterr().err
    assert main(["esi", "history", "-w", str(path), "--institution", "NOWHERE",
                 "--allow-unlisted", "--field", "CHE", "--format", "json"]) == 0
    assert all(r["status"] == "not_listed" for r in json.loads(capsys.readouterr().out))
    assert main(["esi", "potential", "-w", str(path), "--watch", "2"]) == 2
    assert "invalid watch" in capsys.readouterr().err
