"""Rule sets: the working-time rules people follow, made from forms rather than code.

On the left the sets (each person follows one); on the right the rules of the chosen set, each
read back in plain words. A rule is hard (it must hold) or soft (it may be broken at a cost:
its weight for each unit it is broken by).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QSize, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from shiftplan.domain.model import Scenario
from shiftplan.domain.rules import RULE_SPECS, Rule, RuleKind, RuleSet
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import checks
from shiftplan.services.workspace import Changes
from shiftplan.ui.controller import Controller
from shiftplan.ui.delegates import CheckListDelegate, ComboDelegate, NumberDelegate
from shiftplan.ui.models import CENTER, RIGHT, Column, DomainTableModel, EditRefused
from shiftplan.ui.pages.base import Page, button_row, current_id, edit_cell, select_ids
from shiftplan.ui.pages.named_list import unique_name
from shiftplan.ui.settings import WindowState
from shiftplan.ui.widgets import fit_columns, heading_label, quiet_label, sentences, table_view

KIND, VALUE, SHIFTS, NEXT, HARD, WEIGHT, UNIT, MEANING = range(8)

# What a new rule of each kind starts with: what most stations would use.
DEFAULT_VALUES = {
    RuleKind.MAX_SHIFTS_PER_DAY: 1, RuleKind.MIN_REST_HOURS: 11, RuleKind.FORBIDDEN_SUCCESSION: 0,
    RuleKind.MAX_CONSECUTIVE_DAYS: 6, RuleKind.MIN_CONSECUTIVE_DAYS: 2, RuleKind.MIN_CONSECUTIVE_DAYS_OFF: 2,
    RuleKind.MAX_CONSECUTIVE_SHIFTS: 3, RuleKind.MAX_SHIFTS: 20, RuleKind.MIN_SHIFTS: 4, RuleKind.MAX_HOURS: 176,
    RuleKind.MIN_HOURS: 80, RuleKind.MAX_HOURS_PER_WEEK: 48, RuleKind.MIN_DAYS_OFF_PER_WEEK: 1,
    RuleKind.MAX_WEEKENDS: 2,
}


def _ids(value: object) -> tuple[str, ...]:
    """The ids a check list editor hands over (a tuple, or None for none)."""
    return tuple(str(v) for v in value) if isinstance(value, (tuple, list)) else ()


def kind_label(kind: RuleKind) -> str:
    """A rule kind in words, with N for its number: 最多连续工作 N 天."""
    return _(kind.spec.label).format(value="N", shift="X", next="Y").replace("  ", " ")


@dataclass(frozen=True)
class RuleRow:
    """A rule at its place in its set (rules have no ids of their own)."""

    id: str  # the position, as text
    rule: Rule


@dataclass(frozen=True)
class SetRow:
    id: str
    rule_set: RuleSet


class RuleSetsPage(Page):
    title = N_("Rule sets")
    help = N_("Each person follows one rule set (the set “standard” unless the staff table names another). A hard "
              "rule must hold; a soft rule may be broken when nothing else works, at its weight per unit.")
    icon = "rules"
    key = "rule_sets"
    interests = Changes.RULE_SETS | Changes.SHIFT_TYPES | Changes.STAFF

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._shift_names: dict[str, str] = {}
        self._people: Counter[str] = Counter()

        self.sets_model: DomainTableModel[SetRow] = DomainTableModel((
            Column[SetRow](N_("Rule set"), lambda r: r.id, edit=self._rename),
            Column[SetRow](N_("People"), lambda r: str(self._people[r.id]), lambda r: self._people[r.id], RIGHT),
            Column[SetRow](N_("Rules"), lambda r: str(len(r.rule_set.rules)), lambda r: len(r.rule_set.rules), RIGHT),
        ), self)
        self.sets_model.commit = self._commit_set
        self.sets_model.refused.connect(self.refuse)
        self.sets_view: QTableView = table_view(self.sets_model, self, editable=True)
        self.sets_view.setSortingEnabled(False)
        self.sets_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.sets_view.selectionModel().selectionChanged.connect(self._on_sets_view_selection_changed)
        self.add_set_button = QPushButton(_("New set"), self)
        self.add_set_button.clicked.connect(self.add_set)
        self.copy_set_button = QPushButton(_("Copy"), self)
        self.copy_set_button.setToolTip(_("A new set with the same rules, to change a few of them"))
        self.copy_set_button.clicked.connect(self.copy_set)
        self.delete_set_button = QPushButton(_("Delete"), self)
        self.delete_set_button.clicked.connect(self.delete_set)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(button_row(self.add_set_button, self.copy_set_button, self.delete_set_button))
        left_layout.addWidget(self.sets_view)

        self.rules_model: DomainTableModel[RuleRow] = DomainTableModel(self._rule_columns(), self)
        self.rules_model.commit = self._commit_rule
        self.rules_model.refused.connect(self.refuse)
        self.rules_view: QTableView = table_view(self.rules_model, self, editable=True)
        self.rules_view.setSortingEnabled(False)
        self.rules_view.horizontalHeader().moveSection(MEANING, 0)  # what the rule says, first
        self.rules_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.rules_view.selectionModel().selectionChanged.connect(self._on_rules_view_selection_changed)
        kinds = ComboDelegate(lambda: [(kind_label(k), k.value) for k in RuleKind], self.rules_view)
        self.rules_view.setItemDelegateForColumn(KIND, kinds)
        self.rules_view.setItemDelegateForColumn(VALUE, NumberDelegate(self.rules_view, decimals=1, maximum=9999))
        shifts = CheckListDelegate(lambda: [(s.name, s.id) for s in self.workspace.scenario.shift_types],
                                   self.rules_view)
        self.rules_view.setItemDelegateForColumn(SHIFTS, shifts)
        self.rules_view.setItemDelegateForColumn(NEXT, shifts)
        self.rules_view.setItemDelegateForColumn(HARD, ComboDelegate(
            lambda: [(_("Hard"), True), (_("Soft"), False)], self.rules_view))
        self.rules_view.setItemDelegateForColumn(WEIGHT, NumberDelegate(self.rules_view, decimals=1, minimum=0.1,
                                                                        maximum=100000))

        self.add_rule_button = QPushButton(_("Add rule"), self)
        menu = QMenu(self.add_rule_button)
        for kind in RuleKind:
            action = QAction(kind_label(kind), menu)
            action.setData(kind.value)
            action.triggered.connect(lambda _checked=False, k=kind: self.add_rule(k))
            menu.addAction(action)
        self.add_rule_button.setMenu(menu)
        self.delete_rule_button = QPushButton(_("Delete rule"), self)
        self.delete_rule_button.clicked.connect(self.delete_rule)
        self.up_button = QPushButton(_("Move up"), self)
        self.up_button.clicked.connect(lambda: self._move_rule(-1))
        self.down_button = QPushButton(_("Move down"), self)
        self.down_button.clicked.connect(lambda: self._move_rule(1))
        self.rules_heading = heading_label("", self, 1.1)
        self.rules_note = quiet_label("", self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.rules_heading)
        right_layout.addLayout(button_row(self.add_rule_button, self.delete_rule_button, self.up_button,
                                          self.down_button))
        right_layout.addWidget(self.rules_view, 1)
        right_layout.addWidget(self.rules_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 980])
        self.body.addWidget(self.splitter, 1)
        self._fitted = False
        self._update_buttons()

    def _rule_columns(self) -> tuple[Column[RuleRow], ...]:
        return (
            Column[RuleRow](N_("Rule"), lambda r: kind_label(r.rule.kind), edit=self._set_kind,
                            value=lambda r: r.rule.kind.value),
            Column[RuleRow](N_("Value"), self._value_text, lambda r: r.rule.value, RIGHT, edit=self._set_value,
                            value=lambda r: r.rule.value),
            Column[RuleRow](N_("Shift types"), self._shifts_text, edit=self._set_shifts, value=lambda r: r.rule.shifts,
                            header_tip=N_("The shifts the rule counts (X in the rule)")),
            Column[RuleRow](N_("Not followed by"), self._next_text, edit=self._set_next,
                            value=lambda r: r.rule.next_shifts, header_tip=N_("Y in the rule")),
            Column[RuleRow](N_("Hard or soft"), lambda r: _("Hard") if r.rule.hard else _("Soft"),
                            alignment=CENTER, edit=self._set_hard, value=lambda r: r.rule.hard),
            Column[RuleRow](N_("Weight"), lambda r: "" if r.rule.weight is None else f"{r.rule.weight:g}",
                            lambda r: r.rule.weight or 0, RIGHT, edit=self._set_weight,
                            value=lambda r: r.rule.weight,
                            header_tip=N_("The cost of breaking a soft rule once (per unit)")),
            Column[RuleRow](N_("Counted per"), lambda r: _(r.rule.kind.spec.unit) if not r.rule.hard else "",
                            header_tip=N_("What one unit of breaking the rule is")),
            Column[RuleRow](N_("Meaning"), lambda r: r.rule.describe(self._shift_names)),
        )

    # --- text of the rule columns -----------------------------------------------------------

    def _value_text(self, row: RuleRow) -> str:
        return f"{row.rule.value:g}" if row.rule.kind.spec.needs_value else "—"

    def _names(self, ids: tuple[str, ...]) -> str:
        return _(", ").join(self._shift_names.get(s, s) for s in ids)

    def _shifts_text(self, row: RuleRow) -> str:
        spec = row.rule.kind.spec
        if spec.shift == "none":
            return "—"
        if not row.rule.shifts:
            return _("all shifts") if spec.shift == "optional" else _("(choose)")
        return self._names(row.rule.shifts)

    def _next_text(self, row: RuleRow) -> str:
        if not row.rule.kind.spec.needs_next:
            return "—"
        return self._names(row.rule.next_shifts) or _("(choose)")

    # --- turning typed values into rules ----------------------------------------------------

    @staticmethod
    def _set_kind(row: RuleRow, value: object) -> RuleRow:
        kind = RuleKind(str(value))
        if kind == row.rule.kind:
            return row
        spec = kind.spec
        rule = dataclasses.replace(
            row.rule, kind=kind, value=row.rule.value if spec.needs_value and row.rule.kind.spec.needs_value
            else DEFAULT_VALUES[kind], shifts=row.rule.shifts if spec.shift != "none" else (),
            next_shifts=row.rule.next_shifts if spec.needs_next else ())
        return dataclasses.replace(row, rule=rule)

    @staticmethod
    def _set_value(row: RuleRow, value: object) -> RuleRow:
        if not row.rule.kind.spec.needs_value:
            raise EditRefused(_("This rule has no number."))
        return dataclasses.replace(row, rule=dataclasses.replace(row.rule, value=float(str(value))))

    @staticmethod
    def _set_shifts(row: RuleRow, value: object) -> RuleRow:
        if row.rule.kind.spec.shift == "none":
            raise EditRefused(_("This rule is about every shift; it names none."))
        return dataclasses.replace(row, rule=dataclasses.replace(row.rule, shifts=_ids(value)))

    @staticmethod
    def _set_next(row: RuleRow, value: object) -> RuleRow:
        if not row.rule.kind.spec.needs_next:
            raise EditRefused(_("Only the rule about shifts on the next day names following shifts."))
        return dataclasses.replace(row, rule=dataclasses.replace(row.rule, next_shifts=_ids(value)))

    @staticmethod
    def _set_hard(row: RuleRow, value: object) -> RuleRow:
        weight = None if value else (row.rule.weight or 1.0)
        return dataclasses.replace(row, rule=dataclasses.replace(row.rule, weight=weight))

    @staticmethod
    def _set_weight(row: RuleRow, value: object) -> RuleRow:
        if value is None:
            raise EditRefused(_("Enter a weight; to make the rule hard, choose “Hard”."))
        return dataclasses.replace(row, rule=dataclasses.replace(row.rule, weight=float(str(value))))

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        scenario = self.workspace.scenario
        self._shift_names = {s.id: s.name for s in scenario.shift_types}
        default = [p for p in scenario.staff if p.rule_set is None]
        self._people = Counter(p.rule_set for p in scenario.staff if p.rule_set is not None)
        if any(r.id == "standard" for r in scenario.rule_sets):
            self._people["standard"] += len(default)
        chosen = current_id(self.sets_view)
        self.sets_model.set_rows(SetRow(r.id, r) for r in scenario.rule_sets)
        if chosen is None or chosen not in {r.id for r in scenario.rule_sets}:
            chosen = scenario.rule_sets[0].id if scenario.rule_sets else None
        if chosen is not None and current_id(self.sets_view) != chosen:
            select_ids(self.sets_view, [chosen])
        self._show_rules(scenario)
        if not self._fitted and self.rules_model.rowCount():
            fit_columns(self.sets_view, minimum=48)
            fit_columns(self.rules_view)
            header = self.rules_view.horizontalHeader()
            header.resizeSection(MEANING, max(header.sectionSize(MEANING), 300))
            self._fitted = True

    def current_set(self) -> RuleSet | None:
        chosen = current_id(self.sets_view)
        return next((r for r in self.workspace.scenario.rule_sets if r.id == chosen), None)

    def _show_rules(self, scenario: Scenario | None = None) -> None:
        rule_set = self.current_set()
        rules = rule_set.rules if rule_set else ()
        self.rules_model.set_rows(RuleRow(str(i), r) for i, r in enumerate(rules))
        if rule_set is None:
            self.rules_heading.setText(_("No rule set yet: add one on the left."))
        else:
            self.rules_heading.setText(_("Rules of “{set}”").format(set=rule_set.id))
        people = self._people[rule_set.id] if rule_set else 0
        self.rules_note.setText(sentences(
            ngettext("{n} person follows these rules.", "{n} people follow these rules.", people).format(n=people),
            _("Two shifts of one person that overlap in time are never allowed, whatever the rules say.")))
        self._update_buttons()

    @Slot(QItemSelection, QItemSelection)
    def _on_sets_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_rules()
        self.actions_changed.emit()

    @Slot(QItemSelection, QItemSelection)
    def _on_rules_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        self.actions_changed.emit()

    def _rule_index(self) -> int | None:
        rows = self.rules_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has_set = self.current_set() is not None
        index = self._rule_index()
        self.copy_set_button.setEnabled(has_set)
        self.delete_set_button.setEnabled(has_set)
        self.add_rule_button.setEnabled(has_set)
        self.delete_rule_button.setEnabled(index is not None)
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < self.rules_model.rowCount() - 1)

    # --- editing sets -----------------------------------------------------------------------

    def _rename(self, row: SetRow, value: object) -> SetRow:
        name = str(value or "").strip()
        if not name:
            raise EditRefused(_("Enter a name for the rule set."))
        return SetRow(name, dataclasses.replace(row.rule_set, id=name))

    def _commit_set(self, old: SetRow, new: SetRow) -> bool:
        others = [r.id for r in self.workspace.scenario.rule_sets if r.id != old.id]
        if not self.refuse_problems(checks.rule_set_id(new.id, others)):
            return False
        text = _("Rename rule set “{old}” to “{new}”").format(old=old.id, new=new.id)
        if self.apply(self.workspace.update_rule_set(old.rule_set, new.rule_set, text)):
            select_ids(self.sets_view, [new.id])
            return True
        return False

    def _new_set(self, rules: tuple[Rule, ...], base: str) -> None:
        taken = [r.id for r in self.workspace.scenario.rule_sets]
        rule_set = RuleSet(unique_name(base, taken), rules)
        current = self.current_set()
        index = taken.index(current.id) + 1 if current else None
        if self.apply(self.workspace.add_rule_set(rule_set, index)):
            select_ids(self.sets_view, [rule_set.id])
            edit_cell(self.sets_view, rule_set.id, 0)

    def add_set(self) -> None:
        self._new_set((), _("New rule set"))

    def copy_set(self) -> None:
        current = self.current_set()
        if current is not None:
            self._new_set(current.rules, _("Copy of {set}").format(set=current.id))

    def delete_set(self) -> None:
        current = self.current_set()
        if current is not None:
            self.apply(self.workspace.delete_rule_set(current))

    # --- editing rules ----------------------------------------------------------------------

    def _replace_rules(self, rules: list[Rule], text: str, select: int | None = None) -> bool:
        current = self.current_set()
        if current is None:
            return False
        done = self.apply(self.workspace.update_rule_set(current, dataclasses.replace(current, rules=tuple(rules)),
                                                         text))
        if done and select is not None:
            select_ids(self.rules_view, [str(select)])
        return done

    def _commit_rule(self, old: RuleRow, new: RuleRow) -> bool:
        if not self.refuse_problems(checks.rule(new.rule)):
            return False
        current = self.current_set()
        if current is None:
            return False
        rules = list(current.rules)
        rules[int(old.id)] = new.rule
        return self._replace_rules(rules, _("Change rule “{rule}”").format(rule=new.rule.describe(self._shift_names)))

    def add_rule(self, kind: RuleKind) -> None:
        current = self.current_set()
        if current is None:
            return
        shifts = self.workspace.scenario.shift_types
        nights = tuple(s.id for s in shifts if s.is_night)[:1] or tuple(s.id for s in shifts[:1])
        days = tuple(s.id for s in shifts if not s.is_night)[:1]
        spec = RULE_SPECS[kind]
        rule = Rule(kind, DEFAULT_VALUES[kind], shifts=nights if spec.shift == "required" else (),
                    next_shifts=days if spec.needs_next else ())
        index = len(current.rules)
        if self._replace_rules([*current.rules, rule], _("Add rule “{rule}”").format(
                rule=rule.describe(self._shift_names)), index):
            column = VALUE if spec.needs_value else SHIFTS
            self.rules_view.setCurrentIndex(self.rules_model.index(index, column))

    def delete_rule(self) -> None:
        current, index = self.current_set(), self._rule_index()
        if current is None or index is None:
            return
        rule = current.rules[index]
        rules = [r for i, r in enumerate(current.rules) if i != index]
        self._replace_rules(rules, _("Delete rule “{rule}”").format(rule=rule.describe(self._shift_names)),
                            min(index, len(rules) - 1) if rules else None)

    def _move_rule(self, step: int) -> None:
        current, index = self.current_set(), self._rule_index()
        if current is None or index is None or not 0 <= index + step < len(current.rules):
            return
        rules = list(current.rules)
        rules[index], rules[index + step] = rules[index + step], rules[index]
        self._replace_rules(rules, _("Move rule “{rule}”").format(rule=rules[index + step].describe(
            self._shift_names)), index + step)

    def can_add(self) -> bool:
        return True

    def add_text(self) -> str:
        return _("&New rule set")

    def add(self) -> None:
        self.add_set()

    def can_delete(self) -> bool:
        return self._rule_index() is not None or self.current_set() is not None

    def delete(self) -> None:
        if self.rules_view.hasFocus() and self._rule_index() is not None:
            self.delete_rule()
        elif self.sets_view.hasFocus():
            self.delete_set()
        elif self._rule_index() is not None:
            self.delete_rule()

    # --- layout -----------------------------------------------------------------------------

    def save_layout(self, state: WindowState) -> None:
        state.set_layout("rule_sets.splitter", self.splitter.saveState())
        state.set_layout("rule_sets.rules", self.rules_view.horizontalHeader().saveState())

    def restore_layout(self, state: WindowState) -> None:
        splitter = state.layout("rule_sets.splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        rules = state.layout("rule_sets.rules")
        if not rules.isEmpty() and self.rules_view.horizontalHeader().restoreState(rules):
            self._fitted = True

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint."""
        return QSize(1000, 600)
