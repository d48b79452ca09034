#!/usr/bin/env python3
"""Refresh the translation catalog: extract messages, merge them into zh_CN.po, compile the .mo.

Run after changing user-facing text; then fill in the new empty entries of the .po file and
run it again. tests/test_translations.py fails while any message lacks its Chinese.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "shiftplan.pot"


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True)


def main() -> None:
    pybabel("extract", "--no-location", "--sort-output", "--add-comments=Translators:",
            "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-o", str(POT), "shiftplan")
    pybabel("update", "--no-fuzzy-matching", "--ignore-obsolete", "-i", str(POT), "-d", str(LOCALE),
            "-D", "shiftplan", "-l", "zh_CN")
    pybabel("compile", "-d", str(LOCALE), "-D", "shiftplan", "-l", "zh_CN")


if __name__ == "__main__":
    main()
