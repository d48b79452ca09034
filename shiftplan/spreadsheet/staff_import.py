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


NEW, UPDATE = "new", "update"  # what importing a row does: add a person, or update one in the staff list


@dataclass(frozen=True)
class CellNote:
    """A problem or a warning about one field of a row (``key`` as in COLUMNS), for marking the cell."""

    key: str
    message: str  # translated, without the cell's name
    problem: bool  # True: the row cannot be imported


@dataclass(frozen=True)
class ImportRow:
    line: int  # the Excel row number
    person: StaffMember | None  # None exactly when there are problems
    problems: list[str] = field(default_factory=list)  # translated, each naming the cell and its value
    warnings: list[str] = field(default_factory=list)  # worth a look, but the person is imported
    action: str = NEW  # NEW or UPDATE (of the person in the staff list with the person's id)
    cells: list[CellNote] = field(default_factory=list)  # the problems and warnings, by field
    values: dict[str, str] = field(default_factory=dict)  # field key -> the cell as written, for the preview


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
    drafts: list[_Draft] = []
    for line, cells, texts in _data_rows(sheet, header):
        if _is_footer(cells, texts):
            notes.append(_("Row {line} is skipped, it is not a person: “{text}”").format(
                line=line, text=_shorten("  ".join(texts))))
            continue
        drafts.append(reader.read(line, cells))
    existing = list(existing_staff)
    _match_existing(drafts, existing, phones="phone" in header.columns)
    new_ids = _give_ids(drafts, {p.id for p in existing})
    _check_duplicates(drafts)
    if "roles" not in header.columns and roles:
        notes.append(_("The sheet has no column for {column}: people already in the staff list keep their roles, "
                       "new people cannot be imported without one").format(column=COLUMNS["roles"].header))
    for draft in drafts:
        _complete(draft, header, roles)
    if new_ids:
        notes.append(ngettext("{count} person without an id gets a new one",
                              "{count} people without an id get new ones", new_ids).format(count=new_ids))
    rows = [ImportRow(d.line, None if d.problems or d.person is None else dataclasses.replace(d.person, id=d.id),
                      d.problems, d.warnings, UPDATE if d.update is not None else NEW, d.cells, d.values)
            for d in drafts]
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


def _data_rows(sheet: Worksheet, header: Header) -> Iterator[tuple[int, dict[str, Cell], list[str]]]:
    """Each row below the header with a value in a column we read, as field key -> cell, with the
    texts of the whole row (every column, a merged range once) for telling footers from people.

    A cell covered by a merged range reads as the range's top-left cell: a unit or team is often
    merged down over the block of people it applies to. Rows with only a number in ignored columns
    (a pre-numbered 序号 column) are skipped like blank rows; other text there is a footer.
    """
    merged = {(row, column): sheet.cell(r.min_row, r.min_col)
              for r in sheet.merged_cells.ranges if r.min_row > header.line
              for row in range(r.min_row, r.max_row + 1) for column in range(r.min_col, r.max_col + 1)}
    for line, row in enumerate(sheet.iter_rows(min_row=header.line + 1), start=header.line + 1):
        cells = {key: merged.get((line, number), row[number - 1]) for key, number in header.columns.items()
                 if number <= len(row)}
        whole: dict[str, str] = {}
        for number, cell in enumerate(row, start=1):
            source = merged.get((line, number), cell)
            if not _blank(source.value):
                whole.setdefault(source.coordinate, values.shown(source.value))
        texts = list(whole.values())
        if any(not _blank(cell.value) for cell in cells.values()) or any(not t.isdigit() for t in texts):
            yield line, cells, texts


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# What the last rows of a Chinese office sheet say: who made and checked it, totals, remarks.
FOOTER_WORDS = ("制表", "填表", "填报", "审核", "审批", "批准", "复核", "核对", "负责人", "经办人", "签字", "签名",
                "盖章", "合计", "总计", "小计", "共计", "备注", "说明", "注:", "注1", "附注", "附:", "报送", "日期:")
# A name as people write one: Chinese characters (with the · of minority names), or Latin letters.
NAME_LIKE = re.compile(r"[\u4e00-\u9fff·•]{1,10}|[A-Za-z][A-Za-z .'-]{0,40}")


