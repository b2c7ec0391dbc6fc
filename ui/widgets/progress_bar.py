"""Status-bar widget: progress bar, message and Cancel button of the running task."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.tasks import TaskRunner


class TaskProgressWidget(QWidget):
    """Show the progress of the most recently started job of the attached runners.

    Hidden while no job runs. Cancel asks that job's runner to cancel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runners: list[TaskRunner] = []
        self._active: TaskRunner | None = None
        self.message = QLabel()
        self.message.setMinimumWidth(220)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.bar.setFixedWidth(200)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.setVisible(False)

    def attach(self, runner: TaskRunner) -> None:
        """Follow the jobs of ``runner``."""
        self._runners.append(runner)
        runner.started.connect(lambda *_, r=runner: self._on_started(r))
        runner.progress.connect(lambda f, m, *_, r=runner: self._on_progress(r, f, m))
        runner.finished.connect(lambda *_, r=runner: self._on_finished(r))

    def _on_started(self, runner: TaskRunner) -> None:
        self._active = runner
        self.bar.setValue(0)
        self.message.setText(runner.description)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def _on_progress(self, runner: TaskRunner, fraction: float, message: str) -> None:
        if runner is not self._active:
            return
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        # Core messages are English plain words ("storing X.csv"): a tooltip, so that the
        # label stays in the UI language.
        self.message.setToolTip(message)
        self.bar.setToolTip(message)

    def _on_finished(self, runner: TaskRunner) -> None:
        if runner is not self._active:
            return
        others = [r for r in self._runners if r.busy]
        self._active = others[-1] if others else None
        self.setVisible(self._active is not None)
        if self._active is not None:
            self.message.setText(self._active.description)

    @Slot()
    def _cancel(self) -> None:
        if self._active is not None:
            self._active.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))

    def retranslate(self) -> None:
        """Set the widget's text in the current language."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running task"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["TaskProgressWidget"]
