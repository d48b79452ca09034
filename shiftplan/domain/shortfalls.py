"""Why no roster exists: requirements that cannot be met together, found by counting.

These are the quick checks of "Why not?", run before any solver reasoning. Each one is exact in
one direction: a person is counted out of a seat only when a hard rule of the spec forbids that
seat *on its own* (absence, roster dates, a fixed assignment elsewhere, rest or overlap with a
history or fixed shift, a succession, a limit that history and fixed assignments already use up),
so every reported :class:`Shortfall` really makes the scenario infeasible. Scenarios that are
infeasible only through combinations (say, rest between two open shifts) are left to the solver.

The checks:

- per slot (station, shift, date) with a hard need: ``min``, each role minimum, ``party_min``
  against the people who could take that one seat (:class:`SlotShortfall`);
- per date: the slots of a date compete for the same people (one shift per date each), found by
  a max-flow over people and the slots' role, total and Party needs; a deficit names the smallest
  group of slots that cannot be filled together (:class:`DateShortfall`);
- per person: hard ``min_shifts`` / ``min_hours`` beyond what the dates the person can work allow
  (:class:`PersonShortfall`);
- per station: the hard minimums of the whole period beyond what everyone who may work there can
  work at most, each counted in full (:class:`StationShortfall`);
- per fixed assignment: a clash with absences, roster dates, station, role, the period, history
  or earlier fixed assignments (:class:`FixedClash`);
- per cover entry: a hard need above its own ``max``, or more people fixed on a slot than its
  ``max`` (:class:`CoverConflict`).

:func:`describe` words any of them in the current language, by names.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import Absence, Cover, FixedAssignment, HistoryShift, Scenario, ShiftType, StaffMember
from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.i18n import _, ngettext

ONE_DAY = dt.timedelta(days=1)
LISTED = 5  # blocked people (or reasons) named in a sentence before "and N more"
EPSILON = 1e-9


class Reason(StrEnum):
    """Why one person cannot take a seat (or work a date)."""

    NOT_YET = "not_yet_on_roster"  # date: first day on the roster
    NO_LONGER = "no_longer_on_roster"  # date: last day on the roster
    ABSENT = "absent"  # date..until: the absence, note: its reason
    OUTSIDE_PERIOD = "outside_period"  # a fixed assignment dated outside the period
    STATION = "station_not_allowed"  # station (None: no station at all)
    ROLE = "role_not_held"  # role
    FIXED = "fixed_elsewhere"  # a fixed assignment that date: shift, station, role
    OVERLAP = "overlap"  # the history or fixed shift (shift, date) overlaps in time
    REST_AFTER = "rest_after"  # too little rest after shift on date
    REST_BEFORE = "rest_before"  # too little rest before shift on date
    SUCCESSION_AFTER = "succession_after"  # this_shift may not follow shift on date
    SUCCESSION_BEFORE = "succession_before"  # this_shift may not precede shift on date
    RULE = "rule"  # the seat would break ``rule`` (date..until: the run, or the week; count: used up)
    LIMIT = "limit"  # ``rule`` caps what the person can work at all (person level)


@dataclass(frozen=True)
class Blocked:
    """One person kept out, and the fact that keeps them out."""

    staff: str
    reason: Reason
    on: dt.date | None = None  # the date the person cannot work (person level)
    date: dt.date | None = None  # the other shift's date, a range's first date, a week's Monday
    until: dt.date | None = None  # a range's last date
    shift: str | None = None  # the other shift (history or fixed)
    this_shift: str | None = None  # the shift that is blocked (successions)
    station: str | None = None
    role: str | None = None
    fixed: bool = False  # the other shift is a fixed assignment (else a history shift)
    rule: Rule | None = None
    count: float | None = None  # what fixed assignments already use up of ``rule``
    note: str = ""  # the absence's reason

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"staff": self.staff, "reason": self.reason.value}
        for key in ("on", "date", "until"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value.isoformat()
        for key in ("shift", "this_shift", "station", "role", "count"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.fixed:
            data["fixed"] = True
        if self.rule is not None:
            data["rule"] = _rule_json(self.rule)
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class Demand:
    """Part of a date's need: ``count`` seats of one slot serving ``role`` (None: any role)."""

    slot: Slot
    count: int
    role: str | None = None
    party: bool = False  # Party members (``role`` is then None)


@dataclass(frozen=True, kw_only=True)
class Shortfall:
    """A requirement (or group of them) that no roster can meet; see the subclasses."""

    rule: str  # cover_min, cover_roles, cover_party, min_shifts, min_hours, fixed, cover_max
    needed: float = 0
    available: float = 0
    blocked: tuple[Blocked, ...] = ()

    @property
    def kind(self) -> str:
        return "shortfall"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return ()

    def describe(self, scenario: Scenario) -> str:
        return describe(self, scenario)

    def to_json(self) -> dict[str, object]:
        """The facts as plain JSON values (for ``x-`` keys)."""
        data: dict[str, object] = {"kind": self.kind, "rule": self.rule, "needed": self.needed,
                                   "available": self.available}
        if self.dates:
            data["dates"] = [d.isoformat() for d in self.dates]
        data.update(self._json())
        data["blocked"] = [b.to_json() for b in self.blocked]
        return data

    def _json(self) -> dict[str, object]:
        return {}


@dataclass(frozen=True, kw_only=True)
class SlotShortfall(Shortfall):
    """One slot needs more people (of a role, or Party members) than can take it at all."""

    slot: Slot
    role: str | None = None  # cover_roles
    candidates: tuple[str, ...] = ()  # who could take it

    @property
    def kind(self) -> str:
        return "slot"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return (self.slot.date,)

    def _json(self) -> dict[str, object]:
        return {"station": self.slot.station, "shift": self.slot.shift, "role": self.role,
                "candidates": list(self.candidates)}


@dataclass(frozen=True, kw_only=True)
class DateShortfall(Shortfall):
    """Slots of one date that together need more people than that date has (one shift each)."""

    date: dt.date
    demands: tuple[Demand, ...]
    role: str | None = None  # cover_roles: every demand is of this role
    candidates: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return "date"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return (self.date,)

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(dict.fromkeys(d.slot for d in self.demands))

    def _json(self) -> dict[str, object]:
        return {"role": self.role, "candidates": list(self.candidates),
                "demands": [{"station": d.slot.station, "shift": d.slot.shift, "count": d.count, "role": d.role,
                             "party": d.party} for d in self.demands]}


@dataclass(frozen=True, kw_only=True)
class PersonShortfall(Shortfall):
    """A hard minimum of shifts or hours beyond what the person's workable dates allow."""

    staff: str
    limit: Rule  # the min_shifts / min_hours rule

    @property
    def kind(self) -> str:
        return "person"

    def _json(self) -> dict[str, object]:
        return {"staff": self.staff, "limit": _rule_json(self.limit)}


