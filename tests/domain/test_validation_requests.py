"""Requests: wishes to work or not, with or without a shift.

Spec (requests): "`want: true` asks to work that shift that date (costs `weight` if not granted);
`want: false` asks not to (costs `weight` if assigned). Without `shift`, the request is about any
shift (`want: false` = a day off). `weight` defaults to 1. Dates outside the period are ignored."
"""

from __future__ import annotations

from .builders import a, assert_clean, assert_violations, request, rule, run, scenario, soft

START, END = "2024-03-04", "2024-03-10"


def test_want_a_shift_granted_or_not() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", True, "N", 3)])
    assert_clean(run(scn, [a("P1", "2024-03-05", "N")]))
    assert_violations(run(scn, []), soft("request", "P1", ["2024-03-05"], 3, shift="N"))
    # another shift that date does not grant it
    assert_violations(run(scn, [a("P1", "2024-03-05", "D")]), soft("request", "P1", ["2024-03-05"], 3, shift="N"))


def test_want_not_a_shift() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", False, "N", 2.5)])
    assert_clean(run(scn, [a("P1", "2024-03-05", "D")]))
    assert_violations(run(scn, [a("P1", "2024-03-05", "N")]), soft("request", "P1", ["2024-03-05"], 2.5, shift="N"))


def test_day_off_request_without_shift() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", False, weight=4)])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-06", "N")]))
    for shift in ("D", "E", "N"):
        assert_violations(run(scn, [a("P1", "2024-03-05", shift)]), soft("request", "P1", ["2024-03-05"], 4))


def test_day_off_request_costs_once_however_many_shifts() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts_per_day", 2)],
                   requests=[request("P1", "2024-03-05", False, weight=4)])
    report = run(scn, [a("P1", "2024-03-05", "D"), a("P1", "2024-03-05", "E")])
    assert_violations(report, soft("request", "P1", ["2024-03-05"], 4))


def test_want_to_work_any_shift() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", True)])
    assert_clean(run(scn, [a("P1", "2024-03-05", "E")]))
    assert_violations(run(scn, [a("P1", "2024-03-06", "E")]), soft("request", "P1", ["2024-03-05"], 1))


def test_weight_defaults_to_one() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", False, "D")])
    assert scn.requests[0].weight == 1
    report = run(scn, [a("P1", "2024-03-05", "D")])
    assert_violations(report, soft("request", "P1", ["2024-03-05"], 1, shift="D"))
    assert report.objective == 1


def test_requests_outside_the_period_are_ignored() -> None:
    scn = scenario(START, END, requests=[request("P1", "2024-03-03", True, "D", 5),
                                         request("P1", "2024-03-11", True, weight=5)])
    assert_clean(run(scn, []))


def test_a_shift_of_the_day_before_crossing_midnight_does_not_break_a_day_off() -> None:
    # E 16:00-24:00 belongs to the 4th; the 5th stays a day off.
    scn = scenario(START, END, requests=[request("P1", "2024-03-05", False, weight=2)])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E")]))


def test_requests_of_several_people_add_up() -> None:
    scn = scenario(START, END, staff=["P1", "P2"],
                   requests=[request("P1", "2024-03-05", False, weight=2), request("P2", "2024-03-05", True, "D", 3),
                             request("P2", "2024-03-06", True, "D", 0.25)])
    report = run(scn, [a("P1", "2024-03-05", "D")])
    assert report.objective == 5.25
    assert len(report.violations) == 3
