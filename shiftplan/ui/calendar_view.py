"""A wall calendar of one or more months: marked days, and dates the user selects with the mouse.

The holiday page shows a whole year of it, the leave page the months of the plan. What a day
looks like comes from a function the page provides (:class:`DayLook`); the view knows nothing
of holidays or leave. Weeks start on Monday, as Chinese calendars do.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from shiftplan.i18n import N_, _

_MONTH_GAP = 18
_WEEK_ROWS = 6


@dataclass(frozen=True)
class DayLook:
    """How one date is drawn."""

    background: QColor | None = None
    text_colour: QColor | None = None
    badge: str = ""  # a character in the top right corner, e.g. 休 or 班
    badge_colour: QColor | None = None
    note: str = ""  # a short word under the number, e.g. the holiday's name
    marker: QColor | None = None  # a bar along the bottom, e.g. a leave
    dim: bool = False  # outside the range that matters (e.g. the plan's period)
    tooltip: str = ""


# The names the official calendar gives its holidays, for translation when shown.
OFFICIAL_HOLIDAY_NAMES = (
    N_("New Year's Day"), N_("Spring Festival"), N_("Tomb-sweeping Day"), N_("Labour Day"),
    N_("Dragon Boat Festival"), N_("Mid-autumn Festival"), N_("National Day"), N_("Anti-Fascist 70th Day"),
)


def holiday_label(name: str) -> str:
    """An official holiday's name in the user's language."""
    return _(name) if name in OFFICIAL_HOLIDAY_NAMES else name


def month_title(year: int, month: int) -> str:
    # Translators: a Qt date format for a calendar month's heading (Chinese: yyyy年M月)
    return QLocale().toString(QDate(year, month, 1), _("MMMM yyyy"))


class CalendarView(QWidget):
    """Several months side by side; click, Shift+click, Ctrl+click or drag to select dates.

    Signals:
        selection_changed(): the selected dates changed.
        activated(object): a date (``datetime.date``) was double-clicked or Enter was pressed.
        context_requested(object, QPoint): the context menu was asked for on a date, at a global position.
    """

    selection_changed = Signal()
    activated = Signal(object)
    context_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None, *, columns: int = 4, cell_scale: float = 1.0) -> None:
        super().__init__(parent)
        self._months: list[tuple[int, int]] = []
        self._max_columns = columns  # as many as fit, up to this
        self._columns = columns
        self._cell_scale = cell_scale
        self._look: Callable[[dt.date], DayLook] = lambda _day: DayLook()
        self._selected: set[dt.date] = set()
        self._anchor: dt.date | None = None
        self._current: dt.date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # fewer months side by side in a narrow window, more rows
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # --- content ----------------------------------------------------------------------------

    def set_months(self, months: Sequence[tuple[int, int]], columns: int | None = None) -> None:
        self._months = list(months)
        if columns is not None:
            self._max_columns = max(1, columns)
        self._columns = self._columns_for(self.width()) if self.width() > 1 else self._max_columns
        self._selected = {d for d in self._selected if (d.year, d.month) in self._months}
        self.updateGeometry()
        self.update()

    def months(self) -> list[tuple[int, int]]:
        return list(self._months)

    def set_look(self, look: Callable[[dt.date], DayLook]) -> None:
        self._look = look
        self.update()

    def look(self, day: dt.date) -> DayLook:
        return self._look(day)

    def selected(self) -> list[dt.date]:
        return sorted(self._selected)

    def set_selected(self, days: Sequence[dt.date]) -> None:
        self._selected = {d for d in days if (d.year, d.month) in self._months}
        self._anchor = self._current = min(self._selected) if self._selected else None
        self.update()
        self.selection_changed.emit()

    # --- geometry ---------------------------------------------------------------------------

    def _cell(self) -> QSize:
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance("8888") + 16, 44) * self._cell_scale
        return QSize(int(width), int((metrics.height() * 2 + 10) * max(1.0, self._cell_scale * 0.9)))

    def _block(self) -> QSize:
        cell = self._cell()
        title = self.fontMetrics().height() * 2
        return QSize(7 * cell.width(), title + cell.height() // 2 + _WEEK_ROWS * cell.height())

    def _columns_for(self, width: int) -> int:
        block = self._block().width() + _MONTH_GAP
        fitting = max(1, (width - 2 + _MONTH_GAP) // block)
        return max(1, min(self._max_columns, fitting, len(self._months) or 1))

    def _height_for_columns(self, columns: int) -> int:
        rows = (len(self._months) + columns - 1) // columns if self._months else 1
        return rows * self._block().height() + (rows - 1) * _MONTH_GAP + 2

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint: as many months side by side as wanted, at their natural size."""
        columns = min(self._max_columns, max(1, len(self._months)))
        return QSize(columns * self._block().width() + (columns - 1) * _MONTH_GAP + 2,
                     self._height_for_columns(columns))

    def minimumSizeHint(self) -> QSize:
        """Override QWidget::minimumSizeHint: one month; the height follows the width (heightForWidth)."""
        return QSize(self._block().width() + 2, self._block().height() + 2)

    def hasHeightForWidth(self) -> bool:
        """Override QWidget::hasHeightForWidth."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Override QWidget::heightForWidth: the months wrap into rows."""
        return self._height_for_columns(self._columns_for(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: as many months side by side as fit."""
        super().resizeEvent(event)
        columns = self._columns_for(event.size().width())
        if columns != self._columns:
            self._columns = columns
            self.updateGeometry()
        self.update()

    def _origin(self, index: int) -> QPoint:
        block = self._block()
        column, row = index % self._columns, index // self._columns
        return QPoint(1 + column * (block.width() + _MONTH_GAP), 1 + row * (block.height() + _MONTH_GAP))

    def _grid_top(self) -> int:
        return self.fontMetrics().height() * 2 + self._cell().height() // 2

    def day_rect(self, day: dt.date) -> QRect:
        """Where a date is drawn; empty when its month is not shown."""
        if (day.year, day.month) not in self._months:
            return QRect()
        origin = self._origin(self._months.index((day.year, day.month)))
        cell = self._cell()
        first = dt.date(day.year, day.month, 1).weekday()
        slot = first + day.day - 1
        top = origin.y() + self._grid_top() + (slot // 7) * cell.height()
        return QRect(origin.x() + (slot % 7) * cell.width(), top, cell.width(), cell.height())

    def date_at(self, point: QPoint) -> dt.date | None:
        block, cell = self._block(), self._cell()
        for index, (year, month) in enumerate(self._months):
            origin = self._origin(index)
            x, y = point.x() - origin.x(), point.y() - origin.y() - self._grid_top()
            if not (0 <= x < block.width() and 0 <= y < _WEEK_ROWS * cell.height()):
                continue
            slot = (y // cell.height()) * 7 + x // cell.width()
            number = slot - dt.date(year, month, 1).weekday() + 1
            if 1 <= number <= pycalendar.monthrange(year, month)[1]:
                return dt.date(year, month, number)
            return None
        return None

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Override QWidget::paintEvent."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        for index, (year, month) in enumerate(self._months):
            self._paint_month(painter, palette, self._origin(index), year, month)
        painter.end()

    def _paint_month(self, painter: QPainter, palette: QPalette, origin: QPoint, year: int, month: int) -> None:
        block, cell = self._block(), self._cell()
        metrics = self.fontMetrics()
        paper = QRectF(origin.x(), origin.y() + metrics.height() * 2 - 2, block.width(),
                       block.height() - metrics.height() * 2 + 4)
        painter.setPen(palette.color(QPalette.ColorRole.Mid).lighter(130))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(paper, 4, 4)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(origin.x() + 4, origin.y(), block.width(), metrics.height() * 2 - 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, month_title(year, month))
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        header_top = origin.y() + metrics.height() * 2
        locale_days = [QDate(2024, 1, 1 + i) for i in range(7)]  # 2024-01-01 is a Monday
        for column, qdate in enumerate(locale_days):
            name = QLocale().dayName(qdate.dayOfWeek(), QLocale.FormatType.NarrowFormat)
            painter.drawText(QRect(origin.x() + column * cell.width(), header_top, cell.width(), cell.height() // 2),
                             Qt.AlignmentFlag.AlignCenter, name)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.75))
        for number in range(1, pycalendar.monthrange(year, month)[1] + 1):
            day = dt.date(year, month, number)
            self._paint_day(painter, palette, day, self.day_rect(day), small)

    def _paint_day(self, painter: QPainter, palette: QPalette, day: dt.date, rect: QRect, small: QFont) -> None:
        look = self._look(day)
        box = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(Qt.PenStyle.NoPen)
        if look.background is not None:
            painter.setBrush(look.background)
            painter.drawRoundedRect(box, 3, 3)
        if look.marker is not None:
            painter.setBrush(look.marker)
            painter.drawRoundedRect(QRectF(box.left() + 3, box.bottom() - 5, box.width() - 6, 3.5), 1.5, 1.5)
        text = look.text_colour or palette.color(QPalette.ColorRole.Text)
        if look.dim:
            text = QColor(text)
            text.setAlpha(90)
        painter.setPen(text)
        painter.setFont(self.font())
        number_rect = box.adjusted(5, 2, -4, -box.height() / 2)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        painter.setFont(small)
        if look.badge:
            painter.setPen(look.badge_colour or text)
            painter.drawText(box.adjusted(2, 2, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             look.badge)
        if look.note:
            painter.setPen(text)
            note_rect = box.adjusted(4, box.height() / 2, -3, -5)
            note = painter.fontMetrics().elidedText(look.note, Qt.TextElideMode.ElideRight, int(note_rect.width()))
            painter.drawText(note_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)
        if day in self._selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill = QColor(highlight)
            fill.setAlpha(45)
            painter.setBrush(fill)
            painter.setPen(highlight)
            painter.drawRoundedRect(box, 3, 3)
        if day == self._current and self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 2, 2)

    # --- interaction ------------------------------------------------------------------------

    def _select(self, day: dt.date, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
            low, high = sorted((self._anchor, day))
            span = {low + dt.timedelta(days=i) for i in range((high - low).days + 1)}
            self._selected = {d for d in span if (d.year, d.month) in self._months}
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            self._selected ^= {day}
            self._anchor = day
        else:
            self._selected = {day}
            self._anchor = day
        self._current = day
        self.update()
        self.selection_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mousePressEvent."""
        day = self.date_at(event.position().toPoint())
        if day is None:
            return
        if event.button() == Qt.MouseButton.RightButton:
            if day not in self._selected:
                self._select(day, Qt.KeyboardModifier.NoModifier)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._select(day, event.modifiers())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mouseMoveEvent: dragging selects the range from where the press was."""
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        day = self.date_at(event.position().toPoint())
        if day is not None and day != self._current:
            self._select(day, Qt.KeyboardModifier.ShiftModifier)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override QWidget::mouseDoubleClickEvent."""
        day = self.date_at(event.position().toPoint())
        if day is not None:
            self.activated.emit(day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QWidget::contextMenuEvent."""
        day = self.date_at(event.pos()) if event.reason() == QContextMenuEvent.Reason.Mouse else self._current
        if day is not None:
            self.context_requested.emit(day, event.globalPos() if event.reason() == QContextMenuEvent.Reason.Mouse
                                        else self.mapToGlobal(self.day_rect(day).center()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QWidget::keyPressEvent: arrows move, Shift+arrows extend, Enter activates."""
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if event.key() in steps and self._months:
            start = self._current or dt.date(*self._months[0], 1)
            day = start + dt.timedelta(days=steps[Qt.Key(event.key())])
            if (day.year, day.month) in self._months:
                self._select(day, event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.activated.emit(self._current)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Override QObject::event: each day's tooltip."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            day = self.date_at(event.pos())
            tip = self._look(day).tooltip if day is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
