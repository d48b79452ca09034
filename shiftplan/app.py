"""The composition root: where settings, storage, the calendar, files and the user interface meet.

Everything else receives what it needs from here; nothing below reaches back up. The desktop app
gets its outside world as one :class:`DesktopBackend` (the ``Backend`` port of
``shiftplan.services.ports``): databases from ``shiftplan.storage``, scenario files from
``shiftplan.exchange``, workbooks from ``shiftplan.spreadsheet``, the official calendar.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from shiftplan import __version__
from shiftplan.demo import build_demo
from shiftplan.domain.calendar import DayCalendar, OfficialCalendar
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import Assignment, Period, Role, Scenario, Schedule, ShiftType, StaffMember, Station
from shiftplan.domain.rules import RuleSet
from shiftplan.exchange.problems import FormatError
from shiftplan.exchange.scenario import load_scenario, save_scenario
from shiftplan.i18n import _, ngettext
from shiftplan.official_calendar import official_calendar
from shiftplan.services.ports import (
    CellNote,
    ImportRow,
    PrintCancelledError,
    PrintJob,
    SolveOutcome,
    SolveProgress,
    StaffImport,
)
from shiftplan.storage import Database

if TYPE_CHECKING:
    from shiftplan.printing import PrintRequest
    from shiftplan.solver import SolveRun
    from shiftplan.solver.replan import ReplanRun

APP_NAME = "shiftplan"
DATABASE_ENV = "SHIFTPLAN_DB"
LANGUAGE_ENV = "SHIFTPLAN_LANG"
MAX_PROBLEMS_SHOWN = 12  # of a malformed scenario file, in a message box


def data_dir() -> Path:
    """Where the user's database lives (e.g. %LOCALAPPDATA%\\shiftplan on Windows)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_url(explicit: str | None = None) -> str:
    """``--db`` first, then $SHIFTPLAN_DB, then the SQLite file in the user's data folder.

    A plain file path is accepted as well as any SQLAlchemy URL.
    """
    chosen = explicit or os.environ.get(DATABASE_ENV)
    if not chosen:
        return f"sqlite:///{data_dir() / 'shiftplan.db'}"
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def calendar() -> OfficialCalendar:
    return official_calendar()


def open_database(url: str, *, seed_demo: bool = True) -> Database:
    """Open (creating and migrating as needed); a brand-new database is filled with the demo."""
    database = Database.open(url)
    if seed_demo and database.is_empty():
        database.import_scenario(build_demo())
    return database


def empty_scenario(today: dt.date | None = None) -> Scenario:
    """What a new database starts with: a plan for next month, one station to rename, the three usual shifts."""
    today = today or dt.date.today()
    start = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    shifts = (ShiftType("D", _("Day shift"), 8 * 60, 16 * 60), ShiftType("E", _("Evening shift"), 16 * 60, 24 * 60),
              ShiftType("N", _("Night shift"), 0, 8 * 60, night=True))
    return Scenario(period=Period(start, end), shift_types=shifts, stations=(Station("S1", _("Station 1")),), staff=(),
                    rule_sets=(RuleSet("standard"),), name=_("Plan {year}-{month:02d}").format(
                        year=start.year, month=start.month))


def run_gui(url: str, language: str) -> int:
    """The desktop app on ``url``; unless ``--db`` or $SHIFTPLAN_DB chose it, on the database used last.

    ``language`` counts only when the user chose it (``--lang`` or $SHIFTPLAN_LANG); otherwise the
    app follows the language set in its preferences.
    """
    from shiftplan.ui import run  # Qt is loaded only when a window is wanted
    from shiftplan.ui.settings import Settings

    settings = Settings()
    location = url
    if url == database_url(None) and not os.environ.get(DATABASE_ENV):
        last = settings.preferences.last_database
        if settings.preferences.reopen_last and last and DesktopBackend.exists(last):
            location = last
    chosen_language = language if _language_was_chosen() else None
    return run(DesktopBackend(), location, language=chosen_language, version=__version__, settings=settings)


def _language_was_chosen(argv: Sequence[str] | None = None) -> bool:
    args = sys.argv[1:] if argv is None else argv
    return bool(os.environ.get(LANGUAGE_ENV)) or any(a == "--lang" or a.startswith("--lang=") for a in args)


def url_label(url: str) -> str:
    """A short name for the database, for window titles and messages."""
    return Path(url.removeprefix("sqlite:///")).name if url.startswith("sqlite:///") else url.split("@")[-1]


