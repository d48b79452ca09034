"""All-or-nothing writes, enforced references, and a database that another program holds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc

from shiftplan.domain.model import FixedAssignment, Scenario, Schedule
from shiftplan.storage import Database, DatabaseLockedError, InvalidDataError, mapping
from shiftplan.storage import engine as storage_engine


def test_a_failed_import_leaves_everything_as_it_was(db: Database, rich: Scenario, minimal: Scenario,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    plan_id = db.import_scenario(rich)
    db.save_schedule(plan_id, Schedule(()))

    def fail(*_args: object) -> int:
        raise RuntimeError("disk on fire")

    # By now the old content is deleted and the new master data written, in the same transaction.
    monkeypatch.setattr(mapping, "_write_plan", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        db.import_scenario(minimal)
    assert db.export_scenario() == rich
    assert [p.id for p in db.plans()] == [plan_id]
    assert db.latest_schedule(plan_id) == Schedule(())


def test_an_import_failing_in_the_database_leaves_everything_as_it_was(db: Database, rich: Scenario) -> None:
    db.import_scenario(rich)
    broken = dataclasses.replace(rich, name="broken", fixed=(FixedAssignment("nobody", dt.date(2020, 2, 3), "D"),))
    with pytest.raises(InvalidDataError, match='"nobody"'):
        db.import_scenario(broken)
    assert db.export_scenario() == rich


def test_foreign_keys_are_enforced(db: Database, rich: Scenario) -> None:
    db.import_scenario(rich)
    # Below the public API on purpose: only raw SQL can try to break a reference.
    with pytest.raises(exc.IntegrityError), db._engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO staff_role (staff_id, position, role_id) VALUES (999999, 0, 999999)")
    with pytest.raises(exc.IntegrityError), db._engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM role")  # still named by staff and cover
    assert db.export_scenario() == rich


def test_sqlite_connections_enforce_foreign_keys_and_write_ahead(sqlite_path: Path) -> None:
    with Database.open(f"sqlite:///{sqlite_path}") as db:
        for _ in range(2):  # every connection, not just the first
            with db._engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with sqlite3.connect(sqlite_path) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_database_held_by_another_program_gives_a_clear_error(sqlite_path: Path, rich: Scenario,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_TIMEOUT", 0.1)
    with Database.open(f"sqlite:///{sqlite_path}") as db:
        other = sqlite3.connect(sqlite_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatabaseLockedError, match="in use by another program") as caught:
                db.import_scenario(rich)
            assert str(sqlite_path) in str(caught.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        db.import_scenario(rich)  # works again once the other program lets go
        assert db.export_scenario() == rich


def test_opening_a_database_held_by_another_program_gives_a_clear_error(sqlite_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_TIMEOUT", 0.1)
    Database.open(f"sqlite:///{sqlite_path}").close()
    other = sqlite3.connect(sqlite_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")  # keeps even readers out
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError, match=re.escape(str(sqlite_path))):
            Database.open(f"sqlite:///{sqlite_path}")
    finally:
        other.close()
