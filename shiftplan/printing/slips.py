"""Personal duty slips: each person's shifts as a small calendar, several slips to a page, cut apart.

A slip is a fixed-size flowable drawn straight on the canvas; the page is a grid of frames exactly
one slip large, so the slips fill it row by row. The cut lines are drawn under the content.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak

from shiftplan.i18n import _, ngettext
from shiftplan.printing import formats
from shiftplan.printing.base import (
    HOLIDAY_FILL,
    HOLIDAY_INK,
    INK,
    LEADER_MARK,
    MARGIN,
    MUTED,
    RESTDAY_FILL,
    RULE,
    Heading,
    PageHeading,
    Report,
    draw_text,
)
from shiftplan.printing.data import Day, Duty, Slip, slips
from shiftplan.printing.fonts import string_width

COLUMNS = 2
PAD = 4 * mm  # inside a slip, all round
TOP = 12 * mm  # name and details
WEEKDAY_ROW = 4.5 * mm
BOTTOM = 4.5 * mm  # the slip's own small print
MIN_CELL_HEIGHT = 11 * mm  # a calendar day: shift, times and role still readable
MAX_CELL_HEIGHT = 15 * mm
LINE = 1.2  # line height, in font sizes


def calendar_weeks(days: tuple[Day, ...]) -> list[list[Day | None]]:
    """The days as Monday-to-Sunday rows; None where a row reaches outside the dates."""
    first = days[0].date - dt.timedelta(days=days[0].date.weekday())
    by_date = {d.date: d for d in days}
    weeks = math.ceil(((days[-1].date - first).days + 1) / 7)
    return [[by_date.get(first + dt.timedelta(days=7 * w + i)) for i in range(7)] for w in range(weeks)]


def fit_lines(lines: list[tuple[str, float, colors.Color]], width: float, height: float) -> float:
    """The scale (at most 1) at which these (text, size, colour) lines fit a width and height."""
    needed = sum(size * LINE for _text, size, _c in lines)
    widest = max((string_width(text, size) / width for text, size, _c in lines if text), default=0)
    return min(1.0, height / needed if needed else 1.0, 1 / widest if widest else 1.0)


class SlipFlowable(Flowable):
    """One slip, drawn on the canvas: the person, the dates, and a calendar of their shifts."""

    def __init__(self, slip: Slip, width: float, height: float, cell_height: float, phone: str) -> None:
        super().__init__()
        self.slip, self.width, self.height = slip, width, height
        self.cell_height = cell_height
        self.phone = phone

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, slip = self.canv, self.slip
        left, right, top = PAD, self.width - PAD, self.height - PAD
        # The person, large, with team and unit; the station on the right (each shrinks if crowded).
        y = top - 5 * mm
        station_w = draw_text(canvas, right, y, slip.station.name, 9, align="right", max_width=(right - left) * 0.4)
        x = left + draw_text(canvas, left, y, slip.person.name, 15, bold=True, max_width=(right - left) * 0.3)
        room = right - station_w - 4 * mm
        for text, size, color in ((slip.person.team, 10, INK), (slip.person.unit, 8, MUTED)):
            if text and room - x - 3 * mm > 5 * mm:
                x += 3 * mm + draw_text(canvas, x + 3 * mm, y, text, size, color=color, max_width=room - x - 3 * mm)
        y -= 5.5 * mm
        count = len(slip.duties)
        summary = ngettext("{n} shift", "{n} shifts", count).format(n=count)
        summary += " · " + _("{hours} hours").format(hours=formats.hours(slip.hours))
        draw_text(canvas, left, y, formats.date_range(slip.days[0].date, slip.days[-1].date), 8.5, color=MUTED)
        draw_text(canvas, right, y, summary, 8.5, align="right", color=MUTED)
        # The calendar.
        cell_w = (right - left) / 7
        y = top - TOP
        monday = dt.date(2024, 1, 1)
        for i in range(7):
            draw_text(canvas, left + (i + 0.5) * cell_w, y - 3.2 * mm, formats.weekday(monday + dt.timedelta(days=i)),
                      7.5, align="center", color=MUTED)
        y -= WEEKDAY_ROW
        duties: dict[dt.date, list[Duty]] = defaultdict(list)
        for duty in slip.duties:
            duties[duty.day.date].append(duty)
        for week in calendar_weeks(slip.days):
            for i, day in enumerate(week):
                if day is not None:
                    self._cell(left + i * cell_w, y - self.cell_height, cell_w, day, duties.get(day.date, []))
            y -= self.cell_height
        if self.phone:
            draw_text(canvas, left, PAD - 1 * mm, _("Duty phone: {phone}").format(phone=self.phone), 7.5,
                      color=MUTED)

    def _cell(self, x: float, y: float, w: float, day: Day, duties: list[Duty]) -> None:
        canvas, h = self.canv, self.cell_height
        fill = HOLIDAY_FILL if day.holiday else RESTDAY_FILL if day.restday else None
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        if fill is not None:
            canvas.setFillColor(fill)
        canvas.rect(x, y, w, h, stroke=1, fill=fill is not None)
        # Day of the month in the corner (with the month on the first day and each 1st), the
        # holiday's name beside it.
        corner = y + h - 2.8 * mm
        first = day.date == self.slip.days[0].date or day.date.day == 1
        draw_text(canvas, x + 1.2 * mm, corner, formats.short_date(day.date) if first else str(day.date.day), 7,
                  color=MUTED)
        if day.holiday and day.holiday_name:
            name = formats.holiday_name(day.holiday_name)
            size = min(6.0, 6.0 * (w - 8 * mm) / max(string_width(name, 6), 1))
            draw_text(canvas, x + w - 1 * mm, corner, name, size, align="right", color=HOLIDAY_INK)
        lines: list[tuple[str, float, colors.Color]] = []
        for duty in duties:
            lines.append(((LEADER_MARK if duty.leader else "") + duty.shift.name, 9.5, INK))
            lines.append((formats.shift_times(duty.shift), 6.5, MUTED))
            if duty.role is not None and len(duty.person.roles) > 1:  # else the person knows it
                lines.append((duty.role.name, 6.5, MUTED))
            if self.slip.several_stations:
                lines.append((duty.station.name, 6, MUTED))
        if not lines:
            return
        # The lines as one block, centred in the room below the corner line.
        room_top, room_bottom = corner - 1.2 * mm, y + 0.8 * mm
        scale = fit_lines(lines, w - 2 * mm, room_top - room_bottom)
        block = sum(size * scale * LINE for _text, size, _c in lines)
        line_top = room_top - (room_top - room_bottom - block) / 2
        for text, size, color in lines:
            size *= scale
            draw_text(canvas, x + w / 2, line_top - 0.87 * size, text, size, align="center", color=color)
            line_top -= size * LINE


class SlipsReport(Report[list[Slip]]):
    def collect(self) -> list[Slip]:
        return slips(self.request)

    def document_title(self) -> str:
        return _("Personal duty slips")

    def _layout(self) -> tuple[int, float, float]:
        """Slips per column, slip height and calendar cell height: as many slips as fit the page
        with readable calendar cells (a slip of many weeks gets a column to itself)."""
        weeks = len(calendar_weeks(tuple(Day(d) for d in self.request.dates())))
        fixed = 2 * PAD + TOP + WEEKDAY_ROW + BOTTOM
        rows = max(1, int(self.height // (fixed + weeks * MIN_CELL_HEIGHT)))
        cell = (self.height / rows - fixed) / weeks
        return rows, self.height / rows, min(cell, MAX_CELL_HEIGHT)

    def _grid(self) -> list[tuple[float, float, float, float]]:
        """The slips' rectangles (x, y, width, height), row by row from the top left."""
        rows, slip_h, _cell = self._layout()
        slip_w = self.width / COLUMNS
        return [(MARGIN + c * slip_w, self.top - (r + 1) * slip_h, slip_w, slip_h)
                for r in range(rows) for c in range(COLUMNS)]

    def frames(self) -> list[Frame]:
        return [Frame(x, y, w, h, 0, 0, 0, 0) for x, y, w, h in self._grid()]

    def draw_background(self, canvas: Canvas) -> None:
        """Dashed cut lines between the slips, running on into the margins as crop marks."""
        grid = self._grid()
        xs = sorted({x for x, _y, _w, _h in grid} | {x + w for x, _y, w, _h in grid})
        ys = sorted({y for _x, y, _w, _h in grid} | {y + h for _x, y, _w, h in grid})
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setDash(3, 2)
        for x in xs:
            canvas.line(x, ys[0] - 3 * mm, x, ys[-1] + 3 * mm)
        for y in ys:
            canvas.line(xs[0] - 3 * mm, y, xs[-1] + 3 * mm, y)
        canvas.restoreState()

    def story(self, data: list[Slip]) -> list[Flowable]:
        rows, slip_h, cell_h = self._layout()
        slip_w = self.width / COLUMNS
        dates = self.request.dates()
        story: list[Flowable] = []
        station = None
        for number, slip in enumerate(data):
            self.step(number, len(data))
            if slip.station != station:
                station = slip.station
                if story:
                    story.append(PageBreak())
                story.append(PageHeading(Heading(
                    title=_("Personal duty slips"), left=station.name,
                    center=formats.date_range(dates[0], dates[-1]),
                    right=_("{n} per page, cut along the dashed lines").format(n=rows * COLUMNS))))
            story.append(SlipFlowable(slip, slip_w, slip_h, cell_h, slip.station.phone))
        if not story:
            story.append(PageHeading(Heading(_("Personal duty slips"), center=_("nobody is on duty"))))
        return story
