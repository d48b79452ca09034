"""Opening and saving workbooks: every failure becomes one message naming the file, never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import warnings
from pathlib import Path

import openpyxl
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.i18n import _

ZIP_MAGIC = b"PK\x03\x04"
# Excel 97-2003 (.xls), WPS (.et) and password-protected .xlsx files are all OLE compound files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is an OLE file holding the real workbook as a stream named EncryptedPackage.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


class SpreadsheetError(Exception):
    """A workbook that cannot be read or written; the message (translated) names the file."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = str(path)
        super().__init__(message)


def open_workbook(path: str | os.PathLike[str]) -> Workbook:
    """The workbook at ``path`` with the values of formulas as last computed by Excel or WPS."""
    file = Path(path).name
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SpreadsheetError(path, _("Cannot read {file}: {reason}").format(
            file=file, reason=error.strerror or error)) from None
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise SpreadsheetError(path, _("{file} is protected by a password. Open it in Excel or WPS, remove "
                                           "the password, save it and try again.").format(file=file))
        raise SpreadsheetError(path, _("{file} is an old-format workbook (.xls or WPS .et). Open it in Excel or "
                                       "WPS and save it as an Excel workbook (*.xlsx).").format(file=file))
    if not data.startswith(ZIP_MAGIC):
        raise SpreadsheetError(path, _("{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and save "
                                       "it as an Excel workbook (*.xlsx).").format(file=file))
    try:
        # Read from memory, so that the file's extension does not matter (openpyxl checks it);
        # openpyxl warns about every WPS extension it drops, which is nothing the user can act on.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises whatever its parsers meet in a damaged file
        raise SpreadsheetError(path, _("{file} is damaged or not an Excel workbook ({reason}).").format(
            file=file, reason=str(error) or type(error).__name__)) from None


def save_workbook(book: Workbook, path: str | os.PathLike[str]) -> None:
    """Write the whole workbook or nothing: a temporary file beside the target replaces it at the end."""
    target = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as file:
            book.save(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except PermissionError:
        # On Windows, the usual reason: the old file is open in Excel or WPS, which locks it.
        raise SpreadsheetError(path, _("Cannot write {file}: it is open in another program (Excel or WPS?) or "
                                       "not writable. Close it and try again.").format(file=target.name)) from None
    except OSError as error:
        raise SpreadsheetError(path, _("Cannot write {file}: {reason}").format(
            file=target.name, reason=error.strerror or error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Set a cell; text stays text even when it starts with "=" (openpyxl would make it a formula)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def style_header(cell: Cell) -> Cell:
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = CENTER
    return cell
