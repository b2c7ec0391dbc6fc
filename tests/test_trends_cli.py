"""CLI ``bursts`` and ``indicators`` end to end on a workspace imported from a real WoS file."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from analyst_app.cli import main
from tests.conftest import SAMPLES

BLACKSILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"


def _raw_tags() -> list[dict[str, list[str]]]:
    records, current, tag = [], {}, None
    for line in BLACKSILICON.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("ER"):
            records.append(current)
            current, tag = {}, None
        elif line.startswith("   ") and tag:
            current[tag].append(line.strip())
        elif len(line) > 2 and line[2] == " ":
            tag = line[:2]
            current.setdefault(tag, []).append(line[3:].strip())
    return records


@pytest.fixture(scope="module")
def ws_path(tmp_path_factory):
    if not BLACKSILICON.exists():
        pytest.skip(f"real sample {BLACKSILICON.name} not found in {SAMPLES}")
    path = tmp_path_factory.mktemp("cli_trends") / "w.sqlite"
    assert main(["import", str(BLACKSILICON), "--workspace", str(path)]) == 0
    return str(path)


def _json(capsys, argv: list[str]):
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_keyword_bursts_json(ws_path, capsys):
    payload = _json(capsys, ["bursts", "keywords", "--workspace", ws_path, "--keywords", "both",
                             "--min-occurrences", "5", "--format", "json"])
    assert set(payload) >= {"parameters", "bursts"}
    assert payload["parameters"]["s"] == 2.0 and payload["parameters"]["gamma"] == 1.0
    assert payload["parameters"]["min_occurrences"] == 5
    bursts = payload["bursts"]
    assert bursts and all({"term", "begin", "end", "strength", "occurrences"} <= set(b) for b in bursts)
    assert all(b["begin"] <= b["end"] and b["strength"] > 0 and b["occurrences"] >= 5 for b in bursts)
    assert [b["begin"] for b in bursts] == sorted(b["begin"] for b in bursts)
    # Occurrences counted by hand: records whose DE or ID list holds the term, any case.
    per_term = defaultdict(set)
    for number, record in enumerate(_raw_tags()):
        for tag in ("DE", "ID"):
            for keyword in " ".join(record.get(tag, [])).split(";"):
                if keyword.strip():
                    per_term[" ".join(keyword.split()).casefold()].add(number)
    for burst in bursts:
        assert burst["occurrences"] == len(per_term[burst["key"]]), burst["term"]


def test_keyword_bursts_years_and_gamma(ws_path, capsys):
    # A larger γ makes entering a burst dearer: never more bursts than with γ = 1.
    base = _json(capsys, ["bursts", "keywords", "-w", ws_path, "--format", "json"])["bursts"]
    strict = _json(capsys, ["bursts", "keywords", "-w", ws_path, "--gamma", "3",
                            "--format", "json"])["bursts"]
    assert len(strict) <= len(base)
    window = _json(capsys, ["bursts", "keywords", "-w", ws_path, "--years", "2012-2018",
                            "--format", "json"])
    assert window["parameters"]["years"] == [2012, 2018]
    assert all(2012 <= b["begin"] <= b["end"] <= 2018 for b in window["bursts"])


def test_reference_bursts_table(ws_path, capsys):
    capsys.readouterr()
    assert main(["bursts", "references", "-w", ws_path, "--top", "5", "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("references bursts")
    assert lines[1].split() == ["term", "begin", "end", "strength", "occurrences"]
    assert len(lines) == 2 + 5


def test_indicators_authors_json(ws_path, capsys):
    authors = _json(capsys, ["indicators", "authors", "-w", ws_path, "--top", "5",
                             "--format", "json"])
    assert len(authors) == 5
    assert set(authors[0]) >= {"name", "papers", "cites", "h_index", "g_index", "m_index",
                               "first_year"}
    cites = defaultdict(list)
    years = defaultdict(list)
    for record in _raw_tags():
        for name in dict.fromkeys(record.get("AF", [])):
            cites[name].append(int(record["TC"][0]))
            years[name].append(int(record["PY"][0]) if "PY" in record else 9999)
    for row in authors:
        c = sorted(cites[row["name"]], reverse=True)
        h = sum(1 for i, value in enumerate(c) if value >= i + 1)
        assert (row["papers"], row["cites"], row["h_index"]) == (len(c), sum(c), h)
        assert row["first_year"] == min(years[row["name"]])
        assert row["g_index"] >= row["h_index"]
    assert [a["h_index"] for a in authors] == sorted((a["h_index"] for a in authors), reverse=True)


@pytest.mark.parametrize("kind, key", [("growth", "cagr"), ("lotka", "exponent"),
                                       ("bradford", "zones"), ("journals", None),
                                       ("institutions", None), ("countries", None)])
def test_other_indicators_json(ws_path, capsys, kind, key):
    payload = _json(capsys, ["indicators", kind, "-w", ws_path, "--top", "3", "--format", "json"])
    if key is None:
        assert len(payload) == 3
        assert [r["h_index"] for r in payload] == sorted((r["h_index"] for r in payload),
                                                        reverse=True)
        # h ≤ papers and h ≤ g ≤ papers for every row.
        assert all(r["h_index"] <= r["g_index"] <= r["papers"] for r in payload)
    else:
        assert payload[key] is not None
    if kind == "bradford":
        assert [z["zone"] for z in payload["zones"]] == [1, 2, 3]
        assert sum(z["papers"] for z in payload["zones"]) == 500


def test_ids_option_gives_drill_down(ws_path, capsys):
    rows = _json(capsys, ["indicators", "journals", "-w", ws_path, "--top", "1", "--ids",
                          "--format", "json"])
    assert len(rows[0]["publication_ids"]) == rows[0]["papers"]


@pytest.mark.parametrize("argv, message", [
    (["bursts", "keywords", "--years", "2020-2010"], "--years"),
    (["bursts", "keywords", "--s", "1"], "s must be greater than 1"),
    (["bursts", "keywords", "--gamma", "-1"], "gamma"),
    (["bursts", "keywords", "--query", "no such words anywhere xyzzy"], "no publications"),
    (["indicators", "authors", "--top", "0"], "--top"),
])
def test_bad_input_exits_2(ws_path, capsys, argv, message):
    capsys.readouterr()
    assert main([*argv, "--workspace", ws_path]) == 2
    assert message in capsys.readouterr().err
