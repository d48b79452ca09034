"""The roster workbench's parts: the person × day grid model, the objective chart, the solve worker.

:class:`RosterModel` is a thin table over a :class:`~shiftplan.services.roster.RosterView`: one
row per person, one column per date of the plan. :class:`SolveWorker` runs a solve (the
backend's ``SolveJob``) on a thread of its own and hands its progress and result to the GUI
thread as signals; :class:`ObjectiveChart` draws the best cost and the bound over time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, StaffMember
from shiftplan.i18n import _
from shiftplan.services.coverage import Coverage, StationShiftView
from shiftplan.services.ports import SolveJob, SolveOutcome, SolveProgress
from shiftplan.services.roster import RosterView
from shiftplan.ui.models import CENTER, ID_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

HARD_ROLE = Qt.ItemDataRole.UserRole + 10
"""On a cell: whether the person breaks a hard rule on that date (bool)."""
DATE_ROLE = Qt.ItemDataRole.UserRole + 11
"""On a cell and a column header: the date (datetime.date)."""
PIN_ROLE = Qt.ItemDataRole.UserRole + 12
"""On a cell: whether the person's shifts that date are pinned (kept as fixed when solving again)."""
CELL_MIME = "application/x-shiftplan-roster-cell"
"""A dragged cell: the person's id and the date, as "P001 2020-02-10"."""
COVERAGE_ROLE = Qt.ItemDataRole.UserRole + 13
"""On a cell of the station view: the slot's :class:`~shiftplan.services.coverage.Coverage` (or None)."""
STATION_ROLE = Qt.ItemDataRole.UserRole + 14
"""On a cell and a row header of the station view: the (station, shift) ids of the row."""
PIN_BORDER = QColor(30, 60, 120)
SHORT_TINT = QColor(248, 170, 162)
SHORT_TEXT = QColor(150, 0, 0)
OVER_TINT = QColor(255, 214, 140)
OVER_TEXT = QColor(130, 80, 0)

# Light tints per shift type, in the order of the plan's shift types (then round again).
SHIFT_TINTS = (QColor(255, 241, 194), QColor(206, 228, 247), QColor(221, 212, 245), QColor(209, 237, 219),
               QColor(245, 222, 200), QColor(214, 240, 240))
RESTDAY_TINT = QColor(226, 231, 239)
HOLIDAY_TINT = QColor(253, 234, 232)
HOLIDAY_TEXT = QColor(179, 38, 30)
LEAVE_TINT = QColor(253, 226, 196)
HARD_TINT = QColor(244, 143, 133)
HARD_TEXT = QColor(120, 0, 0)
MAX_SHORT_NAME = 3  # a shift name this short is shown in the cell; a longer one by its code


def shift_label(view: RosterView, assignments: tuple[Assignment, ...]) -> str:
    labels = []
    for a in assignments:
        shift = view.shifts.get(a.shift)
        labels.append(shift.name if shift is not None and 0 < len(shift.name) <= MAX_SHORT_NAME else a.shift)
    return "/".join(labels)


def _minutes(value: int) -> str:
    return f"{value // 60 % 24:02d}:{value % 60:02d}"


