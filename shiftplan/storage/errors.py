"""What can go wrong with the database, in words the planner can act on."""

from __future__ import annotations

from shiftplan.domain.errors import UserError


class StorageError(UserError):
    """Base of every storage failure; ``str(error)`` is a message for the user, in their language."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer shiftplan; it was left untouched."""


class NotADatabaseError(StorageError):
    """The file is not a database, or not one of shiftplan's."""


class DatabaseLockedError(StorageError):
    """Another program holds the database; trying again later may work."""


class DatabaseUnavailableError(StorageError):
    """The database cannot be opened or read at all (missing folder, no permission, server down)."""


class PlanNotFoundError(StorageError):
    """There is no plan with the requested id (or no plan at all)."""


class InvalidDataError(StorageError):
    """The data to store is inconsistent: it names something undefined, or repeats an id."""
