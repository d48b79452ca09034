"""PDF pages as images, for Qt's print preview and printer: whatever this installation can draw them with.

Qt prints by painting, not by sending a PDF, so a printout goes to the printer as one image per
page at printer resolution. The pages are rasterized with QtPdf when this PySide6 has it (the
full ``PySide6`` wheel does; ``PySide6-Essentials`` does not), else with poppler's ``pdftoppm``
when it is installed. Without either, the app offers PDF export only, and says so.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from shiftplan.i18n import _

PRINT_DPI = 200  # enough for a wall sheet's small print, small enough to stay quick
POINTS_PER_INCH = 72
QTPDF, PDFTOPPM = "qtpdf", "pdftoppm"


class RasterizeCancelled(Exception):
    """The user cancelled while the pages were being drawn."""


def rasterizer() -> str | None:
    """How this installation turns PDF pages into images: QTPDF, PDFTOPPM, or None (it cannot)."""
    if importlib.util.find_spec("PySide6.QtPdf") is not None:
        return QTPDF
    if shutil.which("pdftoppm"):
        return PDFTOPPM
    return None


def rasterize(pdf: bytes, *, dpi: int = PRINT_DPI, method: str | None = None,
              progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi`` (may run off the GUI thread)."""
    method = method or rasterizer()
    if method == QTPDF:
        return _with_qtpdf(pdf, dpi, progress, cancelled)
    if method == PDFTOPPM:
        return _with_pdftoppm(pdf, dpi, cancelled)
    raise RuntimeError(_("This installation cannot draw PDF pages for printing; export the PDF and print it "
                         "from a PDF viewer."))


def _with_qtpdf(pdf: bytes, dpi: int, progress: Callable[[float], None] | None,
                cancelled: Callable[[], bool] | None) -> list[QImage]:
    from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found, unused-ignore]  # Addons only

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    images = []
    count = document.pageCount()
    for page in range(count):
        if cancelled is not None and cancelled():
            raise RasterizeCancelled()
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
        images.append(document.render(page, size))
        if progress is not None:
            progress((page + 1) / max(count, 1))
    document.close()
    return images


def _with_pdftoppm(pdf: bytes, dpi: int, cancelled: Callable[[], bool] | None) -> list[QImage]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RuntimeError(_("pdftoppm is not installed."))
    with tempfile.TemporaryDirectory(prefix="shiftplan-print-") as folder:
        source = Path(folder) / "print.pdf"
        source.write_bytes(pdf)
        process = subprocess.Popen([tool, "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while True:
            try:
                _out, errors = process.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled():
                    process.kill()
                    process.wait()
                    raise RasterizeCancelled() from None
        if process.returncode:
            raise RuntimeError(_("pdftoppm failed: {error}").format(error=errors.decode(errors="replace").strip()))
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [QImage(str(p)) for p in pages]


def orient(printer: QPrinter, images: Sequence[QImage]) -> None:
    """Landscape paper for landscape pages (the wall sheet), portrait otherwise."""
    if images:
        wide = images[0].width() > images[0].height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait)


def paint_pages(printer: QPrinter, images: Sequence[QImage]) -> None:
    """Each image on a page of its own, as large as the page allows, keeping its proportions."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2,
                           area.y() + (area.height() - size.height()) // 2, size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
