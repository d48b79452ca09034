"""Each kind of cell value, good and bad; problems name the cell and the value as the user sees them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shiftplan.domain.model import Party, Role, StaffMember
from shiftplan.spreadsheet import read_staff_workbook

from .conftest import make_workbook, read, read_row, store_as_float

NOT_A_PHONE = ("is not a phone number (a mobile has 11 digits starting with 13 to 19, a landline is written like "
               "0371-12345678)")

KNOWN_STATIONS = "310国道巩义方向防疫服务站、郑上路防疫服务站、河阴路卡点"


@pytest.mark.parametrize(("value", "phone"), [
    (13800000000, "13800000000"), ("13800000000", "13800000000"), ("138 0000 0000", "13800000000"),
    ("138-0000-0000", "13800000000"), ("+86 138 0000 0000", "13800000000"), (8613800000000, "13800000000"),
    ("13800000000.0", "13800000000"), ("１３８００００００００", "13800000000"), (" 19912345678 ", "19912345678"),
    ("0371-12345678", "0371-12345678"), ("(0371)12345678", "0371-12345678"), ("010-1234567", "010-1234567"),
    ("0371 1234 5678", "0371-12345678"), ("037112345678", "0371-12345678"),
    ("0371-6789 1234", "0371-67891234"), ("010-12345678转801", "010-12345678-801"),
    ("0371-12345678-801", "0371-12345678-801"), (None, ""), ("  ", ""),
])
def test_phones_are_accepted_as_numbers_or_text_with_spaces_and_dashes(tmp_path: Path, value: object,
                                                                      phone: str) -> None:
    row = read_row(tmp_path, ["姓名", "电话", "岗位"], ["张琳", value, "带班"])
    assert row.problems == []
    assert row.person is not None and row.person.phone == phone


def test_a_phone_stored_as_a_float_keeps_its_digits(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "float.xlsx", [["姓名", "电话", "岗位"], ["张琳", 13800000000, "带班"]])
    store_as_float(path, "B2")
    assert read(path).valid[0].phone == "13800000000"


@pytest.mark.parametrize(("value", "message"), [
    ("1380000", "1380000 " + NOT_A_PHONE),
    (23800000000, "23800000000 " + NOT_A_PHONE),
    (12800000000, "12800000000 " + NOT_A_PHONE),
    (37112345678, "37112345678 " + NOT_A_PHONE),  # a landline typed as a number loses its 0
    (13800000000.5, "13800000000.5 " + NOT_A_PHONE),
    ("13800000000/13900000000", "13800000000/13900000000 " + NOT_A_PHONE),
    ("无", "无 " + NOT_A_PHONE),
    (dt.datetime(2020, 1, 20), "2020-01-20 " + NOT_A_PHONE),
    ("1.38E+10", "1.38E+10 is in scientific notation, so the last digits of the number are lost; format the "
                 "column as text and type the number again"),
    ("1.38123e10", "1.38123e10 is in scientific notation, so the last digits of the number are lost; format the "
                   "column as text and type the number again"),
])
def test_malformed_phones(tmp_path: Path, value: object, message: str) -> None:
    row = read_row(tmp_path, ["姓名", "手机号", "岗位"], ["张琳", value, "带班"])
    assert row.problems == [f"手机号 (B2): {message}"]
    assert row.person is None


@pytest.mark.parametrize(("value", "party"), [
    ("党员", Party.MEMBER), ("中共党员", Party.MEMBER), (" 中共 党员 ", Party.MEMBER), ("√", Party.MEMBER),
    ("是", Party.MEMBER), (True, Party.MEMBER), ("Member", Party.MEMBER),
    ("预备党员", Party.PROBATIONARY), ("中共预备党员", Party.PROBATIONARY),
    ("入党积极分子", Party.APPLICANT), ("积极分子", Party.APPLICANT),
    ("群众", Party.NONE), ("共青团员", Party.NONE), ("团员", Party.NONE), ("否", Party.NONE), (None, Party.NONE),
    ("", Party.NONE), (False, Party.NONE),
])
def test_party_status_values(tmp_path: Path, value: object, party: Party) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "政治面貌"], ["张琳", "带班", value])
    assert row.person is not None and row.person.party == party


@pytest.mark.parametrize("value", ["预备", "民革党员", "Communist", 1])
def test_unknown_party_status(tmp_path: Path, value: object) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "政治面貌"], ["张琳", "带班", value])
    assert row.problems == [
        f"政治面貌 (C2): unknown Party status “{value}” (write 党员, 预备党员, 入党积极分子 or 群众)"]


@pytest.mark.parametrize("value", [
    dt.datetime(2020, 1, 20), dt.datetime(2020, 1, 20, 8, 30), dt.date(2020, 1, 20), "2020-01-20", "2020/1/20",
    "2020.1.20", "2020年1月20日", "2020 年 1 月 20 日", "2020-01-20 00:00:00", "20200120", 20200120, 43850,
])
def test_dates_as_date_cells_numbers_or_text(tmp_path: Path, value: object) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "起始日期", "截止日期"], ["张琳", "带班", value, value])
    assert row.problems == []
    assert row.person is not None
    assert (row.person.active_from, row.person.active_to) == (dt.date(2020, 1, 20), dt.date(2020, 1, 20))


@pytest.mark.parametrize(("value", "shown"), [
    ("明天", "明天"), ("2020-02-30", "2020-02-30"), ("20/1/2020", "20/1/2020"), (12, "12"), (True, "TRUE")])
def test_malformed_dates(tmp_path: Path, value: object, shown: str) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "截止日期"], ["张琳", "带班", value])
    assert row.problems == [f"截止日期 (C2): “{shown}” is not a date (write it like 2020-01-20)"]


def test_the_end_may_not_come_before_the_start(tmp_path: Path) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "开始日期", "结束日期"], ["张琳", "带班", "2020-02-01", "2020-01-20"])
    assert row.problems == ["结束日期 (D2): the end date 2020-01-20 is before the start date 2020-02-01"]


@pytest.mark.parametrize(("value", "roles"), [
    ("带班", ("leader",)), ("leader", ("leader",)), ("LEADER", ("leader",)), ("带班、消杀", ("leader", "cadre")),
    ("带班,消杀", ("leader", "cadre")), ("带班，消杀", ("leader", "cadre")), ("带班/消杀", ("leader", "cadre")),
    ("带班；消杀", ("leader", "cadre")), ("带班 消杀", ("leader", "cadre")), ("带班、 消杀、", ("leader", "cadre")),
    ("带班、带班", ("leader",)), ("民警\n带班", ("police", "leader")),
])
def test_several_roles_by_name_or_id_and_any_separator(tmp_path: Path, value: str, roles: tuple[str, ...]) -> None:
    row = read_row(tmp_path, ["姓名", "岗位"], ["张琳", value])
    assert row.problems == []
    assert row.person is not None and row.person.roles == roles


def test_a_role_name_may_contain_a_separator(tmp_path: Path) -> None:
    roles = [Role("screen", "测温/登记"), Role("leader", "带班")]
    path = make_workbook(tmp_path / "r.xlsx", [["姓名", "岗位"], ["张琳", "带班、测温/登记"], ["王芳", "测温"]])
    result = read_staff_workbook(path, roles, [])
    assert result.rows[0].person is not None and result.rows[0].person.roles == ("leader", "screen")
    assert result.rows[1].problems == ["岗位 (B3): unknown role “测温” (known roles: 测温/登记、带班)"]


def test_unknown_and_missing_roles(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "r.xlsx", [["姓名", "岗位"], ["张琳", "带班、司机、厨师"], ["王芳", None],
                                               ["李强", dt.datetime(2020, 1, 1)]])
    assert [row.problems for row in read(path).rows] == [
        ["岗位 (B2): unknown role “司机、厨师” (known roles: 民警、医务、登记、消杀、带班)"],
        ["岗位 (B3): the role is missing; every person needs at least one (known roles: 民警、医务、登记、消杀、带班)"],
        ["岗位 (B4): expected text, found the date 2020-01-01"],
    ]


def test_without_roles_defined_people_need_none(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "r.xlsx", [["姓名", "岗位"], ["张琳", None], ["王芳", "带班"]])
    result = read_staff_workbook(path, [], [])
    assert [row.problems for row in result.rows] == [[], ["岗位 (B3): unknown role “带班” (known roles: —)"]]


@pytest.mark.parametrize(("value", "stations", "warnings"), [
    ("310国道巩义方向防疫服务站", ("G310W",), []), ("G310W", ("G310W",), []), ("g310w", ("G310W",), []),
    ("郑上路防疫服务站、河阴路卡点", ("ZSL", "HX"), []), ("ZSL HX", ("ZSL", "HX"), []),
    (None, None, []), ("全部", None, []), ("所有站点", None, []),
    ("郑上路", ("ZSL",), ["站点 (C2): “郑上路” taken as “郑上路防疫服务站”"]),
    ("巩义、河阴路", ("G310W", "HX"), ["站点 (C2): “巩义” taken as “310国道巩义方向防疫服务站”",
                                     "站点 (C2): “河阴路” taken as “河阴路卡点”"]),
])
def test_stations_by_name_id_or_a_part_of_the_name_that_fits_only_one(
        tmp_path: Path, value: object, stations: tuple[str, ...] | None, warnings: list[str]) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "站点"], ["张琳", "带班", value])
    assert row.problems == []
    assert row.warnings == warnings
    assert row.person is not None and row.person.stations == stations


@pytest.mark.parametrize(("value", "message"), [
    ("服务站", "“服务站” could mean 310国道巩义方向防疫服务站 (G310W)、郑上路防疫服务站 (ZSL); write the full name or "
              "the id"),
    ("郑州东站", f"unknown station “郑州东站” (known stations: {KNOWN_STATIONS})"),
    ("站", f"unknown station “站” (known stations: {KNOWN_STATIONS})"),
])
def test_ambiguous_and_unknown_stations(tmp_path: Path, value: str, message: str) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "卡点"], ["张琳", "带班", value])
    assert row.problems == [f"卡点 (C2): {message}"]


@pytest.mark.parametrize(("column", "value", "message"), [
    ("姓名", 123, "expected text, found the number 123"),
    ("姓名", 12.5, "expected text, found the number 12.5"),
    ("姓名", dt.datetime(2020, 1, 20), "expected text, found the date 2020-01-20"),
    ("姓名", True, "expected text, found TRUE"),
    ("姓名", "#N/A", "the cell holds the error #N/A; fix the formula or type the value"),
    ("单位", "#REF!", "the cell holds the error #REF!; fix the formula or type the value"),
    ("单位", dt.datetime(2020, 1, 20, 8, 0), "expected text, found the date 2020-01-20T08:00:00"),
    ("电话", "#VALUE!", "the cell holds the error #VALUE!; fix the formula or type the value"),
    ("班组", False, "expected text, found FALSE"),
    ("编号", dt.datetime(2020, 1, 20), "expected text, found the date 2020-01-20"),
    ("起始日期", "#DIV/0!", "the cell holds the error #DIV/0!; fix the formula or type the value"),
])
def test_a_cell_of_the_wrong_kind_is_a_problem_naming_row_and_column(tmp_path: Path, column: str, value: object,
                                                                     message: str) -> None:
    # The column under test is B; the name comes after it unless the name is under test.
    name = [] if column == "姓名" else ["姓名"]
    row = read_row(tmp_path, ["岗位", column, *name], ["带班", value, *(["张琳"] if name else [])])
    assert row.problems == [f"{column} (B2): {message}"]
    assert row.person is None


def test_numbers_are_fine_where_text_may_be_digits(tmp_path: Path) -> None:
    row = read_row(tmp_path, ["姓名", "岗位", "班组", "编号", "单位"], ["张琳", "带班", 3, 1001.0, 110])
    assert row.person == StaffMember(id="1001", name="张琳", roles=("leader",), team="3", unit="110")


def test_names_padded_to_line_up_are_closed_up(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "n.xlsx", [["姓名", "岗位"], ["王  芳", "医务"], ["欧阳 明月", "医务"],
                                               [" Zhang  Lin ", "医务"], ["王　芳", "医务"]])
    result = read(path)
    assert [row.person.name if row.person else None for row in result.rows] == ["王芳", "欧阳明月", "Zhang  Lin",
                                                                                 None]
    assert result.rows[3].problems == ["姓名 (A5): same name and phone as row 2"]