class RosterModel(QAbstractTableModel):
    """The grid: rows are people, columns the plan's dates; a cell shows the shifts worked that day.

    A cell can be dragged onto another person's cell of the same date; the model does not change
    itself but asks for the swap.

    Signals:
        swap_requested(str, str, object): swap the first person's shifts with the second's on the date.
    """

    swap_requested = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: RosterView | None = None
        self._people: tuple[StaffMember, ...] = ()
        self._dates: tuple[dt.date, ...] = ()
        self._tints: dict[str, QColor] = {}
        self._pinned: set[tuple[str, dt.date]] = set()

    def set_view(self, view: RosterView | None, station: str | None = None) -> None:
        """Show a plan's roster (None: nothing), only the people of ``station`` when one is given."""
        self.beginResetModel()
        self._view = view
        self._people = () if view is None else view.people_at(station)
        self._dates = () if view is None else view.dates
        self._tints = {} if view is None else {
            s.id: SHIFT_TINTS[i % len(SHIFT_TINTS)] for i, s in enumerate(view.scenario.shift_types)}
        self._pinned = set() if view is None else {(f.staff, f.date) for f in view.scenario.fixed}
        self.endResetModel()

    @property
    def view(self) -> RosterView | None:
        return self._view

    def person(self, row: int) -> StaffMember:
        return self._people[row]

    def date(self, column: int) -> dt.date:
        return self._dates[column]

    def tint(self, shift: str) -> QColor | None:
        return self._tints.get(shift)

    def cell_index(self, person: str, day: dt.date) -> QModelIndex:
        """The cell of a person on a date (invalid when the grid does not show it)."""
        row = next((r for r, p in enumerate(self._people) if p.id == person), -1)
        column = self._dates.index(day) if day in self._dates else -1
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    # --- drag and drop: a cell onto another person's cell of the same date swaps them ----------

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags: cells can be dragged and dropped onto."""
        flags = super().flags(index)
        if index.isValid() and self._view is not None and self._view.has_roster:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        """Override QAbstractItemModel::supportedDragActions: a swap, which leaves nothing to remove."""
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        """Override QAbstractItemModel::supportedDropActions."""
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        """Override QAbstractItemModel::mimeTypes."""
        return [CELL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Override QAbstractItemModel::mimeData: the first cell dragged."""
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            person, day = self._people[valid[0].row()], self._dates[valid[0].column()]
            data.setData(CELL_MIME, QByteArray(f"{person.id} {day.isoformat()}".encode()))
        return data

    def _dropped(self, data: QMimeData, row: int, column: int, parent: ModelIndex) -> tuple[str, str, dt.date] | None:
        """The swap a drop asks for: (dragged person, target person, date), or None."""
        if not data.hasFormat(CELL_MIME):
            return None
        target = parent if parent.isValid() else self.index(row, column)
        if not target.isValid() or target.row() >= len(self._people) or target.column() >= len(self._dates):
            return None
        try:
            person, text = bytes(data.data(CELL_MIME).data()).decode().split(" ")
            day = dt.date.fromisoformat(text)
        except ValueError:
            return None
        other = self._people[target.row()].id
        if day != self._dates[target.column()] or other == person:
            return None
        return person, other, day

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        """Override QAbstractItemModel::canDropMimeData: only onto another person on the same date."""
        return self._dropped(data, row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        """Override QAbstractItemModel::dropMimeData: ask for the swap (the page makes it)."""
        dropped = self._dropped(data, row, column, parent)
        if dropped is None:
            return False
        self.swap_requested.emit(*dropped)
        return True

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        """Override QAbstractItemModel::rowCount; a table has no children."""
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self._dates)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::data."""
        view = self._view
        if view is None or not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        person, day = self._people[index.row()], self._dates[index.column()]
        if role == ID_ROLE:
            return person.id
        if role == DATE_ROLE:
            return day
        assignments = view.assignments(person.id, day)
        absence = view.absence(person.id, day)
        hard = view.hard_violations(person.id, day)
        if role == HARD_ROLE:
            return bool(hard)
        if role == PIN_ROLE:
            return (person.id, day) in self._pinned
        if role == Qt.ItemDataRole.DisplayRole:
            text = shift_label(view, assignments)
            if not text and (person.id, day) in view.elsewhere:
                # Translators: a roster cell of a person on duty in another plan that day (Chinese: 外)
                text = _("away")
            elif not text and absence is not None:
                # Translators: a roster cell of a person on leave that day (Chinese: 假)
                text = _("leave")
            return f"{text}!" if hard else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            if hard:
                return HARD_TINT
            if assignments:
                return self._tints.get(assignments[0].shift)
            if absence is not None:
                return LEAVE_TINT
            return day_tint(view.calendar, day)
        if role == Qt.ItemDataRole.ForegroundRole:
            return HARD_TEXT if hard else QColor(Qt.GlobalColor.black) if assignments or absence else None
        if role == Qt.ItemDataRole.FontRole and hard:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, person, day, assignments, absence is not None, hard)
        return None

    def _tooltip(self, view: RosterView, person: StaffMember, day: dt.date, assignments: tuple[Assignment, ...],
                 absent: bool, hard: tuple[object, ...]) -> str:
        lines = [f"{person.name}  {day.isoformat()}"]
        for a in assignments:
            shift = view.shifts.get(a.shift)
            times = f" {_minutes(shift.start)}–{_minutes(shift.end)}" if shift is not None else ""
            name = shift.name if shift is not None else a.shift
            lines.append(f"{name}{times} · {view.station_names.get(a.station, a.station)}")
        absence = view.absence(person.id, day) if absent else None
        elsewhere = view.elsewhere.get((person.id, day))
        if elsewhere is not None:
            lines.append(_("On duty in “{plan}” that day").format(plan=elsewhere))
        elif absence is not None:
            lines.append(_("On leave: {reason}").format(reason=absence.reason or "-"))
        if (person.id, day) in self._pinned:
            lines.append(_("Pinned: kept when the plan is solved again"))
        lines += [view.finding(v).detail for v in view.hard_violations(person.id, day)]
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::headerData: dates with their weekday above, names on the left."""
        view = self._view
        if view is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._people):
                return None
            person = self._people[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return person.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{person.name} ({person.id})"
            if role == ID_ROLE:
                return person.id
            return None
        if not 0 <= section < len(self._dates):
            return None
        return _date_header(view, self._dates[section], role)


def _date_header(view: RosterView, day: dt.date, role: int) -> object:
    """A date column's header: the date with its weekday, tinted as a restday or holiday."""
    if role == Qt.ItemDataRole.DisplayRole:
        weekday = QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek(), QLocale.FormatType.NarrowFormat)
        return f"{day.month}/{day.day}\n{weekday}"
    if role == DATE_ROLE:
        return day
    if role == Qt.ItemDataRole.BackgroundRole:
        return day_tint(view.calendar, day)
    if role == Qt.ItemDataRole.ForegroundRole and view.calendar.is_holiday(day):
        return HOLIDAY_TEXT
    if role == Qt.ItemDataRole.ToolTipRole:
        name = view.calendar.holiday_names.get(day)
        kind = (_("Holiday") if view.calendar.is_holiday(day) else
                _("Restday") if view.calendar.is_restday(day) else _("Working day"))
        return f"{day.isoformat()} · {kind}" + (f" · {name}" if name else "")
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return CENTER
    return None


