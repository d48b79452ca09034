"""New plan… on the roster page: the next period's plan, its fairness carried over, an empty grid to solve."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, Qt

from shiftplan.domain.model import Assignment, Period, Schedule
from shiftplan.storage import Database
from shiftplan.ui.dialogs.new_plan import NewPlanDialog
from shiftplan.ui.main_window import MainWindow
from tests.ui.helpers import UI_MARKS

pytestmark = UI_MARKS

ROSTER = (Assignment(dt.date(2020, 2, 28), "N", "G310W", "P001", "leader"),
          Assignment(dt.date(2020, 2, 29), "D", "G310W", "P004", "medic"))


def publish(database: str) -> None:
    with Database.open(f"sqlite:///{database}") as db:
        plan = db.plans()[-1].id
        db.set_published(db.save_schedule(plan, Schedule(ROSTER)))


def open_dialog(window: MainWindow) -> NewPlanDialog:
    window.show_page(window.roster_page)
    dialog = window.roster_page.open_new_plan()
    assert dialog is not None
    return dialog


def test_a_new_plan_from_the_published_roster(window: MainWindow, database: str, qtbot: QtBot) -> None:
    publish(database)
    window.controller.reload()
    dialog = open_dialog(window)
    assert (dialog.start_edit.date(), dialog.end_edit.date()) == (QDate(2020, 3, 1), QDate(2020, 3, 28))
    assert "published roster" in dialog.source_label.text() and "version 1" in dialog.source_label.text()
    dialog.name_edit.setText("巩义防疫 2020年3月")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()

    page = window.roster_page
    assert page.plan_box.count() == 2
    assert page.plan_box.currentText().startswith("巩义防疫 2020年3月 · 2020-03-01 – 2020-03-28")
    assert page.model.columnCount() == 28 and page.model.rowCount() == 5
    assert page.view is not None and not page.view.has_roster
    assert page.solve_button.isEnabled()
    with Database.open(f"sqlite:///{database}") as db:
        old, new = db.plans()
        assert new.period == Period(dt.date(2020, 3, 1), dt.date(2020, 3, 28))
        history = db.export_scenario(new.id).history
        assert {(h.staff, h.date) for h in history.assignments} == {(a.staff, a.date) for a in ROSTER}
        assert {c.staff: (c.shifts, c.nights) for c in history.counts} == {"P001": (1, 1), "P004": (1, 0)}
        assert db.latest_schedule(old.id) == db.schedule(db.schedules(old.id)[0].id)
    # Edit ▸ Undo takes the plan away again; Redo brings it back, and it solves
    window.controller.undo_stack.undo()
    assert page.plan_box.count() == 1
    window.controller.undo_stack.redo()
    assert page.plan_box.count() == 2
    page.select_plan(window.controller.workspace.plans()[-1].id)
    page.time_limit.setValue(2)
    page.solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=60_000)
    assert page.view is not None and page.view.plan.name == "巩义防疫 2020年3月" and page.view.has_roster
    assert page.view.schedule is not None and page.view.schedule.assignments
    assert all(a.date.month == 3 for a in page.view.schedule.assignments)


def test_without_a_published_roster_the_dialog_says_so(window: MainWindow, database: str) -> None:
    with Database.open(f"sqlite:///{database}") as db:
        db.save_schedule(db.plans()[-1].id, Schedule(ROSTER))
    window.controller.reload()
    dialog = open_dialog(window)
    assert "no published roster" in dialog.source_label.text() and "draft" in dialog.source_label.text()
    dialog.start_edit.setDate(QDate(2020, 2, 20))
    dialog.accept()
    assert dialog.isVisible() and "must start after" in dialog.form.problem("start")
    dialog.reject()


def test_without_any_roster_only_the_history_goes_on(window: MainWindow) -> None:
    dialog = open_dialog(window)
    assert "no roster yet" in dialog.source_label.text()
    dialog.name_edit.setText("")
    dialog.accept()
    assert dialog.form.problem("name")
    dialog.reject()


def test_the_roster_menu_opens_the_dialog(window: MainWindow) -> None:
    window.show_page(window.stations_page)
    window.roster_output.new_plan_action.trigger()
    assert window.current_page() is window.roster_page
    dialog = window.roster_page.findChild(NewPlanDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_new_plan_for_one_station_and_its_stations_changed_later(window: MainWindow, database: str) -> None:
    dialog = open_dialog(window)
    assert dialog.stations.count() == len(window.controller.workspace.scenario.stations) >= 2
    assert dialog.stations.choice() == ()  # all checked: every station
    dialog.stations.set_checked([])
    dialog.accept()
    assert dialog.isVisible() and "at least one station" in dialog.form.problem("stations")
    dialog.stations.set_checked(["G310W"])
    dialog.accept()
    assert not dialog.isVisible()

    page = window.roster_page
    plan = page.current_plan()
    assert plan is not None and plan.stations == ("G310W",)
    assert "310" in page.plan_box.itemData(page.plan_box.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert page.view is not None and [s.id for s in page.view.scenario.stations] == ["G310W"]
    assert all(p.may_work_at("G310W") for p in page.view.scenario.staff)
    assert page.station_box.count() == 2  # all stations, and the one

    stations = page.open_plan_stations()
    assert stations is not None and stations.stations.checked() == ["G310W"]
    stations.stations.set_checked([s.id for s in window.controller.workspace.scenario.stations])
    stations.accept()
    assert page.current_plan() is not None and page.current_plan().stations == ()  # type: ignore[union-attr]
    window.controller.undo_stack.undo()
    assert page.current_plan() is not None and page.current_plan().stations == ("G310W",)  # type: ignore[union-attr]


def test_someone_on_duty_in_the_plan_of_another_station_shows_away(window: MainWindow, database: str) -> None:
    page = window.roster_page
    for name, station in (("巩义 3月", "G310W"), ("郑州西 3月", "ZZX")):
        page.select_plan(window.controller.workspace.plans()[0].id)
        dialog = open_dialog(window)
        dialog.name_edit.setText(name)
        dialog.stations.set_checked([station])
        dialog.accept()
        assert not dialog.isVisible()
    with Database.open(f"sqlite:///{database}") as db:
        gongyi, zzx = db.plans()[1:]
        day = gongyi.period.start
        db.save_schedule(gongyi.id, Schedule((Assignment(day, "D", "G310W", "P004", "medic"),)))
    window.controller.reload()
    page.select_plan(zzx.id)
    index = page.model.cell_index("P004", day)  # 赵敏 may work at every station
    assert index.data() == "away"
    assert "巩义 3月" in index.data(Qt.ItemDataRole.ToolTipRole)
