"""First workspace schema: import batches, ESI fields, releases, lists, rankings, thresholds, settings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from analyst_app.domain.esi_fields import esi_fields

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("file_path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("format", sa.String(64), nullable=False),
        sa.Column("importer_version", sa.String(32), nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("imported_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
        sa.Column("release_label", sa.String(16)),
        sa.Column("rows_read", sa.Integer, nullable=False),
        sa.Column("rows_stored", sa.Integer, nullable=False),
        sa.Column("rows_merged", sa.Integer, nullable=False),
        sa.Column("rows_skipped", sa.Integer, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
    )
    op.create_index("ix_import_batch_sha256", "import_batch", ["sha256"], unique=True)
    fields = op.create_table(
        "esi_field",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(8), nullable=False, unique=True),
        sa.Column("name_en", sa.String(64), nullable=False, unique=True),
        sa.Column("name_zh", sa.String(32), nullable=False),
    )
    op.bulk_insert(fields, [{"id": i, "code": f.code, "name_en": f.name_en, "name_zh": f.name_zh}
                            for i, f in enumerate(esi_fields(), start=1)])
    op.create_table(
        "esi_release",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(16), nullable=False, unique=True),
        sa.Column("window_start", sa.String(10)),
        sa.Column("window_end", sa.String(10)),
    )
    op.create_table(
        "esi_institution_list",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("release_id", sa.Integer, sa.ForeignKey("esi_release.id"), nullable=False,
                  index=True),
        sa.Column("field_id", sa.Integer, sa.ForeignKey("esi_field.id"), nullable=False),
        sa.Column("institutions", sa.Integer, nullable=False),
        sa.UniqueConstraint("release_id", "field_id", name="uq_esi_list_release_field"),
    )
    op.create_table(
        "esi_institution_ranking",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer,
                  sa.ForeignKey("esi_institution_list.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("institution", sa.String(300), nullable=False, index=True),
        sa.Column("country", sa.String(100), nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("cites", sa.Integer, nullable=False),
        sa.Column("cites_per_paper", sa.Float, nullable=False),
        sa.Column("top_papers", sa.Integer, nullable=False),
    )
    op.create_table(
        "esi_threshold",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id", ondelete="CASCADE")),
        sa.Column("release_id", sa.Integer, sa.ForeignKey("esi_release.id"), nullable=False,
                  index=True),
        sa.Column("field_id", sa.Integer, sa.ForeignKey("esi_field.id"), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("cites", sa.Integer, nullable=False),
        sa.UniqueConstraint("release_id", "field_id", "level", name="uq_esi_threshold"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON),
    )


def downgrade() -> None:
    for table in ("setting", "esi_threshold", "esi_institution_ranking", "esi_institution_list",
                  "esi_release", "esi_field", "import_batch"):
        op.drop_table(table)
