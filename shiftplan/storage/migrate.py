"""Alembic driven from code: the migrations ship inside the package and run when a database opens.

To add a migration, see ``shiftplan/storage/revision.py``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from shiftplan.i18n import _
from shiftplan.storage.errors import NewerDatabaseError, NotADatabaseError, StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration, built here so that no alembic.ini is needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    # %% because the options go through ConfigParser interpolation.
    config.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d"
                                            "%%(second).2d_%%(rev)s_%%(slug)s")
    config.set_main_option("timezone", "UTC")
    if connection is not None:
        config.attributes["connection"] = connection  # env.py migrates on this connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships without migrations"
    return head


def current_revision(connection: Connection, where: str) -> str | None:
    """The database's revision (None: no shiftplan tables yet), refusing what this version cannot read.

    Only reads, so a refused database stays exactly as it was.
    """
    context = MigrationContext.configure(connection)
    heads = context.get_current_heads()
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if unknown := [h for h in heads if h not in known]:
        raise NewerDatabaseError(_(
            "The database {path} was written by a newer version of shiftplan (revision {revision}). "
            "Install that version or a later one to open it; this version has not changed it."
        ).format(path=where, revision=", ".join(unknown)))
    if not heads and set(inspect(connection).get_table_names()) - {context.version_table}:
        raise NotADatabaseError(_(
            "{path} is a database of another program, not of shiftplan. Choose another file; this one "
            "has not been changed.").format(path=where))
    return heads[0] if heads else None


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision: all migrations in one transaction, or none."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None, "a connection that is open has its driver connection"
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild tables; dropping the old copy with foreign keys on would
            # cascade or fail. The pragma only works outside a transaction, hence on the raw driver.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError(_("Updating the database broke its references; nothing was changed."))
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
