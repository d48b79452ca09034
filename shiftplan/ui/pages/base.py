"""What every page has: a heading, a message bar, a body, and a refresh when its data changes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTableView, QVBoxLayout, QWidget

from shiftplan.i18n import _
from shiftplan.services.workspace import Changes, Edit, Workspace
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import ID_ROLE
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import Level, MessageBar, heading_label, quiet_label


class Page(QWidget):
    """A navigation entry: a heading and a line of help over the page's own content.

    Subclasses set ``title`` and ``help`` (marked with N_(), translated when shown), ``icon`` (a
    name in resources/icons), ``key`` (for remembered layouts) and ``interests`` (the changes
    they show), fill ``self.body`` and implement :meth:`refresh`. A page refreshes only while it is
    on screen; changes made meanwhile are caught up when it is shown.

    Signals:
        actions_changed(): what Add and Delete would do has changed (e.g. the selection).
    """

    title = ""
    help = ""
    icon = ""
    key = ""
    interests = Changes.ALL

    actions_changed = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._pending = Changes.ALL
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(heading_label(_(self.title), self))
        if self.help:
            hint = quiet_label(_(self.help), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.messages = MessageBar(self)
        layout.addWidget(self.messages)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        layout.addLayout(self.body, 1)
        controller.changed.connect(self._on_controller_changed)

    @property
    def workspace(self) -> Workspace:
        return self.controller.workspace

    # --- refreshing -------------------------------------------------------------------------

    @Slot(object)
    def _on_controller_changed(self, changes: Changes) -> None:
        if not changes & self.interests:
            return
        self._pending |= changes
        if self.isVisible():
            self.catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: show what changed while the page was hidden."""
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Refresh now if anything changed since the last time."""
        if self._pending and self.controller.is_open:
            changes, self._pending = self._pending, Changes.NONE
            self.refresh(changes)

    def refresh(self, changes: Changes) -> None:
        """Show the workspace's data again; ``changes`` says what changed since the last time."""
        raise NotImplementedError

    # --- editing ----------------------------------------------------------------------------

    def apply(self, edit: Edit) -> bool:
        """Make an edit; a refusal is shown on the message bar. Returns whether it was made."""
        error = self.controller.apply(edit)
        if error is not None:
            self.messages.show_message(error, Level.ERROR)
            return False
        if self.messages.level == Level.ERROR:
            self.messages.clear()
        return True

    def refuse(self, message: str) -> bool:
        """Show why something typed cannot be used; returns False, for ``commit`` callbacks."""
        self.messages.show_message(message, Level.ERROR)
        return False

    def refuse_problems(self, problems: dict[str, str]) -> bool:
        """Show the first problem of a check (services.checks); True when there is none."""
        if problems:
            return self.refuse(next(iter(problems.values())))
        return True

    def can_add(self) -> bool:
        return False

    def add(self) -> None:
        """The Add action of the Edit menu and toolbar, for this page."""

    def can_delete(self) -> bool:
        return False

    def delete(self) -> None:
        """The Delete action, for what is selected on this page."""

    def add_text(self) -> str:
        return _("&Add")

    # --- layout ------------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        """Remember column widths and splitters."""

    def restore_layout(self, state: WindowState) -> None:
        """Put back what :meth:`save_layout` remembered."""


def button_row(*buttons: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(6)
    for i, button in enumerate(buttons):
        if stretch_at == i:
            row.addStretch()
        row.addWidget(button)
    if stretch_at is None:
        row.addStretch()
    return row


def selected_ids(view: QTableView) -> list[str]:
    """The ids of the selected rows, top to bottom as shown."""
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    model = view.model()
    return [str(model.index(row, 0).data(ID_ROLE)) for row in rows]


def select_ids(view: QTableView, ids: list[str], current: str | None = None) -> None:
    """Select the rows with these ids (e.g. again after a refresh), and make one current."""
    model = view.model()
    selection = view.selectionModel()
    wanted = set(ids)
    chosen = QItemSelection()
    current_index = QModelIndex()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        code = index.data(ID_ROLE)
        if code in wanted:
            chosen.select(index, index)
        if code == current or (current is None and code in wanted and not current_index.isValid()):
            current_index = index
    if current_index.isValid():  # first, so that whoever hears of the new selection finds it current
        selection.setCurrentIndex(current_index, QItemSelectionModel.SelectionFlag.NoUpdate)
        view.scrollTo(current_index)
    selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)


def current_id(view: QTableView) -> str | None:
    index = view.currentIndex()
    return None if not index.isValid() else index.siblingAtColumn(0).data(ID_ROLE)


def edit_cell(view: QTableView, item_id: str, column: int) -> None:
    """Start editing a cell of the row with this id (e.g. the name of something just added)."""
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == item_id:
            index = model.index(row, column)
            view.setCurrentIndex(index)
            view.scrollTo(index)
            view.edit(index)
            return

