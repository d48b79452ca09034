"""Totals over the period, per whole week, and weekends; the report's objective.

Spec: max_shifts / min_shifts "shifts in the period (of these types, or all)"; max_hours /
min_hours "hours worked in the period"; max_hours_per_week "hours in each whole Monday-Sunday week
inside the period"; min_days_off_per_week "dates without work in each whole Monday-Sunday week
inside the period"; max_weekends "calendar weekends (Saturday+Sunday) with work on either day;
both days count once". "Counts and hours cover the period only; minimums are not reduced for
absences."
"""

from __future__ import annotations

import pytest

from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.model import CalendarSpec, Violation
from shiftplan.domain.validation import Report
from shiftplan.official_calendar import official_calendar

from .builders import (
    DEN,
    a,
    absence,
    assert_clean,
    assert_violations,
    d,
    hard,
    history,
    rule,
    run,
    scenario,
    shift_type,
    soft,
    work,
)

START, END = "2024-03-04", "2024-03-17"  # two whole weeks, Monday to Sunday

H = shift_type("H", "08:00", "12:30")  # 4.5 h
X = shift_type("X", "22:00", "06:00")  # 8 h, crosses midnight
SHIFTS = (*DEN, H, X)


# --- max_shifts / min_shifts ------------------------------------------------------------------


def test_max_shifts_all_types() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 3)])
    assert_clean(run(scn, work("P1", "D", "2024-03-04", "2024-03-06")))
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-05") + work("P1", "N", "2024-03-08", "2024-03-09"))
    assert_violations(report, hard("max_shifts", "P1"))


def test_max_shifts_soft_costs_per_shift_over() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 3, weight=2)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-08"))
    assert_violations(report, soft("max_shifts", "P1", cost=4))


def test_max_shifts_of_one_type_or_a_list() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 1, shift="N", weight=1)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-08") + work("P1", "N", "2024-03-10", "2024-03-12"))
    assert_violations(report, soft("max_shifts", "P1", cost=2, shift="N"))
    scn = scenario(START, END, rules=[rule("max_shifts", 1, shift=["E", "N"], weight=1)])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-06", "N"), a("P1", "2024-03-08", "D")])
    assert [(v.rule, v.cost) for v in report.violations] == [("max_shifts", 1)]


def test_history_shifts_do_not_count_for_totals() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 1), rule("max_hours", 8)],
                   history=history(("P1", "2024-03-02", "D"), ("P1", "2024-03-03", "D")))
    assert_clean(run(scn, [a("P1", "2024-03-04", "D")]))


def test_min_shifts_soft_and_hard() -> None:
    scn = scenario(START, END, rules=[rule("min_shifts", 5, weight=3)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-06"))
    assert_violations(report, soft("min_shifts", "P1", cost=6))
    scn = scenario(START, END, rules=[rule("min_shifts", 2, shift="N")])
    report = run(scn, [*work("P1", "D", "2024-03-04", "2024-03-06"), a("P1", "2024-03-08", "N")])
    assert_violations(report, hard("min_shifts", "P1", shift="N"))


def test_min_shifts_for_someone_without_any_shift() -> None:
    scn = scenario(START, END, staff=["P1", "P2"], rules=[rule("min_shifts", 4, weight=1)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-07"))
    assert_violations(report, soft("min_shifts", "P2", cost=4))


def test_minimums_are_not_reduced_for_absences() -> None:
    scn = scenario(START, END, rules=[rule("min_shifts", 5, weight=1), rule("min_hours", 40, weight=1)],
                   absences=[absence("P1", "2024-03-04", "2024-03-15")])
    report = run(scn, work("P1", "D", "2024-03-16", "2024-03-17"))
    assert_violations(report, soft("min_shifts", "P1", cost=3), soft("min_hours", "P1", cost=24))


# --- max_hours / min_hours --------------------------------------------------------------------


def test_max_hours() -> None:
    scn = scenario(START, END, rules=[rule("max_hours", 20, weight=1)])
    assert_clean(run(scn, work("P1", "D", "2024-03-04", "2024-03-05")))
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-06"))
    assert_violations(report, soft("max_hours", "P1", cost=4))


def test_hours_with_fractions_and_shifts_crossing_midnight() -> None:
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("min_hours", 21.5, weight=2)])
    report = run(scn, [a("P1", "2024-03-04", "H"), a("P1", "2024-03-06", "H"), a("P1", "2024-03-08", "X")])
    # 4.5 + 4.5 + 8 = 17 h, 4.5 h short
    assert_violations(report, soft("min_hours", "P1", cost=9))
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("max_hours", 12)])
    report = run(scn, [a("P1", "2024-03-04", "H"), a("P1", "2024-03-08", "X")])
    assert_violations(report, hard("max_hours", "P1"))