def _footer_word(text: str) -> bool:
    return squeeze(text).startswith(FOOTER_WORDS)


def _is_footer(cells: dict[str, Cell], texts: list[str]) -> bool:
    """A row that is not a person: text only in columns we do not read, a first text that starts with
    a footer word (制表人：…, 合计), or one text alone (a remark typed or merged across the row) that
    does not look like a name."""
    if not any(not _blank(c.value) for c in cells.values()):
        return True  # text only in columns we do not read: a remark
    if _footer_word(texts[0]):
        return True
    name = cells.get("name")
    name_text = "" if name is None or _blank(name.value) else values.shown(name.value)
    read = [c for key, c in cells.items() if key != "name" and not _blank(c.value)]
    alone = len(texts) == 1 and (not read or name_text == texts[0])
    return alone and not NAME_LIKE.fullmatch(re.sub(r"\s+", "", texts[0]))


def _shorten(text: str, length: int = 40) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= length else text[:length - 1] + "…"


@dataclass
class _Draft:
    """One row as read, before it is compared with the other rows and the staff list."""

    line: int
    labels: dict[str, str]  # field key -> the cell as the user finds it, for messages
    id: str  # "" when the row gives none
    person: StaffMember | None  # without its id yet; None when the name is unreadable
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cells: list[CellNote] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    update: StaffMember | None = None  # the person of the staff list this row updates
    id_written: bool = False  # the sheet gives the id (rather than it being found or given)

    def about(self, key: str, message: str) -> str:
        return _("{column}: {problem}").format(column=self.labels[key], problem=message)

    def problem(self, key: str, message: str) -> None:
        self.problems.append(self.about(key, message))
        self.cells.append(CellNote(key, message, True))

    def warn(self, key: str, message: str) -> None:
        self.warnings.append(self.about(key, message))
        self.cells.append(CellNote(key, message, False))


class _RowReader:
    def __init__(self, header: Header, roles: Choices, stations: Choices) -> None:
        self.header = header
        self.roles = roles
        self.stations = stations

    def read(self, line: int, cells: dict[str, Cell]) -> _Draft:
        draft = _Draft(line, {key: self.label(key, line) for key in COLUMNS}, "", None)
        draft.values = {key: values.shown(cell.value) for key, cell in cells.items() if not _blank(cell.value)}

        def get(key: str, parse: Callable[[object], T], default: T) -> T:
            cell = cells.get(key)
            try:
                if cell is not None and cell.data_type == "e":  # #N/A, #REF! … from a formula
                    raise CellProblem(_("the cell holds the error {value}; fix the formula or type the value").format(
                        value=cell.value))
                return parse(None if cell is None else cell.value)
            except CellProblem as problem:
                draft.problem(key, str(problem))
                return default

        name = get("name", values.name, None)
        draft.id = get("id", values.text, "")
        draft.id_written = bool(draft.id)
        phone = get("phone", values.phone, "")
        roles = get("roles", self._roles, NOTHING)
        stations = get("stations", self._stations, NOTHING)
        for guess in roles.guesses:
            draft.warn("roles", guess)
        for guess in stations.guesses:
            draft.warn("stations", guess)
        active_from = get("from", values.date, None)
        active_to = get("to", values.date, None)
        if active_from and active_to and active_to < active_from:
            draft.problem("to", _("the end date {end} is before the start date {start}").format(
                end=active_to, start=active_from))
        unit = get("unit", values.text, "")
        party = get("party", values.party, Party.NONE)
        team = get("team", values.text, "")
        if name is not None:
            draft.person = StaffMember(id="", name=name, unit=unit, phone=phone, roles=roles.ids, party=party,
                                       stations=stations.ids or None, team=team, active_from=active_from,
                                       active_to=active_to)
        return draft

    def _roles(self, value: object) -> Picked:
        """The roles named; a row without any is judged once it is known whether it is someone new."""
        return self.roles.pick(values.text(value))

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


# The fields of a person each column fills (the name is always there).
FIELDS = {"unit": "unit", "phone": "phone", "roles": "roles", "party": "party", "stations": "stations",
          "team": "team", "from": "active_from", "to": "active_to"}


