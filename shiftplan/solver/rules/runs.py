"""Runs of consecutive dates: working days, days on given shifts, and days off.

The timeline of a person runs from the start of the history window through the period; history
days are constants. Before the window nothing is known, so a run reaching the window's start is
open there (never too short), and a run cut by the period's end is never too short either.

- Too long (``max_consecutive_days``, ``max_consecutive_shifts``): a period day is *over* when
  it and the ``value`` days before it are all worked; a run's cost is its number of over days,
  which is exactly "the period days beyond the limit". Hard: no window of value + 1 days is
  fully worked.
- Too short (``min_consecutive_days``, ``min_consecutive_days_off``): each possible short run
  is a pattern (off, worked x L, off), or the reverse for days off, that a hard rule forbids with
  one clause and a soft rule charges ``value - L`` days for.
"""

from __future__ import annotations

from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.solver.rules.base import Context, Nature, Requirement, Subject, Term, negate


class MaxRunRule:
    nature = Nature.PER_RULE

    def __init__(self, kind: RuleKind) -> None:
        self.kind = kind
        self.name = kind.value

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            for rule in inp.rules(p, self.kind):
                shifts = inp.shift_set(rule) if self.kind is RuleKind.MAX_CONSECUTIVE_SHIFTS else None
                limit = int(rule.value)
                requirement = Requirement(self.name, Subject(staff=person.id), rule)
                for d in range(inp.num_days):
                    if d - limit < inp.window_start:
                        continue  # the window reaches before what history knows: those days count as off
                    days = [ctx.vars.worked(p, i, shifts) for i in range(d - limit, d + 1)]
                    if any(isinstance(lit, int) and not lit for lit in days):
                        continue
                    if rule.hard:
                        ones = sum(1 for lit in days if isinstance(lit, int))
                        variables = [lit for lit in days if not isinstance(lit, int)]
                        ctx.require(requirement, ctx.model.add(sum(variables) <= limit - ones))
                    else:
                        subject = Subject(staff=person.id, dates=(inp.dates[d],), shift=_shift_label(rule))
                        terms.append(Term(self.name, subject, ctx.all_true(days), rule.weight or 0))
        return terms


class MinRunRule:
    """Shortest runs of worked dates (``worked=True``) or of days off between worked dates."""

    nature = Nature.PER_RULE

    def __init__(self, kind: RuleKind, *, worked: bool) -> None:
        self.kind = kind
        self.name = kind.value
        self.worked = worked

    def build(self, ctx: Context) -> list[Term]:
        inp, terms = ctx.inp, []
        for p, person in enumerate(inp.people):
            rules = inp.rules(p, self.kind)
            if not rules:
                continue
            timeline = {d: ctx.vars.worked(p, d) for d in range(inp.window_start, inp.num_days)}
            inside = timeline if self.worked else {d: negate(lit) for d, lit in timeline.items()}
            for rule in rules:
                limit = int(rule.value)
                requirement = Requirement(self.name, Subject(staff=person.id), rule)
                # A judged run [a, b]: starts after the window's first day, ends before the
                # period's last day, and ends on the last history day or later.
                for a in range(inp.window_start + 1, inp.num_days - 1):
                    for b in range(max(a, -1), min(a + limit - 1, inp.num_days - 1)):
                        pattern = [negate(inside[a - 1]), *(inside[i] for i in range(a, b + 1)), negate(inside[b + 1])]
                        if rule.hard:
                            ctx.clause(requirement, [negate(lit) for lit in pattern])
                        else:
                            subject = Subject(staff=person.id, dates=tuple(inp.date_of(i) for i in range(a, b + 1)))
                            violated = ctx.all_true(pattern)
                            short = limit - (b - a + 1)
                            if not (isinstance(violated, int) and not violated):
                                terms.append(Term(self.name, subject, violated, (rule.weight or 0) * short))
        return terms


def _shift_label(rule: Rule) -> str | None:
    return "+".join(rule.shifts) or None


MAX_DAYS = MaxRunRule(RuleKind.MAX_CONSECUTIVE_DAYS)
MAX_SHIFTS_IN_A_ROW = MaxRunRule(RuleKind.MAX_CONSECUTIVE_SHIFTS)
MIN_DAYS = MinRunRule(RuleKind.MIN_CONSECUTIVE_DAYS, worked=True)
MIN_DAYS_OFF = MinRunRule(RuleKind.MIN_CONSECUTIVE_DAYS_OFF, worked=False)
