"""Time rules: overlap (always hard), shifts per date, rest on the real clock, successions.

Spec (rule_sets): "Everyone has at most one shift per date unless their set has its own
max_shifts_per_day. Two shifts of one person that overlap in time are always a hard violation,
whatever the rules say." min_rest_hours: "hours from the end of one shift to the start of the
person's next shift", unit "hour short (fractions count)". history: "A history shift counts for
rest, overlap, successions and runs".
"""

from __future__ import annotations

from .builders import (
    DEN,
    D,
    E,
    N,
    a,
    assert_clean,
    assert_violations,
    hard,
    history,
    person,
    rule,
    rule_set,
    run,
    scenario,
    shift_type,
    soft,
    work,
)

START, END = "2024-03-04", "2024-03-10"  # Monday to Sunday

X = shift_type("X", "22:00", "06:00")  # crosses midnight: 22:00 to 06:00 next day (次日)
L = shift_type("L", "12:00", "20:00")
Y = shift_type("Y", "22:00", "06:30")
SHIFTS = (*DEN, X, L, Y)


def rest_rules(hours: float, weight: float | None = None) -> list:
    return [rule("min_rest_hours", hours, weight=weight), rule("max_shifts_per_day", 3)]


# --- min_rest_hours --------------------------------------------------------------------------


def test_rest_exactly_the_minimum_is_fine() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16)])
    assert_clean(run(scn, work("P1", "D", "2024-03-04", "2024-03-08")))  # D to D: 16 h
    assert_clean(run(scn, work("P1", "N", "2024-03-04", "2024-03-08")))  # N to N: 16 h


def test_evening_then_night_next_date_is_zero_hours_rest() -> None:
    # E ends 24:00 on the 4th, N starts 00:00 on the 5th: 0 h of rest, though on different dates.
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16)])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N")])
    assert_violations(report, hard("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], shift="N"))
    assert not report.feasible


def test_soft_rest_costs_weight_per_hour_short() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16, weight=2)])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 32, shift="N"))
    assert report.feasible
    assert report.objective == 32


def test_rest_after_a_shift_crossing_midnight() -> None:
    # X 22:00-06:00 on the 4th ends at 06:00 on the 5th; D starts 08:00 on the 5th: 2 h of rest.
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("min_rest_hours", 11, weight=1)])
    report = run(scn, [a("P1", "2024-03-04", "X"), a("P1", "2024-03-05", "D")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 9, shift="D"))


def test_fractions_of_an_hour_count() -> None:
    # Y 22:00-06:30 then D 08:00 next date: 1.5 h of rest, 9.5 h short of 11.
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("min_rest_hours", 11, weight=2)])
    report = run(scn, [a("P1", "2024-03-04", "Y"), a("P1", "2024-03-05", "D")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 19, shift="D"))
    # decimal rule value
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("min_rest_hours", 16.25, weight=4)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-05"))
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 1, shift="D"))


def test_rest_is_measured_to_the_next_shift_each_time() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 20, weight=1)])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-06"))
    assert_violations(
        report,
        soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 4, shift="D"),
        soft("min_rest_hours", "P1", ["2024-03-05", "2024-03-06"], 4, shift="D"),
    )


def test_long_break_is_fine_and_only_the_short_rest_is_charged() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16, weight=1)])
    # D on the 4th, E on the 6th (48 h of rest), N on the 7th (0 h of rest after E).
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-06", "E"), a("P1", "2024-03-07", "N")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-06", "2024-03-07"], 16, shift="N"))


def test_two_shifts_on_one_date_have_the_rest_between_them() -> None:
    # With two shifts a date allowed, D 08-16 then E 16-24 on the same date leave 0 h of rest.
    scn = scenario(START, END, rules=rest_rules(8, weight=1))
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-04", "E")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-04"], 8, shift="E"))


def test_rest_from_the_last_history_shift_into_the_period() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16)],
                   history=history(("P1", "2024-03-03", "E")))
    report = run(scn, [a("P1", "2024-03-04", "N")])
    assert_violations(report, hard("min_rest_hours", "P1", ["2024-03-03", "2024-03-04"], shift="N"))
    # enough rest after the history shift
    assert_clean(run(scn, [a("P1", "2024-03-04", "E")]))


