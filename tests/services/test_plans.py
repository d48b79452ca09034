"""The plan for the next period: what it copies, and the fairness history it carries over."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftplan.domain.errors import UserError
from shiftplan.domain.fairness import Category
from shiftplan.domain.model import (
    Assignment,
    CalendarSpec,
    FixedAssignment,
    History,
    HistoryCount,
    HistoryShift,
    Period,
    Schedule,
)
from shiftplan.domain.validation import check
from shiftplan.official_calendar import official_calendar
from shiftplan.services.plans import default_period, lookback_days
from shiftplan.services.workspace import Workspace
from shiftplan.storage import Database
from tests.services.test_workspace import scenario

D = dt.date
NEXT = Period(D(2020, 2, 17), D(2020, 3, 15))


def roster(days: list[dt.date], shift: str) -> tuple[Assignment, ...]:
    return tuple(Assignment(d, shift, "A", "P1", "r1") for d in days)


# The earlier plan (20 January – 16 February 2020): P1 works nights in the Spring Festival week
# (24–30 January: holidays; 25–26 a weekend), P3 days at the end of the period.
NIGHTS = roster([D(2020, 1, 24) + dt.timedelta(days=i) for i in range(7)], "N")
DAYS = tuple(Assignment(D(2020, 2, 10) + dt.timedelta(days=i), "D", "A", "P3", "r1") for i in range(7))
EARLIER_HISTORY = History(D(2020, 1, 13), (HistoryShift("P3", D(2020, 1, 19), "N"),),
                          (HistoryCount("P2", 10, 3, 2, 1), HistoryCount("P3", 4, 1, 0, 0)))
FIXED = (FixedAssignment("P3", D(2020, 2, 3), "D"), FixedAssignment("P2", D(2020, 2, 20), "N", "A"))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    db = Database.open(f"sqlite:///{tmp_path / 'p.db'}")
    earlier = dataclasses.replace(scenario(), history=EARLIER_HISTORY, fixed=FIXED,
                                  calendar=CalendarSpec("CN", (D(2020, 2, 14),), ()))
    db.import_scenario(earlier)
    plan = db.plans()[0].id
    db.save_schedule(plan, Schedule(NIGHTS + DAYS))  # version 1, published below
    db.set_published(db.schedules(plan)[0].id)
    db.save_schedule(plan, Schedule(DAYS))  # version 2, a draft: not carried over
    workspace = Workspace(db, official_calendar())
    yield workspace
    workspace.close()


def domain_counts(workspace: Workspace, schedule: Schedule) -> dict[str, dict[str, int]]:
    """What the domain's categories count in the roster, person by person."""
    earlier = workspace.store.export_scenario(workspace.store.plans()[0].id)
    calendar = workspace.calendar_state(earlier.calendar, earlier.period).calendar
    shifts = {s.id: s for s in earlier.shift_types}
    counts: dict[str, dict[str, int]] = {}
    for a in schedule.assignments:
        mine = counts.setdefault(a.staff, dict.fromkeys((c.value for c in Category), 0))
        for category in Category:
            mine[category.value] += category.counts(a.date, shifts[a.shift], calendar)
    return counts


def test_the_default_period_is_the_four_weeks_after_the_latest_plan(workspace: Workspace) -> None:
    source = workspace.carry_source()
    assert source is not None
    assert default_period(source.period) == NEXT
    assert (source.version, source.published) == (1, True)


def test_a_new_plan_copies_the_plan_data_and_leaves_the_old_plan_alone(workspace: Workspace) -> None:
    store = workspace.store
    old_id = store.plans()[0].id
    before, old_schedules = store.export_scenario(old_id), list(store.schedules(old_id))
    source = workspace.carry_source()
    assert source is not None
    workspace.apply(workspace.new_plan("测试 3月", NEXT, source))

    assert [(p.name, p.period) for p in store.plans()] == [("测试", before.period), ("测试 3月", NEXT)]
    new = store.export_scenario(store.plans()[1].id)
    assert new.name == "测试 3月" and new.period == NEXT
    assert (new.stations, new.staff, new.shift_types, new.roles, new.rule_sets, new.cover) == (
        before.stations, before.staff, before.shift_types, before.roles, before.rule_sets, before.cover)
    assert new.calendar == before.calendar and new.weights == before.weights
    assert new.absences == before.absences and new.requests == before.requests
    assert new.fixed == (FIXED[1],)  # only what falls in the new period
    assert store.latest_schedule(store.plans()[1].id) is None
    assert store.export_scenario(old_id) == before
    assert list(store.schedules(old_id)) == old_schedules


def test_the_counts_are_the_earlier_history_plus_the_published_roster(workspace: Workspace) -> None:
    source = workspace.carry_source()
    assert source is not None
    new = workspace.next_plan("next", NEXT, source)
    counted = domain_counts(workspace, Schedule(NIGHTS + DAYS))
    expected = {}
    for c in EARLIER_HISTORY.counts:
        expected[c.staff] = {"shifts": c.shifts, "nights": c.nights, "restdays": c.restdays, "holidays": c.holidays}
    for person, values in counted.items():
        mine = expected.setdefault(person, dict.fromkeys(values, 0))
        for key, value in values.items():
            mine[key] += value
    assert {c.staff: {"shifts": c.shifts, "nights": c.nights, "restdays": c.restdays, "holidays": c.holidays}
            for c in new.history.counts} == expected
    # P1's seven Spring Festival nights: all holidays (24–30 January), restdays among them
    p1 = next(c for c in new.history.counts if c.staff == "P1")
    assert (p1.shifts, p1.nights, p1.holidays) == (7, 7, 7) and p1.restdays >= 2
    # P3: the earlier 4 shifts plus seven day shifts, one on the plan's own holiday (14 February)
    p3 = next(c for c in new.history.counts if c.staff == "P3")
    assert (p3.shifts, p3.nights, p3.holidays) == (11, 1, 1)


