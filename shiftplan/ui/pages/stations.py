"""The stations: name, the temporary Party branch, the duty phone, and how many people may work there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from shiftplan.domain.model import Station
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import checks
from shiftplan.services.checks import Problems
from shiftplan.services.workspace import Changes, Edit
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import RIGHT, Column, phone_edit, text_edit
from shiftplan.ui.pages.named_list import NamedListPage, unique_name


class StationsPage(NamedListPage[Station]):
    title = N_("Stations")
    help = N_("Each station is rostered on its own. Double-click a cell to change it; the order here is the order on "
              "the sheets.")
    icon = "station"
    key = "stations"
    interests = Changes.STATIONS | Changes.STAFF
    STRETCH_LAST = False

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        self._staff: dict[str, int] = {}
        super().__init__(controller, parent)

    def columns(self) -> Sequence[Column[Station]]:
        return (
            Column[Station](N_("ID"), lambda s: s.id, edit=text_edit("id"),
                            header_tip=N_("A short code that files and spreadsheets use for the station")),
            Column[Station](N_("Station"), lambda s: s.name,
                            edit=text_edit("name", required=_("Enter the station's name."))),
            Column[Station](N_("Party branch"), lambda s: s.branch, edit=text_edit("branch")),
            Column[Station](N_("Duty phone"), lambda s: s.phone, edit=phone_edit("phone")),
            Column[Station](N_("Number of staff"), lambda s: str(self._staff.get(s.id, 0)),
                            lambda s: self._staff.get(s.id, 0), RIGHT,
                            header_tip=N_("People who may work at the station")),
        )

    def prepare(self) -> None:
        staff = self.workspace.scenario.staff
        self._staff = {s.id: sum(p.may_work_at(s.id) for p in staff) for s in self.workspace.scenario.stations}

    def items(self) -> tuple[Station, ...]:
        return self.workspace.scenario.stations

    def count_text(self, n: int) -> str:
        return ngettext("{n} station", "{n} stations", n).format(n=n)

    def new_item(self) -> Station:
        stations = self.workspace.scenario.stations
        return Station(self.workspace.next_id((s.id for s in stations), "S"),
                       unique_name(_("New station"), [s.name for s in stations]))

    def check(self, new: Station, others: Sequence[Station], old: Station | None = None) -> Problems:
        return checks.station(new, others, old)

    def add_edit(self, item: Station, index: int | None) -> Edit:
        return self.workspace.add_station(item, index)

    def update_edit(self, old: Station, new: Station) -> Edit:
        return self.workspace.update_station(old, new)

    def delete_edit(self, item: Station) -> Edit:
        return self.workspace.delete_station(item)

    def move_edit(self, item: Station, index: int) -> Edit:
        return self.workspace.move_station(item, index)
