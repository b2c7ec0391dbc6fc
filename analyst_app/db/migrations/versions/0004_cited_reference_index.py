"""Parsed cited references (built after import, when co-citation first needs them).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("publication") as batch:
        batch.add_column(sa.Column("references_indexed", sa.Boolean, nullable=False,
                                   server_default="0"))
    op.create_table(
        "cited_reference",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("first_author", sa.String(200)), sa.Column("year", sa.Integer),
        sa.Column("source", sa.String(300)), sa.Column("volume", sa.String(50)),
        sa.Column("page", sa.String(50)), sa.Column("doi", sa.String(300)),
        sa.Column("ref_key", sa.String(400)),
    )
    op.create_index("ix_cited_reference_publication_id", "cited_reference", ["publication_id"])
    op.create_index("ix_cited_reference_ref_key", "cited_reference", ["ref_key"])


def downgrade() -> None:
    op.drop_table("cited_reference")
    with op.batch_alter_table("publication") as batch:
        batch.drop_column("references_indexed")
