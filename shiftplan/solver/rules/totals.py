"""Counts and hours: per period (``max_shifts``, ``min_shifts``, ``max_hours``, ``min_hours``)
and per whole Monday-Sunday week inside the period (``max_hours_per_week``,
``min_days_off_per_week``).

Hours are counted in minutes, so limits like 37.5 h stay exact. Minimums are not reduced for
absences, as the spec says.
"""

from __future__ import annotations

import math
from typing import Any

from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term

UPPER = {RuleKind.MAX_SHIFTS, RuleKind.MAX_HOURS, RuleKind.MAX_HOURS_PER_WEEK}


def _bound(ctx: Context, rule: Rule, subject: Subject, expr: Any, limit: float, unit_cost: float, most: int,
           *, upper: bool) -> list[Term]:
    """``expr`` (between 0 and ``most``) at most (``upper``) or at least ``limit``: hard, or soft
    at ``unit_cost`` per unit."""
    requirement = Requirement(rule.kind.value, Subject(staff=subject.staff), rule)
    if rule.hard:
        if upper and most > limit:
            ctx.require(requirement, ctx.model.add(expr <= math.floor(limit + 1e-9)))
        elif not upper and limit > 0:
            ctx.require(requirement, ctx.model.add(expr >= math.ceil(limit - 1e-9)))
        return []
    if upper:
        return ctx.excess(rule.kind.value, subject, expr, limit, unit_cost, most)
    return ctx.shortfall(rule.kind.value, subject, expr, limit, unit_cost)


class PeriodTotalsRule:
    name = "totals"
    nature = Nature.PER_RULE
    kinds = (RuleKind.MAX_SHIFTS, RuleKind.MIN_SHIFTS, RuleKind.MAX_HOURS, RuleKind.MIN_HOURS)

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            for kind in self.kinds:
                hours = kind in (RuleKind.MAX_HOURS, RuleKind.MIN_HOURS)
                for rule in inp.rules(p, kind):
                    shifts = range(len(inp.shifts)) if hours else inp.shift_set(rule)
                    cells = [(d, s) for d in range(inp.num_days) for s in shifts]
                    weight = rule.weight or 0
                    if hours:
                        expr = sum(inp.shifts[s].minutes * w for d, s in cells
                                   if not isinstance(w := ctx.vars.works(p, d, s), int))
                        most = sum(inp.shifts[s].minutes for d, s in cells
                                   if not isinstance(ctx.vars.works(p, d, s), int))
                        limit, unit_cost = rule.value * 60, weight / 60
                    else:
                        expr = ctx.vars.count(p, cells)
                        most = sum(1 for d, s in cells if not isinstance(ctx.vars.works(p, d, s), int))
                        limit, unit_cost = rule.value, weight
                    subject = Subject(staff=person.id, shift="+".join(rule.shifts) or None)
                    terms += _bound(ctx, rule, subject, expr, limit, unit_cost, most, upper=kind in UPPER)
        return terms


class WeeklyRule:
    name = "weekly"
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            hour_rules = inp.rules(p, RuleKind.MAX_HOURS_PER_WEEK)
            off_rules = inp.rules(p, RuleKind.MIN_DAYS_OFF_PER_WEEK)
            for week in inp.whole_weeks:
                subject = Subject(staff=person.id, dates=tuple(inp.dates[d] for d in week))
                for rule in hour_rules:
                    cells = [(d, s, w) for d in week for s in range(len(inp.shifts))
                             if not isinstance(w := ctx.vars.works(p, d, s), int)]
                    expr = sum(inp.shifts[s].minutes * w for d, s, w in cells)
                    most = sum(inp.shifts[s].minutes for d, s, _w in cells)
                    terms += _bound(ctx, rule, subject, expr, rule.value * 60, (rule.weight or 0) / 60, most,
                                    upper=True)
                for rule in off_rules:
                    # Days off short of the minimum = worked days beyond 7 - value.
                    days = [w for d in week if not isinstance(w := ctx.vars.works_day(p, d), int)]
                    terms += _bound(ctx, rule, subject, sum(days), 7 - rule.value, rule.weight or 0, len(days),
                                    upper=True)
        return terms


PERIOD_TOTALS = PeriodTotalsRule()
WEEKLY = WeeklyRule()
