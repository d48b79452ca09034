"""Reading a staff list that someone made in Excel or WPS: every row becomes a person or a list of problems.

Nothing is written anywhere: the app shows the result as a preview, then stores ``valid`` in one go.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from openpyxl.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.domain.model import Party, Role, StaffMember, Station
from shiftplan.i18n import _, ngettext
from shiftplan.spreadsheet import values
from shiftplan.spreadsheet.columns import COLUMNS, HEADER_SEARCH_ROWS, Header, find_header, squeeze
from shiftplan.spreadsheet.values import NOTHING, UNKNOWN_ROLE, UNKNOWN_STATION, CellProblem, Choices, Picked
from shiftplan.spreadsheet.workbook import SpreadsheetError, open_workbook

T = TypeVar("T")
STAFF_SHEET_NAMES = ("人员", "名单", "花名册", "staff", "people", "personnel")
# Columns whose absence deserves a note (without 政治面貌 everyone is 群众, which matters for cover).
NOTED_COLUMNS = ("unit", "phone", "roles", "party", "stations", "team")
NEW_ID = "P{:04d}"


@dataclass(frozen=True)
class ImportRow:
    line: int  # the Excel row number
    person: StaffMember | None  # None exactly when there are problems
    problems: list[str] = field(default_factory=list)  # translated, each naming the cell and its value
    warnings: list[str] = field(default_factory=list)  # worth a look, but the person is imported


@dataclass(frozen=True)
class StaffImport:
    rows: list[ImportRow]
    notes: list[str] = field(default_factory=list)  # about the whole sheet: which one, ignored columns …

    @property
    def valid(self) -> list[StaffMember]:
        return [row.person for row in self.rows if row.person is not None]


def read_staff_workbook(path: str | os.PathLike[str], roles: Sequence[Role], stations: Sequence[Station],
                        existing_staff: Iterable[StaffMember] = ()) -> StaffImport:
    """The people of the staff sheet at ``path``: the first visible sheet with a header row, one named
    like 人员 or 名单 first. Raises SpreadsheetError for a file that is not a readable .xlsx."""
    sheet, header = _staff_sheet(open_workbook(path), path)
    notes = [_("Sheet “{sheet}”, header row {line}").format(sheet=sheet.title, line=header.line)]
    if header.unknown:
        notes.append(_("Ignored columns: {columns}").format(columns="、".join(map(header.label, header.unknown))))
    for number, key in header.repeated.items():
        notes.append(_("Column {column} is ignored: {field} is already read from column {first}").format(
            column=header.label(number), field=COLUMNS[key].header, first=header.label(header.columns[key])))
    missing = [COLUMNS[key].header for key in NOTED_COLUMNS if key not in header.columns]
    if missing:
        notes.append(_("The sheet has no column for {columns}; they are left empty").format(
            columns="、".join(missing)))

    reader = _RowReader(header, Choices.of(roles, UNKNOWN_ROLE), Choices.of(stations, UNKNOWN_STATION, guess=True))
    drafts = [reader.read(line, cells) for line, cells in _data_rows(sheet, header)]
    existing = list(existing_staff)
    new_ids = _give_ids(drafts, {p.id for p in existing})
    _check_duplicates(drafts, existing)
    if new_ids:
        notes.append(ngettext("{count} person without an id gets a new one",
                              "{count} people without an id get new ones", new_ids).format(count=new_ids))
    rows = [ImportRow(d.line, None if d.problems or d.person is None else dataclasses.replace(d.person, id=d.id),
                      d.problems, d.warnings) for d in drafts]
    return StaffImport(rows, notes)


def _staff_sheet(book: Workbook, path: str | os.PathLike[str]) -> tuple[Worksheet, Header]:
    # Hidden sheets are lists for drop-downs and the like, not what the user means.
    visible = [s for s in book.worksheets if s.sheet_state == "visible"]
    named = [s for s in visible if any(word in s.title.casefold() for word in STAFF_SHEET_NAMES)]
    for sheet in named + [s for s in visible if s not in named]:
        header = find_header(sheet)
        if header is not None:
            return sheet, header
    raise SpreadsheetError(path, _("{file}: no sheet has a header row with a name column (姓名) in its first {rows} "
                                   "rows").format(file=Path(path).name, rows=HEADER_SEARCH_ROWS))


def _data_rows(sheet: Worksheet, header: Header) -> Iterator[tuple[int, dict[str, Cell]]]:
    """Each row below the header with a value in a column we read, as field key -> cell.

    A cell covered by a merged range reads as the range's top-left cell: a unit or team is often
    merged down over the block of people it applies to. Rows with values only in ignored columns
    (a pre-numbered 序号 column, remarks) are skipped like blank rows.
    """
    merged = {(row, column): sheet.cell(r.min_row, r.min_col)
              for r in sheet.merged_cells.ranges if r.min_row > header.line
              for row in range(r.min_row, r.max_row + 1) for column in range(r.min_col, r.max_col + 1)}
    for line, row in enumerate(sheet.iter_rows(min_row=header.line + 1), start=header.line + 1):
        cells = {key: merged.get((line, number), row[number - 1]) for key, number in header.columns.items()
                 if number <= len(row)}
        if any(not _blank(cell.value) for cell in cells.values()):
            yield line, cells


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class _Draft:
    """One row as read, before it is compared with the other rows and the staff list."""

    line: int
    labels: dict[str, str]  # field key -> the cell as the user finds it, for messages
    id: str  # "" when the row gives none
    person: StaffMember | None  # without its id yet; None when the name is unreadable
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def about(self, key: str, message: str) -> str:
        return _("{column}: {problem}").format(column=self.labels[key], problem=message)


class _RowReader:
    def __init__(self, header: Header, roles: Choices, stations: Choices) -> None:
        self.header = header
        self.roles = roles
        self.stations = stations

    def read(self, line: int, cells: dict[str, Cell]) -> _Draft:
        draft = _Draft(line, {key: self.label(key, line) for key in COLUMNS}, "", None)

        def get(key: str, parse: Callable[[object], T], default: T) -> T:
            cell = cells.get(key)
            try:
                if cell is not None and cell.data_type == "e":  # #N/A, #REF! … from a formula
                    raise CellProblem(_("the cell holds the error {value}; fix the formula or type the value").format(
                        value=cell.value))
                return parse(None if cell is None else cell.value)
            except CellProblem as problem:
                draft.problems.append(draft.about(key, str(problem)))
                return default

        name = get("name", values.name, None)
        draft.id = get("id", values.text, "")
        phone = get("phone", values.phone, "")
        roles = get("roles", self._roles, NOTHING)
        stations = get("stations", self._stations, NOTHING)
        draft.warnings += [draft.about("roles", guess) for guess in roles.guesses]
        draft.warnings += [draft.about("stations", guess) for guess in stations.guesses]
        active_from = get("from", values.date, None)
        active_to = get("to", values.date, None)
        if active_from and active_to and active_to < active_from:
            draft.problems.append(draft.about("to", _("the end date {end} is before the start date {start}").format(
                end=active_to, start=active_from)))
        unit = get("unit", values.text, "")
        party = get("party", values.party, Party.NONE)
        team = get("team", values.text, "")
        if name is not None:
            draft.person = StaffMember(id="", name=name, unit=unit, phone=phone, roles=roles.ids, party=party,
                                       stations=stations.ids or None, team=team, active_from=active_from,
                                       active_to=active_to)
        return draft

    def _roles(self, value: object) -> Picked:
        roles = self.roles.pick(values.text(value))
        if not roles.ids and self.roles.names:  # the exchange format's rule: with roles defined, everyone has one
            raise CellProblem(_("the role is missing; every person needs at least one (known roles: {known})").format(
                known="、".join(self.roles.names.values())))
        return roles

    def _stations(self, value: object) -> Picked:
        """The stations named; none (every station) for an empty cell or 全部."""
        written = values.text(value)
        return NOTHING if squeeze(written) in values.EVERY_STATION else self.stations.pick(written)

    def label(self, key: str, line: int) -> str:
        """A cell as the user finds it: its header as written and its reference, "手机号 (C7)"."""
        number = self.header.columns.get(key)
        if number is None:  # the sheet has no such column
            return COLUMNS[key].header
        return f"{self.header.labels[number]} ({get_column_letter(number)}{line})"


def _give_ids(drafts: list[_Draft], existing: set[str]) -> int:
    """Give P0001, P0002 … to rows without an id, skipping ids in use; returns how many were given.

    Rows with problems get one too, so that fixing a row does not renumber the rows after it.
    """
    taken = existing | {d.id for d in drafts}
    number = given = 0
    for draft in drafts:
        if not draft.id:
            number += 1
            while NEW_ID.format(number) in taken:
                number += 1
            draft.id = NEW_ID.format(number)
            given += 1
    return given


def _check_duplicates(drafts: list[_Draft], existing: list[StaffMember]) -> None:
    """The same person twice (same id, or same name and phone) is a problem; the same name with another
    phone may be two people and is a warning."""
    owners = {p.id: p for p in existing}
    known_names: dict[str, list[StaffMember]] = {}
    for person in existing:
        known_names.setdefault(squeeze(person.name), []).append(person)
    first_line: dict[str, int] = {}
    earlier_names: dict[str, list[_Draft]] = {}
    for draft in drafts:
        if draft.id in owners:
            draft.problems.append(draft.about("id", _("the id {id} already belongs to {name} in the staff list").format(
                id=draft.id, name=owners[draft.id].name)))
        elif draft.id in first_line:
            draft.problems.append(draft.about("id", _("the id {id} is already used in row {line}").format(
                id=draft.id, line=first_line[draft.id])))
        first_line.setdefault(draft.id, draft.line)
        if draft.person is None:
            continue
        key, phone = squeeze(draft.person.name), _digits(draft.person.phone)
        known = known_names.get(key, [])
        earlier = earlier_names.setdefault(key, [])
        twin = next((p for p in known if _digits(p.phone) == phone), None)
        copy = next((d for d in earlier if d.person and _digits(d.person.phone) == phone), None)
        if twin is not None:
            draft.problems.append(draft.about("name", _("same name and phone as {name} ({id}), already in the staff "
                                                        "list").format(name=twin.name, id=twin.id)))
        elif copy is not None:
            draft.problems.append(draft.about("name", _("same name and phone as row {line}").format(line=copy.line)))
        elif known:
            draft.warnings.append(draft.about("name", _("same name as {name} ({id}) in the staff list but another "
                                                        "phone: two different people?").format(
                name=known[0].name, id=known[0].id)))
        elif earlier:
            draft.warnings.append(draft.about("name", _("same name as row {line} but another phone: two different "
                                                        "people?").format(line=earlier[0].line)))
        earlier.append(draft)


def _digits(phone: str) -> str:
    """A phone as compared: 0371-12345678 and 037112345678 are the same line."""
    return re.sub(r"\D", "", phone)
