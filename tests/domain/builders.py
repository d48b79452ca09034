"""Concise construction of domain objects for the validator tests.

Scenarios are built directly from the domain model (no exchange file involved). Defaults keep
each test small: one station ``S1``, the three shifts of the format's example (D 08:00-16:00,
E 16:00-24:00, N 00:00-08:00 night), no roles, the calendar ``none`` (Saturday and Sunday are
restdays), and fairness switched off unless a test asks for it, so that a test about one rule
sees only that rule's violations.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import (
    Absence,
    Assignment,
    CalendarSpec,
    Cover,
    FairnessWeights,
    FixedAssignment,
    History,
    HistoryCount,
    HistoryShift,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
    Violation,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.validation import Report, check

ONE_DAY = dt.timedelta(days=1)
NO_FAIRNESS = FairnessWeights(shifts=0, nights=0, restdays=0, holidays=0)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def days(first: str, last: str) -> tuple[dt.date, ...]:
    """Every date from ``first`` to ``last``, both included."""
    start, end = d(first), d(last)
    return tuple(start + dt.timedelta(days=i) for i in range((end - start).days + 1))


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def shift_type(id: str, start: str, end: str, night: bool | None = None, name: str | None = None) -> ShiftType:
    return ShiftType(id, name or id, minutes(start), minutes(end), night)


D = shift_type("D", "08:00", "16:00", name="Day")
E = shift_type("E", "16:00", "24:00", name="Evening")
N = shift_type("N", "00:00", "08:00", night=True, name="Night")
DEN = (D, E, N)


def person(
    id: str,
    *,
    roles: Sequence[str] = (),
    party: str = "none",
    stations: Sequence[str] | None = None,
    rule_set: str | None = None,
    active_from: str | None = None,
    active_to: str | None = None,
) -> StaffMember:
    return StaffMember(
        id, f"Name of {id}", roles=tuple(roles), party=Party(party),
        stations=tuple(stations) if stations is not None else None, rule_set=rule_set,
        active_from=d(active_from) if active_from else None, active_to=d(active_to) if active_to else None,
    )


def rule(
    kind: str,
    value: float = 0,
    *,
    shift: str | Sequence[str] = (),
    next: str | Sequence[str] = (),
    weight: float | None = None,
) -> Rule:
    def ids(x: str | Sequence[str]) -> tuple[str, ...]:
        return (x,) if isinstance(x, str) else tuple(x)

    return Rule(RuleKind(kind), value, ids(shift), ids(next), weight)


def rule_set(id: str, *rules: Rule) -> RuleSet:
    return RuleSet(id, tuple(rules))


def cover(**fields: object) -> Cover:
    """A cover entry; ``days`` may be given as a list."""
    if "days" in fields:
        fields["days"] = tuple(fields["days"])  # type: ignore[arg-type]
    return Cover(**fields)  # type: ignore[arg-type]


def absence(staff: str, first: str, last: str | None = None, reason: str = "") -> Absence:
    return Absence(staff, d(first), d(last or first), reason)


def request(staff: str, date: str, want: bool, shift: str | None = None, weight: float | None = None) -> Request:
    if weight is None:
        return Request(staff, d(date), want, shift)
    return Request(staff, d(date), want, shift, weight)


def fixed(staff: str, date: str, shift: str, station: str | None = None, role: str | None = None) -> FixedAssignment:
    return FixedAssignment(staff, d(date), shift, station, role)


def history(
    *shifts: tuple[str, str, str],
    start: str | None = None,
    counts: Iterable[HistoryCount] = (),
) -> History:
    """History from (staff, date, shift) triples; ``start`` is ``history.from``."""
    return History(
        start=d(start) if start else None,
        assignments=tuple(HistoryShift(s, d(day), sh) for s, day, sh in shifts),
        counts=tuple(counts),
    )


def count(staff: str, shifts: int = 0, nights: int = 0, restdays: int = 0, holidays: int = 0) -> HistoryCount:
    return HistoryCount(staff, shifts, nights, restdays, holidays)


def scenario(
    start: str,
    end: str,
    *,
    staff: Sequence[str | StaffMember] = ("P1",),
    rules: Sequence[Rule] | None = None,
    rule_sets: Sequence[RuleSet] = (),
    shift_types: Sequence[ShiftType] = DEN,
    stations: Sequence[str] = ("S1",),
    roles: Sequence[str] = (),
    cover: Sequence[Cover] = (),
    absences: Sequence[Absence] = (),
    requests: Sequence[Request] = (),
    fixed: Sequence[FixedAssignment] = (),
    history: History | None = None,
    weights: FairnessWeights = NO_FAIRNESS,
    calendar: CalendarSpec | None = None,
) -> Scenario:
    """A scenario; ``rules`` (if given) become the rule set ``standard``, which everyone follows."""
    sets = list(rule_sets)
    if rules is not None:
        sets.insert(0, RuleSet("standard", tuple(rules)))
    return Scenario(
        period=Period(d(start), d(end)),
        shift_types=tuple(shift_types),
        stations=tuple(Station(s, f"Station {s}") for s in stations),
        staff=tuple(person(p) if isinstance(p, str) else p for p in staff),
        calendar=calendar or CalendarSpec(country="none"),
        roles=tuple(Role(r, r.title()) for r in roles),
        rule_sets=tuple(sets),
        cover=tuple(cover),
        absences=tuple(absences),
        requests=tuple(requests),
        fixed=tuple(fixed),
        history=history or History(),
        weights=weights,
    )


def a(staff: str, date: str, shift: str, station: str = "S1", role: str | None = None) -> Assignment:
    return Assignment(d(date), shift, station, staff, role)


def work(staff: str, shift: str, first: str, last: str | None = None, station: str = "S1",
         role: str | None = None) -> list[Assignment]:
    """The same shift on every date from ``first`` to ``last``."""
    return [Assignment(day, shift, station, staff, role) for day in days(first, last or first)]


def weekend_calendar(period: Period, holidays: Iterable[dt.date] = (),
                     workdays: Iterable[dt.date] = ()) -> DayCalendar:
    """Saturdays and Sundays are restdays; ``holidays`` are holidays and restdays; ``workdays`` are not."""
    hol, work_ = frozenset(holidays), frozenset(workdays)
    rest = frozenset(x for x in period.dates() if (x.weekday() >= 5 or x in hol) and x not in work_)
    return DayCalendar(restdays=rest, holidays=hol)


def run(scn: Scenario, assignments: Iterable[Assignment], calendar: DayCalendar | None = None) -> Report:
    return check(scn, list(assignments), calendar or weekend_calendar(scn.period))


class V(NamedTuple):
    """What the product compares of a violation: rule, person, dates, shift, station, role, cost."""

    rule: str
    staff: str | None = None
    dates: tuple[str, ...] = ()
    cost: float = 0
    hard: bool = False
    shift: str | None = None
    station: str | None = None
    role: str | None = None


def hard(rule: str, staff: str | None = None, dates: Sequence[str] | str = (), **more: object) -> V:
    return V(rule, staff, _dates(dates), 0, True, **more)  # type: ignore[arg-type]


def soft(rule: str, staff: str | None = None, dates: Sequence[str] | str = (), cost: float = 0,
         **more: object) -> V:
    return V(rule, staff, _dates(dates), cost, False, **more)  # type: ignore[arg-type]


def _dates(dates: Sequence[str] | str) -> tuple[str, ...]:
    return (dates,) if isinstance(dates, str) else tuple(dates)


def iso(dates: Iterable[dt.date]) -> tuple[str, ...]:
    return tuple(x.isoformat() for x in dates)


def summary(v: Violation) -> V:
    return V(v.rule, v.staff, iso(v.dates), round(v.cost, 6), v.hard, v.shift, v.station, v.role)


def found(report: Report, *rules: str) -> list[V]:
    """The report's violations (of ``rules`` only, if given), as comparable tuples."""
    return [summary(v) for v in report.violations if not rules or v.rule in rules]


def assert_violations(report: Report, *expected: V, only: Sequence[str] = ()) -> None:
    """The report holds exactly ``expected`` (as a multiset), restricted to the rules ``only``."""
    got = Counter(found(report, *only))
    want = Counter(v._replace(cost=round(v.cost, 6)) for v in expected)
    assert got == want, f"\n  missing: {list((want - got).elements())}\n  extra:   {list((got - want).elements())}"


def assert_clean(report: Report) -> None:
    assert found(report) == []
    assert report.feasible
    assert report.objective == 0
