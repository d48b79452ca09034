"""Excel workbooks (.xlsx, through openpyxl): the staff list in and out, and the roster out.

Workbooks come from other people's Excel or WPS and have their quirks (a title above the
headers, headers in other words, phones stored as numbers, merged cells); the reader copes with
those and reports everything else per row, in the user's language. The workbooks written are
Chinese forms, whatever the app's language. Nothing here knows Qt or the database.
"""

from shiftplan.spreadsheet.columns import STAFF_COLUMNS, Column
from shiftplan.spreadsheet.roster import export_roster
from shiftplan.spreadsheet.staff_export import export_staff, write_staff_template
from shiftplan.spreadsheet.staff_import import ImportRow, StaffImport, read_staff_workbook
from shiftplan.spreadsheet.workbook import SpreadsheetError

__all__ = [
    "STAFF_COLUMNS",
    "Column",
    "ImportRow",
    "SpreadsheetError",
    "StaffImport",
    "export_roster",
    "export_staff",
    "read_staff_workbook",
    "write_staff_template",
]
