"""The holiday calendar: the official holidays and adjusted working days (调休) of each year, and the
plan's own changes to them.

The official calendar ships with the app and covers the years the State Council has announced.
For a later year, or a local arrangement, select days and make them holidays or working days;
these changes belong to the plan and travel with it in scenario files.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPoint, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import CalendarSpec
from shiftplan.i18n import N_, _
from shiftplan.services.workspace import Changes, DayInfo, YearCalendar
from shiftplan.ui.calendar_view import CalendarView, DayLook, holiday_label
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import Column, DomainTableModel
from shiftplan.ui.pages.base import Page, button_row
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import Level, fit_columns, heading_label, quiet_label, table_view

HOLIDAY_TINT = QColor(253, 220, 215)
HOLIDAY_TEXT = QColor(179, 38, 30)
RESTDAY_TINT = QColor(226, 231, 239)
WORKDAY_BADGE = QColor(30, 90, 170)
OVERRIDE_MARK = QColor(124, 77, 255)
COUNTRIES = ((N_("Official Chinese calendar"), "CN"), (N_("Weekends only, no holidays"), "none"))


def weekday_name(day: dt.date) -> str:
    return QLocale().dayName(QDate(day).dayOfWeek(), QLocale.FormatType.ShortFormat)


class HolidaysPage(Page):
    title = N_("Holidays")
    help = N_("Red days are holidays (they count for the holiday fairness), shaded days restdays; “work” marks a "
              "weekend day that is an adjusted working day. Select days and change them for this plan, e.g. when next "
              "year's arrangement is announced.")
    icon = "holidays"
    key = "holidays"
    interests = Changes.CALENDAR

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._year: YearCalendar | None = None

        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.valueChanged.connect(self._on_year_spin_value_changed)
        self.country_box = QComboBox(self)
        for label, value in COUNTRIES:
            self.country_box.addItem(_(label), value)
        self.country_box.activated.connect(self._on_country_box_activated)
        self.plan_label = quiet_label("", self)
        bar = QHBoxLayout()
        year_label = QLabel(_("&Year:"), self)
        year_label.setBuddy(self.year_spin)
        bar.addWidget(year_label)
        bar.addWidget(self.year_spin)
        bar.addSpacing(16)
        country_label = QLabel(_("&Calendar:"), self)
        country_label.setBuddy(self.country_box)
        bar.addWidget(country_label)
        bar.addWidget(self.country_box)
        bar.addSpacing(16)
        bar.addWidget(self.plan_label)
        bar.addStretch()

        self.holiday_button = QPushButton(_("Make holiday"), self)
        self.holiday_button.clicked.connect(lambda: self.set_selected("holiday"))
        self.workday_button = QPushButton(_("Make working day"), self)
        self.workday_button.clicked.connect(lambda: self.set_selected("workday"))
        self.official_button = QPushButton(_("As the official calendar"), self)
        self.official_button.clicked.connect(lambda: self.set_selected(None))
        self.selection_label = quiet_label("", self)

        self.calendar = CalendarView(self, columns=4, cell_scale=0.95)
        self.calendar.selection_changed.connect(self._on_calendar_selection_changed)
        self.calendar.context_requested.connect(self._on_calendar_context_requested)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.calendar)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.changes_model: DomainTableModel[DayInfo] = DomainTableModel((
            Column[DayInfo](N_("Date"), lambda d: d.date.isoformat()),
            Column[DayInfo](N_("Weekday"), lambda d: weekday_name(d.date), lambda d: d.date.isoformat()),
            Column[DayInfo](N_("Set to"), lambda d: _("Holiday") if d.override == "holiday" else _("Working day")),
            Column[DayInfo](N_("Official"), self._official_text),
        ), self)
        self.changes_view: QTableView = table_view(self.changes_model, self)
        self.changes_view.doubleClicked.connect(self._on_changes_view_double_clicked)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(heading_label(_("Changes for this plan"), side, 1.05))
        self.no_changes = quiet_label(_("None: this plan follows the calendar chosen above."), side)
        self.no_changes.setWordWrap(True)
        side_layout.addWidget(self.no_changes)
        side_layout.addWidget(self.changes_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([940, 290])

        self.body.addLayout(bar)
        self.body.addLayout(button_row(self.holiday_button, self.workday_button, self.official_button,
                                       self.selection_label))
        self.body.addWidget(self.splitter, 1)
        self._update_buttons()

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        sc = self.workspace.scenario
        with QSignalBlocker(self.year_spin):
            if self._year is None:
                self.year_spin.setValue(sc.period.start.year)
        with QSignalBlocker(self.country_box):
            self.country_box.setCurrentIndex(max(0, self.country_box.findData(sc.calendar.country)))
        period = sc.period
        self.plan_label.setText(_("The plan runs from {start} to {end}.").format(
            start=period.start.isoformat(), end=period.end.isoformat()))
        self._show_year()
        overrides = sorted(set(sc.calendar.holidays) | set(sc.calendar.workdays))
        infos = []
        for day in overrides:
            year = self._year if self._year and self._year.year == day.year else self.workspace.year(day.year)
            infos.append(year.days[day])
        self.changes_model.set_rows(infos)
        self.no_changes.setVisible(not infos)
        fit_columns(self.changes_view)
        self._warn()

    def _show_year(self) -> None:
        year = self.year_spin.value()
        self._year = self.workspace.year(year)
        self.calendar.set_months([(year, month) for month in range(1, 13)], columns=4)
        self.calendar.set_look(self._look)
        self._warn()

    def _warn(self) -> None:
        sc = self.workspace.scenario
        uncovered = self.workspace.calendar_state().uncovered
        year = self._year
        if uncovered:
            years = "、".join(map(str, uncovered))
            self.messages.show_message(_(
                "The plan reaches into {years}, for which the official calendar has no holidays yet: enter that "
                "year's holidays and adjusted working days here (select the days, then “Make holiday” or “Make "
                "working day”). Until then only weekends count as restdays.").format(years=years), Level.ERROR)
        elif year is not None and not year.known and sc.calendar.country == "CN":
            self.messages.show_message(_(
                "The official calendar has no holidays for {year} yet. Enter them here once they are announced; "
                "until then only weekends count as restdays in {year}.").format(year=year.year), Level.WARNING)
        elif self.messages.level in (Level.WARNING, Level.ERROR) and not self.messages.isHidden():
            self.messages.clear()

    def _official_text(self, info: DayInfo) -> str:
        if info.official_holiday:
            return _("Holiday ({name})").format(name=holiday_label(info.official_holiday))
        if info.official_workday:
            return _("Adjusted working day")
        return _("Restday") if info.date.weekday() >= 5 else _("Working day")

    def _look(self, day: dt.date) -> DayLook:
        year = self._year
        info = year.days.get(day) if year is not None else None
        if info is None:
            return DayLook()
        tips = [f"{day.isoformat()} {weekday_name(day)}"]
        background = text = badge_colour = None
        badge = note = ""
        if info.holiday:
            background, text = HOLIDAY_TINT, HOLIDAY_TEXT
            name = holiday_label(info.official_holiday or "") if info.override != "holiday" else None
            note = name or _("Holiday")
            # Translators: a one-character mark on a holiday in the calendar (Chinese: 休)
            badge = _("off")
            badge_colour = HOLIDAY_TEXT
            tips.append(_("Holiday") + (f": {name}" if name else ""))
        elif info.restday:
            background = RESTDAY_TINT
            tips.append(_("Restday"))
        elif day.weekday() >= 5:
            # Translators: a one-character mark on a weekend day that is a working day (Chinese: 班)
            badge, badge_colour = _("work"), WORKDAY_BADGE
            tips.append(_("Adjusted working day"))
        marker = None
        if info.override is not None:
            marker = OVERRIDE_MARK
            tips.append(_("Changed for this plan; officially: {official}").format(official=self._official_text(info)))
        return DayLook(background=background, text_colour=text, badge=badge, badge_colour=badge_colour, note=note,
                       marker=marker, tooltip="\n".join(tips))

    @Slot(int)
    def _on_year_spin_value_changed(self, _year: int) -> None:
        self._show_year()

    @Slot()
    def _on_calendar_selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        days = self.calendar.selected()
        for button in (self.holiday_button, self.workday_button, self.official_button):
            button.setEnabled(bool(days))
        self.selection_label.setText(_("{n} days selected").format(n=len(days)) if len(days) > 1 else "")
        self.actions_changed.emit()

    # --- editing ----------------------------------------------------------------------------

    def set_selected(self, kind: str | None) -> None:
        days = self.calendar.selected()
        if days:
            self.apply(self.workspace.set_days(days, kind))

    @Slot(object, QPoint)
    def _on_calendar_context_requested(self, _day: dt.date, where: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(_("Make holiday"), lambda: self.set_selected("holiday"))
        menu.addAction(_("Make working day"), lambda: self.set_selected("workday"))
        menu.addAction(_("As the official calendar"), lambda: self.set_selected(None))
        menu.exec(where)

    @Slot(int)
    def _on_country_box_activated(self, _index: int) -> None:
        spec = self.workspace.scenario.calendar
        country = str(self.country_box.currentData())
        if country != spec.country:
            label = self.country_box.currentText()
            self.apply(self.workspace.set_calendar(CalendarSpec(country, spec.holidays, spec.workdays),
                                                   _("Use the calendar “{name}”").format(name=label)))

    @Slot(QModelIndex)
    def _on_changes_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            day = self.changes_model.item(index.row()).date
            self.year_spin.setValue(day.year)
            self.calendar.set_selected([day])

    def can_delete(self) -> bool:
        return bool(self.calendar.selected())

    def delete(self) -> None:
        """Delete resets the selected days to the official calendar."""
        self.set_selected(None)

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("holidays.splitter", self.splitter.saveState())

    def restore_layout(self, state: WindowState) -> None:
        saved = state.layout("holidays.splitter")
        if not saved.isEmpty():
            self.splitter.restoreState(saved)