def test_rest_after_a_history_shift_crossing_into_the_period() -> None:
    # X on the last history date ends 06:00 on the first period date; D at 08:00 leaves 2 h.
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("min_rest_hours", 12, weight=1)],
                   history=history(("P1", "2024-03-03", "X")))
    report = run(scn, [a("P1", "2024-03-04", "D")])
    assert_violations(report, soft("min_rest_hours", "P1", ["2024-03-03", "2024-03-04"], 10, shift="D"))


def test_rest_between_two_history_shifts_is_not_judged() -> None:
    scn = scenario(START, END, rules=[rule("min_rest_hours", 16)],
                   history=history(("P1", "2024-03-02", "E"), ("P1", "2024-03-03", "N")))
    assert_clean(run(scn, [a("P1", "2024-03-04", "E")]))


def test_no_rest_rule_no_rest_violation() -> None:
    scn = scenario(START, END, rules=[])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N")]))


def test_rest_follows_each_persons_own_rule_set() -> None:
    scn = scenario(START, END, staff=["P1", person("P2", rule_set="relaxed")],
                   rules=[rule("min_rest_hours", 16)], rule_sets=[rule_set("relaxed")])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N"),
                       a("P2", "2024-03-04", "E"), a("P2", "2024-03-05", "N")])
    assert_violations(report, hard("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], shift="N"))


# --- overlap ----------------------------------------------------------------------------------


def test_overlapping_shifts_on_one_date_are_hard_even_when_allowed_per_day() -> None:
    scn = scenario(START, END, shift_types=SHIFTS, rules=[rule("max_shifts_per_day", 2)])
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-04", "L")])
    assert_violations(report, hard("overlap", "P1", ["2024-03-04"], shift="L"))


def test_overlap_across_midnight_on_different_dates() -> None:
    # X 22:00-06:00 on the 4th and N 00:00-08:00 on the 5th: one shift per date, yet they overlap.
    scn = scenario(START, END, shift_types=SHIFTS, rules=[])
    report = run(scn, [a("P1", "2024-03-04", "X"), a("P1", "2024-03-05", "N")])
    assert_violations(report, hard("overlap", "P1", ["2024-03-04", "2024-03-05"], shift="N"))


def test_overlap_is_hard_without_any_rule_set() -> None:
    scn = scenario(START, END, shift_types=SHIFTS)  # no rule sets at all
    report = run(scn, [a("P1", "2024-03-04", "X"), a("P1", "2024-03-05", "N")])
    assert_violations(report, hard("overlap", "P1", ["2024-03-04", "2024-03-05"], shift="N"))


def test_overlap_with_a_history_shift() -> None:
    scn = scenario(START, END, shift_types=SHIFTS, history=history(("P1", "2024-03-03", "X")))
    report = run(scn, [a("P1", "2024-03-04", "N")])
    assert_violations(report, hard("overlap", "P1", ["2024-03-03", "2024-03-04"], shift="N"))


def test_adjacent_shifts_do_not_overlap() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts_per_day", 3)])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "N"),
                           a("P1", "2024-03-05", "D"), a("P1", "2024-03-05", "E")]))


def test_overlap_between_two_history_shifts_is_not_the_rosters_fault() -> None:
    scn = scenario(START, END, shift_types=SHIFTS,
                   history=history(("P1", "2024-03-02", "X"), ("P1", "2024-03-03", "N")))
    assert_clean(run(scn, [a("P1", "2024-03-04", "D")]))


def test_overlap_of_different_people_is_fine() -> None:
    scn = scenario(START, END, staff=["P1", "P2"])
    assert_clean(run(scn, [a("P1", "2024-03-04", "D"), a("P2", "2024-03-04", "D")]))


# --- shifts per date --------------------------------------------------------------------------


def test_default_is_one_shift_per_date_hard() -> None:
    scn = scenario(START, END, rules=[])
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-04", "D")])
    assert_violations(report, hard("max_shifts_per_day", "P1", ["2024-03-04"]))


def test_default_one_shift_per_date_without_any_rule_set() -> None:
    scn = scenario(START, END, staff=["P1", person("P2", rule_set=None)])
    report = run(scn, [a("P2", "2024-03-05", "N"), a("P2", "2024-03-05", "E")])
    assert_violations(report, hard("max_shifts_per_day", "P2", ["2024-03-05"]))


