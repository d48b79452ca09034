"""Cover: entries in order, a form for the chosen one, and the need per day that results."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from shiftplan.domain.model import Cover
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.cover import CoverPage, NeedModel

from .helpers import UI_MARKS, shown, stored

pytestmark = UI_MARKS


def cover_page(window: MainWindow) -> CoverPage:
    window.show_page(window.cover_page)
    return window.cover_page


def test_entries_and_the_form(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = cover_page(window)
    assert shown(page.model, 1) == ["310国道巩义方向防疫服务站", "310国道巩义方向防疫服务站"]
    assert shown(page.model, 3) == ["Every day", "Restdays"]
    assert page.form.isEnabled()
    assert page.form.min_spin.value() == 2
    assert page.form.role_spins["leader"].value() == 1
    page.view.selectRow(1)
    assert page.form.days_box.checked() == ["restday"]
    assert page.form.shift_box.currentData() == "D"
    qtmodeltester.check(page.model)


def test_the_preview_shows_the_need_per_day(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = cover_page(window)
    need = page.need_model
    qtmodeltester.check(need)
    assert need.rowCount() == 4  # two stations × two shifts
    assert need.columnCount() == 29  # February 2020
    # 310 day shift: 2 on working days, 1 on restdays (the second entry wins there); 郑州西: no need
    row = 0
    assert need.index(row, 2).data() == "2"  # Monday 3 February
    assert need.index(row, 0).data() == "1"  # Saturday 1 February
    assert need.index(2, 0).data() == ""
    assert "From entry 2" in need.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert need.headerData(0, Qt.Orientation.Vertical) == "310国道巩义方向防疫服务站 · 白班"
    page.preview_shown.setCurrentIndex(page.preview_shown.findData(NeedModel.MAX))
    assert need.index(row, 2).data() == "3"


def test_a_form_change_is_stored_and_undone(window: MainWindow, database: str) -> None:
    page = cover_page(window)
    page.form.min_spin.setValue(3)
    assert stored(database).cover[0].min == 3
    assert page.need_model.index(0, 2).data() == "3"
    page.form.role_spins["medic"].setValue(1)
    assert stored(database).cover[0].roles == {"leader": 1, "medic": 1}
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert stored(database).cover[0] == Cover(station="G310W", min=2, max=3, roles={"leader": 1}, party_min=1)
    assert page.form.min_spin.value() == 2


def test_quick_steps_of_one_field_undo_as_one(window: MainWindow, database: str) -> None:
    page = cover_page(window)
    page.form.max_spin.setValue(4)
    page.form.max_spin.setValue(5)
    page.form.max_spin.setValue(6)
    assert stored(database).cover[0].max == 6
    assert window.controller.undo_stack.count() == 1
    window.undo_action.trigger()
    assert stored(database).cover[0].max == 3


def test_impossible_numbers_are_shown_under_their_field(window: MainWindow, database: str) -> None:
    page = cover_page(window)
    page.form.min_spin.setValue(5)  # above the maximum of 3
    assert page.form.form.problem("max") == "The maximum cannot be below the minimum."
    assert stored(database).cover[0].min == 2
    page.form.dates_edit.setText("2020-02-30")
    page.form.dates_edit.editingFinished.emit()
    assert page.form.form.problem("dates").startswith("Not a date")


def test_days_and_dates_are_chosen(window: MainWindow, database: str) -> None:
    page = cover_page(window)
    page.view.selectRow(1)
    page.form.days_box.set_checked(["holiday", "sun"])
    page.form.dates_edit.setText("2020-02-14")
    page.form.dates_edit.editingFinished.emit()
    assert stored(database).cover[1].days == ("holiday", "sun", "2020-02-14")
    assert page.need_model.index(0, dt.date(2020, 2, 14).day - 1).data() == "1"


def test_entries_are_added_copied_moved_and_deleted(window: MainWindow, database: str, qtbot: QtBot) -> None:
    page = cover_page(window)
    before = stored(database)
    page.view.selectRow(0)
    page.copy()
    assert len(stored(database).cover) == 3
    page.up_button.click()
    page.view.selectRow(2)
    page.delete()
    page.add()
    assert stored(database).cover[-1] == Cover(min=1)
    for _ in range(4):
        window.undo_action.trigger()
    assert stored(database) == before
