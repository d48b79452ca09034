"""The main window, driven the way a user drives it: navigation, search, station filter, sorting."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from shiftplan.domain.model import Scenario
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.models import StaffColumn, StationColumn

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),  # harmless, offscreen only
]


def shown(model: QAbstractItemModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese is typed through an input method, which commits whole characters."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_title_menus_and_counts(window: MainWindow) -> None:
    assert window.windowTitle() == "shiftplan duty rosters — test.db"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    assert "9.9.9" in window.about_text()
    assert window.counts_label.text() == "5 people · 2 stations"


def test_counts_use_the_singular(window: MainWindow, scenario: Scenario) -> None:
    window.set_scenario(dataclasses.replace(scenario, staff=scenario.staff[:1], stations=scenario.stations[:1]))
    assert window.counts_label.text() == "1 person · 1 station"


def test_exit_closes_the_window(window: MainWindow, qtbot: QtBot) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.actions()[-1].trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_navigation_switches_pages(window: MainWindow, qtbot: QtBot) -> None:
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == ["Stations", "Staff"]
    assert window.current_page() is window.stations_page

    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.current_page() is window.staff_page
    assert window.stack.currentWidget() is window.staff_page


def test_stations_table(window: MainWindow) -> None:
    view = window.stations_page.view
    assert shown(view.model(), StationColumn.NAME) == ["310国道巩义方向防疫服务站", "连霍高速郑州西收费站"]
    assert shown(view.model(), StationColumn.STAFF) == ["4", "3"]


def test_staff_table_shows_names_and_role_names(window: MainWindow) -> None:
    window.show_page(window.staff_page)
    model = window.staff_page.view.model()

    assert shown(model, StaffColumn.NAME) == ["张琳", "王伟", "李娜", "赵敏", "陈喆"]  # the scenario's order
    assert shown(model, StaffColumn.ROLES) == ["带班", "警务", "医务", "医务", "警务, 带班"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Unit", "Phone", "Roles", "Party status", "Stations", "Team"]


def test_typing_a_name_filters_the_staff(window: MainWindow, qtbot: QtBot) -> None:
    page = window.staff_page
    window.show_page(page)

    type_chinese(page.search, "陈")

    assert shown(page.view.model(), StaffColumn.NAME) == ["陈喆"]
    assert page.shown_label.text() == "1 of 5 shown"

    page.search.clear()
    assert page.view.model().rowCount() == 5
    assert page.shown_label.text() == ""


def test_choosing_a_station_filters_the_staff(window: MainWindow) -> None:
    page = window.staff_page
    box = page.station_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "All stations",
        "310国道巩义方向防疫服务站",
        "连霍高速郑州西收费站",
    ]

    box.setCurrentIndex(box.findData("ZZX"))
    assert shown(page.view.model(), StaffColumn.NAME) == ["王伟", "赵敏", "陈喆"]

    page.search.setText("赵")
    assert shown(page.view.model(), StaffColumn.NAME) == ["赵敏"]

    box.setCurrentIndex(0)
    page.search.setText("")
    assert page.view.model().rowCount() == 5


def test_the_station_filter_survives_a_new_scenario(window: MainWindow, scenario: Scenario) -> None:
    page = window.staff_page
    page.station_box.setCurrentIndex(page.station_box.findData("ZZX"))

    window.set_scenario(dataclasses.replace(scenario, staff=scenario.staff[:3]))

    assert page.station_box.currentData() == "ZZX"
    assert shown(page.view.model(), StaffColumn.NAME) == ["王伟"]


def test_clicking_a_header_sorts(window: MainWindow, qtbot: QtBot) -> None:
    page = window.staff_page
    window.show_page(page)
    header = page.view.horizontalHeader()
    phone = QPoint(header.sectionViewportPosition(StaffColumn.PHONE) + 5, header.height() // 2)

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=phone)
    ascending = shown(page.view.model(), StaffColumn.PHONE)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=phone)
    descending = shown(page.view.model(), StaffColumn.PHONE)

    assert ascending == sorted(ascending) == [f"1380000000{i}" for i in range(1, 6)]
    assert descending == ascending[::-1]
    assert shown(page.view.model(), StaffColumn.NAME) == ["李娜", "陈喆", "张琳", "赵敏", "王伟"]


def test_the_window_renders_chinese(window: MainWindow) -> None:
    """Distinct Chinese characters render as distinct shapes: tofu boxes would all look alike."""
    images: list[QImage] = []
    for text in ("张", "王", "站"):
        label = QLabel(text, window)
        label.adjustSize()
        images.append(label.grab().toImage())
    assert images[0] != images[1] != images[2] != images[0]
    for image in images:  # drawn, not blank
        assert len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}) > 2

    grab = window.grab().toImage()
    assert not grab.isNull()
    assert grab.width() >= 800
