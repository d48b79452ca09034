"""The database as the rest of shiftplan sees it: domain objects in, domain objects out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from shiftplan.domain.model import Role, Scenario, Schedule, ShiftType, StaffMember, Station
from shiftplan.domain.rules import RuleSet
from shiftplan.i18n import _
from shiftplan.storage import mapping
from shiftplan.storage.engine import describe, make_engine, probe_engine, sqlite_file, translated_errors
from shiftplan.storage.errors import DatabaseUnavailableError
from shiftplan.storage.info import PlanInfo, ScheduleInfo
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

    def export_scenario(self, plan_id: int | None = None) -> Scenario:
        """The scenario of a plan (None: the latest plan), exactly as it was imported or edited."""
        with self._transaction() as session:
            return mapping.read_scenario(session, plan_id)

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

    def schedules(self, plan_id: int) -> list[ScheduleInfo]:
        """The plan's saved schedules, oldest first."""
        with self._transaction() as session:
            return mapping.schedule_infos(session, plan_id)

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