def test_the_border_shifts_are_the_last_days_the_rules_look_back(workspace: Workspace) -> None:
    source = workspace.carry_source()
    assert source is not None
    new = workspace.next_plan("next", NEXT, source)
    assert lookback_days(workspace.scenario) == 7
    assert new.history.assignments == tuple(HistoryShift(a.staff, a.date, a.shift) for a in DAYS)
    assert new.history.start == D(2020, 2, 10)


def test_without_a_published_roster_the_newest_is_carried(workspace: Workspace) -> None:
    store = workspace.store
    plan = store.plans()[0].id
    store.set_published(store.schedules(plan)[0].id, False)
    source = workspace.carry_source()
    assert source is not None and (source.version, source.published) == (2, False)
    new = workspace.next_plan("next", NEXT, source)
    p1 = [c for c in new.history.counts if c.staff == "P1"]
    assert p1 == []  # the newest draft gives P1 nothing
    p3 = next(c for c in new.history.counts if c.staff == "P3")
    assert p3.shifts == 11


def test_the_undo_deletes_the_new_plan_while_it_has_no_roster(workspace: Workspace) -> None:
    store = workspace.store
    source = workspace.carry_source()
    assert source is not None
    edit = workspace.new_plan("next", NEXT, source)
    workspace.apply(edit)
    workspace.revert(edit)
    assert len(store.plans()) == 1
    workspace.apply(edit)
    new_id = store.plans()[-1].id
    store.save_schedule(new_id, Schedule(()))
    with pytest.raises(UserError, match="saved rosters"):
        workspace.revert(edit)
    assert len(store.plans()) == 2


def test_a_plan_for_one_station_rosters_its_people_and_the_choice_is_undone(workspace: Workspace) -> None:
    store = workspace.store
    source = workspace.carry_source()
    assert source is not None
    workspace.apply(workspace.new_plan("乙站 3月", NEXT, source, ["B"]))
    plan = workspace.plans()[-1]
    assert plan.stations == ("B",) and workspace.station_names(plan.stations) == "乙站"
    view = workspace.roster(plan.id)
    # P1 works only at A; P2 and P3 may work anywhere
    assert [s.id for s in view.scenario.stations] == ["B"]
    assert [p.id for p in view.scenario.staff] == ["P2", "P3"] and view.scenario.cover == ()
    assert len(workspace.scenario.staff) == 3  # the screens still see everyone

    edit = workspace.set_plan_stations(plan, ["A", "B"])
    workspace.apply(edit)
    assert workspace.plans()[-1].stations == ("A", "B")
    assert [p.id for p in workspace.roster(plan.id).scenario.staff] == ["P1", "P2", "P3"]
    workspace.revert(edit)
    assert store.plans()[-1].stations == ("B",)


def test_plans_of_different_stations_run_side_by_side(workspace: Workspace) -> None:
    first = workspace.plans()[0]
    source = workspace.carry_source(first.id)
    assert source is not None
    workspace.apply(workspace.new_plan("甲站 3月", NEXT, source, ["A"]))
    # The next plan of the earlier one, for the other station, over the same dates: it follows the
    # plan asked for, not the one ending last.
    source = workspace.carry_source(first.id)
    assert source is not None and source.plan_id == first.id
    workspace.apply(workspace.new_plan("乙站 3月", NEXT, source, ["B"]))
    assert [(p.name, p.period, p.stations) for p in workspace.plans()[1:]] == [
        ("甲站 3月", NEXT, ("A",)), ("乙站 3月", NEXT, ("B",))]
    latest = workspace.carry_source()
    assert latest is not None and latest.plan_name == "乙站 3月"


def test_someone_on_duty_in_a_plan_of_other_stations_is_away_that_day(workspace: Workspace) -> None:
    first = workspace.plans()[0]
    source = workspace.carry_source(first.id)
    assert source is not None
    workspace.apply(workspace.new_plan("甲站 3月", NEXT, source, ["A"]))
    workspace.apply(workspace.new_plan("乙站 3月", NEXT, source, ["B"]))
    a, b = workspace.plans()[1:]
    day = NEXT.start
    # 李四 (P2) may work anywhere: on duty at 甲站 on the first day of March
    workspace.store.save_schedule(a.id, Schedule((Assignment(day, "D", "A", "P2", "r2"),)))
    view = workspace.roster(b.id)
    assert view.elsewhere == {("P2", day): "甲站 3月"}
    away = view.absence("P2", day)
    assert away is not None and "甲站 3月" in away.reason
    # so the solver and the validator keep them off that day there
    report = check(view.scenario, (Assignment(day, "D", "B", "P2", "r2"),), view.calendar)
    assert [v.rule for v in report.hard] == ["absence"]
    # the plan of 甲站 itself is not blocked by its own roster, and a plan of every station by none
    assert workspace.roster(a.id).elsewhere == {}
    assert workspace.roster(first.id).elsewhere == {}
