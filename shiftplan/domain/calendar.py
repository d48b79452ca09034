"""Which dates are restdays and holidays: the official calendar, overridden by the scenario."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from shiftplan.domain.model import CalendarSpec, Period

WEEKDAY_SELECTORS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KIND_SELECTORS = ("all", "workday", "restday", "holiday")


class UncoveredYearError(Exception):
    """The plan reaches into a year for which no official holiday schedule is known."""

    def __init__(self, years: Iterable[int]) -> None:
        self.years = tuple(sorted(years))
        super().__init__(", ".join(map(str, self.years)))


@dataclass(frozen=True)
class OfficialCalendar:
    """Announced holiday blocks and adjusted working days (调休) for the years it covers."""

    years: frozenset[int] = frozenset()
    holidays: Mapping[dt.date, str] = field(default_factory=dict)  # date -> holiday name
    workdays: frozenset[dt.date] = frozenset()  # weekend dates that are working days


NO_OFFICIAL_CALENDAR = OfficialCalendar()


@dataclass(frozen=True)
class DayCalendar:
    """Restdays and holidays of the planned dates."""

    restdays: frozenset[dt.date]
    holidays: frozenset[dt.date]
    holiday_names: Mapping[dt.date, str] = field(default_factory=dict)

    def is_restday(self, day: dt.date) -> bool:
        return day in self.restdays

    def is_holiday(self, day: dt.date) -> bool:
        return day in self.holidays

    def selects(self, selector: str, day: dt.date) -> bool:
        """Whether a cover ``days`` selector picks ``day``."""
        if selector == "all":
            return True
        if selector == "workday":
            return day not in self.restdays
        if selector == "restday":
            return day in self.restdays
        if selector == "holiday":
            return day in self.holidays
        if selector in WEEKDAY_SELECTORS:
            return WEEKDAY_SELECTORS.index(selector) == day.weekday()
        return selector == day.isoformat()


def resolve_calendar(spec: CalendarSpec, period: Period, official: OfficialCalendar) -> DayCalendar:
    """Apply the scenario's own holidays and workdays on top of the official calendar.

    Raises UncoveredYearError for a planned year the official calendar does not know, unless the
    scenario lists a holiday in that year (then it supplies that year itself). ``holidays`` adds
    holidays (and restdays); ``workdays`` makes working days, neither restday nor holiday.
    """
    dates = period.dates()
    own_years = {d.year for d in spec.holidays}
    use_official = spec.country == "CN"
    if use_official:
        missing = {d.year for d in dates} - official.years - own_years
        if missing:
            raise UncoveredYearError(missing)
    extra_holidays, extra_workdays = set(spec.holidays), set(spec.workdays)
    restdays: set[dt.date] = set()
    holidays: set[dt.date] = set()
    names: dict[dt.date, str] = {}
    for day in dates:
        official_here = use_official and day.year in official.years
        holiday = day in extra_holidays or (official_here and day in official.holidays)
        # The file's own lists override the official calendar both ways.
        workday = day in extra_workdays or (
            official_here and day in official.workdays and day not in extra_holidays
        )
        if day in extra_workdays:
            holiday = False
        if holiday:
            holidays.add(day)
            if official_here and day in official.holidays:
                names[day] = official.holidays[day]
        if (day.weekday() >= 5 or holiday) and not workday:
            restdays.add(day)
    return DayCalendar(frozenset(restdays), frozenset(holidays), names)
