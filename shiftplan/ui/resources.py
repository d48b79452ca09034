"""Where the shipped resources are; paths only, no Qt.

The app runs from its checkout, so resources are found relative to the repository, not as
package data. The printing code locates the same font file by the same rule.
"""

from __future__ import annotations

from pathlib import Path

import shiftplan

RESOURCES_DIR = Path(shiftplan.__file__).resolve().parents[1] / "resources"
FONT_PATH = RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"  # the first face in FONT_PATH; the second is "… Mono"
ICONS_DIR = RESOURCES_DIR / "icons"


def icon_path(name: str) -> Path:
    """The SVG icon ``resources/icons/<name>.svg``."""
    return ICONS_DIR / f"{name}.svg"
