"""The main window, driven the way a user drives it: navigation, menus, databases, files, layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox

from shiftplan.domain.model import Scenario
from shiftplan.exchange.scenario import save_scenario
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.settings import Settings

from .helpers import UI_MARKS, set_cell, stored

pytestmark = UI_MARKS


def test_title_menus_toolbar_and_counts(window: MainWindow) -> None:
    assert window.windowTitle() == "shiftplan duty rosters — test.db"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Roster", "&Tools", "&Help"]
    assert "9.9.9" in window.about_text()
    assert window.counts_label.text() == "5 people · 2 stations · plan 2020-02-01 – 2020-02-29"
    tools = [a.text() for a in window.toolbar.actions() if not a.isSeparator()]
    assert tools[:3] == ["&Open database…", "Undo", "Redo"]


def test_navigation_reaches_every_page(window: MainWindow, qtbot: QtBot) -> None:
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Stations", "Staff", "Shift types", "Roles", "Rule sets", "Cover", "Leave and requests",
                      "Holidays", "Roster"]
    for row, page in enumerate(window.pages()):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page() is page
        assert window.stack.currentWidget() is page


def test_add_and_delete_follow_the_page(window: MainWindow) -> None:
    window.show_page(window.staff_page)
    assert window.add_action.text() == "&Add person…"
    assert not window.delete_action.isEnabled()
    window.staff_page.view.selectRow(0)
    assert window.delete_action.isEnabled()
    window.show_page(window.cover_page)
    assert window.add_action.text() == "&Add cover entry"


def test_undo_and_redo_have_the_usual_keys(window: MainWindow) -> None:
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [k.toString() for k in window.redo_action.shortcuts()]
    assert not window.undo_action.isEnabled()
    assert set_cell(window.stations_page.model, 0, 3, "0371-64000009")
    assert window.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == "Saved: Change station “310国道巩义方向防疫服务站”"


def test_exit_closes_the_window(window: MainWindow, qtbot: QtBot) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.actions()[-1].trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_window_renders_chinese(window: MainWindow) -> None:
    """Distinct Chinese characters render as distinct shapes: tofu boxes would all look alike."""
    images: list[QImage] = []
    for text in ("张", "王", "站"):
        label = QLabel(text, window)
        label.adjustSize()
        images.append(label.grab().toImage())
    assert images[0] != images[1] != images[2] != images[0]
    grab = window.grab().toImage()
    assert not grab.isNull()
    assert grab.width() >= 800


def test_the_layout_is_remembered(controller: Controller, settings: Settings, qtbot: QtBot) -> None:
    first = MainWindow(controller, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 700)
    first.show_page(first.staff_page)
    first.staff_page.view.horizontalHeader().resizeSection(1, 222)
    first.close()
    assert settings.window.geometry == first.saveGeometry()

    second = MainWindow(controller, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page() is second.staff_page
    # (the size itself: the offscreen screen is too small to restore it faithfully)
    assert second.staff_page.view.horizontalHeader().sectionSize(1) == 222


def test_broken_saved_state_is_ignored(controller: Controller, settings: Settings, qtbot: QtBot) -> None:
    settings.qsettings.setValue("window/geometry", "not bytes")
    settings.window.set_layout("staff.table", QByteArray(b"junk"))
    settings.qsettings.setValue("window/page", 42)
    window = MainWindow(controller, settings)
    qtbot.addWidget(window)
    assert window.current_page() is window.stations_page


def test_opening_another_database_and_the_recent_list(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    window.new_database()
    assert window.windowTitle().endswith("other.db")
    assert window.controller.workspace.scenario.staff == ()
    assert [s.name for s in window.controller.workspace.scenario.shift_types] == [
        "Day shift", "Evening shift", "Night shift"]
    assert window.settings.preferences.recent_databases[0] == str(other)
    assert not window.undo_action.isEnabled()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.new_database()  # the file exists now: refused, not overwritten
    assert "already exists" in warnings[-1]

    assert window.open_location(str(tmp_path / "data" / "test.db"))
    assert window.windowTitle().endswith("test.db")
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()][:2] == [str(tmp_path / "data" / "test.db"), str(other)]

    assert not window.open_location(str(tmp_path / "gone.db"))
    assert "does not exist" in warnings[-1]


def test_a_file_that_is_not_a_database_is_refused_and_the_current_one_stays(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    assert not window.open_location(str(junk))
    assert "not a shiftplan database" in warnings[0]
    assert window.windowTitle().endswith("test.db")
    assert len(window.controller.workspace.scenario.staff) == 5


def test_export_and_import_a_scenario(window: MainWindow, database: str, scenario: Scenario, tmp_path: Path,
                                      qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_scenario()
    qtbot.waitUntil(target.exists)
    assert json.loads(target.read_text(encoding="utf-8"))["name"] == "巩义防疫 2020年2月"

    smaller = tmp_path / "smaller.json"
    save_scenario(scenario.__class__(**{**scenario.__dict__, "staff": scenario.staff[:2], "absences": (),
                                        "requests": ()}), smaller)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(smaller), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert set_cell(window.stations_page.model, 0, 3, "0371-64000009")  # something to undo, before
    window.import_scenario()
    qtbot.waitUntil(lambda: len(window.controller.workspace.scenario.staff) == 2)
    assert len(stored(database).staff) == 2
    assert not window.undo_action.isEnabled()  # an import replaces everything; it cannot be undone


def test_a_malformed_scenario_changes_nothing_and_says_why(window: MainWindow, database: str, tmp_path: Path,
                                                           qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "shiftplan/scenario@1", "period": {"start": "2020-02-30"}}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.import_scenario()
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings[0].startswith("bad.json cannot be imported; nothing was changed:")
    assert "period" in warnings[0]
    assert len(stored(database).staff) == 5


def test_the_roster_to_export_is_chosen_among_the_saved_ones(window: MainWindow, database: str, tmp_path: Path,
                                                             qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import openpyxl

    from PySide6.QtWidgets import QInputDialog

    from shiftplan.domain.model import Assignment, Schedule, Status
    from shiftplan.spreadsheet.roster import LIST_SHEET
    from shiftplan.storage import Database

    day = dt.date(2020, 2, 3)
    with Database.open(f"sqlite:///{database}") as db:
        plan = db.plans()[-1].id
        db.save_schedule(plan, Schedule((Assignment(day, "D", "G310W", "P001"),), Status.OPTIMAL))
        db.save_schedule(plan, Schedule((Assignment(day, "D", "G310W", "P003"), Assignment(day, "N", "ZZX", "P002")),
                                        Status.FEASIBLE))
    window.controller.reload()
    assert window.roster_action.isEnabled()
    offered: list[list[str]] = []

    def get_item(_parent: object, _title: str, _label: str, items: list[str], current: int,
                 _editable: bool) -> tuple[str, bool]:
        offered.append(items)
        return items[1], True  # the older one

    target = tmp_path / "排班.xlsx"
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))
    window.export_roster()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert offered[0][0].startswith("巩义防疫 2020年2月: version 2 (feasible")  # the latest first
    assert offered[0][1].startswith("巩义防疫 2020年2月: version 1 (optimal")
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    rows = list(openpyxl.load_workbook(target)[LIST_SHEET].iter_rows(values_only=True))
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "张琳" in text and "李娜" not in text and "王伟" not in text  # version 1 only
