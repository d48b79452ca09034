"""Cover: how many people each station needs on each shift, and which roles and Party members.

The entries are read in order and the last one that matches a station, shift and date applies,
entirely; so a general entry comes first and its exceptions (restdays, holidays, one date) after
it. The form on the right edits the chosen entry, each change one undoable edit; the grid below
shows the need that results for every day of the plan, computed as the solver will see it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.calendar import KIND_SELECTORS, WEEKDAY_SELECTORS, DayCalendar
from shiftplan.domain.cover import Slot as NeedSlot
from shiftplan.domain.model import Cover, Scenario
from shiftplan.i18n import N_, _
from shiftplan.services import checks
from shiftplan.services.workspace import Changes
from shiftplan.ui.calendar_view import holiday_label
from shiftplan.ui.controller import Controller
from shiftplan.ui.forms import Form
from shiftplan.ui.models import CENTER, RIGHT, Column, DomainTableModel, join_names
from shiftplan.ui.pages.base import Page, button_row, select_ids
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import CheckComboBox, Level, fit_columns, heading_label, quiet_label, table_view

ModelIndex = QModelIndex | QPersistentModelIndex

SELECTOR_LABELS = {
    "all": N_("Every day"), "workday": N_("Working days"), "restday": N_("Restdays"), "holiday": N_("Holidays"),
    "mon": N_("Mondays"), "tue": N_("Tuesdays"), "wed": N_("Wednesdays"), "thu": N_("Thursdays"),
    "fri": N_("Fridays"), "sat": N_("Saturdays"), "sun": N_("Sundays"),
}
RESTDAY_TINT = QColor(226, 231, 239)
HOLIDAY_TINT = QColor(253, 234, 232)
CHOSEN_TINT = QColor(255, 240, 179)


def days_text(days: Sequence[str]) -> str:
    words = [_(SELECTOR_LABELS[d]) if d in SELECTOR_LABELS else d for d in days]
    return join_names(words)


@dataclasses.dataclass(frozen=True)
class EntryRow:
    """A cover entry at its place in the list (entries have no ids; their place is what matters)."""

    id: str  # the position, as text
    entry: Cover


class NeedModel(QAbstractTableModel):
    """The need of each (station, shift) on each date of the plan, one row per station and shift."""

    MIN, TARGET, MAX = "min", "target", "max"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []  # (station id, shift id, label)
        self._dates: list[dt.date] = []
        self._need: dict[NeedSlot, Cover] = {}
        self._entry_index: dict[int, int] = {}  # id() of an entry -> its number in the list
        self._calendar: DayCalendar | None = None
        self._shown = self.MIN
        self._chosen: Cover | None = None
        self._role_names: dict[str, str] = {}

    def set_need(self, scenario: Scenario, need: dict[NeedSlot, Cover], calendar: DayCalendar,
                 station: str | None) -> None:
        self.beginResetModel()
        stations = [s for s in scenario.stations if station is None or s.id == station]
        self._rows = [(s.id, t.id, f"{s.name} · {t.name}") for s in stations for t in scenario.shift_types]
        self._dates = scenario.period.dates()
        self._need = need
        self._entry_index = {id(entry): i + 1 for i, entry in enumerate(scenario.cover)}
        self._calendar = calendar
        self._role_names = {r.id: r.name for r in scenario.roles}
        self.endResetModel()

    def set_shown(self, shown: str) -> None:
        self._shown = shown
        self._changed_all()

    def set_chosen(self, entry: Cover | None) -> None:
        """Mark the cells whose need comes from this entry."""
        self._chosen = entry
        self._changed_all()

    def _changed_all(self) -> None:
        if self._rows and self._dates:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._dates) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self._dates)

    def entry_at(self, row: int, column: int) -> Cover | None:
        station, shift, _label = self._rows[row]
        return self._need.get(NeedSlot(station, shift, self._dates[column]))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::data."""
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        entry = self.entry_at(index.row(), index.column())
        day = self._dates[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if entry is None:
                return ""
            value = {self.MIN: entry.min, self.TARGET: entry.target, self.MAX: entry.max}[self._shown]
            return "—" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            if entry is not None and entry is self._chosen:
                return CHOSEN_TINT
            if self._calendar is not None and self._calendar.is_holiday(day):
                return HOLIDAY_TINT
            if self._calendar is not None and self._calendar.is_restday(day):
                return RESTDAY_TINT
            return None
        if role == Qt.ItemDataRole.FontRole and entry is not None and entry.soft:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), day, entry)
        return None

    def _tooltip(self, row: int, day: dt.date, entry: Cover | None) -> str:
        label = self._rows[row][2]
        if entry is None:
            return _("{slot}, {date}: no need (no entry applies)").format(slot=label, date=day.isoformat())
        lines = [f"{label}, {day.isoformat()}",
                 _("At least {min} people").format(min=entry.min)]
        if entry.target is not None:
            lines.append(_("Preferably {target}").format(target=entry.target))
        if entry.max is not None:
            lines.append(_("At most {max}").format(max=entry.max))
        if entry.roles:
            lines.append(_("Roles: {roles}").format(roles=join_names(
                f"{self._role_names.get(r, r)} {n}" for r, n in entry.roles.items())))
        if entry.party_min:
            lines.append(_("Party members: at least {n}").format(n=entry.party_min))
        if entry.soft:
            lines.append(_("Soft: may be missed at a cost"))
        lines.append(_("From entry {n}").format(n=self._entry_index.get(id(entry), "?")))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::headerData: dates across, station and shift down."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._dates):
            day = self._dates[section]
            if role == Qt.ItemDataRole.DisplayRole:
                weekday = QLocale().dayName(QDate(day).dayOfWeek(), QLocale.FormatType.NarrowFormat)
                return f"{day.month}/{day.day}\n{weekday}"
            if role == Qt.ItemDataRole.ToolTipRole:
                kinds = []
                if self._calendar is not None and self._calendar.is_holiday(day):
                    kinds.append(holiday_label(self._calendar.holiday_names.get(day, "")) or _("Holiday"))
                elif self._calendar is not None and self._calendar.is_restday(day):
                    kinds.append(_("Restday"))
                return " ".join([day.isoformat(), *kinds])
            if role == Qt.ItemDataRole.BackgroundRole and self._calendar is not None:
                if self._calendar.is_holiday(day):
                    return HOLIDAY_TINT
                if self._calendar.is_restday(day):
                    return RESTDAY_TINT
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows) \
                and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[section][2]
        return None


