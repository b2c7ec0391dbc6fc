"""WoS plain-text importer: record counts and contents of the real samples, variants, bad input."""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pytest

from analyst_app.errors import InputError
from analyst_app.importers.registry import read_head
from analyst_app.importers.wos_plain import SPEC_PLAIN, detect_wos_plain, read_wos_plain
from tests.conftest import SAMPLES

PLAIN = SAMPLES / "wos_plain"
#: Record counts from ../shared/samples/SOURCES.md.
EXPECTED = {
    "wosanalysis_savedrecs_833.txt": 833,
    "wosanalysis_savedrecs_zhUI_609.txt": 609,
    "blacksilicon_savedrecs_500.txt": 500,
    "metaknowledge_savedrecs_32.txt": 32,
    "tethne_wos_10.txt": 10,
}


def sample(name: str) -> Path:
    path = PLAIN / name
    if not path.is_file():
        pytest.skip(f"real sample {path} not found "
                    "(CI provides ../shared/samples beside the clone)")
    return path


def read_all(path: Path, encoding: str | None = None):
    parsed = read_wos_plain(path, encoding or read_head(path).encoding)
    records = list(parsed.records)
    return parsed, records


def raw_counts(path: Path) -> list[dict[str, int]]:
    """Per record: AU, AF, C1 and CR lines and NR, counted from the raw lines (not the importer).

    A tag line and the indented lines after it belong to the tag.
    """
    out, current, tag = [], None, None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("PT "):
            current = {"AU": 0, "AF": 0, "C1": 0, "CR": 0, "NR": -1}
        if current is None:
            continue
        if line == "ER":
            out.append(current)
            current = None
        elif line.startswith("   "):
            if tag in ("AU", "AF", "C1", "CR"):
                current[tag] += 1
        else:
            tag = line[:2]
            if tag in ("AU", "AF", "C1", "CR"):
                current[tag] += 1
            elif tag == "NR":
                current["NR"] = int(line[3:])
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_counts_match_the_raw_file(name):
    path = sample(name)
    parsed, records = read_all(path)
    raw = raw_counts(path)
    assert len(records) == EXPECTED[name] == len(raw) == parsed.rows_read
    assert parsed.problems == []
    for record, counts in zip(records, raw):
        assert len(record.authors) == (counts["AF"] or counts["AU"]), record.source_line
        assert len(record.addresses) == counts["C1"], record.source_line
        assert len(record.cited_references) == counts["CR"], record.source_line
        assert record.cited_reference_count == counts["NR"]
    details = parsed.details
    assert details["records"] == len(raw)
    assert details["authors"] == sum(c["AF"] or c["AU"] for c in raw)
    assert details["addresses"] == sum(c["C1"] for c in raw)
    assert details["cited_references"] == sum(c["CR"] for c in raw)
    assert details["with_doi"] == sum(1 for r in records if r.doi)
    # NR states how many references the record has; the export agrees except where the
    # raw file itself disagrees (one blacksilicon record lists 17 CR lines under NR 18).
    mismatched = [c for c in raw if c["CR"] and c["CR"] != c["NR"]]
    assert len(mismatched) <= 1


