"""Opening a database: migrations at head, and refusals that leave foreign files untouched."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.pool import NullPool

from shiftplan.domain.model import Scenario
from shiftplan.storage import (
    Database,
    DatabaseUnavailableError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
)
from shiftplan.storage.migrate import MIGRATIONS, alembic_config, head_revision
from shiftplan.storage.orm import Base


def snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read without the storage package."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        content = {t: [tuple(r) for r in connection.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY 1')]
                   for t in tables}
    engine.dispose()
    return content


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- migrations ---------------------------------------------------------------------------


def test_a_new_database_is_at_the_single_head(db: Database) -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [head_revision()]
    with db._engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_heads() == (head_revision(),)


def test_the_models_match_the_migrations(db: Database) -> None:
    with db._engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        command.check(alembic_config(connection))  # what `alembic check` does: raises on drift


def test_migrations_go_down_and_up_again(url: str, rich: Scenario) -> None:
    with Database.open(url) as db:
        with db._engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        with db._engine.connect() as connection:
            assert inspect(connection).get_table_names() == ["alembic_version"]
    with Database.open(url) as db:
        db.import_scenario(rich)
        assert db.export_scenario() == rich


def test_migration_files_are_date_prefixed() -> None:
    names = [p.name for p in (MIGRATIONS / "versions").glob("*.py")]
    assert names
    for name in names:
        assert re.fullmatch(r"\d{4}_\d\d_\d\d_\d{6}_[0-9a-f]{12}_\w+\.py", name), name


def test_reopening_keeps_the_content(url: str, rich: Scenario) -> None:
    with Database.open(url) as db:
        db.import_scenario(rich)
    with Database.open(url) as db:
        assert db.export_scenario() == rich


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "新建文件夹" / "deeper" / "排班.db"
    with Database.open(f"sqlite:///{path}") as db:
        assert db.is_empty()
    assert path.is_file()


def test_an_empty_file_becomes_a_database(sqlite_path: Path) -> None:
    sqlite_path.touch()
    with Database.open(f"sqlite:///{sqlite_path}") as db:
        assert db.is_empty()


# --- refusals -----------------------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_untouched(url: str, rich: Scenario) -> None:
    with Database.open(url) as db:
        db.import_scenario(rich)
    stamper = create_engine(url, poolclass=NullPool)
    with stamper.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '20991231abcd'")
    stamper.dispose()
    sqlite_folder = Path(url.removeprefix("sqlite:///")).parent if url.startswith("sqlite") else None
    before_files = files(sqlite_folder) if sqlite_folder else None
    before = snapshot(url)

    with pytest.raises(NewerDatabaseError, match="newer version of shiftplan") as caught:
        Database.open(url)

    message = str(caught.value)
    assert "20991231abcd" in message
    if sqlite_folder:
        assert str(sqlite_folder) in message
        assert files(sqlite_folder) == before_files  # byte for byte, and no journal left behind
    assert snapshot(url) == before


def test_a_file_that_is_no_database_is_refused_untouched(sqlite_path: Path) -> None:
    noise = os.urandom(8192)
    sqlite_path.write_bytes(noise)
    with pytest.raises(NotADatabaseError, match="not a shiftplan database") as caught:
        Database.open(f"sqlite:///{sqlite_path}")
    assert str(sqlite_path) in str(caught.value)
    assert files(sqlite_path.parent) == {sqlite_path.name: noise}


def test_another_programs_database_is_refused_untouched(sqlite_path: Path) -> None:
    with sqlite3.connect(sqlite_path) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
        other.execute("INSERT INTO notes VALUES ('keep me')")
    other.close()
    before = files(sqlite_path.parent)
    with pytest.raises(NotADatabaseError, match="another program") as caught:
        Database.open(f"sqlite:///{sqlite_path}")
    assert str(sqlite_path) in str(caught.value)
    assert files(sqlite_path.parent) == before  # not even switched to write-ahead logging


def test_a_folder_in_place_of_the_file_gives_a_clear_error(sqlite_path: Path) -> None:
    sqlite_path.mkdir()
    with pytest.raises(DatabaseUnavailableError, match="cannot be opened") as caught:
        Database.open(f"sqlite:///{sqlite_path}")
    assert str(sqlite_path) in str(caught.value)


def test_an_unreachable_server_gives_a_clear_error() -> None:
    url = "postgresql+psycopg://someone:secret@127.0.0.1:9/nothing?connect_timeout=2"
    with pytest.raises(DatabaseUnavailableError, match="cannot be opened") as caught:
        Database.open(url)
    assert "127.0.0.1:9/nothing" in str(caught.value)
    assert "secret" not in str(caught.value)


def test_every_refusal_is_a_storage_error() -> None:
    for error in (NewerDatabaseError, NotADatabaseError, DatabaseUnavailableError):
        assert issubclass(error, StorageError)


def test_a_failed_migration_leaves_the_database_as_it_was(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def upgrade_then_fail(config: Config, revision: str) -> None:
        real_upgrade(config, revision)
        raise RuntimeError("power cut")

    real_upgrade = command.upgrade
    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        Database.open(url)
    assert snapshot(url) == {}  # not even the version table: the DDL ran in the rolled-back transaction


def test_a_database_before_publishing_is_upgraded_keeping_its_rosters(url: str, rich: Scenario) -> None:
    from shiftplan.domain.model import Assignment, Schedule

    with Database.open(url) as db:
        plan_id = db.import_scenario(rich)
        day = rich.period.start
        schedule = Schedule((Assignment(day, rich.shift_types[0].id, rich.stations[0].id, rich.staff[0].id,
                                        rich.staff[0].roles[0] if rich.staff[0].roles else None),))
        db.save_schedule(plan_id, schedule)
        stored = db.latest_schedule(plan_id)
        with db._engine.connect() as connection:
            raw = connection.connection.driver_connection
            if connection.dialect.name == "sqlite" and raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")  # as Database.open migrates: rebuilt tables must not cascade
            with connection.begin():
                command.downgrade(alembic_config(connection), "a28efb86c6ee")  # the schema before publishing
        with db._engine.connect() as connection:
            assert "published_at" not in {c["name"] for c in inspect(connection).get_columns("schedule")}
    with Database.open(url) as db:
        [info] = db.schedules(plan_id)
        assert not info.published and db.latest_schedule(plan_id) == stored is not None
