"""What the use cases need from the outside world, as Protocols the composition root fills.

``shiftplan.storage.Database`` is a :class:`Store` as it is; ``shiftplan.app`` builds the
:class:`Backend` from the storage, the exchange format and the spreadsheet adapter. Every method
may raise :class:`shiftplan.domain.errors.UserError` (or a subclass) with a message for the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from shiftplan.domain.calendar import DayCalendar, OfficialCalendar
from shiftplan.domain.changes import Change
from shiftplan.domain.culprits import Culprit
from shiftplan.domain.model import (
    Absence,
    Assignment,
    CalendarSpec,
    Cover,
    FixedAssignment,
    Period,
    Request,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
    Status,
)
from shiftplan.domain.rules import RuleSet


class PlanRef(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def stations(self) -> tuple[str, ...]: ...  # the stations it rosters; empty: every station


class PrintRef(Protocol):
    """A roster as it was printed, with a copy of its assignments."""

    @property
    def version(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def printed_at(self) -> dt.datetime: ...
    @property
    def assignments(self) -> tuple[Assignment, ...]: ...


class ScheduleRef(Protocol):
    """A saved roster of a plan, without its assignments."""

    @property
    def id(self) -> int: ...
    @property
    def plan_id(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def status(self) -> Status: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def published(self) -> bool: ...


class Store(Protocol):
    """The database: whole scenarios, and one transaction per edit (docs/storage.md)."""

    def close(self) -> None: ...
    def is_empty(self) -> bool: ...
    def export_scenario(self, plan_id: int | None = None, *, whole: bool = False) -> Scenario: ...
    def import_scenario(self, scenario: Scenario) -> int: ...
    def plans(self) -> Sequence[PlanRef]: ...
    def add_plan(self, scenario: Scenario, stations: Sequence[str] = ()) -> int: ...
    def set_plan_stations(self, plan_id: int, stations: Sequence[str]) -> None: ...
    def delete_plan(self, plan_id: int) -> None: ...
    def latest_schedule(self, plan_id: int) -> Schedule | None: ...
    def schedules(self, plan_id: int) -> Sequence[ScheduleRef]: ...
    def schedule(self, schedule_id: int) -> Schedule | None: ...
    def save_schedule(self, plan_id: int, schedule: Schedule) -> int: ...
    def edit_roster(self, plan_id: int, expected: Sequence[Assignment] | None, schedule: Schedule | None,
                    expected_fixed: Sequence[FixedAssignment], fixed: Sequence[FixedAssignment],
                    new_version: bool = False) -> None: ...
    def set_published(self, schedule_id: int, published: bool = True) -> None: ...
    def record_print(self, plan_id: int, version: int, kind: str, stations: Sequence[str], first_day: dt.date,
                     last_day: dt.date, assignments: Sequence[Assignment]) -> None: ...
    def prints(self, plan_id: int) -> Sequence[PrintRef]: ...

    def add_station(self, station: Station, index: int | None = None) -> None: ...
    def update_station(self, station_id: str, station: Station) -> None: ...
    def delete_station(self, station_id: str) -> int: ...
    def move_station(self, station_id: str, index: int) -> None: ...
    def add_role(self, role: Role, index: int | None = None) -> None: ...
    def update_role(self, role_id: str, role: Role) -> None: ...
    def delete_role(self, role_id: str) -> int: ...
    def move_role(self, role_id: str, index: int) -> None: ...
    def add_shift_type(self, shift: ShiftType, index: int | None = None) -> None: ...
    def update_shift_type(self, shift_id: str, shift: ShiftType) -> None: ...
    def delete_shift_type(self, shift_id: str) -> int: ...
    def move_shift_type(self, shift_id: str, index: int) -> None: ...
    def add_rule_set(self, rule_set: RuleSet, index: int | None = None) -> None: ...
    def update_rule_set(self, rule_set_id: str, rule_set: RuleSet) -> None: ...
    def delete_rule_set(self, rule_set_id: str) -> int: ...
    def move_rule_set(self, rule_set_id: str, index: int) -> None: ...

    def add_staff(self, people: Sequence[StaffMember], index: int | None = None) -> None: ...
    def update_staff(self, changes: Mapping[str, StaffMember]) -> None: ...
    def delete_staff(self, staff_ids: Sequence[str]) -> None: ...
    def restore_staff(self, people: Sequence[tuple[int, StaffMember]], absences: Sequence[tuple[int, Absence]],
                      requests: Sequence[tuple[int, Request]]) -> None: ...
    def save_staff(self, people: Sequence[StaffMember], remove: Sequence[str] = ()) -> tuple[StaffMember, ...]: ...

    def add_absence(self, absence: Absence, index: int | None = None) -> None: ...
    def update_absence(self, index: int, old: Absence, new: Absence) -> None: ...
    def delete_absence(self, index: int, old: Absence) -> None: ...
    def add_request(self, request: Request, index: int | None = None) -> None: ...
    def update_request(self, index: int, old: Request, new: Request) -> None: ...
    def delete_request(self, index: int, old: Request) -> None: ...
    def set_cover(self, entries: Sequence[Cover]) -> None: ...
    def set_calendar(self, plan_id: int | None, calendar: CalendarSpec) -> None: ...


NEW, UPDATE = "new", "update"


@dataclass(frozen=True)
class CellNote:
    """A problem or warning about one field of an imported row, for marking that cell."""

    key: str  # the field: name, unit, phone, roles, party, stations, team, id, from, to
    message: str
    problem: bool  # True: the row cannot be imported; False: a warning


@dataclass(frozen=True)
class ImportRow:
    """One line of a staff workbook as it would be imported: the person, or why not."""

    line: int
    person: StaffMember | None
    problems: tuple[str, ...] = ()  # the row cannot be imported
    warnings: tuple[str, ...] = ()  # it can, but the user should look
    action: str = NEW  # NEW: added to the staff list; UPDATE: the person with its id is updated
    cells: tuple[CellNote, ...] = ()  # the problems and warnings by field
    values: Mapping[str, str] = field(default_factory=dict)  # field -> the cell as written


@dataclass(frozen=True)
class StaffImport:
    """A staff workbook read but not yet stored."""

    rows: tuple[ImportRow, ...]
    notes: tuple[str, ...] = ()  # about the workbook as a whole
    valid: tuple[StaffMember, ...] = field(default=())  # the people that would be stored, in order


@dataclass(frozen=True)
class SolveProgress:
    """A better roster found during a solve: seconds since the start, its cost, the proved lower bound."""

    elapsed: float
    objective: float
    bound: float


@dataclass(frozen=True)
class SolveOutcome:
    """What a solve ended with: the roster (or, without one, its ``explanation``) and how it ended."""

    schedule: Schedule
    wall_time: float  # seconds
    bound: float | None = None  # the proved lower bound on the cost
    stopped: bool = False  # the user stopped the search; the schedule is the best found until then
    changes: tuple[Change, ...] = ()  # a re-plan: from the roster it started from to this one
    culprits: tuple[Culprit, ...] = ()  # without a roster: what the explanation names, to open or relax


@dataclass(frozen=True)
class PrintJob:
    """One printout: a roster of a scenario, narrowed to stations (None: all) and dates."""

    scenario: Scenario
    calendar: DayCalendar
    schedule: Schedule
    stations: tuple[str, ...] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    previous: Schedule | None = None  # the roster to compare with, for the changes page
    version_label: str = ""
    status_label: str = ""
    previous_label: str = ""  # what ``previous`` is, e.g. "compared with the roster printed on … (version 3)"


class PrintCancelledError(Exception):
    """The user stopped a printout while it was being rendered."""


class SolveJob(Protocol):
    """One solve: ``run`` blocks (call it off the GUI thread); ``stop`` may be called from any thread."""

    def run(self) -> SolveOutcome: ...
    def stop(self) -> None: ...


class Backend(Protocol):
    """Everything outside the database that the app reaches: files, spreadsheets, the calendar."""

    @property
    def official_calendar(self) -> OfficialCalendar: ...

    def open_store(self, location: str, *, create: bool = False) -> Store:
        """Open a database (a file path or a URL); ``create``: a new, empty one with a plan."""
        ...

    def describe(self, location: str) -> str:
        """A short name of the database for titles and messages."""
        ...

    def lock_path(self, location: str) -> str | None:
        """The lock file that keeps a second window off this database; None: it needs none."""
        ...

    def load_scenario(self, path: str) -> Scenario: ...
    def save_scenario(self, scenario: Scenario, path: str) -> None: ...

    @property
    def has_spreadsheets(self) -> bool:
        """Whether Excel import and export are available."""
        ...

    def write_staff_template(self, path: str, roles: Sequence[Role], stations: Sequence[Station]) -> None: ...
    def read_staff_workbook(self, path: str, roles: Sequence[Role], stations: Sequence[Station],
                            existing: Sequence[StaffMember]) -> StaffImport: ...
    def export_staff(self, path: str, staff: Sequence[StaffMember], roles: Sequence[Role],
                     stations: Sequence[Station]) -> None: ...
    def export_roster(self, path: str, scenario: Scenario, schedule: Schedule, calendar: DayCalendar) -> None: ...

    def export_schedule_csv(self, path: str, assignments: Sequence[Assignment]) -> None:
        """The roster's assignments as the exchange format's schedule CSV, written whole."""
        ...

    def export_calendar(self, path: str, scenario: Scenario, assignments: Sequence[Assignment], staff_id: str) -> None:
        """One person's shifts as an iCalendar file."""
        ...

    def export_calendars(self, folder: str, scenario: Scenario, assignments: Sequence[Assignment]) -> list[str]:
        """An iCalendar file for everyone with a shift, in ``folder``; returns the files written."""
        ...

    # --- printing

    @property
    def has_printing(self) -> bool:
        """Whether PDF printouts are available."""
        ...

    def unprintable(self, job: PrintJob) -> list[str]:
        """Each text of the printout the font cannot print, described for the user (empty: all is well)."""
        ...

    def render_printout(self, kind: str, job: PrintJob, *, progress: Callable[[float], None] | None = None,
                        cancelled: Callable[[], bool] | None = None, mark_unprintable: bool = False) -> bytes:
        """The PDF of a kind of printout (``sheet``, ``slips``, ``signin``, ``fairness``, ``changes``).

        Blocks: call it off the GUI thread. Raises PrintCancelledError when ``cancelled()`` turned
        True, UserError when the job asks for what the plan does not have.
        """
        ...

    def write_pdf(self, path: str, data: bytes) -> None:
        """Write a PDF whole or not at all."""
        ...

    def solve_job(self, scenario: Scenario, calendar: DayCalendar, time_limit: float,
                  on_progress: Callable[[SolveProgress], None] | None = None) -> SolveJob:
        """A solve of the scenario, not started; ``on_progress`` is called from a solver thread."""
        ...

    def replan_job(self, scenario: Scenario, calendar: DayCalendar, base: Schedule, start: dt.date,
                   time_limit: float, on_progress: Callable[[SolveProgress], None] | None = None) -> SolveJob:
        """A re-plan of ``base`` from ``start`` on with as few changes as worth it (the outcome's
        ``changes``), not started; the days before ``start`` stay as they are."""
        ...
