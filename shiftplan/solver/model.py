"""The roster model: the variables plus every rule family, and the objective they sum to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, Scenario
from shiftplan.solver.input import Key, SolverInput
from shiftplan.solver.rules import ALL_RULES
from shiftplan.solver.rules.base import SCALE, Context, Requirement, RuleFamily, Subject, Term
from shiftplan.solver.rules.fairness import RULE as FAIRNESS_RULE
from shiftplan.solver.variables import Lit, Variables

FAIRNESS = FAIRNESS_RULE.name
# Settling a fixed roster's auxiliary variables is presolve work: far below a second.
COMPLETION_DETERMINISTIC_TIME = 5.0


@dataclass(frozen=True)
class CostItem:
    """What one soft rule cost for one subject, as the solver's own model counts it."""

    rule: str
    cost: float
    subject: Subject


@dataclass(frozen=True)
class Solution:
    """A roster of the model with what the model says it costs."""

    assignments: list[Assignment]
    objective: float
    costs: list[CostItem]


class RosterModel:
    """A CP-SAT model of a scenario: build once, then solve (see ``run.py``).

    ``guarded`` puts every hard requirement behind its own literal (``requirements``), for a
    caller that wants to switch requirements off by assumptions; it costs some speed.
    """

    def __init__(self, scenario: Scenario, calendar: DayCalendar, *, guarded: bool = False,
                 rules: Sequence[RuleFamily] = ALL_RULES) -> None:
        self.inp = SolverInput(scenario, calendar, keep_absent=guarded)
        self.model = cp_model.CpModel()
        # One shift a day is part of the variables' meaning, unless it must be switchable.
        single = frozenset(() if guarded else filter(self.inp.one_shift_a_day, range(len(self.inp.people))))
        self.vars = Variables(self.model, self.inp, single)
        context = Context(self.model, self.inp, self.vars, guarded=guarded)
        self.terms: list[Term] = []
        self.balances = False  # whether the objective has fairness spreads (see run.py's portfolio)
        for rule in rules:
            built = rule.build(context)
            self.balances |= rule.name == FAIRNESS and bool(built)
            self.terms += built
        self.requirements: dict[Requirement, Lit] = context.requirements
        self.model.minimize(sum((t.coefficient * t.expr for t in self.terms), 0))

    @property
    def least_cost(self) -> float:
        """A trivial lower bound: the constant costs, or minus infinity if a term may pay back."""
        if any(t.coefficient < 0 for t in self.terms):
            return float("-inf")
        return sum(t.expr * t.unit_cost for t in self.terms if isinstance(t.expr, int))

    def seats_of(self, assignments: Iterable[Assignment]) -> set[Key]:
        """The seats a roster takes (assignments the model has no seat for are left out)."""
        inp = self.inp
        keys = set()
        for a in assignments:
            p, s, t = inp.person_ix.get(a.staff), inp.shift_ix.get(a.shift), inp.station_ix.get(a.station)
            r = inp.role_ix.get(a.role) if a.role is not None else None
            key = Key(p, inp.day_of(a.date), s, t, r) if p is not None and s is not None and t is not None else None
            if key in self.vars.seat:
                keys.add(key)
        return keys

    def start_from(self, seats: set[Key]) -> Solution | None:
        """Hint a roster for the search to start from; returned as a solution if it meets every
        hard rule.

        CP-SAT uses a hint far better when it is complete (every auxiliary variable too) and
        feasible: its first roster is then the hint itself. So the roster's seats are fixed in
        a quick solve that settles the rest, and all its values become the hint. When that solve
        finds the roster infeasible, only the seats are hinted (a direction, not a roster).
        """
        solver = self._settle(seats)
        if solver is None:
            return None
        values = solver.response_proto.solution
        self.model.clear_hints()
        self.model.proto.solution_hint.vars.extend(range(len(values)))
        self.model.proto.solution_hint.values.extend(values)
        return self.solution(solver)

    def settled(self, seats: set[Key]) -> Solution | None:
        """A roster with its exact cost: the auxiliary variables at their least, None if the
        roster breaks a hard rule.

        A roster found by the search may have slack variables above what it needs (local search
        leaves them so); its model cost is then above the validator's. Settling fixes that.
        """
        solver = self._settle(seats)
        return None if solver is None else self.solution(solver)

    def _settle(self, seats: set[Key]) -> cp_model.CpSolver | None:
        """Solve with exactly ``seats`` taken (a presolve's work); the hint is left on them."""
        self.model.clear_hints()
        self.vars.hint(seats)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.fix_variables_to_their_hinted_value = True
        solver.parameters.max_deterministic_time = COMPLETION_DETERMINISTIC_TIME
        if solver.solve(self.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return solver

    def solution(self, solver: cp_model.CpSolver) -> Solution:
        """The roster a solver found, with the model's cost of it."""
        return Solution(self.vars.extract(solver.boolean_value), self.cost(solver.objective_value),
                        self.costs(solver.value))

    def cost(self, objective_value: float) -> float:
        """An objective value of the CP-SAT model in cost units."""
        return objective_value / SCALE

    def costs(self, value: Callable[[Any], int]) -> list[CostItem]:
        """The soft costs of a solution per rule and subject; ``value`` evaluates an expression."""
        totals: dict[tuple[str, Subject], float] = defaultdict(float)
        for term in self.terms:
            units = value(term.expr) if not isinstance(term.expr, int) else term.expr
            if units:
                totals[term.rule, term.subject] += units * term.unit_cost
        return [CostItem(rule, round(cost, 6), subject) for (rule, subject), cost in totals.items()
                if abs(cost) > 1e-9]
