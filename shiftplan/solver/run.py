"""Running CP-SAT on a scenario: options, progress, stopping, and the result.

The public entry points are :func:`solve` (blocking) and :class:`SolveRun` (blocking ``run``
plus a thread-safe ``stop``), meant for a worker thread. Nothing CP-SAT leaves this module: the
result holds a domain :class:`Schedule` whose objective and violations come from the domain
validator, so a solved roster reads exactly as ``shiftplan check`` would judge it.

The scenario is first split into independent parts (``decompose``); each part is its own
CP-SAT model, and the parts are searched side by side in threads (CP-SAT releases the GIL).

Determinism. Parallel CP-SAT is not reproducible by default: its workers race, and a wall-clock
limit stops them at a machine-dependent point. With ``deterministic=True`` (the default) each
part runs CP-SAT's interleaved search (``interleave_search``: the workers run tasks in fixed
batches and only exchange information between batches) and stops on a budget of CP-SAT's
deterministic time, a count of work done rather than seconds. The same scenario, seed and
number of workers then give the same roster on the same build of OR-Tools, however loaded the
machine. The budget is the time limit converted at a conservative rate measured on the
reference machine, so a run usually ends a little before the limit. The limit is still a promise:
a machine too slow or too loaded for the budget is stopped by the clock shortly after the limit,
and ``SolveResult.reproducible`` then says the roster may differ on a rerun.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.culprits import Culprit, renumbered
from shiftplan.domain.model import Assignment, Scenario, Schedule, Status, Violation
from shiftplan.domain.validation import check
from shiftplan.solver.columns import priced_roster
from shiftplan.solver.decompose import components
from shiftplan.solver.explain import explain_culprits, shortfall_culprits
from shiftplan.solver.greedy import greedy_roster
from shiftplan.solver.model import CostItem, RosterModel, Solution
from shiftplan.solver.personal import applies as personal_applies
from shiftplan.solver.personal import personal_roster

log = logging.getLogger(__name__)

# Deterministic time per second that one search thread gets through on a core of the reference
# machine (2 cores; benchmarks/RESULTS.md); interleaved workers of one part keep the cores only
# this busy (they wait for each other at the end of each batch). Measured on the 310 checkpoint
# (~0.3 deterministic s per wall s with two workers) and set a little lower, so that the budget
# runs out before the clock on that machine. The clock still stops a
# deterministic run at the limit plus this grace (a fraction of the limit, at least a second).
DETERMINISTIC_TIME_PER_CORE_SECOND = 0.2
REFERENCE_CORES = 2
INTERLEAVED_EFFICIENCY = 0.73
WALL_GRACE = 0.1
STOP_REPEAT_SECONDS = 0.1
EXPLAIN_SECONDS = 5.0  # at least this long to find the conflicting requirements of an infeasible roster
# Building a model, its greedy start and the completed hint take about this long per seat
# variable (measured 27 + 8 + 10 us, plus margin). A deterministic budget must not depend on
# measured times, so it subtracts this estimate from the time limit instead.
PREPARE_SECONDS_PER_SEAT = 60e-6

# Where no hard rule ties people together, the start is built person by person (personal.py) in
# this share of the part's deterministic budget. Past a share of the time left on the clock the
# people left only get a first roster, and past a larger one the start is given up: without it
# such scenarios rarely get any roster (Curtois 20-24), so it may take most of the time.
PERSONAL_SHARE = 0.3
PERSONAL_WALL_SHARE = 0.5
PERSONAL_WALL_LIMIT = 0.85
# From the personal start, when it took less than PRICED_AFTER of the limit, column generation
# (columns.py) may take PRICED_SHARE of the time left (of the deterministic budget when
# deterministic; its pricing counts about 0.34 deterministic s per wall s on 2 cores, the search
# 0.29). The search from the personal start alone does not find what the columns find: Curtois
# 4-7 at 60 s went from 1718 / 1248 / 2040 / 1071 to 1716 / 1145 / 1951 / 1063, 8, 11, 12 and 14
# at 300 s from 1613 / 3564 / 4607 / 1416 to 1303 / 3443 / 4047 / 1278 (best known 1300 / 3443 /
# 4040 / 1278; docs/curtois.md).
PRICED_AFTER = 0.1
PRICED_SHARE = 0.85

# The portfolio. By default CP-SAT runs every full-problem strategy (LP-heavy ones included). When
# the objective balances loads (fairness spreads), those spend their time on bounds that stay near
# zero (the spreads are all integrality), while large-neighbourhood search and violation local
# search find the rosters: measured on the 310 checkpoint (benchmarks/RESULTS.md), with the
# default portfolio the interleaved search never gets past the greedy start (cost 199); without
# the LP workers it reaches 46. Without fairness the objective is linear (cover, requests, hours)
# and the LP workers give real bounds: on the Curtois benchmark they prove Instances 2 and 3
# optimal in seconds, which the curated portfolio never does (benchmarks/curtois.md).
IGNORED_SUBSOLVERS = ("core", "default_lp", "max_lp", "max_lp_sym", "pseudo_costs", "quick_restart",
                      "quick_restart_no_lp", "reduced_costs")
VIOLATION_LS_WORKERS = 2
# Tasks per batch of the interleaved search (default 3 x workers = 6): smaller batches share
# improvements sooner. Checkpoint, seeds 0-2: median cost 57 with 6, 46 with 4.
INTERLEAVE_BATCH = 4

STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.UNKNOWN: Status.UNKNOWN,
}


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0  # seconds for the whole run, model building included
    seed: int = 0
    workers: int = 2  # CP-SAT workers per part; more than the cores starves the search
    deterministic: bool = True  # same seed and workers -> same roster (see the module notes)
    hint: tuple[Assignment, ...] = ()  # a roster to start from instead of the greedy one; may break rules
    greedy: bool = True  # start from a quick greedy roster (see greedy.py) when there is no hint
    log: bool = False  # CP-SAT's search log on stdout


@dataclass(frozen=True)
class Progress:
    """An improved roster during the search (cost units; ``elapsed`` in seconds).

    ``objective`` is the model's cost of the roster found; while searching it may overstate the
    true cost (local search leaves some slack variables above their least), the final result's
    is settled and exact. ``bound`` is the proved lower bound so far.
    """

    elapsed: float
    objective: float
    bound: float


@dataclass(frozen=True)
class SolveResult:
    schedule: Schedule
    status: Status
    wall_time: float  # seconds, model building and checking included
    build_time: float  # seconds spent building the models
    first_time: float | None  # seconds until there was a whole roster
    best_time: float | None  # seconds until the returned roster
    objective: float | None  # the validator's objective of the roster
    bound: float | None  # CP-SAT's proved lower bound on the cost
    solver_objective: float | None  # the models' own cost of the roster (integer-scaled)
    costs: tuple[CostItem, ...] = ()  # the models' own breakdown of the soft costs
    hard_violations: tuple[Violation, ...] = ()  # the validator's; always empty unless a bug
    solutions: int = 0  # improving rosters seen (summed over the parts)
    parts: int = 1  # independent parts the scenario was split into
    reproducible: bool = True  # False when the wall clock or stop() ended the search
    stopped: bool = False  # stop() was called
    stats: dict[str, float] = field(default_factory=dict)
    culprits: tuple[Culprit, ...] = ()  # without a roster: what the explanation's sentences name, in order

    @property
    def gap(self) -> float | None:
        """Relative distance between the roster's cost and the bound (0 when proved optimal)."""
        if self.solver_objective is None or self.bound is None:
            return None
        if self.status is Status.OPTIMAL:
            return 0.0
        return max(0.0, self.solver_objective - self.bound) / max(abs(self.solver_objective), 1e-9)


