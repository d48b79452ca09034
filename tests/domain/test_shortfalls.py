"""Shortfalls found by counting: each kind names the true culprit and nothing innocent, a feasible
scenario has none, and nothing reported is ever a false alarm (checked against CP-SAT)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from shiftplan import i18n
from shiftplan.demo import build_demo
from shiftplan.domain.calendar import DayCalendar, resolve_calendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    FixedAssignment,
    History,
    HistoryShift,
    Party,
    Period,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.shortfalls import (
    CoverConflict,
    DateShortfall,
    Demand,
    FixedClash,
    PersonShortfall,
    Reason,
    Shortfall,
    SlotShortfall,
    StationShortfall,
    describe,
    find_shortfalls,
)
from shiftplan.domain.validation import check
from shiftplan.official_calendar import official_calendar
from shiftplan.solver.model import RosterModel

from .builders import absence, cover, d, fixed, history, person, rule, rule_set, scenario, weekend_calendar


def shortfalls(s: Scenario) -> list[Shortfall]:
    return find_shortfalls(s, weekend_calendar(s.period))


def reasons(found: Shortfall) -> dict[str, Reason]:
    return {b.staff: b.reason for b in found.blocked}


def sentences(s: Scenario) -> list[str]:
    return [describe(x, s) for x in shortfalls(s)]


# --- one slot ------------------------------------------------------------------------------------


def medics_scenario() -> Scenario:
    """The night of 5 February needs 2 medics: A is ill, B worked the evening before, C is free."""
    return scenario(
        "2020-02-05", "2020-02-07", roles=["police", "medic"], rules=[rule("min_rest_hours", 16)],
        staff=[person("A", roles=["medic"]), person("B", roles=["medic", "police"]), person("C", roles=["medic"]),
               person("P", roles=["police"]), person("Q", roles=["police"])],
        cover=[cover(shift="N", days=["2020-02-05"], min=3, roles={"medic": 2, "police": 1})],
        absences=[absence("A", "2020-02-03", "2020-02-08", "病假")],
        history=history(("B", "2020-02-04", "E")),
    )


def test_absence_and_rest_leave_too_few_medics() -> None:
    s = medics_scenario()
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall)
    assert (found.rule, found.slot, found.role) == ("cover_roles", Slot("S1", "N", d("2020-02-05")), "medic")
    assert (found.needed, found.available, found.candidates) == (2, 1, ("C",))
    assert reasons(found) == {"A": Reason.ABSENT, "B": Reason.REST_AFTER}  # not the police, not C
    assert sentences(s) == [
        "Station S1 Night on 2020-02-05: 2 serving as Medic needed, only 1 can be rostered: Name of A is absent "
        "(病假), Name of B rests less than 16 h after Evening on 2020-02-04"]


def test_the_sentence_is_in_the_current_language() -> None:
    s = medics_scenario()
    (found,) = shortfalls(s)
    i18n.set_language("zh_CN")
    text = describe(found, s)
    assert "Name of A" in text and "病假" in text and "Station S1" in text and "Night" in text
    assert "medic" not in text  # names, not ids


def test_too_few_people_at_all() -> None:
    s = scenario("2020-02-03", "2020-02-04", staff=["A", "B", "C"],
                 cover=[cover(shift="D", days=["2020-02-04"], min=3)],
                 absences=[absence("B", "2020-02-04")])
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall)
    assert (found.rule, found.needed, found.available, found.candidates) == ("cover_min", 3, 2, ("A", "C"))
    assert sentences(s) == ["Station S1 Day on 2020-02-04: 3 people needed, only 2 can be rostered: "
                            "Name of B is absent"]


def test_party_minimum_with_every_party_member_away() -> None:
    s = scenario("2020-02-03", "2020-02-09",
                 staff=[person("M1", party="member"), person("M2", party="probationary"), person("N1"),
                        person("N2", party="applicant"), person("M3", party="member", stations=["S2"])],
                 stations=["S1", "S2"],
                 cover=[cover(station="S1", shift="N", min=1, party_min=1, days=["2020-02-05"])],
                 absences=[absence("M1", "2020-02-05", reason="事假")],
                 fixed=[fixed("M2", "2020-02-05", "D", "S1")])
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall)
    assert (found.rule, found.needed, found.available) == ("cover_party", 1, 0)
    assert reasons(found) == {"M1": Reason.ABSENT, "M2": Reason.FIXED}  # not N1, N2 (no members), M3 (elsewhere)
    assert sentences(s) == [
        "Station S1 Night on 2020-02-05: 1 Party member needed, only 0 can be rostered: Name of M1 is absent "
        "(事假), Name of M2 is fixed on Station S1 Day"]


def test_history_rest_blocks_the_first_night() -> None:
    s = scenario("2020-02-03", "2020-02-09", staff=["A", "B"], rules=[rule("min_rest_hours", 16)],
                 cover=[cover(shift="N", min=2)],
                 history=history(("A", "2020-02-02", "E"), ("B", "2020-02-02", "N")))
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall)
    assert found.slot == Slot("S1", "N", d("2020-02-03"))  # only the first night: later ones are fine
    assert found.blocked[0].reason is Reason.REST_AFTER and found.blocked[0].staff == "A"
    assert found.candidates == ("B",)  # the night before ended exactly 16 h earlier: enough


def test_fixed_assignment_elsewhere_and_as_another_role() -> None:
    s = scenario("2020-02-03", "2020-02-04", stations=["S1", "S2"], roles=["police", "medic"],
                 staff=[person("A", roles=["police", "medic"]), person("B", roles=["police", "medic"]),
                        person("C", roles=["medic"])],
                 cover=[cover(station="S1", shift="N", days=["2020-02-03"], roles={"police": 2})],
                 fixed=[fixed("A", "2020-02-03", "D", "S2"), fixed("B", "2020-02-03", "N", "S1", "medic")])
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall)
    assert (found.rule, found.role, found.needed, found.available) == ("cover_roles", "police", 2, 0)
    assert reasons(found) == {"A": Reason.FIXED, "B": Reason.FIXED}  # C is no police officer
    assert sentences(s) == [
        "Station S1 Night on 2020-02-03: 2 serving as Police needed, only 0 can be rostered: Name of A is fixed on "
        "Station S2 Day, Name of B is fixed on Station S1 Night (as Medic)"]


def test_personal_rules_that_rule_out_a_single_shift() -> None:
    s = scenario(
        "2020-02-03", "2020-02-09", staff=["A", "B", "C", "D", "E"],
        rules=[rule("max_consecutive_days", 3), rule("forbidden_succession", shift="N", next="D"),
               rule("max_shifts", 0, shift="E"), rule("min_days_off_per_week", 7, weight=1)],
        cover=[cover(shift="D", days=["2020-02-03"], min=5), cover(shift="E", days=["2020-02-05"], min=1)],
        history=history(("A", "2020-01-31", "D"), ("A", "2020-02-01", "D"), ("A", "2020-02-02", "D"),
                        ("B", "2020-02-02", "N"), start="2020-01-30"))
    day, evening = shortfalls(s)
    assert isinstance(day, SlotShortfall) and isinstance(evening, SlotShortfall)
    assert {b.staff: (b.reason, b.rule.kind if b.rule else None) for b in day.blocked} == {
        "A": (Reason.RULE, RuleKind.MAX_CONSECUTIVE_DAYS),
        "B": (Reason.SUCCESSION_AFTER, RuleKind.FORBIDDEN_SUCCESSION)}
    assert evening.available == 0 and len(evening.blocked) == 5
    text = describe(day, s)
    assert "Name of A would break “At most 3 working days in a row” (2020-01-31 to 2020-02-03)" in text
    assert "Name of B may not work Day right after Night on 2020-02-02" in text
    assert describe(evening, s).startswith("Station S1 Evening on 2020-02-05: 1 person needed, only 0 can be "
                                           "rostered: Name of A would break “At most 0 Evening shifts")


def test_weekly_limits_used_up_by_fixed_assignments() -> None:
    s = scenario("2020-02-03", "2020-02-09", staff=["A", "B"],
                 rules=[rule("min_days_off_per_week", 2)],
                 rule_sets=[rule_set("other", rule("max_hours_per_week", 40))],
                 cover=[cover(shift="D", days=["sat"], min=2)],
                 fixed=[fixed("A", f"2020-02-0{i}", "D") for i in range(3, 8)])
    s = replace(s, staff=(s.staff[0], replace(s.staff[1], rule_set="other")),
                fixed=s.fixed + tuple(fixed("B", f"2020-02-0{i}", "E") for i in range(3, 8)))
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall) and found.available == 0
    assert describe(found, s) == (
        "Station S1 Day on 2020-02-08: 2 people needed, only 0 can be rostered: Name of A would break “At least 2 "
        "days off in each week” (week from 2020-02-03, 5 fixed already), Name of B would break “At most 40 hours in "
        "each week” (week from 2020-02-03, 40 fixed already)")
    assert roster_exists(on_its_own(s, weekend_calendar(s.period), found, set()), weekend_calendar(s.period)) is False


def test_roster_dates_and_many_blocked_people_are_summed_up() -> None:
    staff = [person(f"P{i}", active_from="2020-02-10") for i in range(8)] + [person("Q", active_to="2020-02-04")]
    s = scenario("2020-02-03", "2020-02-16", staff=staff, cover=[cover(shift="D", days=["2020-02-05"], min=1)])
    (found,) = shortfalls(s)
    assert reasons(found)["Q"] is Reason.NO_LONGER and reasons(found)["P0"] is Reason.NOT_YET
    assert describe(found, s).endswith(
        "Name of P4 is on the roster only from 2020-02-10 and 4 more")


def test_soft_cover_is_no_shortfall() -> None:
    s = scenario("2020-02-03", "2020-02-04", staff=["A"],
                 cover=[cover(min=3, party_min=1, soft=True), cover(shift="N", target=5)])
    assert shortfalls(s) == []


# --- one date ------------------------------------------------------------------------------------


def test_the_shifts_of_a_date_compete_for_the_same_people() -> None:
    s = scenario("2020-02-03", "2020-02-05", staff=["A", "B", "C"], stations=["S1", "S2"],
                 cover=[cover(station="S1", shift="D", min=2, days=["2020-02-04"]),
                        cover(station="S1", shift="N", min=2, days=["2020-02-04"]),
                        cover(station="S2", shift="D", min=1, days=["2020-02-05"])])
    (found,) = shortfalls(s)  # each slot alone is fine; 2020-02-05 is fine
    assert isinstance(found, DateShortfall)
    assert (found.rule, found.date, found.needed, found.available) == ("cover_min", d("2020-02-04"), 4, 3)
    assert set(found.slots) == {Slot("S1", "D", d("2020-02-04")), Slot("S1", "N", d("2020-02-04"))}
    assert sentences(s) == ["2020-02-04: Station S1 Day/Night need 4 people together, only 3 can be rostered"]


def test_a_date_short_of_one_role_names_only_that_role_and_its_slots() -> None:
    staff = [person("M1", roles=["medic"]), person("M2", roles=["medic", "police"]),
             *(person(f"P{i}", roles=["police"]) for i in range(6))]
    s = scenario("2020-02-03", "2020-02-03", staff=staff, roles=["police", "medic"], stations=["S1", "S2"],
                 cover=[cover(station="S1", min=2, roles={"medic": 1, "police": 1}, shift="D"),
                        cover(station="S2", min=1, roles={"medic": 1}, shift="N"),
                        cover(station="S2", min=1, roles={"police": 1}, shift="E")],
                 absences=[absence("M2", "2020-02-03", reason="病假")], fixed=[fixed("P0", "2020-02-03", "E")])
    (found,) = shortfalls(s)
    assert isinstance(found, DateShortfall)
    assert (found.rule, found.role, found.needed, found.available) == ("cover_roles", "medic", 2, 1)
    assert set(found.slots) == {Slot("S1", "D", d("2020-02-03")), Slot("S2", "N", d("2020-02-03"))}
    assert reasons(found) == {"M2": Reason.ABSENT}
    assert sentences(s) == ["2020-02-03: Station S1 Day, Station S2 Night need 2 serving as Medic together, only 1 "
                            "can be rostered: Name of M2 is absent (病假)"]


def test_one_person_cannot_serve_two_roles_of_a_shift() -> None:
    s = scenario("2020-02-03", "2020-02-03", staff=[person("A", roles=["police", "medic"])],
                 roles=["police", "medic"], cover=[cover(shift="N", roles={"police": 1, "medic": 1})])
    (found,) = shortfalls(s)
    assert isinstance(found, DateShortfall) and found.rule == "cover_min"
    assert set(found.demands) == {Demand(Slot("S1", "N", d("2020-02-03")), 1, "police"),
                                  Demand(Slot("S1", "N", d("2020-02-03")), 1, "medic")}
    assert sentences(s) == ["2020-02-03: Station S1 Night need 2 people together (1 as Police, 1 as Medic), only "
                            "1 can be rostered"]


def test_party_members_across_the_shifts_of_a_date() -> None:
    s = scenario("2020-02-03", "2020-02-03", staff=[person("M", party="member"), "A", "B"],
                 cover=[cover(shift="D", min=1, party_min=1), cover(shift="N", min=1, party_min=1)])
    (found,) = shortfalls(s)
    assert isinstance(found, DateShortfall) and (found.rule, found.needed, found.available) == ("cover_party", 2, 1)


def test_two_shifts_a_date_make_room() -> None:
    s = scenario("2020-02-03", "2020-02-03", staff=["A"], rules=[rule("max_shifts_per_day", 2)],
                 cover=[cover(shift="D", min=1), cover(shift="E", min=1)])
    assert shortfalls(s) == []


# --- people and fixed assignments ------------------------------------------------------------------


def test_min_shifts_beyond_the_dates_a_person_can_work() -> None:
    s = scenario("2020-02-03", "2020-02-09", staff=["A", "B"], rules=[rule("min_shifts", 5)],
                 absences=[absence("A", "2020-02-04", "2020-02-06", "年假")])
    (found,) = shortfalls(s)
    assert isinstance(found, PersonShortfall)
    assert (found.staff, found.needed, found.available) == ("A", 5, 4)
    assert sentences(s) == ["Name of A needs at least 5 shifts in the period, but can work at most 4: Name of A "
                            "is absent from 2020-02-04 to 2020-02-06 (年假)"]


def test_min_shifts_against_runs_and_min_hours() -> None:
    s = scenario("2020-02-03", "2020-02-09", staff=["A"],
                 rules=[rule("min_shifts", 7, shift="N"), rule("max_consecutive_days", 4), rule("min_hours", 50)])
    night, hours = shortfalls(s)
    assert isinstance(night, PersonShortfall) and isinstance(hours, PersonShortfall)
    assert (night.available, hours.available) == (6, 48)  # 4 on, 1 off, 2 on at most
    assert describe(night, s) == ("Name of A needs at least 7 Night shifts in the period, but can work at most 6: "
                                  "Name of A must keep to “At most 4 working days in a row”")
    assert describe(hours, s).startswith("Name of A needs at least 50 hours in the period, but can work at most 48")


def test_fixed_assignments_that_cannot_stand() -> None:
    s = scenario("2020-02-03", "2020-02-09", roles=["police", "medic"], stations=["S1", "S2"],
                 rules=[rule("min_rest_hours", 12)],
                 staff=[person("A", roles=["police"]), person("B", roles=["police"], stations=["S1"]),
                        person("C", roles=["police"], active_from="2020-02-06"), person("D", roles=["police"])],
                 absences=[absence("A", "2020-02-05", reason="病假")],
                 fixed=[fixed("A", "2020-02-05", "D"), fixed("B", "2020-02-04", "D", "S2"),
                        fixed("C", "2020-02-04", "N"), fixed("D", "2020-02-04", "N", role="medic"),
                        fixed("A", "2020-02-07", "E"), fixed("A", "2020-02-08", "D"),
                        fixed("B", "2020-03-01", "D")])
    found = shortfalls(s)
    assert all(isinstance(x, FixedClash) for x in found)
    assert [(x.fixed.staff, x.blocked[0].reason) for x in found if isinstance(x, FixedClash)] == [
        ("A", Reason.ABSENT), ("B", Reason.STATION), ("C", Reason.NOT_YET), ("D", Reason.ROLE),
        ("A", Reason.REST_AFTER), ("B", Reason.OUTSIDE_PERIOD)]
    assert sentences(s) == [
        "Name of A is fixed on Day on 2020-02-05: Name of A is absent (病假)",
        "Name of B is fixed on Station S2 Day on 2020-02-04: Name of B may not work at station Station S2",
        "Name of C is fixed on Night on 2020-02-04: Name of C is on the roster only from 2020-02-06",
        "Name of D is fixed on Night on 2020-02-04: Name of D does not have the role Medic",
        "Name of A is fixed on Day on 2020-02-08: Name of A rests less than 12 h after Evening on 2020-02-07",
        "Name of B is fixed on Day on 2020-03-01: date 2020-03-01 is outside the period"]


def test_a_fixed_clash_does_not_also_block_others() -> None:
    """The impossible fixed assignment is the culprit; it does not count as a shift worked."""
    s = scenario("2020-02-03", "2020-02-04", staff=["A", "B"], rules=[rule("min_rest_hours", 16)],
                 absences=[absence("A", "2020-02-03")], fixed=[fixed("A", "2020-02-03", "E")],
                 cover=[cover(shift="N", days=["2020-02-04"], min=2)])
    (clash,) = shortfalls(s)
    assert isinstance(clash, FixedClash) and clash.blocked[0].reason is Reason.ABSENT


def test_rest_after_a_fixed_shift() -> None:
    s = scenario("2020-02-03", "2020-02-04", staff=["A", "B"], rules=[rule("min_rest_hours", 16)],
                 fixed=[fixed("A", "2020-02-03", "E")], cover=[cover(shift="N", days=["2020-02-04"], min=2)])
    (found,) = shortfalls(s)
    assert isinstance(found, SlotShortfall) and reasons(found) == {"A": Reason.REST_AFTER}
    assert found.blocked[0].fixed


def test_cover_max_against_its_own_need_and_against_fixed_people() -> None:
    s = scenario("2020-02-03", "2020-02-05", staff=["A", "B", "C", "D", "E"],
                 cover=[cover(shift="D", min=3, max=2), cover(shift="N", max=1)],
                 fixed=[fixed("A", "2020-02-04", "N", "S1"), fixed("B", "2020-02-04", "N", "S1")])
    conflict_max, conflict_fixed = shortfalls(s)
    assert isinstance(conflict_max, CoverConflict) and len(conflict_max.slots) == 3
    assert isinstance(conflict_fixed, CoverConflict) and conflict_fixed.staff == ("A", "B")
    assert sentences(s) == [
        "Station S1 Day on 2020-02-03 (and 2 more dates): at most 2 allowed, but 3 needed",
        "Station S1 Night on 2020-02-04: at most 1 allowed, but Name of A, Name of B are fixed"]


def test_shortfalls_as_json() -> None:
    (found,) = shortfalls(medics_scenario())
    data = found.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == "slot" and data["role"] == "medic" and data["dates"] == ["2020-02-05"]
    blocked = data["blocked"]
    assert isinstance(blocked, list)
    assert blocked[0] == {"staff": "A", "reason": "absent", "on": "2020-02-05", "date": "2020-02-03",
                          "until": "2020-02-08", "note": "病假"}


# --- the demo district ---------------------------------------------------------------------------


def test_the_demo_district_has_no_shortfall() -> None:
    demo = build_demo()
    calendar = resolve_calendar(demo.calendar, demo.period, official_calendar())
    assert [describe(x, demo) for x in find_shortfalls(demo, calendar)] == []


def test_the_demo_district_with_a_station_emptied_by_illness() -> None:
    demo = build_demo()
    calendar = resolve_calendar(demo.calendar, demo.period, official_calendar())
    station = demo.stations[-1].id
    day = demo.period.start + dt.timedelta(days=10)
    medics = [p.id for p in demo.staff if p.stations == (station,) and "medic" in p.roles]
    ill = Scenario(**{**demo.__dict__, "absences": demo.absences + tuple(
        Absence(m, day, day, "流感") for m in medics)})
    found = find_shortfalls(ill, calendar)
    assert found and all(x.dates == (day,) for x in found)
    assert all(b.reason is Reason.ABSENT and b.staff in medics for x in found for b in x.blocked)


# --- no false alarms: whatever is reported, CP-SAT finds no roster ---------------------------------

POOL = (ShiftType("D", "Day", 8 * 60, 16 * 60), ShiftType("E", "Evening", 16 * 60, 24 * 60),
        ShiftType("N", "Night", 0, 8 * 60, night=True), ShiftType("L", "Late", 20 * 60, 4 * 60))
HARD_KINDS = tuple(RuleKind)


@st.composite
def small_scenarios(draw: st.DrawFn) -> tuple[Scenario, DayCalendar]:
    start = dt.date(2024, 3, 4) + dt.timedelta(days=draw(st.integers(0, 6)))
    period = Period(start, start + dt.timedelta(days=draw(st.integers(0, 8))))
    dates = period.dates()
    shifts = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique_by=lambda s: s.id))
    ids = [s.id for s in shifts]
    stations = ["S1", "S2"][:draw(st.integers(1, 2))]
    roles = draw(st.sampled_from([[], ["a"], ["a", "b"]]))
    some_date = st.sampled_from(dates)
    staff = []
    for i in range(draw(st.integers(1, 5))):
        staff.append(StaffMember(
            f"P{i}", f"P{i}", roles=tuple(draw(st.lists(st.sampled_from(roles), min_size=1, unique=True)))
            if roles else (), party=draw(st.sampled_from(list(Party))),
            stations=draw(st.one_of(st.none(), st.lists(st.sampled_from(stations), min_size=1, unique=True)
                                    .map(tuple))),
            rule_set=draw(st.sampled_from([None, "other"])),
            active_from=draw(st.one_of(st.none(), some_date)), active_to=draw(st.one_of(st.none(), some_date))))
    people = [p.id for p in staff]

    def a_rule() -> Rule:
        kind = draw(st.sampled_from(HARD_KINDS))
        weight = draw(st.sampled_from([None, None, None, 2.0]))
        some = st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True).map(tuple)
        if kind is RuleKind.FORBIDDEN_SUCCESSION:
            return Rule(kind, 0, draw(some), draw(some), weight)
        value = {RuleKind.MIN_REST_HOURS: draw(st.sampled_from([8, 12, 16, 30])),
                 RuleKind.MAX_HOURS: draw(st.sampled_from([8, 16, 30])),
                 RuleKind.MIN_HOURS: draw(st.sampled_from([8, 16, 30])),
                 RuleKind.MAX_HOURS_PER_WEEK: draw(st.sampled_from([8, 16, 40])),
                 RuleKind.MIN_DAYS_OFF_PER_WEEK: draw(st.integers(1, 6)),
                 RuleKind.MAX_SHIFTS_PER_DAY: draw(st.integers(0, 2))}.get(kind, draw(st.integers(0, 4)))
        shift_ids: tuple[str, ...] = ()
        if kind is RuleKind.MAX_CONSECUTIVE_SHIFTS or (kind in (RuleKind.MAX_SHIFTS, RuleKind.MIN_SHIFTS)
                                                       and draw(st.booleans())):
            shift_ids = draw(some)
        return Rule(kind, float(value), shift_ids, (), weight)

    rule_sets = tuple(RuleSet(name, tuple(a_rule() for _ in range(draw(st.integers(0, 3)))))
                      for name in ("standard", "other"))
    entries = []
    for _ in range(draw(st.integers(1, 3))):
        low = draw(st.integers(0, 3))
        entries.append(Cover(
            station=draw(st.one_of(st.none(), st.sampled_from(stations))),
            shift=draw(st.one_of(st.none(), st.sampled_from(ids))),
            days=tuple(draw(st.lists(st.sampled_from(["all", *(x.isoformat() for x in dates)]), min_size=1,
                                     max_size=2))),
            min=low, max=draw(st.one_of(st.none(), st.integers(0, 4))),
            roles={r: draw(st.integers(0, 2)) for r in roles if draw(st.booleans())},
            party_min=draw(st.integers(0, 2)), soft=draw(st.sampled_from([False, False, True]))))
    absences = [Absence(draw(st.sampled_from(people)), x, x + dt.timedelta(days=draw(st.integers(0, 2))), "r")
                for x in draw(st.lists(some_date, max_size=3))]
    pinned = [FixedAssignment(draw(st.sampled_from(people)), x, draw(st.sampled_from(ids)),
                              draw(st.one_of(st.none(), st.sampled_from(stations))),
                              draw(st.one_of(st.none(), st.sampled_from(roles))) if roles else None)
              for x in draw(st.lists(some_date, max_size=3))]
    window = [start - dt.timedelta(days=k) for k in range(1, 5)]
    past = draw(st.lists(st.tuples(st.sampled_from(people), st.sampled_from(window), st.sampled_from(ids)),
                         max_size=6, unique_by=lambda h: (h[0], h[1])))
    s = Scenario(period=period, shift_types=tuple(shifts), stations=tuple(Station(x, x) for x in stations),
                 staff=tuple(staff), calendar=CalendarSpec("none"), roles=tuple(Role(r, r) for r in roles),
                 rule_sets=rule_sets, cover=tuple(entries), absences=tuple(absences), fixed=tuple(pinned),
                 history=History(draw(st.one_of(st.none(), st.just(window[-1]))),
                                 tuple(HistoryShift(*h) for h in past)))
    return s, weekend_calendar(period)


def roster_exists(s: Scenario, calendar: DayCalendar) -> bool | None:
    """True: CP-SAT found a roster the validator accepts; False: none exists; None: undecided."""
    model = RosterModel(s, calendar)
    model.model.clear_objective()
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(model.model)
    if status == cp_model.INFEASIBLE:
        return False
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    roster = model.vars.extract(solver.boolean_value)
    return True if check(s, roster, calendar).feasible else None


def on_its_own(s: Scenario, calendar: DayCalendar, found: Shortfall, clashes: set[int]) -> Scenario:
    """The scenario reduced to what one shortfall is about: only its slots' hard needs (no maximum),
    no personal minimums unless it is about one, no fixed assignment that clashes on its own."""
    needs = resolve_cover(s, calendar)
    slots: tuple[Slot, ...] = ()
    if isinstance(found, SlotShortfall):
        slots = (found.slot,)
    elif isinstance(found, DateShortfall | CoverConflict):
        slots = found.slots
    elif isinstance(found, StationShortfall):  # every hard need of the station over the period
        slots = tuple(x for x, entry in needs.items() if x.station == found.station and not entry.soft)
    entries = [replace(needs[x], station=x.station, shift=x.shift, days=(x.date.isoformat(),),
                       max=needs[x].max if isinstance(found, CoverConflict) else None) for x in slots]
    keep_minimums = isinstance(found, PersonShortfall)
    rule_sets = tuple(RuleSet(r.id, tuple(x for x in r.rules if keep_minimums or x.kind not in (
        RuleKind.MIN_SHIFTS, RuleKind.MIN_HOURS))) for r in s.rule_sets)
    if isinstance(found, FixedClash):
        pinned = tuple(f for i, f in enumerate(s.fixed) if i == found.index or (i < found.index and i not in clashes))
    else:
        pinned = tuple(f for i, f in enumerate(s.fixed) if i not in clashes)
    return replace(s, cover=tuple(entries), rule_sets=rule_sets, fixed=pinned)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios())
def test_every_shortfall_is_real_on_its_own(drawn: tuple[Scenario, DayCalendar]) -> None:
    s, calendar = drawn
    found = find_shortfalls(s, calendar)
    clashes = {x.index for x in found if isinstance(x, FixedClash)}
    for x in found:
        assert describe(x, s)
        json.dumps(x.to_json())
        reduced = on_its_own(s, calendar, x, clashes)
        assert roster_exists(reduced, calendar) is not True, describe(x, s)
        event(type(x).__name__)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_kind_can_be_described(language: str) -> None:
    i18n.set_language(language)
    s = scenario("2020-02-03", "2020-02-09", staff=["A", "B"], rule_sets=[rule_set("standard")],
                 cover=[cover(min=3)])
    assert all(describe(x, s) for x in shortfalls(s))


# --- a station's whole period --------------------------------------------------------------------


def test_a_station_whose_people_cannot_work_its_period_is_named_with_the_capping_rule() -> None:
    # Station S1 needs one day shift on each of five days; its two people may work two shifts each.
    # S2's person works only there and is not counted for S1.
    s = scenario(
        "2020-02-03", "2020-02-07", stations=("S1", "S2"), rules=[rule("max_shifts", 2)],
        staff=[person("A", stations=["S1"]), person("B", stations=["S1"]), person("C", stations=["S2"])],
        cover=[cover(station="S1", shift="D", min=1)])
    [found] = shortfalls(s)
    assert isinstance(found, StationShortfall)
    assert (found.station, found.needed, found.available, found.people) == ("S1", 5, 4, 2)
    assert [(r.kind, n) for r, n in found.limits] == [(RuleKind.MAX_SHIFTS, 2)]
    assert sentences(s) == ["Station S1: the period needs 5 shifts, but the 2 people who may work there can work "
                            "at most 4 in all: At most 2 shifts in the period (2 people)"]


def test_a_station_with_enough_capacity_in_all_is_no_shortfall() -> None:
    s = scenario("2020-02-03", "2020-02-07", staff=["A", "B", "C"], rules=[rule("max_shifts", 2)],
                 cover=[cover(shift="D", min=1)])
    assert shortfalls(s) == []
