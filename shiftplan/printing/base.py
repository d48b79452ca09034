"""The report base class: page size and margins, the font, header and footer, page x / y, bytes out.

A report subclasses :class:`Report`, gathers its plain data in ``collect`` (from ``data.py``) and
turns it into ReportLab flowables in ``story``. The page furniture is drawn here, so every printout
of the product looks alike. What a page's header says (station, period …) can change from page to
page: a report puts a :class:`PageHeading` flowable at the top of each page's content, and the
header is drawn at the *end* of the page, when that heading is known.
"""

from __future__ import annotations

import datetime as dt
import io
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from shiftplan import __version__
from shiftplan.i18n import _
from shiftplan.printing import formats
from shiftplan.printing.data import PrintRequest
from shiftplan.printing.fonts import printable, register_font, string_width

Progress = Callable[[float], None]  # called with the share done, 0.0 to 1.0
Cancelled = Callable[[], bool]  # polled often; True stops the print with PrintCancelled

# Colours: black text, and tints light enough to stay readable on a grey laser printout.
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f5f5f")
RULE = colors.HexColor("#8c8c8c")
HEAD_FILL = colors.HexColor("#e4e4e4")
RESTDAY_FILL = colors.HexColor("#e9eef5")
HOLIDAY_FILL = colors.HexColor("#fbe3de")
HOLIDAY_INK = colors.HexColor("#a3261b")
PARTY_INK = colors.HexColor("#c0281c")

LEADER_MARK = "★"  # before the name of whoever leads the shift
PARTY_MARK = "▲"  # after the name of a Party member (probationary members included)

MARGIN = 10 * mm
HEADER_HEIGHT = 15 * mm  # title, a line of details, a rule
FOOTER_HEIGHT = 7 * mm  # a rule and a line of small print
SIGN_LINES_HEIGHT = 6 * mm  # legend and the 制表人 / 审核人 lines, above the footer
STORY_SHARE = 0.4  # of the progress bar: gathering and laying out; the rest is drawing the pages

T = TypeVar("T")


class PrintCancelled(Exception):
    """The user stopped the print (the ``cancelled`` check returned True)."""


def escape(text: str) -> str:
    """User text for Paragraph markup: missing glyphs marked, markup characters escaped."""
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hex_color(color: colors.Color) -> str:
    """``#rrggbb``, as Paragraph markup wants it."""
    return "#" + str(color.hexval())[2:]


def style(size: float, *, align: str = "left", color: colors.Color = INK, leading: float | None = None,
          space_after: float = 0, cjk: bool = True) -> ParagraphStyle:
    """A paragraph style in the report font. ``cjk`` wraps between any two characters, as Chinese
    text wants; without it lines break at spaces only, which keeps English words whole."""
    alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align]
    return ParagraphStyle(f"s{size}{align}", fontName=register_font(), fontSize=size,
                          leading=leading or size * 1.25, alignment=alignment, textColor=color,
                          wordWrap="CJK" if cjk else None, spaceAfter=space_after)


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-text cells use the report font (ReportLab's default is Helvetica,
    which would be referenced, unembedded, by every empty cell)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), register_font(), 9), *commands])


def has_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def para(text: str, size: float, **options: Any) -> Paragraph:
    """A paragraph of user text (escaped here), wrapped the way its script wants."""
    return Paragraph(escape(text), style(size, cjk=has_cjk(text), **options))


def cell(text: str, size: float, width: float, **options: Any) -> str | Paragraph:
    """A table cell: plain text when it fits on one line (fast), else a paragraph that wraps.

    Plain text takes its size, colour and alignment from the table style, so the caller styles the
    column with the same ``size`` and ``options``.
    """
    text = printable(text)
    return text if string_width(text, size) <= width else para(text, size, **options)


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *, align: str = "left",
              color: colors.Color = INK, bold: bool = False, max_width: float | None = None) -> float:
    """Draw one line of text, smaller if it would be wider than ``max_width``; returns its width.

    ``bold`` strokes the outline as well: the font has no bold face.
    """
    text = printable(text)
    width = string_width(text, size)
    if max_width is not None and width > max_width:
        size, width = size * max_width / width, max_width
    x = x - width / 2 if align == "center" else x - width if align == "right" else x
    obj = canvas.beginText(x, y)
    obj.setFont(register_font(), size)
    obj.setFillColor(color)
    if bold:
        canvas.setStrokeColor(color)
        canvas.setLineWidth(size * 0.035)
        obj.setTextRenderMode(2)  # fill and stroke
    obj.textOut(text)
    if bold:
        obj.setTextRenderMode(0)  # the mode is page state: later text must not come out stroked
    canvas.drawText(obj)
    return width


