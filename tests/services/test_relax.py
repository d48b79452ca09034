"""One-click relaxations of what an explanation of "no roster" names: undoable, and refused when stale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftplan.domain.culprits import Culprit, CulpritKind
from shiftplan.domain.errors import UserError
from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.official_calendar import official_calendar
from shiftplan.services import relax
from shiftplan.services.workspace import Workspace
from shiftplan.storage import Database
from tests.services.test_workspace import scenario


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    db = Database.open(f"sqlite:///{tmp_path / 'w.db'}")
    db.import_scenario(scenario())
    workspace = Workspace(db, official_calendar())
    yield workspace
    workspace.close()


def test_make_a_cover_entry_soft_and_undo_it(workspace: Workspace) -> None:
    entry = workspace.scenario.cover[0]
    culprit = Culprit(CulpritKind.COVER, "甲站 白班 2020-01-21: at least 2 on duty", "cover_min", "A", "D",
                      (dt.date(2020, 1, 21),), covers=((0, entry),))
    assert relax.hard_cover(workspace.scenario, culprit) == [0]
    edit = relax.cover_soft(workspace, culprit)
    workspace.apply(edit)
    assert workspace.scenario.cover[0].soft and not workspace.scenario.cover[1].soft
    with pytest.raises(UserError):
        relax.cover_soft(workspace, culprit)  # already soft: the entry is no longer the one named
    workspace.revert(edit)
    assert not workspace.scenario.cover[0].soft


def test_make_a_persons_hard_rule_soft_in_their_rule_set(workspace: Workspace) -> None:
    limit = Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6)
    culprit = Culprit(CulpritKind.PERSON_RULE, "张三: at most 6 days in a row", "max_consecutive_days",
                      staff="P1", rules=(limit,))
    assert relax.hard_rule_set(workspace.scenario, culprit) == "standard"
    edit = relax.rule_soft(workspace, culprit)
    workspace.apply(edit)
    standard = next(r for r in workspace.scenario.rule_sets if r.id == "standard")
    assert standard.rules == (Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6, weight=relax.SOFT_RULE_WEIGHT),)
    assert relax.hard_rule_set(workspace.scenario, culprit) is None
    workspace.revert(edit)
    standard = next(r for r in workspace.scenario.rule_sets if r.id == "standard")
    assert standard.rules == (limit,)
    stranger = Culprit(CulpritKind.PERSON_RULE, "王五", "max_consecutive_days", staff="P3", rules=(limit,))
    with pytest.raises(UserError):  # 王五 follows rule set x, which has no such rule
        relax.rule_soft(workspace, stranger)
