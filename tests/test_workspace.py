"""Workspace creation, SQLite settings, schema migrations and upgrade with backup."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from analyst_app.db import migrations
from analyst_app.db.models import Base
from analyst_app.db.workspace import open_workspace
from analyst_app.errors import WorkspaceError
from analyst_app.services.imports import import_file


def test_new_workspace_is_wal_with_foreign_keys_and_at_head(tmp_path):
    ws = open_workspace(tmp_path / "w.sqlite")
    with ws.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM esi_field")).scalar() == 22
    assert migrations.current_revision(ws.engine) == migrations.head_revision()
    assert ws.backup is None
    ws.close()


def test_migrations_match_the_models(tmp_path):
    ws = open_workspace(tmp_path / "w.sqlite")
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ws.close()
    assert diff == [], f"models and migrations differ: {diff}"


def test_older_workspace_is_backed_up_then_upgraded(tmp_path, esi_files):
    path = tmp_path / "old.sqlite"
    # An "older" workspace: schema at the first revision only, as version 0.1 wrote it.
    from sqlalchemy import create_engine
    engine = create_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0001")
    engine.dispose()
    ws = open_workspace(path)
    report = import_file(ws, esi_files[0], release="2025-11")
    ws.close()
    ws = open_workspace(path)  # already at head: no second backup
    assert ws.backup is None
    ws.close()
    backups = list(tmp_path.glob("old.backup-0001-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert report.status == "imported"


def test_settings_round_trip(workspace):
    workspace.set_institution(" DALIAN UNIVERSITY OF TECHNOLOGY ", ["DALIAN UNIV TECHNOL", " "])
    assert workspace.institution() == ("DALIAN UNIVERSITY OF TECHNOLOGY", ("DALIAN UNIV TECHNOL",))


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50])
def test_non_workspace_files_are_refused(tmp_path, content):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(WorkspaceError):
        open_workspace(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(WorkspaceError, match="not a workspace"):
        open_workspace(path)


def test_newer_workspace_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    open_workspace(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(WorkspaceError, match="newer version"):
        open_workspace(path)


def test_missing_workspace_without_create(tmp_path):
    with pytest.raises(WorkspaceError, match="no such workspace"):
        open_workspace(tmp_path / "absent.sqlite", create=False)
