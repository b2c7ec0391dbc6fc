"""Domain exceptions; the CLI and the GUI map them to user messages in one place each."""

from __future__ import annotations


class AnalystError(Exception):
    """Base class of every error the user can act on (bad input, missing data)."""


class InputError(AnalystError):
    """A file or parameter the user gave cannot be used.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    file : str, optional
        The file concerned.
    line : int, optional
        The 1-based line number in that file.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return ``file:line: message`` with whatever parts are known."""
        where = self.file or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class Cancelled(AnalystError):
    """The user cancelled a long task; everything it started was rolled back."""


class WorkspaceError(AnalystError):
    """The workspace file cannot be opened, created or upgraded."""


def check_option(name: str, value: object, allowed: tuple[object, ...]) -> None:
    """Raise :class:`InputError` unless ``value`` is one of ``allowed``.

    Parameters
    ----------
    name : str
        Parameter name, shown in the message.
    value : object
        The value given.
    allowed : tuple
        The values accepted.
    """
    if value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise InputError(f"invalid {name} {value!r}: expected one of {options}")
