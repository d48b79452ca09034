"""Fairness: loads compared within eligibility groups, per category.

Spec (weights and fairness): "People are compared within eligibility groups: the same set of
stations, the same set of roles and the same rule set. A person's load in a category is
`history count + period count × D / A`, where D is the number of period dates of that category's
kind (all dates for shifts and nights, restdays for restdays, holidays for holidays) and A the
number of those dates on which the person is available (on the roster, not absent); a person with
A = 0 is left out of that category. The fairness cost of a group and category is
`weight × (max load − min load)`, with weights ... (default 1 each; 0 turns a category off)."
history: "`counts` are totals from earlier periods for fairness; history assignments do not count
for fairness."
"""

from __future__ import annotations

import pytest

from shiftplan.domain.calendar import resolve_calendar
from shiftplan.domain.fairness import eligibility_groups
from shiftplan.domain.model import CalendarSpec, FairnessWeights
from shiftplan.official_calendar import official_calendar

from .builders import (
    DEN,
    V,
    a,
    absence,
    assert_clean,
    assert_violations,
    count,
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

MON, FRI = "2024-03-04", "2024-03-08"  # five working days, no restday, no holiday
ONLY_SHIFTS = FairnessWeights(shifts=1, nights=0, restdays=0, holidays=0)
ALL = FairnessWeights()


def fair(category: str, cost: float) -> V:
    return soft(f"fair_{category}", None, (), cost)


def test_default_weights_are_one_each() -> None:
    assert FairnessWeights() == FairnessWeights(1, 1, 1, 1)


def test_equal_loads_cost_nothing() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=ALL)
    assert_clean(run(scn, [a("P1", MON, "D"), a("P1", "2024-03-05", "N"),
                           a("P2", "2024-03-07", "N"), a("P2", FRI, "E")]))


def test_shifts_spread_within_a_group() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=ALL)
    report = run(scn, work("P1", "D", MON, "2024-03-07") + work("P2", "D", MON, "2024-03-05"))
    # restdays and holidays: D = 0, so A = 0 for everyone and nobody is compared
    assert_violations(report, fair("shifts", 2))
    assert report.violations[0].group
    assert report.violations[0].staff is None
    assert report.objective == 2
    assert report.feasible


def test_weights_scale_and_zero_turns_off() -> None:
    roster = work("P1", "N", MON, "2024-03-07") + work("P2", "D", MON, "2024-03-05")
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=FairnessWeights(shifts=5, nights=2.5, restdays=1, holidays=1))
    assert_violations(run(scn, roster), fair("shifts", 10), fair("nights", 10))
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=FairnessWeights(shifts=0, nights=1, restdays=1, holidays=1))
    assert_violations(run(scn, roster), fair("nights", 4))


def test_nights_by_flag_or_by_the_clock() -> None:
    x = shift_type("X", "22:00", "06:00")  # no flag: overlaps 00:00-05:00, a night
    z = shift_type("Z", "08:00", "16:00", night=True)  # flagged night
    late = shift_type("L", "16:00", "24:00")  # no flag, ends at midnight: not a night
    scn = scenario(MON, FRI, staff=["P1", "P2", "P3"], shift_types=(*DEN, x, z, late),
                   weights=FairnessWeights(shifts=0, nights=1, restdays=0, holidays=0))
    report = run(scn, [a("P1", MON, "N"), a("P1", "2024-03-06", "N"), a("P2", MON, "X"), a("P2", "2024-03-06", "Z"),
                       a("P3", MON, "L"), a("P3", "2024-03-06", "E")])
    assert_violations(report, fair("nights", 2))
    report = run(scn, [a("P1", MON, "N"), a("P2", MON, "X"), a("P3", MON, "Z")])
    assert_clean(report)


def test_history_counts_are_added() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=ONLY_SHIFTS,
                   history=history(counts=[count("P1", shifts=3, nights=7)]))
    report = run(scn, [a("P1", MON, "D"), *work("P2", "D", MON, "2024-03-05")])
    assert_violations(report, fair("shifts", 2))  # 3 + 1 against 0 + 2
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=ONLY_SHIFTS,
                   history=history(counts=[count("P2", shifts=1)]))
    assert_clean(run(scn, [*work("P1", "D", MON, "2024-03-05"), a("P2", MON, "D")]))


def test_history_assignments_do_not_count() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=ALL,
                   history=history(("P1", "2024-03-02", "N"), ("P1", "2024-03-03", "N")))
    assert_clean(run(scn, [a("P1", MON, "D"), a("P2", MON, "D")]))


