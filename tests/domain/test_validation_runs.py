"""Runs of working days, of one kind of shift, and of days off, across both borders of the period.

Spec: "Runs: see history; the end of the period is open (a run cut there is never too short, but
can be too long)." history: "The history window runs from history.from (default: the earliest date
in history.assignments) to the day before the period; inside the window a person not listed on a
date was off that date; before the window nothing is known, so a run reaching back to the window's
start is open there (never too short). With no history, the period's start is open the same way.
A history shift counts for ... runs (a run that started in history and continues costs only the
period days beyond the limit, and a run that ends on the last history date followed by a day off
on the first period date is judged)."
"""

from __future__ import annotations

from .builders import (
    a,
    absence,
    assert_clean,
    assert_violations,
    days,
    hard,
    history,
    rule,
    run,
    scenario,
    soft,
    work,
)

START, END = "2024-03-04", "2024-03-17"  # two whole weeks, Monday to Sunday


def on(first: str, last: str, shift: str = "D", staff: str = "P1") -> list:
    return work(staff, shift, first, last)


def hist(first: str, last: str, shift: str = "D", staff: str = "P1") -> list[tuple[str, str, str]]:
    return [(staff, day.isoformat(), shift) for day in days(first, last)]


# --- max_consecutive_days ---------------------------------------------------------------------


def test_max_consecutive_days_at_the_limit_is_fine() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3)])
    assert_clean(run(scn, on("2024-03-05", "2024-03-07") + on("2024-03-09", "2024-03-11")))


def test_max_consecutive_days_hard() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3)])
    report = run(scn, on("2024-03-05", "2024-03-09"))
    assert_violations(report, hard("max_consecutive_days", "P1", [x.isoformat() for x in
                                                                    days("2024-03-05", "2024-03-09")]))


def test_max_consecutive_days_soft_costs_per_day_over_for_each_run() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3, weight=2)])
    report = run(scn, on("2024-03-04", "2024-03-07") + on("2024-03-09", "2024-03-13"))
    assert [(v.rule, v.cost) for v in report.violations] == [("max_consecutive_days", 2),
                                                             ("max_consecutive_days", 4)]
    assert report.objective == 6


def test_any_shift_counts_as_a_day_with_work() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 2, weight=1)])
    report = run(scn, [a("P1", "2024-03-05", "D"), a("P1", "2024-03-06", "N"), a("P1", "2024-03-07", "E")])
    assert report.objective == 1


def test_a_run_cut_by_the_end_of_the_period_can_be_too_long() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3, weight=1)])
    report = run(scn, on("2024-03-13", "2024-03-17"))
    assert_violations(report, soft("max_consecutive_days", "P1",
                                   [x.isoformat() for x in days("2024-03-13", "2024-03-17")], 2))


def test_a_run_from_history_costs_only_the_period_days_beyond_the_limit() -> None:
    # 3 history days + 2 period days = 5 in a row, limit 4: 1 day over (the 5th of March).
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 4, weight=1)],
                   history=history(*hist("2024-03-01", "2024-03-03")))
    report = run(scn, on("2024-03-04", "2024-03-05"))
    assert_violations(report, soft("max_consecutive_days", "P1", ["2024-03-04", "2024-03-05"], 1))


def test_a_run_already_too_long_in_history_costs_only_its_period_days() -> None:
    # 5 history days (limit 3) and 2 more in the period: 4 days over in all, but only 2 are the period's.
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3, weight=10)],
                   history=history(*hist("2024-02-28", "2024-03-03")))
    report = run(scn, on("2024-03-04", "2024-03-05"))
    assert_violations(report, soft("max_consecutive_days", "P1", ["2024-03-04", "2024-03-05"], 20))


def test_a_too_long_run_that_ends_in_history_is_not_the_periods_fault() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3)],
                   history=history(*hist("2024-02-27", "2024-03-03")))
    assert_clean(run(scn, on("2024-03-05", "2024-03-07")))


def test_a_history_day_off_breaks_the_run() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_days", 3)],
                   history=history(*hist("2024-02-29", "2024-03-02"), start="2024-02-29"))
    # 2024-03-03 is inside the window and not listed: a day off.
    assert_clean(run(scn, on("2024-03-04", "2024-03-06")))


