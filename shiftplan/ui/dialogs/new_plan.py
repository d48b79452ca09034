"""Plans: a new plan for the next period (fairness history carried over), and the stations a plan rosters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from shiftplan.domain.model import Period, Station
from shiftplan.i18n import _
from shiftplan.services.plans import CarrySource, default_period
from shiftplan.services.roster import PlanSummary
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.dialogs.leave import _date, _Dialog, date_edit


class StationChecklist(QListWidget):
    """The stations of the database, each with a check box; all checked means every station."""

    def __init__(self, stations: Sequence[Station], chosen: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for station in stations:
            item = QListWidgetItem(f"{station.name or station.id} ({station.id})", self)
            item.setData(Qt.ItemDataRole.UserRole, station.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if not chosen or station.id in chosen
                               else Qt.CheckState.Unchecked)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(max(self.count(), 1), 8) + 2 * self.frameWidth())

    def checked(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, stations: Sequence[str]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in stations
                               else Qt.CheckState.Unchecked)

    def choice(self) -> tuple[str, ...]:
        """What to store: the checked stations, or () for every station when all are checked."""
        checked = self.checked()
        return () if len(checked) == self.count() else tuple(checked)


def station_problem(checklist: StationChecklist) -> str | None:
    return _("Choose at least one station.") if not checklist.checked() else None


def source_text(source: CarrySource) -> str:
    """Where the new plan's fairness history comes from, in the user's words."""
    if source.schedule_id is None:
        return _("“{plan}” has no roster yet: only its own fairness history is carried over.").format(
            plan=source.plan_name)
    if source.published:
        return _("Fairness counts and the last days carry over from the published roster of “{plan}” (version "
                 "{version}), added to its own history.").format(plan=source.plan_name, version=source.version)
    return _("“{plan}” has no published roster: fairness counts and the last days carry over from its newest "
             "roster, version {version}, a draft.").format(plan=source.plan_name, version=source.version)


class NewPlanDialog(_Dialog):
    """Name, period and stations of the new plan; OK stores it (one undoable edit) as a copy of the plan it follows."""

    def __init__(self, workspace: Workspace, source: CarrySource, parent: QWidget | None = None, *,
                 apply: Callable[[Edit], str | None], stations: Sequence[str] = ()) -> None:
        super().__init__(_("New plan"), parent, apply)
        self._workspace, self._source = workspace, source
        period = default_period(source.period)
        self.name_edit = QLineEdit(_("Plan {start} – {end}").format(start=period.start.isoformat(),
                                                                    end=period.end.isoformat()), self)
        self.start_edit = date_edit(self, period.start)
        self.end_edit = date_edit(self, period.end)
        self.stations = StationChecklist(workspace.scenario.stations, stations, self)
        self.stations.setToolTip(_("The stations this plan rosters: their cover, and the people who may work "
                                   "there. All checked: every station, also those added later."))
        self.source_label = QLabel(source_text(source), self)
        self.source_label.setWordWrap(True)
        note = QLabel(_("The new plan keeps the staff, shift types, roles, rule sets, cover, leave and requests, "
                        "the holiday calendar of “{plan}” and its fixed assignments that fall in the new period. It "
                        "starts without a roster: choose it on the roster page and press Solve.").format(
                            plan=source.plan_name), self)
        note.setWordWrap(True)
        self.form.add(_("&Name:"), self.name_edit, "name")
        self.form.add(_("&From:"), self.start_edit, "start")
        self.form.add(_("&To:"), self.end_edit, "end")
        self.form.add(_("&Stations:"), self.stations, "stations")
        self.layout_.addRow(self.source_label)
        self.layout_.addRow(note)
        self.finish_layout()

    def accept(self) -> None:
        """Override QDialog::accept: store the plan, or say in place why not."""
        name = self.name_edit.text().strip()
        start, end = _date(self.start_edit), _date(self.end_edit)
        problems = {}
        if not name:
            problems["name"] = _("Give the plan a name.")
        if end < start:
            problems["end"] = _("The plan ends before it starts.")
        elif start <= self._source.period.end:
            problems["start"] = _("The new plan must start after “{plan}” ends ({end}).").format(
                plan=self._source.plan_name, end=self._source.period.end.isoformat())
        if (problem := station_problem(self.stations)) is not None:
            problems["stations"] = problem
        ws, source, stations = self._workspace, self._source, self.stations.choice()
        self.store(problems, lambda: ws.new_plan(name, Period(start, end), source, stations))


class PlanStationsDialog(_Dialog):
    """The stations a plan rosters; OK stores the choice (one undoable edit)."""

    def __init__(self, workspace: Workspace, plan: PlanSummary, parent: QWidget | None = None, *,
                 apply: Callable[[Edit], str | None]) -> None:
        super().__init__(_("Stations of {plan}").format(plan=plan.name), parent, apply)
        self._workspace, self._plan = workspace, plan
        self.stations = StationChecklist(workspace.scenario.stations, plan.stations, self)
        note = QLabel(_("The plan rosters the cover of the checked stations with the people who may work there. "
                        "A roster already saved keeps its assignments: solve again after a change."), self)
        note.setWordWrap(True)
        self.form.add(_("&Stations:"), self.stations, "stations")
        self.layout_.addRow(note)
        self.finish_layout()

    def accept(self) -> None:
        """Override QDialog::accept: store the choice, or say in place why not."""
        problem = station_problem(self.stations)
        ws, plan, stations = self._workspace, self._plan, self.stations.choice()
        self.store({} if problem is None else {"stations": problem}, lambda: ws.set_plan_stations(plan, stations))
