"""A roster as a workbook: a person × day grid to look at, a flat list to sort and filter, and the shifts.

Like the staff workbook, its text is Chinese whatever the app's language. Any schedule can be
exported, even one the validator rejects: an assignment naming an unknown person, shift, station
or role shows the id; one dated outside the period appears in the list but not in the grid.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, Scenario, Schedule, ShiftType, StaffMember
from shiftplan.spreadsheet.columns import PARTY_LABELS
from shiftplan.spreadsheet.workbook import CENTER, put, save_workbook, style_header

GRID_SHEET = "排班表"
LIST_SHEET = "明细"
SHIFT_SHEET = "班次"
GRID_PERSON_HEADERS = ("编号", "姓名", "班组", "岗位")
GRID_TOTAL_HEADERS = ("班次", "夜班")
LIST_HEADERS = ("日期", "星期", "班次", "时间", "站点", "姓名", "编号", "岗位", "政治面貌", "电话")
SHIFT_HEADERS = ("代码", "名称", "时间", "小时", "夜班")
GRID_FIRST_LINE = 4  # title, dates, weekdays
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
# The official calendar names its holidays in English (chinese-calendar).
HOLIDAY_NAMES = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
                 "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节",
                 "National Day": "国庆节", "Anti-Fascist 70th Day": "抗战胜利纪念日"}
RESTDAY_FILL = PatternFill("solid", fgColor="E7E6E6")
HOLIDAY_FILL = PatternFill("solid", fgColor="FCE4D6")
DATE_FORMAT = "yyyy-mm-dd"
DAY_FORMAT = 'm"月"d"日"'


def export_roster(path: str | os.PathLike[str], scenario: Scenario, schedule: Schedule,
                  calendar: DayCalendar) -> None:
    """Write the roster to ``path`` (.xlsx), whole or not at all; SpreadsheetError when it cannot be written."""
    book = Workbook()
    _grid(book.active, scenario, schedule, calendar)
    _list(book.create_sheet(LIST_SHEET), scenario, schedule)
    _shifts(book.create_sheet(SHIFT_SHEET), scenario)
    save_workbook(book, path)


def _grid(sheet: Worksheet, scenario: Scenario, schedule: Schedule, calendar: DayCalendar) -> None:
    sheet.title = GRID_SHEET
    dates = scenario.period.dates()
    shifts = {s.id: s for s in scenario.shift_types}
    order = {s.id: i for i, s in enumerate(scenario.shift_types)}
    roles = {r.id: r.name for r in scenario.roles}
    worked: defaultdict[tuple[str, dt.date], list[str]] = defaultdict(list)
    for a in schedule.assignments:
        if a.date in scenario.period:
            worked[a.staff, a.date].append(a.shift)
    first_day = len(GRID_PERSON_HEADERS) + 1
    last = first_day + len(dates) + len(GRID_TOTAL_HEADERS) - 1

    title = f"{scenario.name} 排班表" if scenario.name else "排班表"
    put(sheet, 1, 1, f"{title}（{scenario.period.start:%Y-%m-%d} 至 {scenario.period.end:%Y-%m-%d}）")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    fixed = [*enumerate(GRID_PERSON_HEADERS, start=1),
             *enumerate(GRID_TOTAL_HEADERS, start=first_day + len(dates))]
    for number, header in fixed:
        style_header(put(sheet, 2, number, header))
        sheet.merge_cells(start_row=2, start_column=number, end_row=3, end_column=number)
    for number, day in enumerate(dates, start=first_day):
        style_header(put(sheet, 2, number, day)).number_format = DAY_FORMAT
        style_header(put(sheet, 3, number, _day_label(day, calendar)))
        sheet.column_dimensions[get_column_letter(number)].width = 7

    for line, person in enumerate(_people(scenario, schedule), start=GRID_FIRST_LINE):
        for number, value in enumerate((person.id, person.name, person.team,
                                        "、".join(roles.get(r, r) for r in person.roles)), start=1):
            put(sheet, line, number, value or None)
        count = nights = 0
        for number, day in enumerate(dates, start=first_day):
            on_day = sorted(worked.get((person.id, day), []), key=lambda s: order.get(s, len(order)))
            cell = put(sheet, line, number, "、".join(shifts[s].name if s in shifts else s for s in on_day) or None)
            cell.alignment = CENTER
            count += len(on_day)
            nights += sum(1 for s in on_day if s in shifts and shifts[s].is_night)
        put(sheet, line, first_day + len(dates), count)
        put(sheet, line, first_day + len(dates) + 1, nights)

    # Shade whole columns, as on the printed sheet: restdays grey, holidays red.
    for number, day in enumerate(dates, start=first_day):
        fill = HOLIDAY_FILL if calendar.is_holiday(day) else RESTDAY_FILL if calendar.is_restday(day) else None
        if fill is not None:
            for line in range(2, sheet.max_row + 1):
                sheet.cell(line, number).fill = fill
    for letter, width in zip("ABCD", (8, 10, 8, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(GRID_FIRST_LINE, first_day)


def _day_label(day: dt.date, calendar: DayCalendar) -> str:
    """周一 …; a holiday by its name; a weekend day worked in lieu (调休) marked 班."""
    if calendar.is_holiday(day):
        name = calendar.holiday_names.get(day, "")
        return HOLIDAY_NAMES.get(name, name) or WEEKDAYS[day.weekday()]
    if day.weekday() >= 5 and not calendar.is_restday(day):
        return f"{WEEKDAYS[day.weekday()]}（班）"
    return WEEKDAYS[day.weekday()]


def _people(scenario: Scenario, schedule: Schedule) -> list[StaffMember]:
    """The scenario's staff in its order, then anyone the schedule names that the scenario does not have."""
    known = {p.id for p in scenario.staff}
    strangers = dict.fromkeys(a.staff for a in schedule.assignments if a.staff not in known)
    return [*scenario.staff, *(StaffMember(id=s, name=s) for s in strangers)]


