"""The CNKI importers (RefWorks, EndNote, NoteExpress, RIS) on the real exports, variants and bad input."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from analyst_app.errors import InputError
from analyst_app.importers import cnki_endnote, cnki_noteexpress, cnki_refworks, cnki_ris
from analyst_app.importers.cnki import SPECS
from analyst_app.importers.registry import read_head
from tests.conftest import SAMPLES

CNKI = SAMPLES / "cnki"
# Records of each real export, as SOURCES.md gives them, and its importer.
EXPECTED = {
    "cnki_refworks_410.txt": (410, cnki_refworks),
    "cnki_endnote_40.txt": (40, cnki_endnote),
    "cnki_noteexpress_mixed_12.net": (12, cnki_noteexpress),
}
# Raw-file tag conventions, written out here independently of the importers.
_START = {"cnki_refworks": r"^RT ", "cnki_endnote": r"^%0 ", "cnki_noteexpress": r"^\{Reference Type\}:"}
_AUTHOR = {"cnki_refworks": r"^A1 (.*)", "cnki_endnote": r"^%A (.*)", "cnki_noteexpress": r"^\{Author\}: (.*)"}
_PLACE = {"cnki_refworks": r"^AD (.*)", "cnki_endnote": r"^%\+ (.*)",
          "cnki_noteexpress": r"^\{Author Address\}: (.*)"}
_TAG = {"cnki_refworks": r"^[A-Z][A-Z0-9] ", "cnki_endnote": r"^%\S", "cnki_noteexpress": r"^\{"}
_INSTITUTION = re.compile(r"大学|学院|研究|医院|公司|集团|中心|实验室|馆|部|局|所")


def _sample(name: str) -> Path:
    path = CNKI / name
    if not path.exists():
        pytest.skip(f"real sample export {path} not found (CI provides ../shared/samples)")
    return path


def _read(module, path: Path, encoding: str | None = None):
    parsed = module.read_cnki_ris(path, encoding) if module is cnki_ris else \
        module.SPEC.read(path, encoding or read_head(path).encoding)
    return parsed, list(parsed.records)


def _raw_counts(path: Path, format_id: str) -> dict[str, int]:
    """Record, author and institution counts by tag counting on the raw lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    records = sum(1 for line in lines if re.match(_START[format_id], line))
    authors = institutions = 0
    for i, line in enumerate(lines):
        if match := re.match(_AUTHOR[format_id], line):
            names = match.group(1)
            authors += len([n for n in re.split(r"[;；,，、]" if re.search(r"[\u4e00-\u9fff]", names)
                                                else r"[;；]", names) if n.strip()])
        if match := re.match(_PLACE[format_id], line):
            value = match.group(1)
            for follow in lines[i + 1:]:  # old records continue the field on untagged lines
                if re.match(_TAG[format_id], follow):
                    break
                value += follow.strip()
            if ";" in value or not re.search(r"[\u4e00-\u9fff]", value):
                parts = {p.strip() for p in re.split(r"[;；]", value) if p.strip()}
            else:  # "A,A,A 北京 100084,北京 100084": one institution per author, then places
                parts = {re.split(r"[\s\d]", p.strip())[0] for p in value.split(",")}
                parts = {p for p in parts if _INSTITUTION.search(p)}
            institutions += len(parts)
    return {"records": records, "authors": authors, "addresses": institutions}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_reads_with_the_counts_of_the_raw_file(name):
    path = _sample(name)
    count, module = EXPECTED[name]
    head = read_head(path)
    scores = {spec.id: spec.detect(head) for spec in SPECS}
    assert scores.pop(module.FORMAT_ID) >= 0.9 and max(scores.values()) == 0.0
    parsed, records = _read(module, path)
    assert len(records) == count == parsed.rows_read and parsed.problems == []
    raw = _raw_counts(path, module.FORMAT_ID)
    assert {k: parsed.details[k] for k in raw} == raw
    assert parsed.details["cited_references"] == 0 and parsed.details["with_doi"] == 0
    assert all(r.source == "cnki" and r.title and not r.cited_references for r in records)
    starts = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.match(_START[module.FORMAT_ID], line)]
    assert [r.source_line for r in records] == starts
    assert any("no cited references" in w for w in parsed.warnings)


