"""The shift types: name, clock times (an end at or before the start is on the next day, 次日), night or not."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from shiftplan.domain.model import ShiftType
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import checks
from shiftplan.services.checks import Problems
from shiftplan.services.workspace import Changes, Edit
from shiftplan.ui.controller import Controller
from shiftplan.ui.delegates import ComboDelegate, TimeDelegate, minutes_text, parse_time
from shiftplan.ui.models import CENTER, RIGHT, Column, EditRefused, text_edit
from shiftplan.ui.pages.named_list import NamedListPage, unique_name

START, END, HOURS, NIGHT = 2, 3, 4, 5
NIGHT_CHOICES = (
    (N_("Automatic (from the times)"), None),
    (N_("Yes"), True),
    (N_("No"), False),
)


def end_text(shift: ShiftType) -> str:
    """The end as a planner writes it: 16:00, 24:00, or 次日 08:00 when it is on the next day."""
    if shift.crosses_midnight:
        # Translators: an end time on the day after the shift's date (Chinese: 次日 {time})
        return _("next day {time}").format(time=minutes_text(shift.end % 1440))
    return minutes_text(shift.end)


def night_text(shift: ShiftType) -> str:
    if shift.night is None:
        # Translators: whether the shift counts as a night, decided by its times
        return _("Yes (automatic)") if shift.is_night else _("No (automatic)")
    return _("Yes") if shift.night else _("No")


def _set_start(shift: ShiftType, value: object) -> ShiftType:
    minutes = parse_time(str(value))
    if minutes is None or minutes >= 1440:
        raise EditRefused(_("Write the start as HH:MM, between 00:00 and 23:59."))
    return dataclasses.replace(shift, start=minutes)


def _set_end(shift: ShiftType, value: object) -> ShiftType:
    minutes = parse_time(str(value))
    if minutes is None:
        raise EditRefused(_("Write the end as HH:MM, between 00:00 and 24:00."))
    return dataclasses.replace(shift, end=minutes or 1440)  # 00:00 is the end of the day, 24:00


class ShiftTypesPage(NamedListPage[ShiftType]):
    title = N_("Shift types")
    help = N_("A shift belongs to the date on which it starts. An end at or before the start is on the next day "
              "(次日). Night shifts count for the night rules and are shared out fairly.")
    icon = "shift"
    key = "shift_types"
    interests = Changes.SHIFT_TYPES

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.view.setItemDelegateForColumn(START, TimeDelegate(self.view))
        self.view.setItemDelegateForColumn(END, TimeDelegate(self.view))
        self.view.setItemDelegateForColumn(NIGHT, ComboDelegate(
            lambda: [(_(label), value) for label, value in NIGHT_CHOICES], self.view))

    def columns(self) -> Sequence[Column[ShiftType]]:
        return (
            Column[ShiftType](N_("ID"), lambda s: s.id, edit=text_edit("id"),
                              header_tip=N_("A short code that files and spreadsheets use for the shift")),
            Column[ShiftType](N_("Shift"), lambda s: s.name,
                              edit=text_edit("name", required=_("Enter the shift's name."))),
            Column[ShiftType](N_("Start"), lambda s: minutes_text(s.start), lambda s: s.start, CENTER,
                              edit=_set_start, value=lambda s: s.start),
            Column[ShiftType](N_("End"), end_text, lambda s: s.start + s.minutes, CENTER,
                              edit=_set_end, value=lambda s: s.end),
            Column[ShiftType](N_("Hours"), lambda s: f"{s.hours:g}", lambda s: s.hours, RIGHT),
            Column[ShiftType](N_("Night shift"), night_text, lambda s: int(s.is_night),
                              edit=lambda s, v: dataclasses.replace(s, night=v), value=lambda s: s.night,
                              header_tip=N_("Automatic: a shift that touches 00:00–05:00 is a night")),
        )

    def items(self) -> tuple[ShiftType, ...]:
        return self.workspace.scenario.shift_types

    def count_text(self, n: int) -> str:
        return ngettext("{n} shift type", "{n} shift types", n).format(n=n)

    def new_item(self) -> ShiftType:
        shifts = self.workspace.scenario.shift_types
        start = shifts[-1].end % 1440 if shifts else 8 * 60
        return ShiftType(self.workspace.next_id((s.id for s in shifts), "S"),
                         unique_name(_("New shift"), [s.name for s in shifts]), start, (start + 8 * 60) % 1440 or 1440)

    def check(self, new: ShiftType, others: Sequence[ShiftType], old: ShiftType | None = None) -> Problems:
        return checks.shift_type(new, others)

    def add_edit(self, item: ShiftType, index: int | None) -> Edit:
        return self.workspace.add_shift_type(item, index)

    def update_edit(self, old: ShiftType, new: ShiftType) -> Edit:
        return self.workspace.update_shift_type(old, new)

    def delete_edit(self, item: ShiftType) -> Edit:
        return self.workspace.delete_shift_type(item)

    def move_edit(self, item: ShiftType, index: int) -> Edit:
        return self.workspace.move_shift_type(item, index)
