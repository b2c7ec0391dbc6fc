"""The Scopus CSV importer on the real exports, their spreadsheet-mangled variants and bad input."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from analyst_app.errors import InputError
from analyst_app.importers.registry import read_head
from analyst_app.importers.scopus_csv import SPEC, detect_scopus_csv, read_scopus_csv
from tests.conftest import SAMPLES

SCOPUS = SAMPLES / "scopus_csv"
# Data rows of each real export, as SOURCES.md gives them.
EXPECTED = {
    "amg_scopus_580.csv": 580,
    "helioszjr_scopus_81.csv": 81,
    "tethne_scopus_20.csv": 20,
    "liziyue_scopus_zh-CN_headers.csv": 694,
}


def _sample(name: str) -> Path:
    path = SCOPUS / name
    if not path.exists():
        pytest.skip(f"real sample export {path} not found (CI provides ../shared/samples)")
    return path


def _read(path: Path, encoding: str | None = None):
    parsed = read_scopus_csv(path, encoding or read_head(path).encoding)
    return parsed, list(parsed.records)


def _raw_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _independent_counts(rows: list[dict[str, str]]) -> dict[str, int]:
    """Counts taken from the raw cells with the csv module, not with the importer."""
    def cell(row, *names):
        return next((row[n] for n in names if n in row), "") or ""

    authors = addresses = references = with_doi = 0
    for row in rows:
        ids = cell(row, "Author(s) ID", "作者 ID")
        if "Author(s) ID" in row or "作者 ID" in row:
            authors += len([i for i in ids.split(";") if i.strip().isdigit()])
        else:  # c. 2015 layout: "Pan, Y., Yu, C." - two comma parts per author
            authors += len([t for t in cell(row, "Authors").split(",") if t.strip()]) // 2
        affiliations = cell(row, "Affiliations").replace("& amp;", "&")
        addresses += len([a for a in affiliations.split("; ") if a.strip()])
        references += len([r for r in cell(row, "References").split("; ")
                           if r.strip() and not r.strip().startswith("[")])
        with_doi += cell(row, "DOI").strip().startswith("10.")
    return {"records": len(rows), "authors": authors, "addresses": addresses,
            "cited_references": references, "with_doi": with_doi}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_reads_with_the_counts_of_the_raw_file(name):
    path = _sample(name)
    assert detect_scopus_csv(read_head(path)) >= 0.9
    parsed, records = _read(path)
    assert len(records) == EXPECTED[name] == parsed.rows_read
    assert parsed.problems == []
    assert parsed.details == _independent_counts(_raw_rows(path))
    assert parsed.fraction == 1.0
    assert all(r.source == "scopus" and r.title and r.eid.startswith("2-s2.0-") for r in records)
    # One row per physical line in these files: row n starts at line n + 1.
    assert [r.source_line for r in records] == list(range(2, len(records) + 2))


def test_current_layout_record_by_hand():
    parsed, records = _read(_sample("amg_scopus_580.csv"))
    rec = records[1]
    assert rec.title.startswith('"I am the follower, also the boss": Exploring Different Levels')
    assert (rec.doi, rec.year, rec.eid) == ("10.1145/3544548.3580884", 2023, "2-s2.0-85160006419")
    assert rec.doc_type == "Conference paper" and rec.article_number == "542"
    assert [a.full_name for a in rec.authors][:2] == ["Zhang, Yan", "Li, Ziang"]
    assert (rec.authors[0].short_name, rec.authors[0].researcher_id) == ("Zhang Y.", "57953649600")
    assert [a.corresponding for a in rec.authors] == [False] * 8 + [True]  # J. Gong = Gong J.
    assert rec.emails == ["gongjiangtao2@gmail.com"]
    assert "Tsinghua University" in rec.reprint_address
    assert [(a.organisation, a.country) for a in rec.addresses] == [
        ("Tsinghua University", "China"),
        ("The Hong Kong University of Science and Technology (Guangzhou)", "China"),
        ("The Hong Kong University of Science and Technology", "Hong Kong")]
    assert rec.authors[0].address_positions == [0]
    assert rec.keywords_author[:2] == ["control", "guiding robot"]
    assert rec.open_access == "All Open Access; Green Open Access"
    assert "no cited references in this file: co-citation will not be available" in parsed.warnings[0]


def test_affiliations_with_semicolons_and_split_entities_stay_linked():
    _, records = _read(_sample("amg_scopus_580.csv"))
    fink = next(r for r in records if r.authors and r.authors[0].short_name == "Fink P.D.S.")
    texts = [a.text for a in fink.addresses]
    # "INSITE Lab; Department of Computer Science, Colby College, ..." is one affiliation
    # written with "; ": its two halves are both linked to the authors who have it.
    doore = fink.authors[1]
    assert [texts[p] for p in doore.address_positions] == [
        "INSITE Lab", "Department of Computer Science, Colby College, Waterville, ME, United States"]
    assert len(fink.authors[0].address_positions) == 2  # two affiliations joined with ", "
    hong = next(r for r in records if r.authors and r.authors[0].short_name == "Hong B.")
    tianbo = "Tianjin Tianbo Science & Technology Co., Ltd., Tianjin, China"
    assert tianbo in [a.text for a in hong.addresses]  # "& amp;" repaired, not split
    assert [hong.addresses[p].text for p in hong.authors[0].address_positions][1] == tianbo


def test_2020_layout_record_by_hand():
    parsed, records = _read(_sample("helioszjr_scopus_81.csv"))
    rec = records[0]
    assert rec.title.startswith("Validation of agile methodology as ideal software development")
    assert (rec.year, rec.doi) == (2022, "10.1016/j.advengsoft.2022.103125")
    assert [(a.short_name, a.researcher_id) for a in rec.authors] == [
        ("Govil N.", "57209571323"), ("Sharma A.", "57220907015")]
    assert rec.authors[0].corresponding and rec.emails == ["nikhil.govil@gla.ac.in"]
    assert rec.authors[0].address_positions == [0] and rec.addresses[0].country == "India"
    assert rec.cited_references[0].startswith("Nayak, V., D'Souza, D.R., A survey on multi-criteria")
    funded = [r for r in records if r.funding]
    assert funded and any("Horizon 2020" in r.funding for r in funded)
    assert parsed.details["cited_references"] > 2000


def test_old_layout_record_by_hand():
    parsed, records = _read(_sample("tethne_scopus_20.csv"))
    rec = records[1]
    assert rec.title.startswith("A microbial endophyte enhanced growth of switchgrass")
    assert [a.full_name for a in rec.authors] == ["Wang, B.", "Seiler, J.R.", "Mei, C."]
    assert all(a.researcher_id is None for a in rec.authors)
    assert [a.address_positions for a in rec.authors] == [[0], [0], [1]]
    assert rec.addresses[1].text.startswith("Center for Sustainable and Renewable Resources")
    assert rec.authors[0].corresponding and rec.issn == "0098-8472"
    assert any("surname and initials" in w for w in parsed.warnings)


def test_chinese_header_record_by_hand():
    _, records = _read(_sample("liziyue_scopus_zh-CN_headers.csv"))
    rec = records[0]
    assert rec.title.startswith("A Fuzzy Lyapunov Function Approach to Positive")
    assert (rec.year, rec.volume, rec.issue, rec.begin_page, rec.end_page) == (2021, "51", "2", "775", "785")
    assert rec.source_title == "IEEE Transactions on Systems, Man, and Cybernetics: Systems"
    assert (rec.times_cited, rec.doc_type, rec.eid) == (26, "Article", "2-s2.0-85058159825")
    assert [a.full_name for a in rec.authors] == ["Qi, W.", "Park, J.H.", "Zong, G.", "Cao, J.", "Cheng, J."]
    assert rec.authors[1].researcher_id == "15036553900"
    assert rec.extra["publication_stage"] == "Final"


def test_traditional_chinese_headers_read_like_simplified(tmp_path):
    source = _sample("liziyue_scopus_zh-CN_headers.csv")
    text = source.read_text(encoding="utf-8-sig")
    header, body = text.split("\n", 1)
    traditional = ("作者,作者 ID,標題,年份,來源出版物名稱,卷,期,論文編號,起始頁碼,結束頁碼,頁碼計數,"
                   "被引用文獻,DOI,連結,文獻類型,出版階段,開放取用,來源出版物,EID")
    assert len(traditional.split(",")) == len(header.split(","))
    path = tmp_path / "zh_tw.csv"
    path.write_text(traditional + "\n" + body, encoding="utf-8-sig")
    assert detect_scopus_csv(read_head(path)) >= 0.9
    _, expected = _read(source)
    _, records = _read(path)
    assert records == expected


# --- variants written to tmp -------------------------------------------------------------

def _head_rows(path: Path, count: int) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [next(handle) for _ in range(count + 1)]


def test_without_bom_with_crlf_and_gb18030(tmp_path):
    source = _sample("liziyue_scopus_zh-CN_headers.csv")
    text = source.read_text(encoding="utf-8-sig")
    _, expected = _read(source)
    for name, data in {"plain.csv": text.encode("utf-8"),
                       "crlf.csv": text.replace("\n", "\r\n").encode("utf-8"),
                       "gbk.csv": text.encode("gb18030")}.items():
        path = tmp_path / name
        path.write_bytes(data)
        encoding = read_head(path).encoding
        if name == "gbk.csv":
            assert encoding == "gb18030"
        assert detect_scopus_csv(read_head(path)) >= 0.9
        _, records = _read(path, encoding)
        assert [r.title for r in records] == [r.title for r in expected]
        assert [len(r.authors) for r in records] == [len(r.authors) for r in expected]


def test_csv_that_went_through_a_spreadsheet(tmp_path):
    source = _sample("amg_scopus_580.csv")
    lines = _head_rows(source, 30)
    _, expected = _read(source)
    # Trailing ";;;;" on the header and the rows, and empty padding columns.
    padded = tmp_path / "padded.csv"
    padded.write_text(lines[0].rstrip("\n") + ",,,;;;;\n"
                      + "".join(line.rstrip("\n") + ",,,\n" for line in lines[1:])
                      + ",,,,,,\n", encoding="utf-8-sig")
    assert detect_scopus_csv(read_head(padded)) >= 0.9
    parsed, records = _read(padded)
    assert [r.title for r in records] == [r.title for r in expected[:30]]
    assert [r.eid for r in records] == [r.eid for r in expected[:30]] and not parsed.problems
    # Re-saved by a European-locale spreadsheet: ';' between fields, quotes only where needed.
    rows = list(csv.reader(io.StringIO("".join(lines))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text(out.getvalue(), encoding="utf-8-sig")
    assert detect_scopus_csv(read_head(semicolons)) >= 0.9
    _, records = _read(semicolons)
    assert [(r.title, r.doi, len(r.authors), len(r.addresses)) for r in records] == \
        [(r.title, r.doi, len(r.authors), len(r.addresses)) for r in expected[:30]]


def _synthetic_lines(count: int) -> list[str]:
    # An unquoted file: after an opening quote nothing closes it before the end of the file.
    rows = [f"Li W.; Wang X.,Title number {n},2020,Journal {n},10.1000/x{n},2-s2.0-{n:011d}\n"
            for n in range(1, count + 1)]
    return ["Authors,Title,Year,Source title,DOI,EID\n", *rows]


@pytest.mark.parametrize("breakage", ["end_of_row", "inside_row", "rest_of_file"])
def test_a_broken_quote_is_reported_with_its_line_and_the_other_rows_kept(tmp_path, breakage):
    if breakage == "rest_of_file":
        lines = _synthetic_lines(30)
        lines[10] = lines[10].replace(",Title", ',"Title', 1)
    else:
        lines = _head_rows(_sample("helioszjr_scopus_81.csv"), 30)
        cut = lines[10].rstrip("\n")
        if breakage == "end_of_row":  # an opening quote on the last field: swallows the next row
            at = cut.rfind(",") + 1
            lines[10] = cut[:at] + '"' + cut[at:] + "\n"
        else:                         # a quoted title that loses its closing quote
            at = cut.index('","') + 3
            at = cut.index('"', cut.index('","', at) + 3)
            lines[10] = cut[:at] + cut[at + 1:] + "\n"
    clean = tmp_path / "clean.csv"
    clean.write_text("".join(_head_rows(_sample("helioszjr_scopus_81.csv"), 30))
                     if breakage != "rest_of_file" else "".join(_synthetic_lines(30)), encoding="utf-8")
    _, expected = _read(clean)
    path = tmp_path / f"{breakage}.csv"
    path.write_text("".join(lines), encoding="utf-8")
    parsed, records = _read(path)
    assert [p.line for p in parsed.problems] == [11], parsed.problems
    assert "row skipped" in parsed.problems[0].message
    assert len(records) == 29 and parsed.rows_read == 30
    assert [r.eid for r in records] == [r.eid for r in expected if r.eid != expected[9].eid]
    assert [r.title for r in records][9:] == [r.title for r in expected[10:]]
    assert [r.source_line for r in records][9:11] == [12, 13]


def test_a_quote_that_runs_on_too_long_is_cut_and_reading_resumes(tmp_path, monkeypatch):
    import analyst_app.importers.scopus_csv as scopus_csv
    monkeypatch.setattr(scopus_csv, "MAX_ROW_LINES", 5)  # the real limit is 1000 lines
    lines = _synthetic_lines(30)
    lines[10] = lines[10].replace(",Title", ',"Title', 1)
    path = tmp_path / "runs_on.csv"
    path.write_text("".join(lines), encoding="utf-8")
    parsed, records = _read(path)
    assert [p.line for p in parsed.problems] == [11]
    assert "more than 5 lines" in parsed.problems[0].message
    assert len(records) == 29 and records[-1].title == "Title number 30"


def test_records_stream_with_progress(tmp_path):
    source = _sample("amg_scopus_580.csv")
    parsed = read_scopus_csv(source, "utf-8-sig")
    assert parsed.rows_read == 0 and parsed.details == {}  # nothing read before iteration
    stream = iter(parsed.records)
    first = [next(stream) for _ in range(300)]
    assert parsed.rows_read == 300 and 0 < parsed.fraction < 1
    rest = list(stream)
    assert len(first) + len(rest) == 580 and parsed.fraction == 1.0
    assert parsed.details["records"] == 580


def test_nothing_recoverable_is_rejected_with_file_and_line(tmp_path):
    lines = _head_rows(_sample("helioszjr_scopus_81.csv"), 3)
    path = tmp_path / "hopeless.csv"
    path.write_text(lines[0] + "".join(line.replace(",", ";") for line in lines[1:]), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_scopus_csv(path, "utf-8").records)
    assert caught.value.file == str(path) and caught.value.line == 2


def test_binary_junk_and_other_formats_are_rejected(tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"Authors,Title,Year\n" + os.urandom(4096) + b"\x00\xff\xfe" * 50)
    with pytest.raises(InputError) as caught:
        list(read_scopus_csv(junk, "utf-8").records)
    assert caught.value.file == str(junk) and caught.value.line >= 2
    assert read_head(junk).encoding == "binary"
    wos = SAMPLES / "wos_plain" / "tethne_wos_10.txt"
    if wos.exists():
        with pytest.raises(InputError) as caught:
            list(read_scopus_csv(wos, "utf-8-sig").records)
        assert caught.value.line == 1 and "not a Scopus CSV" in caught.value.message


def test_the_detector_claims_no_other_sample():
    others = [p for p in SAMPLES.glob("*/*") if p.parent.name != "scopus_csv" and p.is_file()]
    if not others:
        pytest.skip("real sample exports not found")
    for path in others:
        assert detect_scopus_csv(read_head(path)) < 0.5, path.name
    assert SPEC.id == "scopus_csv" and SPEC.detect is detect_scopus_csv
