"""“Who can take this?”: the people for one slot of the roster, ranked, and why the others cannot.

The dialog shows a :class:`~shiftplan.services.roster.SlotCandidates` as a table: the candidates
first, best (the smallest change of the total soft cost) at the top, then everyone ruled out with
the first rule that rules them out. For an empty cell the slot (shift, station, role) is chosen
at the top. Accepting the dialog with a candidate chosen hands it to the page, which makes the
edit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QModelIndex, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import Assignment
from shiftplan.i18n import N_, _
from shiftplan.services.roster import CandidateRow, RosterEditing, SlotCandidates
from shiftplan.ui.models import RIGHT, Column, DomainTableModel
from shiftplan.ui.widgets import fit_columns, quiet_label, table_view

EXCLUDED_TEXT = QColor(128, 128, 128)


def _delta_text(row: CandidateRow) -> str:
    if row.delta is None:
        # Translators: the cost column of someone who cannot take the slot
        return _("ruled out")
    return f"{row.delta:+g}" if row.delta else "0"


def candidate_columns() -> tuple[Column[CandidateRow], ...]:
    def grey(row: CandidateRow) -> QColor | None:
        return None if row.eligible else EXCLUDED_TEXT

    return (
        Column[CandidateRow](N_("Person"), lambda r: r.name, foreground=grey),
        Column[CandidateRow](N_("Role"), lambda r: r.role_name, foreground=grey),
        Column[CandidateRow](N_("Cost change"), _delta_text,
                             lambda r: r.delta if r.delta is not None else float("inf"), RIGHT, foreground=grey,
                             header_tip=N_("How the roster's total soft cost changes when this person takes the "
                                           "slot (negative: it gets better)")),
        Column[CandidateRow](N_("Why"), lambda r: r.reason, foreground=grey),
    )


class CandidatesDialog(QDialog):
    """The ranked people for one slot; accept with a candidate chosen (:meth:`chosen`).

    Opened on a person's cell, the slot is that person's shift (to take over), or, on a free day,
    the one chosen in the dialog. Opened on a slot (``person`` None), ``shift`` and ``station``
    preset the choice.
    """

    def __init__(self, editing: RosterEditing, person: str | None, day: dt.date, station: str | None = None,
                 parent: QWidget | None = None, shift: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Who can take this?"))
        self.editing = editing
        self.day = day
        view = editing.view
        filled = view.assignments(person, day) if person is not None else ()
        self.vacated: Assignment | None = filled[0] if filled else None
        self._slot: SlotCandidates | None = None
        layout = QVBoxLayout(self)
        self.slot_label = QLabel(self)
        self.slot_label.setWordWrap(True)
        layout.addWidget(self.slot_label)

        self.shift_box = QComboBox(self)
        self.station_box = QComboBox(self)
        self.role_box = QComboBox(self)
        for s in view.scenario.shift_types:
            self.shift_box.addItem(s.name or s.id, s.id)
        for st in view.scenario.stations:
            self.station_box.addItem(st.name or st.id, st.id)
        self.role_box.addItem(_("Any role"), None)
        for r in view.scenario.roles:
            self.role_box.addItem(r.name or r.id, r.id)
        form = QFormLayout()
        form.addRow(_("&Shift:"), self.shift_box)
        form.addRow(_("S&tation:"), self.station_box)
        form.addRow(_("&Role:"), self.role_box)
        chooser = QWidget(self)
        chooser.setLayout(form)
        layout.addWidget(chooser)
        if self.vacated is not None:
            chooser.hide()  # a filled slot is the slot of the shift there
        else:
            options = editing.options(person) if person is not None else ()
            wanted = station or (options[0].station if options else None)
            with QSignalBlocker(self.station_box), QSignalBlocker(self.shift_box):
                self.station_box.setCurrentIndex(max(self.station_box.findData(wanted), 0))
                if shift is not None:
                    self.shift_box.setCurrentIndex(max(self.shift_box.findData(shift), 0))
        for box in (self.shift_box, self.station_box, self.role_box):
            box.currentIndexChanged.connect(self._on_slot_changed)

        self.model = DomainTableModel[CandidateRow](candidate_columns(), self)
        self.table = table_view(self.model, self)
        self.table.setSortingEnabled(False)  # best first, as ranked
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        layout.addWidget(self.table, 1)
        self.summary_label = quiet_label("", self)
        layout.addWidget(self.summary_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.assign_button: QPushButton = self.buttons.addButton(_("&Assign"),
                                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.assign_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._find()

    # --- the slot and its people ------------------------------------------------------------

    @property
    def slot(self) -> SlotCandidates | None:
        return self._slot

    def _find(self) -> None:
        vacated, day = self.vacated, self.day
        if vacated is not None:
            shift, station, role = vacated.shift, vacated.station, vacated.role
        else:
            shift, station, role = (self.shift_box.currentData(), self.station_box.currentData(),
                                    self.role_box.currentData())
        if shift is None or station is None:
            self._slot = None
            self.model.set_rows(())
            return
        editing = self.editing
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a district of hundreds takes a moment
        try:
            self._slot = slot = editing.candidates(day, shift, station, role, vacated)
        finally:
            QApplication.restoreOverrideCursor()
        where = editing.view.station_names.get(station, station)
        if vacated is not None:
            self.slot_label.setText(_("Who can take over {name}'s {shift} at {station} on {date}?").format(
                name=editing.name(vacated.staff), shift=editing.shift_name(shift), station=where,
                date=day.isoformat()))
        else:
            self.slot_label.setText(_("Who can work {shift} at {station} on {date}?").format(
                shift=editing.shift_name(shift), station=where, date=day.isoformat()))
        self.model.set_rows(slot.rows)
        fit_columns(self.table)
        eligible = sum(1 for r in slot.rows if r.eligible)
        summary = _("{n} can take it, {m} are ruled out.").format(n=eligible, m=len(slot.rows) - eligible)
        if slot.on_duty:
            summary += " " + _("Already on duty: {names}").format(names=_(", ").join(slot.on_duty))
        self.summary_label.setText(summary)
        self.assign_button.setEnabled(False)
        if eligible:
            self.select(slot.rows[0].staff)

    @Slot(int)
    def _on_slot_changed(self, _index: int) -> None:
        self._find()

    def chosen(self) -> CandidateRow | None:
        """The candidate selected (None: none, or someone ruled out)."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        row = self.model.item(selected[0].row())
        return row if row.eligible else None

    def select(self, staff: str) -> None:
        """Make the person's row the chosen one."""
        for i, row in enumerate(self.model.rows()):
            if row.staff == staff:
                self.table.setCurrentIndex(self.model.index(i, 0))
                self.table.selectRow(i)
                return

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.assign_button.setEnabled(self.chosen() is not None)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.item(index.row()).eligible:
            self.table.selectRow(index.row())
            self.accept()

    def accept(self) -> None:
        """Override QDialog::accept: only with a candidate chosen."""
        if self.chosen() is not None:
            super().accept()
