"""ESI highly cited / hot paper lists and the ESI Master Journal List, per release.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _batch_column() -> sa.Column:
    return sa.Column("batch_id", sa.Integer,
                     sa.ForeignKey("import_batch.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    # New tables only: existing data is untouched, so the upgrade cannot lose anything.
    op.create_table(
        "esi_paper_list",
        sa.Column("id", sa.Integer, primary_key=True),
        _batch_column(),
        sa.Column("release_label", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("papers", sa.Integer, nullable=False),
    )
    op.create_index("ix_esi_paper_list_batch_id", "esi_paper_list", ["batch_id"])
    op.create_index("ix_esi_paper_list_release_label", "esi_paper_list", ["release_label"])
    op.create_table(
        "esi_paper",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer,
                  sa.ForeignKey("esi_paper_list.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("ut", sa.String(64)), sa.Column("doi", sa.String(300)),
        sa.Column("pmid", sa.String(32)), sa.Column("title", sa.Text, nullable=False),
        sa.Column("authors", sa.Text), sa.Column("source", sa.Text),
        sa.Column("field", sa.String(64)), sa.Column("times_cited", sa.Integer),
        sa.Column("countries", sa.Text), sa.Column("addresses", sa.Text),
        sa.Column("institutions", sa.Text), sa.Column("publication_date", sa.String(32)),
        sa.Column("year", sa.Integer),
    )
    for column in ("list_id", "ut", "doi"):
        op.create_index(f"ix_esi_paper_{column}", "esi_paper", [column])
    op.create_table(
        "esi_journal_list",
        sa.Column("id", sa.Integer, primary_key=True),
        _batch_column(),
        sa.Column("release_label", sa.String(16), nullable=False),
        sa.Column("journals", sa.Integer, nullable=False),
    )
    op.create_index("ix_esi_journal_list_batch_id", "esi_journal_list", ["batch_id"])
    op.create_index("ix_esi_journal_list_release_label", "esi_journal_list", ["release_label"])
    op.create_table(
        "esi_journal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer,
                  sa.ForeignKey("esi_journal_list.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False), sa.Column("title20", sa.String(100)),
        sa.Column("issn", sa.String(9)), sa.Column("eissn", sa.String(9)),
        sa.Column("field", sa.String(64), nullable=False),
    )
    for column in ("list_id", "issn", "eissn"):
        op.create_index(f"ix_esi_journal_{column}", "esi_journal", [column])


def downgrade() -> None:
    for table in ("esi_journal", "esi_journal_list", "esi_paper", "esi_paper_list"):
        op.drop_table(table)
