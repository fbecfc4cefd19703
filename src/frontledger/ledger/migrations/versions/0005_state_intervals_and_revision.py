"""Place states know until when they hold; the ledger keeps a revision number; claims get
indexes for the API's searches by kind and claimant side, and by region.

`place_states.until` is the day of the place's next state (NULL for its current one), so
"every place's state on day D" becomes two index range reads (`day <= D < until`, by
region or not); existing ledgers are backfilled here. `ledger_revision` is one row whose
number every write transaction raises (see `SqlStore.revision`).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("place_states") as batch:
        batch.add_column(sa.Column("until", sa.Date))
    op.execute("UPDATE place_states SET until = (SELECT min(later.day) FROM place_states"
               " AS later WHERE later.place_key = place_states.place_key"
               " AND later.day > place_states.day)")
    op.create_index("ix_place_states_until_day", "place_states", ["until", "day"])
    op.drop_index("ix_place_states_iso_day", "place_states")
    op.create_index("ix_place_states_iso_until_day", "place_states",
                    ["iso3166_2", "until", "day"])
    op.create_index("ix_claims_kind_side_seq", "claims", ["kind", "claimant_side", "seq"])
    op.create_index("ix_claims_region_seq", "claims", ["iso3166_2", "seq"])
    revision_table = op.create_table(
        "ledger_revision",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("revision", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(revision_table, [{"id": 1, "revision": 0}])


def downgrade() -> None:
    op.drop_table("ledger_revision")
    op.drop_index("ix_claims_region_seq", "claims")
    op.drop_index("ix_claims_kind_side_seq", "claims")
    op.drop_index("ix_place_states_iso_until_day", "place_states")
    op.create_index("ix_place_states_iso_day", "place_states", ["iso3166_2", "day"])
    op.drop_index("ix_place_states_until_day", "place_states")
    with op.batch_alter_table("place_states") as batch:
        batch.drop_column("until")