def test_spot_check_first_blacksilicon_record():
    _, records = read_all(sample("blacksilicon_savedrecs_500.txt"))
    rec = records[0]
    assert rec.source == "wos" and rec.source_line == 3
    assert rec.title == "Application of Nano Texturing on Multi-crystalline Silicon Solar Cells"
    assert rec.doi == "10.5755/j01.ms.24.2.17398"
    assert rec.ut == "WOS:000432989900002"
    assert rec.year == 2018 and rec.volume == "24" and rec.begin_page == "126"
    assert rec.source_title == "MATERIALS SCIENCE-MEDZIAGOTYRA"
    assert rec.source_abbrev == "MATER SCI-MEDZG"
    assert [a.full_name for a in rec.authors[:2]] == ["Gou, Xianfang", "Li, Xiaoyan"]
    assert rec.authors[0].short_name == "Gou, XF"
    assert [a.full_name for a in rec.authors if a.corresponding] == ["Huang, Junlin"]
    # C1: [Gou; Li] Beijing; [Gou; Huang; ...] CECEP; [Wang] Beijing Jiaotong.
    assert rec.authors[0].address_positions == [0, 1]
    assert rec.authors[2].full_name == "Wang, Shaoliang" and rec.authors[2].address_positions == [2]
    assert rec.addresses[1].organisation == "CECEP Solar Energy Technol Zhenjiang Co Ltd"
    assert rec.addresses[1].country == "Peoples R China"
    assert rec.addresses[0].text == "Beijing Univ Technol, Beijing 100124, Peoples R China"
    assert rec.keywords_author == ["nano texturing", "reactive ion etching", "silicon",
                                   "solar cell"]
    assert rec.cited_references[0] == ("Aldosari M, 2016, SUPERLATTICE MICROST, V92, P242, "
                                       "DOI 10.1016/j.spmi.2016.02.023")
    assert rec.cited_reference_count == 26 and rec.times_cited == 0
    assert rec.categories == ["Materials Science, Multidisciplinary"]
    assert rec.open_access == "gold" and rec.emails == ["huangjunlin@cecsec.com"]
    assert rec.funding.startswith("National Natural Science Foundation of ChinaNational Natural "
                                  "Science Foundation of China (NSFC) [61575019];")
    assert "\n" in rec.funding  # FU and FX, one per line
    assert rec.extra["PA"] == "KAUNAS UNIV TECH MATERIALS SCIENCE, K DONELAICIO G 73, KAUNAS, " \
                              "LT 44029, LITHUANIA"
    assert rec.extra["Z9"] == "0" and rec.extra["GA"] == "GG8ZS" and rec.extra["PT"] == "J"


def test_continuation_lines_of_titles_are_joined():
    _, records = read_all(sample("blacksilicon_savedrecs_500.txt"))
    assert records[1].title == ("Silver catalyzed nano-texturing of silicon surfaces for solar "
                                "cell applications")
    assert "Antireflection coating" in records[1].keywords_author


def test_chinese_interface_export():
    _, records = read_all(sample("wosanalysis_savedrecs_zhUI_609.txt"))
    rec = next(r for r in records if r.ut == "WOS:000436225600014")
    assert rec.title.startswith("Thermodynamic performance assessment of ocean thermal energy")
    authors = {a.full_name: a for a in rec.authors}
    # RP "Yilmaz, F (通讯作者)，Aksaray Univ, ..." with a full-width comma.
    assert authors["Yilmaz, Fatih"].corresponding
    assert not authors["Ozturk, Murat"].corresponding
    # OI names differ in case from AF ("YILMAZ, Fatih", "ozturk, murat").
    assert authors["Yilmaz, Fatih"].orcid == "0000-0002-4401-4266"
    assert authors["Ozturk, Murat"].orcid == "0000-0003-1585-0449"
    assert authors["Ozturk, Murat"].researcher_id == "AAH-9917-2021"
    assert rec.reprint_address.startswith("Yilmaz, F (通讯作者)，Aksaray Univ")
    assert rec.addresses[0].country == "Turkey"
    assert rec.extra["C3"] == "Aksaray University; Suleyman Demirel University; Suleyman " \
                              "Demirel University"
    # "&amp;" entities in WE are unescaped.
    with_arts = [r for r in records if "Arts & Humanities" in r.extra.get("WE", "")]
    assert with_arts and not any("&amp;" in r.extra.get("WE", "") for r in records)


def test_us_addresses_get_country_usa():
    _, records = read_all(sample("wosanalysis_savedrecs_zhUI_609.txt"))
    us = [a for r in records for a in r.addresses if a.text.endswith(" USA")]
    assert us and all(a.country == "USA" for a in us)


def test_highly_cited_and_hot_flags():
    _, records = read_all(sample("wosanalysis_savedrecs_833.txt"))
    flagged = [r for r in records if r.highly_cited is not None]
    assert len(flagged) == 19  # 19 records carry HC in the raw file
    assert all(r.highly_cited in (True, False) for r in flagged)
    assert sum(1 for r in records if r.highly_cited is None) == 833 - 19


