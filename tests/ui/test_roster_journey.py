"""The secretary's day in one go: solve, edit by hand, see the broken rule, undo, re-plan after
an absence, publish, print. Each step is tested on its own elsewhere; this test shows they work
one after the other on the same database, as a user meets them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from shiftplan.storage import Database
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.roster import HARD_ROLE
from tests.ui.helpers import UI_MARKS
from tests.ui.test_roster_editing import findings, shown, trigger
from tests.ui.test_roster_output import TIMEOUT_MS, pdf_text
from tests.ui.test_roster_replan import D15, replanned, schedule_of, solved_page, versions

pytestmark = UI_MARKS

ON_LEAVE = dt.date(2020, 2, 10)  # 李娜 (P003) is on sick leave 10-12 February


def test_solve_edit_undo_replan_publish_print(database: str, window: MainWindow, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    page = solved_page(window, qtbot)  # the plan's cover made feasible, then a 2 s solve
    assert versions(database) == [(1, False)]
    assert not any(page.model.cell_index(p, d).data(HARD_ROLE)
                   for p in ("P001", "P003") for d in (ON_LEAVE, D15))

    # A hand edit that breaks a rule: 李娜 put on a shift during her sick leave.
    trigger(page, "P003", ON_LEAVE, "Assign", "白班")
    assert shown(page, "P003", ON_LEAVE) == "白班!"  # the mark of a broken hard rule
    assert ["Hard rule", "On leave", "李娜", ON_LEAVE.isoformat()] in findings(page), findings(page)
    assert page.model.cell_index("P003", ON_LEAVE).data(HARD_ROLE)
    window.controller.undo_stack.undo()
    assert shown(page, "P003", ON_LEAVE) == "leave"  # her leave shows again (假 in Chinese)
    assert not [r for r in findings(page) if r[2] == "李娜" and ON_LEAVE.isoformat() in r[3]]

    # 张琳 falls ill from the 15th: re-plan with minimal change, accept.
    dialog = replanned(page, qtbot)
    assert dialog.changes
    dialog.accept_button.click()
    assert versions(database) == [(1, False), (2, False)]
    new = schedule_of(database, 2)
    assert not [a for a in new if a.staff == "P001" and a.date >= D15]

    # Publish the new version (read-only from now on; see test_roster_replan for edits after it).
    assert page.publish()
    assert versions(database) == [(1, False), (2, True)]

    # Print the 310 checkpoint's sheets for the period to PDF: everyone on duty there is on them.
    dialog_print = window.roster_output.print_roster()
    assert dialog_print is not None
    dialog_print.station_box.setCurrentIndex(dialog_print.station_box.findData("G310W"))
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(dialog_print.exported, timeout=TIMEOUT_MS):
        dialog_print.export_pdf(str(target))
    text = pdf_text(target)
    with Database.open(f"sqlite:///{database}") as db:
        names = {p.id: p.name for p in db.export_scenario().staff}
    on_duty = {names[a.staff] for a in new if a.station == "G310W"}
    assert on_duty and all(name in text for name in on_duty)
    dialog_print.close()
