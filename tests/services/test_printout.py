"""What the changes page compares with: the roster as it was last printed, else the version before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftplan.domain.model import Assignment, Schedule
from shiftplan.official_calendar import official_calendar
from shiftplan.services.printout import compared_roster, has_previous, print_job, record_printout
from shiftplan.services.workspace import Workspace
from shiftplan.storage import Database
from tests.services.test_workspace import scenario

D = dt.date
FIRST = (Assignment(D(2020, 1, 20), "D", "A", "P1", "r1"), Assignment(D(2020, 1, 20), "D", "A", "P3", "r1"))
EDITED = (Assignment(D(2020, 1, 20), "D", "A", "P1", "r1"), Assignment(D(2020, 1, 20), "D", "A", "P2", "r2"))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    db = Database.open(f"sqlite:///{tmp_path / 'p.db'}")
    db.import_scenario(scenario())
    workspace = Workspace(db, official_calendar())
    yield workspace
    workspace.close()


def plan_id(workspace: Workspace) -> int:
    return workspace.plans()[0].id


def test_without_prints_the_version_before_is_compared(workspace: Workspace) -> None:
    store, plan = workspace.store, plan_id(workspace)
    store.save_schedule(plan, Schedule(FIRST))
    view = workspace.roster(plan)
    assert not has_previous(view, store)
    assert compared_roster(store, plan, view.schedule) == (None, "")
    store.save_schedule(plan, Schedule(EDITED))
    previous, label = compared_roster(store, plan, workspace.roster(plan).schedule)
    assert previous is not None and previous.assignments == FIRST and "1" in label


def test_a_draft_edited_in_place_is_compared_with_what_was_printed(workspace: Workspace) -> None:
    store, plan = workspace.store, plan_id(workspace)
    store.save_schedule(plan, Schedule(FIRST))
    view = workspace.roster(plan)
    job = print_job(view, store, kind="sheet", station="A", start=D(2020, 1, 20), end=D(2020, 1, 26))
    assert record_printout(store, plan, view.plan.version, view.schedule, "sheet", view.scenario.period,
                           job.stations, job.start, job.end)
    assert not record_printout(store, plan, view.plan.version, view.schedule, "fairness", view.scenario.period)
    (printed,) = store.prints(plan)
    assert (printed.kind, printed.stations, printed.first_day, printed.last_day) == (
        "sheet", ("A",), D(2020, 1, 20), D(2020, 1, 26))
    # What was printed is the roster shown: nothing to compare with yet.
    assert not has_previous(workspace.roster(plan), store)

    # The draft is edited in place (same version): the changes page still finds the printed copy.
    store.edit_roster(plan, FIRST, Schedule(EDITED), (), ())
    view = workspace.roster(plan)
    assert view.plan.version == 1 and has_previous(view, store)
    job = print_job(view, store, kind="changes")
    assert job.previous is not None and job.previous.assignments == FIRST
    assert "version 1" in job.previous_label or "第 1 版" in job.previous_label

    # Printing the edited roster makes it the one on the wall; the changes page then compares the
    # next edit with it, and the roster now shown with the copy before.
    record_printout(store, plan, view.plan.version, view.schedule, "slips", view.scenario.period)
    previous, _label = compared_roster(store, plan, view.schedule)
    assert previous is not None and previous.assignments == FIRST
    assert [p.kind for p in store.prints(plan)] == ["slips", "sheet"]
