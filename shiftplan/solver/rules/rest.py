"""Time on the real clock: shifts per date, overlapping shifts and rest between shifts.

Shifts are placed on one clock in minutes from the period's first midnight, so a shift that
ends on the next day (次日) and the history shifts before the period are handled alike.

- Overlap: two shifts of one person that overlap in time are always forbidden.
- ``max_shifts_per_day``: at most so many shifts dated on one date (1 unless the set says so).
- ``min_rest_hours``: hours from the end of one shift to the start of the person's *next* one
  (in order of start). A hard rule forbids every pair closer than the limit (if any pair is too
  close, some pair of neighbours is). A soft rule costs each too-short gap between neighbours:
  a pair counts only when no shift of the person starts between the two.
"""

from __future__ import annotations

from shiftplan.domain.model import MINUTES_PER_DAY
from shiftplan.domain.rules import DEFAULT_MAX_SHIFTS_PER_DAY, RuleKind
from shiftplan.solver.input import Occurrence
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term, negate
from shiftplan.solver.variables import Lit


def occurrences(ctx: Context, p: int, *, all_history: bool) -> list[tuple[Occurrence, Lit]]:
    """The shifts person ``p`` works or could work, history included, in clock order.

    For rest, only the last history shift matters: every period shift starts after every
    history shift, so that one is the neighbour of the first period shift.
    """
    inp = ctx.inp
    history = sorted((inp.occurrence(d, s) for d, s in inp.history[p]), key=lambda o: (o.start, o.end))
    found: list[tuple[Occurrence, Lit]] = [(o, 1) for o in (history if all_history else history[-1:])]
    for d in range(inp.num_days):
        for s in range(len(inp.shifts)):
            lit = ctx.vars.works(p, d, s)
            if not isinstance(lit, int):
                found.append((inp.occurrence(d, s), lit))
    found.sort(key=lambda item: (item[0].start, item[0].end))
    return found


class DailyLimitRule:
    name = RuleKind.MAX_SHIFTS_PER_DAY.value
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            for rule in inp.rules(p, RuleKind.MAX_SHIFTS_PER_DAY) or [DEFAULT_MAX_SHIFTS_PER_DAY]:
                requirement = Requirement(self.name, Subject(staff=person.id))
                for d in range(inp.num_days):
                    lits = [w for s in range(len(inp.shifts)) if not isinstance(w := ctx.vars.works(p, d, s), int)]
                    if len(lits) <= rule.value:
                        continue
                    if rule.hard and rule.value == 1 and p in ctx.vars.single:
                        ctx.vars.works_day(p, d)  # defined as the sum, which says "at most one"
                    elif rule.hard and rule.value == 1:
                        # "Works that day" is then exactly the sum, which the LP relaxation sees
                        # (the OR that defines it is weak there): the bounds on runs get better.
                        ctx.require(requirement, ctx.model.add(sum(lits) == ctx.vars.works_day(p, d)))
                    elif rule.hard:
                        ctx.require(requirement, ctx.model.add(sum(lits) <= int(rule.value)))
                    else:
                        subject = Subject(staff=person.id, dates=(inp.dates[d],))
                        terms += ctx.excess(self.name, subject, sum(lits), rule.value, rule.weight or 0, len(lits))
        return terms


class OverlapRule:
    """Overlapping shifts of one person: at most one of each set that shares a moment.

    Shifts are intervals on one clock, so the sets to forbid are the interval graph's maximal
    cliques: the shifts running at some start time, taken just before one of them ends. That is
    one constraint per clique instead of one per overlapping pair, which matters when many
    shift types share a day (Curtois Instance 24: 32 types, 27 million pairs).
    """

    name = "overlap"
    nature = Nature.HARD

    def build(self, ctx: Context) -> list[Term]:
        for p, person in enumerate(ctx.inp.people):
            requirement = Requirement(self.name, Subject(staff=person.id))
            for clique in overlapping(occurrences(ctx, p, all_history=True)):
                if any(not isinstance(lit, int) for lit in clique):  # history alone is not the period's business
                    ctx.at_most_one(requirement, clique)
        return []


def overlapping(shifts: list[tuple[Occurrence, Lit]]) -> list[list[Lit]]:
    """The maximal sets of shifts (in start order) that all run at one moment."""
    cliques: list[list[Lit]] = []
    running: list[tuple[Occurrence, Lit]] = []
    for occurrence, lit in shifts:
        # One shift ends before this one starts: the running ones (each added since the last
        # end) are a maximal set.
        if any(other.end <= occurrence.start for other, _lit in running):
            if len(running) > 1:
                cliques.append([x for _o, x in running])
            running = [(o, x) for o, x in running if o.end > occurrence.start]
        running.append((occurrence, lit))
    if len(running) > 1:
        cliques.append([x for _o, x in running])
    return cliques


class RestRule:
    name = RuleKind.MIN_REST_HOURS.value
    nature = Nature.PER_RULE

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            rules = inp.rules(p, RuleKind.MIN_REST_HOURS)
            if not rules:
                continue
            shifts = occurrences(ctx, p, all_history=False)
            for rule in rules:
                need = round(rule.value * 60, 6)  # minutes; a limit need not be whole minutes
                requirement = Requirement(self.name, Subject(staff=person.id))
                for j, (later, b) in enumerate(shifts):
                    if isinstance(b, int):
                        continue
                    for i in range(j - 1, -1, -1):
                        earlier, a = shifts[i]
                        if later.start - earlier.start >= need + 2 * MINUTES_PER_DAY:
                            break  # shifts are at most a day long: nothing earlier comes close
                        gap = later.start - earlier.end  # negative when they overlap: no rest at all
                        if gap >= need:
                            continue
                        if rule.hard:
                            ctx.clause(requirement, [negate(a), negate(b)])
                            continue
                        between = [c for _o, c in shifts[i + 1:j]]
                        violated = ctx.all_true([a, b, *(negate(c) for c in between)])
                        subject = Subject(staff=person.id, dates=(inp.date_of(earlier.d), inp.date_of(later.d)),
                                          shift=inp.shifts[later.s].id)
                        terms.append(Term(self.name, subject, violated, (rule.weight or 0) * (need - gap) / 60))
        return terms


DAILY_LIMIT = DailyLimitRule()
OVERLAP = OverlapRule()
REST = RestRule()
