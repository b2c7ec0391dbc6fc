"""Address → school mapping: file round trips, validation messages, the winning rule, our-institution test."""

from __future__ import annotations

import pytest

from analyst_app import DATA_DIR
from analyst_app.domain.school_mapping import (
    SchoolRule, add_rule, is_institution_address, load_school_mapping, make_mapping,
    match_school, remove_rule, save_school_mapping,
)
from analyst_app.errors import InputError

DUT_EXAMPLE = DATA_DIR / "schools" / "dalian_univ_technol.csv"
DUT_NAMES = ("Dalian Univ Technol", "Dalian University of Technology", "大连理工大学")


def _rules() -> list[SchoolRule]:
    return [
        SchoolRule("化工学院", "Sch Chem Engn", "School of Chemical Engineering", 20, "WoS"),
        SchoolRule("化学学院", "Sch Chem", "School of Chemistry", 20),
        SchoolRule("物理学院", r"re:\bSch Phys\b(?!\s*Educ)", "School of Physics", 20, "regex"),
        SchoolRule("精细化工国家重点实验室", "State Key Lab Fine Chem", "", 5),
        SchoolRule("公式样例", "=SUM(A1)", "", -3, "+looks like a formula"),
        SchoolRule("化工学院", "化工学院（大连）", "", 0, "full-width parentheses"),
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_keeps_every_rule(tmp_path, suffix):
    mapping = make_mapping(_rules())
    path = save_school_mapping(mapping, tmp_path / f"schools{suffix}")
    loaded = load_school_mapping(path)
    assert loaded.rules == mapping.rules  # dataclass equality ignores the line numbers
    assert [r.line for r in loaded.rules] == list(range(2, 2 + len(mapping.rules)))
    assert loaded.source == str(path)
    assert loaded.schools == ["化工学院", "化学学院", "物理学院", "精细化工国家重点实验室", "公式样例"]


def test_excel_cells_starting_with_equals_stay_text(tmp_path):
    from openpyxl import load_workbook
    path = save_school_mapping(make_mapping(_rules()), tmp_path / "schools.xlsx")
    sheet = load_workbook(path).active
    assert sheet["B6"].value == "=SUM(A1)" and sheet["B6"].data_type == "s"


def test_invalid_regex_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    lines = ["school,pattern,priority", "化工学院,Sch Chem Engn,1", "", "物理学院,re:Sch (Phys,1"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as info:
        load_school_mapping(path)
    # Line 4 of the file (a blank line 3 is skipped, not renumbered).
    assert info.value.file == str(path) and info.value.line == 4
    assert "column 'pattern'" in info.value.message and "Sch (Phys" in info.value.message
    assert str(info.value).startswith(f"{path}:4: ")
    assert path.read_bytes() == before


def test_invalid_regex_in_excel_names_the_row(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    for row in (["学院", "匹配模式"], ["化工学院", "Sch Chem Engn"], [], ["化学学院", "Sch Chem"],
                ["物理学院", "re:[Phys"]):  # a blank row 3 keeps Excel's row numbers
        sheet.append(row)
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        load_school_mapping(path)
    assert (info.value.file, info.value.line) == (str(path), 5)
    assert "column 'pattern'" in info.value.message


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("name,regex\n化工学院,Sch Chem Engn\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_school_mapping(path)
    assert "school" in info.value.message and "pattern" in info.value.message
    assert "'name'" in info.value.message and info.value.file == str(path)


@pytest.mark.parametrize("row, column", [(",Sch Chem", "school"), ("化学学院,", "pattern"),
                                         ("化学学院,Sch Chem,high", "priority")])
def test_empty_or_bad_cells_are_refused(tmp_path, row, column):
    path = tmp_path / "cells.csv"
    path.write_text(f"school,pattern,priority\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_school_mapping(path)
    assert info.value.line == 2 and f"'{column}'" in info.value.message


def test_repeated_pattern_is_refused():
    with pytest.raises(InputError, match="repeats the pattern of line 2"):
        make_mapping([SchoolRule("A", "Sch Chem", line=2), SchoolRule("B", "sch  CHEM", line=3)])


def test_add_and_remove_return_new_mappings():
    mapping = make_mapping(_rules()[:2])
    bigger = add_rule(mapping, SchoolRule("数学科学学院", "Sch Math Sci"), index=0)
    assert [r.school for r in bigger.rules] == ["数学科学学院", "化工学院", "化学学院"]
    with pytest.raises(InputError):
        add_rule(mapping, SchoolRule("坏", "re:(("))
    assert len(mapping.rules) == 2  # unchanged by the refused addition
    assert [r.school for r in remove_rule(bigger, 1).rules] == ["数学科学学院", "化学学院"]
    with pytest.raises(InputError):
        remove_rule(mapping, 5)


def test_winner_is_priority_then_longest_match_then_row():
    mapping = make_mapping(_rules())
    address = ("Dalian Univ Technol, Sch Chem Engn, State Key Lab Fine Chem, Dalian 116024, "
               "Peoples R China")
    assert match_school(mapping, address) == "化工学院"  # priority 20 beats the lab's 5
    assert match_school(mapping, "Dalian Univ Technol, Sch Chem, Dalian") == "化学学院"
    assert match_school(mapping, "Dalian Univ Technol, State Key Lab Fine Chem, Dalian") == \
        "精细化工国家重点实验室"
    assert match_school(mapping, "Dalian Univ Technol, Sch Phys, Dalian") == "物理学院"
    assert match_school(mapping, "Dalian Univ Technol, Sch Phys Educ, Dalian") is None
    assert match_school(mapping, "大连理工大学化工学院(大连)") == "化工学院"  # NFKC: （ = (
    tie = make_mapping([SchoolRule("甲", "Sch X"), SchoolRule("乙", "re:sch x")])
    assert match_school(tie, "Univ, Sch X, City") == "甲"  # same priority and length: first row


def test_institution_test_uses_whole_parts_for_latin_names():
    assert is_institution_address("Tianjin Univ, Sch Chem Engn, Tianjin, Peoples R China",
                                  "Tianjin Univ", ["Tianjin Univ"])
    assert not is_institution_address("Tianjin Univ Technol, Sch Chem, Tianjin, Peoples R China",
                                      "Tianjin Univ Technol", ["Tianjin Univ"])
    assert is_institution_address("School of Chemistry, Dalian University of Technology, Dalian, "
                                  "China", None, DUT_NAMES)
    assert is_institution_address("大连理工大学化工学院，辽宁 大连 116024", None, DUT_NAMES)
    assert not is_institution_address("大连交通大学，辽宁 大连", None, DUT_NAMES)


@pytest.mark.parametrize("address, school", [
    ("Dalian Univ Technol, Sch Chem Engn, Dalian 116024, Peoples R China", "化工学院"),
    ("Dalian Univ Technol, Sch Chem, State Key Lab Fine Chem, Dalian, Peoples R China", "化学学院"),
    ("Dalian Univ Technol, State Key Lab Fine Chem, Dalian, Peoples R China", "精细化工国家重点实验室"),
    ("Dalian Univ Technol, Fac Elect Informat & Elect Engn, Sch Comp Sci & Technol, Dalian",
     "计算机科学与技术学院"),
    ("Dalian Univ Technol, Fac Infrastruct Engn, Dalian 116024, Peoples R China", "建设工程学部"),
    ("Dalian Univ Technol, State Key Lab Coastal & Offshore Engn, Dalian", "海岸和近海工程国家重点实验室"),
    ("Dalian Univ Technol, Sch Chem Engn Ocean & Life Sci, Panjin 124221, Peoples R China",
     "石油与化学工程学院"),
    ("Dalian Univ Technol, Panjin 124221, Liaoning, Peoples R China", "盘锦校区（未细分）"),
    ("School of Materials Science and Engineering, Dalian University of Technology, Dalian",
     "材料科学与工程学院"),
    ("大连理工大学能源与动力学院，辽宁 大连 116024", "能源与动力学院"),
    ("大连理工大学食品与环境学院，辽宁 盘锦", "食品与环境学院"),
    ("Dalian Univ Technol, Sch Phys & Optoelect Engn, Dalian 116024, Peoples R China", "物理学院"),
    ("Dalian Univ Technol, Key Lab Ocean Energy Utilizat & Energy Conservat, Minist Educ, Dalian",
     "能源与动力学院"),
])
def test_shipped_dut_example(address, school):
    mapping = load_school_mapping(DUT_EXAMPLE)
    assert match_school(mapping, address) == school
    assert is_institution_address(address, None, DUT_NAMES)
