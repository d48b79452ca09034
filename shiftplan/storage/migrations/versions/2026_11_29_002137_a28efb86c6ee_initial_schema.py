"""Initial schema: master data, plans and their schedules.

Revision ID: a28efb86c6ee
Revises: (none)
Create Date: 2026-11-29 00:21:37.985105+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'a28efb86c6ee'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('calendar_country', sa.String(), nullable=False),
    sa.Column('history_from', sa.Date(), nullable=True),
    sa.Column('fair_shifts', sa.Double(), nullable=False),
    sa.Column('fair_nights', sa.Double(), nullable=False),
    sa.Column('fair_restdays', sa.Double(), nullable=False),
    sa.Column('fair_holidays', sa.Double(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role')),
    sa.UniqueConstraint('code', name=op.f('uq_role_code'))
    )
    op.create_table('rule_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_set')),
    sa.UniqueConstraint('code', name=op.f('uq_rule_set_code'))
    )
    op.create_table('shift_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('night', sa.Boolean(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_type')),
    sa.UniqueConstraint('code', name=op.f('uq_shift_type_code'))
    )
    op.create_table('station',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('branch', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station')),
    sa.UniqueConstraint('code', name=op.f('uq_station_code'))
    )
    op.create_table('cover',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('shift_type_id', sa.Integer(), nullable=True),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.Column('maximum', sa.Integer(), nullable=True),
    sa.Column('target', sa.Integer(), nullable=True),
    sa.Column('target_under', sa.Double(), nullable=False),
    sa.Column('target_over', sa.Double(), nullable=False),
    sa.Column('party_min', sa.Integer(), nullable=False),
    sa.Column('soft', sa.Boolean(), nullable=False),
    sa.Column('soft_weight', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_cover_shift_type_id_shift_type')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_cover_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cover'))
    )
    op.create_table('plan_holiday',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_holiday_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'position', name=op.f('pk_plan_holiday'))
    )
    op.create_table('plan_workday',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_workday_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'position', name=op.f('pk_plan_workday'))
    )
    op.create_table('rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('weight', sa.Double(), nullable=True),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], name=op.f('fk_rule_rule_set_id_rule_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule')),
    sa.UniqueConstraint('rule_set_id', 'position', name=op.f('uq_rule_rule_set_id_position'))
    )
    op.create_table('schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('scenario_name', sa.String(), nullable=False),
    sa.Column('objective', sa.Double(), nullable=True),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_schedule_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule')),
    sa.UniqueConstraint('plan_id', 'version', name=op.f('uq_schedule_plan_id_version'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('unit', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('party', sa.String(), nullable=False),
    sa.Column('every_station', sa.Boolean(), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=True),
    sa.Column('team', sa.String(), nullable=False),
    sa.Column('active_from', sa.Date(), nullable=True),
    sa.Column('active_to', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], name=op.f('fk_staff_rule_set_id_rule_set')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('code', name=op.f('uq_staff_code'))
    )
    op.create_table('absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_absence_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence'))
    )
    op.create_table('cover_day',
    sa.Column('cover_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('selector', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['cover_id'], ['cover.id'], name=op.f('fk_cover_day_cover_id_cover'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cover_id', 'position', name=op.f('pk_cover_day'))
    )
    op.create_table('cover_role',
    sa.Column('cover_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cover_id'], ['cover.id'], name=op.f('fk_cover_role_cover_id_cover'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_cover_role_role_id_role')),
    sa.PrimaryKeyConstraint('cover_id', 'position', name=op.f('pk_cover_role')),
    sa.UniqueConstraint('cover_id', 'role_id', name=op.f('uq_cover_role_cover_id_role_id'))
    )
    op.create_table('fixed_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('role_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_fixed_assignment_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_fixed_assignment_role_id_role')),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_fixed_assignment_shift_type_id_shift_type')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_fixed_assignment_staff_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_fixed_assignment_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fixed_assignment')),
    sa.UniqueConstraint('plan_id', 'position', name=op.f('uq_fixed_assignment_plan_id_position'))
    )
    op.create_table('history_count',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('shifts', sa.Integer(), nullable=False),
    sa.Column('nights', sa.Integer(), nullable=False),
    sa.Column('restdays', sa.Integer(), nullable=False),
    sa.Column('holidays', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_history_count_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_history_count_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history_count')),
    sa.UniqueConstraint('plan_id', 'position', name=op.f('uq_history_count_plan_id_position')),
    sa.UniqueConstraint('plan_id', 'staff_id', name=op.f('uq_history_count_plan_id_staff_id'))
    )
    op.create_table('history_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_history_shift_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_history_shift_shift_type_id_shift_type')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_history_shift_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history_shift')),
    sa.UniqueConstraint('plan_id', 'position', name=op.f('uq_history_shift_plan_id_position'))
    )
    op.create_table('request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('want', sa.Boolean(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=True),
    sa.Column('weight', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_request_shift_type_id_shift_type')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_request_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request'))
    )
    op.create_table('rule_next_shift',
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['rule.id'], name=op.f('fk_rule_next_shift_rule_id_rule'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_rule_next_shift_shift_type_id_shift_type')),
    sa.PrimaryKeyConstraint('rule_id', 'position', name=op.f('pk_rule_next_shift'))
    )
    op.create_table('rule_shift',
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['rule.id'], name=op.f('fk_rule_shift_rule_id_rule'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_rule_shift_shift_type_id_shift_type')),
    sa.PrimaryKeyConstraint('rule_id', 'position', name=op.f('pk_rule_shift'))
    )
    op.create_table('schedule_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('shift_type_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_schedule_assignment_role_id_role')),
    sa.ForeignKeyConstraint(['schedule_id'], ['schedule.id'], name=op.f('fk_schedule_assignment_schedule_id_schedule'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_type_id'], ['shift_type.id'], name=op.f('fk_schedule_assignment_shift_type_id_shift_type')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_schedule_assignment_staff_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_schedule_assignment_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_assignment')),
    sa.UniqueConstraint('schedule_id', 'position', name=op.f('uq_schedule_assignment_schedule_id_position'))
    )
    op.create_table('schedule_violation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(), nullable=False),
    sa.Column('cost', sa.Double(), nullable=False),
    sa.Column('hard', sa.Boolean(), nullable=False),
    sa.Column('staff', sa.String(), nullable=True),
    sa.Column('dates', sa.JSON(), nullable=False),
    sa.Column('shift', sa.String(), nullable=True),
    sa.Column('station', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('group_label', sa.String(), nullable=True),
    sa.Column('detail', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['schedule_id'], ['schedule.id'], name=op.f('fk_schedule_violation_schedule_id_schedule'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_violation')),
    sa.UniqueConstraint('schedule_id', 'position', name=op.f('uq_schedule_violation_schedule_id_position'))
    )
    op.create_table('staff_role',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_staff_role_role_id_role')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_role_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'position', name=op.f('pk_staff_role'))
    )
    op.create_table('staff_station',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_station_staff_id_staff'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_staff_station_station_id_station')),
    sa.PrimaryKeyConstraint('staff_id', 'position', name=op.f('pk_staff_station'))
    )


def downgrade() -> None:
    op.drop_table('staff_station')
    op.drop_table('staff_role')
    op.drop_table('schedule_violation')
    op.drop_table('schedule_assignment')
    op.drop_table('rule_shift')
    op.drop_table('rule_next_shift')
    op.drop_table('request')
    op.drop_table('history_shift')
    op.drop_table('history_count')
    op.drop_table('fixed_assignment')
    op.drop_table('cover_role')
    op.drop_table('cover_day')
    op.drop_table('absence')
    op.drop_table('staff')
    op.drop_table('schedule')
    op.drop_table('rule')
    op.drop_table('plan_workday')
    op.drop_table('plan_holiday')
    op.drop_table('cover')
    op.drop_table('station')
    op.drop_table('shift_type')
    op.drop_table('rule_set')
    op.drop_table('role')
    op.drop_table('plan')
