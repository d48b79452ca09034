"""The roles people serve on a shift (民警, 医务, 带班 …), with how many people can serve each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from shiftplan.domain.model import Role
from shiftplan.i18n import N_, _, ngettext
from shiftplan.services import checks
from shiftplan.services.checks import Problems
from shiftplan.services.workspace import Changes, Edit
from shiftplan.ui.controller import Controller
from shiftplan.ui.models import RIGHT, Column, text_edit
from shiftplan.ui.pages.named_list import NamedListPage, unique_name


class RolesPage(NamedListPage[Role]):
    title = N_("Roles")
    help = N_("What a person can do on a shift. Every person has at least one role; the cover says how many of each "
              "role a shift needs.")
    icon = "role"
    key = "roles"
    interests = Changes.ROLES | Changes.STAFF | Changes.COVER
    STRETCH_LAST = False

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        self._people: Counter[str] = Counter()
        self._party: Counter[str] = Counter()
        super().__init__(controller, parent)

    def columns(self) -> Sequence[Column[Role]]:
        return (
            Column[Role](N_("ID"), lambda r: r.id, edit=text_edit("id"),
                         header_tip=N_("A short code that files and spreadsheets use for the role")),
            Column[Role](N_("Role"), lambda r: r.name, edit=text_edit("name", required=_("Enter the role's name."))),
            Column[Role](N_("Number of staff"), lambda r: str(self._people[r.id]), lambda r: self._people[r.id], RIGHT,
                         header_tip=N_("People who have the role")),
            Column[Role](N_("Of them Party members"), lambda r: str(self._party[r.id]), lambda r: self._party[r.id],
                         RIGHT),
        )

    def prepare(self) -> None:
        staff = self.workspace.scenario.staff
        self._people = Counter(role for p in staff for role in p.roles)
        self._party = Counter(role for p in staff if p.is_party_member for role in p.roles)

    def items(self) -> tuple[Role, ...]:
        return self.workspace.scenario.roles

    def count_text(self, n: int) -> str:
        return ngettext("{n} role", "{n} roles", n).format(n=n)

    def new_item(self) -> Role:
        roles = self.workspace.scenario.roles
        name = unique_name(_("New role"), [r.name for r in roles])
        return Role(self.workspace.next_id((r.id for r in roles), "R"), name)

    def check(self, new: Role, others: Sequence[Role], old: Role | None = None) -> Problems:
        return checks.role(new, others)

    def add_edit(self, item: Role, index: int | None) -> Edit:
        return self.workspace.add_role(item, index)

    def update_edit(self, old: Role, new: Role) -> Edit:
        return self.workspace.update_role(old, new)

    def delete_edit(self, item: Role) -> Edit:
        return self.workspace.delete_role(item)

    def move_edit(self, item: Role, index: int) -> Edit:
        return self.workspace.move_role(item, index)
