"""Requests: to work a shift on a date (``want: true``) or not to (``want: false``); without a
shift, about any shift (``want: false`` asks for a day off). Each costs its weight when not
granted. Dates outside the period are ignored."""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Subject, Term, negate


class RequestsRule:
    name = "request"
    nature = Nature.SOFT

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for request in inp.scenario.requests:
            p = inp.person_ix.get(request.staff)
            if p is None or request.date not in inp.scenario.period:
                continue
            d = inp.day_of(request.date)
            if request.shift is None:
                works = ctx.vars.works_day(p, d)
            elif request.shift in inp.shift_ix:
                works = ctx.vars.works(p, d, inp.shift_ix[request.shift])
            else:
                works = 0
            refused = negate(works) if request.want else works
            subject = Subject(staff=request.staff, dates=(request.date,), shift=request.shift)
            terms.append(Term(self.name, subject, refused, request.weight))
        return terms


RULE = RequestsRule()
