"""Printing, exporting and the fairness view of the roster shown on the roster page.

The main window puts these actions in its Roster menu (and Print on the toolbar). Each works on
the roster page's plan and station: triggering one first shows the roster page, so the user sees
which roster goes out.

Exports: the schedule CSV of the exchange format (docs/format.md), and iCalendar files, one per
person with a shift (into a folder) or the file of one chosen person.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.errors import UserError
from shiftplan.i18n import _, ngettext
from shiftplan.services.roster import RosterView
from shiftplan.ui.controller import Controller
from shiftplan.ui.dialogs.print_dialog import PrintDialog
from shiftplan.ui.fairness import FairnessDialog
from shiftplan.ui.pages.roster import RosterPage
from shiftplan.ui.resources import icon_path
from shiftplan.ui.tasks import Task, run_task

SHOWN_MS = 8000
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text).strip(" .") or "roster"


class CalendarChoice(QDialog):
    """Whose calendar: everyone with a shift (a file each, into a folder) or one person."""

    def __init__(self, view: RosterView, station: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export calendars"))
        on_duty = {a.staff for a in view.schedule.assignments} if view.schedule else set()
        self.person_box = QComboBox(self)
        self.person_box.addItem(_("Everyone on duty (one file each)"), None)
        for person in view.people_at(station):
            if person.id in on_duty:
                self.person_box.addItem(f"{person.name} ({person.id})", person.id)
        form = QFormLayout()
        form.addRow(_("&Whose shifts:"), self.person_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)

    def staff_id(self) -> str | None:
        value = self.person_box.currentData()
        return value if isinstance(value, str) else None


class RosterOutput(QObject):
    """The Roster menu's actions: print, export CSV and calendars, the fairness view."""

    def __init__(self, window: QMainWindow, controller: Controller, page: RosterPage,
                 show_page: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.page = page
        self._show_page = show_page
        self.task: Task | None = None
        self.print_dialog: PrintDialog | None = None
        self.fairness_dialog: FairnessDialog | None = None
        self.print_action = self._action(_("&Print…"), self.print_roster, "print",
                                         _("Print the roster shown, or save it as PDF"), QKeySequence.StandardKey.Print)
        self.csv_action = self._action(_("Export roster as &CSV…"), self.ask_csv, "",
                                       _("The roster's assignments as a CSV file of the exchange format"))
        self.ical_action = self._action(_("Export &calendars (iCalendar)…"), self.ask_calendars, "",
                                        _("Everyone's shifts as calendar files for their phones"))
        self.fairness_action = self._action(_("&Fairness…"), self.show_fairness, "fairness",
                                            _("How evenly the roster shown shares shifts, nights, restdays and "
                                              "holidays"))
        self.new_plan_action = self._action(
            _("&New plan…"), self.new_plan, "",
            _("Plan the next period after the plan shown: a copy of it, carrying its fairness on"))

    def _action(self, text: str, slot: object, icon_name: str, tip: str,
                shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setIconText(re.sub(r"\(&\w\)", "", text).replace("&", "").removesuffix("…").strip())
        if icon_name:
            action.setIcon(QIcon(str(icon_path(icon_name))))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.print_action, self.csv_action, self.ical_action, self.fairness_action]

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(_("&Roster"), parent)
        menu.addAction(self.new_plan_action)
        menu.addSeparator()
        menu.addAction(self.print_action)
        menu.addSeparator()
        menu.addActions([self.csv_action, self.ical_action])
        menu.addSeparator()
        menu.addAction(self.fairness_action)
        return menu

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

    def new_plan(self) -> None:
        """The roster page's New plan… dialog, the page brought to the front."""
        if self._show_page is not None:
            self._show_page()
        self.page.open_new_plan()

    # --- the roster shown ------------------------------------------------------------------------

    def shown(self) -> tuple[RosterView, str | None] | None:
        """The roster page's view and station, with the page brought to the front; None: no roster to use."""
        if self._show_page is not None:
            self._show_page()
        self.page.catch_up()
        view = self.page.view
        if view is None or view.schedule is None or not view.schedule.assignments:
            QMessageBox.information(self.window, _("Roster"), _("The plan shown has no roster yet: solve it first."))
            return None
        station = self.page.station_box.currentData()
        return view, station if isinstance(station, str) else None

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, SHOWN_MS)

    def _run(self, title: str, busy: str, work: Callable[[], object], done: Callable[[object], None]) -> Task:
        def failed(error: Exception) -> None:
            self.task = None
            QMessageBox.warning(self.window, title, str(error))

        def finished(result: object) -> None:
            self.task = None
            done(result)

        self.task = run_task(self.window, busy, work, finished, failed)
        return self.task

    def _folder(self) -> str:
        location = self.controller.location
        return str(Path(location).parent) if location and "://" not in location else str(Path.home())

    # --- printing ------------------------------------------------------------------------------

    def print_roster(self) -> PrintDialog | None:
        shown = self.shown()
        if shown is None:
            return None
        view, station = shown
        dialog = PrintDialog(self.controller, view, station, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self._status(_("Saved {file}.").format(file=path)))
        self.print_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "print_dialog", None))
        dialog.open()
        return dialog

    # --- CSV -----------------------------------------------------------------------------------

    def ask_csv(self) -> None:
        shown = self.shown()
        if shown is None:
            return
        view, _station = shown
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, _("Export roster as CSV"),
            os.path.join(self._folder(), safe_name(view.plan.name or "roster") + ".csv"), _("CSV files (*.csv)"))
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.export_csv(view, path)

    def export_csv(self, view: RosterView, path: str) -> Task:
        backend = self.controller.backend
        assignments = view.schedule.assignments if view.schedule else ()
        return self._run(_("Export roster as CSV"), _("Writing {file}…").format(file=Path(path).name),
                         lambda: backend.export_schedule_csv(path, assignments),
                         lambda _result: self._status(_("Exported to {file}.").format(file=path)))

    # --- calendars -----------------------------------------------------------------------------

    def ask_calendars(self) -> None:
        shown = self.shown()
        if shown is None:
            return
        view, station = shown
        choice = CalendarChoice(view, station, self.window)
        if not choice.exec():
            return
        staff_id = choice.staff_id()
        if staff_id is None:
            folder = QFileDialog.getExistingDirectory(self.window, _("Folder for the calendar files"), self._folder())
            if folder:
                self.export_calendars(view, folder)
            return
        person = next(p for p in view.people if p.id == staff_id)
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, _("Export calendar"), os.path.join(self._folder(), safe_name(f"{person.id} {person.name}")
                                                            + ".ics"), _("iCalendar files (*.ics)"))
        if path:
            if not path.lower().endswith(".ics"):
                path += ".ics"
            self.export_calendar(view, path, staff_id)

    def export_calendar(self, view: RosterView, path: str, staff_id: str) -> Task:
        backend, scenario = self.controller.backend, view.scenario
        assignments = view.schedule.assignments if view.schedule else ()
        return self._run(_("Export calendar"), _("Writing {file}…").format(file=Path(path).name),
                         lambda: backend.export_calendar(path, scenario, assignments, staff_id),
                         lambda _result: self._status(_("Exported to {file}.").format(file=path)))

    def export_calendars(self, view: RosterView, folder: str) -> Task:
        backend, scenario = self.controller.backend, view.scenario
        assignments = view.schedule.assignments if view.schedule else ()

        def done(written: object) -> None:
            n = len(written) if isinstance(written, list) else 0
            self._status(ngettext("Wrote {n} calendar file to {folder}.", "Wrote {n} calendar files to {folder}.",
                                  n).format(n=n, folder=folder))

        return self._run(_("Export calendars"), _("Writing the calendar files…"),
                         lambda: backend.export_calendars(folder, scenario, assignments), done)

    # --- fairness ------------------------------------------------------------------------------

    def show_fairness(self) -> FairnessDialog | None:
        shown = self.shown()
        if shown is None:
            return None
        view, station = shown
        try:
            dialog = FairnessDialog(view, station, self.window)
        except UserError as error:
            QMessageBox.warning(self.window, _("Fairness of the roster"), str(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fairness_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "fairness_dialog", None))
        dialog.show()
        return dialog
