"""File dialogs to create and open workspace files (``.sqlite``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

SUFFIX = ".sqlite"


def _filter() -> str:
    return translate("WorkspaceDialogs", "Workspaces (*.sqlite);;All files (*)")


def with_suffix(path: str | Path) -> Path:
    """Return ``path`` ending in ``.sqlite`` (added when the user typed a bare name)."""
    path = Path(path)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def ask_new_workspace(parent: QWidget | None, directory: str = "") -> Path | None:
    """Ask where to create a new workspace; return the file or ``None`` when cancelled.

    An existing file chosen here is opened, never emptied: a workspace holds the
    librarian's imports.
    """
    name = translate("WorkspaceDialogs", "workspace.sqlite")
    start = str(Path(directory) / name) if directory else name
    title = translate("WorkspaceDialogs", "New workspace")
    path, _ = QFileDialog.getSaveFileName(parent, title, start, _filter())
    return with_suffix(path) if path else None


def ask_open_workspace(parent: QWidget | None, directory: str = "") -> Path | None:
    """Ask for an existing workspace file; return it or ``None`` when cancelled."""
    title = translate("WorkspaceDialogs", "Open workspace")
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, _filter())
    return Path(path) if path else None


__all__ = ["ask_new_workspace", "ask_open_workspace", "with_suffix"]