def test_a_shift_on_the_last_period_date_counts_in_full() -> None:
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("max_hours", 4, weight=1)])
    report = run(scn, [a("P1", "2024-03-17", "X")])  # ends on 18 March, after the period
    assert_violations(report, soft("max_hours", "P1", cost=4))


# --- per whole week -------------------------------------------------------------------------


def test_max_hours_per_week_only_for_whole_weeks() -> None:
    # Wednesday 6 March to Tuesday 26 March: whole weeks 11-17 and 18-24 March only.
    scn = scenario("2024-03-06", "2024-03-26", rules=[rule("max_hours_per_week", 16, weight=1)])
    roster = (work("P1", "D", "2024-03-06", "2024-03-10")  # 40 h, but not a whole week
              + work("P1", "D", "2024-03-11", "2024-03-13")  # 24 h
              + work("P1", "D", "2024-03-18", "2024-03-19")  # 16 h
              + work("P1", "D", "2024-03-25", "2024-03-26"))  # not a whole week
    report = run(scn, roster)
    assert_violations(report, soft("max_hours_per_week", "P1", ["2024-03-11"], 8))


def test_a_shift_counts_in_the_week_of_its_date() -> None:
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("max_hours_per_week", 8)])
    # X on Sunday 10 March runs into Monday 11 March; it belongs to the first week only.
    report = run(scn, [a("P1", "2024-03-10", "X"), a("P1", "2024-03-11", "D")])
    assert_clean(report)
    report = run(scn, [a("P1", "2024-03-09", "D"), a("P1", "2024-03-10", "X")])
    assert_violations(report, hard("max_hours_per_week", "P1", ["2024-03-04"]))


def test_min_days_off_per_week() -> None:
    scn = scenario(START, END, rules=[rule("min_days_off_per_week", 2, weight=5)])
    roster = (work("P1", "D", "2024-03-04", "2024-03-09")  # 1 day off: 1 short
              + work("P1", "D", "2024-03-11", "2024-03-15"))  # 2 days off
    assert_violations(run(scn, roster), soft("min_days_off_per_week", "P1", ["2024-03-04"], 5))


def test_min_days_off_per_week_counts_dates_not_shifts() -> None:
    scn = scenario(START, END, rules=[rule("min_days_off_per_week", 5, weight=1), rule("max_shifts_per_day", 3)])
    roster = [a("P1", "2024-03-05", s) for s in ("N", "D", "E")] + [a("P1", "2024-03-06", "D")]
    assert_clean(run(scn, roster))
    roster.append(a("P1", "2024-03-07", "D"))
    assert_violations(run(scn, roster), soft("min_days_off_per_week", "P1", ["2024-03-04"], 1))


def test_min_days_off_per_week_ignores_partial_weeks_and_counts_absences_as_off() -> None:
    scn = scenario("2024-03-01", "2024-03-13", rules=[rule("min_days_off_per_week", 1)],
                   absences=[absence("P1", "2024-03-10")])
    roster = work("P1", "D", "2024-03-01", "2024-03-09") + work("P1", "D", "2024-03-11", "2024-03-13")
    assert_clean(run(scn, roster))


def test_everyone_is_judged_per_week_even_without_shifts() -> None:
    scn = scenario(START, END, staff=["P1", "P2"], rules=[rule("max_hours_per_week", 0, weight=1)])
    report = run(scn, [a("P2", "2024-03-12", "D")])
    assert_violations(report, soft("max_hours_per_week", "P2", ["2024-03-11"], 8))


# --- max_weekends -----------------------------------------------------------------------------


def test_both_days_of_a_weekend_count_once() -> None:
    scn = scenario(START, END, rules=[rule("max_weekends", 1)])
    assert_clean(run(scn, [a("P1", "2024-03-09", "D"), a("P1", "2024-03-10", "D")]))


