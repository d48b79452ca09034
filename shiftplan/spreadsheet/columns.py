"""The columns of a staff sheet: the template's Chinese headers, and the other ways people write them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from shiftplan.domain.model import Party

# The header row is looked for this far down: sheets often start with a title and a date line.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Column:
    key: str  # the StaffMember field it fills, named as in the exchange format
    header: str  # the template's header
    aliases: tuple[str, ...]  # other headers meaning the same (compared after normalize_header)
    width: float  # in the template, in characters
    help: str  # what to write, for the 说明 sheet (in Chinese, like the template)
    required: bool = False


STAFF_COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", ("名字", "人员姓名", "工作人员", "name", "full name", "staff name"),
           10, "每行一人，必填。", required=True),
    Column("unit", "单位", ("工作单位", "所在单位", "派出单位", "单位名称", "部门",
                          "unit", "organisation", "organization", "department", "employer"),
           22, "派出单位，可不填。"),
    Column("phone", "电话", ("手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "移动电话",
                           "phone", "mobile", "tel", "telephone", "phone number", "mobile phone", "cell phone"),
           16, "11位手机号（如 13800000000）或座机（如 0371-12345678），可不填。"),
    Column("roles", "岗位", ("角色", "职责", "岗位职责", "工作岗位", "执勤岗位", "分工",
                           "role", "roles", "duty", "duties", "position", "job"),
           16, "能担任的岗位，可填多个，用“、”分隔（如“带班、消杀”）。"),
    Column("party", "政治面貌", ("党员", "是否党员", "党员身份", "政治身份",
                             "party", "party status", "political status", "party member"),
           12, "党员、预备党员、入党积极分子或群众；不填即群众。"),
    Column("stations", "站点", ("卡点", "服务站", "执勤点", "执勤站点", "执勤地点", "卡口", "检查站", "点位",
                              "station", "stations", "checkpoint", "site"),
           26, "可去执勤的站点，多个用“、”分隔；不填即所有站点。"),
    Column("team", "班组", ("组别", "小组", "分组", "组", "队别", "team", "crew", "group", "squad"),
           10, "所在班组，如“一组”，可不填。"),
    Column("id", "编号", ("工号", "人员编号", "员工编号", "id", "staff id", "person id", "employee id"),
           10, "不填时自动编号；已有的人请保留原编号。"),
    Column("from", "起始日期", ("开始日期", "起始", "开始", "到岗日期", "上岗日期", "起始时间", "开始时间", "从",
                            "from", "start", "start date", "since"),
           12, "到岗日期，如 2020-01-20；不填即一直在岗。"),
    Column("to", "截止日期", ("结束日期", "截止", "结束", "离岗日期", "截止时间", "结束时间", "至", "到",
                          "to", "end", "end date", "until"),
           12, "离岗日期（当天仍在岗）；不填即一直在岗。"),
)
COLUMNS = {c.key: c for c in STAFF_COLUMNS}

# A row-number column (序号) is in nearly every Chinese list and means nothing to us: not worth a note.
ROW_NUMBER_HEADERS = frozenset({"序号", "序", "no", "#"})

PARTY_LABELS = {Party.MEMBER: "党员", Party.PROBATIONARY: "预备党员", Party.APPLICANT: "入党积极分子",
                Party.NONE: "群众"}


def squeeze(text: str) -> str:
    """Text as compared with known words: full-width folded to half-width, no whitespace, no case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def normalize_header(value: object) -> str:
    """A header without notes in brackets, required marks, a trailing colon or spacing ("姓　名：" → 姓名)."""
    if not isinstance(value, str):
        return ""
    text = re.sub(r"\([^)]*\)|\[[^]]*]|【[^】]*】|〔[^〕]*〕|<[^>]*>", "", unicodedata.normalize("NFKC", value))
    return re.sub(r"[*:_\-.]", "", squeeze(text))


_KEYS = {normalize_header(name): c.key for c in STAFF_COLUMNS for name in (c.header, *c.aliases)}


def header_key(value: object) -> str | None:
    """The field a header means, or None; "单位/部门" and "手机|电话" mean the field of their first known part."""
    text = normalize_header(value)
    if text in _KEYS:
        return _KEYS[text]
    return next((_KEYS[part] for part in re.split(r"[/、|]", text) if part in _KEYS), None)


@dataclass(frozen=True)
class Header:
    """Where a sheet's header row is and what its columns mean."""

    line: int  # the Excel row number
    columns: dict[str, int]  # field key -> column number (1-based), the first column for each field
    labels: dict[int, str]  # column number -> the header as written, for messages
    unknown: list[int]  # columns that mean nothing to us (ignored)
    repeated: dict[int, str]  # column number -> the field an earlier column already fills (ignored)

    def label(self, column: int) -> str:
        return f"{self.labels[column]} ({get_column_letter(column)})"


def find_header(sheet: Worksheet) -> Header | None:
    """The row among the first ten that names the most fields, one of them the name; None if there is none."""
    best: Header | None = None
    for line, values in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
        header = _read_header(line, values)
        if "name" in header.columns and (best is None or len(header.columns) > len(best.columns)):
            best = header
    return best


def _read_header(line: int, values: tuple[object, ...]) -> Header:
    columns: dict[str, int] = {}
    labels: dict[int, str] = {}
    unknown: list[int] = []
    repeated: dict[int, str] = {}
    for number, value in enumerate(values, start=1):
        if value is None or not str(value).strip():
            continue
        labels[number] = re.sub(r"\s+", " ", str(value)).strip()
        key = header_key(value)
        if key is None:
            if normalize_header(value) not in ROW_NUMBER_HEADERS:
                unknown.append(number)
        elif key in columns:
            repeated[number] = key
        else:
            columns[key] = number
    return Header(line, columns, labels, unknown, repeated)
