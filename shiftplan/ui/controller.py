"""The open database for the screens: its workspace, its undo history, and one ``changed`` signal.

Every change goes the same way: a page builds an :class:`~shiftplan.services.workspace.Edit` from
the workspace and hands it to :meth:`Controller.apply`, which makes it (one transaction), puts it
on the undo stack and tells every page what changed. Undo and redo run the same edit backward and
forward, again one transaction each, so the database always holds what the screen shows.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from shiftplan.domain.errors import UserError
from shiftplan.domain.model import Schedule
from shiftplan.i18n import _
from shiftplan.services.ports import Backend
from shiftplan.services.workspace import Changes, Edit, Workspace
from shiftplan.ui.lock import DatabaseLock

log = logging.getLogger(__name__)


MERGE_SECONDS = 3.0  # changes of one field closer together than this are undone as one
_merge_ids: dict[str, int] = {}


class EditCommand(QUndoCommand):
    """An edit on the undo stack. It is made before it is pushed, so the push does not repeat it."""

    def __init__(self, controller: Controller, edit: Edit) -> None:
        super().__init__(edit.text)
        self.edit = edit
        self._controller = controller
        self._made = True
        self._when = time.monotonic()

    def id(self) -> int:
        """Override QUndoCommand::id: edits with the same merge key share an id (others: -1, never merge)."""
        if not self.edit.merge_key:
            return -1
        return _merge_ids.setdefault(self.edit.merge_key, len(_merge_ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Override QUndoCommand::mergeWith: a quick second change of the same field joins the first."""
        if not isinstance(other, EditCommand) or other.edit.merge_key != self.edit.merge_key:
            return False
        if other._when - self._when > MERGE_SECONDS:
            return False
        self.edit = self.edit.merged(other.edit)
        self._when = other._when
        self.setText(self.edit.text)
        return True

    def redo(self) -> None:
        """Override QUndoCommand::redo."""
        if self._made:  # QUndoStack.push calls redo(); the edit is already in the database
            self._made = False
            return
        self._controller.step(self.edit, forward=True)

    def undo(self) -> None:
        """Override QUndoCommand::undo."""
        self._controller.step(self.edit, forward=False)


class Controller(QObject):
    """Owns the open database (with its lock) and the undo history of the edits made to it.

    Signals:
        changed(Changes): the data changed: an edit, an undo or redo, or another database opened.
        failed(str): an undo or redo could not be made (the message says why); the history is cleared.
        saved(str): an edit, undo or redo is stored; the text says which.
    """

    changed = Signal(object)
    failed = Signal(str)
    saved = Signal(str)

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.undo_stack = QUndoStack(self)
        self._workspace: Workspace | None = None
        self._lock: DatabaseLock | None = None
        self.location = ""

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise RuntimeError("no database is open")
        return self._workspace

    @property
    def is_open(self) -> bool:
        return self._workspace is not None

    @property
    def label(self) -> str:
        return self.backend.describe(self.location) if self.location else ""

    # --- opening and closing ----------------------------------------------------------------

    def open(self, location: str, *, create: bool = False, take_over: bool = False) -> None:
        """Open (or create) a database instead of the current one; raises UserError, keeping the current one.

        A database another shiftplan window has open is refused (DatabaseInUseError), unless
        ``take_over`` says the user knows that window is gone.
        """
        path = self.backend.lock_path(location)
        lock = DatabaseLock(path) if path else None
        if lock is not None and (self._lock is None or self._lock.path != lock.path):
            if take_over:
                lock.take_over()
            else:
                lock.acquire(self.backend.describe(location))
        elif lock is not None:
            lock = None  # reopening the database this window already holds
        try:
            workspace = Workspace(self.backend.open_store(location, create=create), self.backend.official_calendar)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        self._close_current(keep_lock=lock is None)
        self._workspace = workspace
        if lock is not None:
            self._lock = lock
        self.location = location
        self.undo_stack.clear()
        self.changed.emit(Changes.ALL)

    def close(self) -> None:
        self._close_current(keep_lock=False)
        self.location = ""

    def _close_current(self, *, keep_lock: bool) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None
        if self._lock is not None and not keep_lock:
            self._lock.release()
            self._lock = None

    def reset_history(self) -> None:
        """Forget the undo history (after something that cannot be undone, such as a whole import)."""
        self.undo_stack.clear()

    def reload(self) -> None:
        self.workspace.reload()
        self.changed.emit(Changes.ALL)

    # --- edits ------------------------------------------------------------------------------

    def apply(self, edit: Edit) -> str | None:
        """Make an edit and keep it for undo; returns None, or why it was refused (nothing changed)."""
        try:
            changes = self.workspace.apply(edit)
        except UserError as error:
            self.changed.emit(Changes.ALL)  # what the database holds, in case it was changed from outside
            return str(error)
        self.undo_stack.push(EditCommand(self, edit))
        self.changed.emit(changes)
        self.saved.emit(edit.text)
        return None

    def step(self, edit: Edit, *, forward: bool) -> None:
        """Redo (forward) or undo an edit on the stack; a failure is announced and clears the history."""
        try:
            changes = self.workspace.apply(edit) if forward else self.workspace.revert(edit)
        except UserError as error:
            log.warning("could not %s %r: %s", "redo" if forward else "undo", edit.text, error)
            # The stack cannot stop midway; clear it once it is done with this step.
            QTimer.singleShot(0, self.undo_stack.clear)
            self.changed.emit(Changes.ALL)
            template = _("Could not redo “{edit}”: {error}") if forward else _("Could not undo “{edit}”: {error}")
            self.failed.emit(template.format(edit=edit.text, error=error))
            return
        self.changed.emit(changes)
        template = _("Redone: {edit}") if forward else _("Undone: {edit}")
        self.saved.emit(template.format(edit=edit.text))

    # --- rosters ----------------------------------------------------------------------------

    def save_schedule(self, plan_id: int, schedule: Schedule, text: str) -> str | None:
        """Keep a roster as the plan's newest schedule (one transaction, not undoable: the older
        versions stay stored); returns None, or why it could not be saved."""
        try:
            self.workspace.save_schedule(plan_id, schedule)
        except UserError as error:
            return str(error)
        self.changed.emit(Changes.SCHEDULES)
        self.saved.emit(text)
        return None
