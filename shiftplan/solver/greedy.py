"""A quick fair roster to start the search from: day by day, seat by seat, the most deserving.

CP-SAT spends its first seconds on a roster far from fair. This builder walks the dates in
order and fills each station's shift with people who may take it under the hard rules seen so
far (rest, successions, runs, totals, weekly limits), role minimums and Party minimum first,
then up to the target. Among those it takes whoever is furthest *below* their group's fair
share, so the start is already close to balanced. It never looks ahead, so it may leave a seat
empty or break a minimum rule; the roster is only a hint, and CP-SAT repairs what it must.
Deterministic: ties go to the person listed first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from shiftplan.domain.fairness import Category
from shiftplan.domain.model import Cover
from shiftplan.domain.rules import RuleKind
from shiftplan.solver.input import DayIx, Key, PersonIx, ShiftIx, SolverInput

# How much a unit of soft cost weighs against being one shift above the group's fair share.
SOFT_COST = 1.0
REQUEST = 10.0  # a request counts as this many units of its weight: honour them early
CONTINUITY = 0.5  # a bonus for working the same shift as the day before


@dataclass
class _Person:
    """What the builder knows about one person: limits from their rules, and their roster so far."""

    p: PersonIx
    group: int
    rest: float = 0  # minutes of rest required (hard rules)
    max_per_day: int = 1
    max_days_in_row: int = 10**6
    runs: list[tuple[tuple[ShiftIx, ...], int]] = field(default_factory=list)  # hard max_consecutive_shifts
    forbidden: set[tuple[ShiftIx, ShiftIx]] = field(default_factory=set)  # hard successions
    caps: list[tuple[tuple[ShiftIx, ...], float, float | None]] = field(default_factory=list)  # shifts, limit, weight
    hour_cap: float = math.inf  # minutes
    week_minutes: float = math.inf
    week_days: int = 7
    weekends: float = math.inf
    last_end: float = -math.inf  # clock minute the last shift worked ended
    worked: dict[DayIx, list[ShiftIx]] = field(default_factory=lambda: defaultdict(list))
    minutes: float = 0
    history: dict[Category, int] = field(default_factory=dict)  # fairness counts from earlier periods
    counts: dict[Category, int] = field(default_factory=dict)  # fairness counts in the period so far


def greedy_roster(inp: SolverInput, seats: set[Key]) -> set[Key]:
    """A roster over ``seats`` (the model's variables) built greedily; see the module notes."""
    return _Builder(inp, seats).build()


class _Builder:
    def __init__(self, inp: SolverInput, seats: set[Key]) -> None:
        self.inp = inp
        self.seats_at: dict[tuple[DayIx, ShiftIx, int], dict[PersonIx, list[Key]]] = defaultdict(dict)
        for key in sorted(seats):
            self.seats_at[key.d, key.s, key.t].setdefault(key.p, []).append(key)
        groups = {m: g for g, group in enumerate(inp.groups) for m in group.members}
        self.people = [self._person(p, groups[person.id]) for p, person in enumerate(inp.people)]
        self.categories = [c for c in Category if c.weight(inp.scenario) > 0]
        self.category_days = {c: {inp.day_of(d) for d in c.dates(inp.scenario, inp.calendar)} for c in self.categories}
        # available[c][p][d]: days of the category's kind up to d on which p is available (A so far).
        self.available = {c: [_running([d in days and inp.available(p, d) for d in range(inp.num_days)])
                              for p in range(len(inp.people))] for c, days in self.category_days.items()}
        self.week_of = {d: week for week in inp.whole_weeks for d in week}
        history = {c.staff: c for c in inp.scenario.history.counts}
        for person in self.people:
            person.history = {c: c.history(history.get(inp.people[person.p].id)) for c in self.categories}
            person.counts = dict.fromkeys(self.categories, 0)
        self.means: dict[tuple[int, Category], float] = {}
        # Fixed assignments go in first, on a seat that matches them.
        self.pinned: dict[tuple[DayIx, ShiftIx, int], list[Key]] = defaultdict(list)
        self.pinned_days: dict[tuple[PersonIx, DayIx], set[ShiftIx]] = defaultdict(set)
        self.pinned_clock: dict[PersonIx, list[tuple[int, int]]] = defaultdict(list)  # (start, end) minutes
        for f in inp.scenario.fixed:
            p, s, d = inp.person_ix.get(f.staff), inp.shift_ix.get(f.shift), inp.day_of(f.date)
            if p is None or s is None:
                continue
            matches = [k for t in range(len(inp.stations)) for k in self.seats_at.get((d, s, t), {}).get(p, [])
                       if (f.station is None or inp.stations[k.t] == f.station)
                       and (f.role is None or (k.r is not None and inp.roles[k.r] == f.role))]
            if matches:
                self.pinned[d, matches[0].s, matches[0].t].append(matches[0])
                self.pinned_days[matches[0].p, d].add(matches[0].s)
                pinned = inp.occurrence(d, matches[0].s)
                self.pinned_clock[matches[0].p].append((pinned.start, pinned.end))
        self.wishes: dict[tuple[PersonIx, DayIx], list[tuple[ShiftIx | None, bool, float]]] = defaultdict(list)
        for r in inp.scenario.requests:
            if r.staff in inp.person_ix and r.date in inp.scenario.period:
                shift = inp.shift_ix.get(r.shift) if r.shift is not None else None
                self.wishes[inp.person_ix[r.staff], inp.day_of(r.date)].append((shift, r.want, r.weight))

    def _person(self, p: PersonIx, group: int) -> _Person:
        inp = self.inp
        person = _Person(p, group)
        rule_set = inp.rule_sets[p]
        for rule in [r for r in (rule_set.rules if rule_set else ()) if r.hard]:
            kind, value = rule.kind, rule.value
            if kind is RuleKind.MIN_REST_HOURS:
                person.rest = max(person.rest, value * 60)
            elif kind is RuleKind.MAX_SHIFTS_PER_DAY:
                person.max_per_day = min(person.max_per_day, int(value))
            elif kind is RuleKind.MAX_CONSECUTIVE_DAYS:
                person.max_days_in_row = min(person.max_days_in_row, int(value))
            elif kind is RuleKind.MAX_CONSECUTIVE_SHIFTS:
                person.runs.append((inp.shift_set(rule), int(value)))
            elif kind is RuleKind.FORBIDDEN_SUCCESSION:
                person.forbidden |= {(inp.shift_ix[a], inp.shift_ix[b]) for a in rule.shifts for b in rule.next_shifts
                                     if a in inp.shift_ix and b in inp.shift_ix}
            elif kind is RuleKind.MAX_HOURS:
                person.hour_cap = min(person.hour_cap, value * 60)
            elif kind is RuleKind.MAX_HOURS_PER_WEEK:
                person.week_minutes = min(person.week_minutes, value * 60)
            elif kind is RuleKind.MIN_DAYS_OFF_PER_WEEK:
                person.week_days = min(person.week_days, 7 - int(value))
            elif kind is RuleKind.MAX_WEEKENDS:
                person.weekends = min(person.weekends, value)
        for rule in inp.rules(p, RuleKind.MAX_SHIFTS):
            person.caps.append((inp.shift_set(rule), rule.value, rule.weight))
        for d, s in inp.history[p]:
            if d >= inp.window_start:
                person.worked[d].append(s)
            person.last_end = max(person.last_end, inp.occurrence(d, s).end)
        return person

    # --- the walk --------------------------------------------------------------------------

    def build(self) -> set[Key]:
        inp, chosen = self.inp, set()
        needs = dict(inp.needs)
        for d, s, t in self.pinned:  # a fixed assignment where no cover asks for anyone
            needs.setdefault((t, s, d), Cover())
        slots = sorted(needs.items(), key=lambda item: (item[0][2], inp.occurrence(0, item[0][1]).start,
                                                        item[0][1], item[0][0]))
        for (t, s, d), need in slots:
            chosen |= self._fill(t, s, d, need)
        return chosen

    def _fill(self, t: int, s: ShiftIx, d: DayIx, need: Cover) -> set[Key]:
        inp = self.inp
        wanted = max(need.min, need.target if need.target is not None else need.min)
        if need.max is not None:
            wanted = min(wanted, need.max)
        offers = {p: keys for p, keys in self.seats_at.get((d, s, t), {}).items()
                  if self._may_take(self.people[p], d, s)}
        self.means.clear()
        ranked = sorted(offers, key=lambda p: (self._score(self.people[p], d, s), p))
        taken: dict[PersonIx, Key] = {key.p: key for key in self.pinned.get((d, s, t), [])}

        def take(p: PersonIx, role: int | None) -> None:
            key = next((k for k in offers[p] if role is None or k.r == role), offers[p][0])
            taken[p] = key

        # Role minimums first, the role with the fewest candidates first.
        minimums = [(inp.role_ix[r], n) for r, n in need.roles.items() if r in inp.role_ix and n > 0]
        minimums.sort(key=lambda rn: sum(any(k.r == rn[0] for k in offers[p]) for p in offers))
        for role, n in minimums:
            holders = [p for p in ranked if p not in taken and any(k.r == role for k in offers[p])]
            for p in holders[:n]:
                take(p, role)
        missing = need.party_min - sum(inp.people[p].is_party_member for p in taken)
        for p in [p for p in ranked if p not in taken and inp.people[p].is_party_member][:max(0, missing)]:
            take(p, None)
        for p in [p for p in ranked if p not in taken][:max(0, wanted - len(taken))]:
            take(p, None)
        for p, key in taken.items():
            self._record(self.people[p], key)
        return set(taken.values())

    # --- what a person may take, and how much they deserve it ------------------------------

    def _may_take(self, person: _Person, d: DayIx, s: ShiftIx) -> bool:
        inp = self.inp
        pinned = self.pinned_days.get((person.p, d))
        if pinned is not None:
            return False  # taken on a fixed shift that day (and placed by the fixed assignment itself)
        occurrence = inp.occurrence(d, s)
        today = person.worked.get(d, [])
        if len(today) >= person.max_per_day or occurrence.start < person.last_end:
            return False
        if occurrence.start - person.last_end < person.rest:
            return False
        # A fixed shift later on is already there: leave room for it (overlap and rest).
        for start, _end in self.pinned_clock.get(person.p, []):
            if start >= occurrence.start and (start < occurrence.end or start - occurrence.end < person.rest):
                return False
        if any((a, s) in person.forbidden for a in person.worked.get(d - 1, [])):
            return False
        if self._run(person, d, None) + 1 > person.max_days_in_row and not today:
            return False
        if any(s in shifts and self._run(person, d, shifts) + 1 > limit for shifts, limit in person.runs):
            return False
        minutes = inp.shifts[s].minutes
        if person.minutes + minutes > person.hour_cap + 1e-9:
            return False
        for shifts, limit, weight in person.caps:
            if weight is None and s in shifts and self._count(person, shifts) + 1 > limit:
                return False
        week = self.week_of.get(d)
        if week is not None:
            days = [x for x in week if person.worked.get(x)]
            if not today and len(days) + 1 > person.week_days:
                return False
            worked = sum(inp.shifts[x].minutes for day in week for x in person.worked.get(day, []))
            if worked + minutes > person.week_minutes + 1e-9:
                return False
        if person.weekends < math.inf and inp.dates[d].weekday() >= 5:
            weekend = next(w for w in inp.weekends if d in w)
            worked_weekends = {w for w in inp.weekends if any(person.worked.get(x) for x in w)}
            if weekend not in worked_weekends and len(worked_weekends) + 1 > person.weekends:
                return False
        return True

    def _run(self, person: _Person, d: DayIx, shifts: tuple[ShiftIx, ...] | None) -> int:
        """Days in a row up to ``d - 1`` with work (on one of ``shifts``)."""
        run, day = 0, d - 1
        while day >= self.inp.window_start and any(shifts is None or x in shifts for x in person.worked.get(day, [])):
            run, day = run + 1, day - 1
        return run

    def _count(self, person: _Person, shifts: tuple[ShiftIx, ...]) -> int:
        return sum(1 for day, worked in person.worked.items() if day >= 0 for x in worked if x in shifts)

    def _score(self, person: _Person, d: DayIx, s: ShiftIx) -> float:
        """Lower is better: load above the group's average, plus the soft costs the shift brings."""
        inp, score = self.inp, 0.0
        for category in self.categories:
            if d in self.category_days[category] and category.counts(inp.dates[d], inp.shifts[s], inp.calendar):
                score += category.weight(inp.scenario) * (self._projected(person, category, d)
                                                          - self._mean(person.group, category, d))
        for shift, want, weight in self.wishes.get((person.p, d), []):
            if shift is None or shift == s:
                score += REQUEST * weight * (-1 if want else 1)
        for shifts, limit, cap_weight in person.caps:
            if cap_weight is not None and s in shifts and self._count(person, shifts) + 1 > limit:
                score += SOFT_COST * cap_weight
        if s in person.worked.get(d - 1, []):
            score -= CONTINUITY  # keep blocks of the same shift: fewer clashes with rest tomorrow
        return score

    def _projected(self, person: _Person, category: Category, d: DayIx) -> float:
        """The load this person's pace so far would give at the end of the period."""
        pace = len(self.category_days[category]) / max(1, self.available[category][person.p][d])
        return person.history[category] + person.counts[category] * pace

    def _mean(self, group: int, category: Category, d: DayIx) -> float:
        """The group's average projected load (computed once per seat being filled)."""
        if (group, category) not in self.means:
            members = self.inp.groups[group].members
            self.means[group, category] = sum(self._projected(self.people[self.inp.person_ix[m]], category, d)
                                              for m in members) / len(members)
        return self.means[group, category]

    def _record(self, person: _Person, key: Key) -> None:
        inp = self.inp
        person.worked[key.d].append(key.s)
        person.last_end = max(person.last_end, inp.occurrence(key.d, key.s).end)
        person.minutes += inp.shifts[key.s].minutes
        for category in self.categories:
            if key.d in self.category_days[category] and category.counts(inp.dates[key.d], inp.shifts[key.s],
                                                                         inp.calendar):
                person.counts[category] += 1


def _running(flags: list[bool]) -> list[int]:
    """Running totals of ``flags``."""
    totals, total = [], 0
    for flag in flags:
        total += flag
        totals.append(total)
    return totals