@dataclass(frozen=True, kw_only=True)
class StationShortfall(Shortfall):
    """The period's hard minimums at a station need more shifts than its people can work in all."""

    station: str
    people: int  # who may work there
    limits: tuple[tuple[Rule, int], ...] = ()  # the rules that cap them, with how many they cap

    @property
    def kind(self) -> str:
        return "station"

    def _json(self) -> dict[str, object]:
        return {"station": self.station, "people": self.people,
                "limits": [{**_rule_json(r), "people": n} for r, n in self.limits]}


@dataclass(frozen=True, kw_only=True)
class FixedClash(Shortfall):
    """A fixed assignment that cannot stand (the reason is ``blocked[0]``)."""

    fixed: FixedAssignment
    index: int  # position in ``scenario.fixed``

    @property
    def kind(self) -> str:
        return "fixed"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return (self.fixed.date,)

    def _json(self) -> dict[str, object]:
        f = self.fixed
        return {"index": self.index, "staff": f.staff, "shift": f.shift, "station": f.station, "role": f.role}


@dataclass(frozen=True, kw_only=True)
class CoverConflict(Shortfall):
    """A slot's ``max`` below its own hard need, or below the people fixed on it."""

    slots: tuple[Slot, ...]  # every slot of one cover entry with the conflict (or the one slot)
    limit: int  # the max
    staff: tuple[str, ...] = ()  # the people fixed on the slot (when they exceed the max)

    @property
    def kind(self) -> str:
        return "cover_max"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({s.date for s in self.slots}))

    def _json(self) -> dict[str, object]:
        return {"limit": self.limit, "staff": list(self.staff),
                "slots": [{"station": s.station, "shift": s.shift, "date": s.date.isoformat()} for s in self.slots]}


def _rule_json(rule: Rule) -> dict[str, object]:
    data: dict[str, object] = {"rule": rule.kind.value, "value": rule.value}
    if rule.shifts:
        data["shift"] = list(rule.shifts)
    if rule.next_shifts:
        data["next"] = list(rule.next_shifts)
    return data


# --- finding them ----------------------------------------------------------------------------


def find_shortfalls(scenario: Scenario, calendar: DayCalendar) -> list[Shortfall]:
    """Every shortfall the counting checks can prove, most basic first: fixed assignments that
    cannot stand, cover entries that contradict themselves, slots and dates in date order, then
    people whose minimums cannot be reached. Empty when counting finds nothing wrong."""
    return _Analysis(scenario, calendar).run()


@dataclass(frozen=True)
class _Known:
    """A shift the person certainly works: from history, or fixed."""

    date: dt.date
    shift: ShiftType
    start: dt.datetime
    end: dt.datetime
    fixed: bool


