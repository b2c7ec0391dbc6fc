"""What the ESI page's panels share: the job they ask the page to run, their base class, hints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from analyst_app.db.workspace import Workspace
from ui.i18n import is_chinese

# Hints shown instead of a result (context "EsiPage": the page's existing translations).
HINT_NO_LISTS = QT_TRANSLATE_NOOP("EsiPage", "No ESI lists imported yet: import them on the "
                                  "Data page.")
HINT_NO_INSTITUTION = QT_TRANSLATE_NOOP("EsiPage", "Enter the institution's name as ESI prints "
                                        "it, or set it in File → Institution settings.")


@dataclass(frozen=True)
class EsiContext:
    """The page's parameters every panel computes with.

    Attributes
    ----------
    workspace : Workspace
        The open workspace.
    institution : str or None
        The name typed on the page (``None``: the workspace institution).
    release : str or None
        The ESI release chosen on the page (``None``: the latest).
    releases : list of str
        Every imported release of ranking lists, oldest first.
    """

    workspace: Workspace
    institution: str | None
    release: str | None
    releases: list[str] = field(default_factory=list)


@dataclass
class Job:
    """A core call a panel asks the page to run on its :class:`~ui.tasks.TaskRunner`.

    ``fn(*args, progress=..., cancel=..., **kwargs)``; its return value goes to the panel's
    :meth:`EsiPanel.show_result`.
    """

    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    description: str = ""


class EsiPanel(QWidget):
    """One tab of the ESI page: builds its job from the page's context and shows the result.

    The page owns the runner: it calls :meth:`job` when the panel is shown and stale, runs
    it and hands the outcome to :meth:`show_result`. A panel whose own parameters change
    emits ``requested`` to be recomputed.

    Signals
    -------
    requested()
        The panel's own parameters changed; recompute it.
    """

    requested = Signal()
    #: Whether the panel needs imported ESI ranking lists (else a hint is shown instead).
    needs_rankings = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True
        self.version = 0  # bumped on every invalidation; a result of an older job keeps it stale

    def invalidate(self) -> None:
        """Mark the panel's result out of date (recomputed when next shown)."""
        self.stale = True
        self.version += 1

    def tab_title(self) -> str:
        """The panel's tab label in the current language."""
        raise NotImplementedError

    def job(self, context: EsiContext) -> Job | None:
        """Return the core call to run, or ``None`` after showing why nothing can be run."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        """Show the value the job returned."""
        raise NotImplementedError

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Read the panel's own settings and choices from ``workspace`` (no computing)."""

    def action_finished(self, result: Any) -> str:
        """Return the message to show once an ``action`` job of the panel succeeded."""
        return ""

    def reset(self) -> None:
        """Forget the result (the workspace changed)."""

    def show_hint(self, text: str) -> None:
        """Show ``text`` (already translated) instead of a result."""

    def set_busy(self, busy: bool) -> None:
        """Enable or disable the panel's controls while a job runs."""

    def retranslate(self) -> None:
        """Set every text of the panel in the current language."""

    def shutdown(self) -> None:
        """Release resources (chart temporary files)."""


def language() -> str:
    """The chart and field-name language of the UI: ``zh`` or ``en``."""
    return "zh" if is_chinese() else "en"


def field_names(frame: pd.DataFrame) -> pd.Series:
    """The field names of ``frame`` in the UI language (``field_zh`` or ``field``)."""
    if is_chinese() and "field_zh" in frame:
        return frame["field_zh"].fillna(frame["field"])
    return frame["field"]


def hint_label() -> QLabel:
    """A grey, centred, word-wrapped label for hints shown instead of a result."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color:#7f8c8d; padding:16px;")
    return label


def fit_columns(view: QTableView, max_width: int = 320) -> None:
    """Size the columns of ``view`` to their contents, none wider than ``max_width`` pixels
    (long texts are elided; their tooltip shows them whole)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > max_width:
            header.resizeSection(column, max_width)


def thousands(value: Any) -> str:
    """``12345`` → ``12,345``."""
    return f"{int(value):,}"


def translate_esi(text: str) -> str:
    """Translate ``text`` in the "EsiPage" context."""
    return QCoreApplication.translate("EsiPage", text)


__all__ = ["EsiContext", "EsiPanel", "Job", "HINT_NO_LISTS", "HINT_NO_INSTITUTION", "language",
           "field_names", "fit_columns", "hint_label", "thousands", "translate_esi"]
