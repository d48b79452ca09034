"""Rows ⇄ domain objects: the one module that knows both the tables and the domain.

Every function takes the caller's Session and neither commits nor keeps it; the caller
(:class:`shiftplan.storage.Database`) owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import TypeVar

from sqlalchemy import delete, func, insert, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from shiftplan.domain.model import (
    Absence,
    Assignment,
    CalendarSpec,
    Cover,
    FairnessWeights,
    FixedAssignment,
    History,
    HistoryCount,
    HistoryShift,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
    Status,
    Violation,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.scope import for_stations
from shiftplan.i18n import N_, _
from shiftplan.storage.errors import InvalidDataError, PlanNotFoundError
from shiftplan.storage.info import PlanInfo, PrintInfo, ScheduleInfo
from shiftplan.storage.orm import (
    AbsenceRow,
    Base,
    CoverDayRow,
    CoverRoleRow,
    CoverRow,
    FixedAssignmentRow,
    HistoryCountRow,
    HistoryShiftRow,
    PlanHolidayRow,
    PlanRow,
    PlanStationRow,
    PlanWorkdayRow,
    PrintRecordRow,
    RequestRow,
    RoleRow,
    RuleNextShiftRow,
    RuleRow,
    RuleSetRow,
    RuleShiftRow,
    ScheduleAssignmentRow,
    ScheduleRow,
    ScheduleViolationRow,
    ShiftTypeRow,
    StaffRoleRow,
    StaffRow,
    StaffStationRow,
    StationRow,
)

T = TypeVar("T")

# The things a row can name by the user's id, with the word used when one is missing.
STATION, ROLE, SHIFT, RULE_SET, PERSON = "station", "role", "shift", "rule_set", "person"
_NAMED_TABLES: dict[str, type[StationRow | RoleRow | ShiftTypeRow | RuleSetRow | StaffRow]] = {
    STATION: StationRow, ROLE: RoleRow, SHIFT: ShiftTypeRow, RULE_SET: RuleSetRow, PERSON: StaffRow,
}
_KIND_LABELS = {STATION: N_("station"), ROLE: N_("role"), SHIFT: N_("shift type"), RULE_SET: N_("rule set"),
                PERSON: N_("person")}


class _Keys:
    """The user's ids and the surrogate keys of everything that can be named, both ways round."""

    def __init__(self, session: Session) -> None:
        self._ids = {kind: dict(session.execute(select(table.code, table.id)).all())
                     for kind, table in _NAMED_TABLES.items()}
        self._codes = {kind: {key: code for code, key in ids.items()} for kind, ids in self._ids.items()}

    def id(self, kind: str, code: str) -> int:
        try:
            return self._ids[kind][code]
        except KeyError:
            raise InvalidDataError(_("The {kind} \"{id}\" is referred to but not defined.").format(
                kind=_(_KIND_LABELS[kind]), id=code)) from None

    def id_or_none(self, kind: str, code: str | None) -> int | None:
        return None if code is None else self.id(kind, code)

    def code(self, kind: str, key: int) -> str:
        return self._codes[kind][key]

    def code_or_none(self, kind: str, key: int | None) -> str | None:
        return None if key is None else self.code(kind, key)

    def codes(self, kind: str, keys: Iterable[int]) -> tuple[str, ...]:
        return tuple(self._codes[kind][key] for key in keys)


def _add(session: Session, rows: Iterable[Base]) -> None:
    """Insert now, so that the new rows have their ids."""
    session.add_all(rows)
    session.flush()


def _lists(session: Session, owner: InstrumentedAttribute[int], item: InstrumentedAttribute[T],
           position: InstrumentedAttribute[int]) -> defaultdict[int, list[T]]:
    """A link table read as {owner id: [items in order]}."""
    lists: defaultdict[int, list[T]] = defaultdict(list)
    for key, value in session.execute(select(owner, item).order_by(owner, position)):
        lists[key].append(value)
    return lists


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back the naive UTC value it was given.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# --- whole database -----------------------------------------------------------------------


