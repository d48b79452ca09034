"""A small Chinese scenario, the configured application and the main window on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from shiftplan.domain.model import Party, Period, Role, Scenario, ShiftType, StaffMember, Station
from shiftplan.ui.application import create_application
from shiftplan.ui.main_window import MainWindow


def person(
    id: str, name: str, unit: str, phone: str, roles: str, party: Party, stations: str | None, team: str = ""
) -> StaffMember:
    """Roles and stations as space-separated ids; stations None: every station."""
    return StaffMember(
        id,
        name,
        unit,
        phone,
        tuple(roles.split()),
        party,
        None if stations is None else tuple(stations.split()),
        team=team,
    )


@pytest.fixture
def scenario() -> Scenario:
    """Two stations, five people; 赵敏 may work anywhere, 陈喆 has two roles."""
    return Scenario(
        period=Period(dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        shift_types=(ShiftType("D", "白班", 8 * 60, 20 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
        stations=(
            Station("G310W", "310国道巩义方向防疫服务站", "310国道巩义方向防疫服务站临时党支部", "0371-64000001"),
            Station("ZZX", "连霍高速郑州西收费站", "郑州西收费站临时党支部", "0371-64000002"),
        ),
        roles=(Role("police", "警务"), Role("medic", "医务"), Role("leader", "带班")),
        staff=(
            person("P001", "张琳", "区委组织部", "13800000003", "leader", Party.MEMBER, "G310W", team="一组"),
            person("P002", "王伟", "区公安分局", "13800000001", "police", Party.NONE, "ZZX", team="二组"),
            person("P003", "李娜", "区人民医院", "13800000005", "medic", Party.APPLICANT, "G310W"),
            person("P004", "赵敏", "区卫健委", "13800000002", "medic", Party.PROBATIONARY, None, team="一组"),
            person("P005", "陈喆", "区公安分局", "13800000004", "police leader", Party.MEMBER, "ZZX G310W"),
        ),
        name="巩义防疫 2020年2月",
    )


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """pytest-qt's application, set up as shiftplan sets up its own (English, shipped font)."""
    yield create_application("en")
    create_application("en")  # undo a language switch made by the test


@pytest.fixture
def window(app: QApplication, qtbot: QtBot, scenario: Scenario) -> MainWindow:
    window = MainWindow(scenario, title_suffix="test.db", version="9.9.9")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
