"""Party minimums of cover: so many Party members (党员 or 预备党员) on a station's shift.

Hard, unless the cover entry is ``soft`` (then ``soft_weight`` per missing member).
"""

from __future__ import annotations

from shiftplan.solver.rules.base import Context, Nature, Requirement, Term
from shiftplan.solver.rules.cover import slot_subject


class PartyRule:
    name = "cover_party"
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        terms: list[Term] = []
        people = ctx.inp.people
        for (t, s, d), need in ctx.inp.needs.items():
            if need.party_min <= 0:
                continue
            members = sum(var for key, var in ctx.vars.slot(t, s, d) if people[key.p].is_party_member)
            subject = slot_subject(ctx, t, s, d)
            if need.soft:
                terms += ctx.shortfall(self.name, subject, members, need.party_min, need.soft_weight)
            else:
                ctx.require(Requirement(self.name, subject), ctx.model.add(members >= need.party_min))
        return terms


RULE = PartyRule()
