"""An immutable, index-friendly view of a scenario: what the model builders read.

Everything is indexed by small integers (person ``p``, day ``d``, shift ``s``, station ``t``,
role ``r``) so the rule modules never search lists. Day ``d`` is the offset from the period
start; history dates have negative offsets. Eligibility is computed here once: who may take
which (day, shift, station, role) at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import resolve_cover
from shiftplan.domain.fairness import EligibilityGroup, eligibility_groups
from shiftplan.domain.model import MINUTES_PER_DAY, Cover, Scenario, ShiftType, StaffMember
from shiftplan.domain.rules import DEFAULT_MAX_SHIFTS_PER_DAY, Rule, RuleKind

# Semantic aliases for the indices used throughout the solver.
PersonIx = int
DayIx = int
ShiftIx = int
StationIx = int
RoleIx = int | None  # None when the scenario defines no roles: assignments then carry no role


class Key(NamedTuple):
    """One possible assignment: person ``p`` works shift ``s`` of day ``d`` at station ``t`` as role ``r``."""

    p: PersonIx
    d: DayIx
    s: ShiftIx
    t: StationIx
    r: RoleIx


@dataclass(frozen=True)
class Occurrence:
    """One shift on one day, on the real clock in minutes from the period start's midnight."""

    d: DayIx
    s: ShiftIx
    start: int
    end: int


