"""The roster page: the grid of a plan's latest roster, solving in the background, the violations panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from shiftplan.app import DesktopBackend
from shiftplan.demo import build_demo
from shiftplan.domain.model import Assignment, Cover, Schedule
from shiftplan.storage import Database
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.models import ID_ROLE
from shiftplan.ui.pages.roster import PERSON_VIEW, STATION_VIEW, RosterPage
from shiftplan.ui.roster import (
    COVERAGE_ROLE,
    HARD_ROLE,
    HOLIDAY_TINT,
    LEAVE_TINT,
    OVER_TINT,
    RESTDAY_TINT,
    SHORT_TINT,
)
from shiftplan.ui.settings import Settings
from tests.ui.helpers import UI_MARKS

pytestmark = UI_MARKS

SOLVE_TIMEOUT_MS = 60_000  # a 2 s limit, on a machine that may be busy


def roster_page(window: MainWindow) -> RosterPage:
    window.show_page(window.roster_page)
    return window.roster_page


def cell(page: RosterPage, person: str, day: dt.date) -> tuple[int, int]:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == person)
    return row, model.view.dates.index(day) if model.view else -1


def latest(database: str) -> Schedule | None:
    with Database.open(f"sqlite:///{database}") as db:
        return db.latest_schedule(db.plans()[-1].id)


def plant(database: str, assignments: list[Assignment]) -> None:
    with Database.open(f"sqlite:///{database}") as db:
        db.save_schedule(db.plans()[-1].id, Schedule(tuple(assignments)))


# 李娜 (P003) is on sick leave 10–12 February; here she works the day shift on the 10th. 张琳 asked
# not to work the night of the 14th (weight 3).
PLANTED = [Assignment(dt.date(2020, 2, 10), "D", "G310W", "P003", "medic"),
           Assignment(dt.date(2020, 2, 14), "N", "G310W", "P001", "leader"),
           Assignment(dt.date(2020, 2, 3), "N", "ZZX", "P002", "police")]


def test_a_plan_without_a_roster(window: MainWindow) -> None:
    page = roster_page(window)
    assert page.plan_box.count() == 1
    assert page.plan_box.currentText() == "巩义防疫 2020年2月 · 2020-02-01 – 2020-02-29 · no roster yet"
    assert page.model.rowCount() == 5 and page.model.columnCount() == 29
    assert [page.model.headerData(r, Qt.Orientation.Vertical) for r in range(5)] == [
        "张琳", "王伟", "李娜", "赵敏", "陈喆"]
    # 1 February 2020 is in the (extended) Spring Festival holiday, the 8th a Saturday, the 3rd a Monday
    assert page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) == HOLIDAY_TINT
    assert page.model.headerData(7, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) == RESTDAY_TINT
    assert page.model.index(0, 7).data(Qt.ItemDataRole.BackgroundRole) == RESTDAY_TINT
    assert page.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.headerData(2, Qt.Orientation.Horizontal).startswith("2/3\n")
    row, col = cell(page, "P003", dt.date(2020, 2, 10))
    index = page.model.index(row, col)
    assert index.data() == "leave"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == LEAVE_TINT
    assert "病假" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert page.findings.rowCount() == 0
    assert "no roster yet" in page.violations_label.text()
    assert page.solve_button.isEnabled() and not page.stop_button.isEnabled()
    assert page.time_limit.value() == 30


def test_the_grid_model_passes_the_model_tester(database: str, window: MainWindow,
                                                qtmodeltester: ModelTester) -> None:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    assert page.model.rowCount() == 5
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.findings, force_py=True)


def test_the_violations_panel_lists_a_planted_violation(database: str, window: MainWindow) -> None:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    assert page.plan_box.currentText().endswith("version 1, draft")
    rows = [[page.findings.index(r, c).data() for c in range(page.findings.columnCount())]
            for r in range(page.findings.rowCount())]
    assert ["Hard rule", "On leave", "李娜", "2020-02-10", ""] in [r[:5] for r in rows]
    assert all(r[0] == "Hard rule" for r in rows[:2])
    assert ["Hard rule", "Too few on duty", "", "2020-02-01", ""] in [r[:5] for r in rows]  # the rest is empty
    assert ["Soft cost", "Request not met", "张琳", "2020-02-14", "3"] in [r[:5] for r in rows]
    assert "hard rule" in page.violations_label.text()
    row, col = cell(page, "P003", dt.date(2020, 2, 10))
    index = page.model.index(row, col)
    assert index.data(HARD_ROLE) is True
    assert index.data() == "白班!"
    assert "absent" in index.data(Qt.ItemDataRole.ToolTipRole)
    row, col = cell(page, "P002", dt.date(2020, 2, 3))
    assert page.model.index(row, col).data() == "夜班"
    assert page.model.index(row, col).data(HARD_ROLE) is False


def feasible(window: MainWindow) -> None:
    """The fixture's cover cannot be met while 李娜 is on leave; one or two a shift at the 310 can."""
    controller = window.controller
    assert controller.apply(controller.workspace.set_cover([Cover(station="G310W", min=1, max=2)], "cover")) is None


