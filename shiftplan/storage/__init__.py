"""Storage adapter: the organisation's data, plans and schedules in SQLite or PostgreSQL.

Domain objects go in and come out; the tables stay inside this package. Opening a database
migrates it to this version's schema, or refuses it untouched if a newer version wrote it.
"""

from shiftplan.storage.database import Database
from shiftplan.storage.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    InvalidDataError,
    NewerDatabaseError,
    NotADatabaseError,
    PlanNotFoundError,
    StorageError,
)
from shiftplan.storage.info import PlanInfo, ScheduleInfo

__all__ = [
    "Database",
    "DatabaseLockedError",
    "DatabaseUnavailableError",
    "InvalidDataError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "PlanInfo",
    "PlanNotFoundError",
    "ScheduleInfo",
    "StorageError",
]