class _View:
    """One person's hard rules and certain shifts, and what they rule out."""

    def __init__(self, an: _Analysis, person: StaffMember, fixed: Sequence[FixedAssignment]) -> None:
        self.an = an
        self.person = person
        scenario = an.scenario
        rule_set = scenario.rule_set_of(person)
        rules = rule_set.rules if rule_set else ()
        self.hard: dict[RuleKind, list[Rule]] = defaultdict(list)
        for rule in rules:
            if rule.hard:
                self.hard[rule.kind].append(rule)
        daily = [r for r in rules if r.kind is RuleKind.MAX_SHIFTS_PER_DAY]
        hard_daily = [r for r in daily if r.hard]
        # Everyone has at most one shift a date unless their set has its own rule (even a soft one).
        self.daily_rule: Rule | None = (min(hard_daily, key=lambda r: r.value) if hard_daily
                                        else None if daily else Rule(RuleKind.MAX_SHIFTS_PER_DAY, 1))
        self.cap: int | None = (math.floor(self.daily_rule.value + EPSILON) if self.daily_rule is not None
                                else None)
        rest = self.hard.get(RuleKind.MIN_REST_HOURS, [])
        self.rest_rule = max(rest, key=lambda r: r.value) if rest else None
        self.absences = an.absences.get(person.id, [])
        self.fixed = [f for f in fixed if f.date in an.period and f.shift in an.shifts]
        self.fixed_on: dict[dt.date, list[FixedAssignment]] = defaultdict(list)
        for f in self.fixed:
            self.fixed_on[f.date].append(f)
        self.fixed_cells = sorted({(f.date, f.shift) for f in self.fixed})
        knowns = [an.known(h.date, h.shift, False) for h in an.history.get(person.id, [])]
        knowns += [an.known(d, s, True) for d, s in self.fixed_cells]
        self.known_on: dict[dt.date, list[_Known]] = defaultdict(list)
        for k in sorted(knowns, key=lambda k: (k.start, k.end)):
            self.known_on[k.date].append(k)
        self.worked = {d for d, _s in self.fixed_cells} | {
            h.date for h in an.history.get(person.id, []) if h.date >= an.window_start}
        self.reach = math.ceil((self.rest_rule.value if self.rest_rule else 0) / 24) + 2
        self._cache: dict[tuple[dt.date, str], Blocked | None] = {}

    # --- whole dates --------------------------------------------------------------------------

    def day_block(self, day: dt.date) -> Blocked | None:
        person = self.person
        if person.active_from is not None and day < person.active_from:
            return Blocked(person.id, Reason.NOT_YET, on=day, date=person.active_from)
        if person.active_to is not None and day > person.active_to:
            return Blocked(person.id, Reason.NO_LONGER, on=day, date=person.active_to)
        for absence in self.absences:
            if absence.covers(day):
                return Blocked(person.id, Reason.ABSENT, on=day, date=absence.start, until=absence.end,
                               note=absence.reason)
        return None

    def certainly_off(self, day: dt.date) -> bool:
        """Known to be a date without work (history inside the window, absence, roster dates)."""
        an = self.an
        if day < an.period.start:
            return an.window_start <= day and day not in self.worked
        return day <= an.period.end and day not in self.worked and (
            not self.person.on_roster(day) or any(a.covers(day) for a in self.absences))

    # --- one seat -----------------------------------------------------------------------------

    def seat_block(self, slot: Slot, role: str | None) -> Blocked | None:
        """Why the person cannot take this seat (station and role as given), or None."""
        day_block = self.day_block(slot.date)
        if day_block is not None:
            return day_block
        for f in self.fixed_on.get(slot.date, ()):
            if f.shift != slot.shift:
                continue
            if f.station is not None and f.station != slot.station:
                return self._fixed(slot.date, f)
            if role is not None and f.role is not None and f.role != role:
                return self._fixed(slot.date, f)
        return self.shift_block(slot.date, slot.shift)

    def role_clash(self, slot: Slot, role: str) -> Blocked | None:
        """A fixed assignment on this very seat that serves another role."""
        for f in self.fixed_on.get(slot.date, ()):
            if (f.shift == slot.shift and f.station in (None, slot.station) and f.role is not None
                    and f.role != role):
                return self._fixed(slot.date, f)
        return None

    def _fixed(self, day: dt.date, f: FixedAssignment) -> Blocked:
        return Blocked(self.person.id, Reason.FIXED, on=day, date=f.date, shift=f.shift, station=f.station,
                       role=f.role, fixed=True)

    def shift_block(self, day: dt.date, shift_id: str) -> Blocked | None:
        """Why the person cannot work ``shift_id`` on ``day`` at all (any station, any role), or None."""
        key = (day, shift_id)
        if key not in self._cache:
            self._cache[key] = self._shift_block(day, shift_id)
        return self._cache[key]

    def _shift_block(self, day: dt.date, shift_id: str) -> Blocked | None:
        an, pid = self.an, self.person.id
        shift = an.shifts[shift_id]
        # Shifts per date, counting the fixed ones of that date.
        others = [f for f in self.fixed_on.get(day, ()) if f.shift != shift_id]
        other_shifts = {f.shift for f in others}
        if self.cap is not None and len(other_shifts) + 1 > self.cap:
            if self.cap == 1:
                return self._fixed(day, others[0])
            return Blocked(pid, Reason.RULE, on=day, rule=self.daily_rule, count=len(other_shifts))
        time = self._time_block(day, shift)
        if time is not None:
            return time
        return self._limit_block(day, shift) or self._run_block(day, shift)

    def _time_block(self, day: dt.date, shift: ShiftType) -> Blocked | None:
        """Overlap, rest and successions against the certain shifts around ``day``."""
        if not self.known_on:
            return None
        pid = self.person.id
        start, end = shift.interval(day)
        need = self.rest_rule.value * 60 if self.rest_rule else 0.0
        for offset in range(-self.reach, self.reach + 1):
            for k in self.known_on.get(day + dt.timedelta(days=offset), ()):
                if k.date == day and k.shift.id == shift.id:
                    continue  # the same shift: the fixed seat itself, or another seat of it (seat_block)
                if start < k.end and k.start < end:
                    return Blocked(pid, Reason.OVERLAP, on=day, date=k.date, shift=k.shift.id, fixed=k.fixed)
                if k.end <= start and (start - k.end).total_seconds() / 60 < need - EPSILON:
                    return Blocked(pid, Reason.REST_AFTER, on=day, date=k.date, shift=k.shift.id, fixed=k.fixed,
                                   rule=self.rest_rule)
                if end <= k.start and (k.start - end).total_seconds() / 60 < need - EPSILON:
                    return Blocked(pid, Reason.REST_BEFORE, on=day, date=k.date, shift=k.shift.id, fixed=k.fixed,
                                   rule=self.rest_rule)
        for rule in self.hard.get(RuleKind.FORBIDDEN_SUCCESSION, ()):
            if shift.id in rule.next_shifts:
                for k in self.known_on.get(day - ONE_DAY, ()):
                    if k.shift.id in rule.shifts:
                        return Blocked(pid, Reason.SUCCESSION_AFTER, on=day, date=k.date, shift=k.shift.id,
                                       this_shift=shift.id, fixed=k.fixed, rule=rule)
            if shift.id in rule.shifts:
                for k in self.known_on.get(day + ONE_DAY, ()):
                    if k.shift.id in rule.next_shifts:  # only fixed shifts lie after a period date
                        return Blocked(pid, Reason.SUCCESSION_BEFORE, on=day, date=k.date, shift=k.shift.id,
                                       this_shift=shift.id, fixed=k.fixed, rule=rule)
        return None

    def _limit_block(self, day: dt.date, shift: ShiftType) -> Blocked | None:
        """Period and week limits that the fixed assignments (plus this shift) already exceed."""
        an, pid = self.an, self.person.id
        cells = [(d, an.shifts[s]) for d, s in self.fixed_cells if (d, s) != (day, shift.id)]
        for rule in self.hard.get(RuleKind.MAX_SHIFTS, ()):
            if rule.applies_to(shift.id):
                used = sum(1 for _d, s in cells if rule.applies_to(s.id))
                if used + 1 > rule.value + EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, rule=rule, count=used)
        for rule in self.hard.get(RuleKind.MAX_HOURS, ()):
            used_hours = sum(s.hours for _d, s in cells)
            if used_hours + shift.hours > rule.value + EPSILON:
                return Blocked(pid, Reason.RULE, on=day, rule=rule, count=round(used_hours, 2))
        week = an.week_of(day)
        if week is not None:
            monday, sunday = week
            in_week = [(d, s) for d, s in cells if monday <= d <= sunday]
            for rule in self.hard.get(RuleKind.MAX_HOURS_PER_WEEK, ()):
                used_hours = sum(s.hours for _d, s in in_week)
                if used_hours + shift.hours > rule.value + EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, date=monday, rule=rule, count=round(used_hours, 2))
            for rule in self.hard.get(RuleKind.MIN_DAYS_OFF_PER_WEEK, ()):
                worked = {d for d, _s in in_week}
                if 7 - len(worked | {day}) < rule.value - EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, date=monday, rule=rule, count=len(worked - {day}))
        if day.weekday() >= 5:
            saturday = _saturday(day)
            for rule in self.hard.get(RuleKind.MAX_WEEKENDS, ()):
                weekends = {_saturday(d) for d, _s in cells if d.weekday() >= 5} - {saturday}
                if len(weekends) + 1 > rule.value + EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, rule=rule, count=len(weekends))
        return None

    def _run_block(self, day: dt.date, shift: ShiftType) -> Blocked | None:
        """Runs of dates that working ``day`` makes certainly too long or too short."""
        an, pid = self.an, self.person.id
        for rule in self.hard.get(RuleKind.MAX_CONSECUTIVE_DAYS, ()):
            first, last = self._run(day, self.worked)
            if (last - first).days + 1 > rule.value + EPSILON:
                return Blocked(pid, Reason.RULE, on=day, date=first, until=last, rule=rule)
        for rule in self.hard.get(RuleKind.MAX_CONSECUTIVE_SHIFTS, ()):
            if shift.id in rule.shifts:
                first, last = self._run(day, self._worked_with(rule.shifts))
                if (last - first).days + 1 > rule.value + EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, date=first, until=last, rule=rule)
        for rule in self.hard.get(RuleKind.MIN_CONSECUTIVE_DAYS, ()):
            first, last = self._run(day, self.worked)
            # Judged only when both ends are known days off: after the window's start, before the period's end.
            closed = (first - ONE_DAY >= an.window_start and self.certainly_off(first - ONE_DAY)
                      and last < an.period.end and self.certainly_off(last + ONE_DAY))
            if closed and (last - first).days + 1 < rule.value - EPSILON:
                return Blocked(pid, Reason.RULE, on=day, date=first, until=last, rule=rule)
        for rule in self.hard.get(RuleKind.MIN_CONSECUTIVE_DAYS_OFF, ()):
            for gap in (self._off_gap(day, -1), self._off_gap(day, 1)):
                if gap is not None and (gap[1] - gap[0]).days + 1 < rule.value - EPSILON:
                    return Blocked(pid, Reason.RULE, on=day, date=gap[0], until=gap[1], rule=rule)
        return None

    def _worked_with(self, shifts: tuple[str, ...]) -> set[dt.date]:
        an = self.an
        dates = {d for d, s in self.fixed_cells if s in shifts}
        return dates | {h.date for h in an.history.get(self.person.id, [])
                        if h.date >= an.window_start and h.shift in shifts}

    def _run(self, day: dt.date, worked: set[dt.date]) -> tuple[dt.date, dt.date]:
        """The run of certainly worked dates through ``day`` (if it is worked)."""
        first = day
        while first - ONE_DAY in worked:
            first -= ONE_DAY
        last = day
        while last + ONE_DAY in worked:
            last += ONE_DAY
        return first, last

    def _off_gap(self, day: dt.date, step: int) -> tuple[dt.date, dt.date] | None:
        """The days off between ``day`` and the nearest certainly worked date in direction ``step``,
        when all of them are certainly off; None when there is no such gap (or it could be worked)."""
        an = self.an
        probe = day + step * ONE_DAY
        while self.certainly_off(probe):
            probe += step * ONE_DAY
        if probe == day + step * ONE_DAY or probe not in self.worked:
            return None
        if step < 0:  # the worked date before must be inside the window (it is: worked dates are)
            return probe + ONE_DAY, day - ONE_DAY
        return (day + ONE_DAY, probe - ONE_DAY) if probe <= an.period.end else None


