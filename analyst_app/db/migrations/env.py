"""Alembic environment: runs on the connection handed over by :mod:`analyst_app.db.migrations`."""

from __future__ import annotations

from alembic import context

from analyst_app.db.models import Base

connection = context.config.attributes["connection"]
# render_as_batch lets later migrations alter SQLite tables (copy-and-move).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
