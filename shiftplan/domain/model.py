"""The rostering problem and its answer, as plain immutable values.

Everything here mirrors the exchange format (docs/format.md): a :class:`Scenario` is the
whole problem, a :class:`Schedule` one answer to it. Ids are the user's own strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from shiftplan.domain.rules import RuleSet
from shiftplan.i18n import N_

MINUTES_PER_DAY = 24 * 60
# A shift without an explicit night flag is a night when it touches 00:00-05:00.
NIGHT_WINDOW_END = 5 * 60


class Party(StrEnum):
    MEMBER = "member"  # 党员
    PROBATIONARY = "probationary"  # 预备党员
    APPLICANT = "applicant"  # 入党积极分子
    NONE = "none"

    @property
    def counts_as_member(self) -> bool:
        return self in (Party.MEMBER, Party.PROBATIONARY)


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


STATUS_LABELS = {
    Status.OPTIMAL: N_("optimal"),
    Status.FEASIBLE: N_("feasible"),
    Status.INFEASIBLE: N_("no roster possible"),
    Status.UNKNOWN: N_("no roster found in time"),
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def whole_weeks(self) -> list[list[dt.date]]:
        """Each Monday-Sunday week that lies entirely inside the period."""
        monday = self.start + dt.timedelta(days=(7 - self.start.weekday()) % 7)
        weeks = []
        while monday + dt.timedelta(days=6) <= self.end:
            weeks.append([monday + dt.timedelta(days=i) for i in range(7)])
            monday += dt.timedelta(days=7)
        return weeks


@dataclass(frozen=True)
class ShiftType:
    id: str
    name: str
    start: int  # minutes after midnight, 0..1439
    end: int  # minutes after midnight, 1..1440; at or before start means the next day
    night: bool | None = None  # None: decided by the clock (see is_night)

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    @property
    def minutes(self) -> int:
        return self.end - self.start + (MINUTES_PER_DAY if self.crosses_midnight else 0)

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def is_night(self) -> bool:
        if self.night is not None:
            return self.night
        return self.start < NIGHT_WINDOW_END or self.start + self.minutes > MINUTES_PER_DAY

    def interval(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Real clock start and end of this shift when dated on ``day``."""
        begin = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=self.start)
        return begin, begin + dt.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Role:
    id: str
    name: str


@dataclass(frozen=True)
class Station:
    id: str
    name: str
    branch: str = ""  # the temporary Party branch of the station
    phone: str = ""  # duty phone


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    unit: str = ""
    phone: str = ""
    roles: tuple[str, ...] = ()
    party: Party = Party.NONE
    stations: tuple[str, ...] | None = None  # None: every station
    rule_set: str | None = None  # None: "standard" if defined, else no rules
    team: str = ""
    active_from: dt.date | None = None
    active_to: dt.date | None = None

    @property
    def is_party_member(self) -> bool:
        return self.party.counts_as_member

    def on_roster(self, day: dt.date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )

    def may_work_at(self, station: str) -> bool:
        return self.stations is None or station in self.stations


@dataclass(frozen=True)
class Cover:
    """Need of one station and shift on the dates its selectors pick (last match wins)."""

    station: str | None = None  # None: every station
    shift: str | None = None  # None: every shift type
    days: tuple[str, ...] = ("all",)
    min: int = 0
    max: int | None = None
    target: int | None = None
    target_under: float = 10
    target_over: float = 1
    roles: Mapping[str, int] = field(default_factory=dict)
    party_min: int = 0
    soft: bool = False
    soft_weight: float = 100


@dataclass(frozen=True)
class Absence:
    staff: str
    start: dt.date
    end: dt.date
    reason: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Request:
    staff: str
    date: dt.date
    want: bool
    shift: str | None = None  # None: any shift (want=False asks for a day off)
    weight: float = 1


@dataclass(frozen=True)
class FixedAssignment:
    staff: str
    date: dt.date
    shift: str
    station: str | None = None  # None: any station
    role: str | None = None  # None: any role


@dataclass(frozen=True)
class HistoryShift:
    staff: str
    date: dt.date
    shift: str


@dataclass(frozen=True)
class HistoryCount:
    staff: str
    shifts: int = 0
    nights: int = 0
    restdays: int = 0
    holidays: int = 0


@dataclass(frozen=True)
class History:
    start: dt.date | None = None  # None: the earliest date in ``assignments``
    assignments: tuple[HistoryShift, ...] = ()
    counts: tuple[HistoryCount, ...] = ()

    def window_start(self, period: Period) -> dt.date:
        """First date that history speaks for; runs reaching back here are open."""
        if self.start is not None:
            return self.start
        if self.assignments:
            return min(a.date for a in self.assignments)
        return period.start


@dataclass(frozen=True)
class CalendarSpec:
    country: str = "CN"  # "CN" (official Chinese calendar) or "none"
    holidays: tuple[dt.date, ...] = ()
    workdays: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class FairnessWeights:
    shifts: float = 1
    nights: float = 1
    restdays: float = 1
    holidays: float = 1


@dataclass(frozen=True)
class Scenario:
    period: Period
    shift_types: tuple[ShiftType, ...]
    stations: tuple[Station, ...]
    staff: tuple[StaffMember, ...]
    name: str = ""
    calendar: CalendarSpec = CalendarSpec()
    roles: tuple[Role, ...] = ()
    rule_sets: tuple[RuleSet, ...] = ()
    cover: tuple[Cover, ...] = ()
    absences: tuple[Absence, ...] = ()
    requests: tuple[Request, ...] = ()
    fixed: tuple[FixedAssignment, ...] = ()
    history: History = History()
    weights: FairnessWeights = FairnessWeights()

    def shift_type(self, shift_id: str) -> ShiftType:
        return next(s for s in self.shift_types if s.id == shift_id)

    def person(self, staff_id: str) -> StaffMember:
        return next(p for p in self.staff if p.id == staff_id)

    def rule_set_of(self, person: StaffMember) -> RuleSet | None:
        wanted = person.rule_set if person.rule_set is not None else "standard"
        return next((r for r in self.rule_sets if r.id == wanted), None)


@dataclass(frozen=True)
class Assignment:
    date: dt.date
    shift: str
    station: str
    staff: str
    role: str | None = None


@dataclass(frozen=True)
class Violation:
    """One broken hard rule, or one soft cost, with everything it is about."""

    rule: str
    cost: float = 0.0
    hard: bool = False
    staff: str | None = None
    dates: tuple[dt.date, ...] = ()
    shift: str | None = None
    station: str | None = None
    role: str | None = None
    group: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Schedule:
    assignments: tuple[Assignment, ...]
    status: Status = Status.FEASIBLE
    scenario: str = ""
    objective: float | None = None
    violations: tuple[Violation, ...] = ()
    explanation: tuple[str, ...] = ()
