"""The main window: menus and toolbar, navigation on the left, the chosen page on the right.

Every page works on the controller's open database; the window adds what concerns the whole:
opening and creating databases, importing and exporting files, undo and redo, preferences and
the language, and remembering where the user left things.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

import shiftplan
from shiftplan import i18n
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import STATUS_LABELS
from shiftplan.i18n import _, ngettext
from shiftplan.services.workspace import Changes, RosterChoice
from shiftplan.ui.controller import Controller
from shiftplan.ui.culprits import open_culprit
from shiftplan.ui.dialogs.preferences import LANGUAGE_NAMES, PreferencesDialog
from shiftplan.ui.dialogs.staff_import import import_staff_workbook
from shiftplan.ui.lock import DatabaseInUseError
from shiftplan.ui.pages.base import Page
from shiftplan.ui.pages.cover import CoverPage
from shiftplan.ui.pages.holidays import HolidaysPage
from shiftplan.ui.pages.leave import LeavePage
from shiftplan.ui.pages.roles import RolesPage
from shiftplan.ui.pages.roster import RosterPage
from shiftplan.ui.pages.rule_sets import RuleSetsPage
from shiftplan.ui.pages.shift_types import ShiftTypesPage
from shiftplan.ui.pages.staff import StaffPage
from shiftplan.ui.pages.stations import StationsPage
from shiftplan.ui.resources import icon_path
from shiftplan.ui.roster_output import RosterOutput
from shiftplan.ui.settings import Settings
from shiftplan.ui.tasks import run_task

_NAV_WIDTH = 176
_NAV_ROW_HEIGHT = 36
SAVED_MESSAGE_MS = 4000


def icon(name: str) -> QIcon:
    """A shipped icon, drawn as is also when its row is selected (styles would tint it into the highlight)."""
    result = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        result.addFile(str(icon_path(name)), mode=mode)
    return result


nav_icon = icon  # the first window's name for it


def plain_text(text: str) -> str:
    """A menu text as a toolbar shows it: no mnemonic (Chinese writes it "(&A)"), no trailing ellipsis."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").removesuffix("…").removesuffix("...").strip()


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


