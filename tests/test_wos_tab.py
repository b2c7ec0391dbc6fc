"""WoS tab-delimited and Excel importers: real samples, raw counts, variants, bad input."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analyst_app.errors import InputError
from analyst_app.importers.registry import read_head
from analyst_app.importers.wos_plain import detect_wos_plain, read_wos_plain
from analyst_app.importers.wos_tab import (SPEC_TAB, SPEC_XLSX, detect_wos_tab, detect_wos_xlsx,
                                           read_wos_tab, read_wos_xlsx)
from tests.conftest import SAMPLES

TAB = SAMPLES / "wos_tab"
XLSX = "wosanalysis_savedrecs_1000.xlsx"
#: Record counts from ../shared/samples/SOURCES.md.
EXPECTED = {
    "scientopy_wos_tab_1000.txt": 1000,
    "wenlei_wos_tab_42.txt": 42,
    "wenlei_allDB_tab_276.txt": 276,
}
# An address list entry ends at a ";" that is not inside the "[authors]" brackets.
_ADDRESS_SEPARATOR = re.compile(r";\s*(?![^\[]*\])")


def sample(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        pytest.skip(f"real sample {path} not found "
                    "(CI provides ../shared/samples beside the clone)")
    return path


def read_tab(path: Path, encoding: str | None = None):
    parsed = read_wos_tab(path, encoding or read_head(path).encoding)
    return parsed, list(parsed.records)


def read_xlsx(path: Path):
    parsed = read_wos_xlsx(path, "binary")
    return parsed, list(parsed.records)


def count_items(authors: str, addresses: str, references: str) -> tuple[int, int, int]:
    """Authors, addresses and references of one row, counted without the importer's code."""
    return (len([a for a in authors.split(";") if a.strip()]),
            len([a for a in _ADDRESS_SEPARATOR.split(addresses) if a.strip()]),
            len([r for r in references.split("; ") if r.strip()]))