def clear(session: Session) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))


def is_empty(session: Session) -> bool:
    return all(session.scalar(select(literal_column("1")).select_from(table).limit(1)) is None
               for table in Base.metadata.sorted_tables)


def replace_all(session: Session, scenario: Scenario) -> int:
    """Make the database hold exactly this scenario: its master data and one plan. Returns the plan id."""
    clear(session)
    _write_master(session, scenario)
    return _write_plan(session, scenario, _Keys(session))


# --- master data --------------------------------------------------------------------------


def _write_master(session: Session, sc: Scenario) -> None:
    _add(session, chain(
        (StationRow(code=s.id, position=i, name=s.name, branch=s.branch, phone=s.phone)
         for i, s in enumerate(sc.stations)),
        (RoleRow(code=r.id, position=i, name=r.name) for i, r in enumerate(sc.roles)),
        (ShiftTypeRow(code=s.id, position=i, name=s.name, start_minute=s.start, end_minute=s.end, night=s.night)
         for i, s in enumerate(sc.shift_types)),
        (RuleSetRow(code=rs.id, position=i) for i, rs in enumerate(sc.rule_sets)),
    ))
    keys = _Keys(session)
    rules = [pair for rs in sc.rule_sets for pair in rule_rows(keys.id(RULE_SET, rs.id), rs.rules)]
    staff = [(staff_row(keys, p, i), p) for i, p in enumerate(sc.staff)]
    cover = [(cover_row(keys, c, i), c) for i, c in enumerate(sc.cover)]
    _add(session, chain((row for row, _r in rules), (row for row, _p in staff), (row for row, _c in cover)))
    keys = _Keys(session)  # now with the staff
    _add(session, chain(
        rule_links(keys, rules),
        staff_links(keys, staff),
        cover_links(keys, cover),
        (absence_row(keys, a, i) for i, a in enumerate(sc.absences)),
        (request_row(keys, r, i) for i, r in enumerate(sc.requests)),
    ))


# Rows of one thing and its own lists, shared by whole imports and single edits.


def rule_rows(rule_set_id: int, rules: Iterable[Rule]) -> list[tuple[RuleRow, Rule]]:
    return [(RuleRow(rule_set_id=rule_set_id, position=i, kind=r.kind.value, value=r.value, weight=r.weight), r)
            for i, r in enumerate(rules)]


def rule_links(keys: _Keys, rules: Iterable[tuple[RuleRow, Rule]]) -> Iterator[Base]:
    """The shift lists of rules whose rows have their ids."""
    for row, rule in rules:
        yield from (RuleShiftRow(rule_id=row.id, position=i, shift_type_id=keys.id(SHIFT, code))
                    for i, code in enumerate(rule.shifts))
        yield from (RuleNextShiftRow(rule_id=row.id, position=i, shift_type_id=keys.id(SHIFT, code))
                    for i, code in enumerate(rule.next_shifts))


def staff_row(keys: _Keys, p: StaffMember, position: int | None = None) -> StaffRow:
    return StaffRow(code=p.id, position=position, name=p.name, unit=p.unit, phone=p.phone, party=p.party.value,
                    every_station=p.stations is None, rule_set_id=keys.id_or_none(RULE_SET, p.rule_set),
                    team=p.team, active_from=p.active_from, active_to=p.active_to)


def set_staff_fields(keys: _Keys, row: StaffRow, p: StaffMember) -> None:
    row.code, row.name, row.unit, row.phone, row.party = p.id, p.name, p.unit, p.phone, p.party.value
    row.every_station, row.rule_set_id = p.stations is None, keys.id_or_none(RULE_SET, p.rule_set)
    row.team, row.active_from, row.active_to = p.team, p.active_from, p.active_to


