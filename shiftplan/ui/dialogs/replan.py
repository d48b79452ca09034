"""Someone is ill or absent: record the leave and re-plan from that date; then the changes, to accept or discard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.changes import Change, change_lines
from shiftplan.domain.model import Absence, Period, Scenario, StaffMember
from shiftplan.i18n import _, ngettext
from shiftplan.services import checks
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.dialogs.leave import REASONS, _date, _Dialog, date_edit


def default_start(period: Period, today: dt.date | None = None) -> dt.date:
    """Today, moved into the plan's period."""
    day = today or dt.date.today()
    return min(max(day, period.start), period.end)


class ReplanDialog(_Dialog):
    """Who is absent, from when (until when, if known) and why; OK records the leave (one undoable edit)."""

    def __init__(self, workspace: Workspace, people: Sequence[StaffMember], period: Period,
                 parent: QWidget | None = None, *, apply: Callable[[Edit], str | None],
                 today: dt.date | None = None, person: str | None = None) -> None:
        super().__init__(_("Someone is ill or absent"), parent, apply)
        self._workspace, self._period = workspace, period
        self._people = {p.id: p for p in people}
        self.person_box = QComboBox(self)
        for p in people:
            self.person_box.addItem(p.name, p.id)
        if person is not None:
            self.person_box.setCurrentIndex(max(0, self.person_box.findData(person)))
        start = default_start(period, today)
        self.start_edit = date_edit(self, start)
        self.until_box = QCheckBox(_("known:"), self)
        self.until_box.setToolTip(_("Without an end, the leave lasts to the end of the plan"))
        self.end_edit = date_edit(self, start)
        self.end_edit.setEnabled(False)
        self.until_box.toggled.connect(self.end_edit.setEnabled)
        self.reason_box = QComboBox(self)
        self.reason_box.setEditable(True)
        self.reason_box.addItems([_(r) for r in REASONS])
        note = QLabel(_("The leave is recorded at once (Edit ▸ Undo removes it). The roster is then re-planned from "
                        "the first day of the leave with as few changes as possible; the days before stay as they "
                        "are. You see the changes before anything of the roster is saved."), self)
        note.setWordWrap(True)
        self.form.add(_("&Person:"), self.person_box)
        self.form.add(_("&From:"), self.start_edit, "start")
        until = QWidget(self)
        row = QHBoxLayout(until)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.until_box)
        row.addWidget(self.end_edit, 1)
        self.form.add(_("&Until:"), until, "end")
        self.form.add(_("&Reason:"), self.reason_box)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Re-plan"))
        self.layout_.addRow(note)
        self.finish_layout()

    def absence(self) -> Absence:
        start = _date(self.start_edit)
        end = _date(self.end_edit) if self.until_box.isChecked() else max(start, self._period.end)
        return Absence(str(self.person_box.currentData()), start, end, self.reason_box.currentText().strip())

    def accept(self) -> None:
        """Override QDialog::accept: record the leave, or say in place why not."""
        absence = self.absence()
        ws = self._workspace
        self.store(checks.absence(absence, ws.scenario.absences), lambda: ws.add_absence(absence))


class ChangesDialog(QDialog):
    """What a re-plan changes, person by person: Accept keeps it as the plan's new version, Discard drops it."""

    def __init__(self, changes: Sequence[Change], scenario: Scenario, absent: str, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Changes of the re-plan"))
        self.changes = tuple(changes)
        lines = change_lines(changes, scenario)
        people = len({line.staff for line in lines})
        if lines:
            summary = ngettext("{n} change", "{n} changes", len(lines)).format(n=len(lines)) + " · " + ngettext(
                "{n} person", "{n} people", people).format(n=people)
        else:
            summary = _("No assignment changes.")
        self.summary_label = QLabel(summary, self)
        self.table = QTableWidget(len(lines), 4, self)
        self.table.setHorizontalHeaderLabels([_("Person"), _("Date"), _("Before"), _("After")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, line in enumerate(lines):
            for col, text in enumerate((line.name, line.date.isoformat(), line.before, line.after)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(_("Accept saves this roster as the plan's new version (a draft; the current one stays "
                        "stored). Discard saves nothing. Either way the leave of {name} stays recorded, because it "
                        "is a fact; remove it on the Leave page or with Edit ▸ Undo.").format(name=absent), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(_("&Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Discard)
        self.buttons.accepted.connect(self.accept)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        column = QVBoxLayout(self)
        column.addWidget(self.summary_label)
        column.addWidget(self.table, 1)
        column.addWidget(note)
        column.addWidget(self.buttons)
        self.resize(560, 420)

    def rows(self) -> list[list[str]]:
        items = [[self.table.item(r, c) for c in range(4)] for r in range(self.table.rowCount())]
        return [[item.text() if item is not None else "" for item in row] for row in items]

    @Slot()
    def _on_discard_button_clicked(self) -> None:
        self.reject()
