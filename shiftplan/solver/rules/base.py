"""What a rule family is, what it gives back, and the encodings the families share.

A rule family adds its hard constraints to the model and returns its soft costs as
:class:`Term` values. Every term names its rule and its subject, so after solving the solver can
say what each soft rule cost and for whom.

Costs are integers inside CP-SAT: one unit of cost is :data:`SCALE` objective units. 600 keeps
the usual costs exact: weights with up to two decimals (0.01 x 600 = 6) and hours counted in
whole minutes (one minute = 1/60 hour = 10 units).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from ortools.sat.python import cp_model

from shiftplan.solver.input import SolverInput
from shiftplan.solver.variables import Lit, Variables

SCALE = 600


class Nature(StrEnum):
    HARD = "hard"  # always a requirement
    SOFT = "soft"  # always a cost
    PER_RULE = "per rule"  # hard unless the rule (or cover entry) makes it soft


@dataclass(frozen=True)
class Subject:
    """Whom and what a cost or a requirement is about (the fields of a domain Violation)."""

    staff: str | None = None
    dates: tuple[dt.date, ...] = ()
    shift: str | None = None
    station: str | None = None
    role: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Term:
    """One soft cost: ``expr`` units of violation of ``rule`` at ``unit_cost`` each.

    ``expr`` is a CP-SAT linear expression (or a constant) over integer variables.
    """

    rule: str
    subject: Subject
    expr: Any
    unit_cost: float

    @property
    def coefficient(self) -> int:
        """The term's integer weight in the CP-SAT objective (never rounded away to zero)."""
        scaled = round(self.unit_cost * SCALE)
        if scaled == 0 and self.unit_cost != 0:
            return 1 if self.unit_cost > 0 else -1
        return scaled


@dataclass(frozen=True)
class Requirement:
    """A group of hard constraints that could be switched off together (for explanations)."""

    rule: str
    subject: Subject
    key: Hashable = None  # tells apart requirements with the same rule and subject


class Context:
    """What a rule family builds with: the model, the input, the variables and the guards.

    With ``guarded``, every hard requirement is enforced only if its own literal is true; the
    literals are listed in ``requirements`` so a later caller can pass them as assumptions and
    ask CP-SAT which of them cannot hold together. Without it, requirements are plain
    constraints (the fast default).
    """

    def __init__(self, model: cp_model.CpModel, inp: SolverInput, variables: Variables, *,
                 guarded: bool = False) -> None:
        self.model = model
        self.inp = inp
        self.vars = variables
        self.guarded = guarded
        self.requirements: dict[Requirement, Lit] = {}

    def enforce(self, requirement: Requirement) -> list[Lit]:
        """The enforcement literals for a requirement's constraints: none unless guarded."""
        if not self.guarded:
            return []
        if requirement not in self.requirements:
            self.requirements[requirement] = self.model.new_bool_var(requirement.rule)
        return [self.requirements[requirement]]

    def require(self, requirement: Requirement, constraint: Any) -> None:
        """Add ``constraint`` (the result of a model.add... call) under the requirement's guard."""
        literals = self.enforce(requirement)
        if literals:
            constraint.only_enforce_if(literals)

    # --- shared encodings --------------------------------------------------------------------

    def excess(self, rule: str, subject: Subject, expr: Any, limit: float, unit_cost: float,
               upper: int) -> list[Term]:
        """Soft cost for ``expr`` (an integer expression at most ``upper``) above ``limit``.

        The cost is ``unit_cost`` per unit above the limit, fractions included: for a limit
        between two integers a Boolean takes off the fraction once the limit is passed.
        """
        base = math.floor(limit + 1e-9)
        if upper <= limit + 1e-9:
            return []
        over = self.model.new_int_var(0, upper - base, "")
        self.model.add(over >= expr - base)
        terms = [Term(rule, subject, over, unit_cost)]
        fraction = limit - base
        if fraction > 1e-9:
            passed = self.model.new_bool_var("")
            self.model.add(over >= 1).only_enforce_if(passed)
            terms.append(Term(rule, subject, passed, -unit_cost * fraction))
        return terms

    def shortfall(self, rule: str, subject: Subject, expr: Any, limit: float, unit_cost: float,
                  lower: int = 0) -> list[Term]:
        """Soft cost for ``expr`` (at least ``lower``) below ``limit``, fractions included."""
        return self.excess(rule, subject, -expr, -limit, unit_cost, -lower)

    def all_true(self, literals: Iterable[Lit]) -> Lit:
        """A literal equal to the conjunction of ``literals`` (constants folded)."""
        lits = []
        for lit in literals:
            if isinstance(lit, int):
                if not lit:
                    return 0
                continue
            lits.append(lit)
        if not lits:
            return 1
        if len(lits) == 1:
            return lits[0]
        both = self.model.new_bool_var("")
        for lit in lits:
            self.model.add_implication(both, lit)
        self.model.add_bool_or([both, *(negate(lit) for lit in lits)])
        return both

    def any_true(self, literals: Iterable[Lit]) -> Lit:
        """A literal equal to the disjunction of ``literals`` (constants folded)."""
        return negate(self.all_true(negate(lit) for lit in literals))

    def clause(self, requirement: Requirement, literals: Iterable[Lit]) -> None:
        """Hard: at least one of ``literals`` holds (constants folded; empty means impossible)."""
        lits = []
        for lit in literals:
            if isinstance(lit, int):
                if lit:
                    return
                continue
            lits.append(lit)
        self.require(requirement, self.model.add_bool_or(lits))

    def at_most_one(self, requirement: Requirement, literals: Iterable[Lit]) -> None:
        """Hard: at most one of ``literals`` holds (constants folded)."""
        literals = list(literals)
        ones = sum(1 for lit in literals if isinstance(lit, int) and lit)
        lits = [lit for lit in literals if not isinstance(lit, int)]
        if not lits or (ones == 0 and len(lits) == 1):
            return
        if ones:
            self.require(requirement, self.model.add(sum(lits) == 0))
        elif self.guarded:  # CP-SAT's at_most_one takes no enforcement literal; a sum does
            self.require(requirement, self.model.add(sum(lits) <= 1))
        else:
            self.model.add_at_most_one(lits)


def negate(lit: Lit) -> Lit:
    return 1 - lit if isinstance(lit, int) else lit.Not()


class RuleFamily(Protocol):
    """One family of rules of the spec: adds its constraints, returns its soft costs."""

    name: str
    nature: Nature

    def build(self, ctx: Context) -> list[Term]: ...
