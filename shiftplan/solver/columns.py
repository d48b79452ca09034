"""A start by column generation, for scenarios where no hard rule ties people together.

Where every hard rule is personal (``personal.applies``), a roster is one personal roster per
person, and what lies between people is the soft cover. That is the classic shape for column
generation, the method behind most best known Curtois & Qu results (branch and price):

- the *master* is a linear programme (GLOP) that picks a mix of known personal rosters (the
  columns) per person, paying each one's own costs (requests, hours, ...) and the cover's;
- its duals price each slot: what one more person there is worth to the cover;
- each person's *pricing* problem is their own CP-SAT model with those prices as rewards: a
  roster cheaper than the master's mix of theirs (negative reduced cost) is a new column; the
  master is solved again after each eighth of the people (partial pricing), so the later ones
  see the columns of the earlier;
- once no column improves the master (or its share of the time is up), *diving* makes the mix
  whole: the people whose mix is one roster, or else the tenth nearest to it, are held to
  that roster, and the others are priced again against the new duals, until everyone is held;
  each step may take as big a share of the time left as of the people left, so the dive ends
  in time on large scenarios.

Each person keeps their own rules, so the result meets every hard rule; it is the search's
start. The master does not price fairness spreads (the caller leaves such scenarios out).
The personal start (``personal.py``) is the first columns: it fills the most wanted slots
person by person and cannot see what the people after need; the duals can (Curtois 8: 5411
for the personal start, LP 1297 after 90 s, the dive ends at 1310 after 165 s; best known 1300).

Attempted and dropped: solving the master as an integer programme over the columns once they
are generated (Curtois 8: 2301 in 35 s against the LP's 1298; the columns of an LP optimum
seldom fit together whole).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from shiftplan.domain.model import Assignment
from shiftplan.domain.scope import restricted
from shiftplan.solver.model import RosterModel
from shiftplan.solver.rules.base import SCALE

log = logging.getLogger(__name__)

SlotIx = tuple[int, int, int]  # (station, shift, day) of the whole model
PRICING_WORKERS = 2  # interleaved, as in personal.py
# Deterministic seconds per pricing solve: a column need only be better, not the best (Curtois 8:
# 0.1 reaches the same LP as 0.2 in three quarters of the time).
PRICING_LIMIT = 0.1
COLUMNS_PER_PRICING = 5  # the last improving rosters of each pricing solve
# Master solves per round of pricing: the people later in a round are priced against duals that
# already know the columns of the ones before (partial pricing; the LP takes milliseconds).
LP_PER_ROUND = 8
GENERATE_SHARE = 0.5  # of the time, at most, before diving starts
# Rounds of pricing the generation must have time for, judged by the first, or it is given up:
# an LP far from converged dives to a poor roster and leaves the search little time (Curtois 13,
# 120 people: a round took about a tenth of the time; 5825 against 3522 without the columns).
# Curtois 8 converged in about 35 rounds, 5 in about 37; with partial pricing 19 (40 people, 84
# days, a round a twentieth of the time) reaches in 8 rounds the LP that took 14 without.
MIN_ROUNDS = 6
FIX_EPSILON = 0.01  # a mix this near one column is that column
DIVE_SHARE = 0.1  # of the people still free, fixed per diving step when none is whole
DIVE_ROUNDS = 4  # pricing rounds after each diving step (1 round: Curtois 8 dived to 1707, 4: 1310)
REDUCED_COST_EPSILON = 1e-6
BIG = 1e6  # per person of a hard cover bound the columns cannot meet (keeps the master feasible)


@dataclasses.dataclass(frozen=True)
class Column:
    roster: tuple[Assignment, ...]
    slots: frozenset[SlotIx]
    cost: float  # the person's own costs, cover left out


@dataclasses.dataclass(frozen=True)
class PricedStart:
    roster: list[Assignment] | None  # None: given up (see ``priced_roster``)
    lp: float  # the master's optimum once generated (a bound only if every pricing was proved optimal)
    rounds: int
    columns: int
    cost: float  # the master's cost of ``roster``: the cover's and the people's own
    used: float  # deterministic seconds of pricing
    hurried: bool  # the clock ended a phase before the budget: the roster may differ on a rerun


class _Pricing:
    """One person's model, with their own costs and, per slot of the whole model, whether they work it."""

    def __init__(self, whole: RosterModel, p: int) -> None:
        inp = self.whole = whole.inp
        person = inp.people[p]
        scenario = inp.scenario
        stations = [inp.stations[t] for t in inp.person_stations(p)]
        alone = dataclasses.replace(restricted(scenario, stations, {person.id}), cover=())
        self.model = RosterModel(alone, inp.calendar)
        own = self.model.inp
        self.own_objective = sum((t.coefficient * t.expr for t in self.model.terms), 0)
        works: dict[SlotIx, list] = defaultdict(list)
        for key, var in self.model.vars.seat.items():
            slot = (inp.station_ix[own.stations[key.t]], inp.shift_ix[own.shifts[key.s].id],
                    inp.day_of(own.dates[key.d]))
            works[slot].append(var)
        self.works = dict(works)
        self.last: Column | None = None

    def column_of(self, roster: list[Assignment]) -> Column | None:
        """A known roster of the person as a column, its own cost settled; None if it breaks their rules."""
        model = self.model
        model.model.minimize(self.own_objective)
        settled = model.settled(model.seats_of(roster))
        if settled is None:
            return None
        inp = self.whole
        slots = frozenset((inp.station_ix[a.station], inp.shift_ix[a.shift], inp.day_of(a.date)) for a in roster)
        return Column(tuple(roster), slots, settled.objective)

    def price(self, prices: dict[SlotIx, float], limit: float, seed: int, allowance: _Allowance
              ) -> list[tuple[Column, float]]:
        """Rosters of low reduced cost (own cost less the prices of the slots worked), best last:
        every improving roster the search passes on its way, so one solve gives several columns."""
        model = self.model
        rewards = [(round(prices[slot] * SCALE), sum(lits)) for slot, lits in self.works.items()
                   if abs(prices.get(slot, 0.0)) > 1e-9]
        model.model.minimize(self.own_objective - sum((w * x for w, x in rewards), 0))
        model.model.clear_hints()
        if self.last is not None:
            model.vars.hint(model.seats_of(self.last.roster))
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = PRICING_WORKERS
        params.interleave_search = True
        params.random_seed = seed
        params.max_deterministic_time = limit
        seen = _Seen(self, prices)
        solver.solve(model.model, seen)
        allowance.used += solver.deterministic_time
        return seen.found


