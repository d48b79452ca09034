"""Translation layer for everything that is not Qt's own text.

English is the source language; Chinese (``zh_CN``) is the default and is complete.
``_()`` translates at call time, so a language switch applies to every message produced
afterwards. ``N_()`` marks a module-level string for extraction without translating it.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "shiftplan"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def normalize_language(code: str | None) -> str:
    """Map user spellings (``zh``, ``zh-CN``, ``en_US.UTF-8``) onto a supported language."""
    if not code:
        return DEFAULT_LANGUAGE
    code = code.split(".")[0].replace("-", "_").lower()
    return "zh_CN" if code.startswith("zh") else "en" if code.startswith(("en", "c", "posix")) else DEFAULT_LANGUAGE


def set_language(code: str | None) -> str:
    """Switch the language of every later message; returns the language now in force."""
    global _translation, _language
    _language = normalize_language(code)
    if _language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=False)
    return _language


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    return message


set_language(os.environ.get("SHIFTPLAN_LANG"))
