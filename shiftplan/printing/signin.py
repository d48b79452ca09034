"""Sign-in sheets (签到表): one per station, date and shift, two to a landscape page.

Each half page is complete on its own (station, date, shift, leader), so the page can be cut in
two and each half laid out on the desk of its shift. The rows are as tall as the half page allows,
up to a comfortable height for a signature; a shift too big for one half continues on the next.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak, Paragraph, Spacer, Table

from shiftplan.i18n import _
from shiftplan.printing import formats
from shiftplan.printing.base import (
    HEAD_FILL,
    HOLIDAY_INK,
    INK,
    LEADER_MARK,
    MARGIN,
    MUTED,
    RULE,
    Report,
    Title,
    cell,
    escape,
    hex_color,
    para,
    style,
    table_style,
)
from shiftplan.printing.data import SignIn, sign_ins

GUTTER = 16 * mm  # between the halves; the cut line runs down its middle
SPARE_ROWS = 3  # empty rows for whoever stands in
ROW_HEIGHT = 10 * mm
MIN_ROW_HEIGHT = 7 * mm
SPACES = "&nbsp;" * 6  # between items on one line (plain spaces would collapse)
NAME_SIZE, ROLE_SIZE = 10.5, 9
COLUMNS = (0.07, 0.19, 0.14, 0.15, 0.30, 0.15)  # No., name, role, arrival, signature, departure


class SignInReport(Report[list[SignIn]]):
    page_heading = False  # every half page has its own heading

    def collect(self) -> list[SignIn]:
        return sign_ins(self.request)

    def document_title(self) -> str:
        return _("Sign-in sheets")

    @property
    def half_width(self) -> float:
        return (self.width - GUTTER) / 2

    def frames(self) -> list[Frame]:
        return [Frame(MARGIN + i * (self.half_width + GUTTER), self.bottom, self.half_width, self.height,
                      0, 0, 0, 0) for i in range(2)]

    def draw_background(self, canvas: Canvas) -> None:
        x = self.pagesize[0] / 2
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setDash(3, 2)
        canvas.line(x, MARGIN, x, self.pagesize[1] - MARGIN / 2)
        canvas.restoreState()

    def story(self, data: list[SignIn]) -> list[Flowable]:
        story: list[Flowable] = []
        for number, sheet in enumerate(data):
            self.step(number, len(data))
            if story:
                story.append(FrameBreak())
            story += self._sheet(sheet)
        if not story:
            story.append(para(_("Nobody is on duty in the selected days."), 11))
        return story

    def _sheet(self, sheet: SignIn) -> list[Flowable]:
        day, shift = sheet.day, sheet.shift
        when = f"{formats.long_date(day.date)} {formats.weekday(day.date)}"
        if day.holiday:
            when += f" <font color='{hex_color(HOLIDAY_INK)}'>{escape(formats.holiday_name(day.holiday_name))}</font>"
        leaders = "、".join(LEADER_MARK + d.person.name for d in sheet.leaders)
        details = [_("Duty phone: {phone}").format(phone=sheet.station.phone)] if sheet.station.phone else []
        if leaders:
            details.insert(0, _("Shift leader: {names}").format(names=leaders))
        head: list[Flowable] = [
            Title(_("Sign-in sheet"), 16, space_after=1 * mm),
            para(sheet.station.name, 10, align="center", color=MUTED),
            Paragraph(f"{escape(when)}<br/>{escape(shift.name)} {escape(formats.shift_times(shift))}",
                      style(11.5, align="center", leading=15, space_after=2 * mm)),
            Paragraph(SPACES.join(escape(d) for d in details), style(9, space_after=1.5 * mm)),
        ]
        count = Paragraph(escape(_("Expected: {n}")).format(n=len(sheet.duties)) + SPACES
                          + escape(_("Present: {n}")).format(n="______"), style(9.5, space_after=1 * mm))
        note = para(_("Whoever stands in for someone signs in an empty row and notes whom they replace."),
                    7.5, color=MUTED)
        used = sum(f.wrap(self.half_width, self.height)[1] + f.getSpaceAfter() for f in (*head, count, note))
        rows = len(sheet.duties) + SPARE_ROWS
        header_h = 7 * mm
        row_h = min(ROW_HEIGHT, max(MIN_ROW_HEIGHT, (self.height - used - header_h - 3 * mm) / rows))
        return [*head, self._table(sheet, row_h, header_h), Spacer(0, 2 * mm), count, note]

    def _table(self, sheet: SignIn, row_h: float, header_h: float) -> Table:
        labels = [_("No."), _("Name"), _("Role"), _("Arrival"), _("Signature"), _("Departure")]
        widths = [w * self.half_width for w in COLUMNS]
        rows: list[list[object]] = [[para(t, 8.5, align="center") for t in labels]]
        for number, duty in enumerate(sheet.duties, start=1):
            name = (LEADER_MARK if duty.leader else "") + duty.person.name
            role = duty.role.name if duty.role else ""
            rows.append([str(number), cell(name, NAME_SIZE, widths[1] - 6),
                         cell(role, ROLE_SIZE, widths[2] - 6, color=MUTED), "", "", ""])
        rows += [[""] * len(labels) for _i in range(SPARE_ROWS)]
        commands: list[tuple[object, ...]] = [
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
            ("INNERGRID", (0, 0), (-1, -1), 0.35, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            # Number, name and role in the body (as plain text when it fits; see base.cell).
            ("FONTSIZE", (0, 1), (0, -1), 8.5),
            ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("FONTSIZE", (1, 1), (1, -1), NAME_SIZE),
            ("FONTSIZE", (2, 1), (2, -1), ROLE_SIZE),
            ("TEXTCOLOR", (2, 1), (2, -1), MUTED),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        return Table(rows, colWidths=widths,
                     rowHeights=[header_h] + [row_h] * (len(rows) - 1), style=table_style(commands), repeatRows=1)