def _saturday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday() - 5)


class _Analysis:
    def __init__(self, scenario: Scenario, calendar: DayCalendar) -> None:
        self.scenario = scenario
        self.calendar = calendar
        self.period = scenario.period
        self.shifts = {s.id: s for s in scenario.shift_types}
        self.shift_order = {s.id: i for i, s in enumerate(scenario.shift_types)}
        self.station_order = {s.id: i for i, s in enumerate(scenario.stations)}
        self.role_ids = {r.id for r in scenario.roles}
        self.people = {p.id: p for p in scenario.staff}
        self.window_start = scenario.history.window_start(scenario.period)
        self.absences: dict[str, list[Absence]] = defaultdict(list)
        for absence in scenario.absences:
            self.absences[absence.staff].append(absence)
        self.history: dict[str, list[HistoryShift]] = defaultdict(list)
        for h in scenario.history.assignments:
            if h.staff in self.people and h.shift in self.shifts and h.date < self.period.start:
                self.history[h.staff].append(h)
        weeks = scenario.period.whole_weeks()
        self._weeks = {day: (week[0], week[-1]) for week in weeks for day in week}

    def known(self, day: dt.date, shift_id: str, fixed: bool) -> _Known:
        shift = self.shifts[shift_id]
        start, end = shift.interval(day)
        return _Known(day, shift, start, end, fixed)

    def week_of(self, day: dt.date) -> tuple[dt.date, dt.date] | None:
        return self._weeks.get(day)

    def serves(self, person: StaffMember) -> bool:
        """Whether the person has a role to serve in (always, when the scenario has no roles)."""
        return not self.role_ids or any(r in self.role_ids for r in person.roles)

    # --- the whole run ------------------------------------------------------------------------

    def run(self) -> list[Shortfall]:
        clashes = self._fixed_clashes()
        clashing = {c.index for c in clashes}
        good: dict[str, list[FixedAssignment]] = defaultdict(list)
        for index, f in enumerate(self.scenario.fixed):
            if index not in clashing and f.staff in self.people:
                good[f.staff].append(f)
        self.views = [_View(self, p, good.get(p.id, ())) for p in self.scenario.staff]
        self.needs = resolve_cover(self.scenario, self.calendar)
        conflicts = self._cover_conflicts(good)
        by_date = self._slot_checks()
        dated: list[Shortfall] = []
        for day in sorted(by_date):
            dated += by_date[day].shortfalls
            dated += self._date_checks(day, by_date[day])
        people = self._person_checks()
        # Station totals only add news when nothing narrower was found.
        return [*clashes, *conflicts, *dated, *people] or list(self._station_checks())

    # --- fixed assignments ----------------------------------------------------------------------

    def _fixed_clashes(self) -> list[FixedClash]:
        found: list[FixedClash] = []
        earlier: dict[str, list[FixedAssignment]] = defaultdict(list)
        for index, f in enumerate(self.scenario.fixed):
            person = self.people.get(f.staff)
            if person is None or f.shift not in self.shifts:
                continue  # a malformed reference: the reader's business
            reason = self._fixed_reason(person, f, earlier[f.staff])
            if reason is not None:
                found.append(FixedClash(rule="fixed", needed=1, available=0, blocked=(reason,), fixed=f,
                                        index=index))
            else:
                earlier[f.staff].append(f)
        return found

    def _fixed_reason(self, person: StaffMember, f: FixedAssignment,
                      earlier: list[FixedAssignment]) -> Blocked | None:
        if f.date not in self.period:
            return Blocked(person.id, Reason.OUTSIDE_PERIOD, on=f.date, date=f.date)
        view = _View(self, person, earlier)
        day_block = view.day_block(f.date)
        if day_block is not None:
            return day_block
        stations = [s.id for s in self.scenario.stations if f.station is None or s.id == f.station]
        allowed = [s for s in stations if person.may_work_at(s)]
        if not allowed:
            return Blocked(person.id, Reason.STATION, on=f.date, station=f.station)
        if f.role is not None and f.role not in person.roles:
            return Blocked(person.id, Reason.ROLE, on=f.date, role=f.role)
        if f.role is None and not self.serves(person):
            return Blocked(person.id, Reason.ROLE, on=f.date)
        same = [e for e in earlier if (e.date, e.shift) == (f.date, f.shift)]
        for e in same:  # one seat of a shift: the two must be the same seat
            if (e.station is not None and f.station is not None and e.station != f.station) or (
                    e.role is not None and f.role is not None and e.role != f.role):
                return view._fixed(f.date, e)
        return view.shift_block(f.date, f.shift)

    # --- cover entries against themselves -------------------------------------------------------

    def _cover_conflicts(self, good: dict[str, list[FixedAssignment]]) -> list[CoverConflict]:
        found: list[CoverConflict] = []
        entry_index = {id(entry): i for i, entry in enumerate(self.scenario.cover)}
        over: dict[int, list[Slot]] = defaultdict(list)
        for slot, entry in self._sorted_needs():
            if entry.max is not None and not entry.soft and _total_need(entry) > entry.max:
                over[entry_index[id(entry)]].append(slot)
        for index, slots in sorted(over.items()):
            entry = self.scenario.cover[index]
            found.append(CoverConflict(rule="cover_max", needed=_total_need(entry), available=entry.max or 0,
                                       slots=tuple(slots), limit=entry.max or 0))
        pinned: dict[Slot, list[str]] = defaultdict(list)
        for staff, fixed in good.items():
            for f in fixed:
                if f.station is not None and f.date in self.period:
                    slot = Slot(f.station, f.shift, f.date)
                    if staff not in pinned[slot]:
                        pinned[slot].append(staff)
        for slot, staff_ids in sorted(pinned.items(), key=lambda item: self._slot_key(item[0])):
            limit = self.needs[slot].max if slot in self.needs else None
            if limit is not None and len(staff_ids) > limit:
                found.append(CoverConflict(rule="cover_max", needed=len(staff_ids), available=limit,
                                           slots=(slot,), limit=limit, staff=tuple(staff_ids)))
        return found

    def _slot_key(self, slot: Slot) -> tuple[dt.date, int, int]:
        return slot.date, self.station_order.get(slot.station, 0), self.shift_order.get(slot.shift, 0)

    def _sorted_needs(self) -> list[tuple[Slot, Cover]]:
        return sorted(self.needs.items(), key=lambda item: self._slot_key(item[0]))

    # --- one slot at a time ---------------------------------------------------------------------

    def _slot_checks(self) -> dict[dt.date, _DateWork]:
        at_station: dict[str, list[int]] = {
            s.id: [i for i, v in enumerate(self.views) if v.person.may_work_at(s.id) and self.serves(v.person)]
            for s in self.scenario.stations}
        work: dict[dt.date, _DateWork] = {}
        for slot, entry in self._sorted_needs():
            if entry.soft or slot.station not in at_station or slot.shift not in self.shifts:
                continue
            roles = {r: n for r, n in entry.roles.items() if n > 0}
            if entry.min <= 0 and not roles and entry.party_min <= 0:
                continue
            day = work.setdefault(slot.date, _DateWork())
            principle = at_station[slot.station]
            blocks = {i: self.views[i].seat_block(slot, None) for i in principle}
            able = [i for i in principle if blocks[i] is None]
            need = _SlotNeed(slot, entry, able)
            if entry.min > len(able):
                day.shortfalls.append(self._slot_shortfall(slot, "cover_min", None, entry.min, principle, blocks))
            for role, minimum in roles.items():
                holders = [i for i in principle if role in self.views[i].person.roles]
                role_blocks = {i: blocks[i] or self.views[i].role_clash(slot, role) for i in holders}
                need.by_role[role] = [i for i in holders if role_blocks[i] is None]
                if minimum > len(need.by_role[role]):
                    day.shortfalls.append(self._slot_shortfall(slot, "cover_roles", role, minimum, holders,
                                                               role_blocks))
            if entry.party_min > 0:
                members = [i for i in principle if self.views[i].person.is_party_member]
                need.party = [i for i in members if blocks[i] is None]
                if entry.party_min > len(need.party):
                    day.shortfalls.append(self._slot_shortfall(slot, "cover_party", None, entry.party_min, members,
                                                               blocks))
            day.needs.append(need)
        return work

    def _slot_shortfall(self, slot: Slot, rule: str, role: str | None, needed: int, principle: list[int],
                        blocks: dict[int, Blocked | None]) -> SlotShortfall:
        able = tuple(self.views[i].person.id for i in principle if blocks[i] is None)
        blocked = tuple(b for i in principle if (b := blocks[i]) is not None)
        return SlotShortfall(rule=rule, needed=needed, available=len(able), blocked=blocked, slot=slot, role=role,
                             candidates=able)

    # --- the slots of one date together ---------------------------------------------------------

    def _date_checks(self, day: dt.date, work: _DateWork) -> list[DateShortfall]:
        found: list[DateShortfall] = []
        # People, roles and the rest of the total: each seat one person, each person one shift a date.
        # Needs are capped at who could take each seat alone: a slot short on its own is reported
        # already, and the date is then judged on what remains possible.
        nodes: list[tuple[Demand, list[int]]] = []  # (demand, the people who could serve it)
        for need in work.needs:
            capped_roles = 0
            for role, able in need.by_role.items():
                capped = min(need.entry.roles[role], len(able))
                capped_roles += capped
                nodes.append((Demand(need.slot, capped, role), able))
            rest = min(_total_need(need.entry), len(need.able)) - capped_roles
            if rest > 0:
                nodes.append((Demand(need.slot, rest), need.able))
        found += self._flow_shortfalls(day, nodes, "cover_min")
        party = [(Demand(need.slot, min(need.entry.party_min, len(need.party)), party=True), need.party)
                 for need in work.needs if need.entry.party_min > 0]
        found += self._flow_shortfalls(day, party, "cover_party")
        return found

    def _flow_shortfalls(self, day: dt.date, nodes: list[tuple[Demand, list[int]]],
                         rule: str) -> list[DateShortfall]:
        nodes = [n for n in nodes if n[0].count > 0]
        if len(nodes) < 2:
            return []
        capacity: dict[int, int] = {}
        for _demand, adjacent in nodes:
            for i in adjacent:
                cap = self.views[i].cap
                capacity[i] = cap if cap is not None else len(self.shifts)
        flow = _Flow([d.count for d, _a in nodes], [a for _d, a in nodes], capacity)
        if not flow.solve():
            return []
        found = []
        for component in flow.deficient_groups():
            demands = tuple(nodes[n][0] for n in component)
            candidates = sorted({i for n in component for i in nodes[n][1]})
            available = sum(len(flow.served_by[n]) for n in component)
            roles = {d.role for d in demands}
            if rule == "cover_min" and len(roles) == 1 and None not in roles:
                rule_here, role = "cover_roles", next(iter(roles))
            else:
                rule_here, role = rule, None
            found.append(DateShortfall(
                rule=rule_here, needed=sum(d.count for d in demands), available=available,
                blocked=self._blocked_for(demands, set(candidates)), date=day, demands=demands, role=role,
                candidates=tuple(self.views[i].person.id for i in candidates)))
        return found

    def _blocked_for(self, demands: Sequence[Demand], candidates: set[int]) -> tuple[Blocked, ...]:
        """The people who could serve one of the demands in principle but take none of them."""
        blocked: dict[int, Blocked] = {}
        for demand in demands:
            for i, view in enumerate(self.views):
                person = view.person
                if i in candidates or i in blocked or not person.may_work_at(demand.slot.station):
                    continue
                if not self.serves(person) or (demand.role is not None and demand.role not in person.roles):
                    continue
                if demand.party and not person.is_party_member:
                    continue
                reason = view.seat_block(demand.slot, demand.role)
                if reason is not None:
                    blocked[i] = reason
        return tuple(blocked[i] for i in sorted(blocked))

    # --- people's minimums ----------------------------------------------------------------------

    def _person_checks(self) -> list[PersonShortfall]:
        found: list[PersonShortfall] = []
        for view in self.views:
            minimums = view.hard.get(RuleKind.MIN_SHIFTS, []) + view.hard.get(RuleKind.MIN_HOURS, [])
            for rule in minimums:
                if rule.value <= EPSILON:
                    continue
                shortfall = self._person_shortfall(view, rule)
                if shortfall is not None:
                    found.append(shortfall)
        return found

    def _person_shortfall(self, view: _View, rule: Rule) -> PersonShortfall | None:
        person = view.person
        hours = rule.kind is RuleKind.MIN_HOURS
        applicable = [s for s in self.scenario.shift_types if hours or rule.applies_to(s.id)]
        cap = view.cap if view.cap is not None else len(self.shifts)
        anywhere = any(person.may_work_at(s.id) for s in self.scenario.stations) and self.serves(person)
        per_date: list[float] = []
        blocked: list[Blocked] = []
        if not any(person.may_work_at(s.id) for s in self.scenario.stations):
            blocked.append(Blocked(person.id, Reason.STATION))
        elif not self.serves(person):
            blocked.append(Blocked(person.id, Reason.ROLE))
        for day in self.period.dates():
            reason = view.day_block(day)
            workable: list[ShiftType] = []
            if reason is None and anywhere:
                blocks = [(s, view.shift_block(day, s.id)) for s in applicable]
                workable = [s for s, b in blocks if b is None]
                if not workable and blocks:
                    reason = blocks[0][1]
            values = sorted((s.hours if hours else 1.0 for s in workable), reverse=True)[:cap]
            per_date.append(sum(values))
            if reason is not None and anywhere:
                blocked.append(reason)
        workable_days = [v > 0 for v in per_date]
        days = sum(workable_days)
        limits: list[Blocked] = []
        max_days = days
        for run_rule in view.hard.get(RuleKind.MAX_CONSECUTIVE_DAYS, ()):
            most = _most_days(workable_days, self._history_run(view), run_rule.value)
            if most < max_days:
                max_days = most
                limits = [Blocked(person.id, Reason.LIMIT, rule=run_rule)]
        bound = sum(sorted(per_date, reverse=True)[:max_days])
        # A maximum over the same shifts or more caps the count too.
        caps = view.hard.get(RuleKind.MAX_HOURS, []) if hours else [
            r for r in view.hard.get(RuleKind.MAX_SHIFTS, ())
            if not r.shifts or (rule.shifts and set(rule.shifts) <= set(r.shifts))]
        for cap_rule in caps:
            if cap_rule.value < bound - EPSILON:
                bound = cap_rule.value
                limits = [Blocked(person.id, Reason.LIMIT, rule=cap_rule)]
        if bound >= rule.value - EPSILON:
            return None
        return PersonShortfall(rule=rule.kind.value, needed=rule.value, available=round(bound, 2),
                               blocked=(*limits, *_merge_ranges(blocked)), staff=person.id, limit=rule)

    def _station_checks(self) -> Iterator[StationShortfall]:
        """Per station, the period's hard minimums against what its people can work at most."""
        need: dict[str, int] = defaultdict(int)
        for slot, entry in self.needs.items():
            if not entry.soft:
                need[slot.station] += entry.min
        most = Rule(RuleKind.MIN_SHIFTS, math.inf)  # what a person can work at most, as its shortfall
        capacity: dict[str, tuple[float, Rule | None]] = {}
        for station in self.scenario.stations:
            if need.get(station.id, 0) <= 0:
                continue
            total, people, limits = 0.0, 0, defaultdict[Rule, int](int)
            for view in self.views:
                if not view.person.may_work_at(station.id) or not self.serves(view.person):
                    continue
                if view.person.id not in capacity:
                    found = self._person_shortfall(view, most)
                    rule = next((b.rule for b in found.blocked if b.reason is Reason.LIMIT), None) if found else None
                    capacity[view.person.id] = (found.available if found else math.inf, rule)
                available, rule = capacity[view.person.id]
                total, people = total + available, people + 1
                if rule is not None:
                    limits[rule] += 1
            if total < need[station.id]:
                yield StationShortfall(rule="cover_min", needed=need[station.id], available=round(total, 2),
                                       station=station.id, people=people, limits=tuple(limits.items()))

    def _history_run(self, view: _View) -> int:
        """Consecutive worked dates inside the history window that end the day before the period."""
        day, run = self.period.start - ONE_DAY, 0
        while day in view.worked and day >= self.window_start:
            run += 1
            day -= ONE_DAY
        return run