def test_old_records_without_author_brackets_link_every_author():
    _, records = read_all(sample("metaknowledge_savedrecs_32.txt"))
    rec = next(r for r in records if len(r.addresses) > 1 and len(r.authors) > 1)
    positions = list(range(len(rec.addresses)))
    assert all(a.address_positions == positions for a in rec.authors)
    # Accession numbers before 1997 have the old form "WOS:A1974S801100007".
    assert sum(1 for r in records if re.fullmatch(r"WOS:A\d{4}[0-9A-Z]{10}", r.ut)) == 24
    first = records[0].addresses[0] if records[0].addresses else None
    if first is not None:  # "UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY."
        assert first.country and not first.country.endswith(".")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_with_full_certainty(name):
    head = read_head(sample(name))
    assert detect_wos_plain(head) == 1.0
    assert SPEC_PLAIN.id == "wos_plain" and SPEC_PLAIN.read is read_wos_plain


def test_records_stream_as_a_generator():
    path = sample("blacksilicon_savedrecs_500.txt")
    parsed = read_wos_plain(path, "utf-8")
    assert inspect.isgenerator(parsed.records)
    first = next(parsed.records)
    assert first.ut == "WOS:000432989900002" and parsed.rows_read == 1
    assert 0 < parsed.fraction < 1  # blocks of about 1 MB: part of the 2.6 MB file
    rest = list(parsed.records)
    assert len(rest) == 499 and parsed.fraction == 1.0


# -- variants made from the samples -----------------------------------------------------

@pytest.fixture(scope="module")
def reference():
    return read_all(sample("blacksilicon_savedrecs_500.txt"))[1]


def _same(records, reference, *, lines: bool = True):
    assert len(records) == len(reference)
    for got, want in zip(records, reference):
        if not lines:
            got.source_line = want.source_line
        assert got == want


def test_crlf_gives_the_same_records(tmp_path, reference):
    text = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    _same(read_all(path)[1], reference)


def test_bom_and_no_header_give_the_same_records(tmp_path, reference):
    text = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    path = tmp_path / "nohdr.txt"
    path.write_text("\ufeff" + text[text.index("PT "):], encoding="utf-8")
    records = read_all(path, "utf-8")[1]
    assert records[0].source_line == 1
    _same(records, reference, lines=False)


def _tab_variant(text: str) -> str:
    """The 2021 layout: TAB after the tag, continuation lines not indented."""
    out = []
    for line in text.split("\n"):
        if line.startswith("   "):
            out.append(line[3:])
        elif re.match(r"^[A-Z][A-Z0-9] ", line):
            out.append(f"{line[:2]}\t{line[3:]}")
        else:
            out.append(line)
    return "\n".join(out)


def test_2021_tab_variant_with_unindented_continuations(tmp_path, reference):
    path = tmp_path / "tab_variant.txt"
    text = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    path.write_text(_tab_variant(text), encoding="utf-8")
    assert detect_wos_plain(read_head(path)) == 1.0
    _same(read_all(path)[1], reference)


def test_two_exports_concatenated(tmp_path):
    first = sample("blacksilicon_savedrecs_500.txt").read_bytes()
    second = sample("metaknowledge_savedrecs_32.txt").read_bytes()  # starts with its own BOM
    path = tmp_path / "both.txt"
    path.write_bytes(first + b"\n" + second)
    parsed, records = read_all(path, "utf-8")
    assert len(records) == 500 + 32 and parsed.problems == []
    first_ut = re.search(r"^UT (.+)$", second.decode("utf-8-sig"), re.M).group(1)
    assert records[500].ut == first_ut
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[records[500].source_line - 1] == "PT J"
    assert not any("outside" in w for w in parsed.warnings)


