"""Thin read-only Qt models over domain values, and the proxies that sort and filter them.

Each table model is a list of domain objects plus a column spec (:class:`Column`): a header,
the text shown, and optionally a sort key and an alignment. Views never see a domain object;
they ask for :data:`ID_ROLE` (the object's id) and sort by :data:`SORT_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from shiftplan.domain.model import Party, Scenario, StaffMember, Station
from shiftplan.i18n import N_, _

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The id (str) of the row's domain object, on every column."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""What the column sorts by: a number or a string (compared locale-aware)."""

ModelIndex = QModelIndex | QPersistentModelIndex

PARTY_LABELS = {
    Party.MEMBER: N_("Party member"),
    Party.PROBATIONARY: N_("Probationary member"),
    Party.APPLICANT: N_("Membership applicant"),
    # Translators: 群众, someone who is not a Party member
    Party.NONE: N_("Non-member"),
}
_PARTY_RANK = {party: rank for rank, party in enumerate(PARTY_LABELS)}

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def join_names(names: Iterable[str]) -> str:
    # Translators: separates the items of a list of names, e.g. roles (Chinese: 、)
    return _(", ").join(names)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # English source, marked with N_() and translated when shown
    text: Callable[[T], str]
    sort_key: Callable[[T], int | str] | None = None  # None: sort by the text
    alignment: Qt.AlignmentFlag = _LEFT


class DomainTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table with one domain object per row; columns come from the subclass."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[T, ...] = ()

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def item(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        """Override QAbstractItemModel::rowCount; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::data."""
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(item)
        if role == SORT_ROLE:
            return column.text(item) if column.sort_key is None else column.sort_key(item)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::headerData; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:  # a number's header stands over the number
            return self._columns[section].alignment
        return None


class StationColumn(IntEnum):
    NAME = 0
    BRANCH = 1
    PHONE = 2
    STAFF = 3


class StationTableModel(DomainTableModel[Station]):
    """The stations of a scenario, with how many people may work at each."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = {
            StationColumn.NAME: Column[Station](N_("Station"), lambda s: s.name),
            StationColumn.BRANCH: Column[Station](N_("Party branch"), lambda s: s.branch),
            StationColumn.PHONE: Column[Station](N_("Duty phone"), lambda s: s.phone),
            StationColumn.STAFF: Column[Station](
                N_("Number of staff"), lambda s: str(self._staff_count[s.id]), lambda s: self._staff_count[s.id], _RIGHT
            ),
        }
        super().__init__([columns[c] for c in StationColumn], parent)
        self._staff_count: dict[str, int] = {}

    def set_scenario(self, scenario: Scenario) -> None:
        self._staff_count = {s.id: sum(p.may_work_at(s.id) for p in scenario.staff) for s in scenario.stations}
        self.set_rows(scenario.stations)


class StaffColumn(IntEnum):
    NAME = 0
    UNIT = 1
    PHONE = 2
    ROLES = 3
    PARTY = 4
    STATIONS = 5
    TEAM = 6


class StaffTableModel(DomainTableModel[StaffMember]):
    """The people of a scenario; roles and stations are shown by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = {
            StaffColumn.NAME: Column[StaffMember](N_("Name"), lambda p: p.name),
            StaffColumn.UNIT: Column[StaffMember](N_("Unit"), lambda p: p.unit),
            StaffColumn.PHONE: Column[StaffMember](N_("Phone"), lambda p: p.phone),
            StaffColumn.ROLES: Column[StaffMember](N_("Roles"), self._roles_text),
            StaffColumn.PARTY: Column[StaffMember](
                N_("Party status"), lambda p: _(PARTY_LABELS[p.party]), lambda p: _PARTY_RANK[p.party]
            ),
            StaffColumn.STATIONS: Column[StaffMember](N_("Stations"), self._stations_text),
            StaffColumn.TEAM: Column[StaffMember](N_("Team"), lambda p: p.team),
        }
        super().__init__([columns[c] for c in StaffColumn], parent)
        self._role_names: dict[str, str] = {}
        self._station_names: dict[str, str] = {}

    def set_scenario(self, scenario: Scenario) -> None:
        self._role_names = {r.id: r.name for r in scenario.roles}
        self._station_names = {s.id: s.name for s in scenario.stations}
        self.set_rows(scenario.staff)

    def _roles_text(self, person: StaffMember) -> str:
        return join_names(self._role_names.get(r, r) for r in person.roles)

    def _stations_text(self, person: StaffMember) -> str:
        if person.stations is None:
            return _("All stations")
        return join_names(self._station_names.get(s, s) for s in person.stations)


class SortProxyModel(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`: numbers as numbers, text as the user's locale orders it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        # On a Chinese Windows this orders names by pinyin, as people expect.
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class StaffFilterModel(SortProxyModel):
    """Sorts the staff and keeps the people whose name contains a text and who may work at a station."""

    def __init__(self, source: StaffTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._staff = source
        self._name = ""
        self._station: str | None = None
        self.setSourceModel(source)

    def set_name_filter(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.10+; replaces invalidateRowsFilter(), deprecated in 6.12
        self._name = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_station_filter(self, station: str | None) -> None:
        """Keep the people who may work at this station (id); None keeps everyone."""
        self.beginFilterChange()
        self._station = station
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        person = self._staff.item(source_row)
        return self._name in person.name.casefold() and (self._station is None or person.may_work_at(self._station))
