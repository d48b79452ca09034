"""Helpers of the UI tests: the marks every module uses, reading what is stored, editing a cell."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from shiftplan.domain.model import Scenario
from shiftplan.storage import Database

UI_MARKS = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # harmless, offscreen only: the platform has no real windows to raise or grab the keyboard for
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise",
                              "does not support grabbing the keyboard"),
]


def stored(database: str) -> Scenario:
    """What the database file holds, read afresh (as after a restart)."""
    with Database.open(f"sqlite:///{database}") as db:
        return db.export_scenario()


def shown(model: QAbstractItemModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def set_cell(model: QAbstractItemModel, row: int, col: int, value: object) -> bool:
    """What a cell editor does when the user confirms a value."""
    return model.setData(model.index(row, col), value, Qt.ItemDataRole.EditRole)


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese is typed through an input method, which commits whole characters."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
