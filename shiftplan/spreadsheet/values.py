"""Turning one cell's value into one field of a person, or into a problem saying what is wrong with it.

A cell holds whatever the other program stored: text, an int or a float (Excel has only floats;
13800000000 may come back as 13800000000.0), a datetime for a date-formatted cell, a bool, or None.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from openpyxl.utils.datetime import from_excel

from shiftplan.domain.model import Party, Role, Station
from shiftplan.domain.phones import normalize_phone, phone_problem
from shiftplan.i18n import N_, _
from shiftplan.spreadsheet.columns import squeeze

# Several names in one cell: 带班、消杀 / 带班,消杀 / 带班；消杀 / 带班 消杀, in full or half width.
SEPARATORS = re.compile(r"([、,，;；/／|｜\s]+)")
# What Excel shows for a long number in a General cell; as text, the digits beyond the sixth are gone.
SCIENTIFIC = re.compile(r"\d(?:\.\d+)?e[+-]?\d+", re.IGNORECASE)
TEXT_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# Excel day numbers of 2000-01-01 and 2099-12-31: a plain number in a date column is read as a day
# number only in that range, anything else is more likely a mistake than a date.
EXCEL_DAYS = range(36526, 73051)
EVERY_STATION = frozenset({"全部", "所有", "全部站点", "所有站点", "all"})

PARTY_VALUES = {
    **dict.fromkeys(("党员", "中共党员", "中国共产党党员", "正式党员", "是", "√", "✓", "✔", "y", "yes", "member",
                     "partymember", "cpcmember"), Party.MEMBER),
    **dict.fromkeys(("预备党员", "中共预备党员", "probationary", "probationarymember"), Party.PROBATIONARY),
    **dict.fromkeys(("入党积极分子", "积极分子", "发展对象", "applicant"), Party.APPLICANT),
    **dict.fromkeys(("群众", "共青团员", "团员", "无党派人士", "无", "否", "n", "no", "none"), Party.NONE),
}


class CellProblem(Exception):
    """What is wrong with a cell's value (translated; the caller adds which cell)."""


def shown(value: object) -> str:
    """A value as the user would recognise it in a message."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def text(value: object, *, numbers: bool = True) -> str:
    """Text of a cell; a number is taken as its digits when ``numbers`` (a team called 1, an id 1001)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if numbers:
            return shown(value)
        raise CellProblem(_("expected text, found the number {value}").format(value=shown(value)))
    if isinstance(value, dt.date):
        raise CellProblem(_("expected text, found the date {value}").format(value=shown(value)))
    raise CellProblem(_("expected text, found {value}").format(value=shown(value)))


def name(value: object) -> str:
    # Two-character names are often padded to line up with three-character ones: 王  芳.
    result = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text(value, numbers=False))
    if not result:
        raise CellProblem(_("the name is missing"))
    return result


