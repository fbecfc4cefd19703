"""Claims pages are read off covering indexes: by place in storage order, and by region in
storage order with the claim's day in the index.

A page of `/api/claims?geonameid=…` sorted all the place's claims (joined with their
documents) before taking 50; `?region=…&since=…` looked up every claim of the region in
the table to read its day until 50 matched. With `(place_key, seq)` and
`(iso3166_2, seq, day)`, the page's seqs come from the index alone and only its rows are
read (`SqlStore.stored_claims`). `(iso3166_2, seq, day)` replaces `(iso3166_2, seq)`.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_place_key_seq", "claims", ["place_key", "seq"])
    op.create_index("ix_claims_region_seq_day", "claims", ["iso3166_2", "seq", "day"])
    op.drop_index("ix_claims_region_seq", "claims")


def downgrade() -> None:
    op.create_index("ix_claims_region_seq", "claims", ["iso3166_2", "seq"])
    op.drop_index("ix_claims_region_seq_day", "claims")
    op.drop_index("ix_claims_place_key_seq", "claims")
