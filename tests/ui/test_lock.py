"""One window per database: a second one is told who has it; a lock left by a killed app does not block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import platformdirs
import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from shiftplan.app import DesktopBackend, data_dir, database_url
from shiftplan.ui import application
from shiftplan.ui.controller import Controller
from shiftplan.ui.lock import DatabaseInUseError, DatabaseLock
from shiftplan.ui.main_window import ask_take_over
from shiftplan.ui.settings import Settings

from .helpers import UI_MARKS

pytestmark = UI_MARKS

HOLD = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from shiftplan.ui.lock import DatabaseLock
    app = QCoreApplication([])
    app.setApplicationName("shiftplan")
    lock = DatabaseLock(sys.argv[1])
    lock.acquire("test.db")
    print("locked", flush=True)
    time.sleep(60)
""")


def test_a_second_window_on_the_same_database_is_refused(app: QApplication, database: str) -> None:
    first = Controller(DesktopBackend())
    first.open(database)
    second = Controller(DesktopBackend())
    with pytest.raises(DatabaseInUseError) as caught:
        second.open(database)
    assert f"process {os.getpid()}" in str(caught.value)
    assert "already open in another shiftplan window" in str(caught.value)
    assert not second.is_open

    first.close()
    second.open(database)  # free again once the first lets go
    assert second.is_open
    second.close()


def test_the_lock_of_a_killed_app_does_not_block(app: QApplication, database: str) -> None:
    lock_file = database + ".lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, lock_file], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        controller = Controller(DesktopBackend())
        with pytest.raises(DatabaseInUseError) as caught:
            controller.open(database)
        assert caught.value.holder is not None and caught.value.holder.pid == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        assert Path(lock_file).exists()  # left behind

        controller.open(database)  # the holder is gone: the stale lock is taken over
        assert controller.is_open
        controller.close()
        assert not Path(lock_file).exists()
    finally:
        if holder.poll() is None:
            holder.kill()


def test_the_user_may_take_over_a_lock(app: QApplication, database: str) -> None:
    other = DatabaseLock(database + ".lock")
    other.acquire("test.db")
    controller = Controller(DesktopBackend())
    controller.open(database, take_over=True)
    assert controller.is_open
    controller.close()
    other.release()


def test_starting_on_a_database_in_use_asks_and_may_stop(app: QApplication, database: str, settings: Settings,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = Controller(DesktopBackend())
    first.open(database)
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert application.run(DesktopBackend(), database, language="en", settings=settings) == 1
    assert "already open in another shiftplan window" in asked[0]
    first.close()


def test_a_server_database_needs_no_lock() -> None:
    backend = DesktopBackend()
    assert backend.lock_path("postgresql+psycopg://u@host/db") is None
    assert backend.lock_path("/data/x.db") == str(Path("/data/x.db").resolve()) + ".lock"


def _asked(monkeypatch: pytest.MonkeyPatch, click: str | None = None) -> list[QMessageBox]:
    """Record the message boxes shown instead of waiting for a click; ``click``: the button pressed."""
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        for button in box.buttons():
            if button.text() == click:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


def test_a_live_holder_on_this_computer_is_named_and_cannot_be_pushed_aside(
        app: QApplication, database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, database + ".lock"], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        controller = Controller(DesktopBackend())
        with pytest.raises(DatabaseInUseError) as caught:
            controller.open(database)
        assert caught.value.holder is not None and caught.value.holder.live_here
        boxes = _asked(monkeypatch, click="Open anyway")
        assert not ask_take_over(None, caught.value)
        text = boxes[0].text()
        assert f"process {holder.pid}" in text and "on this computer" in text
        assert "Open anyway" not in [b.text() for b in boxes[0].buttons()]
        assert not controller.is_open
    finally:
        holder.kill()
        holder.wait(10)


def test_a_holder_on_another_computer_may_be_taken_over_after_asking(
        app: QApplication, database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Path(database + ".lock").write_text("4242\nshiftplan\nother-pc\n", encoding="utf-8")  # as QLockFile writes it
    controller = Controller(DesktopBackend())
    with pytest.raises(DatabaseInUseError) as caught:
        controller.open(database)
    assert caught.value.holder is not None and not caught.value.holder.live_here
    assert "process 4242 on other-pc" in str(caught.value)
    boxes = _asked(monkeypatch, click="Open anyway")
    assert ask_take_over(None, caught.value)
    assert "Open anyway" in [b.text() for b in boxes[0].buttons()]
    controller.open(database, take_over=True)
    assert controller.is_open
    controller.close()


def test_the_first_start_creates_the_data_folder_before_taking_the_lock(
        app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh machine: no ~/.local/share/shiftplan (or %LOCALAPPDATA%\\shiftplan) yet."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("SHIFTPLAN_DB", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "home" / "data" / "shiftplan"))
    folder = data_dir()
    assert not folder.exists()
    location = database_url(None).removeprefix("sqlite:///")
    controller = Controller(DesktopBackend())
    assert application.open_first(controller, location)
    assert controller.is_open and Path(location + ".lock").exists()
    assert len(controller.workspace.scenario.staff) > 0  # the user's own database starts with the demo
    controller.close()
