"""The model agrees with the validator on every roster: same feasibility, same cost.

Each example is a random small scenario and a random roster over its seats. The roster's seats
are fixed in the model and CP-SAT settles the rest: the guarded model must find broken exactly
the hard requirements the validator finds broken (by rule and person, or rule and slot), and a
roster without any must cost what the validator says. One test
draws from the whole format; the others focus on one family of personal rules with busier
rosters and fewer cover needs, so that those rules are actually put to the test.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shiftplan.domain.rules import RuleKind as K
from shiftplan.domain.validation import check
from shiftplan.solver.model import RosterModel

from .helpers import broken_requirements, model_cost, signature
from .strategies import scenarios, seat_rosters

TOLERANCE = 0.05  # the objective is rounded to cents, fairness loads to 1/600 of a shift

# Rules whose meaning reaches across the period's start: their tests always carry history.
ACROSS_THE_BORDER = {K.MIN_REST_HOURS, K.FORBIDDEN_SUCCESSION, K.MAX_CONSECUTIVE_DAYS, K.MIN_CONSECUTIVE_DAYS,
                     K.MIN_CONSECUTIVE_DAYS_OFF, K.MAX_CONSECUTIVE_SHIFTS}


def agree(data: st.DataObject, busy: bool = False, **shape: object) -> None:
    scenario, calendar = data.draw(scenarios(**shape))  # type: ignore[arg-type]
    roster = data.draw(seat_rosters(RosterModel(scenario, calendar), busy=busy))
    report = check(scenario, roster, calendar)
    expected = {signature(v.rule, v.staff, v.station, v.shift, v.dates, v.role) for v in report.hard}
    assert broken_requirements(scenario, calendar, roster) == expected
    cost = model_cost(scenario, calendar, roster)
    assert (cost is not None) == report.feasible
    if cost is not None:
        assert abs(cost - report.objective) <= TOLERANCE, (cost, report.objective, report.soft)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_roster_of_any_scenario(data: st.DataObject) -> None:
    agree(data)


@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rosters_under_one_personal_rule(kind: K, data: st.DataObject) -> None:
    agree(data, busy=True, kinds=(kind,), max_cover=1, max_days=10, history=kind in ACROSS_THE_BORDER)
