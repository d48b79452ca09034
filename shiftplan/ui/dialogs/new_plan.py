"""New plan: the plan for the next period, with the fairness history carried over from the latest plan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from shiftplan.domain.model import Period
from shiftplan.i18n import _
from shiftplan.services.plans import CarrySource, default_period
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.dialogs.leave import _date, _Dialog, date_edit


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
    """Name and period of the new plan; OK stores it (one undoable edit) as a copy of the latest plan."""

    def __init__(self, workspace: Workspace, source: CarrySource, parent: QWidget | None = None, *,
                 apply: Callable[[Edit], str | None]) -> None:
        super().__init__(_("New plan"), parent, apply)
        self._workspace, self._source = workspace, source
        period = default_period(source.period)
        self.name_edit = QLineEdit(_("Plan {start} – {end}").format(start=period.start.isoformat(),
                                                                    end=period.end.isoformat()), self)
        self.start_edit = date_edit(self, period.start)
        self.end_edit = date_edit(self, period.end)
        self.source_label = QLabel(source_text(source), self)
        self.source_label.setWordWrap(True)
        note = QLabel(_("The new plan keeps the stations, staff, shift types, roles, rule sets, cover, leave and "
                        "requests, the holiday calendar of “{plan}” and its fixed assignments that fall in the new "
                        "period. It starts without a roster: choose it on the roster page and press Solve.").format(
                            plan=source.plan_name), self)
        note.setWordWrap(True)
        self.form.add(_("&Name:"), self.name_edit, "name")
        self.form.add(_("&From:"), self.start_edit, "start")
        self.form.add(_("&To:"), self.end_edit, "end")
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
        ws, source = self._workspace, self._source
        self.store(problems, lambda: ws.new_plan(name, Period(start, end), source))
