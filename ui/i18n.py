"""Qt translations: pick the UI language and install the translators (English source text).

After changing user-visible strings, update and recompile the Chinese translation::

    .venv/bin/pyside6-lupdate $(find ui -name '*.py') -ts ui/i18n/analyst_zh_CN.ts \
        -no-obsolete -locations none
    .venv/bin/pyside6-linguist ui/i18n/analyst_zh_CN.ts     # translate the new messages
    .venv/bin/pyside6-lrelease ui/i18n/analyst_zh_CN.ts -qm ui/i18n/analyst_zh_CN.qm

``tests/gui/test_i18n.py`` fails while a string is untranslated or the .qm is stale.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.settings import LANGUAGE_KEY, app_settings

# Languages of the UI: code → name shown in the Language menu (in its own language).
LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "en"
# Folder of ``analyst_<lang>.ts`` and the compiled ``.qm`` files.
I18N_DIR = Path(__file__).resolve().parent / "i18n"
ENV_VAR = "ANALYST_LANG"

# Installed translators; kept referenced so Python does not collect them while installed.
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def normalise_language(code: str | None) -> str | None:
    """Return the supported language code ``code`` names (``zh``, ``zh-CN`` → ``zh_CN``)."""
    if not code:
        return None
    text = code.strip().replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en") or text == "c":
        return "en"
    return None


def choose_language(env: str | None, setting: str | None, system: str) -> str:
    """Return the UI language: ``ANALYST_LANG``, else the saved setting, else the system's.

    Parameters
    ----------
    env : str or None
        Value of the ``ANALYST_LANG`` environment variable.
    setting : str or None
        The language saved from the View → Language menu.
    system : str
        ``QLocale.system().name()``, e.g. ``zh_CN`` or ``en_US``.

    Returns
    -------
    str
        A key of :data:`LANGUAGES`: Chinese on a Chinese system, else English.
    """
    for candidate in (env, setting):
        chosen = normalise_language(candidate)
        if chosen:
            return chosen
    return "zh_CN" if system.lower().startswith("zh") else DEFAULT_LANGUAGE


def startup_language() -> str:
    """Return the language to start with, from the environment, settings and system locale."""
    saved = app_settings().value(LANGUAGE_KEY)
    return choose_language(os.environ.get(ENV_VAR), saved if isinstance(saved, str) else None,
                           QLocale.system().name())


def current_language() -> str:
    """Return the language whose translators are installed."""
    return _current


def is_chinese() -> bool:
    """Whether the UI is in Chinese (charts and field names follow it)."""
    return _current.startswith("zh")


def install_language(language: str) -> str:
    """Install the translators of ``language`` in the running application.

    Qt then sends ``QEvent.LanguageChange`` to every widget; widgets re-read their text in
    ``retranslate()``. English is the source language and needs no translator.

    Returns
    -------
    str
        The language installed (English when ``language`` is unknown).
    """
    global _current
    app = QCoreApplication.instance()
    language = normalise_language(language) or DEFAULT_LANGUAGE
    # Set first: installing a translator sends LanguageChange at once, and retranslate()
    # handlers ask is_chinese() (field names, chart language).
    _current = language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN"
                               else QLocale.Language.English))
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if language != "en" and app is not None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings first (standard buttons, file dialogs), then ours.
        for name, folder in ((f"qtbase_{language}", qt_dir),
                             (f"analyst_{language}", str(I18N_DIR))):
            translator = QTranslator()
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    return language


def join_sentences(*sentences: str) -> str:
    """Join whole translated sentences (empty ones skipped) the way the UI language writes them.

    Chinese sentences end in "。" and follow each other without a space; English ones are
    separated by a space.
    """
    return ("" if is_chinese() else " ").join(s for s in sentences if s)


def join_items(items) -> str:
    """Join the items of a list shown inside a sentence: "、" in Chinese, ", " in English."""
    return ("、" if is_chinese() else ", ").join(str(i) for i in items)


def save_language(language: str) -> None:
    """Remember ``language`` for the next start."""
    app_settings().setValue(LANGUAGE_KEY, language)


__all__ = ["LANGUAGES", "choose_language", "startup_language", "install_language",
           "current_language", "is_chinese", "save_language", "normalise_language",
           "join_sentences", "join_items"]
