"""Leave and requests, per person, on a calendar of the plan's months.

Pick a person on the left; their leave (请假) and requests (排班意愿) show on the calendar and in
the two lists below it. Select days on the calendar (drag, or Shift+click) and record a leave or
a request for them; change or delete entries in the lists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, QPoint, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Absence, Request, StaffMember
from shiftplan.i18n import N_, _
from shiftplan.services import checks
from shiftplan.services.workspace import Changes
from shiftplan.ui.calendar_view import CalendarView, DayLook, holiday_label
from shiftplan.ui.controller import Controller
from shiftplan.ui.delegates import ComboDelegate, DateDelegate, NumberDelegate
from shiftplan.ui.dialogs.leave import WANT_CHOICES, AbsenceDialog, RequestDialog
from shiftplan.ui.models import ID_ROLE, RIGHT, Column, DomainTableModel, EditRefused, SortProxyModel
from shiftplan.ui.pages.base import Page, button_row, current_id, select_ids
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import fit_columns, heading_label, quiet_label, table_view

LEAVE_COLOUR = QColor(232, 131, 44)
LEAVE_TINT = QColor(253, 226, 196)
RESTDAY_TINT = QColor(226, 231, 239)
HOLIDAY_TINT = QColor(253, 234, 232)
WANT_COLOUR = QColor(31, 138, 76)
NOT_WANT_COLOUR = QColor(179, 38, 30)


@dataclasses.dataclass(frozen=True)
class PersonRow:
    id: str
    person: StaffMember
    leave_days: int
    requests: int


@dataclasses.dataclass(frozen=True)
class AbsenceRow:
    id: str  # its index in the whole list
    absence: Absence


@dataclasses.dataclass(frozen=True)
class RequestRow:
    id: str
    request: Request


def _date_value(value: object) -> dt.date:
    if not isinstance(value, dt.date):
        raise EditRefused(_("Choose a date."))
    return value


class LeavePage(Page):
    title = N_("Leave and requests")
    help = N_("Select days on the calendar (drag, or click and Shift+click), then record a leave or a request. "
              "Leave is never rostered; requests are granted when the rules and the cover allow.")
    icon = "leave"
    key = "leave"
    interests = Changes.STAFF | Changes.ABSENCES | Changes.REQUESTS | Changes.SHIFT_TYPES | Changes.CALENDAR \
        | Changes.STATIONS

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._calendar: DayCalendar | None = None
        self._shift_names: dict[str, str] = {}

        # --- the people ---------------------------------------------------------------------
        self.people_model: DomainTableModel[PersonRow] = DomainTableModel((
            Column[PersonRow](N_("Name"), lambda r: r.person.name),
            Column[PersonRow](N_("Team"), lambda r: r.person.team),
            Column[PersonRow](N_("Leave days"), lambda r: str(r.leave_days) if r.leave_days else "",
                              lambda r: r.leave_days, RIGHT, header_tip=N_("Days of leave in the plan's period")),
            Column[PersonRow](N_("Requests"), lambda r: str(r.requests) if r.requests else "", lambda r: r.requests,
                              RIGHT),
        ), self)
        self.people_proxy = _PeopleFilter(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_view: QTableView = table_view(self.people_proxy, self)
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_view.selectionModel().selectionChanged.connect(self._on_people_view_selection_changed)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filters_changed)
        self.station_box = QComboBox(self)
        self.station_box.currentIndexChanged.connect(self._on_filters_changed)
        self.only_box = QComboBox(self)
        self.only_box.addItem(_("Everyone"), False)
        self.only_box.addItem(_("Only people with leave or requests"), True)
        self.only_box.currentIndexChanged.connect(self._on_filters_changed)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.station_box)
        left_layout.addWidget(self.only_box)
        left_layout.addWidget(self.people_view, 1)

        # --- the calendar and the lists ----------------------------------------------------
        self.person_heading = heading_label("", self, 1.1)
        self.calendar = CalendarView(self, columns=3, cell_scale=1.25)
        self.calendar.selection_changed.connect(self._update_buttons)
        self.calendar.activated.connect(self._on_calendar_activated)
        self.calendar.context_requested.connect(self._on_calendar_context_requested)
        self.leave_button = QPushButton(_("Record leave…"), self)
        self.leave_button.clicked.connect(self.record_leave)
        self.want_button = QPushButton(_("Wants to work…"), self)
        self.want_button.clicked.connect(lambda: self.record_request(True))
        self.off_button = QPushButton(_("Wants to be off…"), self)
        self.off_button.clicked.connect(lambda: self.record_request(False))
        legend = quiet_label(_("Orange: leave · ✓ wants to work · ✗ wants to be off · shaded: restdays · red: "
                               "holidays · faint: outside the plan"), self)
        legend.setWordWrap(True)

        self.absence_model: DomainTableModel[AbsenceRow] = DomainTableModel((
            Column[AbsenceRow](N_("From"), lambda r: r.absence.start.isoformat(),
                               edit=lambda r, v: dataclasses.replace(r, absence=dataclasses.replace(
                                   r.absence, start=_date_value(v))), value=lambda r: r.absence.start),
            Column[AbsenceRow](N_("To"), lambda r: r.absence.end.isoformat(),
                               edit=lambda r, v: dataclasses.replace(r, absence=dataclasses.replace(
                                   r.absence, end=_date_value(v))), value=lambda r: r.absence.end),
            Column[AbsenceRow](N_("Days"), lambda r: str((r.absence.end - r.absence.start).days + 1),
                               lambda r: (r.absence.end - r.absence.start).days + 1, RIGHT),
            Column[AbsenceRow](N_("Reason"), lambda r: r.absence.reason,
                               edit=lambda r, v: dataclasses.replace(r, absence=dataclasses.replace(
                                   r.absence, reason=str(v or "").strip()))),
        ), self)
        self.absence_model.commit = self._commit_absence
        self.absence_model.refused.connect(self.refuse)
        self.absence_view: QTableView = table_view(self.absence_model, self, editable=True)
        for column in (0, 1):
            self.absence_view.setItemDelegateForColumn(column, DateDelegate(self.absence_view))
        self.absence_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.delete_absence_button = QPushButton(_("Delete leave"), self)
        self.delete_absence_button.clicked.connect(self.delete_absence)

        self.request_model: DomainTableModel[RequestRow] = DomainTableModel((
            Column[RequestRow](N_("Date"), lambda r: r.request.date.isoformat(),
                               edit=lambda r, v: dataclasses.replace(r, request=dataclasses.replace(
                                   r.request, date=_date_value(v))), value=lambda r: r.request.date),
            Column[RequestRow](N_("Wish"), lambda r: _(WANT_CHOICES[0 if r.request.want else 1][0]),
                               edit=lambda r, v: dataclasses.replace(r, request=dataclasses.replace(
                                   r.request, want=bool(v))), value=lambda r: r.request.want),
            Column[RequestRow](N_("Shift"), lambda r: self._shift_names.get(r.request.shift, r.request.shift)
                               if r.request.shift else _("Any shift"),
                               edit=lambda r, v: dataclasses.replace(r, request=dataclasses.replace(
                                   r.request, shift=v)), value=lambda r: r.request.shift),
            Column[RequestRow](N_("Weight"), lambda r: f"{r.request.weight:g}", lambda r: r.request.weight, RIGHT,
                               edit=lambda r, v: dataclasses.replace(r, request=dataclasses.replace(
                                   r.request, weight=float(v or 0))), value=lambda r: r.request.weight,
                               header_tip=N_("How much it matters: the cost when the request is not granted")),
        ), self)
        self.request_model.commit = self._commit_request
        self.request_model.refused.connect(self.refuse)
        self.request_view: QTableView = table_view(self.request_model, self, editable=True)
        self.request_view.setItemDelegateForColumn(0, DateDelegate(self.request_view))
        self.request_view.setItemDelegateForColumn(1, ComboDelegate(
            lambda: [(_(label), value) for label, value in WANT_CHOICES], self.request_view))
        self.request_view.setItemDelegateForColumn(2, ComboDelegate(
            lambda: [(_("Any shift"), None), *((s.name, s.id) for s in self.workspace.scenario.shift_types)],
            self.request_view))
        self.request_view.setItemDelegateForColumn(3, NumberDelegate(self.request_view, minimum=0.1, decimals=1))
        self.request_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.delete_request_button = QPushButton(_("Delete request"), self)
        self.delete_request_button.clicked.connect(self.delete_request)

        lists = QSplitter(Qt.Orientation.Horizontal, self)
        for heading, view, button in ((_("Leave"), self.absence_view, self.delete_absence_button),
                                      (_("Requests"), self.request_view, self.delete_request_button)):
            holder = QWidget(lists)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.addLayout(button_row(heading_label(heading, holder, 1.0), button, stretch_at=1))
            holder_layout.addWidget(view)
            lists.addWidget(holder)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.calendar)
        scroll.setMinimumHeight(self.calendar.sizeHint().height() // 2)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.person_heading)
        right_layout.addLayout(button_row(self.leave_button, self.want_button, self.off_button))
        right_layout.addWidget(scroll, 0)
        right_layout.addWidget(legend)
        right_layout.addWidget(lists, 1)
        self.calendar_scroll = scroll

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 880])
        self.body.addWidget(self.splitter, 1)
        self._fitted = False
        self._update_buttons()

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        sc = self.workspace.scenario
        self._shift_names = {s.id: s.name for s in sc.shift_types}
        state = self.workspace.calendar_state()
        self._calendar = state.calendar
        period = sc.period
        leave: Counter[str] = Counter()
        for absence in sc.absences:
            start, end = max(absence.start, period.start), min(absence.end, period.end)
            if start <= end:
                leave[absence.staff] += (end - start).days + 1
        requests = Counter(r.staff for r in sc.requests)
        chosen = current_id(self.people_view)
        self.people_model.set_rows(PersonRow(p.id, p, leave[p.id], requests[p.id]) for p in sc.staff)
        if changes & Changes.STATIONS:
            station = self.station_box.currentData()
            with QSignalBlocker(self.station_box):
                self.station_box.clear()
                self.station_box.addItem(_("All stations"), None)
                for s in sc.stations:
                    self.station_box.addItem(s.name, s.id)
                self.station_box.setCurrentIndex(max(0, self.station_box.findData(station)))
            self._on_filters_changed()
        if chosen is None and self.people_proxy.rowCount():
            chosen = self.people_proxy.index(0, 0).data(ID_ROLE)
        if chosen is not None and current_id(self.people_view) != chosen:
            select_ids(self.people_view, [chosen])
        months = []
        day = period.start.replace(day=1)
        while day <= period.end:
            months.append((day.year, day.month))
            day = (day + dt.timedelta(days=32)).replace(day=1)
        if months != self.calendar.months():
            self.calendar.set_months(months, columns=min(3, len(months)))
        self._show_person()
        if not self._fitted and self.people_model.rowCount():
            fit_columns(self.people_view, minimum=48)
            self._fitted = True
        self.calendar_scroll.setFixedHeight(self.calendar.sizeHint().height() + 6)

    def person(self) -> StaffMember | None:
        rows = self.people_view.selectionModel().selectedRows()
        chosen = rows[0].data(ID_ROLE) if rows else None
        return next((p for p in self.workspace.scenario.staff if p.id == chosen), None)

    def _show_person(self) -> None:
        person = self.person()
        sc = self.workspace.scenario
        if person is None:
            self.person_heading.setText(_("Choose a person on the left."))
            self.absence_model.set_rows(())
            self.request_model.set_rows(())
        else:
            details = " · ".join(x for x in (person.unit, person.team) if x)
            self.person_heading.setText(f"{person.name}（{details}）" if details else person.name)
            self.absence_model.set_rows(AbsenceRow(str(i), a) for i, a in enumerate(sc.absences)
                                        if a.staff == person.id)
            self.request_model.set_rows(RequestRow(str(i), r) for i, r in enumerate(sc.requests)
                                        if r.staff == person.id)
        self.calendar.set_look(self._look)
        self._update_buttons()

    def _look(self, day: dt.date) -> DayLook:
        sc = self.workspace.scenario
        person = self.person()
        calendar = self._calendar
        background = None
        tips = [day.isoformat()]
        if calendar is not None and calendar.is_holiday(day):
            background = HOLIDAY_TINT
            tips.append(holiday_label(calendar.holiday_names.get(day, "")) or _("Holiday"))
        elif calendar is not None and calendar.is_restday(day):
            background = RESTDAY_TINT
            tips.append(_("Restday"))
        note, marker, badge, badge_colour = "", None, "", None
        if person is not None:
            for absence in sc.absences:
                if absence.staff == person.id and absence.covers(day):
                    background, marker = LEAVE_TINT, LEAVE_COLOUR
                    note = absence.reason or _("Leave")
                    tips.append(_("Leave: {reason}").format(reason=absence.reason or "—"))
            wishes = [r for r in sc.requests if r.staff == person.id and r.date == day]
            for wish in wishes:
                shift = self._shift_names.get(wish.shift, wish.shift or "")[:1] if wish.shift else ""
                badge += ("✓" if wish.want else "✗") + shift
                badge_colour = WANT_COLOUR if wish.want else NOT_WANT_COLOUR
                what = self._shift_names.get(wish.shift, wish.shift) if wish.shift else _("any shift")
                tips.append((_("Wants to work: {shift}") if wish.want else _("Wants to be off: {shift}")).format(
                    shift=what))
        return DayLook(background=background, badge=badge, badge_colour=badge_colour, note=note, marker=marker,
                       dim=day not in sc.period, tooltip="\n".join(tips))

    @Slot()
    def _on_filters_changed(self) -> None:
        self.people_proxy.set_filters(self.search.text(), self.station_box.currentData(),
                                      bool(self.only_box.currentData()))

    @Slot(QItemSelection, QItemSelection)
    def _on_people_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.calendar.set_selected([])
        self._show_person()

    def _update_buttons(self) -> None:
        has_person = self.person() is not None
        has_days = bool(self.calendar.selected())
        for button in (self.leave_button, self.want_button, self.off_button):
            button.setEnabled(has_person and has_days)
        self.delete_absence_button.setEnabled(bool(self.absence_view.selectionModel().selectedRows()))
        self.delete_request_button.setEnabled(bool(self.request_view.selectionModel().selectedRows()))
        self.actions_changed.emit()

    # --- editing ----------------------------------------------------------------------------

    def record_leave(self) -> None:
        person, days = self.person(), self.calendar.selected()
        if person is None or not days:
            return
        dialog = AbsenceDialog(self.workspace, person, days[0], days[-1], self, apply=self.controller.apply)
        if dialog.exec():
            self.calendar.set_selected([])

    def record_request(self, want: bool) -> None:
        person, days = self.person(), self.calendar.selected()
        if person is None or not days:
            return
        dialog = RequestDialog(self.workspace, person, days[0], self, apply=self.controller.apply, want=want)
        if dialog.exec():
            self.calendar.set_selected([])

    @Slot(object)
    def _on_calendar_activated(self, day: dt.date) -> None:
        person = self.person()
        if person is None:
            return
        leave = next((a for a in self.workspace.scenario.absences if a.staff == person.id and a.covers(day)), None)
        if leave is not None:
            AbsenceDialog(self.workspace, person, day, day, self, apply=self.controller.apply, old=leave).exec()
        else:
            self.calendar.set_selected([day])
            self.record_leave()

    @Slot(object, QPoint)
    def _on_calendar_context_requested(self, _day: dt.date, where: QPoint) -> None:
        if self.person() is None:
            return
        menu = QMenu(self)
        menu.addAction(_("Record leave…"), self.record_leave)
        menu.addAction(_("Wants to work…"), lambda: self.record_request(True))
        menu.addAction(_("Wants to be off…"), lambda: self.record_request(False))
        menu.exec(where)

    def _commit_absence(self, old: AbsenceRow, new: AbsenceRow) -> bool:
        others = [a for a in self.workspace.scenario.absences if a != old.absence]
        return self.refuse_problems(checks.absence(new.absence, others)) and self.apply(
            self.workspace.update_absence(old.absence, new.absence))

    def _commit_request(self, old: RequestRow, new: RequestRow) -> bool:
        others = [r for r in self.workspace.scenario.requests if r != old.request]
        return self.refuse_problems(checks.request(new.request, others)) and self.apply(
            self.workspace.update_request(old.request, new.request))

    def delete_absence(self) -> None:
        rows = self.absence_view.selectionModel().selectedRows()
        if rows:
            self.apply(self.workspace.delete_absence(self.absence_model.item(rows[0].row()).absence))

    def delete_request(self) -> None:
        rows = self.request_view.selectionModel().selectedRows()
        if rows:
            self.apply(self.workspace.delete_request(self.request_model.item(rows[0].row()).request))

    def can_add(self) -> bool:
        return self.person() is not None and bool(self.calendar.selected())

    def add_text(self) -> str:
        return _("&Record leave…")

    def add(self) -> None:
        self.record_leave()

    def can_delete(self) -> bool:
        return bool(self.absence_view.selectionModel().selectedRows()
                    or self.request_view.selectionModel().selectedRows())

    def delete(self) -> None:
        if self.request_view.hasFocus() or not self.absence_view.selectionModel().selectedRows():
            self.delete_request()
        else:
            self.delete_absence()

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("leave.splitter", self.splitter.saveState())

    def restore_layout(self, state: WindowState) -> None:
        saved = state.layout("leave.splitter")
        if not saved.isEmpty():
            self.splitter.restoreState(saved)


class _PeopleFilter(SortProxyModel):
    """The people list, filtered by a name, a station, and whether they have leave or requests."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._text, self._only = "", False
        self._station: str | None = None

    def set_filters(self, text: str, station: str | None, only: bool) -> None:
        self.beginFilterChange()
        self._text, self._station, self._only = text.strip().casefold(), station, only
        self.endFilterChange(SortProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        model = self.sourceModel()
        assert isinstance(model, DomainTableModel)
        row: PersonRow = model.item(source_row)
        return (self._text in row.person.name.casefold()
                and (self._station is None or row.person.may_work_at(self._station))
                and (not self._only or bool(row.leave_days or row.requests)))

