"""The column generation start, where no hard rule ties people together and nothing is balanced."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time

import pytest

from shiftplan.domain.model import Assignment, Cover, FairnessWeights, Request, Scenario, ShiftType, StaffMember
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.validation import check
from shiftplan.solver import SolveOptions, solve
from shiftplan.solver.columns import PricedStart, priced_roster
from shiftplan.solver.model import RosterModel
from shiftplan.solver.personal import personal_roster
from tests.solver.test_personal import CALENDAR, START, ward

NO_FAIRNESS = FairnessWeights(0, 0, 0, 0)  # the master prices the cover and each person's own costs, not spreads


def two_kinds(days: int = 7) -> Scenario:
    """One early and one late wanted every day (100 per person missing, 1 per person too many);
    A works early or late, B only early, five days each. Best: A all late, B all early, two
    shifts missing on each (cost 400). Taking people in turn, A cannot know that B can only work
    early."""
    five = (Rule(RuleKind.MIN_SHIFTS, 5), Rule(RuleKind.MAX_SHIFTS, 5))
    return dataclasses.replace(
        ward(days),
        shift_types=(ShiftType("E", "早", 7 * 60, 15 * 60), ShiftType("L", "晚", 15 * 60, 23 * 60)),
        rule_sets=(RuleSet("any", five), RuleSet("early", (*five, Rule(RuleKind.MAX_SHIFTS, 0, shifts=("L",))))),
        staff=(StaffMember("A", "甲", rule_set="any"), StaffMember("B", "乙", rule_set="early")),
        cover=(Cover(shift="E", target=1, target_under=100, target_over=1),
               Cover(shift="L", target=1, target_under=100, target_over=1)),
        absences=(), weights=NO_FAIRNESS,
    )


def personal_start(scenario: Scenario) -> list[Assignment]:
    personal = personal_roster(scenario, CALENDAR, budget=2.0)
    assert personal is not None
    return personal.roster


def priced(scenario: Scenario, seconds: float = 20.0) -> tuple[float, float, PricedStart]:
    """The validator's cost of the personal start and of the priced one, and the priced one."""
    start = personal_start(scenario)
    found = priced_roster(RosterModel(scenario, CALENDAR), start, time.perf_counter() + seconds)
    assert found.roster is not None
    before, after = (check(scenario, roster, CALENDAR).objective for roster in (start, found.roster))
    return before, after, found


def test_the_columns_find_what_taking_people_in_turn_cannot_know() -> None:
    scenario = two_kinds()
    _, objective, found = priced(scenario)
    report = check(scenario, found.roster, CALENDAR)
    assert report.feasible
    assert objective == found.cost == 400
    assert {a.shift for a in found.roster if a.staff == "A"} == {"L"}


def test_the_roster_meets_every_hard_rule_and_the_master_prices_it_as_the_validator_does() -> None:
    requests = (Request("N1", START + dt.timedelta(days=2), want=False, weight=5),
                Request("N2", START + dt.timedelta(days=5), shift="L", want=True, weight=3))
    scenario = dataclasses.replace(ward(28), requests=requests, weights=NO_FAIRNESS)
    personal, objective, found = priced(scenario)
    assert check(scenario, found.roster, CALENDAR).feasible
    assert abs(objective - found.cost) < 1e-6
    assert objective <= personal


def test_given_up_it_still_tells_what_its_pricing_used() -> None:
    """The search's deterministic budget loses what the pricing used, even when it is given up."""
    scenario = two_kinds()
    found = priced_roster(RosterModel(scenario, CALENDAR), personal_start(scenario), time.perf_counter() + 20,
                          budget=1e-6)
    assert found.roster is None and found.used > 0 and not found.hurried


def test_a_solve_starts_from_the_columns_and_the_same_seed_gives_the_same_roster(
        caplog: pytest.LogCaptureFixture) -> None:
    scenario = two_kinds()
    with caplog.at_level(logging.DEBUG, logger="shiftplan.solver.columns"):
        first, again = (solve(scenario, CALENDAR, SolveOptions(time_limit=10)) for _ in range(2))
    assert [r for r in caplog.records if r.name == "shiftplan.solver.columns"]  # the columns were priced
    assert first.objective == again.objective == 400 and first.reproducible
    assert set(first.schedule.assignments) == set(again.schedule.assignments)
    assert solve(scenario, CALENDAR, SolveOptions(time_limit=5, deterministic=False)).objective == 400