def phone(value: object) -> str:
    """The phone in its one written form (``shiftplan.domain.phones``: a mobile as its 11 digits, a
    landline as 0371-12345678); "" for none."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number cell: Excel keeps 15 digits, so an 11-digit mobile survives even as a float.
        written = shown(value)
    elif isinstance(value, str):
        written = unicodedata.normalize("NFKC", value).strip()
        if SCIENTIFIC.fullmatch(written):
            raise CellProblem(_("{value} is in scientific notation, so the last digits of the number are lost; "
                                "format the column as text and type the number again").format(value=written))
        written = re.sub(r"^(\d+)\.0+$", r"\1", written)  # a float turned into text by another program
    else:
        written = shown(value)
    stored = normalize_phone(written)
    if stored is None:
        raise CellProblem(phone_problem(written) or written)
    return stored


def party(value: object) -> Party:
    if value is None:
        return Party.NONE
    if isinstance(value, bool):  # a TRUE/FALSE column headed 党员
        return Party.MEMBER if value else Party.NONE
    key = squeeze(value) if isinstance(value, str) else None
    if key == "":
        return Party.NONE
    if key not in PARTY_VALUES:
        raise CellProblem(_("unknown Party status “{value}” (write 党员, 预备党员, 入党积极分子 or 群众)").format(
            value=shown(value)))
    return PARTY_VALUES[key]


def date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        number = int(value)
        if number in EXCEL_DAYS:  # a date cell that lost its date format
            return from_excel(number).date()
        value = str(number)  # 20200120
    if isinstance(value, str):
        written = unicodedata.normalize("NFKC", value).strip()
        if not written:
            return None
        found = TEXT_DATE.fullmatch(written) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", written)
        if found:
            try:
                return dt.date(*map(int, found.groups()))
            except ValueError:
                pass
    raise CellProblem(_("“{value}” is not a date (write it like 2020-01-20)").format(value=shown(value)))


class Picked(NamedTuple):
    ids: tuple[str, ...]
    guesses: tuple[str, ...]  # translated, for the user to check: "“巩义” taken as “310国道巩义方向防疫服务站”"


NOTHING = Picked((), ())


@dataclass(frozen=True)
class Choices:
    """The roles or the stations a cell may name, each by its id or its name."""

    unknown_message: str  # N_() message for a name that is not known, with {value} and {known}
    ids: dict[str, list[str]]  # squeezed id or name -> the ids it may mean
    names: dict[str, str]  # id -> name, in the scenario's order
    guess: bool  # accept a part of a name that fits only one (station names are long)

    @classmethod
    def of(cls, items: Sequence[Role | Station], unknown_message: str, guess: bool = False) -> Choices:
        ids: defaultdict[str, list[str]] = defaultdict(list)
        for item in items:
            for key in dict.fromkeys((squeeze(item.id), squeeze(item.name))):
                ids[key].append(item.id)
        return cls(unknown_message, dict(ids), {item.id: item.name for item in items}, guess)

    def pick(self, written: str) -> Picked:
        """The ids the text names, in its order, and the guesses made (as warnings for the user to check).

        Separators split names, unless a name itself contains one ("消杀/登记"): the longest run of
        pieces that is a known name wins.
        """
        parts = SEPARATORS.split(written.strip())
        pieces = parts[0::2]
        found: list[str] = []
        guesses: list[str] = []
        unknown: list[str] = []
        start = 0
        while start < len(pieces):
            if not pieces[start]:
                start += 1
                continue
            for end in range(len(pieces), start, -1):
                candidate = "".join(parts[2 * start:2 * end - 1])  # the pieces with their separators
                if squeeze(candidate) in self.ids:
                    found.extend(self._one(candidate, self.ids[squeeze(candidate)]))
                    start = end
                    break
            else:
                piece = pieces[start]
                matches = self._partial(piece)
                if len(matches) == 1:
                    guesses.append(_("“{value}” taken as “{name}”").format(value=piece, name=self.names[matches[0]]))
                    found.append(matches[0])
                elif matches:
                    found.extend(self._one(piece, matches))
                else:
                    unknown.append(piece)
                start += 1
        if unknown:
            known = "、".join(self.names.values()) or "—"
            raise CellProblem(_(self.unknown_message).format(value="、".join(unknown), known=known))
        return Picked(tuple(dict.fromkeys(found)), tuple(guesses))

    def _one(self, written: str, ids: list[str]) -> list[str]:
        if len(ids) > 1:
            raise CellProblem(_("“{value}” could mean {names}; write the full name or the id").format(
                value=written, names="、".join(f"{self.names[i]} ({i})" for i in ids)))
        return ids

    def _partial(self, piece: str) -> list[str]:
        key = squeeze(piece)
        if not self.guess or len(key) < 2:
            return []
        return [i for i, n in self.names.items() if key in squeeze(n)]


UNKNOWN_ROLE = N_("unknown role “{value}” (known roles: {known})")
UNKNOWN_STATION = N_("unknown station “{value}” (known stations: {known})")
