"""Why no roster exists, in the user's language.

Two steps, cheapest first:

1. Plain shortfalls, found by counting (``domain.shortfalls``): they name the slot, the
   requirement and every person who could not take it, with the reason.
2. Conflicts that only arise in combination. The model is built with every hard requirement
   behind its own literal (``RosterModel(guarded=True)``: one per cover slot, per person and
   rule, per absence, per fixed assignment) and solved with all of them as assumptions. CP-SAT
   answers infeasible with a set of assumptions that suffices for that; the set is then shrunk
   by dropping one requirement at a time and keeping it out whenever the rest is still
   infeasible. What is left conflicts, and each requirement in it is needed for the conflict
   (when every check finished in time), so nothing innocent is named.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.culprits import Culprit, CulpritKind, cover_entries, shortfall_culprit
from shiftplan.domain.model import Scenario
from shiftplan.domain.rules import DEFAULT_MAX_SHIFTS_PER_DAY, Rule, RuleKind
from shiftplan.domain.shortfalls import Names, describe, find_shortfalls
from shiftplan.i18n import _
from shiftplan.solver.model import RosterModel
from shiftplan.solver.rules.base import Requirement

# Each feasibility check while shrinking gets at most this share of what is left of the budget,
# so one hard check cannot use it all up.
CHECK_SHARE = 0.5
LISTED = 8  # requirements named before "and N more"


def shortfall_sentences(scenario: Scenario, calendar: DayCalendar) -> tuple[str, ...]:
    """Sentences for the requirements that surely cannot be met; empty when counting finds none."""
    return tuple(describe(s, scenario) for s in find_shortfalls(scenario, calendar))


def shortfall_culprits(scenario: Scenario, calendar: DayCalendar) -> tuple[Culprit, ...]:
    """The counting shortfalls as culprits, each with its sentence (in the order of the sentences)."""
    shortfalls = find_shortfalls(scenario, calendar)
    need = resolve_cover(scenario, calendar) if shortfalls else {}
    return tuple(shortfall_culprit(s, describe(s, scenario), scenario, calendar, need) for s in shortfalls)


def explain(scenario: Scenario, calendar: DayCalendar, time_limit: float = 30.0) -> tuple[str, ...]:
    """Why the scenario has no roster: the shortfalls, else a small set of conflicting requirements."""
    return explain_culprits(scenario, calendar, time_limit)[0]


def explain_culprits(scenario: Scenario, calendar: DayCalendar,
                     time_limit: float = 30.0) -> tuple[tuple[str, ...], tuple[Culprit, ...]]:
    """The sentences of :func:`explain`, and the culprit of each sentence that names one."""
    culprits = shortfall_culprits(scenario, calendar)
    if culprits:
        return tuple(c.text for c in culprits), culprits
    found = conflict(scenario, calendar, time_limit)
    if not found:
        return (_("No roster meets every hard rule at once, although no single requirement is short on its own: "
                  "the rules conflict only in combination, and the search ran out of time before it could say "
                  "which ones. Make some cover entries or rules soft (give them a weight) to see which."),), ()
    words = _Words(scenario, calendar)
    named = [words.culprit(r) for r in found]
    shown = named[:LISTED]
    more = [_("and {n} more").format(n=len(named) - LISTED)] if len(named) > LISTED else []
    return (_("These requirements cannot all be met together; drop or soften one of them:"),
            *("· " + c.text for c in shown), *more), tuple(shown)


def conflict(scenario: Scenario, calendar: DayCalendar, time_limit: float) -> list[Requirement]:
    """A small set of hard requirements that cannot hold together; empty when none was found in time."""
    deadline = time.perf_counter() + time_limit
    model = RosterModel(scenario, calendar, guarded=True)
    model.model.clear_objective()  # only feasibility matters here
    guards = model.requirements

    def core(assumed: Sequence[Requirement], share: float) -> list[Requirement] | None:
        """The assumed requirements that suffice for infeasibility, or None (feasible or no time)."""
        left = deadline - time.perf_counter()
        if left <= 0.05:
            return None
        model.model.clear_assumptions()
        model.model.add_assumptions([guards[r] for r in assumed])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1  # assumption cores come from the single search
        solver.parameters.max_time_in_seconds = left * share
        if solver.solve(model.model) != cp_model.INFEASIBLE:
            return None
        needed = set(solver.sufficient_assumptions_for_infeasibility())
        return [r for r in assumed if guards[r].index in needed]

    found = core(list(guards), 1.0)
    if found is None:
        return []
    i = 0
    while i < len(found):  # drop one at a time; a smaller infeasible set replaces the current one
        smaller = core(found[:i] + found[i + 1:], CHECK_SHARE)
        if smaller is None:
            i += 1
        else:
            found = smaller
    return found


class _Words:
    """One requirement in the planner's words: who or which slot, and the rule."""

    def __init__(self, scenario: Scenario, calendar: DayCalendar) -> None:
        self.scenario = scenario
        self.names = Names(scenario)
        self.calendar = calendar
        self.cover = resolve_cover(scenario, calendar)

    def culprit(self, requirement: Requirement) -> Culprit:
        """The requirement as a culprit, with its sentence."""
        s, text, rule = requirement.subject, self.sentence(requirement), requirement.rule
        dates = tuple(s.dates)
        if s.station is not None and s.shift is not None and s.dates:
            slots = [Slot(s.station, s.shift, d) for d in s.dates]
            return Culprit(CulpritKind.COVER, text, rule, s.station, s.shift, dates, s.role,
                           covers=cover_entries(self.scenario, self.calendar, slots, self.cover))
        if rule == "fixed":
            return Culprit(CulpritKind.FIXED, text, rule, s.station, s.shift, dates, s.role, s.staff,
                           fixed=requirement.key if isinstance(requirement.key, int) else None)
        if rule == "absence":
            return Culprit(CulpritKind.ABSENCE, text, rule, dates=dates, staff=s.staff)
        return Culprit(CulpritKind.PERSON_RULE, text, rule, s.station, s.shift, dates, s.role, s.staff,
                       rules=tuple(self._rules(requirement)))

    def sentence(self, requirement: Requirement) -> str:
        s, names = requirement.subject, self.names
        if s.station is not None and s.shift is not None and s.dates:
            slot = Slot(s.station, s.shift, s.dates[0])
            return _("{where}: {need}").format(where=names.where(slot), need=self._need(requirement, slot))
        if requirement.rule == "fixed" and s.staff is not None:
            return _("{name} is fixed on {shift} on {date}").format(
                name=names.person(s.staff), shift=names.shift(s.shift), date=s.dates[0] if s.dates else "")
        if requirement.rule == "absence" and s.staff is not None:
            return _("{name} is absent {first} to {last}").format(
                name=names.person(s.staff), first=min(s.dates), last=max(s.dates))
        who = names.person(s.staff) if s.staff is not None else ""
        return _("{name}: {rule}").format(name=who, rule=self._rule(requirement))

    def _need(self, requirement: Requirement, slot: Slot) -> str:
        entry = self.cover.get(slot)
        role = requirement.subject.role
        if requirement.rule == "cover_max":
            return _("at most {n} on duty").format(n=entry.max if entry else "?")
        if requirement.rule == "cover_party":
            return _("at least {n} Party members").format(n=entry.party_min if entry else "?")
        if requirement.rule == "cover_roles" and role is not None:
            return _("at least {n} {role}").format(n=entry.roles.get(role, "?") if entry else "?",
                                                  role=self.names.role(role))
        return _("at least {n} on duty").format(n=entry.min if entry else "?")

    def _rules(self, requirement: Requirement) -> list[Rule]:
        """The person's hard rules the requirement stands for (none for overlap and the built-in ones)."""
        key = requirement.key
        if isinstance(key, Rule):
            return [key]
        staff = requirement.subject.staff
        rule_set = self.scenario.rule_set_of(self.scenario.person(staff)) if staff is not None else None
        try:
            kind = RuleKind(requirement.rule)
        except ValueError:
            return []
        return [r for r in (rule_set.of_kind(kind) if rule_set else []) if r.hard]

    def _rule(self, requirement: Requirement) -> str:
        key = requirement.key
        if hasattr(key, "describe"):
            return self.names.rule(key)  # type: ignore[arg-type]
        if requirement.rule == "overlap":
            return _("no two shifts that overlap in time")
        try:
            kind = RuleKind(requirement.rule)
        except ValueError:
            return requirement.rule
        rules = self._rules(requirement)
        if not rules and kind is RuleKind.MAX_SHIFTS_PER_DAY:
            rules = [DEFAULT_MAX_SHIFTS_PER_DAY]
        return _("; ").join(self.names.rule(r) for r in rules) or requirement.rule
