"""Whether each assignment may stand at all: references, the period, roster, stations, roles,
absences, and fixed assignments.

Spec: "A schedule whose assignments name an unknown person, shift, station or role, or a date
outside the period, is judged a hard violation, not a malformed file." roles: "Each assignment
serves exactly one role that the person has. When the scenario defines no roles, assignments carry
no role." staff: "`stations` lists where the person may work (default: every station) ... `from`
and `to` (optional dates) bound the days on which the person is on the roster at all." absences:
"dates (both ends included) on which the person has no shift (hard)." fixed: "assignments that
must appear in the schedule ...; `station` and `role` may be omitted (any). Other assignments of
that person on that date are judged by the rules."
"""

from __future__ import annotations

from .builders import (
    V,
    a,
    absence,
    assert_clean,
    assert_violations,
    fixed,
    hard,
    person,
    rule,
    run,
    scenario,
)

START, END = "2024-03-04", "2024-03-10"
ROLES = ("police", "medic")


def about(rule: str, staff: str, date: str, shift: str = "D", station: str = "S1", role: str | None = None) -> V:
    return hard(rule, staff, [date], shift=shift, station=station, role=role)


# --- unknown references and dates outside the period ------------------------------------------


def test_unknown_references_are_hard_violations_not_errors() -> None:
    scn = scenario(START, END, staff=["P1", "P2"])
    report = run(scn, [a("P9", "2024-03-04", "D"), a("P1", "2024-03-05", "Q"), a("P2", "2024-03-06", "D", "S9")])
    assert_violations(
        report,
        about("invalid_assignment", "P9", "2024-03-04"),
        about("invalid_assignment", "P1", "2024-03-05", shift="Q"),
        about("invalid_assignment", "P2", "2024-03-06", station="S9"),
    )
    assert not report.feasible


def test_unknown_role() -> None:
    scn = scenario(START, END, staff=[person("P1", roles=["police"])], roles=ROLES)
    report = run(scn, [a("P1", "2024-03-04", "D", role="pilot")])
    assert_violations(report, about("invalid_assignment", "P1", "2024-03-04", role="pilot"))


def test_a_role_when_the_scenario_defines_none() -> None:
    scn = scenario(START, END)
    report = run(scn, [a("P1", "2024-03-04", "D", role="police")])
    assert_violations(report, about("invalid_assignment", "P1", "2024-03-04", role="police"))


def test_dates_outside_the_period() -> None:
    scn = scenario(START, END)
    report = run(scn, [a("P1", "2024-03-03", "D"), a("P1", "2024-03-11", "D"), a("P1", "2024-03-10", "D")])
    assert_violations(
        report,
        about("invalid_assignment", "P1", "2024-03-03"),
        about("invalid_assignment", "P1", "2024-03-11"),
    )


def test_ids_are_case_sensitive() -> None:
    scn = scenario(START, END)
    report = run(scn, [a("p1", "2024-03-04", "D"), a("P1", "2024-03-05", "d"), a("P1", "2024-03-06", "D", "s1")])
    assert [v.rule for v in report.violations] == ["invalid_assignment"] * 3


def test_an_invalid_assignment_does_not_crash_the_other_rules() -> None:
    scn = scenario(START, END, rules=[rule("max_shifts", 1), rule("min_rest_hours", 16)],
                   requests=[], fixed=[fixed("P1", "2024-03-04", "D")])
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-05", "ZZ"), a("PX", "2024-03-05", "D")])
    assert {v.rule for v in report.violations} == {"invalid_assignment"}


# --- the roster, stations and roles -----------------------------------------------------------


def test_station_eligibility() -> None:
    scn = scenario(START, END, stations=["S1", "S2"], staff=[person("P1", stations=["S2"]), "P2"])
    assert_clean(run(scn, [a("P1", "2024-03-04", "D", "S2"), a("P2", "2024-03-04", "D", "S1"),
                           a("P2", "2024-03-05", "D", "S2")]))
    report = run(scn, [a("P1", "2024-03-04", "D", "S1")])
    assert_violations(report, about("station_not_allowed", "P1", "2024-03-04"))


