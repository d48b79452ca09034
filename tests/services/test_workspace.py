"""The workspace's edits: each one transaction, and going backward restores exactly what was there."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from shiftplan.domain.cover import Slot
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.official_calendar import official_calendar
from shiftplan.services.workspace import Changes, Edit, Workspace
from shiftplan.storage import Database

D = dt.date


def scenario() -> Scenario:
    return Scenario(
        name="测试",
        period=Period(D(2020, 1, 20), D(2020, 2, 16)),
        shift_types=(ShiftType("D", "白班", 480, 960), ShiftType("N", "夜班", 0, 480, night=True)),
        stations=(Station("A", "甲站", "甲站支部", "1"), Station("B", "乙站")),
        roles=(Role("r1", "民警"), Role("r2", "医务")),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6),)), RuleSet("x"), RuleSet("unused")),
        staff=(StaffMember("P1", "张三", roles=("r1",), stations=("A",)),
               StaffMember("P2", "李四", roles=("r2",), party=Party.MEMBER),
               StaffMember("P3", "王五", roles=("r1", "r2"), rule_set="x")),
        cover=(Cover(station="A", min=2), Cover(station="A", shift="N", days=("holiday",), min=1)),
        absences=(Absence("P2", D(2020, 1, 25), D(2020, 1, 27), "病假"), Absence("P1", D(2020, 2, 1), D(2020, 2, 1))),
        requests=(Request("P3", D(2020, 2, 3), False, "N", 2), Request("P2", D(2020, 2, 4), True)),
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    db = Database.open(f"sqlite:///{tmp_path / 'w.db'}")
    db.import_scenario(scenario())
    workspace = Workspace(db, official_calendar())
    yield workspace
    workspace.close()


EDITS: dict[str, Callable[[Workspace], Edit]] = {
    "add station": lambda w: w.add_station(Station("C", "丙站"), 1),
    "rename station id": lambda w: w.update_station(w.scenario.stations[0], Station("A1", "甲站", "支部", "2")),
    "delete station": lambda w: w.delete_station(w.scenario.stations[1]),
    "move station": lambda w: w.move_station(w.scenario.stations[1], 0),
    "add role": lambda w: w.add_role(Role("r3", "带班")),
    "update role": lambda w: w.update_role(w.scenario.roles[1], Role("med", "医生")),
    "add shift": lambda w: w.add_shift_type(ShiftType("E", "中班", 960, 1440), 1),
    "update shift": lambda w: w.update_shift_type(w.scenario.shift_types[0], ShiftType("D", "早班", 420, 900)),
    "move shift": lambda w: w.move_shift_type(w.scenario.shift_types[1], 0),
    "add rule set": lambda w: w.add_rule_set(RuleSet("y", (Rule(RuleKind.MAX_WEEKENDS, 2),))),
    "change rules": lambda w: w.update_rule_set(w.scenario.rule_sets[0], RuleSet("standard", ())),
    "delete rule set": lambda w: w.delete_rule_set(w.scenario.rule_sets[2]),
    "move rule set": lambda w: w.move_rule_set(w.scenario.rule_sets[2], 0),
    "add person": lambda w: w.add_person(StaffMember("P4", "赵六", roles=("r1",))),
    "update people": lambda w: w.update_people([(p, dataclasses.replace(p, team="一组")) for p in w.scenario.staff]),
    "rename person id": lambda w: w.update_people([(w.scenario.staff[1], dataclasses.replace(w.scenario.staff[1],
                                                                                             id="Q2"))]),
    "delete people": lambda w: w.delete_people(w.scenario.staff[1:2]),
    "import people": lambda w: w.import_people([StaffMember("P9", "新", roles=("r2",)),
                                                dataclasses.replace(w.scenario.staff[0], phone="9")]),
    "add absence": lambda w: w.add_absence(Absence("P3", D(2020, 2, 10), D(2020, 2, 11))),
    "update absence": lambda w: w.update_absence(w.scenario.absences[0],
                                                 dataclasses.replace(w.scenario.absences[0], reason="事假")),
    "delete absence": lambda w: w.delete_absence(w.scenario.absences[0]),
    "add request": lambda w: w.add_request(Request("P1", D(2020, 2, 5), True, "D")),
    "update request": lambda w: w.update_request(w.scenario.requests[1],
                                                 dataclasses.replace(w.scenario.requests[1], weight=4)),
    "delete request": lambda w: w.delete_request(w.scenario.requests[0]),
    "set cover": lambda w: w.set_cover([w.scenario.cover[1], Cover(min=1)], "cover"),
    "set days": lambda w: w.set_days([D(2020, 2, 3), D(2020, 2, 8)], "holiday"),
    "set calendar": lambda w: w.set_calendar(CalendarSpec("none"), "calendar"),
}


@pytest.mark.parametrize("make", EDITS.values(), ids=EDITS.keys())
def test_every_edit_is_undone_exactly_and_redone(workspace: Workspace, make: Callable[[Workspace], Edit]) -> None:
    before = workspace.scenario
    edit = make(workspace)
    workspace.apply(edit)
    after = workspace.scenario
    assert after != before
    assert workspace.store.export_scenario() == after  # what the screens show is what is stored

    workspace.revert(edit)
    assert workspace.scenario == before
    workspace.apply(edit)
    assert workspace.scenario == after


def test_a_refused_edit_changes_nothing_and_says_why(workspace: Workspace) -> None:
    before = workspace.scenario
    with pytest.raises(UserError, match="still used by 1 person"):
        workspace.apply(workspace.delete_rule_set(workspace.scenario.rule_sets[1]))
    assert workspace.scenario == before


def test_an_edit_of_something_changed_meanwhile_is_refused(workspace: Workspace) -> None:
    stale = dataclasses.replace(workspace.scenario.absences[0], reason="?")
    with pytest.raises(UserError, match="changed meanwhile"):
        workspace.delete_absence(stale)


def test_edits_say_what_they_change(workspace: Workspace) -> None:
    assert workspace.add_station(Station("C", "丙站")).changes == Changes.STATIONS
    assert workspace.delete_people(workspace.scenario.staff[:1]).changes == (
        Changes.STAFF | Changes.ABSENCES | Changes.REQUESTS)
    assert workspace.add_station(Station("C", "丙站")).text == "Add station “丙站”"
    assert workspace.update_people([(p, dataclasses.replace(p, team="x")) for p in workspace.scenario.staff]
                                   ).text == "Change 3 people"


def test_merged_edits_go_forward_to_the_last_and_back_to_the_first(workspace: Workspace) -> None:
    first_cover = workspace.scenario.cover
    one = workspace.set_cover([dataclasses.replace(first_cover[0], min=3), first_cover[1]], "a", "k")
    workspace.apply(one)
    two = workspace.set_cover([dataclasses.replace(first_cover[0], min=4), first_cover[1]], "b", "k")
    workspace.apply(two)
    both = one.merged(two)
    workspace.revert(both)
    assert workspace.scenario.cover == first_cover
    workspace.apply(both)
    assert workspace.scenario.cover[0].min == 4


def test_new_ids_follow_the_existing_ones(workspace: Workspace) -> None:
    assert workspace.next_id(["P001", "P009", "X"], "P") == "P010"
    assert workspace.next_id(["G310W-057", "ZZX-003"], "P") == "G310W-058"
    assert workspace.next_id(["police", "medic"], "R") == "R1"
    assert workspace.next_id([], "S") == "S1"
    assert workspace.next_id(["S1", "S2"], "S") == "S3"


def test_the_cover_need_per_day(workspace: Workspace) -> None:
    need = workspace.cover_need()
    assert need[Slot("A", "D", D(2020, 1, 21))].min == 2
    assert need[Slot("A", "N", D(2020, 1, 25))].min == 1  # Spring Festival: the holiday entry wins
    assert Slot("B", "D", D(2020, 1, 21)) not in need
    changed = workspace.cover_need([Cover(min=5)])  # a preview of entries not stored yet
    assert changed[Slot("B", "D", D(2020, 1, 21))].min == 5


def test_a_year_the_official_calendar_does_not_know(workspace: Workspace) -> None:
    period = Period(D(2099, 1, 1), D(2099, 1, 10))
    state = workspace.calendar_state(period=period)
    assert state.uncovered == (2099,)
    assert state.calendar.is_restday(D(2099, 1, 3))  # a Saturday still rests
    assert not state.calendar.holidays
    own = workspace.calendar_state(CalendarSpec("CN", holidays=(D(2099, 1, 1),)), period)
    assert own.uncovered == ()
    assert own.calendar.is_holiday(D(2099, 1, 1))


def test_the_year_view(workspace: Workspace) -> None:
    year = workspace.year(2020)
    assert year.known and year.official
    day = year.days[D(2020, 1, 25)]
    assert (day.official_holiday, day.holiday, day.restday) == ("Spring Festival", True, True)
    assert year.days[D(2020, 1, 19)].official_workday and not year.days[D(2020, 1, 19)].restday
    workspace.apply(workspace.set_days([D(2020, 1, 19)], "holiday"))
    assert workspace.year(2020).days[D(2020, 1, 19)].override == "holiday"
    assert not workspace.year(2099).known
