"""A first roster person by person, for scenarios where no hard rule ties people together.

When every cover entry is soft (or asks for no minimum, maximum, role or Party member), the
hard rules are all personal: a person's runs, rests, totals, weekends, leave and pins. Each
person's rules can then be met alone, and the people's rosters together meet every hard rule.
The whole model can be hard to start on such a scenario (the Curtois & Qu instances 20-24: half
a year and more, tight totals and runs; no roster in 300 s), while one person's model is solved
in a second or less.

People are taken in the scenario's order. Each one's model sees the cover still open: every
slot's entry with its minimum, target, maximum and role numbers less those already on duty,
so the builder is a greedy of whole personal rosters that fills the most wanted slots first.
Each person gets a deterministic budget, so the start is the same on every machine. A person
whose roster is not found in the budget (nor when only their hard rules are asked) makes the
builder give up: the caller then starts from the day-by-day greedy instead.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable

from ortools.sat.python import cp_model

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, resolve_cover
from shiftplan.domain.model import Assignment, Cover, Scenario
from shiftplan.domain.scope import restricted
from shiftplan.solver.model import RosterModel

WORKERS = 2  # the tree search, interleaved: deterministic, and on these models far quicker than one worker
TREE_SHARE = 0.25  # of a person's budget, for the tree search first (see _solve)
FIRST_ROSTER_BUDGET = 5.0  # deterministic seconds to find one person's first roster (see _solve)


def applies(scenario: Scenario) -> bool:
    """Whether no hard rule ties people together (then personal rosters together meet every hard rule)."""
    return bool(scenario.staff) and not any(_ties(c) for c in scenario.cover)


def _ties(entry: Cover) -> bool:
    """Whether a cover entry is a hard requirement on the people of a slot together."""
    return not entry.soft and (entry.min > 0 or entry.max is not None or entry.party_min > 0
                               or any(n > 0 for n in entry.roles.values()))


def personal_roster(scenario: Scenario, calendar: DayCalendar, budget: float, seed: int = 0,
                    stopped: Callable[[], bool] = lambda: False, deadline: float | None = None
                    ) -> tuple[list[Assignment], float] | None:
    """Everyone's roster, person by person (see the module notes), and the deterministic time it took.

    ``budget`` deterministic seconds are shared equally among the people. None when someone's
    roster was not found, the search was stopped, or the clock passed ``deadline``
    (``time.perf_counter``).
    """
    need = resolve_cover(scenario, calendar)
    on_duty: Counter[Slot] = Counter()
    in_role: Counter[tuple[Slot, str | None]] = Counter()
    share = budget / max(1, len(scenario.staff))
    roster: list[Assignment] = []
    used = 0.0
    for person in scenario.staff:
        if stopped() or (deadline is not None and time.perf_counter() > deadline):
            return None
        stations = [s.id for s in scenario.stations if person.may_work_at(s.id)]
        alone = restricted(scenario, stations, {person.id})
        open_cover = tuple(_still_open(entry, slot, on_duty, in_role) for slot, entry in need.items()
                           if slot.station in stations)
        found = _solve(dataclasses.replace(alone, cover=open_cover), calendar, share, seed)
        if found is None:
            return None
        mine, spent = found
        used += spent
        roster += mine
        for a in mine:
            slot = Slot(a.station, a.shift, a.date)
            on_duty[slot] += 1
            in_role[slot, a.role] += 1
    return roster, used


def _still_open(entry: Cover, slot: Slot, on_duty: Counter[Slot], in_role: Counter[tuple[Slot, str | None]]
                ) -> Cover:
    """The slot's entry as it stands for the next person: less what those already on duty give."""
    done = on_duty[slot]
    return dataclasses.replace(
        entry, station=slot.station, shift=slot.shift, days=(slot.date.isoformat(),), min=max(0, entry.min - done),
        max=None if entry.max is None else max(0, entry.max - done),
        target=None if entry.target is None else max(0, entry.target - done),
        roles={role: max(0, n - in_role[slot, role]) for role, n in entry.roles.items()})


def _solve(scenario: Scenario, calendar: DayCalendar, budget: float, seed: int
           ) -> tuple[list[Assignment], float] | None:
    """One person's best roster in the budget, else any roster meeting their hard rules.

    The tree search has a quarter of the budget first: on a few weeks it proves the person's best
    roster at once. Local search (CP-SAT's violation local search alone, one thread, so
    deterministic) has the rest: on a year of one person's runs and narrow hour bands it reaches
    a roster in a tenth of the time the tree search needs, and a better one in the same budget
    (Curtois 23, measured: 0.2 s against 3 s to the first roster). It keeps improving until the
    budget is spent, which for the largest instances is less than reaching a first roster takes
    (Curtois 24: 1.3 deterministic seconds per person, at most 2.9); so without a roster by then
    it looks for any roster, stopping at the first, for up to ``FIRST_ROSTER_BUDGET``. Local
    search cannot prove that there is none: the tree search has the budget last, for that.
    """
    model = RosterModel(scenario, calendar)
    used = 0.0
    found: list[tuple[float, list[Assignment]]] = []
    attempts = ((False, True, budget * TREE_SHARE), (True, True, budget * (1 - TREE_SHARE)),
                (True, False, max(budget, FIRST_ROSTER_BUDGET)), (False, False, budget))
    for local, best, limit in attempts:
        if not best:
            if found:
                break
            model.model.clear_objective()
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.random_seed = seed
        params.max_deterministic_time = limit
        if local:
            params.num_workers = 1
            params.use_ls_only = True
        else:
            params.num_workers = WORKERS
            params.interleave_search = True
        code = solver.solve(model.model)
        used += solver.deterministic_time
        if code == cp_model.INFEASIBLE:
            return None
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found.append((solver.objective_value, model.vars.extract(solver.boolean_value)))
            if code == cp_model.OPTIMAL or local:
                break
    return (min(found, key=lambda f: f[0])[1], used) if found else None
