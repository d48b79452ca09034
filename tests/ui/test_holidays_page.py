"""Holidays: the official calendar of each year, the plan's own changes, and a warning for unknown years."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pytestqt.modeltest import ModelTester

from shiftplan.domain.model import CalendarSpec, Period
from shiftplan.storage import Database
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.holidays import HOLIDAY_TINT, OVERRIDE_MARK, HolidaysPage
from shiftplan.ui.widgets import Level

from .helpers import UI_MARKS, shown, stored

pytestmark = UI_MARKS
D = dt.date


def holidays_page(window: MainWindow) -> HolidaysPage:
    window.show_page(window.holidays_page)
    return window.holidays_page


def test_the_plans_year_with_its_official_holidays(window: MainWindow) -> None:
    page = holidays_page(window)
    assert page.year_spin.value() == 2020
    assert len(page.calendar.months()) == 12
    spring = page.calendar.look(D(2020, 1, 25))
    assert spring.background == HOLIDAY_TINT
    assert spring.note == "Spring Festival"
    assert page.calendar.look(D(2020, 1, 19)).badge == "work"  # a Sunday worked in lieu (调休)
    assert page.messages.isHidden()


def test_days_are_made_holidays_or_working_days_and_back(window: MainWindow, database: str,
                                                         qtmodeltester: ModelTester) -> None:
    page = holidays_page(window)
    page.calendar.set_selected([D(2020, 2, 3), D(2020, 2, 4)])
    page.holiday_button.click()
    assert stored(database).calendar.holidays == (D(2020, 2, 3), D(2020, 2, 4))
    assert page.calendar.look(D(2020, 2, 3)).marker == OVERRIDE_MARK
    assert shown(page.changes_model, 0) == ["2020-02-03", "2020-02-04"]
    qtmodeltester.check(page.changes_model)

    page.calendar.set_selected([D(2020, 2, 8)])
    page.workday_button.click()
    assert stored(database).calendar.workdays == (D(2020, 2, 8),)
    # the cover preview follows: Saturday 8 February is now a working day
    assert window.controller.workspace.calendar_state().calendar.is_restday(D(2020, 2, 8)) is False

    page.calendar.set_selected([D(2020, 2, 3)])
    page.official_button.click()
    assert stored(database).calendar.holidays == (D(2020, 2, 4),)

    for _ in range(3):
        window.undo_action.trigger()
    assert stored(database).calendar == CalendarSpec()


def test_a_year_without_official_data_asks_for_it(window: MainWindow, database: str) -> None:
    page = holidays_page(window)
    page.year_spin.setValue(2031)
    assert page.messages.level == Level.WARNING
    assert "no holidays for 2031" in page.messages.text.text()
    page.calendar.set_selected([D(2031, 1, 1)])
    page.holiday_button.click()
    assert page.messages.isHidden()  # the plan now supplies 2031 itself


def test_a_planned_year_without_data_is_an_error_everywhere(window: MainWindow, database: str) -> None:
    with Database.open(f"sqlite:///{database}") as db:
        scenario = db.export_scenario()
        db.import_scenario(dataclasses.replace(scenario, period=Period(D(2031, 1, 1), D(2031, 1, 31)),
                                               absences=(), requests=()))
    window.controller.reload()
    page = holidays_page(window)
    page.year_spin.setValue(2031)
    assert page.messages.level == Level.ERROR
    assert "reaches into 2031" in page.messages.text.text()
    window.show_page(window.cover_page)
    assert window.cover_page.messages.level == Level.WARNING
    assert "2031" in window.cover_page.messages.text.text()
    assert window.cover_page.messages.button.isVisible()
    window.cover_page.messages.button.click()
    assert window.current_page() is page


def test_the_calendar_can_switch_to_weekends_only(window: MainWindow, database: str) -> None:
    page = holidays_page(window)
    page.country_box.setCurrentIndex(page.country_box.findData("none"))
    page.country_box.activated.emit(page.country_box.currentIndex())
    assert stored(database).calendar.country == "none"
    assert page.calendar.look(D(2020, 1, 25)).background != HOLIDAY_TINT
    window.undo_action.trigger()
    assert stored(database).calendar.country == "CN"
