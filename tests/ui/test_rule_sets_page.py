"""Rule sets: every kind of rule from a menu, read back in plain words, hard or soft, undoable."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.rule_sets import HARD, KIND, MEANING, NEXT, SHIFTS, VALUE, WEIGHT, RuleSetsPage, kind_label

from .helpers import UI_MARKS, set_cell, shown, stored

pytestmark = UI_MARKS


def rules_page(window: MainWindow) -> RuleSetsPage:
    window.show_page(window.rule_sets_page)
    return window.rule_sets_page


def test_rules_read_in_plain_words(window: MainWindow, qtmodeltester: ModelTester) -> None:
    page = rules_page(window)
    assert shown(page.sets_model, 0) == ["standard"]
    assert shown(page.sets_model, 1) == ["5"]  # everyone follows the default set
    assert shown(page.rules_model, MEANING) == ["At least 12 hours of rest between two shifts",
                                                "At most 8 夜班 shifts in the period (soft, weight 3)"]
    assert shown(page.rules_model, HARD) == ["Hard", "Soft"]
    qtmodeltester.check(page.rules_model)
    qtmodeltester.check(page.sets_model)


def test_every_kind_of_rule_can_be_added_and_each_add_undone(window: MainWindow, database: str) -> None:
    page = rules_page(window)
    before = stored(database)
    menu = page.add_rule_button.menu()
    assert [a.text() for a in menu.actions()] == [kind_label(k) for k in RuleKind]
    for action in menu.actions():
        action.trigger()
    rules = stored(database).rule_sets[0].rules
    assert [r.kind for r in rules[2:]] == list(RuleKind)
    succession = next(r for r in rules if r.kind == RuleKind.FORBIDDEN_SUCCESSION)
    assert (succession.shifts, succession.next_shifts) == (("N",), ("D",))
    assert page.messages.isHidden()
    for _ in RuleKind:
        window.undo_action.trigger()
    assert stored(database) == before


def test_a_rule_is_changed_cell_by_cell(window: MainWindow, database: str) -> None:
    page = rules_page(window)
    assert set_cell(page.rules_model, 0, VALUE, 11.5)
    assert set_cell(page.rules_model, 0, HARD, False)  # soft, weight 1
    assert set_cell(page.rules_model, 0, WEIGHT, 4)
    assert stored(database).rule_sets[0].rules[0] == Rule(RuleKind.MIN_REST_HOURS, 11.5, weight=4)
    assert shown(page.rules_model, MEANING)[0] == "At least 11.5 hours of rest between two shifts (soft, weight 4)"

    assert set_cell(page.rules_model, 1, KIND, RuleKind.MAX_CONSECUTIVE_SHIFTS.value)
    assert set_cell(page.rules_model, 1, SHIFTS, ("D", "N"))
    assert stored(database).rule_sets[0].rules[1] == Rule(RuleKind.MAX_CONSECUTIVE_SHIFTS, 8, ("D", "N"), weight=3)

    for _ in range(5):
        window.undo_action.trigger()
    assert stored(database).rule_sets[0].rules[0] == Rule(RuleKind.MIN_REST_HOURS, 12)


def test_impossible_values_are_refused_in_place(window: MainWindow, database: str) -> None:
    page = rules_page(window)
    assert set_cell(page.rules_model, 0, VALUE, 11.5)  # hours may have decimals
    assert not set_cell(page.rules_model, 1, VALUE, 2.5)
    assert page.messages.text.text() == "The value must be a whole number."
    assert not set_cell(page.rules_model, 0, NEXT, ("D",))
    assert page.messages.text.text() == "Only the rule about shifts on the next day names following shifts."
    page.add_rule(RuleKind.FORBIDDEN_SUCCESSION)
    row = page.rules_model.rowCount() - 1
    assert not set_cell(page.rules_model, row, NEXT, ())
    assert page.messages.text.text() == "Choose the shift types that may not follow."


def test_sets_are_added_copied_renamed_and_deleted(window: MainWindow, database: str) -> None:
    page = rules_page(window)
    page.copy_set()
    sets = stored(database).rule_sets
    assert [s.id for s in sets] == ["standard", "Copy of standard"]
    assert sets[1].rules == sets[0].rules
    assert set_cell(page.sets_model, 1, 0, "夜班组")
    assert stored(database).rule_sets[1].id == "夜班组"
    assert not set_cell(page.sets_model, 1, 0, "standard")
    assert page.messages.text.text() == "The ID “standard” is already used."
    page.delete_set()
    assert [s.id for s in stored(database).rule_sets] == ["standard"]
    window.undo_action.trigger()
    assert stored(database).rule_sets[1] == RuleSet("夜班组", sets[0].rules)


def test_the_default_set_cannot_be_deleted_while_people_follow_it(window: MainWindow, database: str) -> None:
    page = rules_page(window)
    page.delete_set()
    assert "5 people who follow it by default" in page.messages.text.text()
    assert len(stored(database).rule_sets) == 1
