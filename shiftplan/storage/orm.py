"""The tables, as typed SQLAlchemy row classes. Nothing outside ``shiftplan.storage`` sees them.

Conventions: every thing the user names has a surrogate ``id`` and the user's id as a unique
``code``; every list keeps its order in ``position``; short value lists (a person's roles, a
rule's shifts) are link tables keyed by (owner, position). A row's own lists are deleted with
it (``ON DELETE CASCADE``); a reference to another thing refuses that thing's deletion.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Double, ForeignKey, MetaData, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so that batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Double rather than Float: the same 8-byte value on SQLite and PostgreSQL, so weights and
    # hours come back exactly as stored.
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        float: Double(), dt.datetime: DateTime(timezone=True), list[Any]: JSON(),
    }


def _owner(table: str) -> Any:
    """Foreign key to the row that owns this one: the owned row goes when its owner goes."""
    return ForeignKey(f"{table}.id", ondelete="CASCADE")


def _ref(table: str) -> Any:
    """Foreign key to a thing this row merely names: that thing cannot be deleted while named."""
    return ForeignKey(f"{table}.id")


# --- master data --------------------------------------------------------------------------


class StationRow(Base):
    __tablename__ = "station"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    position: Mapped[int]
    name: Mapped[str]
    branch: Mapped[str]
    phone: Mapped[str]


class RoleRow(Base):
    __tablename__ = "role"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    position: Mapped[int]
    name: Mapped[str]


class ShiftTypeRow(Base):
    __tablename__ = "shift_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    position: Mapped[int]
    name: Mapped[str]
    start_minute: Mapped[int]
    end_minute: Mapped[int]
    night: Mapped[bool | None]  # NULL: decided by the clock


class RuleSetRow(Base):
    __tablename__ = "rule_set"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    position: Mapped[int]


class RuleRow(Base):
    __tablename__ = "rule"
    __table_args__ = (UniqueConstraint("rule_set_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_set_id: Mapped[int] = mapped_column(_owner("rule_set"))
    position: Mapped[int]
    kind: Mapped[str]  # a RuleKind value
    value: Mapped[float]
    weight: Mapped[float | None]  # NULL: a hard rule


class RuleShiftRow(Base):
    """The shift types a rule is about (``shift`` in the format); none: every shift type."""

    __tablename__ = "rule_shift"
    rule_id: Mapped[int] = mapped_column(_owner("rule"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    shift_type_id: Mapped[int] = mapped_column(_ref("shift_type"))


class RuleNextShiftRow(Base):
    """The ``next`` shift types of a forbidden succession."""

    __tablename__ = "rule_next_shift"
    rule_id: Mapped[int] = mapped_column(_owner("rule"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    shift_type_id: Mapped[int] = mapped_column(_ref("shift_type"))


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    position: Mapped[int]
    name: Mapped[str]
    unit: Mapped[str]
    phone: Mapped[str]
    party: Mapped[str]  # a Party value
    # True: may work at every station (no list at all), which differs from an empty list.
    every_station: Mapped[bool]
    rule_set_id: Mapped[int | None] = mapped_column(_ref("rule_set"))  # NULL: the default set
    team: Mapped[str]
    active_from: Mapped[dt.date | None]
    active_to: Mapped[dt.date | None]


class StaffRoleRow(Base):
    __tablename__ = "staff_role"
    staff_id: Mapped[int] = mapped_column(_owner("staff"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(_ref("role"))


class StaffStationRow(Base):
    __tablename__ = "staff_station"
    staff_id: Mapped[int] = mapped_column(_owner("staff"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(_ref("station"))


class CoverRow(Base):
    """One need entry; order matters, since the last entry matching a (station, shift, date) wins."""

    __tablename__ = "cover"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int]
    station_id: Mapped[int | None] = mapped_column(_ref("station"))  # NULL: every station
    shift_type_id: Mapped[int | None] = mapped_column(_ref("shift_type"))  # NULL: every shift type
    minimum: Mapped[int]
    maximum: Mapped[int | None]
    target: Mapped[int | None]
    target_under: Mapped[float]
    target_over: Mapped[float]
    party_min: Mapped[int]
    soft: Mapped[bool]
    soft_weight: Mapped[float]


class CoverDayRow(Base):
    """A day selector of a cover entry: ``all``, ``workday`` … ``sun``, or an ISO date."""

    __tablename__ = "cover_day"
    cover_id: Mapped[int] = mapped_column(_owner("cover"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    selector: Mapped[str]


class CoverRoleRow(Base):
    __tablename__ = "cover_role"
    __table_args__ = (UniqueConstraint("cover_id", "role_id"),)
    cover_id: Mapped[int] = mapped_column(_owner("cover"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(_ref("role"))
    minimum: Mapped[int]


class AbsenceRow(Base):
    __tablename__ = "absence"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int]
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    first_day: Mapped[dt.date]
    last_day: Mapped[dt.date]
    reason: Mapped[str]


class RequestRow(Base):
    __tablename__ = "request"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int]
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    day: Mapped[dt.date]
    want: Mapped[bool]
    shift_type_id: Mapped[int | None] = mapped_column(_ref("shift_type"))  # NULL: any shift
    weight: Mapped[float]


# --- plans: one period to roster, with what is particular to it ---------------------------


class PlanRow(Base):
    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    calendar_country: Mapped[str]
    history_from: Mapped[dt.date | None]  # NULL: the earliest history date
    fair_shifts: Mapped[float]
    fair_nights: Mapped[float]
    fair_restdays: Mapped[float]
    fair_holidays: Mapped[float]
    created_at: Mapped[dt.datetime]


class PlanStationRow(Base):
    """A station the plan rosters; a plan without any rosters every station."""

    __tablename__ = "plan_station"
    plan_id: Mapped[int] = mapped_column(_owner("plan"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(_ref("station"))


class PlanHolidayRow(Base):
    """A date the plan's calendar adds as a holiday."""

    __tablename__ = "plan_holiday"
    plan_id: Mapped[int] = mapped_column(_owner("plan"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date]


class PlanWorkdayRow(Base):
    """A date the plan's calendar makes a working day."""

    __tablename__ = "plan_workday"
    plan_id: Mapped[int] = mapped_column(_owner("plan"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date]


class FixedAssignmentRow(Base):
    __tablename__ = "fixed_assignment"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_owner("plan"))
    position: Mapped[int]
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    day: Mapped[dt.date]
    shift_type_id: Mapped[int] = mapped_column(_ref("shift_type"))
    station_id: Mapped[int | None] = mapped_column(_ref("station"))  # NULL: any station
    role_id: Mapped[int | None] = mapped_column(_ref("role"))  # NULL: any role


class HistoryShiftRow(Base):
    __tablename__ = "history_shift"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_owner("plan"))
    position: Mapped[int]
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    day: Mapped[dt.date]
    shift_type_id: Mapped[int] = mapped_column(_ref("shift_type"))


