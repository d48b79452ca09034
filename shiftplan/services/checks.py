"""Checks of what the user typed, before anything is stored: each problem says what to do.

Each function returns the problems of one thing as {field: message}; empty means it may be
stored. The storage refuses what would break the database (a repeated ID, a reference to nothing)
on its own; these checks add what makes a scenario sensible, and say so in the user's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shiftplan.domain.model import Absence, Cover, Request, Role, ShiftType, StaffMember, Station
from shiftplan.domain.phones import is_phone
from shiftplan.domain.rules import Rule, RuleKind
from shiftplan.i18n import _

Problems = dict[str, str]


def _id(problems: Problems, code: str, others: Iterable[str]) -> None:
    if not code.strip():
        problems["id"] = _("Enter an ID.")
    elif code != code.strip():
        problems["id"] = _("An ID cannot begin or end with a space.")
    elif code in set(others):
        problems["id"] = _("The ID “{id}” is already used.").format(id=code)


def _name(problems: Problems, name: str, others: Iterable[str], empty: str, taken: str) -> None:
    if not name.strip():
        problems["name"] = empty
    elif name.strip() in {o.strip() for o in others}:
        problems["name"] = taken.format(name=name.strip())


def _phone(problems: Problems, phone: str, before: str | None) -> None:
    """A phone that is not one (domain ``phones``); one stored earlier and left as it was does not block an edit."""
    if phone != before and not is_phone(phone):
        problems["phone"] = _("“{value}” is not a phone number. Enter a mobile (11 digits starting with 13 to 19, "
                              "such as 138 0013 8000) or a landline with its area code (such as 0371-6789 1234), or "
                              "leave it empty.").format(value=phone.strip())


def station(new: Station, others: Sequence[Station], old: Station | None = None) -> Problems:
    """``others``: every station but the one edited; ``old``: the station before the edit."""
    problems: Problems = {}
    _id(problems, new.id, (s.id for s in others))
    _name(problems, new.name, (s.name for s in others), _("Enter the station's name."),
          _("Another station is already called “{name}”."))
    _phone(problems, new.phone, old.phone if old else None)
    return problems


def role(new: Role, others: Sequence[Role]) -> Problems:
    problems: Problems = {}
    _id(problems, new.id, (r.id for r in others))
    _name(problems, new.name, (r.name for r in others), _("Enter the role's name."),
          _("Another role is already called “{name}”."))
    return problems


def shift_type(new: ShiftType, others: Sequence[ShiftType]) -> Problems:
    problems: Problems = {}
    _id(problems, new.id, (s.id for s in others))
    _name(problems, new.name, (s.name for s in others), _("Enter the shift's name."),
          _("Another shift is already called “{name}”."))
    return problems


def person(new: StaffMember, others: Sequence[StaffMember], roles_defined: bool,
           old: StaffMember | None = None) -> Problems:
    """``old``: the person before the edit (None for a new one)."""
    problems: Problems = {}
    _id(problems, new.id, (p.id for p in others))
    if not new.name.strip():
        problems["name"] = _("Enter the person's name.")
    _phone(problems, new.phone, old.phone if old else None)
    if roles_defined and not new.roles:
        problems["roles"] = _("Choose at least one role: the roles say what the person can do on a shift.")
    if new.stations == ():
        problems["stations"] = _("Choose at least one station, or all stations.")
    if new.active_from and new.active_to and new.active_to < new.active_from:
        problems["active_to"] = _("The last day on the roster cannot be before the first.")
    return problems


def rule_set_id(code: str, others: Sequence[str]) -> Problems:
    problems: Problems = {}
    _id(problems, code, others)
    return problems


def rule(new: Rule) -> Problems:
    spec = new.kind.spec
    problems: Problems = {}
    if new.value < 0:
        problems["value"] = _("The value cannot be negative.")
    elif not spec.hours and new.value != int(new.value):
        problems["value"] = _("The value must be a whole number.")
    elif new.kind == RuleKind.MAX_SHIFTS_PER_DAY and new.value < 1:
        problems["value"] = _("At least one shift a day must be allowed.")
    if spec.shift == "required" and not new.shifts:
        problems["shifts"] = _("Choose the shift types this rule is about.")
    if spec.needs_next and not new.next_shifts:
        problems["next_shifts"] = _("Choose the shift types that may not follow.")
    if new.weight is not None and new.weight <= 0:
        problems["weight"] = _("A soft rule needs a weight above zero.")
    return problems


def cover(new: Cover) -> Problems:
    problems: Problems = {}
    if not new.days:
        problems["days"] = _("Choose the days this need applies to.")
    if new.max is not None and new.max < new.min:
        problems["max"] = _("The maximum cannot be below the minimum.")
    if new.target is not None and (new.target < new.min or (new.max is not None and new.target > new.max)):
        problems["target"] = _("The target must lie between the minimum and the maximum.")
    roles_total = sum(new.roles.values())
    if new.max is not None and roles_total > new.max:
        problems["roles"] = _("The role minimums add up to {n}, more than the maximum of {max}.").format(
            n=roles_total, max=new.max)
    if new.max is not None and new.party_min > new.max:
        problems["party_min"] = _("More Party members are required than people are allowed.")
    return problems


def absence(new: Absence, others: Sequence[Absence]) -> Problems:
    """``others``: the person's other leave."""
    problems: Problems = {}
    if new.end < new.start:
        problems["end"] = _("A leave cannot end before it starts.")
    for other in others:
        if other.staff == new.staff and other.start <= new.end and new.start <= other.end:
            problems["start"] = _("This overlaps the leave from {start} to {end}.").format(
                start=other.start.isoformat(), end=other.end.isoformat())
            break
    return problems


def request(new: Request, others: Sequence[Request]) -> Problems:
    problems: Problems = {}
    if new.weight <= 0:
        problems["weight"] = _("The weight must be above zero.")
    if any(o.staff == new.staff and o.date == new.date and o.shift == new.shift for o in others):
        problems["date"] = _("There is already a request for this day and shift.")
    return problems
