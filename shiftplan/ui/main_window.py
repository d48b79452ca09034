"""The main window: navigation on the left, the chosen page on the right, counts below."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import shiftplan
from shiftplan.domain.model import Scenario
from shiftplan.i18n import _, ngettext
from shiftplan.ui.pages import Page, StaffPage, StationsPage
from shiftplan.ui.resources import icon_path

_NAV_WIDTH = 168
_NAV_ROW_HEIGHT = 36


def nav_icon(name: str) -> QIcon:
    """The icon drawn as is when its row is selected; styles would otherwise tint it into the highlight."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
        icon.addFile(str(icon_path(name)), mode=mode)
    return icon


class MainWindow(QMainWindow):
    """Shows one scenario. Pages are added in navigation order; later pages (shift types, roles,
    rule sets, cover, leave, holidays, roster) slot in the same way."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        title_suffix: str = "",
        version: str = shiftplan.__version__,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._version = version
        title = _("shiftplan duty rosters")
        self.setWindowTitle(f"{title} — {title_suffix}" if title_suffix else title)

        self.nav = QListWidget(self)
        self.nav.setFixedWidth(_NAV_WIDTH)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.stack = QStackedWidget(self)

        self.stations_page = StationsPage(self)
        self.staff_page = StaffPage(self)
        self._pages: list[Page] = []
        for page in (self.stations_page, self.staff_page):
            self._add_page(page)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        line = QFrame(central)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._create_menus()

        self.set_scenario(scenario)
        self.show_page(self._pages[0])
        self.resize(1180, 720)

    def set_scenario(self, scenario: Scenario) -> None:
        """Show another scenario (or a changed one) on every page."""
        for page in self._pages:
            page.set_scenario(scenario)
        people = ngettext("{n} person", "{n} people", len(scenario.staff)).format(n=len(scenario.staff))
        stations = ngettext("{n} station", "{n} stations", len(scenario.stations)).format(n=len(scenario.stations))
        self.counts_label.setText(f"{people} · {stations}")

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self._pages.index(page))

    def current_page(self) -> Page:
        return self._pages[self.stack.currentIndex()]

    def _add_page(self, page: Page) -> None:
        item = QListWidgetItem(nav_icon(page.icon), _(page.title), self.nav)
        item.setSizeHint(QSize(0, _NAV_ROW_HEIGHT))
        self.stack.addWidget(page)
        self._pages.append(page)

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        exit_action = QAction(_("E&xit"), self)
        exit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        exit_action.setMenuRole(QAction.MenuRole.QuitRole)
        exit_action.triggered.connect(self.close)
        file_menu.addAction(exit_action)

        help_menu = self.menuBar().addMenu(_("&Help"))
        about_action = QAction(_("&About shiftplan"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(about_action)
        about_qt_action = QAction(_("About &Qt"), self)
        about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt_action.triggered.connect(self._on_about_qt_action_triggered)
        help_menu.addAction(about_qt_action)

    def about_text(self) -> str:
        """The rich text of the About box."""
        return "".join(
            (
                f"<h3>shiftplan {self._version}</h3>",
                "<p>{}</p>".format(_("Fair duty rosters for 24-hour stations: plan, adjust, re-plan and print.")),
                "<p>{}</p>".format(_("Chinese font: WenQuanYi Micro Hei, Apache License 2.0.")),
            )
        )

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, _("About shiftplan"), self.about_text())

    @Slot()
    def _on_about_qt_action_triggered(self) -> None:
        QMessageBox.aboutQt(self)

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