def staff_links(keys: _Keys, staff: Iterable[tuple[StaffRow, StaffMember]]) -> Iterator[Base]:
    """The role and station lists of people whose rows have their ids."""
    for row, person in staff:
        yield from (StaffRoleRow(staff_id=row.id, position=i, role_id=keys.id(ROLE, code))
                    for i, code in enumerate(person.roles))
        yield from (StaffStationRow(staff_id=row.id, position=i, station_id=keys.id(STATION, code))
                    for i, code in enumerate(person.stations or ()))


def cover_row(keys: _Keys, c: Cover, position: int) -> CoverRow:
    return CoverRow(position=position, station_id=keys.id_or_none(STATION, c.station),
                    shift_type_id=keys.id_or_none(SHIFT, c.shift), minimum=c.min, maximum=c.max, target=c.target,
                    target_under=c.target_under, target_over=c.target_over, party_min=c.party_min, soft=c.soft,
                    soft_weight=c.soft_weight)


def cover_links(keys: _Keys, cover: Iterable[tuple[CoverRow, Cover]]) -> Iterator[Base]:
    """The day selectors and role minimums of cover entries whose rows have their ids."""
    for row, entry in cover:
        yield from (CoverDayRow(cover_id=row.id, position=i, selector=day) for i, day in enumerate(entry.days))
        yield from (CoverRoleRow(cover_id=row.id, position=i, role_id=keys.id(ROLE, code), minimum=count)
                    for i, (code, count) in enumerate(entry.roles.items()))


def absence_row(keys: _Keys, a: Absence, position: int | None = None) -> AbsenceRow:
    return AbsenceRow(position=position, staff_id=keys.id(PERSON, a.staff), first_day=a.start, last_day=a.end,
                      reason=a.reason)


def request_row(keys: _Keys, r: Request, position: int | None = None) -> RequestRow:
    return RequestRow(position=position, staff_id=keys.id(PERSON, r.staff), day=r.date, want=r.want,
                      shift_type_id=keys.id_or_none(SHIFT, r.shift), weight=r.weight)


def read_stations(session: Session) -> tuple[Station, ...]:
    rows = session.scalars(select(StationRow).order_by(StationRow.position, StationRow.id))
    return tuple(Station(r.code, r.name, r.branch, r.phone) for r in rows)


def read_roles(session: Session) -> tuple[Role, ...]:
    rows = session.scalars(select(RoleRow).order_by(RoleRow.position, RoleRow.id))
    return tuple(Role(r.code, r.name) for r in rows)


def read_shift_types(session: Session) -> tuple[ShiftType, ...]:
    rows = session.scalars(select(ShiftTypeRow).order_by(ShiftTypeRow.position, ShiftTypeRow.id))
    return tuple(ShiftType(r.code, r.name, r.start_minute, r.end_minute, r.night) for r in rows)


def read_rule_sets(session: Session, keys: _Keys | None = None) -> tuple[RuleSet, ...]:
    keys = keys or _Keys(session)
    shifts = _lists(session, RuleShiftRow.rule_id, RuleShiftRow.shift_type_id, RuleShiftRow.position)
    next_shifts = _lists(session, RuleNextShiftRow.rule_id, RuleNextShiftRow.shift_type_id,
                         RuleNextShiftRow.position)
    rules: defaultdict[int, list[Rule]] = defaultdict(list)
    for r in session.scalars(select(RuleRow).order_by(RuleRow.rule_set_id, RuleRow.position)):
        rules[r.rule_set_id].append(Rule(RuleKind(r.kind), r.value, keys.codes(SHIFT, shifts[r.id]),
                                         keys.codes(SHIFT, next_shifts[r.id]), r.weight))
    rows = session.scalars(select(RuleSetRow).order_by(RuleSetRow.position, RuleSetRow.id))
    return tuple(RuleSet(r.code, tuple(rules[r.id])) for r in rows)