def test_refworks_records_by_hand():
    _, records = _read(cnki_refworks, _sample("cnki_refworks_410.txt"))
    first, second = records[:2]
    assert first.title == "图书馆资源发现系统用户画像研究——以东南大学图书馆资源发现系统为例"
    assert (first.year, first.source_title, first.issue) == (2021, "新世纪图书馆", "03")
    assert (first.begin_page, first.end_page, first.issn) == ("38", "43", "1672-514X")
    assert first.language == "Chinese" and first.doc_type == "Journal Article"
    assert [a.full_name for a in first.authors] == ["李慧芳"] == [a.short_name for a in first.authors]
    assert (first.addresses[0].text, first.addresses[0].organisation) == ("东南大学图书馆", "东南大学")
    assert first.authors[0].address_positions == [0]
    assert first.keywords_author == ["图书馆资源发现系统", "用户画像", "语义检索"]
    assert "User portrait" in first.extra["keywords_en"] and first.extra["cn"] == "32-1691/G2"
    # Two authors, two institutions: linked in order.
    assert [(a.full_name, a.address_positions) for a in second.authors] == [("张晓庆", [0]), ("邵波", [1])]
    thesis = next(r for r in records if r.source_line == 314)
    assert thesis.doc_type == "Dissertation/Thesis" and thesis.publisher == "武汉大学"
    assert (thesis.extra["supervisor"], thesis.extra["thesis_level"]) == ("罗琳", "硕士")


def test_endnote_records_by_hand():
    _, records = _read(cnki_endnote, _sample("cnki_endnote_40.txt"))
    elmo = records[1]
    assert elmo.title == "融合 ELMo 和多尺度卷积神经网络的情感分析"
    assert [a.full_name for a in elmo.authors] == ["赵亚欧", "张家重", "李贻斌", "付宪瑞", "生伟"]
    assert [a.organisation for a in elmo.addresses] == ["浪潮集团", "济南大学", "山东大学"]
    assert all(a.address_positions == [] for a in elmo.authors)  # 5 authors, 3 institutions
    english = next(r for r in records if r.authors and r.authors[0].full_name == "Meghan M. Parkinson")
    assert english.language == "English" and english.issn == "0346-251X"
    assert [(a.organisation, a.country) for a in english.addresses] == [
        ("University of North Florida", "USA"), ("University of North Florida", "USA")]
    assert english.abstract.startswith("Abstract\nThis article")  # CNKI's "(#br)" line break
    old = next(r for r in records if any("清华大学计算机科学与技术系" in a.text for a in r.addresses))
    assert [a.text for a in old.addresses] == ["清华大学计算机科学与技术系"]
    assert all(a.address_positions == [0] for a in old.authors)


def test_noteexpress_records_by_hand():
    _, records = _read(cnki_noteexpress, _sample("cnki_noteexpress_mixed_12.net"))
    paper = records[0]
    assert paper.title == "基于深度信念网络资源需求预测的虚拟网络功能动态迁移算法"
    assert (paper.begin_page, paper.end_page, paper.issn, paper.extra["cn"]) == ("1", "8", "1009-5896", "11-4494/TN")
    assert paper.keywords_author == ["虚拟网络功能", "预测", "迁移", "深度学习"]
    news = next(r for r in records if r.doc_type == "Newspaper Article")
    assert (news.year, news.source_title, [a.full_name for a in news.authors]) == \
        (2019, "人民公安报·交通安全周刊", ["和风"])
    # An old record: per-author institutions with place and postcode, broken over lines.
    old = next(r for r in records if r.title == "中药归经研究述评")
    assert [a.full_name for a in old.authors] == ["穆仙丽", "赵宗江", "魏晨"]
    assert [a.text for a in old.addresses] == ["内蒙古福瑞制药有限责任公司", "北京中医药大学"]
    assert [a.address_positions for a in old.authors] == [[0], [1], [1]]
    assert not any(k.endswith("\ufffd") for r in records for k in r.keywords_author)


# --- variants and bad input --------------------------------------------------------------

def test_gb18030_bom_and_lf_variants_read_the_same(tmp_path):
    source = _sample("cnki_refworks_410.txt")
    text = source.read_text(encoding="utf-8")
    _, expected = _read(cnki_refworks, source)
    variants = {"gbk.txt": text.encode("gb18030"), "bom.txt": text.encode("utf-8-sig"),
                "lf.txt": text.replace("\r\n", "\n").encode("utf-8")}
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        head = read_head(path)
        assert head.encoding == {"gbk.txt": "gb18030", "bom.txt": "utf-8-sig"}.get(name, "utf-8")
        assert cnki_refworks.detect_cnki_refworks(head) >= 0.9
        _, records = _read(cnki_refworks, path)
        assert [(r.title, r.source_line, len(r.authors), len(r.addresses)) for r in records] == \
            [(r.title, r.source_line, len(r.authors), len(r.addresses)) for r in expected]