def raw_tab_counts(path: Path) -> list[tuple[int, int, int]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    col = {name: i for i, name in enumerate(header) if name}
    out = []
    for row in rows[1:]:
        get = lambda tag: row[col[tag]] if tag in col else ""  # noqa: E731
        out.append(count_items(get("AF") or get("AU"), get("C1"), get("CR")))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tab_sample_counts_match_the_raw_file(name):
    path = sample(TAB, name)
    parsed, records = read_tab(path)
    raw = raw_tab_counts(path)
    assert len(records) == EXPECTED[name] == len(raw) == parsed.rows_read
    assert parsed.problems == []
    for record, (authors, addresses, references) in zip(records, raw):
        assert len(record.authors) == authors, record.source_line
        assert len(record.addresses) == addresses, record.source_line
        assert len(record.cited_references) == references, record.source_line
    assert parsed.details["authors"] == sum(r[0] for r in raw)
    assert parsed.details["addresses"] == sum(r[1] for r in raw)
    assert parsed.details["cited_references"] == sum(r[2] for r in raw) == 0
    assert any("no cited references" in w for w in parsed.warnings)
    # Physical lines: the header is line 1, so row n is line n + 1 (no blank lines here).
    assert [r.source_line for r in records[:3]] == [2, 3, 4]


def test_tab_spot_check_core_collection_row():
    _, records = read_tab(sample(TAB, "wenlei_wos_tab_42.txt"))
    rec = records[1]
    assert rec.title.startswith("Water resources management in a reservoir-regulated basin")
    assert rec.doi == "10.1016/j.jhydrol.2020.124903" and rec.ut == "WOS:000544258100062"
    assert rec.year == 2020 and rec.article_number == "124903" and rec.volume == "586"
    assert rec.authors[0].full_name == "Dong, Ningpeng" and rec.authors[0].short_name == "Dong, NP"
    by_name = {a.full_name: a for a in rec.authors}
    # OI lists "Dong, Ningpeng" last: matched by name, not by position.
    assert by_name["Dong, Ningpeng"].orcid == "0000-0002-5226-6180"
    assert by_name["Kunstmann, Harald"].researcher_id == "A-7071-2013"
    assert rec.issn == "0022-1694" and rec.eissn == "1879-2707"


def test_tab_all_databases_layout_uses_au_as_full_names():
    _, records = read_tab(sample(TAB, "wenlei_allDB_tab_276.txt"))
    rec = records[1]
    assert [a.full_name for a in rec.authors] == ["Patnaik, Sansit", "Semperlotti, Fabio"]
    assert rec.authors[0].short_name == "Patnaik, Sansit"
    assert rec.ut == "WOS:000566851000007" and rec.doi == "10.1115/1.4046831"
    assert rec.extra["Z8"] == "0" and rec.times_cited == 0


def test_tab_addresses_with_brackets_split_and_linked():
    _, records = read_tab(sample(TAB, "scientopy_wos_tab_1000.txt"))
    rec = records[1]
    assert rec.ut and len(rec.addresses) == 1
    assert rec.addresses[0].text == "Iran Univ Sci & Technol, Dept Elect Engn, Tehran, Iran"
    assert rec.addresses[0].country == "Iran"
    assert all(a.address_positions == [0] for a in rec.authors)
    assert [a.full_name for a in rec.authors if a.corresponding] == ["Ebadollahi, Saeed"]
    assert not any(a.text.startswith("[") for r in records for a in r.addresses)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tab_detection(name):
    head = read_head(sample(TAB, name))
    assert detect_wos_tab(head) == 1.0
    assert detect_wos_plain(head) == 0.0 and detect_wos_xlsx(head) == 0.0
    assert SPEC_TAB.id == "wos_tab" and SPEC_XLSX.id == "wos_xlsx"


def test_utf16_tab_file_gives_the_same_records(tmp_path):
    source = sample(TAB, "wenlei_wos_tab_42.txt")
    path = tmp_path / "utf16.txt"
    path.write_bytes(source.read_text(encoding="utf-8-sig").encode("utf-16"))
    head = read_head(path)
    assert head.encoding == "utf-16" and detect_wos_tab(head) == 1.0
    assert read_tab(path, head.encoding)[1] == read_tab(source)[1]


def test_crlf_tab_file(tmp_path):
    source = sample(TAB, "wenlei_wos_tab_42.txt")
    path = tmp_path / "crlf.txt"
    path.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert read_tab(path)[1] == read_tab(source)[1]


def test_tab_file_without_header_is_rejected_at_line_1(tmp_path):
    source = sample(TAB, "wenlei_wos_tab_42.txt")
    path = tmp_path / "no_header.txt"
    path.write_text("".join(source.read_text(encoding="utf-8-sig").splitlines(True)[1:]),
                    encoding="utf-8")
    assert detect_wos_tab(read_head(path)) == 0.0
    with pytest.raises(InputError) as info:
        read_tab(path, "utf-8")
    assert info.value.line == 1 and "missing header" in info.value.message


def test_truncated_tab_file_skips_the_cut_row(tmp_path):
    source = sample(TAB, "wenlei_wos_tab_42.txt")
    text = source.read_text(encoding="utf-8-sig")
    path = tmp_path / "cut.txt"
    path.write_text(text[:text.rindex("\n", 0, len(text) - 2) + 200], encoding="utf-8")
    parsed, records = read_tab(path, "utf-8")
    assert len(records) == 41 and parsed.rows_read == 42
    assert [p.line for p in parsed.problems] == [43]
    assert "cut short" in parsed.problems[0].message


def _plain_to_tab(plain: Path, target: Path) -> None:
    """Write a tab-delimited twin of a plain-text export, independently of the importers."""
    records, current, tag = [], None, None
    for line in plain.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("PT "):
            current = {}
        if current is None:
            continue
        if line == "ER":
            records.append(current)
            current = None
        elif line.startswith("   "):
            current[tag].append(line.strip())
        elif len(line) > 2:
            tag = line[:2]
            current[tag] = [line[3:].strip()]
    tags = list(dict.fromkeys(t for r in records for t in r))
    items = {"AU", "AF", "BA", "BF", "BE", "CA", "GP", "C1", "CR"}
    lines = ["\t".join(tags) + "\t"]
    for rec in records:
        cells = [("; " if t in items else " ").join(v for v in rec.get(t, []) if v) for t in tags]
        lines.append("\t".join(cells) + "\t")
    target.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")


def test_cited_references_survive_the_tab_layout(tmp_path):
    plain = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
    if not plain.is_file():
        pytest.skip(f"real sample {plain} not found")
    path = tmp_path / "twin.txt"
    _plain_to_tab(plain, path)
    tab = read_tab(path)[1]
    text = list(read_wos_plain(plain, "utf-8").records)
    assert len(tab) == len(text) == 500
    for a, b in zip(tab, text):
        a.source_line = b.source_line
        assert a == b
    # References hold ", " and "[...]" (DOI [a, b]) but never "; ": the split is exact.
    assert sum(len(r.cited_references) for r in tab) == 15443


def raw_xlsx_counts(path: Path) -> list[tuple[int, int, int]]:
    from openpyxl import load_workbook
    book = load_workbook(path, read_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows)
    col = {name: i for i, name in enumerate(header)}
    out = []
    for row in rows:
        get = lambda name: row[col[name]] or ""  # noqa: E731
        out.append(count_items(get("Author Full Names") or get("Authors"), get("Addresses"),
                               get("Cited References")))
    book.close()
    return out


def test_xlsx_sample_counts_match_the_raw_sheet():
    path = sample(TAB, XLSX)
    parsed, records = read_xlsx(path)
    raw = raw_xlsx_counts(path)
    assert len(records) == 1000 == len(raw) == parsed.rows_read and parsed.problems == []
    for record, (authors, addresses, references) in zip(records, raw):
        assert len(record.authors) == authors, record.source_line
        assert len(record.addresses) == addresses, record.source_line
        assert len(record.cited_references) == references
    assert parsed.details["authors"] == sum(r[0] for r in raw)
    assert parsed.details["addresses"] == sum(r[1] for r in raw)
    assert records[0].source_line == 2 and records[-1].source_line == 1001


def test_xlsx_spot_check_row_3():
    _, records = read_xlsx(sample(TAB, XLSX))
    rec = records[1]
    assert rec.source_line == 3
    assert rec.title == ("Reduced-impact logging practices reduce forest disturbance and carbon "
                         "emissions in community managed forests on the Yucatan Peninsula, Mexico")
    assert rec.doi == "10.1016/j.foreco.2019.01.040" and rec.ut == "WOS:000461270600037"
    assert rec.year == 2019 and rec.volume == "437" and rec.begin_page == "396"
    assert rec.times_cited == 40 and rec.extra["Z9"] == "43" and rec.cited_reference_count == 97
    first = rec.authors[0]
    assert first.full_name == "Ellis, Edward A." and first.short_name == "Ellis, EA"
    assert first.corresponding and first.orcid == "0000-0001-8972-4846"
    assert first.address_positions == [0]
    # The hyperlink formula in 'DOI Link' keeps its URL.
    assert rec.extra["DL"] == "http://dx.doi.org/10.1016/j.foreco.2019.01.040"
    assert rec.extra["Web of Science Record"].endswith("full-record/WOS:000461270600037")
    assert rec.addresses[0].organisation == "Univ Veracruzana"


def test_xlsx_detection():
    head = read_head(sample(TAB, XLSX))
    assert head.encoding == "binary"
    assert detect_wos_xlsx(head) == 1.0
    assert detect_wos_tab(head) == 0.0 and detect_wos_plain(head) == 0.0


def test_xlsx_and_tab_layouts_give_the_same_records(tmp_path):
    """The Excel columns map one to one onto the tab tags (WoS writes both from one layout)."""
    from openpyxl import load_workbook
    tab_header = sample(TAB, "scientopy_wos_tab_1000.txt").read_text(
        encoding="utf-8-sig").splitlines()[0].split("\t")
    book = load_workbook(sample(TAB, XLSX), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True, max_row=60))
    book.close()
    assert rows[0][70] == "UT (Unique WOS ID)" and tab_header[70] == "UT"

    def cell(value):
        if isinstance(value, str) and value.startswith("=HYPERLINK("):
            return value.split('"')[1]
        return "" if value is None else str(value)

    path = tmp_path / "twin.txt"
    lines = ["\t".join(tab_header)] + ["\t".join(cell(v) for v in row[:71]) for row in rows[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tab = read_tab(path, "utf-8")[1]
    xlsx = read_xlsx(sample(TAB, XLSX))[1][:59]
    for a, b in zip(tab, xlsx):
        b.extra.pop("Web of Science Record", None)
        assert a == b


def test_legacy_xls_without_xlrd_asks_for_xlsx(tmp_path):
    pytest.importorskip("openpyxl")
    try:
        import xlrd  # noqa: F401
        pytest.skip("xlrd is installed: legacy .xls files are read")
    except ImportError:
        pass
    path = tmp_path / "savedrecs.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                     + b"Article Title\0UT (Unique WOS ID)\0Addresses")
    assert detect_wos_xlsx(read_head(path)) == 0.9
    with pytest.raises(InputError) as info:
        read_wos_xlsx(path, "binary")
    assert ".xlsx" in info.value.message and "xlrd" in info.value.message


def test_xlsx_that_is_not_a_wos_export_is_rejected(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    book.active.append(["Name", "Score"])
    book.active.append(["a", 1])
    path = tmp_path / "other.xlsx"
    book.save(path)
    assert detect_wos_xlsx(read_head(path)) == 0.0
    with pytest.raises(InputError) as info:
        read_xlsx(path)
    assert info.value.line == 1


def test_txt_and_xlsx_of_the_same_repository_agree_on_shared_records():
    xlsx = {r.ut: r for r in read_xlsx(sample(TAB, XLSX))[1]}
    shared = 0
    for name in ("wosanalysis_savedrecs_833.txt", "wosanalysis_savedrecs_zhUI_609.txt"):
        plain = SAMPLES / "wos_plain" / name
        if not plain.is_file():
            pytest.skip(f"real sample {plain} not found")
        for rec in read_wos_plain(plain, "utf-8-sig").records:
            other = xlsx.get(rec.ut)
            if other is not None:
                shared += 1
                assert (rec.doi, rec.title, rec.year) == (other.doi, other.title, other.year)
    # The three WOSAnalysis exports come from different searches: no UT in common (checked,
    # so that the comparison above is known to be empty rather than silently skipped).
    assert shared == 0
