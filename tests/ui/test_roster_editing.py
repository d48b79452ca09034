"""Editing the roster by hand: assign, remove, swap (menu and drag), pin; undo and redo; "who can take this?"."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from shiftplan.app import DesktopBackend
from shiftplan.domain.model import Assignment, FixedAssignment
from shiftplan.storage import Database
from shiftplan.ui.candidates import CandidatesDialog
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.roster import RosterPage
from shiftplan.ui.roster import CELL_MIME, HARD_ROLE, PIN_ROLE
from shiftplan.ui.settings import Settings
from tests.ui.helpers import UI_MARKS, stored
from tests.ui.test_roster_page import PLANTED, latest, plant, roster_page

pytestmark = UI_MARKS

D10, D11, D14, D3, D5 = (dt.date(2020, 2, d) for d in (10, 11, 14, 3, 5))
G310 = "310国道巩义方向防疫服务站"


def planted_page(database: str, window: MainWindow) -> RosterPage:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    return page


def shown(page: RosterPage, person: str, day: dt.date, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return page.model.cell_index(person, day).data(role)


def findings(page: RosterPage) -> list[list[str]]:
    return [[page.findings.index(r, c).data() for c in range(4)] for r in range(page.findings.rowCount())]


def menu_action(menu: QMenu, *path: str) -> QAction:
    """The action reached through the menu by these texts (without the & of shortcuts)."""
    for i, text in enumerate(path):
        found = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
        assert found is not None, f"{text!r} not in {[a.text() for a in menu.actions()]}"
        if i == len(path) - 1:
            return found
        sub = found.menu()
        assert isinstance(sub, QMenu)
        menu = sub
    raise AssertionError("empty path")


def trigger(page: RosterPage, person: str, day: dt.date, *path: str) -> None:
    menu = page.cell_menu(page.model.cell_index(person, day))
    assert menu is not None
    action = menu_action(menu, *path)
    assert action.isEnabled(), path
    action.trigger()
    menu.deleteLater()


def stored_roster(database: str) -> tuple[Assignment, ...]:
    schedule = latest(database)
    assert schedule is not None
    return schedule.assignments


def versions(database: str) -> int:
    with Database.open(f"sqlite:///{database}") as db:
        return len(db.schedules(db.plans()[-1].id))


def test_assign_from_the_menu_undo_and_redo(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    stack = window.controller.undo_stack
    assert shown(page, "P004", D5) == ""
    # 赵敏 may work at both stations: the shift asks where
    trigger(page, "P004", D5, "Assign", "白班", f"{G310} · 医务")
    assert shown(page, "P004", D5) == "白班"
    new = Assignment(D5, "D", "G310W", "P004", "medic")
    assert new in stored_roster(database) and versions(database) == 1  # the latest version, changed in place
    assert stack.undoText() == "Assign 赵敏 to 白班 on 2020-02-05"
    stack.undo()
    assert shown(page, "P004", D5) == "" and new not in stored_roster(database)
    assert set(stored_roster(database)) == set(PLANTED)
    stack.redo()
    assert shown(page, "P004", D5) == "白班" and new in stored_roster(database)
    # 王伟 has one station and one role: the shift is the whole choice, and replaces what was there
    trigger(page, "P002", D3, "Assign", "白班")
    assert shown(page, "P002", D3) == "白班"
    assert [a for a in stored_roster(database) if a.staff == "P002"] == [Assignment(D3, "D", "ZZX", "P002", "police")]


def test_remove_and_the_findings_follow(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    request = ["Soft cost", "Request not met", "张琳", "2020-02-14"]
    assert request in findings(page)
    trigger(page, "P001", D14, "Remove")
    assert shown(page, "P001", D14) == ""
    assert request not in findings(page)
    assert all(a.staff != "P001" for a in stored_roster(database))
    window.controller.undo_stack.undo()
    assert shown(page, "P001", D14) == "夜班" and request in findings(page)
    window.controller.undo_stack.redo()
    assert shown(page, "P001", D14) == "" and request not in findings(page)


def test_a_violation_made_by_an_edit_shows_at_once_and_goes_with_undo(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    leave = ["Hard rule", "On leave", "李娜", "2020-02-11"]
    assert leave not in findings(page) and shown(page, "P003", D11, HARD_ROLE) is False
    trigger(page, "P003", D11, "Assign", "白班")  # 李娜 is on sick leave that day
    assert leave in findings(page)
    assert shown(page, "P003", D11, HARD_ROLE) is True and shown(page, "P003", D11) == "白班!"
    assert "hard rule" in page.violations_label.text()
    window.controller.undo_stack.undo()
    assert leave not in findings(page) and shown(page, "P003", D11, HARD_ROLE) is False
    window.controller.undo_stack.redo()
    assert leave in findings(page)


def test_swap_from_the_menu(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    leave = ["Hard rule", "On leave", "李娜", "2020-02-10"]
    assert leave in findings(page)
    trigger(page, "P003", D10, "Swap with", "赵敏 · free")
    assert shown(page, "P003", D10) == "leave" and shown(page, "P004", D10) == "白班"
    assert leave not in findings(page)
    assert Assignment(D10, "D", "G310W", "P004", "medic") in stored_roster(database)
    assert window.controller.undo_stack.undoText() == "Swap 李娜 and 赵敏 on 2020-02-10"
    window.controller.undo_stack.undo()
    assert shown(page, "P003", D10) == "白班!" and shown(page, "P004", D10) == "" and leave in findings(page)
    window.controller.undo_stack.redo()
    assert shown(page, "P004", D10) == "白班" and leave not in findings(page)


def test_dragging_a_cell_onto_another_person_of_the_same_date_swaps_them(database: str, window: MainWindow,
                                                                         qtbot: QtBot) -> None:
    page = planted_page(database, window)
    model = page.model
    source, target = model.cell_index("P003", D10), model.cell_index("P004", D10)
    assert model.flags(source) & Qt.ItemFlag.ItemIsDragEnabled and model.flags(target) & Qt.ItemFlag.ItemIsDropEnabled
    data = model.mimeData([source])
    assert data.hasFormat(CELL_MIME)
    # not onto another date, nor onto oneself
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.cell_index("P004", D11))
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, source)
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: shown(page, "P004", D10) == "白班")  # the swap is made just after the drop
    assert shown(page, "P003", D10) == "leave"
    window.controller.undo_stack.undo()
    assert shown(page, "P004", D10) == "" and shown(page, "P003", D10) == "白班!"


def test_pin_and_unpin(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    stack = window.controller.undo_stack
    menu = page.cell_menu(page.model.cell_index("P004", D3))
    assert menu is not None and not menu_action(menu, "Pin").isEnabled()  # nothing to pin on an empty cell
    assert shown(page, "P002", D3, PIN_ROLE) is False
    trigger(page, "P002", D3, "Pin")
    pin = FixedAssignment("P002", D3, "N", "ZZX", "police")
    assert shown(page, "P002", D3, PIN_ROLE) is True
    assert "Pinned" in str(shown(page, "P002", D3, Qt.ItemDataRole.ToolTipRole))
    assert stored(database).fixed == (pin,)
    assert not page.grid.grab().isNull()  # the pinned frame is drawn
    stack.undo()
    assert shown(page, "P002", D3, PIN_ROLE) is False and stored(database).fixed == ()
    stack.redo()
    assert shown(page, "P002", D3, PIN_ROLE) is True and stored(database).fixed == (pin,)
    # a pinned cell given another shift stays pinned, to the new shift
    trigger(page, "P002", D3, "Assign", "白班")
    assert stored(database).fixed == (FixedAssignment("P002", D3, "D", "ZZX", "police"),)
    assert not [r for r in findings(page) if r[1] == "Fixed assignment missing"]
    trigger(page, "P002", D3, "Unpin")
    assert shown(page, "P002", D3, PIN_ROLE) is False and stored(database).fixed == ()
    stack.undo()
    assert shown(page, "P002", D3, PIN_ROLE) is True
    trigger(page, "P002", D3, "Remove")  # emptied, the cell is no longer pinned
    assert shown(page, "P002", D3, PIN_ROLE) is False and stored(database).fixed == ()
    stack.undo()
    assert stored(database).fixed == (FixedAssignment("P002", D3, "D", "ZZX", "police"),)


def test_edits_are_there_after_reopening_the_database(database: str, window: MainWindow, settings: Settings,
                                                      qtbot: QtBot) -> None:
    page = planted_page(database, window)
    trigger(page, "P004", D5, "Assign", "夜班", f"{G310} · 医务")
    trigger(page, "P001", D14, "Remove")
    trigger(page, "P002", D3, "Pin")
    window.close()
    window.controller.close()
    controller = Controller(DesktopBackend())
    controller.open(database)
    again = MainWindow(controller, settings, version="9.9.9")
    qtbot.addWidget(again)
    again.show()
    try:
        page = roster_page(again)
        assert shown(page, "P004", D5) == "夜班" and shown(page, "P001", D14) == ""
        assert shown(page, "P002", D3, PIN_ROLE) is True
    finally:
        controller.close()


def test_a_first_edit_makes_the_plans_first_roster_and_undo_takes_it_away(database: str, window: MainWindow) -> None:
    page = roster_page(window)
    assert latest(database) is None
    trigger(page, "P001", D5, "Assign", "白班")
    assert stored_roster(database) == (Assignment(D5, "D", "G310W", "P001", "leader"),)
    assert page.plan_box.currentText().endswith("version 1, draft")
    window.controller.undo_stack.undo()
    assert latest(database) is None and page.plan_box.currentText().endswith("no roster yet")


def test_an_edit_of_a_roster_changed_meanwhile_is_refused(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    view = page.view
    assert view is not None
    plant(database, [Assignment(D5, "D", "G310W", "P001", "leader")])  # e.g. a solve, saved meanwhile
    assert not page.remove("P001", D14)  # the edit was worked out on the roster shown before
    assert "changed meanwhile" in page.messages.text.text()
    assert stored_roster(database) == (Assignment(D5, "D", "G310W", "P001", "leader"),)
    assert shown(page, "P001", D5) == "白班"  # the page shows what is stored now


def test_who_can_take_a_filled_slot(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    trigger(page, "P001", D14, "Who can take this?…")
    dialog = page._dialog
    assert dialog is not None and dialog.isVisible()
    assert "张琳" in dialog.slot_label.text() and "2020-02-14" in dialog.slot_label.text()
    rows = {r.name: r for r in dialog.model.rows()}
    assert "张琳" not in rows  # the one who has it now
    assert rows["陈喆"].eligible
    assert not rows["赵敏"].eligible and rows["赵敏"].reason.startswith("Role not held")  # the slot is the leader's
    assert not rows["王伟"].eligible and "Station not allowed" in rows["王伟"].reason
    ranked = [r.delta for r in dialog.model.rows() if r.delta is not None]
    assert ranked == sorted(ranked)
    # 张琳 asked not to work that night: giving it away saves the request's cost
    assert rows["陈喆"].delta is not None and rows["陈喆"].delta < 0
    texts = [[dialog.model.index(r, c).data() for c in range(4)] for r in range(dialog.model.rowCount())]
    assert any(t[0] == "王伟" and t[2] == "ruled out" for t in texts)
    dialog.select("P002")
    assert dialog.chosen() is None and not dialog.assign_button.isEnabled()
    dialog.select("P005")
    assert dialog.assign_button.isEnabled()
    dialog.assign_button.click()
    assert not dialog.isVisible()
    assert shown(page, "P005", D14) == "夜班" and shown(page, "P001", D14) == ""
    assert Assignment(D14, "N", "G310W", "P005", rows["陈喆"].role) in stored_roster(database)
    assert window.controller.undo_stack.undoText() == "Give 夜班 on 2020-02-14 to 陈喆"
    window.controller.undo_stack.undo()
    assert shown(page, "P005", D14) == "" and shown(page, "P001", D14) == "夜班"


def test_who_can_take_an_empty_slot(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    dialog = page.open_candidates("P004", D5)
    assert dialog is not None
    assert dialog.shift_box.isVisibleTo(dialog)
    dialog.station_box.setCurrentIndex(dialog.station_box.findData("G310W"))
    dialog.shift_box.setCurrentIndex(dialog.shift_box.findData("N"))
    assert "夜班" in dialog.slot_label.text()
    rows = {r.staff: r for r in dialog.model.rows()}
    assert set(rows) == {"P001", "P002", "P003", "P004", "P005"}
    assert rows["P002"].reason.startswith("Station not allowed")
    dialog.select("P004")
    dialog.accept()
    assert shown(page, "P004", D5) == "夜班"
    dialog = page.open_candidates("P001", D5)
    assert dialog is not None
    dialog.shift_box.setCurrentIndex(dialog.shift_box.findData("N"))
    assert "赵敏" in dialog.summary_label.text()  # already on duty
    dialog.reject()
    assert shown(page, "P001", D5) == ""


def test_the_grid_with_pins_and_the_candidates_pass_the_model_tester(database: str, window: MainWindow,
                                                    qtmodeltester: ModelTester) -> None:
    page = planted_page(database, window)
    trigger(page, "P002", D3, "Pin")
    qtmodeltester.check(page.model, force_py=True)
    editing = page.editing()
    assert editing is not None
    dialog = CandidatesDialog(editing, "P001", D14, None, page)
    assert dialog.model.rowCount() == 4
    qtmodeltester.check(dialog.model, force_py=True)
    assert page.model.index(0, 0).data(PIN_ROLE) is False
    assert not page.model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDragEnabled


def test_nothing_to_drag_without_a_roster(window: MainWindow) -> None:
    page = roster_page(window)
    assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_the_delete_key_removes_the_shift_of_the_current_cell(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = planted_page(database, window)
    window.show_page(page)
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.model.cell_index("P001", D14))
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert shown(page, "P001", D14) == ""
    assert all(a.staff != "P001" for a in stored_roster(database))
    assert window.controller.undo_stack.canUndo()
    page.grid.setCurrentIndex(page.model.cell_index("P001", D5))  # a free day: nothing to remove
    assert not page.remove_current()
    window.controller.undo_stack.undo()
    assert shown(page, "P001", D14) == "夜班"


def test_the_station_view_adds_replaces_and_removes(database: str, window: MainWindow) -> None:
    page = planted_page(database, window)
    row = page.station_model.row_of("G310W", "N")
    column = next(c for c in range(page.station_model.columnCount()) if page.model.date(c) == D14)
    index = page.station_model.index(row, column)
    menu = page.slot_menu(index)
    assert menu is not None
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Add someone…", "Replace 张琳…", "Remove 张琳"]
    menu_action(menu, "Add someone…").trigger()
    dialog = page._dialog
    assert dialog is not None and dialog.vacated is None
    assert (dialog.shift_box.currentData(), dialog.station_box.currentData()) == ("N", "G310W")
    assert "张琳" in dialog.summary_label.text()  # already on duty
    dialog.reject()
    menu_action(menu, "Remove 张琳").trigger()
    assert shown(page, "P001", D14) == ""
    menu.deleteLater()
    window.controller.undo_stack.undo()
    menu = page.slot_menu(index)
    assert menu is not None
    menu_action(menu, "Replace 张琳…").trigger()
    dialog = page._dialog
    assert dialog is not None and dialog.vacated is not None and dialog.vacated.staff == "P001"
    dialog.reject()
    menu.deleteLater()
