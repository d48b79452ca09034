"""The station shift sheet (值班表) posted on the wall: one page per station and week.

Days run across the page, shifts down it, and within each shift one row per role, so a person
finds today's column and reads who is on duty as what. The font is the largest (12 pt down to
6 pt) at which the week still fits the page; when even 6 pt does not, the week is split into
fewer days per page, and only a single day too full for a page is continued on the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table

from shiftplan.domain.model import ShiftType
from shiftplan.i18n import _
from shiftplan.printing import formats
from shiftplan.printing.base import (
    HEAD_FILL,
    HOLIDAY_FILL,
    HOLIDAY_INK,
    INK,
    LEADER_MARK,
    MUTED,
    PARTY_INK,
    PARTY_MARK,
    RESTDAY_FILL,
    RULE,
    Heading,
    LegendItem,
    PageHeading,
    Report,
    escape,
    has_cjk,
    hex_color,
    para,
    style,
    table_style,
)
from shiftplan.printing.data import Day, Duty, SheetPage, sheet_pages
from shiftplan.printing.fonts import FONT_NAME, printable, string_width

FONT_SIZES = [x / 2 for x in range(24, 11, -1)]  # 12 pt down to 6 pt, in half points
SHIFT_COLUMN = 21 * mm
ROLE_COLUMN = 13 * mm
PADDING = 2.5  # points around the names in a cell
PARTY_SCALE = 0.62  # the Party mark, raised after the name, at this share of the name's size


@dataclass(frozen=True)
class Name:
    """A name as printed in a cell: with the leader's star before, the Party mark after."""

    text: str
    leader: bool
    party: bool


class NameList(Flowable):
    """Names filled into lines; a name is never broken, one too wide for the cell is drawn smaller."""

    def __init__(self, names: Sequence[Name], size: float) -> None:
        super().__init__()
        self.names = [Name(printable(n.text), n.leader, n.party) for n in names]
        self.size = size
        self.leading = size * 1.22
        self.gap = size * 0.75
        self.lines: list[list[tuple[Name, float]]] = []

    def _width(self, name: Name, size: float) -> float:
        width = string_width(name.text, size)
        if name.leader:
            width += string_width(LEADER_MARK, size)
        if name.party:
            width += string_width(PARTY_MARK, size * PARTY_SCALE)
        return width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        line: list[tuple[Name, float]] = []
        self.lines, used = [], 0.0
        for name in self.names:
            width = self._width(name, self.size)
            size = self.size * min(1.0, avail_width / width) if width else self.size
            width = min(width, avail_width)
            if line and used + self.gap + width > avail_width:
                self.lines.append(line)
                line, used = [], 0.0
            used += (self.gap if line else 0) + width
            line.append((name, size))
        if line:
            self.lines.append(line)
        self.width = avail_width
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for i, line in enumerate(self.lines):
            # Centre the glyphs' ascent-to-descent box (about 1 em for this font) in the line.
            y = self.height - i * self.leading - (self.leading - self.size) / 2 - 0.77 * self.size
            x = 0.0
            for name, size in line:
                text = canvas.beginText(x, y)
                text.setFont(FONT_NAME, size)
                text.setFillColor(INK)
                if name.leader:
                    text.textOut(LEADER_MARK)
                text.textOut(name.text)
                if name.party:
                    text.setFillColor(PARTY_INK)
                    text.setFont(FONT_NAME, size * PARTY_SCALE)
                    text.setRise(size * 0.4)
                    text.textOut(PARTY_MARK)
                    text.setRise(0)
                canvas.drawText(text)
                x += self._width(name, size) + self.gap


