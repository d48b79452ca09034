"""Workbooks as other people's programs make them, and the roles and stations they are read against."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from shiftplan.domain.model import Role, StaffMember, Station
from shiftplan.spreadsheet import ImportRow, StaffImport, read_staff_workbook

ROLES = (Role("police", "民警"), Role("medic", "医务"), Role("clerk", "登记"), Role("cadre", "消杀"),
         Role("leader", "带班"))
STATIONS = (Station("G310W", "310国道巩义方向防疫服务站"), Station("ZSL", "郑上路防疫服务站"),
            Station("HX", "河阴路卡点"))


def make_workbook(path: Path, rows: Sequence[Sequence[object]], *, title: str = "Sheet1",
                  merges: Sequence[str] = ()) -> Path:
    """A one-sheet workbook with ``rows`` from A1 down (None leaves a cell empty)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for line, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(line, column, value)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def store_as_float(path: Path, *cells: str) -> None:
    """Rewrite number cells the way Excel may store them, "13800000000.0", so that they read back as floats
    (openpyxl itself writes integral floats without the decimal point)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for cell in cells:
        sheet, found = re.subn(rf'(<c r="{cell}"[^>]*><v>)(\d+)(</v>)', r"\g<1>\g<2>.0\g<3>", sheet)
        assert found == 1, cell
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def read(path: Path, existing: Sequence[StaffMember] = ()) -> StaffImport:
    return read_staff_workbook(path, ROLES, STATIONS, existing)


def read_row(tmp_path: Path, headers: Sequence[str], values: Sequence[object],
             existing: Sequence[StaffMember] = ()) -> ImportRow:
    """The one row of a sheet with ``headers`` in row 1 and ``values`` in row 2."""
    result = read(make_workbook(tmp_path / "one.xlsx", [headers, values]), existing)
    assert [row.line for row in result.rows] == [2]
    return result.rows[0]


def problems(result: StaffImport) -> dict[int, list[str]]:
    return {row.line: row.problems for row in result.rows if row.problems}


def warnings(result: StaffImport) -> dict[int, list[str]]:
    return {row.line: row.warnings for row in result.rows if row.warnings}
