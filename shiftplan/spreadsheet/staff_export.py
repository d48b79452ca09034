"""Writing the staff list: the empty template to fill in, and the current list to edit and import again.

Both are the same workbook: a 人员 sheet with the template's columns and drop-downs, a 说明 sheet,
and a hidden 选项 sheet with the lists the drop-downs offer. The workbook's text is Chinese
whatever the app's language: the template is a Chinese form, and its headers are what the reader
expects first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.domain.model import Party, Role, StaffMember, Station
from shiftplan.spreadsheet.columns import COLUMNS, PARTY_LABELS, STAFF_COLUMNS
from shiftplan.spreadsheet.workbook import put, save_workbook, style_header

STAFF_SHEET = "人员"
HELP_SHEET = "说明"
OPTIONS_SHEET = "选项"
# Drop-downs and formats reach this far down; enough for any checkpoint's list.
TEMPLATE_ROWS = 1000
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"  # a phone typed into a text cell stays 11 digits instead of becoming 1.38E+10
EXAMPLE = StaffMember(id="", name="张三", unit="区卫生健康委员会", phone="13800000000", party=Party.MEMBER, team="一组")


def write_staff_template(path: str | os.PathLike[str], roles: Sequence[Role], stations: Sequence[Station]) -> None:
    """An empty staff list to fill in, with one example row (read back, it is one valid person)."""
    example = dataclasses.replace(EXAMPLE, roles=tuple(r.id for r in roles[:1]),
                                  stations=tuple(s.id for s in stations[:1]) or None)
    save_workbook(_staff_book([example], roles, stations), path)


def export_staff(path: str | os.PathLike[str], staff: Sequence[StaffMember], roles: Sequence[Role],
                 stations: Sequence[Station]) -> None:
    """The staff list in the template's layout, so that it can be edited and imported again."""
    save_workbook(_staff_book(staff, roles, stations), path)


def _staff_book(staff: Sequence[StaffMember], roles: Sequence[Role], stations: Sequence[Station]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = STAFF_SHEET
    role_labels, station_labels = _labels(roles), _labels(stations)
    for number, column in enumerate(STAFF_COLUMNS, start=1):
        style_header(put(sheet, 1, number, column.header))
        dimension = sheet.column_dimensions[get_column_letter(number)]
        dimension.width = column.width
        if column.key in ("phone", "id"):
            dimension.number_format = TEXT_FORMAT
        elif column.key in ("from", "to"):
            dimension.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    for line, person in enumerate(staff, start=2):
        row = {
            "name": person.name, "unit": person.unit, "phone": person.phone,
            "roles": "、".join(role_labels.get(r, r) for r in person.roles),
            "party": PARTY_LABELS[person.party],
            "stations": "、".join(station_labels.get(s, s) for s in person.stations or ()),
            "team": person.team, "id": person.id, "from": person.active_from, "to": person.active_to,
        }
        for number, column in enumerate(STAFF_COLUMNS, start=1):
            cell = put(sheet, line, number, row[column.key] or None)
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif column.key in ("phone", "id"):
                cell.number_format = TEXT_FORMAT
    _help(book.create_sheet(HELP_SHEET), list(role_labels.values()), list(station_labels.values()))
    _drop_downs(book, sheet, list(role_labels.values()), list(station_labels.values()))
    return book


def _labels(items: Sequence[Role | Station]) -> dict[str, str]:
    """id -> what the sheet shows: the name, or the id where two share a name (the reader must tell them apart)."""
    names = [item.name for item in items]
    return {item.id: item.name if names.count(item.name) == 1 else item.id for item in items}


def _drop_downs(book: Workbook, sheet: Worksheet, roles: list[str], stations: list[str]) -> None:
    """Lists to pick from. They sit on a hidden sheet: a list written into the rule itself is limited to
    255 characters, which a few long station names exceed."""
    options = book.create_sheet(OPTIONS_SHEET)
    options.sheet_state = "hidden"
    lists = {"roles": roles, "party": list(PARTY_LABELS.values()), "stations": stations}
    for number, (key, items) in enumerate(lists.items(), start=1):
        put(options, 1, number, COLUMNS[key].header)
        for line, item in enumerate(items, start=2):
            put(options, line, number, item)
        if not items:
            continue
        letter = get_column_letter(number)
        rule = DataValidation(type="list", allow_blank=True,
                              formula1=f"{quote_sheetname(OPTIONS_SHEET)}!${letter}$2:${letter}${len(items) + 1}")
        # Roles and stations may be several in one cell ("带班、消杀"): the list helps, it does not forbid.
        rule.showErrorMessage = key == "party"
        target = get_column_letter(1 + [c.key for c in STAFF_COLUMNS].index(key))
        rule.add(f"{target}2:{target}{TEMPLATE_ROWS}")
        sheet.add_data_validation(rule)


def _help(sheet: Worksheet, roles: list[str], stations: list[str]) -> None:
    lines = [
        "人员名单填写说明",
        "",
        "在“人员”表中每行填一人，第一行是列名。模板中的示例行请改成真实人员或删除。",
        "列的顺序可以调换；列名也可以用常见的其他说法（见下表）或英文。表中其他的列不会读取。",
        "导入时先逐行检查并预览，有问题的行会标出原因，不会导入。",
        "",
    ]
    for line, text in enumerate(lines, start=1):
        put(sheet, line, 1, text or None)
    sheet["A1"].font = Font(bold=True, size=14)
    top = len(lines) + 1
    for number, header in enumerate(("列名", "必填", "填写说明", "也可写作"), start=1):
        style_header(put(sheet, top, number, header))
    for line, column in enumerate(STAFF_COLUMNS, start=top + 1):
        aliases = [a for a in column.aliases if re.search(r"[\u4e00-\u9fff]", a)]
        for number, value in enumerate((column.header, "是" if column.required else "", column.help,
                                        "、".join(aliases)), start=1):
            put(sheet, line, number, value or None).alignment = Alignment(wrap_text=True, vertical="top")
    line = top + len(STAFF_COLUMNS) + 2
    choices = {"可填的岗位": roles, "可填的政治面貌": list(PARTY_LABELS.values()), "可填的站点": stations}
    for title, items in choices.items():
        put(sheet, line, 1, title).font = Font(bold=True)
        put(sheet, line, 2, "、".join(items) or "（未设置）")
        line += 1
    for letter, width in zip("ABCD", (12, 8, 50, 40), strict=True):
        sheet.column_dimensions[letter].width = width
