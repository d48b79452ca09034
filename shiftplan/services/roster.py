"""The roster workbench without Qt: the plans, a plan's roster as a person × day grid, its violations.

A :class:`RosterView` is what the roster page shows of one plan: the people of its stations,
its dates with their restdays and holidays (the plan's calendar as the rest of the app resolves
it), the shifts of its latest roster, the leave, and the validator's judgement of that roster.
Everything here is read-only; the page builds a new view after every change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.fairness import CATEGORY_LABELS, Category
from shiftplan.domain.model import Absence, Assignment, Period, Scenario, Schedule, ShiftType, StaffMember, Violation
from shiftplan.domain.rules import RuleKind
from shiftplan.domain.validation import Report, check
from shiftplan.i18n import N_, _

RULE_LABELS: dict[str, str] = {
    RuleKind.MAX_SHIFTS_PER_DAY.value: N_("Shifts on one date"),
    RuleKind.MIN_REST_HOURS.value: N_("Rest between shifts"),
    RuleKind.FORBIDDEN_SUCCESSION.value: N_("Forbidden succession"),
    RuleKind.MAX_CONSECUTIVE_DAYS.value: N_("Too many working days in a row"),
    RuleKind.MIN_CONSECUTIVE_DAYS.value: N_("Too few working days in a row"),
    RuleKind.MIN_CONSECUTIVE_DAYS_OFF.value: N_("Too few days off in a row"),
    RuleKind.MAX_CONSECUTIVE_SHIFTS.value: N_("Too many shifts of a kind in a row"),
    RuleKind.MAX_SHIFTS.value: N_("Too many shifts"),
    RuleKind.MIN_SHIFTS.value: N_("Too few shifts"),
    RuleKind.MAX_HOURS.value: N_("Too many hours"),
    RuleKind.MIN_HOURS.value: N_("Too few hours"),
    RuleKind.MAX_HOURS_PER_WEEK.value: N_("Too many hours in a week"),
    RuleKind.MIN_DAYS_OFF_PER_WEEK.value: N_("Too few days off in a week"),
    RuleKind.MAX_WEEKENDS.value: N_("Too many weekends"),
    "invalid_assignment": N_("Invalid assignment"),
    "not_on_roster": N_("Not on the roster"),
    "station_not_allowed": N_("Station not allowed"),
    "role_missing": N_("No role"),
    "role_not_held": N_("Role not held"),
    "absence": N_("On leave"),
    "fixed": N_("Fixed assignment missing"),
    "overlap": N_("Overlapping shifts"),
    "request": N_("Request not met"),
    "cover_min": N_("Too few on duty"),
    "cover_max": N_("Too many on duty"),
    "cover_roles": N_("Role not covered"),
    "cover_party": N_("Too few Party members"),
    "cover_target": N_("Not the preferred number"),
}


def rule_label(rule: str) -> str:
    """A violation's rule in the user's language (the code itself when it is not known)."""
    for category in Category:
        if rule == category.rule:
            # Translators: a fairness cost, e.g. "Fairness: night shifts"
            return _("Fairness: {what}").format(what=_(CATEGORY_LABELS[category]))
    return _(RULE_LABELS[rule]) if rule in RULE_LABELS else rule


def dates_text(dates: Sequence[dt.date]) -> str:
    """Dates as the panel shows them: one date, or the first and the last."""
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


@dataclass(frozen=True)
class PlanSummary:
    """A plan as the roster page lists it."""

    id: int
    name: str
    period: Period
    has_roster: bool


@dataclass(frozen=True)
class Finding:
    """One line of the violations panel: a broken hard rule or a soft cost, in the user's words."""

    violation: Violation
    rule: str
    person: str  # the name; "" when it concerns no one person (cover, fairness)
    dates: str
    detail: str

    @property
    def hard(self) -> bool:
        return self.violation.hard

    @property
    def cost(self) -> float:
        return self.violation.cost


class RosterView:
    """One plan's latest roster (or none yet) as the person × day grid and the violations panel show it."""

    def __init__(self, plan: PlanSummary, scenario: Scenario, calendar: DayCalendar,
                 schedule: Schedule | None) -> None:
        self.plan = plan
        self.scenario = scenario
        self.calendar = calendar
        self.schedule = schedule
        self.dates: tuple[dt.date, ...] = tuple(scenario.period.dates())
        self.shifts: dict[str, ShiftType] = {s.id: s for s in scenario.shift_types}
        self.station_names = {s.id: s.name for s in scenario.stations}
        self._names = {p.id: p.name for p in scenario.staff}
        period = scenario.period
        self.people: tuple[StaffMember, ...] = tuple(
            p for p in scenario.staff
            if any(p.may_work_at(s.id) for s in scenario.stations)
            and (p.active_from is None or p.active_from <= period.end)
            and (p.active_to is None or period.start <= p.active_to))
        self._cells: dict[tuple[str, dt.date], list[Assignment]] = defaultdict(list)
        self._absences: dict[tuple[str, dt.date], Absence] = {}
        self._hard: dict[tuple[str, dt.date], list[Violation]] = defaultdict(list)
        for absence in scenario.absences:
            for day in self.dates:
                if absence.covers(day):
                    self._absences.setdefault((absence.staff, day), absence)
        self.report: Report | None = None
        if schedule is not None and schedule.assignments:
            for a in schedule.assignments:
                self._cells[a.staff, a.date].append(a)
            self.report = check(scenario, schedule.assignments, calendar)
            for v in self.report.hard:
                if v.staff is not None:
                    for day in v.dates:
                        self._hard[v.staff, day].append(v)

    @property
    def has_roster(self) -> bool:
        return self.report is not None

    def people_at(self, station: str | None) -> tuple[StaffMember, ...]:
        """The people who may work at the station (None: at any of the plan's stations)."""
        return self.people if station is None else tuple(p for p in self.people if p.may_work_at(station))

    def assignments(self, person: str, day: dt.date) -> tuple[Assignment, ...]:
        return tuple(self._cells.get((person, day), ()))

    def absence(self, person: str, day: dt.date) -> Absence | None:
        return self._absences.get((person, day))

    def hard_violations(self, person: str, day: dt.date) -> tuple[Violation, ...]:
        return tuple(self._hard.get((person, day), ()))

    def finding(self, v: Violation) -> Finding:
        return Finding(v, rule_label(v.rule), self._names.get(v.staff, v.staff) if v.staff else "",
                       dates_text(v.dates), v.detail or "")

    def findings(self) -> tuple[Finding, ...]:
        """The validator's hard violations first, then the soft costs, dearest first."""
        if self.report is None:
            return ()
        soft = sorted(self.report.soft, key=lambda v: -v.cost)
        return tuple(self.finding(v) for v in [*self.report.hard, *soft])