class SolveRun:
    """One solve, runnable in a worker thread and stoppable from any other thread."""

    def __init__(self, scenario: Scenario, calendar: DayCalendar, options: SolveOptions | None = None,
                 on_progress: Callable[[Progress], None] | None = None) -> None:
        self.scenario = scenario
        self.calendar = calendar
        self.options = options or SolveOptions()
        self.on_progress = on_progress
        self._lock = threading.Lock()
        self._solvers: list[cp_model.CpSolver] = []
        self._stopped = False

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """End the search soon; ``run`` then returns the best roster found so far."""
        with self._lock:
            self._stopped = True
            for solver in self._solvers:
                solver.stop_search()

    def _keep_stopping(self, done: threading.Event) -> None:
        """CP-SAT ignores ``stop_search`` before its search has begun (presolve, or the call not
        made yet), so once stopped, stop again every tenth of a second until the run is over."""
        while not done.wait(STOP_REPEAT_SECONDS):
            if self._stopped:
                self.stop()

    def run(self) -> SolveResult:
        started = time.perf_counter()
        options = self.options
        # Counting finds plain shortfalls in a fraction of a second; no search can help then.
        shortfalls = shortfall_culprits(self.scenario, self.calendar)
        if shortfalls:
            return self._result([], started, 0.0, tuple(c.text for c in shortfalls), shortfalls)
        models = [RosterModel(part, self.calendar) for part in components(self.scenario)]
        build_time = time.perf_counter() - started
        progress = _ProgressBoard(len(models), started, self.on_progress)
        searches = [_Search(i, model, progress, self) for i, model in enumerate(models)]
        # One part takes every worker; several parts run side by side with one worker each.
        workers = options.workers if len(models) == 1 else 1
        threads = min(REFERENCE_CORES, workers * len(models))
        rate = DETERMINISTIC_TIME_PER_CORE_SECOND * threads * (INTERLEAVED_EFFICIENCY if workers > 1 else 1.0)
        sizes = [max(1, len(model.vars.seat)) for model in models]
        # The deterministic budget comes from the limit and the model sizes only, never a clock.
        budget = max(0.05, options.time_limit - PREPARE_SECONDS_PER_SEAT * sum(sizes)) * rate
        for search, size in zip(searches, sizes, strict=True):
            search.configure(options, workers, budget * size / sum(sizes), deadline=started + options.time_limit)
        with self._lock:
            self._solvers = [s.solver for s in searches]
        done = threading.Event()
        threading.Thread(target=self._keep_stopping, args=(done,), name="shiftplan-stop", daemon=True).start()
        try:
            if not self._stopped:
                self._search_all(searches)
        finally:
            done.set()
            with self._lock:
                self._solvers = []
        return self._result(searches, started, build_time)

    @staticmethod
    def _search_all(searches: list[_Search]) -> None:
        if len(searches) == 1:
            searches[0].run()
            return
        with ThreadPoolExecutor(len(searches), thread_name_prefix="shiftplan-solve") as pool:
            for future in [pool.submit(s.run) for s in searches]:
                future.result()  # re-raises what went wrong in a part

    def _result(self, searches: list[_Search], started: float, build_time: float,
                explanation: tuple[str, ...] = (), culprits: tuple[Culprit, ...] = ()) -> SolveResult:
        statuses = [s.status for s in searches]
        if Status.INFEASIBLE in statuses or explanation:
            status = Status.INFEASIBLE
        elif Status.UNKNOWN in statuses:
            status = Status.UNKNOWN
        elif all(s is Status.OPTIMAL for s in statuses):
            status = Status.OPTIMAL
        else:
            status = Status.FEASIBLE
        name = self.scenario.name
        objective = solver_objective = bound = None
        costs: tuple[CostItem, ...] = ()
        hard: tuple[Violation, ...] = ()
        if status in (Status.OPTIMAL, Status.FEASIBLE):
            assignments = tuple(a for s in searches for a in s.assignments)
            report = check(self.scenario, assignments, self.calendar)
            if report.hard:
                log.error("solver roster breaks hard rules: %s", report.hard)
            objective = report.objective
            schedule = Schedule(assignments, status, name, objective, tuple(report.soft))
            solver_objective = sum(s.objective or 0.0 for s in searches)
            bound = sum(s.bound or 0.0 for s in searches)
            costs = tuple(c for s in searches for c in s.costs)
            hard = tuple(report.hard)
        else:
            if status is Status.INFEASIBLE and not explanation:
                # The infeasible parts alone, in what is left of the time limit (a few seconds at least).
                parts = [s.model.inp.scenario for s in searches if s.status is Status.INFEASIBLE]
                budget = max(EXPLAIN_SECONDS, started + self.options.time_limit - time.perf_counter())
                explained = [(part, *explain_culprits(part, self.calendar, budget / len(parts))) for part in parts]
                explanation = tuple(line for _part, lines, _named in explained for line in lines)
                culprits = tuple(renumbered(c, part, self.scenario) for part, _lines, named in explained for c in named)
            schedule = Schedule((), status, name, explanation=explanation)
        stopped = self._stopped
        times = [s.first_time for s in searches]
        return SolveResult(
            schedule=schedule, status=status, wall_time=time.perf_counter() - started, build_time=build_time,
            first_time=None if None in times or not times else max(t for t in times if t is not None),
            best_time=max((s.best_time for s in searches if s.best_time is not None), default=None),
            objective=objective, bound=bound, solver_objective=solver_objective, costs=costs,
            hard_violations=hard, solutions=sum(s.solutions for s in searches), parts=len(searches),
            reproducible=self.options.deterministic and not stopped and all(s.reproducible for s in searches),
            stopped=stopped, culprits=culprits,
            stats={key: sum(s.stats.get(key, 0.0) for s in searches)
                   for key in ("deterministic_time", "conflicts", "booleans")},
        )


