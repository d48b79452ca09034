"""More than one plan: a plan added beside the others, and deleted again while it has no roster."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from shiftplan.domain.model import Assignment, History, HistoryCount, HistoryShift, Period, Scenario, Schedule
from shiftplan.storage import Database, InvalidDataError

D = dt.date


def test_a_plan_is_added_beside_the_others_and_deleted_again(db: Database, rich: Scenario) -> None:
    first = db.import_scenario(rich)
    db.save_schedule(first, Schedule(()))
    before = db.export_scenario(first)
    history = History(D(2020, 2, 23), (HistoryShift(rich.staff[0].id, D(2020, 2, 29), rich.shift_types[0].id),),
                      (HistoryCount(rich.staff[0].id, 9, 3, 2, 1),))
    period = Period(D(2020, 3, 1), D(2020, 3, 28))
    later = dataclasses.replace(before, name="三月", period=period, fixed=(), history=history)
    second = db.add_plan(later)

    assert [p.id for p in db.plans()] == [first, second]
    assert db.export_scenario(second) == later
    assert db.export_scenario(first) == before
    assert len(db.schedules(first)) == 1 and db.schedules(second) == []

    db.delete_plan(second)
    assert [p.id for p in db.plans()] == [first]
    assert db.export_scenario(first) == before
    with pytest.raises(InvalidDataError, match="saved rosters"):
        db.delete_plan(first)


def test_a_plan_for_some_stations_rosters_only_them_and_their_people(db: Database, rich: Scenario) -> None:
    first = db.import_scenario(rich)
    assert db.plans()[0].stations == ()  # an imported plan rosters every station
    assert db.export_scenario(first) == rich
    later = dataclasses.replace(db.export_scenario(first), name="二号站 三月",
                                period=Period(D(2020, 3, 2), D(2020, 3, 29)), fixed=(), history=History(D(2020, 3, 2)))
    second = db.add_plan(later, ["S2"])

    assert [p.stations for p in db.plans()] == [(), ("S2",)]
    scoped = db.export_scenario(second)
    assert [s.id for s in scoped.stations] == ["S2"]
    # p001 may work anywhere; P004 at S2 and G310W, now S2 only; P001 (G310W) and P003 (nowhere) are out
    assert [(p.id, p.stations) for p in scoped.staff] == [("p001", None), ("P004", ("S2",))]
    assert all(c.station in (None, "S2") for c in scoped.cover) and len(scoped.cover) == 2
    assert {a.staff for a in scoped.absences} == {"p001"} and {r.staff for r in scoped.requests} == {"P004"}
    # the master data is all still there, for the screens and a lossless export
    assert db.export_scenario(second, whole=True).staff == rich.staff

    db.set_plan_stations(second, ["G310W", "S2"])
    assert db.plans()[1].stations == ("G310W", "S2")
    db.set_plan_stations(second, [])
    assert db.plans()[1].stations == () and db.export_scenario(second).staff == rich.staff


def test_a_station_a_plan_rosters_cannot_be_deleted(db: Database, rich: Scenario) -> None:
    alone = dataclasses.replace(rich, staff=tuple(p for p in rich.staff if p.stations is None), cover=(),
                                absences=(), requests=(), fixed=(), history=History())
    first = db.import_scenario(alone)
    db.set_plan_stations(first, ["S2"])
    with pytest.raises(InvalidDataError, match="1 plan"):
        db.delete_station("S2")
    db.set_plan_stations(first, [])
    db.delete_station("S2")
    assert [s.id for s in db.stations()] == ["G310W"]


def test_a_printed_roster_is_kept_as_it_was(db: Database, rich: Scenario) -> None:
    plan = db.import_scenario(rich)
    assert db.prints(plan) == []
    printed = (Assignment(D(2020, 2, 3), "D", "G310W", "P001", "leader"), Assignment(D(2020, 2, 4), "N", "S2", "p001"))
    db.record_print(plan, 1, "sheet", ["G310W"], D(2020, 2, 3), D(2020, 2, 9), printed)
    db.record_print(plan, 2, "slips", [], D(2020, 2, 3), D(2020, 3, 1), printed[:1])
    first, second = db.prints(plan)[::-1]
    assert (second.version, second.kind, second.stations, second.assignments) == (2, "slips", (), printed[:1])
    assert (first.version, first.kind, first.stations, first.first_day, first.last_day, first.assignments) == (
        1, "sheet", ("G310W",), D(2020, 2, 3), D(2020, 2, 9), printed)
    assert first.printed_at.tzinfo is not None and first.printed_at <= second.printed_at
