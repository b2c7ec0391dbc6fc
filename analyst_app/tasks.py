"""Progress callbacks and the cooperative cancel token used by every long task."""

from __future__ import annotations

import threading
from typing import Callable, Protocol

from analyst_app.errors import Cancelled

#: ``progress(fraction, message)`` with fraction in [0, 1].
Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """Progress callback that ignores every report."""


class CancelToken:
    """A thread-safe flag a long task polls between chunks of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`~analyst_app.errors.Cancelled` when cancel was requested."""
        if self._event.is_set():
            raise Cancelled("cancelled by the user")


class SupportsProgress(Protocol):
    def __call__(self, fraction: float, message: str) -> None: ...


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """Map a sub-task's 0..1 progress into ``[start, end]`` of the parent's."""

    def report(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0), message)

    return report