def test_max_weekends_soft_costs_per_weekend_over() -> None:
    scn = scenario("2024-03-04", "2024-03-24", rules=[rule("max_weekends", 1, weight=3)])
    report = run(scn, [a("P1", "2024-03-09", "D"), a("P1", "2024-03-10", "D"),
                       a("P1", "2024-03-17", "N"), a("P1", "2024-03-23", "E")])
    assert [(v.rule, v.staff, v.cost, v.hard) for v in report.violations] == [("max_weekends", "P1", 6, False)]


def test_max_weekends_uses_calendar_weekends_even_when_a_weekend_day_is_a_working_day() -> None:
    # 19 January 2020 was a Sunday made a working day (调休); it is still a calendar weekend.
    scn = scenario("2020-01-13", "2020-01-23", rules=[rule("max_weekends", 1, weight=1)],
                   calendar=CalendarSpec("CN"))
    calendar = resolve_calendar(scn.calendar, scn.period, official_calendar())
    assert not calendar.is_restday(d("2020-01-19"))
    report = run(scn, [a("P1", "2020-01-18", "D"), a("P1", "2020-01-19", "D")], calendar)
    assert_clean(report)
    scn = scenario("2020-01-13", "2020-01-26", rules=[rule("max_weekends", 1, weight=1)],
                   calendar=CalendarSpec("CN"))
    calendar = resolve_calendar(scn.calendar, scn.period, official_calendar())
    report = run(scn, [a("P1", "2020-01-19", "D"), a("P1", "2020-01-25", "D")], calendar)
    assert [(v.rule, v.cost) for v in report.violations] == [("max_weekends", 1)]


def test_a_weekday_holiday_is_not_a_weekend() -> None:
    scn = scenario("2020-01-20", "2020-01-31", rules=[rule("max_weekends", 0)], calendar=CalendarSpec("CN"))
    calendar = resolve_calendar(scn.calendar, scn.period, official_calendar())
    assert calendar.is_holiday(d("2020-01-28"))
    assert_clean(run(scn, [a("P1", "2020-01-28", "D")], calendar))


def test_weekends_count_in_the_period_only() -> None:
    scn = scenario(START, END, rules=[rule("max_weekends", 0, weight=1)],
                   history=history(("P1", "2024-03-02", "D"), ("P1", "2024-03-03", "D")))
    assert_clean(run(scn, [a("P1", "2024-03-04", "D")]))


# --- the report -------------------------------------------------------------------------------


def test_objective_is_the_sum_of_soft_costs_rounded_to_two_decimals() -> None:
    report = Report([
        Violation("request", cost=0.125),
        Violation("request", cost=1 / 3),
        Violation("max_shifts", hard=True),
        Violation("cover_target", cost=2),
    ])
    assert report.objective == pytest.approx(2.46)
    assert not report.feasible
    assert [v.rule for v in report.hard] == ["max_shifts"]
    assert len(report.soft) == 3


def test_hard_violations_cost_nothing_and_soft_costs_add_up() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 1), rule("min_rest_hours", 16, weight=0.5),
                                      rule("max_hours", 10, weight=0.25)])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N")])
    assert_violations(
        report,
        hard("max_shifts", "P1"),
        soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 8, shift="N"),
        soft("max_hours", "P1", cost=1.5),
    )
    assert report.objective == 9.5
    assert sum(v.cost for v in report.hard) == 0


def test_max_weekends_names_each_weekend_by_its_saturday() -> None:
    # The violation names the weekends worked by their Saturdays, like a week by its Monday.
    scn = scenario("2024-03-04", "2024-03-24", rules=[rule("max_weekends", 1, weight=2)])
    report = run(scn, [a("P1", "2024-03-10", "D"), a("P1", "2024-03-16", "D"), a("P1", "2024-03-17", "D")])
    assert_violations(report, soft("max_weekends", "P1", ["2024-03-09", "2024-03-16"], 2))


def test_a_24_hour_shift_counts_24_hours() -> None:
    full = shift_type("F", "08:00", "08:00")  # end at its start: ends the next day
    whole = shift_type("W", "00:00", "24:00")
    scn = scenario(START, END, shift_types=(*DEN, full, whole), rules=[rule("max_hours", 40, weight=1)])
    report = run(scn, [a("P1", "2024-03-04", "F"), a("P1", "2024-03-06", "W")])
    assert_violations(report, soft("max_hours", "P1", cost=8))
