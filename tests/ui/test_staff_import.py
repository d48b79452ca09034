"""Importing staff from Excel: a preview of every row first, then all valid rows in one go, or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shiftplan.ui.dialogs.staff_import import PROBLEM_CELL, WARNING_CELL, StaffImportDialog, import_staff_workbook
from shiftplan.ui.main_window import MainWindow

from .helpers import UI_MARKS, shown, stored

pytestmark = UI_MARKS
HEADERS = ["姓名", "单位", "电话", "岗位", "政治面貌", "站点", "班组"]
ID, NAME, PHONE, ROLES, PROBLEMS = 2, 3, 5, 6, 12  # columns of the preview


def workbook(path: Path, rows: Sequence[Sequence[object]], headers: Sequence[str] = HEADERS) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人员"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return str(path)


def preview(window: MainWindow, qtbot: QtBot, path: str) -> StaffImportDialog:
    """Read a workbook as the menu does (in the background) and return the preview on screen."""
    import_staff_workbook(window, window.controller, path)
    qtbot.waitUntil(lambda: window.findChild(StaffImportDialog) is not None, timeout=10000)
    dialog = window.findChild(StaffImportDialog)
    assert isinstance(dialog, StaffImportDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_every_row_is_previewed_and_only_valid_rows_are_imported_in_one_edit(
        window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    path = workbook(tmp_path / "名单.xlsx", [
        ["周杰", "区财政局", "13900000001", "医务", "党员", "310国道巩义方向防疫服务站", "三组"],
        ["", "区财政局", "13900000002", "医务", "群众", "", ""],  # no name
        ["吴刚", "区财政局", "13900000003", "厨师", "群众", "", ""],  # a role nobody knows
        ["郑爽", "区财政局", "13900000004", "警务、带班", "预备党员", "连霍高速郑州西收费站", "二组"],
    ])
    dialog = preview(window, qtbot, path)
    qtmodeltester.check(dialog.model)
    assert shown(dialog.model, 0) == ["2", "3", "4", "5"]
    assert shown(dialog.model, 1) == ["New", "Not imported", "Not imported", "New"]
    problems = shown(dialog.model, PROBLEMS)
    assert problems[0] == "" and problems[3] == ""
    assert problems[1] and problems[2]
    assert "厨师" in problems[2]
    assert "2 people can be imported" in dialog.summary.text()
    assert "2 rows have problems" in dialog.summary.text()
    dialog.only_problems.setChecked(True)
    assert shown(dialog.proxy, 0) == ["3", "4"]
    assert len(stored(database).staff) == 5  # nothing is written before the user says so

    dialog.accept()
    staff = stored(database).staff
    assert [p.name for p in staff[5:]] == ["周杰", "郑爽"]
    assert staff[6].roles == ("police", "leader")
    assert window.undo_action.text() == "Undo Import 2 people"
    window.undo_action.trigger()
    assert len(stored(database).staff) == 5
    window.redo_action.trigger()
    assert len(stored(database).staff) == 7


def test_a_file_that_is_not_a_workbook_is_reported_and_nothing_changes(
        window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,电话\n张琳,13800000000\n", encoding="gbk")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    import_staff_workbook(window, window.controller, str(path))
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings[0].startswith("名单.xlsx is not an Excel workbook")
    assert window.findChild(StaffImportDialog) is None
    assert len(stored(database).staff) == 5


def test_a_sheet_without_a_header_row_is_reported(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "乱.xlsx", [["1", "2", "3"]], headers=["甲", "乙", "丙"])
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    import_staff_workbook(window, window.controller, path)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "乱.xlsx" in warnings[0]


def test_a_sheet_of_problems_offers_nothing_to_import(window: MainWindow, database: str, tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    path = workbook(tmp_path / "坏.xlsx", [["张琳", "区委组织部", "1380000000", "带班", "党员", "", ""]])
    dialog = preview(window, qtbot, path)
    assert shown(dialog.model, 1) == ["Not imported"]
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_re_importing_people_already_in_the_list_updates_them(window: MainWindow, database: str, tmp_path: Path,
                                                              qtbot: QtBot) -> None:
    path = workbook(tmp_path / "再次.xlsx", [
        ["张琳", "区委办公室", "138 0000 0003", "带班", "党员", "310国道巩义方向防疫服务站", "二组"],  # = P001
        ["周杰", "区财政局", "13900000001", "医务", "党员", "", ""],
    ])
    dialog = preview(window, qtbot, path)
    assert shown(dialog.model, 1) == ["Update", "New"]
    assert shown(dialog.model, ID) == ["P001", "P0001"]
    assert "1 of them is already in the staff list and is updated" in dialog.summary.text()
    dialog.accept()
    staff = stored(database).staff
    assert len(staff) == 6
    assert (staff[0].id, staff[0].unit, staff[0].team) == ("P001", "区委办公室", "二组")
    window.undo_action.trigger()
    staff = stored(database).staff
    assert len(staff) == 5 and (staff[0].unit, staff[0].team) == ("区委组织部", "一组")


def test_the_cells_with_problems_are_marked_with_what_is_wrong(window: MainWindow, tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    path = workbook(tmp_path / "标记.xlsx", [
        ["周杰", "区财政局", "1390000001", "医务", "党员", "", ""],  # a digit short
        ["吴刚", "区财政局", "13900000003", "", "群众", "", ""],  # no role
        ["王伟", "区公安分局", "13900000004", "警务", "群众", "", ""],  # a namesake of P002, another phone
        ["合计", "3人"],
    ])
    dialog = preview(window, qtbot, path)
    model = dialog.model
    assert shown(model, 0) == ["2", "3", "4"]  # the total is not a person
    assert any("Row 5 is skipped" in line for line in dialog.notes.text().splitlines())
    background = Qt.ItemDataRole.BackgroundRole
    marked = {(row, col) for row in range(model.rowCount()) for col in range(model.columnCount())
              if model.index(row, col).data(background) is not None}
    assert marked == {(0, PHONE), (1, ROLES), (2, NAME)}
    assert model.index(0, PHONE).data(background) == PROBLEM_CELL
    assert model.index(0, PHONE).data() == "1390000001"  # as written, though the row is not imported
    assert "1390000001 is not a phone number" in model.index(0, PHONE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, ROLES).data(background) == PROBLEM_CELL
    assert "the role is missing" in model.index(1, ROLES).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, NAME).data(background) == WARNING_CELL
    assert "two different people?" in model.index(2, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(model, 1) == ["Not imported", "Not imported", "New, please check"]


def test_an_import_the_database_refuses_stores_nothing(window: MainWindow, database: str, tmp_path: Path,
                                                       qtbot: QtBot) -> None:
    path = workbook(tmp_path / "名单.xlsx", [["周杰", "区财政局", "13900000001", "医务", "党员", "", ""]])
    dialog = preview(window, qtbot, path)
    window.controller.workspace.store.close()  # the database goes away between preview and import
    window.controller.workspace.store.add_staff = _fail  # type: ignore[method-assign]
    window.controller.workspace.store.save_staff = _fail  # type: ignore[method-assign]
    dialog.accept()
    assert dialog.messages.isVisible()
    assert "disk on fire" in dialog.messages.text.text()
    assert dialog.result() == 0


def _fail(*_args: object, **_kwargs: object) -> None:
    from shiftplan.storage import DatabaseUnavailableError

    raise DatabaseUnavailableError("disk on fire")


def test_the_template_and_the_export_are_written(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    for name, action in (("template.xlsx", window.save_template), ("staff.xlsx", window.export_staff)):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        action()
        qtbot.waitUntil(target.exists, timeout=10000)
    exported = openpyxl.load_workbook(tmp_path / "staff.xlsx")
    names = [cell.value for row in exported.worksheets[0].iter_rows() for cell in row]
    assert "陈喆" in names
