"""Printing and exporting the roster shown, without Qt: what to print, and the fairness of a roster.

A :class:`PrintJob` is what the print dialog asks the backend to render (``Backend.render_printout``):
the plan's scenario and latest roster, the roster before it (for the changes page), and the
stations and dates chosen. :func:`fairness_table` is the fairness view's data: per eligibility
group, each member's shifts, nights, restday and holiday shifts, computed exactly as the
validator's fairness rule computes them (``shiftplan.domain.fairness``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.fairness import Category, Spread, available_dates, eligibility_groups, load
from shiftplan.domain.model import STATUS_LABELS, Assignment, Scenario, Schedule
from shiftplan.i18n import N_, _
from shiftplan.services.ports import PrintJob, Store
from shiftplan.services.roster import RosterView

# The kinds of printout, as the printing package names them (``shiftplan.printing.Kind``).
PRINT_KINDS: dict[str, str] = {
    "sheet": N_("Duty roster"),
    "slips": N_("Personal duty slips"),
    "signin": N_("Sign-in sheets"),
    "fairness": N_("Fairness report"),
    "changes": N_("Changes to the roster"),
}


def print_job(view: RosterView, store: Store, *, kind: str = "sheet", station: str | None = None,
              start: dt.date | None = None, end: dt.date | None = None) -> PrintJob:
    """The print job of the roster a roster view shows; the changes page compares with the version before."""
    schedule = view.schedule or Schedule(())
    versions = list(store.schedules(view.plan.id))
    previous = None
    if kind == "changes" and len(versions) > 1:
        previous = store.schedule(versions[-2].id)
    version = f"v{versions[-1].version}" if versions else ""
    return PrintJob(view.scenario, view.calendar, schedule, None if station is None else (station,), start, end,
                    previous, version, _(STATUS_LABELS[schedule.status]))


def has_previous(view: RosterView, store: Store) -> bool:
    """Whether the plan has a roster before the one shown (the changes page needs it)."""
    return len(store.schedules(view.plan.id)) > 1


# --- fairness ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FairnessMember:
    """One person of a group: the shifts of each category in the period, and the load fairness compares."""

    id: str
    name: str
    counts: Mapping[Category, int]
    loads: Mapping[Category, float | None]  # history + count pro-rated by availability; None: never available


@dataclass(frozen=True)
class FairnessGroupView:
    """People who may do the same work (an eligibility group), with their figures."""

    label: str  # the validator's label of the group
    title: str  # for people: station names, role names
    members: tuple[FairnessMember, ...]
    figures: Mapping[Category, Spread | None] = field(default_factory=dict)


def fairness_table(scenario: Scenario, assignments: Sequence[Assignment], calendar: DayCalendar,
                   stations: Sequence[str] | None = None) -> list[FairnessGroupView]:
    """Each eligibility group (that may work at one of ``stations``; None: any) with its members' figures.

    Counts are over the whole period, as the validator judges fairness: shifts dated on a period
    date with a known shift type.
    """
    shifts = {s.id: s for s in scenario.shift_types}
    people = {p.id: p for p in scenario.staff}
    station_names = {s.id: s.name or s.id for s in scenario.stations}
    role_names = {r.id: r.name or r.id for r in scenario.roles}
    period = scenario.period
    worked: dict[str, list[Assignment]] = {}
    for a in assignments:
        if a.shift in shifts and period.start <= a.date <= period.end:
            worked.setdefault(a.staff, []).append(a)
    history = {c.staff: c for c in scenario.history.counts}
    category_dates = {c: c.dates(scenario, calendar) for c in Category}
    wanted = None if stations is None else set(stations)
    result = []
    for group in eligibility_groups(scenario):
        if wanted is not None and not wanted.intersection(group.stations):
            continue
        members = []
        for person_id in group.members:
            person = people[person_id]
            mine = worked.get(person_id, [])
            counts: dict[Category, int] = {}
            loads: dict[Category, float | None] = {}
            for category in Category:
                dates = category_dates[category]
                count = sum(1 for a in mine if category.counts(a.date, shifts[a.shift], calendar))
                available = available_dates(scenario, person, dates)
                counts[category] = count
                loads[category] = (load(category.history(history.get(person_id)), count, len(dates), available)
                                   if available else None)
            members.append(FairnessMember(person_id, person.name or person_id, counts, loads))
        title = " · ".join(part for part in (
            "、".join(station_names.get(s, s) for s in group.stations),
            "、".join(role_names.get(r, r) for r in group.roles) or _("no role")) if part)
        figures = {c: _spread(m.loads[c] for m in members) for c in Category}
        result.append(FairnessGroupView(group.label, title, tuple(members), figures))
    return result


def _spread(values: Iterable[float | None]) -> Spread | None:
    return Spread.of(v for v in values if v is not None)
