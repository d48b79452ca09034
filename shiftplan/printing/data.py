"""What goes on paper, as plain values taken from the domain; how it looks is the reports' business.

Each report kind has one builder here (``sheet_pages``, ``slips``, ``sign_ins``, ``fairness_groups``,
``changes``) that turns a :class:`PrintRequest` into frozen rows. Nothing here imports ReportLab,
so the same data can be checked in tests or shown elsewhere.

Printing must work for any schedule, even one the validator would reject: an assignment that names
an unknown shift type or station, or a date outside the period, cannot be placed on a sheet and is
left out (the validator reports it); an unknown person is printed by id, an unknown role by its id.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.changes import ChangeKind, roster_changes
from shiftplan.domain.fairness import Category, Spread, available_dates, eligibility_groups, load
from shiftplan.domain.model import Assignment, Role, Scenario, Schedule, ShiftType, StaffMember, Station
from shiftplan.i18n import _

DAYS_PER_SHEET = 7


class PrintRequestError(ValueError):
    """The request asks for something the scenario does not have (the message says what)."""


@dataclass(frozen=True)
class PrintRequest:
    """What to print: a schedule of a scenario, optionally narrowed to stations and dates.

    ``start``/``end`` default to the period's ends and are clipped to the period. ``version_label``
    and ``status_label`` are printed in the footer as given (e.g. "v3", "已发布"). ``printed_at``
    defaults to the moment of rendering. ``previous_schedule`` is what the changes page compares
    with, and ``previous_label`` says what it is (default: the previous version). ``leader_role``
    is the role whose holder leads the shift (marked ★; None: nobody).
    """

    scenario: Scenario
    calendar: DayCalendar
    schedule: Schedule
    stations: Sequence[str] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    version_label: str = ""
    status_label: str = ""
    printed_at: dt.datetime | None = None
    previous_schedule: Schedule | None = None
    previous_label: str = ""
    mark_party: bool = True
    leader_role: str | None = "leader"

    def first_day(self) -> dt.date:
        return max(self.start or self.scenario.period.start, self.scenario.period.start)

    def last_day(self) -> dt.date:
        return min(self.end or self.scenario.period.end, self.scenario.period.end)

    def dates(self) -> list[dt.date]:
        first, last = self.first_day(), self.last_day()
        if first > last:
            period = self.scenario.period
            raise PrintRequestError(_("no planned date from {start} to {end}: the plan runs from {first} to "
                                      "{last}").format(start=self.start or first, end=self.end or last,
                                                       first=period.start, last=period.end))
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    def selected_stations(self) -> list[Station]:
        if self.stations is None:
            return list(self.scenario.stations)
        wanted = [self.stations] if isinstance(self.stations, str) else list(self.stations)
        known = {s.id: s for s in self.scenario.stations}
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise PrintRequestError(_("unknown station: {ids}").format(ids=", ".join(unknown)))
        return [known[s] for s in dict.fromkeys(wanted)]


@dataclass(frozen=True)
class Day:
    """A date and what the calendar says about it."""

    date: dt.date
    restday: bool = False
    holiday: bool = False
    holiday_name: str = ""

    @property
    def weekend_workday(self) -> bool:
        """A Saturday or Sunday worked in lieu (调休)."""
        return self.date.weekday() >= 5 and not self.restday


@dataclass(frozen=True)
class Duty:
    """One person on one shift, as printed."""

    day: Day
    shift: ShiftType
    station: Station
    person: StaffMember
    role: Role | None
    leader: bool  # serves the leading role of the shift

    @property
    def start(self) -> dt.datetime:
        return self.shift.interval(self.day.date)[0]


class _Index:
    """The request's scenario resolved: ids to objects, the calendar of each day, and the orders in
    which shifts, roles and people are printed."""

    def __init__(self, request: PrintRequest) -> None:
        scenario = request.scenario
        self.request = request
        self.scenario = scenario
        cal = request.calendar
        self.days = {d: Day(d, cal.is_restday(d), cal.is_holiday(d), cal.holiday_names.get(d, ""))
                     for d in scenario.period.dates()}
        self.shifts = {s.id: s for s in scenario.shift_types}
        self.shift_order = {s.id: i for i, s in enumerate(scenario.shift_types)}
        self.stations = {s.id: s for s in scenario.stations}
        self.people = {p.id: p for p in scenario.staff}
        self.person_order = {p.id: i for i, p in enumerate(scenario.staff)}
        self.roles = {r.id: r for r in scenario.roles}
        # The leading role first, then the scenario's order; assignments without a role last.
        order = [r.id for r in scenario.roles]
        if request.leader_role in self.roles:
            order.remove(request.leader_role)
            order.insert(0, request.leader_role)
        self.role_order = {r: i for i, r in enumerate(order)}

    def duty(self, a: Assignment) -> Duty | None:
        if a.date not in self.days or a.shift not in self.shifts or a.station not in self.stations:
            return None
        role = self.roles.get(a.role, Role(a.role, a.role)) if a.role is not None else None
        person = self.people.get(a.staff) or StaffMember(a.staff, a.staff)
        leader = a.role is not None and a.role == self.request.leader_role
        return Duty(self.days[a.date], self.shifts[a.shift], self.stations[a.station], person, role, leader)

    def duties(self, assignments: Iterable[Assignment]) -> list[Duty]:
        found = (self.duty(a) for a in assignments)
        return sorted((d for d in found if d is not None), key=self.duty_key)

    def role_key(self, role: Role | None) -> int:
        return len(self.role_order) if role is None else self.role_order.get(role.id, len(self.role_order))

    def person_key(self, person: StaffMember) -> tuple[int, str]:
        return self.person_order.get(person.id, len(self.person_order)), person.id

    def duty_key(self, d: Duty) -> tuple[dt.datetime, int, str, int, tuple[int, str]]:
        """Chronological, then by shift, station, role and the scenario's order of people."""
        return d.start, self.shift_order[d.shift.id], d.station.id, self.role_key(d.role), self.person_key(d.person)


