"""The table models show domain values by name, sort by meaning and pass Qt's model checks."""

from __future__ import annotations

import dataclasses
import gettext

import pytest
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from shiftplan import i18n
from shiftplan.domain.model import Scenario
from shiftplan.ui.models import (
    ID_ROLE,
    SORT_ROLE,
    SortProxyModel,
    StaffColumn,
    StaffFilterModel,
    StaffTableModel,
    StationColumn,
    StationTableModel,
)

# The C++ model tester reports problems as Qt warnings; make those fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


class Catalog(gettext.NullTranslations):
    """A stand-in message catalog, so that tests need not wait for the shipped translations."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)


def column(model: QAbstractItemModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def staff_model(scenario: Scenario) -> StaffTableModel:
    model = StaffTableModel()
    model.set_scenario(scenario)
    return model


def test_staff_model_shows_names_of_roles_and_stations(app: QApplication, scenario: Scenario) -> None:
    model = staff_model(scenario)

    assert model.rowCount() == 5
    assert model.columnCount() == len(StaffColumn)
    assert column(model, StaffColumn.NAME) == ["张琳", "王伟", "李娜", "赵敏", "陈喆"]
    assert column(model, StaffColumn.ROLES)[4] == "警务, 带班"
    assert column(model, StaffColumn.STATIONS)[4] == "连霍高速郑州西收费站, 310国道巩义方向防疫服务站"
    assert column(model, StaffColumn.STATIONS)[3] == "All stations"
    assert column(model, StaffColumn.PARTY) == [
        "Party member",
        "Non-member",
        "Membership applicant",
        "Probationary member",
        "Party member",
    ]
    assert column(model, StaffColumn.TEAM)[0] == "一组"
    assert column(model, StaffColumn.PHONE, ID_ROLE) == ["P001", "P002", "P003", "P004", "P005"]


def test_headers_are_translated_when_shown(
    app: QApplication, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = staff_model(scenario)
    assert model.headerData(StaffColumn.PARTY, Qt.Orientation.Horizontal) == "Party status"

    monkeypatch.setattr(i18n, "_translation", Catalog({"Party status": "政治面貌", "Party member": "党员"}))

    assert model.headerData(StaffColumn.PARTY, Qt.Orientation.Horizontal) == "政治面貌"
    assert model.index(0, StaffColumn.PARTY).data() == "党员"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_station_model_counts_who_may_work_there(app: QApplication, scenario: Scenario) -> None:
    model = StationTableModel()
    model.set_scenario(scenario)

    assert column(model, StationColumn.NAME) == ["310国道巩义方向防疫服务站", "连霍高速郑州西收费站"]
    assert column(model, StationColumn.BRANCH)[1] == "郑州西收费站临时党支部"
    assert column(model, StationColumn.PHONE) == ["0371-64000001", "0371-64000002"]
    # G310W: 张琳, 李娜, 陈喆 and 赵敏 (every station); ZZX: 王伟, 赵敏, 陈喆
    assert column(model, StationColumn.STAFF) == ["4", "3"]
    assert column(model, StationColumn.STAFF, SORT_ROLE) == [4, 3]
    alignment = model.index(0, StationColumn.STAFF).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_numbers_sort_as_numbers(app: QApplication, scenario: Scenario) -> None:
    many = tuple(dataclasses.replace(scenario.staff[0], id=f"X{i}", stations=("ZZX",)) for i in range(8))
    model = StationTableModel()
    model.set_scenario(dataclasses.replace(scenario, staff=scenario.staff + many))  # G310W 4, ZZX 11
    proxy = SortProxyModel()
    proxy.setSourceModel(model)

    proxy.sort(StationColumn.STAFF, Qt.SortOrder.AscendingOrder)

    assert column(proxy, StationColumn.STAFF) == ["4", "11"]  # as text, "11" < "4"


def test_party_status_sorts_by_rank_not_by_label(app: QApplication, scenario: Scenario) -> None:
    proxy = StaffFilterModel(staff_model(scenario))

    proxy.sort(StaffColumn.PARTY, Qt.SortOrder.AscendingOrder)

    assert column(proxy, StaffColumn.NAME) == ["张琳", "陈喆", "赵敏", "李娜", "王伟"]


def test_filter_by_name_and_station(app: QApplication, scenario: Scenario) -> None:
    proxy = StaffFilterModel(staff_model(scenario))

    proxy.set_name_filter(" 娜 ")
    assert column(proxy, StaffColumn.NAME) == ["李娜"]

    proxy.set_name_filter("")
    proxy.set_station_filter("ZZX")
    assert column(proxy, StaffColumn.NAME) == ["王伟", "赵敏", "陈喆"]  # 赵敏 may work anywhere

    proxy.set_name_filter("张")
    assert column(proxy, StaffColumn.NAME) == []

    proxy.set_station_filter(None)
    assert column(proxy, StaffColumn.NAME) == ["张琳"]


def test_a_new_scenario_resets_the_model(app: QApplication, scenario: Scenario) -> None:
    model = staff_model(scenario)
    proxy = StaffFilterModel(model)
    proxy.set_name_filter("王")
    smaller = dataclasses.replace(scenario, staff=scenario.staff[:1])

    model.set_scenario(smaller)

    assert model.rowCount() == 1
    assert proxy.rowCount() == 0  # the filter stays


def test_models_pass_the_qt_model_tester(app: QApplication, scenario: Scenario, qtmodeltester: ModelTester) -> None:
    stations = StationTableModel()
    stations.set_scenario(scenario)
    qtmodeltester.check(stations)

    staff = staff_model(scenario)
    qtmodeltester.check(staff)
    staff.set_scenario(dataclasses.replace(scenario, staff=scenario.staff[2:]))  # checked again on reset


def test_proxies_pass_the_qt_model_tester(app: QApplication, scenario: Scenario, qtmodeltester: ModelTester) -> None:
    proxy = StaffFilterModel(staff_model(scenario))
    qtmodeltester.check(proxy)
    proxy.sort(StaffColumn.NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_station_filter("G310W")
    proxy.set_name_filter("李")
    proxy.set_name_filter("")


def test_models_pass_the_python_model_tester_too(
    app: QApplication, scenario: Scenario, qtmodeltester: ModelTester
) -> None:
    """pytest-qt's own checks assert directly (and look at a few roles the C++ tester does not)."""
    qtmodeltester.check(staff_model(scenario), force_py=True)


def test_an_empty_scenario_has_empty_tables(app: QApplication, scenario: Scenario, qtmodeltester: ModelTester) -> None:
    model = staff_model(dataclasses.replace(scenario, staff=()))
    qtmodeltester.check(model)
    assert model.rowCount() == 0
