"""The roster view without Qt: who is on the grid, what each cell holds, and the findings in words."""

from __future__ import annotations

import datetime as dt

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.fairness import Category
from shiftplan.domain.model import Absence, Assignment, Period, Scenario, Schedule, ShiftType, StaffMember, Station
from shiftplan.domain.rules import RuleKind
from shiftplan.services.roster import RULE_LABELS, PlanSummary, RosterView, dates_text, rule_label

FEB = Period(dt.date(2020, 2, 3), dt.date(2020, 2, 9))


def scenario() -> Scenario:
    return Scenario(
        period=FEB, shift_types=(ShiftType("D", "白班", 8 * 60, 20 * 60),),
        stations=(Station("A", "甲站"), Station("B", "乙站")),
        staff=(StaffMember("P1", "张琳", stations=("A",)), StaffMember("P2", "王伟", stations=("B",)),
               StaffMember("P3", "李娜", active_to=dt.date(2020, 1, 31)),  # gone before the period
               StaffMember("P4", "赵敏", stations=("C",))),  # at no station of the plan
        absences=(Absence("P1", dt.date(2020, 2, 5), dt.date(2020, 2, 6), "病假"),),
    )


def test_every_rule_kind_and_fairness_category_has_a_label() -> None:
    assert {k.value for k in RuleKind} <= set(RULE_LABELS)
    assert rule_label(Category.NIGHTS.rule) == "Fairness: night shifts"
    assert rule_label("min_rest_hours") == "Rest between shifts"
    assert rule_label("something_new") == "something_new"


def test_dates_text() -> None:
    assert dates_text(()) == ""
    assert dates_text((dt.date(2020, 2, 3),)) == "2020-02-03"
    assert dates_text((dt.date(2020, 2, 5), dt.date(2020, 2, 3))) == "2020-02-03 – 2020-02-05"


def test_the_view_of_a_roster() -> None:
    plan = PlanSummary(1, "二月", FEB, True)
    schedule = Schedule((Assignment(dt.date(2020, 2, 5), "D", "A", "P1"), Assignment(dt.date(2020, 2, 4), "D", "B",
                                                                                      "P2")))
    view = RosterView(plan, scenario(), DayCalendar(frozenset(), frozenset()), schedule)
    assert [p.id for p in view.people] == ["P1", "P2"]
    assert [p.id for p in view.people_at("B")] == ["P2"]
    assert len(view.dates) == 7 and view.has_roster
    assert view.absence("P1", dt.date(2020, 2, 6)) is not None and view.absence("P1", dt.date(2020, 2, 7)) is None
    assert [a.shift for a in view.assignments("P2", dt.date(2020, 2, 4))] == ["D"]
    assert [v.rule for v in view.hard_violations("P1", dt.date(2020, 2, 5))] == ["absence"]
    assert not view.hard_violations("P2", dt.date(2020, 2, 4))
    first = view.findings()[0]
    assert (first.hard, first.rule, first.person, first.dates) == (True, "On leave", "张琳", "2020-02-05")


def test_the_view_of_a_plan_without_a_roster() -> None:
    view = RosterView(PlanSummary(1, "二月", FEB, False), scenario(), DayCalendar(frozenset(), frozenset()), None)
    assert not view.has_roster and view.findings() == () and view.report is None
