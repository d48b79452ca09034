"""Schedule files, JSON and CSV: the spec's example, round trips, and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from shiftplan.domain.model import Assignment, Schedule, Status, Violation
from shiftplan.exchange.problems import FormatError
from shiftplan.exchange.schedule import (
    dump_schedule_csv,
    load_schedule,
    read_schedule,
    read_schedule_csv,
    save_schedule,
    save_schedule_csv,
)

DATA = Path(__file__).parent.parent / "data"
D = dt.date(2020, 2, 3)


def test_the_spec_example_reads() -> None:
    schedule = read_schedule((DATA / "spec_schedule.json").read_bytes(), "example.json")
    assert schedule.status is Status.OPTIMAL and schedule.objective == 120
    assert schedule.assignments == (Assignment(D, "N", "G310W", "P001", "leader"),)
    assert schedule.violations[0].rule == "min_days_off_per_week" and schedule.violations[0].cost == 5


def test_json_and_csv_round_trips(tmp_path: Path) -> None:
    schedule = Schedule(
        (Assignment(D, "N", "G310W", "P001", "leader"), Assignment(D, "D", "G310W", "P002")),
        Status.FEASIBLE, "310国道", 12.5,
        (Violation("request", 2.5, staff="P002", dates=(D,), shift="D", detail="想休息"),))
    save_schedule(schedule, tmp_path / "s.json")
    assert load_schedule(tmp_path / "s.json") == schedule
    save_schedule_csv(schedule.assignments, tmp_path / "s.csv")
    assert load_schedule(tmp_path / "s.csv").assignments == schedule.assignments
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").splitlines() == [
        "date,shift,station,staff,role", "2020-02-03,N,G310W,P001,leader", "2020-02-03,D,G310W,P002,"]


def test_unknown_references_are_not_malformed() -> None:
    raw = json.dumps({"format": "shiftplan/schedule@1", "assignments": [
        {"date": "2031-01-01", "shift": "Q", "station": "nowhere", "staff": "ghost", "role": "x"}]}).encode()
    assert read_schedule(raw, "s.json").assignments[0].staff == "ghost"


def test_a_null_objective_means_no_roster() -> None:
    raw = b'{"format": "shiftplan/schedule@1", "status": "infeasible", "objective": null, "assignments": [],' \
          b' "explanation": ["2020-02-05 \xe5\xa4\x9c\xe7\x8f\xad"]}'
    schedule = read_schedule(raw, "s.json")
    assert schedule.objective is None and schedule.status is Status.INFEASIBLE and len(schedule.explanation) == 1


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"format": "shiftplan/schedule@1"}, "assignments"),
        ({"format": "x", "assignments": []}, "format"),
        ({"format": "shiftplan/schedule@1", "assignments": [{"date": "3.2.2020", "shift": "D", "station": "S",
                                                             "staff": "P"}]}, "assignments[0].date"),
        ({"format": "shiftplan/schedule@1", "assignments": [{"date": "2020-02-03", "shift": "D", "station": "S"}]},
         "assignments[0].staff"),
        ({"format": "shiftplan/schedule@1", "status": "done", "assignments": []}, "status"),
        ({"format": "shiftplan/schedule@1", "assignments": [], "violations": [{"rule": "x"}]}, "violations[0].cost"),
    ],
)
def test_malformed_schedules_name_the_place(data: dict[str, object], path: str) -> None:
    with pytest.raises(FormatError) as caught:
        read_schedule(json.dumps(data).encode(), "s.json")
    assert path in [p.path for p in caught.value.problems]


def test_csv_tolerates_a_bom_and_checks_the_header_and_rows() -> None:
    good = "\ufeffdate,shift,station,staff,role\n2020-02-03,D,S,P1,\n".encode()
    assert read_schedule_csv(good, "s.csv") == (Assignment(D, "D", "S", "P1"),)
    with pytest.raises(FormatError) as caught:
        read_schedule_csv(b"day,shift,station,staff,role\n", "s.csv")
    assert caught.value.problems[0].path == "line 1"
    with pytest.raises(FormatError) as caught:
        read_schedule_csv(b"date,shift,station,staff,role\n2020-02-30,D,S,P1,\n2020-02-03,D,S\n", "s.csv")
    assert [p.path for p in caught.value.problems] == ["line 2, column date", "line 3"]


def test_csv_writer_quotes_what_needs_quoting() -> None:
    text = dump_schedule_csv((Assignment(D, "D", "S,1", "P1", None),))
    assert read_schedule_csv(text.encode(), "s.csv")[0].station == "S,1"
