"""Edits of single things: a station, a person, a leave, the cover list, the plan's calendar.

Every function takes the caller's Session and neither commits nor keeps it; the caller
(:class:`shiftplan.storage.Database`) makes each edit one transaction.

Order: the lists the user orders (stations, roles, shift types, rule sets, staff, cover, absences,
requests) keep ``position`` equal to the index in the list after every edit made here, so that an
index read from the data is exactly where an undo puts a thing back.

Integrity: anything the user could get wrong (a repeated ID, deleting what is still in use, a
leave that ends before it starts) is checked first and refused with an :class:`InvalidDataError`
that says what to do; the database's own constraints remain as the last line of defence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from shiftplan.domain.model import Absence, CalendarSpec, Cover, Request, Role, ShiftType, StaffMember, Station
from shiftplan.domain.rules import RuleSet
from shiftplan.i18n import _, ngettext
from shiftplan.storage.errors import InvalidDataError
from shiftplan.storage.mapping import (
    _KIND_LABELS,
    PERSON,
    ROLE,
    RULE_SET,
    SHIFT,
    STATION,
    _add,
    _Keys,
    _plan,
    absence,
    absence_row,
    cover_links,
    cover_row,
    read_staff,
    request,
    request_row,
    rule_links,
    rule_rows,
    set_staff_fields,
    staff_links,
    staff_row,
)
from shiftplan.storage.orm import (
    AbsenceRow,
    CoverRoleRow,
    CoverRow,
    FixedAssignmentRow,
    HistoryCountRow,
    HistoryShiftRow,
    PlanHolidayRow,
    PlanStationRow,
    PlanWorkdayRow,
    RequestRow,
    RoleRow,
    RuleNextShiftRow,
    RuleRow,
    RuleSetRow,
    RuleShiftRow,
    ScheduleAssignmentRow,
    ShiftTypeRow,
    StaffRoleRow,
    StaffRow,
    StaffStationRow,
    StationRow,
)

Named = StationRow | RoleRow | ShiftTypeRow | RuleSetRow | StaffRow
Ordered = TypeVar("Ordered", StationRow, RoleRow, ShiftTypeRow, RuleSetRow, StaffRow, AbsenceRow, RequestRow)
_TABLES: dict[str, Any] = {  # row classes of named things
    STATION: StationRow, ROLE: RoleRow, SHIFT: ShiftTypeRow, RULE_SET: RuleSetRow, PERSON: StaffRow,
}
MINUTES_PER_DAY = 24 * 60


# --- helpers ------------------------------------------------------------------------------


def _ordered(session: Session, table: type[Ordered]) -> list[Ordered]:
    return list(session.scalars(select(table).order_by(table.position, table.id)))


def _renumber(rows: Iterable[StationRow | RoleRow | ShiftTypeRow | RuleSetRow | StaffRow | AbsenceRow | RequestRow],
              ) -> None:
    for i, row in enumerate(rows):
        if row.position != i:
            row.position = i


def _insert(session: Session, rows: list[Ordered], new: Sequence[Ordered], index: int | None) -> None:
    """Put new rows into an ordered list at ``index`` (None: at the end) and store them."""
    at = len(rows) if index is None else max(0, min(index, len(rows)))
    rows[at:at] = new
    _renumber(rows)
    _add(session, new)


def _label(kind: str) -> str:
    return _(_KIND_LABELS[kind])


def _row(session: Session, kind: str, code: str) -> Any:
    table = _TABLES[kind]
    row = session.scalars(select(table).where(table.code == code)).first()
    if row is None:
        raise InvalidDataError(_("The {kind} \"{id}\" does not exist (any more).").format(kind=_label(kind), id=code))
    return row


def _check_code(session: Session, kind: str, code: str, own_key: int | None = None) -> None:
    """A new or changed ID must be given and must not be taken by another thing of its kind."""
    if not code.strip():
        raise InvalidDataError(_("The ID must not be empty."))
    table = _TABLES[kind]
    taken = session.scalar(select(table.id).where(table.code == code))
    if taken is not None and taken != own_key:
        raise InvalidDataError(_("There is already a {kind} with the ID \"{id}\".").format(kind=_label(kind), id=code))


def _count(session: Session, column: InstrumentedAttribute[Any], key: int, counted: Any = None) -> int:
    """How many rows name ``key`` in ``column`` (or how many distinct ``counted`` values they have)."""
    what = func.count() if counted is None else func.count(func.distinct(counted))
    return session.scalar(select(what).where(column == key)) or 0


def _in_use(session: Session, kind: str, key: int, code: str) -> list[str]:
    """What still names a thing, in words ("12 people", "2 cover entries"); empty: nothing."""
    def people(n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)

    def cover(n: int) -> str:
        return ngettext("{n} cover entry", "{n} cover entries", n).format(n=n)

    uses: list[str] = []

    def add(n: int, words: str) -> None:
        if n:
            uses.append(words)

    fixed = roster = 0
    if kind == STATION:
        add(n := _count(session, StaffStationRow.station_id, key, StaffStationRow.staff_id), people(n))
        add(n := _count(session, CoverRow.station_id, key), cover(n))
        add(n := _count(session, PlanStationRow.station_id, key), ngettext("{n} plan", "{n} plans", n).format(n=n))
        fixed = _count(session, FixedAssignmentRow.station_id, key)
        roster = _count(session, ScheduleAssignmentRow.station_id, key)
    elif kind == ROLE:
        add(n := _count(session, StaffRoleRow.role_id, key, StaffRoleRow.staff_id), people(n))
        add(n := _count(session, CoverRoleRow.role_id, key, CoverRoleRow.cover_id), cover(n))
        fixed = _count(session, FixedAssignmentRow.role_id, key)
        roster = _count(session, ScheduleAssignmentRow.role_id, key)
    elif kind == SHIFT:
        rules = _count(session, RuleShiftRow.shift_type_id, key, RuleShiftRow.rule_id) + _count(
            session, RuleNextShiftRow.shift_type_id, key, RuleNextShiftRow.rule_id)
        add(rules, ngettext("{n} rule", "{n} rules", rules).format(n=rules))
        add(n := _count(session, CoverRow.shift_type_id, key), cover(n))
        add(n := _count(session, RequestRow.shift_type_id, key), ngettext("{n} request", "{n} requests", n).format(n=n))
        fixed = _count(session, FixedAssignmentRow.shift_type_id, key)
        history = _count(session, HistoryShiftRow.shift_type_id, key)
        add(history, ngettext("{n} shift in the history", "{n} shifts in the history", history).format(n=history))
        roster = _count(session, ScheduleAssignmentRow.shift_type_id, key)
    elif kind == RULE_SET:
        add(n := _count(session, StaffRow.rule_set_id, key), people(n))
        if code == "standard":  # people without a set of their own follow "standard"
            n = session.scalar(select(func.count()).where(StaffRow.rule_set_id.is_(None))) or 0
            add(n, ngettext("{n} person who follows it by default", "{n} people who follow it by default", n)
                .format(n=n))
    add(fixed, ngettext("{n} fixed assignment", "{n} fixed assignments", fixed).format(n=fixed))
    add(roster, ngettext("{n} assignment in saved rosters", "{n} assignments in saved rosters", roster)
        .format(n=roster))
    return uses


def _refuse_if_used(session: Session, kind: str, row: Named, name: str) -> None:
    uses = _in_use(session, kind, row.id, row.code)
    if uses:
        # Translators: {uses} is a list such as "12 people, 2 cover entries"
        raise InvalidDataError(_("\"{name}\" cannot be deleted, because it is still used by {uses}.").format(
            name=name, uses=_(", ").join(uses)))


# --- stations, roles, shift types, rule sets: ordered lists of named things --------------


def add_named(session: Session, kind: str, row: Named, index: int | None) -> None:
    _check_code(session, kind, row.code)
    _insert(session, _ordered(session, _TABLES[kind]), [row], index)


def delete_named(session: Session, kind: str, code: str, name: str | None = None) -> int:
    """Delete a thing nothing names any more; returns where it was."""
    row = _row(session, kind, code)
    _refuse_if_used(session, kind, row, name or str(getattr(row, "name", code)))
    rows = _ordered(session, _TABLES[kind])
    index = rows.index(row)
    session.delete(row)
    session.flush()
    del rows[index]
    _renumber(rows)
    return index


def move_named(session: Session, kind: str, code: str, index: int) -> None:
    row = _row(session, kind, code)
    rows = _ordered(session, _TABLES[kind])
    rows.remove(row)
    rows.insert(max(0, min(index, len(rows))), row)
    _renumber(rows)


def station_row(station: Station) -> StationRow:
    return StationRow(code=station.id, name=station.name, branch=station.branch, phone=station.phone)


def update_station(session: Session, code: str, station: Station) -> None:
    row: StationRow = _row(session, STATION, code)
    _check_code(session, STATION, station.id, row.id)
    row.code, row.name, row.branch, row.phone = station.id, station.name, station.branch, station.phone


def role_row(role: Role) -> RoleRow:
    return RoleRow(code=role.id, name=role.name)


def update_role(session: Session, code: str, role: Role) -> None:
    row: RoleRow = _row(session, ROLE, code)
    _check_code(session, ROLE, role.id, row.id)
    row.code, row.name = role.id, role.name


def _check_times(shift: ShiftType) -> None:
    if not (0 <= shift.start < MINUTES_PER_DAY and 0 < shift.end <= MINUTES_PER_DAY):
        raise InvalidDataError(_("A shift must start between 00:00 and 23:59 and end between 00:01 and 24:00."))


def shift_type_row(shift: ShiftType) -> ShiftTypeRow:
    _check_times(shift)
    return ShiftTypeRow(code=shift.id, name=shift.name, start_minute=shift.start, end_minute=shift.end,
                        night=shift.night)


def update_shift_type(session: Session, code: str, shift: ShiftType) -> None:
    row: ShiftTypeRow = _row(session, SHIFT, code)
    _check_code(session, SHIFT, shift.id, row.id)
    _check_times(shift)
    row.code, row.name, row.start_minute, row.end_minute, row.night = (
        shift.id, shift.name, shift.start, shift.end, shift.night)


def add_rule_set(session: Session, rule_set: RuleSet, index: int | None) -> None:
    row = RuleSetRow(code=rule_set.id)
    add_named(session, RULE_SET, row, index)
    _write_rules(session, row.id, rule_set)


def update_rule_set(session: Session, code: str, rule_set: RuleSet) -> None:
    """Rename a rule set and give it exactly these rules."""
    row: RuleSetRow = _row(session, RULE_SET, code)
    _check_code(session, RULE_SET, rule_set.id, row.id)
    row.code = rule_set.id
    session.execute(delete(RuleRow).where(RuleRow.rule_set_id == row.id))  # their shift lists go with them
    _write_rules(session, row.id, rule_set)


def _write_rules(session: Session, key: int, rule_set: RuleSet) -> None:
    rules = rule_rows(key, rule_set.rules)
    _add(session, (r for r, _rule in rules))
    _add(session, rule_links(_Keys(session), rules))


# --- staff --------------------------------------------------------------------------------


def add_staff(session: Session, people: Sequence[StaffMember], index: int | None) -> None:
    """New people, together at ``index`` (None: at the end); all or none."""
    _check_unique(p.id for p in people)
    for person in people:
        _check_code(session, PERSON, person.id)
    keys = _Keys(session)
    rows = [staff_row(keys, p) for p in people]
    _insert(session, _ordered(session, StaffRow), rows, index)
    _add(session, staff_links(keys, zip(rows, people, strict=True)))


def _check_unique(codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise InvalidDataError(_("The ID \"{id}\" is given to more than one person.").format(id=code))
        seen.add(code)


def update_staff(session: Session, changes: Mapping[str, StaffMember]) -> None:
    """Give people (by their current ID) new values, IDs included; all or none."""
    _check_unique(p.id for p in changes.values())
    keys = _Keys(session)
    rows: dict[str, StaffRow] = {code: _row(session, PERSON, code) for code in changes}
    changing = {row.id for row in rows.values()}
    for person in changes.values():
        taken = session.scalar(select(StaffRow.id).where(StaffRow.code == person.id))
        if taken is not None and taken not in changing:
            raise InvalidDataError(_("There is already a {kind} with the ID \"{id}\".").format(
                kind=_label(PERSON), id=person.id))
    renamed = [(rows[code], person) for code, person in changes.items() if code != person.id]
    for row, _person in renamed:  # two steps, so that two people may swap their IDs
        row.code = f"~renaming~{row.id}"
    session.flush()
    for code, person in changes.items():
        set_staff_fields(keys, rows[code], person)
    keys_changed = [row.id for row in rows.values()]
    session.execute(delete(StaffRoleRow).where(StaffRoleRow.staff_id.in_(keys_changed)))
    session.execute(delete(StaffStationRow).where(StaffStationRow.staff_id.in_(keys_changed)))
    session.flush()
    _add(session, staff_links(keys, ((rows[code], person) for code, person in changes.items())))


def _refuse_staff_in_use(session: Session, row: StaffRow) -> None:
    uses = []
    if n := _count(session, FixedAssignmentRow.staff_id, row.id):
        uses.append(ngettext("{n} fixed assignment", "{n} fixed assignments", n).format(n=n))
    if n := _count(session, HistoryShiftRow.staff_id, row.id) + _count(session, HistoryCountRow.staff_id, row.id):
        uses.append(_("the plan's history"))
    if n := _count(session, ScheduleAssignmentRow.staff_id, row.id):
        uses.append(ngettext("{n} assignment in saved rosters", "{n} assignments in saved rosters", n).format(n=n))
    if uses:
        raise InvalidDataError(_(
            "{name} cannot be deleted, because {uses} name them. To take them off the roster from a date on, "
            "set their last day instead.").format(name=row.name, uses=_(", ").join(uses)))


def delete_staff(session: Session, codes: Sequence[str]) -> None:
    """Delete people with their leave and requests; refused for anyone a plan or a roster names."""
    rows = [_row(session, PERSON, code) for code in dict.fromkeys(codes)]
    for row in rows:
        _refuse_staff_in_use(session, row)
    _delete_people(session, [row.id for row in rows])


def _delete_people(session: Session, keys: list[int]) -> None:
    for table in (AbsenceRow, RequestRow):
        session.execute(delete(table).where(table.staff_id.in_(keys)))
    session.execute(delete(StaffRow).where(StaffRow.id.in_(keys)))  # roles and stations go with them
    session.flush()
    session.expire_all()
    _renumber(_ordered(session, AbsenceRow))
    _renumber(_ordered(session, RequestRow))
    _renumber(_ordered(session, StaffRow))


def restore_staff(session: Session, people: Sequence[tuple[int, StaffMember]],
                  absences: Sequence[tuple[int, Absence]], requests: Sequence[tuple[int, Request]]) -> None:
    """Put deleted people back where they were, with their leave and requests (the undo of delete_staff)."""
    _check_unique(p.id for _i, p in people)
    for _i, person in people:
        _check_code(session, PERSON, person.id)
    keys = _Keys(session)
    added = [(index, staff_row(keys, person), person) for index, person in people]
    _insert_at(session, _ordered(session, StaffRow), [(index, row) for index, row, _p in added])
    keys = _Keys(session)
    _add(session, staff_links(keys, ((row, person) for _i, row, person in added)))
    _insert_at(session, _ordered(session, AbsenceRow), [(i, absence_row(keys, a)) for i, a in absences])
    _insert_at(session, _ordered(session, RequestRow), [(i, request_row(keys, r)) for i, r in requests])


def _insert_at(session: Session, rows: list[Ordered], new: Sequence[tuple[int, Ordered]]) -> None:
    """Put rows back each at its index of the final list."""
    for index, row in sorted(new, key=lambda pair: pair[0]):
        rows.insert(min(index, len(rows)), row)
    _renumber(rows)
    _add(session, (row for _i, row in new))


def save_staff(session: Session, people: Sequence[StaffMember], remove: Sequence[str]) -> tuple[StaffMember, ...]:
    """Update the people whose ID exists, add the others at the end, delete ``remove``; all or none.

    Returns the earlier values of the people updated. This is how a spreadsheet import is stored
    and undone: ``save_staff(imported)``, then ``save_staff(earlier, remove=added)``.
    """
    _check_unique(chain((p.id for p in people), remove))
    gone = [_row(session, PERSON, code) for code in remove]
    for row in gone:
        _refuse_staff_in_use(session, row)
    if gone:
        _delete_people(session, [row.id for row in gone])
    existing = set(session.scalars(select(StaffRow.code)))
    earlier = {p.id: p for p in read_staff(session) if p.id in {q.id for q in people}}
    update = {p.id: p for p in people if p.id in existing}
    if update:
        update_staff(session, update)
    new = [p for p in people if p.id not in existing]
    if new:
        add_staff(session, new, None)
    return tuple(earlier[p.id] for p in people if p.id in earlier)


# --- leave and requests, addressed by their index in the whole list ------------------------


def _check_absence(item: Absence) -> None:
    if item.end < item.start:
        raise InvalidDataError(_("A leave cannot end before it starts."))


def _check_request(item: Request) -> None:
    if item.weight < 0:
        raise InvalidDataError(_("The weight of a request cannot be negative."))


def _at(rows: list[Any], index: int, now: object, expected: object) -> Any:
    """The row at ``index``, provided it still holds what the caller saw there."""
    if not 0 <= index < len(rows) or now != expected:
        raise InvalidDataError(_("This entry was changed meanwhile, perhaps in another window. Reopen the "
                                 "database to see the current state."))
    return rows[index]


def add_absence(session: Session, item: Absence, index: int | None) -> None:
    _check_absence(item)
    _insert(session, _ordered(session, AbsenceRow), [absence_row(_Keys(session), item)], index)


def update_absence(session: Session, index: int, old: Absence, new: Absence) -> None:
    _check_absence(new)
    keys = _Keys(session)
    rows = _ordered(session, AbsenceRow)
    row = _at(rows, index, absence(keys, rows[index]) if index < len(rows) else None, old)
    row.staff_id, row.first_day, row.last_day, row.reason = keys.id(PERSON, new.staff), new.start, new.end, new.reason


def delete_absence(session: Session, index: int, old: Absence) -> None:
    keys = _Keys(session)
    rows = _ordered(session, AbsenceRow)
    row = _at(rows, index, absence(keys, rows[index]) if index < len(rows) else None, old)
    session.delete(row)
    session.flush()
    del rows[index]
    _renumber(rows)


def add_request(session: Session, item: Request, index: int | None) -> None:
    _check_request(item)
    _insert(session, _ordered(session, RequestRow), [request_row(_Keys(session), item)], index)


def update_request(session: Session, index: int, old: Request, new: Request) -> None:
    _check_request(new)
    keys = _Keys(session)
    rows = _ordered(session, RequestRow)
    row = _at(rows, index, request(keys, rows[index]) if index < len(rows) else None, old)
    row.staff_id, row.day, row.want = keys.id(PERSON, new.staff), new.date, new.want
    row.shift_type_id, row.weight = keys.id_or_none(SHIFT, new.shift), new.weight


def delete_request(session: Session, index: int, old: Request) -> None:
    keys = _Keys(session)
    rows = _ordered(session, RequestRow)
    row = _at(rows, index, request(keys, rows[index]) if index < len(rows) else None, old)
    session.delete(row)
    session.flush()
    del rows[index]
    _renumber(rows)


# --- the cover list and the plan's calendar: replaced whole ------------------------------


def set_cover(session: Session, entries: Sequence[Cover]) -> None:
    """Make the cover list exactly this (its order matters: the last matching entry applies)."""
    for entry in entries:
        if not entry.days:
            raise InvalidDataError(_("A cover entry must apply to some days."))
    session.execute(delete(CoverRow))  # their days and role minimums go with them
    keys = _Keys(session)
    rows = [(cover_row(keys, c, i), c) for i, c in enumerate(entries)]
    _add(session, (row for row, _c in rows))
    _add(session, cover_links(keys, rows))


def set_calendar(session: Session, plan_id: int | None, calendar: CalendarSpec) -> None:
    """The plan's calendar: which country's official calendar, and the dates it overrides."""
    if clash := sorted(set(calendar.holidays) & set(calendar.workdays)):
        raise InvalidDataError(_("{date} cannot be both a holiday and a working day.").format(
            date=clash[0].isoformat()))
    plan = _plan(session, plan_id)
    plan.calendar_country = calendar.country
    where: ColumnElement[bool]
    for table in (PlanHolidayRow, PlanWorkdayRow):
        where = table.plan_id == plan.id
        session.execute(delete(table).where(where))
    _add(session, chain(
        (PlanHolidayRow(plan_id=plan.id, position=i, day=day) for i, day in enumerate(calendar.holidays)),
        (PlanWorkdayRow(plan_id=plan.id, position=i, day=day) for i, day in enumerate(calendar.workdays)),
    ))
