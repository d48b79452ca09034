"""Chinese is complete: every message in the source has a translation, and the shipped .mo is current."""

from __future__ import annotations

import gettext
import re
import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "shiftplan.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def source_messages() -> dict[str, str]:
    """msgid -> where it is used, for every marked string in the package."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "shiftplan"), keywords=KEYWORDS, comment_tags=()):
        for text in (message if isinstance(message, tuple) else (message,)):
            if text:
                found[text] = f"shiftplan/{filename}:{lineno}"
    return found


def catalog() -> dict[str, str]:
    """msgid -> translation; both forms of a plural entry map to its (only) Chinese form."""
    with PO.open("rb") as handle:
        po = read_po(handle)
    found = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        text = message.string[0] if isinstance(message.string, tuple) else message.string
        for msgid in ids:
            found[str(msgid)] = str(text)
    return found


def fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_message_has_a_chinese_translation() -> None:
    translations = catalog()
    missing = {msg: where for msg, where in source_messages().items() if not translations.get(msg)}
    assert not missing, "untranslated in zh_CN (run: python tools/translations.py):\n" + "\n".join(
        f"  {where}: {msg!r}" for msg, where in sorted(missing.items(), key=lambda kv: kv[1]))


def test_translations_keep_every_placeholder() -> None:
    wrong = [msg for msg, text in catalog().items() if text and fields(msg) != fields(text)]
    assert not wrong, f"placeholders differ: {wrong}"


def test_translations_are_chinese() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    # A few messages are pure notation (formats, units of a file) and may stay as they are.
    latin = [msg for msg, text in catalog().items() if text and not han.search(text) and han.search(msg) is None
             and len(msg) > 12 and msg == text]
    assert not latin, f"copied instead of translated: {latin}"


def test_the_compiled_catalog_matches_the_source_catalog() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    with PO.open("rb") as handle:
        po = read_po(handle)
    stale = []
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            current = compiled.ngettext(str(message.id[0]), str(message.id[1]), 1) == message.string[0]
        else:
            current = compiled.gettext(str(message.id)) == message.string
        if not current:
            stale.append(message.id)
    assert not stale, f"{MO.name} is out of date (run: python tools/translations.py): {stale[:5]}"
