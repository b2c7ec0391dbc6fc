"""Indexes for the lookups the ESI pages make: lists by field, batches by format.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_esi_institution_list_field_id", "esi_institution_list", ["field_id"])
    op.create_index("ix_import_batch_format", "import_batch", ["format"])


def downgrade() -> None:
    op.drop_index("ix_import_batch_format", "import_batch")
    op.drop_index("ix_esi_institution_list_field_id", "esi_institution_list")
