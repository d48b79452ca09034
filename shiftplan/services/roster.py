"""The roster workbench without Qt: the plans, a plan's roster as a person × day grid, its violations.

A :class:`RosterView` is what the roster page shows of one plan: the people of its stations,
its dates with their restdays and holidays (the plan's calendar as the rest of the app resolves
it), the shifts of its latest roster, the leave, and the validator's judgement of that roster.
Everything here is read-only; the page builds a new view after every change. A hand edit is
worked out here as a :class:`RosterChange` (the whole roster and the plan's fixed assignments
after it), which the workspace turns into an undoable edit.

Pins: a person's day is *pinned* when the plan has fixed assignments for that person on that
date; the solver then keeps them. The pin belongs to the cell (person and date): an edit that
changes a pinned cell pins its new shifts instead, and a pinned cell left empty is unpinned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.candidates import candidates
from shiftplan.domain.fairness import CATEGORY_LABELS, Category
from shiftplan.domain.model import (
    Absence,
    Assignment,
    FixedAssignment,
    Period,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Violation,
)
from shiftplan.domain.rules import RuleKind
from shiftplan.domain.validation import Report, RosterChecker, check
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
    schedule_id: int | None = None  # the latest roster's
    version: int | None = None  # the latest roster's (1, 2, …)
    published: bool = False  # the latest roster is published: an edit makes a new draft version
    stations: tuple[str, ...] = ()  # the stations it rosters; empty: every station


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
                 schedule: Schedule | None, elsewhere: Mapping[tuple[str, dt.date], str] | None = None) -> None:
        self.plan = plan
        self.scenario = scenario
        # (person, date) -> the other plan they are on duty in then (their absences in ``scenario``)
        self.elsewhere: Mapping[tuple[str, dt.date], str] = elsewhere or {}
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


Cell = tuple[str, dt.date]  # a person's id and a date


@dataclass(frozen=True)
class RosterChange:
    """A hand edit worked out: the plan's whole roster and fixed assignments after it, and its name."""

    text: str  # for the Edit menu: "Undo <text>"
    assignments: tuple[Assignment, ...]
    fixed: tuple[FixedAssignment, ...]


@dataclass(frozen=True)
class Option:
    """A way a person can work a shift: at a station, serving a role (None: without one)."""

    station: str
    role: str | None
    text: str  # "station · role" in the user's words


@dataclass(frozen=True)
class CandidateRow:
    """One person in the answer to "who can take this?": a candidate with the cost change, or why not."""

    staff: str
    name: str
    role: str | None
    role_name: str
    delta: float | None  # the change of the total soft cost; None: the person is ruled out
    reason: str  # a candidate: the soft costs that change; anyone else: the first rule that rules them out

    @property
    def eligible(self) -> bool:
        return self.delta is not None


@dataclass(frozen=True)
class SlotCandidates:
    """Everyone for one slot (date, shift, station, role): the candidates best first, then the others."""

    date: dt.date
    shift: str
    station: str
    role: str | None
    vacated: Assignment | None  # a filled slot: the assignment a candidate would take over
    rows: tuple[CandidateRow, ...]
    on_duty: tuple[str, ...]  # names of those already on the slot


def _pinned_cells(fixed: Sequence[FixedAssignment]) -> set[Cell]:
    return {(f.staff, f.date) for f in fixed}


