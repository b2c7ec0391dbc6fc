"""The installed Qt binding keeps Python's reference counts right.

PySide6 6.12.0 drops a reference to ``None`` on every Qt method call that returns nothing
(``setText``, ``setPen``, ``QTimer.setInterval`` ...). On Python 3.11 ``None`` is not immortal,
so a GUI session aborts with "Fatal Python error: none_dealloc" after roughly a hundred
thousand such calls, and the test process aborted at exit. ``pyproject.toml`` excludes that
release; this test catches a binding with the same fault.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    label, timer = QLabel(), QTimer()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        timer.setInterval(5)
    # A few references may come and go with the interpreter's own work, never 2,000.
    assert abs(sys.getrefcount(None) - before) < 50, "this PySide6 build leaks None: see pyproject.toml"
