"""Documents record the extractor version that analysed them (so `reprocess` finds stale
ones); claims get their place key and effective day; place_states keeps each place's
control state at every day it changed, for fast timelines and as-of queries.

Documents analysed before this revision have no extractor version recorded, so the next
`frontledger reprocess` (or `frontledger run`) re-analyses them, which fills in their
claims' place key and day and folds their places' states.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("analysed_by", sa.String(64)))
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("place_key", sa.String(128)))
        batch.add_column(sa.Column("day", sa.Date))
    op.create_index("ix_claims_place_key_day", "claims", ["place_key", "day"])
    op.create_index("ix_claims_kind_day", "claims", ["kind", "day"])
    op.create_table(
        "place_states",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("place_key", sa.String(128), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("place_name", sa.Text, nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("iso3166_2", sa.String(16)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("controller", sa.String(16)),
        sa.Column("views", sa.Text, nullable=False),
        sa.UniqueConstraint("place_key", "day", name="uq_place_states_key_day"),
    )
    op.create_index("ix_place_states_iso_day", "place_states", ["iso3166_2", "day"])


def downgrade() -> None:
    op.drop_table("place_states")
    op.drop_index("ix_claims_kind_day", "claims")
    op.drop_index("ix_claims_place_key_day", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("day")
        batch.drop_column("place_key")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("analysed_by")
