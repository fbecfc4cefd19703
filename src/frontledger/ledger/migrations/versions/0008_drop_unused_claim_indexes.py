"""Claims are no longer indexed by `(geonameid, date)` nor by `place_name`: no statement
of the ledger, the API or the CLI filters or sorts claims on those columns (a place is
looked up by its `place_key`; `EXPLAIN QUERY PLAN` of every claim query names neither
index), and every stored claim paid for both (benchmarks/ingest.py --extract).

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_claims_geonameid_date", "claims")
    op.drop_index("ix_claims_place_name", "claims")


def downgrade() -> None:
    op.create_index("ix_claims_place_name", "claims", ["place_name"])
    op.create_index("ix_claims_geonameid_date", "claims", ["geonameid", "date"])
