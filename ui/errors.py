"""The one place that turns exceptions into translated messages for the user."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from analyst_app.errors import AnalystError, Cancelled, InputError, WorkspaceError

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


@dataclass(frozen=True)
class UserMessage:
    """What to tell the user about an exception.

    Attributes
    ----------
    level : str
        ``info`` (cancelled), ``warning`` (the user can fix it) or ``error`` (a bug).
    title : str
        Short heading.
    text : str
        The message.
    details : str
        Technical details (a traceback for internal errors), possibly empty.
    """

    level: str
    title: str
    text: str
    details: str = ""


def describe_error(exc: BaseException) -> UserMessage:
    """Map ``exc`` to a :class:`UserMessage` in the current UI language.

    :class:`~analyst_app.errors.InputError` and
    :class:`~analyst_app.errors.WorkspaceError` carry plain-words messages from the core
    and are shown as they are; :class:`~analyst_app.errors.Cancelled` is not an error;
    anything else is an internal error with its traceback as details.
    """
    if isinstance(exc, Cancelled):
        text = translate("ErrorMessages", "Cancelled")
        return UserMessage("info", text, text)
    if isinstance(exc, InputError):
        return UserMessage("warning", translate("ErrorMessages", "Cannot use the input"),
                           exc.describe())
    if isinstance(exc, WorkspaceError):
        return UserMessage("warning", translate("ErrorMessages", "Workspace problem"), str(exc))
    if isinstance(exc, AnalystError):
        return UserMessage("warning", translate("ErrorMessages", "Cannot do that"), str(exc))
    if isinstance(exc, OSError) and exc.strerror:
        # A file open in another program (Word locks .docx on Windows), a full disk, …
        text = translate("ErrorMessages", "Cannot read or write {file}: {reason}").format(
            file=exc.filename or "", reason=exc.strerror)
        return UserMessage("warning", translate("ErrorMessages", "File problem"), text)
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = translate("ErrorMessages", "Internal error: {error}").format(
        error=f"{type(exc).__name__}: {exc}")
    return UserMessage("error", translate("ErrorMessages", "Internal error"), text, details)


def show_error(parent: QWidget | None, exc: BaseException) -> UserMessage:
    """Show ``exc`` in a message box (details expandable) and return the message shown."""
    message = describe_error(exc)
    icon = {"info": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning,
            "error": QMessageBox.Icon.Critical}[message.level]
    box = QMessageBox(icon, message.title, message.text, QMessageBox.StandardButton.Ok, parent)
    if message.details:
        box.setDetailedText(message.details)
    box.exec()
    return message


__all__ = ["UserMessage", "describe_error", "show_error"]
