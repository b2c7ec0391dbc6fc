"""Publications from WoS, Scopus and CNKI: publications, occurrences, authorships, addresses, merge log.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doi", sa.String(300)), sa.Column("ut", sa.String(64)),
        sa.Column("eid", sa.String(64)), sa.Column("pmid", sa.String(32)),
        sa.Column("title_key", sa.String(400)),
        sa.Column("title", sa.Text, nullable=False), sa.Column("title_en", sa.Text),
        sa.Column("year", sa.Integer), sa.Column("doc_type", sa.String(100)),
        sa.Column("language", sa.String(50)), sa.Column("source_title", sa.String(500)),
        sa.Column("source_abbrev", sa.String(200)), sa.Column("volume", sa.String(50)),
        sa.Column("issue", sa.String(50)), sa.Column("begin_page", sa.String(50)),
        sa.Column("end_page", sa.String(50)), sa.Column("article_number", sa.String(100)),
        sa.Column("publisher", sa.String(300)), sa.Column("issn", sa.String(20)),
        sa.Column("eissn", sa.String(20)), sa.Column("abstract", sa.Text),
        sa.Column("first_author", sa.String(300)), sa.Column("reprint_address", sa.Text),
        sa.Column("emails", sa.Text), sa.Column("keywords_author", sa.Text),
        sa.Column("keywords_plus", sa.Text), sa.Column("categories", sa.Text),
        sa.Column("research_areas", sa.Text), sa.Column("esi_field", sa.String(64)),
        sa.Column("cited_references", sa.Text),
        sa.Column("cited_reference_count", sa.Integer, nullable=False),
        sa.Column("declared_reference_count", sa.Integer),
        sa.Column("times_cited", sa.Integer), sa.Column("highly_cited", sa.Boolean),
        sa.Column("hot_paper", sa.Boolean), sa.Column("funding", sa.Text),
        sa.Column("open_access", sa.String(200)),
        sa.Column("sources", sa.String(64), nullable=False),
        sa.Column("extra", sa.JSON, nullable=False),
    )
    for column in ("doi", "ut", "eid", "title_key", "year"):
        op.create_index(f"ix_publication_{column}", "publication", [column])
    op.create_table(
        "merge_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), nullable=False),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("match_key", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("incoming", sa.JSON, nullable=False),
        sa.Column("undone_at", sa.DateTime),
    )
    op.create_index("ix_merge_log_publication_id", "merge_log", ["publication_id"])
    op.create_index("ix_merge_log_batch_id", "merge_log", ["batch_id"])
    op.create_table(
        "publication_occurrence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), nullable=False),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("match_rule", sa.String(16), nullable=False),
        sa.Column("merge_id", sa.Integer, sa.ForeignKey("merge_log.id", ondelete="SET NULL")),
    )
    op.create_index("ix_publication_occurrence_publication_id", "publication_occurrence",
                    ["publication_id"])
    op.create_index("ix_publication_occurrence_batch_id", "publication_occurrence", ["batch_id"])
    op.create_table(
        "authorship",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("full_name", sa.String(300), nullable=False),
        sa.Column("short_name", sa.String(200)), sa.Column("orcid", sa.String(32)),
        sa.Column("researcher_id", sa.String(64)),
        sa.Column("corresponding", sa.Boolean, nullable=False),
        sa.Column("address_positions", sa.String(200)),
    )
    op.create_index("ix_authorship_publication_id", "authorship", ["publication_id"])
    op.create_index("ix_authorship_full_name", "authorship", ["full_name"])
    op.create_table(
        "publication_address",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("organisation", sa.String(300)), sa.Column("country", sa.String(100)),
    )
    op.create_index("ix_publication_address_publication_id", "publication_address",
                    ["publication_id"])


def downgrade() -> None:
    for table in ("publication_address", "authorship", "publication_occurrence", "merge_log",
                  "publication"):
        op.drop_table(table)
