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

On the largest scenarios even the share of the clock can run out before the last person: past
``hurry`` (a point on the clock) everyone left gets only the quick look for a first roster, so
that the start is whole rather than lost (Curtois 24: 150 people over a year, about two seconds
each; the start was given up at person 130 of 150, leaving no roster at all).
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


@dataclasses.dataclass(frozen=True)
class PersonalStart:
    roster: list[Assignment]
    used: float  # deterministic seconds
    hurried: bool  # the clock passed ``hurry``: the roster may differ on a rerun


def personal_roster(scenario: Scenario, calendar: DayCalendar, budget: float, seed: int = 0,
                    stopped: Callable[[], bool] = lambda: False, deadline: float | None = None,
                    hurry: float | None = None) -> PersonalStart | None:
    """Everyone's roster, person by person (see the module notes), and the deterministic time it took.

    ``budget`` deterministic seconds are shared equally among the people; once the clock
    (``time.perf_counter``) passes ``hurry``, the people left are only given a first roster. None
    when someone's roster was not found, the search was stopped, or the clock passed ``deadline``.
    """
    need = resolve_cover(scenario, calendar)
    on_duty: Counter[Slot] = Counter()
    in_role: Counter[tuple[Slot, str | None]] = Counter()
    share = budget / max(1, len(scenario.staff))
    roster: list[Assignment] = []
    used = 0.0
    hurried = False
    for person in scenario.staff:
        now = time.perf_counter()
        if stopped() or (deadline is not None and now > deadline):
            return None
        hurried = hurried or (hurry is not None and now > hurry)
        stations = [s.id for s in scenario.stations if person.may_work_at(s.id)]
        alone = restricted(scenario, stations, {person.id})
        open_cover = tuple(_still_open(entry, slot, on_duty, in_role) for slot, entry in need.items()
                           if slot.station in stations)
        found = _solve(dataclasses.replace(alone, cover=open_cover), calendar, share, seed, hurried)
        if found is None:
            return None
        mine, spent = found
        used += spent
        roster += mine
        for a in mine:
            slot = Slot(a.station, a.shift, a.date)
            on_duty[slot] += 1
            in_role[slot, a.role] += 1
    return PersonalStart(roster, used, hurried)


def _still_open(entry: Cover, slot: Slot, on_duty: Counter[Slot], in_role: Counter[tuple[Slot, str | None]]
                ) -> Cover:
    """The slot's entry as it stands for the next person: less what those already on duty give."""
    done = on_duty[slot]
    return dataclasses.replace(
        entry, station=slot.station, shift=slot.shift, days=(slot.date.isoformat(),), min=max(0, entry.min - done),
        max=None if entry.max is None else max(0, entry.max - done),
        target=None if entry.target is None else max(0, entry.target - done),
        roles={role: max(0, n - in_role[slot, role]) for role, n in entry.roles.items()})


def _solve(scenario: Scenario, calendar: DayCalendar, budget: float, seed: int, quick: bool = False
           ) -> tuple[list[Assignment], float] | None:
    """One person's best roster in the budget, else a first roster meeting their hard rules
    (``quick``: the first roster only).

    The tree search has a quarter of the budget first: on a few weeks it proves the person's best
    roster at once. Local search (CP-SAT's violation local search alone, one thread, so
    deterministic) has the rest: on a year of one person's runs and narrow hour bands it reaches
    a roster in a tenth of the time the tree search needs, and a better one in the same budget
    (Curtois 23, measured: 0.2 s against 3 s to the first roster). It keeps improving until the
    budget is spent, which for the largest instances is less than reaching a first roster takes
    (Curtois 24: 1.3 deterministic seconds per person, at most 2.9); so without a roster by then
    it looks for a first roster, for up to ``FIRST_ROSTER_BUDGET``, with the objective kept: the
    first roster local search reaches then already leans towards the open cover (Curtois 24, one
    person against the whole cover: 17 195 of the cover's cost taken off, against 14 674 with no
    objective, in the same time). Local search cannot prove that there is none: the tree search
    has the budget last, for that, asking only for the hard rules.
    """
    model = RosterModel(scenario, calendar)
    used = 0.0
    found: list[tuple[float, list[Assignment]]] = []
    # (local search, stop at the first roster, deterministic limit)
    optimise = ((False, False, budget * TREE_SHARE), (True, False, budget * (1 - TREE_SHARE)))
    attempts = (*(() if quick else optimise), (True, True, max(budget, FIRST_ROSTER_BUDGET)), (False, True, budget))
    for local, first, limit in attempts:
        if first and found:
            break
        if first and not local:
            model.model.clear_objective()
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.random_seed = seed
        params.max_deterministic_time = limit
        params.stop_after_first_solution = first and local  # the tree search has no objective left
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
