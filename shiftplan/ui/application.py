"""Start the Qt application: font, languages, main window, event loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import shiftplan
from shiftplan import i18n
from shiftplan.domain.model import Scenario
from shiftplan.i18n import _
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.resources import FONT_FAMILY, FONT_PATH, icon_path

log = logging.getLogger(__name__)

_QT_TRANSLATOR = "shiftplan-qtbase-translator"  # object name, so a second call replaces it
_FONT_ID_PROPERTY = "shiftplan_font_id"  # dynamic property: the font is registered once per app


def run(
    load_scenario: Callable[[], Scenario],
    *,
    language: str,
    title_suffix: str = "",
    version: str = shiftplan.__version__,
) -> int:
    """Show the main window on the scenario that ``load_scenario`` returns; returns the exit code.

    ``title_suffix`` (e.g. the database name) follows the title; ``version`` is shown in About.

    The scenario is loaded once the application exists, so that a failure can be shown in a
    message box: started from a desktop icon, the app has no console to print to.
    """
    app = create_application(language)
    try:
        scenario = load_scenario()
    except Exception as error:
        log.exception("could not load the scenario")
        message = _("The data could not be opened:\n{error}").format(error=error)
        QMessageBox.critical(None, _("shiftplan duty rosters"), message)
        return 1
    app.setApplicationVersion(version)
    window = MainWindow(scenario, title_suffix=title_suffix, version=version)
    window.show()
    return app.exec()


def create_application(language: str, argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, set up with the shipped font and the language; reuses a running one.

    Calling it again (tests, a language switch) does not stack fonts or translators.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else argv))
    if not isinstance(app, QApplication):
        raise RuntimeError("a non-GUI QCoreApplication is already running")
    app.setApplicationName("shiftplan")
    app.setWindowIcon(QIcon(str(icon_path("shiftplan"))))
    install_font(app)
    install_language(app, language)
    return app


def install_font(app: QApplication) -> str:
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
    font = app.font()  # keep the platform's size, which follows the user's display settings
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
