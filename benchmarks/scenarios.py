"""The benchmark scenarios: the demo district (``shiftplan.demo``) and its 310 checkpoint alone."""

from __future__ import annotations

import dataclasses
import functools

from shiftplan.demo import build_demo
from shiftplan.domain.calendar import DayCalendar, resolve_calendar
from shiftplan.domain.model import History, Scenario
from shiftplan.official_calendar import official_calendar

CHECKPOINT = "G310W"


def only_station(scenario: Scenario, station: str) -> Scenario:
    """The part of a scenario that concerns one station and the people who may work only there."""
    staff = tuple(p for p in scenario.staff if p.stations == (station,))
    ids = {p.id for p in staff}
    history = scenario.history
    return dataclasses.replace(
        scenario,
        name=f"{scenario.name} / {station}",
        stations=tuple(s for s in scenario.stations if s.id == station),
        staff=staff,
        cover=tuple(c for c in scenario.cover if c.station == station),
        absences=tuple(a for a in scenario.absences if a.staff in ids),
        requests=tuple(r for r in scenario.requests if r.staff in ids),
        fixed=tuple(f for f in scenario.fixed if f.staff in ids),
        history=History(history.start, tuple(h for h in history.assignments if h.staff in ids),
                        tuple(c for c in history.counts if c.staff in ids)),
    )


@functools.cache
def district() -> tuple[Scenario, DayCalendar]:
    scenario = build_demo()
    return scenario, resolve_calendar(scenario.calendar, scenario.period, official_calendar())


@functools.cache
def checkpoint() -> tuple[Scenario, DayCalendar]:
    scenario = only_station(build_demo(), CHECKPOINT)
    return scenario, resolve_calendar(scenario.calendar, scenario.period, official_calendar())