@dataclass
class _SlotNeed:
    """One slot's hard need and who could take each part of it alone (indices into the people)."""

    slot: Slot
    entry: Cover
    able: list[int]
    by_role: dict[str, list[int]] = field(default_factory=dict)
    party: list[int] = field(default_factory=list)


@dataclass
class _DateWork:
    shortfalls: list[Shortfall] = field(default_factory=list)
    needs: list[_SlotNeed] = field(default_factory=list)


def _total_need(entry: Cover) -> int:
    """People a slot needs at least: each assignment serves one role, Party members are people."""
    return max(entry.min, sum(n for n in entry.roles.values() if n > 0), entry.party_min)


def _most_days(workable: list[bool], history_run: int, limit: float) -> int:
    """Most dates that can be worked without a run longer than ``limit`` (working greedily is optimal)."""
    most, run = 0, history_run
    for can in workable:
        if can and run + 1 <= limit + EPSILON:
            most += 1
            run += 1
        else:
            run = 0
    return most


def _merge_ranges(blocked: list[Blocked]) -> list[Blocked]:
    """Person-level reasons: one entry per absence and per roster bound, the others date by date."""
    merged: list[Blocked] = []
    seen: set[tuple[object, ...]] = set()
    for b in blocked:
        if b.reason in (Reason.ABSENT, Reason.NOT_YET, Reason.NO_LONGER):
            key = (b.reason, b.date, b.until, b.note)
            if key in seen:
                continue
            seen.add(key)
            b = Blocked(b.staff, b.reason, date=b.date, until=b.until, note=b.note)
        merged.append(b)
    return merged


