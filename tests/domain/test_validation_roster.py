"""A whole small roster under every kind of rule: clean as built, then with one planted fault.

Ten people rotate through a ten-day cycle N N - - D D E E - - (person p is at position
(t + p) mod 10 on day t), so every shift of every date has two people; positions 0/4/6 serve as
police and 1/5/7 as medic, and every other person is a Party member. The cycle also runs through
the two history dates before the period, so rest, runs and days off continue across the border.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.model import Assignment, CalendarSpec, Scenario
from shiftplan.domain.validation import Report
from shiftplan.official_calendar import official_calendar

from .builders import (
    absence,
    assert_clean,
    assert_violations,
    cover,
    d,
    fixed,
    hard,
    history,
    person,
    request,
    rule,
    run,
    scenario,
    soft,
)

CYCLE = ("N", "N", None, None, "D", "D", "E", "E", None, None)
ROLE_AT = {0: "police", 1: "medic", 4: "police", 5: "medic", 6: "police", 7: "medic"}
START = d("2024-03-04")
PEOPLE = [f"P{p}" for p in range(len(CYCLE))]


def position(p: int, day: dt.date) -> int:
    return ((day - START).days + p) % len(CYCLE)


def on_duty(day: str, shift: str | None, role: str | None = None) -> str:
    """The first person working ``shift`` (None: off) on ``day`` (in ``role``)."""
    return next(p for i, p in enumerate(PEOPLE) if CYCLE[position(i, d(day))] == shift
                and (role is None or ROLE_AT[position(i, d(day))] == role))


def roster(first: dt.date, last: dt.date) -> list[Assignment]:
    out = []
    day = first
    while day <= last:
        for p in range(len(CYCLE)):
            pos = position(p, day)
            shift = CYCLE[pos]
            if shift is not None:
                out.append(Assignment(day, shift, "S1", f"P{p}", ROLE_AT[pos]))
        day += dt.timedelta(days=1)
    return out


def base() -> Scenario:
    past = roster(d("2024-03-02"), d("2024-03-03"))
    return scenario(
        "2024-03-04", "2024-03-17",
        staff=[person(p, roles=["police", "medic"], party="member" if i % 2 == 0 else "applicant")
               for i, p in enumerate(PEOPLE)],
        roles=["police", "medic"],
        calendar=CalendarSpec("CN"),
        rules=[rule("min_rest_hours", 16), rule("max_consecutive_days", 6),
               rule("max_consecutive_shifts", 3, shift="N"), rule("max_shifts", 8, shift="N"),
               rule("min_days_off_per_week", 1, weight=5), rule("forbidden_succession", shift="N", next="D"),
               rule("max_hours_per_week", 48), rule("min_consecutive_days_off", 2, weight=1),
               rule("max_weekends", 2, weight=1)],
        cover=[cover(station="S1", min=2, max=2, target=2, roles={"police": 1, "medic": 1}),
               cover(station="S1", shift="N", min=2, max=2, roles={"police": 1, "medic": 1}, party_min=1)],
        absences=[absence(on_duty("2024-03-05", None), "2024-03-05", reason="事假")],
        requests=[request(on_duty("2024-03-07", "D"), "2024-03-07", True, "D", 2),
                  request(on_duty("2024-03-05", None), "2024-03-05", False, weight=3)],
        fixed=[fixed(on_duty("2024-03-07", "D"), "2024-03-07", "D", "S1")],
        history=history(*[(x.staff, x.date.isoformat(), x.shift) for x in past], start="2024-03-02"),
    )


def check(scn: Scenario, assignments: list[Assignment]) -> Report:
    return run(scn, assignments, resolve_calendar(scn.calendar, scn.period, official_calendar()))


def test_the_cycle_roster_is_clean() -> None:
    scn = base()
    assert_clean(check(scn, roster(scn.period.start, scn.period.end)))


def test_planted_wrong_role() -> None:
    scn = base()
    assignments = roster(scn.period.start, scn.period.end)
    police = on_duty("2024-03-10", "E", "police")
    i = next(i for i, x in enumerate(assignments) if x.date == d("2024-03-10") and x.staff == police)
    assignments[i] = dataclasses.replace(assignments[i], role="medic")
    assert_violations(check(scn, assignments), hard("cover_roles", None, ["2024-03-10"], shift="E", station="S1",
                                                     role="police"))


def test_planted_absence() -> None:
    who = on_duty("2024-03-09", "N", "medic")
    scn = dataclasses.replace(base(), absences=(absence(who, "2024-03-09", "2024-03-09"),))
    report = check(scn, roster(scn.period.start, scn.period.end))
    assert_violations(report, hard("absence", who, ["2024-03-09"], shift="N", station="S1", role="medic"))


def test_planted_missing_person() -> None:
    scn = base()
    assignments = roster(scn.period.start, scn.period.end)
    gone = next(x for x in assignments if x.date == d("2024-03-12") and x.shift == "E" and x.role == "police")
    assignments.remove(gone)
    assert_violations(
        check(scn, assignments),
        hard("cover_min", None, ["2024-03-12"], shift="E", station="S1"),
        hard("cover_roles", None, ["2024-03-12"], shift="E", station="S1", role="police"),
        soft("cover_target", None, ["2024-03-12"], 10, shift="E", station="S1"),
        # the first of two E shifts removed: D D - E leaves a single day off between two worked dates
        soft("min_consecutive_days_off", gone.staff, ["2024-03-12"], 1),
    )


def test_planted_unmet_requests_and_fixed() -> None:
    medic, off = on_duty("2024-03-07", "D", "medic"), on_duty("2024-03-07", None)
    scn = dataclasses.replace(
        base(),
        requests=(request(medic, "2024-03-07", False, "D", 2), request(off, "2024-03-07", True, weight=1.5)),
        fixed=(fixed(medic, "2024-03-07", "D", "S1", "police"),),
    )
    report = check(scn, roster(scn.period.start, scn.period.end))
    assert_violations(
        report,
        soft("request", medic, ["2024-03-07"], 2, shift="D"),
        soft("request", off, ["2024-03-07"], 1.5),
        hard("fixed", medic, ["2024-03-07"], shift="D", station="S1", role="police"),
    )


def test_planted_extra_shift() -> None:
    # The second night worker of 5 March (position 1) also takes D on 6 March, one of their two
    # days off: a forbidden N -> D succession, one person too many, and a single day off left.
    scn = base()
    night = on_duty("2024-03-05", "N", "medic")
    extra = Assignment(d("2024-03-06"), "D", "S1", night, "medic")
    report = check(scn, [*roster(scn.period.start, scn.period.end), extra])
    assert_violations(
        report,
        hard("forbidden_succession", night, ["2024-03-05", "2024-03-06"], shift="D"),
        hard("cover_max", None, ["2024-03-06"], shift="D", station="S1"),
        soft("cover_target", None, ["2024-03-06"], 1, shift="D", station="S1"),
        soft("min_consecutive_days_off", night, ["2024-03-07"], 1),
    )


@pytest.mark.parametrize(("limit", "expected"), [(2, 0), (1, 1)])
def test_weekends_of_the_cycle(limit: int, expected: int) -> None:
    base_scn = base()
    scn = dataclasses.replace(base_scn, rule_sets=(dataclasses.replace(
        base_scn.rule_sets[0], rules=(rule("max_weekends", limit, weight=4),)),))
    report = check(scn, roster(scn.period.start, scn.period.end))
    # Over the two weekends of the period, someone works on both; nobody can work on three.
    assert {v.rule for v in report.violations} <= {"max_weekends"}
    assert all(v.cost == 4 * expected for v in report.violations)
    assert bool(report.violations) == bool(expected)
