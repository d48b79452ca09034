"""Storage tests run on a temporary SQLite file and, when configured, on PostgreSQL.

Set SHIFTPLAN_TEST_POSTGRES to a SQLAlchemy URL of a database the tests may wipe, e.g.
``postgresql+psycopg://postgres@127.0.0.1:5433/shiftplan_test``. Without it the PostgreSQL cases
are skipped, except under CI (``CI`` set), where they fail so that they cannot silently vanish.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    FairnessWeights,
    FixedAssignment,
    History,
    HistoryCount,
    HistoryShift,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.exchange.scenario import read_scenario
from shiftplan.storage import Database

POSTGRES_VARIABLE = "SHIFTPLAN_TEST_POSTGRES"


def postgres_url() -> str:
    """The test PostgreSQL database, emptied; skips (or fails under CI) when there is none."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        reason = f"{POSTGRES_VARIABLE} is not set to a PostgreSQL URL"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, but CI is: the PostgreSQL storage tests must run in CI")
        pytest.skip(reason)
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:  # a clean slate for every test
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'shiftplan.db'}"
    return postgres_url()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "shiftplan.db"


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    with Database.open(url) as database:
        yield database


# --- scenarios ----------------------------------------------------------------------------

D = dt.date


def rich_scenario() -> Scenario:
    """Everything the format can say, with Chinese text, decimals, None next to empty, odd orders."""
    rules = (
        Rule(RuleKind.MAX_SHIFTS_PER_DAY, 2),
        Rule(RuleKind.MIN_REST_HOURS, 11.5),
        Rule(RuleKind.FORBIDDEN_SUCCESSION, shifts=("N",), next_shifts=("E", "D")),
        Rule(RuleKind.FORBIDDEN_SUCCESSION, shifts=("E", "N"), next_shifts=("D",), weight=2.5),
        Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6),
        Rule(RuleKind.MIN_CONSECUTIVE_DAYS, 2, weight=1),
        Rule(RuleKind.MIN_CONSECUTIVE_DAYS_OFF, 2, weight=0.5),
        Rule(RuleKind.MAX_CONSECUTIVE_SHIFTS, 3, shifts=("N",)),
        Rule(RuleKind.MAX_SHIFTS, 8, shifts=("N", "E")),
        Rule(RuleKind.MAX_SHIFTS, 20),
        Rule(RuleKind.MIN_SHIFTS, 4, weight=3),
        Rule(RuleKind.MAX_HOURS, 172.5),
        Rule(RuleKind.MIN_HOURS, 80.25, weight=0.125),
        Rule(RuleKind.MAX_HOURS_PER_WEEK, 48.75),
        Rule(RuleKind.MIN_DAYS_OFF_PER_WEEK, 1, weight=5),
        Rule(RuleKind.MAX_WEEKENDS, 2),
    )
    return Scenario(
        name="310国道巩义方向防疫服务站 2020年2月",
        period=Period(D(2020, 2, 3), D(2020, 3, 1)),
        calendar=CalendarSpec("none", holidays=(D(2020, 2, 11), D(2020, 2, 10)), workdays=(D(2020, 2, 15),)),
        shift_types=(
            ShiftType("D", "白班", 8 * 60, 16 * 60),
            ShiftType("E", "中班", 16 * 60, 24 * 60, night=False),
            ShiftType("N", "夜班", 22 * 60 + 30, 6 * 60 + 15, night=True),
            ShiftType("24h", "全天", 0, 24 * 60),
        ),
        roles=(Role("police", "民警"), Role("medic", "医务"), Role("leader", "带班"), Role("cadre", "消杀")),
        stations=(
            Station("G310W", "310国道巩义方向防疫服务站", "310国道巩义方向防疫服务站临时党支部", "0371-00000000"),
            Station("S2", "二号站"),
        ),
        rule_sets=(RuleSet("带班", (Rule(RuleKind.MAX_WEEKENDS, 3, weight=10),)), RuleSet("standard", rules),
                   RuleSet("empty")),
        staff=(
            StaffMember("P001", "张琳", "区委组织部", "13800000000", ("leader", "cadre"), Party.MEMBER, ("G310W",),
                        "带班", "一组", D(2020, 2, 5), D(2020, 2, 28)),
            StaffMember("p001", "李强", roles=("police",)),  # ids are case-sensitive
            StaffMember("P003", "王芳", roles=("medic", "police"), party=Party.PROBATIONARY, stations=(),
                        rule_set="standard"),
            StaffMember("P004", "赵 敏", roles=("cadre",), party=Party.APPLICANT, stations=("S2", "G310W"),
                        rule_set="empty", active_to=D(2020, 2, 20)),
        ),
        cover=(
            Cover(station="G310W", shift="N", min=14, max=14, roles={"police": 2, "medic": 2, "leader": 1},
                  party_min=1),
            Cover(station="G310W", shift="D", days=("holiday", "sat", "2020-02-14"), min=10, target=12,
                  target_under=7.5, target_over=0.25, roles={"medic": 1, "police": 2}, party_min=1, soft=True,
                  soft_weight=50.5),
            Cover(),
            Cover(shift="E", days=("workday", "mon", "fri"), max=3),
        ),
        absences=(Absence("P003", D(2020, 2, 10), D(2020, 2, 12), "病假"),
                  Absence("p001", D(2020, 2, 3), D(2020, 2, 3))),
        requests=(Request("P001", D(2020, 2, 14), False, "N", 3), Request("P003", D(2020, 2, 20), True, "D"),
                  Request("P004", D(2020, 2, 21), False, weight=2.5)),
        fixed=(FixedAssignment("P001", D(2020, 2, 3), "D", "G310W", "leader"),
               FixedAssignment("P003", D(2020, 2, 4), "N")),
        history=History(D(2020, 1, 27),
                        (HistoryShift("P001", D(2020, 2, 2), "N"), HistoryShift("P003", D(2020, 1, 30), "D")),
                        (HistoryCount("P003", 20, 6, 3, 1), HistoryCount("P001"))),
        weights=FairnessWeights(10, 0.5, 0, 2.25),
    )