class StationShiftModel(QAbstractTableModel):
    """The roster by station and shift: rows are (station, shift type), columns the plan's dates.

    A cell lists the names on duty by the role they serve (★ marks the shift leader's role) and,
    on its last line, the coverage strip: needed / assigned, and per role where the cover asks for
    a number of it. A shortfall is red, more than the maximum amber; the tooltip gives the numbers.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: RosterView | None = None
        self._slots: StationShiftView | None = None
        self._rows: tuple[tuple[str, str], ...] = ()
        self._dates: tuple[dt.date, ...] = ()

    def set_view(self, view: RosterView | None, station: str | None = None) -> None:
        """Show a plan's roster (None: nothing), only the rows of ``station`` when one is given."""
        self.beginResetModel()
        self._view = view
        self._slots = None if view is None else StationShiftView(view)
        self._rows = () if self._slots is None else self._slots.rows_at(station)
        self._dates = () if view is None else view.dates
        self.endResetModel()

    @property
    def slots(self) -> StationShiftView | None:
        return self._slots

    def row_of(self, station: str, shift: str) -> int:
        return self._rows.index((station, shift)) if (station, shift) in self._rows else -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        """Override QAbstractItemModel::rowCount; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self._dates)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::data."""
        view, slots = self._view, self._slots
        if view is None or slots is None or not self.checkIndex(
                index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        (station, shift), day = self._rows[index.row()], self._dates[index.column()]
        if role == STATION_ROLE:
            return (station, shift)
        if role == DATE_ROLE:
            return day
        duty = slots.duty(station, shift, day)
        coverage = duty.coverage
        if role == COVERAGE_ROLE:
            return coverage
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(filter(None, (duty.text, coverage.text if coverage is not None else "")))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.BackgroundRole:
            if coverage is not None and coverage.short:
                return SHORT_TINT
            if coverage is not None and coverage.over:
                return OVER_TINT
            return day_tint(view.calendar, day)
        if role == Qt.ItemDataRole.ForegroundRole:
            return (SHORT_TEXT if coverage is not None and coverage.short else
                    OVER_TEXT if coverage is not None and coverage.over else QColor(Qt.GlobalColor.black))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(slots, station, shift, day, coverage)
        return None

    @staticmethod
    def _tooltip(slots: StationShiftView, station: str, shift: str, day: dt.date, coverage: Coverage | None) -> str:
        lines = [f"{slots.station_name(station)} · {slots.shift_name(shift)}  {day.isoformat()}"]
        lines.append(coverage.tooltip if coverage is not None else _("No cover applies"))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override QAbstractItemModel::headerData: dates above, station and shift on the left."""
        view, slots = self._view, self._slots
        if view is None or slots is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rows):
                return None
            station, shift = self._rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{slots.station_name(station)}\n{slots.shift_name(shift)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{slots.station_name(station)} ({station}) · {slots.shift_name(shift)} ({shift})"
            if role == STATION_ROLE:
                return (station, shift)
            return None
        if not 0 <= section < len(self._dates):
            return None
        return _date_header(view, self._dates[section], role)


class PinDelegate(QStyledItemDelegate):
    """Draws a cell as usual, and a pinned one with a dark frame and a corner mark."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Override QStyledItemDelegate::paint."""
        super().paint(painter, option, index)
        if not index.data(PIN_ROLE):
            return
        painter.save()
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(PIN_BORDER, 2))
        painter.drawRect(rect)
        corner = QPolygonF([rect.topLeft(), QPointF(rect.left() + 7, rect.top()), QPointF(rect.left(), rect.top() + 7)])
        painter.setBrush(PIN_BORDER)
        painter.drawPolygon(corner)
        painter.restore()


