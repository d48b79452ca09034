"""Phone numbers of people and stations: what counts as one, and the one way each is written.

Accepted, in any spacing, with hyphens, full-width digits, and an optional +86 / 0086 in front:

- a mainland mobile, 11 digits 1[3-9]…: "13800138000", "+86 138 0013 8000", "138-0013-8000";
  written as its 11 digits;
- a landline with its area code (010 and 02x have three digits, every other code four), a local
  number of 7 or 8 digits and an optional extension (-, 转, 分机, ext, x or #, then 1–6 digits):
  "0371-67891234", "037167891234", "(0371) 6789 1234", "0371-6789 1234", "010-12345678 转 801",
  "+86 371 6789 1234"; written "0371-67891234", "010-12345678-801";
- a nationwide service number, 400 or 800 and 7 digits: written "400-123-4567".

Not accepted: local numbers without the area code, and short numbers (110, 12345, the 3–6 digit
短号 of a closed user group). A roster is read by people of other units and posted on walls; the
number on it must work when dialled from any phone, and a short number does not.
"""

from __future__ import annotations

import re
import unicodedata

from shiftplan.i18n import _

_COUNTRY = re.compile(r"^(?:\+|00)86-?|^\(\+?86\)-?")
_MOBILE = re.compile(r"(?:86)?(1[3-9]\d{9})")
_EXTENSION = re.compile(r"(.+?)(?:转|分机|ext\.?|x|#)-?(\d{1,6})", re.IGNORECASE)
_LANDLINE = re.compile(r"\(?0\d{2,3}\)?-?\d{3,4}-?\d{4}")
_SERVICE = re.compile(r"([48]00)-?(\d{3})-?(\d{4})")


def normalize_phone(written: str) -> str | None:
    """The phone in its one written form; "" for none; None when it is not a phone number."""
    text = re.sub(r"[\s\u00a0]+", "", unicodedata.normalize("NFKC", written))
    text = re.sub(r"[‐‑‒–—−]", "-", text)
    if not text:
        return ""
    country = _COUNTRY.match(text)
    if country:
        text = text[country.end():]
    mobile = _MOBILE.fullmatch(text.replace("-", ""))
    if mobile:
        return mobile.group(1)
    service = _SERVICE.fullmatch(text)
    if service and not country:
        return "-".join(service.groups())
    if country and not text.startswith(("0", "(0")):
        text = "0" + text.removeprefix("(")  # +86 371 …: the area code without its 0
        text = text.replace(")", "", 1) if text.count(")") > text.count("(") else text
    return _landline(text)


def _landline(text: str) -> str | None:
    extension = ""
    found = _EXTENSION.fullmatch(text)
    if found:
        text, extension = found.groups()
    number = _local(text)
    if number is None and not extension and text.count("-") >= 1:
        head, _sep, tail = text.rpartition("-")  # 0371-67891234-801: the last group is the extension
        if len(tail) <= 6 and tail.isdigit():
            number, extension = _local(head), tail
    if number is None:
        return None
    return f"{number}-{extension}" if extension else number


def _local(text: str) -> str | None:
    if not _LANDLINE.fullmatch(text) or text.count("(") != text.count(")"):
        return None
    digits = re.sub(r"\D", "", text)
    area = 3 if digits[1] in "12" else 4
    local = digits[area:]
    if len(local) not in (7, 8) or local[0] == "0":
        return None
    return f"{digits[:area]}-{local}"


def is_phone(written: str) -> bool:
    """Whether ``written`` is a phone number (or empty: a phone may be left out)."""
    return normalize_phone(written) is not None


def phone_problem(written: str) -> str | None:
    """Why ``written`` is not a phone number, in the user's language; None when it is one (or empty)."""
    if is_phone(written):
        return None
    return _("{value} is not a phone number (a mobile has 11 digits starting with 13 to 19, a landline is written "
             "like 0371-12345678)").format(value=written.strip())
