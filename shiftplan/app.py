"""The composition root: where settings, storage, the calendar and the user interface meet.

Everything else receives what it needs from here; nothing below reaches back up.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from shiftplan import __version__
from shiftplan.demo import build_demo
from shiftplan.domain.calendar import OfficialCalendar
from shiftplan.official_calendar import official_calendar
from shiftplan.storage import Database

APP_NAME = "shiftplan"
DATABASE_ENV = "SHIFTPLAN_DB"


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


def run_gui(url: str, language: str) -> int:
    from shiftplan.ui import run  # Qt is loaded only when a window is wanted

    database = open_database(url)
    try:
        return run(database.export_scenario, language=language, title_suffix=url_label(url),
                   version=__version__)
    finally:
        database.close()


def url_label(url: str) -> str:
    """A short name for the database, for window titles and messages."""
    return Path(url.removeprefix("sqlite:///")).name if url.startswith("sqlite:///") else url.split("@")[-1]
