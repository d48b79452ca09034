"""Problems found in a file, each naming the file, the place in it and what is wrong."""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from shiftplan.i18n import _


@dataclass(frozen=True)
class Problem:
    file: str
    path: str  # a JSON path such as staff[12].roles[0], or "line 3" in a CSV file
    message: str  # already in the user's language

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}" if self.path else f"{self.file}: {self.message}"


class FormatError(Exception):
    """A malformed file: nothing of it was used."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class _Object(dict[str, object]):
    """A JSON object that remembers keys that appeared twice."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, object]]) -> _Object:
    result = _Object()
    result.duplicates = []
    for key, value in pairs:
        if key in result:
            result.duplicates.append(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> object:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


def _parse_int(text: str) -> int | float:
    # Python refuses to convert integers of more than 4300 digits; as infinity such a number
    # reaches the reader, which names its path ("must be a number") like any other huge one.
    return int(text) if len(text) <= 4000 else math.inf


def parse_json(raw: bytes, file: str) -> object:
    """Decode strict UTF-8 JSON; duplicate keys are kept for the reader to report."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError([Problem(file, "", _("the file is not UTF-8 text (byte {pos})").format(
            pos=error.start))]) from None
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_reject_constant,
                          parse_int=_parse_int)
    except json.JSONDecodeError as error:
        raise FormatError([Problem(file, "", _("not valid JSON at line {line}, column {col}: {msg}").format(
            line=error.lineno, col=error.colno, msg=error.msg))]) from None
    except ValueError as error:
        raise FormatError([Problem(file, "", str(error))]) from None


def duplicate_keys(value: object) -> list[str]:
    return list(getattr(value, "duplicates", []))


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise FormatError([Problem(str(path), "", _("cannot read the file: {reason}").format(
            reason=error.strerror or error))]) from None


def write_atomically(path: str | os.PathLike[str], data: str) -> None:
    """Write the whole file or nothing: a crash never leaves half a file behind."""
    target = Path(path)
    fd, temp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
