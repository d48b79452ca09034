"""Re-planning after an absence (the changes, accepted or discarded) and publishing a roster."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from shiftplan.domain.model import Absence, Assignment
from shiftplan.storage import Database
from shiftplan.ui.dialogs.replan import ChangesDialog, ReplanDialog, default_start
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.roster import RosterPage
from tests.ui.helpers import UI_MARKS, stored
from tests.ui.test_roster_page import PLANTED, SOLVE_TIMEOUT_MS, feasible, plant, roster_page

pytestmark = UI_MARKS

D = dt.date
D15 = D(2020, 2, 15)


def versions(database: str) -> list[tuple[int, bool]]:
    with Database.open(f"sqlite:///{database}") as db:
        return [(s.version, s.published) for s in db.schedules(db.plans()[-1].id)]


def schedule_of(database: str, version: int) -> tuple[Assignment, ...]:
    with Database.open(f"sqlite:///{database}") as db:
        info = next(s for s in db.schedules(db.plans()[-1].id) if s.version == version)
        found = db.schedule(info.id)
        assert found is not None
        return found.assignments


def solved_page(window: MainWindow, qtbot: QtBot) -> RosterPage:
    page = roster_page(window)
    feasible(window)
    page.time_limit.setValue(2)
    page.solve()
    qtbot.waitUntil(lambda: not page.solving, timeout=SOLVE_TIMEOUT_MS)
    assert page.view is not None and page.view.schedule is not None and page.view.schedule.assignments
    return page


def replanned(page: RosterPage, qtbot: QtBot) -> ChangesDialog:
    """张琳 (P001) is ill from the 15th to the end of the plan, entered through the dialog."""
    dialog = page.open_replan(person="P001", today=D15)
    assert isinstance(dialog, ReplanDialog)
    assert dialog.absence() == Absence("P001", D15, D(2020, 2, 29), "Sick leave")
    dialog.accept()
    assert page.solving and page.stop_button.isEnabled() and not page.replan_button.isEnabled()
    qtbot.waitUntil(lambda: page.changes_dialog is not None, timeout=SOLVE_TIMEOUT_MS)
    assert page.changes_dialog is not None
    return page.changes_dialog


def test_the_default_date_is_today_within_the_plan() -> None:
    from shiftplan.domain.model import Period

    period = Period(D(2020, 2, 1), D(2020, 2, 29))
    assert default_start(period, D(2020, 2, 10)) == D(2020, 2, 10)
    assert default_start(period, D(2026, 1, 1)) == D(2020, 2, 29)
    assert default_start(period, D(2019, 1, 1)) == D(2020, 2, 1)


def test_a_replan_moves_the_ill_persons_later_shifts_and_accept_stores_a_new_version(
        database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = solved_page(window, qtbot)
    base = page.view.schedule.assignments if page.view and page.view.schedule else ()
    theirs_later = [a for a in base if a.staff == "P001" and a.date >= D15]
    assert theirs_later, "张琳 works after the 15th in the solved roster"
    dialog = replanned(page, qtbot)
    assert Absence("P001", D15, D(2020, 2, 29), "Sick leave") in stored(database).absences  # recorded at once
    assert versions(database) == [(1, False)]  # nothing of the roster saved yet
    changes = dialog.changes
    assert changes and all(c.date >= D15 for c in changes)
    assert {(c.date, c.before) for c in changes if c.staff == "P001"} == {(a.date, a) for a in theirs_later}
    assert all(c.after is None for c in changes if c.staff == "P001")
    assert any(c.staff != "P001" and c.after is not None for c in changes), "others take over"
    rows = dialog.rows()
    assert len(rows) == len(changes)
    assert sorted(r[1] for r in rows if r[0] == "张琳") == sorted(a.date.isoformat() for a in theirs_later)
    assert all(r[2] != "—" and r[3] == "—" for r in rows if r[0] == "张琳")  # 白班 310国道… → —
    dialog.accept_button.click()
    assert page.changes_dialog is None
    assert versions(database) == [(1, False), (2, False)]
    new = schedule_of(database, 2)
    assert not [a for a in new if a.staff == "P001" and a.date >= D15]
    assert sorted((a for a in new if a.date < D15), key=repr) == sorted((a for a in base if a.date < D15), key=repr)
    assert schedule_of(database, 1) == base
    assert page.plan_box.currentText().endswith("version 2, draft")
    assert "version 2" in page.status_label.text()


def test_discard_stores_no_roster_but_the_leave_stays(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = solved_page(window, qtbot)
    before = schedule_of(database, 1)
    dialog = replanned(page, qtbot)
    assert "stays recorded" in " ".join(w.text() for w in dialog.findChildren(type(dialog.summary_label)))
    dialog.discard_button.click()
    assert versions(database) == [(1, False)] and schedule_of(database, 1) == before
    assert Absence("P001", D15, D(2020, 2, 29), "Sick leave") in stored(database).absences
    assert "leave stays recorded" in page.messages.text.text()
    assert page.replan_button.isEnabled() and page.solve_button.isEnabled()


def test_a_replan_can_be_stopped(database: str, window: MainWindow, qtbot: QtBot) -> None:
    page = solved_page(window, qtbot)
    page.time_limit.setValue(60)
    assert page.replan(Absence("P005", D(2020, 2, 20), D(2020, 2, 22), "事假"))
    qtbot.waitUntil(lambda: bool(page.chart.points()), timeout=SOLVE_TIMEOUT_MS)
    page.stop()
    qtbot.waitUntil(lambda: page.changes_dialog is not None, timeout=SOLVE_TIMEOUT_MS)
    assert page.changes_dialog is not None
    page.changes_dialog.reject()
    assert versions(database) == [(1, False)]


def test_publish_makes_the_roster_read_only_an_edit_makes_a_new_draft(database: str, window: MainWindow) -> None:
    plant(database, PLANTED)
    page = roster_page(window)
    window.controller.reload()
    assert page.publish_button.isEnabled()
    assert page.publish()
    assert versions(database) == [(1, True)]
    assert page.plan_box.currentText().endswith("version 1, published")
    assert not page.publish_button.isEnabled()
    assert "published" in page.status_label.text()
    assert page.remove("P001", D(2020, 2, 14))
    assert versions(database) == [(1, True), (2, False)]
    assert set(schedule_of(database, 1)) == set(PLANTED)  # the published one is unchanged
    assert set(schedule_of(database, 2)) == set(PLANTED) - {PLANTED[1]}
    assert "new draft version 2" in page.messages.text.text()
    assert page.plan_box.currentText().endswith("version 2, draft")
    assert page.remove("P002", D(2020, 2, 3))  # the next edit goes into the same draft
    assert versions(database) == [(1, True), (2, False)]
    stack = window.controller.undo_stack
    stack.undo()
    stack.undo()  # the draft copy goes again
    assert versions(database) == [(1, True)]
    stack.undo()  # and the publishing
    assert versions(database) == [(1, False)]
