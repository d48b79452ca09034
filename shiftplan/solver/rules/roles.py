"""Role minimums of cover: so many assignments serving each role on a station's shift.

Hard, unless the cover entry is ``soft`` (then ``soft_weight`` per missing person).
"""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Requirement, Term
from shiftplan.solver.rules.cover import slot_subject


class RolesRule:
    name = "cover_roles"
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        terms: list[Term] = []
        for (t, s, d), need in ctx.inp.needs.items():
            for role, minimum in need.roles.items():
                if minimum <= 0:
                    continue
                r = ctx.inp.role_ix.get(role)
                serving = sum(var for key, var in ctx.vars.slot(t, s, d) if key.r is not None and key.r == r)
                subject = slot_subject(ctx, t, s, d, role)
                if need.soft:
                    terms += ctx.shortfall(self.name, subject, serving, minimum, need.soft_weight)
                else:
                    ctx.require(Requirement(self.name, subject), ctx.model.add(serving >= minimum))
        return terms


RULE = RolesRule()
