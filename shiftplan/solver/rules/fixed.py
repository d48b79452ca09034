"""Fixed assignments: pinned by the user, they must appear in the roster.

Station and role may be left open. A fixed assignment that no seat can match (absence,
eligibility, a date outside the period) makes the scenario infeasible, as the spec says.
"""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term


class FixedRule:
    name = "fixed"
    nature = Nature.HARD

    def build(self, ctx: Context) -> list[Term]:
        inp = ctx.inp
        for index, fixed in enumerate(inp.scenario.fixed):
            p, s = inp.person_ix.get(fixed.staff), inp.shift_ix.get(fixed.shift)
            d = inp.day_of(fixed.date)
            seats = []
            if p is not None and s is not None:
                seats = [var for key, var in ctx.vars.seats(p, d, s)
                         if (fixed.station is None or inp.stations[key.t] == fixed.station)
                         and (fixed.role is None or (key.r is not None and inp.roles[key.r] == fixed.role))]
            subject = Subject(staff=fixed.staff, dates=(fixed.date,), shift=fixed.shift, station=fixed.station,
                              role=fixed.role)
            ctx.clause(Requirement(self.name, subject, index), seats)
        return []


RULE = FixedRule()