def minimal_scenario() -> Scenario:
    """Only what the format requires; every default left as it is."""
    return Scenario(period=Period(D(2024, 1, 1), D(2024, 1, 1)), shift_types=(ShiftType("S", "S", 8 * 60, 20 * 60),),
                    stations=(Station("A", "A"),), staff=())


def history_without_start() -> Scenario:
    """History whose window starts at its earliest shift; the official calendar, no counts."""
    return dataclasses.replace(rich_scenario(), name="无起始日期的历史", calendar=CalendarSpec(),
                               history=History(None, (HistoryShift("P004", D(2020, 2, 1), "24h"),), ()))


SPEC_EXAMPLE = """{
  "format": "shiftplan/scenario@1",
  "name": "310国道巩义方向防疫服务站 2020年2月",
  "period": {"start": "2020-02-03", "end": "2020-03-01"},
  "calendar": {"country": "CN", "holidays": [], "workdays": []},
  "shift_types": [
    {"id": "D", "name": "白班", "start": "08:00", "end": "16:00"},
    {"id": "E", "name": "中班", "start": "16:00", "end": "24:00"},
    {"id": "N", "name": "夜班", "start": "00:00", "end": "08:00", "night": true}
  ],
  "roles": [{"id": "police", "name": "民警"}, {"id": "medic", "name": "医务"},
            {"id": "clerk", "name": "登记"}, {"id": "cadre", "name": "消杀"},
            {"id": "leader", "name": "带班"}],
  "stations": [{"id": "G310W", "name": "310国道巩义方向防疫服务站",
                "branch": "310国道巩义方向防疫服务站临时党支部", "phone": "0371-00000000"}],
  "rule_sets": [
    {"id": "standard", "rules": [
      {"rule": "min_rest_hours", "value": 16},
      {"rule": "max_consecutive_days", "value": 6},
      {"rule": "max_consecutive_shifts", "shift": "N", "value": 3},
      {"rule": "max_shifts", "shift": "N", "value": 8},
      {"rule": "min_days_off_per_week", "value": 1, "weight": 5}
    ]}
  ],
  "staff": [
    {"id": "P001", "name": "张琳", "unit": "区委组织部", "phone": "13800000000",
     "roles": ["leader", "cadre"], "party": "member", "stations": ["G310W"],
     "rule_set": "standard", "team": "一组"}
  ],
  "cover": [
    {"station": "G310W", "shift": "N", "min": 14, "max": 14,
     "roles": {"police": 2, "medic": 2, "clerk": 2, "leader": 1}, "party_min": 1},
    {"station": "G310W", "shift": "D", "days": ["holiday"], "min": 10, "target": 12,
     "roles": {"police": 2, "medic": 2, "clerk": 1, "leader": 1}, "party_min": 1}
  ],
  "absences": [{"staff": "P001", "from": "2020-02-10", "to": "2020-02-12", "reason": "病假"}],
  "requests": [{"staff": "P001", "date": "2020-02-14", "shift": "N", "want": false, "weight": 3}],
  "fixed": [{"staff": "P001", "date": "2020-02-03", "shift": "D", "station": "G310W", "role": "leader"}],
  "history": {
    "from": "2020-02-01",
    "assignments": [{"staff": "P001", "date": "2020-02-02", "shift": "N"}],
    "counts": [{"staff": "P001", "shifts": 20, "nights": 6, "restdays": 3, "holidays": 1}]
  },
  "weights": {"fair_nights": 10, "fair_restdays": 10, "fair_holidays": 10, "fair_shifts": 5}
}"""


def spec_example() -> Scenario:
    """The example of the format specification, read by the exchange reader."""
    return read_scenario(SPEC_EXAMPLE.encode(), "scenario-v1.md")


SCENARIOS = {"rich": rich_scenario, "minimal": minimal_scenario, "history_without_start": history_without_start,
             "spec_example": spec_example}


@pytest.fixture(params=SCENARIOS)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    """Each kind of scenario in turn."""
    return SCENARIOS[request.param]()


@pytest.fixture
def rich() -> Scenario:
    return rich_scenario()


@pytest.fixture
def minimal() -> Scenario:
    return minimal_scenario()
