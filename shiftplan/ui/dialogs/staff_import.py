"""Importing a staff list from Excel: read in the background, preview every row, then store all or nothing.

Nothing is written until the user has seen every row: the people that can be imported, and for
each other row what is wrong with it (which cell, which value). "Import" stores all the valid
rows in one transaction, as one edit that Undo takes back. A row about someone already in the staff
list (the same id, or the same name and phone) updates that person; the Status column says "New"
or "Update", and every cell with a problem is coloured, its tooltip saying what is wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import StaffMember
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services.ports import UPDATE, CellNote, ImportRow, StaffImport
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import PARTY_LABELS, RIGHT, Column, DomainTableModel, SortProxyModel, join_names
from shiftplan.ui.tasks import run_task
from shiftplan.ui.widgets import Level, MessageBar, fit_columns, quiet_label, sentences, table_view

PROBLEM_COLOUR = QColor(179, 38, 30)
WARNING_COLOUR = QColor(154, 96, 0)
PROBLEM_CELL = QColor(250, 219, 216)  # the background of a cell that keeps its row out
WARNING_CELL = QColor(255, 236, 179)  # the background of a cell worth a look


@dataclasses.dataclass(frozen=True)
class PreviewRow:
    id: str  # the Excel row number
    row: ImportRow


def cell_notes(row: PreviewRow, key: str) -> list[CellNote]:
    return [note for note in row.row.cells if note.key == key]


def cell_background(row: PreviewRow, key: str) -> QColor | None:
    notes = cell_notes(row, key)
    if any(note.problem for note in notes):
        return PROBLEM_CELL
    return WARNING_CELL if notes else None


class StaffImportDialog(QDialog):
    """The preview of a staff workbook, and the button that imports its valid rows."""

    def __init__(self, controller: Controller, result: StaffImport, file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import staff from {file}").format(file=Path(file).name))
        self._controller = controller
        self.staff_import = result
        self.imported = 0
        sc = controller.workspace.scenario
        roles = {r.id: r.name for r in sc.roles}
        stations = {s.id: s.name for s in sc.stations}

        def cell(header: str, key: str, text: Callable[[StaffMember], str]) -> Column[PreviewRow]:
            """A column of one field: the value read (as written when the row cannot be imported), the cell
            marked when something is wrong with it, and what in its tooltip."""
            def shown(r: PreviewRow) -> str:
                return text(r.row.person) if r.row.person is not None else r.row.values.get(key, "")

            def tip(r: PreviewRow) -> str:
                return "\n".join(note.message for note in cell_notes(r, key)) or shown(r)

            return Column[PreviewRow](header, shown, tooltip=tip, background=lambda r: cell_background(r, key))

        def day(value: dt.date | None) -> str:
            return value.isoformat() if value else ""

        columns = (
            Column[PreviewRow](N_("Row"), lambda r: r.id, lambda r: int(r.id), RIGHT),
            Column[PreviewRow](N_("Status"), self._status, foreground=self._colour),
            cell(N_("ID"), "id", lambda p: p.id),
            cell(N_("Name"), "name", lambda p: p.name),
            cell(N_("Unit"), "unit", lambda p: p.unit),
            cell(N_("Phone"), "phone", lambda p: p.phone),
            cell(N_("Roles"), "roles", lambda p: join_names(roles.get(x, x) for x in p.roles)),
            cell(N_("Party status"), "party", lambda p: _(PARTY_LABELS[p.party])),
            cell(N_("Stations"), "stations", lambda p: _("All stations") if p.stations is None else join_names(
                stations.get(x, x) for x in p.stations)),
            cell(N_("Team"), "team", lambda p: p.team),
            cell(N_("First day"), "from", lambda p: day(p.active_from)),
            cell(N_("Last day"), "to", lambda p: day(p.active_to)),
            Column[PreviewRow](N_("Problems"), self._problems, foreground=self._colour,
                               tooltip=lambda r: "\n".join((*r.row.problems, *r.row.warnings))),
        )
        self.model: DomainTableModel[PreviewRow] = DomainTableModel(columns, self)
        self.model.set_rows(PreviewRow(str(row.line), row) for row in result.rows)
        self.proxy = _ProblemFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy, self)
        fit_columns(self.view)

        valid, bad = len(result.valid), sum(1 for r in result.rows if r.problems)
        updates = sum(1 for r in result.rows if r.person is not None and r.action == UPDATE)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        parts = [ngettext("{n} row read.", "{n} rows read.", len(result.rows)).format(n=len(result.rows)),
                 ngettext("{n} person can be imported.", "{n} people can be imported.", valid).format(n=valid)]
        if updates:
            parts.append(ngettext("{n} of them is already in the staff list and is updated.",
                                  "{n} of them are already in the staff list and are updated.", updates).format(
                n=updates))
        if bad:
            parts.append(ngettext("{n} row has problems and will not be imported; fix it in the workbook and "
                                   "import it again.", "{n} rows have problems and will not be imported; fix them "
                                   "in the workbook and import them again.", bad).format(n=bad))
        self.summary.setText(sentences(*parts))
        self.notes = quiet_label("\n".join(result.notes), self)
        self.notes.setWordWrap(True)
        self.only_problems = QCheckBox(_("Show only rows with problems"), self)
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.only_problems.setEnabled(bad > 0)
        self.messages = MessageBar(self)
        if not result.rows:
            self.messages.show_message(_("The sheet has no rows of people."), Level.WARNING)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ngettext("Import {n} person", "Import {n} people", valid).format(n=valid))
        ok.setEnabled(valid > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 600)

    @staticmethod
    def _status(row: PreviewRow) -> str:
        if row.row.problems:
            return _("Not imported")
        if row.row.action == UPDATE:
            return _("Update, please check") if row.row.warnings else _("Update")
        return _("New, please check") if row.row.warnings else _("New")

    @staticmethod
    def _colour(row: PreviewRow) -> QColor | None:
        if row.row.problems:
            return PROBLEM_COLOUR
        if row.row.warnings:
            return WARNING_COLOUR
        return None

    @staticmethod
    def _problems(row: PreviewRow) -> str:
        return "；".join((*row.row.problems, *row.row.warnings))

    def accept(self) -> None:
        """Override QDialog::accept: store every valid row in one transaction, or nothing."""
        people = list(self.staff_import.valid)
        error = self._controller.apply(self._controller.workspace.import_people(people))
        if error is not None:
            self.messages.show_message(error, Level.ERROR)
            return
        self.imported = len(people)
        super().accept()


class _ProblemFilter(SortProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._only = False

    def set_only_problems(self, only: bool) -> None:
        self.beginFilterChange()
        self._only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        if not self._only:
            return True
        model = self.sourceModel()
        assert isinstance(model, DomainTableModel)
        row: PreviewRow = model.item(source_row)
        return bool(row.row.problems or row.row.warnings)


def import_staff_workbook(parent: QWidget, controller: Controller, path: str | None = None) -> None:
    """Ask for a workbook (unless given), read it in the background, preview it, import what the user accepts."""
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(parent, _("Import staff from Excel"), "",
                                                    _("Excel workbooks (*.xlsx)"))
        if not path:
            return
    sc = controller.workspace.scenario
    backend = controller.backend

    def read() -> StaffImport:
        return backend.read_staff_workbook(path, sc.roles, sc.stations, sc.staff)

    def show(result: StaffImport) -> None:
        dialog = StaffImportDialog(controller, result, path, parent)
        dialog.open()

    def fail(error: Exception) -> None:
        QMessageBox.warning(parent, _("Import staff from Excel"), str(error))

    run_task(parent, _("Reading {file}…").format(file=Path(path).name), read, show, fail)
