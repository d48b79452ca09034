"""Files that are not workbooks we can read: one clear message naming the file, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from shiftplan.spreadsheet import SpreadsheetError, read_staff_workbook

from .conftest import ROLES, STATIONS, make_workbook

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
SAVE_AS = "Open it in Excel or WPS and save it as an Excel workbook (*.xlsx)."


def message(path: Path) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        read_staff_workbook(path, ROLES, STATIONS, [])
    assert caught.value.path == str(path)
    return str(caught.value)


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(os.urandom(2000).replace(b"PK", b"pk"))
    assert message(path) == f"名单.xlsx is not an Excel workbook (.xlsx). {SAVE_AS}"


def test_a_csv_file_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "staff.xlsx"
    path.write_text("姓名,电话,岗位\n张琳,13800000000,带班\n", encoding="gbk")
    assert message(path) == f"staff.xlsx is not an Excel workbook (.xlsx). {SAVE_AS}"


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert message(path) == f"empty.xlsx is not an Excel workbook (.xlsx). {SAVE_AS}"


def test_an_old_xls_or_wps_et_workbook(tmp_path: Path) -> None:
    path = tmp_path / "名单.xls"
    path.write_bytes(OLE_MAGIC + bytes(512 - len(OLE_MAGIC)) + "Workbook".encode("utf-16-le") + bytes(1024))
    assert message(path) == f"名单.xls is an old-format workbook (.xls or WPS .et). {SAVE_AS}"


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    # Excel and WPS encrypt an .xlsx into an OLE file whose directory names these two streams.
    streams = "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "名单.xlsx"
    path.write_bytes(OLE_MAGIC + bytes(512 - len(OLE_MAGIC)) + streams + os.urandom(4096).replace(b"PK", b"pk"))
    assert message(path) == ("名单.xlsx is protected by a password. Open it in Excel or WPS, remove the password, "
                             "save it and try again.")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    assert message(path).startswith("photos.xlsx is damaged or not an Excel workbook (")


def test_a_truncated_workbook(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "cut.xlsx", [["姓名"], ["张琳"]])
    path.write_bytes(path.read_bytes()[:1500])
    assert message(path).startswith("cut.xlsx is damaged or not an Excel workbook (")


def test_a_workbook_with_another_extension_is_still_read(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "名单.xlsx", [["姓名", "岗位"], ["张琳", "带班"]])
    renamed = path.rename(tmp_path / "名单.XLSX.bak")
    assert [p.name for p in read_staff_workbook(renamed, ROLES, STATIONS).valid] == ["张琳"]


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert message(tmp_path / "gone.xlsx") == "Cannot read gone.xlsx: No such file or directory"
    (tmp_path / "folder.xlsx").mkdir()
    assert message(tmp_path / "folder.xlsx").startswith("Cannot read folder.xlsx: ")


def test_a_workbook_without_a_staff_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "other.xlsx", [["日期", "班次"], ["2020-01-20", "白班"]])
    assert message(path) == "other.xlsx: no sheet has a header row with a name column (姓名) in its first 10 rows"
