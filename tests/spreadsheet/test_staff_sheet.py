"""A staff list as it arrives: made by someone else, with a title, odd headers and mistakes in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shiftplan import i18n
from shiftplan.domain.model import Party, StaffMember
from shiftplan.spreadsheet import StaffImport

from .conftest import make_workbook, problems, read, store_as_float, warnings

HEADERS = ["序号", "姓 名", "工作单位", "手机号", "岗位", "政治面貌", "执勤点", "组别", "起始日期", "备注"]


def received_sheet(path: Path) -> Path:
    """The 310 checkpoint's list as the district sent it, one planted mistake (or quirk) per row."""
    rows: list[list[object]] = [
        ["310国道巩义方向防疫服务站工作人员名单"],
        ["填报单位：区委组织部", None, None, None, None, None, None, "2020年1月19日"],
        HEADERS,
        [1, "张琳", "区委组织部", 13800000000, "带班、消杀", "中共党员", "310国道巩义方向防疫服务站", "一组",
         dt.datetime(2020, 1, 20), "组长"],
        [2, "王  芳", "区人民医院", "138-0000-0001", "医务", "群众", "巩义", "一组", "2020/1/21"],
        [],
        [3, None, "区人民医院", "13800000002", "医务"],
        [4, "李强", "上街区公安分局", "1.38E+10", "民警", "党员"],
        [5, "赵敏", "区交通运输局", 12345, "厨师", "党员"],
        [6, "刘洋", "上街区公安分局", "13800000003", "民警", "共青团员", "防疫服务站"],
        [7, "#N/A", "区交通运输局", "13800000004", "登记"],
        [8, 123, "区交通运输局", "13800000005", "登记"],
        [9, "陈静", "济源路街道办事处", "0371-12345678", "登记，消杀", "入党积极分子", "全部", "二组", "2020年1月20日"],
        [10, "张琳", "区委组织部", "138 0000 0000", "民警"],
        [11, "王芳", "区人民医院", "13900000000", "医务"],
        [12, "周杰", "上街区公安分局", "13800000006", "民警", "党员", "河阴路卡点", "二组", "2020-13-01"],
        [13],
        [14, "孙丽", "区交通运输局", "13800000007", "登记", "预备"],
        [15, "吴磊", "区交通运输局", "13800000008", "登记/消杀", "预备党员", "HX、ZSL", 2],
        [16, "郑洁", None, "13800000009", "leader", "群众"],
    ]
    make_workbook(path, rows, merges=["A1:J1", "A2:G2", "H2:J2", "C19:C20"])
    store_as_float(path, "D4")  # as Excel stores a long number: 13800000000.0
    return path


@pytest.fixture
def received(tmp_path: Path) -> StaffImport:
    return read(received_sheet(tmp_path / "名单.xlsx"))


def test_the_header_row_is_found_under_the_title_and_odd_headers_are_understood(received: StaffImport) -> None:
    assert received.notes == [
        "Sheet “Sheet1”, header row 3",
        "Ignored columns: 备注 (J)",
        "15 people without an id get new ones",
    ]


def test_blank_rows_and_rows_with_only_a_row_number_are_skipped(received: StaffImport) -> None:
    assert [row.line for row in received.rows] == [4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20]


def test_every_planted_mistake_is_reported_on_its_row_naming_the_cell_and_the_value(received: StaffImport) -> None:
    assert problems(received) == {
        7: ["姓 名 (B7): the name is missing"],
        8: ["手机号 (D8): 1.38E+10 is in scientific notation, so the last digits of the number are lost; format "
            "the column as text and type the number again"],
        9: ["手机号 (D9): 12345 is not a phone number (a mobile has 11 digits starting with 13 to 19, a landline is "
            "written like 0371-12345678)",
            "岗位 (E9): unknown role “厨师” (known roles: 民警、医务、登记、消杀、带班)"],
        10: ["执勤点 (G10): “防疫服务站” could mean 310国道巩义方向防疫服务站 (G310W)、郑上路防疫服务站 (ZSL); "
             "write the full name or the id"],
        11: ["姓 名 (B11): the cell holds the error #N/A; fix the formula or type the value"],
        12: ["姓 名 (B12): expected text, found the number 123"],
        14: ["姓 名 (B14): same name and phone as row 4"],
        16: ["起始日期 (I16): “2020-13-01” is not a date (write it like 2020-01-20)"],
        18: ["政治面貌 (F18): unknown Party status “预备” (write 党员, 预备党员, 入党积极分子 or 群众)"],
    }
    assert all(row.person is None for row in received.rows if row.problems)


def test_doubtful_values_are_imported_with_a_warning(received: StaffImport) -> None:
    assert warnings(received) == {
        5: ["执勤点 (G5): “巩义” taken as “310国道巩义方向防疫服务站”"],
        15: ["姓 名 (B15): same name as row 5 but another phone: two different people?"],
    }


def test_the_good_rows_become_people(received: StaffImport) -> None:
    assert [p.name for p in received.valid] == ["张琳", "王芳", "陈静", "王芳", "吴磊", "郑洁"]
    assert received.valid[0] == StaffMember(
        id="P0001", name="张琳", unit="区委组织部", phone="13800000000", roles=("leader", "cadre"),
        party=Party.MEMBER, stations=("G310W",), team="一组", active_from=dt.date(2020, 1, 20))
    assert received.valid[1] == StaffMember(
        id="P0002", name="王芳", unit="区人民医院", phone="13800000001", roles=("medic",), party=Party.NONE,
        stations=("G310W",), team="一组", active_from=dt.date(2020, 1, 21))
    assert received.valid[2] == StaffMember(
        id="P0009", name="陈静", unit="济源路街道办事处", phone="0371-12345678", roles=("clerk", "cadre"),
        party=Party.APPLICANT, stations=None, team="二组", active_from=dt.date(2020, 1, 20))
    assert received.valid[4] == StaffMember(
        id="P0014", name="吴磊", unit="区交通运输局", phone="13800000008", roles=("clerk", "cadre"),
        party=Party.PROBATIONARY, stations=("HX", "ZSL"), team="2")
    # Row 20's unit cell is covered by the range C19:C20 merged down from row 19.
    assert received.valid[5] == StaffMember(id="P0015", name="郑洁", unit="区交通运输局", phone="13800000009",
                                            roles=("leader",), party=Party.NONE)


def test_chinese_messages_keep_the_same_rows_and_cells(tmp_path: Path, received: StaffImport) -> None:
    """In Chinese the same rows have the same number of problems, each naming the same cell. (The wording is
    the translators'; until they have translated a message it stays English.)"""
    i18n.set_language("zh_CN")
    chinese = read(received_sheet(tmp_path / "again.xlsx"))
    assert [(r.line, len(r.problems), len(r.warnings)) for r in chinese.rows] == [
        (r.line, len(r.problems), len(r.warnings)) for r in received.rows]
    for english, translated in zip(received.rows, chinese.rows, strict=True):
        for a, b in zip(english.problems + english.warnings, translated.problems + translated.warnings, strict=True):
            assert a.split(": ")[0] in b  # "手机号 (D8)"
    assert chinese.valid == received.valid
