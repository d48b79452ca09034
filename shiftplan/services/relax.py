"""One-click relaxations of what an explanation of "no roster" names, as undoable edits.

A :class:`~shiftplan.domain.culprits.Culprit` comes from the solve of a plan; the data may have
changed since. Each relaxation looks its cover entries or rules up again in the workspace's data
and refuses (``UserError``) when they are gone or already soft.
"""

from __future__ import annotations

import dataclasses

from shiftplan.domain.culprits import Culprit
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import Cover, Scenario
from shiftplan.domain.rules import Rule
from shiftplan.i18n import _
from shiftplan.services.workspace import Edit, Workspace

SOFT_RULE_WEIGHT = 100.0  # the weight a hard rule gets when made soft in one click


def _cover_index(scenario: Scenario, index: int, entry: Cover) -> int | None:
    """Where the entry is now: at its old place if unchanged, else wherever an equal one is."""
    if index < len(scenario.cover) and scenario.cover[index] == entry:
        return index
    return next((i for i, e in enumerate(scenario.cover) if e == entry), None)


def hard_cover(scenario: Scenario, culprit: Culprit) -> list[int]:
    """The culprit's cover entries that are still there and still hard (indexes into ``scenario.cover``)."""
    if not culprit.relaxes_cover:
        return []
    found = [_cover_index(scenario, i, entry) for i, entry in culprit.covers]
    return sorted({i for i in found if i is not None and not scenario.cover[i].soft})


def cover_soft(workspace: Workspace, culprit: Culprit) -> Edit:
    """Make the cover entries the culprit names soft (one undoable edit)."""
    scenario = workspace.scenario
    indexes = hard_cover(scenario, culprit)
    if not indexes:
        raise UserError(_("That cover entry has changed or is already soft."))
    entries = [dataclasses.replace(e, soft=True) if i in indexes else e for i, e in enumerate(scenario.cover)]
    return workspace.set_cover(entries, _("Make cover soft"))


def _hard_rules(scenario: Scenario, culprit: Culprit) -> tuple[str, list[Rule]] | None:
    """The person's rule set and the culprit's rules still hard in it."""
    if not culprit.relaxes_rule or culprit.staff is None:
        return None
    person = next((p for p in scenario.staff if p.id == culprit.staff), None)
    rule_set = scenario.rule_set_of(person) if person is not None else None
    if rule_set is None:
        return None
    rules = [r for r in rule_set.rules if r.hard and r in culprit.rules]
    return (rule_set.id, rules) if rules else None


def hard_rule_set(scenario: Scenario, culprit: Culprit) -> str | None:
    """The rule set whose rules the culprit names, while some of them are still hard."""
    found = _hard_rules(scenario, culprit)
    return found[0] if found else None


def rule_soft(workspace: Workspace, culprit: Culprit) -> Edit:
    """Give the person's hard rules the culprit names a weight of 100 in their rule set (one undoable edit)."""
    scenario = workspace.scenario
    found = _hard_rules(scenario, culprit)
    if found is None:
        raise UserError(_("That rule has changed or is already soft."))
    set_id, rules = found
    old = next(r for r in scenario.rule_sets if r.id == set_id)
    new = dataclasses.replace(old, rules=tuple(
        dataclasses.replace(r, weight=SOFT_RULE_WEIGHT) if r in rules else r for r in old.rules))
    return workspace.update_rule_set(old, new, _("Make a rule of “{set}” soft").format(set=set_id))