class DesktopBackend:
    """The outside world of the desktop app: databases, scenario files, workbooks, the official calendar.

    Locations are file paths or SQLAlchemy URLs. Every failure the user can do something about is
    raised as a UserError (storage errors already are one) with a message in their language.
    """

    @property
    def official_calendar(self) -> OfficialCalendar:
        return official_calendar()

    @staticmethod
    def exists(location: str) -> bool:
        """Whether a database is there to reopen (a server database is assumed to be)."""
        url = database_url(location)
        return not url.startswith("sqlite:///") or Path(url.removeprefix("sqlite:///")).exists()

    def open_store(self, location: str, *, create: bool = False) -> Database:
        url = database_url(location)
        database = Database.open(url)
        try:
            if database.is_empty():
                # Only the user's own default database starts with the demo; others start empty.
                demo = not create and url == database_url(None)
                database.import_scenario(build_demo() if demo else empty_scenario())
        except BaseException:
            database.close()
            raise
        return database

    def describe(self, location: str) -> str:
        return url_label(database_url(location))

    def lock_path(self, location: str) -> str | None:
        url = database_url(location)
        if not url.startswith("sqlite:///") or url.endswith(":memory:"):
            return None  # a server database serves many users; it locks what it must itself
        return url.removeprefix("sqlite:///") + ".lock"

    def load_scenario(self, path: str) -> Scenario:
        try:
            scenario, _calendar = load_scenario(path, official_calendar())
        except FormatError as error:
            problems = [str(p) for p in error.problems]
            shown = problems[:MAX_PROBLEMS_SHOWN]
            if len(problems) > len(shown):
                more = len(problems) - len(shown)
                shown.append(ngettext("… and {n} more problem", "… and {n} more problems", more).format(n=more))
            raise UserError(_("{file} cannot be imported; nothing was changed:").format(file=Path(path).name)
                            + "\n" + "\n".join(shown)) from error
        return scenario

    def save_scenario(self, scenario: Scenario, path: str) -> None:
        try:
            save_scenario(scenario, path)
        except OSError as error:
            raise UserError(_("{file} cannot be written: {reason}").format(
                file=path, reason=error.strerror or error)) from error

    # --- workbooks ---------------------------------------------------------------------------

    @property
    def has_spreadsheets(self) -> bool:
        return True

    def write_staff_template(self, path: str, roles: Sequence[Role], stations: Sequence[Station]) -> None:
        from shiftplan import spreadsheet

        with _spreadsheet_errors():
            spreadsheet.write_staff_template(path, roles, stations)

    def read_staff_workbook(self, path: str, roles: Sequence[Role], stations: Sequence[Station],
                            existing: Sequence[StaffMember]) -> StaffImport:
        from shiftplan import spreadsheet

        with _spreadsheet_errors():
            result = spreadsheet.read_staff_workbook(path, roles, stations, existing)
        rows = tuple(ImportRow(r.line, r.person, tuple(r.problems), tuple(r.warnings), r.action,
                               tuple(CellNote(c.key, c.message, c.problem) for c in r.cells), dict(r.values))
                     for r in result.rows)
        return StaffImport(rows, tuple(result.notes), tuple(result.valid))

    def export_staff(self, path: str, staff: Sequence[StaffMember], roles: Sequence[Role],
                     stations: Sequence[Station]) -> None:
        from shiftplan import spreadsheet

        with _spreadsheet_errors():
            spreadsheet.export_staff(path, staff, roles, stations)

    def export_roster(self, path: str, scenario: Scenario, schedule: Schedule, calendar: DayCalendar) -> None:
        from shiftplan import spreadsheet

        with _spreadsheet_errors():
            spreadsheet.export_roster(path, scenario, schedule, calendar)

    # --- roster files ------------------------------------------------------------------------

    def export_schedule_csv(self, path: str, assignments: Sequence[Assignment]) -> None:
        from shiftplan.exchange.schedule import save_schedule_csv

        with _file_errors():
            save_schedule_csv(tuple(assignments), path)

    def export_calendar(self, path: str, scenario: Scenario, assignments: Sequence[Assignment], staff_id: str) -> None:
        from shiftplan.exchange.ical import save_person_calendar

        person = next((p for p in scenario.staff if p.id == staff_id), None)
        if person is None:
            raise UserError(_("{id} is not on the staff list (any more).").format(id=staff_id))
        with _file_errors():
            save_person_calendar(scenario, assignments, person, path)

    def export_calendars(self, folder: str, scenario: Scenario, assignments: Sequence[Assignment]) -> list[str]:
        from shiftplan.exchange.ical import save_calendars

        with _file_errors():
            return [str(p) for p in save_calendars(scenario, assignments, folder)]

    # --- printing ----------------------------------------------------------------------------

    @property
    def has_printing(self) -> bool:
        return True

    @staticmethod
    def _print_request(job: PrintJob) -> PrintRequest:
        from shiftplan.printing import PrintRequest

        return PrintRequest(job.scenario, job.calendar, job.schedule, stations=job.stations, start=job.start,
                            end=job.end, version_label=job.version_label, status_label=job.status_label,
                            previous_schedule=job.previous, previous_label=job.previous_label)

    def unprintable(self, job: PrintJob) -> list[str]:
        from shiftplan.printing import PrintRequestError, unprintable

        try:
            return [str(p) for p in unprintable(self._print_request(job))]
        except PrintRequestError as error:
            raise UserError(str(error)) from error

    def render_printout(self, kind: str, job: PrintJob, *, progress: Callable[[float], None] | None = None,
                        cancelled: Callable[[], bool] | None = None, mark_unprintable: bool = False) -> bytes:
        from shiftplan.printing import FontMissingError, PrintCancelled, PrintRequestError, UnprintableTextError, render

        try:
            return render(kind, self._print_request(job), progress=progress, cancelled=cancelled,
                          mark_unprintable=mark_unprintable)
        except PrintCancelled as error:
            raise PrintCancelledError() from error
        except (PrintRequestError, UnprintableTextError, FontMissingError) as error:
            raise UserError(str(error)) from error

    def write_pdf(self, path: str, data: bytes) -> None:
        from shiftplan.printing import write_pdf

        with _file_errors():
            write_pdf(path, data)

    # --- solving -----------------------------------------------------------------------------

    def solve_job(self, scenario: Scenario, calendar: DayCalendar, time_limit: float,
                  on_progress: Callable[[SolveProgress], None] | None = None) -> SolverJob:
        return SolverJob(scenario, calendar, time_limit, on_progress)

    def replan_job(self, scenario: Scenario, calendar: DayCalendar, base: Schedule, start: dt.date,
                   time_limit: float, on_progress: Callable[[SolveProgress], None] | None = None) -> SolverJob:
        return SolverJob(scenario, calendar, time_limit, on_progress, replan=(base, start))


