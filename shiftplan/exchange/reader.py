"""A checking reader for JSON values: every problem is recorded with its path, none stops it.

Each ``take_*`` method returns the converted value, or None after recording a problem, so a
whole file is read in one pass and every problem in it is reported at once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from shiftplan.exchange.problems import Problem, duplicate_keys
from shiftplan.i18n import _

T = TypeVar("T")
# [0-9], not \d (which takes full-width and other digits), and fullmatch, not $ (which allows a final newline).
_TIME = re.compile(r"([01][0-9]|2[0-4]):([0-5][0-9])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _finite(value: int | float) -> float | None:
    """The value as a float, or None when it is infinite or too large for one (JSON allows 1e999 and 10**400)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    # --- structure ---

    def take_object(self, value: object, path: str, required: tuple[str, ...],
                    optional: tuple[str, ...]) -> dict[str, object] | None:
        """An object with these keys: unknown keys are errors except ``x-...`` ones."""
        if not isinstance(value, dict):
            self.problem(path, _("must be an object"))
            return None
        for key in duplicate_keys(value):
            self.problem(child(path, key), _("the key appears more than once"))
        for key in value:
            if key not in required and key not in optional and not key.startswith("x-"):
                self.problem(child(path, key), _("unknown key (a typo?); allowed here: {keys}").format(
                    keys=", ".join(required + optional)))
        for key in required:
            if key not in value:
                self.problem(child(path, key), _("is required"))
        return value

    def items(self, obj: dict[str, object], key: str, path: str, *,
              non_empty: bool = False) -> Iterator[tuple[str, object]]:
        """The elements of a list under ``key``, each with its path."""
        if key not in obj:
            return
        value, where = obj[key], child(path, key)
        if not isinstance(value, list):
            self.problem(where, _("must be a list"))
            return
        if non_empty and not value:
            self.problem(where, _("must not be empty"))
        for index, item in enumerate(value):
            yield child(where, index), item

    def field(self, obj: dict[str, object], key: str, path: str, take: Callable[[object, str], T | None],
              default: T) -> T:
        """The value under ``key`` converted by ``take``, or ``default`` when absent or wrong."""
        if key not in obj:
            return default
        result = take(obj[key], child(path, key))
        return default if result is None else result

    # --- scalars ---

    def take_string(self, value: object, path: str) -> str | None:
        if not isinstance(value, str):
            self.problem(path, _("must be text"))
            return None
        return value

    def take_id(self, value: object, path: str) -> str | None:
        if not isinstance(value, str) or not value:
            self.problem(path, _("must be a non-empty id"))
            return None
        return value

    def take_bool(self, value: object, path: str) -> bool | None:
        if not isinstance(value, bool):
            self.problem(path, _("must be true or false"))
            return None
        return value

    def take_number(self, value: object, path: str) -> float | None:
        """A number that is not negative (decimals allowed)."""
        number = None if isinstance(value, bool) or not isinstance(value, int | float) else _finite(value)
        if number is None:
            self.problem(path, _("must be a number"))
            return None
        if number < 0:
            self.problem(path, _("must not be negative"))
            return None
        return number

    def take_count(self, value: object, path: str) -> int | None:
        """A whole number that is not negative; ``2.0`` is accepted as 2."""
        number = self.take_number(value, path)
        if number is None:
            return None
        if not number.is_integer():
            self.problem(path, _("must be a whole number"))
            return None
        return int(number)

    def take_date(self, value: object, path: str) -> dt.date | None:
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(path, _("must be a date written YYYY-MM-DD"))
        return None

    def take_minutes(self, value: object, path: str, *, end: bool) -> int | None:
        """A time ``HH:MM`` as minutes after midnight; ``24:00`` only as an end."""
        match = _TIME.fullmatch(value) if isinstance(value, str) else None
        if match is None or (match.group(1) == "24" and match.group(2) != "00"):
            self.problem(path, _("must be a time written HH:MM"))
            return None
        minutes = int(match.group(1)) * 60 + int(match.group(2))
        if minutes == 24 * 60 and not end:
            self.problem(path, _("24:00 is allowed only as an end time"))
            return None
        return minutes

    def take_choice(self, value: object, path: str, choices: tuple[str, ...]) -> str | None:
        if value not in choices:
            self.problem(path, _("must be one of: {choices}").format(choices=", ".join(choices)))
            return None
        return str(value)

    def take_ids(self, value: object, path: str) -> tuple[str, ...] | None:
        """One id, or a list of ids (at least one)."""
        if isinstance(value, str):
            single = self.take_id(value, path)
            return None if single is None else (single,)
        if not isinstance(value, list) or not value:
            self.problem(path, _("must be an id or a non-empty list of ids"))
            return None
        ids = [self.take_id(v, child(path, i)) for i, v in enumerate(value)]
        return tuple(i for i in ids if i is not None)

    # --- references ---

    def unique(self, ids: list[tuple[str, str | None]]) -> None:
        """Ids of one list must be unique; ``ids`` holds (path, id) pairs."""
        seen: dict[str, str] = {}
        for path, value in ids:
            if value is None:
                continue
            if value in seen:
                self.problem(path, _("the id {id} is already used at {other}").format(id=value, other=seen[value]))
            else:
                seen[value] = path

    def known(self, value: str | None, path: str, defined: set[str], what: str) -> str | None:
        if value is not None and value not in defined:
            self.problem(path, _("{what} {id} is not defined").format(what=what, id=value))
            return None
        return value