class CoverForm(QWidget):
    """The fields of one cover entry; every change is reported as a new entry.

    Signals:
        edited(object, str): the entry as the form now shows it (a Cover), and which field changed.
    """

    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.station_box = QComboBox(self)
        self.shift_box = QComboBox(self)
        self.days_box = CheckComboBox(self, all_text=_(SELECTOR_LABELS["all"]), none_text=_("(choose)"))
        self.days_box.set_items([(_(SELECTOR_LABELS[s]), s) for s in (*KIND_SELECTORS[1:], *WEEKDAY_SELECTORS)])
        self.dates_edit = QLineEdit(self)
        self.dates_edit.setPlaceholderText(_("e.g. 2020-01-25, 2020-01-26"))
        self.min_spin = self._spin()
        self.target_spin = self._spin(none=True)
        self.max_spin = self._spin(none=True)
        self.party_spin = self._spin()
        self.soft_box = QCheckBox(_("Soft: the minimums may be missed when nothing else works"), self)
        self.soft_weight = self._weight()
        self.under_weight = self._weight()
        self.over_weight = self._weight()
        self.role_spins: dict[str, QSpinBox] = {}
        self.roles_group = QGroupBox(_("At least, by role"), self)
        self.roles_grid = QGridLayout(self.roles_group)

        layout = QFormLayout()
        self.form = Form(layout)
        self.form.add(_("S&tation:"), self.station_box)
        self.form.add(_("S&hift:"), self.shift_box)
        self.form.add(_("&Days:"), self.days_box, "days")
        self.form.add(_("Also on &dates:"), self.dates_edit, "dates")
        self.form.add(_("&Minimum people:"), self.min_spin, "min")
        self.form.add(_("&Target:"), self.target_spin, "target")
        self.form.add(_("Ma&ximum:"), self.max_spin, "max")
        self.form.add(_("&Party members at least:"), self.party_spin, "party_min")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(layout)
        column.addWidget(self.roles_group)
        self.roles_error = QLabel(self)
        self.roles_error.setStyleSheet("color: #b3261e;")
        self.roles_error.hide()
        column.addWidget(self.roles_error)
        column.addWidget(self.soft_box)
        costs = QFormLayout()
        costs.addRow(_("Cost per missing person (soft):"), self.soft_weight)
        costs.addRow(_("Cost per person below the target:"), self.under_weight)
        costs.addRow(_("Cost per person above the target:"), self.over_weight)
        column.addLayout(costs)
        column.addStretch()

        for box in (self.station_box, self.shift_box):
            box.activated.connect(lambda _i: self._emit("scope"))
        self.days_box.popup_closed.connect(lambda: self._emit("days"))
        self.dates_edit.editingFinished.connect(lambda: self._emit("days"))
        for name, spin in (("min", self.min_spin), ("target", self.target_spin), ("max", self.max_spin),
                           ("party_min", self.party_spin)):
            spin.valueChanged.connect(lambda _v, n=name: self._emit(n))
        self.soft_box.toggled.connect(lambda _on: self._emit("soft"))
        for name, weight in (("soft_weight", self.soft_weight), ("target_under", self.under_weight),
                             ("target_over", self.over_weight)):
            weight.valueChanged.connect(lambda _v, n=name: self._emit(n))
        self.setEnabled(False)

    def _spin(self, *, none: bool = False) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(-1 if none else 0, 999)
        if none:
            spin.setSpecialValueText(_("none"))
        spin.setKeyboardTracking(False)  # a change is a whole number typed, not each digit
        return spin

    def _weight(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 100000)
        box.setDecimals(1)
        box.setKeyboardTracking(False)
        return box

    def set_choices(self, scenario: Scenario) -> None:
        with QSignalBlocker(self.station_box), QSignalBlocker(self.shift_box):
            self.station_box.clear()
            self.station_box.addItem(_("All stations"), None)
            for station in scenario.stations:
                self.station_box.addItem(station.name, station.id)
            self.shift_box.clear()
            self.shift_box.addItem(_("All shifts"), None)
            for shift in scenario.shift_types:
                self.shift_box.addItem(shift.name, shift.id)
        while self.roles_grid.count():
            item = self.roles_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.role_spins = {}
        for i, role in enumerate(scenario.roles):
            spin = self._spin()
            spin.valueChanged.connect(lambda _v: self._emit("roles"))
            label = QLabel(role.name + _(":"), self.roles_group)
            label.setBuddy(spin)
            self.roles_grid.addWidget(label, i // 2, (i % 2) * 2)
            self.roles_grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
            self.role_spins[role.id] = spin
        self.roles_group.setVisible(bool(scenario.roles))

    def load(self, entry: Cover | None) -> None:
        """Show an entry (None: nothing chosen, the form is disabled)."""
        self._loading = True
        try:
            self.setEnabled(entry is not None)
            entry = entry or Cover()
            self.station_box.setCurrentIndex(max(0, self.station_box.findData(entry.station)))
            self.shift_box.setCurrentIndex(max(0, self.shift_box.findData(entry.shift)))
            kinds = [d for d in entry.days if d in SELECTOR_LABELS]
            self.days_box.set_checked(None if "all" in kinds else kinds)
            self.dates_edit.setText(", ".join(d for d in entry.days if d not in SELECTOR_LABELS))
            self.min_spin.setValue(entry.min)
            self.target_spin.setValue(-1 if entry.target is None else entry.target)
            self.max_spin.setValue(-1 if entry.max is None else entry.max)
            self.party_spin.setValue(entry.party_min)
            for role, spin in self.role_spins.items():
                spin.setValue(entry.roles.get(role, 0))
            self.soft_box.setChecked(entry.soft)
            self.soft_weight.setValue(entry.soft_weight)
            self.soft_weight.setEnabled(entry.soft)
            self.under_weight.setValue(entry.target_under)
            self.over_weight.setValue(entry.target_over)
            self.form.show_problems({})
            self.roles_error.hide()
        finally:
            self._loading = False

    def dates(self) -> tuple[list[str], str]:
        """The ISO dates typed, and a problem if some text is not a date."""
        found, wrong = [], []
        for part in self.dates_edit.text().replace("，", ",").replace("、", ",").replace(" ", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                found.append(dt.date.fromisoformat(part).isoformat())
            except ValueError:
                wrong.append(part)
        problem = _("Not a date written YYYY-MM-DD: {text}").format(text=", ".join(wrong)) if wrong else ""
        return found, problem

    def entry(self) -> Cover:
        kinds = self.days_box.checked()
        dates, _problem = self.dates()
        days = tuple(["all"] if kinds is None else [str(k) for k in kinds]) + tuple(dates)
        if kinds is None and dates:  # every day already includes the dates
            days = ("all",)
        return Cover(
            station=self.station_box.currentData(), shift=self.shift_box.currentData(), days=days,
            min=self.min_spin.value(), max=None if self.max_spin.value() < 0 else self.max_spin.value(),
            target=None if self.target_spin.value() < 0 else self.target_spin.value(),
            target_under=self.under_weight.value(), target_over=self.over_weight.value(),
            roles={role: spin.value() for role, spin in self.role_spins.items() if spin.value()},
            party_min=self.party_spin.value(), soft=self.soft_box.isChecked(), soft_weight=self.soft_weight.value())

    def show_problems(self, problems: dict[str, str]) -> bool:
        self.roles_error.setText(problems.get("roles", ""))
        self.roles_error.setVisible("roles" in problems)
        return self.form.show_problems(problems)

    def _emit(self, field: str) -> None:
        if self._loading:
            return
        self.soft_weight.setEnabled(self.soft_box.isChecked())
        self.edited.emit(self.entry(), field)


class CoverPage(Page):
    title = N_("Cover")
    help = N_("How many people each station needs on each shift. The entries apply in order: where several match a "
              "station, shift and date, the last one applies, entirely. Put general entries first and exceptions "
              "(restdays, holidays, single dates) after them.")
    icon = "cover"
    key = "cover"
    interests = Changes.COVER | Changes.STATIONS | Changes.SHIFT_TYPES | Changes.ROLES | Changes.CALENDAR

    go_to_holidays = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._names: dict[str, dict[str, str]] = {}
        self.model: DomainTableModel[EntryRow] = DomainTableModel(self._columns(), self)
        self.view: QTableView = table_view(self.model, self)
        self.view.setSortingEnabled(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.add_button = QPushButton(_("Add entry"), self)
        self.add_button.clicked.connect(self.add)
        self.copy_button = QPushButton(_("Copy"), self)
        self.copy_button.setToolTip(_("A copy of the entry right after it, e.g. to make an exception for holidays"))
        self.copy_button.clicked.connect(self.copy)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.clicked.connect(self.delete)
        self.up_button = QPushButton(_("Move up"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(_("Move down"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        entries = QWidget(self)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addLayout(button_row(self.add_button, self.copy_button, self.delete_button, self.up_button,
                                            self.down_button))
        entries_layout.addWidget(self.view, 1)

        self.form = CoverForm(self)
        self.form.edited.connect(self._on_form_edited)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(max(self.form.sizeHint().width() + 24, 380))

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(entries)
        top.addWidget(scroll)
        top.setStretchFactor(0, 1)
        top.setSizes([800, 390])
        self.top_splitter = top

        self.need_model = NeedModel(self)
        self.need_view = QTableView(self)
        self.need_view.setModel(self.need_model)
        self.need_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.need_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.need_view.setWordWrap(False)
        metrics = self.need_view.fontMetrics()
        self.need_view.horizontalHeader().setDefaultSectionSize(metrics.horizontalAdvance("12/31") + 14)
        self.need_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.need_view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.need_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview_station = QComboBox(self)
        self.preview_station.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.preview_station.currentIndexChanged.connect(self._on_preview_station_current_index_changed)
        self.preview_shown = QComboBox(self)
        for label, value in ((_("Minimum"), NeedModel.MIN), (_("Target"), NeedModel.TARGET),
                             (_("Maximum"), NeedModel.MAX)):
            self.preview_shown.addItem(label, value)
        self.preview_shown.currentIndexChanged.connect(
            lambda _i: self.need_model.set_shown(self.preview_shown.currentData()))
        preview = QWidget(self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(heading_label(_("Need per day"), preview, 1.1))
        bar.addSpacing(12)
        bar.addWidget(QLabel(_("Station:"), preview))
        bar.addWidget(self.preview_station)
        bar.addWidget(QLabel(_("Show:"), preview))
        bar.addWidget(self.preview_shown)
        bar.addStretch()
        bar.addWidget(quiet_label(_("Shaded: restdays, red: holidays, yellow: the chosen entry, italic: soft"),
                                  preview))
        preview_layout.addLayout(bar)
        preview_layout.addWidget(self.need_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 400])
        self.body.addWidget(self.splitter, 1)
        self.messages.action_triggered.connect(self.go_to_holidays)
        self._fitted = False
        self._update_buttons()

    def _columns(self) -> tuple[Column[EntryRow], ...]:
        def name(kind: str, code: str | None, every: str) -> str:
            return every if code is None else self._names.get(kind, {}).get(code, code)

        return (
            Column[EntryRow](N_("No."), lambda r: str(int(r.id) + 1), lambda r: int(r.id), RIGHT),
            Column[EntryRow](N_("Station"), lambda r: name("station", r.entry.station, _("All stations"))),
            Column[EntryRow](N_("Shift"), lambda r: name("shift", r.entry.shift, _("All shifts"))),
            Column[EntryRow](N_("On days"), lambda r: days_text(r.entry.days)),
            Column[EntryRow](N_("Min"), lambda r: str(r.entry.min), alignment=RIGHT),
            Column[EntryRow](N_("Target"), lambda r: "" if r.entry.target is None else str(r.entry.target),
                             alignment=RIGHT),
            Column[EntryRow](N_("Max"), lambda r: "" if r.entry.max is None else str(r.entry.max), alignment=RIGHT),
            Column[EntryRow](N_("Party"), lambda r: str(r.entry.party_min) if r.entry.party_min else "",
                             alignment=RIGHT, header_tip=N_("Party members at least")),
            Column[EntryRow](N_("Soft"), lambda r: _("soft") if r.entry.soft else "", alignment=CENTER),
            Column[EntryRow](N_("Roles"), lambda r: join_names(
                f"{name('role', role, role)} {n}" for role, n in r.entry.roles.items())),
        )

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        scenario = self.workspace.scenario
        self._names = {"station": {s.id: s.name for s in scenario.stations},
                       "shift": {s.id: s.name for s in scenario.shift_types},
                       "role": {r.id: r.name for r in scenario.roles}}
        chosen = self._chosen_index()
        if changes & (Changes.STATIONS | Changes.SHIFT_TYPES | Changes.ROLES):
            self.form.set_choices(scenario)
            station = self.preview_station.currentData()
            with QSignalBlocker(self.preview_station):
                self.preview_station.clear()
                self.preview_station.addItem(_("All stations"), None)
                for s in scenario.stations:
                    self.preview_station.addItem(s.name, s.id)
                self.preview_station.setCurrentIndex(max(0, self.preview_station.findData(station)))
        self.model.set_rows(EntryRow(str(i), entry) for i, entry in enumerate(scenario.cover))
        if chosen is None and scenario.cover:
            chosen = 0
        if chosen is not None and scenario.cover:
            select_ids(self.view, [str(min(chosen, len(scenario.cover) - 1))])
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view, minimum=40)
            self._fitted = True
        self._load_form()
        self._show_need()

    def _show_need(self) -> None:
        state = self.workspace.calendar_state()
        if state.uncovered:
            years = "、".join(map(str, state.uncovered))
            self.messages.show_message(_(
                "The official holiday calendar has no data for {years}: enter that year's holidays. Until then only "
                "weekends count as restdays there.").format(years=years), Level.WARNING, _("Enter holidays…"))
        elif self.messages.level == Level.WARNING:
            self.messages.clear()
        need = self.workspace.cover_need()
        self.need_model.set_need(self.workspace.scenario, need, state.calendar, self.preview_station.currentData())
        self.need_model.set_chosen(self._chosen_entry())
        width = max((self.need_view.fontMetrics().horizontalAdvance(str(self.need_model.headerData(
            row, Qt.Orientation.Vertical))) for row in range(self.need_model.rowCount())), default=80)
        self.need_view.verticalHeader().setFixedWidth(min(width + 16, 360))

    def _chosen_index(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _chosen_entry(self) -> Cover | None:
        index = self._chosen_index()
        cover = self.workspace.scenario.cover
        return cover[index] if index is not None and index < len(cover) else None

    def _load_form(self) -> None:
        self.form.load(self._chosen_entry())

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._load_form()
        self.need_model.set_chosen(self._chosen_entry())
        self._update_buttons()
        self.actions_changed.emit()

    @Slot(int)
    def _on_preview_station_current_index_changed(self, _index: int) -> None:
        if self.controller.is_open:
            self._show_need()

    def _update_buttons(self) -> None:
        index = self._chosen_index()
        count = self.model.rowCount()
        for button in (self.copy_button, self.delete_button):
            button.setEnabled(index is not None)
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < count - 1)

    # --- editing ----------------------------------------------------------------------------

    @Slot(object, str)
    def _on_form_edited(self, entry: Cover, field: str) -> None:
        index = self._chosen_index()
        if index is None:
            return
        problems = checks.cover(entry)
        _dates, wrong = self.form.dates()
        if wrong:
            problems["dates"] = wrong
        if not self.form.show_problems(problems):
            return
        cover = list(self.workspace.scenario.cover)
        if cover[index] == entry:
            return
        cover[index] = entry
        text = _("Change cover entry {n}").format(n=index + 1)
        if not self.apply(self.workspace.set_cover(cover, text, merge_key=f"cover:{index}:{field}")):
            self._load_form()

    def _insert(self, entry: Cover, at: int, text: str) -> None:
        cover = list(self.workspace.scenario.cover)
        cover.insert(at, entry)
        if self.apply(self.workspace.set_cover(cover, text)):
            select_ids(self.view, [str(at)])

    def can_add(self) -> bool:
        return True

    def add_text(self) -> str:
        return _("&Add cover entry")

    def add(self) -> None:
        index = self._chosen_index()
        at = len(self.workspace.scenario.cover) if index is None else index + 1
        station = self.preview_station.currentData()
        self._insert(Cover(station=station, min=1), at, _("Add cover entry {n}").format(n=at + 1))

    def copy(self) -> None:
        entry, index = self._chosen_entry(), self._chosen_index()
        if entry is not None and index is not None:
            self._insert(entry, index + 1, _("Copy cover entry {n}").format(n=index + 1))

    def can_delete(self) -> bool:
        return self._chosen_index() is not None

    def delete(self) -> None:
        index = self._chosen_index()
        if index is None:
            return
        cover = list(self.workspace.scenario.cover)
        del cover[index]
        if self.apply(self.workspace.set_cover(cover, _("Delete cover entry {n}").format(n=index + 1))) and cover:
            select_ids(self.view, [str(min(index, len(cover) - 1))])

    def _move(self, step: int) -> None:
        index = self._chosen_index()
        cover = list(self.workspace.scenario.cover)
        if index is None or not 0 <= index + step < len(cover):
            return
        cover[index], cover[index + step] = cover[index + step], cover[index]
        if self.apply(self.workspace.set_cover(cover, _("Move cover entry {n}").format(n=index + 1))):
            select_ids(self.view, [str(index + step)])

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("cover.splitter", self.splitter.saveState())
        state.set_layout("cover.top", self.top_splitter.saveState())
        state.set_layout("cover.table", self.view.horizontalHeader().saveState())

    def restore_layout(self, state: WindowState) -> None:
        for name, splitter in (("cover.splitter", self.splitter), ("cover.top", self.top_splitter)):
            saved = state.layout(name)
            if not saved.isEmpty():
                splitter.restoreState(saved)
        table = state.layout("cover.table")
        if not table.isEmpty() and self.view.horizontalHeader().restoreState(table):
            self._fitted = True