class SolverJob:
    """The ``SolveJob`` port on the CP-SAT solver (``shiftplan.solver.SolveRun``)."""

    def __init__(self, scenario: Scenario, calendar: DayCalendar, time_limit: float,
                 on_progress: Callable[[SolveProgress], None] | None,
                 replan: tuple[Schedule, dt.date] | None = None) -> None:
        self._scenario, self._calendar, self._time_limit = scenario, calendar, time_limit
        self._on_progress = on_progress
        self._replan = replan  # a re-plan of this roster from this date on (shiftplan.solver.replan)
        self._lock = threading.Lock()
        self._run: SolveRun | ReplanRun | None = None
        self._stopped = False

    def run(self) -> SolveOutcome:
        from shiftplan.solver import Progress, SolveOptions, SolveRun  # OR-Tools loads here, off the GUI thread

        def report(progress: Progress) -> None:
            if self._on_progress is not None:
                self._on_progress(SolveProgress(progress.elapsed, progress.objective, progress.bound))

        from shiftplan.solver.replan import ReplanRun

        options = SolveOptions(time_limit=self._time_limit)
        solve_run: SolveRun | ReplanRun = (
            SolveRun(self._scenario, self._calendar, options, on_progress=report) if self._replan is None else
            ReplanRun(self._scenario, self._calendar, *self._replan, options, on_progress=report))
        with self._lock:
            self._run = solve_run
            if self._stopped:
                solve_run.stop()
        if isinstance(solve_run, ReplanRun):
            replanned = solve_run.run()
            result, changes = replanned.result, replanned.changes
        else:
            result, changes = solve_run.run(), ()
        return SolveOutcome(result.schedule, result.wall_time, result.bound, result.stopped, changes, result.culprits)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._run is not None:
                self._run.stop()


@contextlib.contextmanager
def _file_errors() -> Iterator[None]:
    """The file system's errors as UserErrors."""
    try:
        yield
    except OSError as error:
        raise UserError(_("The file cannot be written or read: {reason}").format(
            reason=error.strerror or error)) from error


@contextlib.contextmanager
def _spreadsheet_errors() -> Iterator[None]:
    """Turn the spreadsheet adapter's errors (and the file system's) into UserErrors."""
    from shiftplan.spreadsheet import SpreadsheetError

    try:
        yield
    except SpreadsheetError as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(_("The file cannot be written or read: {reason}").format(
            reason=error.strerror or error)) from error
