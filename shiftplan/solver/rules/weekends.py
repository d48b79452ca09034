"""``max_weekends``: calendar weekends (Saturday + Sunday) with work on either day; a weekend
whose Saturday lies before the period still counts for its Sunday."""

from __future__ import annotations

from shiftplan.domain.rules import RuleKind
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term


class WeekendsRule:
    name = RuleKind.MAX_WEEKENDS.value
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            rules = inp.rules(p, RuleKind.MAX_WEEKENDS)
            if not rules:
                continue
            either = (ctx.any_true(ctx.vars.works_day(p, d) for d in days) for days in inp.weekends)
            worked = [lit for lit in either if not isinstance(lit, int)]
            subject = Subject(staff=person.id)
            for rule in rules:
                if rule.hard:
                    if len(worked) > rule.value:
                        constraint = ctx.model.add(sum(worked) <= int(rule.value))
                        ctx.require(Requirement(self.name, subject, rule), constraint)
                else:
                    terms += ctx.excess(self.name, subject, sum(worked), rule.value, rule.weight or 0, len(worked))
        return terms


RULE = WeekendsRule()
