"""Everyone on the roster: a sortable, filterable table edited in place, with bulk edits and Excel."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import IntEnum

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from shiftplan.domain.model import Party, Scenario, StaffMember
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import checks
from shiftplan.services.workspace import Changes
from shiftplan.ui.controller import Controller
from shiftplan.ui.delegates import CheckListDelegate, ComboDelegate, DateDelegate
from shiftplan.ui.models import (
    PARTY_LABELS,
    PARTY_RANK,
    Column,
    DomainTableModel,
    EditRefused,
    SortProxyModel,
    join_names,
    phone_edit,
    text_edit,
)
from shiftplan.ui.pages.base import Page, button_row, select_ids, selected_ids
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import fit_columns, quiet_label, table_view

ModelIndex = QModelIndex | QPersistentModelIndex
PARTY_MEMBERS = "members"  # the Party filter's "members and probationary members"


class StaffColumn(IntEnum):
    ID = 0
    NAME = 1
    UNIT = 2
    PHONE = 3
    ROLES = 4
    PARTY = 5
    STATIONS = 6
    TEAM = 7
    RULE_SET = 8
    ACTIVE_FROM = 9
    ACTIVE_TO = 10


def _date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _set_name(person: StaffMember, value: object) -> StaffMember:
    name = str(value or "").strip()
    if not name:
        raise EditRefused(_("Enter the person's name."))
    return dataclasses.replace(person, name=name)


class StaffTableModel(DomainTableModel[StaffMember]):
    """The people; roles, stations and rule sets are shown by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._role_names: dict[str, str] = {}
        self._station_names: dict[str, str] = {}
        columns = {
            StaffColumn.ID: Column[StaffMember](N_("ID"), lambda p: p.id, edit=text_edit("id")),
            StaffColumn.NAME: Column[StaffMember](N_("Name"), lambda p: p.name, edit=_set_name),
            StaffColumn.UNIT: Column[StaffMember](N_("Unit"), lambda p: p.unit, edit=text_edit("unit")),
            StaffColumn.PHONE: Column[StaffMember](N_("Phone"), lambda p: p.phone, edit=phone_edit("phone")),
            StaffColumn.ROLES: Column[StaffMember](
                N_("Roles"), self.roles_text, edit=lambda p, v: dataclasses.replace(p, roles=tuple(v or ())),
                value=lambda p: p.roles),
            StaffColumn.PARTY: Column[StaffMember](
                N_("Party status"), lambda p: _(PARTY_LABELS[p.party]), lambda p: PARTY_RANK[p.party],
                edit=lambda p, v: dataclasses.replace(p, party=Party(v)), value=lambda p: p.party.value),
            StaffColumn.STATIONS: Column[StaffMember](
                N_("Stations"), self.stations_text,
                edit=lambda p, v: dataclasses.replace(p, stations=None if v is None else tuple(v)),
                value=lambda p: p.stations, header_tip=N_("Where the person may work")),
            StaffColumn.TEAM: Column[StaffMember](N_("Team"), lambda p: p.team, edit=text_edit("team")),
            StaffColumn.RULE_SET: Column[StaffMember](
                N_("Rule set"), self.rule_set_text, edit=lambda p, v: dataclasses.replace(p, rule_set=v),
                value=lambda p: p.rule_set, header_tip=N_("The working-time rules the person follows")),
            StaffColumn.ACTIVE_FROM: Column[StaffMember](
                N_("First day"), lambda p: _date_text(p.active_from), lambda p: _date_text(p.active_from),
                edit=lambda p, v: dataclasses.replace(p, active_from=v), value=lambda p: p.active_from,
                header_tip=N_("First day on the roster (empty: from the start)")),
            StaffColumn.ACTIVE_TO: Column[StaffMember](
                N_("Last day"), lambda p: _date_text(p.active_to), lambda p: _date_text(p.active_to),
                edit=lambda p, v: dataclasses.replace(p, active_to=v), value=lambda p: p.active_to,
                header_tip=N_("Last day on the roster (empty: to the end)")),
        }
        super().__init__([columns[c] for c in StaffColumn], parent)

    def set_scenario(self, scenario: Scenario) -> None:
        self._role_names = {r.id: r.name for r in scenario.roles}
        self._station_names = {s.id: s.name for s in scenario.stations}
        self._rule_sets = {r.id for r in scenario.rule_sets}
        self.set_rows(scenario.staff)

    def roles_text(self, person: StaffMember) -> str:
        return join_names(self._role_names.get(r, r) for r in person.roles)

    def stations_text(self, person: StaffMember) -> str:
        if person.stations is None:
            return _("All stations")
        return join_names(self._station_names.get(s, s) for s in person.stations)

    def rule_set_text(self, person: StaffMember) -> str:
        if person.rule_set is None:
            return _("standard (default)") if "standard" in getattr(self, "_rule_sets", ()) else _("(none)")
        return person.rule_set


