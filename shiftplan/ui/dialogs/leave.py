"""Recording one leave (请假) or one request (排班意愿) of a person, checked in place before it is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import Absence, Request, StaffMember
from shiftplan.i18n import N_, _
from shiftplan.services import checks
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.forms import Form
from shiftplan.ui.widgets import Level, MessageBar

# Reasons offered for a leave; any other text may be typed.
REASONS = (N_("Sick leave"), N_("Personal leave"), N_("Annual leave"), N_("Time off in lieu"), N_("Training"),
           N_("Business trip"))


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _date(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None, apply: Callable[[Edit], str | None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._apply = apply
        self.messages = MessageBar(self)
        self.layout_ = QFormLayout()
        self.form = Form(self.layout_)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self.messages)
        column.addLayout(self.layout_)
        column.addWidget(self.buttons)
        self.setMinimumWidth(400)

    def store(self, problems: dict[str, str], edit: Callable[[], Edit]) -> None:
        if not self.form.show_problems(problems):
            return
        error = self._apply(edit())
        if error is not None:
            self.messages.show_message(error, Level.ERROR)
            return
        super().accept()


class AbsenceDialog(_Dialog):
    """A leave from one date to another (both included), with its reason."""

    def __init__(self, workspace: Workspace, person: StaffMember, start: dt.date, end: dt.date,
                 parent: QWidget | None = None, *, apply: Callable[[Edit], str | None],
                 old: Absence | None = None) -> None:
        super().__init__(_("Leave of {name}").format(name=person.name), parent, apply)
        self._workspace, self._person, self._old = workspace, person, old
        self.start_edit = date_edit(self, old.start if old else start)
        self.end_edit = date_edit(self, old.end if old else end)
        self.reason_box = QComboBox(self)
        self.reason_box.setEditable(True)
        self.reason_box.addItems([_(r) for r in REASONS])
        self.reason_box.setCurrentText(old.reason if old else _(REASONS[0]))
        self.form.add(_("&From:"), self.start_edit, "start")
        self.form.add(_("&To:"), self.end_edit, "end")
        self.form.add(_("&Reason:"), self.reason_box)
        self.finish_layout()

    def absence(self) -> Absence:
        return Absence(self._person.id, _date(self.start_edit), _date(self.end_edit),
                       self.reason_box.currentText().strip())

    def accept(self) -> None:
        """Override QDialog::accept: store the leave, or say in place why not."""
        absence = self.absence()
        others = [a for a in self._workspace.scenario.absences if a != self._old]
        ws, old = self._workspace, self._old
        self.store(checks.absence(absence, others),
                   lambda: ws.add_absence(absence) if old is None else ws.update_absence(old, absence))


WANT_CHOICES = ((N_("Wants to work"), True), (N_("Wants to be off"), False))


class RequestDialog(_Dialog):
    """A wish about one date: to work (a shift, or any) or not to; honoured when the rules allow."""

    def __init__(self, workspace: Workspace, person: StaffMember, day: dt.date, parent: QWidget | None = None, *,
                 apply: Callable[[Edit], str | None], want: bool = False, old: Request | None = None) -> None:
        super().__init__(_("Request of {name}").format(name=person.name), parent, apply)
        self._workspace, self._person, self._old = workspace, person, old
        self.date_edit = date_edit(self, old.date if old else day)
        self.want_box = QComboBox(self)
        for label, value in WANT_CHOICES:
            self.want_box.addItem(_(label), value)
        self.want_box.setCurrentIndex(self.want_box.findData(old.want if old else want))
        self.shift_box = QComboBox(self)
        self.shift_box.addItem(_("Any shift"), None)
        for shift in workspace.scenario.shift_types:
            self.shift_box.addItem(shift.name, shift.id)
        self.shift_box.setCurrentIndex(max(0, self.shift_box.findData(old.shift if old else None)))
        self.weight_box = QDoubleSpinBox(self)
        self.weight_box.setRange(0.1, 1000)
        self.weight_box.setDecimals(1)
        self.weight_box.setValue(old.weight if old else 1)
        self.weight_box.setToolTip(_("How much it matters: the cost when the request is not granted"))
        self.form.add(_("&Date:"), self.date_edit, "date")
        self.form.add(_("&Wish:"), self.want_box)
        self.form.add(_("&Shift:"), self.shift_box)
        self.form.add(_("&Weight:"), self.weight_box, "weight")
        self.finish_layout()

    def request(self) -> Request:
        return Request(self._person.id, _date(self.date_edit), bool(self.want_box.currentData()),
                       self.shift_box.currentData(), self.weight_box.value())

    def accept(self) -> None:
        """Override QDialog::accept: store the request, or say in place why not."""
        request = self.request()
        others = [r for r in self._workspace.scenario.requests if r != self._old]
        ws, old = self._workspace, self._old
        self.store(checks.request(request, others),
                   lambda: ws.add_request(request) if old is None else ws.update_request(old, request))