def test_role_held_and_not_held() -> None:
    scn = scenario(START, END, roles=ROLES, staff=[person("P1", roles=["police"])])
    assert_clean(run(scn, [a("P1", "2024-03-04", "D", role="police")]))
    report = run(scn, [a("P1", "2024-03-04", "D", role="medic")])
    assert_violations(report, about("role_not_held", "P1", "2024-03-04", role="medic"))


def test_role_missing_when_the_scenario_defines_roles() -> None:
    scn = scenario(START, END, roles=ROLES, staff=[person("P1", roles=["police"])])
    report = run(scn, [a("P1", "2024-03-04", "D")])
    assert_violations(report, about("role_missing", "P1", "2024-03-04"))


def test_no_roles_defined_no_role_needed() -> None:
    assert_clean(run(scenario(START, END), [a("P1", "2024-03-04", "D")]))


def test_on_the_roster_only_between_from_and_to() -> None:
    scn = scenario(START, END, staff=[person("P1", active_from="2024-03-05", active_to="2024-03-08")])
    assert_clean(run(scn, [a("P1", "2024-03-05", "D"), a("P1", "2024-03-08", "D")]))
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-09", "D")])
    assert_violations(report, about("not_on_roster", "P1", "2024-03-04"), about("not_on_roster", "P1", "2024-03-09"))


# --- absences ---------------------------------------------------------------------------------


def test_absence_both_ends_included() -> None:
    scn = scenario(START, END, absences=[absence("P1", "2024-03-05", "2024-03-07", "病假")])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E"), a("P1", "2024-03-08", "D")]))
    report = run(scn, [a("P1", "2024-03-05", "D"), a("P1", "2024-03-07", "N")])
    assert_violations(report, about("absence", "P1", "2024-03-05"), about("absence", "P1", "2024-03-07", "N"))


def test_absence_is_about_the_date_a_shift_starts() -> None:
    # E on the 4th ends at 24:00; an absence on the 5th does not touch it.
    scn = scenario(START, END, absences=[absence("P1", "2024-03-05")])
    assert_clean(run(scn, [a("P1", "2024-03-04", "E")]))


def test_absence_of_someone_else() -> None:
    scn = scenario(START, END, staff=["P1", "P2"], absences=[absence("P2", "2024-03-05")])
    assert_clean(run(scn, [a("P1", "2024-03-05", "D")]))


# --- fixed assignments ------------------------------------------------------------------------


def test_fixed_assignment_present() -> None:
    scn = scenario(START, END, roles=ROLES, staff=[person("P1", roles=["police", "medic"])],
                   fixed=[fixed("P1", "2024-03-04", "D", "S1", "police"), fixed("P1", "2024-03-06", "N")])
    assert_clean(run(scn, [a("P1", "2024-03-04", "D", role="police"), a("P1", "2024-03-06", "N", role="medic")]))


def test_fixed_assignment_missing_is_hard() -> None:
    scn = scenario(START, END, stations=["S1", "S2"], roles=ROLES, staff=[person("P1", roles=["police", "medic"])],
                   fixed=[fixed("P1", "2024-03-04", "D", "S1", "police"), fixed("P1", "2024-03-06", "N")])
    report = run(scn, [a("P1", "2024-03-04", "D", "S2", "police"), a("P1", "2024-03-06", "D", role="medic")])
    assert_violations(
        report,
        hard("fixed", "P1", ["2024-03-04"], shift="D", station="S1", role="police"),
        hard("fixed", "P1", ["2024-03-06"], shift="N"),
    )


def test_fixed_with_another_role() -> None:
    scn = scenario(START, END, roles=ROLES, staff=[person("P1", roles=["police", "medic"])],
                   fixed=[fixed("P1", "2024-03-04", "D", role="police")])
    report = run(scn, [a("P1", "2024-03-04", "D", role="medic")])
    assert_violations(report, hard("fixed", "P1", ["2024-03-04"], shift="D", role="police"))


def test_other_assignments_on_a_fixed_date_are_judged_by_the_rules() -> None:
    scn = scenario(START, END, fixed=[fixed("P1", "2024-03-04", "D")])
    report = run(scn, [a("P1", "2024-03-04", "D"), a("P1", "2024-03-04", "E")])
    assert_violations(report, hard("max_shifts_per_day", "P1", ["2024-03-04"]))
