"""When no roster exists the result says why, naming the people and the requirement."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shiftplan.demo import build_demo
from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.model import Absence, Status
from shiftplan.official_calendar import official_calendar
from shiftplan.solver import SolveOptions, solve


def test_medics_all_ill_on_one_night_are_named() -> None:
    demo = build_demo()
    ill_day = dt.date(2020, 2, 5)
    medics = [p for p in demo.staff if p.stations == ("QCZ",) and "medic" in p.roles]
    scenario = dataclasses.replace(
        demo, absences=demo.absences + tuple(Absence(p.id, ill_day, ill_day, "流感") for p in medics))
    calendar = resolve_calendar(scenario.calendar, scenario.period, official_calendar())
    result = solve(scenario, calendar, SolveOptions(time_limit=5, workers=1))
    assert result.status is Status.INFEASIBLE
    assert result.schedule.objective is None and result.schedule.assignments == ()
    about_the_night = [s for s in result.schedule.explanation if "2020-02-05" in s]
    assert about_the_night
    assert all(p.name in " ".join(about_the_night) for p in medics[:3])
    # Other stations are not blamed.
    assert not [s for s in result.schedule.explanation if "310国道巩义方向" in s]
