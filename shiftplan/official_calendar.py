"""The official Chinese holiday calendar (State Council notices), from ``chinese-calendar``."""

from __future__ import annotations

import functools

import chinese_calendar

from shiftplan.domain.calendar import OfficialCalendar


@functools.cache
def official_calendar() -> OfficialCalendar:
    """Every announced holiday block and adjusted working day the package knows."""
    holidays = {day: str(name) for day, name in chinese_calendar.holidays.items()}
    workdays = frozenset(chinese_calendar.workdays)
    years = frozenset(day.year for day in holidays)
    return OfficialCalendar(years=years, holidays=holidays, workdays=workdays)
