"""Finding the header row and knowing what each header means, however the other program wrote it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from shiftplan.domain.model import StaffMember
from shiftplan.spreadsheet import STAFF_COLUMNS, SpreadsheetError
from shiftplan.spreadsheet.columns import header_key, normalize_header

from .conftest import make_workbook, read


@pytest.mark.parametrize(("header", "key"), [
    ("姓名", "name"), ("姓　名", "name"), ("姓 名：", "name"), ("*姓名", "name"), ("名字", "name"), ("Name", "name"),
    (" FULL NAME ", "name"), ("姓名（必填）", "name"),
    ("单位", "unit"), ("工作单位", "unit"), ("单位/部门", "unit"), ("Organization", "unit"),
    ("电话", "phone"), ("手机", "phone"), ("手机号", "phone"), ("联系电话", "phone"), ("手机号码(11位)", "phone"),
    ("Phone number", "phone"), ("Mobile", "phone"), ("手机|电话", "phone"),
    ("岗位", "roles"), ("角色", "roles"), ("职责", "roles"), ("Roles", "roles"), ("岗位【多个用、分隔】", "roles"),
    ("政治面貌", "party"), ("党员", "party"), ("是否党员", "party"), ("Political status", "party"),
    ("站点", "stations"), ("卡点", "stations"), ("服务站", "stations"), ("Station", "stations"),
    ("班组", "team"), ("组别", "team"), ("Team", "team"),
    ("编号", "id"), ("工号", "id"), ("ID", "id"), ("Staff ID", "id"),
    ("起始日期", "from"), ("开始日期", "from"), ("Start date", "from"),
    ("截止日期", "to"), ("结束日期", "to"), ("End_date", "to"),
    ("备注", None), ("身份证号", None), ("序号", None), ("职务", None), ("", None), (None, None), (2020, None),
])
def test_headers_are_matched_in_chinese_english_and_common_variants(header: object, key: str | None) -> None:
    assert header_key(header) == key


def test_no_two_columns_claim_the_same_header() -> None:
    names = [normalize_header(n) for c in STAFF_COLUMNS for n in (c.header, *c.aliases)]
    assert len(names) == len(set(names))


def test_the_template_headers_are_chinese_and_the_name_alone_is_required() -> None:
    assert [c.header for c in STAFF_COLUMNS] == ["姓名", "单位", "电话", "岗位", "政治面貌", "站点", "班组", "编号",
                                                 "起始日期", "截止日期"]
    assert [c.key for c in STAFF_COLUMNS if c.required] == ["name"]


def test_english_headers_in_another_order(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "en.xlsx", [
        ["Staff list"],
        ["Phone", "Name", "Team", "Roles", "Party status", "Stations", "Organisation", "ID", "From", "To"],
        ["13800000000", "Zhang Lin", "Crew 1", "leader, cadre", "member", "G310W", "District office", "Z1",
         "2020-01-20", "2020-02-29"],
    ])
    result = read(path)
    assert result.notes == ["Sheet “Sheet1”, header row 2"]
    (person,) = result.valid
    assert (person.id, person.name, person.team, person.roles, person.stations, person.unit) == (
        "Z1", "Zhang Lin", "Crew 1", ("leader", "cadre"), ("G310W",), "District office")


def test_extra_missing_and_repeated_columns_are_noted(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "cols.xlsx", [
        ["序号", "姓名", "手机", "身份证号", "联系电话", "岗位", "备注"],
        [1, "张琳", "13800000000", "410100199001011234", "0371-12345678", "带班", "组长"],
    ])
    result = read(path)
    assert result.notes == [
        "Sheet “Sheet1”, header row 1",
        "Ignored columns: 身份证号 (D)、备注 (G)",
        "Column 联系电话 (E) is ignored: 电话 is already read from column 手机 (C)",
        "The sheet has no column for 单位、政治面貌、站点、班组; they are left empty",
        "1 person without an id gets a new one",
    ]
    assert result.valid[0].phone == "13800000000"


def test_a_missing_role_column_makes_every_new_person_a_problem_when_roles_are_defined(tmp_path: Path) -> None:
    existing = [StaffMember("P0007", "王芳", roles=("medic",), team="二组")]
    result = read(make_workbook(tmp_path / "noroles.xlsx", [["姓名", "班组"], ["张琳", "一组"], ["王芳", "一组"]]),
                  existing)
    assert result.rows[0].problems == [
        "岗位: no role: the sheet has no 岗位 column, and a new person needs at least one (known roles: "
        "民警、医务、登记、消杀、带班)"]
    assert [(c.key, c.problem) for c in result.rows[0].cells] == [("roles", True)]
    assert result.valid == [StaffMember("P0007", "王芳", roles=("medic",), team="一组")]  # keeps the role
    assert ("The sheet has no column for 岗位: people already in the staff list keep their roles, new people cannot "
            "be imported without one") in result.notes


def test_the_header_may_sit_under_merged_title_rows_but_not_below_row_ten(tmp_path: Path) -> None:
    rows: list[list[object]] = [["人员名单"], ["2020年1月"], *[[] for _ in range(7)], ["姓名", "岗位"],
                                ["张琳", "带班"]]
    result = read(make_workbook(tmp_path / "low.xlsx", rows, merges=["A1:B1"]))
    assert result.notes[0] == "Sheet “Sheet1”, header row 10"
    assert [p.name for p in result.valid] == ["张琳"]
    with pytest.raises(SpreadsheetError) as caught:
        read(make_workbook(tmp_path / "lower.xlsx", [[], *rows]))
    assert str(caught.value) == ("lower.xlsx: no sheet has a header row with a name column (姓名) in its first 10 "
                                 "rows")


def test_a_title_mentioning_a_header_word_is_not_taken_for_the_header(tmp_path: Path) -> None:
    result = read(make_workbook(tmp_path / "t.xlsx", [["姓名"], ["姓名", "手机", "岗位"], ["张琳", None, "带班"]]))
    assert result.notes[0] == "Sheet “Sheet1”, header row 2"
    assert [row.line for row in result.rows] == [3]


def test_the_staff_sheet_is_found_by_its_name_and_hidden_sheets_are_passed_over(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["2020年1月 工作人员名单"])
    hidden = book.create_sheet("旧名单")
    hidden.sheet_state = "hidden"
    hidden.append(["姓名", "岗位"])
    hidden.append(["旧人", "带班"])
    book.create_sheet("统计").append(["姓名", "班次"])
    staff = book.create_sheet("人员")
    staff.append(["姓名", "岗位"])
    staff.append(["张琳", "带班"])
    book.save(tmp_path / "book.xlsx")
    result = read(tmp_path / "book.xlsx")
    assert result.notes[0] == "Sheet “人员”, header row 1"
    assert [p.name for p in result.valid] == ["张琳"]


def test_without_a_sheet_named_like_a_staff_list_the_first_sheet_with_headers_is_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["说明：请按下表填写"])
    book.create_sheet("Sheet2").append(["名字", "角色"])
    book["Sheet2"].append(["张琳", "带班"])
    book.save(tmp_path / "book.xlsx")
    assert read(tmp_path / "book.xlsx").notes[0] == "Sheet “Sheet2”, header row 1"
