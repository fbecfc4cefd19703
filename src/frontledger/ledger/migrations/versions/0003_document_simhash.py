"""Documents get a SimHash, so syndicated copies of a story count as one source.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("simhash", sa.BigInteger))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("simhash")