def read_staff(session: Session, keys: _Keys | None = None) -> tuple[StaffMember, ...]:
    keys = keys or _Keys(session)
    roles = _lists(session, StaffRoleRow.staff_id, StaffRoleRow.role_id, StaffRoleRow.position)
    stations = _lists(session, StaffStationRow.staff_id, StaffStationRow.station_id, StaffStationRow.position)
    rows = session.scalars(select(StaffRow).order_by(StaffRow.position, StaffRow.id))
    return tuple(StaffMember(
        id=r.code, name=r.name, unit=r.unit, phone=r.phone, roles=keys.codes(ROLE, roles[r.id]),
        party=Party(r.party), stations=None if r.every_station else keys.codes(STATION, stations[r.id]),
        rule_set=keys.code_or_none(RULE_SET, r.rule_set_id), team=r.team, active_from=r.active_from,
        active_to=r.active_to) for r in rows)


def read_cover(session: Session, keys: _Keys) -> tuple[Cover, ...]:
    days = _lists(session, CoverDayRow.cover_id, CoverDayRow.selector, CoverDayRow.position)
    roles: defaultdict[int, dict[str, int]] = defaultdict(dict)
    for role in session.scalars(select(CoverRoleRow).order_by(CoverRoleRow.cover_id, CoverRoleRow.position)):
        roles[role.cover_id][keys.code(ROLE, role.role_id)] = role.minimum
    rows = session.scalars(select(CoverRow).order_by(CoverRow.position, CoverRow.id))
    return tuple(Cover(
        station=keys.code_or_none(STATION, r.station_id), shift=keys.code_or_none(SHIFT, r.shift_type_id),
        days=tuple(days[r.id]), min=r.minimum, max=r.maximum, target=r.target, target_under=r.target_under,
        target_over=r.target_over, roles=roles[r.id], party_min=r.party_min, soft=r.soft,
        soft_weight=r.soft_weight) for r in rows)


def read_absences(session: Session, keys: _Keys) -> tuple[Absence, ...]:
    rows = session.scalars(select(AbsenceRow).order_by(AbsenceRow.position, AbsenceRow.id))
    return tuple(absence(keys, r) for r in rows)


def absence(keys: _Keys, r: AbsenceRow) -> Absence:
    return Absence(keys.code(PERSON, r.staff_id), r.first_day, r.last_day, r.reason)


def read_requests(session: Session, keys: _Keys) -> tuple[Request, ...]:
    rows = session.scalars(select(RequestRow).order_by(RequestRow.position, RequestRow.id))
    return tuple(request(keys, r) for r in rows)


def request(keys: _Keys, r: RequestRow) -> Request:
    return Request(keys.code(PERSON, r.staff_id), r.day, r.want, keys.code_or_none(SHIFT, r.shift_type_id), r.weight)


# --- plans --------------------------------------------------------------------------------


def _write_plan(session: Session, sc: Scenario, keys: _Keys, stations: Sequence[str] = ()) -> int:
    w = sc.weights
    plan = PlanRow(name=sc.name, period_start=sc.period.start, period_end=sc.period.end,
                   calendar_country=sc.calendar.country, history_from=sc.history.start, fair_shifts=w.shifts,
                   fair_nights=w.nights, fair_restdays=w.restdays, fair_holidays=w.holidays, created_at=_now())
    _add(session, [plan])
    _add(session, chain(
        (PlanStationRow(plan_id=plan.id, position=i, station_id=keys.id(STATION, code))
         for i, code in enumerate(dict.fromkeys(stations))),
        (PlanHolidayRow(plan_id=plan.id, position=i, day=day) for i, day in enumerate(sc.calendar.holidays)),
        (PlanWorkdayRow(plan_id=plan.id, position=i, day=day) for i, day in enumerate(sc.calendar.workdays)),
        (FixedAssignmentRow(plan_id=plan.id, position=i, staff_id=keys.id(PERSON, f.staff), day=f.date,
                            shift_type_id=keys.id(SHIFT, f.shift), station_id=keys.id_or_none(STATION, f.station),
                            role_id=keys.id_or_none(ROLE, f.role))
         for i, f in enumerate(sc.fixed)),
        (HistoryShiftRow(plan_id=plan.id, position=i, staff_id=keys.id(PERSON, h.staff), day=h.date,
                         shift_type_id=keys.id(SHIFT, h.shift))
         for i, h in enumerate(sc.history.assignments)),
        (HistoryCountRow(plan_id=plan.id, position=i, staff_id=keys.id(PERSON, c.staff), shifts=c.shifts,
                         nights=c.nights, restdays=c.restdays, holidays=c.holidays)
         for i, c in enumerate(sc.history.counts)),
    ))
    return plan.id