class HistoryCountRow(Base):
    __tablename__ = "history_count"
    __table_args__ = (UniqueConstraint("plan_id", "position"), UniqueConstraint("plan_id", "staff_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_owner("plan"))
    position: Mapped[int]
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    shifts: Mapped[int]
    nights: Mapped[int]
    restdays: Mapped[int]
    holidays: Mapped[int]


# --- schedules: saved answers to a plan, numbered 1, 2, … per plan -------------------------


class ScheduleRow(Base):
    __tablename__ = "schedule"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_owner("plan"))
    version: Mapped[int]
    status: Mapped[str]  # a Status value
    scenario_name: Mapped[str]
    objective: Mapped[float | None]
    # Sentences for the reader, kept whole: nothing ever queries inside them.
    explanation: Mapped[list[Any]]
    created_at: Mapped[dt.datetime]
    published_at: Mapped[dt.datetime | None]  # NULL: a draft; set: published, never changed again


class ScheduleAssignmentRow(Base):
    __tablename__ = "schedule_assignment"
    __table_args__ = (UniqueConstraint("schedule_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(_owner("schedule"))
    position: Mapped[int]
    day: Mapped[dt.date]
    shift_type_id: Mapped[int] = mapped_column(_ref("shift_type"))
    station_id: Mapped[int] = mapped_column(_ref("station"))
    staff_id: Mapped[int] = mapped_column(_ref("staff"))
    role_id: Mapped[int | None] = mapped_column(_ref("role"))


class ScheduleViolationRow(Base):
    """A cost or broken rule of a saved schedule: a report of the solver, stored as it said it.

    Its ids are plain text, not foreign keys: a violation may be about something that no longer
    exists (or never did, for a hand-edited schedule), and it must still read back unchanged.
    """

    __tablename__ = "schedule_violation"
    __table_args__ = (UniqueConstraint("schedule_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(_owner("schedule"))
    position: Mapped[int]
    rule: Mapped[str]
    cost: Mapped[float]
    hard: Mapped[bool]
    staff: Mapped[str | None]
    dates: Mapped[list[Any]]  # ISO dates, read and written only with the violation
    shift: Mapped[str | None]
    station: Mapped[str | None]
    role: Mapped[str | None]
    group_label: Mapped[str | None]
    detail: Mapped[str | None]


class PrintRecordRow(Base):
    """A roster as it was printed (or exported to PDF): what the changes page compares with.

    The assignments are a copy, not a reference: a draft is edited in place, so its saved version
    no longer says what went onto the wall. They are kept whole, as [date, shift, station, staff,
    role] in the user's ids, and read back unchanged even when someone named has left since.
    """

    __tablename__ = "print_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_owner("plan"))
    version: Mapped[int]  # of the plan's roster printed
    kind: Mapped[str]  # a printout kind: sheet, slips, signin
    stations: Mapped[list[Any]]  # the station ids printed; empty: every station
    first_day: Mapped[dt.date]
    last_day: Mapped[dt.date]
    printed_at: Mapped[dt.datetime]
    assignments: Mapped[list[Any]]
