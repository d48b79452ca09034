"""Stations: edited in place, each change stored at once, undone and redone from the Edit menu."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from shiftplan.domain.model import Station
from shiftplan.ui.main_window import MainWindow

from .helpers import UI_MARKS, set_cell, shown, stored, type_chinese

pytestmark = UI_MARKS
NAME, BRANCH, PHONE, STAFF = 1, 2, 3, 4


def test_the_table_shows_the_stations_and_who_may_work_there(window: MainWindow,
                                                             qtmodeltester: ModelTester) -> None:
    model = window.stations_page.model
    assert shown(model, NAME) == ["310国道巩义方向防疫服务站", "连霍高速郑州西收费站"]
    assert shown(model, STAFF) == ["4", "3"]  # 赵敏 may work everywhere
    qtmodeltester.check(model)


def test_a_typed_name_is_stored_undone_and_redone(window: MainWindow, database: str, qtbot: QtBot) -> None:
    page, view = window.stations_page, window.stations_page.view
    index = page.model.index(1, NAME)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_chinese(editor, "郑州西站")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop

    qtbot.waitUntil(lambda: shown(page.model, NAME)[1] == "郑州西站")
    assert stored(database).stations[1].name == "郑州西站"
    assert window.undo_action.text() == "Undo Change station “郑州西站”"

    window.undo_action.trigger()
    assert shown(page.model, NAME)[1] == "连霍高速郑州西收费站"
    assert stored(database).stations[1].name == "连霍高速郑州西收费站"

    window.redo_action.trigger()
    assert stored(database).stations[1].name == "郑州西站"


def test_an_empty_or_repeated_name_is_refused_in_place(window: MainWindow, database: str) -> None:
    page = window.stations_page
    before = stored(database)

    assert not set_cell(page.model, 0, NAME, "  ")
    assert page.messages.isVisible()
    assert page.messages.text.text() == "Enter the station's name."

    assert not set_cell(page.model, 0, NAME, "连霍高速郑州西收费站")
    assert page.messages.text.text() == "Another station is already called “连霍高速郑州西收费站”."
    assert stored(database) == before
    assert not window.undo_action.isEnabled()

    assert set_cell(page.model, 0, PHONE, "0371-64000009")
    assert not page.messages.isVisible()  # a successful edit clears the complaint


def test_deleting_a_station_in_use_says_by_what(window: MainWindow, database: str) -> None:
    page = window.stations_page
    page.view.selectRow(1)
    window.delete_action.trigger()
    assert "still used by 2 people" in page.messages.text.text()  # 赵敏 (every station) does not count
    assert len(stored(database).stations) == 2


def test_add_move_delete_and_undo_all_of_it(window: MainWindow, database: str) -> None:
    page = window.stations_page
    original = stored(database)
    page.view.selectRow(0)
    window.add_action.trigger()  # after the selected row, with a name to type over
    window.stations_page.view.closePersistentEditor(page.view.currentIndex())
    assert shown(page.model, NAME) == ["310国道巩义方向防疫服务站", "New station", "连霍高速郑州西收费站"]
    new = stored(database).stations[1]
    assert new == Station("S1", "New station")

    page.view.selectRow(1)
    page.down_button.click()
    assert [s.id for s in stored(database).stations] == ["G310W", "ZZX", "S1"]
    page.delete_button.click()
    assert [s.id for s in stored(database).stations] == ["G310W", "ZZX"]

    for _ in range(3):
        window.undo_action.trigger()
    assert stored(database) == original


def test_edits_survive_reopening_the_database(window: MainWindow, database: str) -> None:
    assert set_cell(window.stations_page.model, 0, BRANCH, "巩义临时党支部")
    assert stored(database).stations[0].branch == "巩义临时党支部"


@pytest.mark.parametrize("code", ["ZZX", " "])
def test_an_id_taken_or_empty_is_refused(window: MainWindow, database: str, code: str) -> None:
    assert not set_cell(window.stations_page.model, 0, 0, code)
    assert window.stations_page.messages.isVisible()
    assert stored(database).stations[0].id == "G310W"


def test_a_duty_phone_is_checked_and_stored_in_its_written_form(window: MainWindow, database: str) -> None:
    page = window.stations_page
    assert not set_cell(page.model, 0, PHONE, "6400")  # a short number: refused in place
    assert page.messages.isVisible()
    assert page.messages.text.text().startswith("“6400” is not a phone number.")
    assert stored(database).stations[0].phone == "0371-64000001"

    assert set_cell(page.model, 0, PHONE, "0371-6789 1234")
    assert stored(database).stations[0].phone == "0371-67891234"
    assert set_cell(page.model, 1, PHONE, "+86 138 0013 8000")
    assert stored(database).stations[1].phone == "13800138000"
    assert shown(page.model, PHONE) == ["0371-67891234", "13800138000"]
