"""What-if checks and ranked candidates for one slot agree with whole-roster checks."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from shiftplan.demo import build_demo
from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.candidates import candidates
from shiftplan.domain.model import Assignment, Scenario
from shiftplan.domain.validation import RosterChecker, check
from shiftplan.official_calendar import official_calendar
from shiftplan.printing.samples import rotation_schedule

from .builders import a, absence, rule, scenario, weekend_calendar


def hard_keys(violations: list) -> Counter:  # type: ignore[type-arg]
    return Counter((v.rule, v.staff, v.dates, v.shift, v.station, v.role) for v in violations if v.hard)


@pytest.fixture(scope="module")
def district() -> tuple[Scenario, object, tuple[Assignment, ...]]:
    demo = build_demo()
    return demo, resolve_calendar(demo.calendar, demo.period, official_calendar()), rotation_schedule(demo).assignments


def test_what_if_equals_the_difference_of_two_whole_checks(district) -> None:  # type: ignore[no-untyped-def]
    demo, calendar, roster = district
    checker = RosterChecker(demo, calendar, roster)
    whole_before = check(demo, roster, calendar)
    rng = random.Random(7)
    for _ in range(12):
        removed = rng.sample(roster, rng.randint(0, 2))
        added = [Assignment(rng.choice(demo.period.dates()), rng.choice("DEN"), rng.choice(demo.stations).id,
                            (p := rng.choice(demo.staff)).id, rng.choice(p.roles)) for _ in range(rng.randint(1, 2))]
        after_roster = [a for a in roster if a not in removed] + added
        whole_after = check(demo, after_roster, calendar)
        before, after = checker.what_if(add=added, remove=removed)
        assert after.cost - before.cost == pytest.approx(whole_after.cost - whole_before.cost, abs=1e-6)
        assert hard_keys(whole_after.hard) - hard_keys(whole_before.hard) == hard_keys(after.hard) - hard_keys(
            before.hard)


def test_candidates_are_ranked_and_the_others_have_reasons() -> None:
    s = scenario("2020-02-03", "2020-02-09", staff=["A", "B", "C", "D"],
                 rules=[rule("min_rest_hours", 12)], absences=[absence("C", "2020-02-04")])
    roster = [a("D", "2020-02-03", "E")]  # D would rest only 8 h before a day shift
    found = candidates(s, weekend_calendar(s.period), roster, dt.date(2020, 2, 4), "D", "S1")
    assert {c.staff for c in found.ranked} == {"A", "B"}
    assert {e.staff: e.reason.rule for e in found.excluded} == {"C": "absence", "D": "min_rest_hours"}
    assert found.ranked == tuple(sorted(found.ranked, key=lambda c: (c.delta, c.staff)))


def test_candidates_for_a_district_slot(district) -> None:  # type: ignore[no-untyped-def]
    demo, calendar, roster = district
    slot = (dt.date(2020, 2, 5), "N", "G310W")
    gone = next(x for x in roster if (x.date, x.shift, x.station) == slot and x.role == "medic")
    rest_of_roster = [x for x in roster if x != gone]
    found = candidates(demo, calendar, rest_of_roster, *slot, "medic")
    assert gone.staff in {c.staff for c in found.ranked}  # who just left the slot can take it back
    assert found.excluded and found.on_duty
    everyone = {c.staff for c in found.ranked} | {e.staff for e in found.excluded} | set(found.on_duty)
    assert everyone == {p.id for p in demo.staff}
    # Nobody from another station can take a 310 checkpoint shift.
    others = {p.id for p in demo.staff if p.stations and "G310W" not in p.stations}
    assert not others & {c.staff for c in found.ranked}