class _Flow:
    """Max flow from people (capacity: shifts a date) to demands (seats), one seat per person and
    demand; and, when it falls short, the smallest groups of demands that cannot be met."""

    def __init__(self, demand: list[int], adjacent: list[list[int]], capacity: dict[int, int]) -> None:
        self.demand = demand
        self.adjacent = adjacent
        self.capacity = capacity
        self.served_by: list[set[int]] = [set() for _ in demand]
        self.serves: dict[int, set[int]] = defaultdict(set)
        self.load: dict[int, int] = defaultdict(int)

    def _take(self, person: int, node: int) -> None:
        self.served_by[node].add(person)
        self.serves[person].add(node)

    def _leave(self, person: int, node: int) -> None:
        self.served_by[node].discard(person)
        self.serves[person].discard(node)

    def solve(self) -> bool:
        """Fill the demands as far as possible; True when some demand stays short."""
        order = sorted(range(len(self.demand)), key=lambda n: len(self.adjacent[n]))
        for n in order:  # greedy first: the scarcest demands pick first
            for p in self.adjacent[n]:
                if len(self.served_by[n]) >= self.demand[n]:
                    break
                if self.load[p] < self.capacity[p] and n not in self.serves[p]:
                    self._take(p, n)
                    self.load[p] += 1
        short = False
        for n in order:
            while len(self.served_by[n]) < self.demand[n]:
                if not self._augment(n):
                    short = True
                    break
        return short

    def _augment(self, start: int) -> bool:
        """One more seat for ``start``, moving people along a chain of demands if need be."""
        parent: dict[int, tuple[int, int] | None] = {start: None}  # node -> (person leaving it, for node)
        queue, head, seen = [start], 0, set()
        while head < len(queue):
            node = queue[head]
            head += 1
            for p in self.adjacent[node]:
                if p in seen or node in self.serves[p]:
                    continue
                seen.add(p)
                if self.load[p] < self.capacity[p]:
                    self.load[p] += 1
                    self._take(p, node)
                    step = parent[node]
                    while step is not None:
                        mover, target = step
                        self._leave(mover, node)
                        self._take(mover, target)
                        node, step = target, parent[target]
                    return True
                for other in self.serves[p]:
                    if other not in parent:
                        parent[other] = (p, node)
                        queue.append(other)
        return False

    def deficient_groups(self) -> list[list[int]]:
        """The demands that can reach an unmet one in the residual graph, split into groups that
        share no person: each group needs more than all the people who could serve it can give."""
        group = {n for n in range(len(self.demand)) if len(self.served_by[n]) < self.demand[n]}
        stack, people = list(group), set()
        while stack:
            node = stack.pop()
            for p in self.adjacent[node]:
                if p in people or node in self.serves[p]:
                    continue
                people.add(p)
                for other in self.serves[p]:
                    if other not in group:
                        group.add(other)
                        stack.append(other)
        root = {n: n for n in group}

        def find(n: int) -> int:
            while root[n] != n:
                root[n] = root[root[n]]
                n = root[n]
            return n

        first_of: dict[int, int] = {}
        for n in sorted(group):
            for p in self.adjacent[n]:
                if p in first_of:
                    root[find(n)] = find(first_of[p])
                else:
                    first_of[p] = n
        groups: dict[int, list[int]] = defaultdict(list)
        for n in sorted(group):
            groups[find(n)].append(n)
        return sorted(groups.values())


