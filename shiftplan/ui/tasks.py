"""Work that takes a while (reading a big workbook, importing a scenario, printing) off the GUI thread.

:func:`run_task` runs a plain function on Qt's thread pool and hands its result, or its error,
to callbacks on the GUI thread, while a modal progress dialog keeps the user informed. The work
function must not touch any widget. :func:`run_progress_task` does the same for work that reports
its progress and may be cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from shiftplan.i18n import _


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        """Override QRunnable::run; on a pool thread."""
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to tell the user
            self._signals.failed.emit(error)
        else:
            self._signals.done.emit(result)


class Task(QObject):
    """One piece of background work; its callbacks run on the GUI thread (this object's thread).

    Signals:
        finished(): the work is over and its callback has run, successfully or not.
    """

    finished = Signal()

    def __init__(self, parent: QWidget, text: str, work: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error
        self._signals = _Signals()
        # Slots of a QObject living in the GUI thread, so the queued calls arrive there.
        self._signals.done.connect(self._on_signals_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_signals_failed, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(text, "", 0, 0, parent)
        self.progress.setCancelButton(None)  # the work cannot be stopped halfway; it is quick enough
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # no flicker for quick work
        self.progress.setAutoClose(False)
        self._runnable = _Runnable(work, self._signals)
        self._runnable.setAutoDelete(False)  # we keep it until the signal has arrived

    def start(self) -> None:
        self.progress.setValue(0)
        QThreadPool.globalInstance().start(self._runnable)

    @Slot(object)
    def _on_signals_done(self, result: object) -> None:
        self._finish()
        self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _on_signals_failed(self, error: object) -> None:
        self._finish()
        self._on_error(error if isinstance(error, Exception) else RuntimeError(str(error)))
        self.finished.emit()

    def _finish(self) -> None:
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
        self.deleteLater()


def run_task(parent: QWidget, text: str, work: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None]) -> Task:
    """Run ``work()`` in the background with a busy dialog saying ``text``; returns the started task."""
    task = Task(parent, text, work, on_done, on_error)
    task.start()
    return task


class _ProgressSignals(_Signals):
    progress = Signal(float)


class ProgressTask(QObject):
    """Background work that reports how far it is (0.0–1.0) and can be cancelled from its dialog.

    ``work(progress, cancelled)`` calls ``progress(share)`` now and then and stops soon after
    ``cancelled()`` turns True, by raising whatever it raises then; that error still goes to
    ``on_error`` (check :attr:`cancelled` there). Callbacks run on the GUI thread.

    Signals:
        finished(): the work is over and its callback has run.
    """

    finished = Signal()
    STEPS = 1000

    def __init__(self, parent: QWidget, text: str,
                 work: Callable[[Callable[[float], None], Callable[[], bool]], Any],
                 on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error
        self._cancel = threading.Event()
        self._signals = _ProgressSignals()
        self._signals.done.connect(self._on_signals_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_signals_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._on_signals_progress, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(text, _("Cancel"), 0, self.STEPS, parent)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        signals, cancel = self._signals, self._cancel  # the pool thread's work sees only these two
        self._runnable = _Runnable(lambda: work(signals.progress.emit, cancel.is_set), signals)
        self._runnable.setAutoDelete(False)
        self._over = False

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def over(self) -> bool:
        return self._over

    def start(self) -> None:
        self.progress.setValue(0)
        QThreadPool.globalInstance().start(self._runnable)

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop; its error callback follows when it has."""
        self._cancel.set()
        self.progress.setLabelText(_("Cancelling…"))

    @Slot(float)
    def _on_signals_progress(self, share: float) -> None:
        if not self._over:
            self.progress.setValue(max(0, min(self.STEPS, round(share * self.STEPS))))

    @Slot(object)
    def _on_signals_done(self, result: object) -> None:
        self._finish()
        self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _on_signals_failed(self, error: object) -> None:
        self._finish()
        self._on_error(error if isinstance(error, Exception) else RuntimeError(str(error)))
        self.finished.emit()

    def _finish(self) -> None:
        self._over = True
        self.progress.canceled.disconnect(self.cancel)
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
        self.deleteLater()


def run_progress_task(parent: QWidget, text: str,
                      work: Callable[[Callable[[float], None], Callable[[], bool]], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> ProgressTask:
    """Run ``work(progress, cancelled)`` in the background with a progress dialog and a Cancel button."""
    task = ProgressTask(parent, text, work, on_done, on_error)
    task.start()
    return task
