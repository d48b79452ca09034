"""What the CLI and the GUI call: check the text, render a kind of printout to bytes, write a file.

Rendering is plain, Qt-free, blocking work: the GUI runs it in a worker thread and passes a
``progress`` callback and a ``cancelled`` check (see base.Progress and base.Cancelled).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from shiftplan.i18n import N_, _
from shiftplan.printing.base import Cancelled, Progress, Report
from shiftplan.printing.changes import ChangesReport
from shiftplan.printing.data import PrintRequest, printed_texts
from shiftplan.printing.fairness import FairnessReport
from shiftplan.printing.fonts import missing_characters
from shiftplan.printing.sheet import SheetReport
from shiftplan.printing.signin import SignInReport
from shiftplan.printing.slips import SlipsReport


class Kind(StrEnum):
    SHEET = "sheet"  # the station shift sheet (值班表)
    SLIPS = "slips"  # personal duty slips
    SIGNIN = "signin"  # sign-in sheets (签到表)
    FAIRNESS = "fairness"  # the fairness report
    CHANGES = "changes"  # changes since the previous schedule

    @property
    def label(self) -> str:
        return _(KIND_LABELS[self])


KIND_LABELS = {
    Kind.SHEET: N_("Duty roster"),
    Kind.SLIPS: N_("Personal duty slips"),
    Kind.SIGNIN: N_("Sign-in sheets"),
    Kind.FAIRNESS: N_("Fairness report"),
    Kind.CHANGES: N_("Changes to the roster"),
}

REPORTS: dict[Kind, type[Report[Any]]] = {
    Kind.SHEET: SheetReport,
    Kind.SLIPS: SlipsReport,
    Kind.SIGNIN: SignInReport,
    Kind.FAIRNESS: FairnessReport,
    Kind.CHANGES: ChangesReport,
}

WHAT_LABELS = {
    "staff": N_("person"), "station": N_("station"), "shift": N_("shift type"), "role": N_("role"),
    "scenario": N_("plan name"), "label": N_("footer label"),
}


@dataclass(frozen=True)
class Unprintable:
    """A text the font cannot print entirely: whose it is, and the characters it lacks."""

    what: str  # "staff", "station", "shift", "role", "scenario" or "label"
    id: str  # the person's (station's …) id; "" for the plan name and labels
    text: str
    missing: str  # the characters the font lacks, each once

    def __str__(self) -> str:
        chars = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in self.missing)
        who = f"{_(WHAT_LABELS[self.what])} {self.id}".strip()
        return _("{who} “{text}”: the print font has no {chars}").format(who=who, text=self.text, chars=chars)


class UnprintableTextError(ValueError):
    """Some names (or other texts) would print with gaps; ``problems`` says which."""

    def __init__(self, problems: list[Unprintable]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def unprintable(request: PrintRequest) -> list[Unprintable]:
    """Every text of the printout that has characters the font cannot draw (empty: all is well).

    Show these to the user before printing; print anyway with ``render(..., mark_unprintable=True)``,
    which prints each missing character as 〓 so that the gap is seen and filled in by hand.
    """
    found = []
    for what, id_, text in printed_texts(request):
        missing = missing_characters(text)
        if missing:
            found.append(Unprintable(what, id_, text, missing))
    return list(dict.fromkeys(found))


def render(kind: Kind | str, request: PrintRequest, *, progress: Progress | None = None,
           cancelled: Cancelled | None = None, mark_unprintable: bool = False) -> bytes:
    """The PDF of one kind of printout.

    Raises UnprintableTextError when a text has characters the font lacks (unless
    ``mark_unprintable``), PrintRequestError for stations or dates the plan does not have or a
    changes page without a previous schedule, PrintCancelled when ``cancelled()`` turned True.
    """
    kind = Kind(kind)
    if not mark_unprintable:
        problems = unprintable(request)
        if problems:
            raise UnprintableTextError(problems)
    return REPORTS[kind](request, progress, cancelled).render()


def write_pdf(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it replaces it at the end."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
