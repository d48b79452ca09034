"""What the app remembers between runs, declared once, read and written through typed accessors.

Two kinds, kept apart: :class:`Preferences` are the user's choices (the Settings dialog, the
language menu); :class:`WindowState` is where the user left things (window size, column widths,
splitters, the page on screen). Both live in one ``QSettings`` (the registry on Windows), in the
groups ``preferences/`` and ``window/``; tests pass a ``QSettings`` on a file of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from shiftplan.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_

T = TypeVar("T")

MAX_RECENT = 8
FONT_SCALES = (100, 115, 130)  # percent of the system's font size
FONT_SCALE_LABELS = {100: N_("Normal"), 115: N_("Large"), 130: N_("Extra large")}


def open_settings() -> QSettings:
    """The user's settings store (registry on Windows, an .ini file elsewhere)."""
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "shiftplan", "shiftplan")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One remembered value: its key, its default, and how a stored value is checked."""

    key: str
    default: T
    parse: Callable[[object], T]
    title: str = ""  # N_-marked, for the Settings dialog


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):  # .ini files store text
        return value.lower() == "true"
    raise ValueError(value)


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise ValueError(value)
    return str(value)


def _scale(value: object) -> int:
    number = int(str(value))
    if number not in FONT_SCALES:
        raise ValueError(value)
    return number


def _texts(value: object) -> list[str]:
    # QSettings gives back a one-element list as a plain string, and an empty one as None.
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(value)


def _bytes(value: object) -> QByteArray:
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, bytes):
        return QByteArray(value)
    raise ValueError(value)


LANGUAGE = Option("preferences/language", DEFAULT_LANGUAGE, _language, N_("Language"))
FONT_SCALE = Option("preferences/font_scale", 100, _scale, N_("Text size"))
REOPEN_LAST = Option("preferences/reopen_last", True, _flag, N_("Open the last database on start"))
RECENT = Option("preferences/recent_databases", list[str](), _texts)
LAST_DATABASE = Option("preferences/last_database", "", _text)

GEOMETRY = Option("window/geometry", QByteArray(), _bytes)
STATE = Option("window/state", QByteArray(), _bytes)
PAGE = Option("window/page", "", _text)


class _Store:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def get(self, option: Option[T]) -> T:
        """The stored value, or the default when there is none or it is not of the right kind."""
        value = self.settings.value(option.key)
        if value is None and option.parse is not _texts:
            return option.default
        try:
            return option.parse(value)
        except (ValueError, TypeError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.settings.setValue(option.key, value)


class Preferences(_Store):
    """The user's choices."""

    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value)

    @property
    def font_scale(self) -> int:
        return self.get(FONT_SCALE)

    @font_scale.setter
    def font_scale(self, value: int) -> None:
        self.set(FONT_SCALE, value)

    @property
    def reopen_last(self) -> bool:
        return self.get(REOPEN_LAST)

    @reopen_last.setter
    def reopen_last(self, value: bool) -> None:
        self.set(REOPEN_LAST, value)

    @property
    def last_database(self) -> str:
        return self.get(LAST_DATABASE)

    @property
    def recent_databases(self) -> list[str]:
        return self.get(RECENT)[:MAX_RECENT]

    def remember_database(self, location: str) -> None:
        """The database just opened: first in the recent list, and the one to reopen next time."""
        recent = [location, *(r for r in self.recent_databases if r != location)]
        self.set(RECENT, recent[:MAX_RECENT])
        self.set(LAST_DATABASE, location)

    def forget_database(self, location: str) -> None:
        self.set(RECENT, [r for r in self.recent_databases if r != location])

    def clear_recent(self) -> None:
        self.set(RECENT, [])


class WindowState(_Store):
    """Where the user left things; losing it costs nothing but a look."""

    @property
    def geometry(self) -> QByteArray:
        return self.get(GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.set(GEOMETRY, value)

    @property
    def state(self) -> QByteArray:
        return self.get(STATE)

    @state.setter
    def state(self, value: QByteArray) -> None:
        self.set(STATE, value)

    @property
    def page(self) -> str:
        return self.get(PAGE)

    @page.setter
    def page(self, value: str) -> None:
        self.set(PAGE, value)

    def layout(self, name: str) -> QByteArray:
        """A saved header or splitter state, e.g. ``staff.table``; empty when there is none."""
        return self.get(Option(f"window/layout/{name}", QByteArray(), _bytes))

    def set_layout(self, name: str, value: QByteArray) -> None:
        self.set(Option(f"window/layout/{name}", QByteArray(), _bytes), value)


class Settings:
    """Both kinds over one QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else open_settings()
        self.preferences = Preferences(self.qsettings)
        self.window = WindowState(self.qsettings)

    def sync(self) -> None:
        self.qsettings.sync()