def test_history_of_other_people_does_not_make_a_run() -> None:
    scn = scenario(START, END, staff=["P1", "P2"], rules=[rule("max_consecutive_days", 3)],
                   history=history(*hist("2024-02-28", "2024-03-03", staff="P2")))
    assert_clean(run(scn, on("2024-03-04", "2024-03-06")))


# --- max_consecutive_shifts -------------------------------------------------------------------


def test_max_consecutive_shifts_of_one_type() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_shifts", 2, shift="N", weight=5)])
    assert_clean(run(scn, on("2024-03-04", "2024-03-05", "N") + on("2024-03-06", "2024-03-06", "D")
                     + on("2024-03-07", "2024-03-08", "N")))
    report = run(scn, on("2024-03-04", "2024-03-06", "N"))
    assert_violations(report, soft("max_consecutive_shifts", "P1", ["2024-03-04", "2024-03-05", "2024-03-06"],
                                   5, shift="N"))


def test_max_consecutive_shifts_ignores_other_shift_types() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_shifts", 1, shift="N")])
    assert_clean(run(scn, on("2024-03-04", "2024-03-10", "D")))


def test_max_consecutive_shifts_with_a_list_of_shift_types() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_shifts", 2, shift=["E", "N"])])
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-05", "E"), a("P1", "2024-03-06", "N"),
                       a("P1", "2024-03-07", "D"), a("P1", "2024-03-08", "N")])
    assert [(v.rule, v.hard, v.dates[0].isoformat(), len(v.dates)) for v in report.violations] == [
        ("max_consecutive_shifts", True, "2024-03-04", 3)]


def test_max_consecutive_shifts_from_history() -> None:
    scn = scenario(START, END, rules=[rule("max_consecutive_shifts", 2, shift="N", weight=1)],
                   history=history(*hist("2024-03-01", "2024-03-03", "N")))
    report = run(scn, on("2024-03-04", "2024-03-04", "N"))
    assert_violations(report, soft("max_consecutive_shifts", "P1", ["2024-03-04"], 1, shift="N"))
    # a history day shift does not belong to a night run
    scn = scenario(START, END, rules=[rule("max_consecutive_shifts", 2, shift="N", weight=1)],
                   history=history(("P1", "2024-03-02", "N"), ("P1", "2024-03-03", "D")))
    assert_clean(run(scn, on("2024-03-04", "2024-03-05", "N")))


# --- min_consecutive_days ---------------------------------------------------------------------


def test_min_consecutive_days_in_the_middle_of_the_period() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3, weight=1)])
    report = run(scn, on("2024-03-06", "2024-03-06") + on("2024-03-09", "2024-03-10")
                 + on("2024-03-12", "2024-03-14"))
    assert_violations(
        report,
        soft("min_consecutive_days", "P1", ["2024-03-06"], 2),
        soft("min_consecutive_days", "P1", ["2024-03-09", "2024-03-10"], 1),
    )


def test_min_consecutive_days_hard() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 2)])
    assert_violations(run(scn, on("2024-03-06", "2024-03-06")),
                      hard("min_consecutive_days", "P1", ["2024-03-06"]))


def test_without_history_the_period_start_is_open() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3)])
    assert_clean(run(scn, on("2024-03-04", "2024-03-04")))


def test_the_period_end_is_open() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3)])
    assert_clean(run(scn, on("2024-03-17", "2024-03-17")))


def test_no_work_at_all_is_no_short_run() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3), rule("min_consecutive_days_off", 3)])
    assert_clean(run(scn, []))


def test_history_window_closes_the_period_start() -> None:
    # history.from lies before the period and P1 is not listed: off on 1-3 March, so a one-day run
    # on the first period date is judged.
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3, weight=1)],
                   history=history(start="2024-03-01"))
    report = run(scn, on("2024-03-04", "2024-03-04"))
    assert_violations(report, soft("min_consecutive_days", "P1", ["2024-03-04"], 2))


def test_history_window_from_the_earliest_history_date() -> None:
    # No history.from: the window starts at the earliest history date of anyone (P2's 1 March).
    scn = scenario(START, END, staff=["P1", "P2"], rules=[rule("min_consecutive_days", 3, weight=1)],
                   history=history(("P2", "2024-03-01", "D")))
    report = run(scn, on("2024-03-04", "2024-03-04"))
    assert_violations(report, soft("min_consecutive_days", "P1", ["2024-03-04"], 2))


