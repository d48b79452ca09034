"""The controller: one edit, one transaction, one undo step; a failed undo or redo is said, not hidden."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from shiftplan.app import DesktopBackend
from shiftplan.domain.model import Station
from shiftplan.services.workspace import Changes
from shiftplan.storage import engine as storage_engine
from shiftplan.ui.controller import Controller
from shiftplan.ui.settings import FONT_SCALES, MAX_RECENT, Settings

from .helpers import UI_MARKS, stored

pytestmark = UI_MARKS


def test_an_edit_is_stored_and_announced(controller: Controller, database: str, qtbot: QtBot) -> None:
    edit = controller.workspace.add_station(Station("S9", "九号站"))
    changed: list[object] = []
    saved: list[str] = []
    controller.changed.connect(changed.append)
    controller.saved.connect(saved.append)
    assert controller.apply(edit) is None
    assert (changed, saved) == ([Changes.STATIONS], ["Add station “九号站”"])
    assert stored(database).stations[-1] == Station("S9", "九号站")
    assert controller.undo_stack.count() == 1


def test_a_refused_edit_returns_why_and_is_not_kept(controller: Controller) -> None:
    edit = controller.workspace.add_station(Station("ZZX", "重复"))
    assert controller.apply(edit) == 'There is already a station with the ID "ZZX".'
    assert controller.undo_stack.count() == 0


def test_a_failed_undo_is_reported_and_clears_the_history(app: QApplication, database: str, qtbot: QtBot,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_TIMEOUT", 0.1)
    controller = Controller(DesktopBackend())
    controller.open(database)
    assert controller.apply(controller.workspace.add_station(Station("S9", "九号站"))) is None
    assert controller.apply(controller.workspace.add_station(Station("S8", "八号站"))) is None
    other = sqlite3.connect(database, isolation_level=None)  # another program holds the file
    other.execute("BEGIN EXCLUSIVE")
    try:
        with qtbot.waitSignal(controller.failed) as failed:
            controller.undo_stack.undo()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert failed.args[0].startswith("Could not undo “Add station “八号站””: The database")
    assert "in use by another program" in failed.args[0]
    qtbot.waitUntil(lambda: controller.undo_stack.count() == 0)
    assert [s.id for s in stored(database).stations][-1] == "S8"  # the screen says what is true
    controller.reload()
    assert controller.workspace.scenario.stations[-1].id == "S8"
    controller.close()


def test_opening_another_database_starts_a_new_history(controller: Controller, tmp_path: Path) -> None:
    assert controller.apply(controller.workspace.add_station(Station("S9", "九号站"))) is None
    controller.open(str(tmp_path / "new.db"), create=True)
    assert controller.undo_stack.count() == 0
    assert controller.label == "new.db"
    assert [s.id for s in controller.workspace.scenario.stations] == ["S1"]


def test_settings_keep_preferences_apart_from_window_state(app: QApplication, tmp_path: Path) -> None:
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(qsettings)
    assert (settings.preferences.language, settings.preferences.font_scale) == ("zh_CN", 100)
    assert settings.preferences.reopen_last is True
    settings.preferences.language = "en"
    settings.preferences.font_scale = FONT_SCALES[-1]
    settings.preferences.reopen_last = False
    for i in range(MAX_RECENT + 3):
        settings.preferences.remember_database(f"/data/{i}.db")
    settings.preferences.remember_database("/data/3.db")
    settings.window.page = "staff"
    settings.sync()

    again = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.preferences.language == "en"
    assert again.preferences.font_scale == FONT_SCALES[-1]
    assert again.preferences.reopen_last is False
    recent = again.preferences.recent_databases
    assert recent[0] == "/data/3.db" and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    assert again.preferences.last_database == "/data/3.db"
    assert again.window.page == "staff"
    keys = set(qsettings.allKeys())
    assert {k.split("/")[0] for k in keys} == {"preferences", "window"}


def test_bad_stored_settings_fall_back_to_the_defaults(app: QApplication, tmp_path: Path) -> None:
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    qsettings.setValue("preferences/language", "klingon")
    qsettings.setValue("preferences/font_scale", "huge")
    qsettings.setValue("preferences/reopen_last", "maybe")
    qsettings.setValue("preferences/recent_databases", "/only/one.db")  # QSettings' one-element list
    settings = Settings(qsettings)
    assert settings.preferences.language == "zh_CN"
    assert settings.preferences.font_scale == 100
    assert settings.preferences.reopen_last is True
    assert settings.preferences.recent_databases == ["/only/one.db"]