def _list(sheet: Worksheet, scenario: Scenario, schedule: Schedule) -> None:
    shifts = {s.id: s for s in scenario.shift_types}
    stations = {s.id: s.name for s in scenario.stations}
    people = {p.id: p for p in scenario.staff}
    roles = {r.id: r.name for r in scenario.roles}
    shift_rank, station_rank, role_rank, person_rank = (
        _ranks(s.id for s in scenario.shift_types), _ranks(s.id for s in scenario.stations),
        _ranks(r.id for r in scenario.roles), _ranks(p.id for p in scenario.staff))

    def key(a: Assignment) -> tuple[object, ...]:
        """By date, shift, station, role and person in the scenario's orders; unknown ids after known ones."""
        return (a.date, shift_rank.get(a.shift, len(shift_rank)), station_rank.get(a.station, len(station_rank)),
                role_rank.get(a.role or "", len(role_rank)), person_rank.get(a.staff, len(person_rank)), a.staff)

    for number, header in enumerate(LIST_HEADERS, start=1):
        style_header(put(sheet, 1, number, header))
    for line, a in enumerate(sorted(schedule.assignments, key=key), start=2):
        shift, person = shifts.get(a.shift), people.get(a.staff)
        row = (a.date, WEEKDAYS[a.date.weekday()], shift.name if shift else a.shift,
               _times(shift) if shift else None, stations.get(a.station, a.station),
               person.name if person else a.staff, a.staff, roles.get(a.role, a.role) if a.role else None,
               PARTY_LABELS[person.party] if person else None, person.phone if person else None)
        for number, value in enumerate(row, start=1):
            put(sheet, line, number, value or None)
        sheet.cell(line, 1).number_format = DATE_FORMAT
    for letter, width in zip("ABCDEFGHIJ", (12, 6, 8, 16, 28, 10, 8, 10, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(LIST_HEADERS))}{max(sheet.max_row, 2)}"


def _ranks(ids: Iterable[str]) -> dict[str, int]:
    return {id_: i for i, id_ in enumerate(ids)}


def _shifts(sheet: Worksheet, scenario: Scenario) -> None:
    for number, header in enumerate(SHIFT_HEADERS, start=1):
        style_header(put(sheet, 1, number, header))
    for line, shift in enumerate(scenario.shift_types, start=2):
        hours = shift.hours if shift.minutes % 60 else shift.minutes // 60
        for number, value in enumerate((shift.id, shift.name, _times(shift), hours, "是" if shift.is_night else "否"),
                                       start=1):
            put(sheet, line, number, value)
    for letter, width in zip("ABCDE", (8, 10, 16, 8, 8), strict=True):
        sheet.column_dimensions[letter].width = width


def _times(shift: ShiftType) -> str:
    """08:00–16:00; a shift that ends after midnight: 20:00–次日08:00."""
    end = _clock(shift.end)
    return f"{_clock(shift.start)}–{'次日' if shift.crosses_midnight else ''}{end}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02}:{minutes % 60:02}"