class SolverInput:
    """The scenario seen as indices. Build once; never mutated.

    ``keep_absent`` keeps the assignments that fall on absence days as variables (the
    absences rule then forbids them), so that an absence can be switched off by an assumption
    when explaining infeasibility. By default they are simply not created.
    """

    def __init__(self, scenario: Scenario, calendar: DayCalendar, *, keep_absent: bool = False) -> None:
        self.scenario = scenario
        self.calendar = calendar
        self.keep_absent = keep_absent
        self.start = scenario.period.start
        self.dates: tuple[dt.date, ...] = tuple(scenario.period.dates())
        self.shifts: tuple[ShiftType, ...] = scenario.shift_types
        self.stations: tuple[str, ...] = tuple(s.id for s in scenario.stations)
        self.roles: tuple[str, ...] = tuple(r.id for r in scenario.roles)
        self.people: tuple[StaffMember, ...] = scenario.staff

        self.shift_ix = {s.id: i for i, s in enumerate(self.shifts)}
        self.station_ix = {t: i for i, t in enumerate(self.stations)}
        self.role_ix = {r: i for i, r in enumerate(self.roles)}
        self.person_ix = {p.id: i for i, p in enumerate(self.people)}

        absences: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for a in scenario.absences:
            absences.setdefault(a.staff, []).append((a.start, a.end))
        self.on_roster = tuple(tuple(p.on_roster(day) for day in self.dates) for p in self.people)
        self.absent = tuple(
            tuple(any(lo <= day <= hi for lo, hi in absences.get(p.id, ())) for day in self.dates)
            for p in self.people
        )
        self.rule_sets = tuple(scenario.rule_set_of(p) for p in self.people)
        self.keys: tuple[Key, ...] = tuple(self._eligible_keys())

    # --- eligibility -----------------------------------------------------------------------

    def person_roles(self, p: PersonIx) -> tuple[RoleIx, ...]:
        """The roles person ``p`` may serve; ``(None,)`` when the scenario has no roles."""
        if not self.roles:
            return (None,)
        return tuple(self.role_ix[r] for r in dict.fromkeys(self.people[p].roles) if r in self.role_ix)

    def person_stations(self, p: PersonIx) -> tuple[StationIx, ...]:
        person = self.people[p]
        return tuple(t for t, station in enumerate(self.stations) if person.may_work_at(station))

    def available(self, p: PersonIx, d: DayIx) -> bool:
        """On the roster and not absent: the person could work that day."""
        return self.on_roster[p][d] and not self.absent[p][d]

    def _eligible_keys(self) -> list[Key]:
        keys: list[Key] = []
        for p in range(len(self.people)):
            stations, roles = self.person_stations(p), self.person_roles(p)
            for d in range(len(self.dates)):
                if not self.on_roster[p][d] or (self.absent[p][d] and not self.keep_absent):
                    continue
                keys.extend(Key(p, d, s, t, r) for s in range(len(self.shifts)) for t in stations for r in roles)
        return keys

    # --- days, calendar and clock ----------------------------------------------------------

    @property
    def num_days(self) -> int:
        return len(self.dates)

    def day_of(self, day: dt.date) -> DayIx:
        return (day - self.start).days

    def date_of(self, d: DayIx) -> dt.date:
        return self.start + dt.timedelta(days=d)

    def occurrence(self, d: DayIx, s: ShiftIx) -> Occurrence:
        shift = self.shifts[s]
        begin = d * MINUTES_PER_DAY + shift.start
        return Occurrence(d, s, begin, begin + shift.minutes)

    @cached_property
    def restday(self) -> tuple[bool, ...]:
        return tuple(self.calendar.is_restday(day) for day in self.dates)

    @cached_property
    def holiday(self) -> tuple[bool, ...]:
        return tuple(self.calendar.is_holiday(day) for day in self.dates)

    @cached_property
    def whole_weeks(self) -> tuple[tuple[DayIx, ...], ...]:
        return tuple(tuple(self.day_of(day) for day in week) for week in self.scenario.period.whole_weeks())

    @cached_property
    def weekends(self) -> tuple[tuple[DayIx, ...], ...]:
        """The Saturday/Sunday pairs touching the period, as the period days they contain."""
        found: dict[dt.date, list[DayIx]] = {}
        for d, day in enumerate(self.dates):
            if day.weekday() >= 5:
                found.setdefault(day - dt.timedelta(days=day.weekday() - 5), []).append(d)
        return tuple(tuple(days) for _saturday, days in sorted(found.items()))

    # --- history ---------------------------------------------------------------------------

    @cached_property
    def window_start(self) -> DayIx:
        """First (negative or zero) day that history speaks for; runs reaching it are open there."""
        return self.day_of(self.scenario.history.window_start(self.scenario.period))

    @cached_property
    def history(self) -> tuple[tuple[tuple[DayIx, ShiftIx], ...], ...]:
        """Per person, the (day, shift) pairs worked before the period, sorted."""
        worked: list[set[tuple[DayIx, ShiftIx]]] = [set() for _ in self.people]
        for h in self.scenario.history.assignments:
            if h.staff in self.person_ix and h.shift in self.shift_ix and h.date < self.start:
                worked[self.person_ix[h.staff]].add((self.day_of(h.date), self.shift_ix[h.shift]))
        return tuple(tuple(sorted(w)) for w in worked)

    def history_days(self, p: PersonIx, shifts: Sequence[ShiftIx] | None = None) -> frozenset[DayIx]:
        """History days inside the window on which ``p`` worked (one of ``shifts``, if given)."""
        return frozenset(d for d, s in self.history[p]
                         if d >= self.window_start and (shifts is None or s in shifts))

    # --- rules, cover, fairness ------------------------------------------------------------

    def rules(self, p: PersonIx, kind: RuleKind) -> list[Rule]:
        rule_set = self.rule_sets[p]
        return rule_set.of_kind(kind) if rule_set else []

    def one_shift_a_day(self, p: PersonIx) -> bool:
        """Whether a hard rule allows ``p`` at most one shift a day (the default does)."""
        rules = self.rules(p, RuleKind.MAX_SHIFTS_PER_DAY) or [DEFAULT_MAX_SHIFTS_PER_DAY]
        return any(rule.hard and rule.value <= 1 for rule in rules)

    def shift_set(self, rule: Rule) -> tuple[ShiftIx, ...]:
        """The shifts a rule names, or every shift when it names none."""
        if not rule.shifts:
            return tuple(range(len(self.shifts)))
        return tuple(self.shift_ix[s] for s in rule.shifts if s in self.shift_ix)

    @cached_property
    def needs(self) -> dict[tuple[StationIx, ShiftIx, DayIx], Cover]:
        """The cover entry that applies to each (station, shift, day) that has one.

        An entry naming a station or shift the scenario does not have (possible when built in
        code rather than read from a file) asks for nobody here.
        """
        return {(self.station_ix[slot.station], self.shift_ix[slot.shift], self.day_of(slot.date)): entry
                for slot, entry in resolve_cover(self.scenario, self.calendar).items()
                if slot.station in self.station_ix and slot.shift in self.shift_ix}

    @cached_property
    def groups(self) -> tuple[EligibilityGroup, ...]:
        return tuple(eligibility_groups(self.scenario))

