"""Start the Qt application: font, languages, the first database, the main window, the event loop.

The language can be switched while the app runs: the main window is then built again, on the
same database and with the same undo history (the pages translate their texts when built).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Slot
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import shiftplan
from shiftplan import i18n
from shiftplan.domain.errors import UserError
from shiftplan.i18n import _
from shiftplan.services.ports import Backend
from shiftplan.ui.controller import Controller
from shiftplan.ui.lock import DatabaseInUseError
from shiftplan.ui.main_window import MainWindow, ask_take_over
from shiftplan.ui.resources import FONT_FAMILY, FONT_PATH, icon_path
from shiftplan.ui.settings import Settings

log = logging.getLogger(__name__)

_QT_TRANSLATOR = "shiftplan-qtbase-translator"  # object name, so a second call replaces it
_FONT_ID_PROPERTY = "shiftplan_font_id"  # dynamic property: the font is registered once per app
_BASE_SIZE_PROPERTY = "shiftplan_base_point_size"  # the platform's font size, before the user's scale


def run(
    backend: Backend,
    location: str,
    *,
    language: str | None = None,
    version: str = shiftplan.__version__,
    settings: Settings | None = None,
) -> int:
    """Open the database at ``location`` and show the main window on it; returns the exit code.

    ``language`` None means the user's preference. The database is opened once the application
    exists, so that a failure can be shown in a message box: started from a desktop icon, the app
    has no console to print to.
    """
    settings = settings or Settings()
    language = language or settings.preferences.language
    app = create_application(language, font_scale=settings.preferences.font_scale)
    app.setApplicationVersion(version)
    controller = Controller(backend)
    location = location.removeprefix("sqlite:///")  # a file is shown and remembered as a path
    if not open_first(controller, location):
        return 1
    settings.preferences.remember_database(location)
    shell = Shell(controller, settings, version)
    shell.show()
    try:
        return app.exec()
    finally:
        controller.close()


def open_first(controller: Controller, location: str) -> bool:
    """Open the database the app starts on; says why not in a message box."""
    try:
        controller.open(location)
        return True
    except DatabaseInUseError as error:
        if not ask_take_over(None, error):
            return False
        try:
            controller.open(location, take_over=True)
            return True
        except UserError as again:
            error_text = str(again)
    except UserError as error:
        error_text = str(error)
    except Exception as error:  # anything else: still a message, not a silent exit
        log.exception("could not open %s", location)
        error_text = str(error)
    message = _("The data could not be opened:\n{error}").format(error=error_text)
    QMessageBox.critical(None, _("shiftplan duty rosters"), message)
    return False


class Shell(QObject):
    """Keeps the main window, and builds it again when the language or the text size changes."""

    def __init__(self, controller: Controller, settings: Settings, version: str) -> None:
        super().__init__(controller)
        self.controller = controller
        self.settings = settings
        self.version = version
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(self.controller, self.settings, version=self.version)
        window.rebuild_requested.connect(self._on_window_rebuild_requested)
        return window

    def show(self) -> None:
        self.window.show()

    @Slot()
    def _on_window_rebuild_requested(self) -> None:
        old = self.window
        old.save_state()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        prefs = self.settings.preferences
        create_application(prefs.language, font_scale=prefs.font_scale)
        self.window = self._build()
        self.window.show()
        old.hide()
        old.deleteLater()


def create_application(language: str, argv: Sequence[str] | None = None, *, font_scale: int = 100) -> QApplication:
    """The QApplication, set up with the shipped font, the text size and the language; reuses a running one.

    Calling it again (tests, a language switch) does not stack fonts or translators.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else argv))
    if not isinstance(app, QApplication):
        raise RuntimeError("a non-GUI QCoreApplication is already running")
    app.setApplicationName("shiftplan")
    app.setWindowIcon(QIcon(str(icon_path("shiftplan"))))
    install_font(app, font_scale)
    install_language(app, language)
    return app


def install_font(app: QApplication, scale: int = 100) -> str:
    """Register the shipped Chinese font and make it the application font; returns its family.

    An office PC may have no Chinese font at all; without this every name would be a box.
    Using it everywhere (not only as a fallback) also makes the screen match the printout.
    """
    font_id = app.property(_FONT_ID_PROPERTY)
    if font_id is None:
        font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
        if font_id < 0:
            log.warning("could not load the font %s; Chinese may not display", FONT_PATH)
            return app.font().family()
        app.setProperty(_FONT_ID_PROPERTY, font_id)
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    font = app.font()  # the platform's size, which follows the user's display settings, times the user's scale
    base = app.property(_BASE_SIZE_PROPERTY)
    if not isinstance(base, float):
        base = font.pointSizeF()
        app.setProperty(_BASE_SIZE_PROPERTY, base)
    font.setPointSizeF(base * scale / 100)
    font.setFamilies([family])
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return family


def install_language(app: QApplication, language: str) -> str:
    """Switch our messages, Qt's own dialog texts and number/date formats; returns the language in force.

    Widgets already built keep their texts: call this before building windows.
    """
    language = i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    old = app.findChild(QTranslator, _QT_TRANSLATOR)
    if old is not None:
        app.removeTranslator(old)
        old.setParent(None)  # Python owns it now and frees it
    if language != "en":  # Qt's source texts are English
        translator = QTranslator()
        translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(language), "qtbase", "_", translations):
            translator.setParent(app)  # keeps it alive as long as the app
            translator.setObjectName(_QT_TRANSLATOR)
            app.installTranslator(translator)
        else:
            log.warning("no Qt translation for %s in %s", language, translations)
    return language
