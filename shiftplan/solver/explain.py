"""Why no roster exists, in the user's language.

Plain shortfalls are found by counting (``domain.shortfalls``): they name the slot, the
requirement and every person who could not take it, with the reason. A scenario that is
infeasible only through rules in combination gets a general sentence for now; naming such
conflicts with CP-SAT assumption literals over the model's requirement groups (``RosterModel``
with ``guarded=True``) is the next step.
"""

from __future__ import annotations

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Scenario
from shiftplan.domain.shortfalls import describe, find_shortfalls
from shiftplan.i18n import _


def shortfall_sentences(scenario: Scenario, calendar: DayCalendar) -> tuple[str, ...]:
    """Sentences for the requirements that surely cannot be met; empty when counting finds none."""
    return tuple(describe(s, scenario) for s in find_shortfalls(scenario, calendar))


def explain(scenario: Scenario, calendar: DayCalendar) -> tuple[str, ...]:
    """Why the scenario has no roster: the shortfalls, or a general sentence when counting finds none."""
    return shortfall_sentences(scenario, calendar) or (_(
        "No roster meets every hard rule at once, although no single requirement is short on its own: "
        "the rules conflict only in combination. Make some cover entries or rules soft (give them a weight) "
        "to see which ones."),)
