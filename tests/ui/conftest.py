"""A small Chinese scenario in a real database file, the configured application, and the main window on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from shiftplan.app import DesktopBackend
from shiftplan.domain.model import (
    Absence,
    Cover,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.storage import Database
from shiftplan.ui.application import create_application
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.settings import Settings


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
    """Two stations, five people; 赵敏 may work anywhere, 陈喆 has two roles; a little of everything else."""
    return Scenario(
        period=Period(dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        shift_types=(ShiftType("D", "白班", 8 * 60, 20 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
        stations=(
            Station("G310W", "310国道巩义方向防疫服务站", "310国道巩义方向防疫服务站临时党支部", "0371-64000001"),
            Station("ZZX", "连霍高速郑州西收费站", "郑州西收费站临时党支部", "0371-64000002"),
        ),
        roles=(Role("police", "警务"), Role("medic", "医务"), Role("leader", "带班")),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MIN_REST_HOURS, 12), Rule(RuleKind.MAX_SHIFTS, 8, ("N",),
                                                                                   weight=3))),),
        staff=(
            person("P001", "张琳", "区委组织部", "13800000003", "leader", Party.MEMBER, "G310W", team="一组"),
            person("P002", "王伟", "区公安分局", "13800000001", "police", Party.NONE, "ZZX", team="二组"),
            person("P003", "李娜", "区人民医院", "13800000005", "medic", Party.APPLICANT, "G310W"),
            person("P004", "赵敏", "区卫健委", "13800000002", "medic", Party.PROBATIONARY, None, team="一组"),
            person("P005", "陈喆", "区公安分局", "13800000004", "police leader", Party.MEMBER, "ZZX G310W"),
        ),
        cover=(Cover(station="G310W", min=2, max=3, roles={"leader": 1}, party_min=1),
               Cover(station="G310W", shift="D", days=("restday",), min=1, max=2)),
        absences=(Absence("P003", dt.date(2020, 2, 10), dt.date(2020, 2, 12), "病假"),),
        requests=(Request("P001", dt.date(2020, 2, 14), False, "N", 3),),
        name="巩义防疫 2020年2月",
    )


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """pytest-qt's application, set up as shiftplan sets up its own (English, shipped font)."""
    yield create_application("en")
    create_application("en")  # undo a language switch made by the test


@pytest.fixture
def database(tmp_path: Path, scenario: Scenario) -> str:
    """A database file holding the scenario."""
    path = tmp_path / "data" / "test.db"
    with Database.open(f"sqlite:///{path}") as db:
        db.import_scenario(scenario)
    return str(path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def controller(app: QApplication, database: str) -> Iterator[Controller]:
    controller = Controller(DesktopBackend())
    controller.open(database)
    yield controller
    controller.close()


@pytest.fixture
def window(controller: Controller, settings: Settings, qtbot: QtBot) -> MainWindow:
    window = MainWindow(controller, settings, version="9.9.9")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
