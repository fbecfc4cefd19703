"""Place mentions and claims, each tied to its document and character span.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "place_mentions",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"),
                  nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("country", sa.String(2)),
        sa.Column("iso3166_2", sa.String(16)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("metonym", sa.Boolean, nullable=False),
    )
    op.create_index("ix_place_mentions_document", "place_mentions", ["document_id"])
    op.create_table(
        "claims",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"),
                  nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("claimant", sa.Text, nullable=False),
        sa.Column("claimant_side", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("actor_side", sa.String(16)),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("fraction", sa.Float),
        sa.Column("date", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("change", sa.Boolean, nullable=False),
        sa.Column("place_name", sa.Text, nullable=False),
        sa.Column("place_kind", sa.String(32), nullable=False),
        sa.Column("place_surface", sa.Text, nullable=False),
        sa.Column("place_confidence", sa.Float, nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("country", sa.String(2)),
        sa.Column("iso3166_2", sa.String(16)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("place_start", sa.Integer, nullable=False),
        sa.Column("place_end", sa.Integer, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_document", "claims", ["document_id"])
    op.create_index("ix_claims_geonameid_date", "claims", ["geonameid", "date"])
    op.create_index("ix_claims_place_name", "claims", ["place_name"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("place_mentions")
