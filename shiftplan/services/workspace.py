"""The open database as the editors see it: the current data, and every change as an undoable edit.

A :class:`Workspace` holds the plan's scenario as the database has it now. Every change the user
makes is an :class:`Edit`: two functions, forward and backward, each one transaction in the
database, made from the current data so that going backward restores exactly what was there.
After either direction the workspace reads the data again, so that what the screens show is
always what is stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Flag, auto
from typing import Generic, TypeVar

from shiftplan.domain.calendar import DayCalendar, OfficialCalendar, UncoveredYearError, resolve_calendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    Period,
    Request,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
    Status,
)
from shiftplan.domain.rules import RuleSet
from shiftplan.domain.validation import check
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import plans
from shiftplan.services.plans import CarrySource
from shiftplan.services.ports import Store
from shiftplan.services.roster import PlanSummary, RosterChange, RosterView


class Changes(Flag):
    """What an edit changed, so that each screen redraws only when it shows that."""

    NONE = 0
    STATIONS = auto()
    ROLES = auto()
    SHIFT_TYPES = auto()
    RULE_SETS = auto()
    STAFF = auto()
    COVER = auto()
    ABSENCES = auto()
    REQUESTS = auto()
    CALENDAR = auto()
    SCHEDULES = auto()  # a roster was saved
    ALL = STATIONS | ROLES | SHIFT_TYPES | RULE_SETS | STAFF | COVER | ABSENCES | REQUESTS | CALENDAR | SCHEDULES


@dataclass(frozen=True)
class Edit:
    """One change, undoable: ``forward`` makes it, ``backward`` takes it back (one transaction each)."""

    text: str  # for the Edit menu: "Undo <text>"
    changes: Changes
    forward: Callable[[], object]
    backward: Callable[[], object]
    merge_key: str = ""  # edits of the same field in a row (e.g. a number stepped up) may merge into one

    def merged(self, later: Edit) -> Edit:
        """This edit and a later one of the same field as one: forward to the later state, backward to before."""
        return Edit(later.text, self.changes | later.changes, later.forward, self.backward, self.merge_key)


@dataclass(frozen=True)
class RosterChoice:
    """A saved roster as the user picks one: its plan, its version, when it was made."""

    plan_id: int
    plan_name: str
    period: Period
    schedule_id: int
    version: int
    status: Status
    created_at: dt.datetime  # UTC


@dataclass(frozen=True)
class CalendarState:
    """The plan's restdays and holidays, and the planned years the official calendar does not know."""

    calendar: DayCalendar
    uncovered: tuple[int, ...] = ()  # planned years without official data or dates of the plan's own


@dataclass(frozen=True)
class DayInfo:
    """One date of the holiday calendar: what the official calendar says, what the plan changes, the result."""

    date: dt.date
    official_holiday: str | None  # the holiday's name, when the official calendar has one
    official_workday: bool  # an adjusted working day (调休上班) on a weekend
    override: str | None  # "holiday" or "workday" when the plan says so itself
    restday: bool
    holiday: bool


@dataclass(frozen=True)
class YearCalendar:
    year: int
    known: bool  # official data, or dates the plan gives itself: holidays can be relied on
    official: bool  # the official calendar has the year
    days: dict[dt.date, DayInfo]


Named = TypeVar("Named", Station, Role, ShiftType, RuleSet)

KIND_STATION, KIND_ROLE, KIND_SHIFT, KIND_RULE_SET = N_("station"), N_("role"), N_("shift type"), N_("rule set")


def _name(thing: Station | Role | ShiftType | RuleSet) -> str:
    return thing.id if isinstance(thing, RuleSet) else thing.name or thing.id


def _index(items: Sequence[object], item: object) -> int:
    try:
        return list(items).index(item)
    except ValueError:
        raise UserError(_("This entry was changed meanwhile; the screen now shows the current state.")) from None


