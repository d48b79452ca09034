"""Re-planning with minimal change: new facts from a date on, the earlier roster kept.

The published roster's days before ``start`` are frozen: its assignments there become fixed
assignments, and people it leaves off on those days stay off. From ``start`` on, each published
assignment becomes a wish to keep it, worth ``change_weight``, so the solver moves as few people as
the other goals allow. The result is judged by the validator on the scenario as it is (without
those helper wishes), so its objective is comparable with the published roster's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.changes import Change, roster_changes
from shiftplan.domain.culprits import Culprit, CulpritKind
from shiftplan.domain.model import Absence, Assignment, FixedAssignment, Request, Scenario, Schedule
from shiftplan.domain.validation import check
from shiftplan.i18n import _
from shiftplan.solver.run import Progress, SolveOptions, SolveResult, SolveRun

DEFAULT_CHANGE_WEIGHT = 20.0


@dataclass(frozen=True)
class Replan:
    result: SolveResult
    changes: tuple[Change, ...]  # from the published roster to the new one

    @property
    def schedule(self) -> Schedule:
        return self.result.schedule


def frozen_scenario(scenario: Scenario, base: tuple[Assignment, ...], start: dt.date,
                    change_weight: float = DEFAULT_CHANGE_WEIGHT) -> Scenario:
    """The scenario the solver sees: the days before ``start`` fixed, later assignments wished for."""
    earlier = [a for a in base if a.date < start and a.date in scenario.period]
    working = {(a.staff, a.date) for a in earlier}
    frozen_days = [d for d in scenario.period.dates() if d < start]
    fixed = tuple(FixedAssignment(a.staff, a.date, a.shift, a.station, a.role) for a in earlier)
    # Absences here only keep people off on frozen days; they are not the person's leave.
    off = tuple(Absence(p.id, d, d, "") for p in scenario.staff for d in frozen_days
                if (p.id, d) not in working and p.on_roster(d))
    keep = tuple(Request(a.staff, a.date, True, a.shift, change_weight)
                 for a in base if a.date >= start and a.date in scenario.period)
    return dataclasses.replace(scenario, fixed=scenario.fixed + fixed, absences=scenario.absences + off,
                               requests=scenario.requests + keep)


class ReplanRun:
    """One re-plan that another thread may :meth:`stop` (the best roster so far is kept), like ``SolveRun``."""

    def __init__(self, scenario: Scenario, calendar: DayCalendar, base: Schedule, start: dt.date,
                 options: SolveOptions | None = None, change_weight: float = DEFAULT_CHANGE_WEIGHT,
                 on_progress: Callable[[Progress], None] | None = None) -> None:
        self._scenario, self._calendar, self._base, self._start = scenario, calendar, base, start
        self._run = SolveRun(frozen_scenario(scenario, base.assignments, start, change_weight), calendar, options,
                             on_progress)

    def stop(self) -> None:
        self._run.stop()

    def run(self) -> Replan:
        scenario, calendar, base = self._scenario, self._calendar, self._base
        result = self._run.run()
        schedule = result.schedule
        if schedule.objective is not None:
            report = check(scenario, schedule.assignments, calendar)
            schedule = dataclasses.replace(schedule, scenario=scenario.name, objective=report.objective,
                                           violations=tuple(report.soft))
            result = dataclasses.replace(result, schedule=schedule, objective=report.objective)
        elif result.culprits:
            result = dataclasses.replace(result, culprits=tuple(self._own(c) for c in result.culprits))
        changes = tuple(roster_changes(base.assignments, schedule.assignments)) if schedule.assignments else ()
        return Replan(result, changes)


    def _own(self, culprit: Culprit) -> Culprit:
        """A culprit of the frozen scenario as the user's data: the re-plan's own pins and days off (the
        roster kept before the start) are not the plan's fixed assignments or leave, and say so."""
        kept = _(" (kept from the roster before {date})").format(date=self._start.isoformat())
        if culprit.kind is CulpritKind.FIXED and culprit.fixed is not None and culprit.fixed >= len(
                self._scenario.fixed):
            return dataclasses.replace(culprit, text=culprit.text + kept, fixed=None)
        if culprit.kind is CulpritKind.ABSENCE and culprit.dates and max(culprit.dates) < self._start and not any(
                a.staff == culprit.staff and a.covers(d) for a in self._scenario.absences for d in culprit.dates):
            # a day off of the roster kept, not a leave: the link opens the person
            return dataclasses.replace(culprit, kind=CulpritKind.FIXED, text=culprit.text + kept)
        return culprit


def replan(scenario: Scenario, calendar: DayCalendar, base: Schedule, start: dt.date,
           options: SolveOptions | None = None, change_weight: float = DEFAULT_CHANGE_WEIGHT,
           on_progress: Callable[[Progress], None] | None = None) -> Replan:
    """Re-solve ``scenario`` (with its new facts) from ``start`` on, changing ``base`` as little as worth it."""
    return ReplanRun(scenario, calendar, base, start, options, change_weight, on_progress).run()
