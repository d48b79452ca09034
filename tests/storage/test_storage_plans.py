"""More than one plan: a plan added beside the others, and deleted again while it has no roster."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from shiftplan.domain.model import History, HistoryCount, HistoryShift, Period, Scenario, Schedule
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
