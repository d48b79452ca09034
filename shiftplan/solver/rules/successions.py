"""``forbidden_succession``: shift ``next`` may not be dated the day after ``shift``.

Each pair of a first shift and a next shift on the following date is one occurrence; the
first may be a history shift.
"""

from __future__ import annotations

from shiftplan.domain.rules import RuleKind
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term, negate


class SuccessionRule:
    name = RuleKind.FORBIDDEN_SUCCESSION.value
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            history = set(inp.history[p])
            for rule in inp.rules(p, RuleKind.FORBIDDEN_SUCCESSION):
                firsts = [inp.shift_ix[s] for s in rule.shifts if s in inp.shift_ix]
                nexts = [inp.shift_ix[s] for s in rule.next_shifts if s in inp.shift_ix]
                requirement = Requirement(self.name, Subject(staff=person.id))
                for d in range(inp.num_days):
                    for n in nexts:
                        b = ctx.vars.works(p, d, n)
                        if isinstance(b, int):
                            continue
                        for f in firsts:
                            a = int((d - 1, f) in history) if d == 0 else ctx.vars.works(p, d - 1, f)
                            if isinstance(a, int) and not a:
                                continue
                            if rule.hard:
                                ctx.clause(requirement, [negate(a), negate(b)])
                            else:
                                subject = Subject(staff=person.id, dates=(inp.date_of(d - 1), inp.dates[d]),
                                                  shift=inp.shifts[n].id)
                                terms.append(Term(self.name, subject, ctx.all_true([a, b]), rule.weight or 0))
        return terms


RULE = SuccessionRule()
