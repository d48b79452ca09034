"""The demo district: its counts, its consistency, and the proof that it can be rostered."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from shiftplan.demo import STATIONS, TEAMS, build_demo, crew_shift
from shiftplan.domain.calendar import DayCalendar, resolve_calendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import (
    Absence,
    Assignment,
    Cover,
    FixedAssignment,
    HistoryCount,
    HistoryShift,
    Request,
    Scenario,
    StaffMember,
)
from shiftplan.domain.rules import RuleKind
from shiftplan.domain.validation import check
from shiftplan.official_calendar import official_calendar

MARGIN = 1.3  # available people per daily need, for every station, date, role and Party cover


@pytest.fixture(scope="module")
def demo() -> Scenario:
    return build_demo()


@pytest.fixture(scope="module")
def calendar(demo: Scenario) -> DayCalendar:
    return resolve_calendar(demo.calendar, demo.period, official_calendar())


def at(scenario: Scenario, station: str) -> list[StaffMember]:
    return [p for p in scenario.staff if p.may_work_at(station)]


def absent(scenario: Scenario) -> set[tuple[str, dt.date]]:
    return {(a.staff, d) for a in scenario.absences for d in scenario.period.dates() if a.covers(d)}


def barred(scenario: Scenario, person: StaffMember, shift: str) -> bool:
    """Whether a hard rule allows the person none of this shift (volunteers: no nights)."""
    rule_set = scenario.rule_set_of(person)
    rules = rule_set.of_kind(RuleKind.MAX_SHIFTS) if rule_set else []
    return any(r.hard and r.value == 0 and r.applies_to(shift) for r in rules)


# --- counts and consistency --------------------------------------------------------------------


def test_counts(demo: Scenario) -> None:
    assert len(demo.stations) == 8
    assert len(demo.staff) == 304
    first = demo.stations[0]
    assert (first.id, first.name, first.branch) == (
        "G310W", "310国道巩义方向防疫服务站", "310国道巩义方向防疫服务站临时党支部")
    g310 = at(demo, "G310W")
    assert len(g310) == 57
    assert all(p.stations == ("G310W",) for p in g310)
    assert sum(p.is_party_member for p in g310) == 25
    assert (demo.period.start, demo.period.end) == (dt.date(2020, 1, 20), dt.date(2020, 2, 16))
    assert demo.calendar.country == "CN"
    assert [s.id for s in demo.shift_types] == ["D", "E", "N"]


def test_same_demo_on_every_call(demo: Scenario) -> None:
    assert build_demo() == demo


def test_references_are_valid(demo: Scenario) -> None:
    stations = {s.id for s in demo.stations}
    shifts = {s.id for s in demo.shift_types}
    roles = {r.id for r in demo.roles}
    rule_sets = {r.id for r in demo.rule_sets}
    people = {p.id: p for p in demo.staff}
    assert len(people) == len(demo.staff)
    assert len({p.phone for p in demo.staff}) == len(demo.staff)
    for person in demo.staff:
        assert person.stations and set(person.stations) <= stations and len(person.stations) <= 2
        assert 1 <= len(person.roles) <= 2 and set(person.roles) <= roles
        assert person.rule_set in rule_sets and person.team in TEAMS
        assert re.fullmatch(r"1[3-9]\d{9}", person.phone)
        assert 2 <= len(person.name) <= 3
    for station in demo.stations:
        names = [p.name for p in at(demo, station.id)]
        assert len(names) == len(set(names)), station.id
    for entry in demo.cover:
        assert entry.station in stations and entry.shift in shifts | {None} and set(entry.roles) <= roles
    referring: list[Absence | Request | FixedAssignment | HistoryShift | HistoryCount] = [
        *demo.absences, *demo.requests, *demo.fixed, *demo.history.assignments, *demo.history.counts]
    assert {item.staff for item in referring} <= set(people)
    dated: list[Request | FixedAssignment | HistoryShift] = [*demo.requests, *demo.fixed, *demo.history.assignments]
    assert {item.shift for item in dated} <= shifts | {None}
    for fixed in demo.fixed:
        person = people[fixed.staff]
        assert fixed.station in (person.stations or ()) and fixed.role in person.roles
        assert not any(a.staff == fixed.staff and a.covers(fixed.date) for a in demo.absences)
    assert all(a.date < demo.period.start for a in demo.history.assignments)
    assert all(r.date in demo.period for r in demo.requests)
    assert len({(r.staff, r.date) for r in demo.requests}) == len(demo.requests)


def test_floaters_are_few(demo: Scenario) -> None:
    assert 0 < sum(len(p.stations or ()) == 2 for p in demo.staff) <= 6


def test_history_follows_the_rotation_and_counts_match(demo: Scenario) -> None:
    people = {p.id: p for p in demo.staff}
    for shift in demo.history.assignments:
        assert crew_shift(TEAMS.index(people[shift.staff].team), shift.date) == shift.shift
    worked = Counter(a.staff for a in demo.history.assignments)
    assert {c.staff: c.shifts for c in demo.history.counts if c.shifts} == dict(worked)


# --- capacity ----------------------------------------------------------------------------------


def test_capacity_per_station_date_and_role(demo: Scenario, calendar: DayCalendar) -> None:
    """Each person works at most one shift a date: the day's needs must fit with a margin."""
    needs = resolve_cover(demo, calendar)
    away = absent(demo)
    for station in demo.stations:
        staff = at(demo, station.id)
        for day in demo.period.dates():
            present = [p for p in staff if (p.id, day) not in away and p.on_roster(day)]
            slots = [needs[Slot(station.id, s.id, day)] for s in demo.shift_types]
            assert len(present) >= MARGIN * sum(n.min for n in slots), (station.id, day)
            members = sum(p.is_party_member for p in present)
            assert members >= MARGIN * sum(n.party_min for n in slots), (station.id, day)
            night = needs[Slot(station.id, "N", day)]
            assert sum(not barred(demo, p, "N") for p in present) >= MARGIN * night.min, (station.id, day)
            for role in demo.roles:
                holders = sum(role.id in p.roles for p in present)
                need = sum(n.roles.get(role.id, 0) for n in slots)
                assert holders >= MARGIN * need, (station.id, day, role.id)


