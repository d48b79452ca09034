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
    """Every slot of the period that some entry matches, with the entry that applies to it."""
    needs: dict[Slot, Cover] = {}
    entries = list(reversed(scenario.cover))
    for station in scenario.stations:
        for shift in scenario.shift_types:
            for day in scenario.period.dates():
                slot = Slot(station.id, shift.id, day)
                entry = next((e for e in entries if entry_matches(e, slot, calendar)), None)
                if entry is not None:
                    needs[slot] = entry
    return needs
