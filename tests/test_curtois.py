"""The Curtois & Qu benchmark: the reader, agreement with an independent checker, the optima.

The instance files are not part of the project (they stay in the shared benchmark folder); the
tests that need them look for them beside the checkout, or where SHIFTPLAN_CURTOIS_DIR points,
and are skipped, saying so, where they are absent. The small instance below is written here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from shiftplan.bench import run_curtois
from shiftplan.cli import main
from shiftplan.domain.calendar import NO_OFFICIAL_CALENDAR, resolve_calendar
from shiftplan.domain.model import Assignment
from shiftplan.domain.rules import RuleKind
from shiftplan.domain.validation import check
from shiftplan.exchange.curtois import FIRST_DAY, WARD, read_curtois, roster_csv
from shiftplan.exchange.problems import FormatError
from shiftplan.solver import SolveOptions, solve

ROOT = Path(__file__).resolve().parents[1]
INSTANCES = Path(os.environ.get("SHIFTPLAN_CURTOIS_DIR", ROOT.parent / "shared" / "bench" / "curtois"))
OPTIMA = {1: 607, 2: 828, 3: 1001}


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("curtois_checker", ROOT / "benchmarks" / "curtois_checker.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


checker = _checker()


def instance(number: int) -> Path:
    path = INSTANCES / f"Instance{number}.txt"
    if not path.exists():
        pytest.skip(f"benchmark instances not found in {INSTANCES} (set SHIFTPLAN_CURTOIS_DIR)")
    return path


# Two weeks, three nurses, two shifts: every rule family of the benchmark, with small limits.
SMALL = """\
# This is a comment. Comments start with #
SECTION_HORIZON
# All instances start on a Monday
14

SECTION_SHIFTS
# ShiftID, Length in mins, Shifts which cannot follow this shift | separated
E,480,
L,600,E

SECTION_STAFF
# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinOff, MaxWE
A,E=14|L=3,5400,2400,4,2,2,1
B,E=14|L=14,6000,3000,5,1,1,2
C,E=0|L=14,4800,1200,3,2,1,1

SECTION_DAYS_OFF
# EmployeeID, DayIndexes (start at zero)
A,0,13
B,6
C,3

SECTION_SHIFT_ON_REQUESTS
# EmployeeID, Day, ShiftID, Weight
A,2,E,2
C,9,L,3

SECTION_SHIFT_OFF_REQUESTS
# EmployeeID, Day, ShiftID, Weight
B,4,L,1

SECTION_COVER
# Day, ShiftID, Requirement, Weight for under, Weight for over
""" + "".join(f"{d},E,1,100,1\n{d},L,1,100,1\n" for d in range(14))


def test_the_reader_maps_every_rule_onto_the_products_own() -> None:
    scenario = read_curtois(SMALL, "Small.txt")
    assert scenario.period.days == 14 and scenario.period.start == FIRST_DAY and FIRST_DAY.weekday() == 0
    assert [s.id for s in scenario.staff] == ["A", "B", "C"]
    assert {(s.id, s.minutes) for s in scenario.shift_types} == {("E", 480), ("L", 600)}
    rules = {r.id: r for r in scenario.rule_sets}
    a_rules = {(rule.kind, rule.shifts): rule for rule in rules[scenario.staff[0].rule_set].rules}
    assert a_rules[RuleKind.MAX_SHIFTS, ("L",)].value == 3
    assert a_rules[RuleKind.MAX_HOURS, ()].value == 90 and a_rules[RuleKind.MIN_HOURS, ()].value == 40
    assert a_rules[RuleKind.MAX_CONSECUTIVE_DAYS, ()].value == 4
    assert a_rules[RuleKind.MIN_CONSECUTIVE_DAYS, ()].value == 2
    assert a_rules[RuleKind.MIN_CONSECUTIVE_DAYS_OFF, ()].value == 2
    assert a_rules[RuleKind.MAX_WEEKENDS, ()].value == 1
    succession = a_rules[RuleKind.FORBIDDEN_SUCCESSION, ("L",)]
    assert succession.next_shifts == ("E",) and succession.hard
    assert {(a.staff, (a.start - FIRST_DAY).days) for a in scenario.absences} == {("A", 0), ("A", 13), ("B", 6),
                                                                                  ("C", 3)}
    assert {(r.staff, r.want, r.shift, r.weight) for r in scenario.requests} == {
        ("A", True, "E", 2), ("C", True, "L", 3), ("B", False, "L", 1)}
    assert len(scenario.cover) == 28 and all(c.target == 1 and c.target_under == 100 for c in scenario.cover)
    assert len(scenario.rule_sets) == 3  # one contract per distinct staff line


def test_a_malformed_instance_names_the_line() -> None:
    broken = SMALL.replace("A,2,E,2", "A,two,E,2").replace("B,6\n", "B,99\n")
    with pytest.raises(FormatError) as raised:
        read_curtois(broken, "Small.txt")
    where = {p.path for p in raised.value.problems}
    assert len(raised.value.problems) == 2
    assert all(p.file == "Small.txt" for p in raised.value.problems)
    lines = broken.splitlines()
    assert where == {f"line {lines.index('A,two,E,2') + 1}", f"line {lines.index('B,99') + 1}"}


def random_roster(scenario_text: str, seed: int, density: float) -> list[tuple[str, int, str]]:
    inst = checker.parse(scenario_text)
    rng = random.Random(seed)
    shifts = list(inst.length)
    return [(e, d, rng.choice(shifts)) for e in inst.staff for d in range(inst.horizon) if rng.random() < density]


def agree(text: str, rows: list[tuple[str, int, str]]) -> tuple[int, bool]:
    """Judge a roster with the product's validator and the independent checker; they must agree."""
    scenario = read_curtois(text, "instance")
    calendar = resolve_calendar(scenario.calendar, scenario.period, NO_OFFICIAL_CALENDAR)
    assignments = tuple(Assignment(FIRST_DAY + dt.timedelta(days=d), s, WARD, e)
                        for e, d, s in rows)
    report = check(scenario, assignments, calendar)
    inst = checker.parse(text)
    x = checker.read_roster(inst, roster_csv(assignments))
    broken = checker.violations(inst, x)
    assert report.objective == checker.objective(inst, x)
    assert bool(report.hard) == bool(broken), (report.hard, broken)
    return int(report.objective), bool(broken)