class _NamedEdits(Generic[Named]):
    """The four edits of an ordered list of named things (stations, roles, shift types, rule sets)."""

    def __init__(self, kind: str, items: tuple[Named, ...], changes: Changes, add: Callable[..., None],
                 update: Callable[..., None], delete: Callable[[str], int], move: Callable[[str, int], None]) -> None:
        self.kind, self.changes = kind, changes
        self.items: tuple[Named, ...] = items
        self._add, self._update, self._delete, self._move = add, update, delete, move

    def add(self, item: Named, index: int | None) -> Edit:
        text = _("Add {kind} “{name}”").format(kind=_(self.kind), name=_name(item))
        return Edit(text, self.changes, lambda: self._add(item, index), lambda: self._delete(item.id))

    def update(self, old: Named, new: Named, text: str | None = None) -> Edit:
        text = text or _("Change {kind} “{name}”").format(kind=_(self.kind), name=_name(new))
        return Edit(text, self.changes, lambda: self._update(old.id, new), lambda: self._update(new.id, old))

    def delete(self, item: Named) -> Edit:
        index = _index([i.id for i in self.items], item.id)
        text = _("Delete {kind} “{name}”").format(kind=_(self.kind), name=_name(item))
        return Edit(text, self.changes, lambda: self._delete(item.id), lambda: self._add(item, index))

    def move(self, item: Named, index: int) -> Edit:
        before = _index([i.id for i in self.items], item.id)
        text = _("Move {kind} “{name}”").format(kind=_(self.kind), name=_name(item))
        return Edit(text, self.changes, lambda: self._move(item.id, index), lambda: self._move(item.id, before))


