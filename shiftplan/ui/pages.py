"""The pages the main window navigates between; each shows one part of the scenario."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Slot
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.model import Scenario
from shiftplan.i18n import N_, _
from shiftplan.ui.models import SortProxyModel, StaffFilterModel, StaffTableModel, StationTableModel

_MAX_COLUMN_WIDTH = 320  # longer texts (many stations or roles) are elided; the tooltip has them all
_COLUMN_PADDING = 16  # breathing room beyond the widest text
_ROW_PADDING = 10  # some styles default to rows twice the text height; this is denser and still airy


class Page(QWidget):
    """A navigation entry: a heading over the page's own content.

    Subclasses set ``title`` (marked with N_(), translated when shown), ``icon`` (a name in
    resources/icons) and fill ``self.body``; ``set_scenario`` shows a (new) scenario.
    """

    title = ""
    icon = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(_(self.title))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.addWidget(heading)

    def set_scenario(self, scenario: Scenario) -> None:
        raise NotImplementedError


def table_view(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable table in the app's house style."""
    view = QTableView(parent)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the user's own order until a header is clicked
    view.setSortingEnabled(True)
    header.setHighlightSections(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(view.fontMetrics().height() + _ROW_PADDING)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def fit_columns(view: QTableView) -> None:
    """Size each column to its widest text, with padding; very long columns are capped."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(header.sectionSize(column) + _COLUMN_PADDING, _MAX_COLUMN_WIDTH))


class StationsPage(Page):
    title = N_("Stations")
    icon = "station"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StationTableModel(self)
        self.proxy = SortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy, self)
        self.body.addWidget(self.view)

    def set_scenario(self, scenario: Scenario) -> None:
        self.model.set_scenario(scenario)
        fit_columns(self.view)


class StaffPage(Page):
    """Everyone on the roster, with a name search and a station filter."""

    title = N_("Staff")
    icon = "staff"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StaffTableModel(self)
        self.proxy = StaffFilterModel(self.model, self)
        self.view = table_view(self.proxy, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(self._on_search_text_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        self.station_box = QComboBox(self)
        self.station_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.station_box.currentIndexChanged.connect(self._on_station_box_current_index_changed)
        station_label = QLabel(_("&Station:"), self)
        station_label.setBuddy(self.station_box)

        self.shown_label = QLabel(self)
        self.shown_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter than the data

        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addSpacing(12)
        filters.addWidget(station_label)
        filters.addWidget(self.station_box)
        filters.addStretch()
        filters.addWidget(self.shown_label)
        self.body.addLayout(filters)
        self.body.addWidget(self.view)

    def set_scenario(self, scenario: Scenario) -> None:
        chosen = self.station_box.currentData()
        self.station_box.blockSignals(True)  # refilter once, below, not once per item
        self.station_box.clear()
        self.station_box.addItem(_("All stations"), None)
        for station in scenario.stations:
            self.station_box.addItem(station.name, station.id)
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(chosen)))
        self.station_box.blockSignals(False)
        self.model.set_scenario(scenario)
        self.proxy.set_station_filter(self.station_box.currentData())
        fit_columns(self.view)
        self._update_shown()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_name_filter(text)
        self._update_shown()

    @Slot(int)
    def _on_station_box_current_index_changed(self, index: int) -> None:
        self.proxy.set_station_filter(self.station_box.itemData(index))
        self._update_shown()

    def _update_shown(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = _("{shown} of {total} shown").format(shown=shown, total=total) if shown < total else ""
        self.shown_label.setText(text)