def test_a_run_reaching_back_to_the_window_start_is_open() -> None:
    # Window = 2 and 3 March (the earliest history date); P1 worked both: nothing known before.
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 5)],
                   history=history(*hist("2024-03-02", "2024-03-03")))
    assert_clean(run(scn, on("2024-03-04", "2024-03-04")))
    # the same run, ending on the last history date, is open at its start too
    assert_clean(run(scn, []))


def test_a_run_that_continues_from_history_is_judged_as_a_whole() -> None:
    # Window from 1 March; P1 off on the 1st and 2nd, worked the 3rd; works the 4th; off the 5th.
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3, weight=1)],
                   history=history(("P1", "2024-03-03", "D"), start="2024-03-01"))
    report = run(scn, on("2024-03-04", "2024-03-04"))
    assert_violations(report, soft("min_consecutive_days", "P1", ["2024-03-03", "2024-03-04"], 1))
    # long enough with the history day
    assert_clean(run(scn, on("2024-03-04", "2024-03-05")))


def test_a_run_ending_on_the_last_history_date_then_a_day_off_is_judged() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3, weight=1)],
                   history=history(("P1", "2024-03-03", "D"), start="2024-03-01"))
    report = run(scn, on("2024-03-06", "2024-03-08"))
    assert_violations(report, soft("min_consecutive_days", "P1", ["2024-03-03"], 2))


def test_a_short_run_earlier_in_history_is_not_judged() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days", 3)],
                   history=history(("P1", "2024-03-02", "D"), start="2024-03-01"))
    assert_clean(run(scn, on("2024-03-05", "2024-03-07")))


# --- min_consecutive_days_off -----------------------------------------------------------------


def test_min_consecutive_days_off_between_two_worked_dates() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 2)])
    report = run(scn, on("2024-03-05", "2024-03-05") + on("2024-03-07", "2024-03-07")
                 + on("2024-03-10", "2024-03-10"))
    assert_violations(report, hard("min_consecutive_days_off", "P1", ["2024-03-06"]))


def test_min_consecutive_days_off_soft() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 3, weight=4)])
    report = run(scn, on("2024-03-05", "2024-03-05") + on("2024-03-07", "2024-03-07")
                 + on("2024-03-10", "2024-03-10"))
    assert_violations(
        report,
        soft("min_consecutive_days_off", "P1", ["2024-03-06"], 8),
        soft("min_consecutive_days_off", "P1", ["2024-03-08", "2024-03-09"], 4),
    )


def test_days_off_at_either_end_of_the_period_are_open() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 3)])
    assert_clean(run(scn, on("2024-03-05", "2024-03-15")))


def test_days_off_after_the_last_history_shift_are_judged() -> None:
    # worked 3 March (history), off 4 March, works 5 March
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 2, weight=1)],
                   history=history(("P1", "2024-03-03", "D")))
    report = run(scn, on("2024-03-05", "2024-03-05"))
    assert_violations(report, soft("min_consecutive_days_off", "P1", ["2024-03-04"], 1))


def test_days_off_ending_on_the_last_history_date_before_a_worked_first_date_are_judged() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 2, weight=1)],
                   history=history(("P1", "2024-03-02", "D")))
    report = run(scn, on("2024-03-04", "2024-03-04"))
    assert_violations(report, soft("min_consecutive_days_off", "P1", ["2024-03-03"], 1))


def test_days_off_inside_history_only_are_not_judged() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 2)],
                   history=history(("P1", "2024-03-01", "D"), ("P1", "2024-03-03", "D")))
    assert_clean(run(scn, on("2024-03-04", "2024-03-05")))


def test_days_off_reaching_back_to_the_window_start_are_open() -> None:
    scn = scenario(START, END, staff=["P1", "P2"], rules=[rule("min_consecutive_days_off", 5)],
                   history=history(("P2", "2024-03-02", "D"), start="2024-03-02"))
    # P1 off since the window start (2 March), works 4 March: nothing known before the window.
    assert_clean(run(scn, on("2024-03-04", "2024-03-04")))


def test_an_absence_is_a_day_off() -> None:
    scn = scenario(START, END, rules=[rule("min_consecutive_days_off", 3, weight=1)],
                   absences=[absence("P1", "2024-03-06", "2024-03-07")])
    report = run(scn, on("2024-03-05", "2024-03-05") + on("2024-03-08", "2024-03-08"))
    assert_violations(report, soft("min_consecutive_days_off", "P1", ["2024-03-06", "2024-03-07"], 1))
