"""Alembic environment: migrates on the connection that ``shiftplan.storage.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from shiftplan.storage.orm import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run shiftplan's migrations through shiftplan.storage.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
# Inside the caller's transaction, so that a failed upgrade leaves the database as it was.
with context.begin_transaction():
    context.run_migrations()
