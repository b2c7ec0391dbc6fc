"""``analyst-app network ...`` end to end: files written, JSON contract, errors as exit code 2."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from analyst_app.cli import main
from analyst_app.services.imports import import_files
from tests.test_network_keywords import BLACK_SILICON, raw_keywords, raw_records

pytestmark = pytest.mark.skipif(not BLACK_SILICON.exists(), reason="real sample files not found")


@pytest.fixture(scope="module")
def workspace_path(tmp_path_factory):
    from analyst_app.db.workspace import open_workspace
    path = tmp_path_factory.mktemp("cli") / "ws.sqlite"
    ws = open_workspace(path)
    [report] = import_files(ws, [BLACK_SILICON])
    assert report.status == "imported"
    ws.close()
    return path


def _raw_occurrences() -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in raw_records():
        for term in raw_keywords(record, ("DE",)):
            counts[term] = counts.get(term, 0) + 1
    return counts


def test_graphml_with_json_summary(workspace_path, tmp_path, capsys):
    output = tmp_path / "keywords.graphml"
    code = main(["network", "keywords", "--workspace", str(workspace_path),
                 "--min-occurrences", "4", "--seed", "5", "--resolution", "1.2",
                 "--output", str(output), "--format", "json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert {"kind", "nodes", "edges", "clusters", "modularity", "silhouette", "resolution",
            "seed", "output"} <= set(summary)
    assert summary["kind"] == "keywords" and summary["seed"] == 5
    assert summary["resolution"] == 1.2 and summary["output"] == str(output)
    assert summary["top_clusters"][0]["label"]
    graph = nx.read_graphml(output)
    expected = {t: n for t, n in _raw_occurrences().items() if n >= 4}
    assert graph.number_of_nodes() == summary["nodes"] == len(expected)
    assert graph.number_of_edges() == summary["edges"]
    clusters = set()
    for _node, data in graph.nodes(data=True):
        assert {"label", "occurrences", "cluster"} <= set(data)
        assert data["occurrences"] == expected[" ".join(data["label"].split()).casefold()]
        clusters.add(data["cluster"])
    assert len(clusters) == summary["clusters"]
    assert all("weight" in d and d["weight"] >= 1 for *_e, d in graph.edges(data=True))


def test_vosviewer_files_and_summary(workspace_path, tmp_path, capsys):
    output = tmp_path / "map.txt"
    code = main(["network", "keywords", "-w", str(workspace_path), "--keywords", "both",
                 "--top", "30", "--years", "2010-2020", "--output", str(output)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "keywords map of" in printed and "modularity" in printed and "cluster 1:" in printed
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "label", "x", "y", "cluster", "weight<Links>",
                                    "weight<Total link strength>", "weight<Occurrences>"]
    assert len(lines) == 31
    network_lines = (tmp_path / "map_network.txt").read_text(encoding="utf-8").splitlines()
    ids = {int(line.split("\t")[0]) for line in lines[1:]}
    strengths: dict[int, float] = {}
    for line in network_lines:
        a, b, w = line.split("\t")
        assert int(a) in ids and int(b) in ids
        for node in (int(a), int(b)):
            strengths[node] = strengths.get(node, 0) + float(w)
    for line in lines[1:]:  # total link strength = sum of the node's links in the network file
        fields = line.split("\t")
        assert float(fields[6]) == strengths.get(int(fields[0]), 0)


def test_gexf_of_cocitation(workspace_path, tmp_path):
    output = tmp_path / "cocitation.gexf"
    assert main(["network", "cocitation", "-w", str(workspace_path), "--min-occurrences", "10",
                 "--output", str(output)]) == 0
    graph = nx.read_gexf(output)
    assert graph.number_of_nodes() > 20
    assert all("cluster" in d and "occurrences" in d for _n, d in graph.nodes(data=True))


def test_bad_input_exits_2(workspace_path, tmp_path, capsys):
    bad = tmp_path / "thesaurus.txt"
    bad.write_text("label\treplace by\nsolar cells\n", encoding="utf-8")
    code = main(["network", "keywords", "-w", str(workspace_path), "--thesaurus", str(bad),
                 "--output", str(tmp_path / "x.graphml")])
    assert code == 2
    assert f"{bad}:2:" in capsys.readouterr().err
    assert main(["network", "coauthors", "-w", str(workspace_path),
                 "--output", str(tmp_path / "x.png")]) == 2
    assert main(["network", "keywords", "-w", str(workspace_path), "--years", "2020-2010",
                 "--output", str(tmp_path / "x.graphml")]) == 2
    code = main(["network", "keywords", "-w", str(workspace_path), "--years", "1900-1901",
                 "--output", str(tmp_path / "x.graphml")])
    assert code == 2 and "no publications" in capsys.readouterr().err
    assert not (tmp_path / "x.graphml").exists()