@dataclass(frozen=True)
class LegendItem:
    """A mark (or a tint swatch) and what it means."""

    mark: str
    meaning: str
    color: colors.Color = INK
    fill: colors.Color | None = None


@dataclass(frozen=True)
class Heading:
    """What the header of a page says: a title, and up to three small items below it."""

    title: str
    left: str = ""
    center: str = ""
    right: str = ""


class Title(Flowable):
    """One line of large text in (simulated) bold, shrunk if the line is too narrow for it."""

    def __init__(self, text: str, size: float, align: str = "center", space_after: float = 0) -> None:
        super().__init__()
        self.text, self.size, self.align, self.space_after = text, size, align, space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.size = min(self.size, self.size * avail_width / max(string_width(printable(self.text), self.size), 1))
        return avail_width, self.size * 1.3 + self.space_after

    def draw(self) -> None:
        x = {"left": 0, "center": self.width / 2, "right": self.width}[self.align]
        draw_text(self.canv, x, self.space_after + self.size * 0.3, self.text, self.size, align=self.align, bold=True)


class PageHeading(Flowable):
    """Invisible; sets the heading of the page it lands on."""

    def __init__(self, heading: Heading) -> None:
        super().__init__()
        self.heading = heading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._shiftplan_heading = self.heading


def _numbered_canvas(draw_number: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to write "page x / y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                draw_number(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class Report(ABC, Generic[T]):
    """Base of every printout: A4 landscape, the bundled font, header, footer, page x / y."""

    pagesize: ClassVar[tuple[float, float]] = landscape(A4)
    sign_lines: ClassVar[bool] = False  # 制表人 / 审核人 lines above the footer
    page_heading: ClassVar[bool] = True  # False: the content starts at the top margin

    def __init__(self, request: PrintRequest, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> None:
        register_font()
        self.request = request
        self._progress = progress
        self._cancelled = cancelled
        self.printed_at = request.printed_at or dt.datetime.now().replace(second=0, microsecond=0)

    # --- what a report provides -------------------------------------------------------------

    @abstractmethod
    def collect(self) -> T:
        """The report's plain data, from the request."""

    @abstractmethod
    def story(self, data: T) -> list[Flowable]:
        """The flowables of the whole document; call :meth:`step` now and then."""

    def legend(self) -> Sequence[LegendItem]:
        """What the marks and tints mean, printed at the foot of every page."""
        return ()

    def document_title(self) -> str:
        return ""

    # --- geometry ------------------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.pagesize[0] - 2 * MARGIN

    @property
    def bottom(self) -> float:
        """Where the content area ends, above the footer (and the signature lines)."""
        return MARGIN + FOOTER_HEIGHT + (SIGN_LINES_HEIGHT if self.sign_lines or self.legend() else 0)

    @property
    def top(self) -> float:
        return self.pagesize[1] - MARGIN - (HEADER_HEIGHT if self.page_heading else 0)

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def frames(self) -> list[Frame]:
        return [Frame(MARGIN, self.bottom, self.width, self.height, 0, 0, 0, 0, id="body")]

    # --- running -------------------------------------------------------------------------------

    def step(self, done: float, total: float) -> None:
        """Report progress of the story phase and honour a cancel request."""
        self._tick(STORY_SHARE * done / total if total else 0.0)

    def _tick(self, share: float) -> None:
        if self._cancelled is not None and self._cancelled():
            raise PrintCancelled
        if self._progress is not None:
            self._progress(min(max(share, 0.0), 1.0))

    def render(self) -> bytes:
        self._tick(0.0)
        story = self.story(self.collect())
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN, title=printable(self.document_title()), author="shiftplan",
            creator=f"shiftplan {__version__}", invariant=1,
            # Without this, every page would name Helvetica (not embedded) as its starting font.
            initialFontName=register_font(),
        )
        doc.addPageTemplates([PageTemplate("page", self.frames(), onPage=self._page_begin,
                                           onPageEnd=self._page_end, pagesize=self.pagesize)])
        size = max(len(story), 1)

        def on_progress(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                self._tick(STORY_SHARE + (1 - STORY_SHARE) * value / size)

        doc.setProgressCallBack(on_progress)
        doc.build(story, canvasmaker=_numbered_canvas(self._draw_page_number))
        self._tick(1.0)
        return buffer.getvalue()

    # --- page furniture ---------------------------------------------------------------------------

    def _page_begin(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw_background(canvas)

    def draw_background(self, canvas: Canvas) -> None:
        """Anything drawn under the content (slips draw their cut marks here)."""

    def _page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        heading: Heading | None = getattr(canvas, "_shiftplan_heading", None)
        if heading is not None:
            self._draw_header(canvas, heading)
        self._draw_footer(canvas)

    def _draw_header(self, canvas: Canvas, heading: Heading) -> None:
        page_w, page_h = self.pagesize
        left, right = MARGIN, page_w - MARGIN
        y = page_h - MARGIN - 5 * mm
        draw_text(canvas, page_w / 2, y, heading.title, 15, align="center", bold=True, max_width=self.width)
        y -= 6 * mm
        # The centre item keeps its size; the side items share what is left and shrink if they must.
        center = draw_text(canvas, page_w / 2, y, heading.center, 9, align="center", max_width=self.width / 2)
        side = (self.width - center) / 2 - 4 * mm
        draw_text(canvas, left, y, heading.left, 9, color=MUTED, max_width=side)
        draw_text(canvas, right, y, heading.right, 9, align="right", color=MUTED, max_width=side)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.line(left, y - 2.2 * mm, right, y - 2.2 * mm)

    def _draw_footer(self, canvas: Canvas) -> None:
        page_w = self.pagesize[0]
        left, right = MARGIN, page_w - MARGIN
        if self.sign_lines or self.legend():
            line_y = MARGIN + FOOTER_HEIGHT + 1 * mm
            x = left
            for item in self.legend():
                if item.fill is not None:
                    canvas.setFillColor(item.fill)
                    canvas.setStrokeColor(RULE)
                    canvas.setLineWidth(0.4)
                    canvas.rect(x, line_y - 0.6 * mm, 5 * mm, 3.2 * mm, stroke=1, fill=1)
                    x += 5 * mm
                x += draw_text(canvas, x, line_y, item.mark, 9, color=item.color)
                x += draw_text(canvas, x + 1.2, line_y, item.meaning, 8, color=MUTED) + 6 * mm
            if self.sign_lines:
                x = right
                for label in (_("Checked by"), _("Prepared by")):
                    canvas.setStrokeColor(INK)
                    canvas.setLineWidth(0.5)
                    canvas.line(x - 35 * mm, line_y - 1, x, line_y - 1)
                    x -= 35 * mm + 1
                    x -= draw_text(canvas, x, line_y, _("{label}:").format(label=label), 9, align="right") + 8 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(left, MARGIN + 4 * mm, right, MARGIN + 4 * mm)
        parts = []
        if self.request.version_label:
            parts.append(_("Plan {version}").format(version=self.request.version_label))
        if self.request.status_label:
            parts.append(self.request.status_label)
        parts.append(_("printed {moment}").format(moment=formats.printed_at(self.printed_at)))
        parts.append(f"shiftplan {__version__}")
        draw_text(canvas, left, MARGIN + 1 * mm, " · ".join(parts), 7.5, color=MUTED)

    def _draw_page_number(self, canvas: Canvas, page: int, total: int) -> None:
        y = MARGIN + 1 * mm
        text = _("page {page} of {total}").format(page=page, total=total)
        draw_text(canvas, self.pagesize[0] - MARGIN, y, text, 7.5, align="right", color=MUTED)