def _match_existing(drafts: list[_Draft], existing: list[StaffMember], *, phones: bool) -> None:
    """Find the people of the staff list the rows are about: the same id, or, for a row without an id,
    the same name and phone (the same name alone when the sheet has no phone column). Those rows
    update that person; the same name with another phone may be a namesake and is a warning."""
    owners = {p.id: p for p in existing}
    known_names: dict[str, list[StaffMember]] = {}
    for person in existing:
        known_names.setdefault(squeeze(person.name), []).append(person)
    for draft in drafts:
        if draft.id:
            draft.update = owners.get(draft.id)
            if draft.person is None:
                continue
            if draft.update is not None and squeeze(draft.update.name) != squeeze(draft.person.name):
                draft.warn("name", _("the id {id} belongs to {name} in the staff list; the name will be changed "
                                     "to {new}").format(id=draft.id, name=draft.update.name, new=draft.person.name))
            twin = _twin(draft.person, known_names, phones=phones)
            if draft.update is None and twin is not None:
                draft.problem("id", _("same name and phone as {name} ({id}) in the staff list, but another id: write "
                                      "{id} to update them").format(name=twin.name, id=twin.id))
            continue
        if draft.person is None:
            continue
        twin = _twin(draft.person, known_names, phones=phones)
        known = known_names.get(squeeze(draft.person.name), [])
        if twin is not None:
            draft.id, draft.update = twin.id, twin
        elif known:
            draft.warn("name", _("same name as {name} ({id}) in the staff list but another phone: two different "
                                 "people?").format(name=known[0].name, id=known[0].id))


def _twin(person: StaffMember, known_names: dict[str, list[StaffMember]], *, phones: bool) -> StaffMember | None:
    known = known_names.get(squeeze(person.name), [])
    if not phones:
        return known[0] if len(known) == 1 else None
    return next((p for p in known if _digits(p.phone) == _digits(person.phone)), None)


def _check_duplicates(drafts: list[_Draft]) -> None:
    """The same person twice in the sheet (the same id written twice, or the same name and phone) is a
    problem; the same name with another phone may be two people and is a warning."""
    first_line: dict[str, int] = {}
    earlier_names: dict[str, list[_Draft]] = {}
    for draft in drafts:
        clash = False
        if draft.id_written and draft.id in first_line:
            draft.problem("id", _("the id {id} is already used in row {line}").format(
                id=draft.id, line=first_line[draft.id]))
            clash = True
        first_line.setdefault(draft.id, draft.line)
        if draft.person is None:
            continue
        key, phone = squeeze(draft.person.name), _digits(draft.person.phone)
        earlier = earlier_names.setdefault(key, [])
        copy = next((d for d in earlier if d.person and _digits(d.person.phone) == phone), None)
        if copy is not None and not clash:
            draft.problem("name", _("same name and phone as row {line}").format(line=copy.line))
        elif earlier and copy is None and draft.update is None:
            draft.warn("name", _("same name as row {line} but another phone: two different people?").format(
                line=earlier[0].line))
        earlier.append(draft)


def _complete(draft: _Draft, header: Header, roles: Sequence[Role]) -> None:
    """An update keeps what the sheet has no column for (and the rule set, which no sheet has); with
    roles defined, a person without one cannot be imported."""
    if draft.person is None:
        return
    if draft.update is not None:
        kept = {name: getattr(draft.update, name) for key, name in FIELDS.items() if key not in header.columns}
        draft.person = dataclasses.replace(draft.person, rule_set=draft.update.rule_set, **kept)
    if not roles or draft.person.roles or any(c.key == "roles" and c.problem for c in draft.cells):
        return
    known = "、".join(r.name for r in roles)
    if "roles" in header.columns:
        draft.problem("roles", _("the role is missing; every person needs at least one (known roles: {known})").format(
            known=known))
    else:
        draft.problem("roles", _("no role: the sheet has no {column} column, and a new person needs at least one "
                                 "(known roles: {known})").format(column=COLUMNS["roles"].header, known=known))


def _digits(phone: str) -> str:
    """A phone as compared: 0371-12345678 and 037112345678 are the same line."""
    return re.sub(r"\D", "", phone)