RIS = """TY  - JOUR
AU  - 张伟
AU  - 李娜
AD  - 大连理工大学化工学院;大连理工大学图书馆
TI  - 一种催化剂的制备方法研究
T2  - 化工学报
PY  - 2021
VL  - 72
IS  - 3
SP  - 101
EP  - 110
KW  - 催化剂
KW  - 制备
AB  - 摘要内容。
SN  - 0438-1157
DO  - 10.11949/0438-1157.20201234
DB  - CNKI
ER  - 

TY  - JOUR
AU  - 王强
TI  - 没有结束标记的记录
PY  - 2020
TY  - THES
AU  - 赵敏
TI  - 学位论文题名
PY  - 2019
PB  - 大连理工大学
DB  - CNKI
ER  - 

TY  - JOUR
AU  - 孙丽
TI  - 文件被截断的记录
"""
STRAY = "\nexported 2021-04-29 by a reference manager\n"


def test_ris_reads_and_skips_records_without_er(tmp_path):
    path = tmp_path / "cnki.ris"
    path.write_text(RIS, encoding="utf-8")
    assert cnki_ris.detect_cnki_ris(read_head(path)) >= 0.9
    assert all(spec.detect(read_head(path)) == 0.0 for spec in SPECS if spec.id != "cnki_ris")
    parsed, records = _read(cnki_ris, path, "utf-8")
    assert [r.title for r in records] == ["一种催化剂的制备方法研究", "学位论文题名"]
    assert [p.line for p in parsed.problems] == [20, 32]
    assert "no ER" in parsed.problems[0].message and "truncated" in parsed.problems[1].message
    assert parsed.rows_read == 4 and not any("outside" in w for w in parsed.warnings)
    paper = records[0]
    assert (paper.doi, paper.year, paper.volume, paper.begin_page, paper.end_page) == \
        ("10.11949/0438-1157.20201234", 2021, "72", "101", "110")
    assert [(a.full_name, a.address_positions) for a in paper.authors] == [("张伟", [0]), ("李娜", [1])]
    assert paper.keywords_author == ["催化剂", "制备"] and paper.source_title == "化工学报"
    assert records[1].doc_type == "THES" and records[1].publisher == "大连理工大学"
    stray = tmp_path / "stray.ris"
    stray.write_text(RIS.replace("ER  - \n\nTY  - JOUR\nAU  - 王强", "ER  - \n" + STRAY + "TY  - JOUR\nAU  - 王强"),
                     encoding="utf-8")
    parsed, records = _read(cnki_ris, stray, "utf-8")
    assert len(records) == 2 and len(parsed.problems) == 2
    assert "1 lines outside any record were ignored (the first at line 20)" in parsed.warnings
    other = tmp_path / "scopus.ris"
    other.write_text("TY  - JOUR\nAU  - Smith, J.\nTI  - An English paper\nER  - \n", encoding="utf-8")
    assert cnki_ris.detect_cnki_ris(read_head(other)) < 0.5  # another database's RIS


def test_a_record_without_title_is_skipped_with_its_line(tmp_path):
    lines = _sample("cnki_endnote_40.txt").read_text(encoding="utf-8").splitlines()
    title_line = next(i for i, line in enumerate(lines) if line.startswith("%T 融合 ELMo"))
    del lines[title_line]
    path = tmp_path / "no_title.txt"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    parsed, records = _read(cnki_endnote, path)
    assert len(records) == 39 and parsed.rows_read == 40
    assert [(p.line, p.message) for p in parsed.problems] == [(15, "record skipped: it has no title")]


def test_other_formats_and_binary_junk_are_rejected_with_file_and_line(tmp_path):
    scopus = SAMPLES / "scopus_csv" / "tethne_scopus_20.csv"
    if scopus.exists():
        for module in (cnki_refworks, cnki_endnote, cnki_noteexpress, cnki_ris):
            assert module.SPEC.detect(read_head(scopus)) == 0.0
            with pytest.raises(InputError) as caught:
                _read(module, scopus, "utf-8-sig")
            assert caught.value.file == str(scopus) and caught.value.line == 1
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"RT Journal Article\r\nT1 \xe4\xb8\xad\r\n" + os.urandom(2048) + b"\x00" * 64)
    assert read_head(junk).encoding == "binary"
    with pytest.raises(InputError) as caught:
        _read(cnki_refworks, junk, "utf-8")
    assert caught.value.file == str(junk) and caught.value.line >= 3
    with pytest.raises(InputError):
        _read(cnki_refworks, junk, "binary")


def test_specs_have_the_agreed_ids():
    assert [spec.id for spec in SPECS] == ["cnki_refworks", "cnki_endnote", "cnki_noteexpress", "cnki_ris"]
