#!/usr/bin/env python3
"""Screenshots of the desktop app's main screens, for the documentation and for looking at.

    .venv/bin/python tools/screenshots.py [--out docs/images] [--lang zh_CN|en] [--extra-translations FILE]

Runs offscreen on the demo district in a temporary folder (its own database and settings, nothing
of the user's is touched) and writes ``app-<page>.png`` for each page plus a few dialogs.
``--extra-translations`` layers a JSON object {English: Chinese} over the shipped catalogue, for
messages not yet merged into it.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from shiftplan import app as composition
from shiftplan import i18n
from shiftplan.domain.model import StaffMember
from shiftplan.ui.application import create_application
from shiftplan.ui.controller import Controller
from shiftplan.ui.dialogs.staff_import import StaffImportDialog, import_staff_workbook
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1440, 880)


class _Extra(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        if self._messages.get(message):
            return self._messages[message]
        return self._fallback.gettext(message) if self._fallback else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self._messages.get(singular):
            return self._messages[singular]
        return self._fallback.ngettext(singular, plural, n) if self._fallback else (singular if n == 1 else plural)


def layer_translations(path: Path) -> None:
    """Put a JSON catalogue in front of the shipped one: it answers first, the shipped one the rest."""
    extra = _Extra(json.loads(path.read_text(encoding="utf-8")))
    extra.add_fallback(i18n._translation)
    i18n._translation = extra


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--extra-translations", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as folder:
        app = create_application(args.lang)
        if args.extra_translations:
            layer_translations(args.extra_translations)
        database = Path(folder) / "demo.db"
        composition.open_database(f"sqlite:///{database}").close()  # the demo district
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        controller = Controller(composition.DesktopBackend())
        controller.open(str(database))
        window = MainWindow(controller, settings)
        window.resize(*SIZE)
        window.show()
        settle(app)

        staff = window.staff_page
        window.show_page(staff)
        staff.view.selectRow(2)
        save(window, args.out / "app-staff.png", app)

        window.show_page(window.stations_page)
        window.stations_page.view.selectRow(0)
        save(window, args.out / "app-stations.png", app)

        window.show_page(window.shift_types_page)
        window.shift_types_page.view.selectRow(2)
        save(window, args.out / "app-shift-types.png", app)

        window.show_page(window.roles_page)
        save(window, args.out / "app-roles.png", app)

        window.show_page(window.rule_sets_page)
        window.rule_sets_page.rules_view.selectRow(1)
        save(window, args.out / "app-rule-sets.png", app)

        window.show_page(window.cover_page)
        window.cover_page.view.selectRow(16)
        save(window, args.out / "app-cover.png", app)

        leave = window.leave_page
        window.show_page(leave)
        leave.only_box.setCurrentIndex(1)
        leave.people_view.selectRow(4)
        save(window, args.out / "app-leave.png", app)

        window.show_page(window.holidays_page)
        save(window, args.out / "app-holidays.png", app)

        roster = window.roster_page  # the district solved with the default limit, as a user would
        window.show_page(roster)
        roster.station_box.setCurrentIndex(max(0, roster.station_box.findData("G310W")))
        roster.solve_button.click()
        for _ in range(3000):
            app.processEvents()
            if not roster.stop_button.isEnabled():
                break
            time.sleep(0.02)
        settle(app)
        save(window, args.out / "app-roster.png", app)
        roster.view_tabs.setCurrentIndex(1)  # by station and shift, with the coverage strip
        settle(app)
        save(window, args.out / "app-roster-stations.png", app)
        roster.view_tabs.setCurrentIndex(0)

        window.show_page(staff)
        staff.view.selectRow(1)
        staff.view.selectionModel().select(staff.proxy.index(3, 0), staff.view.selectionModel().SelectionFlag.Select
                                           | staff.view.selectionModel().SelectionFlag.Rows)
        _dialog_shot(app, lambda: staff.edit_selected(), args.out / "app-bulk-edit.png")
        _dialog_shot(app, lambda: staff.add(), args.out / "app-add-person.png")

        workbook = _staff_workbook(Path(folder) / "名单.xlsx", controller.workspace.scenario.staff[0])
        import_staff_workbook(window, controller, str(workbook))
        for _ in range(200):  # read in the background
            app.processEvents()
            preview = window.findChild(StaffImportDialog)
            if preview is not None:
                break
            time.sleep(0.02)
        assert preview is not None
        preview.resize(1100, 420)
        save(preview, args.out / "app-staff-import.png", app)
        preview.reject()

        window.close()
        controller.close()
    sys.exit(0)


def _staff_workbook(path: Path, known: StaffMember) -> Path:
    """A staff list as a colleague might send it: mostly fine, someone already in the list (``known``),
    three rows with mistakes, a footer."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人员"
    sheet.append(["姓名", "单位", "电话", "岗位", "政治面貌", "站点", "班组"])
    sheet.append(["周晓峰", "区财政局", "13903710001", "登记", "党员", "310国道巩义方向防疫服务站", "一组"])
    sheet.append(["孙丽", "区人民医院", "13903710002", "医务", "预备党员", "郑上路防疫服务站", "二组"])
    sheet.append(["", "区交通运输局", "13903710003", "消杀", "群众", "上街火车站防疫服务站", "三组"])
    sheet.append(["郭强", "区公安分局", "13903710004", "特警", "党员", "上街汽车站防疫服务站", "四组"])
    sheet.append(["韩梅", "区教育局", "13903710005", "登记、消杀", "入党积极分子", "", ""])
    sheet.append([known.name, known.unit, known.phone, "登记", "党员", "", "一组"])
    sheet.append(["吴敏", "区卫健委", "1390371006", "医务", "群众", "", ""])
    sheet.append(["合计", "8人"])
    sheet.append(["制表人：王芳        审核人：李强"])
    book.save(path)
    return path


def _dialog_shot(app: QApplication, open_dialog: Callable[[], None], path: Path) -> None:
    """Open a modal dialog, photograph it, close it."""
    def shoot() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        save(dialog, path, app)
        dialog.reject()

    QTimer.singleShot(200, shoot)
    open_dialog()


if __name__ == "__main__":
    main()