# --- the station sheet ---------------------------------------------------------------------


@dataclass(frozen=True)
class SheetPage:
    """One station over a few days: for each shift, rows of role, in each day the people on duty."""

    station: Station
    days: tuple[Day, ...]
    rows: tuple[tuple[ShiftType, tuple[Role | None, ...]], ...]  # each shift with its role rows
    cells: Mapping[tuple[dt.date, str, str | None], tuple[Duty, ...]] = field(default_factory=dict)

    def duties(self, day: Day, shift: ShiftType, role: Role | None) -> tuple[Duty, ...]:
        return self.cells.get((day.date, shift.id, role.id if role else None), ())

    def with_days(self, days: Sequence[Day]) -> SheetPage:
        return SheetPage(self.station, tuple(days), self.rows, self.cells)


def sheet_pages(request: PrintRequest, days_per_page: int = DAYS_PER_SHEET) -> list[SheetPage]:
    """Each selected station, a page per ``days_per_page`` days from the first requested date."""
    index = _Index(request)
    dates = request.dates()
    wanted = set(dates)
    by_station: dict[str, list[Duty]] = defaultdict(list)
    for duty in index.duties(a for a in request.schedule.assignments if a.date in wanted):
        by_station[duty.station.id].append(duty)
    pages = []
    for station in request.selected_stations():
        duties = by_station.get(station.id, [])
        cells: dict[tuple[dt.date, str, str | None], list[Duty]] = defaultdict(list)
        roles_on: dict[str, dict[str | None, Role | None]] = defaultdict(dict)
        for d in duties:
            role_id = d.role.id if d.role else None
            cells[(d.day.date, d.shift.id, role_id)].append(d)
            roles_on[d.shift.id][role_id] = d.role
        # Role rows are the same on every page of a station, so the weeks read alike.
        rows = []
        for shift in request.scenario.shift_types:
            roles = sorted(roles_on[shift.id].values(), key=index.role_key) or [None]
            rows.append((shift, tuple(roles)))
        frozen = {k: tuple(v) for k, v in cells.items()}
        for i in range(0, len(dates), days_per_page):
            days = tuple(index.days[d] for d in dates[i:i + days_per_page])
            pages.append(SheetPage(station, days, tuple(rows), frozen))
    return pages


