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
from shiftplan.solver.variables import Lit, Variables


@dataclass(frozen=True)
class CostItem:
    """What one soft rule cost for one subject, as the solver's own model counts it."""

    rule: str
    cost: float
    subject: Subject


class RosterModel:
    """A CP-SAT model of a scenario: build once, then solve (see ``run.py``).

    ``guarded`` puts every hard requirement behind its own literal (``requirements``), for a
    caller that wants to switch requirements off by assumptions; it costs some speed.
    """

    def __init__(self, scenario: Scenario, calendar: DayCalendar, *, guarded: bool = False,
                 rules: Sequence[RuleFamily] = ALL_RULES) -> None:
        self.inp = SolverInput(scenario, calendar, keep_absent=guarded)
        self.model = cp_model.CpModel()
        self.vars = Variables(self.model, self.inp)
        context = Context(self.model, self.inp, self.vars, guarded=guarded)
        self.terms: list[Term] = []
        for rule in rules:
            self.terms += rule.build(context)
        self.requirements: dict[Requirement, Lit] = context.requirements
        self.model.minimize(sum((t.coefficient * t.expr for t in self.terms), 0))

    @property
    def least_cost(self) -> float:
        """A trivial lower bound: the constant costs, or minus infinity if a term may pay back."""
        if any(t.coefficient < 0 for t in self.terms):
            return float("-inf")
        return sum(t.expr * t.unit_cost for t in self.terms if isinstance(t.expr, int))

    def hint(self, assignments: Iterable[Assignment]) -> None:
        """Hint a roster to start from; seats it names that do not exist are ignored."""
        inp = self.inp
        keys = set()
        for a in assignments:
            p, s, t = inp.person_ix.get(a.staff), inp.shift_ix.get(a.shift), inp.station_ix.get(a.station)
            r = inp.role_ix.get(a.role) if a.role is not None else None
            if p is not None and s is not None and t is not None:
                keys.add(Key(p, inp.day_of(a.date), s, t, r))
        self.vars.hint(keys)

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

    def rounding_slack(self, value: Callable[[Any], int]) -> float:
        """How far the integer objective may be from the exact cost of a solution (cost units).

        Each term's coefficient is its unit cost rounded to 1/SCALE; fairness loads are also
        rounded (half a load unit per shift), which the fairness term reports as its unit cost.
        """
        slack = 0.0
        for term in self.terms:
            units = value(term.expr) if not isinstance(term.expr, int) else term.expr
            slack += abs(units) * abs(term.coefficient / SCALE - term.unit_cost)
        return slack
