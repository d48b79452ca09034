"""What goes into the database comes out exactly as it went in."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from shiftplan.domain.model import Cover, Period, Scenario
from shiftplan.domain.rules import RuleKind
from shiftplan.storage import Database, InvalidDataError, PlanInfo, PlanNotFoundError


def test_a_new_database_is_empty(db: Database) -> None:
    assert db.is_empty()
    assert db.plans() == []
    assert db.staff() == ()


def test_every_scenario_comes_back_exactly(db: Database, scenario: Scenario) -> None:
    plan_id = db.import_scenario(scenario)
    assert not db.is_empty()
    assert db.export_scenario() == scenario
    assert db.export_scenario(plan_id) == scenario


def test_the_rich_scenario_says_everything(rich: Scenario) -> None:
    """Guard for the round trip above: the rich scenario keeps using every feature."""
    kinds = {rule.kind for rule_set in rich.rule_sets for rule in rule_set.rules}
    assert kinds == set(RuleKind)
    assert any(len(rule.shifts) > 1 for rule_set in rich.rule_sets for rule in rule_set.rules)
    assert {p.stations for p in rich.staff} >= {None, ()}
    assert {p.rule_set for p in rich.staff} >= {None, "standard"}
    assert {s.night for s in rich.shift_types} == {None, True, False}
    assert rich.history.start is not None
    assert any(c.soft and c.roles and c.days != ("all",) for c in rich.cover)


def test_values_keep_their_types_and_order(db: Database, rich: Scenario) -> None:
    db.import_scenario(rich)
    back = db.export_scenario()
    # Equality alone would let a dict's order, None against False, or a list against a tuple slip.
    assert [list(c.roles) for c in back.cover] == [list(c.roles) for c in rich.cover]
    assert [s.night for s in back.shift_types] == [None, False, True, None]
    assert [type(p.stations) for p in back.staff] == [tuple, type(None), tuple, tuple]
    assert back.staff[3].stations == ("S2", "G310W")
    assert back.calendar.holidays == rich.calendar.holidays  # not sorted
    assert back.rule_sets[1].rules[2].next_shifts == ("E", "D")
    assert isinstance(back.cover, tuple) and isinstance(back.staff[0].roles, tuple)


def test_floats_survive_to_the_last_bit(db: Database, minimal: Scenario) -> None:
    tricky = (0.1, 1 / 3, 2.0**-40, 1e300, 123456.789)
    scenario = dataclasses.replace(minimal, cover=tuple(Cover(target_under=x, target_over=3 * x) for x in tricky))
    db.import_scenario(scenario)
    back = db.export_scenario().cover
    assert [(c.target_under, c.target_over) for c in back] == [(x, 3 * x) for x in tricky]


def test_an_import_replaces_everything(db: Database, rich: Scenario, minimal: Scenario) -> None:
    db.import_scenario(rich)
    plan_id = db.import_scenario(minimal)
    assert db.export_scenario() == minimal
    assert db.plans() == [PlanInfo(plan_id, "", minimal.period)]


def test_plans_lists_id_name_and_period(db: Database, rich: Scenario) -> None:
    plan_id = db.import_scenario(rich)
    assert db.plans() == [PlanInfo(plan_id, rich.name, Period(rich.period.start, rich.period.end))]


def test_an_unknown_plan_is_refused(db: Database, rich: Scenario) -> None:
    with pytest.raises(PlanNotFoundError, match="holds no plan"):
        db.export_scenario()
    plan_id = db.import_scenario(rich)
    with pytest.raises(PlanNotFoundError, match=f"no plan number {plan_id + 1}"):
        db.export_scenario(plan_id + 1)


def test_read_helpers_return_domain_objects_in_order(db: Database, rich: Scenario) -> None:
    db.import_scenario(rich)
    assert db.stations() == rich.stations
    assert db.roles() == rich.roles
    assert db.shift_types() == rich.shift_types
    assert db.rule_sets() == rich.rule_sets
    assert db.staff() == rich.staff


def test_a_reference_to_nothing_is_refused_and_names_it(db: Database, minimal: Scenario) -> None:
    scenario = dataclasses.replace(minimal, cover=(Cover(station="nowhere"),))
    with pytest.raises(InvalidDataError, match='station "nowhere"'):
        db.import_scenario(scenario)
    assert db.is_empty()


def test_a_repeated_id_is_refused(db: Database, minimal: Scenario) -> None:
    scenario = dataclasses.replace(minimal, stations=minimal.stations * 2)
    with pytest.raises(InvalidDataError, match="inconsistent"):
        db.import_scenario(scenario)
    assert db.is_empty()


def test_the_database_can_be_used_from_another_thread(db: Database, rich: Scenario) -> None:
    db.import_scenario(rich)
    results: list[Scenario] = []
    worker = threading.Thread(target=lambda: results.append(db.export_scenario()))
    worker.start()
    worker.join()
    assert results == [rich]