# --- personal slips --------------------------------------------------------------------------


@dataclass(frozen=True)
class Slip:
    """One person's shifts over the requested dates."""

    person: StaffMember
    station: Station  # the selected station the person serves first (their slips are handed out there)
    days: tuple[Day, ...]
    duties: tuple[Duty, ...]

    @property
    def hours(self) -> float:
        return sum(d.shift.hours for d in self.duties)

    @property
    def several_stations(self) -> bool:
        return len({d.station.id for d in self.duties}) > 1


def slips(request: PrintRequest) -> list[Slip]:
    """A slip for everyone with a shift at a selected station, by station, team and scenario order.

    A slip lists all the person's shifts in the dates, at whichever station.
    """
    index = _Index(request)
    dates = request.dates()
    wanted = set(dates)
    selected = request.selected_stations()
    station_rank = {s.id: i for i, s in enumerate(selected)}
    per_person: dict[str, list[Duty]] = defaultdict(list)
    for duty in index.duties(a for a in request.schedule.assignments if a.date in wanted):
        per_person[duty.person.id].append(duty)
    days = tuple(index.days[d] for d in dates)
    result = []
    for duties in per_person.values():
        here = [d for d in duties if d.station.id in station_rank]
        if not here:
            continue
        home = min(here, key=lambda d: station_rank[d.station.id]).station
        result.append(Slip(duties[0].person, home, days, tuple(duties)))
    result.sort(key=lambda s: (station_rank[s.station.id], s.person.team, index.person_key(s.person)))
    return result


# --- sign-in sheets --------------------------------------------------------------------------


@dataclass(frozen=True)
class SignIn:
    """The people expected on one shift at one station, to sign when they arrive."""

    station: Station
    day: Day
    shift: ShiftType
    duties: tuple[Duty, ...]  # the leader first, then by role

    @property
    def leaders(self) -> tuple[Duty, ...]:
        return tuple(d for d in self.duties if d.leader)


def sign_ins(request: PrintRequest) -> list[SignIn]:
    """A sheet for each station, date and shift that has someone on duty, in that order."""
    index = _Index(request)
    dates = request.dates()
    wanted = set(dates)
    slots: dict[tuple[str, dt.date, str], list[Duty]] = defaultdict(list)
    for duty in index.duties(a for a in request.schedule.assignments if a.date in wanted):
        slots[(duty.station.id, duty.day.date, duty.shift.id)].append(duty)
    result = []
    for station in request.selected_stations():
        for day in dates:
            for shift in request.scenario.shift_types:
                duties = slots.get((station.id, day, shift.id))
                if duties:
                    duties.sort(key=lambda d: (index.role_key(d.role), index.person_key(d.person)))
                    result.append(SignIn(station, index.days[day], shift, tuple(duties)))
    return result


# --- fairness ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FairnessRow:
    person: StaffMember
    available: int  # period dates on the roster and not absent
    counts: Mapping[Category, int]  # shifts in the period
    loads: Mapping[Category, float | None]  # what fairness compares; None: left out (never available)
    hours: float


@dataclass(frozen=True)
class FairnessGroup:
    """People who may do the same work (the validator's eligibility group) and their loads."""

    stations: tuple[Station, ...]
    roles: tuple[Role, ...]
    rule_set: str
    label: str  # the validator's label of the group, as in its violations
    rows: tuple[FairnessRow, ...]
    spreads: Mapping[Category, Spread | None]
    hours: Spread | None
    weights: Mapping[Category, float]