class _Seen(cp_model.CpSolverSolutionCallback):
    def __init__(self, pricing: _Pricing, prices: dict[SlotIx, float]) -> None:
        super().__init__()
        self.pricing, self.prices = pricing, prices
        self.found: list[tuple[Column, float]] = []

    def on_solution_callback(self) -> None:
        pricing = self.pricing
        roster = tuple(pricing.model.vars.extract(self.boolean_value))
        own = self.value(pricing.own_objective) / SCALE
        slots = frozenset(slot for slot, lits in pricing.works.items() if any(self.boolean_value(x) for x in lits))
        self.found.append((Column(roster, slots, own), own - sum(self.prices.get(slot, 0.0) for slot in slots)))


class _Master:
    """The linear programme over the columns: one mix of columns per person, the cover's costs."""

    def __init__(self, whole: RosterModel) -> None:
        self.lp = pywraplp.Solver.CreateSolver("GLOP")
        lp, inf = self.lp, self.lp.infinity()
        people = len(whole.inp.people)
        self.convex = [lp.Constraint(1, 1) for _ in range(people)]
        self.objective = lp.Objective()
        self.rows: dict[SlotIx, list[pywraplp.Constraint]] = defaultdict(list)

        def slack(row: pywraplp.Constraint, sign: int, weight: float) -> None:
            var = lp.NumVar(0, inf, "")
            row.SetCoefficient(var, sign)
            self.objective.SetCoefficient(var, weight)

        for slot, need in whole.inp.needs.items():
            if need.target is not None:
                under, over = lp.Constraint(need.target, inf), lp.Constraint(-inf, need.target)
                slack(under, 1, need.target_under)
                slack(over, -1, need.target_over)
                self.rows[slot] += [under, over]
            if need.min > 0:
                row = lp.Constraint(need.min, inf)
                slack(row, 1, need.soft_weight if need.soft else BIG)
                self.rows[slot].append(row)
            if need.max is not None:
                row = lp.Constraint(-inf, need.max)
                slack(row, -1, BIG)
                self.rows[slot].append(row)
        self.columns: list[list[Column]] = [[] for _ in range(people)]
        self.vars: list[list[pywraplp.Variable]] = [[] for _ in range(people)]
        self.fixed: dict[int, int] = {}

    def add(self, p: int, column: Column) -> None:
        var = self.lp.NumVar(0, 1, "")
        self.convex[p].SetCoefficient(var, 1)
        self.objective.SetCoefficient(var, column.cost)
        for slot in column.slots:
            for row in self.rows.get(slot, ()):
                row.SetCoefficient(var, 1)
        self.columns[p].append(column)
        self.vars[p].append(var)

    def fix(self, p: int, i: int) -> None:
        """Hold person ``p`` to their ``i``-th column."""
        for j, var in enumerate(self.vars[p]):
            var.SetBounds(float(i == j), float(i == j))
        self.fixed[p] = i

    def values(self) -> list[list[float]]:
        """Each column's weight in the LP's last mix."""
        return [[var.solution_value() for var in vars_] for vars_ in self.vars]

    def solve(self) -> tuple[float, dict[SlotIx, float], list[float]]:
        """The LP's optimum, each slot's price and each person's dual (the value of their mix)."""
        self.objective.SetMinimization()
        if self.lp.Solve() != pywraplp.Solver.OPTIMAL:
            raise RuntimeError("the column master has no optimum")  # every slack is free: cannot happen
        prices = {slot: sum(row.dual_value() for row in rows) for slot, rows in self.rows.items()}
        return self.objective.Value(), prices, [row.dual_value() for row in self.convex]


