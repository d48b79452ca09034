"""``forbidden_succession``: shift ``next`` may not be dated the day after ``shift``.

Each pair of a first shift and a next shift on the following date is one occurrence; the
first may be a history shift.
"""

from __future__ import annotations

from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term, negate


class SuccessionRule:
    name = RuleKind.FORBIDDEN_SUCCESSION.value
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            history = set(inp.history[p])
            requirement = Requirement(self.name, Subject(staff=person.id))
            rules = inp.rules(p, RuleKind.FORBIDDEN_SUCCESSION)
            for firsts, nexts in _merged([self._indices(ctx, r) for r in rules if r.hard]):
                for d in range(inp.num_days):
                    self._forbid(ctx, requirement, p, d, firsts, nexts, history)
            for rule in (r for r in rules if not r.hard):
                firsts, nexts = self._indices(ctx, rule)
                for d in range(inp.num_days):
                    for n in nexts:
                        b = ctx.vars.works(p, d, n)
                        if isinstance(b, int):
                            continue
                        for f in firsts:
                            a = int((d - 1, f) in history) if d == 0 else ctx.vars.works(p, d - 1, f)
                            if isinstance(a, int) and not a:
                                continue
                            subject = Subject(staff=person.id, dates=(inp.date_of(d - 1), inp.dates[d]),
                                              shift=inp.shifts[n].id)
                            terms.append(Term(self.name, subject, ctx.all_true([a, b]), rule.weight or 0))
        return terms

    @staticmethod
    def _indices(ctx: Context, rule: Rule) -> tuple[list[int], list[int]]:
        shift_ix = ctx.inp.shift_ix
        return ([shift_ix[s] for s in rule.shifts if s in shift_ix],
                [shift_ix[s] for s in rule.next_shifts if s in shift_ix])

    @staticmethod
    def _forbid(ctx: Context, requirement: Requirement, p: int, d: int, firsts: list[int], nexts: list[int],
                history: set[tuple[int, int]]) -> None:
        """Hard: after a first shift on date d - 1, none of the next shifts on date d.

        For someone allowed one shift a day, the first shifts of one day exclude each other, and
        so do the next shifts of the next day: forbidding every pair makes the whole set a
        clique, one at-most-one (Curtois Instance 24: 0.4 million instead of 1.3 million
        constraints). Otherwise pairs make one clause each, and with many next shifts one sum per
        first shift says the same in fewer constraints.
        """
        after = [b for n in nexts if not isinstance(b := ctx.vars.works(p, d, n), int)]
        if not after:
            return
        before = [int((d - 1, f) in history) if d == 0 else ctx.vars.works(p, d - 1, f) for f in firsts]
        if p in ctx.vars.single:
            ctx.at_most_one(requirement, before + after)
            return
        for a in before:
            if isinstance(a, int) and not a:
                continue
            if len(after) <= 2:
                for b in after:
                    ctx.clause(requirement, [negate(a), negate(b)])
            elif isinstance(a, int):
                ctx.require(requirement, ctx.model.add(sum(after) == 0))
            else:
                ctx.require(requirement, ctx.model.add(sum(after) == 0).only_enforce_if(a))


def _merged(pairs: list[tuple[list[int], list[int]]]) -> list[tuple[list[int], list[int]]]:
    """Rules forbidding the same next shifts, as one rule over all their first shifts."""
    firsts_of: dict[tuple[int, ...], list[int]] = {}
    for firsts, nexts in pairs:
        merged = firsts_of.setdefault(tuple(sorted(set(nexts))), [])
        merged += [f for f in firsts if f not in merged]
    return [(firsts, list(nexts)) for nexts, firsts in firsts_of.items()]


RULE = SuccessionRule()
