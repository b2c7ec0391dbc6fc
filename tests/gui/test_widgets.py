"""Error messages, the message bar, the progress widget, dialogs, settings helpers."""

from __future__ import annotations

import time

import pytest

from analyst_app.errors import Cancelled, InputError, WorkspaceError
from ui.errors import describe_error

pytestmark = pytest.mark.gui


def test_errors_map_to_user_messages(english):
    assert describe_error(InputError("bad", file="a.csv", line=2)).text == "a.csv:2: bad"
    assert describe_error(InputError("bad")).level == "warning"
    assert describe_error(WorkspaceError("x.sqlite: not a workspace")).text == \
        "x.sqlite: not a workspace"
    cancelled = describe_error(Cancelled("by the user"))
    assert (cancelled.level, cancelled.text) == ("info", "Cancelled")
    internal = describe_error(ZeroDivisionError("division by zero"))
    assert internal.level == "error" and internal.title == "Internal error"
    assert "ZeroDivisionError" in internal.text
    locked = describe_error(PermissionError(13, "Permission denied", "report.docx"))
    assert locked.level == "warning" and "report.docx" in locked.text


def test_error_messages_are_translated(qapp):
    from ui.i18n import install_language
    install_language("zh_CN")
    assert describe_error(Cancelled()).text == "已取消"
    assert describe_error(ValueError("x")).title == "内部错误"


def test_message_bar_shows_exceptions(qtbot, english):
    from ui.widgets.message_bar import MessageBar
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_exception(KeyError("k"))
    assert bar.level == "error" and not bar.details_button.isHidden()
    bar.show_exception(InputError("no institution given"))
    assert bar.level == "warning" and bar.details_button.isHidden()
    bar.clear()
    assert bar.isHidden()


def test_progress_widget_follows_a_runner(qtbot, english):
    from ui.tasks import TaskRunner
    from ui.widgets.progress_bar import TaskProgressWidget

    def job(*, progress, cancel):
        for i in range(200):
            cancel.raise_if_cancelled()
            progress(i / 200, "step")
            time.sleep(0.01)

    runner = TaskRunner()
    widget = TaskProgressWidget()
    qtbot.addWidget(widget)
    widget.attach(runner)
    assert widget.isHidden()
    runner.start(job, description="Importing files")
    assert not widget.isHidden() and widget.message.text() == "Importing files"
    qtbot.waitUntil(lambda: widget.bar.value() > 0, timeout=3000)
    with qtbot.waitSignal(runner.cancelled, timeout=3000):
        widget.cancel_button.click()
    assert widget.isHidden()
    runner.shutdown()


def test_institution_dialog_values(qtbot, english):
    from ui.dialogs.institution_dialog import InstitutionDialog
    dialog = InstitutionDialog("DALIAN UNIVERSITY OF TECHNOLOGY", ["DALIAN UNIV TECHNOL"])
    qtbot.addWidget(dialog)
    dialog.aliases_edit.setPlainText("DALIAN UNIV TECHNOL\n\n  DUT  \nDUT\n")
    assert dialog.values() == ("DALIAN UNIVERSITY OF TECHNOLOGY", ["DALIAN UNIV TECHNOL", "DUT"])
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.name_edit.setText("  ")
    assert not ok.isEnabled()


def test_workspace_suffix_and_recent_list():
    from ui.dialogs.workspace_dialogs import with_suffix
    from ui.settings import MAX_RECENT, push_recent
    assert with_suffix("/tmp/a").name == "a.sqlite"
    assert with_suffix("/tmp/b.SQLITE").name == "b.SQLITE"
    recent = [f"/tmp/w{i}.sqlite" for i in range(MAX_RECENT)]
    updated = push_recent(recent, "/tmp/w3.sqlite")
    assert updated[0] == "/tmp/w3.sqlite" and len(updated) == MAX_RECENT
    assert updated.count("/tmp/w3.sqlite") == 1
    assert len(push_recent(recent, "/tmp/new.sqlite")) == MAX_RECENT


def test_recent_workspaces_persist(qapp):
    from ui.settings import forget_workspace, recent_workspaces, remember_workspace
    remember_workspace("/tmp/one.sqlite")
    remember_workspace("/tmp/two.sqlite")
    assert recent_workspaces() == ["/tmp/two.sqlite", "/tmp/one.sqlite"]
    forget_workspace("/tmp/two.sqlite")
    assert recent_workspaces() == ["/tmp/one.sqlite"]


def test_initial_workspace_is_the_most_recent_existing(qapp, tmp_path):
    from ui.app import initial_workspace
    from ui.settings import remember_workspace
    existing = tmp_path / "here.sqlite"
    existing.write_bytes(b"")
    remember_workspace(str(existing))
    remember_workspace(str(tmp_path / "gone.sqlite"))
    assert initial_workspace(None) == str(existing)
    assert initial_workspace("given.sqlite") == "given.sqlite"
