"""Fair shares of shifts, nights, restday and holiday shifts, compared within eligibility groups.

A person's *load* in a category is ``history count + period count * D / A``: D is the number of
period dates of the category's kind, A the number of those on which the person is available.
Scaling by D / A pro-rates people who are on leave or join part-way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import HistoryCount, Scenario, ShiftType, StaffMember
from shiftplan.i18n import N_


class Category(StrEnum):
    SHIFTS = "shifts"
    NIGHTS = "nights"
    RESTDAYS = "restdays"
    HOLIDAYS = "holidays"

    @property
    def rule(self) -> str:
        return f"fair_{self.value}"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]

    def weight(self, scenario: Scenario) -> float:
        return float(getattr(scenario.weights, self.value))

    def dates(self, scenario: Scenario, calendar: DayCalendar) -> list[dt.date]:
        """The period dates of this category's kind (D counts these)."""
        dates = scenario.period.dates()
        if self is Category.RESTDAYS:
            return [d for d in dates if calendar.is_restday(d)]
        if self is Category.HOLIDAYS:
            return [d for d in dates if calendar.is_holiday(d)]
        return dates

    def counts(self, day: dt.date, shift: ShiftType, calendar: DayCalendar) -> bool:
        """Whether a shift dated ``day`` counts in this category."""
        if self is Category.NIGHTS:
            return shift.is_night
        if self is Category.RESTDAYS:
            return calendar.is_restday(day)
        if self is Category.HOLIDAYS:
            return calendar.is_holiday(day)
        return True

    def history(self, count: HistoryCount | None) -> int:
        return 0 if count is None else int(getattr(count, self.value))


CATEGORY_LABELS = {
    Category.SHIFTS: N_("shifts"),
    Category.NIGHTS: N_("night shifts"),
    Category.RESTDAYS: N_("restday shifts"),
    Category.HOLIDAYS: N_("holiday shifts"),
}


@dataclass(frozen=True)
class EligibilityGroup:
    """People who may do the same work: same stations, same roles, same rule set."""

    stations: tuple[str, ...]
    roles: tuple[str, ...]
    rule_set: str
    members: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{'+'.join(self.stations)} / {'+'.join(self.roles) or '-'} / {self.rule_set or '-'}"


def eligibility_groups(scenario: Scenario) -> list[EligibilityGroup]:
    """Groups by the *sets* of stations and roles (order and repeats in a person's lists do not matter)."""
    all_stations = frozenset(s.id for s in scenario.stations)
    grouped: dict[tuple[frozenset[str], frozenset[str], str], list[str]] = {}
    for person in scenario.staff:
        rule_set = scenario.rule_set_of(person)
        stations = frozenset(person.stations) if person.stations is not None else all_stations
        key = (stations, frozenset(person.roles), rule_set.id if rule_set else "")
        grouped.setdefault(key, []).append(person.id)
    return [EligibilityGroup(tuple(sorted(k[0])), tuple(sorted(k[1])), k[2], tuple(v)) for k, v in grouped.items()]


def available_dates(scenario: Scenario, person: StaffMember, dates: Iterable[dt.date]) -> int:
    """A: how many of ``dates`` the person is on the roster and not absent."""
    absences = [a for a in scenario.absences if a.staff == person.id]
    return sum(1 for d in dates if person.on_roster(d) and not any(a.covers(d) for a in absences))


def load(history_count: int, period_count: float, total_dates: int, available: int) -> float:
    return history_count + period_count * total_dates / available


@dataclass(frozen=True)
class Spread:
    """Average, lowest and highest of some values; ``spread`` is what the validator charges."""

    average: float
    low: float
    high: float

    @property
    def spread(self) -> float:
        return self.high - self.low

    @staticmethod
    def of(values: Iterable[float]) -> Spread | None:
        values = list(values)
        if not values:
            return None
        return Spread(sum(values) / len(values), min(values), max(values))
