"""Translations: the .ts is complete and compiled; the language choice; live switching."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import I18N_DIR, choose_language, install_language

pytestmark = pytest.mark.gui

TS = I18N_DIR / "analyst_zh_CN.ts"
QM = I18N_DIR / "analyst_zh_CN.qm"
UI_DIR = I18N_DIR.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"{name} not installed")
        return found
    return str(path)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_every_message_is_translated():
    messages = _messages(TS)
    assert len(messages) > 100
    for context, source, translation in messages:
        assert translation.get("type") is None, (context, source, translation.get("type"))
        assert (translation.text or "").strip(), (context, source)


def test_placeholders_survive_translation():
    for context, source, translation in _messages(TS):
        for token in ("{reason}", "{file}", "{path}", "{institution}", "{release}", "{line}",
                      "{imported}", "{listed}", "{fields}", "{previous}", "{backup}", "{error}"):
            assert (token in source) == (token in translation.text), (context, source)


def test_ts_covers_every_string_in_the_sources(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete",
                    "-locations", "none", "-silent"], check=True, capture_output=True)
    untranslated = [(c, s) for c, s, t in _messages(copy)
                    if t.get("type") is not None or not (t.text or "").strip()]
    assert not untranslated, ("run pyside6-lupdate (see ui/i18n.py) and translate", untranslated)


def test_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh), "-silent"],
                   check=True, capture_output=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run pyside6-lrelease (see ui/i18n.py)"


@pytest.mark.parametrize(("env", "setting", "system", "expected"), [
    (None, None, "zh_CN", "zh_CN"),
    (None, None, "zh_TW", "zh_CN"),
    (None, None, "en_US", "en"),
    (None, None, "de_DE", "en"),
    (None, "en", "zh_CN", "en"),
    ("zh_CN", "en", "en_US", "zh_CN"),
    ("en", None, "zh_CN", "en"),
    ("bogus", None, "zh_CN", "zh_CN"),
])
def test_choose_language(env, setting, system, expected):
    assert choose_language(env, setting, system) == expected


def test_switching_language_relabels_the_window(qtbot, english):
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.data_page.import_button.text() == "Import files…"
    assert win.windowTitle() == "Subject Analyst Workbench"
    win.set_language("zh_CN")
    # Qt posts LanguageChange to the top-level widgets: wait for the event loop.
    qtbot.waitUntil(lambda: win.data_page.import_button.text() == "导入文件…", timeout=2000)
    assert win.windowTitle() == "学科分析工作台"
    assert [win.nav.item(i).text() for i in range(3)] == ["数据", "文献浏览", "合并记录"]
    assert win.nav.item(3).text() == "ESI 学科"
    assert win.file_menu.title() == "文件(&F)"
    assert win.progress.cancel_button.text() == "取消"
    assert win.language_actions["zh_CN"].isChecked()
    win.set_language("en")
    qtbot.waitUntil(lambda: win.data_page.import_button.text() == "Import files…", timeout=2000)
    assert win.nav.item(0).text() == "Data"


def test_language_choice_is_saved(qtbot, english):
    from ui.i18n import startup_language
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_language("zh_CN")
    assert startup_language() == "zh_CN"
    install_language("en")
