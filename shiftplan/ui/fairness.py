"""The fairness view of a roster: per eligibility group, each member's load against the group's average.

A thin tree model over :func:`shiftplan.services.printout.fairness_table`: a top-level row per
group (its average and spread, max − min, per category), a child row per member. The bar delegate
draws each member's load as a bar with the group's average as a tick, on a scale shared by the
group, so an unfair share stands out at a glance.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.fairness import CATEGORY_LABELS, Category, Spread
from shiftplan.i18n import _, ngettext
from shiftplan.services.printout import FairnessGroupView, FairnessMember, fairness_table
from shiftplan.services.roster import RosterView
from shiftplan.ui.models import ModelIndex

VALUE_ROLE = Qt.ItemDataRole.UserRole + 20
"""A member's load in the column's category (float, None when never available); a group's average."""
AVERAGE_ROLE = Qt.ItemDataRole.UserRole + 21
"""The group's average load in the column's category (float or None)."""
SCALE_ROLE = Qt.ItemDataRole.UserRole + 22
"""The group's highest load in the column's category: the bar's full width (float, 0 when none)."""
COUNT_ROLE = Qt.ItemDataRole.UserRole + 23
"""A member's shifts in the column's category (int)."""
SPREAD_ROLE = Qt.ItemDataRole.UserRole + 24
"""A group's max − min load in the column's category (float or None)."""

CATEGORIES = tuple(Category)
NO_PARENT = 0  # internalId of a group row; a member row carries its group's number + 1

BAR_FILL = QColor("#7aa6d6")
BAR_HIGH = QColor("#e0876f")  # above the average by at least one shift
AVERAGE_TICK = QColor("#1a1a1a")
BAR_MIN_WIDTH = 120


def number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class FairnessModel(QAbstractItemModel):
    """Groups and their members; column 0 the name, then one column per fairness category."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[FairnessGroupView] = []

    def set_groups(self, groups: list[FairnessGroupView]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def set_view(self, view: RosterView | None, station: str | None = None) -> None:
        """The fairness of the view's roster (none without one), for the groups that may work at the station."""
        if view is None or view.schedule is None:
            self.set_groups([])
            return
        self.set_groups(fairness_table(view.scenario, view.schedule.assignments, view.calendar,
                                       None if station is None else (station,)))

    @property
    def groups(self) -> list[FairnessGroupView]:
        return list(self._groups)

    # --- structure ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, NO_PARENT)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == NO_PARENT and parent.column() == 0 and 0 <= parent.row() < len(self._groups):
            return len(self._groups[parent.row()].members)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1 + len(CATEGORIES)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Group / person")
        if 1 <= section <= len(CATEGORIES):
            return _(CATEGORY_LABELS[CATEGORIES[section - 1]]).capitalize()
        return None

    # --- data -------------------------------------------------------------------------------

    def group_at(self, index: ModelIndex) -> FairnessGroupView:
        row = index.row() if index.internalId() == NO_PARENT else index.internalId() - 1
        return self._groups[row]

    def member_at(self, index: ModelIndex) -> FairnessMember | None:
        if index.internalId() == NO_PARENT:
            return None
        return self.group_at(index).members[index.row()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group_at(index)
        member = self.member_at(index)
        column = index.column()
        category = CATEGORIES[column - 1] if column >= 1 else None
        figures = group.figures.get(category) if category is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if category is None:
                if member is None:
                    return group.title + "  " + ngettext("({n} person)", "({n} people)", len(group.members)).format(
                        n=len(group.members))
                return member.name
            if member is None:
                return _group_text(figures)
            return _member_text(member, category)
        if role == Qt.ItemDataRole.ToolTipRole:
            if member is None:
                return group.label if category is None else _group_tip(category, figures)
            if category is not None:
                return _member_tip(member, category, figures)
            return member.id
        if category is None:
            return None
        if role == VALUE_ROLE:
            return member.loads[category] if member is not None else (figures.average if figures else None)
        if role == AVERAGE_ROLE:
            return figures.average if figures else None
        if role == SCALE_ROLE:
            return figures.high if figures else 0.0
        if role == COUNT_ROLE:
            return member.counts[category] if member is not None else None
        if role == SPREAD_ROLE:
            return figures.spread if (figures and member is None) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _member_text(member: FairnessMember, category: Category) -> str:
    count, value = member.counts[category], member.loads[category]
    if value is None:
        return "–"
    return str(count) if abs(value - count) < 0.05 else f"{count} ({number(value)})"


def _group_text(figures: Spread | None) -> str:
    if figures is None:
        return "–"
    return _("average {average} · spread {spread}").format(average=number(figures.average),
                                                          spread=number(figures.spread))


def _group_tip(category: Category, figures: Spread | None) -> str:
    if figures is None:
        return _("Nobody in the group is available on these dates.")
    return _("{what}: average {average}, lowest {low}, highest {high}; the spread (highest − lowest) is what the "
             "fairness rule charges.").format(what=_(CATEGORY_LABELS[category]), average=number(figures.average),
                                              low=number(figures.low), high=number(figures.high))


def _member_tip(member: FairnessMember, category: Category, figures: Spread | None) -> str:
    value = member.loads[category]
    if value is None:
        return _("{name} is not available on any of these dates.").format(name=member.name)
    text = _("{name}: {count} {what}, load {load}").format(name=member.name, count=member.counts[category],
                                                          what=_(CATEGORY_LABELS[category]), load=number(value))
    if figures is not None:
        text += " · " + _("group average {average}").format(average=number(figures.average))
    return text


class FairnessBarDelegate(QStyledItemDelegate):
    """A member's load as a bar, the group average as a tick, and the number at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if not index.parent().isValid() or value is None:
            super().paint(painter, option, index)
            return
        scale = float(index.data(SCALE_ROLE) or 0.0)
        average = index.data(AVERAGE_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("00 (00.0)") + 6
        bar_area = rect.adjusted(3, 4, -text_width, -4)
        if scale > 0 and bar_area.width() > 4:
            width = round(bar_area.width() * min(float(value) / scale, 1.0))
            high = average is not None and float(value) - float(average) >= 1
            painter.fillRect(QRect(bar_area.left(), bar_area.top(), width, bar_area.height()),
                             BAR_HIGH if high else BAR_FILL)
            if average is not None:
                x = bar_area.left() + round(bar_area.width() * min(float(average) / scale, 1.0))
                painter.setPen(QPen(AVERAGE_TICK, 2))
                painter.drawLine(x, rect.top() + 2, x, rect.bottom() - 2)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        painter.drawText(rect.adjusted(0, 0, -3, 0), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), BAR_MIN_WIDTH), hint.height())


class FairnessDialog(QDialog):
    """The fairness of the roster shown, group by group (not modal: it may stay open beside the grid)."""

    def __init__(self, view: RosterView, station: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Fairness of the roster"))
        self.model = FairnessModel(self)
        self.model.set_view(view, station)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(FairnessBarDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        explanation = QLabel(_(
            "Each bar is a person's load: the shifts of the period, with past shifts added and scaled up for days "
            "on leave, as the fairness rule counts them. The tick marks the group's average; the group row gives "
            "the spread (highest − lowest), which the fairness rule charges. Red bars are at least one shift above "
            "the average."), self)
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column_layout = QVBoxLayout(self)
        column_layout.addWidget(explanation)
        column_layout.addWidget(self.tree, 1)
        column_layout.addWidget(buttons)
        self.resize(900, 600)