def test_load_is_scaled_to_the_available_dates() -> None:
    # Ten dates. P2 absent for five: 2 shifts x 10 / 5 = 4. P3 on the roster from the 9th
    # (five dates): 1 x 10 / 5 = 2. P1 always there: 3.
    scn = scenario("2024-03-04", "2024-03-13", staff=["P1", "P2", person("P3", active_from="2024-03-09")],
                   weights=FairnessWeights(shifts=2, nights=0, restdays=0, holidays=0),
                   absences=[absence("P2", "2024-03-04", "2024-03-08")])
    report = run(scn, work("P1", "D", "2024-03-04", "2024-03-06") + work("P2", "D", "2024-03-09", "2024-03-10")
                 + work("P3", "D", "2024-03-11"))
    assert_violations(report, fair("shifts", 4))  # 2 x (4 - 2)


def test_roster_end_also_scales() -> None:
    scn = scenario("2024-03-04", "2024-03-13", staff=["P1", person("P2", active_to="2024-03-08")],
                   weights=ONLY_SHIFTS)
    # P2: 2 shifts in 5 available dates -> 4; P1: 4 shifts -> 4
    assert_clean(run(scn, work("P1", "D", "2024-03-04", "2024-03-07") + work("P2", "D", "2024-03-04", "2024-03-05")))


def test_unavailable_people_are_left_out() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2", "P3", person("P4", active_to="2024-03-01")], weights=ALL,
                   absences=[absence("P3", "2024-03-01", "2024-03-31")])
    assert_clean(run(scn, [a("P1", MON, "D"), a("P2", "2024-03-05", "D")]))


def test_fractional_loads_and_the_objective_rounding() -> None:
    # Monday to Sunday, restdays 9 and 10 March. P2 absent on the 10th (A = 6 of 7 dates, 1 of 2 restdays).
    scn = scenario("2024-03-04", "2024-03-10", staff=["P1", "P2"],
                   weights=FairnessWeights(shifts=1, nights=0, restdays=1, holidays=0),
                   absences=[absence("P2", "2024-03-10")])
    report = run(scn, [*work("P1", "D", "2024-03-09", "2024-03-10"), a("P2", "2024-03-09", "D")])
    # shifts: 2 against 1 x 7 / 6; restdays: 2 against 1 x 2 / 1
    assert_violations(report, fair("shifts", 2 - 7 / 6))
    assert report.objective == 0.83


def test_restdays_and_holidays_from_the_official_calendar() -> None:
    # 20 January to 2 February 2020: the Spring Festival block 24 Jan - 2 Feb is ten holidays,
    # and these are all the restdays of the period.
    scn = scenario("2020-01-20", "2020-02-02", staff=["P1", "P2"], calendar=CalendarSpec("CN"),
                   weights=FairnessWeights(shifts=5, nights=10, restdays=10, holidays=7))
    calendar = resolve_calendar(scn.calendar, scn.period, official_calendar())
    report = run(scn, [a("P1", "2020-01-24", "D"), a("P1", "2020-01-25", "D"),
                       a("P2", "2020-01-20", "D"), a("P2", "2020-01-21", "D")], calendar)
    assert_violations(report, fair("restdays", 20), fair("holidays", 14))
    assert report.objective == 34


def test_an_adjusted_working_sunday_is_no_restday_for_fairness() -> None:
    # 13-19 January 2020: 18th a restday, 19th (a Sunday) an official working day.
    weights = FairnessWeights(shifts=0, nights=0, restdays=1, holidays=0)
    roster = [a("P1", "2020-01-19", "D"), a("P2", "2020-01-17", "D")]
    scn = scenario("2020-01-13", "2020-01-19", staff=["P1", "P2"], calendar=CalendarSpec("CN"), weights=weights)
    assert_clean(run(scn, roster, resolve_calendar(scn.calendar, scn.period, official_calendar())))
    scn = scenario("2020-01-13", "2020-01-19", staff=["P1", "P2"], calendar=CalendarSpec("none"), weights=weights)
    assert_violations(run(scn, roster, resolve_calendar(scn.calendar, scn.period, official_calendar())),
                      fair("restdays", 1))  # D = A = 2 restdays: P1 1 x 2 / 2 = 1 against P2 0


def test_max_minus_min_of_three() -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2", "P3"], weights=ONLY_SHIFTS)
    report = run(scn, [a("P1", MON, "D"), *work("P2", "D", MON, "2024-03-07"), *work("P3", "D", MON, "2024-03-05")])
    assert_violations(report, fair("shifts", 3))


# --- eligibility groups -----------------------------------------------------------------------


def test_different_stations_are_different_groups() -> None:
    scn = scenario(MON, FRI, stations=["S1", "S2"], weights=ONLY_SHIFTS,
                   staff=[person("P1", stations=["S1"]), person("P2", stations=["S2"])])
    assert_clean(run(scn, work("P1", "D", MON, FRI, station="S1")))


