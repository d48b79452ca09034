"""The need of each (station, shift, date): the last matching cover entry applies, entirely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Cover, Scenario


@dataclass(frozen=True)
class Slot:
    """One station's shift on one date."""

    station: str
    shift: str
    date: dt.date


def entry_matches(entry: Cover, slot: Slot, calendar: DayCalendar) -> bool:
    return (
        (entry.station is None or entry.station == slot.station)
        and (entry.shift is None or entry.shift == slot.shift)
        and any(calendar.selects(selector, slot.date) for selector in entry.days)
    )


def resolve_cover(scenario: Scenario, calendar: DayCalendar) -> dict[Slot, Cover]:
    """Every slot of the period that some entry matches, with the entry that applies to it.

    Entries are laid over each other in file order, so a later one replaces an earlier one
    wherever both match; this costs only as much as the entries match.
    """
    dates = scenario.period.dates()
    needs: dict[Slot, Cover] = {}
    for entry in scenario.cover:
        # An entry naming an undefined station or shift (possible only outside the file reader) needs nothing.
        stations = [s.id for s in scenario.stations if entry.station in (None, s.id)]
        shifts = [s.id for s in scenario.shift_types if entry.shift in (None, s.id)]
        days = _selected_dates(entry, dates, calendar)
        for station in stations:
            for shift in shifts:
                for day in days:
                    needs[Slot(station, shift, day)] = entry
    return needs


def _selected_dates(entry: Cover, dates: list[dt.date], calendar: DayCalendar) -> list[dt.date]:
    if all(len(selector) == 10 for selector in entry.days):  # only ISO dates: no need to scan the period
        wanted = {dt.date.fromisoformat(selector) for selector in entry.days}
        return [d for d in dates if d in wanted] if len(wanted) > len(dates) else sorted(
            d for d in wanted if dates[0] <= d <= dates[-1])
    return [d for d in dates if any(calendar.selects(selector, d) for selector in entry.days)]
