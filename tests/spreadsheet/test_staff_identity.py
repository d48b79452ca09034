"""Ids and duplicates: within the file, and against the people already in the staff list."""

from __future__ import annotations

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


def test_the_same_id_twice_is_a_problem(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "ids.xlsx", [
        ["姓名", "岗位", "工号"], ["甲", "民警", 1001], ["乙", "民警", "1001"], ["丙", "民警", "A7"],
        ["丁", "民警", "a7"]])
    result = read(path, EXISTING)
    assert problems(result) == {
        3: ["工号 (C3): the id 1001 is already used in row 2"],
        4: ["工号 (C4): the id A7 already belongs to 李强 in the staff list"],
    }
    assert [p.id for p in result.valid] == ["1001", "a7"]  # ids are case-sensitive, as in the exchange format


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
    assert problems(result) == {
        2: ["姓名 (A2): same name and phone as 张琳 (P0001), already in the staff list"],
        4: ["姓名 (A4): same name and phone as 李强 (A7), already in the staff list"],
        6: ["姓名 (A6): same name and phone as row 5"],
    }
    assert warnings(result) == {
        3: ["姓名 (A3): same name as 王芳 (P0003) in the staff list but another phone: two different people?"],
        8: ["姓名 (A8): same name as row 7 but another phone: two different people?"],
    }
    assert [p.name for p in result.valid] == ["王芳", "赵敏", "周杰", "周杰"]


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
