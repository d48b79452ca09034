"""The roster workbench: a plan's latest roster as a person × day grid, solving it, and what it breaks.

A toggle above the grid shows the same roster by station and shift instead: one row per
(station, shift type), a cell listing who is on duty by role and the coverage strip (needed /
assigned, red when short, amber when over the maximum).

The page shows one plan at a time (chosen at the top). The grid is the plan's latest stored
roster; the panel beside it runs the solver in the background, with its progress as it
improves; the table below lists the validator's hard violations and soft costs of the roster
shown, and the grid marks the cells of a person who breaks a hard rule on that date.
A finished (or stopped) solve is stored at once as the plan's newest roster.

Editing by hand: a cell's context menu assigns a shift, removes it, pins or unpins the day
(pinned shifts are kept as fixed assignments when the plan is solved again; a pinned cell has a
dark frame), swaps with another person on the same date, or asks who can take the slot. Dragging
a cell onto another person's cell of the same date swaps the two. Each edit is one undoable edit,
stored at once in the plan's latest roster and judged again by the validator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QElapsedTimer, QModelIndex, QPoint, QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.errors import UserError
from shiftplan.domain.model import STATUS_LABELS, Absence
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services.ports import SolveJob, SolveOutcome, SolveProgress
from shiftplan.services.roster import Finding, PlanSummary, RosterChange, RosterEditing, RosterView
from shiftplan.services.workspace import Changes
from shiftplan.ui.candidates import CandidatesDialog
from shiftplan.ui.controller import Controller
from shiftplan.ui.culprits import CulpritPanel
from shiftplan.ui.dialogs.new_plan import NewPlanDialog, PlanStationsDialog
from shiftplan.ui.dialogs.replan import ChangesDialog, ReplanDialog
from shiftplan.ui.models import ID_ROLE, RIGHT, Column, DomainTableModel, SortProxyModel
from shiftplan.ui.pages.base import Page
from shiftplan.ui.roster import (
    DATE_ROLE,
    STATION_ROLE,
    ObjectiveChart,
    PinDelegate,
    RosterModel,
    SolveWorker,
    StationShiftModel,
    shift_label,
)
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import Level, fit_columns, quiet_label, table_view

DEFAULT_TIME_LIMIT = 30  # seconds
MAX_TIME_LIMIT = 3600
TICK_MS = 200  # how often the elapsed time is redrawn during a solve
DAY_COLUMN_WIDTH = 46
SLOT_COLUMN_WIDTH = 150
PERSON_VIEW, STATION_VIEW = 0, 1  # the tabs of the view toggle


def plan_text(plan: PlanSummary) -> str:
    if not plan.has_roster:
        state = _("no roster yet")
    elif plan.published:
        state = _("version {version}, published").format(version=plan.version)
    else:
        state = _("version {version}, draft").format(version=plan.version)
    return f"{plan.name} · {plan.period.start.isoformat()} – {plan.period.end.isoformat()} · {state}"


def finding_columns() -> tuple[Column[Finding], ...]:
    return (
        Column[Finding](N_("Kind"), lambda f: _("Hard rule") if f.hard else _("Soft cost"),
                        lambda f: 0 if f.hard else 1),
        Column[Finding](N_("Rule"), lambda f: f.rule),
        Column[Finding](N_("Person"), lambda f: f.person),
        Column[Finding](N_("Dates"), lambda f: f.dates),
        Column[Finding](N_("Cost"), lambda f: "" if f.hard else f"{f.cost:g}", lambda f: f.cost, RIGHT),
        Column[Finding](N_("What"), lambda f: f.detail),
    )


class RosterPage(Page):
    title = N_("Roster")
    help = N_("The plan's latest roster, person by day or station and shift by day (with needed / assigned). "
              "Solve builds the best roster the time allows and keeps it as "
              "the plan's newest; below, every rule it breaks and what each soft rule costs.")
    icon = "roster"
    key = "roster"
    interests = Changes.ALL

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._view: RosterView | None = None
        self._plans: list[PlanSummary] = []
        self._worker: SolveWorker | None = None  # the solve running, until its result is in
        self._threads: set[SolveWorker] = set()  # every worker whose thread has not ended yet
        self._solving_plan: int | None = None
        self._best: SolveProgress | None = None
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._show_elapsed)

        # --- the plan and the solve controls
        self.plan_box = QComboBox(self)
        self.plan_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_box.currentIndexChanged.connect(self._on_plan_box_current_index_changed)
        self.station_box = QComboBox(self)
        self.station_box.currentIndexChanged.connect(self._on_station_box_current_index_changed)
        self.time_limit = QSpinBox(self)
        self.time_limit.setRange(1, MAX_TIME_LIMIT)
        self.time_limit.setValue(DEFAULT_TIME_LIMIT)
        # Translators: after the number of seconds in the time limit box
        self.time_limit.setSuffix(_(" s"))
        self.time_limit.setToolTip(_("How long the solver may search; it stops earlier when it can prove the best"))
        self.solve_button = QPushButton(_("&Solve"), self)
        self.solve_button.setToolTip(_("Build the best roster the time limit allows and keep it as the plan's newest"))
        self.solve_button.clicked.connect(self.solve)
        self.stop_button = QPushButton(_("St&op"), self)
        self.stop_button.setToolTip(_("End the search now and keep the best roster found so far"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.replan_button = QPushButton(_("Someone is &ill or absent…"), self)
        self.replan_button.setToolTip(_("Record a leave and re-plan from its first day with as few changes as "
                                        "possible; you see the changes before they are saved"))
        self.replan_button.clicked.connect(self.open_replan)
        self.publish_button = QPushButton(_("P&ublish"), self)
        self.publish_button.setToolTip(_("Mark the roster shown as published: it is not changed any more, and later "
                                         "edits or solves make a new draft version"))
        self.publish_button.clicked.connect(self.publish)
        self.new_plan_button = QPushButton(_("&New plan…"), self)
        self.new_plan_button.setToolTip(_("Plan the next period after the plan shown: a copy of it, carrying its "
                                          "fairness on"))
        self.new_plan_button.clicked.connect(self.open_new_plan)
        self.plan_stations_button = QPushButton(_("Pl&an stations…"), self)
        self.plan_stations_button.setToolTip(_("Choose the stations this plan rosters"))
        self.plan_stations_button.clicked.connect(self.open_plan_stations)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        for label, widget in ((_("&Plan:"), self.plan_box), (_("S&tation:"), self.station_box),
                              (_("Time &limit:"), self.time_limit)):
            text = QLabel(label, self)
            text.setBuddy(widget)
            controls.addWidget(text)
            controls.addWidget(widget)
            controls.addSpacing(8)
        controls.addWidget(self.solve_button)
        controls.addWidget(self.stop_button)
        controls.addSpacing(8)
        controls.addWidget(self.replan_button)
        controls.addWidget(self.publish_button)
        controls.addWidget(self.new_plan_button)
        controls.addWidget(self.plan_stations_button)
        controls.addStretch()
        self.body.addLayout(controls)

        # --- the grid
        self.model = RosterModel(self)
        self.grid = QTableView(self)
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(False)
        self.grid.horizontalHeader().setDefaultSectionSize(DAY_COLUMN_WIDTH)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setHighlightSections(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setItemDelegate(PinDelegate(self.grid))
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._on_grid_custom_context_menu_requested)
        self.grid.setDragEnabled(True)
        self.grid.setAcceptDrops(True)
        self.grid.setDropIndicatorShown(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.grid.setDefaultDropAction(Qt.DropAction.CopyAction)
        # queued: the swap resets the grid, which must not happen inside the view's drop handling
        self.model.swap_requested.connect(self._on_model_swap_requested, Qt.ConnectionType.QueuedConnection)

        # --- the second view: station × day × shift, with the coverage strip
        self.station_model = StationShiftModel(self)
        self.station_grid = QTableView(self)
        self.station_grid.setModel(self.station_model)
        self.station_grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.station_grid.setWordWrap(True)
        self.station_grid.horizontalHeader().setDefaultSectionSize(SLOT_COLUMN_WIDTH)
        self.station_grid.horizontalHeader().setHighlightSections(False)
        self.station_grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.station_grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.station_grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.station_grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.station_grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.station_grid.customContextMenuRequested.connect(self._on_station_grid_custom_context_menu_requested)
        # Delete empties the chosen cell of the person grid (the menu's Remove)
        self.remove_action = QAction(_("&Remove"), self.grid)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.grid.addAction(self.remove_action)
        self.view_tabs = QTabBar(self)
        self.view_tabs.addTab(_("By person"))
        self.view_tabs.setTabToolTip(PERSON_VIEW, _("One row per person, one column per date"))
        self.view_tabs.addTab(_("By station and shift"))
        self.view_tabs.setTabToolTip(STATION_VIEW, _("One row per station and shift, one column per date: who is on "
                                                     "duty by role, and needed / assigned (red: too few, amber: too "
                                                     "many)"))
        self.view_tabs.setDrawBase(False)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.grid)
        self.views.addWidget(self.station_grid)
        self.view_tabs.currentChanged.connect(self._on_view_tabs_current_changed)
        self._dialog: CandidatesDialog | None = None
        self._replan_dialog: ReplanDialog | None = None
        self.changes_dialog: ChangesDialog | None = None  # the changes of the last re-plan, while shown
        self._replanning: Absence | None = None  # the leave the running solve re-plans for
        self._told_draft: set[int] = set()  # plans whose published roster got a draft copy, the user told

        # --- the solve panel
        self.progress_box = QGroupBox(_("Solver"), self)
        panel = QVBoxLayout(self.progress_box)
        self.status_label = QLabel(self.progress_box)
        self.status_label.setWordWrap(True)
        figures = QFormLayout()
        self.elapsed_label = QLabel("–", self.progress_box)
        self.objective_label = QLabel("–", self.progress_box)
        self.bound_label = QLabel("–", self.progress_box)
        figures.addRow(_("Elapsed:"), self.elapsed_label)
        figures.addRow(_("Best cost:"), self.objective_label)
        figures.addRow(_("Lower bound:"), self.bound_label)
        self.chart = ObjectiveChart(self.progress_box)
        self.explanation_label = QLabel(self.progress_box)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation_label.hide()
        self.culprits = CulpritPanel(lambda: self.workspace, self.apply, self.progress_box)
        self.culprits.hide()
        panel.addWidget(self.status_label)
        panel.addLayout(figures)
        panel.addWidget(self.chart)
        panel.addWidget(self.explanation_label)
        panel.addWidget(self.culprits)
        panel.addStretch()
        self.progress_box.setMinimumWidth(240)

        # --- the violations panel
        self.findings = DomainTableModel[Finding](finding_columns(), self)
        self._findings_proxy = SortProxyModel(self)
        self._findings_proxy.setSourceModel(self.findings)
        self.violations = table_view(self._findings_proxy, self)
        self.violations_label = quiet_label("", self)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.violations_label)
        lower_layout.addWidget(self.violations, 1)

        self.side_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        views = QWidget(self)
        views_layout = QVBoxLayout(views)
        views_layout.setContentsMargins(0, 0, 0, 0)
        views_layout.setSpacing(0)
        views_layout.addWidget(self.view_tabs)
        views_layout.addWidget(self.views, 1)
        self.side_splitter.addWidget(views)
        self.side_splitter.addWidget(self.progress_box)
        self.side_splitter.setStretchFactor(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.body.addWidget(self.splitter, 1)
        self._show_idle()

    # --- showing ----------------------------------------------------------------------------

    @property
    def view(self) -> RosterView | None:
        return self._view

    def refresh(self, changes: Changes) -> None:
        chosen = self.plan_id()
        self._plans = self.workspace.plans()
        with QSignalBlocker(self.plan_box):
            self.plan_box.clear()
            for i, plan in enumerate(self._plans):
                self.plan_box.addItem(plan_text(plan), plan.id)
                self.plan_box.setItemData(i, _("Stations: {names}").format(
                    names=self.workspace.station_names(plan.stations)), Qt.ItemDataRole.ToolTipRole)
            ids = [p.id for p in self._plans]
            self.plan_box.setCurrentIndex(ids.index(chosen) if chosen in ids else len(ids) - 1)
        self._load()
        self.culprits.update_rows()

    def plan_id(self) -> int | None:
        value = self.plan_box.currentData()
        return value if isinstance(value, int) else None

    def select_plan(self, plan_id: int) -> None:
        self.plan_box.setCurrentIndex(self.plan_box.findData(plan_id))

    def current_plan(self) -> PlanSummary | None:
        return next((p for p in self._plans if p.id == self.plan_id()), None)

    def _load(self) -> None:
        plan_id = self.plan_id()
        try:
            self._view = None if plan_id is None else self.workspace.roster(plan_id)
        except UserError as error:
            self._view = None
            self.messages.show_message(str(error), Level.ERROR)
        station = self.station_box.currentData()
        with QSignalBlocker(self.station_box):
            self.station_box.clear()
            self.station_box.addItem(_("All stations"), None)
            for s in self._view.scenario.stations if self._view else ():
                self.station_box.addItem(s.name or s.id, s.id)
            index = self.station_box.findData(station) if station else 0
            self.station_box.setCurrentIndex(max(index, 0))
        self._show_roster()

    def _show_roster(self) -> None:
        current = self.grid.currentIndex()
        cell = (current.data(ID_ROLE), current.data(DATE_ROLE)) if current.isValid() else None
        self.model.set_view(self._view, self.station_box.currentData())
        if cell is not None:
            index = self.model.cell_index(*cell)
            if index.isValid():
                self.grid.setCurrentIndex(index)
        self._show_station_view()
        view = self._view
        self.findings.set_rows(view.findings() if view else ())
        fit_columns(self.violations)
        if view is None:
            self.violations_label.setText("")
        elif view.report is None:
            self.violations_label.setText(_("This plan has no roster yet. Choose a time limit and press Solve."))
        else:
            report = view.report
            hard = ngettext("{n} hard rule broken", "{n} hard rules broken", len(report.hard)).format(
                n=len(report.hard)) if report.hard else _("No hard rule is broken")
            soft = ngettext("soft cost {cost:g} in {n} item", "soft cost {cost:g} in {n} items",
                            len(report.soft)).format(cost=report.objective, n=len(report.soft))
            self.violations_label.setText(f"{hard} · {soft}")
        self._enable_actions()

    def _show_station_view(self) -> None:
        current = self.station_grid.currentIndex()
        slot = (current.data(STATION_ROLE), current.data(DATE_ROLE)) if current.isValid() else None
        self.station_model.set_view(self._view, self.station_box.currentData())
        if slot is not None and self._view is not None and slot[1] in self._view.dates:
            row = self.station_model.row_of(*slot[0])
            if row >= 0:
                self.station_grid.setCurrentIndex(self.station_model.index(row, self._view.dates.index(slot[1])))

    def show_view(self, which: int) -> None:
        """Show the roster by person (``PERSON_VIEW``) or by station and shift (``STATION_VIEW``)."""
        self.view_tabs.setCurrentIndex(which)

    def shown_view(self) -> int:
        return self.views.currentIndex()

    @Slot(int)
    def _on_view_tabs_current_changed(self, index: int) -> None:
        self.views.setCurrentIndex(index)

    def _enable_actions(self) -> None:
        view, idle = self._view, self._worker is None
        self.solve_button.setEnabled(view is not None and idle)
        self.replan_button.setEnabled(view is not None and view.has_roster and idle)
        self.publish_button.setEnabled(view is not None and view.has_roster and not view.plan.published and idle)
        self.new_plan_button.setEnabled(view is not None and idle)
        self.plan_stations_button.setEnabled(view is not None and idle)

    @Slot(int)
    def _on_plan_box_current_index_changed(self, _index: int) -> None:
        self._load()
        if self._worker is None:
            self._show_idle()

    @Slot(int)
    def _on_station_box_current_index_changed(self, _index: int) -> None:
        self._show_roster()

    def _show_idle(self) -> None:
        view = self._view
        if view is not None and view.schedule is not None and view.schedule.assignments:
            template = (_("The roster shown is the plan's newest, version {version} ({status}); it is published, so "
                          "edits and solves make a new draft version.") if view.plan.published else
                        _("The roster shown is the plan's newest, version {version} ({status}), a draft."))
            self.status_label.setText(template.format(version=view.plan.version,
                                                      status=_(STATUS_LABELS[view.schedule.status])))
        else:
            self.status_label.setText(_("Press Solve to build a roster for this plan."))

    # --- solving ----------------------------------------------------------------------------

    @property
    def solving(self) -> bool:
        return self._worker is not None

    def solve(self) -> None:
        """Start a solve of the chosen plan in the background."""
        view = self._view
        if view is None or self._worker is not None:
            return
        scenario, calendar, limit = view.scenario, view.calendar, float(self.time_limit.value())
        backend = self.controller.backend

        def make_job(report: Callable[[SolveProgress], None]) -> SolveJob:
            return backend.solve_job(scenario, calendar, limit, report)

        self._start(view, make_job, _("Searching for the best roster (at most {seconds} s)…").format(
            seconds=self.time_limit.value()))

    def _start(self, view: RosterView, make_job: Callable[[Callable[[SolveProgress], None]], SolveJob],
               status: str, replanning: Absence | None = None) -> None:
        worker = SolveWorker(make_job, self)
        worker.progress.connect(self._on_worker_progress)
        worker.solved.connect(self._on_worker_solved)
        worker.failed.connect(self._on_worker_failed)
        worker.finished.connect(lambda: self._on_worker_finished(worker))
        self._threads.add(worker)
        self._worker, self._solving_plan, self._best = worker, view.plan.id, None
        self._replanning = replanning
        self.chart.clear()
        self.explanation_label.hide()
        self.culprits.set_culprits(())
        self.elapsed_label.setText(_("{seconds:.1f} s").format(seconds=0.0))
        self.objective_label.setText("–")
        self.bound_label.setText("–")
        self.status_label.setText(status)
        self._set_running(True)
        self._clock.start()
        self._ticker.start()
        worker.start()

    def stop(self) -> None:
        """End the search; the best roster found so far is kept."""
        if self._worker is not None:
            self._worker.stop()
            self.stop_button.setEnabled(False)
            self.status_label.setText(_("Stopping; the best roster so far will be kept…"))

    def stop_solving(self) -> None:
        """Stop a running solve and wait for its thread (before the window closes or another database
        opens); its result is dropped."""
        if self._worker is not None:
            self._worker = None
            self._replanning = None
            self._ticker.stop()
            self._set_running(False)
            self._show_idle()
        for worker in list(self._threads):
            worker.stop()
            worker.wait()
            self._on_worker_finished(worker)

    def _on_worker_finished(self, worker: SolveWorker) -> None:
        """The worker's thread has ended (its result may have come just before): let it go."""
        if worker in self._threads:
            self._threads.discard(worker)
            worker.deleteLater()

    def _set_running(self, running: bool) -> None:
        self._enable_actions()
        self.stop_button.setEnabled(running)
        self.plan_box.setEnabled(not running)
        self.time_limit.setEnabled(not running)

    @Slot()
    def _show_elapsed(self) -> None:
        self.elapsed_label.setText(_("{seconds:.1f} s").format(seconds=self._clock.elapsed() / 1000))

    @Slot(object)
    def _on_worker_progress(self, progress: SolveProgress) -> None:
        if self._worker is None:
            return
        self._best = progress
        self.chart.add(progress)
        self.objective_label.setText(f"{progress.objective:g}")
        self.bound_label.setText(f"{progress.bound:g}")

    @Slot(object)
    def _on_worker_solved(self, outcome: SolveOutcome) -> None:
        if self._worker is None:
            return
        self._worker = None
        self._ticker.stop()
        self._set_running(False)
        self.elapsed_label.setText(_("{seconds:.1f} s").format(seconds=outcome.wall_time))
        schedule, plan_id = outcome.schedule, self._solving_plan
        if outcome.bound is not None:
            self.bound_label.setText(f"{outcome.bound:g}")
        if not schedule.assignments or plan_id is None:
            self._replanning = None
            self.objective_label.setText("–")
            self.status_label.setText(_("No roster: {status}.").format(status=_(STATUS_LABELS[schedule.status])))
            named = {"· " + c.text for c in outcome.culprits} | {c.text for c in outcome.culprits}
            self.explanation_label.setText("\n".join(line for line in schedule.explanation if line not in named) or (
                _("These requirements cannot be met; change or soften them:") if outcome.culprits else
                _("The solver found no roster in the time allowed; try a longer time limit.")))
            self.explanation_label.show()
            self.culprits.set_culprits(outcome.culprits)
            return
        if schedule.objective is not None:
            self.objective_label.setText(f"{schedule.objective:g}")
            # The settled cost ends the line (the search's last report may overstate it).
            self.chart.add(SolveProgress(outcome.wall_time, schedule.objective,
                                         outcome.bound if outcome.bound is not None else 0.0))
        replanning, self._replanning = self._replanning, None
        if replanning is not None:
            self._show_changes(plan_id, outcome, replanning)
            return
        was = next((p for p in self._plans if p.id == plan_id), None)
        error = self.controller.save_schedule(plan_id, schedule, _("Roster saved"))
        if error is not None:
            self.status_label.setText(error)
            self.messages.show_message(error, Level.ERROR)
            return
        if self.plan_id() != plan_id:
            self.select_plan(plan_id)
        if was is not None and was.published:
            self.messages.show_message(_("Version {version} stays published as it was; the new roster is version "
                                         "{new}, a draft.").format(version=was.version, new=(was.version or 0) + 1),
                                       Level.INFO)
        cost = "–" if schedule.objective is None else f"{schedule.objective:g}"
        template = (_("Stopped after {seconds:.1f} s; the best roster so far (cost {cost}) is saved.")
                    if outcome.stopped else _("Finished after {seconds:.1f} s ({status}); the roster (cost {cost}) is "
                                              "saved."))
        self.status_label.setText(template.format(seconds=outcome.wall_time, cost=cost,
                                                  status=_(STATUS_LABELS[schedule.status])))

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if self._worker is None:
            return
        self._worker = None
        self._replanning = None
        self._ticker.stop()
        self._set_running(False)
        text = _("The solver stopped with an error: {error}").format(error=message)
        self.status_label.setText(text)
        self.messages.show_message(text, Level.ERROR)

    def open_new_plan(self) -> NewPlanDialog | None:
        """Ask for the name, period and stations of the plan after the one shown; OK stores it and shows it,
        ready to solve."""
        source = self.workspace.carry_source(self.plan_id())
        if source is None:
            return None
        earlier = next((p for p in self.workspace.plans() if p.id == source.plan_id), None)
        dialog = NewPlanDialog(self.workspace, source, self, apply=self.controller.apply,
                               stations=earlier.stations if earlier else ())
        dialog.accepted.connect(lambda: self.select_plan(self.workspace.plans()[-1].id))
        dialog.open()
        return dialog

    def open_plan_stations(self) -> PlanStationsDialog | None:
        """Choose the stations the plan shown rosters."""
        plan = self.current_plan()
        if plan is None:
            return None
        dialog = PlanStationsDialog(self.workspace, plan, self, apply=self.controller.apply)
        dialog.open()
        return dialog

    # --- re-planning after an absence ----------------------------------------------------------

    def open_replan(self, person: str | None = None, today: dt.date | None = None) -> ReplanDialog | None:
        """Ask who is absent from when; OK records the leave and starts the re-plan."""
        view = self._view
        if view is None or not view.has_roster or self._worker is not None:
            return None
        dialog = ReplanDialog(self.workspace, view.people, view.scenario.period, self, apply=self.controller.apply,
                              today=today, person=person)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.replan(dialog.absence(), recorded=True))
        self._replan_dialog = dialog
        dialog.open()
        return dialog

    def replan(self, absence: Absence, *, recorded: bool = False) -> bool:
        """Record the leave (unless ``recorded``), then re-plan the plan's roster from its first day on in the
        background; the changes are shown to accept or discard. Returns whether the re-plan started."""
        self._replan_dialog = None
        if not recorded and not self.apply(self.workspace.add_absence(absence)):
            return False
        self._load()  # the roster with the leave just recorded
        view = self._view
        if view is None or view.schedule is None or self._worker is not None:
            return False
        base, scenario, calendar = view.schedule, view.scenario, view.calendar
        start = max(absence.start, scenario.period.start)
        limit, backend = float(self.time_limit.value()), self.controller.backend

        def make_job(report: Callable[[SolveProgress], None]) -> SolveJob:
            return backend.replan_job(scenario, calendar, base, start, limit, report)

        name = next((p.name for p in scenario.staff if p.id == absence.staff), absence.staff)
        self._start(view, make_job, _("Re-planning from {date} without {name} (at most {seconds} s)…").format(
            date=start.isoformat(), name=name, seconds=self.time_limit.value()), absence)
        return True

    def _show_changes(self, plan_id: int, outcome: SolveOutcome, absence: Absence) -> None:
        view = self._view
        scenario = view.scenario if view is not None else self.workspace.scenario
        name = next((p.name for p in scenario.staff if p.id == absence.staff), absence.staff)
        self.status_label.setText(_("Re-planned in {seconds:.1f} s: {n} changes to look at.").format(
            seconds=outcome.wall_time, n=len(outcome.changes)))
        dialog = ChangesDialog(outcome.changes, scenario, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._on_changes_finished(dialog, plan_id, outcome, result))
        self.changes_dialog = dialog
        dialog.open()

    def _on_changes_finished(self, dialog: ChangesDialog, plan_id: int, outcome: SolveOutcome, result: int) -> None:
        if self.changes_dialog is dialog:
            self.changes_dialog = None
        if result != QDialog.DialogCode.Accepted:
            self.status_label.setText(_("The re-planned roster was discarded; the leave stays recorded."))
            self.messages.show_message(_("Nothing of the roster was saved; the leave stays recorded."), Level.INFO)
            return
        error = self.controller.save_schedule(plan_id, outcome.schedule, _("Re-planned roster saved"))
        if error is not None:
            self.status_label.setText(error)
            self.messages.show_message(error, Level.ERROR)
            return
        view = self._view
        version = view.plan.version if view is not None and view.plan.id == plan_id else None
        self.status_label.setText(_("The re-planned roster is saved as version {version}, a draft.").format(
            version=version))

    # --- publishing ----------------------------------------------------------------------------

    def publish(self) -> bool:
        """Mark the roster shown as published (undoable); from then on edits make a new draft version."""
        view = self._view
        if view is None or not view.has_roster or view.plan.published:
            return False
        if not self.apply(self.workspace.publish(view)):
            return False
        self._told_draft.discard(view.plan.id)
        if self._worker is None:
            self._show_idle()
        self.messages.show_message(_("Version {version} is published. It stays as it is: later edits and solves "
                                     "make a new draft version.").format(version=view.plan.version), Level.INFO)
        return True

    # --- editing by hand ----------------------------------------------------------------------

    def editing(self) -> RosterEditing | None:
        return None if self._view is None else RosterEditing(self._view)

    def _change(self, change: RosterChange) -> bool:
        """Make a hand edit (one undoable edit, stored and judged at once); returns whether it was made."""
        view = self._view
        if view is None:
            return False
        if not self.apply(self.workspace.change_roster(view, change)):
            return False
        if self._worker is None:
            self._show_idle()
        if view.plan.published and view.plan.id not in self._told_draft:
            self._told_draft.add(view.plan.id)
            self.messages.show_message(_("Version {version} is published and stays as it is; this change and the "
                                         "next ones go into the new draft version {new}.").format(
                version=view.plan.version, new=(view.plan.version or 0) + 1), Level.INFO)
        return True

    def assign(self, person: str, day: dt.date, shift: str, station: str, role: str | None) -> bool:
        editing = self.editing()
        return editing is not None and self._change(editing.assign(person, day, shift, station, role))

    def remove(self, person: str, day: dt.date) -> bool:
        editing = self.editing()
        return editing is not None and self._change(editing.remove(person, day))

    def remove_current(self) -> bool:
        """Remove the shift in the person grid's current cell (the Delete key); False: nothing there."""
        index = self.grid.currentIndex()
        if not index.isValid() or self._view is None:
            return False
        person, day = self.model.person(index.row()).id, self.model.date(index.column())
        return bool(self._view.assignments(person, day)) and self.remove(person, day)

    def swap(self, first: str, second: str, day: dt.date) -> bool:
        editing = self.editing()
        return editing is not None and self._change(editing.swap(first, second, day))

    def set_pinned(self, person: str, day: dt.date, pinned: bool) -> bool:
        editing = self.editing()
        if editing is None:
            return False
        return self._change(editing.pin(person, day) if pinned else editing.unpin(person, day))

    @Slot(str, str, object)
    def _on_model_swap_requested(self, first: str, second: str, day: dt.date) -> None:
        self.swap(first, second, day)

    def open_candidates(self, person: str | None, day: dt.date, station: str | None = None,
                        shift: str | None = None) -> CandidatesDialog | None:
        """Open "Who can take this?" for a person's cell, or (``person`` None) for a station's shift; a
        candidate chosen there takes the slot."""
        editing = self.editing()
        if editing is None:
            return None
        dialog = CandidatesDialog(editing, person, day, station or self.station_box.currentData(), self, shift)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._on_candidates_finished(dialog, result))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _on_candidates_finished(self, dialog: CandidatesDialog, result: int) -> None:
        if self._dialog is dialog:
            self._dialog = None
        row, slot = dialog.chosen(), dialog.slot
        if result == QDialog.DialogCode.Accepted and row is not None and slot is not None and self._view is not None:
            if self._view is not dialog.editing.view:  # the roster changed while the dialog was open
                self.messages.show_message(_("The roster changed meanwhile; ask again."), Level.ERROR)
                return
            self._change(dialog.editing.give(slot, row))

    def cell_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a grid cell (None: no cell, or no plan)."""
        editing = self.editing()
        if editing is None or not index.isValid():
            return None
        view = editing.view
        person, day = self.model.person(index.row()).id, self.model.date(index.column())
        filled = view.assignments(person, day)
        menu = QMenu(self.grid)
        assign = menu.addMenu(_("&Assign"))
        options = editing.options(person)
        station = self.station_box.currentData()
        if station is not None and any(o.station == station for o in options):
            options = tuple(o for o in options if o.station == station)
        for shift in view.scenario.shift_types:
            label = shift.name or shift.id
            if len(options) == 1:
                self._add_action(assign, label, partial(self.assign, person, day, shift.id, options[0].station,
                                                        options[0].role))
            else:
                sub = assign.addMenu(label)
                for option in options:
                    self._add_action(sub, option.text, partial(self.assign, person, day, shift.id, option.station,
                                                               option.role))
        assign.setEnabled(bool(options))
        remove = self._add_action(menu, _("&Remove"), lambda: self.remove(person, day))
        remove.setEnabled(bool(filled))
        remove.setShortcut(self.remove_action.shortcut())  # shown in the menu; the grid's action answers the key
        if editing.is_pinned(person, day):
            self._add_action(menu, _("Un&pin"), lambda: self.set_pinned(person, day, False))
        else:
            self._add_action(menu, _("&Pin"), lambda: self.set_pinned(person, day, True)).setEnabled(bool(filled))
        swap = menu.addMenu(_("S&wap with"))
        for row in range(self.model.rowCount()):
            other = self.model.person(row)
            theirs = view.assignments(other.id, day)
            if other.id == person or not (filled or theirs):
                continue
            what = shift_label(view, theirs) or _("free")
            self._add_action(swap, f"{other.name} · {what}", partial(self.swap, person, other.id, day))
        swap.setEnabled(not swap.isEmpty())
        menu.addSeparator()
        self._add_action(menu, _("&Who can take this?…"), lambda: self.open_candidates(person, day))
        return menu

    def slot_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a station view cell: add someone to the shift, or remove or replace one on duty."""
        editing = self.editing()
        if editing is None or not index.isValid():
            return None
        station, shift = index.data(STATION_ROLE)
        day = index.data(DATE_ROLE)
        view = editing.view
        menu = QMenu(self.station_grid)
        self._add_action(menu, _("&Add someone…"), lambda: self.open_candidates(None, day, station, shift))
        on_duty = [a for a in view.schedule.assignments if (a.date, a.shift, a.station) == (day, shift, station)
                   ] if view.schedule is not None else []
        if on_duty:
            menu.addSeparator()
        for a in on_duty:
            name = editing.name(a.staff)
            self._add_action(menu, _("Replace {name}…").format(name=name),
                             partial(self.open_candidates, a.staff, day))
            self._add_action(menu, _("Remove {name}").format(name=name), partial(self.remove, a.staff, day))
        return menu

    @Slot(QPoint)
    def _on_station_grid_custom_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.slot_menu(self.station_grid.indexAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.station_grid.viewport().mapToGlobal(pos))

    @staticmethod
    def _add_action(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @Slot(QPoint)
    def _on_grid_custom_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.cell_menu(self.grid.indexAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.grid.viewport().mapToGlobal(pos))

    # --- layout ------------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("roster.splitter", self.splitter.saveState())
        state.set_layout("roster.side", self.side_splitter.saveState())

    def restore_layout(self, state: WindowState) -> None:
        for name, splitter in (("roster.splitter", self.splitter), ("roster.side", self.side_splitter)):
            saved = state.layout(name)
            if not saved.isEmpty():
                splitter.restoreState(saved)
