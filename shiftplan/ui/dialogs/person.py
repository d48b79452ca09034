"""Adding one person: every field of the staff table in a form, checked before anything is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import Party, StaffMember
from shiftplan.domain.phones import normalize_phone
from shiftplan.i18n import _
from shiftplan.services import checks
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.delegates import NO_DATE
from shiftplan.ui.forms import Form
from shiftplan.ui.models import PARTY_LABELS
from shiftplan.ui.widgets import CheckComboBox, Level, MessageBar


def optional_date_edit(parent: QWidget) -> QDateEdit:
    """A date that may be left empty (shown as —)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def date_value(edit: QDateEdit) -> dt.date | None:
    if edit.date() == NO_DATE:
        return None
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def set_date_value(edit: QDateEdit, day: dt.date | None) -> None:
    edit.setDate(NO_DATE if day is None else QDate(day))


def editable_choice(parent: QWidget, values: list[str]) -> QComboBox:
    """A text field that also offers the values already in use (units, teams)."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(values)
    box.setCurrentIndex(-1)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def rule_set_box(parent: QWidget, workspace: Workspace) -> QComboBox:
    box = QComboBox(parent)
    sets = workspace.scenario.rule_sets
    box.addItem(_("standard (default)") if any(r.id == "standard" for r in sets) else _("(none)"), None)
    for rule_set in sets:
        box.addItem(rule_set.id, rule_set.id)
    return box


def party_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for party, label in PARTY_LABELS.items():
        box.addItem(_(label), party.value)
    box.setCurrentIndex(box.findData(Party.NONE.value))
    return box


def _phone(typed: str) -> str:
    """A phone number in its one written form; anything else as typed, for the check to point out."""
    stored = normalize_phone(typed)
    return typed.strip() if stored is None else stored


class PersonDialog(QDialog):
    """The form for a new person; OK stores them (one undoable edit) or says, in place, why not."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, station: str | None = None,
                 apply: Callable[[Edit], str | None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add person"))
        self._workspace = workspace
        self._apply = apply
        self.added: StaffMember | None = None
        sc = workspace.scenario

        self.messages = MessageBar(self)
        self.id_edit = QLineEdit(workspace.next_id((p.id for p in sc.staff), "P"), self)
        self.name_edit = QLineEdit(self)
        self.unit_box = editable_choice(self, sorted({p.unit for p in sc.staff if p.unit}))
        self.phone_edit = QLineEdit(self)
        self.roles_box = CheckComboBox(self, none_text=_("(choose)"))
        self.roles_box.set_items([(r.name, r.id) for r in sc.roles])
        self.party_box = party_box(self)
        self.stations_box = CheckComboBox(self, all_text=_("All stations"), none_text=_("(choose)"))
        self.stations_box.set_items([(s.name, s.id) for s in sc.stations])
        self.stations_box.set_checked(None if station is None else [station])
        self.team_box = editable_choice(self, sorted({p.team for p in sc.staff if p.team}))
        self.rule_set_box = rule_set_box(self, workspace)
        self.from_edit = optional_date_edit(self)
        self.to_edit = optional_date_edit(self)

        layout = QFormLayout()
        self.form = Form(layout)
        self.form.add(_("&ID:"), self.id_edit, "id")
        self.form.add(_("&Name:"), self.name_edit, "name")
        self.form.add(_("&Unit:"), self.unit_box)
        self.form.add(_("P&hone:"), self.phone_edit, "phone")
        self.form.add(_("&Roles:"), self.roles_box, "roles")
        self.form.add(_("&Party status:"), self.party_box)
        self.form.add(_("&Stations:"), self.stations_box, "stations")
        self.form.add(_("&Team:"), self.team_box)
        self.form.add(_("Rule s&et:"), self.rule_set_box)
        self.form.add(_("&First day:"), self.from_edit)
        self.form.add(_("&Last day:"), self.to_edit, "active_to")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.messages)
        column.addLayout(layout)
        column.addWidget(buttons)
        self.setMinimumWidth(460)
        self.name_edit.setFocus()

    def person(self) -> StaffMember:
        checked = self.stations_box.checked()
        return StaffMember(
            id=self.id_edit.text().strip(), name=self.name_edit.text().strip(),
            unit=self.unit_box.currentText().strip(), phone=_phone(self.phone_edit.text()),
            roles=tuple(str(r) for r in self.roles_box.checked() or ()), party=Party(self.party_box.currentData()),
            stations=None if checked is None else tuple(str(s) for s in checked),
            rule_set=self.rule_set_box.currentData(), team=self.team_box.currentText().strip(),
            active_from=date_value(self.from_edit), active_to=date_value(self.to_edit))

    def accept(self) -> None:
        """Override QDialog::accept: check, store, and close only when it is stored."""
        person = self.person()
        sc = self._workspace.scenario
        if not self.form.show_problems(checks.person(person, sc.staff, bool(sc.roles))):
            return
        error = self._apply(self._workspace.add_person(person))
        if error is not None:
            self.messages.show_message(error, Level.ERROR)
            return
        self.added = person
        super().accept()
