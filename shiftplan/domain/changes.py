"""What changed between two rosters of one plan, person by person and date by date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from shiftplan.domain.model import Assignment, Scenario
from shiftplan.i18n import _


class ChangeKind(StrEnum):
    MOVED = "moved"  # same person and date, another shift or station
    ROLE = "role"  # same shift and station, another role
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    staff: str
    date: dt.date
    before: Assignment | None
    after: Assignment | None
    replaces: str | None = None  # an added person who takes a removed person's shift

    @property
    def assignment(self) -> Assignment:
        """The shift as it is now, or as it was if it was removed."""
        result = self.after or self.before
        assert result is not None
        return result


def _same_slot(a: Assignment, b: Assignment) -> bool:
    return (a.shift, a.station) == (b.shift, b.station)


def roster_changes(before: Iterable[Assignment], after: Iterable[Assignment]) -> list[Change]:
    """The changes from ``before`` to ``after``, in date order.

    On one date, a person's lost and gained shifts pair up: the same shift and station with another
    role is a role change, otherwise a move (in the order given); what is left was added or removed.
    Someone added on the very shift someone else was removed from stands in for them.
    """
    old: dict[tuple[str, dt.date], list[Assignment]] = defaultdict(list)
    new: dict[tuple[str, dt.date], list[Assignment]] = defaultdict(list)
    for a in before:
        old[(a.staff, a.date)].append(a)
    for a in after:
        new[(a.staff, a.date)].append(a)
    result: list[Change] = []
    for staff, day in sorted(old.keys() | new.keys(), key=lambda k: (k[1], k[0])):
        was, now = old.get((staff, day), []), new.get((staff, day), [])
        gone = [a for a in was if a not in now]
        came = [a for a in now if a not in was]
        for g in list(gone):
            partner = next((c for c in came if _same_slot(g, c)), None)
            if partner is not None:
                result.append(Change(ChangeKind.ROLE, staff, day, g, partner))
                gone.remove(g)
                came.remove(partner)
        result += [Change(ChangeKind.MOVED, staff, day, g, c) for g, c in zip(gone, came, strict=False)]
        result += [Change(ChangeKind.REMOVED, staff, day, g, None) for g in gone[len(came):]]
        result += [Change(ChangeKind.ADDED, staff, day, None, c) for c in came[len(gone):]]
    removed = {(c.date, c.before.shift, c.before.station): c.staff
               for c in result if c.kind is ChangeKind.REMOVED and c.before is not None}
    return [Change(c.kind, c.staff, c.date, c.before, c.after,
                   removed.get((c.date, c.after.shift, c.after.station)))
            if c.kind is ChangeKind.ADDED and c.after is not None else c for c in result]


@dataclass(frozen=True)
class ChangeLine:
    """One change in the user's words: who, when, what they had and what they have now."""

    staff: str
    name: str
    date: dt.date
    before: str  # "—": nothing
    after: str


def change_lines(changes: Sequence[Change], scenario: Scenario) -> list[ChangeLine]:
    """The changes person by person (in the order each person first appears), date by date."""
    names = {p.id: p.name for p in scenario.staff}
    shifts = {s.id: s.name or s.id for s in scenario.shift_types}
    stations = {s.id: s.name or s.id for s in scenario.stations}

    def slot(a: Assignment | None) -> str:
        return "—" if a is None else f"{shifts.get(a.shift, a.shift)} {stations.get(a.station, a.station)}"

    order = list(dict.fromkeys(c.staff for c in changes))
    ordered = sorted(changes, key=lambda c: (order.index(c.staff), c.date))
    return [ChangeLine(c.staff, names.get(c.staff, c.staff), c.date, slot(c.before), slot(c.after)) for c in ordered]


def changes_text(changes: Sequence[Change], scenario: Scenario) -> str:
    """The changes person by person, e.g. ``张三: 2020-02-05 夜班 → 白班``."""
    if not changes:
        return _("No assignment changes.")
    lines = [_("{n} changes:").format(n=len(changes))]
    shown = None
    for line in change_lines(changes, scenario):
        if line.staff != shown:
            lines.append(f"  {line.name} ({line.staff})")
            shown = line.staff
        lines.append(f"    {line.date.isoformat()}  {line.before} → {line.after}")
    return "\n".join(lines)
