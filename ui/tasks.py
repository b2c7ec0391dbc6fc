"""Run a long core function on a worker thread and report back through queued Qt signals."""

from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from analyst_app.errors import Cancelled
from analyst_app.tasks import CancelToken

# At most this many progress signals per second reach the GUI thread.
MAX_PROGRESS_RATE = 20.0


class _JobSignals(QObject):
    """Signals a worker emits; created in the GUI thread, so connections are queued."""

    progress = Signal(int, float, str)
    done = Signal(int, str, object)  # job id, outcome, payload


class _Job(QRunnable):
    """Call ``fn`` with ``progress`` and ``cancel`` keywords and report how it ended."""

    def __init__(self, job_id: int, signals: _JobSignals, fn: Callable[..., Any],
                 args: tuple, kwargs: dict, token: CancelToken) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = job_id
        self._signals = signals
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._token = token
        self._last = 0.0

    def _progress(self, fraction: float, message: str) -> None:
        # Throttled here, in the worker, so a chatty task cannot flood the event loop.
        now = time.monotonic()
        if fraction < 1.0 and now - self._last < 1.0 / MAX_PROGRESS_RATE:
            return
        self._last = now
        self._signals.progress.emit(self._id, float(fraction), str(message))

    def run(self) -> None:  # noqa: D401 - QRunnable API
        try:
            result = self._fn(*self._args, progress=self._progress, cancel=self._token,
                              **self._kwargs)
        except Cancelled as exc:
            self._signals.done.emit(self._id, "cancelled", exc)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self._signals.done.emit(self._id, "failed", exc)
        else:
            self._signals.done.emit(self._id, "succeeded", result)


class TaskRunner(QObject):
    """Run one core function at a time on a worker thread.

    The function is called as ``fn(*args, progress=callback, cancel=token, **kwargs)``;
    it reports ``progress(fraction, message)`` and polls the
    :class:`~analyst_app.tasks.CancelToken`. Every signal arrives in the GUI thread.

    Signals
    -------
    started()
        A job was started.
    progress(float, str)
        Fraction done in [0, 1] and a message; at most ~20 per second.
    succeeded(object)
        The function's return value.
    failed(object)
        The exception the function raised.
    cancelled()
        The function raised :class:`~analyst_app.errors.Cancelled`.
    finished()
        After any of the three outcomes.
    """

    started = Signal()
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._job_id = 0
        self._token: CancelToken | None = None
        self._busy = False
        self._closed = False
        self.description = ""

    @property
    def busy(self) -> bool:
        """Whether a job is running (until its outcome signal has been emitted)."""
        return self._busy

    def start(self, fn: Callable[..., Any], *args: Any, description: str = "",
              **kwargs: Any) -> None:
        """Start ``fn(*args, progress=..., cancel=..., **kwargs)`` on the worker thread.

        Parameters
        ----------
        fn : callable
            A core function taking ``progress`` and ``cancel`` keywords.
        description : str
            What the job does, for the progress widget.

        Raises
        ------
        RuntimeError
            When a job is already running or the runner was shut down.
        """
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        if self._busy:
            raise RuntimeError("a job is already running; cancel it or wait")
        self._job_id += 1
        self._token = CancelToken()
        self._busy = True
        self.description = description
        self._pool.start(_Job(self._job_id, self._signals, fn, args, kwargs, self._token))
        self.started.emit()

    def cancel(self) -> None:
        """Ask the running job to stop at its next check of the cancel token."""
        if self._token is not None:
            self._token.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker thread is idle; return ``False`` on timeout."""
        return self._pool.waitForDone(timeout_ms)

    def discard(self) -> None:
        """Cancel the running job, wait for it and drop its outcome (e.g. before the
        workspace changes); emits ``finished`` when a job was running."""
        self.cancel()
        self.wait()
        if self._busy:
            self._job_id += 1  # signals of the discarded job still queued are ignored
            self._busy = False
            self._token = None
            self.finished.emit()

    def shutdown(self, timeout_ms: int = -1) -> None:
        """Cancel the running job, wait for it, and ignore whatever it reports later."""
        self._closed = True
        self.cancel()
        self.wait(timeout_ms)
        self._busy = False

    @Slot(int, float, str)
    def _on_progress(self, job_id: int, fraction: float, message: str) -> None:
        if job_id == self._job_id and not self._closed:
            self.progress.emit(fraction, message)

    @Slot(int, str, object)
    def _on_done(self, job_id: int, outcome: str, payload: object) -> None:
        if job_id != self._job_id or self._closed:
            return
        self._busy = False
        self._token = None
        if outcome == "succeeded":
            self.succeeded.emit(payload)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(payload)
        self.finished.emit()


__all__ = ["TaskRunner", "MAX_PROGRESS_RATE"]
