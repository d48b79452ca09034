"""Schedules can be published: schedule.published_at (NULL: a draft).

Revision ID: 8050833d30f3
Revises: a28efb86c6ee
Create Date: 2026-12-07 01:52:06.368271+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '8050833d30f3'
down_revision: str | Sequence[str] | None = 'a28efb86c6ee'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('schedule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('schedule', schema=None) as batch_op:
        batch_op.drop_column('published_at')