@pytest.mark.parametrize("tab_first", [False, True])
def test_exports_of_both_layouts_pasted_together(tmp_path, reference, tab_first):
    space = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    other = sample("metaknowledge_savedrecs_32.txt").read_text(encoding="utf-8-sig")
    tab = _tab_variant(other)
    path = tmp_path / "mixed.txt"
    path.write_text(tab + "\n" + space if tab_first else space + "\n" + tab, encoding="utf-8")
    parsed, records = read_all(path, "utf-8")
    expected = read_all(sample("metaknowledge_savedrecs_32.txt"))[1]
    assert len(records) == 532 and parsed.problems == [] and not parsed.warnings[2:]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert all(lines[r.source_line - 1][:3] in ("PT ", "PT\t") for r in records)
    ours, theirs = (records[:32], records[32:]) if tab_first else (records[500:], records[:500])
    _same(ours, expected, lines=False)
    _same(theirs, reference, lines=False)


def test_record_without_er_is_read_and_reported(tmp_path, reference):
    text = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    ends = [m.start() for m in re.finditer(r"\nER\n", text)]
    path = tmp_path / "no_er.txt"
    path.write_text(text[:ends[2]] + text[ends[2] + 3:], encoding="utf-8")
    parsed, records = read_all(path)
    assert len(records) == 500 and parsed.problems == []
    _same(records[:3], reference[:3])
    start = reference[2].source_line
    assert any(f"line {start}" in w and "'ER'" in w for w in parsed.warnings)


def test_truncated_file_skips_the_last_record_with_its_line(tmp_path, reference):
    text = sample("blacksilicon_savedrecs_500.txt").read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^PT ", text, re.M)]
    path = tmp_path / "truncated.txt"
    path.write_text(text[:starts[251] + 300], encoding="utf-8")  # cut inside record 252
    parsed, records = read_all(path)
    assert len(records) == 251 and parsed.rows_read == 252
    assert [p.line for p in parsed.problems] == [reference[251].source_line]
    assert "truncated" in parsed.problems[0].message
    _same(records, reference[:251])


def test_binary_junk_is_rejected_at_line_1(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(os.urandom(4000))
    with pytest.raises(InputError) as info:
        read_all(path, "utf-8")
    assert info.value.line == 1 and "not a Web of Science" in info.value.message
    assert detect_wos_plain(read_head(path)) == 0.0


def test_text_without_records_is_rejected(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_all(path, "utf-8")
    assert info.value.line == 1


def test_record_without_title_or_ut_is_skipped(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n"
                    "PT J\nAU Zhang, W\nSO NATURE\nER\n\n"
                    "PT J\nAU Li, N\nTI A title\nUT WOS:000123456700001\nER\n\nEF\n",
                    encoding="utf-8")
    parsed, records = read_all(path, "utf-8")
    assert [r.title for r in records] == ["A title"]
    assert [p.line for p in parsed.problems] == [3] and parsed.rows_read == 2
    assert parsed.warnings[0].startswith("no cited references in this file")


def test_odd_lines_take_the_slow_path_without_losing_data(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n"
        # a repeated C1 tag, an empty DE line and a blank line inside the record
        "PT J\nAU Zhang, W\n   Li, N\nAF Zhang, Wei\n   Li, Na\nTI A title\nDE\n"
        "C1 [Zhang, Wei] Dalian Univ Technol, Dalian 116024, Peoples R China.\n"
        "C1 [Li, Na] Stanford Univ, Stanford, CA 94305 USA.\n\n"
        "UT WOS:000123456700001\nER\n\n"
        "some junk between records\n\n"
        "PT J\nAU Wang, X\nTI Second\nUT WOS:000123456700002\nER\n\nEF\n", encoding="utf-8")
    parsed, records = read_all(path, "utf-8")
    assert [r.title for r in records] == ["A title", "Second"] and parsed.problems == []
    first = records[0]
    assert [a.text for a in first.addresses] == [
        "Dalian Univ Technol, Dalian 116024, Peoples R China",
        "Stanford Univ, Stanford, CA 94305 USA"]
    assert [a.country for a in first.addresses] == ["Peoples R China", "USA"]
    assert [a.address_positions for a in first.authors] == [[0], [1]]
    assert first.keywords_author == [] and "DE" not in first.extra
    assert records[1].source_line == 18
    assert any("line 16" in w and "junk" in w for w in parsed.warnings)
