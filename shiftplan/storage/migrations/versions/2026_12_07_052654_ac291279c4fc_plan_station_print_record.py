"""Plans name the stations they roster (plan_station); printed rosters are recorded (print_record).

Revision ID: ac291279c4fc
Revises: 8050833d30f3
Create Date: 2026-12-07 05:26:54.864239+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'ac291279c4fc'
down_revision: str | Sequence[str] | None = '8050833d30f3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('plan_station',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_station_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_plan_station_station_id_station')),
    sa.PrimaryKeyConstraint('plan_id', 'position', name=op.f('pk_plan_station'))
    )
    op.create_table('print_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('stations', sa.JSON(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assignments', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_print_record_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_record'))
    )


def downgrade() -> None:
    op.drop_table('print_record')
    op.drop_table('plan_station')
