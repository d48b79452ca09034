"""Ids and duplicates: within the file, and against the people already in the staff list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shiftplan.domain.model import StaffMember

from .conftest import make_workbook, problems, read, warnings

EXISTING = [StaffMember("P0001", "张琳", phone="13800000000", roles=("leader",)),
            StaffMember("P0003", "王芳", phone="13900000000", roles=("medic",)),
            StaffMember("A7", "李强", roles=("police",))]


def test_new_ids_skip_ids_in_the_staff_list_and_in_the_file(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "ids.xlsx", [
        ["姓名", "岗位", "编号"], ["甲", "民警"], ["乙", "民警", "P0002"], ["丙", "民警", None], ["丁", "民警"]])
    result = read(path, EXISTING)
    assert [p.id for p in result.valid] == ["P0004", "P0002", "P0005", "P0006"]
    assert result.notes[-1] == "3 people without an id get new ones"


def test_new_ids_are_stable_when_a_row_with_a_problem_is_fixed(tmp_path: Path) -> None:
    rows: list[list[object]] = [["姓名", "岗位"], ["甲", "民警"], ["乙", "厨师"], ["丙", "民警"]]
    before = read(make_workbook(tmp_path / "before.xlsx", rows))
    rows[2][1] = "民警"
    after = read(make_workbook(tmp_path / "after.xlsx", rows))
    assert [p.id for p in before.valid] == ["P0001", "P0003"]
    assert [p.id for p in after.valid] == ["P0001", "P0002", "P0003"]


def test_the_same_id_twice_is_a_problem_and_an_id_of_the_staff_list_an_update(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "ids.xlsx", [
        ["姓名", "岗位", "工号"], ["甲", "民警", 1001], ["乙", "民警", "1001"], ["李强", "带班", "A7"],
        ["丁", "民警", "a7"], ["张 琳", "民警", "P0001"], ["丙", "民警", "P0001"]])
    result = read(path, EXISTING)
    assert problems(result) == {
        3: ["工号 (C3): the id 1001 is already used in row 2"],
        7: ["工号 (C7): the id P0001 is already used in row 6"],
    }
    assert list(warnings(result)) == [7]  # P0001 is 张琳, not 丙
    assert [(p.id, p.name, p.roles) for p in result.valid] == [
        ("1001", "甲", ("police",)), ("A7", "李强", ("leader",)), ("a7", "丁", ("police",)),  # ids are case-sensitive
        ("P0001", "张琳", ("police",))]
    assert [row.action for row in result.rows] == ["new", "new", "update", "new", "update", "update"]


def test_an_id_of_the_staff_list_with_another_name_is_an_update_with_a_warning(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "ids.xlsx", [["姓名", "岗位", "编号"], ["张林", "带班", "P0001"]])
    result = read(path, EXISTING)
    assert warnings(result) == {2: ["姓名 (A2): the id P0001 belongs to 张琳 in the staff list; the name will be "
                                    "changed to 张林"]}
    assert result.rows[0].action == "update" and result.valid[0].name == "张林"


def test_a_re_imported_sheet_updates_the_people_it_has_and_keeps_what_it_has_no_column_for(tmp_path: Path) -> None:
    existing = [StaffMember("P0001", "张琳", unit="区委组织部", phone="13800000000", roles=("leader",),
                            rule_set="night-free", active_from=dt.date(2020, 1, 20)),
                StaffMember("P0002", "王芳", phone="13900000000", roles=("medic",))]
    path = make_workbook(tmp_path / "again.xlsx", [
        ["姓名", "电话", "岗位", "班组"],
        ["张琳", "138-0000-0000", "带班、消杀", "一组"],  # no id column: the same name and phone is the same person
        ["王芳", "13900000000", "医务", "二组"],
        ["周杰", "13700000000", "民警", None]])
    result = read(path, existing)
    assert problems(result) == {} and warnings(result) == {}
    assert [row.action for row in result.rows] == ["update", "update", "new"]
    assert result.valid == [
        StaffMember("P0001", "张琳", unit="区委组织部", phone="13800000000", roles=("leader", "cadre"),
                    rule_set="night-free", team="一组", active_from=dt.date(2020, 1, 20)),
        StaffMember("P0002", "王芳", phone="13900000000", roles=("medic",), team="二组"),
        StaffMember("P0003", "周杰", phone="13700000000", roles=("police",))]
    assert not any("new one" in note for note in result.notes[:-1])
    assert result.notes[-1] == "1 person without an id gets a new one"


def test_the_same_name_and_phone_is_the_same_person_and_another_phone_maybe_another_person(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "dup.xlsx", [
        ["姓名", "电话", "岗位"],
        ["张琳", "138 0000 0000", "带班"],  # in the staff list already
        ["王芳", "13700000000", "医务"],  # a namesake of someone in the staff list
        ["李强", None, "民警"],  # in the staff list already, neither with a phone
        ["赵敏", "0371-12345678", "登记"],
        ["赵敏", "037112345678", "登记"],  # the same line written differently
        ["周杰", "13800000001", "民警"],
        ["周 杰", "13800000002", "民警"],  # a namesake in the file
    ])
    result = read(path, EXISTING)
    assert problems(result) == {6: ["姓名 (A6): same name and phone as row 5"]}
    assert warnings(result) == {
        3: ["姓名 (A3): same name as 王芳 (P0003) in the staff list but another phone: two different people?"],
        8: ["姓名 (A8): same name as row 7 but another phone: two different people?"],
    }
    assert [(p.id, p.name) for p in result.valid] == [("P0001", "张琳"), ("P0002", "王芳"), ("A7", "李强"),
                                                      ("P0004", "赵敏"), ("P0006", "周杰"), ("P0007", "周杰")]
    assert [row.action for row in result.rows] == ["update", "new", "update", "new", "new", "new", "new"]


def test_a_row_with_an_id_but_the_name_and_phone_of_someone_else_is_a_problem(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "dup.xlsx", [["姓名", "电话", "岗位", "编号"],
                                                 ["张琳", "13800000000", "带班", "P0009"]])
    assert problems(read(path, EXISTING)) == {2: [
        "编号 (D2): same name and phone as 张琳 (P0001) in the staff list, but another id: write P0001 to update "
        "them"]}


def test_a_row_with_problems_still_counts_for_duplicates(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "dup.xlsx", [["姓名", "岗位"], ["甲", "厨师"], ["甲", "民警"]])
    assert problems(read(path)) == {2: ["岗位 (B2): unknown role “厨师” (known roles: 民警、医务、登记、消杀、带班)"],
                                    3: ["姓名 (A3): same name and phone as row 2"]}


def test_valid_holds_exactly_the_rows_without_problems(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "v.xlsx", [["姓名", "岗位"], ["甲", "民警"], [None, "民警"], ["丙", "司机"],
                                               ["丁", "登记"]])
    result = read(path)
    assert [(row.line, row.person is not None) for row in result.rows] == [(2, True), (3, False), (4, False),
                                                                          (5, True)]
    assert result.valid == [row.person for row in result.rows if row.person is not None]
