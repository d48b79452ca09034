"""Restdays and holidays: the official Chinese calendar (with 调休), overridden by the scenario.

Spec (calendar): "`CN` is the official Chinese calendar: holidays are all days of each officially
announced 放假 block (weekend and in-lieu days inside the block included); restdays are Saturdays,
Sundays and holidays, minus the officially adjusted working days (调休 ...). `none`: restdays are
Saturdays and Sundays, no holidays. `holidays` adds dates that are holidays (and restdays);
`workdays` makes dates working days ... A planned date in a year that the built-in calendar does not
know is an error unless `holidays` lists at least one date of that year."
"""

from __future__ import annotations

import pytest

from shiftplan.domain.calendar import (
    NO_OFFICIAL_CALENDAR,
    DayCalendar,
    UncoveredYearError,
    resolve_calendar,
)
from shiftplan.domain.model import CalendarSpec, Period
from shiftplan.official_calendar import official_calendar

from .builders import d, days


def resolve(start: str, end: str, country: str = "CN", holidays: tuple[str, ...] = (),
            workdays: tuple[str, ...] = ()) -> DayCalendar:
    spec = CalendarSpec(country, tuple(map(d, holidays)), tuple(map(d, workdays)))
    return resolve_calendar(spec, Period(d(start), d(end)), official_calendar())


def iso(dates: frozenset) -> list[str]:
    return sorted(x.isoformat() for x in dates)


def test_spring_festival_2020_with_its_adjusted_working_day() -> None:
    cal = resolve("2020-01-13", "2020-02-09")
    # 19 January 2020 was a Sunday worked in lieu (调休): neither restday nor holiday.
    assert not cal.is_restday(d("2020-01-19"))
    assert not cal.is_holiday(d("2020-01-19"))
    assert cal.is_restday(d("2020-01-18"))  # an ordinary Saturday
    assert not cal.is_holiday(d("2020-01-18"))
    # 24 January to 2 February (extended): all holidays and restdays, weekends included.
    block = [x.isoformat() for x in days("2020-01-24", "2020-02-02")]
    assert iso(cal.holidays) == block
    assert set(block) <= set(iso(cal.restdays))
    # 3 February is a working Monday, 8-9 February an ordinary weekend
    assert not cal.is_restday(d("2020-02-03"))
    assert cal.is_restday(d("2020-02-08")) and not cal.is_holiday(d("2020-02-08"))
    assert iso(cal.restdays) == sorted(["2020-01-18", *block, "2020-02-08", "2020-02-09"])


def test_holiday_names_come_from_the_official_calendar() -> None:
    cal = resolve("2020-01-24", "2020-01-24")
    assert cal.holiday_names[d("2020-01-24")]


def test_national_day_2020_and_its_working_saturday() -> None:
    cal = resolve("2020-09-26", "2020-10-11")
    assert not cal.is_restday(d("2020-09-27"))  # Sunday worked in lieu
    assert not cal.is_restday(d("2020-10-10"))  # Saturday worked in lieu
    assert iso(cal.holidays) == [x.isoformat() for x in days("2020-10-01", "2020-10-08")]
    assert cal.is_restday(d("2020-10-11"))
    assert cal.is_restday(d("2020-09-26"))


def test_country_none_has_weekends_only() -> None:
    cal = resolve("2020-01-13", "2020-02-02", country="none")
    assert cal.holidays == frozenset()
    assert cal.is_restday(d("2020-01-19"))  # no 调休 without the official calendar
    assert not cal.is_restday(d("2020-01-24"))  # a Friday
    assert iso(cal.restdays) == ["2020-01-18", "2020-01-19", "2020-01-25", "2020-01-26", "2020-02-01", "2020-02-02"]


def test_own_holidays_are_holidays_and_restdays() -> None:
    cal = resolve("2024-03-04", "2024-03-10", holidays=("2024-03-06",))
    assert cal.is_holiday(d("2024-03-06")) and cal.is_restday(d("2024-03-06"))
    cal = resolve("2024-03-04", "2024-03-10", country="none", holidays=("2024-03-06",))
    assert iso(cal.holidays) == ["2024-03-06"]
    assert iso(cal.restdays) == ["2024-03-06", "2024-03-09", "2024-03-10"]


def test_own_holiday_on_an_officially_adjusted_working_day() -> None:
    # The file says 19 January 2020 is a holiday: it is a holiday and so a restday, whatever the
    # official 调休 said ("holidays adds dates that are holidays (and restdays)").
    cal = resolve("2020-01-13", "2020-01-19", holidays=("2020-01-19",))
    assert cal.is_holiday(d("2020-01-19"))
    assert cal.is_restday(d("2020-01-19"))


def test_own_workdays_are_working_days() -> None:
    cal = resolve("2024-03-04", "2024-03-10", workdays=("2024-03-09",))
    assert not cal.is_restday(d("2024-03-09"))
    assert cal.is_restday(d("2024-03-10"))
    cal = resolve("2024-03-04", "2024-03-10", country="none", workdays=("2024-03-10",))
    assert iso(cal.restdays) == ["2024-03-09"]


def test_own_workday_inside_an_official_holiday_block() -> None:
    # A working day is not a restday; holidays are restdays, so it is not a holiday either.
    cal = resolve("2020-01-20", "2020-02-02", workdays=("2020-01-28",))
    assert not cal.is_restday(d("2020-01-28"))
    assert not cal.is_holiday(d("2020-01-28"))
    assert cal.is_holiday(d("2020-01-27"))


def test_a_year_the_official_calendar_does_not_know_is_an_error() -> None:
    with pytest.raises(UncoveredYearError) as error:
        resolve("2099-03-02", "2099-03-08")
    assert error.value.years == (2099,)
    # only the unknown year is named, also across a year's end
    last_known = max(official_calendar().years)
    with pytest.raises(UncoveredYearError) as error:
        resolve(f"{last_known}-12-28", f"{last_known + 1}-01-03")
    assert error.value.years == (last_known + 1,)


def test_a_file_listing_a_holiday_of_that_year_supplies_it_itself() -> None:
    cal = resolve("2099-03-02", "2099-03-08", holidays=("2099-01-01", "2099-03-04"), workdays=("2099-03-07",))
    assert iso(cal.holidays) == ["2099-03-04"]
    assert iso(cal.restdays) == ["2099-03-04", "2099-03-08"]


def test_a_workday_alone_does_not_supply_a_year() -> None:
    with pytest.raises(UncoveredYearError):
        resolve("2099-03-02", "2099-03-08", workdays=("2099-03-07",))


def test_country_none_needs_no_official_year() -> None:
    cal = resolve_calendar(CalendarSpec("none"), Period(d("2099-03-02"), d("2099-03-08")), NO_OFFICIAL_CALENDAR)
    assert iso(cal.restdays) == ["2099-03-07", "2099-03-08"]
    assert cal.holidays == frozenset()


def test_official_calendar_knows_2020_and_2024() -> None:
    years = official_calendar().years
    assert {2020, 2024} <= years