class ObjectiveChart(QWidget):
    """The best cost (solid) and the proved bound (dashed) over the seconds of a solve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[SolveProgress] = []
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(_("Cost of the best roster so far (line) and the proved lower bound (dashes)"))

    def points(self) -> list[SolveProgress]:
        return list(self._points)

    def clear(self) -> None:
        self._points.clear()
        self.update()

    def add(self, progress: SolveProgress) -> None:
        self._points.append(progress)
        self.update()

    def sizeHint(self) -> QSize:
        """Override QWidget::sizeHint."""
        return QSize(240, 110)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Override QWidget::paintEvent."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -metrics.height() - 4)
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(area)
        if not self._points:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No search yet"))
            return
        # A part not yet bounded reports an infinite bound: it cannot be drawn, nor scale the axis.
        values = [v for p in self._points for v in (p.objective, p.bound) if math.isfinite(v)] or [0.0]
        low, high = min(0.0, min(values)), max(values)
        span_value = (high - low) or 1.0
        last = max(p.elapsed for p in self._points)
        span_time = last or 1.0

        def at(elapsed: float, value: float) -> QPointF:
            return QPointF(area.left() + area.width() * elapsed / span_time,
                           area.bottom() - area.height() * (value - low) / span_value)

        for attribute, colour, style in (("bound", QColor(120, 120, 120), Qt.PenStyle.DashLine),
                                         ("objective", QColor(30, 90, 170), Qt.PenStyle.SolidLine)):
            line = QPolygonF()
            previous: float | None = None
            for p in self._points:
                value = float(getattr(p, attribute))
                if not math.isfinite(value):
                    continue
                if previous is not None:
                    line.append(at(p.elapsed, previous))  # a step: the value holds until the next one
                line.append(at(p.elapsed, value))
                previous = value
            pen = QPen(colour, 2)
            pen.setStyle(style)
            painter.setPen(pen)
            if line.size() == 1:  # a single report: a dot, not an invisible line
                painter.setBrush(colour)
                painter.drawEllipse(line.at(0), 2.5, 2.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(line)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_area = QRectF(area.left(), area.bottom() + 2, area.width(), metrics.height())
        painter.drawText(text_area, Qt.AlignmentFlag.AlignLeft, _("{seconds:.1f} s").format(seconds=0))
        painter.drawText(text_area, Qt.AlignmentFlag.AlignRight, _("{seconds:.1f} s").format(seconds=last))
        painter.drawText(area.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         f"{high:g}")


class SolveWorker(QThread):
    """Runs one solve on a thread of its own.

    Signals (all received on the GUI thread):
        progress(SolveProgress): a better roster was found.
        solved(SolveOutcome): the solve is over (finished, out of time, or stopped).
        failed(str): the solve broke down; the message says why.
    """

    progress = Signal(object)
    solved = Signal(object)
    failed = Signal(str)

    def __init__(self, make_job: Callable[[Callable[[SolveProgress], None]], SolveJob],
                 parent: QObject | None = None) -> None:
        """``make_job(report)``: the solve, made with the progress callback to use."""
        super().__init__(parent)
        self.job = make_job(self.report)

    def report(self, progress: SolveProgress) -> None:
        """The job's progress callback, on a CP-SAT thread: only post the numbers on."""
        self.progress.emit(progress)

    def stop(self) -> None:
        self.job.stop()

    def run(self) -> None:
        """Override QThread::run; on the worker thread."""
        try:
            outcome: SolveOutcome = self.job.run()
        except Exception as error:  # handed to the GUI thread, which tells the user
            self.failed.emit(str(error) or type(error).__name__)
        else:
            self.solved.emit(outcome)


def day_tint(calendar: DayCalendar, day: dt.date) -> QColor | None:
    """The shading of a holiday or a restday, None for a working day."""
    if calendar.is_holiday(day):
        return HOLIDAY_TINT
    if calendar.is_restday(day):
        return RESTDAY_TINT
    return None
