"""Application set-up: the shipped Chinese font, Qt's own translations, and ``run``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from shiftplan import i18n
from shiftplan.app import DesktopBackend
from shiftplan.ui import application
from shiftplan.ui.application import create_application
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.resources import FONT_FAMILY, FONT_PATH
from shiftplan.ui.settings import Settings

from .helpers import UI_MARKS, set_cell

pytestmark = UI_MARKS

# Common surnames, rarer name characters (GBK, outside GB2312) and the punctuation a roster prints.
CHINESE = "张王李赵陈喆堃赟祎镕值班排班表（）、：，—"


def test_the_font_ships_with_its_licence() -> None:
    assert FONT_PATH.is_file()
    licence = (FONT_PATH.parent / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence
    assert "WenQuanYi Project" in licence


def test_the_shipped_font_has_the_chinese_glyphs(qapp: QApplication) -> None:
    """Checked on the file itself, so it holds on a machine without any Chinese system font."""
    raw = QRawFont(str(FONT_PATH), 12)
    assert raw.isValid()
    assert raw.familyName() == FONT_FAMILY
    # by code point: PySide's str overload of supportsCharacter misreads some characters
    assert [ch for ch in CHINESE + "0123456789ABCxyz" if not raw.supportsCharacter(ord(ch))] == []


# Run in a fresh process whose fontconfig knows no Chinese font, like an office PC that has none.
WITHOUT_SYSTEM_CJK = """
from PySide6.QtWidgets import QApplication, QLabel
from shiftplan.ui.application import install_font

def distinct(text):
    images = []
    for ch in text:
        label = QLabel(ch)
        label.adjustSize()
        images.append(label.grab().toImage())
    return len({image.bits().tobytes() for image in images}) == len(text)

app = QApplication([])
print(distinct("张王李"), end=" ")
install_font(app)
print(distinct("张王李"))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig is how the test hides the system fonts")
def test_chinese_renders_on_a_machine_without_chinese_fonts(tmp_path: Path) -> None:
    fonts = "<dir>/usr/share/fonts/truetype/dejavu</dir>" if Path("/usr/share/fonts/truetype/dejavu").is_dir() else ""
    config = tmp_path / "fonts.conf"
    config.write_text(f"<fontconfig>{fonts}<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}

    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_SYSTEM_CJK], env=env, capture_output=True, text=True, timeout=60, check=True
    )

    # before: every character is the same empty box (tofu); after: each has its own shape
    assert result.stdout.split() == ["False", "True"]


def test_the_application_font_is_the_shipped_font(app: QApplication) -> None:
    font_id = app.property("shiftplan_font_id")
    assert isinstance(font_id, int)
    assert FONT_FAMILY in QFontDatabase.applicationFontFamilies(font_id)  # registered from resources/fonts
    assert app.font().family() == FONT_FAMILY
    assert QFontInfo(QWidget().font()).family() == FONT_FAMILY  # what widgets really draw with
    metrics = QFontMetrics(app.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in CHINESE)


def test_setting_up_twice_registers_the_font_once(app: QApplication) -> None:
    font_id = app.property("shiftplan_font_id")
    create_application("en")
    assert app.property("shiftplan_font_id") == font_id


def test_chinese_installs_qts_own_translation(app: QApplication) -> None:
    create_application("zh_CN")

    assert i18n.language() == "zh_CN"
    assert QLocale().name() == "zh_CN"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert len(app.findChildren(QTranslator)) == 1

    create_application("zh_CN")
    assert len(app.findChildren(QTranslator)) == 1  # replaced, not stacked

    create_application("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert app.findChildren(QTranslator) == []


def test_run_shows_the_main_window_and_returns_the_exit_code(
    app: QApplication, database: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MainWindow] = []

    def exec_() -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        for window in seen:
            window.close()
        return 7

    monkeypatch.setattr(app, "exec", exec_)

    code = application.run(DesktopBackend(), database, language="en", version="1.2.3", settings=settings)

    assert code == 7
    assert len(seen) == 1
    assert seen[0].windowTitle() == "shiftplan duty rosters — test.db"
    assert "1.2.3" in seen[0].about_text()
    assert app.applicationVersion() == "1.2.3"
    assert settings.preferences.last_database == database
    assert not Path(database + ".lock").exists()  # released when the app ends


def test_run_reports_a_database_that_cannot_be_opened(app: QApplication, tmp_path: Path, settings: Settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"no database here" * 64)

    assert application.run(DesktopBackend(), str(junk), language="en", settings=settings) == 1
    assert len(shown) == 1
    assert "not a shiftplan database" in shown[0]


def test_run_follows_the_language_preference(app: QApplication, database: str, settings: Settings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settings.preferences.language = "zh_CN"
    titles: list[str] = []

    def exec_() -> int:
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.isVisible())
        for w in QApplication.topLevelWidgets():
            w.close()
        return 0

    monkeypatch.setattr(app, "exec", exec_)
    application.run(DesktopBackend(), database, settings=settings)

    assert titles == ["shiftplan 值班排班 — test.db"]
    assert i18n.language() == "zh_CN"


def test_the_language_switches_while_the_app_runs(app: QApplication, controller: Controller, settings: Settings,
                                                  qtbot: QtBot) -> None:
    shell = application.Shell(controller, settings, "1.0")
    shell.show()
    old = shell.window
    old.show_page(old.staff_page)
    assert set_cell(old.stations_page.model, 0, 3, "0371-64000009")  # an edit to undo after the switch

    old.language_actions["zh_CN"].trigger()

    new = shell.window
    assert new is not old
    assert new.windowTitle() == "shiftplan 值班排班 — test.db"
    assert new.current_page() is new.staff_page  # where the user was
    assert new.undo_action.isEnabled()  # the history survives
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert settings.preferences.language == "zh_CN"
    new.undo_action.trigger()
    assert controller.workspace.scenario.stations[0].phone == "0371-64000001"
    new.language_actions["en"].trigger()
    assert shell.window.windowTitle() == "shiftplan duty rosters — test.db"
    shell.window.close()


def test_a_larger_text_size_is_applied(app: QApplication) -> None:
    base = create_application("en").font().pointSizeF()
    assert create_application("en", font_scale=130).font().pointSizeF() == pytest.approx(base * 1.3)
    assert create_application("en").font().pointSizeF() == pytest.approx(base)
