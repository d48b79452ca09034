"""The roster workbook, opened again with openpyxl: the grid, the flat list and the shifts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, Party, Period, Role, Scenario, Schedule, ShiftType, StaffMember, Station
from shiftplan.spreadsheet import export_roster

DAY = dt.date(2020, 1, 18)  # a Saturday; Sunday the 19th is worked in lieu, the 24th starts the Spring Festival
DATES = [DAY + dt.timedelta(days=i) for i in range(8)]
SCENARIO = Scenario(
    name="310国道巩义方向防疫服务站",
    period=Period(DATES[0], DATES[-1]),
    shift_types=(ShiftType("D", "白班", 8 * 60, 16 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
    stations=(Station("G310W", "310国道巩义方向防疫服务站"), Station("ZSL", "郑上路防疫服务站")),
    roles=(Role("police", "民警"), Role("leader", "带班")),
    staff=(StaffMember("P1", "张琳", phone="13800000000", roles=("leader", "police"), party=Party.MEMBER, team="一组"),
           StaffMember("P2", "王芳", roles=("police",)),
           StaffMember("P3", "李强", roles=("police",), team="二组")),
)
SCHEDULE = Schedule((
    Assignment(DATES[0], "N", "G310W", "P1", "leader"),
    Assignment(DATES[0], "D", "G310W", "P1", "police"),
    Assignment(DATES[2], "N", "ZSL", "P2", "police"),
    Assignment(DATES[2], "D", "G310W", "P3"),
    Assignment(DATES[3], "D", "G310W", "X9", "police"),  # someone the scenario does not know
    Assignment(DATES[4], "Q", "G310W", "P2", "cook"),  # an unknown shift and role
    Assignment(dt.date(2020, 2, 1), "D", "G310W", "P3", "police"),  # after the period
))
HOLIDAYS = frozenset(DATES[6:])
CALENDAR = DayCalendar(restdays=frozenset({DATES[0], *HOLIDAYS}), holidays=HOLIDAYS,
                       holiday_names=dict.fromkeys(HOLIDAYS, "Spring Festival"))


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("roster") / "排班表.xlsx"
    export_roster(path, SCENARIO, SCHEDULE, CALENDAR)
    return openpyxl.load_workbook(path)


def values(sheet: Worksheet, first: int, last: int | None = None) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(min_row=first, max_row=last, values_only=True)]


def test_the_sheets(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["排班表", "明细", "班次"]


def test_the_grid_has_a_row_per_person_and_a_column_per_day(book: openpyxl.Workbook) -> None:
    grid = book["排班表"]
    assert grid["A1"].value == "310国道巩义方向防疫服务站 排班表（2020-01-18 至 2020-01-25）"
    assert values(grid, 2, 3) == [
        ["编号", "姓名", "班组", "岗位", *(dt.datetime.combine(d, dt.time()) for d in DATES), "班次", "夜班"],
        [None, None, None, None, "周六", "周日（班）", "周一", "周二", "周三", "周四", "春节", "春节", None, None],
    ]
    assert values(grid, 4) == [
        ["P1", "张琳", "一组", "带班、民警", "白班、夜班", None, None, None, None, None, None, None, 2, 1],
        ["P2", "王芳", None, "民警", None, None, "夜班", None, "Q", None, None, None, 2, 1],
        ["P3", "李强", "二组", "民警", None, None, "白班", None, None, None, None, None, 1, 0],
        ["X9", "X9", None, None, None, None, None, "白班", None, None, None, None, 1, 0],
    ]
    assert grid.freeze_panes == "E4"
    assert {str(r) for r in grid.merged_cells.ranges} == {"A1:N1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "M2:M3",
                                                          "N2:N3"}


def test_restdays_and_holidays_are_shaded_down_the_whole_column(book: openpyxl.Workbook) -> None:
    grid = book["排班表"]
    grey, red, header, none = "00E7E6E6", "00FCE4D6", "00DDEBF7", "00000000"
    colours = {grid.cell(2, column).value.day: [grid.cell(line, column).fill.fgColor.rgb for line in range(2, 8)]
               for column in range(5, 13)}
    workday = [header, header, none, none, none, none]
    assert colours == {18: [grey] * 6, 19: workday, 20: workday, 21: workday, 22: workday, 23: workday,
                       24: [red] * 6, 25: [red] * 6}


def test_the_list_has_every_assignment_in_order(book: openpyxl.Workbook) -> None:
    sheet = book["明细"]
    g310, zsl, d, n = "310国道巩义方向防疫服务站", "郑上路防疫服务站", "08:00–16:00", "20:00–次日08:00"
    assert values(sheet, 1) == [
        ["日期", "星期", "班次", "时间", "站点", "姓名", "编号", "岗位", "政治面貌", "电话"],
        [dt.datetime(2020, 1, 18), "周六", "白班", d, g310, "张琳", "P1", "民警", "党员", "13800000000"],
        [dt.datetime(2020, 1, 18), "周六", "夜班", n, g310, "张琳", "P1", "带班", "党员", "13800000000"],
        [dt.datetime(2020, 1, 20), "周一", "白班", d, g310, "李强", "P3", None, "群众", None],
        [dt.datetime(2020, 1, 20), "周一", "夜班", n, zsl, "王芳", "P2", "民警", "群众", None],
        [dt.datetime(2020, 1, 21), "周二", "白班", d, g310, "X9", "X9", "民警", None, None],
        [dt.datetime(2020, 1, 22), "周三", "Q", None, g310, "王芳", "P2", "cook", "群众", None],
        [dt.datetime(2020, 2, 1), "周六", "白班", d, g310, "李强", "P3", "民警", "群众", None],
    ]
    assert sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet.auto_filter.ref == "A1:J8"


def test_the_shift_sheet(book: openpyxl.Workbook) -> None:
    assert values(book["班次"], 1) == [["代码", "名称", "时间", "小时", "夜班"],
                                        ["D", "白班", "08:00–16:00", 8, "否"],
                                        ["N", "夜班", "20:00–次日08:00", 12, "是"]]


def test_an_empty_schedule_of_an_unnamed_scenario(tmp_path: Path) -> None:
    scenario = Scenario(period=Period(DAY, DAY), shift_types=SCENARIO.shift_types, stations=SCENARIO.stations,
                        staff=())
    export_roster(tmp_path / "empty.xlsx", scenario, Schedule(()), DayCalendar(frozenset(), frozenset()))
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert book["排班表"]["A1"].value == "排班表（2020-01-18 至 2020-01-18）"
    assert book["排班表"].max_row == 3
    assert values(book["明细"], 2) == []