def fairness_groups(request: PrintRequest) -> list[FairnessGroup]:
    """The eligibility groups that may work at a selected station, with each member's loads.

    Fairness is judged over the whole period (the validator's view), whatever dates are requested.
    Numbers follow ``domain.fairness`` exactly: ``spread`` of a category is the validator's
    ``max load - min load`` of the group.
    """
    scenario = request.scenario
    index = _Index(request)
    selected = {s.id for s in request.selected_stations()}
    worked: dict[str, list[Duty]] = defaultdict(list)
    for duty in index.duties(request.schedule.assignments):
        worked[duty.person.id].append(duty)
    history = {c.staff: c for c in scenario.history.counts}
    category_dates = {c: c.dates(scenario, request.calendar) for c in Category}
    result = []
    for group in eligibility_groups(scenario):
        if not selected.intersection(group.stations):
            continue
        rows = []
        for person_id in group.members:
            person = index.people[person_id]
            duties = worked.get(person_id, [])
            counts, loads = {}, {}
            for category in Category:
                dates = category_dates[category]
                count = sum(1 for d in duties if category.counts(d.day.date, d.shift, request.calendar))
                available = available_dates(scenario, person, dates)
                counts[category] = count
                loads[category] = (load(category.history(history.get(person_id)), count, len(dates), available)
                                   if available else None)
            rows.append(FairnessRow(person, available_dates(scenario, person, scenario.period.dates()),
                                    counts, loads, sum(d.shift.hours for d in duties)))
        spreads = {c: Spread.of(v for r in rows if (v := r.loads[c]) is not None) for c in Category}
        result.append(FairnessGroup(
            tuple(index.stations[s] for s in group.stations if s in index.stations),
            tuple(index.roles.get(r, Role(r, r)) for r in group.roles),
            group.rule_set, group.label, tuple(rows), spreads, Spread.of(r.hours for r in rows),
            {c: c.weight(scenario) for c in Category}))
    return result


# --- changes between two schedules --------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One change of the domain's :func:`roster_changes`, with the people and duties to print."""

    kind: ChangeKind
    person: StaffMember
    day: Day
    before: Duty | None
    after: Duty | None
    replaces: StaffMember | None = None  # an added person who takes a removed person's shift

    @property
    def duty(self) -> Duty:
        """The shift as it is now, or as it was if it was removed."""
        duty = self.after or self.before
        assert duty is not None
        return duty

    @property
    def station(self) -> Station:
        return self.duty.station


def changes(request: PrintRequest) -> list[Change]:
    """What changed from ``previous_schedule`` to ``schedule`` on the requested dates, for the
    people touching a selected station (see :func:`shiftplan.domain.changes.roster_changes`)."""
    if request.previous_schedule is None:
        raise PrintRequestError(_("the changes page needs the previous schedule to compare with"))
    index = _Index(request)
    wanted = set(request.dates())
    selected = {s.id for s in request.selected_stations()}

    def printable(schedule: Schedule) -> list[Assignment]:
        return [a for a in schedule.assignments if a.date in wanted and index.duty(a) is not None]

    result = []
    for change in roster_changes(printable(request.previous_schedule), printable(request.schedule)):
        before = index.duty(change.before) if change.before else None
        after = index.duty(change.after) if change.after else None
        if not any(d.station.id in selected for d in (before, after) if d is not None):
            continue
        duty = after or before
        assert duty is not None
        stand_in = index.people.get(change.replaces) if change.replaces else None
        result.append(Change(change.kind, duty.person, duty.day, before, after, stand_in))
    result.sort(key=lambda c: (c.day.date, index.duty_key(c.duty)))
    return result


# --- everything printed, for the glyph check --------------------------------------------------


def printed_texts(request: PrintRequest) -> Iterable[tuple[str, str, str]]:
    """(what, id, text) for every piece of user data a printout of ``request`` may show.

    Stations are the selected ones; people are those who may work there or are on duty there
    in either schedule.
    """
    scenario = request.scenario
    selected = {s.id for s in request.selected_stations()}
    on_duty = {a.staff for schedule in (request.schedule, request.previous_schedule) if schedule is not None
               for a in schedule.assignments if a.station in selected}
    yield "scenario", "", scenario.name
    for station in scenario.stations:
        if station.id in selected:
            for text in (station.name, station.branch, station.phone):
                yield "station", station.id, text
    for shift in scenario.shift_types:
        yield "shift", shift.id, shift.name
    for role in scenario.roles:
        yield "role", role.id, role.name
    for person in scenario.staff:
        if person.id in on_duty or any(person.may_work_at(s) for s in selected):
            for text in (person.name, person.team, person.unit):
                yield "staff", person.id, text
    for text in (request.version_label, request.status_label):
        yield "label", "", text