class _Allowance:
    """The time of the priced start: ``budget`` deterministic seconds of pricing, if given, and
    the clock until ``deadline`` (``time.perf_counter``). With a budget the clock is a safety:
    when it ends a phase first, the roster may differ on a rerun (``hurried``)."""

    def __init__(self, deadline: float, budget: float | None) -> None:
        self.started, self.deadline, self.budget = time.perf_counter(), deadline, budget
        self.used = 0.0
        self.hurried = False

    def spent(self) -> float:
        """The share of the time spent: of the budget if there is one, else of the clock's."""
        if self.budget is not None:
            return self.used / max(1e-9, self.budget)
        return (time.perf_counter() - self.started) / max(1e-9, self.deadline - self.started)

    def past(self, share: float) -> bool:
        """Whether ``share`` of the time is spent."""
        if self.budget is not None and self.used > self.budget * share:
            return True
        if time.perf_counter() > self.started + (self.deadline - self.started) * share:
            self.hurried = self.budget is not None
            return True
        return False


def priced_roster(whole: RosterModel, start: list[Assignment], deadline: float, seed: int = 0,
                  stopped: Callable[[], bool] = lambda: False, budget: float | None = None
                  ) -> PricedStart:
    """A roster from column generation and diving (see the module notes), in ``budget``
    deterministic seconds of pricing if given, and by ``deadline`` (``time.perf_counter``);
    ``start`` is a roster meeting every hard rule, its people's first columns.

    Generating has ``GENERATE_SHARE`` of the time at most; when the time runs out while diving,
    the people still free take their heaviest column. Given up (``roster`` None) when someone
    has no roster at all (a hard rule of theirs cannot be met), when the time is too short for
    ``MIN_ROUNDS`` rounds of pricing, or on a stop: then only ``used`` and ``hurried`` tell
    anything.
    """
    allowance = _Allowance(deadline, budget)

    def given_up() -> PricedStart:
        return PricedStart(None, math.inf, 0, 0, math.inf, allowance.used, allowance.hurried)

    people = range(len(whole.inp.people))
    pricing = [_Pricing(whole, p) for p in people]
    master = _Master(whole)
    mine: dict[str, list[Assignment]] = defaultdict(list)
    for a in start:
        mine[a.staff].append(a)
    for p in people:  # each person's own best, the cover unpriced
        found = pricing[p].price({}, PRICING_LIMIT, seed, allowance)
        if not found or stopped() or allowance.past(GENERATE_SHARE):
            return given_up()
        pricing[p].last = found[-1][0]
        master.add(p, found[-1][0])
    for p, person in enumerate(whole.inp.people):
        column = pricing[p].column_of(mine[person.id])
        if column is not None:
            master.add(p, column)
    free = set(people)
    rounds = 0
    turn = 0  # who is priced next: a round cut short by the time goes on from there

    def generate(until: float, most: int) -> float:
        """Pricing rounds for the people not yet fixed, until the ``until`` share of the time;
        the LP's value after the last."""
        nonlocal rounds, turn
        for _ in range(most):
            rounds += 1
            added = 0
            order = sorted(free, key=lambda p: (p < turn, p))
            chunk = math.ceil(len(order) / LP_PER_ROUND)
            for i, p in enumerate(order):
                if allowance.past(until) or stopped():
                    turn = p
                    return master.solve()[0]
                if i % chunk == 0:
                    value, prices, duals = master.solve()
                found = [c for c, reduced in pricing[p].price(prices, PRICING_LIMIT, seed, allowance)
                         if reduced - duals[p] < -REDUCED_COST_EPSILON]
                for column in found[-COLUMNS_PER_PRICING:]:
                    master.add(p, column)
                if found:
                    pricing[p].last = found[-1]
                    added += 1
            log.debug("round %d: LP %.2f, %d people with new columns, %d free, %.1f s", rounds, value, added,
                      len(free), time.perf_counter() - allowance.started)
            if not added:
                break
        return master.solve()[0]

    before = allowance.spent()
    generate(GENERATE_SHARE, 1)
    if (allowance.spent() - before) * MIN_ROUNDS > GENERATE_SHARE:
        log.debug("a round of pricing takes %.0f%% of the time: given up", 100 * (allowance.spent() - before))
        return given_up()
    lp = generate(GENERATE_SHARE, 10**9)
    log.debug("LP %.2f over %d columns", lp, sum(len(c) for c in master.columns))
    # Diving: fix the people whose mix is (nearly) one roster, else the one nearest to it, and price again.
    while free and not stopped():
        master.solve()
        weights = master.values()
        heaviest = {p: max(range(len(weights[p])), key=weights[p].__getitem__) for p in free}
        whole_ones = [p for p in free if weights[p][heaviest[p]] > 1 - FIX_EPSILON]
        nearest = sorted(free, key=lambda p: -weights[p][heaviest[p]])
        fix = whole_ones or nearest[:max(1, math.ceil(len(free) * DIVE_SHARE))]
        if allowance.past(1.0):
            fix = list(free)
        for p in fix:
            master.fix(p, heaviest[p])
            free.discard(p)
        if free:  # DIVE_SHARE of the time left, as of the people: about even per person
            spent = allowance.spent()
            value = generate(spent + (1 - spent) * DIVE_SHARE, DIVE_ROUNDS)
            log.debug("dive: %d free, LP %.2f", len(free), value)
    if stopped():
        return given_up()
    mix = [master.columns[p][master.fixed[p]] for p in people]
    roster = [a for column in mix for a in column.roster]
    total = sum(len(c) for c in master.columns)
    return PricedStart(roster, lp, rounds, total, master.solve()[0], allowance.used, allowance.hurried)
