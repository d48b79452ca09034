"""The fairness report: per eligibility group, who carries how many shifts, nights, restday and
holiday shifts and hours, with the group's average and spread.

The figures are ``domain.fairness`` loads, computed the validator's way (data.fairness_groups), so a
spread printed here is exactly the spread the validator charges for.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from shiftplan.domain.fairness import Category
from shiftplan.i18n import _, ngettext
from shiftplan.printing import formats
from shiftplan.printing.base import (
    HEAD_FILL,
    HOLIDAY_FILL,
    INK,
    MUTED,
    RESTDAY_FILL,
    RULE,
    Heading,
    LegendItem,
    PageHeading,
    Report,
    Title,
    hex_color,
    para,
    style,
    table_style,
)
from shiftplan.printing.data import FairnessGroup, FairnessRow, Spread, fairness_groups

# Name, team, unit, days available, the four categories, hours (fractions of the page width).
COLUMNS = (0.11, 0.07, 0.17, 0.08, 0.12, 0.12, 0.12, 0.12, 0.09)
FIRST_NUMBER = 3  # the column index where the numbers start


def number(value: float) -> str:
    return formats.hours(value)


class FairnessReport(Report[list[FairnessGroup]]):
    def collect(self) -> list[FairnessGroup]:
        return fairness_groups(self.request)

    def document_title(self) -> str:
        return _("Fairness report")

    def legend(self) -> list[LegendItem]:
        return [LegendItem("", _("most in the group"), fill=HOLIDAY_FILL),
                LegendItem("", _("fewest in the group"), fill=RESTDAY_FILL)]

    def story(self, data: list[FairnessGroup]) -> list[Flowable]:
        scenario = self.request.scenario
        stations = self.request.selected_stations()
        weights = " · ".join(f"{_(c.label)} {number(c.weight(scenario))}" for c in Category)
        story: list[Flowable] = [
            PageHeading(Heading(
                title=_("Fairness report"),
                left=stations[0].name if len(stations) == 1 else scenario.name,
                center=formats.date_range(scenario.period.start, scenario.period.end),
                right=_("weights: {weights}").format(weights=weights))),
            para(_("People are compared with those who may do the same work: the same stations, roles and "
                   "rules. Each figure counts this period's shifts; in brackets, where it differs, the figure "
                   "the planner compares: earlier periods added, and this period scaled up for days away. "
                   "The spread is the gap between the highest and the lowest of these in the group."),
                 8.5, color=MUTED, space_after=3 * mm),
        ]
        for number_, group in enumerate(data):
            self.step(number_, len(data))
            title = " · ".join([" + ".join(s.name for s in group.stations),
                                " + ".join(r.name for r in group.roles) or "—", group.rule_set or "—"])
            count = ngettext("{n} person", "{n} people", len(group.rows)).format(n=len(group.rows))
            table = self._table(group)
            story.append(CondPageBreak(30 * mm))  # a group's title never stays alone at a page's foot
            if len(group.rows) <= 10:
                story.append(KeepTogether([Title(f"{title}  ({count})", 10.5, align="left", space_after=1 * mm),
                                           table]))
            else:
                story += [Title(f"{title}  ({count})", 10.5, align="left", space_after=1 * mm), table]
            story.append(para("", 4, space_after=3 * mm))
        if not data:
            story.append(para(_("Nobody may work at the selected stations."), 11))
        return story

    def _table(self, group: FairnessGroup) -> Table:
        labels = [_("Name"), _("Team"), _("Unit"), _("Days available")] + [_(c.label) for c in Category] + [
            _("Hours")]
        head = [para(t, 8.5, align="center") for t in labels]
        rows: list[list[object]] = [head]
        commands: list[tuple[object, ...]] = [
            ("BOX", (0, 0), (-1, -1), 0.8, INK),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for r, row in enumerate(group.rows, start=1):
            rows.append(self._person(row))
            for c, category in enumerate(Category, start=FIRST_NUMBER + 1):
                spread, load = group.spreads[category], row.loads[category]
                if spread is None or load is None or spread.spread < 1e-9:
                    continue
                if abs(load - spread.high) < 1e-9:
                    commands.append(("BACKGROUND", (c, r), (c, r), HOLIDAY_FILL))
                elif abs(load - spread.low) < 1e-9:
                    commands.append(("BACKGROUND", (c, r), (c, r), RESTDAY_FILL))
        # The group's average and spread, under a firm rule.
        first = len(rows)
        rows.append(self._summary(_("Average"), group, lambda s: number(round(s.average, 1))))
        rows.append(self._summary(_("Spread (lowest–highest)"), group, lambda s: f"{number(round(s.spread, 2))}"
                                  f"<font size=7.5 color='{hex_color(MUTED)}'> ({number(round(s.low, 1))}–"
                                  f"{number(round(s.high, 1))})</font>"))
        commands += [("LINEABOVE", (0, first), (-1, first), 0.8, INK),
                     ("SPAN", (0, first), (FIRST_NUMBER, first)),
                     ("SPAN", (0, first + 1), (FIRST_NUMBER, first + 1)),
                     ("BACKGROUND", (0, first), (-1, -1), HEAD_FILL)]
        return Table(rows, colWidths=[w * self.width for w in COLUMNS], style=table_style(commands), repeatRows=1)

    def _person(self, row: FairnessRow) -> list[object]:
        cells: list[object] = [para(row.person.name, 9.5), para(row.person.team, 8.5, color=MUTED),
                               para(row.person.unit, 8, color=MUTED), para(str(row.available), 9, align="right")]
        for category in Category:
            count, load = row.counts[category], row.loads[category]
            text = str(count)
            if load is None:
                text += f" <font color='{hex_color(MUTED)}'>(—)</font>"
            elif abs(load - count) > 1e-9:
                text += f" <font size=7.5 color='{hex_color(MUTED)}'>({number(round(load, 1))})</font>"
            cells.append(Paragraph(text, style(9, align="right")))
        cells.append(para(formats.hours(row.hours), 9, align="right"))
        return cells

    def _summary(self, label: str, group: FairnessGroup, show: Callable[[Spread], str]) -> list[object]:
        def cell(spread: Spread | None) -> Paragraph:
            text = "—" if spread is None or len(group.rows) < 2 else show(spread)
            return Paragraph(text, style(9, align="right"))

        return ([para(label, 8.5, align="right", color=MUTED), "", "", ""]
                + [cell(group.spreads[c]) for c in Category] + [cell(group.hours)])
