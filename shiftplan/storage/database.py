"""The database as the rest of shiftplan sees it: domain objects in, domain objects out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from shiftplan.domain.model import (
    Absence,
    Assignment,
    CalendarSpec,
    Cover,
    FixedAssignment,
    Request,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import RuleSet
from shiftplan.i18n import _
from shiftplan.storage import editing, mapping
from shiftplan.storage.engine import describe, make_engine, probe_engine, sqlite_file, translated_errors
from shiftplan.storage.errors import DatabaseUnavailableError
from shiftplan.storage.info import PlanInfo, PrintInfo, ScheduleInfo
from shiftplan.storage.mapping import ROLE, RULE_SET, SHIFT, STATION
from shiftplan.storage.migrate import current_revision, head_revision, upgrade


class Database:
    """One shiftplan database. Each method is one transaction in a Session of its own, so a
    Database may be used from any thread, though SQLite lets only one of them write at a time."""

    def __init__(self, engine: Engine, where: str) -> None:
        """Use :meth:`open`, which also checks and migrates the database."""
        self._engine = engine
        self._where = where
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Database:
        """Open (or create) the database at a SQLAlchemy URL and bring its tables up to date.

        Raises a StorageError naming the database when it cannot be used; a database that a newer
        shiftplan wrote (NewerDatabaseError) or that is not shiftplan's is left untouched.
        """
        try:
            target = make_url(url)
        except exc.ArgumentError as error:
            raise DatabaseUnavailableError(_("{url} is not a database address.").format(url=url)) from error
        where = describe(target)
        with translated_errors(where):
            path = sqlite_file(target)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            current = _probe_revision(target, path, where)
            engine = make_engine(target)
            try:
                if current != head_revision():
                    upgrade(engine)
            except BaseException:
                engine.dispose()
                raise
        return cls(engine, where)

    def close(self) -> None:
        """Let go of the database (and its file); the object is of no use afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A Session for one unit of work: committed at the end, rolled back on any error."""
        with translated_errors(self._where), self._sessions() as session, session.begin():
            yield session

    # --- whole scenarios --------------------------------------------------------------------

    def is_empty(self) -> bool:
        with self._transaction() as session:
            return mapping.is_empty(session)

    def import_scenario(self, scenario: Scenario) -> int:
        """Replace everything in the database by this scenario; returns the id of its plan.

        All or nothing: if anything fails, the database keeps what it held before.
        """
        with self._transaction() as session:
            return mapping.replace_all(session, scenario)

    def export_scenario(self, plan_id: int | None = None, *, whole: bool = False) -> Scenario:
        """The scenario of a plan (None: the latest plan), as it is solved: narrowed to the stations the
        plan rosters and the people who may work there. ``whole``: every station and person, exactly as
        imported or edited."""
        with self._transaction() as session:
            return mapping.read_scenario(session, plan_id, whole)

    def add_plan(self, scenario: Scenario, stations: Sequence[str] = ()) -> int:
        """Add the scenario's plan (its name, period, calendar, fixed assignments, history and weights)
        beside the existing plans, in one transaction; the master data stays as it is. ``stations``:
        the ones it rosters (empty: every station). Returns its id."""
        with self._transaction() as session:
            return mapping.add_plan(session, scenario, stations)

    def set_plan_stations(self, plan_id: int, stations: Sequence[str]) -> None:
        """The stations the plan rosters from now on (empty: every station), in one transaction."""
        with self._transaction() as session:
            mapping.set_plan_stations(session, plan_id, stations)

    def delete_plan(self, plan_id: int) -> None:
        """Delete a plan without saved rosters (refused otherwise); undoes :meth:`add_plan`."""
        with self._transaction() as session:
            mapping.delete_plan(session, plan_id)

    def plans(self) -> list[PlanInfo]:
        with self._transaction() as session:
            return mapping.plan_infos(session)

    # --- schedules --------------------------------------------------------------------------

    def save_schedule(self, plan_id: int, schedule: Schedule) -> int:
        """Keep a schedule as the plan's next version; returns the schedule's id."""
        with self._transaction() as session:
            return mapping.write_schedule(session, plan_id, schedule)

    def latest_schedule(self, plan_id: int) -> Schedule | None:
        with self._transaction() as session:
            return mapping.read_latest_schedule(session, plan_id)

    def schedule(self, schedule_id: int) -> Schedule | None:
        """One saved schedule by its id (see :meth:`schedules`)."""
        with self._transaction() as session:
            return mapping.read_schedule(session, schedule_id)

    def edit_roster(self, plan_id: int, expected: Sequence[Assignment] | None, schedule: Schedule | None,
                    expected_fixed: Sequence[FixedAssignment], fixed: Sequence[FixedAssignment],
                    new_version: bool = False) -> None:
        """A hand edit of the plan's latest roster, in one transaction.

        Provided the latest roster still holds ``expected`` (None: the plan has no roster) and the
        plan's fixed assignments are ``expected_fixed``, the latest roster becomes ``schedule`` in
        place, keeping its version (a plan without one gets its first; None deletes the latest),
        and the fixed assignments become ``fixed``. Otherwise nothing changes (InvalidDataError).

        A published latest roster is never changed: ``new_version`` stores ``schedule`` as the
        plan's next version (a draft) instead, copied from it and edited; anything else is refused.
        """
        with self._transaction() as session:
            mapping.edit_latest_schedule(session, plan_id, expected, schedule, expected_fixed, fixed, new_version)

    def set_published(self, schedule_id: int, published: bool = True) -> None:
        """Publish a saved schedule (read-only from then on), or (False) make it a draft again."""
        with self._transaction() as session:
            mapping.set_published(session, schedule_id, published)

    def schedules(self, plan_id: int) -> list[ScheduleInfo]:
        """The plan's saved schedules, oldest first."""
        with self._transaction() as session:
            return mapping.schedule_infos(session, plan_id)

    def record_print(self, plan_id: int, version: int, kind: str, stations: Sequence[str], first_day: dt.date,
                     last_day: dt.date, assignments: Sequence[Assignment]) -> None:
        """Keep a copy of a roster as it was printed (the changes page compares with it)."""
        with self._transaction() as session:
            mapping.record_print(session, plan_id, version, kind, stations, first_day, last_day, assignments)

    def prints(self, plan_id: int) -> list[PrintInfo]:
        """The plan's recorded printouts, newest first."""
        with self._transaction() as session:
            return mapping.print_infos(session, plan_id)

    # --- master data, for the screens -------------------------------------------------------

    def stations(self) -> tuple[Station, ...]:
        with self._transaction() as session:
            return mapping.read_stations(session)

    def roles(self) -> tuple[Role, ...]:
        with self._transaction() as session:
            return mapping.read_roles(session)

    def shift_types(self) -> tuple[ShiftType, ...]:
        with self._transaction() as session:
            return mapping.read_shift_types(session)

    def rule_sets(self) -> tuple[RuleSet, ...]:
        with self._transaction() as session:
            return mapping.read_rule_sets(session)

    def staff(self) -> tuple[StaffMember, ...]:
        with self._transaction() as session:
            return mapping.read_staff(session)

    # --- edits, one transaction each (docs/storage.md, "Editing") ---------------------------
    # Lists keep the user's order; ``index`` None means at the end. A delete returns the index
    # the thing had, which is where an undo puts it back. What is still in use cannot be deleted.

    def add_station(self, station: Station, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_named(session, STATION, editing.station_row(station), index)

    def update_station(self, station_id: str, station: Station) -> None:
        """Give the station ``station_id`` these values (its ID may change; references follow)."""
        with self._transaction() as session:
            editing.update_station(session, station_id, station)

    def delete_station(self, station_id: str) -> int:
        with self._transaction() as session:
            return editing.delete_named(session, STATION, station_id)

    def move_station(self, station_id: str, index: int) -> None:
        with self._transaction() as session:
            editing.move_named(session, STATION, station_id, index)

    def add_role(self, role: Role, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_named(session, ROLE, editing.role_row(role), index)

    def update_role(self, role_id: str, role: Role) -> None:
        with self._transaction() as session:
            editing.update_role(session, role_id, role)

    def delete_role(self, role_id: str) -> int:
        with self._transaction() as session:
            return editing.delete_named(session, ROLE, role_id)

    def move_role(self, role_id: str, index: int) -> None:
        with self._transaction() as session:
            editing.move_named(session, ROLE, role_id, index)

    def add_shift_type(self, shift: ShiftType, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_named(session, SHIFT, editing.shift_type_row(shift), index)

    def update_shift_type(self, shift_id: str, shift: ShiftType) -> None:
        with self._transaction() as session:
            editing.update_shift_type(session, shift_id, shift)

    def delete_shift_type(self, shift_id: str) -> int:
        with self._transaction() as session:
            return editing.delete_named(session, SHIFT, shift_id)

    def move_shift_type(self, shift_id: str, index: int) -> None:
        with self._transaction() as session:
            editing.move_named(session, SHIFT, shift_id, index)

    def add_rule_set(self, rule_set: RuleSet, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_rule_set(session, rule_set, index)

    def update_rule_set(self, rule_set_id: str, rule_set: RuleSet) -> None:
        """Rename the set and give it exactly these rules."""
        with self._transaction() as session:
            editing.update_rule_set(session, rule_set_id, rule_set)

    def delete_rule_set(self, rule_set_id: str) -> int:
        with self._transaction() as session:
            return editing.delete_named(session, RULE_SET, rule_set_id, rule_set_id)

    def move_rule_set(self, rule_set_id: str, index: int) -> None:
        with self._transaction() as session:
            editing.move_named(session, RULE_SET, rule_set_id, index)

    def add_staff(self, people: Sequence[StaffMember], index: int | None = None) -> None:
        """New people, together at ``index``; all or none."""
        with self._transaction() as session:
            editing.add_staff(session, people, index)

    def update_staff(self, changes: Mapping[str, StaffMember]) -> None:
        """New values for people, keyed by their current ID (IDs may change); all or none."""
        with self._transaction() as session:
            editing.update_staff(session, changes)

    def delete_staff(self, staff_ids: Sequence[str]) -> None:
        """Delete people together with their leave and requests.

        Refused for anyone a plan (fixed assignments, history) or a saved roster names.
        """
        with self._transaction() as session:
            editing.delete_staff(session, staff_ids)

    def restore_staff(self, people: Sequence[tuple[int, StaffMember]], absences: Sequence[tuple[int, Absence]],
                      requests: Sequence[tuple[int, Request]]) -> None:
        """Put deleted people, their leave and requests back at these indexes (undoes delete_staff)."""
        with self._transaction() as session:
            editing.restore_staff(session, people, absences, requests)

    def save_staff(self, people: Sequence[StaffMember], remove: Sequence[str] = ()) -> tuple[StaffMember, ...]:
        """Update people whose ID exists, append the others, delete ``remove``: one transaction.

        Returns the earlier values of the people it updated (for an undo).
        """
        with self._transaction() as session:
            return editing.save_staff(session, people, remove)

    def add_absence(self, absence: Absence, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_absence(session, absence, index)

    def update_absence(self, index: int, old: Absence, new: Absence) -> None:
        """Replace the leave at ``index``, provided it is still ``old``."""
        with self._transaction() as session:
            editing.update_absence(session, index, old, new)

    def delete_absence(self, index: int, old: Absence) -> None:
        with self._transaction() as session:
            editing.delete_absence(session, index, old)

    def add_request(self, request: Request, index: int | None = None) -> None:
        with self._transaction() as session:
            editing.add_request(session, request, index)

    def update_request(self, index: int, old: Request, new: Request) -> None:
        with self._transaction() as session:
            editing.update_request(session, index, old, new)

    def delete_request(self, index: int, old: Request) -> None:
        with self._transaction() as session:
            editing.delete_request(session, index, old)

    def set_cover(self, entries: Sequence[Cover]) -> None:
        """Replace the whole cover list (order matters: the last matching entry applies)."""
        with self._transaction() as session:
            editing.set_cover(session, entries)

    def set_calendar(self, plan_id: int | None, calendar: CalendarSpec) -> None:
        """The plan's calendar: the country and the dates that override the official calendar."""
        with self._transaction() as session:
            editing.set_calendar(session, plan_id, calendar)


def _probe_revision(target: URL, path: Path | None, where: str) -> str | None:
    """The revision of an existing database, read without writing a byte (see current_revision)."""
    if target.get_backend_name() == "sqlite" and (path is None or not path.exists()):
        return None  # a new file, or memory: nothing there yet
    probe = probe_engine(path) if path else make_engine(target)
    try:
        with probe.connect() as connection:
            return current_revision(connection, where)
    finally:
        probe.dispose()