def test_own_max_shifts_per_day_replaces_the_default() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts_per_day", 2)])
    assert_clean(run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-04", "D")]))
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-04", "D"), a("P1", "2024-03-04", "E")])
    assert_violations(report, hard("max_shifts_per_day", "P1", ["2024-03-04"]))


def test_soft_max_shifts_per_day_costs_weight_per_shift_over() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts_per_day", 1, weight=5)])
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-04", "D"), a("P1", "2024-03-04", "E"),
                       a("P1", "2024-03-05", "D"), a("P1", "2024-03-05", "E")])
    assert_violations(
        report,
        soft("max_shifts_per_day", "P1", ["2024-03-04"], 10),
        soft("max_shifts_per_day", "P1", ["2024-03-05"], 5),
    )
    assert report.feasible


def test_a_shift_belongs_to_the_date_it_starts() -> None:
    # X on the 4th runs into the 5th; D on the 5th is the only shift dated the 5th.
    scn = scenario(START, END, shift_types=SHIFTS)
    assert_clean(run(scn, [a("P1", "2024-03-04", "X"), a("P1", "2024-03-05", "D")]))


# --- forbidden_succession ---------------------------------------------------------------------


def test_forbidden_succession_hard() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift="N", next="D")])
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-05", "D")])
    assert_violations(report, hard("forbidden_succession", "P1", ["2024-03-04", "2024-03-05"], shift="D"))


def test_forbidden_succession_soft_costs_per_occurrence() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift="N", next="D", weight=3)])
    report = run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-05", "D"),
                       a("P1", "2024-03-07", "N"), a("P1", "2024-03-08", "D")])
    assert_violations(
        report,
        soft("forbidden_succession", "P1", ["2024-03-04", "2024-03-05"], 3, shift="D"),
        soft("forbidden_succession", "P1", ["2024-03-07", "2024-03-08"], 3, shift="D"),
    )
    assert report.objective == 6


def test_succession_only_on_the_day_after_and_in_that_order() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift="N", next="D")])
    assert_clean(run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-05", "N")]))  # reverse order
    assert_clean(run(scn, [a("P1", "2024-03-04", "N"), a("P1", "2024-03-06", "D")]))  # a day between


def test_succession_with_lists_of_shifts() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift=["E", "N"], next=["D", "N"])])
    report = run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-05", "D"), a("P1", "2024-03-06", "N")])
    assert_violations(report, hard("forbidden_succession", "P1", ["2024-03-04", "2024-03-05"], shift="D"))


def test_succession_from_history_into_the_period() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift="N", next="D", weight=2)],
                   history=history(("P1", "2024-03-03", "N")))
    report = run(scn, [a("P1", "2024-03-04", "D")])
    assert_violations(report, soft("forbidden_succession", "P1", ["2024-03-03", "2024-03-04"], 2, shift="D"))


def test_succession_inside_history_is_not_judged() -> None:
    scn = scenario(START, END, rules=[rule("forbidden_succession", shift="N", next="D")],
                   history=history(("P1", "2024-03-02", "N"), ("P1", "2024-03-03", "D")))
    assert_clean(run(scn, [a("P1", "2024-03-04", "E")]))


def test_all_shift_types_used_here_are_the_example_ones() -> None:
    assert (D.start, D.end, E.start, E.end, N.start, N.end) == (480, 960, 960, 1440, 0, 480)


def test_a_24_hour_shift_overlaps_the_next_dates_morning() -> None:
    full = shift_type("F", "08:00", "08:00")  # 08:00 to 08:00 next day
    scn = scenario(START, END, shift_types=(*DEN, full), rules=[rule("min_rest_hours", 12, weight=1)])
    report = run(scn, [a("P1", "2024-03-04", "F"), a("P1", "2024-03-05", "D"), a("P1", "2024-03-06", "N")])
    # F ends 08:00 on the 5th, D starts then: 0 h; D ends 16:00, N starts 00:00 on the 6th: 8 h.
    assert_violations(
        report,
        soft("min_rest_hours", "P1", ["2024-03-04", "2024-03-05"], 12, shift="D"),
        soft("min_rest_hours", "P1", ["2024-03-05", "2024-03-06"], 4, shift="N"),
    )
    report = run(scn, [a("P1", "2024-03-04", "F"), a("P1", "2024-03-05", "N")])
    assert [v.rule for v in report.violations if v.hard] == ["overlap"]
