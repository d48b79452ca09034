"""Changing several people at once: tick what to change, give the new value, all in one undoable edit."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import Party, StaffMember
from shiftplan.i18n import _, ngettext
from shiftplan.services.workspace import Workspace
from shiftplan.ui.dialogs.person import date_value, editable_choice, optional_date_edit, party_box, rule_set_box
from shiftplan.ui.forms import ERROR_STYLE
from shiftplan.ui.widgets import CheckComboBox, quiet_label

Change = Callable[[StaffMember], StaffMember]


class BulkEditDialog(QDialog):
    """Each ticked line changes that field of every selected person; the others stay as they are."""

    def __init__(self, workspace: Workspace, people: Sequence[StaffMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(ngettext("Change {n} person", "Change {n} people", len(people)).format(n=len(people)))
        self._people = list(people)
        sc = workspace.scenario
        names = _(", ").join(p.name for p in people[:8]) + (_(" …") if len(people) > 8 else "")
        intro = quiet_label(_("Tick what to change for: {names}").format(names=names), self)
        intro.setWordWrap(True)

        self.stations_box = CheckComboBox(self, all_text=_("All stations"), none_text=_("(choose)"))
        self.stations_box.set_items([(s.name, s.id) for s in sc.stations])
        self.team_box = editable_choice(self, sorted({p.team for p in sc.staff if p.team}))
        self.unit_box = editable_choice(self, sorted({p.unit for p in sc.staff if p.unit}))
        self.party_box = party_box(self)
        self.rule_set_box = rule_set_box(self, workspace)
        self.add_role_box = QComboBox(self)
        self.remove_role_box = QComboBox(self)
        for role in sc.roles:
            self.add_role_box.addItem(role.name, role.id)
            self.remove_role_box.addItem(role.name, role.id)
        self.from_edit = optional_date_edit(self)
        self.to_edit = optional_date_edit(self)

        self._lines: list[tuple[QCheckBox, QWidget, Change]] = []
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self._line(grid, _("&Stations"), self.stations_box, self._set_stations)
        self._line(grid, _("&Team"), self.team_box,
                   lambda p: dataclasses.replace(p, team=self.team_box.currentText().strip()))
        self._line(grid, _("&Unit"), self.unit_box,
                   lambda p: dataclasses.replace(p, unit=self.unit_box.currentText().strip()))
        self._line(grid, _("&Party status"), self.party_box,
                   lambda p: dataclasses.replace(p, party=Party(self.party_box.currentData())))
        self._line(grid, _("Rule s&et"), self.rule_set_box,
                   lambda p: dataclasses.replace(p, rule_set=self.rule_set_box.currentData()))
        if sc.roles:
            self._line(grid, _("A&dd role"), self.add_role_box, self._add_role)
            self._line(grid, _("Re&move role"), self.remove_role_box, self._remove_role)
        self._line(grid, _("&First day"), self.from_edit,
                   lambda p: dataclasses.replace(p, active_from=date_value(self.from_edit)))
        self._line(grid, _("&Last day"), self.to_edit,
                   lambda p: dataclasses.replace(p, active_to=date_value(self.to_edit)))

        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._update_ok()

    def _line(self, grid: QGridLayout, label: str, field: QWidget, change: Change) -> None:
        tick = QCheckBox(label, self)
        row = grid.rowCount()
        grid.addWidget(tick, row, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(field, row, 1)
        field.setEnabled(False)
        tick.toggled.connect(field.setEnabled)
        tick.toggled.connect(self._update_ok)
        self._lines.append((tick, field, change))

    def tick(self, field: QWidget) -> None:
        """Tick the line of a field (as the user would)."""
        for tick, widget, _change in self._lines:
            if widget is field:
                tick.setChecked(True)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            any(tick.isChecked() for tick, _f, _c in self._lines))

    def _set_stations(self, person: StaffMember) -> StaffMember:
        checked = self.stations_box.checked()
        return dataclasses.replace(person, stations=None if checked is None else tuple(str(s) for s in checked))

    def _add_role(self, person: StaffMember) -> StaffMember:
        role = str(self.add_role_box.currentData())
        return person if role in person.roles else dataclasses.replace(person, roles=(*person.roles, role))

    def _remove_role(self, person: StaffMember) -> StaffMember:
        role = str(self.remove_role_box.currentData())
        return dataclasses.replace(person, roles=tuple(r for r in person.roles if r != role))

    def changed_pairs(self) -> list[tuple[StaffMember, StaffMember]]:
        """(old, new) for each person the ticked lines change."""
        pairs = []
        for person in self._people:
            new = person
            for tick, _field, change in self._lines:
                if tick.isChecked():
                    new = change(new)
            if new != person:
                pairs.append((person, new))
        return pairs

    def problem(self) -> str:
        """Why the ticked changes cannot be made to everyone, or ""."""
        if self.stations_box.isEnabled() and self.stations_box.checked() == []:
            return _("Choose at least one station, or all stations.")
        for old, new in self.changed_pairs():
            if old.roles and not new.roles:
                return _("{name} would have no role left.").format(name=new.name)
            if new.active_from and new.active_to and new.active_to < new.active_from:
                return _("For {name} the last day would come before the first.").format(name=new.name)
        return ""

    def accept(self) -> None:
        """Override QDialog::accept: refuse, in place, changes that would leave someone invalid."""
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
