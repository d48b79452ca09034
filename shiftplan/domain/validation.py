"""The validator: judges any roster against a scenario, independently of how it was made.

It is the specification the solver is tested against. Each rule family is one function that
yields :class:`Violation` values; hard ones have ``hard=True``, soft ones carry their cost, and
the objective is the sum of the soft costs. Rest and overlap are measured on the real clock,
across midnight and across the period border using the scenario's history.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.fairness import Category, EligibilityGroup, available_dates, eligibility_groups, load
from shiftplan.domain.model import Assignment, Cover, Scenario, ShiftType, StaffMember, Violation
from shiftplan.domain.rules import DEFAULT_MAX_SHIFTS_PER_DAY, Rule, RuleKind
from shiftplan.i18n import _

ONE_DAY = dt.timedelta(days=1)
@dataclass
class Report:
    """Everything the validator found."""

    violations: list[Violation] = field(default_factory=list)

    @property
    def hard(self) -> list[Violation]:
        return [v for v in self.violations if v.hard]

    @property
    def soft(self) -> list[Violation]:
        return [v for v in self.violations if not v.hard]

    @property
    def feasible(self) -> bool:
        return not self.hard

    @property
    def cost(self) -> float:
        """The sum of the soft costs, unrounded."""
        return sum(v.cost for v in self.violations if not v.hard)

    @property
    def objective(self) -> float:
        return round(self.cost, 2)


@dataclass(frozen=True)
class Focus:
    """What a what-if check looks at: these people's rules, these slots' cover, their groups."""

    staff: frozenset[str]
    slots: frozenset[Slot]


class _Memo:
    """What a :class:`RosterChecker` works out once and shares between its what-if checks.

    Nothing here changes what is judged: the worked shifts of a (date, shift) pair, the dates a
    person is available in a category, and the fairness counts of people a change does not move
    (their shifts are the roster's own: ``whole`` is the roster indexed once, whole).
    """

    def __init__(self, scenario: Scenario) -> None:
        self.order = {p.id: i for i, p in enumerate(scenario.staff)}
        self.worked: dict[tuple[dt.date, str, bool], Worked] = {}
        self.available: dict[tuple[Category, str], int] = {}
        self.counts: dict[tuple[Category, str], int] = {}  # of people outside the focus
        self.dates: dict[Category, list[dt.date]] = {}
        self.problems: dict[Assignment, list[Violation]] = {}  # _reference_problems, roster-independent
        self.whole: Callable[[], _Context] | None = None


@dataclass(frozen=True)
class Worked:
    """One shift a person works (in history or in the period) on the real clock."""

    date: dt.date
    shift: ShiftType
    start: dt.datetime
    end: dt.datetime
    in_period: bool


def check(scenario: Scenario, assignments: Iterable[Assignment], calendar: DayCalendar) -> Report:
    """Judge ``assignments`` as a roster for ``scenario``."""
    return _judge(_Context(scenario, calendar), assignments)


class RosterChecker:
    """One roster, judged whole or, for what-if questions, only as far as a change reaches.

    A change to a few assignments can only affect the rules of the people it moves, the cover of
    the slots it touches and the fairness of those people's groups, so :meth:`what_if` judges just
    that, before and after; the difference is exact and costs a small part of a full check. The
    other members of those groups count in fairness with their shifts in the whole roster.
    """

    def __init__(self, scenario: Scenario, calendar: DayCalendar, assignments: Iterable[Assignment]) -> None:
        self.scenario = scenario
        self.calendar = calendar
        self.assignments = tuple(assignments)
        self._needs = resolve_cover(scenario, calendar)
        self._groups = eligibility_groups(scenario)
        self._by_staff: dict[str, list[Assignment]] = defaultdict(list)
        self._by_slot: dict[Slot, list[Assignment]] = defaultdict(list)
        self._memo = _Memo(scenario)
        self._memo.whole = self._whole
        self._indexed: _Context | None = None
        for a in self.assignments:
            self._by_staff[a.staff].append(a)
            self._by_slot[Slot(a.station, a.shift, a.date)].append(a)

    def report(self) -> Report:
        return _judge(self._context(None), self.assignments)

    def what_if(self, add: Iterable[Assignment] = (), remove: Iterable[Assignment] = ()) -> tuple[Report, Report]:
        """The violations within reach of a change, before it and after it."""
        add, remove = list(add), list(remove)
        before, (after,) = self.what_ifs([add], remove)
        return before, after

    def what_ifs(self, adds: Iterable[Iterable[Assignment]],
                 remove: Iterable[Assignment] = ()) -> tuple[Report, list[Report]]:
        """Like :meth:`what_if` for several alternative additions judged against one "before".

        All the alternatives must reach the same people and slots (e.g. one person on one slot in
        different roles), so that the "before" is the same for each.
        """
        options, remove = [list(add) for add in adds], list(remove)
        focus = self._focus(options[0] + remove)
        if any(self._focus(add + remove) != focus for add in options[1:]):
            raise ValueError("the alternatives reach different people or slots")
        before = self._before(focus)
        afters = []
        for add in options:
            after = list(before)
            for a in remove:
                if a in after:
                    after.remove(a)
            after += add
            afters.append(_judge(self._context(focus), after))
        return _judge(self._context(focus), before), afters

    @staticmethod
    def _focus(change: list[Assignment]) -> Focus:
        return Focus(frozenset(a.staff for a in change), frozenset(Slot(a.station, a.shift, a.date) for a in change))

    def _before(self, focus: Focus) -> list[Assignment]:
        """The roster's assignments within reach of a change to ``focus``."""
        people = focus.staff
        before = [a for person in sorted(people) for a in self._by_staff.get(person, [])]
        before += [a for slot in focus.slots for a in self._by_slot.get(slot, []) if a.staff not in people]
        return before

    def _whole(self) -> _Context:
        """The whole roster, indexed once (for the fairness counts of the people a change leaves alone)."""
        if self._indexed is None:
            context = self._context(None)
            context.index([a for a in self.assignments if not list(_reference_problems(context, a))])
            self._indexed = context
        return self._indexed

    def _context(self, focus: Focus | None) -> _Context:
        return _Context(self.scenario, self.calendar, focus, self._needs, self._groups, self._memo)


def _judge(context: _Context, assignments: Iterable[Assignment]) -> Report:
    valid = []
    report = Report()
    memo = context.memo.problems
    for assignment in assignments:
        problems = memo.get(assignment)
        if problems is None:
            problems = memo[assignment] = list(_reference_problems(context, assignment))
        report.violations.extend(problems)
        if not problems:
            valid.append(assignment)
    context.index(valid)
    for family in RULE_FAMILIES:
        report.violations.extend(family(context))
    return report


class _Context:
    """Indexes shared by the rule families."""

    def __init__(self, scenario: Scenario, calendar: DayCalendar, focus: Focus | None = None,
                 needs: dict[Slot, Cover] | None = None, groups: list[EligibilityGroup] | None = None,
                 memo: _Memo | None = None) -> None:
        self.scenario = scenario
        self.memo = memo if memo is not None else _Memo(scenario)
        self.focus = focus
        self._needs = needs
        self._groups = groups
        self.calendar = calendar
        self.period = scenario.period
        self.shifts = {s.id: s for s in scenario.shift_types}
        self.people = {p.id: p for p in scenario.staff}
        self.stations = {s.id for s in scenario.stations}
        self.roles = {r.id for r in scenario.roles}
        self.station_names = {s.id: s.name for s in scenario.stations}
        self.role_names = {r.id: r.name for r in scenario.roles}
        self.window_start = scenario.history.window_start(scenario.period)
        self.assignments: list[Assignment] = []
        self.by_person: dict[str, list[Assignment]] = defaultdict(list)
        self.worked: dict[str, list[Worked]] = defaultdict(list)

    def index(self, assignments: list[Assignment]) -> None:
        self.assignments = assignments
        for a in assignments:
            self.by_person[a.staff].append(a)
            self.worked[a.staff].append(self._worked(a.date, a.shift, True))
        # Only the judged people's history: outside a focus nobody's shifts are read (fairness counts
        # them in the whole roster).
        for h in self.scenario.history.assignments:
            if h.shift in self.shifts and h.staff in self.people and self.concerns(h.staff):
                self.worked[h.staff].append(self._worked(h.date, h.shift, False))
        for shifts in self.worked.values():
            shifts.sort(key=lambda w: (w.start, w.end))

    def _worked(self, day: dt.date, shift_id: str, in_period: bool) -> Worked:
        key = (day, shift_id, in_period)
        worked = self.memo.worked.get(key)
        if worked is None or worked.shift is not self.shifts[shift_id]:
            shift = self.shifts[shift_id]
            start, end = shift.interval(day)
            worked = self.memo.worked[key] = Worked(day, shift, start, end, in_period)
        return worked

    def concerns(self, person_id: str) -> bool:
        return self.focus is None or person_id in self.focus.staff

    def staff(self) -> list[StaffMember]:
        """The people whose rules are judged, in the scenario's order."""
        if self.focus is None:
            return list(self.scenario.staff)
        order = self.memo.order
        return [self.people[i] for i in sorted((i for i in self.focus.staff if i in order), key=order.__getitem__)]

    def worked_by_person(self) -> list[tuple[str, list[Worked]]]:
        return [(person, shifts) for person, shifts in self.worked.items() if self.concerns(person)]

    def needs(self) -> dict[Slot, Cover]:
        """The slots whose cover is judged, with the entry that applies to each."""
        needs = self._needs if self._needs is not None else resolve_cover(self.scenario, self.calendar)
        if self.focus is None:
            return needs
        return {slot: needs[slot] for slot in self.focus.slots if slot in needs}

    def groups(self) -> list[EligibilityGroup]:
        """The eligibility groups whose fairness is judged."""
        groups = self._groups if self._groups is not None else eligibility_groups(self.scenario)
        return [g for g in groups if self.focus is None or not self.focus.staff.isdisjoint(g.members)]

    def rules(self, person: StaffMember, kind: RuleKind) -> list[Rule]:
        rule_set = self.scenario.rule_set_of(person)
        return rule_set.of_kind(kind) if rule_set else []

    def worked_dates(self, person_id: str, shifts: tuple[str, ...] = ()) -> set[dt.date]:
        return {w.date for w in self.worked[person_id] if not shifts or w.shift.id in shifts}

    def period_shifts(self, person_id: str) -> list[Worked]:
        return [w for w in self.worked[person_id] if w.in_period]

    def category_dates(self, category: Category) -> list[dt.date]:
        dates = self.memo.dates.get(category)
        if dates is None:
            dates = self.memo.dates[category] = category.dates(self.scenario, self.calendar)
        return dates

    def available(self, category: Category, person_id: str, dates: list[dt.date]) -> int:
        """How many of the category's ``dates`` the person is available on (the roster does not matter)."""
        key = (category, person_id)
        if key not in self.memo.available:
            self.memo.available[key] = available_dates(self.scenario, self.people[person_id], dates)
        return self.memo.available[key]

    def category_count(self, category: Category, person_id: str) -> int:
        """How many of the person's period shifts count in the category.

        Outside a what-if focus a person's shifts are the roster's own: counted in the whole roster, once.
        """
        if self.focus is not None and person_id not in self.focus.staff and self.memo.whole is not None:
            key = (category, person_id)
            if key not in self.memo.counts:
                self.memo.counts[key] = self.memo.whole().category_count(category, person_id)
            return self.memo.counts[key]
        return sum(1 for w in self.period_shifts(person_id) if category.counts(w.date, w.shift, self.calendar))


def _personal(rule: Rule, person: StaffMember, amount: float, detail: str, **about: object) -> Violation:
    """A violation of one of the person's rules: hard, or soft at weight x amount."""
    cost = 0.0 if rule.hard else round(float(rule.weight or 0) * amount, 6)
    return Violation(rule=rule.kind.value, cost=cost, hard=rule.hard, staff=person.id,
                     detail=detail, **about)  # type: ignore[arg-type]


def _name(context: _Context, person_id: str) -> str:
    person = context.people.get(person_id)
    return person.name if person else person_id


# --- assignments that cannot stand at all -------------------------------------------------


def _reference_problems(context: _Context, a: Assignment) -> Iterator[Violation]:
    about = {"staff": a.staff, "dates": (a.date,), "shift": a.shift, "station": a.station, "role": a.role}
    # Messages are built only for what is wrong: this runs for every assignment.
    unknown = [
        (a.staff not in context.people, lambda: _("unknown person {id}").format(id=a.staff)),
        (a.shift not in context.shifts, lambda: _("unknown shift type {id}").format(id=a.shift)),
        (a.station not in context.stations, lambda: _("unknown station {id}").format(id=a.station)),
        (a.role is not None and a.role not in context.roles, lambda: _("unknown role {id}").format(id=a.role)),
        (a.date not in context.period, lambda: _("date {date} is outside the period").format(date=a.date)),
    ]
    for bad, text in unknown:
        if bad:
            yield Violation("invalid_assignment", hard=True, detail=text(), **about)  # type: ignore[arg-type]


def _eligibility(context: _Context) -> Iterator[Violation]:
    absences = defaultdict(list)
    for absence in context.scenario.absences:
        absences[absence.staff].append(absence)
    for a in context.assignments:
        if not context.concerns(a.staff):
            continue
        person = context.people[a.staff]
        about = {"staff": a.staff, "dates": (a.date,), "shift": a.shift, "station": a.station, "role": a.role}
        name = person.name
        if not person.on_roster(a.date):
            yield Violation("not_on_roster", hard=True, **about,  # type: ignore[arg-type]
                            detail=_("{name} is not on the roster on {date}").format(name=name, date=a.date))
        if not person.may_work_at(a.station):
            yield Violation("station_not_allowed", hard=True, **about,  # type: ignore[arg-type]
                            detail=_("{name} may not work at station {station}").format(
                                name=name, station=context.station_names.get(a.station, a.station)))
        if context.roles and a.role is None:
            yield Violation("role_missing", hard=True, **about,  # type: ignore[arg-type]
                            detail=_("the assignment of {name} serves no role").format(name=name))
        elif a.role is not None and a.role not in person.roles:
            yield Violation("role_not_held", hard=True, **about,  # type: ignore[arg-type]
                            detail=_("{name} does not have the role {role}").format(
                                name=name, role=context.role_names.get(a.role, a.role)))
        for absence in absences[a.staff]:
            if absence.covers(a.date):
                yield Violation("absence", hard=True, **about,  # type: ignore[arg-type]
                                detail=_("{name} is absent on {date} ({reason})").format(
                                    name=name, date=a.date, reason=absence.reason or "-"))


def _fixed(context: _Context) -> Iterator[Violation]:
    for f in context.scenario.fixed:
        if not context.concerns(f.staff):
            continue
        found = any(
            a.staff == f.staff and a.date == f.date and a.shift == f.shift
            and (f.station is None or a.station == f.station) and (f.role is None or a.role == f.role)
            for a in context.by_person.get(f.staff, [])
        )
        if not found:
            yield Violation("fixed", hard=True, staff=f.staff, dates=(f.date,), shift=f.shift,
                            station=f.station, role=f.role,
                            detail=_("the fixed assignment of {name} is missing").format(
                                name=_name(context, f.staff)))


# --- time: overlap, shifts per day, rest, successions ------------------------------------


def _overlap(context: _Context) -> Iterator[Violation]:
    for person_id, shifts in context.worked_by_person():
        for i, first in enumerate(shifts):
            for second in shifts[i + 1:]:
                if second.start >= first.end:
                    break
                if first.in_period or second.in_period:
                    yield Violation("overlap", hard=True, staff=person_id,
                                    dates=_distinct(first.date, second.date), shift=second.shift.id,
                                    detail=_("{name}: {first} and {second} overlap in time").format(
                                        name=_name(context, person_id), first=first.shift.name,
                                        second=second.shift.name))


def _shifts_per_day(context: _Context) -> Iterator[Violation]:
    for person_id, assignments in context.by_person.items():
        if not context.concerns(person_id):
            continue
        person = context.people[person_id]
        rules = context.rules(person, RuleKind.MAX_SHIFTS_PER_DAY) or [DEFAULT_MAX_SHIFTS_PER_DAY]
        per_day: dict[dt.date, int] = defaultdict(int)
        for a in assignments:
            per_day[a.date] += 1
        for rule in rules:
            for day, n in sorted(per_day.items()):
                if n > rule.value:
                    yield _personal(rule, person, n - rule.value, dates=(day,),
                                    detail=_("{name} has {n} shifts on {date}, at most {limit} allowed").format(
                                        name=person.name, n=n, date=day, limit=f"{rule.value:g}"))


def _rest(context: _Context) -> Iterator[Violation]:
    for person_id, shifts in context.worked_by_person():
        person = context.people[person_id]
        for rule in context.rules(person, RuleKind.MIN_REST_HOURS):
            for before, after in itertools.pairwise(shifts):
                if not after.in_period:
                    continue
                rest = (after.start - before.end).total_seconds() / 3600
                if rest < rule.value:
                    yield _personal(rule, person, rule.value - rest, dates=_distinct(before.date, after.date),
                                    shift=after.shift.id,
                                    detail=_("{name} rests {rest:g} h between {first} on {d1} and {second} on "
                                             "{d2}, needs {need:g} h").format(
                                        name=person.name, rest=round(rest, 2), first=before.shift.name,
                                        d1=before.date, second=after.shift.name, d2=after.date, need=rule.value))


def _successions(context: _Context) -> Iterator[Violation]:
    for person_id, shifts in context.worked_by_person():
        person = context.people[person_id]
        for rule in context.rules(person, RuleKind.FORBIDDEN_SUCCESSION):
            firsts = [w for w in shifts if w.shift.id in rule.shifts]
            for nxt in shifts:
                if not nxt.in_period or nxt.shift.id not in rule.next_shifts:
                    continue
                for first in firsts:
                    if first.date + ONE_DAY == nxt.date:
                        yield _personal(rule, person, 1, dates=(first.date, nxt.date), shift=nxt.shift.id,
                                        detail=_("{name} works {second} on {d2} right after {first} on {d1}").format(
                                            name=person.name, second=nxt.shift.name, d2=nxt.date,
                                            first=first.shift.name, d1=first.date))


# --- runs of working days and days off ----------------------------------------------------


def _runs(dates: set[dt.date], start: dt.date, end: dt.date, worked: bool) -> list[tuple[dt.date, dt.date]]:
    """Maximal runs of dates in [start, end] that are (or, with worked=False, are not) in ``dates``."""
    runs, run_start, day = [], None, start
    while day <= end:
        inside = (day in dates) == worked
        if inside and run_start is None:
            run_start = day
        if not inside and run_start is not None:
            runs.append((run_start, day - ONE_DAY))
            run_start = None
        day += ONE_DAY
    if run_start is not None:
        runs.append((run_start, end))
    return runs


def _too_long(
    context: _Context, rule: Rule, person: StaffMember, dates: set[dt.date], message: str, shifts: str = ""
) -> Iterator[Violation]:
    """Runs longer than the rule allows; a run from history costs only its period days over.

    ``message`` is a translated template with {name}, {n}, {first}, {last}, {limit} and {shifts}.
    """
    period = context.period
    for first, last in _runs(dates, context.window_start, period.end, worked=True):
        length = (last - first).days + 1
        if last < period.start or length <= rule.value:
            continue
        period_days = (last - max(first, period.start)).days + 1
        over = min(length - rule.value, period_days)
        if over > 0:
            yield _personal(rule, person, over, dates=_span(max(first, period.start), last),
                            shift="+".join(rule.shifts) or None,
                            detail=message.format(name=person.name, n=length, first=first, last=last,
                                                  limit=f"{rule.value:g}", shifts=shifts))


def _consecutive(context: _Context) -> Iterator[Violation]:
    period = context.period
    for person in context.staff():
        worked = context.worked_dates(person.id)
        for rule in context.rules(person, RuleKind.MAX_CONSECUTIVE_DAYS):
            yield from _too_long(context, rule, person, worked, _(
                "{name} works {n} days in a row ({first} to {last}), at most {limit}"))
        for rule in context.rules(person, RuleKind.MAX_CONSECUTIVE_SHIFTS):
            shifts = "/".join(context.shifts[s].name for s in rule.shifts if s in context.shifts)
            yield from _too_long(context, rule, person, context.worked_dates(person.id, rule.shifts), _(
                "{name} works {shifts} on {n} days in a row ({first} to {last}), at most {limit}"), shifts)
        for rule in context.rules(person, RuleKind.MIN_CONSECUTIVE_DAYS):
            for first, last in _runs(worked, context.window_start, period.end, worked=True):
                length = (last - first).days + 1
                # Open at both ends of what is known: before the window, and after the period.
                judged = first > context.window_start and last < period.end and last >= period.start - ONE_DAY
                if judged and length < rule.value:
                    yield _personal(rule, person, rule.value - length, dates=_span(first, last),
                                    detail=_("{name} works only {n} days in a row ({first} to {last}), "
                                             "at least {limit}").format(
                                        name=person.name, n=length, first=first, last=last,
                                        limit=f"{rule.value:g}"))
        for rule in context.rules(person, RuleKind.MIN_CONSECUTIVE_DAYS_OFF):
            for first, last in _runs(worked, context.window_start, period.end, worked=False):
                length = (last - first).days + 1
                # Judged only between two known worked dates, the later one in the period.
                judged = first > context.window_start and last < period.end and last >= period.start - ONE_DAY
                if judged and length < rule.value:
                    yield _personal(rule, person, rule.value - length, dates=_span(first, last),
                                    detail=_("{name} has only {n} days off in a row ({first} to {last}), "
                                             "at least {limit}").format(
                                        name=person.name, n=length, first=first, last=last,
                                        limit=f"{rule.value:g}"))


def _distinct(*dates: dt.date) -> tuple[dt.date, ...]:
    """The dates a violation is about, each once, in order."""
    return tuple(sorted(set(dates)))


def _span(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    return tuple(first + dt.timedelta(days=i) for i in range((last - first).days + 1))


# --- totals over the period and per week --------------------------------------------------


def _totals(context: _Context) -> Iterator[Violation]:
    bounds = {
        RuleKind.MAX_SHIFTS: (1, _("{name} has {n:g} {what} shifts, at most {limit}")),
        RuleKind.MIN_SHIFTS: (-1, _("{name} has {n:g} {what} shifts, at least {limit}")),
        RuleKind.MAX_HOURS: (1, _("{name} works {n:g} hours, at most {limit}")),
        RuleKind.MIN_HOURS: (-1, _("{name} works {n:g} hours, at least {limit}")),
    }
    for person in context.staff():
        shifts = context.period_shifts(person.id)
        for kind, (sign, text) in bounds.items():
            for rule in context.rules(person, kind):
                if kind in (RuleKind.MAX_HOURS, RuleKind.MIN_HOURS):
                    amount = sum(w.shift.hours for w in shifts)
                else:
                    amount = sum(1 for w in shifts if rule.applies_to(w.shift.id))
                excess = (amount - rule.value) * sign
                if excess > 1e-9:
                    what = "/".join(context.shifts[s].name for s in rule.shifts if s in context.shifts)
                    yield _personal(rule, person, excess, shift="+".join(rule.shifts) or None,
                                    detail=text.format(name=person.name, n=round(amount, 2), what=what,
                                                       limit=f"{rule.value:g}").replace("  ", " "))


def _weeks(context: _Context) -> Iterator[Violation]:
    """Each whole Monday-Sunday week; a violation names the week by its Monday (as in the format's example)."""
    for week in context.period.whole_weeks():
        days = set(week)
        for person in context.staff():
            shifts = [w for w in context.period_shifts(person.id) if w.date in days]
            for rule in context.rules(person, RuleKind.MAX_HOURS_PER_WEEK):
                hours = sum(w.shift.hours for w in shifts)
                if hours > rule.value + 1e-9:
                    yield _personal(rule, person, hours - rule.value, dates=(week[0],),
                                    detail=_("{name} works {n:g} hours in the week from {monday}, at most "
                                             "{limit}").format(name=person.name, n=round(hours, 2),
                                                               monday=week[0], limit=f"{rule.value:g}"))
            for rule in context.rules(person, RuleKind.MIN_DAYS_OFF_PER_WEEK):
                off = 7 - len({w.date for w in shifts})
                if off < rule.value:
                    yield _personal(rule, person, rule.value - off, dates=(week[0],),
                                    detail=_("{name} has {n} days off in the week from {monday}, at least "
                                             "{limit}").format(name=person.name, n=off, monday=week[0],
                                                               limit=f"{rule.value:g}"))


def _weekends(context: _Context) -> Iterator[Violation]:
    for person in context.staff():
        rules = context.rules(person, RuleKind.MAX_WEEKENDS)
        if not rules:
            continue
        saturdays = sorted({w.date - dt.timedelta(days=w.date.weekday() - 5)
                            for w in context.period_shifts(person.id) if w.date.weekday() >= 5})
        for rule in rules:
            if len(saturdays) > rule.value:
                yield _personal(rule, person, len(saturdays) - rule.value, dates=tuple(saturdays),
                                detail=_("{name} works on {n} weekends, at most {limit}").format(
                                    name=person.name, n=len(saturdays), limit=f"{rule.value:g}"))


# --- requests, cover, fairness -------------------------------------------------------------


def _requests(context: _Context) -> Iterator[Violation]:
    for request in context.scenario.requests:
        if request.date not in context.period or request.staff not in context.people or not context.concerns(
                request.staff):
            continue
        works = any(a.date == request.date and (request.shift is None or a.shift == request.shift)
                    for a in context.by_person.get(request.staff, []))
        if works != request.want:
            name = _name(context, request.staff)
            shift = (context.shifts[request.shift].name if request.shift in context.shifts
                     else request.shift or _("any shift"))
            text = (_("{name} asked to work {shift} on {date}") if request.want
                    else _("{name} asked not to work {shift} on {date}"))
            yield Violation("request", cost=round(request.weight, 6), staff=request.staff, dates=(request.date,),
                            shift=request.shift, detail=text.format(name=name, shift=shift, date=request.date))


def _shortfall(need: Cover, slot: Slot, rule: str, missing: int, detail: str, role: str | None = None) -> Violation:
    """Too few people (or roles, or Party members): hard, or soft_weight per missing person."""
    cost = round(need.soft_weight * missing, 6) if need.soft else 0.0
    return Violation(rule, cost=cost, hard=not need.soft, dates=(slot.date,), shift=slot.shift,
                     station=slot.station, role=role, detail=detail)


def _cover(context: _Context) -> Iterator[Violation]:
    needs = context.needs()
    dates = {slot.date for slot in needs}
    on_slot: dict[Slot, list[Assignment]] = defaultdict(list)
    for a in context.assignments:
        if a.date in dates:
            on_slot[Slot(a.station, a.shift, a.date)].append(a)
    for slot, need in needs.items():
        present = on_slot.get(slot, [])
        n = len(present)
        about = {"dates": (slot.date,), "shift": slot.shift, "station": slot.station}
        where = _("{station} {shift} on {date}").format(
            station=context.station_names.get(slot.station, slot.station), shift=context.shifts[slot.shift].name,
            date=slot.date)
        if n < need.min:
            yield _shortfall(need, slot, "cover_min", need.min - n,
                             _("{where}: {n} on duty, {need} needed").format(where=where, n=n, need=need.min))
        if need.max is not None and n > need.max:
            yield Violation("cover_max", hard=True, **about,  # type: ignore[arg-type]
                            detail=_("{where}: {n} on duty, at most {limit} allowed").format(
                                where=where, n=n, limit=need.max))
        for role, minimum in need.roles.items():
            serving = sum(1 for a in present if a.role == role)
            if serving < minimum:
                yield _shortfall(need, slot, "cover_roles", minimum - serving, role=role,
                                 detail=_("{where}: {n} serving as {role}, {need} needed").format(
                                     where=where, n=serving, role=context.role_names.get(role, role), need=minimum))
        members = sum(1 for a in present if context.people[a.staff].is_party_member)
        if members < need.party_min:
            yield _shortfall(need, slot, "cover_party", need.party_min - members,
                             _("{where}: {n} Party members on duty, {need} needed").format(
                                 where=where, n=members, need=need.party_min))
        if need.target is not None and n != need.target:
            weight = need.target_under if n < need.target else need.target_over
            yield Violation("cover_target", cost=round(weight * abs(n - need.target), 6), **about,  # type: ignore[arg-type]
                            detail=_("{where}: {n} on duty, {target} preferred").format(
                                where=where, n=n, target=need.target))


def _fairness(context: _Context) -> Iterator[Violation]:
    scenario = context.scenario
    history = {c.staff: c for c in scenario.history.counts}
    for category in Category:
        weight = category.weight(scenario)
        if weight <= 0:
            continue
        dates = context.category_dates(category)
        for group in context.groups():
            loads: dict[str, float] = {}
            for person_id in group.members:
                available = context.available(category, person_id, dates)
                if available == 0:
                    continue
                count = context.category_count(category, person_id)
                loads[person_id] = load(category.history(history.get(person_id)), count, len(dates), available)
            if len(loads) < 2:
                continue
            high = max(loads, key=loads.__getitem__)
            low = min(loads, key=loads.__getitem__)
            spread = loads[high] - loads[low]
            if spread > 1e-9:
                yield Violation(category.rule, cost=round(weight * spread, 6), group=group.label,
                                detail=_("{what}: {high} has {hi:g}, {low} has {lo:g}").format(
                                    what=_(category.label), high=_name(context, high), hi=round(loads[high], 2),
                                    low=_name(context, low), lo=round(loads[low], 2)))


RULE_FAMILIES = (
    _eligibility, _fixed, _overlap, _shifts_per_day, _rest, _successions, _consecutive,
    _totals, _weeks, _weekends, _requests, _cover, _fairness,
)
