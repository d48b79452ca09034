"""What an explanation of "no roster" names, as data: one :class:`Culprit` per sentence.

The solver explains an infeasible scenario in sentences (``solver.explain``); alongside each it
gives the culprit the sentence is about, so that the desktop app can open the page where it is
edited and offer a one-click relaxation. A culprit is plain data: no solver, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import Cover, Scenario
from shiftplan.domain.rules import Rule
from shiftplan.domain.shortfalls import (
    CoverConflict,
    DateShortfall,
    FixedClash,
    PersonShortfall,
    Shortfall,
    SlotShortfall,
    StationShortfall,
)

COVER_NEEDS = ("cover_min", "cover_roles", "cover_party")  # the needs that a soft cover entry relaxes


class CulpritKind(StrEnum):
    COVER = "cover"  # a cover entry's need (or its max)
    PERSON_RULE = "person rule"  # a hard rule of the person's rule set
    ABSENCE = "absence"
    FIXED = "fixed"  # a fixed (pinned) assignment
    STATION = "station"  # a station's needs over the whole period


@dataclass(frozen=True)
class Culprit:
    """One requirement an explanation names, with the sentence that names it.

    ``covers`` are the cover entries that apply (index into ``scenario.cover`` and the entry, to
    tell whether it is still the same); ``rules`` the person's hard rules concerned.
    """

    kind: CulpritKind
    text: str
    rule: str = ""  # the requirement: cover_min, cover_roles, min_rest_hours, absence, fixed, …
    station: str | None = None
    shift: str | None = None
    dates: tuple[dt.date, ...] = ()
    role: str | None = None
    staff: str | None = None
    rules: tuple[Rule, ...] = ()
    covers: tuple[tuple[int, Cover], ...] = ()
    fixed: int | None = None  # index into ``scenario.fixed``

    @property
    def relaxes_cover(self) -> bool:
        """Whether making its cover entries soft removes this requirement (a slot's, or a station's over the period)."""
        return (self.kind in (CulpritKind.COVER, CulpritKind.STATION) and self.rule in COVER_NEEDS
                and bool(self.covers))

    @property
    def relaxes_rule(self) -> bool:
        """Whether giving the person's rules a weight removes this requirement."""
        return self.kind is CulpritKind.PERSON_RULE and self.staff is not None and bool(self.rules)


def cover_entries(scenario: Scenario, calendar: DayCalendar, slots: list[Slot] | tuple[Slot, ...],
                  need: dict[Slot, Cover] | None = None) -> tuple[tuple[int, Cover], ...]:
    """The cover entries that apply to these slots, each once, with their index in ``scenario.cover``."""
    need = resolve_cover(scenario, calendar) if need is None else need
    found: dict[int, Cover] = {}
    for slot in slots:
        entry = need.get(slot)
        if entry is None:
            continue
        index = next((i for i, e in enumerate(scenario.cover) if e is entry), None)
        if index is not None:
            found.setdefault(index, entry)
    return tuple(sorted(found.items()))


def shortfall_culprit(shortfall: Shortfall, text: str, scenario: Scenario, calendar: DayCalendar,
                      need: dict[Slot, Cover] | None = None) -> Culprit:
    """The culprit of a counting shortfall (``text`` is its sentence)."""
    s = shortfall
    if isinstance(s, SlotShortfall):
        slot = s.slot
        return Culprit(CulpritKind.COVER, text, s.rule, slot.station, slot.shift, (slot.date,), s.role,
                       covers=cover_entries(scenario, calendar, [slot], need))
    if isinstance(s, DateShortfall):
        slots = s.slots
        stations = {x.station for x in slots}
        shifts = {x.shift for x in slots}
        return Culprit(CulpritKind.COVER, text, s.rule, next(iter(stations)) if len(stations) == 1 else None,
                       next(iter(shifts)) if len(shifts) == 1 else None, (s.date,), s.role,
                       covers=cover_entries(scenario, calendar, slots, need))
    if isinstance(s, CoverConflict):
        first = s.slots[0] if s.slots else None
        return Culprit(CulpritKind.COVER, text, s.rule, first.station if first else None,
                       first.shift if first else None, s.dates,
                       covers=cover_entries(scenario, calendar, s.slots, need))
    if isinstance(s, PersonShortfall):
        return Culprit(CulpritKind.PERSON_RULE, text, s.rule, staff=s.staff, rules=(s.limit,))
    if isinstance(s, FixedClash):
        f = s.fixed
        return Culprit(CulpritKind.FIXED, text, s.rule, f.station, f.shift, (f.date,), f.role, f.staff,
                       fixed=s.index)
    if isinstance(s, StationShortfall):
        need = resolve_cover(scenario, calendar) if need is None else need
        station_slots = [slot for slot in need if slot.station == s.station]
        return Culprit(CulpritKind.STATION, text, s.rule, s.station, rules=tuple(r for r, _n in s.limits),
                       covers=cover_entries(scenario, calendar, station_slots, need))
    return Culprit(CulpritKind.STATION, text, s.rule)


def renumbered(culprit: Culprit, part: Scenario, scenario: Scenario) -> Culprit:
    """A culprit found in ``part`` (a piece of ``scenario``) with its indexes into ``scenario`` instead."""
    if part is scenario:
        return culprit
    covers = tuple(sorted({_index_of(scenario.cover, entry): entry for _i, entry in culprit.covers}.items()))
    fixed = culprit.fixed
    if fixed is not None and fixed < len(part.fixed):
        fixed = _index_of(scenario.fixed, part.fixed[fixed])
    return replace(culprit, covers=tuple((i, e) for i, e in covers if i >= 0),
                   fixed=None if fixed is None or fixed < 0 else fixed)


def _index_of(items: tuple[object, ...], item: object) -> int:
    """The position of ``item`` (the same object, else an equal one); -1 when it is not there."""
    same = next((i for i, x in enumerate(items) if x is item), None)
    if same is not None:
        return same
    return next((i for i, x in enumerate(items) if x == item), -1)
