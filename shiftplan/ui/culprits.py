"""Why no roster exists, actionable: one row per requirement the explanation names.

Each row has the sentence, a link to the page where that requirement is edited and, where the
relaxation is obvious, a one-click undoable edit: make the cover entry soft, or give the
person's hard rule a weight. The rows are :class:`~shiftplan.domain.culprits.Culprit` values
from the solve; the main window does the navigation (:func:`open_culprit`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shiftplan.domain.culprits import Culprit, CulpritKind
from shiftplan.domain.errors import UserError
from shiftplan.i18n import _
from shiftplan.services import relax
from shiftplan.services.workspace import Edit, Workspace
from shiftplan.ui.pages.base import select_ids

if TYPE_CHECKING:
    from shiftplan.ui.main_window import MainWindow


def link_text(culprit: Culprit) -> str:
    """The label of the row's link to where the requirement is edited."""
    if culprit.kind in (CulpritKind.COVER, CulpritKind.STATION):
        return _("Edit cover…")
    if culprit.kind is CulpritKind.ABSENCE:
        return _("Show leave…")
    if culprit.kind is CulpritKind.PERSON_RULE and culprit.rules:
        return _("Edit rule set…")
    return _("Show person…")


class CulpritRow(QFrame):
    """One culprit: its sentence, its link, its relaxation."""

    def __init__(self, culprit: Culprit, panel: CulpritPanel) -> None:
        super().__init__(panel)
        self.culprit = culprit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.label = QLabel("· " + culprit.text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        self.link_button = QPushButton(link_text(culprit), self)
        self.link_button.setFlat(True)
        self.link_button.clicked.connect(lambda _checked=False: panel.open_requested.emit(culprit))
        buttons.addWidget(self.link_button)
        self.person_button: QPushButton | None = None
        if culprit.kind is CulpritKind.PERSON_RULE and culprit.rules and culprit.staff is not None:
            self.person_button = QPushButton(_("Show person…"), self)
            self.person_button.setFlat(True)
            self.person_button.clicked.connect(lambda _checked=False: panel.open_requested.emit(
                Culprit(CulpritKind.FIXED, culprit.text, staff=culprit.staff)))
            buttons.addWidget(self.person_button)
        self.relax_button: QPushButton | None = None
        if culprit.relaxes_cover and culprit.kind is CulpritKind.STATION:
            self.relax_button = QPushButton(_("Make this station's cover soft"), self)
            self.relax_button.setToolTip(_("Every hard cover entry of the station becomes soft: a shortfall then "
                                           "costs its weight instead of leaving no roster. Undo takes it back."))
            self.relax_button.clicked.connect(lambda _checked=False: panel.relax(culprit, relax.cover_soft))
        elif culprit.relaxes_cover:
            self.relax_button = QPushButton(_("Make this cover soft"), self)
            self.relax_button.setToolTip(_("The cover entry that applies here becomes soft: a shortfall then costs "
                                           "its weight instead of leaving no roster. Undo takes it back."))
            self.relax_button.clicked.connect(lambda _checked=False: panel.relax(culprit, relax.cover_soft))
        elif culprit.relaxes_rule:
            self.relax_button = QPushButton(_("Make this rule soft (weight {weight:g})").format(
                weight=relax.SOFT_RULE_WEIGHT), self)
            self.relax_button.setToolTip(_("The rule becomes soft in the person's rule set, for everyone who follows "
                                           "it: breaking it then costs its weight. Undo takes it back."))
            self.relax_button.clicked.connect(lambda _checked=False: panel.relax(culprit, relax.rule_soft))
        if self.relax_button is not None:
            buttons.addWidget(self.relax_button)
        buttons.addStretch()
        layout.addLayout(buttons)

    def update_relaxable(self, workspace: Workspace) -> None:
        if self.relax_button is None:
            return
        scenario = workspace.scenario
        if self.culprit.relaxes_cover:
            self.relax_button.setEnabled(bool(relax.hard_cover(scenario, self.culprit)))
        else:
            self.relax_button.setEnabled(relax.hard_rule_set(scenario, self.culprit) is not None)


class CulpritPanel(QWidget):
    """The rows of the culprits of the last solve without a roster."""

    open_requested = Signal(object)  # a Culprit: show the page where it is edited
    relaxed = Signal()  # a relaxation was made

    def __init__(self, workspace: Callable[[], Workspace], apply: Callable[[Edit], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._apply = workspace, apply
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[CulpritRow] = []
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self._layout.addWidget(self.note)

    def set_culprits(self, culprits: tuple[Culprit, ...]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self.note.hide()
        for culprit in culprits:
            row = CulpritRow(culprit, self)
            self._layout.insertWidget(len(self.rows), row)
            self.rows.append(row)
        self.update_rows()
        self.setVisible(bool(culprits))

    def text(self) -> str:
        """The rows' sentences, one a line."""
        return "\n".join(row.label.text() for row in self.rows)

    def update_rows(self) -> None:
        """Enable the relaxations that can still be made (after an edit or an undo)."""
        workspace = self._workspace()
        for row in self.rows:
            row.update_relaxable(workspace)

    def relax(self, culprit: Culprit, edit: Callable[[Workspace, Culprit], Edit]) -> bool:
        """Make one relaxation as an undoable edit; returns whether it was made."""
        try:
            made = self._apply(edit(self._workspace(), culprit))
        except UserError as error:
            self.note.setText(str(error))
            self.note.show()
            return False
        if made:
            self.note.setText(_("Changed. Press Solve again to look for a roster; Undo takes the change back."))
            self.note.show()
            self.relaxed.emit()
        self.update_rows()
        return made


def open_culprit(window: MainWindow, culprit: Culprit) -> None:
    """Show the page where the culprit is edited, with it selected."""
    scenario = window.controller.workspace.scenario
    if culprit.kind in (CulpritKind.COVER, CulpritKind.STATION):
        page = window.cover_page
        window.show_page(page)
        indexes = relax.hard_cover(scenario, culprit) or [i for i, _entry in culprit.covers if i < len(scenario.cover)]
        if indexes:
            select_ids(page.view, [str(indexes[0])])
        return
    if culprit.kind is CulpritKind.ABSENCE and culprit.staff is not None:
        window.show_page(window.leave_page)
        select_ids(window.leave_page.people_view, [culprit.staff])
        return
    if culprit.kind is CulpritKind.PERSON_RULE and culprit.rules and culprit.staff is not None:
        person = next((p for p in scenario.staff if p.id == culprit.staff), None)
        rule_set = scenario.rule_set_of(person) if person is not None else None
        if rule_set is not None:
            window.show_page(window.rule_sets_page)
            select_ids(window.rule_sets_page.sets_view, [rule_set.id])
            return
    window.show_page(window.staff_page)
    if culprit.staff is not None:
        select_ids(window.staff_page.view, [culprit.staff])
