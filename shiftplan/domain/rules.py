"""The personal rules a rule set can hold: what each one means and what it needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from shiftplan.i18n import N_, _


class RuleKind(StrEnum):
    MAX_SHIFTS_PER_DAY = "max_shifts_per_day"
    MIN_REST_HOURS = "min_rest_hours"
    FORBIDDEN_SUCCESSION = "forbidden_succession"
    MAX_CONSECUTIVE_DAYS = "max_consecutive_days"
    MIN_CONSECUTIVE_DAYS = "min_consecutive_days"
    MIN_CONSECUTIVE_DAYS_OFF = "min_consecutive_days_off"
    MAX_CONSECUTIVE_SHIFTS = "max_consecutive_shifts"
    MAX_SHIFTS = "max_shifts"
    MIN_SHIFTS = "min_shifts"
    MAX_HOURS = "max_hours"
    MIN_HOURS = "min_hours"
    MAX_HOURS_PER_WEEK = "max_hours_per_week"
    MIN_DAYS_OFF_PER_WEEK = "min_days_off_per_week"
    MAX_WEEKENDS = "max_weekends"

    @property
    def spec(self) -> RuleSpec:
        return RULE_SPECS[self]


@dataclass(frozen=True)
class RuleSpec:
    """What the format asks of a rule kind, and how it reads to a planner."""

    needs_value: bool
    shift: str  # "none", "optional" or "required": whether the rule names shift types
    needs_next: bool
    hours: bool  # the value is in hours (decimals allowed) rather than a whole count
    label: str  # N_-marked; translate with _() when shown
    unit: str  # N_-marked unit of violation


RULE_SPECS: dict[RuleKind, RuleSpec] = {
    RuleKind.MAX_SHIFTS_PER_DAY: RuleSpec(True, "none", False, False,
                                          N_("At most {value} shifts on one date"), N_("shift over")),
    RuleKind.MIN_REST_HOURS: RuleSpec(True, "none", False, True,
                                      N_("At least {value} hours of rest between two shifts"), N_("hour short")),
    RuleKind.FORBIDDEN_SUCCESSION: RuleSpec(False, "required", True, False,
                                            N_("No {next} on the day after {shift}"), N_("occurrence")),
    RuleKind.MAX_CONSECUTIVE_DAYS: RuleSpec(True, "none", False, False,
                                            N_("At most {value} working days in a row"), N_("day over")),
    RuleKind.MIN_CONSECUTIVE_DAYS: RuleSpec(True, "none", False, False,
                                            N_("At least {value} working days in a row"), N_("day short")),
    RuleKind.MIN_CONSECUTIVE_DAYS_OFF: RuleSpec(True, "none", False, False,
                                                N_("At least {value} days off in a row"), N_("day short")),
    RuleKind.MAX_CONSECUTIVE_SHIFTS: RuleSpec(True, "required", False, False,
                                              N_("At most {value} {shift} shifts in a row"), N_("day over")),
    RuleKind.MAX_SHIFTS: RuleSpec(True, "optional", False, False,
                                  N_("At most {value} {shift} shifts in the period"), N_("shift over")),
    RuleKind.MIN_SHIFTS: RuleSpec(True, "optional", False, False,
                                  N_("At least {value} {shift} shifts in the period"), N_("shift short")),
    RuleKind.MAX_HOURS: RuleSpec(True, "none", False, True,
                                 N_("At most {value} hours in the period"), N_("hour over")),
    RuleKind.MIN_HOURS: RuleSpec(True, "none", False, True,
                                 N_("At least {value} hours in the period"), N_("hour short")),
    RuleKind.MAX_HOURS_PER_WEEK: RuleSpec(True, "none", False, True,
                                          N_("At most {value} hours in each week"), N_("hour over")),
    RuleKind.MIN_DAYS_OFF_PER_WEEK: RuleSpec(True, "none", False, False,
                                             N_("At least {value} days off in each week"), N_("day short")),
    RuleKind.MAX_WEEKENDS: RuleSpec(True, "none", False, False,
                                    N_("At most {value} weekends with work"), N_("weekend over")),
}


@dataclass(frozen=True)
class Rule:
    """One rule of a rule set: hard when ``weight`` is None, else soft at ``weight`` per unit."""

    kind: RuleKind
    value: float = 0
    shifts: tuple[str, ...] = ()  # empty: the rule is about every shift type
    next_shifts: tuple[str, ...] = ()  # forbidden_succession only
    weight: float | None = None

    @property
    def hard(self) -> bool:
        return self.weight is None

    def applies_to(self, shift_id: str) -> bool:
        return not self.shifts or shift_id in self.shifts

    def describe(self, shift_names: Mapping[str, str] | None = None) -> str:
        """The rule in the planner's words, in the current language; shifts by name when names are given."""
        names = shift_names or {}
        value = f"{self.value:g}"
        text = _(self.kind.spec.label).format(
            value=value, shift="/".join(names.get(s, s) for s in self.shifts),
            next="/".join(names.get(s, s) for s in self.next_shifts)
        )
        if self.weight is not None:
            text += _(" (soft, weight {weight:g})").format(weight=self.weight)
        return text.replace("  ", " ")


# One shift a day, hard, unless a rule set says otherwise (the spec's default).
DEFAULT_MAX_SHIFTS_PER_DAY = Rule(RuleKind.MAX_SHIFTS_PER_DAY, 1)


@dataclass(frozen=True)
class RuleSet:
    id: str
    rules: tuple[Rule, ...] = ()

    def of_kind(self, kind: RuleKind) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]
