"""The roster by station and shift without Qt: names by role in each slot, needed against assigned."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import (
    Assignment,
    Cover,
    Party,
    Period,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.services.coverage import StationShiftView, leader_role
from shiftplan.services.roster import PlanSummary, RosterView

WEEK = Period(dt.date(2020, 2, 3), dt.date(2020, 2, 9))
MON, TUE, WED = dt.date(2020, 2, 3), dt.date(2020, 2, 4), dt.date(2020, 2, 5)


def scenario() -> Scenario:
    return Scenario(
        period=WEEK, shift_types=(ShiftType("D", "白班", 8 * 60, 20 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
        stations=(Station("A", "甲站"), Station("B", "乙站")),
        roles=(Role("medic", "医务"), Role("leader", "带班"), Role("police", "警务")),
        staff=(StaffMember("P1", "张三", roles=("leader",)), StaffMember("P2", "李四", roles=("medic",)),
               StaffMember("P3", "王五", roles=("medic",)), StaffMember("P4", "赵六", roles=("police",))),
        cover=(Cover(station="A", shift="D", min=3, max=3, roles={"medic": 1, "leader": 1}),),
    )


def view(assignments: list[Assignment]) -> StationShiftView:
    plan = PlanSummary(1, "二月", WEEK, True)
    return StationShiftView(RosterView(plan, scenario(), DayCalendar(frozenset(), frozenset()),
                                       Schedule(tuple(assignments))))


def test_rows_are_the_stations_times_the_shifts() -> None:
    slots = view([])
    assert slots.rows == (("A", "D"), ("A", "N"), ("B", "D"), ("B", "N"))
    assert slots.rows_at("B") == (("B", "D"), ("B", "N"))
    assert leader_role(slots.view) == "leader"


def test_names_by_role_with_the_leader_first() -> None:
    slots = view([Assignment(MON, "D", "A", "P2", "medic"), Assignment(MON, "D", "A", "P1", "leader"),
                  Assignment(MON, "D", "A", "P3", "medic")])
    duty = slots.duty("A", "D", MON)
    assert duty.text == "★带班: 张三\n医务: 李四 王五"
    coverage = duty.coverage
    assert coverage is not None and not coverage.short and not coverage.over
    assert coverage.text == "3/3 · 医务 1/2 · 带班 1/1"


def test_a_shortfall_of_people_and_of_a_role() -> None:
    slots = view([Assignment(TUE, "D", "A", "P2", "medic"), Assignment(TUE, "D", "A", "P4", "police")])
    coverage = slots.duty("A", "D", TUE).coverage
    assert coverage is not None and coverage.short and not coverage.over
    assert (coverage.needed, coverage.assigned) == (3, 2)
    assert [(r.role, r.needed, r.assigned, r.short) for r in coverage.roles] == [
        ("medic", 1, 1, False), ("leader", 1, 0, True)]
    assert "Needed: 3 · assigned: 2" in coverage.tooltip and "带班: needed 1, assigned 0" in coverage.tooltip
    # enough people, but no leader among them: still short
    slots = view([Assignment(TUE, "D", "A", p, r) for p, r in (("P2", "medic"), ("P3", "medic"), ("P4", "police"))])
    coverage = slots.duty("A", "D", TUE).coverage
    assert coverage is not None and coverage.short and coverage.assigned == 3


def test_over_the_maximum_and_slots_without_cover() -> None:
    slots = view([Assignment(WED, "D", "A", p, r) for p, r in (
        ("P1", "leader"), ("P2", "medic"), ("P3", "medic"), ("P4", "police"))])
    coverage = slots.duty("A", "D", WED).coverage
    assert coverage is not None and coverage.over and not coverage.short and coverage.text.startswith("3/4")
    assert "At most: 3" in coverage.tooltip
    assert slots.duty("B", "N", WED).coverage is None  # no cover, no one
    slots = view([Assignment(WED, "N", "B", "P4", None)])
    duty = slots.duty("B", "N", WED)
    assert duty.text == "no role: 赵六"
    assert duty.coverage is not None and duty.coverage.text == "0/1" and not duty.coverage.short


def test_party_members_are_counted_against_the_party_minimum() -> None:
    plan = PlanSummary(1, "二月", WEEK, True)
    base = scenario()
    party = dataclasses.replace(
        base, staff=tuple(dataclasses.replace(p, party=Party.PROBATIONARY if p.id == "P2" else Party.NONE)
                          for p in base.staff),
        cover=(dataclasses.replace(base.cover[0], party_min=2),))
    on_duty = [Assignment(MON, "D", "A", "P1", "leader"), Assignment(MON, "D", "A", "P2", "medic"),
               Assignment(MON, "D", "A", "P3", "medic")]
    slots = StationShiftView(RosterView(plan, party, DayCalendar(frozenset(), frozenset()), Schedule(tuple(on_duty))))
    coverage = slots.duty("A", "D", MON).coverage
    assert coverage is not None and (coverage.party_needed, coverage.party_assigned) == (2, 1)
    assert coverage.short and coverage.party_short  # enough people and roles, one Party member too few
    assert coverage.text == "3/3 · 医务 1/2 · 带班 1/1 · Party 2/1"
    assert "Party members: needed 2, on duty 1" in coverage.tooltip
    assert not coverage.over