class MainWindow(QMainWindow):
    """The window on the controller's database.

    Signals:
        rebuild_requested(): the language or text size changed; the application builds the window again.
    """

    rebuild_requested = Signal()

    def __init__(self, controller: Controller, settings: Settings, *, version: str = shiftplan.__version__,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._version = version

        self.nav = QListWidget(self)
        self.nav.setFixedWidth(_NAV_WIDTH)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.stack = QStackedWidget(self)

        self.stations_page = StationsPage(controller, self)
        self.staff_page = StaffPage(controller, self)
        self.shift_types_page = ShiftTypesPage(controller, self)
        self.roles_page = RolesPage(controller, self)
        self.rule_sets_page = RuleSetsPage(controller, self)
        self.cover_page = CoverPage(controller, self)
        self.leave_page = LeavePage(controller, self)
        self.holidays_page = HolidaysPage(controller, self)
        self.roster_page = RosterPage(controller, self)
        self._pages: list[Page] = []
        for page in (self.stations_page, self.staff_page, self.shift_types_page, self.roles_page,
                     self.rule_sets_page, self.cover_page, self.leave_page, self.holidays_page, self.roster_page):
            self._add_page(page)
        self.staff_page.import_requested.connect(self.import_staff)
        self.staff_page.export_requested.connect(self.export_staff)
        self.cover_page.go_to_holidays.connect(lambda: self.show_page(self.holidays_page))
        self.roster_page.culprits.open_requested.connect(lambda culprit: open_culprit(self, culprit))

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        line = QFrame(central)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel(self)
        self.saved_label = QLabel(_("All changes are saved as you make them."), self)
        self.saved_label.setForegroundRole(self.saved_label.foregroundRole())
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._create_actions()
        self.roster_output = RosterOutput(self, controller, self.roster_page, lambda: self.show_page(self.roster_page))
        self._create_menus()
        self._create_toolbar()

        controller.changed.connect(self._on_controller_changed)
        controller.failed.connect(self._on_controller_failed)
        controller.saved.connect(self._on_controller_saved)
        self.resize(1280, 800)
        self._restore_state()
        self._on_controller_changed(Changes.ALL)

    # --- pages ------------------------------------------------------------------------------

    def _add_page(self, page: Page) -> None:
        item = QListWidgetItem(icon(page.icon), _(page.title), self.nav)
        item.setSizeHint(QSize(0, _NAV_ROW_HEIGHT))
        self.stack.addWidget(page)
        self._pages.append(page)
        page.actions_changed.connect(self._update_edit_actions)

    def pages(self) -> list[Page]:
        return list(self._pages)

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self._pages.index(page))

    def current_page(self) -> Page:
        return self._pages[self.stack.currentIndex()]

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self._update_edit_actions()

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot: object, *, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon_name: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setIconText(plain_text(text))
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(_("&New database…"), self.new_database, shortcut=QKeySequence.StandardKey.New,
                                       icon_name="new", tip=_("Start an empty database in a file of its own"))
        self.open_action = self._action(_("&Open database…"), self.open_database,
                                        shortcut=QKeySequence.StandardKey.Open, icon_name="open",
                                        tip=_("Work on another database file"))
        self.import_json_action = self._action(_("&Import scenario (JSON)…"), self.import_scenario,
                                               tip=_("Replace everything in this database with a scenario file"))
        self.export_json_action = self._action(_("&Export scenario (JSON)…"), self.export_scenario,
                                               tip=_("Write this database's plan as a scenario file"))
        self.import_staff_action = self._action(_("Import staff from E&xcel…"), self.import_staff,
                                                icon_name="excel-import",
                                                tip=_("Add people from an Excel staff list, after a preview"))
        self.export_staff_action = self._action(_("Export staff to Exce&l…"), self.export_staff,
                                                icon_name="excel-export", tip=_("Write the staff list to Excel"))
        self.template_action = self._action(_("Save staff &template…"), self.save_template,
                                            tip=_("An empty Excel staff list with the columns the import reads"))
        self.roster_action = self._action(_("Export &roster to Excel…"), self.export_roster,
                                          tip=_("Write a saved roster to Excel"))
        self.exit_action = self._action(_("E&xit"), self.close, shortcut=QKeySequence.StandardKey.Quit)
        self.exit_action.setMenuRole(QAction.MenuRole.QuitRole)

        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self, _("Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = stack.createRedoAction(self, _("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(icon("redo"))
        self.add_action = self._action(_("&Add"), self._on_add_action_triggered, icon_name="add")
        self.add_action.setShortcuts([QKeySequence("Ins"), QKeySequence("Ctrl+Ins")])
        self.delete_action = self._action(_("&Delete"), self._on_delete_action_triggered,
                                          shortcut=QKeySequence.StandardKey.Delete, icon_name="delete")
        self.preferences_action = self._action(_("&Preferences…"), self.edit_preferences,
                                               shortcut=QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action(_("&About shiftplan"), self._on_about_action_triggered)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(_("About &Qt"), self._on_about_qt_action_triggered)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_actions[code] = action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_json_action, self.export_json_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_staff_action, self.export_staff_action, self.template_action,
                              self.roster_action])
        file_menu.addSeparator()
        file_menu.addAction(self.exit_action)

        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_action, self.delete_action])

        bar.addMenu(self.roster_output.menu(self))

        tools_menu = bar.addMenu(_("&Tools"))
        language_menu = tools_menu.addMenu(_("&Language"))
        language_menu.addActions(list(self.language_actions.values()))
        tools_menu.addSeparator()
        tools_menu.addAction(self.preferences_action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addActions([self.about_action, self.about_qt_action])

    def _create_toolbar(self) -> None:
        bar = QToolBar(_("Main toolbar"), self)
        bar.setObjectName("mainToolBar")  # for saveState
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([self.open_action])
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        bar.addSeparator()
        bar.addActions([self.add_action, self.delete_action])
        bar.addSeparator()
        bar.addActions([self.import_staff_action, self.export_staff_action])
        bar.addSeparator()
        bar.addAction(self.roster_output.print_action)
        self.addToolBar(bar)
        self.toolbar = bar

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        recent = self.settings.preferences.recent_databases
        for location in recent:
            action = menu.addAction(location)
            action.triggered.connect(lambda _checked=False, where=location: self.open_location(where))
        if recent:
            menu.addSeparator()
            menu.addAction(_("&Clear list"), self.settings.preferences.clear_recent)
        else:
            menu.addAction(_("(none)")).setEnabled(False)

    def _update_edit_actions(self) -> None:
        page = self.current_page()
        self.add_action.setText(page.add_text())
        self.add_action.setIconText(plain_text(page.add_text()))
        self.add_action.setEnabled(page.can_add())
        self.delete_action.setEnabled(page.can_delete())

    @Slot()
    def _on_add_action_triggered(self) -> None:
        self.current_page().add()

    @Slot()
    def _on_delete_action_triggered(self) -> None:
        self.current_page().delete()

    # --- what the controller says ------------------------------------------------------------

    @Slot(object)
    def _on_controller_changed(self, changes: Changes) -> None:
        if not self.controller.is_open:
            return
        title = _("shiftplan duty rosters")
        label = self.controller.label
        self.setWindowTitle(f"{title} — {label}" if label else title)
        sc = self.controller.workspace.scenario
        people = ngettext("{n} person", "{n} people", len(sc.staff)).format(n=len(sc.staff))
        stations = ngettext("{n} station", "{n} stations", len(sc.stations)).format(n=len(sc.stations))
        period = _("plan {start} – {end}").format(start=sc.period.start.isoformat(), end=sc.period.end.isoformat())
        self.counts_label.setText(f"{people} · {stations} · {period}")
        if changes == Changes.ALL:
            has_roster = self._has_roster()
            self.roster_action.setEnabled(self.controller.backend.has_spreadsheets and has_roster)
            self.roster_output.set_enabled(has_roster)
        for action in (self.import_staff_action, self.export_staff_action, self.template_action):
            action.setEnabled(self.controller.backend.has_spreadsheets)
        self._update_edit_actions()

    def _has_roster(self) -> bool:
        try:
            return bool(self.controller.workspace.rosters())
        except UserError:
            return False

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        QMessageBox.warning(self, _("Undo"), message + "\n\n" + _("The undo history has been cleared."))

    @Slot(str)
    def _on_controller_saved(self, text: str) -> None:
        self.statusBar().showMessage(_("Saved: {edit}").format(edit=text), SAVED_MESSAGE_MS)

    # --- databases ---------------------------------------------------------------------------

    def _database_folder(self) -> str:
        location = self.controller.location
        if location and "://" not in location:
            return str(Path(location).parent)
        if location.startswith("sqlite:///"):
            return str(Path(location.removeprefix("sqlite:///")).parent)
        return documents_folder()

    def new_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("New database"), os.path.join(self._database_folder(), _("roster.db")),
            _("shiftplan databases (*.db)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        if not path.lower().endswith(".db"):
            path += ".db"
        if Path(path).exists():
            QMessageBox.warning(self, _("New database"), _(
                "{file} already exists. Choose another name, or open it with File › Open database.").format(file=path))
            return
        self.open_location(path, create=True)

    def open_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Open database"), self._database_folder(),
                                                    _("shiftplan databases (*.db);;All files (*)"))
        if path:
            self.open_location(path)

    def open_location(self, location: str, *, create: bool = False) -> bool:
        """Open (or create) a database instead of the current one; problems are shown, the current one stays."""
        if location.startswith("sqlite:///"):
            location = location.removeprefix("sqlite:///")
        if "://" not in location and not create and not Path(location).exists():
            QMessageBox.warning(self, _("Open database"), _("{file} does not exist (any more).").format(
                file=location))
            self.settings.preferences.forget_database(location)
            return False
        self.roster_page.stop_solving()  # its roster belongs to the database open now
        try:
            self.controller.open(location, create=create)
        except DatabaseInUseError as error:
            if not ask_take_over(self, error):
                return False
            try:
                self.controller.open(location, create=create, take_over=True)
            except UserError as again:
                QMessageBox.warning(self, _("Open database"), str(again))
                return False
        except UserError as error:
            QMessageBox.warning(self, _("Open database"), str(error))
            return False
        self.settings.preferences.remember_database(location)
        self.statusBar().showMessage(_("Opened {file}.").format(file=self.controller.label), SAVED_MESSAGE_MS)
        return True

    # --- files -------------------------------------------------------------------------------

    def _save_path(self, title: str, name: str, filter_: str, suffix: str) -> str:
        path, _chosen = QFileDialog.getSaveFileName(self, title, os.path.join(documents_folder(), name), filter_)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def _run(self, title: str, busy: str, work: Callable[[], object], done: str) -> None:
        def finished(_result: object) -> None:
            self.statusBar().showMessage(done, SAVED_MESSAGE_MS * 2)

        def failed(error: Exception) -> None:
            QMessageBox.warning(self, title, str(error))

        run_task(self, busy, work, finished, failed)

    def import_scenario(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import scenario"), documents_folder(),
                                                    _("Scenario files (*.json)"))
        if not path:
            return
        answer = QMessageBox.question(self, _("Import scenario"), _(
            "Importing replaces everything in this database — stations, staff, rules, cover, leave, the plan and its "
            "saved rosters — by the content of {file}. This cannot be undone. Export the scenario first to keep a "
            "copy.\n\nReplace everything now?").format(file=Path(path).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.roster_page.stop_solving()  # its roster would go to a plan about to be replaced
        backend, store = self.controller.backend, self.controller.workspace.store

        def work() -> int:
            return store.import_scenario(backend.load_scenario(path))

        def done(_plan: object) -> None:
            self.controller.reset_history()
            self.controller.reload()
            self.statusBar().showMessage(_("Imported {file}.").format(file=Path(path).name), SAVED_MESSAGE_MS * 2)

        def failed(error: Exception) -> None:
            QMessageBox.warning(self, _("Import scenario"), str(error))

        run_task(self, _("Importing {file}…").format(file=Path(path).name), work, done, failed)

    def export_scenario(self) -> None:
        sc = self.controller.workspace.scenario
        path = self._save_path(_("Export scenario"), f"{sc.name or 'scenario'}.json", _("Scenario files (*.json)"),
                               ".json")
        if path:
            backend = self.controller.backend
            self._run(_("Export scenario"), _("Writing {file}…").format(file=Path(path).name),
                      lambda: backend.save_scenario(sc, path), _("Exported to {file}.").format(file=path))

    def import_staff(self) -> None:
        import_staff_workbook(self, self.controller)

    def export_staff(self) -> None:
        sc = self.controller.workspace.scenario
        path = self._save_path(_("Export staff to Excel"), _("staff.xlsx"), _("Excel workbooks (*.xlsx)"), ".xlsx")
        if path:
            backend = self.controller.backend
            self._run(_("Export staff to Excel"), _("Writing {file}…").format(file=Path(path).name),
                      lambda: backend.export_staff(path, sc.staff, sc.roles, sc.stations),
                      _("Exported to {file}.").format(file=path))

    def save_template(self) -> None:
        sc = self.controller.workspace.scenario
        path = self._save_path(_("Save staff template"), _("staff template.xlsx"), _("Excel workbooks (*.xlsx)"),
                               ".xlsx")
        if path:
            backend = self.controller.backend
            self._run(_("Save staff template"), _("Writing {file}…").format(file=Path(path).name),
                      lambda: backend.write_staff_template(path, sc.roles, sc.stations),
                      _("Saved {file}.").format(file=path))

    def export_roster(self) -> None:
        """Write a saved roster to Excel; with several saved, the user picks which (the latest first)."""
        workspace = self.controller.workspace
        rosters = workspace.rosters()
        if not rosters:
            QMessageBox.information(self, _("Export roster to Excel"), _("The plan has no roster yet."))
            return
        choice = rosters[-1]
        if len(rosters) > 1:
            labels = [roster_label(r) for r in reversed(rosters)]
            label, ok = QInputDialog.getItem(self, _("Export roster to Excel"), _("&Roster to export:"), labels, 0,
                                             False)
            if not ok:
                return
            choice = list(reversed(rosters))[labels.index(label)]
        try:
            scenario, schedule, calendar = workspace.saved_roster(choice)
        except UserError as error:
            QMessageBox.warning(self, _("Export roster to Excel"), str(error))
            return
        path = self._save_path(_("Export roster to Excel"), _("roster.xlsx"), _("Excel workbooks (*.xlsx)"), ".xlsx")
        if path:
            backend = self.controller.backend
            self._run(_("Export roster to Excel"), _("Writing {file}…").format(file=Path(path).name),
                      lambda: backend.export_roster(path, scenario, schedule, calendar),
                      _("Exported to {file}.").format(file=path))

    # --- preferences and language ------------------------------------------------------------

    def edit_preferences(self) -> None:
        prefs = self.settings.preferences
        before = prefs.font_scale
        if not PreferencesDialog(prefs, self).exec():
            return
        if prefs.font_scale != before or prefs.language != i18n.language():
            self.rebuild_requested.emit()

    def set_language(self, code: str) -> None:
        """Switch the language now (the window is built again) and remember it."""
        self.settings.preferences.language = code
        if code != i18n.language():
            self.rebuild_requested.emit()

    def about_text(self) -> str:
        """The rich text of the About box."""
        return "".join((
            f"<h3>shiftplan {self._version}</h3>",
            "<p>{}</p>".format(_("Fair duty rosters for 24-hour stations: plan, adjust, re-plan and print.")),
            "<p>{}</p>".format(_("Chinese font: WenQuanYi Micro Hei, Apache License 2.0.")),
        ))

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, _("About shiftplan"), self.about_text())

    @Slot()
    def _on_about_qt_action_triggered(self) -> None:
        QMessageBox.aboutQt(self)

    # --- state -------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        state = self.settings.window
        if not state.geometry.isEmpty():
            self.restoreGeometry(state.geometry)
        if not state.state.isEmpty():
            self.restoreState(state.state)
        for page in self._pages:
            page.restore_layout(state)
        chosen = next((p for p in self._pages if p.key == state.page), self._pages[0])
        self.show_page(chosen)

    def save_state(self) -> None:
        state = self.settings.window
        state.geometry = self.saveGeometry()
        state.state = self.saveState()
        state.page = self.current_page().key
        for page in self._pages:
            page.save_layout(state)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: remember the layout; the data is saved already."""
        self.roster_page.stop_solving()
        self.save_state()
        super().closeEvent(event)


def roster_label(roster: RosterChoice) -> str:
    """A saved roster as the user tells it from the others: plan, version, how good, when made."""
    made = roster.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return _("{plan}: version {version} ({status}, made {made})").format(
        plan=roster.plan_name or _("Plan {start} – {end}").format(start=roster.period.start.isoformat(),
                                                                   end=roster.period.end.isoformat()),
        version=roster.version, status=_(STATUS_LABELS[roster.status]), made=made)


def ask_take_over(parent: QWidget | None, error: DatabaseInUseError) -> bool:
    """Tell the user another window has the database; True if they say that window is gone.

    Taking over is offered only when the holder may be gone: when it is a live process on this
    computer, the user can only switch to that window or close it.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, _("Database in use"), str(error), QMessageBox.StandardButton.Cancel,
                      parent)
    anyway = None
    if error.holder is None or error.holder.may_be_gone:
        box.setInformativeText(_("If you are sure that no other shiftplan has it open (for example, it ran on "
                                 "another computer that was switched off), you can open it anyway."))
        anyway = box.addButton(_("Open anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return anyway is not None and box.clickedButton() is anyway
