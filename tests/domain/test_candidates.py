"""What-if checks and ranked candidates for one slot agree with whole-roster checks."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pytest

from shiftplan.demo import build_demo
from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.candidates import candidates
from shiftplan.domain.model import Assignment, FairnessWeights, Scenario
from shiftplan.domain.validation import RosterChecker, check
from shiftplan.official_calendar import official_calendar
from shiftplan.printing.samples import rotation_schedule

from .builders import a, absence, count, cover, history, person, request, rule, scenario, weekend_calendar


def hard_keys(violations: list[Any]) -> Counter[Any]:
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


def brute_force(s: Scenario, calendar: Any, roster: list[Assignment], slot: tuple[dt.date, str, str],
                role: str | None) -> tuple[list[Any], dict[str, Any]]:
    """The ranking by whole re-validation of the roster for every candidate and role."""
    def key(v):  # type: ignore[no-untyped-def]
        return (v.rule, v.hard, v.staff, v.dates, v.shift, v.station, v.role, v.group)

    whole_before = check(s, roster, calendar)
    old_hard = {key(v) for v in whole_before.hard}
    old_soft = {key(v): v for v in whole_before.soft}
    on_duty = {x.staff for x in roster if (x.date, x.shift, x.station) == slot}
    ranked, reasons = [], {}
    for p in s.staff:
        if p.id in on_duty:
            continue
        best, reason = None, None
        roles: list[str | None] = [role] if role is not None else list(p.roles) or [None]
        for serving in roles:
            after = check(s, [*roster, Assignment(*slot, p.id, serving)], calendar)
            new_hard = [v for v in after.hard if key(v) not in old_hard]
            if new_hard:
                reason = reason or new_hard[0]
                continue
            new_soft = {key(v): v for v in after.soft}
            gains = Counter(key(v) for k, v in new_soft.items() if k not in old_soft or old_soft[k].cost < v.cost)
            relief = Counter(key(v) for k, v in old_soft.items() if k not in new_soft or new_soft[k].cost < v.cost)
            delta = round(after.cost - whole_before.cost, 6)
            if best is None or delta < best[2]:
                best = (p.id, serving, delta, gains, relief)
        if best is not None:
            ranked.append(best)
        elif reason is not None:
            reasons[p.id] = key(reason)
    ranked.sort(key=lambda c: (c[2], c[0]))
    return ranked, reasons


def random_case(seed: int) -> tuple[Scenario, object, list[Assignment]]:
    """A small scenario with most rule families, two stations, roles, fairness and a random roster."""
    rng = random.Random(seed)
    ids = [f"P{i}" for i in range(9)]
    people = [person(i, roles=rng.choice([("medic",), ("driver",), ("medic", "driver")]),
                     party=rng.choice(["none", "member"]), stations=rng.choice([None, ("S1",), ("S2",)]))
              for i in ids]
    s = scenario("2020-02-03", "2020-02-16", staff=people, stations=("S1", "S2"), roles=("medic", "driver"),
                 rules=[rule("min_rest_hours", 12), rule("max_consecutive_days", 4, weight=3),
                        rule("max_shifts", 7, weight=2), rule("min_days_off_per_week", 2, weight=1),
                        rule("max_consecutive_shifts", 2, shift="N"), rule("max_weekends", 1, weight=5),
                        rule("forbidden_succession", shift="N", next="D", weight=4)],
                 cover=[cover(min=1, max=3, target=2, roles={"medic": 1}, party_min=1, soft=True, soft_weight=50)],
                 absences=[absence(rng.choice(ids), "2020-02-05", "2020-02-07")],
                 requests=[request(rng.choice(ids), "2020-02-10", rng.random() < 0.5, weight=3)],
                 history=history((rng.choice(ids), "2020-02-02", "N"), (rng.choice(ids), "2020-02-01", "D"),
                                 counts=[count(i, shifts=rng.randint(0, 5), nights=rng.randint(0, 2)) for i in ids]),
                 weights=FairnessWeights(shifts=1, nights=2, restdays=1, holidays=0))
    calendar = weekend_calendar(s.period)
    roster: list[Assignment] = []
    for day in s.period.dates():
        for station in ("S1", "S2"):
            for shift in "DEN":
                for p in rng.sample(people, rng.randint(0, 3)):
                    roster.append(Assignment(day, shift, station, p.id, rng.choice(p.roles)))
    return s, calendar, roster


@pytest.mark.parametrize("seed", range(6))
def test_candidates_equal_a_brute_force_ranking(seed: int) -> None:
    s, calendar, roster = random_case(seed)
    rng = random.Random(seed + 100)
    for _ in range(4):
        slot = (rng.choice(s.period.dates()), rng.choice("DEN"), rng.choice(["S1", "S2"]))
        role = rng.choice([None, "medic", "driver"])
        found = candidates(s, calendar, roster, *slot, role)  # type: ignore[arg-type]
        ranked, reasons = brute_force(s, calendar, roster, slot, role)
        assert [(c.staff, c.role, c.delta, Counter(map(key_of, c.gains)), Counter(map(key_of, c.relief)))
                for c in found.ranked] == ranked
        assert {e.staff: key_of(e.reason) for e in found.excluded} == reasons
        # The same through a checker that has already answered other questions (its caches warm).
        checker = RosterChecker(s, calendar, roster)  # type: ignore[arg-type]
        candidates(s, calendar, checker, *slot, role)  # type: ignore[arg-type]
        assert candidates(s, calendar, checker, *slot, role) == found  # type: ignore[arg-type]


def key_of(v):  # type: ignore[no-untyped-def]
    return (v.rule, v.hard, v.staff, v.dates, v.shift, v.station, v.role, v.group)
