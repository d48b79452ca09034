"""One window per database: a lock file next to it, with the process that holds it.

Two windows editing one database would each show data the other has changed, and each undo
history would undo the other's work. So the window that opens a database first takes
``<file>.lock`` (a ``QLockFile``); a second one is refused and told which process has it.

A lock left behind by a process that was killed does not block: ``QLockFile`` sees that the
process in the file is gone (same computer) and takes the lock over. So a lock that is still
refused and names this computer is held by a live process: the user is told which one and is not
offered to take it over. On a network share the other computer's process cannot be seen; the user
may then take the lock over by hand.

The folder of the lock file is created first: on the first start the user's data folder does not
exist yet, and the lock is taken before the database (which would create it) is opened.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from shiftplan.domain.errors import UserError
from shiftplan.i18n import _


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    app: str
    live_here: bool = False  # a running process on this computer: the lock must not be taken over

    @property
    def may_be_gone(self) -> bool:
        """Whether the user may know better than we do that the holder is gone (another computer)."""
        return not self.live_here


def _running(pid: int) -> bool:
    """Whether a process of this computer is running; where that cannot be asked, QLockFile's word (yes)."""
    if sys.platform == "win32" or pid <= 0:
        return pid > 0
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return True
    return True


class DatabaseInUseError(UserError):
    """Another shiftplan window has the database open."""

    def __init__(self, where: str, holder: Holder | None) -> None:
        self.holder = holder
        if holder is not None and holder.live_here:
            message = _("The database {file} is already open in another shiftplan window on this computer: process "
                        "{pid} ({app}). Switch to that window, or close it and try again.").format(
                file=where, pid=holder.pid, app=holder.app or "shiftplan")
        elif holder is not None:
            message = _("The database {file} is already open in another shiftplan window (process {pid} on "
                        "{host}). Switch to that window, or close it and try again.").format(
                file=where, pid=holder.pid, host=holder.host or "?")
        else:
            message = _("The database {file} is already open in another shiftplan window. Switch to that window, "
                        "or close it and try again.").format(file=where)
        super().__init__(message)


class DatabaseLock:
    """The lock of one database file; released by :meth:`release` (or when the process ends)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = QLockFile(path)
        self._lock.setStaleLockTime(0)  # never stale by age: only a process that is gone lets go

    def _make_folder(self) -> None:
        folder = Path(self.path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(_("The folder {folder} cannot be created: {reason}").format(
                folder=folder, reason=error.strerror or error)) from error

    def acquire(self, where: str) -> None:
        """Take the lock, or raise DatabaseInUseError naming who has it."""
        self._make_folder()
        if self._lock.tryLock(0):
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            raise DatabaseInUseError(where, self.holder())
        raise UserError(_("The lock file {file} cannot be written: check that the folder may be written to.").format(
            file=self.path))

    def take_over(self) -> None:
        """Take the lock from a holder the user knows to be gone (e.g. on another computer)."""
        self._make_folder()
        if not self._lock.removeStaleLockFile():  # refused while the holder's file lock holds: remove it anyway
            with contextlib.suppress(OSError):
                Path(self.path).unlink()
        if not self._lock.tryLock(0):
            raise UserError(_("The lock file {file} cannot be taken over.").format(file=self.path))

    def holder(self) -> Holder | None:
        pid, host, app = self._lock.getLockInfo()  # (0, "", "") when nobody holds it
        if not pid:
            return None
        here = str(host) == QSysInfo.machineHostName()
        return Holder(int(pid), str(host), str(app), live_here=here and _running(int(pid)))

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def locked(self) -> bool:
        return self._lock.isLocked()
