"""One-click relaxations of what an explanation of "no roster" names: undoable, and refused when stale."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from shiftplan.domain.culprits import Culprit, CulpritKind, shortfall_culprit
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import Cover
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.domain.shortfalls import StationShortfall, find_shortfalls
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


def test_a_station_that_needs_more_than_its_people_can_work_is_made_soft_whole(tmp_path: Path) -> None:
    # 甲站 needs one person on each of its two shifts every day (56 shifts in four weeks), and its
    # three people may work at most 10 shifts each: the counting check finds the station short
    # over the period and names both of its cover entries.
    capped = dataclasses.replace(
        scenario(), cover=(Cover(station="A", shift="D", min=1), Cover(station="A", shift="N", min=1)),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MAX_SHIFTS, 10),)),
                   RuleSet("x", (Rule(RuleKind.MAX_SHIFTS, 10),)), RuleSet("unused")))
    db = Database.open(f"sqlite:///{tmp_path / 'capped.db'}")
    db.import_scenario(capped)
    workspace = Workspace(db, official_calendar())
    scenario_ = workspace.scenario
    calendar = workspace.calendar_state().calendar
    station = [c for c in find_shortfalls(scenario_, calendar) if isinstance(c, StationShortfall)]
    assert station and station[0].station == "A"
    culprit = shortfall_culprit(station[0], "甲站", scenario_, calendar)
    assert culprit.kind is CulpritKind.STATION and culprit.relaxes_cover
    assert relax.hard_cover(scenario_, culprit) == [0, 1]  # both of 甲站's entries
    edit = relax.cover_soft(workspace, culprit)
    workspace.apply(edit)
    assert all(c.soft for c in workspace.scenario.cover)
    assert not any(isinstance(c, StationShortfall) for c in find_shortfalls(workspace.scenario, calendar))
    workspace.revert(edit)
    assert not any(c.soft for c in workspace.scenario.cover)
    workspace.close()