class RosterEditing:
    """The hand edits of one :class:`RosterView`, each worked out as a :class:`RosterChange`."""

    def __init__(self, view: RosterView) -> None:
        self.view = view
        self._roles = {r.id: r.name or r.id for r in view.scenario.roles}
        self._names = {p.id: p.name for p in view.scenario.staff}

    # --- what the page asks --------------------------------------------------------------

    def name(self, person: str) -> str:
        return self._names.get(person, person)

    def role_name(self, role: str | None) -> str:
        return "" if role is None else self._roles.get(role, role)

    def shift_name(self, shift: str) -> str:
        found = self.view.shifts.get(shift)
        return found.name or shift if found is not None else shift

    def is_pinned(self, person: str, day: dt.date) -> bool:
        return (person, day) in _pinned_cells(self.view.scenario.fixed)

    def options(self, person: str) -> tuple[Option, ...]:
        """Where and as what the person can work: the plan's stations they may work at, times their roles."""
        found = next((p for p in self.view.scenario.staff if p.id == person), None)
        if found is None:
            return ()
        roles: list[str | None] = list(found.roles) or [None]
        return tuple(Option(s.id, role, " · ".join(filter(None, (s.name or s.id, self.role_name(role)))))
                     for s in self.view.scenario.stations if found.may_work_at(s.id) for role in roles)

    # --- the edits -----------------------------------------------------------------------

    def _change(self, text: str, cells: dict[Cell, list[Assignment]]) -> RosterChange:
        """The roster with these cells' shifts replaced; pinned cells are pinned to what they hold now."""
        current = self.view.schedule.assignments if self.view.schedule is not None else ()
        kept = [a for a in current if (a.staff, a.date) not in cells]
        added = [a for cell in cells.values() for a in cell]
        pinned = _pinned_cells(self.view.scenario.fixed) & set(cells)
        fixed = [f for f in self.view.scenario.fixed if (f.staff, f.date) not in pinned]
        fixed += [FixedAssignment(a.staff, a.date, a.shift, a.station, a.role) for a in added
                  if (a.staff, a.date) in pinned]
        return RosterChange(text, (*kept, *added), tuple(fixed))

    def assign(self, person: str, day: dt.date, shift: str, station: str, role: str | None) -> RosterChange:
        """The person works this shift on this date (instead of whatever they had)."""
        text = _("Assign {name} to {shift} on {date}").format(name=self.name(person), shift=self.shift_name(shift),
                                                              date=day.isoformat())
        return self._change(text, {(person, day): [Assignment(day, shift, station, person, role)]})

    def remove(self, person: str, day: dt.date) -> RosterChange:
        text = _("Remove {name}'s shift on {date}").format(name=self.name(person), date=day.isoformat())
        return self._change(text, {(person, day): []})

    def swap(self, first: str, second: str, day: dt.date) -> RosterChange:
        """The two people exchange what they work on this date (station and role go with the shift)."""
        view = self.view
        text = _("Swap {first} and {second} on {date}").format(first=self.name(first), second=self.name(second),
                                                               date=day.isoformat())
        return self._change(text, {
            (first, day): [_with_staff(a, first) for a in view.assignments(second, day)],
            (second, day): [_with_staff(a, second) for a in view.assignments(first, day)]})

    def pin(self, person: str, day: dt.date) -> RosterChange:
        """Keep the person's shifts on this date as fixed assignments when the plan is solved again."""
        view = self.view
        fixed = [f for f in view.scenario.fixed if (f.staff, f.date) != (person, day)]
        fixed += [FixedAssignment(a.staff, a.date, a.shift, a.station, a.role) for a in view.assignments(person, day)]
        text = _("Pin {name} on {date}").format(name=self.name(person), date=day.isoformat())
        return RosterChange(text, self._current(), tuple(fixed))

    def unpin(self, person: str, day: dt.date) -> RosterChange:
        fixed = tuple(f for f in self.view.scenario.fixed if (f.staff, f.date) != (person, day))
        text = _("Unpin {name} on {date}").format(name=self.name(person), date=day.isoformat())
        return RosterChange(text, self._current(), fixed)

    def give(self, slot: SlotCandidates, row: CandidateRow) -> RosterChange:
        """The candidate takes the slot (over from whoever had it, for a filled slot)."""
        new = Assignment(slot.date, slot.shift, slot.station, row.staff, row.role)
        cells: dict[Cell, list[Assignment]] = {}
        if slot.vacated is not None:
            gone = slot.vacated
            cells[gone.staff, gone.date] = [a for a in self.view.assignments(gone.staff, gone.date) if a != gone]
        cell = (row.staff, slot.date)
        cells[cell] = [*cells.get(cell, self.view.assignments(*cell)), new]
        text = _("Give {shift} on {date} to {name}").format(shift=self.shift_name(slot.shift),
                                                              date=slot.date.isoformat(), name=row.name)
        return self._change(text, cells)

    def _current(self) -> tuple[Assignment, ...]:
        return self.view.schedule.assignments if self.view.schedule is not None else ()

    # --- who can take this? --------------------------------------------------------------

    def candidates(self, day: dt.date, shift: str, station: str, role: str | None = None,
                   vacated: Assignment | None = None) -> SlotCandidates:
        """Everyone on the grid for the slot, ranked by the change of the total soft cost; for a filled
        slot (``vacated``) as if its person had left it."""
        view = self.view
        roster = [a for a in self._current() if a != vacated]
        found = candidates(view.scenario, view.calendar, roster, day, shift, station, role)
        offset = 0.0  # a filled slot: what its person leaving changes, so that each change is from the roster now
        if vacated is not None:
            before, after = RosterChecker(view.scenario, view.calendar, self._current()).what_if(remove=[vacated])
            offset = after.cost - before.cost
        shown = {p.id for p in view.people} - ({vacated.staff} if vacated is not None else set())
        rows = [CandidateRow(c.staff, self.name(c.staff), c.role, self.role_name(c.role), round(c.delta + offset, 6),
                             self._costs(c.gains, c.relief)) for c in found.ranked if c.staff in shown]
        rows += [CandidateRow(e.staff, self.name(e.staff), None, "", None, self._reason(e.reason))
                 for e in found.excluded if e.staff in shown]
        return SlotCandidates(day, shift, station, role, vacated, tuple(rows),
                              tuple(self.name(p) for p in found.on_duty))

    def _reason(self, v: Violation) -> str:
        label = rule_label(v.rule)
        return f"{label}: {v.detail}" if v.detail else label

    def _costs(self, gains: Sequence[Violation], relief: Sequence[Violation]) -> str:
        parts = [f"+ {rule_label(v.rule)}" for v in gains] + [f"− {rule_label(v.rule)}" for v in relief]
        # Translators: separates the items of a list of names, e.g. roles (Chinese: 、)
        return _(", ").join(dict.fromkeys(parts))


def _with_staff(a: Assignment, staff: str) -> Assignment:
    return Assignment(a.date, a.shift, a.station, staff, a.role)
