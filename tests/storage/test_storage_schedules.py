"""Saved schedules: numbered per plan, read back whole."""

from __future__ import annotations

import datetime as dt

import pytest

from shiftplan.domain.model import Assignment, FixedAssignment, Scenario, Schedule, Status, Violation
from shiftplan.storage import Database, InvalidDataError, PlanNotFoundError

D = dt.date


def solved() -> Schedule:
    return Schedule(
        assignments=(Assignment(D(2020, 2, 3), "D", "G310W", "P001", "leader"),
                     Assignment(D(2020, 2, 3), "N", "S2", "p001"),
                     Assignment(D(2020, 2, 4), "24h", "G310W", "P003", "medic")),
        status=Status.OPTIMAL,
        scenario="310国道巩义方向防疫服务站 2020年2月",
        objective=120.25,
        violations=(
            Violation("min_days_off_per_week", 5, staff="P001", dates=(D(2020, 2, 10), D(2020, 2, 3))),
            Violation("fair_nights", 115.25, group="民警 · G310W · standard", detail="差 2 个夜班"),
            Violation("cover_min", 0, hard=True, shift="N", station="gone", role="medic"),
        ),
    )


def test_a_schedule_comes_back_exactly(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    assert db.latest_schedule(plan_id) is None
    db.save_schedule(plan_id, solved())
    assert db.latest_schedule(plan_id) == solved()


def test_an_infeasible_answer_keeps_its_explanation(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    answer = Schedule((), Status.INFEASIBLE, "x", None, (), ("2月3日 夜班 需要 14 人，只有 4 人可排。", "Second."))
    db.save_schedule(plan_id, answer)
    assert db.latest_schedule(plan_id) == answer


def test_versions_count_up_per_plan_and_the_latest_wins(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    first = db.save_schedule(plan_id, solved())
    second = db.save_schedule(plan_id, Schedule(solved().assignments[:1], Status.FEASIBLE))
    infos = db.schedules(plan_id)
    assert [(i.id, i.version, i.status) for i in infos] == [(first, 1, Status.OPTIMAL), (second, 2, Status.FEASIBLE)]
    assert infos[0].objective == 120.25 and infos[1].objective is None
    now = dt.datetime.now(dt.UTC)
    assert all(now - dt.timedelta(minutes=5) < i.created_at <= now for i in infos)
    latest = db.latest_schedule(plan_id)
    assert latest is not None and latest.assignments == solved().assignments[:1]
    assert db.schedule(first) == solved() and db.schedule(second) == latest
    assert db.schedule(second + 100) is None


def test_a_schedule_naming_an_unknown_person_is_refused_whole(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    bad = Schedule((*solved().assignments, Assignment(D(2020, 2, 5), "D", "G310W", "P999")))
    with pytest.raises(InvalidDataError, match='person "P999"'):
        db.save_schedule(plan_id, bad)
    assert db.schedules(plan_id) == []


def test_schedules_of_an_unknown_plan_are_refused(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    with pytest.raises(PlanNotFoundError):
        db.save_schedule(plan_id + 1, solved())
    with pytest.raises(PlanNotFoundError):
        db.latest_schedule(plan_id + 1)


def test_a_new_import_drops_the_old_schedules(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    db.save_schedule(plan_id, solved())
    new_plan = db.import_scenario(rich)
    assert db.latest_schedule(new_plan) is None


# --- hand edits of the latest roster --------------------------------------------------------


def test_a_hand_edit_changes_the_latest_roster_in_place(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    db.save_schedule(plan_id, solved())
    first, second, third = solved().assignments
    moved = Assignment(third.date, third.shift, third.station, "P001", "leader")
    edited = Schedule((first, second, moved), Status.FEASIBLE, "x", 7.0, (Violation("request", 7, staff="P001"),))
    fixed = (FixedAssignment("P001", first.date, first.shift, first.station, first.role),)
    # the stored order means nothing: the check is of the assignments as a whole
    db.edit_roster(plan_id, (third, first, second), edited, rich.fixed, fixed)
    assert len(db.schedules(plan_id)) == 1
    stored = db.latest_schedule(plan_id)
    assert stored is not None and set(stored.assignments) == {first, second, moved}
    assert (stored.status, stored.objective, stored.violations) == (Status.FEASIBLE, 7.0, edited.violations)
    assert db.export_scenario(plan_id).fixed == fixed
    db.edit_roster(plan_id, edited.assignments, solved(), fixed, rich.fixed)  # and back
    back = db.latest_schedule(plan_id)
    assert back is not None and set(back.assignments) == set(solved().assignments)
    assert back.violations == solved().violations and db.export_scenario(plan_id).fixed == rich.fixed


def test_a_hand_edit_of_a_roster_changed_meanwhile_is_refused(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    db.save_schedule(plan_id, solved())
    with pytest.raises(InvalidDataError, match="changed meanwhile"):
        db.edit_roster(plan_id, solved().assignments[:2], Schedule(()), rich.fixed, rich.fixed)
    with pytest.raises(InvalidDataError, match="changed meanwhile"):
        db.edit_roster(plan_id, None, Schedule(()), rich.fixed, rich.fixed)  # it has a roster
    with pytest.raises(InvalidDataError, match="changed meanwhile"):
        db.edit_roster(plan_id, solved().assignments, Schedule(()), (), ())  # the fixed ones differ
    assert db.latest_schedule(plan_id) == solved()


def test_a_first_hand_edit_makes_the_first_roster_and_its_undo_deletes_it(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    db.edit_roster(plan_id, None, solved(), rich.fixed, rich.fixed)
    assert [s.version for s in db.schedules(plan_id)] == [1]
    db.edit_roster(plan_id, solved().assignments, None, rich.fixed, rich.fixed)
    assert db.latest_schedule(plan_id) is None and db.schedules(plan_id) == []


def test_a_published_roster_is_never_changed_an_edit_makes_a_new_draft(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    schedule_id = db.save_schedule(plan_id, solved())
    db.set_published(schedule_id)
    [info] = db.schedules(plan_id)
    assert info.published and info.published_at is not None
    first, second, _third = solved().assignments
    edited = Schedule((first, second), Status.FEASIBLE, "x", 1.0)
    with pytest.raises(InvalidDataError, match="published"):
        db.edit_roster(plan_id, solved().assignments, edited, rich.fixed, rich.fixed)
    with pytest.raises(InvalidDataError, match="published"):
        db.edit_roster(plan_id, solved().assignments, None, rich.fixed, rich.fixed)  # nor deleted
    db.edit_roster(plan_id, solved().assignments, edited, rich.fixed, rich.fixed, new_version=True)
    assert [(s.version, s.published) for s in db.schedules(plan_id)] == [(1, True), (2, False)]
    assert db.schedule(schedule_id) == solved()
    latest = db.latest_schedule(plan_id)
    assert latest is not None and latest.assignments == edited.assignments
    db.edit_roster(plan_id, edited.assignments, None, rich.fixed, rich.fixed)  # the undo: the draft goes
    assert [(s.version, s.published) for s in db.schedules(plan_id)] == [(1, True)]
    db.set_published(schedule_id, False)
    assert not db.schedules(plan_id)[0].published