def add_plan(session: Session, scenario: Scenario, stations: Sequence[str] = ()) -> int:
    """Store the scenario's plan (name, period, calendar, fixed, history, weights) beside the others.

    The master data is the database's own and is not touched: the scenario's people, shift types,
    stations and roles must already be there. ``stations``: the ones the plan rosters (empty:
    every station). Returns the new plan's id.
    """
    return _write_plan(session, scenario, _Keys(session), stations)


def set_plan_stations(session: Session, plan_id: int, stations: Sequence[str]) -> None:
    """The stations the plan rosters from now on (empty: every station)."""
    plan = _plan(session, plan_id)
    keys = _Keys(session)
    ids = [keys.id(STATION, code) for code in dict.fromkeys(stations)]
    session.execute(delete(PlanStationRow).where(PlanStationRow.plan_id == plan.id))
    _add(session, (PlanStationRow(plan_id=plan.id, position=i, station_id=key) for i, key in enumerate(ids)))


def _plan_stations(session: Session, keys: _Keys, plan_id: int) -> tuple[str, ...]:
    rows = session.scalars(select(PlanStationRow.station_id).where(PlanStationRow.plan_id == plan_id)
                           .order_by(PlanStationRow.position))
    return keys.codes(STATION, rows)


def delete_plan(session: Session, plan_id: int) -> None:
    """Delete a plan that has no saved roster (the undo of :func:`add_plan`)."""
    plan = _plan(session, plan_id)
    if session.scalar(select(func.count()).select_from(ScheduleRow).where(ScheduleRow.plan_id == plan_id)):
        raise InvalidDataError(_("The plan “{name}” has saved rosters and is kept.").format(name=plan.name))
    session.delete(plan)
    session.flush()


def _plan(session: Session, plan_id: int | None) -> PlanRow:
    if plan_id is None:
        plan = session.scalars(select(PlanRow).order_by(PlanRow.id.desc()).limit(1)).first()
        if plan is None:
            raise PlanNotFoundError(_("The database holds no plan yet."))
        return plan
    found = session.get(PlanRow, plan_id)
    if found is None:
        raise PlanNotFoundError(_("There is no plan number {id} in the database.").format(id=plan_id))
    return found


def plan_infos(session: Session) -> list[PlanInfo]:
    rows = session.scalars(select(PlanRow).order_by(PlanRow.id))
    keys = _Keys(session)
    return [PlanInfo(r.id, r.name, Period(r.period_start, r.period_end), _plan_stations(session, keys, r.id))
            for r in rows]


def read_scenario(session: Session, plan_id: int | None, whole: bool = False) -> Scenario:
    """The scenario of one plan (None: the latest): the master data as it is now, plus the plan.

    It is narrowed to the stations the plan rosters, and the people who may work there
    (``shiftplan.domain.scope.for_stations``), unless ``whole``: every station and person, as
    the master-data screens and a lossless export want them.
    """
    plan = _plan(session, plan_id)
    keys = _Keys(session)
    scenario = _read_scenario(session, keys, plan)
    return scenario if whole else for_stations(scenario, _plan_stations(session, keys, plan.id))


