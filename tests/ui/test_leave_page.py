"""Leave and requests: a person's days on a calendar, recorded from a selection, changed in the lists."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from shiftplan.domain.model import Absence, Request
from shiftplan.ui.dialogs.leave import AbsenceDialog, RequestDialog
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.base import select_ids
from shiftplan.ui.pages.leave import LEAVE_COLOUR, LeavePage

from .helpers import UI_MARKS, set_cell, shown, stored

pytestmark = UI_MARKS
D = dt.date


def leave_page(window: MainWindow, person: str = "P003") -> LeavePage:
    window.show_page(window.leave_page)
    page = window.leave_page
    select_ids(page.people_view, [person])
    return page


def test_a_persons_leave_shows_on_the_calendar_and_in_the_list(window: MainWindow,
                                                              qtmodeltester: ModelTester) -> None:
    page = leave_page(window)
    assert page.person_heading.text() == "李娜（区人民医院）"
    assert page.calendar.months() == [(2020, 2)]
    assert page.calendar.look(D(2020, 2, 11)).marker == LEAVE_COLOUR
    assert page.calendar.look(D(2020, 2, 11)).note == "病假"
    assert page.calendar.look(D(2020, 2, 13)).marker is None
    assert shown(page.absence_model, 0) == ["2020-02-10"]
    assert shown(page.people_model, 2) == ["", "", "3", "", ""]  # leave days in the period
    for model in (page.people_model, page.absence_model, page.request_model, page.people_proxy):
        qtmodeltester.check(model)


def test_days_selected_with_the_mouse_become_a_leave(window: MainWindow, database: str, qtbot: QtBot) -> None:
    page = leave_page(window, "P004")
    calendar = page.calendar
    start, end = calendar.day_rect(D(2020, 2, 17)).center(), calendar.day_rect(D(2020, 2, 19)).center()
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=end)
    assert calendar.selected() == [D(2020, 2, 17), D(2020, 2, 18), D(2020, 2, 19)]
    assert page.leave_button.isEnabled()
    release_modifiers(qtbot, calendar)

    person = window.controller.workspace.scenario.staff[3]
    dialog = AbsenceDialog(window.controller.workspace, person, D(2020, 2, 17), D(2020, 2, 19), page,
                           apply=window.controller.apply)
    qtbot.addWidget(dialog)
    dialog.reason_box.setCurrentText("事假")
    dialog.accept()
    assert stored(database).absences[-1] == Absence("P004", D(2020, 2, 17), D(2020, 2, 19), "事假")
    assert page.calendar.look(D(2020, 2, 18)).note == "事假"
    window.undo_action.trigger()
    assert len(stored(database).absences) == 1


def test_an_overlapping_or_backward_leave_is_refused_in_the_dialog(window: MainWindow, database: str,
                                                                   qtbot: QtBot) -> None:
    page = leave_page(window)
    person = window.controller.workspace.scenario.staff[2]
    dialog = AbsenceDialog(window.controller.workspace, person, D(2020, 2, 12), D(2020, 2, 14), page,
                           apply=window.controller.apply)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.form.problem("start") == "This overlaps the leave from 2020-02-10 to 2020-02-12."
    dialog.start_edit.setDate(D(2020, 2, 20))
    dialog.end_edit.setDate(D(2020, 2, 18))
    dialog.accept()
    assert dialog.form.problem("end") == "A leave cannot end before it starts."
    assert len(stored(database).absences) == 1


def test_a_request_is_recorded_changed_and_deleted(window: MainWindow, database: str, qtbot: QtBot) -> None:
    page = leave_page(window, "P002")
    person = window.controller.workspace.scenario.staff[1]
    dialog = RequestDialog(window.controller.workspace, person, D(2020, 2, 20), page, apply=window.controller.apply,
                           want=True)
    qtbot.addWidget(dialog)
    dialog.shift_box.setCurrentIndex(dialog.shift_box.findData("D"))
    dialog.accept()
    assert stored(database).requests[-1] == Request("P002", D(2020, 2, 20), True, "D", 1)
    assert page.calendar.look(D(2020, 2, 20)).badge == "✓白"
    assert set_cell(page.request_model, 0, 3, 5.0)
    assert stored(database).requests[-1].weight == 5
    page.request_view.selectRow(0)
    page.delete_request()
    assert len(stored(database).requests) == 1
    for _ in range(3):
        window.undo_action.trigger()
    assert len(stored(database).requests) == 1


def test_a_leave_is_changed_in_the_list(window: MainWindow, database: str) -> None:
    page = leave_page(window)
    assert set_cell(page.absence_model, 0, 1, D(2020, 2, 14))
    assert stored(database).absences[0].end == D(2020, 2, 14)
    assert not set_cell(page.absence_model, 0, 1, D(2020, 2, 1))
    assert page.messages.text.text() == "A leave cannot end before it starts."
    assert set_cell(page.absence_model, 0, 3, "年假")
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert stored(database).absences[0] == Absence("P003", D(2020, 2, 10), D(2020, 2, 12), "病假")


def test_only_people_with_leave_or_requests(window: MainWindow) -> None:
    page = leave_page(window)
    page.only_box.setCurrentIndex(1)
    assert shown(page.people_proxy, 0) == ["张琳", "李娜"]
    page.search.setText("李")
    assert shown(page.people_proxy, 0) == ["李娜"]


def test_the_calendar_selects_by_keyboard_and_drag(window: MainWindow, qtbot: QtBot) -> None:
    page = leave_page(window)
    calendar = page.calendar
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=calendar.day_rect(D(2020, 2, 3)).center())
    qtbot.keyClick(calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert calendar.selected() == [D(2020, 2, 3), D(2020, 2, 4)]
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=calendar.day_rect(D(2020, 2, 7)).center())
    assert calendar.selected() == [D(2020, 2, 3), D(2020, 2, 4), D(2020, 2, 7)]
    assert calendar.date_at(QPoint(-5, -5)) is None
    release_modifiers(qtbot, calendar)


def release_modifiers(qtbot: QtBot, widget: QWidget) -> None:
    """Qt remembers the last modifier keys seen; let go of Shift and Ctrl, or later selections extend."""
    qtbot.keyClick(widget, Qt.Key.Key_Shift)
    qtbot.keyRelease(widget, Qt.Key.Key_Shift)
