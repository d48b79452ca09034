"""Re-planning after someone falls ill keeps earlier days and moves few people."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.culprits import Culprit, CulpritKind
from shiftplan.domain.model import Absence, Cover, Period, Scenario, ShiftType, StaffMember, Station
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.validation import check
from shiftplan.official_calendar import official_calendar
from shiftplan.solver import SolveOptions, solve
from shiftplan.solver.replan import ReplanRun, replan

START = dt.date(2020, 3, 2)
ILL_FROM = dt.date(2020, 3, 5)


def ward() -> Scenario:
    return Scenario(
        period=Period(START, START + dt.timedelta(days=6)),
        shift_types=(ShiftType("D", "白班", 8 * 60, 16 * 60), ShiftType("E", "中班", 16 * 60, 24 * 60),
                     ShiftType("N", "夜班", 0, 8 * 60)),
        stations=(Station("S", "一号站"),),
        staff=tuple(StaffMember(f"P{i}", f"人员{i}") for i in range(1, 7)),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MIN_REST_HOURS, 12), Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 5))),),
        cover=(Cover(min=1, max=2, target=1),),
    )


def test_replan_after_illness_keeps_earlier_days_and_changes_little() -> None:
    scenario = ward()
    calendar = resolve_calendar(scenario.calendar, scenario.period, official_calendar())
    options = SolveOptions(time_limit=5, workers=1)
    base = solve(scenario, calendar, options).schedule
    assert base.objective is not None
    ill = next(a.staff for a in base.assignments if a.date >= ILL_FROM)
    end = scenario.period.end
    sick = dataclasses.replace(scenario, absences=(Absence(ill, ILL_FROM, end, "病假"),))
    outcome = replan(sick, calendar, base, ILL_FROM, options)
    new = outcome.schedule
    assert new.objective is not None and not check(sick, new.assignments, calendar).hard
    assert check(sick, new.assignments, calendar).objective == new.objective
    assert {a for a in new.assignments if a.date < ILL_FROM} == {a for a in base.assignments if a.date < ILL_FROM}
    assert not [a for a in new.assignments if a.staff == ill and a.date >= ILL_FROM]
    lost = [a for a in base.assignments if a.staff == ill and a.date >= ILL_FROM]
    # Each of the ill person's shifts needs a stand-in; little else should move.
    assert len(outcome.changes) <= 3 * len(lost)
    assert all(c.date >= ILL_FROM for c in outcome.changes)


def test_a_replan_that_cannot_work_names_the_plans_own_data_not_its_helper_pins() -> None:
    # Two people, one post every day, at most two days in a row: when one falls ill, the other
    # cannot carry the rest of the week alone.
    scenario = Scenario(
        period=Period(START, START + dt.timedelta(days=5)),
        shift_types=(ShiftType("D", "白班", 8 * 60, 16 * 60),),
        stations=(Station("S", "一号站"),),
        staff=(StaffMember("P1", "甲"), StaffMember("P2", "乙")),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 2),)),),
        cover=(Cover(min=1, max=1),),
    )
    calendar = resolve_calendar(scenario.calendar, scenario.period, official_calendar())
    options = SolveOptions(time_limit=10, workers=1)
    base = solve(scenario, calendar, options).schedule
    assert base.objective is not None
    ill_from = START + dt.timedelta(days=2)
    sick = dataclasses.replace(scenario, absences=(Absence("P1", ill_from, scenario.period.end, "病假"),))
    outcome = replan(sick, calendar, base, ill_from, options)
    assert not outcome.schedule.assignments and outcome.result.culprits
    for culprit in outcome.result.culprits:
        assert culprit.fixed is None or culprit.fixed < len(sick.fixed)  # the plan has no pins of its own
        if culprit.kind is CulpritKind.ABSENCE:  # only the real leave is a leave
            assert culprit.staff == "P1" and all(d >= ill_from for d in culprit.dates)
    # The re-plan's helpers, as a core may name them: its pins of the days kept, and its days off
    run = ReplanRun(sick, calendar, base, ill_from, options)
    pin = run._own(Culprit(CulpritKind.FIXED, "乙 fixed", "fixed", staff="P2", fixed=0))
    off = run._own(Culprit(CulpritKind.ABSENCE, "甲 off", "absence", dates=(START,), staff="P1"))
    leave = run._own(Culprit(CulpritKind.ABSENCE, "甲 leave", "absence", dates=(ill_from,), staff="P1"))
    assert pin.fixed is None and pin.text == "乙 fixed (kept from the roster before 2020-03-04)"
    assert off.kind is CulpritKind.FIXED and off.staff == "P1" and off.text.endswith("(kept from the roster before "
                                                                                     "2020-03-04)")
    assert leave.kind is CulpritKind.ABSENCE and leave.text == "甲 leave"  # the real leave stays a leave
