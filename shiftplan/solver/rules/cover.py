"""Cover: how many people each station's shift needs on each date (min, max, target).

``min`` is hard unless the entry is ``soft`` (then ``soft_weight`` per missing person); ``max``
is always hard; ``target`` is soft, ``target_under`` per person below and ``target_over`` per
person above.
"""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term


def slot_subject(ctx: Context, t: int, s: int, d: int, role: str | None = None) -> Subject:
    inp = ctx.inp
    return Subject(dates=(inp.dates[d],), shift=inp.shifts[s].id, station=inp.stations[t], role=role)


class CoverRule:
    name = "cover"
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        terms: list[Term] = []
        for (t, s, d), need in ctx.inp.needs.items():
            seats = [var for _key, var in ctx.vars.slot(t, s, d)]
            on_duty = sum(seats)
            subject = slot_subject(ctx, t, s, d)
            if need.min > 0:
                if need.soft:
                    terms += ctx.shortfall("cover_min", subject, on_duty, need.min, need.soft_weight)
                else:
                    ctx.require(Requirement("cover_min", subject), ctx.model.add(on_duty >= need.min))
            if need.max is not None and need.max < len(seats):
                ctx.require(Requirement("cover_max", subject), ctx.model.add(on_duty <= need.max))
            if need.target is not None:
                terms += ctx.shortfall("cover_target", subject, on_duty, need.target, need.target_under)
                terms += ctx.excess("cover_target", subject, on_duty, need.target, need.target_over, len(seats))
        return terms


RULE = CoverRule()