def nearby_rosters(text: str, rows: list[tuple[str, int, str]], count: int) -> list[list[tuple[str, int, str]]]:
    """Rosters one or two changed cells away from ``rows``: some still keep every rule, some not."""
    inst = checker.parse(text)
    rng, options = random.Random(7), [*inst.length, None]
    found = []
    for _ in range(count):
        cells = {(e, d): s for e, d, s in rows}
        for _change in range(rng.choice((1, 2))):
            cell = (rng.choice(list(inst.staff)), rng.randrange(inst.horizon))
            shift = rng.choice(options)
            if shift is None:
                cells.pop(cell, None)
            else:
                cells[cell] = shift
        found.append([(e, d, s) for (e, d), s in cells.items()])
    return found


def test_the_validator_agrees_with_an_independent_checker() -> None:
    scenario = read_curtois(SMALL, "Small.txt")
    calendar = resolve_calendar(scenario.calendar, scenario.period, NO_OFFICIAL_CALENDAR)
    solved = solve(scenario, calendar, SolveOptions(time_limit=5)).schedule.assignments
    base = [(a.staff, (a.date - FIRST_DAY).days, a.shift) for a in solved]
    rosters = [base, *nearby_rosters(SMALL, base, 400)]
    rosters += [random_roster(SMALL, seed, density) for seed in range(100) for density in (0.3, 0.55, 0.8)]
    outcomes = [agree(SMALL, rows) for rows in rosters]
    # Rosters that keep every rule and rosters that break some were both judged, with objectives
    # spread wide: the agreement means something.
    assert outcomes[0][1] is False
    assert {broken for _o, broken in outcomes} == {True, False}
    assert len({o for o, _b in outcomes}) > 20


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_the_validator_agrees_with_the_checker_on_real_instances(number: int) -> None:
    text = instance(number).read_text(encoding="ascii")
    for seed in range(20):
        agree(text, random_roster(text, seed, 0.6))


@pytest.mark.slow
@pytest.mark.parametrize("number", sorted(OPTIMA))
def test_the_solver_proves_the_published_optimum(number: int, tmp_path: Path) -> None:
    path = instance(number)
    row = run_curtois(path, SolveOptions(time_limit=60), tmp_path)
    inst = checker.parse(path.read_text(encoding="ascii"))
    x = checker.read_roster(inst, (tmp_path / f"Instance{number}.csv").read_text(encoding="utf-8"))
    assert checker.violations(inst, x) == []
    assert checker.objective(inst, x) == row.objective == row.solver_objective == OPTIMA[number]
    assert row.status == "optimal" and row.bound == OPTIMA[number]


def test_bench_curtois_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = instance(1)
    code = main(["--lang", "en", "bench", "curtois", str(path), "--time-limit", "20", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "| Instance1 | 8 | 14 | 607 | 607 | 607 | +0.0% |" in out
    rows = (tmp_path / "Instance1.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "employee,day,shift" and len(rows) > 1


def _benchmark_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("curtois_benchmark", ROOT / "benchmarks" / "curtois.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_table_keeps_each_instances_latest_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _benchmark_script()
    monkeypatch.setattr(script, "RECORDS", tmp_path / "curtois.json")
    run = script.Run

    def runs(number: int, objective: int, limit: float) -> list:
        return [run(number, 0, limit, staff=8, days=14, status="feasible", objective=objective,
                    solver_objective=float(objective), checked=objective, bound=600.0, best_known=607,
                    best_time=1.0, wall=limit, cpu=2 * limit)]

    script.save_record(1, runs(1, 700, 60.0), dt.datetime(2026, 1, 1, 9, 0), 8)
    script.save_record(8, runs(8, 1400, 300.0), dt.datetime(2026, 1, 1, 10, 0), 8)
    records = script.save_record(1, runs(1, 607, 60.0), dt.datetime(2026, 1, 2, 9, 30), 8)  # run again

    text = script.report(records)
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith(("| 1 |", "| 8 |"))}
    assert set(rows) == {"| 1", "| 8"}
    assert " 607 " in rows["| 1"] and " 700 " not in rows["| 1"] and "2026-01-02 09:30" in rows["| 1"]
    assert "2026-01-01 10:00" in rows["| 8"] and "**miss**" in rows["| 8"]  # 1400 against best known 607
    assert not (tmp_path / "curtois.json.tmp").exists()
    assert script.load_records().keys() == {1, 8}
