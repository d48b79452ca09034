"""Cell editors for the tables: choices, ticked lists, times, numbers and dates.

Each reads the cell's ``EditRole`` value and writes back a plain Python value (a str, a list of
ids, minutes, a number, a date or None); the model's column turns it into a domain object.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from shiftplan.ui.widgets import CheckComboBox

Index = QModelIndex | QPersistentModelIndex
Options = Callable[[], Sequence[tuple[str, Any]]]

NO_DATE = QDate(2000, 1, 1)  # shown as "—": no date


def minutes_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_time(text: str) -> int | None:
    """Minutes after midnight of ``HH:MM`` (``24:00`` allowed, ``8:00`` and ``0800`` too); None if not a time."""
    match = re.fullmatch(r"\s*(\d{1,2})[:：.]?(\d{2})\s*", text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


class ComboDelegate(QStyledItemDelegate):
    """One choice from a list of (label, value)."""

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options = options

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor = QComboBox(parent)
        for label, value in self._options():
            editor.addItem(label, value)
        QTimer.singleShot(0, editor.showPopup)  # one click to choose, as in a spreadsheet
        editor.activated.connect(lambda _i: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        if editor.property("committed"):
            return
        editor.setProperty("committed", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override QStyledItemDelegate::setEditorData."""
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, next((i for i in range(editor.count()) if editor.itemData(i) == value), 0)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override QStyledItemDelegate::setModelData."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CheckListDelegate(QStyledItemDelegate):
    """Several choices ticked in a drop-down list; ``all_text`` adds "all" (the value None)."""

    def __init__(self, options: Options, parent: QWidget | None = None, *, all_text: str = "") -> None:
        super().__init__(parent)
        self._options = options
        self._all_text = all_text

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor = CheckComboBox(parent, all_text=self._all_text)
        editor.set_items([(label, value) for label, value in self._options()])
        editor.popup_closed.connect(lambda: self._commit(editor))
        QTimer.singleShot(0, editor.showPopup)
        return editor

    def _commit(self, editor: CheckComboBox) -> None:
        if editor.property("committed"):  # the list closes again as the editor goes
            return
        editor.setProperty("committed", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override QStyledItemDelegate::setEditorData."""
        assert isinstance(editor, CheckComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_checked(None if value is None else list(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override QStyledItemDelegate::setModelData."""
        assert isinstance(editor, CheckComboBox)
        checked: list[Hashable] | None = editor.checked()
        model.setData(index, None if checked is None else tuple(checked), Qt.ItemDataRole.EditRole)


class TimeDelegate(QStyledItemDelegate):
    """A clock time ``HH:MM``; ``24:00`` is allowed as an end. The value is minutes after midnight."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,2}[:：.]?\d{0,2}"), editor))
        editor.setPlaceholderText("HH:MM")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override QStyledItemDelegate::setEditorData."""
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText(minutes_text(int(value)) if isinstance(value, int) else "")
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override QStyledItemDelegate::setModelData: the text as typed; the column checks it."""
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class NumberDelegate(QStyledItemDelegate):
    """A number in a range; with ``none_text`` the lowest value means "none" (the value None)."""

    def __init__(self, parent: QWidget | None = None, *, minimum: float = 0, maximum: float = 9999,
                 decimals: int = 0, none_text: str = "", step: float = 1) -> None:
        super().__init__(parent)
        self._minimum, self._maximum, self._decimals = minimum, maximum, decimals
        self._none_text, self._step = none_text, step

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor = QDoubleSpinBox(parent)
        editor.setDecimals(self._decimals)
        low = self._minimum - (self._step if self._none_text else 0)
        editor.setRange(low, self._maximum)
        editor.setSingleStep(self._step)
        editor.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        if self._none_text:
            editor.setSpecialValueText(self._none_text)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override QStyledItemDelegate::setEditorData."""
        assert isinstance(editor, QDoubleSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(editor.minimum() if value is None else float(value))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override QStyledItemDelegate::setModelData."""
        assert isinstance(editor, QDoubleSpinBox)
        editor.interpretText()
        value: float | int | None = editor.value()
        if self._none_text and value == editor.minimum():
            value = None
        elif self._decimals == 0 and value is not None:
            value = int(value)
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date with a calendar to pick it from; with ``none_text`` it may be left empty (None)."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "") -> None:
        super().__init__(parent)
        self._none_text = none_text

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        if self._none_text:
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText(self._none_text)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override QStyledItemDelegate::setEditorData."""
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(QDate(value) if isinstance(value, dt.date) else (NO_DATE if self._none_text
                                                                         else QDate.currentDate()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override QStyledItemDelegate::setModelData."""
        assert isinstance(editor, QDateEdit)
        date = editor.date()
        value = None if self._none_text and date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        model.setData(index, value, Qt.ItemDataRole.EditRole)
