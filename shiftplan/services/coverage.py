"""The roster by station and shift, without Qt: who is on duty in each slot, by role, against its cover.

A :class:`StationShiftView` is what the roster page's second view shows of a
:class:`~shiftplan.services.roster.RosterView`: one row per (station, shift type) of the plan,
one column per date. Each slot lists the names on duty grouped by the role they serve (the shift
leader's role first, marked ★) and its :class:`Coverage`: the people needed (the cover's minimum)
against those assigned, per role where the cover asks for a number of that role, and the Party
members needed against those on duty.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import Assignment, Cover
from shiftplan.i18n import _
from shiftplan.services.roster import RosterView

LEADER_IDS = ("leader", "带班")
LEADER_MARK = "★"


@dataclass(frozen=True)
class RoleCount:
    """One role of a slot's cover: how many it needs of that role and how many serve in it."""

    role: str
    name: str
    needed: int
    assigned: int

    @property
    def short(self) -> bool:
        return self.assigned < self.needed


@dataclass(frozen=True)
class Coverage:
    """A slot's need against its roster: the cover's minimum, maximum and target, and who is there."""

    needed: int  # the cover's minimum (0: no cover applies)
    maximum: int | None
    target: int | None
    assigned: int
    roles: tuple[RoleCount, ...]  # the roles the cover asks for, in the plan's order
    soft: bool = False
    party_needed: int = 0  # the cover's Party minimum
    party_assigned: int = 0  # Party members on duty (probationary members count, as the validator counts them)

    @property
    def party_short(self) -> bool:
        return self.party_assigned < self.party_needed

    @property
    def short(self) -> bool:
        """Fewer on duty than the minimum, a role below its number, or too few Party members."""
        return self.assigned < self.needed or any(r.short for r in self.roles) or self.party_short

    @property
    def over(self) -> bool:
        return self.maximum is not None and self.assigned > self.maximum

    @property
    def text(self) -> str:
        """The strip's text, needed / assigned: "3/4 · 医务 1/1 · 党员 1/2"."""
        party = [f"{_('Party')} {self.party_needed}/{self.party_assigned}"] if self.party_needed else []
        return " · ".join([f"{self.needed}/{self.assigned}",
                           *(f"{r.name} {r.needed}/{r.assigned}" for r in self.roles), *party])

    @property
    def tooltip(self) -> str:
        lines = [_("Needed: {needed} · assigned: {assigned}").format(needed=self.needed, assigned=self.assigned)]
        if self.maximum is not None:
            lines.append(_("At most: {maximum}").format(maximum=self.maximum))
        if self.target is not None:
            lines.append(_("Preferred: {target}").format(target=self.target))
        lines += [_("{role}: needed {needed}, assigned {assigned}").format(role=r.name, needed=r.needed,
                                                                            assigned=r.assigned) for r in self.roles]
        if self.party_needed:
            lines.append(_("Party members: needed {needed}, on duty {assigned}").format(
                needed=self.party_needed, assigned=self.party_assigned))
        if self.short:
            lines.append(_("Too few on duty"))
        if self.over:
            lines.append(_("Too many on duty"))
        return "\n".join(lines)


@dataclass(frozen=True)
class Duty:
    """The names serving one role in a slot ("" role: without one)."""

    role: str
    label: str  # the role's name, with ★ for the shift leader's role
    names: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"{self.label}: {' '.join(self.names)}"


@dataclass(frozen=True)
class SlotDuty:
    """One station's shift on one date: who is on duty by role, and the coverage (None: no cover, no one)."""

    slot: Slot
    duties: tuple[Duty, ...]
    coverage: Coverage | None

    @property
    def text(self) -> str:
        return "\n".join(d.text for d in self.duties)


def leader_role(view: RosterView) -> str | None:
    """The scenario's shift leader role: one whose id or name is leader or 带班 (None: there is none)."""
    for role in view.scenario.roles:
        if role.id.lower() in LEADER_IDS or role.name in LEADER_IDS:
            return role.id
    return None


class StationShiftView:
    """A roster view by station and shift: rows of (station, shift type), columns of dates."""

    def __init__(self, view: RosterView) -> None:
        self.view = view
        scenario = view.scenario
        self.rows: tuple[tuple[str, str], ...] = tuple(
            (station.id, shift.id) for station in scenario.stations for shift in scenario.shift_types)
        self.dates = view.dates
        self.leader = leader_role(view)
        self._role_names = {r.id: r.name or r.id for r in scenario.roles}
        self._order = {r.id: i for i, r in enumerate(scenario.roles)}
        self._names = {p.id: p.name for p in scenario.staff}
        self._party = {p.id for p in scenario.staff if p.is_party_member}
        self._cover: dict[Slot, Cover] = resolve_cover(scenario, view.calendar)
        self._on_duty: dict[Slot, list[Assignment]] = defaultdict(list)
        if view.schedule is not None:
            for a in view.schedule.assignments:
                self._on_duty[Slot(a.station, a.shift, a.date)].append(a)

    def rows_at(self, station: str | None) -> tuple[tuple[str, str], ...]:
        """The (station, shift) rows of the station (None: of every station of the plan)."""
        return self.rows if station is None else tuple(r for r in self.rows if r[0] == station)

    def station_name(self, station: str) -> str:
        return self.view.station_names.get(station, station) or station

    def shift_name(self, shift: str) -> str:
        found = self.view.shifts.get(shift)
        return found.name or shift if found is not None else shift

    def role_name(self, role: str | None) -> str:
        return _("no role") if role is None else self._role_names.get(role, role)

    def duty(self, station: str, shift: str, day: dt.date) -> SlotDuty:
        slot = Slot(station, shift, day)
        on_duty = self._on_duty.get(slot, [])
        by_role: dict[str | None, list[str]] = defaultdict(list)
        for a in on_duty:
            by_role[a.role].append(self._names.get(a.staff, a.staff))

        def rank(role: str | None) -> tuple[int, int]:
            if role is not None and role == self.leader:
                return (0, 0)
            return (1, self._order.get(role, len(self._order))) if role is not None else (2, 0)

        duties = tuple(
            Duty(role or "", (LEADER_MARK if role is not None and role == self.leader else "") + self.role_name(role),
                 tuple(by_role[role])) for role in sorted(by_role, key=rank))
        return SlotDuty(slot, duties, self._coverage(slot, on_duty))

    def _coverage(self, slot: Slot, on_duty: list[Assignment]) -> Coverage | None:
        cover = self._cover.get(slot)
        if cover is None and not on_duty:
            return None
        if cover is None:
            return Coverage(0, None, None, len(on_duty), ())
        roles = tuple(RoleCount(role, self.role_name(role), need, sum(1 for a in on_duty if a.role == role))
                      for role, need in sorted(cover.roles.items(), key=lambda item: self._order.get(item[0], 0))
                      if need > 0)
        return Coverage(cover.min, cover.max, cover.target, len(on_duty), roles, cover.soft, cover.party_min,
                        sum(1 for a in on_duty if a.staff in self._party))
