"""Persistent GUI settings (QSettings): recent workspaces, language, last folders."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "SubjectAnalyst"
APPLICATION = "SubjectAnalystWorkbench"
# Bump when a key changes meaning; :func:`app_settings` migrates older files.
SETTINGS_VERSION = 1
MAX_RECENT = 8

RECENT_KEY = "workspaces/recent"
LANGUAGE_KEY = "ui/language"
REPORT_FOLDER_KEY = "reports/folder"
IMPORT_FOLDER_KEY = "data/import_folder"
GEOMETRY_KEY = "window/geometry"


def app_settings() -> QSettings:
    """Return the application's settings.

    ``ANALYST_SETTINGS`` names an INI file to use instead of the user's settings (tests,
    portable installs).
    """
    override = os.environ.get("ANALYST_SETTINGS")
    if override:
        settings = QSettings(override, QSettings.Format.IniFormat)
    else:
        settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANIZATION, APPLICATION)
    if settings.value("settings_version") is None:
        settings.setValue("settings_version", SETTINGS_VERSION)
    return settings


def push_recent(recent: list[str], path: str, limit: int = MAX_RECENT) -> list[str]:
    """Return ``recent`` with ``path`` moved to the front, without duplicates, at most ``limit``."""
    key = _normal(path)
    kept = [p for p in recent if _normal(p) != key]
    return [path, *kept][:limit]


def _normal(path: str) -> str:
    try:
        return os.path.normcase(str(Path(path).expanduser().resolve()))
    except OSError:
        return path


def _string_list(value: object) -> list[str]:
    # QSettings returns a str for a one-element list and None for a missing key in INI files.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]  # type: ignore[union-attr]


def recent_workspaces(settings: QSettings | None = None) -> list[str]:
    """Return the recently used workspace files, most recent first."""
    settings = settings or app_settings()
    return _string_list(settings.value(RECENT_KEY))


def remember_workspace(path: str, settings: QSettings | None = None) -> list[str]:
    """Put ``path`` first in the recent workspaces and return the new list."""
    settings = settings or app_settings()
    recent = push_recent(recent_workspaces(settings), path)
    settings.setValue(RECENT_KEY, recent)
    return recent


def forget_workspace(path: str, settings: QSettings | None = None) -> list[str]:
    """Remove ``path`` from the recent workspaces and return the new list."""
    settings = settings or app_settings()
    recent = [p for p in recent_workspaces(settings) if _normal(p) != _normal(path)]
    settings.setValue(RECENT_KEY, recent)
    return recent


__all__ = ["app_settings", "push_recent", "recent_workspaces", "remember_workspace",
           "forget_workspace", "MAX_RECENT"]
