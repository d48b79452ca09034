"""Solving random scenarios: the roster passes the validator, the costs agree, and on tiny
scenarios the optimum is the brute-force optimum."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shiftplan.domain.model import Status
from shiftplan.domain.rules import RuleKind
from shiftplan.solver import SolveOptions, solve

from .helpers import brute_force
from .strategies import scenarios

TOLERANCE = 0.05
# Brute force tries at most one shift a day, so the rule that could allow two stays out.
ONE_A_DAY = tuple(k for k in RuleKind if k is not RuleKind.MAX_SHIFTS_PER_DAY)
QUICK = SolveOptions(time_limit=5.0, workers=2)


TINY = {  # shapes small enough to try every roster
    "people": {"max_people": 3, "max_days": 3, "max_shifts": 1, "max_stations": 1, "max_roles": 1},
    "days": {"max_people": 2, "max_days": 5, "max_shifts": 1, "max_stations": 1, "max_roles": 0},
    "shifts": {"max_people": 2, "max_days": 3, "max_shifts": 2, "max_stations": 1, "max_roles": 1},
    "seats": {"max_people": 2, "max_days": 2, "max_shifts": 2, "max_stations": 2, "max_roles": 2},
}


@pytest.mark.parametrize("shape", sorted(TINY))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_tiny_scenarios_are_solved_to_the_brute_force_optimum(shape: str, data: st.DataObject) -> None:
    scenario, calendar = data.draw(scenarios(kinds=ONE_A_DAY, **TINY[shape]))  # type: ignore[arg-type]
    best = brute_force(scenario, calendar)
    result = solve(scenario, calendar, QUICK)
    if best is None:
        assert result.status is Status.INFEASIBLE
        assert result.schedule.assignments == ()
        return
    assert result.status is Status.OPTIMAL
    assert not result.hard_violations
    assert result.objective is not None and result.solver_objective is not None
    assert abs(result.objective - best) <= TOLERANCE
    assert abs(result.solver_objective - result.objective) <= TOLERANCE
    assert result.schedule.objective == result.objective


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_returned_roster_passes_the_validator(data: st.DataObject) -> None:
    scenario, calendar = data.draw(scenarios(max_people=5, max_days=10, max_stations=2))
    result = solve(scenario, calendar, QUICK)
    assert result.status is not Status.UNKNOWN  # small scenarios are always decided
    if result.status is Status.INFEASIBLE:
        return
    assert not result.hard_violations
    assert result.objective is not None and result.solver_objective is not None
    assert abs(result.solver_objective - result.objective) <= TOLERANCE
    assert abs(sum(c.cost for c in result.costs) - result.objective) <= TOLERANCE
    if result.status is Status.OPTIMAL:
        assert result.bound is not None and result.bound <= result.solver_objective + TOLERANCE
    assert abs(sum(v.cost for v in result.schedule.violations) - result.objective) <= 0.01
