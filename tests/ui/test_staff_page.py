"""The staff table: filters, editing in place, several people at once, adding and deleting."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from shiftplan.domain.model import Party
from shiftplan.ui.dialogs.bulk_edit import BulkEditDialog
from shiftplan.ui.dialogs.person import PersonDialog
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.staff import PARTY_MEMBERS, StaffColumn, StaffPage

from .helpers import UI_MARKS, set_cell, shown, stored, type_chinese

pytestmark = UI_MARKS


def staff_page(window: MainWindow) -> StaffPage:
    window.show_page(window.staff_page)
    return window.staff_page


def test_the_table_shows_names_of_roles_stations_and_rule_sets(window: MainWindow,
                                                                qtmodeltester: ModelTester) -> None:
    page = staff_page(window)
    model = page.view.model()
    assert shown(model, StaffColumn.NAME) == ["张琳", "王伟", "李娜", "赵敏", "陈喆"]
    assert shown(model, StaffColumn.ROLES)[4] == "警务, 带班"
    assert shown(model, StaffColumn.STATIONS)[3] == "All stations"
    assert shown(model, StaffColumn.RULE_SET)[0] == "standard (default)"
    assert page.shown_label.text() == "5 people"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_filters_combine(window: MainWindow) -> None:
    page = staff_page(window)
    model = page.view.model()
    page.station_box.setCurrentIndex(page.station_box.findData("ZZX"))
    assert shown(model, StaffColumn.NAME) == ["王伟", "赵敏", "陈喆"]
    page.role_box.setCurrentIndex(page.role_box.findData("police"))
    assert shown(model, StaffColumn.NAME) == ["王伟", "陈喆"]
    page.party_box.setCurrentIndex(page.party_box.findData(PARTY_MEMBERS))
    assert shown(model, StaffColumn.NAME) == ["陈喆"]
    assert page.shown_label.text() == "1 of 5 shown"
    page.station_box.setCurrentIndex(0)
    page.role_box.setCurrentIndex(0)
    page.party_box.setCurrentIndex(page.party_box.findData(Party.APPLICANT.value))
    assert shown(model, StaffColumn.NAME) == ["李娜"]
    page.party_box.setCurrentIndex(0)
    page.unit_box.setCurrentIndex(page.unit_box.findData("区公安分局"))
    assert shown(model, StaffColumn.NAME) == ["王伟", "陈喆"]


def test_searching_by_name_id_or_phone(window: MainWindow) -> None:
    page = staff_page(window)
    type_chinese(page.search, "陈")
    assert shown(page.view.model(), StaffColumn.NAME) == ["陈喆"]
    page.search.setText("p002")
    assert shown(page.view.model(), StaffColumn.NAME) == ["王伟"]
    page.search.setText("00005")
    assert shown(page.view.model(), StaffColumn.NAME) == ["李娜"]


def test_clicking_a_header_sorts(window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(window)
    header = page.view.horizontalHeader()
    phone = QPoint(header.sectionViewportPosition(StaffColumn.PHONE) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=phone)
    assert shown(page.view.model(), StaffColumn.NAME) == ["王伟", "赵敏", "张琳", "陈喆", "李娜"]


def test_a_cell_edit_is_stored_undone_and_redone(window: MainWindow, database: str) -> None:
    page = staff_page(window)
    page.view.sortByColumn(StaffColumn.NAME, Qt.SortOrder.AscendingOrder)  # edits work through the proxy
    row = shown(page.view.model(), StaffColumn.ID).index("P002")
    assert set_cell(page.view.model(), row, StaffColumn.TEAM, "三组")
    assert stored(database).staff[1].team == "三组"
    assert set_cell(page.view.model(), row, StaffColumn.ROLES, ("police", "leader"))
    assert set_cell(page.view.model(), row, StaffColumn.STATIONS, None)
    assert set_cell(page.view.model(), row, StaffColumn.PARTY, "probationary")
    assert set_cell(page.view.model(), row, StaffColumn.ACTIVE_TO, dt.date(2020, 2, 20))
    person = stored(database).staff[1]
    assert (person.roles, person.stations, person.party, person.active_to) == (
        ("police", "leader"), None, Party.PROBATIONARY, dt.date(2020, 2, 20))

    for _ in range(5):
        window.undo_action.trigger()
    assert stored(database).staff[1] == window.controller.workspace.scenario.staff[1]
    assert stored(database).staff[1].team == "二组"
    window.redo_action.trigger()
    assert stored(database).staff[1].team == "三组"


def test_invalid_values_are_refused_in_place(window: MainWindow, database: str) -> None:
    page = staff_page(window)
    before = stored(database)
    assert not set_cell(page.view.model(), 0, StaffColumn.NAME, " ")
    assert page.messages.text.text() == "Enter the person's name."
    assert not set_cell(page.view.model(), 0, StaffColumn.ROLES, ())
    assert page.messages.text.text().startswith("Choose at least one role")
    assert not set_cell(page.view.model(), 0, StaffColumn.ID, "P002")
    assert page.messages.text.text() == "The ID “P002” is already used."
    assert set_cell(page.view.model(), 0, StaffColumn.ACTIVE_FROM, dt.date(2020, 3, 1))
    assert not set_cell(page.view.model(), 0, StaffColumn.ACTIVE_TO, dt.date(2020, 2, 1))
    assert page.messages.text.text() == "The last day on the roster cannot be before the first."
    assert stored(database).staff[1:] == before.staff[1:]


def test_several_people_are_changed_at_once_and_undone_at_once(window: MainWindow, database: str,
                                                               qtbot: QtBot) -> None:
    page = staff_page(window)
    page.view.selectAll()
    people = page.selected_people()
    dialog = BulkEditDialog(window.controller.workspace, people, page)
    qtbot.addWidget(dialog)
    dialog.tick(dialog.team_box)
    dialog.team_box.setCurrentText("机动组")
    dialog.tick(dialog.stations_box)
    dialog.stations_box.set_checked(["ZZX"])
    dialog.tick(dialog.add_role_box)
    dialog.add_role_box.setCurrentIndex(dialog.add_role_box.findData("leader"))
    pairs = dialog.changed_pairs()
    assert len(pairs) == 5
    assert page.apply(window.controller.workspace.update_people(pairs))

    after = stored(database).staff
    assert {p.team for p in after} == {"机动组"}
    assert {p.stations for p in after} == {("ZZX",)}
    assert all("leader" in p.roles for p in after)
    assert window.undo_action.text() == "Undo Change 5 people"

    window.undo_action.trigger()
    assert [p.team for p in stored(database).staff] == ["一组", "二组", "", "一组", ""]


def test_a_bulk_edit_that_would_leave_someone_without_a_role_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(window)
    people = [p for p in window.controller.workspace.scenario.staff if p.roles == ("medic",)]
    dialog = BulkEditDialog(window.controller.workspace, people, page)
    qtbot.addWidget(dialog)
    dialog.tick(dialog.remove_role_box)
    dialog.remove_role_box.setCurrentIndex(dialog.remove_role_box.findData("medic"))
    dialog.accept()
    assert dialog.error.text() == "李娜 would have no role left."
    assert dialog.result() == 0


def test_a_person_is_added_with_the_form(window: MainWindow, database: str, qtbot: QtBot) -> None:
    page = staff_page(window)
    dialog = PersonDialog(window.controller.workspace, page, station="ZZX", apply=window.controller.apply)
    qtbot.addWidget(dialog)
    assert dialog.id_edit.text() == "P006"
    dialog.accept()  # no name, no role
    assert dialog.form.problem("name") == "Enter the person's name."
    assert dialog.form.problem("roles").startswith("Choose at least one role")
    assert len(stored(database).staff) == 5

    type_chinese(dialog.name_edit, "周杰")
    dialog.roles_box.set_checked(["medic"])
    dialog.accept()
    assert dialog.added is not None
    added = stored(database).staff[-1]
    assert (added.id, added.name, added.roles, added.stations) == ("P006", "周杰", ("medic",), ("ZZX",))
    window.undo_action.trigger()
    assert len(stored(database).staff) == 5


def test_deleting_people_takes_their_leave_and_undo_brings_all_back(window: MainWindow, database: str) -> None:
    page = staff_page(window)
    before = stored(database)
    page.view.selectRow(2)  # 李娜, who has a leave
    window.delete_action.trigger()
    after = stored(database)
    assert [p.name for p in after.staff] == ["张琳", "王伟", "赵敏", "陈喆"]
    assert after.absences == ()
    window.undo_action.trigger()
    assert stored(database) == before


def test_a_filter_survives_an_edit(window: MainWindow) -> None:
    page = staff_page(window)
    page.station_box.setCurrentIndex(page.station_box.findData("ZZX"))
    assert set_cell(page.view.model(), 0, StaffColumn.PHONE, "13900000009")
    assert page.station_box.currentData() == "ZZX"
    assert shown(page.view.model(), StaffColumn.NAME) == ["王伟", "赵敏", "陈喆"]


def test_the_delegates_offer_the_right_choices(window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(window)
    index = page.view.model().index(0, StaffColumn.ROLES)
    page.view.edit(index)
    editor = page.view.focusWidget()
    from shiftplan.ui.widgets import CheckComboBox

    assert isinstance(editor, CheckComboBox)
    assert editor.checked() == ["leader"]
    editor.toggle(0)  # tick 警务
    editor.hidePopup()  # closing the list commits
    qtbot.waitUntil(lambda: window.controller.workspace.scenario.staff[0].roles == ("police", "leader"))
    QApplication.processEvents()


def test_the_table_keeps_up_with_renamed_stations(window: MainWindow) -> None:
    window.show_page(window.stations_page)
    assert set_cell(window.stations_page.model, 1, 1, "郑州西")
    page = staff_page(window)
    assert shown(page.view.model(), StaffColumn.STATIONS)[1] == "郑州西"
    assert page.station_box.itemText(2) == "郑州西"


def test_a_malformed_phone_is_refused_in_place_and_a_valid_one_stored_in_its_written_form(
        window: MainWindow, database: str, qtbot: QtBot) -> None:
    page = staff_page(window)
    row = [p.id for p in page.model.rows()].index("P002")
    assert not set_cell(page.model, row, StaffColumn.PHONE, "1380000000")  # a digit short
    assert page.messages.text.text().startswith("“1380000000” is not a phone number.")
    assert stored(database).staff[1].phone == "13800000001"
    assert set_cell(page.model, row, StaffColumn.PHONE, "+86 138 0013 8000")
    assert stored(database).staff[1].phone == "13800138000"

    dialog = PersonDialog(window.controller.workspace, page, apply=window.controller.apply)
    qtbot.addWidget(dialog)
    type_chinese(dialog.name_edit, "周杰")
    dialog.roles_box.set_checked(["medic"])
    dialog.phone_edit.setText("0371-1234")
    dialog.accept()
    assert dialog.form.problem("phone").startswith("“0371-1234” is not a phone number.")
    assert len(stored(database).staff) == 5
    dialog.phone_edit.setText("(0371) 6789 1234 转 8")
    dialog.accept()
    assert stored(database).staff[-1].phone == "0371-67891234-8"