def test_solve_shows_progress_and_fills_the_grid(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = roster_page(window)
    feasible(window)
    page.time_limit.setValue(2)
    qtbot.mouseClick(page.solve_button, Qt.MouseButton.LeftButton)
    assert page.solving and page.stop_button.isEnabled() and not page.solve_button.isEnabled()
    assert not page.plan_box.isEnabled()
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    assert page.chart.points(), "progress arrived"
    assert page.objective_label.text() != "–"
    assert not page.chart.grab().isNull()
    assert "Finished" in page.status_label.text(), page.status_label.text()
    stored = latest(database)
    assert stored is not None and stored.assignments
    assert page.view is not None and page.view.schedule == stored
    filled = [page.model.index(r, c).data() for r in range(page.model.rowCount())
              for c in range(page.model.columnCount())]
    assert "白班" in filled and "夜班" in filled
    assert page.plan_box.currentText().endswith("version 1, draft")
    assert page.view.report is not None and not page.view.report.hard
    assert page.solve_button.isEnabled() and not page.stop_button.isEnabled()


def test_no_roster_shows_why(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = roster_page(window)  # the fixture's cover needs four people while 李娜 is on leave
    page.time_limit.setValue(2)
    page.solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    assert "No roster" in page.status_label.text()
    assert page.explanation_label.isVisibleTo(page)
    why = page.culprits.text()  # one row per requirement named, each with its link
    assert "2020-02-10" in why and "李娜" in why
    assert latest(database) is None  # nothing stored
    assert page.model.rowCount() == 5


# --- on the demo district ----------------------------------------------------------------------


@pytest.fixture
def demo_window(app: QApplication, tmp_path: Path, settings: Settings, qtbot: QtBot) -> Iterator[MainWindow]:
    path = tmp_path / "demo.db"
    with Database.open(f"sqlite:///{path}") as db:
        db.import_scenario(build_demo())
    controller = Controller(DesktopBackend())
    controller.open(str(path))
    window = MainWindow(controller, settings, version="9.9.9")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.roster_page.stop_solving()
    controller.close()


def test_the_demo_district_and_a_stopped_solve(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = roster_page(demo_window)
    assert page.model.rowCount() == 304 and page.model.columnCount() == 28
    assert page.station_box.count() == 9  # all stations, and each of the eight
    # the Spring Festival of 2020: 24 January to 2 February
    assert page.model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) == HOLIDAY_TINT
    page.station_box.setCurrentIndex(1)
    assert 0 < page.model.rowCount() < 304
    page.time_limit.setValue(120)
    page.solve()
    qtbot.waitUntil(lambda: bool(page.chart.points()), timeout=SOLVE_TIMEOUT_MS)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    assert "Stopped" in page.status_label.text(), page.status_label.text()
    assert page.view is not None and page.view.schedule is not None and page.view.schedule.assignments
    assert page.view.report is not None and not page.view.report.hard
    assert any(page.model.index(r, c).data() for r in range(page.model.rowCount()) for c in range(28))
    page.show_view(STATION_VIEW)  # the demo's leader role is 带班: marked ★ in the station view
    model = page.station_model
    assert model.rowCount() == len(page.view.scenario.shift_types)  # one station chosen
    texts = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(28)]
    assert any("★带班: " in t for t in texts) and all(t for t in texts)


def test_closing_the_window_during_a_solve_waits_for_it(database: str, window: MainWindow) -> None:
    page = roster_page(window)
    feasible(window)
    page.time_limit.setValue(60)
    page.solve()
    window.close()
    assert not page.solving and not page._threads  # the thread has ended; nothing is left running
    assert latest(database) is None  # the result of an abandoned solve is not stored


def test_no_roster_rows_link_to_the_cover_and_make_it_soft(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = roster_page(window)  # the fixture's cover needs four people while 李娜 is on leave
    page.time_limit.setValue(2)
    page.solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    rows = page.culprits.rows
    assert rows and page.culprits.isVisibleTo(page)
    about_the_10th = [r for r in rows if "2020-02-10" in r.label.text()]
    assert about_the_10th and "李娜" in about_the_10th[0].label.text()
    row = about_the_10th[0]
    assert row.culprit.covers and row.culprit.covers[0][0] == 0  # the first entry applies on a Monday
    qtbot.mouseClick(row.link_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.cover_page
    assert window.cover_page.view.selectionModel().selectedRows()[0].row() == 0
    window.show_page(page)
    assert row.relax_button is not None and row.relax_button.isEnabled()
    qtbot.mouseClick(row.relax_button, Qt.MouseButton.LeftButton)
    with Database.open(f"sqlite:///{database}") as db:
        assert db.export_scenario().cover[0].soft
    assert not row.relax_button.isEnabled()  # nothing left to relax there
    window.controller.undo_stack.undo()
    with Database.open(f"sqlite:///{database}") as db:
        assert not db.export_scenario().cover[0].soft
    assert row.relax_button.isEnabled()
    window.controller.undo_stack.redo()
    page.solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    assert "Finished" in page.status_label.text(), page.status_label.text()
    assert not page.culprits.isVisibleTo(page)
    stored = latest(database)
    assert stored is not None and stored.assignments


# --- the second view: by station and shift, with the coverage strip ------------------------------


def slot_index(page: RosterPage, station: str, shift: str, day: dt.date) -> QModelIndex:
    model = page.station_model
    assert model.slots is not None
    return model.index(model.row_of(station, shift), model.slots.dates.index(day))


# with 赵敏 (P004) as medic beside 张琳 on the night of the 14th, and four on the day of the 17th
FULL = [*PLANTED, Assignment(dt.date(2020, 2, 14), "N", "G310W", "P004", "medic"),
        *(Assignment(dt.date(2020, 2, 17), "D", "G310W", p, r) for p, r in (
            ("P001", "leader"), ("P003", "medic"), ("P004", "medic"), ("P005", "police")))]


def test_the_station_view_lists_the_names_by_role(database: str, window: MainWindow,
                                                  qtmodeltester: ModelTester) -> None:
    plant(database, FULL)
    page = roster_page(window)
    window.controller.reload()
    page.show_view(STATION_VIEW)
    assert page.views.currentWidget() is page.station_grid and page.shown_view() == STATION_VIEW
    model = page.station_model
    assert model.rowCount() == 4 and model.columnCount() == 29  # two stations × two shifts
    assert model.headerData(0, Qt.Orientation.Vertical) == "310国道巩义方向防疫服务站\n白班"
    night = slot_index(page, "G310W", "N", dt.date(2020, 2, 14))
    assert night.data() == "★带班: 张琳\n医务: 赵敏\n2/2 · 带班 1/1 · Party 1/2"
    assert night.data(Qt.ItemDataRole.BackgroundRole) not in (SHORT_TINT, OVER_TINT)
    assert slot_index(page, "ZZX", "N", dt.date(2020, 2, 3)).data() == "警务: 王伟\n0/1"  # no cover at ZZX
    over = slot_index(page, "G310W", "D", dt.date(2020, 2, 17))
    assert over.data() == "★带班: 张琳\n警务: 陈喆\n医务: 李娜 赵敏\n2/4 · 带班 1/1 · Party 1/3"
    assert over.data(Qt.ItemDataRole.BackgroundRole) == OVER_TINT
    assert "At most: 3" in over.data(Qt.ItemDataRole.ToolTipRole)
    # restdays and holidays are shaded as in the grid where nothing is short or over (ZZX has no cover):
    # the 8th a Saturday, the 1st in the Spring Festival holiday
    assert slot_index(page, "ZZX", "D", dt.date(2020, 2, 8)).data(Qt.ItemDataRole.BackgroundRole) == RESTDAY_TINT
    assert slot_index(page, "ZZX", "N", dt.date(2020, 2, 1)).data(Qt.ItemDataRole.BackgroundRole) == HOLIDAY_TINT
    qtmodeltester.check(model, force_py=True)


def test_a_planted_shortfall_is_red_with_its_numbers(database: str, window: MainWindow) -> None:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    page.show_view(STATION_VIEW)
    short = slot_index(page, "G310W", "D", dt.date(2020, 2, 10))  # 李娜 alone, on leave, and no leader
    assert short.data() == "医务: 李娜\n2/1 · 带班 1/0 · Party 1/0"
    assert short.data(Qt.ItemDataRole.BackgroundRole) == SHORT_TINT
    coverage = short.data(COVERAGE_ROLE)
    assert coverage.short and (coverage.needed, coverage.assigned) == (2, 1)
    tooltip = short.data(Qt.ItemDataRole.ToolTipRole)
    assert "Needed: 2 · assigned: 1" in tooltip and "带班: needed 1, assigned 0" in tooltip
    assert "Party members: needed 1, on duty 0" in tooltip and coverage.party_short
    empty = slot_index(page, "G310W", "N", dt.date(2020, 2, 11))  # nobody at all
    assert empty.data() == "2/0 · 带班 1/0 · Party 1/0" and empty.data(Qt.ItemDataRole.BackgroundRole) == SHORT_TINT


def test_toggling_the_views_keeps_the_plan_and_the_station(database: str, window: MainWindow, qtbot: QtBot) -> None:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    page.station_box.setCurrentIndex(page.station_box.findData("ZZX"))
    plan = page.plan_id()
    assert page.shown_view() == PERSON_VIEW and page.views.currentWidget() is page.grid
    page.view_tabs.setCurrentIndex(STATION_VIEW)
    assert page.views.currentWidget() is page.station_grid
    assert page.plan_id() == plan and page.station_box.currentData() == "ZZX"
    model = page.station_model
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == [
        "连霍高速郑州西收费站\n白班", "连霍高速郑州西收费站\n夜班"]
    page.station_box.setCurrentIndex(0)  # all stations, in the station view too
    assert model.rowCount() == 4
    page.station_box.setCurrentIndex(page.station_box.findData("ZZX"))
    page.show_view(PERSON_VIEW)
    assert page.views.currentWidget() is page.grid
    assert page.plan_id() == plan and page.station_box.currentData() == "ZZX"
    assert [page.model.person(r).id for r in range(page.model.rowCount())] == ["P002", "P004", "P005"]
    assert page.view_tabs.tabText(STATION_VIEW) == "By station and shift"
