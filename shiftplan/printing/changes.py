"""The changes page: what differs between the previous schedule of a plan and the current one.

One row per person and date that changed: moved to another shift (or station), another role on
the same shift, added, or removed. Posted next to the sheet, it tells people what to look for.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from shiftplan.domain.changes import ChangeKind
from shiftplan.i18n import N_, _, ngettext
from shiftplan.printing import formats
from shiftplan.printing.base import (
    HEAD_FILL,
    HOLIDAY_INK,
    INK,
    MUTED,
    RULE,
    Heading,
    PageHeading,
    Report,
    escape,
    has_cjk,
    hex_color,
    para,
    style,
    table_style,
)
from shiftplan.printing.data import Change, Duty, changes

ADDED_INK = colors.HexColor("#1d6b2f")
KIND_LABELS = {
    ChangeKind.MOVED: (N_("moved"), INK),
    ChangeKind.ROLE: (N_("new role"), INK),
    ChangeKind.ADDED: (N_("added"), ADDED_INK),
    ChangeKind.REMOVED: (N_("removed"), HOLIDAY_INK),
}


class ChangesReport(Report[list[Change]]):
    sign_lines = True

    def collect(self) -> list[Change]:
        return changes(self.request)

    def document_title(self) -> str:
        return _("Changes to the roster")

    def story(self, data: list[Change]) -> list[Flowable]:
        self.step(0, 1)
        stations = self.request.selected_stations()
        dates = self.request.dates()
        story: list[Flowable] = [PageHeading(Heading(
            title=_("Changes to the roster"),
            left=stations[0].name if len(stations) == 1 else self.request.scenario.name,
            center=formats.date_range(dates[0], dates[-1]),
            right=self.request.previous_label or _("compared with the previous version of the plan")))]
        if not data:
            story.append(para(_("No changes: the current roster is the same as the one compared with."), 12))
            return story
        counts = {kind: sum(1 for c in data if c.kind is kind) for kind in ChangeKind}
        parts = " · ".join(f"{_(KIND_LABELS[kind][0])} {n}" for kind, n in counts.items() if n)
        total = ngettext("{n} change", "{n} changes", len(data)).format(n=len(data))
        story.append(para(_("{total}: {parts}").format(total=total, parts=parts), 10, space_after=2.5 * mm))
        story.append(self._table(data, several_stations=len({c.station.id for c in data}) > 1))
        return story

    def _table(self, data: list[Change], several_stations: bool) -> Table:
        labels = [_("Date"), _("Name"), _("Change"), _("Before"), _("After")]
        widths = [0.12, 0.12, 0.08, 0.34, 0.34]
        if several_stations:
            labels.insert(1, _("Station"))
            widths = [0.11, 0.2, 0.1, 0.07, 0.26, 0.26]
        rows: list[list[object]] = [[para(t, 9, align="center") for t in labels]]
        commands: list[tuple[object, ...]] = [
            ("BOX", (0, 0), (-1, -1), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (1, 1), (-1, -1), 0.25, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        previous = None
        for change in data:
            # The date is written once for its rows; a firm line separates the dates.
            first_of_day = change.day.date != previous
            previous = change.day.date
            if first_of_day and len(rows) > 1:
                commands.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.6, INK))
            label, color = KIND_LABELS[change.kind]
            day = f"{formats.short_date(change.day.date)} {formats.weekday(change.day.date)}"
            row: list[object] = [para(day if first_of_day else "", 9.5)]
            if several_stations:
                row.append(para(change.station.name, 8.5, color=MUTED))
            row += [para(change.person.name, 10), para(_(label), 9, color=color),
                    self._duty(change.before, change, struck=change.after is None),
                    self._duty(change.after, change)]
            rows.append(row)
        return Table(rows, colWidths=[w * self.width for w in widths], style=table_style(commands), repeatRows=1)

    def _duty(self, duty: Duty | None, change: Change, struck: bool = False) -> Paragraph:
        if duty is None:
            return para("—", 9.5, color=MUTED)
        moved_station = (change.before is not None and change.after is not None
                         and change.before.station.id != change.after.station.id)
        text = f"{duty.shift.name} {formats.shift_times(duty.shift)}"
        if duty.role is not None:
            text += f" · {duty.role.name}"
        markup = escape(text)
        if duty is change.after and change.replaces is not None:
            markup += escape(" " + _("(in place of {name})").format(name=change.replaces.name))
        if moved_station:
            markup += f"<br/><font size=8 color='{hex_color(MUTED)}'>{escape(duty.station.name)}</font>"
        if struck:
            markup = f"<strike>{markup}</strike>"
        return Paragraph(markup, style(9.5, cjk=has_cjk(text)))
