"""The table models show domain values by name, sort by meaning and pass Qt's model checks."""

from __future__ import annotations

import dataclasses
import gettext

import pytest
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from shiftplan import i18n
from shiftplan.domain.model import Scenario, Station
from shiftplan.ui.models import ID_ROLE, SORT_ROLE, Column, DomainTableModel, EditRefused, SortProxyModel
from shiftplan.ui.pages.staff import StaffColumn, StaffFilterModel, StaffTableModel

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
    assert column(model, StaffColumn.ROLES, Qt.ItemDataRole.EditRole)[4] == ("police", "leader")


def test_headers_are_translated_when_shown(
    app: QApplication, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = staff_model(scenario)
    assert model.headerData(StaffColumn.PARTY, Qt.Orientation.Horizontal) == "Party status"

    monkeypatch.setattr(i18n, "_translation", Catalog({"Party status": "政治面貌", "Party member": "党员"}))

    assert model.headerData(StaffColumn.PARTY, Qt.Orientation.Horizontal) == "政治面貌"
    assert model.index(0, StaffColumn.PARTY).data() == "党员"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_numbers_sort_as_numbers(app: QApplication) -> None:
    counts = {"A": 4, "B": 11}
    model: DomainTableModel[Station] = DomainTableModel([
        Column[Station]("Station", lambda s: s.name),
        Column[Station]("Staff", lambda s: str(counts[s.id]), lambda s: counts[s.id]),
    ])
    model.set_rows([Station("B", "乙"), Station("A", "甲")])
    proxy = SortProxyModel()
    proxy.setSourceModel(model)

    proxy.sort(1, Qt.SortOrder.AscendingOrder)

    assert column(proxy, 1) == ["4", "11"]  # as text, "11" < "4"
    assert column(proxy, 1, SORT_ROLE) == [4, 11]


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


def test_fewer_rows_reset_the_model_and_the_filter_stays(app: QApplication, scenario: Scenario) -> None:
    model = staff_model(scenario)
    proxy = StaffFilterModel(model)
    proxy.set_name_filter("王")

    model.set_scenario(dataclasses.replace(scenario, staff=scenario.staff[:1]))

    assert model.rowCount() == 1
    assert proxy.rowCount() == 0


def test_the_same_rows_again_update_in_place(app: QApplication, scenario: Scenario, qtbot: object) -> None:
    model = staff_model(scenario)
    resets: list[int] = []
    changes: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *_args: changes.append(1))

    model.set_scenario(dataclasses.replace(scenario, staff=(dataclasses.replace(scenario.staff[0], team="三组"),
                                                            *scenario.staff[1:])))

    assert (resets, changes) == ([], [1])  # an open editor or the selection would survive this
    assert column(model, StaffColumn.TEAM)[0] == "三组"


def test_edits_go_to_the_page_and_never_change_a_row(app: QApplication, scenario: Scenario) -> None:
    model = staff_model(scenario)
    assert not model.flags(model.index(0, StaffColumn.NAME)) & Qt.ItemFlag.ItemIsEditable  # nobody commits yet
    seen: list[tuple[str, str]] = []

    def commit(old: object, new: object) -> bool:
        seen.append((old.name, new.name))  # type: ignore[attr-defined]
        return True

    model.commit = commit
    assert model.flags(model.index(0, StaffColumn.NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, StaffColumn.NAME), "张琳琳")
    assert seen == [("张琳", "张琳琳")]
    assert column(model, StaffColumn.NAME)[0] == "张琳"  # the page shows what is stored, when it is

    refused: list[str] = []
    model.refused.connect(refused.append)
    assert not model.setData(model.index(0, StaffColumn.NAME), "  ")
    assert refused == ["Enter the person's name."]
    assert EditRefused.__mro__[1] is ValueError


def test_models_pass_the_qt_model_tester(app: QApplication, scenario: Scenario, qtmodeltester: ModelTester) -> None:
    staff = staff_model(scenario)
    qtmodeltester.check(staff)
    staff.set_scenario(dataclasses.replace(scenario, staff=scenario.staff[2:]))  # checked again on reset


def test_proxies_pass_the_qt_model_tester(app: QApplication, scenario: Scenario, qtmodeltester: ModelTester) -> None:
    proxy = StaffFilterModel(staff_model(scenario))
    qtmodeltester.check(proxy)
    proxy.sort(StaffColumn.NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_station_filter("G310W")
    proxy.set_role_filter("medic")
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
