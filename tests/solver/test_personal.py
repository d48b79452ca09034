"""The start built person by person, where no hard rule ties people together."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Absence, Cover, Period, Scenario, ShiftType, StaffMember, Station
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.validation import check
from shiftplan.solver import SolveOptions, solve
from shiftplan.solver.personal import applies, personal_roster

START = dt.date(2021, 3, 1)  # a Monday
CALENDAR = DayCalendar(frozenset(), frozenset())


def ward(days: int = 14) -> Scenario:
    """Soft cover only (targets), and tight personal rules: at least 8 and at most 9 shifts in two
    weeks, runs of 2 to 4, no early after a late, everyone off one day."""
    rules = (Rule(RuleKind.MIN_SHIFTS, 8), Rule(RuleKind.MAX_SHIFTS, 9), Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 4),
             Rule(RuleKind.MIN_CONSECUTIVE_DAYS, 2), Rule(RuleKind.MIN_CONSECUTIVE_DAYS_OFF, 2),
             Rule(RuleKind.FORBIDDEN_SUCCESSION, shifts=("L",), next_shifts=("E",)))
    return Scenario(
        period=Period(START, START + dt.timedelta(days=days - 1)),
        shift_types=(ShiftType("E", "早", 7 * 60, 15 * 60), ShiftType("L", "晚", 15 * 60, 23 * 60)),
        stations=(Station("W", "病房"),),
        rule_sets=(RuleSet("standard", rules),),
        staff=tuple(StaffMember(f"N{i}", f"护士{i}") for i in range(6)),
        cover=(Cover(shift="E", target=2, target_under=100, target_over=1),
               Cover(shift="L", target=2, target_under=100, target_over=1)),
        absences=(Absence("N0", START + dt.timedelta(days=3), START + dt.timedelta(days=3)),),
    )


def test_it_applies_only_where_no_hard_rule_ties_people_together() -> None:
    assert applies(ward())
    assert applies(dataclasses.replace(ward(), cover=(Cover(min=2, soft=True),)))
    assert not applies(dataclasses.replace(ward(), cover=(Cover(min=1),)))
    assert not applies(dataclasses.replace(ward(), cover=(Cover(max=3),)))
    assert not applies(dataclasses.replace(ward(), cover=(Cover(roles={"r": 1}),)))
    assert not applies(dataclasses.replace(ward(), staff=()))


def test_everyone_gets_a_roster_meeting_their_own_rules_and_the_open_cover_is_filled_first() -> None:
    scenario = ward()
    found = personal_roster(scenario, CALENDAR, budget=2.0)
    assert found is not None
    roster, used = found.roster, found.used
    assert 0 < used <= 2.0 * 2  # each person's budget, and as much again to ask only for the hard rules
    assert check(scenario, roster, CALENDAR).feasible and not found.hurried
    assert found == personal_roster(scenario, CALENDAR, budget=2.0)  # deterministic
    # 6 people x 8-9 shifts against 56 wanted: later people fill what the earlier left open
    per_slot = Counter((a.date, a.shift) for a in roster)
    assert sum(per_slot.values()) >= 48 and max(per_slot.values()) <= 3
    assert sum(max(0, 2 - per_slot[d, s]) for d in scenario.period.dates() for s in ("E", "L")) <= 8


def test_past_the_hurry_point_the_people_left_get_a_first_roster_and_past_the_deadline_none() -> None:
    scenario = ward()
    full = personal_roster(scenario, CALENDAR, budget=2.0)
    hurried = personal_roster(scenario, CALENDAR, budget=2.0, hurry=0.0)  # long past
    assert full is not None and hurried is not None and hurried.hurried
    assert check(scenario, hurried.roster, CALENDAR).feasible
    assert hurried.used < full.used
    assert check(scenario, hurried.roster, CALENDAR).objective >= check(scenario, full.roster, CALENDAR).objective
    assert personal_roster(scenario, CALENDAR, budget=2.0, deadline=0.0) is None


def test_someone_who_cannot_meet_their_own_rules_gives_no_start() -> None:
    # N0 is away 10 of the 14 days and must work at least 8 of them: no roster of theirs exists
    scenario = dataclasses.replace(ward(), absences=(Absence("N0", START, START + dt.timedelta(days=9)),))
    assert personal_roster(scenario, CALENDAR, budget=1.0) is None


def test_the_solve_starts_from_it_and_keeps_the_limit() -> None:
    scenario = ward(28)
    result = solve(scenario, CALENDAR, SolveOptions(time_limit=5))
    assert result.schedule.objective is not None and not check(scenario, result.schedule.assignments,
                                                               CALENDAR).hard
    assert result.first_time is not None and result.wall_time < 5 + 1.5