def _read_scenario(session: Session, keys: _Keys, plan: PlanRow) -> Scenario:
    holidays = session.scalars(select(PlanHolidayRow.day).where(PlanHolidayRow.plan_id == plan.id)
                               .order_by(PlanHolidayRow.position))
    workdays = session.scalars(select(PlanWorkdayRow.day).where(PlanWorkdayRow.plan_id == plan.id)
                               .order_by(PlanWorkdayRow.position))
    history = session.scalars(select(HistoryShiftRow).where(HistoryShiftRow.plan_id == plan.id)
                              .order_by(HistoryShiftRow.position))
    counts = session.scalars(select(HistoryCountRow).where(HistoryCountRow.plan_id == plan.id)
                             .order_by(HistoryCountRow.position))
    return Scenario(
        name=plan.name,
        period=Period(plan.period_start, plan.period_end),
        calendar=CalendarSpec(plan.calendar_country, tuple(holidays), tuple(workdays)),
        shift_types=read_shift_types(session),
        roles=read_roles(session),
        stations=read_stations(session),
        rule_sets=read_rule_sets(session, keys),
        staff=read_staff(session, keys),
        cover=read_cover(session, keys),
        absences=read_absences(session, keys),
        requests=read_requests(session, keys),
        fixed=read_fixed(session, keys, plan.id),
        history=History(
            plan.history_from,
            tuple(HistoryShift(keys.code(PERSON, r.staff_id), r.day, keys.code(SHIFT, r.shift_type_id))
                  for r in history),
            tuple(HistoryCount(keys.code(PERSON, r.staff_id), r.shifts, r.nights, r.restdays, r.holidays)
                  for r in counts)),
        weights=FairnessWeights(plan.fair_shifts, plan.fair_nights, plan.fair_restdays, plan.fair_holidays),
    )


def read_fixed(session: Session, keys: _Keys, plan_id: int) -> tuple[FixedAssignment, ...]:
    rows = session.scalars(select(FixedAssignmentRow).where(FixedAssignmentRow.plan_id == plan_id)
                           .order_by(FixedAssignmentRow.position))
    return tuple(FixedAssignment(keys.code(PERSON, r.staff_id), r.day, keys.code(SHIFT, r.shift_type_id),
                                 keys.code_or_none(STATION, r.station_id), keys.code_or_none(ROLE, r.role_id))
                 for r in rows)


# --- schedules ----------------------------------------------------------------------------


def write_schedule(session: Session, plan_id: int, schedule: Schedule) -> int:
    """Store a schedule as the plan's next version; returns its id."""
    _plan(session, plan_id)
    latest = session.scalar(select(func.max(ScheduleRow.version)).where(ScheduleRow.plan_id == plan_id))
    row = ScheduleRow(plan_id=plan_id, version=(latest or 0) + 1, status=schedule.status.value,
                      scenario_name=schedule.scenario, objective=schedule.objective,
                      explanation=list(schedule.explanation), created_at=_now())
    _add(session, [row])
    _write_schedule_content(session, row.id, schedule)
    return row.id


def _write_schedule_content(session: Session, schedule_id: int, schedule: Schedule) -> None:
    keys = _Keys(session)
    _add(session, chain(
        (ScheduleAssignmentRow(schedule_id=schedule_id, position=i, day=a.date,
                               shift_type_id=keys.id(SHIFT, a.shift), station_id=keys.id(STATION, a.station),
                               staff_id=keys.id(PERSON, a.staff), role_id=keys.id_or_none(ROLE, a.role))
         for i, a in enumerate(schedule.assignments)),
        (ScheduleViolationRow(schedule_id=schedule_id, position=i, rule=v.rule, cost=v.cost, hard=v.hard,
                              staff=v.staff, dates=[d.isoformat() for d in v.dates], shift=v.shift,
                              station=v.station, role=v.role, group_label=v.group, detail=v.detail)
         for i, v in enumerate(schedule.violations)),
    ))


def _latest_row(session: Session, plan_id: int) -> ScheduleRow | None:
    return session.scalars(select(ScheduleRow).where(ScheduleRow.plan_id == plan_id)
                           .order_by(ScheduleRow.version.desc()).limit(1)).first()


