"""Small read-only summaries the storage hands out besides domain objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shiftplan.domain.model import Assignment, Period, Status


@dataclass(frozen=True)
class PlanInfo:
    id: int
    name: str
    period: Period
    stations: tuple[str, ...] = ()  # the stations it rosters; empty: every station


@dataclass(frozen=True)
class ScheduleInfo:
    id: int
    plan_id: int
    version: int  # 1, 2, … within its plan
    status: Status
    objective: float | None
    created_at: dt.datetime  # UTC
    published_at: dt.datetime | None = None  # UTC; None: a draft

    @property
    def published(self) -> bool:
        return self.published_at is not None


@dataclass(frozen=True)
class PrintInfo:
    """A roster as it was printed: which version, what was printed, when, and a copy of its assignments."""

    plan_id: int
    version: int
    kind: str
    stations: tuple[str, ...]  # empty: every station
    first_day: dt.date
    last_day: dt.date
    printed_at: dt.datetime  # UTC
    assignments: tuple[Assignment, ...]
