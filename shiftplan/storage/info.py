"""Small read-only summaries the storage hands out besides domain objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shiftplan.domain.model import Period, Status


@dataclass(frozen=True)
class PlanInfo:
    id: int
    name: str
    period: Period


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