class SheetReport(Report[list[SheetPage]]):
    sign_lines = True

    def collect(self) -> list[SheetPage]:
        return sheet_pages(self.request)

    def document_title(self) -> str:
        return _("Duty roster")

    def legend(self) -> list[LegendItem]:
        items = []
        leader = next((r for r in self.request.scenario.roles if r.id == self.request.leader_role), None)
        if leader is not None:
            items.append(LegendItem(LEADER_MARK, leader.name))
        if self.request.mark_party:
            items.append(LegendItem(PARTY_MARK, _("Party member (incl. probationary)"), PARTY_INK))
        items.append(LegendItem("", _("restday"), fill=RESTDAY_FILL))
        items.append(LegendItem("", _("holiday"), fill=HOLIDAY_FILL))
        return items

    def story(self, data: list[SheetPage]) -> list[Flowable]:
        story: list[Flowable] = []
        for number, page in enumerate(data):
            self.step(number, len(data))
            for part, table in self._fit(page):
                if story:
                    story.append(PageBreak())
                story += [PageHeading(self._heading(part)), table]
        return story

    # --- fitting ----------------------------------------------------------------------------

    def _fit(self, page: SheetPage) -> list[tuple[SheetPage, Table]]:
        """The page's table at the largest font that fits; fewer days per page if none does."""
        table = self._largest_fitting(page)
        if table is not None:
            return [(page, table)]
        if len(page.days) == 1:  # nothing left to split: let the table run on over pages
            return [(page, self._table(page, FONT_SIZES[-1]))]
        half = (len(page.days) + 1) // 2
        return self._fit(page.with_days(page.days[:half])) + self._fit(page.with_days(page.days[half:]))

    def _largest_fitting(self, page: SheetPage) -> Table | None:
        """Binary search over the font sizes (a larger font never makes a table shorter)."""
        low, high, best = 0, len(FONT_SIZES) - 1, None
        while low <= high:
            middle = (low + high) // 2
            table = self._table(page, FONT_SIZES[middle])
            _w, height = table.wrap(self.width, self.height)
            if height <= self.height:
                best, high = table, middle - 1
            else:
                low = middle + 1
        return best

    # --- the table ------------------------------------------------------------------------------

    def _heading(self, page: SheetPage) -> Heading:
        station = page.station
        first, last = page.days[0].date, page.days[-1].date
        return Heading(
            title=_("{station} duty roster").format(station=station.name),
            left=_("Party branch: {branch}").format(branch=station.branch) if station.branch else "",
            center=formats.date_range(first, last),
            right=_("Duty phone: {phone}").format(phone=station.phone) if station.phone else "",
        )

    def _table(self, page: SheetPage, size: float) -> Table:
        with_roles = any(role is not None for _shift, roles in page.rows for role in roles)
        label_columns = 2 if with_roles else 1
        label_width = SHIFT_COLUMN + (ROLE_COLUMN if with_roles else 0)
        day_width = (self.width - label_width) / len(page.days)
        widths = [SHIFT_COLUMN] + ([ROLE_COLUMN] if with_roles else []) + [day_width] * len(page.days)
        label_size = min(size, 9.0)

        header: list[object] = [para(_("Shift"), 8, align="center", color=MUTED)]
        if with_roles:
            header.append(para(_("Role"), 8, align="center", color=MUTED))
        header += [self._day_header(day) for day in page.days]
        rows: list[list[object]] = [header]
        commands: list[tuple[object, ...]] = [
            # Frame and grid: thin lines inside, a firm frame, a firm rule under the header.
            ("BOX", (0, 0), (-1, -1), 1.0, INK),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            # Padding: names sit close to the grid, labels are centred.
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING * 0.8),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 0), (label_columns - 1, -1), "MIDDLE"),
            ("VALIGN", (label_columns, 1), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 1), (0, -1), HEAD_FILL),
        ]
        # Restdays and holidays: the whole day column is tinted, header included.
        for col, day in enumerate(page.days, start=label_columns):
            if day.holiday or day.restday:
                commands.append(("BACKGROUND", (col, 0), (col, -1), HOLIDAY_FILL if day.holiday else RESTDAY_FILL))

        for shift, roles in page.rows:
            first = len(rows)
            for role in roles:
                row: list[object] = [""]
                if with_roles:
                    row.append(para(role.name if role else "—", label_size, align="center", color=MUTED))
                row += [self._names(page.duties(day, shift, role), size) for day in page.days]
                rows.append(row)
            rows[first][0] = self._shift_label(shift, label_size)
            commands += [("SPAN", (0, first), (0, len(rows) - 1)),
                         ("LINEABOVE", (0, first), (-1, first), 0.9, INK)]
        return Table(rows, colWidths=widths, style=table_style(commands), repeatRows=1)

    def _shift_label(self, shift: ShiftType, size: float) -> Paragraph:
        """The shift's name, and its times below: on two lines (after the dash) if one is too narrow."""
        start, end = formats.shift_time_parts(shift)
        room = SHIFT_COLUMN - 2 * PADDING
        times = escape(start + end) if string_width(start + end, size - 1) <= room else (
            f"{escape(start)}<br/>{escape(end)}")
        return Paragraph(f"{escape(shift.name)}<br/><font size={size - 1:g} color='{hex_color(MUTED)}'>{times}</font>",
                         style(size + 1, align="center", cjk=has_cjk(shift.name)))

    def _day_header(self, day: Day) -> Paragraph:
        """Date, weekday, and the holiday's name or a note that a weekend day is worked in lieu."""
        lines = [(formats.short_date(day.date), 10, INK), (formats.weekday(day.date), 8, INK)]
        if day.holiday:
            lines.append((formats.holiday_name(day.holiday_name) or _("holiday"), 8, HOLIDAY_INK))
        elif day.weekend_workday:
            lines.append((_("working day"), 8, MUTED))
        markup = "<br/>".join(f"<font size={size} color='{hex_color(color)}'>{escape(text)}</font>"
                              for text, size, color in lines)
        return Paragraph(markup, style(10, align="center", leading=11, cjk=has_cjk("".join(t for t, _s, _c in lines))))

    def _names(self, duties: tuple[Duty, ...], size: float) -> NameList:
        party = self.request.mark_party
        return NameList([Name(d.person.name, d.leader, party and d.person.is_party_member) for d in duties], size)