# --- wording ---------------------------------------------------------------------------------


class Names:
    """Ids to the names a planner knows, for sentences."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.people = {p.id: p.name or p.id for p in scenario.staff}
        self.shifts = {s.id: s.name or s.id for s in scenario.shift_types}
        self.stations = {s.id: s.name or s.id for s in scenario.stations}
        self.roles = {r.id: r.name or r.id for r in scenario.roles}

    def person(self, staff: str) -> str:
        return self.people.get(staff, staff)

    def shift(self, shift: str | None) -> str:
        return self.shifts.get(shift, shift) if shift is not None else ""

    def station(self, station: str | None) -> str:
        return self.stations.get(station, station) if station is not None else ""

    def role(self, role: str | None) -> str:
        return self.roles.get(role, role) if role is not None else ""

    def where(self, slot: Slot) -> str:
        return _("{station} {shift} on {date}").format(station=self.station(slot.station),
                                                       shift=self.shift(slot.shift), date=slot.date)

    def rule(self, rule: Rule) -> str:
        return rule.describe(self.shifts)

    def slots(self, slots: Iterable[Slot]) -> str:
        """Slots of one date, by station: "Station A Day/Night, Station B Day"."""
        by_station: dict[str, list[str]] = {}
        for slot in slots:
            by_station.setdefault(slot.station, []).append(self.shift(slot.shift))
        return _(", ").join(_("{station} {shift}").format(station=self.station(station), shift="/".join(shifts))
                            for station, shifts in by_station.items())


def describe(shortfall: Shortfall, scenario: Scenario) -> str:
    """One sentence in the current language, naming people, shifts, stations, roles and rules."""
    names = Names(scenario)
    if isinstance(shortfall, SlotShortfall):
        head = _slot_head(shortfall, names)
    elif isinstance(shortfall, DateShortfall):
        head = _date_head(shortfall, names)
    elif isinstance(shortfall, PersonShortfall):
        head = _person_head(shortfall, names)
        return _with_reasons(head, [_blocked_text(b, names, scenario, person_level=True) for b in shortfall.blocked])
    elif isinstance(shortfall, FixedClash):
        f = shortfall.fixed
        where = (names.where(Slot(f.station, f.shift, f.date)) if f.station is not None
                 else _("{shift} on {date}").format(shift=names.shift(f.shift), date=f.date))
        head = _("{name} is fixed on {where}").format(name=names.person(f.staff), where=where)
    elif isinstance(shortfall, CoverConflict):
        return _conflict_text(shortfall, names)
    elif isinstance(shortfall, StationShortfall):
        head = _("{station}: the period needs {need} shifts, but the {people} people who may work there "
                 "can work at most {n} in all").format(station=names.station(shortfall.station),
                                                       need=int(shortfall.needed), people=shortfall.people,
                                                       n=f"{shortfall.available:g}")
        return _with_reasons(head, [ngettext("{rule} ({n} person)", "{rule} ({n} people)", n).format(
            rule=names.rule(r), n=n) for r, n in shortfall.limits])
    else:
        head = shortfall.rule
    return _with_reasons(head, [_blocked_text(b, names, scenario) for b in shortfall.blocked])


def _slot_head(s: SlotShortfall, names: Names) -> str:
    need, n, where = int(s.needed), int(s.available), names.where(s.slot)
    if s.rule == "cover_roles":
        return _("{where}: {need} serving as {role} needed, only {n} can be rostered").format(
            where=where, need=need, role=names.role(s.role), n=n)
    if s.rule == "cover_party":
        return ngettext("{where}: {need} Party member needed, only {n} can be rostered",
                        "{where}: {need} Party members needed, only {n} can be rostered", need).format(
            where=where, need=need, n=n)
    return ngettext("{where}: {need} person needed, only {n} can be rostered",
                    "{where}: {need} people needed, only {n} can be rostered", need).format(
        where=where, need=need, n=n)


def _date_head(s: DateShortfall, names: Names) -> str:
    fields = {"date": s.date, "slots": names.slots(s.slots), "need": int(s.needed), "n": int(s.available)}
    if s.rule == "cover_party":
        return _("{date}: {slots} need {need} Party members together, only {n} can be rostered").format(**fields)
    if s.rule == "cover_roles":
        return _("{date}: {slots} need {need} serving as {role} together, only {n} can be rostered").format(
            role=names.role(s.role), **fields)
    per_role: dict[str, int] = {}
    for d in s.demands:
        if d.role is not None:
            per_role[d.role] = per_role.get(d.role, 0) + d.count
    if not per_role:
        return _("{date}: {slots} need {need} people together, only {n} can be rostered").format(**fields)
    roles = _(", ").join(_("{n} as {role}").format(n=n, role=names.role(r)) for r, n in per_role.items())
    return _("{date}: {slots} need {need} people together ({roles}), only {n} can be rostered").format(
        roles=roles, **fields)


def _person_head(s: PersonShortfall, names: Names) -> str:
    name = names.person(s.staff)
    available = f"{s.available:g}"
    if s.limit.kind is RuleKind.MIN_HOURS:
        return _("{name} needs at least {limit} hours in the period, but can work at most {n}").format(
            name=name, limit=f"{s.limit.value:g}", n=available)
    shifts = "/".join(names.shift(x) for x in s.limit.shifts)
    return _("{name} needs at least {limit} {shifts} shifts in the period, but can work at most {n}").format(
        name=name, limit=f"{s.limit.value:g}", shifts=shifts, n=available).replace("  ", " ")


def _conflict_text(s: CoverConflict, names: Names) -> str:
    where = names.where(s.slots[0])
    if len(s.slots) > 1:
        more = len(s.slots) - 1
        where = ngettext("{where} (and {n} more date)", "{where} (and {n} more dates)", more).format(
            where=where, n=more)
    if s.staff:
        return ngettext("{where}: at most {limit} allowed, but {people} is fixed",
                        "{where}: at most {limit} allowed, but {people} are fixed", len(s.staff)).format(
            where=where, limit=s.limit, people=_listing([names.person(p) for p in s.staff]))
    return _("{where}: at most {limit} allowed, but {need} needed").format(where=where, limit=s.limit,
                                                                           need=int(s.needed))


def _with_reasons(head: str, reasons: list[str]) -> str:
    if not reasons:
        return head
    return _("{problem}: {reasons}").format(problem=head, reasons=_listing(reasons))


def _listing(items: list[str]) -> str:
    if len(items) <= LISTED + 1:
        return _(", ").join(items)
    return _("{listed} and {n} more").format(listed=_(", ").join(items[:LISTED]), n=len(items) - LISTED)


def _blocked_text(b: Blocked, names: Names, scenario: Scenario, person_level: bool = False) -> str:
    """Why one person is kept out; at person level, on which dates."""
    name = names.person(b.staff)
    shift = names.shift(b.shift)
    if b.reason is Reason.NOT_YET:
        return _("{name} is on the roster only from {date}").format(name=name, date=b.date)
    if b.reason is Reason.NO_LONGER:
        return _("{name} is on the roster only until {date}").format(name=name, date=b.date)
    if b.reason is Reason.ABSENT:
        if not person_level:
            return (_("{name} is absent ({reason})").format(name=name, reason=b.note) if b.note
                    else _("{name} is absent").format(name=name))
        period = scenario.period
        first = max(b.date or period.start, period.start)
        last = min(b.until or period.end, period.end)
        if first == last:
            return (_("{name} is absent on {date} ({reason})").format(name=name, date=first, reason=b.note)
                    if b.note else _("{name} is absent on {date}").format(name=name, date=first))
        return (_("{name} is absent from {first} to {last} ({reason})").format(
            name=name, first=first, last=last, reason=b.note) if b.note
            else _("{name} is absent from {first} to {last}").format(name=name, first=first, last=last))
    if b.reason is Reason.OUTSIDE_PERIOD:
        return _("date {date} is outside the period").format(date=b.date)
    if b.reason is Reason.LIMIT and b.rule is not None:
        return _("{name} must keep to “{rule}”").format(name=name, rule=names.rule(b.rule))
    if b.reason is Reason.STATION:
        return (_("{name} may not work at station {station}").format(name=name, station=names.station(b.station))
                if b.station is not None else _("{name} may not work at any station").format(name=name))
    if b.reason is Reason.ROLE:
        return (_("{name} does not have the role {role}").format(name=name, role=names.role(b.role))
                if b.role is not None else _("{name} has no role to serve in").format(name=name))
    if b.reason is Reason.FIXED:
        what = (_("{station} {shift}").format(station=names.station(b.station), shift=shift)
                if b.station is not None else shift)
        text = _("{name} is fixed on {what}").format(name=name, what=what)
        if b.role is not None:
            text = _("{text} ({context})").format(text=text, context=_("as {role}").format(role=names.role(b.role)))
    elif b.reason is Reason.OVERLAP:
        text = _("{name} already works {shift} on {date} at the same time").format(name=name, shift=shift,
                                                                                   date=b.date)
    elif b.reason in (Reason.REST_AFTER, Reason.REST_BEFORE):
        limit = f"{b.rule.value:g}" if b.rule is not None else "?"
        template = (_("{name} rests less than {limit} h after {shift} on {date}") if b.reason is Reason.REST_AFTER
                    else _("{name} rests less than {limit} h before {shift} on {date}"))
        text = template.format(name=name, limit=limit, shift=shift, date=b.date)
    elif b.reason in (Reason.SUCCESSION_AFTER, Reason.SUCCESSION_BEFORE):
        template = (_("{name} may not work {this} right after {shift} on {date}")
                    if b.reason is Reason.SUCCESSION_AFTER
                    else _("{name} may not work {this} right before {shift} on {date}"))
        text = template.format(name=name, this=names.shift(b.this_shift), shift=shift, date=b.date)
    else:  # Reason.RULE
        text = _rule_text(b, name, names)
    if person_level and b.on is not None:
        text = _("{text} ({context})").format(text=text, context=b.on)
    return text


def _rule_text(b: Blocked, name: str, names: Names) -> str:
    text = _("{name} would break “{rule}”").format(name=name, rule=names.rule(b.rule) if b.rule else "")
    context: list[str] = []
    kind = b.rule.kind if b.rule is not None else None
    if kind in (RuleKind.MAX_HOURS_PER_WEEK, RuleKind.MIN_DAYS_OFF_PER_WEEK) and b.date is not None:
        context.append(_("week from {date}").format(date=b.date))
    elif b.date is not None and b.until is not None:
        context.append(_("{first} to {last}").format(first=b.date, last=b.until) if b.date != b.until
                       else b.date.isoformat())
    if b.count:
        context.append(_("{n} fixed already").format(n=f"{b.count:g}"))
    if context:
        text = _("{text} ({context})").format(text=text, context=_(", ").join(context))
    return text
