"""Interactive plotly chart in a QWebEngineView, loaded from a local HTML file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from analyst_app.charts import write_figure_html

# Set to 1 to use the text fallback instead of QtWebEngine (tests, broken GPU drivers).
DISABLE_ENV = "ANALYST_NO_WEBENGINE"


def webengine_status() -> tuple[bool, str]:
    """Return whether QtWebEngine can be used and, if not, why."""
    if os.environ.get(DISABLE_ENV) == "1":
        return False, f"{DISABLE_ENV}=1"
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401
    except ImportError as exc:  # missing system libraries (libnss3, libxkbfile, …)
        return False, str(exc)
    return True, ""


class ChartView(QWidget):
    """Show plotly figures; falls back to an explanatory label without QtWebEngine.

    Each figure is written with :func:`analyst_app.charts.write_figure_html` into a
    private temporary folder (with a local ``plotly.min.js``) and loaded with
    ``setUrl(QUrl.fromLocalFile(...))``: ``setHtml`` is limited to 2 MB and a CDN is not
    reachable offline.

    Signals
    -------
    loaded(bool)
        The web view finished loading a figure (``True`` on success). Not emitted by the
        fallback.
    """

    loaded = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tempdir = tempfile.TemporaryDirectory(prefix="analyst-chart-")
        self._count = 0
        self.html_path: Path | None = None
        self.available, self.reason = webengine_status()
        self.view: Any = None
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color:#7f8c8d; padding:24px;")
        self._layout = QStackedLayout(self)
        self._layout.addWidget(self.placeholder)
        if self.available:
            self._make_view()
        self.retranslate()

    def _make_view(self) -> None:
        try:
            from PySide6.QtWebEngineWidgets import QWebEngineView
            self.view = QWebEngineView(self)
        except Exception as exc:  # noqa: BLE001 - never crash the page for a chart
            self.available, self.reason, self.view = False, str(exc), None
            return
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.loadFinished.connect(self.loaded)
        self._layout.addWidget(self.view)

    def show_figure(self, figure: Any) -> Path | None:
        """Show a plotly figure; return the HTML file written (``None`` in the fallback)."""
        if not self.available or self.view is None:
            self._layout.setCurrentWidget(self.placeholder)
            return None
        self._count += 1
        # A new file name per figure: the view would otherwise serve a cached page.
        path = Path(self._tempdir.name) / f"chart-{self._count}.html"
        write_figure_html(figure, path, fill=True)
        if self.html_path is not None and self.html_path.exists():
            self.html_path.unlink()
        self.html_path = path
        self.view.setUrl(QUrl.fromLocalFile(str(path)))
        self._layout.setCurrentWidget(self.view)
        return path

    def clear(self) -> None:
        """Show the placeholder instead of a chart."""
        self._layout.setCurrentWidget(self.placeholder)

    def retranslate(self) -> None:
        """Set the placeholder text in the current language."""
        if self.available:
            self.placeholder.setText(self.tr("No chart yet."))
        else:
            self.placeholder.setText(self.tr(
                "Interactive charts are not available ({reason}). "
                "The table holds the same figures.").format(reason=self.reason))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop loading and delete the temporary files."""
        if self.view is not None:
            self.view.stop()
        self._tempdir.cleanup()


__all__ = ["ChartView", "webengine_status", "DISABLE_ENV"]
