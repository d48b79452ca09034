"""The template and the exported staff list: what the user sees in Excel, and that they read back the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from shiftplan.domain.model import Party, Role, StaffMember, Station
from shiftplan.spreadsheet import (
    STAFF_COLUMNS,
    SpreadsheetError,
    export_staff,
    read_staff_workbook,
    write_staff_template,
)

from .conftest import ROLES, STATIONS, read

HEADERS = ["姓名", "单位", "电话", "岗位", "政治面貌", "站点", "班组", "编号", "起始日期", "截止日期"]
STAFF = [
    StaffMember("P001", "张琳", unit="区委组织部", phone="13800000000", roles=("leader", "cadre"), party=Party.MEMBER,
                stations=("G310W",), team="一组", active_from=dt.date(2020, 1, 20)),
    StaffMember("P002", "王芳", unit="区人民医院", phone="0371-12345678", roles=("medic",), party=Party.PROBATIONARY,
                stations=("G310W", "HX"), active_to=dt.date(2020, 2, 29)),
    StaffMember("1001", "李强", phone="", roles=("police",), party=Party.APPLICANT, stations=None, team="3"),
    StaffMember("007", "=SUM(A1)", unit="+区交通运输局", roles=("clerk",), party=Party.NONE,
                active_from=dt.date(2020, 1, 1), active_to=dt.date(2020, 12, 31)),
]


def test_the_template_reads_back_as_its_example_row_only(tmp_path: Path) -> None:
    write_staff_template(tmp_path / "模板.xlsx", ROLES, STATIONS)
    result = read(tmp_path / "模板.xlsx")
    assert result.notes == ["Sheet “人员”, header row 1", "1 person without an id gets a new one"]
    assert [(row.line, row.problems, row.warnings) for row in result.rows] == [(2, [], [])]
    assert result.valid == [StaffMember("P0001", "张三", unit="区卫生健康委员会", phone="13800000000",
                                        roles=("police",), party=Party.MEMBER, stations=("G310W",), team="一组")]


def test_the_template_has_styled_headers_drop_downs_and_instructions(tmp_path: Path) -> None:
    write_staff_template(tmp_path / "模板.xlsx", ROLES, STATIONS)
    book = openpyxl.load_workbook(tmp_path / "模板.xlsx")
    assert [(s.title, s.sheet_state) for s in book.worksheets] == [("人员", "visible"), ("说明", "visible"),
                                                                   ("选项", "hidden")]
    sheet = book["人员"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [sheet.column_dimensions[c.column_letter].width for c in sheet[1]] == [c.width for c in STAFF_COLUMNS]
    assert sheet.column_dimensions["C"].number_format == "@"  # a typed phone stays text
    assert sheet["C2"].value == "13800000000" and sheet["C2"].data_type == "s"

    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    assert {ref: rule.formula1 for ref, rule in rules.items()} == {
        "D2:D1000": "'选项'!$A$2:$A$6", "E2:E1000": "'选项'!$B$2:$B$5", "F2:F1000": "'选项'!$C$2:$C$4"}
    assert rules["E2:E1000"].showErrorMessage and not rules["D2:D1000"].showErrorMessage
    options = book["选项"]
    assert [[c.value for c in column if c.value] for column in options.iter_cols()] == [
        ["岗位", "民警", "医务", "登记", "消杀", "带班"], ["政治面貌", "党员", "预备党员", "入党积极分子", "群众"],
        ["站点", "310国道巩义方向防疫服务站", "郑上路防疫服务站", "河阴路卡点"]]

    help_text = [c.value for row in book["说明"].iter_rows() for c in row if c.value]
    assert all(header in help_text for header in HEADERS)
    assert "民警、医务、登记、消杀、带班" in help_text


def test_a_template_without_roles_or_stations(tmp_path: Path) -> None:
    write_staff_template(tmp_path / "t.xlsx", [], [])
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert [str(r.sqref) for r in book["人员"].data_validations.dataValidation] == ["E2:E1000"]
    (person,) = read_staff_workbook(tmp_path / "t.xlsx", [], []).valid
    assert (person.roles, person.stations) == ((), None)


def test_exported_staff_read_back_the_same(tmp_path: Path) -> None:
    export_staff(tmp_path / "人员.xlsx", STAFF, ROLES, STATIONS)
    result = read(tmp_path / "人员.xlsx")
    assert [(row.problems, row.warnings) for row in result.rows] == [([], [])] * len(STAFF)
    assert result.valid == STAFF
    assert result.notes == ["Sheet “人员”, header row 1"]


def test_exported_cells_are_what_a_person_would_type(tmp_path: Path) -> None:
    export_staff(tmp_path / "人员.xlsx", STAFF, ROLES, STATIONS)
    sheet = openpyxl.load_workbook(tmp_path / "人员.xlsx")["人员"]
    assert [c.value for c in sheet[2]] == ["张琳", "区委组织部", "13800000000", "带班、消杀", "党员",
                                           "310国道巩义方向防疫服务站", "一组", "P001", dt.datetime(2020, 1, 20), None]
    assert [c.value for c in sheet[4]][:8] == ["李强", None, None, "民警", "入党积极分子", None, "3", "1001"]
    assert sheet["A5"].data_type == "s" and sheet["A5"].value == "=SUM(A1)"  # text, not a formula
    assert sheet["I2"].number_format == "yyyy-mm-dd"


def test_roles_sharing_a_name_are_written_by_id(tmp_path: Path) -> None:
    roles = [Role("d1", "司机"), Role("d2", "司机"), Role("leader", "带班")]
    staff = [StaffMember("P1", "张琳", roles=("d2", "leader"))]
    export_staff(tmp_path / "r.xlsx", staff, roles, [Station("S", "站")])
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["人员"]["D2"].value == "d2、带班"
    assert read_staff_workbook(tmp_path / "r.xlsx", roles, [Station("S", "站")]).valid == staff


def test_writing_replaces_the_old_file_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "人员.xlsx"
    target.write_bytes(b"old")
    export_staff(target, STAFF, ROLES, STATIONS)
    assert [p.name for p in tmp_path.iterdir()] == ["人员.xlsx"]
    assert len(read(target).valid) == len(STAFF)


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "人员.xlsx"
    export_staff(target, STAFF[:1], ROLES, STATIONS)
    before = target.read_bytes()

    def locked(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(SpreadsheetError) as caught:
        export_staff(target, STAFF, ROLES, STATIONS)
    assert str(caught.value) == ("Cannot write 人员.xlsx: it is open in another program (Excel or WPS?) or not "
                                 "writable. Close it and try again.")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["人员.xlsx"]


def test_writing_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError) as caught:
        write_staff_template(tmp_path / "nowhere" / "模板.xlsx", ROLES, STATIONS)
    assert str(caught.value) == "Cannot write 模板.xlsx: No such file or directory"
