"""Engines for any SQLAlchemy URL, with SQLite made safe and strict, and driver errors made readable."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from shiftplan.i18n import _
from shiftplan.storage.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    InvalidDataError,
    NotADatabaseError,
)

# How long to wait for another program's write lock before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 5.0


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL; None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """How messages name the database: its file, or its URL without the password."""
    path = sqlite_file(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN (below): the driver's own transaction handling skips it
        # before DDL, which would make migrations non-atomic.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")  # off by default in SQLite, per connection
        cursor.execute("PRAGMA journal_mode=WAL")  # readers and one writer do not block each other
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def probe_engine(path: Path) -> Engine:
    """A plain connection to an existing SQLite file, for looking only.

    No pragmas (even switching to WAL would write to a foreign file), and ``mode=rw`` so that a
    file that has vanished is not created. Unlike ``mode=ro`` it can remove the -wal and -shm
    files again when it closes, leaving the folder as it found it.
    """
    uri = path.resolve().as_uri() + "?mode=rw"
    return create_engine("sqlite://", poolclass=NullPool,
                         creator=lambda: sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT))


@contextmanager
def translated_errors(where: str) -> Iterator[None]:
    """Turn driver failures into StorageErrors whose message names the database."""
    try:
        yield
    except exc.IntegrityError as error:
        raise InvalidDataError(_("The data could not be stored in {path}, because it is inconsistent: {detail}")
                               .format(path=where, detail=error.orig)) from error
    except exc.NoSuchModuleError as error:  # the driver for this kind of database is not installed
        raise DatabaseUnavailableError(_("The database {path} cannot be opened: {detail}").format(
            path=where, detail=error)) from error
    except exc.DBAPIError as error:
        detail = str(error.orig)
        if "locked" in detail or "busy" in detail:
            raise DatabaseLockedError(_(
                "The database {path} is in use by another program. Close that program or wait a moment, "
                "then try again.").format(path=where)) from error
        if "not a database" in detail or "malformed" in detail:
            raise NotADatabaseError(_(
                "The file {path} is not a shiftplan database: it is not a database at all, or it is damaged."
            ).format(path=where)) from error
        if isinstance(error, exc.OperationalError):
            raise DatabaseUnavailableError(_("The database {path} cannot be opened: {detail}").format(
                path=where, detail=detail)) from error
        raise
    except OSError as error:
        raise DatabaseUnavailableError(_("The database {path} cannot be opened: {detail}").format(
            path=where, detail=error.strerror or error)) from error
