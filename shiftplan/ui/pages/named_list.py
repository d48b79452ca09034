"""A page for a short ordered list edited in place: stations, roles, shift types.

The table is the editor: double-click (or type over) a cell to change it, Add inserts a row and
starts on its name, Delete removes the selected row, Move up and Move down set the order in which
the list appears everywhere else (sheets, cover, the staff table).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QItemSelection, Slot
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from shiftplan.domain.model import Role, ShiftType, Station
from shiftplan.i18n import _, ngettext
from shiftplan.services.checks import Problems
from shiftplan.services.workspace import Edit
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import Column, DomainTableModel
from shiftplan.ui.pages.base import Page, button_row, edit_cell, select_ids
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import fit_columns, quiet_label, table_view

T = TypeVar("T", Station, Role, ShiftType)


class NamedListPage(Page, Generic[T]):
    """Subclasses provide the columns, a new item, the checks and the workspace's edits."""

    NAME_COLUMN = 1
    STRETCH_LAST = True  # False when the last column is a number: it would stand far from its row

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.model: DomainTableModel[T] = DomainTableModel(self.columns(), self)
        self.model.commit = self._commit
        self.model.refused.connect(self.refuse)
        self.view: QTableView = table_view(self.model, self, editable=True)
        self.view.setSortingEnabled(False)  # the list's own order is the order everywhere
        self.view.horizontalHeader().setStretchLastSection(self.STRETCH_LAST)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        self.add_button = QPushButton(_("Add"), self)
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.clicked.connect(self.delete)
        self.up_button = QPushButton(_("Move up"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(_("Move down"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.count_label = quiet_label("", self)
        row = button_row(self.add_button, self.delete_button, self.up_button, self.down_button)
        row.addWidget(self.count_label)
        self.body.addLayout(row)
        self.body.addWidget(self.view, 1)
        self._fitted = False
        self._update_buttons()

    # --- what subclasses say ----------------------------------------------------------------

    def columns(self) -> Sequence[Column[T]]:
        raise NotImplementedError

    def items(self) -> tuple[T, ...]:
        raise NotImplementedError

    def new_item(self) -> T:
        raise NotImplementedError

    def check(self, new: T, others: Sequence[T], old: T | None = None) -> Problems:
        """The problems of ``new`` (``old``: the item before the edit)."""
        raise NotImplementedError

    def add_edit(self, item: T, index: int | None) -> Edit:
        raise NotImplementedError

    def update_edit(self, old: T, new: T) -> Edit:
        raise NotImplementedError

    def delete_edit(self, item: T) -> Edit:
        raise NotImplementedError

    def move_edit(self, item: T, index: int) -> Edit:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        return ngettext("{n} entry", "{n} entries", n).format(n=n)

    def prepare(self) -> None:
        """Before the rows are shown again: what the columns need besides the items."""

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: object) -> None:
        self.prepare()
        self.model.set_rows(self.items())
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view)
            self._fitted = True
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self._update_buttons()

    def _selected(self) -> T | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        self.actions_changed.emit()

    def _update_buttons(self) -> None:
        item = self._selected()
        index = self.model.rows().index(item) if item is not None else -1
        self.delete_button.setEnabled(item is not None)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < self.model.rowCount() - 1)

    # --- editing ----------------------------------------------------------------------------

    def _commit(self, old: T, new: T) -> bool:
        others = [item for item in self.model.rows() if item.id != old.id]
        if not self.refuse_problems(self.check(new, others, old)):
            return False
        return self.apply(self.update_edit(old, new))

    def can_add(self) -> bool:
        return True

    def add(self) -> None:
        item = self.new_item()
        selected = self._selected()
        index = self.model.rows().index(selected) + 1 if selected is not None else None
        if self.apply(self.add_edit(item, index)):
            select_ids(self.view, [item.id])
            edit_cell(self.view, item.id, self.NAME_COLUMN)

    def can_delete(self) -> bool:
        return self._selected() is not None

    def delete(self) -> None:
        item = self._selected()
        if item is None:
            return
        index = self.model.rows().index(item)
        if self.apply(self.delete_edit(item)) and self.model.rowCount():
            select_ids(self.view, [self.model.item(min(index, self.model.rowCount() - 1)).id])

    def _move(self, step: int) -> None:
        item = self._selected()
        if item is None:
            return
        index = self.model.rows().index(item) + step
        if 0 <= index < self.model.rowCount() and self.apply(self.move_edit(item, index)):
            select_ids(self.view, [item.id])

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout(f"{self.key}.table", self.view.horizontalHeader().saveState())

    def restore_layout(self, state: WindowState) -> None:
        saved = state.layout(f"{self.key}.table")
        if not saved.isEmpty() and self.view.horizontalHeader().restoreState(saved):
            self._fitted = True


def unique_name(base: str, taken: Sequence[str]) -> str:
    """``base``, or ``base 2``, ``base 3`` … whichever is free."""
    names = set(taken)
    if base not in names:
        return base
    number = 2
    while f"{base} {number}" in names:
        number += 1
    return f"{base} {number}"