def test_stations_omitted_means_all_stations() -> None:
    scn = scenario(MON, FRI, stations=["S1", "S2"], weights=ONLY_SHIFTS,
                   staff=["P1", person("P2", stations=["S2", "S1"])])
    assert_violations(run(scn, work("P1", "D", MON, "2024-03-06")), fair("shifts", 3))


def test_roles_set_decides_the_group() -> None:
    scn = scenario(MON, FRI, roles=["police", "medic"], weights=ONLY_SHIFTS,
                   staff=[person("P1", roles=["police", "medic"]), person("P2", roles=["medic", "police"]),
                          person("P3", roles=["police"])])
    report = run(scn, work("P1", "D", MON, "2024-03-06", role="police") + work("P3", "D", MON, FRI, role="police"))
    assert_violations(report, fair("shifts", 3))  # P1 against P2 only; P3 is alone in its group


def test_rule_set_decides_the_group_and_standard_is_the_default() -> None:
    scn = scenario(MON, FRI, weights=ONLY_SHIFTS, rules=[rule("max_shifts", 9)],
                   rule_sets=[rule_set("light", rule("max_shifts", 9))],
                   staff=["P1", person("P2", rule_set="standard"), person("P3", rule_set="light")])
    report = run(scn, work("P1", "D", MON, "2024-03-05") + work("P3", "D", MON, FRI))
    assert_violations(report, fair("shifts", 2))  # P1 against P2; P3 alone


def test_each_group_and_category_is_charged_separately() -> None:
    scn = scenario(MON, FRI, stations=["S1", "S2"], weights=FairnessWeights(shifts=1, nights=3, restdays=0, holidays=0),
                   staff=[person(p, stations=[s]) for p, s in (("P1", "S1"), ("P2", "S1"), ("P3", "S2"), ("P4", "S2"))])
    report = run(scn, work("P1", "N", MON, "2024-03-06", station="S1")
                 + work("P3", "D", MON, "2024-03-05", station="S2"))
    assert_violations(report, fair("shifts", 3), fair("nights", 9), fair("shifts", 2))
    assert len({v.group for v in report.violations if v.rule == "fair_shifts"}) == 2


def test_eligibility_groups_directly() -> None:
    scn = scenario(MON, FRI, stations=["S1", "S2"], roles=["a", "b"], rules=[],
                   rule_sets=[rule_set("other")],
                   staff=[person("P1", roles=["a", "b"]), person("P2", roles=["b", "a"], stations=["S2", "S1"]),
                          person("P3", roles=["a"]), person("P4", roles=["a", "b"], rule_set="other"),
                          person("P5", roles=["a", "b"], rule_set="standard", stations=["S1"])])
    groups = sorted(g.members for g in eligibility_groups(scn))
    assert groups == [("P1", "P2"), ("P3",), ("P4",), ("P5",)]


def test_order_and_repeats_in_a_persons_stations_do_not_split_a_group() -> None:
    # The spec compares people with "the same set of stations": a list written twice or in another order is one set.
    scn = scenario(MON, FRI, stations=["S1", "S2", "S3"], weights=ONLY_SHIFTS,
                   staff=[person("P1", stations=["S1", "S2"]), person("P2", stations=["S2", "S1", "S2"]),
                          person("P3", stations=["S1", "S1", "S2", "S3"]), person("P4")])
    groups = sorted((g.members, g.stations) for g in eligibility_groups(scn))
    assert groups == [(("P1", "P2"), ("S1", "S2")), (("P3", "P4"), ("S1", "S2", "S3"))]
    report = run(scn, work("P1", "D", MON, "2024-03-06") + work("P3", "D", MON))
    assert_violations(report, fair("shifts", 3), fair("shifts", 1))


@pytest.mark.parametrize("weight", [0, 0.0])
def test_all_categories_off(weight: float) -> None:
    scn = scenario(MON, FRI, staff=["P1", "P2"], weights=FairnessWeights(weight, weight, weight, weight))
    assert_clean(run(scn, work("P1", "N", MON, FRI)))


@pytest.mark.parametrize(("start", "end", "night"), [
    ("00:00", "08:00", True),
    ("22:00", "06:00", True),
    ("04:59", "12:00", True),
    ("23:00", "00:00", False),  # ends at midnight: touches 00:00 but not the open interval
    ("16:00", "24:00", False),
    ("05:00", "13:00", False),
    ("08:00", "08:00", True),  # 24 hours, through the next night
])
def test_night_by_the_clock_is_overlap_with_the_open_interval_0_to_5(start: str, end: str, night: bool) -> None:
    assert shift_type("S", start, end).is_night is night
    assert shift_type("S", start, end, night=not night).is_night is not night