class StaffFilterModel(SortProxyModel):
    """Sorts the staff and keeps the people who match the search text and every chosen filter."""

    def __init__(self, source: StaffTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._staff = source
        self._text = ""
        self._station: str | None = None
        self._role: str | None = None
        self._unit: str | None = None
        self._party: str | None = None
        self.setSourceModel(source)

    def _refilter(self, **values: str | None) -> None:
        self.beginFilterChange()  # Qt 6.10+; replaces invalidateRowsFilter(), deprecated in 6.12
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_name_filter(self, text: str) -> None:
        """Keep the people whose name, ID or phone contains the text."""
        self._refilter(text=text.strip().casefold())

    def set_station_filter(self, station: str | None) -> None:
        """Keep the people who may work at this station (id); None keeps everyone."""
        self._refilter(station=station)

    def set_role_filter(self, role: str | None) -> None:
        self._refilter(role=role)

    def set_unit_filter(self, unit: str | None) -> None:
        self._refilter(unit=unit)

    def set_party_filter(self, party: str | None) -> None:
        """A Party value, or PARTY_MEMBERS for members and probationary members."""
        self._refilter(party=party)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        p = self._staff.item(source_row)
        if self._text and not (self._text in p.name.casefold() or self._text in p.id.casefold()
                               or self._text in p.phone):
            return False
        if self._station is not None and not p.may_work_at(self._station):
            return False
        if self._role is not None and self._role not in p.roles:
            return False
        if self._unit is not None and p.unit != self._unit:
            return False
        if self._party is not None:
            return p.is_party_member if self._party == PARTY_MEMBERS else p.party.value == self._party
        return True


class StaffPage(Page):
    """Everyone on the roster. Filters above; the table is the editor; several rows are edited at once.

    Signals:
        import_requested(): the user asked to import staff from Excel.
        export_requested(): the user asked to export the staff to Excel.
    """

    title = N_("Staff")
    help = N_("Double-click a cell to change it. Select several people (Ctrl or Shift and click) to change them "
              "together.")
    icon = "staff"
    key = "staff"
    interests = Changes.STAFF | Changes.STATIONS | Changes.ROLES | Changes.RULE_SETS

    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.model = StaffTableModel(self)
        self.model.commit = self._commit
        self.model.refused.connect(self.refuse)
        self.proxy = StaffFilterModel(self.model, self)
        self.view = table_view(self.proxy, self, editable=True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.setItemDelegateForColumn(StaffColumn.ROLES, CheckListDelegate(self._role_options, self.view))
        self.view.setItemDelegateForColumn(StaffColumn.PARTY, ComboDelegate(
            lambda: [(_(label), party.value) for party, label in PARTY_LABELS.items()], self.view))
        self.view.setItemDelegateForColumn(StaffColumn.STATIONS, CheckListDelegate(
            self._station_options, self.view, all_text=_("All stations")))
        self.view.setItemDelegateForColumn(StaffColumn.RULE_SET, ComboDelegate(self._rule_set_options, self.view))
        for column in (StaffColumn.ACTIVE_FROM, StaffColumn.ACTIVE_TO):
            self.view.setItemDelegateForColumn(column, DateDelegate(self.view, none_text="—"))

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Name, ID or phone"))
        self.search.setToolTip(_("Search by name, ID or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(self._on_search_text_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        self.station_box = self._filter_box()
        self.role_box = self._filter_box()
        self.unit_box = self._filter_box()
        self.party_box = self._filter_box()
        self.shown_label = quiet_label("", self)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.search)
        for text, box in ((_("&Station:"), self.station_box), (_("&Role:"), self.role_box),
                          (_("&Unit:"), self.unit_box), (_("&Party:"), self.party_box)):
            label = QLabel(text, self)
            label.setBuddy(box)
            filters.addSpacing(8)
            filters.addWidget(label)
            filters.addWidget(box)
        filters.addStretch()
        filters.addWidget(self.shown_label)

        self.add_button = QPushButton(_("Add person…"), self)
        self.add_button.clicked.connect(self.add)
        self.bulk_button = QPushButton(_("Change selected…"), self)
        self.bulk_button.setToolTip(_("Set the station, team, Party status, rule set … of all selected people at once"))
        self.bulk_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.clicked.connect(self.delete)
        self.import_button = QPushButton(_("Import from Excel…"), self)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(_("Export to Excel…"), self)
        self.export_button.clicked.connect(self.export_requested)
        buttons = button_row(self.add_button, self.bulk_button, self.delete_button, self.import_button,
                             self.export_button, stretch_at=3)
        self.body.addLayout(filters)
        self.body.addLayout(buttons)
        self.body.addWidget(self.view, 1)
        self._fitted = False
        self._update_buttons()

    def _filter_box(self) -> QComboBox:
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMaximumWidth(240)
        box.currentIndexChanged.connect(self._on_filter_box_current_index_changed)
        return box

    # --- options for the editors ------------------------------------------------------------

    def _role_options(self) -> list[tuple[str, str]]:
        return [(r.name, r.id) for r in self.workspace.scenario.roles]

    def _station_options(self) -> list[tuple[str, str]]:
        return [(s.name, s.id) for s in self.workspace.scenario.stations]

    def _rule_set_options(self) -> list[tuple[str, str | None]]:
        sets = self.workspace.scenario.rule_sets
        default = _("standard (default)") if any(r.id == "standard" for r in sets) else _("(none)")
        return [(default, None), *((r.id, r.id) for r in sets)]

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        scenario = self.workspace.scenario
        selected = selected_ids(self.view)
        count = self.model.rowCount()
        self._fill_filters(scenario)
        self.model.set_scenario(scenario)
        if self.model.rowCount() != count:
            select_ids(self.view, selected)
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view)
            self._fitted = True
        self._update_shown()
        self._update_buttons()

    def _fill_filters(self, scenario: Scenario) -> None:
        units = sorted({p.unit for p in scenario.staff if p.unit})
        choices = {
            self.station_box: [(_("All stations"), None), *((s.name, s.id) for s in scenario.stations)],
            self.role_box: [(_("All roles"), None), *((r.name, r.id) for r in scenario.roles)],
            self.unit_box: [(_("All units"), None), *((u, u) for u in units)],
            self.party_box: [(_("Everyone"), None), (_("Party members (incl. probationary)"), PARTY_MEMBERS),
                             *((_(label), party.value) for party, label in PARTY_LABELS.items())],
        }
        for box, items in choices.items():
            chosen = box.currentData()
            box.blockSignals(True)  # refilter once, below, not once per item
            box.clear()
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_station_filter(self.station_box.currentData())
        self.proxy.set_role_filter(self.role_box.currentData())
        self.proxy.set_unit_filter(self.unit_box.currentData())
        self.proxy.set_party_filter(self.party_box.currentData())

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_name_filter(text)
        self._update_shown()

    @Slot(int)
    def _on_filter_box_current_index_changed(self, _index: int) -> None:
        self._apply_filters()
        self._update_shown()

    def _update_shown(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown < total:
            text = _("{shown} of {total} shown").format(shown=shown, total=total)
        else:
            text = ngettext("{n} person", "{n} people", total).format(n=total)
        self.shown_label.setText(text)

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        self.actions_changed.emit()

    def _update_buttons(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.delete_button.setEnabled(count > 0)
        self.bulk_button.setEnabled(count > 0)

    def selected_people(self) -> list[StaffMember]:
        wanted = set(selected_ids(self.view))
        return [p for p in self.model.rows() if p.id in wanted]

    # --- editing ----------------------------------------------------------------------------

    def _commit(self, old: StaffMember, new: StaffMember) -> bool:
        others = [p for p in self.model.rows() if p.id != old.id]
        problems = checks.person(new, others, bool(self.workspace.scenario.roles), old)
        return self.refuse_problems(problems) and self.apply(self.workspace.update_people([(old, new)]))

    def can_add(self) -> bool:
        return True

    def add_text(self) -> str:
        return _("&Add person…")

    def add(self) -> None:
        from shiftplan.ui.dialogs.person import PersonDialog

        station = self.station_box.currentData()
        dialog = PersonDialog(self.workspace, self, station=station, apply=self.controller.apply)
        if dialog.exec() and dialog.added is not None:
            self.messages.clear()
            self._show_person(dialog.added.id)

    def _show_person(self, person_id: str) -> None:
        select_ids(self.view, [person_id])
        if not selected_ids(self.view):  # hidden by a filter: show everyone
            self.search.clear()
            for box in (self.station_box, self.role_box, self.unit_box, self.party_box):
                box.setCurrentIndex(0)
            select_ids(self.view, [person_id])

    def edit_selected(self) -> None:
        from shiftplan.ui.dialogs.bulk_edit import BulkEditDialog

        people = self.selected_people()
        if not people:
            return
        dialog = BulkEditDialog(self.workspace, people, self)
        if dialog.exec():
            pairs = dialog.changed_pairs()
            if pairs and self.apply(self.workspace.update_people(pairs)):
                select_ids(self.view, [new.id for _old, new in pairs])

    def can_delete(self) -> bool:
        return bool(self.view.selectionModel().selectedRows())

    def delete(self) -> None:
        people = self.selected_people()
        if people:
            self.apply(self.workspace.delete_people(people))

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("staff.table", self.view.horizontalHeader().saveState())

    def restore_layout(self, state: WindowState) -> None:
        saved = state.layout("staff.table")
        if not saved.isEmpty() and self.view.horizontalHeader().restoreState(saved):
            self._fitted = True