def test_cover_of_the_310_checkpoint(demo: Scenario, calendar: DayCalendar) -> None:
    needs = resolve_cover(demo, calendar)
    day, night = needs[Slot("G310W", "D", dt.date(2020, 1, 21))], needs[Slot("G310W", "N", dt.date(2020, 1, 21))]
    assert (day.min, day.target, day.max, day.party_min, night.party_min) == (12, 13, 14, 1, 2)
    holiday = needs[Slot("G310W", "D", dt.date(2020, 1, 25))]
    assert holiday.target == 14 and holiday.roles == day.roles  # the holiday entry repeats the minimums
    assert len(needs) == len(STATIONS) * 3 * demo.period.days


# --- a roster exists: the crews' rotation ------------------------------------------------------


def match_roles(crew: list[StaffMember], need: Cover, pinned: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """Who serves which role, and who fills a role minimum (bipartite matching); the rest serve any role held."""
    served = dict(pinned)
    open_slots = [role for role, n in need.roles.items()
                  for _ in range(max(0, n - sum(r == role for r in pinned.values())))]
    holder: dict[str, int] = {}  # person -> index into open_slots

    def augment(slot: int, seen: set[str]) -> bool:
        for person in crew:
            if person.id in served or open_slots[slot] not in person.roles or person.id in seen:
                continue
            seen.add(person.id)
            if person.id not in holder or augment(holder[person.id], seen):
                holder[person.id] = slot
                return True
        return False

    for slot in range(len(open_slots)):
        augment(slot, set())
    served.update({pid: open_slots[slot] for pid, slot in holder.items()})
    essential = set(served)
    for person in crew:
        served.setdefault(person.id, person.roles[0])
    return served, essential


def trim(crew: list[StaffMember], need: Cover, essential: set[str]) -> list[StaffMember]:
    """Send spare people home above the maximum: volunteers first, keeping the Party minimum."""
    if need.max is None or len(crew) <= need.max:
        return crew
    kept = list(crew)
    spare = sorted((p for p in crew if p.id not in essential), key=lambda p: ("volunteer" not in p.roles, p.id))
    for person in spare:
        if len(kept) <= need.max:
            break
        members = sum(p.is_party_member for p in kept)
        if person.is_party_member and members <= need.party_min:
            continue
        kept.remove(person)
    return kept


def rotation_roster(scenario: Scenario, calendar: DayCalendar) -> list[Assignment]:
    """Each crew works its rotation at its home station, minus absences; volunteers skip nights."""
    away = absent(scenario)
    pinned = {(f.staff, f.date, f.shift): f.role for f in scenario.fixed if f.role}
    roster = []
    for slot, need in resolve_cover(scenario, calendar).items():
        crew = [p for p in scenario.staff
                if p.stations and p.stations[0] == slot.station
                and crew_shift(TEAMS.index(p.team), slot.date) == slot.shift
                and (p.id, slot.date) not in away and not barred(scenario, p, slot.shift)]
        mine = {p.id: pinned[(p.id, slot.date, slot.shift)] for p in crew if (p.id, slot.date, slot.shift) in pinned}
        served, essential = match_roles(crew, need, mine)
        for person in trim(crew, need, essential):
            roster.append(Assignment(slot.date, slot.shift, slot.station, person.id, served[person.id]))
    return roster


def test_the_rotation_meets_every_hard_rule(demo: Scenario, calendar: DayCalendar) -> None:
    roster = rotation_roster(demo, calendar)
    report = check(demo, roster, calendar)
    assert report.hard == [], [v.detail for v in report.hard[:10]]
    assert 0 < report.objective < 20000
