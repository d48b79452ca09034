"""Printing and exporting the roster shown, without Qt: what to print, and the fairness of a roster.

A :class:`PrintJob` is what the print dialog asks the backend to render (``Backend.render_printout``):
the plan's scenario and latest roster, the roster to compare with (for the changes page), and the
stations and dates chosen. Printing a roster records a copy of it (:func:`record_printout`); the
changes page compares with the newest such copy that differs from the roster now, so that it
lists what changed since the sheet on the wall, even after edits of a draft in place.
:func:`fairness_table` is the fairness view's data: per eligibility
group, each member's shifts, nights, restday and holiday shifts, computed exactly as the
validator's fairness rule computes them (``shiftplan.domain.fairness``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.fairness import Category, Spread, available_dates, eligibility_groups, load
from shiftplan.domain.model import STATUS_LABELS, Assignment, Period, Scenario, Schedule
from shiftplan.i18n import N_, _
from shiftplan.services.ports import PrintJob, PrintRef, ScheduleRef, Store
from shiftplan.services.roster import RosterView

# The kinds of printout, as the printing package names them (``shiftplan.printing.Kind``).
PRINT_KINDS: dict[str, str] = {
    "sheet": N_("Duty roster"),
    "slips": N_("Personal duty slips"),
    "signin": N_("Sign-in sheets"),
    "fairness": N_("Fairness report"),
    "changes": N_("Changes to the roster"),
}


# Printouts that show the roster to the people on it: printing one records what it showed.
RECORDED_KINDS = ("sheet", "slips", "signin")


def print_job(view: RosterView, store: Store, *, kind: str = "sheet", station: str | None = None,
              start: dt.date | None = None, end: dt.date | None = None) -> PrintJob:
    """The print job of the roster a roster view shows; the changes page compares with :func:`compared_roster`."""
    schedule = view.schedule or Schedule(())
    versions = list(store.schedules(view.plan.id))
    previous, label = compared_roster(store, view.plan.id, schedule, versions) if kind == "changes" else (None, "")
    version = f"v{versions[-1].version}" if versions else ""
    return PrintJob(view.scenario, view.calendar, schedule, None if station is None else (station,), start, end,
                    previous, version, _(STATUS_LABELS[schedule.status]), label)


def compared_roster(store: Store, plan_id: int, schedule: Schedule | None,
                    versions: Sequence[ScheduleRef] | None = None) -> tuple[Schedule | None, str]:
    """What the changes page compares the plan's roster ``schedule`` with, and its words for it.

    The newest printed copy that differs from ``schedule``; without one, the version before the
    latest; (None, "") when there is neither.
    """
    now = Counter(schedule.assignments if schedule else ())
    printed = next((p for p in store.prints(plan_id) if Counter(p.assignments) != now), None)
    if printed is not None:
        return Schedule(printed.assignments), printed_label(printed)
    versions = list(store.schedules(plan_id)) if versions is None else versions
    if len(versions) > 1:
        return store.schedule(versions[-2].id), _("compared with version {version} of the plan").format(
            version=versions[-2].version)
    return None, ""


def printed_label(printed: PrintRef) -> str:
    return _("compared with the roster printed on {when} (version {version})").format(
        when=printed.printed_at.astimezone().strftime("%Y-%m-%d %H:%M"), version=printed.version)


def has_previous(view: RosterView, store: Store) -> bool:
    """Whether there is a roster to compare the one shown with (the changes page needs one)."""
    return compared_roster(store, view.plan.id, view.schedule)[0] is not None


def record_printout(store: Store, plan_id: int, version: int | None, schedule: Schedule | None, kind: str,
                    period: Period, stations: Sequence[str] | None = None, start: dt.date | None = None,
                    end: dt.date | None = None) -> bool:
    """Keep a copy of the roster a printout of ``kind`` showed (kinds in RECORDED_KINDS only); True: recorded.

    The copy is the whole roster as it stood, whatever stations and dates were printed: the changes
    page compares with the roster as it was, on the stations and dates it is asked for.
    """
    if kind not in RECORDED_KINDS or schedule is None or version is None:
        return False
    store.record_print(plan_id, version, kind, tuple(stations or ()), start or period.start, end or period.end,
                       schedule.assignments)
    return True


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
