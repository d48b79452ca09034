"""Who could take one slot of a roster: ranked candidates, and why everyone else cannot.

For each person the validator judges the roster with that person added to the slot, as far as
the change reaches (:meth:`RosterChecker.what_ifs`: one "before" for all the roles a person could
serve in). A person who would break no new hard rule is a candidate, ranked by how much the total
soft cost changes; for anyone else the first hard rule the change would break is the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, Scenario, Violation
from shiftplan.domain.validation import RosterChecker


@dataclass(frozen=True)
class Candidate:
    staff: str
    role: str | None
    delta: float  # change of the total soft cost (negative: the roster gets better)
    gains: tuple[Violation, ...]  # soft costs the change adds
    relief: tuple[Violation, ...]  # soft costs it removes


@dataclass(frozen=True)
class Exclusion:
    staff: str
    reason: Violation  # the first hard rule the change would break


@dataclass(frozen=True)
class Candidates:
    ranked: tuple[Candidate, ...]
    excluded: tuple[Exclusion, ...]
    on_duty: tuple[str, ...]  # already on this slot


def _key(v: Violation) -> tuple[object, ...]:
    return (v.rule, v.hard, v.staff, v.dates, v.shift, v.station, v.role, v.group)


def candidates(scenario: Scenario, calendar: DayCalendar, roster: Iterable[Assignment] | RosterChecker,
               date: dt.date, shift: str, station: str, role: str | None = None) -> Candidates:
    """Rank everyone for the slot (date, shift, station), serving ``role`` (None: any role they have)."""
    checker = roster if isinstance(roster, RosterChecker) else RosterChecker(scenario, calendar, roster)
    on_duty = tuple(a.staff for a in checker.assignments
                    if (a.date, a.shift, a.station) == (date, shift, station))
    ranked: list[Candidate] = []
    excluded: list[Exclusion] = []
    for person in scenario.staff:
        if person.id in on_duty:
            continue
        roles: list[str | None] = [role] if role is not None else list(person.roles) or [None]
        best: Candidate | None = None
        reason: Violation | None = None
        before, afters = checker.what_ifs([Assignment(date, shift, station, person.id, serving)] for serving in roles)
        old_hard = {_key(v) for v in before.hard}
        old_soft = {_key(v): v for v in before.soft}
        for serving, after in zip(roles, afters, strict=True):
            new_hard = [v for v in after.hard if _key(v) not in old_hard]
            if new_hard:
                reason = reason or new_hard[0]
                continue
            new_soft = {_key(v): v for v in after.soft}
            gains = tuple(v for k, v in new_soft.items() if k not in old_soft or old_soft[k].cost < v.cost)
            relief = tuple(v for k, v in old_soft.items() if k not in new_soft or new_soft[k].cost < v.cost)
            option = Candidate(person.id, serving, round(after.cost - before.cost, 6), gains, relief)
            if best is None or option.delta < best.delta:
                best = option
        if best is not None:
            ranked.append(best)
        elif reason is not None:
            excluded.append(Exclusion(person.id, reason))
    ranked.sort(key=lambda c: (c.delta, c.staff))
    return Candidates(tuple(ranked), tuple(excluded), on_duty)
