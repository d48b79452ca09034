"""Absences and eligibility: nobody works while absent, off the roster, at a station they may
not work at, or in a role they do not hold.

Eligibility (roster dates, stations, roles) is built into the variables: a seat that may not be
taken has no variable. Absence days are left out the same way, unless the input keeps them (to
switch an absence off when explaining infeasibility); then they are forbidden here, one
requirement per absence.
"""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term


class AbsencesRule:
    name = "absence"
    nature = Nature.HARD

    def build(self, ctx: Context) -> list[Term]:
        inp = ctx.inp
        if not inp.keep_absent:
            return []
        for absence in inp.scenario.absences:
            p = inp.person_ix.get(absence.staff)
            if p is None:
                continue
            days = [d for d in range(inp.num_days) if absence.covers(inp.dates[d])]
            seats = [var for d in days for s in range(len(inp.shifts)) for _key, var in ctx.vars.seats(p, d, s)]
            if seats:
                subject = Subject(staff=absence.staff, dates=tuple(inp.dates[d] for d in days))
                ctx.require(Requirement(self.name, subject), ctx.model.add(sum(seats) == 0))
        return []


RULE = AbsencesRule()
