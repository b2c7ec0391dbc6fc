"""Keyword thesaurus: VOSviewer format in and out, errors with line numbers, suggestions, merging."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis.networks import NetworkParams, build_keyword_network, node_index
from analysis.thesaurus import (Thesaurus, ThesaurusError, format_thesaurus, parse_thesaurus,
                                suggest_synonyms, thesaurus_from_suggestions, variant_key)
from analyst_app.errors import InputError
from analyst_app.services.corpus import publications_frame
from analyst_app.services.imports import import_files
from analyst_app.services.networks import load_thesaurus, save_thesaurus, suggest_thesaurus
from tests.test_network_keywords import BLACK_SILICON, raw_keywords, raw_records

TEXT = "label\treplace by\nsolar cells\tsolar cell\nSOLAR-CELLS\tsolar cell\n\nsilicon\t\n"


def test_parse_apply_and_format_round_trip(tmp_path):
    thesaurus = parse_thesaurus("\ufeff" + TEXT)
    assert len(thesaurus) == 3
    assert thesaurus.apply("Solar  Cells") == "solar cell"  # case and spaces ignored
    assert thesaurus.apply("solar-cells") == "solar cell"
    assert thesaurus.apply("silicon") is None  # an empty replacement drops the term
    assert thesaurus.apply("black silicon") == "black silicon"
    path = save_thesaurus(thesaurus, tmp_path / "thesaurus.txt")
    assert path.read_text(encoding="utf-8").splitlines()[0] == "label\treplace by"
    again = load_thesaurus(path)
    assert again.replacements == thesaurus.replacements
    assert format_thesaurus(again) == format_thesaurus(thesaurus)
    assert list(again.as_frame()["label"]) == ["solar cells", "SOLAR-CELLS", "silicon"]


def test_wrong_column_count_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("label\treplace by\nnanowires\tnanowire\nsolar cells\tsolar cell\textra\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_thesaurus(path)
    assert caught.value.line == 3 and caught.value.file == str(path)
    assert "expected 2 tab-separated columns" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:3: ")
    with pytest.raises(ThesaurusError) as caught:
        parse_thesaurus("label\treplace by\nno tab on this line\n")
    assert caught.value.line == 2


def test_missing_header_and_unreadable_files(tmp_path):
    with pytest.raises(ThesaurusError, match="header") as caught:
        parse_thesaurus("solar cells\tsolar cell\n")
    assert caught.value.line == 1
    with pytest.raises(InputError, match="cannot read"):
        load_thesaurus(tmp_path / "absent.txt")
    binary = tmp_path / "gbk.txt"
    binary.write_bytes("label\treplace by\n太阳能\t太阳\n".encode("gb18030"))
    with pytest.raises(InputError, match="not UTF-8") as caught:
        load_thesaurus(binary)
    assert caught.value.line == 2


def test_variant_keys():
    assert variant_key("Nano-wires") == variant_key("nanowire") == variant_key("nano wire")
    assert variant_key("optimisation") == variant_key("Optimization")
    assert variant_key("colour") == variant_key("color")
    assert variant_key("analysed") == variant_key("analyzed")
    assert variant_key("centre") == variant_key("center")
    assert variant_key("solar cells") == variant_key("Solar cell")
    assert variant_key("studies") == variant_key("study")
    assert variant_key("analysis") != variant_key("analysi")
    assert variant_key("mass") == "mass" and variant_key("glass") == "glass"


def test_suggestions_point_to_the_most_frequent_spelling():
    counts = {"solar cells": 10, "Solar cell": 20, "solar cell": 3, "optimisation": 2,
              "optimization": 5, "nano-wires": 1, "nanowires": 4, "silicon": 50}
    suggestions = suggest_synonyms(counts)
    pairs = dict(zip(suggestions["label"], suggestions["replace_by"]))
    assert pairs == {"solar cells": "Solar cell", "optimisation": "optimization",
                     "nano-wires": "nanowires"}
    reasons = dict(zip(suggestions["label"], suggestions["reason"]))
    assert reasons == {"solar cells": "plural", "optimisation": "spelling",
                       "nano-wires": "separator"}
    assert suggestions.loc[0, "replace_by_occurrences"] == 23  # case variants counted together
    merged = thesaurus_from_suggestions(suggestions, Thesaurus())
    assert merged.apply("Solar Cells") == "Solar cell"


@pytest.mark.skipif(not BLACK_SILICON.exists(), reason="real sample files not found")
def test_thesaurus_merges_counts_in_the_keyword_map(workspace, tmp_path):
    [report] = import_files(workspace, [BLACK_SILICON])
    assert report.status == "imported"
    suggestions = suggest_thesaurus(workspace, keywords="both")
    variants = {"solar cells", "solar-cells"}
    group = suggestions[suggestions["replace_by"].str.casefold().isin(variants | {"solar cell"})]
    assert group["replace_by"].nunique() == 1  # one target for the whole group
    # The sample also spells it "Solar-cell": the group holds at least these three.
    assert {t.casefold() for t in [*group["label"], *group["replace_by"]]} >= \
        variants | {"solar cell"}
    thesaurus = parse_thesaurus("label\treplace by\nsolar cells\tsolar cell\n"
                                "solar-cells\tsolar cell\n")
    with workspace.session() as session:
        publications = publications_frame(session.connection())
    network = build_keyword_network(publications, NetworkParams(), source="both",
                                    thesaurus=thesaurus)
    # Publications having any of the three forms, counted from the raw file.
    expected = sum(1 for r in raw_records()
                   if raw_keywords(r) & (variants | {"solar cell"}))
    node = node_index(network, "solar cell")
    assert network.occurrences[node] == expected
    assert network.labels[node] == "solar cell"
    with pytest.raises(KeyError):
        node_index(network, "solar-cells")
    pairs = Counter()
    for r in raw_records():
        terms = {("solar cell" if t in variants else t) for t in raw_keywords(r)}
        if {"solar cell", "black silicon"} <= terms:
            pairs["x"] += 1
    assert network.adjacency[node, node_index(network, "black silicon")] == pairs["x"]
