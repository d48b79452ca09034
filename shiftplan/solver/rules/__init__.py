"""The rule families of the spec, one module each, in the order the model builds them."""

from __future__ import annotations

from shiftplan.solver.rules import (
    absences,
    cover,
    fairness,
    fixed,
    party,
    requests,
    rest,
    roles,
    runs,
    successions,
    totals,
    weekends,
)
from shiftplan.solver.rules.base import RuleFamily

ALL_RULES: tuple[RuleFamily, ...] = (
    absences.RULE,
    fixed.RULE,
    cover.RULE,
    roles.RULE,
    party.RULE,
    rest.OVERLAP,
    rest.DAILY_LIMIT,
    rest.REST,
    successions.RULE,
    runs.MAX_DAYS,
    runs.MAX_SHIFTS_IN_A_ROW,
    runs.MIN_DAYS,
    runs.MIN_DAYS_OFF,
    totals.PERIOD_TOTALS,
    totals.WEEKLY,
    weekends.RULE,
    requests.RULE,
    fairness.RULE,
)
