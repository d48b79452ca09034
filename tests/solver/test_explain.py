"""When no roster exists the result says why, naming the people and the requirement."""

from __future__ import annotations

import dataclasses
import datetime as dt

from domain.builders import cover, person, rule, scenario, weekend_calendar

from shiftplan import i18n
from shiftplan.demo import build_demo
from shiftplan.domain.calendar import DayCalendar, resolve_calendar
from shiftplan.domain.model import Absence, Scenario, Status
from shiftplan.official_calendar import official_calendar
from shiftplan.solver import SolveOptions, solve
from shiftplan.solver.explain import conflict, explain, shortfall_sentences
from shiftplan.solver.model import RosterModel
from shiftplan.solver.rules.base import Requirement


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


# --- conflicts only in combination: the assumption core names the culprits, nothing innocent ---

def _explained(scn: Scenario) -> tuple[str, ...]:
    result = solve(scn, weekend_calendar(scn.period), SolveOptions(time_limit=10, workers=1))
    assert result.status is Status.INFEASIBLE
    assert not shortfall_sentences(scn, weekend_calendar(scn.period))  # counting alone cannot see it
    return result.schedule.explanation


def rest_conflict() -> Scenario:
    """P1 alone may take S1's evening on Monday and its day shift on Tuesday, but not both: 8 h
    rest. P2 covers station S2 every day: innocent."""
    return scenario(
        "2020-02-03", "2020-02-05", staff=[person("P1", stations=["S1"]), person("P2", stations=["S2"])],
        stations=("S1", "S2"), rules=[rule("min_rest_hours", 16)],
        cover=[cover(station="S1", shift="E", days=["2020-02-03"], min=1),
               cover(station="S1", shift="D", days=["2020-02-04"], min=1),
               cover(station="S2", shift="D", min=1)])


def test_rest_between_two_open_shifts_is_named_with_both_slots() -> None:
    scn = rest_conflict()
    lines = _explained(scn)
    text = "\n".join(lines)
    assert len(lines) == 4  # the heading and exactly three requirements
    assert "Station S1 Evening on 2020-02-03" in text and "Station S1 Day on 2020-02-04" in text
    assert "P1" in text and "16" in text  # the rest rule of P1
    assert "S2" not in text and "P2" not in text


def test_a_run_too_long_names_the_run_and_the_limit_but_not_the_free_day() -> None:
    # One person, four days in a row needed, at most three in a row; Friday is free.
    scn = scenario(
        "2020-02-03", "2020-02-07", rules=[rule("max_consecutive_days", 3)],
        cover=[cover(shift="D", days=["2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06"], min=1)])
    text = "\n".join(_explained(scn))
    for day in ("2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06"):
        assert day in text
    assert "2020-02-07" not in text
    assert "3" in text and "P1" in text


def test_the_core_is_minimal_every_named_requirement_is_needed() -> None:
    scn = scenario(
        "2020-02-03", "2020-02-07", staff=["P1", "P2"], rules=[rule("max_shifts", 2)],
        cover=[cover(shift="D", min=1)])  # five day shifts, two people with at most two each
    calendar = weekend_calendar(scn.period)
    found = conflict(scn, calendar, 10)
    assert found
    model_rules = {r.rule for r in found}
    assert model_rules == {"cover_min", "max_shifts"}
    for i in range(len(found)):  # without any one of them, a roster exists
        rest = found[:i] + found[i + 1:]
        assert not _infeasible_with_only(scn, calendar, rest)


def _infeasible_with_only(scn: Scenario, calendar: DayCalendar, kept: list[Requirement]) -> bool:
    from ortools.sat.python import cp_model

    model = RosterModel(scn, calendar, guarded=True)
    model.model.clear_objective()
    model.model.add_assumptions([model.requirements[r] for r in kept])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(model.model) == cp_model.INFEASIBLE


def test_explanations_follow_the_language() -> None:
    scn = scenario("2020-02-03", "2020-02-07", rules=[rule("max_consecutive_days", 3)],
                   cover=[cover(shift="D", days=["2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06"], min=1)])
    i18n.set_language("zh_CN")  # the suite's fixture sets English back afterwards
    lines = explain(scn, weekend_calendar(scn.period), 10)
    assert "不能同时满足" in lines[0]
    assert any("至少" in line for line in lines[1:])


# --- the culprits: what each sentence names, as data for the desktop app ---------------------


def test_the_culprits_of_a_conflict_match_the_explanation() -> None:
    from shiftplan.domain.culprits import CulpritKind

    scn = rest_conflict()
    result = solve(scn, weekend_calendar(scn.period), SolveOptions(time_limit=10, workers=1))
    assert result.status is Status.INFEASIBLE
    lines = result.schedule.explanation
    assert [f"· {c.text}" for c in result.culprits] == list(lines[1:])
    by_kind = {c.kind: c for c in result.culprits}
    covers = sorted((c for c in result.culprits if c.kind is CulpritKind.COVER), key=lambda c: c.dates)
    assert [(c.station, c.shift, c.dates) for c in covers] == [
        ("S1", "E", (dt.date(2020, 2, 3),)), ("S1", "D", (dt.date(2020, 2, 4),))]
    assert [c.covers[0] for c in covers] == [(0, scn.cover[0]), (1, scn.cover[1])]  # indexes into the whole scenario
    assert all(c.relaxes_cover for c in covers)
    rest = by_kind[CulpritKind.PERSON_RULE]
    assert rest.staff == "P1" and rest.rule == "min_rest_hours" and rest.relaxes_rule
    assert [r.value for r in rest.rules] == [16]


def test_the_culprits_of_a_shortfall_match_the_explanation() -> None:
    from shiftplan.domain.culprits import CulpritKind

    scn = scenario("2020-02-03", "2020-02-04", cover=[cover(shift="D", min=2)])  # one person, two needed
    result = solve(scn, weekend_calendar(scn.period), SolveOptions(time_limit=5, workers=1))
    assert result.status is Status.INFEASIBLE
    assert tuple(c.text for c in result.culprits) == result.schedule.explanation
    assert all(c.kind is CulpritKind.COVER and c.covers == ((0, scn.cover[0]),) for c in result.culprits)
