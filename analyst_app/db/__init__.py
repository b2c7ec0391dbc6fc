"""Workspace storage: SQLAlchemy models, the engine, migrations and DataFrame queries."""
