"""Print requests for the printing tests: the sample checkpoint, and small scenarios built to order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import (
    Assignment,
    CalendarSpec,
    Party,
    Period,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.printing import PrintRequest
from shiftplan.printing.samples import sample_request

PRINTED_AT = dt.datetime(2020, 1, 19, 18, 0)
MONDAY = dt.date(2020, 3, 2)


@pytest.fixture(scope="session")
def sample() -> PrintRequest:
    """The 310 checkpoint (57 people, four crews, three shifts), Spring Festival 2020, version 3."""
    return sample_request()


@pytest.fixture(scope="session")
def sample_week(sample: PrintRequest) -> PrintRequest:
    """The first week of the sample: Monday 20 January to Sunday 26 January, 24-26 a holiday."""
    return dataclasses.replace(sample, end=sample.scenario.period.start + dt.timedelta(days=6))


def small_request(
    names: Sequence[str],
    *,
    shifts: Sequence[ShiftType] = (ShiftType("D", "白班", 8 * 60, 20 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
    roles: Sequence[Role] = (),
    days: int = 7,
    per_shift: int | None = None,
    calendar: DayCalendar | None = None,
) -> PrintRequest:
    """One station, everyone on every shift of every day unless ``per_shift`` deals them out in turn."""
    period = Period(MONDAY, MONDAY + dt.timedelta(days=days - 1))
    role_ids = tuple(r.id for r in roles)
    staff = tuple(StaffMember(f"P{i:03d}", name, roles=role_ids[:1] if role_ids else (), team="一组",
                              party=Party.MEMBER if i % 3 == 0 else Party.NONE)
                  for i, name in enumerate(names))
    scenario = Scenario(period=period, shift_types=tuple(shifts),
                        stations=(Station("S1", "测试防疫服务站", "测试防疫服务站临时党支部", "0371-12345678"),),
                        staff=staff, roles=tuple(roles), calendar=CalendarSpec("none"), name="测试")
    assignments = []
    turn = 0
    for day in period.dates():
        for shift in shifts:
            chosen = staff if per_shift is None else [staff[(turn + k) % len(staff)] for k in range(per_shift)]
            turn += per_shift or 0
            assignments += [Assignment(day, shift.id, "S1", p.id, p.roles[0] if p.roles else None) for p in chosen]
    weekend = frozenset(d for d in period.dates() if d.weekday() >= 5)
    return PrintRequest(scenario, calendar or DayCalendar(weekend, frozenset()), Schedule(tuple(assignments)),
                        version_label="v1", status_label="draft", printed_at=PRINTED_AT)
