"""The one Chinese font every printout embeds, and the check for characters it cannot draw.

ReportLab embeds (a subset of) a TrueType font, so a sheet prints the same on a PC without any
Chinese font. A character the font lacks is *not* an error in ReportLab: it silently draws a blank.
Names are user data and rare characters do occur in names (e.g. 䶮 in CJK Extension A), so every
printed string goes through :func:`printable`, and :func:`missing_characters` lets callers name the
offending person before printing.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import shiftplan

FONT_NAME = "WenQuanYiMicroHei"
FONT_PATH = Path(shiftplan.__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
# The geta mark is the typesetter's traditional stand-in for a missing character: it is visible
# and cannot be mistaken for a real one, so a name with a gap never reaches the wall unnoticed.
MISSING_MARK = "〓"

_lock = threading.Lock()


class FontMissingError(FileNotFoundError):
    """The bundled font file is not where the installation should have put it."""


@functools.cache
def _font() -> TTFont:
    if not FONT_PATH.is_file():
        raise FontMissingError(f"font file not found: {FONT_PATH}")
    font = TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def register_font() -> str:
    """Register the font with ReportLab (once) and return its name."""
    with _lock:
        _font()
    return FONT_NAME


@functools.cache
def _has_glyph(code: int) -> bool:
    return code in _font().face.charToGlyph


def _drawable(ch: str) -> bool:
    # Spaces, line breaks and invisible format characters need no glyph. Private-use characters
    # (造字 typed with a custom input method) do, and the font has none: they are reported.
    category = unicodedata.category(ch)
    return _has_glyph(ord(ch)) or category in ("Cc", "Cf") or category.startswith("Z")


def missing_characters(text: str) -> str:
    """The distinct characters of ``text`` the font cannot draw, in order of appearance."""
    register_font()
    return "".join(dict.fromkeys(ch for ch in text if not _drawable(ch)))


def printable(text: str) -> str:
    """``text`` with each character the font lacks replaced by :data:`MISSING_MARK`."""
    register_font()
    if all(_drawable(ch) for ch in text):
        return text
    return "".join(ch if _drawable(ch) else MISSING_MARK for ch in text)


def string_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT_NAME, size))
