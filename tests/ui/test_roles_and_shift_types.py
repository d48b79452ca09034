"""Roles and shift types: the same in-place editing as stations, with their own columns and checks."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from PySide6.QtCore import Qt

from shiftplan.domain.model import Role, ShiftType
from shiftplan.ui.delegates import parse_time
from shiftplan.ui.main_window import MainWindow

from .helpers import UI_MARKS, set_cell, shown, stored

pytestmark = UI_MARKS
START, END, HOURS, NIGHT = 2, 3, 4, 5


def test_roles_show_how_many_can_serve(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = window.roles_page
    window.show_page(page)
    assert shown(page.model, 1) == ["警务", "医务", "带班"]
    assert shown(page.model, 2) == ["2", "2", "2"]
    assert shown(page.model, 3) == ["1", "1", "2"]  # Party members (probationary included)
    qtmodeltester.check(page.model)


def test_a_role_is_renamed_undone_and_kept(window: MainWindow, database: str) -> None:
    page = window.roles_page
    window.show_page(page)
    assert set_cell(page.model, 0, 1, "民警")
    assert stored(database).roles[0] == Role("police", "民警")
    window.undo_action.trigger()
    assert stored(database).roles[0] == Role("police", "警务")
    window.redo_action.trigger()
    assert stored(database).roles[0] == Role("police", "民警")


def test_a_role_someone_has_cannot_be_deleted(window: MainWindow, database: str) -> None:
    page = window.roles_page
    window.show_page(page)
    page.view.selectRow(2)
    page.delete()
    assert "still used by 2 people, 1 cover entry" in page.messages.text.text()
    assert len(stored(database).roles) == 3


def test_shift_times_show_the_next_day(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = window.shift_types_page
    window.show_page(page)
    assert shown(page.model, START) == ["08:00", "20:00"]
    assert shown(page.model, END) == ["20:00", "next day 08:00"]
    assert shown(page.model, HOURS) == ["12", "12"]
    assert shown(page.model, NIGHT) == ["No (automatic)", "Yes (automatic)"]
    qtmodeltester.check(page.model)


def test_times_are_typed_and_checked(window: MainWindow, database: str) -> None:
    page = window.shift_types_page
    window.show_page(page)
    assert set_cell(page.model, 0, END, "16:30")
    assert stored(database).shift_types[0] == ShiftType("D", "白班", 8 * 60, 16 * 60 + 30)
    assert set_cell(page.model, 0, END, "00:00")  # midnight as an end is 24:00
    assert stored(database).shift_types[0].end == 24 * 60

    assert not set_cell(page.model, 0, START, "25:00")
    assert page.messages.text.text() == "Write the start as HH:MM, between 00:00 and 23:59."
    assert not set_cell(page.model, 0, START, "24:00")
    assert stored(database).shift_types[0].start == 8 * 60

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert stored(database).shift_types[0].end == 20 * 60


def test_the_night_flag_is_chosen(window: MainWindow, database: str) -> None:
    page = window.shift_types_page
    window.show_page(page)
    assert set_cell(page.model, 0, NIGHT, True)
    assert stored(database).shift_types[0].night is True
    assert page.model.index(0, NIGHT).data(Qt.ItemDataRole.EditRole) is True
    assert shown(page.model, NIGHT)[0] == "Yes"


def test_time_parsing() -> None:
    assert parse_time("8:00") == 480
    assert parse_time("0800") == 480
    assert parse_time("08：30") == 510
    assert parse_time("24:00") == 1440
    assert parse_time("24:01") is None
    assert parse_time("8") is None
