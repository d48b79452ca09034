"""Fairness: within each eligibility group, balance shifts, nights, restday and holiday shifts.

A person's load in a category is ``history + period count x D / A`` (domain/fairness.py); the
cost of a group and category is ``weight x (max load - min load)``.

Loads are fractional, so they are counted here in units of 1 / (SCALE x weight): the spread in
those units is then exactly the objective contribution, and only ``D / A`` (for people who are
away part of the period) gets rounded, by at most half a unit per shift. The units are then
divided by the common divisor of every coefficient, which keeps the usual case (nobody away,
whole-number history) in whole shifts, where CP-SAT reasons best.
"""

from __future__ import annotations

import math

from shiftplan.domain.fairness import Category
from shiftplan.solver.rules.base import SCALE, Context, Nature, Subject, Term


class FairnessRule:
    name = "fairness"
    nature = Nature.SOFT

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        history = {c.staff: c for c in inp.scenario.history.counts}
        for category in Category:
            weight = category.weight(inp.scenario)
            kind = set(category.dates(inp.scenario, inp.calendar))
            days = [d for d, day in enumerate(inp.dates) if day in kind]
            if weight <= 0 or not days:
                continue
            cells = [(d, s) for d in days for s, shift in enumerate(inp.shifts)
                     if category.counts(inp.dates[d], shift, inp.calendar)]
            unit = round(SCALE * weight)  # load units per shift for a person always available
            for group in inp.groups:
                members = [inp.person_ix[m] for m in group.members]
                available = {p: sum(1 for d in days if inp.available(p, d)) for p in members}
                compared = [p for p in members if available[p] > 0]
                if len(compared) < 2:
                    continue
                base = {p: unit * category.history(history.get(inp.people[p].id)) for p in compared}
                per_shift = {p: round(unit * len(days) / available[p]) for p in compared}
                divisor = math.gcd(*base.values(), *per_shift.values()) or 1
                loads, lows, highs = [], [], []
                for p in compared:
                    count = ctx.vars.count(p, cells)
                    most = sum(1 for d, s in cells if not isinstance(ctx.vars.works(p, d, s), int))
                    low, step = base[p] // divisor, per_shift[p] // divisor
                    loads.append(low + step * count)
                    lows.append(low)
                    highs.append(low + step * most)
                high_load = ctx.model.new_int_var(max(lows), max(highs), "")
                low_load = ctx.model.new_int_var(min(lows), min(highs), "")
                for load in loads:
                    ctx.model.add(high_load >= load)
                    ctx.model.add(low_load <= load)
                # A spread variable that cannot go below zero keeps CP-SAT's trivial bound at zero.
                spread = ctx.model.new_int_var(0, max(highs) - min(lows), "")
                ctx.model.add(spread == high_load - low_load)
                terms.append(Term(category.rule, Subject(group=group.label), spread, divisor * weight / unit))
        return terms


RULE = FairnessRule()
