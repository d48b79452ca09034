"""Thin Qt models over domain values, and the proxy that sorts them.

Each table model is a list of domain objects plus a column spec (:class:`Column`): a header, the
text shown, and optionally a sort key, an alignment and an edit. Views never see a domain object;
they ask for :data:`ID_ROLE` (the object's id) and sort by :data:`SORT_ROLE`.

Editing never changes the list in the model. ``setData`` turns the typed value into a new domain
object (``Column.edit``) and hands old and new to the page's ``commit`` callback, which makes the
edit through the controller (one transaction, undoable); the page then shows the stored data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from shiftplan.domain.model import Party
from shiftplan.domain.phones import normalize_phone
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
PARTY_RANK = {party: rank for rank, party in enumerate(PARTY_LABELS)}

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def join_names(names: Iterable[str]) -> str:
    # Translators: separates the items of a list of names, e.g. roles (Chinese: 、)
    return _(", ").join(names)


class EditRefused(ValueError):
    """What the user typed cannot be used; the message says why."""


T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # English source, marked with N_() and translated when shown
    text: Callable[[T], str]
    sort_key: Callable[[T], int | float | str] | None = None  # None: sort by the text
    alignment: Qt.AlignmentFlag = LEFT
    edit: Callable[[T, Any], T] | None = None  # the item with the typed value; raises EditRefused
    value: Callable[[T], object] | None = None  # what an editor starts from; None: the text
    tooltip: Callable[[T], str] | None = None  # None: the text (so that elided text can be read)
    foreground: Callable[[T], QColor | None] | None = None
    background: Callable[[T], QColor | None] | None = None
    header_tip: str = ""  # N_-marked explanation of the column


class DomainTableModel(QAbstractTableModel, Generic[T]):
    """A table with one domain object per row; columns come from the subclass.

    Signals:
        refused(str): a typed value could not be used (the message says why).
    """

    refused = Signal(str)

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[T, ...] = ()
        self.commit: Callable[[T, T], bool] | None = None  # set by the page; returns whether it was stored

    def set_rows(self, rows: Iterable[T]) -> None:
        """Show these rows. The same number of rows is an update in place (selection, scrolling and
        an open editor stay); another number resets the model."""
        rows = tuple(rows)
        if len(rows) == len(self._rows) and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self._columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[T, ...]:
        return self._rows

    def item(self, row: int) -> T:
        return self._rows[row]

    def column(self, column: int) -> Column[T]:
        return self._columns[column]

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
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else column.text(item) or None
        if role == Qt.ItemDataRole.EditRole:
            return column.value(item) if column.value else column.text(item)
        if role == SORT_ROLE:
            return column.text(item) if column.sort_key is None else column.sort_key(item)
        if role == ID_ROLE:
            return getattr(item, "id", None)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(item)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            return column.background(item)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags: editable where the column has an edit and the page commits."""
        flags = super().flags(index)
        if index.isValid() and self._columns[index.column()].edit is not None and self.commit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: hands the edited object to the page, never changes a row."""
        column = self._columns[index.column()] if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or column is None or column.edit is None or self.commit is None:
            return False
        item = self._rows[index.row()]
        try:
            new = column.edit(item, value)
        except EditRefused as error:
            self.refused.emit(str(error))
            return False
        return new == item or self.commit(item, new)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::headerData; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].header)
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].header_tip:
            return _(self._columns[section].header_tip)
        if role == Qt.ItemDataRole.TextAlignmentRole:  # a number's header stands over the number
            return self._columns[section].alignment
        return None


class SortProxyModel(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`: numbers as numbers, text as the user's locale orders it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        # On a Chinese Windows this orders names by pinyin, as people expect.
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


def text_edit(field: str, *, required: str = "") -> Callable[[Any, Any], Any]:
    """An edit that sets a text field (stripped); ``required``: the message when it is left empty."""
    def edit(item: Any, value: Any) -> Any:
        text = str(value or "").strip()
        if required and not text:
            raise EditRefused(required)
        return dataclasses.replace(item, **{field: text})

    return edit


def phone_edit(field: str) -> Callable[[Any, Any], Any]:
    """An edit that sets a phone field: in its one written form when it is a phone number, else as typed
    (the page's check then says what is wrong with it)."""
    def edit(item: Any, value: Any) -> Any:
        text = str(value or "").strip()
        stored = normalize_phone(text)
        return dataclasses.replace(item, **{field: text if stored is None else stored})

    return edit