def edit_latest_schedule(session: Session, plan_id: int, expected: Sequence[Assignment] | None,
                         schedule: Schedule | None, expected_fixed: Sequence[FixedAssignment],
                         fixed: Sequence[FixedAssignment], new_version: bool = False) -> None:
    """A hand edit of the plan's latest roster and its fixed assignments (see Database.edit_roster).

    Only the assignments that change are deleted and inserted (a roster's order means nothing, so
    the check compares them as a multiset); the violations, a few, are written anew.
    """
    plan = _plan(session, plan_id)
    keys = _Keys(session)
    row = _latest_row(session, plan_id)
    rows: list[ScheduleAssignmentRow] = [] if row is None else list(session.scalars(
        select(ScheduleAssignmentRow).where(ScheduleAssignmentRow.schedule_id == row.id)
        .order_by(ScheduleAssignmentRow.position)))
    now = [Assignment(r.day, keys.code(SHIFT, r.shift_type_id), keys.code(STATION, r.station_id),
                      keys.code(PERSON, r.staff_id), keys.code_or_none(ROLE, r.role_id)) for r in rows]
    stored_fixed = read_fixed(session, keys, plan.id)
    if ((row is None) != (expected is None) or Counter(now) != Counter(expected or ())
            or stored_fixed != tuple(expected_fixed)):
        raise InvalidDataError(_("The roster was changed meanwhile (solved again, or in another window); the "
                                 "screen now shows the current state."))
    if row is not None and row.published_at is not None and not (new_version and schedule is not None):
        raise InvalidDataError(_("This roster is published and is not changed any more; edit it as a new draft "
                                 "version."))
    if new_version and schedule is not None:
        write_schedule(session, plan_id, schedule)
    elif row is not None and schedule is None:
        for table in (ScheduleAssignmentRow, ScheduleViolationRow):
            session.execute(delete(table).where(table.schedule_id == row.id))
        session.delete(row)
        session.flush()
    elif row is None and schedule is not None:
        write_schedule(session, plan_id, schedule)
    elif row is not None and schedule is not None:
        row.status, row.objective = schedule.status.value, schedule.objective
        row.scenario_name, row.explanation = schedule.scenario, list(schedule.explanation)
        gone = Counter(now) - Counter(schedule.assignments)
        new = Counter(schedule.assignments) - Counter(now)
        doomed = []
        for r, a in zip(rows, now, strict=True):
            if gone[a] > 0:
                gone[a] -= 1
                doomed.append(r.id)
        for first in range(0, len(doomed), 500):
            session.execute(delete(ScheduleAssignmentRow).where(ScheduleAssignmentRow.id.in_(
                doomed[first:first + 500])))
        top = max((r.position for r in rows), default=-1)
        added = []
        for a in schedule.assignments:
            if new[a] > 0:
                new[a] -= 1
                added.append(a)
        if added:
            session.execute(insert(ScheduleAssignmentRow), [
                {"schedule_id": row.id, "position": top + 1 + i, "day": a.date,
                 "shift_type_id": keys.id(SHIFT, a.shift), "station_id": keys.id(STATION, a.station),
                 "staff_id": keys.id(PERSON, a.staff),
                 "role_id": keys.id_or_none(ROLE, a.role)} for i, a in enumerate(added)])
        session.execute(delete(ScheduleViolationRow).where(ScheduleViolationRow.schedule_id == row.id))
        if schedule.violations:
            session.execute(insert(ScheduleViolationRow), [
                {"schedule_id": row.id, "position": i, "rule": v.rule, "cost": v.cost, "hard": v.hard,
                 "staff": v.staff, "dates": [d.isoformat() for d in v.dates], "shift": v.shift, "station": v.station,
                 "role": v.role, "group_label": v.group, "detail": v.detail}
                for i, v in enumerate(schedule.violations)])
        session.flush()
    if tuple(fixed) != stored_fixed:
        session.execute(delete(FixedAssignmentRow).where(FixedAssignmentRow.plan_id == plan.id))
        _add(session, (FixedAssignmentRow(plan_id=plan.id, position=i, staff_id=keys.id(PERSON, f.staff),
                                          day=f.date, shift_type_id=keys.id(SHIFT, f.shift),
                                          station_id=keys.id_or_none(STATION, f.station),
                                          role_id=keys.id_or_none(ROLE, f.role))
                       for i, f in enumerate(fixed)))


