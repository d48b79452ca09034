"""The plan for the next period, and the fairness it carries over from the plan before.

A new plan starts from the latest plan: the same calendar overrides and fairness weights, its
fixed assignments that fall in the new period (the master data, leave and requests are the
database's own and shared by every plan). Its :class:`History` is carried over from the
earlier plan's roster — the published one if there is one, else the newest draft:

* the counts are the earlier plan's own history counts plus what that roster gives, counted
  with the domain's fairness categories (:meth:`Category.counts`), so the validator and the
  solver see the same totals a fairness report of the two periods would;
* the border assignments are that roster's shifts (and the earlier history's) in the last days
  before the new period, as many as the rules look back, so rest and run rules hold across it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.fairness import Category
from shiftplan.domain.model import (
    History,
    HistoryCount,
    HistoryShift,
    Period,
    Scenario,
    Schedule,
)
from shiftplan.domain.rules import RuleKind

DEFAULT_DAYS = 28  # four weeks
MIN_LOOKBACK_DAYS = 7  # weekly rules look back a week at least
_RUN_RULES = (RuleKind.MAX_CONSECUTIVE_DAYS, RuleKind.MIN_CONSECUTIVE_DAYS, RuleKind.MIN_CONSECUTIVE_DAYS_OFF,
              RuleKind.MAX_CONSECUTIVE_SHIFTS)


@dataclass(frozen=True)
class CarrySource:
    """The roster of the earlier plan that the new plan's fairness history comes from."""

    plan_id: int
    plan_name: str
    period: Period
    schedule_id: int | None  # None: the earlier plan has no roster; only its own history goes on
    version: int | None = None
    published: bool = False


def default_period(latest: Period, days: int = DEFAULT_DAYS) -> Period:
    """The four weeks after the latest plan's end."""
    start = latest.end + dt.timedelta(days=1)
    return Period(start, start + dt.timedelta(days=days - 1))


def lookback_days(scenario: Scenario) -> int:
    """How many days before a period the rules look back: a week, or the longest run a rule limits."""
    longest = [math.ceil(rule.value) for rule_set in scenario.rule_sets for rule in rule_set.rules
               if rule.kind in _RUN_RULES]
    return max([MIN_LOOKBACK_DAYS, *longest])


def period_counts(scenario: Scenario, schedule: Schedule | None,
                  calendar: DayCalendar) -> dict[str, dict[Category, int]]:
    """Per person, how many shifts of the roster count in each fairness category (the domain's definitions)."""
    shifts = {s.id: s for s in scenario.shift_types}
    counts: dict[str, dict[Category, int]] = defaultdict(lambda: dict.fromkeys(Category, 0))
    for a in schedule.assignments if schedule else ():
        if a.shift not in shifts or a.date not in scenario.period:
            continue
        for category in Category:
            if category.counts(a.date, shifts[a.shift], calendar):
                counts[a.staff][category] += 1
    return counts


def carried_counts(earlier: Scenario, schedule: Schedule | None, calendar: DayCalendar) -> tuple[HistoryCount, ...]:
    """The earlier plan's history counts plus its roster's, person by person (the earlier order first)."""
    before = {c.staff: c for c in earlier.history.counts}
    added = period_counts(earlier, schedule, calendar)
    people = list(before) + [p.id for p in earlier.staff if p.id not in before and p.id in added]
    people += [p for p in added if p not in people]
    result = []
    for person in people:
        values = {category.value: category.history(before.get(person)) + added.get(person, {}).get(category, 0)
                  for category in Category}
        if any(values.values()):
            result.append(HistoryCount(person, **values))
    return tuple(result)


def border_assignments(earlier: Scenario, schedule: Schedule | None, start: dt.date,
                       days: int) -> tuple[HistoryShift, ...]:
    """The shifts of the ``days`` days before ``start``: the roster's, and the earlier history's before it."""
    first = start - dt.timedelta(days=days)
    shifts: Iterable[HistoryShift] = [
        *(h for h in earlier.history.assignments if h.date not in earlier.period),
        *(HistoryShift(a.staff, a.date, a.shift) for a in (schedule.assignments if schedule else ())),
    ]
    unique = dict.fromkeys(h for h in shifts if first <= h.date < start)
    return tuple(sorted(unique, key=lambda h: (h.date, h.staff, h.shift)))


def carried_history(earlier: Scenario, schedule: Schedule | None, calendar: DayCalendar, start: dt.date) -> History:
    days = lookback_days(earlier)
    window: dt.date | None = max(start - dt.timedelta(days=days), earlier.history.window_start(earlier.period))
    if schedule is None or window is None or window >= start:
        window = None  # no roster to speak for those days: only the shifts that are known
    return History(window, border_assignments(earlier, schedule, start, days),
                   carried_counts(earlier, schedule, calendar))


def next_scenario(earlier: Scenario, schedule: Schedule | None, calendar: DayCalendar, name: str,
                  period: Period) -> Scenario:
    """The new plan: the earlier one's data for ``period`` with the fairness history carried over."""
    return dataclasses.replace(
        earlier, name=name, period=period,
        fixed=tuple(f for f in earlier.fixed if f.date in period),
        history=carried_history(earlier, schedule, calendar, period.start))


def carry_source(plan_id: int, plan_name: str, period: Period, schedules: Sequence[tuple[int, int, bool]]
                 ) -> CarrySource:
    """The roster to carry over from (id, version, published of each saved one, oldest first): the newest
    published, else the newest."""
    published = [s for s in schedules if s[2]]
    chosen = published[-1] if published else (schedules[-1] if schedules else None)
    if chosen is None:
        return CarrySource(plan_id, plan_name, period, None)
    return CarrySource(plan_id, plan_name, period, chosen[0], chosen[1], chosen[2])
