"""TaskRunner: outcomes, responsiveness, cancel, throttling, one job at a time."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from analyst_app.errors import Cancelled, InputError
from ui.tasks import MAX_PROGRESS_RATE, TaskRunner

pytestmark = pytest.mark.gui


def _answer(x, *, progress, cancel):
    progress(0.5, "half")
    return x * 2


def _fail(*, progress, cancel):
    raise InputError("bad input", file="a.csv", line=3)


def _slow(seconds, *, progress, cancel):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        cancel.raise_if_cancelled()
        progress(1 - (end - time.monotonic()) / seconds, "working")
        time.sleep(0.01)
    return "done"


@pytest.fixture
def runner(qapp):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def test_succeeded_with_the_return_value(qtbot, runner):
    finished = []
    runner.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(runner.succeeded, timeout=5000) as blocker:
        runner.start(_answer, 21)
    assert blocker.args == [42]
    assert finished == [True] and not runner.busy


def test_failed_with_the_exception(qtbot, runner):
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(_fail)
    error = blocker.args[0]
    assert isinstance(error, InputError) and error.line == 3


def test_cancel_stops_a_job_that_polls_the_token(qtbot, runner):
    succeeded = []
    runner.succeeded.connect(succeeded.append)
    started = time.monotonic()
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.start(_slow, 10.0)
        QTimer.singleShot(100, runner.cancel)
    assert time.monotonic() - started < 3
    assert not succeeded and not runner.busy


def test_gui_thread_stays_responsive(qtbot, runner):
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(_slow, 1.0)
    timer.stop()
    # A blocked event loop would fire the timer once or twice; a free one ~50 times.
    assert len(ticks) >= 25
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.3


def test_progress_is_throttled_and_reaches_the_gui(qtbot, runner):
    received = []
    runner.progress.connect(lambda f, m: received.append((f, m)))
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(_slow, 0.5)
    qtbot.wait(50)
    # ~50 calls in 0.5 s; at most ~20/s get through (plus the first one).
    assert 2 <= len(received) <= MAX_PROGRESS_RATE * 0.5 + 3
    assert all(m == "working" for _, m in received)


def test_one_job_at_a_time(qtbot, runner):
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.start(_slow, 5.0)
        with pytest.raises(RuntimeError):
            runner.start(_answer, 1)
        runner.cancel()


def test_shutdown_cancels_waits_and_ignores_later_signals(qtbot, runner):
    outcomes = []
    for signal in (runner.succeeded, runner.failed, runner.cancelled):
        signal.connect(lambda *a: outcomes.append(a))
    runner.start(_slow, 10.0)
    started = time.monotonic()
    runner.shutdown()
    assert time.monotonic() - started < 3
    qtbot.wait(100)
    assert outcomes == []
    with pytest.raises(RuntimeError):
        runner.start(_answer, 1)


def test_discard_drops_the_outcome_but_finishes(qtbot, runner):
    cancelled = []
    runner.cancelled.connect(lambda: cancelled.append(True))
    runner.start(_slow, 10.0)
    with qtbot.waitSignal(runner.finished, timeout=1000):
        runner.discard()
    qtbot.wait(100)
    assert cancelled == [] and not runner.busy
    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(_answer, 2)


def test_cancelled_error_type_is_the_core_one():
    assert issubclass(Cancelled, Exception)
