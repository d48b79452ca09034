"""Single edits: one transaction each, the user's order kept, and undo by the inverse edit exact."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    FixedAssignment,
    Party,
    Request,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.storage import Database, InvalidDataError, StorageError

D = dt.date


@pytest.fixture
def filled(db: Database, rich: Scenario) -> Database:
    db.import_scenario(rich)
    return db


def ids(items: tuple[object, ...]) -> list[str]:
    return [item.id for item in items]  # type: ignore[attr-defined]


# --- stations, roles, shift types ---------------------------------------------------------


def test_a_station_is_added_where_asked_and_deleted_back_to_the_same_state(filled: Database, rich: Scenario) -> None:
    filled.add_station(Station("S3", "三号站", "三号站临时党支部", "0371-3"), 1)
    assert ids(filled.stations()) == ["G310W", "S3", "S2"]
    filled.add_station(Station("S4", "四号站"))
    assert ids(filled.stations()) == ["G310W", "S3", "S2", "S4"]

    assert filled.delete_station("S3") == 1
    assert filled.delete_station("S4") == 2
    assert filled.export_scenario() == rich


def test_renaming_an_id_carries_every_reference(filled: Database, rich: Scenario) -> None:
    filled.update_station("G310W", Station("G310", "310国道", "支部", "110"))
    filled.update_role("police", Role("pol", "民警"))
    filled.update_shift_type("N", ShiftType("NN", "大夜班", 22 * 60, 6 * 60, night=True))
    scenario = filled.export_scenario()

    assert scenario.stations[0] == Station("G310", "310国道", "支部", "110")
    assert scenario.staff[0].stations == ("G310",)
    assert scenario.staff[2].roles == ("medic", "pol")
    assert scenario.cover[0].station == "G310" and "pol" in scenario.cover[0].roles
    assert scenario.cover[0].shift == "NN"
    assert scenario.rule_sets[1].rules[2].shifts == ("NN",)
    assert scenario.requests[0].shift == "NN"
    assert scenario.fixed[0].station == "G310"

    filled.update_station("G310", rich.stations[0])  # the undo
    filled.update_role("pol", rich.roles[0])
    filled.update_shift_type("NN", rich.shift_types[2])
    assert filled.export_scenario() == rich


def test_moving_keeps_everything_else(filled: Database, rich: Scenario) -> None:
    filled.move_role("cadre", 0)
    assert ids(filled.roles()) == ["cadre", "police", "medic", "leader"]
    filled.move_shift_type("D", 3)
    assert ids(filled.shift_types()) == ["E", "N", "24h", "D"]
    filled.move_role("cadre", 3)
    filled.move_shift_type("D", 0)
    assert filled.export_scenario() == rich


@pytest.mark.parametrize(("delete", "words"), [
    (lambda db: db.delete_station("G310W"), ['"310国道巩义方向防疫服务站"', "2 people", "2 cover entries",
                                             "1 fixed assignment"]),
    (lambda db: db.delete_role("police"), ['"民警"', "2 people", "2 cover entries"]),
    (lambda db: db.delete_shift_type("N"), ['"夜班"', "4 rules", "1 cover entry", "1 request",
                                            "1 fixed assignment", "1 shift in the history"]),
    (lambda db: db.delete_rule_set("standard"), ['"standard"', "1 person,", "1 person who follows it by default"]),
])
def test_what_is_still_used_cannot_be_deleted_and_the_message_says_by_what(
        filled: Database, rich: Scenario, delete: object, words: list[str]) -> None:
    with pytest.raises(InvalidDataError, match="cannot be deleted") as caught:
        delete(filled)  # type: ignore[operator]
    for word in words:
        assert word in str(caught.value)
    assert filled.export_scenario() == rich


def test_a_station_on_a_saved_roster_cannot_be_deleted(db: Database, minimal: Scenario) -> None:
    scenario = dataclasses.replace(minimal, staff=(StaffMember("P1", "甲"),))
    plan = db.import_scenario(scenario)
    db.save_schedule(plan, Schedule((scenario_assignment(),)))
    with pytest.raises(InvalidDataError, match="1 assignment in saved rosters"):
        db.delete_station("A")


def scenario_assignment() -> object:
    from shiftplan.domain.model import Assignment
    return Assignment(D(2024, 1, 1), "S", "A", "P1")


def test_an_unused_role_and_shift_type_can_be_deleted(db: Database, minimal: Scenario) -> None:
    db.import_scenario(dataclasses.replace(minimal, roles=(Role("r", "岗位"),)))
    assert db.delete_role("r") == 0
    db.add_shift_type(ShiftType("X", "加班", 20 * 60, 22 * 60))
    assert db.delete_shift_type("X") == 1
    assert db.roles() == ()


def test_an_id_that_is_taken_or_empty_is_refused(filled: Database, rich: Scenario) -> None:
    with pytest.raises(InvalidDataError, match='already a station with the ID "S2"'):
        filled.add_station(Station("S2", "重复"))
    with pytest.raises(InvalidDataError, match='already a role with the ID "medic"'):
        filled.update_role("police", Role("medic", "民警"))
    with pytest.raises(InvalidDataError, match="must not be empty"):
        filled.add_role(Role(" ", "空"))
    with pytest.raises(InvalidDataError, match='station "nowhere" does not exist'):
        filled.update_station("nowhere", Station("x", "x"))
    assert filled.export_scenario() == rich


def test_shift_times_out_of_range_are_refused(filled: Database) -> None:
    with pytest.raises(InvalidDataError, match="must start between"):
        filled.add_shift_type(ShiftType("X", "坏", 24 * 60, 60))
    with pytest.raises(InvalidDataError, match="must start between"):
        filled.update_shift_type("D", ShiftType("D", "白班", 8 * 60, 0))


# --- rule sets ----------------------------------------------------------------------------


def test_a_rule_set_is_renamed_and_given_new_rules(filled: Database, rich: Scenario) -> None:
    rules = (Rule(RuleKind.FORBIDDEN_SUCCESSION, shifts=("N",), next_shifts=("D",), weight=4),
             Rule(RuleKind.MAX_HOURS, 160.5))
    filled.update_rule_set("standard", RuleSet("常规", rules))
    scenario = filled.export_scenario()
    assert scenario.rule_sets[1] == RuleSet("常规", rules)
    assert scenario.staff[2].rule_set == "常规"

    filled.update_rule_set("常规", rich.rule_sets[1])
    assert filled.export_scenario() == rich


def test_a_rule_naming_an_unknown_shift_changes_nothing(filled: Database, rich: Scenario) -> None:
    with pytest.raises(InvalidDataError, match='shift type "Z"'):
        filled.update_rule_set("empty", RuleSet("empty", (Rule(RuleKind.MAX_SHIFTS, 3, shifts=("Z",)),)))
    assert filled.export_scenario() == rich


def test_rule_sets_are_added_moved_and_deleted(filled: Database, rich: Scenario) -> None:
    filled.add_rule_set(RuleSet("夜班组", (Rule(RuleKind.MAX_WEEKENDS, 2, weight=1),)), 0)
    assert ids(filled.rule_sets()) == ["夜班组", "带班", "standard", "empty"]
    filled.move_rule_set("夜班组", 3)
    assert filled.delete_rule_set("夜班组") == 3
    assert filled.export_scenario() == rich


# --- staff --------------------------------------------------------------------------------


def test_people_are_added_together_where_asked(filled: Database) -> None:
    new = (StaffMember("N1", "新一", roles=("police",), stations=("S2",)),
           StaffMember("N2", "新二", party=Party.MEMBER))
    filled.add_staff(new, 1)
    assert ids(filled.staff()) == ["P001", "N1", "N2", "p001", "P003", "P004"]
    assert filled.staff()[1:3] == new


def test_people_are_updated_together_even_swapping_ids(filled: Database, rich: Scenario) -> None:
    a, b = rich.staff[0], rich.staff[2]
    filled.update_staff({a.id: dataclasses.replace(a, id=b.id, team="二组"),
                         b.id: dataclasses.replace(b, id=a.id, stations=None, roles=("cadre",))})
    staff = filled.staff()
    assert (staff[0].id, staff[0].name, staff[0].team) == ("P003", "张琳", "二组")
    assert (staff[2].id, staff[2].stations, staff[2].roles) == ("P001", None, ("cadre",))
    # leave and requests belong to the person, whatever their ID becomes
    absences = filled.export_scenario().absences
    assert absences[0].staff == "P001"  # 王芳's leave, 王芳 now being P001

    filled.update_staff({"P003": a, "P001": b})
    assert filled.export_scenario() == rich


def test_a_bulk_update_is_all_or_nothing(filled: Database, rich: Scenario) -> None:
    with pytest.raises(InvalidDataError, match='role "nurse"'):
        filled.update_staff({"P001": dataclasses.replace(rich.staff[0], team="X"),
                             "P003": dataclasses.replace(rich.staff[2], roles=("nurse",))})
    with pytest.raises(InvalidDataError, match='already a person with the ID "P004"'):
        filled.update_staff({"P001": dataclasses.replace(rich.staff[0], id="P004")})
    assert filled.export_scenario() == rich


def test_deleting_people_takes_their_leave_and_requests_and_restoring_puts_all_back(db: Database,
                                                                                     rich: Scenario) -> None:
    scenario = dataclasses.replace(rich, fixed=(), history=dataclasses.replace(rich.history, assignments=(),
                                                                               counts=()))
    db.import_scenario(scenario)
    db.delete_staff(["P003", "p001"])
    after = db.export_scenario()
    assert ids(after.staff) == ["P001", "P004"]
    assert after.absences == ()
    assert [r.staff for r in after.requests] == ["P001", "P004"]

    db.restore_staff([(1, scenario.staff[1]), (2, scenario.staff[2])],
                     [(0, scenario.absences[0]), (1, scenario.absences[1])],
                     [(1, scenario.requests[1])])
    assert db.export_scenario() == scenario


def test_someone_the_plan_names_cannot_be_deleted(filled: Database, rich: Scenario) -> None:
    with pytest.raises(InvalidDataError, match=r"张琳 cannot be deleted.*1 fixed assignment.*last day"):
        filled.delete_staff(["P004", "P001"])
    assert filled.export_scenario() == rich


def test_saving_staff_updates_adds_and_is_undone_by_saving_back(filled: Database, rich: Scenario) -> None:
    changed = dataclasses.replace(rich.staff[3], phone="139", team="三组")
    new = StaffMember("N9", "新人", roles=("medic",), rule_set="带班")
    earlier = filled.save_staff([changed, new])
    assert earlier == (rich.staff[3],)
    assert filled.staff()[3] == changed and filled.staff()[4] == new

    filled.save_staff(earlier, remove=["N9"])
    assert filled.export_scenario() == rich


def test_saving_staff_is_all_or_nothing(filled: Database, rich: Scenario) -> None:
    with pytest.raises(InvalidDataError, match='station "S9"'):
        filled.save_staff([StaffMember("N1", "甲"), StaffMember("N2", "乙", stations=("S9",))])
    with pytest.raises(InvalidDataError, match='"N1" is given to more than one'):
        filled.save_staff([StaffMember("N1", "甲"), StaffMember("N1", "乙")])
    assert filled.export_scenario() == rich


# --- leave and requests -------------------------------------------------------------------


def test_leave_is_added_changed_and_deleted_by_index(filled: Database, rich: Scenario) -> None:
    leave = Absence("P004", D(2020, 2, 14), D(2020, 2, 16), "事假")
    filled.add_absence(leave, 1)
    assert filled.export_scenario().absences == (rich.absences[0], leave, rich.absences[1])
    longer = dataclasses.replace(leave, end=D(2020, 2, 18))
    filled.update_absence(1, leave, longer)
    assert filled.export_scenario().absences[1] == longer
    filled.delete_absence(1, longer)
    assert filled.export_scenario() == rich


def test_a_leave_changed_meanwhile_or_ending_before_it_starts_is_refused(filled: Database, rich: Scenario) -> None:
    stale = dataclasses.replace(rich.absences[0], reason="别的")
    with pytest.raises(InvalidDataError, match="changed meanwhile"):
        filled.update_absence(0, stale, rich.absences[0])
    with pytest.raises(InvalidDataError, match="changed meanwhile"):
        filled.delete_absence(5, rich.absences[0])
    with pytest.raises(InvalidDataError, match="cannot end before it starts"):
        filled.add_absence(Absence("P001", D(2020, 2, 10), D(2020, 2, 9)))
    with pytest.raises(InvalidDataError, match='person "nobody"'):
        filled.add_absence(Absence("nobody", D(2020, 2, 10), D(2020, 2, 10)))
    assert filled.export_scenario() == rich


def test_requests_are_added_changed_and_deleted_by_index(filled: Database, rich: Scenario) -> None:
    request = Request("P001", D(2020, 2, 20), True, None, 2)
    filled.add_request(request)
    assert filled.export_scenario().requests[-1] == request
    other = dataclasses.replace(request, want=False, shift="E")
    filled.update_request(3, request, other)
    assert filled.export_scenario().requests[-1] == other
    filled.delete_request(3, other)
    assert filled.export_scenario() == rich
    with pytest.raises(InvalidDataError, match="cannot be negative"):
        filled.add_request(dataclasses.replace(request, weight=-1))


# --- cover and calendar -------------------------------------------------------------------


def test_the_cover_list_is_replaced_whole_in_its_order(filled: Database, rich: Scenario) -> None:
    cover = (Cover(shift="N", days=("restday",), min=3, roles={"leader": 1}), rich.cover[0])
    filled.set_cover(cover)
    assert filled.export_scenario().cover == cover
    with pytest.raises(InvalidDataError, match="some days"):
        filled.set_cover((Cover(days=()),))
    with pytest.raises(InvalidDataError, match='role "boss"'):
        filled.set_cover((Cover(roles={"boss": 1}),))
    filled.set_cover(rich.cover)
    assert filled.export_scenario() == rich


def test_the_plans_calendar_is_replaced_whole(filled: Database, rich: Scenario) -> None:
    calendar = CalendarSpec("CN", holidays=(D(2027, 2, 6),), workdays=(D(2027, 2, 14), D(2027, 2, 20)))
    filled.set_calendar(None, calendar)
    assert filled.export_scenario().calendar == calendar
    with pytest.raises(InvalidDataError, match="2027-02-06 cannot be both"):
        filled.set_calendar(None, CalendarSpec(holidays=(D(2027, 2, 6),), workdays=(D(2027, 2, 6),)))
    filled.set_calendar(None, rich.calendar)
    assert filled.export_scenario() == rich


def test_every_edit_error_is_a_storage_error_with_a_message(filled: Database) -> None:
    with pytest.raises(StorageError) as caught:
        filled.add_staff([StaffMember("P001", "重复")])
    assert str(caught.value) == 'There is already a person with the ID "P001".'


def test_fixed_assignments_keep_their_person_when_others_are_deleted(filled: Database, rich: Scenario) -> None:
    filled.delete_staff(["P004"])
    assert filled.export_scenario().fixed == rich.fixed
    assert filled.export_scenario().fixed[0] == FixedAssignment("P001", D(2020, 2, 3), "D", "G310W", "leader")
