"""Printing the roster shown: which printout, which station, which dates; then PDF, preview or printer.

The printout is rendered in the background (a month of the district takes a while) with its
progress and a Cancel button. Names the print font cannot draw are listed before anything is
rendered; the user may go on, and each missing character is printed as 〓 to be filled in by hand.
Print preview and printing need the PDF pages as images (see ``ui.pdf_pages``); where this
installation cannot draw them, only PDF export is offered and the dialog says why.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shiftplan.domain.errors import UserError
from shiftplan.i18n import _
from shiftplan.services.ports import PrintCancelledError, PrintJob
from shiftplan.services.printout import PRINT_KINDS, has_previous, print_job, record_printout
from shiftplan.services.roster import RosterView
from shiftplan.ui.controller import Controller
from shiftplan.ui.pdf_pages import RasterizeCancelled, orient, paint_pages, rasterize, rasterizer
from shiftplan.ui.tasks import ProgressTask, run_progress_task
from shiftplan.ui.widgets import Level, MessageBar

MAX_NAMES_SHOWN = 12
RENDER_SHARE = 0.7  # of the progress bar when the pages are drawn as images afterwards


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def default_pdf_name(kind: str, view: RosterView) -> str:
    plan = view.plan.name or "roster"
    return f"{plan} {_(PRINT_KINDS[kind])}.pdf".replace("/", "_").replace("\\", "_")


class PrintDialog(QDialog):
    """The print dialog of one roster view.

    Signals:
        exported(str): a PDF was written to the path.
        failed(str): rendering or writing failed with the message shown.
    """

    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, controller: Controller, view: RosterView, station: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print roster"))
        self.controller = controller
        self.view = view
        self.task: ProgressTask | None = None
        self.rasterizer = rasterizer()
        self.messages = MessageBar(self)

        self.kind_box = QComboBox(self)
        for kind, label in PRINT_KINDS.items():
            self.kind_box.addItem(_(label), kind)
        self._has_previous = has_previous(view, controller.workspace.store)
        if not self._has_previous:
            model = self.kind_box.model()
            if isinstance(model, QStandardItemModel):
                item = model.item(self.kind_box.findData("changes"))
                item.setEnabled(False)
                item.setToolTip(_("The plan has only one roster; the changes page compares with the one before."))
        self.station_box = QComboBox(self)
        self.station_box.addItem(_("All stations"), None)
        for s in view.scenario.stations:
            self.station_box.addItem(s.name or s.id, s.id)
        self.station_box.setCurrentIndex(max(self.station_box.findData(station), 0) if station else 0)
        period = view.scenario.period
        self.start_edit = self._date_edit(period.start)
        self.end_edit = self._date_edit(period.end)
        self.start_edit.dateChanged.connect(self._on_dates_changed)
        self.end_edit.dateChanged.connect(self._on_dates_changed)

        form = QFormLayout()
        form.addRow(_("&Printout:"), self.kind_box)
        form.addRow(_("S&tation:"), self.station_box)
        form.addRow(_("&From:"), self.start_edit)
        form.addRow(_("&To:"), self.end_edit)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if self.rasterizer is None:
            self.note.setText(_("Print preview and printing need Qt's PDF module or poppler's pdftoppm, and this "
                                "installation has neither: export the PDF and print it from a PDF viewer."))
        else:
            self.note.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.pdf_button = QPushButton(_("&Export PDF…"), self)
        self.preview_button = QPushButton(_("Print pre&view…"), self)
        self.print_button = QPushButton(_("P&rint…"), self)
        for button in (self.pdf_button, self.preview_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setEnabled(self.rasterizer is not None)
        self.print_button.setEnabled(self.rasterizer is not None)
        self.pdf_button.setDefault(True)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addWidget(self.messages)
        column.addLayout(form)
        column.addWidget(self.note)
        column.addWidget(self.buttons)

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        period = self.view.scenario.period
        edit.setDateRange(qdate(period.start), qdate(period.end))
        return edit

    # --- what is chosen -----------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def station(self) -> str | None:
        value = self.station_box.currentData()
        return value if isinstance(value, str) else None

    def job(self) -> PrintJob:
        return print_job(self.view, self.controller.workspace.store, kind=self.kind(), station=self.station(),
                         start=pydate(self.start_edit.date()), end=pydate(self.end_edit.date()))

    @Slot()
    def _on_dates_changed(self) -> None:
        if self.start_edit.date() > self.end_edit.date():
            sender = self.sender()
            other = self.end_edit if sender is self.start_edit else self.start_edit
            other.setDate(self.start_edit.date() if sender is self.start_edit else self.end_edit.date())

    # --- before rendering ---------------------------------------------------------------------

    def confirm_unprintable(self, problems: list[str]) -> bool:
        """Ask whether to print although some texts lack characters in the font (True: print with 〓)."""
        shown = problems[:MAX_NAMES_SHOWN]
        if len(problems) > len(shown):
            shown.append(_("… and {n} more").format(n=len(problems) - len(shown)))
        box = QMessageBox(QMessageBox.Icon.Warning, _("Print roster"), _(
            "The print font cannot draw some characters of these names:"), QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText("\n".join(shown) + "\n\n" + _(
            "Print anyway? Each missing character is printed as 〓, to be written in by hand."))
        anyway = box.addButton(_("Print anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def _checked_job(self) -> tuple[PrintJob, bool] | None:
        """The job and whether to mark missing characters; None: the user stopped, or it cannot be printed."""
        if self.task is not None:
            return None
        try:
            job = self.job()
            problems = self.controller.backend.unprintable(job)
        except UserError as error:
            self._fail(str(error))
            return None
        if problems and not self.confirm_unprintable(problems):
            return None
        return job, bool(problems)

    # --- rendering ----------------------------------------------------------------------------

    def _start(self, text: str, work: Callable[[Callable[[float], None], Callable[[], bool]], object],
               done: Callable[[object], None]) -> None:
        self.messages.hide()
        self._set_busy(True)

        def finished(result: object) -> None:
            self.task = None
            self._set_busy(False)
            done(result)

        def failed(error: Exception) -> None:
            self.task = None
            self._set_busy(False)
            if isinstance(error, PrintCancelledError | RasterizeCancelled):
                self.messages.show_message(_("Printing was cancelled."), Level.INFO)
            else:
                self._fail(str(error) or type(error).__name__)

        self.task = run_progress_task(self, text, work, finished, failed)

    def _set_busy(self, busy: bool) -> None:
        self.pdf_button.setEnabled(not busy)
        self.preview_button.setEnabled(not busy and self.rasterizer is not None)
        self.print_button.setEnabled(not busy and self.rasterizer is not None)

    def _fail(self, message: str) -> None:
        self.messages.show_message(message, Level.ERROR)
        self.failed.emit(message)

    def export_pdf(self, path: str | None = None) -> None:
        """Render the chosen printout and write it to ``path`` (None: ask where), whole or not at all."""
        checked = self._checked_job()
        if checked is None:
            return
        job, mark = checked
        if path is None:
            folder = os.path.dirname(self.controller.location) if "://" not in self.controller.location else ""
            path, _chosen = QFileDialog.getSaveFileName(
                self, _("Export PDF"), os.path.join(folder, default_pdf_name(self.kind(), self.view)),
                _("PDF files (*.pdf)"))
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        backend, kind, target = self.controller.backend, self.kind(), path

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> str:
            data = backend.render_printout(kind, job, progress=progress, cancelled=cancelled, mark_unprintable=mark)
            backend.write_pdf(target, data)
            return target

        def done(_result: object) -> None:
            self._record(kind, job)
            self.messages.show_message(_("Saved {file}.").format(file=Path(target).name), Level.INFO)
            self.exported.emit(target)

        self._start(_("Printing {kind}…").format(kind=_(PRINT_KINDS[kind])), work, done)

    def _render_pages(self, done: Callable[[list[QImage], str, PrintJob], None]) -> None:
        """Render the chosen printout to page images off the GUI thread; then ``done(images, kind, job)``."""
        checked = self._checked_job()
        if checked is None:
            return
        job, mark = checked
        backend, kind, method = self.controller.backend, self.kind(), self.rasterizer

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> list[QImage]:
            data = backend.render_printout(kind, job, progress=lambda share: progress(share * RENDER_SHARE),
                                           cancelled=cancelled, mark_unprintable=mark)
            return rasterize(data, method=method, cancelled=cancelled,
                             progress=lambda share: progress(RENDER_SHARE + share * (1 - RENDER_SHARE)))

        self._start(_("Printing {kind}…").format(kind=_(PRINT_KINDS[kind])), work,
                    lambda images: done(list(images) if isinstance(images, list) else [], kind, job))

    def preview(self) -> None:
        """Render, then show Qt's print preview, from which the user may print."""
        def show(images: list[QImage], _kind: str, _job: PrintJob) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            orient(printer, images)
            dialog = QPrintPreviewDialog(printer, self)
            dialog.paintRequested.connect(lambda p: paint_pages(p, images))
            dialog.exec()

        self._render_pages(show)

    def print_(self) -> None:
        """Render, then ask for the printer and print."""
        def send(images: list[QImage], kind: str, job: PrintJob) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            orient(printer, images)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                paint_pages(printer, images)
                self._record(kind, job)

        self._render_pages(send)

    def _record(self, kind: str, job: PrintJob) -> None:
        """Keep a copy of the roster printed, for the changes page; a failure is said, the printout stands."""
        try:
            view = self.view
            record_printout(self.controller.workspace.store, view.plan.id, view.plan.version, view.schedule, kind,
                            view.scenario.period, job.stations, job.start, job.end)
        except UserError as error:
            self.messages.show_message(_("Printed, but not recorded for the changes page: {reason}").format(
                reason=error), Level.WARNING)

    def reject(self) -> None:
        """Override QDialog::reject: a running printout is cancelled first."""
        if self.task is not None:
            self.task.cancel()
            return
        super().reject()
