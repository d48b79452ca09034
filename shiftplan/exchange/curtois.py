"""The nurse-rostering benchmark of Curtois & Qu (instances 1-24), as shiftplan scenarios.

Every rule of the benchmark is one of our own, so an instance becomes an ordinary scenario that
the product's solver and validator handle unchanged:

| benchmark | scenario |
|---|---|
| horizon of H days, day 0 a Monday | period from 2024-01-01 (a Monday), calendar "none" |
| shift with a length in minutes | shift type from 00:00, never a night, so no two shifts overlap |
| forbidden successions | hard `forbidden_succession` |
| MaxShifts per type, Max/MinTotalMinutes | hard `max_shifts` per type, `max_hours`, `min_hours` |
| Max/MinConsecutiveShifts | hard `max_consecutive_days`, `min_consecutive_days` |
| MinConsecutiveDaysOff | hard `min_consecutive_days_off` |
| MaxWeekends | hard `max_weekends` |
| days off | one-day absences |
| shift on / off requests | `want: true` / `want: false` requests with their weights |
| cover requirement, under/over weights | a cover entry per day and shift: `target`, `target_under`, `target_over` |

The benchmark's border assumptions match ours without history: a run of work or of days off
that touches the first or last day is never too short, and only period days count for maxima.
Fairness is switched off; the benchmark has none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from shiftplan.domain.model import (
    Absence,
    Assignment,
    CalendarSpec,
    Cover,
    FairnessWeights,
    Period,
    Request,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.exchange.problems import FormatError, Problem
from shiftplan.i18n import _

FIRST_DAY = dt.date(2024, 1, 1)  # a Monday, as the benchmark's day 0
WARD = "ward"


@dataclass
class _Sections:
    lines: dict[str, list[tuple[int, list[str]]]]

    def rows(self, name: str) -> list[tuple[int, list[str]]]:
        return self.lines.get(name, [])


def _sections(text: str) -> _Sections:
    lines: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            current = line
            continue
        lines[current].append((number, line.split(",")))
    return _Sections(dict(lines))


def read_curtois(text: str, file: str) -> Scenario:
    """A benchmark instance as a scenario; FormatError names the line of any bad field."""
    problems: list[Problem] = []

    def number(value: str, line: int) -> int:
        try:
            return int(value)
        except ValueError:
            problems.append(Problem(file, _("line {n}").format(n=line), _("{value!r} is not a whole number").format(
                value=value)))
            return 0

    sections = _sections(text)
    horizon_rows = sections.rows("SECTION_HORIZON")
    if not horizon_rows:
        raise FormatError([Problem(file, "SECTION_HORIZON", _("is missing"))])
    days = number(horizon_rows[0][1][0], horizon_rows[0][0])
    period = Period(FIRST_DAY, FIRST_DAY + dt.timedelta(days=max(days, 1) - 1))

    def day(value: str, line: int) -> dt.date:
        index = number(value, line)
        if not 0 <= index < days:
            problems.append(Problem(file, _("line {n}").format(n=line), _("day {day} is outside the horizon").format(
                day=index)))
        return FIRST_DAY + dt.timedelta(days=index)

    shifts, forbidden = [], {}
    for line, fields in sections.rows("SECTION_SHIFTS"):
        minutes = number(fields[1], line)
        shifts.append(ShiftType(fields[0], fields[0], 0, minutes % (24 * 60), night=False))
        forbidden[fields[0]] = tuple(s for s in (fields[2].split("|") if len(fields) > 2 else []) if s)

    succession = tuple(Rule(RuleKind.FORBIDDEN_SUCCESSION, shifts=(s,), next_shifts=nxt)
                       for s, nxt in forbidden.items() if nxt)
    contracts: dict[tuple[Rule, ...], str] = {}
    staff = []
    for line, fields in sections.rows("SECTION_STAFF"):
        max_shifts = tuple(
            Rule(RuleKind.MAX_SHIFTS, number(limit, line), shifts=(shift,))
            for shift, _sep, limit in (item.partition("=") for item in fields[1].split("|") if item))
        max_tot, min_tot, max_cons, min_cons, min_off, max_we = (number(v, line) for v in fields[2:8])
        rules = succession + max_shifts + (
            Rule(RuleKind.MAX_HOURS, max_tot / 60), Rule(RuleKind.MIN_HOURS, min_tot / 60),
            Rule(RuleKind.MAX_CONSECUTIVE_DAYS, max_cons), Rule(RuleKind.MIN_CONSECUTIVE_DAYS, min_cons),
            Rule(RuleKind.MIN_CONSECUTIVE_DAYS_OFF, min_off), Rule(RuleKind.MAX_WEEKENDS, max_we))
        contract = contracts.setdefault(rules, f"contract-{len(contracts) + 1}")
        staff.append(StaffMember(fields[0], fields[0], rule_set=contract))

    absences = tuple(Absence(fields[0], d, d) for line, fields in sections.rows("SECTION_DAYS_OFF")
                     for d in (day(v, line) for v in fields[1:] if v))
    requests = tuple(
        Request(fields[0], day(fields[1], line), want, fields[2], number(fields[3], line))
        for section, want in (("SECTION_SHIFT_ON_REQUESTS", True), ("SECTION_SHIFT_OFF_REQUESTS", False))
        for line, fields in sections.rows(section))
    cover = tuple(
        Cover(shift=fields[1], days=(day(fields[0], line).isoformat(),), target=number(fields[2], line),
              target_under=number(fields[3], line), target_over=number(fields[4], line))
        for line, fields in sections.rows("SECTION_COVER"))
    if problems:
        raise FormatError(problems)
    return Scenario(
        period=period, shift_types=tuple(shifts), stations=(Station(WARD, WARD),), staff=tuple(staff),
        name=file.rsplit("/", 1)[-1].removesuffix(".txt"), calendar=CalendarSpec(country="none"),
        rule_sets=tuple(RuleSet(name, rules) for rules, name in contracts.items()), cover=cover,
        absences=absences, requests=requests, weights=FairnessWeights(0, 0, 0, 0))


def roster_csv(assignments: tuple[Assignment, ...]) -> str:
    """The benchmark's roster form: ``employee,day,shift`` with 0-based days, one row per worked day."""
    rows = sorted((a.staff, (a.date - FIRST_DAY).days, a.shift) for a in assignments)
    return "employee,day,shift\n" + "".join(f"{e},{d},{s}\n" for e, d, s in rows)
