"""Printed shift sheets and reports, in the user's language, ready to post at the station.

    request = PrintRequest(scenario, calendar, schedule, stations=["G310W"], version_label="v3")
    problems = unprintable(request)          # names the font cannot print: tell the user
    pdf = render(Kind.SHEET, request)        # or "slips", "signin", "fairness", "changes"
    write_pdf("roster.pdf", pdf)             # atomically

Layout (ReportLab) is kept apart from data: ``data.py`` turns the request into plain rows, one
report class per kind (on the common ``base.Report``) turns those into pages. This package imports
only the domain, ``shiftplan.i18n`` and ReportLab.
"""

from shiftplan.printing.api import (
    Kind,
    Unprintable,
    UnprintableTextError,
    render,
    unprintable,
    write_pdf,
)
from shiftplan.printing.base import Cancelled, PrintCancelled, Progress
from shiftplan.printing.data import PrintRequest, PrintRequestError
from shiftplan.printing.fonts import MISSING_MARK, FontMissingError

__all__ = [
    "MISSING_MARK",
    "Cancelled",
    "FontMissingError",
    "Kind",
    "PrintCancelled",
    "PrintRequest",
    "PrintRequestError",
    "Progress",
    "Unprintable",
    "UnprintableTextError",
    "render",
    "unprintable",
    "write_pdf",
]