class Workspace:
    """The plan (the latest one in the database) and the master data, with the edits of both."""

    def __init__(self, store: Store, official: OfficialCalendar) -> None:
        self.store = store
        self.official = official
        self.scenario = store.export_scenario(whole=True)

    # --- running edits ----------------------------------------------------------------------

    def apply(self, edit: Edit) -> Changes:
        """Make the edit; raises UserError (nothing changed) with the reason."""
        self._run(edit.forward)
        return edit.changes

    def revert(self, edit: Edit) -> Changes:
        self._run(edit.backward)
        return edit.changes

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except UserError:
            with contextlib.suppress(UserError):  # show what is stored, whatever happened
                self.reload()
            raise
        self.reload()

    def reload(self) -> None:
        self.scenario = self.store.export_scenario(whole=True)

    def close(self) -> None:
        self.store.close()

    def latest_schedule(self) -> Schedule | None:
        plans = self.store.plans()
        return self.store.latest_schedule(plans[-1].id) if plans else None

    def rosters(self) -> list[RosterChoice]:
        """Every saved roster of every plan, oldest first (the latest last)."""
        return [RosterChoice(plan.id, plan.name, plan.period, info.id, info.version, info.status, info.created_at)
                for plan in self.store.plans() for info in self.store.schedules(plan.id)]

    def saved_roster(self, choice: RosterChoice) -> tuple[Scenario, Schedule, DayCalendar]:
        """A saved roster with the scenario of its plan and that plan's restdays and holidays."""
        schedule = self.store.schedule(choice.schedule_id)
        if schedule is None:
            raise UserError(_("This roster was deleted meanwhile."))
        scenario = self.store.export_scenario(choice.plan_id)
        return scenario, schedule, self.calendar_state(scenario.calendar, scenario.period).calendar

    # --- rosters ----------------------------------------------------------------------------

    def plans(self) -> list[PlanSummary]:
        """Every plan, oldest first, with whether it has a roster yet."""
        result = []
        for p in self.store.plans():
            infos = self.store.schedules(p.id)
            latest = infos[-1] if infos else None
            result.append(PlanSummary(p.id, p.name, p.period, latest is not None,
                                      latest.id if latest else None, latest.version if latest else None,
                                      latest.published if latest else False, tuple(p.stations)))
        return result

    def roster(self, plan_id: int) -> RosterView:
        """The plan's latest roster (or none yet) with its people, dates, calendar and violations."""
        plan = next((p for p in self.plans() if p.id == plan_id), None)
        if plan is None:
            raise UserError(_("This plan no longer exists; the screen now shows the current state."))
        scenario = self.store.export_scenario(plan_id)
        elsewhere = self._on_duty_elsewhere(plan, scenario)
        if elsewhere:
            scenario = dataclasses.replace(scenario, absences=scenario.absences + tuple(
                Absence(person, day, day, _("on duty in “{plan}”").format(plan=name))
                for (person, day), name in sorted(elsewhere.items())))
        calendar = self.calendar_state(scenario.calendar, scenario.period).calendar
        return RosterView(plan, scenario, calendar, self.store.latest_schedule(plan_id), elsewhere)

    def _on_duty_elsewhere(self, plan: PlanSummary, scenario: Scenario) -> dict[tuple[str, dt.date], str]:
        """The days the plan's people are on duty in the latest roster of a plan of other stations.

        Plans of different stations may run side by side, and someone allowed at stations of both
        must not be rostered twice on one day; to this plan they are away then, like on leave.
        Plans that share a station (or roster every station) are versions of the same work, and
        do not block each other.
        """
        if not plan.stations:
            return {}
        mine, people, period = set(plan.stations), {p.id for p in scenario.staff}, scenario.period
        found: dict[tuple[str, dt.date], str] = {}
        for other in self.store.plans():
            if (other.id == plan.id or not other.stations or mine & set(other.stations)
                    or other.period.end < period.start or period.end < other.period.start):
                continue
            roster = self.store.latest_schedule(other.id)
            for a in roster.assignments if roster is not None else ():
                if a.staff in people and a.date in period:
                    found.setdefault((a.staff, a.date), other.name)
        return found

    def save_schedule(self, plan_id: int, schedule: Schedule) -> int:
        """Keep a roster as the plan's newest schedule (one transaction); returns its id."""
        return self.store.save_schedule(plan_id, schedule)

    def change_roster(self, view: RosterView, change: RosterChange) -> Edit:
        """A hand edit of the plan's latest roster (and its pins), judged by the validator and stored in place.

        The latest saved roster is changed where it is, keeping its version, so that the saved
        versions stay one per solve rather than one per click (a plan without a roster gets its
        first). Each direction is one transaction and first checks that the stored roster is still
        the one the edit was made from.
        """
        store, plan_id = self.store, view.plan.id
        before = view.schedule
        report = check(dataclasses.replace(view.scenario, fixed=change.fixed), change.assignments, view.calendar)
        after = Schedule(change.assignments, Status.FEASIBLE, before.scenario if before else view.scenario.name,
                         report.objective, tuple(report.violations))
        old_fixed, new_fixed = view.scenario.fixed, change.fixed
        old = None if before is None else before.assignments
        if view.plan.published:  # never changed: the edit makes a new draft version, its undo deletes it
            return Edit(change.text, Changes.SCHEDULES,
                        lambda: store.edit_roster(plan_id, old, after, old_fixed, new_fixed, new_version=True),
                        lambda: store.edit_roster(plan_id, after.assignments, None, new_fixed, old_fixed))
        return Edit(change.text, Changes.SCHEDULES,
                    lambda: store.edit_roster(plan_id, old, after, old_fixed, new_fixed),
                    lambda: store.edit_roster(plan_id, after.assignments, before, new_fixed, old_fixed))

    def publish(self, view: RosterView) -> Edit:
        """Publish the plan's latest roster: from then on it is not changed, edits make a new draft version."""
        store, schedule_id = self.store, view.plan.schedule_id
        if schedule_id is None or view.plan.published:
            raise UserError(_("There is no draft roster to publish."))
        text = _("Publish version {version} of {plan}").format(version=view.plan.version, plan=view.plan.name)
        return Edit(text, Changes.SCHEDULES, lambda: store.set_published(schedule_id, True),
                    lambda: store.set_published(schedule_id, False))

    # --- plans ------------------------------------------------------------------------------

    def carry_source(self, plan_id: int | None = None) -> CarrySource | None:
        """The plan a next plan follows (``plan_id``; None: the one ending last) and the roster it would
        carry fairness from. Plans of different stations may run side by side: each follows its own."""
        refs = list(self.store.plans())
        if not refs:
            return None
        chosen = next((p for p in refs if p.id == plan_id), None)
        latest = chosen or max(refs, key=lambda p: (p.period.end, p.id))
        infos = [(i.id, i.version, i.published) for i in self.store.schedules(latest.id)]
        return plans.carry_source(latest.id, latest.name, latest.period, infos)

    def next_plan(self, name: str, period: Period, source: CarrySource) -> Scenario:
        """The scenario of a new plan after ``source``'s plan, with its fairness history carried over."""
        earlier = self.store.export_scenario(source.plan_id)
        schedule = None if source.schedule_id is None else self.store.schedule(source.schedule_id)
        calendar = self.calendar_state(earlier.calendar, earlier.period).calendar
        return plans.next_scenario(earlier, schedule, calendar, name, period)

    def new_plan(self, name: str, period: Period, source: CarrySource, stations: Sequence[str] = ()) -> Edit:
        """Add the plan for the next period (one transaction); its undo deletes it while it has no roster.

        ``stations``: the ones it rosters (empty: every station, also those added later).
        """
        scenario = self.next_plan(name, period, source)
        store = self.store
        made: list[int] = []
        chosen = tuple(stations)

        def forward() -> None:
            made.append(store.add_plan(scenario, chosen))

        def backward() -> None:
            store.delete_plan(made[-1])
            made.pop()

        return Edit(_("New plan {name}").format(name=name), Changes.SCHEDULES, forward, backward)

    def set_plan_stations(self, plan: PlanSummary, stations: Sequence[str]) -> Edit:
        """Choose the stations the plan rosters (empty: every station); undoable.

        A roster already saved keeps its assignments; those at a station left out are reported by
        the validator as at an unknown station until the plan is solved again.
        """
        store, plan_id, old, new = self.store, plan.id, tuple(plan.stations), tuple(stations)
        return Edit(_("Stations of {plan}").format(plan=plan.name), Changes.SCHEDULES,
                    lambda: store.set_plan_stations(plan_id, new), lambda: store.set_plan_stations(plan_id, old))

    def station_names(self, stations: Sequence[str]) -> str:
        """The stations in words: their names, or "every station" for an empty list."""
        if not stations:
            return _("every station")
        names = {s.id: s.name or s.id for s in self.scenario.stations}
        return _(", ").join(names.get(s, s) for s in stations)

    # --- questions the screens ask ----------------------------------------------------------

    def calendar_state(self, calendar: CalendarSpec | None = None, period: Period | None = None) -> CalendarState:
        """Restdays and holidays of the plan (or of ``period``); an unknown year counts only weekends."""
        spec = calendar or self.scenario.calendar
        period = period or self.scenario.period
        try:
            return CalendarState(resolve_calendar(spec, period, self.official))
        except UncoveredYearError as error:
            known = OfficialCalendar(self.official.years | set(error.years), self.official.holidays,
                                     self.official.workdays)
            return CalendarState(resolve_calendar(spec, period, known), error.years)

    def cover_need(self, cover: Sequence[Cover] | None = None) -> dict[Slot, Cover]:
        """The entry that applies to each (station, shift, date) of the plan (domain ``resolve_cover``)."""
        scenario = self.scenario if cover is None else dataclasses.replace(self.scenario, cover=tuple(cover))
        return resolve_cover(scenario, self.calendar_state().calendar)

    def next_id(self, existing: Iterable[str], prefix: str) -> str:
        """A new ID in the style of the existing ones: ``P305`` after ``P304``, else ``<prefix>1``."""
        taken = set(existing)
        best: tuple[str, int, int] | None = None
        for code in taken:
            match = re.fullmatch(r"(.*?)(\d+)", code)
            if match and (best is None or int(match[2]) > best[1]):
                best = (match[1], int(match[2]), len(match[2]))
        stem, number, width = best if best else (prefix, 0, 1)
        while True:
            number += 1
            candidate = f"{stem}{number:0{width}d}"
            if candidate not in taken:
                return candidate

    # --- stations, roles, shift types, rule sets -------------------------------------------

    def _stations(self) -> _NamedEdits[Station]:
        s = self.store
        return _NamedEdits(KIND_STATION, self.scenario.stations, Changes.STATIONS, s.add_station, s.update_station,
                           s.delete_station, s.move_station)

    def _roles(self) -> _NamedEdits[Role]:
        s = self.store
        return _NamedEdits(KIND_ROLE, self.scenario.roles, Changes.ROLES, s.add_role, s.update_role, s.delete_role,
                           s.move_role)

    def _shift_types(self) -> _NamedEdits[ShiftType]:
        s = self.store
        return _NamedEdits(KIND_SHIFT, self.scenario.shift_types, Changes.SHIFT_TYPES, s.add_shift_type,
                           s.update_shift_type, s.delete_shift_type, s.move_shift_type)

    def _rule_sets(self) -> _NamedEdits[RuleSet]:
        s = self.store
        return _NamedEdits(KIND_RULE_SET, self.scenario.rule_sets, Changes.RULE_SETS, s.add_rule_set,
                           s.update_rule_set, s.delete_rule_set, s.move_rule_set)

    def add_station(self, station: Station, index: int | None = None) -> Edit:
        return self._stations().add(station, index)

    def update_station(self, old: Station, new: Station) -> Edit:
        return self._stations().update(old, new)

    def delete_station(self, station: Station) -> Edit:
        return self._stations().delete(station)

    def move_station(self, station: Station, index: int) -> Edit:
        return self._stations().move(station, index)

    def add_role(self, role: Role, index: int | None = None) -> Edit:
        return self._roles().add(role, index)

    def update_role(self, old: Role, new: Role) -> Edit:
        return self._roles().update(old, new)

    def delete_role(self, role: Role) -> Edit:
        return self._roles().delete(role)

    def move_role(self, role: Role, index: int) -> Edit:
        return self._roles().move(role, index)

    def add_shift_type(self, shift: ShiftType, index: int | None = None) -> Edit:
        return self._shift_types().add(shift, index)

    def update_shift_type(self, old: ShiftType, new: ShiftType) -> Edit:
        return self._shift_types().update(old, new)

    def delete_shift_type(self, shift: ShiftType) -> Edit:
        return self._shift_types().delete(shift)

    def move_shift_type(self, shift: ShiftType, index: int) -> Edit:
        return self._shift_types().move(shift, index)

    def add_rule_set(self, rule_set: RuleSet, index: int | None = None) -> Edit:
        return self._rule_sets().add(rule_set, index)

    def update_rule_set(self, old: RuleSet, new: RuleSet, text: str | None = None) -> Edit:
        """A renamed set, or a rule added, changed or removed (``text`` says which)."""
        return self._rule_sets().update(old, new, text)

    def delete_rule_set(self, rule_set: RuleSet) -> Edit:
        return self._rule_sets().delete(rule_set)

    def move_rule_set(self, rule_set: RuleSet, index: int) -> Edit:
        return self._rule_sets().move(rule_set, index)

    # --- staff ------------------------------------------------------------------------------

    def add_person(self, person: StaffMember, index: int | None = None) -> Edit:
        store = self.store
        return Edit(_("Add {name}").format(name=person.name), Changes.STAFF,
                    lambda: store.add_staff([person], index), lambda: store.delete_staff([person.id]))

    def update_people(self, pairs: Sequence[tuple[StaffMember, StaffMember]], text: str | None = None) -> Edit:
        """New values (old, new) for one person or many at once (a bulk edit); one transaction."""
        store = self.store
        pairs = [(old, new) for old, new in pairs if old != new]
        forward = {old.id: new for old, new in pairs}
        backward = {new.id: old for old, new in pairs}
        if text is None:
            text = (_("Change {name}").format(name=pairs[0][1].name) if len(pairs) == 1 else
                    ngettext("Change {n} person", "Change {n} people", len(pairs)).format(n=len(pairs)))
        changes = Changes.STAFF | (Changes.ABSENCES | Changes.REQUESTS if any(o.id != n.id for o, n in pairs)
                                   else Changes.NONE)
        return Edit(text, changes, lambda: store.update_staff(forward), lambda: store.update_staff(backward))

    def delete_people(self, people: Sequence[StaffMember]) -> Edit:
        """Delete people with their leave and requests; undone, all of it comes back in place."""
        store, sc = self.store, self.scenario
        gone = {p.id for p in people}
        staff = [(i, p) for i, p in enumerate(sc.staff) if p.id in gone]
        absences = [(i, a) for i, a in enumerate(sc.absences) if a.staff in gone]
        requests = [(i, r) for i, r in enumerate(sc.requests) if r.staff in gone]
        text = (_("Delete {name}").format(name=staff[0][1].name) if len(staff) == 1 else
                ngettext("Delete {n} person", "Delete {n} people", len(staff)).format(n=len(staff)))
        return Edit(text, Changes.STAFF | Changes.ABSENCES | Changes.REQUESTS,
                    lambda: store.delete_staff([p.id for _i, p in staff]),
                    lambda: store.restore_staff(staff, absences, requests))

    def import_people(self, people: Sequence[StaffMember]) -> Edit:
        """Store imported people: those whose ID exists are updated, the others added at the end."""
        store = self.store
        current = {p.id: p for p in self.scenario.staff}
        earlier = [current[p.id] for p in people if p.id in current]
        added = [p.id for p in people if p.id not in current]
        text = ngettext("Import {n} person", "Import {n} people", len(people)).format(n=len(people))
        return Edit(text, Changes.STAFF, lambda: store.save_staff(people),
                    lambda: store.save_staff(earlier, added))

    # --- leave and requests -----------------------------------------------------------------

    def add_absence(self, absence: Absence) -> Edit:
        store = self.store
        index = len(self.scenario.absences)
        return Edit(_("Add leave of {name}").format(name=self._person_name(absence.staff)), Changes.ABSENCES,
                    lambda: store.add_absence(absence, index), lambda: store.delete_absence(index, absence))

    def update_absence(self, old: Absence, new: Absence) -> Edit:
        store, index = self.store, _index(self.scenario.absences, old)
        return Edit(_("Change leave of {name}").format(name=self._person_name(new.staff)), Changes.ABSENCES,
                    lambda: store.update_absence(index, old, new), lambda: store.update_absence(index, new, old))

    def delete_absence(self, absence: Absence) -> Edit:
        store, index = self.store, _index(self.scenario.absences, absence)
        return Edit(_("Delete leave of {name}").format(name=self._person_name(absence.staff)), Changes.ABSENCES,
                    lambda: store.delete_absence(index, absence), lambda: store.add_absence(absence, index))

    def add_request(self, request: Request) -> Edit:
        store = self.store
        index = len(self.scenario.requests)
        return Edit(_("Add request of {name}").format(name=self._person_name(request.staff)), Changes.REQUESTS,
                    lambda: store.add_request(request, index), lambda: store.delete_request(index, request))

    def update_request(self, old: Request, new: Request) -> Edit:
        store, index = self.store, _index(self.scenario.requests, old)
        return Edit(_("Change request of {name}").format(name=self._person_name(new.staff)), Changes.REQUESTS,
                    lambda: store.update_request(index, old, new), lambda: store.update_request(index, new, old))

    def delete_request(self, request: Request) -> Edit:
        store, index = self.store, _index(self.scenario.requests, request)
        return Edit(_("Delete request of {name}").format(name=self._person_name(request.staff)), Changes.REQUESTS,
                    lambda: store.delete_request(index, request), lambda: store.add_request(request, index))

    def _person_name(self, staff_id: str) -> str:
        return next((p.name for p in self.scenario.staff if p.id == staff_id), staff_id)

    # --- cover and calendar -----------------------------------------------------------------

    def set_cover(self, entries: Sequence[Cover], text: str, merge_key: str = "") -> Edit:
        store, old, new = self.store, self.scenario.cover, tuple(entries)
        return Edit(text, Changes.COVER, lambda: store.set_cover(new), lambda: store.set_cover(old), merge_key)

    def set_calendar(self, calendar: CalendarSpec, text: str) -> Edit:
        store, old = self.store, self.scenario.calendar
        return Edit(text, Changes.CALENDAR, lambda: store.set_calendar(None, calendar),
                    lambda: store.set_calendar(None, old))

    def set_days(self, days: Sequence[dt.date], kind: str | None) -> Edit:
        """Make dates ``"holiday"``s, ``"workday"``s, or (None) what the official calendar says; one edit."""
        spec, chosen = self.scenario.calendar, set(days)
        holidays = [d for d in spec.holidays if d not in chosen] + (sorted(chosen) if kind == "holiday" else [])
        workdays = [d for d in spec.workdays if d not in chosen] + (sorted(chosen) if kind == "workday" else [])
        first = min(chosen).isoformat() if chosen else ""
        if len(chosen) == 1:
            text = {"holiday": _("Make {date} a holiday"), "workday": _("Make {date} a working day")}.get(
                kind or "", _("Reset {date} to the official calendar")).format(date=first)
        else:
            text = {"holiday": ngettext("Make {n} day a holiday", "Make {n} days holidays", len(chosen)),
                    "workday": ngettext("Make {n} day a working day", "Make {n} days working days", len(chosen))}.get(
                kind or "", ngettext("Reset {n} day to the official calendar", "Reset {n} days to the official "
                                     "calendar", len(chosen))).format(n=len(chosen))
        return self.set_calendar(CalendarSpec(spec.country, tuple(sorted(holidays)), tuple(sorted(workdays))), text)

    def year(self, year: int) -> YearCalendar:
        """Every date of a year as the plan's calendar has it, with what the official calendar says."""
        spec = self.scenario.calendar
        period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        state = self.calendar_state(spec, period)
        official = self.official if spec.country == "CN" else OfficialCalendar()
        known = spec.country != "CN" or year in self.official.years or any(d.year == year for d in spec.holidays)
        days = {}
        for day in period.dates():
            override = "holiday" if day in spec.holidays else "workday" if day in spec.workdays else None
            days[day] = DayInfo(day, official.holidays.get(day) if year in official.years else None,
                                day in official.workdays, override, state.calendar.is_restday(day),
                                state.calendar.is_holiday(day))
        return YearCalendar(year, known, year in self.official.years, days)
