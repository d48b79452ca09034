"""The roster page: the grid of a plan's latest roster, solving in the background, the violations panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shiftplan.app import DesktopBackend
from shiftplan.demo import build_demo
from shiftplan.domain.model import Assignment, Cover, Schedule
from shiftplan.storage import Database
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.models import ID_ROLE
from shiftplan.ui.pages.roster import RosterPage
from shiftplan.ui.roster import HARD_ROLE, HOLIDAY_TINT, LEAVE_TINT, RESTDAY_TINT
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
