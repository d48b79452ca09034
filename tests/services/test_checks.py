"""The checks of what the user typed: one message per field, saying what to do."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shiftplan.domain.model import Absence, Cover, Request, Role, ShiftType, StaffMember, Station
from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.services import checks

D = dt.date


def test_names_and_ids() -> None:
    others = [Station("A", "甲站")]
    assert checks.station(Station("B", "乙站"), others) == {}
    assert checks.station(Station("A", " "), others) == {"id": "The ID “A” is already used.",
                                                         "name": "Enter the station's name."}
    assert checks.station(Station(" B", "甲站 "), others) == {
        "id": "An ID cannot begin or end with a space.", "name": "Another station is already called “甲站”."}
    assert checks.role(Role("", "x"), [])["id"] == "Enter an ID."
    assert checks.shift_type(ShiftType("N", "", 0, 480), []) == {"name": "Enter the shift's name."}


def test_people() -> None:
    assert checks.person(StaffMember("P1", "张三", roles=("r",)), [], True) == {}
    problems = checks.person(StaffMember("P1", "", stations=(), active_from=D(2020, 2, 2),
                                         active_to=D(2020, 2, 1)), [StaffMember("P1", "李四")], True)
    assert set(problems) == {"id", "name", "roles", "stations", "active_to"}
    assert checks.person(StaffMember("P2", "王五"), [], False) == {}  # no roles defined: none needed


def test_rules() -> None:
    assert checks.rule(Rule(RuleKind.MIN_REST_HOURS, 11.5)) == {}
    assert checks.rule(Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 5.5)) == {"value": "The value must be a whole number."}
    assert checks.rule(Rule(RuleKind.MAX_SHIFTS_PER_DAY, 0))["value"] == "At least one shift a day must be allowed."
    assert set(checks.rule(Rule(RuleKind.FORBIDDEN_SUCCESSION))) == {"shifts", "next_shifts"}
    assert checks.rule(Rule(RuleKind.MAX_WEEKENDS, 2, weight=0)) == {"weight": "A soft rule needs a weight above "
                                                                               "zero."}
    assert checks.rule(Rule(RuleKind.MAX_HOURS, -1)) == {"value": "The value cannot be negative."}


def test_cover() -> None:
    assert checks.cover(Cover(min=2, max=3, target=3, roles={"a": 1})) == {}
    problems = checks.cover(Cover(days=(), min=4, max=3, target=5, roles={"a": 2, "b": 2}, party_min=4))
    assert set(problems) == {"days", "max", "target", "roles", "party_min"}
    assert problems["roles"] == "The role minimums add up to 4, more than the maximum of 3."


def test_leave_and_requests() -> None:
    leave = Absence("P1", D(2020, 2, 1), D(2020, 2, 3))
    assert checks.absence(leave, []) == {}
    assert checks.absence(Absence("P1", D(2020, 2, 3), D(2020, 2, 4)), [leave]) == {
        "start": "This overlaps the leave from 2020-02-01 to 2020-02-03."}
    assert checks.absence(Absence("P2", D(2020, 2, 3), D(2020, 2, 4)), [leave]) == {}  # someone else's
    request = Request("P1", D(2020, 2, 1), False)
    assert checks.request(request, [request]) == {"date": "There is already a request for this day and shift."}
    assert checks.request(Request("P1", D(2020, 2, 1), True, "N", 0), []) == {"weight": "The weight must be above "
                                                                                        "zero."}


def test_phones_of_people_and_stations() -> None:
    assert checks.person(StaffMember("P1", "张三", phone="+86 138 0013 8000"), [], False) == {}
    assert checks.station(Station("A", "甲站", phone="0371-6789 1234"), []) == {}
    problems = checks.person(StaffMember("P1", "张三", phone="12345"), [], False)
    assert problems["phone"].startswith("“12345” is not a phone number.")
    assert "phone" in checks.station(Station("A", "甲站", phone="6400"), [])
    # a malformed phone stored earlier (e.g. from a scenario file) does not block editing something else
    old = StaffMember("P1", "张三", phone="12345")
    assert checks.person(dataclasses.replace(old, team="一组"), [], False, old) == {}
    assert checks.station(Station("A", "乙站", phone="6400"), [], Station("A", "甲站", phone="6400")) == {}
