"""Small widgets the pages share: the message bar, a combo box of check boxes, the house table style."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QToolButton,
    QWidget,
)

from shiftplan.i18n import _

MAX_COLUMN_WIDTH = 320  # longer texts (many stations or roles) are elided; the tooltip has them all
COLUMN_PADDING = 18  # breathing room beyond the widest text
ROW_PADDING = 10  # some styles default to rows twice the text height; this is denser and still airy
FIT_SAMPLE_ROWS = 200  # columns are fitted to this many rows: enough to see, cheap with 300 people


class Level(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_COLOURS = {  # background, border, text: calm enough to stay on screen while the user works
    Level.INFO: ("#eaf2fb", "#b9d3ee", "#1d3d5e"),
    Level.WARNING: ("#fff5e0", "#f0cf8a", "#5c3d00"),
    Level.ERROR: ("#fdecea", "#f1b0ab", "#7a1c14"),
}
_ICONS = {
    Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Level.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class MessageBar(QFrame):
    """A coloured line above a page's content that says what went wrong, or what to look at.

    It stays until the user closes it or the page shows another message, so that a refused edit
    can be read at leisure; an optional button offers the next step.

    Signals:
        action_triggered(): the button was pressed.
    """

    action_triggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self)
        self.button.hide()
        self.button.clicked.connect(self.action_triggered)
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(_("Close this message"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = Level.INFO
        self.hide()

    def show_message(self, text: str, level: Level = Level.ERROR, action: str = "") -> None:
        self.level = level
        background, border, foreground = _COLOURS[level]
        self.setStyleSheet(f"#messageBar {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 4px; }} #messageBar QLabel {{ color: {foreground}; }}")
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(QSize(size, size)))
        self.text.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self.show()

    @Slot()
    def clear(self) -> None:
        self.text.clear()
        self.hide()


class CheckComboBox(QComboBox):
    """A drop-down list of check boxes: roles, stations, weekdays. The box shows what is ticked.

    With ``all_text`` the first entry means "all of them" (e.g. every station, now and later);
    ticking it clears the others and :meth:`checked` returns None.

    Signals:
        checked_changed(): the ticks changed (while the list is open, at every click).
        popup_closed(): the list was closed; a table editor commits then.
    """

    checked_changed = Signal()
    popup_closed = Signal()

    def __init__(self, parent: QWidget | None = None, *, all_text: str = "", none_text: str = "") -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._all_text = all_text
        self._none_text = none_text or _("(none)")
        self.view().viewport().installEventFilter(self)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def set_items(self, items: Sequence[tuple[str, Hashable]]) -> None:
        """The entries as (label, value), after the "all" entry if there is one; nothing ticked."""
        self._model.clear()
        if self._all_text:
            self._add(self._all_text, None)
        for label, value in items:
            self._add(label, value)
        self.update()

    def _add(self, label: str, value: Hashable) -> None:
        item = QStandardItem(label)
        item.setData(value, Qt.ItemDataRole.UserRole)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setData(Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
        self._model.appendRow(item)

    def _items(self) -> list[QStandardItem]:
        return [self._model.item(row) for row in range(self._model.rowCount())]

    def checked(self) -> list[Hashable] | None:
        """The ticked values in list order; None when the "all" entry is ticked."""
        items = self._items()
        if self._all_text and items and items[0].checkState() == Qt.CheckState.Checked:
            return None
        return [item.data(Qt.ItemDataRole.UserRole) for item in items[1 if self._all_text else 0:]
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: Sequence[Hashable] | None) -> None:
        """Tick these values (None: the "all" entry)."""
        wanted = set(values) if values is not None else set()
        for row, item in enumerate(self._items()):
            is_all = bool(self._all_text) and row == 0
            on = values is None if is_all else item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.update()

    def summary(self) -> str:
        checked = [item for item in self._items() if item.checkState() == Qt.CheckState.Checked]
        if not checked:
            return self._none_text
        return _(", ").join(item.text() for item in checked)

    def toggle(self, row: int) -> None:
        """Tick or untick one entry, as a click does."""
        item = self._model.item(row)
        if item is None:
            return
        on = item.checkState() != Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if self._all_text and on:  # "all" and single entries exclude each other
            for other_row, other in enumerate(self._items()):
                if (row == 0) != (other_row == 0):
                    other.setCheckState(Qt.CheckState.Unchecked)
        self.update()
        self.setToolTip(self.summary())
        self.checked_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: a click in the open list ticks, and the list stays open."""
        if watched is self.view().viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            index = self.view().indexAt(event.position().toPoint())
            if index.isValid():
                self.toggle(index.row())
            return True
        return super().eventFilter(watched, event)

    def hidePopup(self) -> None:
        """Override QComboBox::hidePopup."""
        super().hidePopup()
        self.popup_closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QWidget::keyPressEvent: the space bar ticks the current entry of the open list."""
        if event.key() == Qt.Key.Key_Space and self.view().isVisible():
            self.toggle(self.view().currentIndex().row())
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Override QWidget::paintEvent: show what is ticked rather than the current entry."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.fontMetrics().elidedText(
            self.summary(), Qt.TextElideMode.ElideRight, self.width() - 30)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def table_view(model: QAbstractItemModel, parent: QWidget | None = None, *, editable: bool = False) -> QTableView:
    """A sortable table in the app's house style; ``editable``: cells edit on double-click, F2 or typing."""
    view = QTableView(parent)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the user's own order until a header is clicked
    view.setSortingEnabled(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    rows = view.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    triggers = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setEditTriggers(triggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def fit_columns(view: QTableView, *, minimum: int = 60) -> None:
    """Size each column to its header and widest text (of the first rows), with padding, capped."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = view.fontMetrics()
    bold = header.fontMetrics()
    rows = min(model.rowCount(), FIT_SAMPLE_ROWS)
    stretched = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
    for column in range(header.count()):
        if column == stretched:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = bold.horizontalAdvance(title) + 24  # room for the sort arrow
        for row in range(rows):
            text = model.index(row, column).data()
            if text:
                widest = max(widest, metrics.horizontalAdvance(str(text)))
        header.resizeSection(column, max(minimum, min(widest + COLUMN_PADDING, MAX_COLUMN_WIDTH)))


def sentences(*parts: str) -> str:
    """Sentences one after the other, as the language writes them (Chinese: no space between)."""
    text = ""
    for part in parts:
        # Translators: two sentences one after the other; Chinese puts no space between them
        text = _("{first} {second}").format(first=text, second=part) if text else part
    return text


def quiet_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label quieter than the data next to it (counts, hints)."""
    label = QLabel(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def heading_label(text: str, parent: QWidget | None = None, scale: float = 1.4) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label