def schedule_infos(session: Session, plan_id: int) -> list[ScheduleInfo]:
    _plan(session, plan_id)
    rows = session.scalars(select(ScheduleRow).where(ScheduleRow.plan_id == plan_id).order_by(ScheduleRow.version))
    return [ScheduleInfo(r.id, r.plan_id, r.version, Status(r.status), r.objective, _utc(r.created_at),
                         None if r.published_at is None else _utc(r.published_at))
            for r in rows]


def set_published(session: Session, schedule_id: int, published: bool) -> None:
    """Publish a saved schedule (it is never changed afterwards), or make it a draft again (an undo)."""
    row = session.get(ScheduleRow, schedule_id)
    if row is None:
        raise InvalidDataError(_("This roster was deleted meanwhile."))
    row.published_at = _now() if published else None
    session.flush()


def read_latest_schedule(session: Session, plan_id: int) -> Schedule | None:
    _plan(session, plan_id)
    row = _latest_row(session, plan_id)
    return None if row is None else _schedule(session, row)


def read_schedule(session: Session, schedule_id: int) -> Schedule | None:
    row = session.get(ScheduleRow, schedule_id)
    return None if row is None else _schedule(session, row)


def _schedule(session: Session, row: ScheduleRow) -> Schedule:
    keys = _Keys(session)
    assignments = session.scalars(select(ScheduleAssignmentRow).where(ScheduleAssignmentRow.schedule_id == row.id)
                                  .order_by(ScheduleAssignmentRow.position))
    violations = session.scalars(select(ScheduleViolationRow).where(ScheduleViolationRow.schedule_id == row.id)
                                 .order_by(ScheduleViolationRow.position))
    return Schedule(
        assignments=tuple(Assignment(a.day, keys.code(SHIFT, a.shift_type_id), keys.code(STATION, a.station_id),
                                     keys.code(PERSON, a.staff_id), keys.code_or_none(ROLE, a.role_id))
                          for a in assignments),
        status=Status(row.status),
        scenario=row.scenario_name,
        objective=row.objective,
        violations=tuple(Violation(rule=v.rule, cost=v.cost, hard=v.hard, staff=v.staff,
                                   dates=tuple(dt.date.fromisoformat(d) for d in v.dates), shift=v.shift,
                                   station=v.station, role=v.role, group=v.group_label, detail=v.detail)
                         for v in violations),
        explanation=tuple(row.explanation),
    )


# --- print records --------------------------------------------------------------------------


def record_print(session: Session, plan_id: int, version: int, kind: str, stations: Sequence[str],
                 first_day: dt.date, last_day: dt.date, assignments: Iterable[Assignment]) -> None:
    plan = _plan(session, plan_id)
    _add(session, [PrintRecordRow(
        plan_id=plan.id, version=version, kind=kind, stations=list(stations), first_day=first_day,
        last_day=last_day, printed_at=_now(),
        assignments=[[a.date.isoformat(), a.shift, a.station, a.staff, a.role] for a in assignments])])


def print_infos(session: Session, plan_id: int) -> list[PrintInfo]:
    """The plan's recorded printouts, newest first."""
    _plan(session, plan_id)
    rows = session.scalars(select(PrintRecordRow).where(PrintRecordRow.plan_id == plan_id)
                           .order_by(PrintRecordRow.printed_at.desc(), PrintRecordRow.id.desc()))
    return [PrintInfo(r.plan_id, r.version, r.kind, tuple(r.stations), r.first_day, r.last_day, _utc(r.printed_at),
                      tuple(Assignment(dt.date.fromisoformat(day), shift, station, staff, role)
                            for day, shift, station, staff, role in r.assignments))
            for r in rows]