def solve(scenario: Scenario, calendar: DayCalendar, options: SolveOptions | None = None,
          on_progress: Callable[[Progress], None] | None = None) -> SolveResult:
    """Solve a scenario: the best roster found within the options' time limit."""
    return SolveRun(scenario, calendar, options, on_progress).run()


class _ProgressBoard:
    """Sums the parts' progress; reports once every part has a roster. Thread-safe."""

    def __init__(self, parts: int, started: float, on_progress: Callable[[Progress], None] | None) -> None:
        self._lock = threading.Lock()
        self._objective: list[float | None] = [None] * parts
        self._bound = [0.0] * parts
        self.started = started
        self._on_progress = on_progress

    def improved(self, part: int, objective: float, bound: float) -> None:
        with self._lock:
            self._objective[part] = objective
            self._bound[part] = bound
            if self._on_progress is None or None in self._objective:
                return
            progress = Progress(time.perf_counter() - self.started,
                                sum(o for o in self._objective if o is not None), sum(self._bound))
        try:
            self._on_progress(progress)
        except Exception:  # raised into CP-SAT's C++ thread it would abort the process
            log.exception("progress callback failed")


class _Search:
    """The CP-SAT search of one part, and what it found."""

    def __init__(self, index: int, model: RosterModel, progress: _ProgressBoard, owner: SolveRun) -> None:
        self.index = index
        self.model = model
        self.solver = cp_model.CpSolver()
        self.callback = _Callback(self, progress)
        self.owner = owner
        self.status = Status.UNKNOWN
        self.assignments: list[Assignment] = []
        self.objective: float | None = None
        self.bound: float | None = None
        self.costs: list[CostItem] = []
        self.first_time: float | None = None
        self.best_time: float | None = None
        self.solutions = 0
        self.reproducible = True
        self.start: Solution | None = None  # the starting roster, when it met every hard rule
        self.stats: dict[str, float] = {}
        self.options = SolveOptions()
        self.deadline = 0.0
        self.budget = 0.0  # deterministic seconds of this part (also when the search runs on the clock)

    def configure(self, options: SolveOptions, workers: int, budget: float, deadline: float) -> None:
        """Parameters for this part: ``budget`` deterministic seconds (when deterministic), or
        until ``deadline`` on the clock (``time.perf_counter``)."""
        self.options, self.deadline, self.budget = options, deadline, budget
        params = self.solver.parameters
        params.num_workers = max(1, workers)
        params.random_seed = options.seed
        params.log_search_progress = options.log
        if self.model.balances:
            params.ignore_subsolvers.extend(IGNORED_SUBSOLVERS)
            params.num_violation_ls = VIOLATION_LS_WORKERS
        if options.deterministic:
            params.interleave_search = True
            if workers > 1:  # one worker runs its tasks one after the other
                params.interleave_batch_size = INTERLEAVE_BATCH
            params.max_deterministic_time = budget

    def _set_wall_limit(self) -> None:
        """Right before searching: the clock limit (a safety cap when deterministic)."""
        left = self.deadline - time.perf_counter()
        if self.options.deterministic:
            left = left + max(1.0, WALL_GRACE * self.options.time_limit)
        self.solver.parameters.max_time_in_seconds = max(0.05, left)

    def _personal_start(self) -> Solution | None:
        """The person-by-person start (personal.py) in a share of the budget, taken off the search's."""
        params = self.solver.parameters
        now = time.perf_counter()
        left = self.deadline - now
        hurry = now + left * PERSONAL_WALL_SHARE
        found = personal_roster(self.model.inp.scenario, self.model.inp.calendar, self.budget * PERSONAL_SHARE,
                                self.options.seed, lambda: self.owner.stopped,
                                deadline=now + left * PERSONAL_WALL_LIMIT, hurry=hurry)
        if found.hurried if found else time.perf_counter() > hurry:
            self.reproducible = False  # the clock, not the budget, shaped or ended it
        if found is None:
            return None
        if self.options.deterministic:
            params.max_deterministic_time = max(0.05, params.max_deterministic_time - found.used)
        return self.model.start_from(self.model.seats_of(found.roster))

    def _priced_start(self, personal: Solution) -> Solution:
        """The column generation start (columns.py) from the personal one, if it does better.

        Without fairness only (the master prices the cover and each person's own costs), and
        only when the personal start was quick: on half a year and more (Curtois 20-24) a round
        of pricing would outlast the time. In the deterministic search its pricing has a share
        of the deterministic budget, taken off the search's.
        """
        options, params, now = self.options, self.solver.parameters, time.perf_counter()
        left = self.deadline - now
        if self.model.balances or left < (1 - PRICED_AFTER) * options.time_limit:
            return personal
        budget = params.max_deterministic_time * PRICED_SHARE if options.deterministic else None
        deadline = now + left * PRICED_SHARE
        found = priced_roster(self.model, personal.assignments, deadline, options.seed,
                              lambda: self.owner.stopped, budget)
        if options.deterministic:
            params.max_deterministic_time = max(0.05, params.max_deterministic_time - found.used)
            self.reproducible = self.reproducible and not found.hurried
        if found.roster is None:  # given up (or stopped)
            return personal
        priced = self.model.start_from(self.model.seats_of(found.roster))
        if priced is not None and priced.objective < personal.objective:
            log.info("priced start %.1f (LP %.1f, %d rounds, %d columns) over the personal %.1f", priced.objective,
                     found.lp, found.rounds, found.columns, personal.objective)
            return priced
        self.model.start_from(self.model.seats_of(personal.assignments))
        return personal

    def _keep(self, solution: Solution | None) -> None:
        if solution is not None:
            self.assignments, self.objective, self.costs = solution.assignments, solution.objective, solution.costs
            if self.status is Status.UNKNOWN:
                self.status, self.bound = Status.FEASIBLE, self.model.least_cost

    def run(self) -> None:
        model, options = self.model, self.options
        if options.hint:
            self.start = model.start_from(model.seats_of(options.hint))
        elif options.greedy:
            personal = self._personal_start() if personal_applies(model.inp.scenario) else None
            if personal is not None:
                personal = self._priced_start(personal)
            self.start = personal or model.start_from(greedy_roster(model.inp, set(model.vars.seat)))
        if self.owner.stopped:
            self._keep(self.start)
            return
        self._set_wall_limit()
        solver = self.solver
        code = solver.solve(model.model, self.callback)
        if code == cp_model.MODEL_INVALID:
            raise RuntimeError(f"invalid CP-SAT model: {model.model.validate()}")
        self.status = STATUS[code]
        if self.status in (Status.OPTIMAL, Status.FEASIBLE):
            found = model.solution(solver)
            if self.status is Status.FEASIBLE:  # slack variables need not be at their least
                seats = {k for k, var in model.vars.seat.items() if solver.boolean_value(var)}
                found = model.settled(seats) or found
            self._keep(found)
            self.bound = max(model.cost(solver.best_objective_bound), model.least_cost)
        else:
            self._keep(self.start)  # out of time before the search took up the start
        params = solver.parameters
        self.reproducible = self.reproducible and (self.status in (Status.OPTIMAL, Status.INFEASIBLE) or (
            solver.deterministic_time >= params.max_deterministic_time * 0.999))
        self.stats = {"deterministic_time": solver.deterministic_time, "conflicts": solver.num_conflicts,
                      "booleans": solver.num_booleans}


class _Callback(cp_model.CpSolverSolutionCallback):
    """Runs on a CP-SAT thread for every improved roster of a part: note the time, pass it on.

    It holds the GIL while it runs, so it stays tiny: no roster copying here.
    """

    def __init__(self, search: _Search, progress: _ProgressBoard) -> None:
        super().__init__()
        self._search = search
        self._progress = progress

    def on_solution_callback(self) -> None:
        search = self._search
        elapsed = time.perf_counter() - self._progress.started
        search.solutions += 1
        search.best_time = elapsed
        if search.first_time is None:
            search.first_time = elapsed
        model = search.model
        self._progress.improved(search.index, model.cost(self.objective_value), model.cost(self.best_objective_bound))
