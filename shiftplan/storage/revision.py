"""Developer tool: write a new migration after changing ``orm.py``::

    .venv/bin/python -m shiftplan.storage.revision "what changed"

It upgrades a scratch SQLite database to the newest migration, compares it with the models and
writes the difference as a date-prefixed file into ``migrations/versions/``. Read that file, fix
it up, and add an entry to ``migrations/MIGRATION-NOTES.md``.
"""

from __future__ import annotations

import sys
import tempfile

from alembic import command
from sqlalchemy.engine import make_url

from shiftplan.storage.engine import make_engine
from shiftplan.storage.migrate import alembic_config, upgrade


def make_revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(make_url(f"sqlite:///{folder}/scratch.db"))
        try:
            upgrade(engine)
            with engine.begin() as connection:
                command.revision(alembic_config(connection), message, autogenerate=True)
        finally:
            engine.dispose()


if __name__ == "__main__":
    make_revision(" ".join(sys.argv[1:]) or "change")
