"""The ``shiftplan`` command as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shiftplan.cli import main

DATA = Path(__file__).parent / "data"


def scenario() -> dict[str, Any]:
    return {
        "format": "shiftplan/scenario@1",
        "name": "测试站",
        "period": {"start": "2020-02-03", "end": "2020-02-04"},
        "shift_types": [{"id": "D", "name": "白班", "start": "08:00", "end": "16:00"},
                        {"id": "N", "name": "夜班", "start": "00:00", "end": "08:00"}],
        "roles": [{"id": "police", "name": "民警"}],
        "stations": [{"id": "S", "name": "一号站"}],
        "rule_sets": [{"id": "standard", "rules": [{"rule": "min_rest_hours", "value": 12}]}],
        "staff": [{"id": "P1", "name": "张三", "roles": ["police"]}, {"id": "P2", "name": "李四", "roles": ["police"]}],
        "cover": [{"min": 1, "max": 1, "roles": {"police": 1}}],
        "requests": [{"staff": "P2", "date": "2020-02-04", "want": False, "weight": 3}],
    }


def schedule(rows: list[tuple[str, ...]]) -> dict[str, Any]:
    """A roster of (date, shift, staff[, role]) rows at station S; the role is police unless given ("": none)."""
    assignments = []
    for date, shift, staff, *role in rows:
        served = role[0] if role else "police"
        assignments.append({"date": date, "shift": shift, "station": "S", "staff": staff}
                           | ({"role": served} if served else {}))
    return {"format": "shiftplan/schedule@1", "assignments": assignments}


def write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SHIFTPLAN_LANG="en")
    return subprocess.run([sys.executable, "-m", "shiftplan", *args], capture_output=True, text=True, env=env,
                          timeout=120)


GOOD = [("2020-02-03", "N", "P1"), ("2020-02-03", "D", "P2"), ("2020-02-04", "N", "P1"), ("2020-02-04", "D", "P2")]


def test_check_passes_a_valid_roster_with_its_soft_costs(tmp_path: Path) -> None:
    result = run_cli("check", write(tmp_path, "sc.json", scenario()), write(tmp_path, "r.json", schedule(GOOD)))
    assert result.returncode == 0, result.stderr
    # P2's request (3) is not granted; P1 has two nights and P2 none (spread 2, weight 1).
    assert "No hard rule is broken" in result.stdout and "objective 5" in result.stdout


def test_check_fails_a_roster_that_breaks_a_hard_rule(tmp_path: Path) -> None:
    bad = [("2020-02-03", "D", "P1"), ("2020-02-04", "N", "P1"), ("2020-02-03", "N", "P2"), ("2020-02-04", "D", "P2")]
    files = write(tmp_path, "sc.json", scenario()), write(tmp_path, "r.json", schedule(bad))
    result = run_cli("check", "--json", *files)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["feasible"] is False
    assert {v["rule"] for v in report["hard"]} == {"min_rest_hours"}
    assert {v["staff"] for v in report["hard"]} == {"P1"}


P1, P2 = {"id": "P1", "name": "张三", "roles": ["police"]}, {"id": "P2", "name": "李四", "roles": ["police"]}
WEEK = [(f"2020-02-0{d}", s, p) for d in range(3, 10) for s, p in (("N", "P1"), ("D", "P2"))]


def rules(*extra: dict[str, Any]) -> dict[str, Any]:
    return {"rule_sets": [{"id": "standard", "rules": [{"rule": "min_rest_hours", "value": 12}, *extra]}]}


# One planted violation per hard rule family: (rule named, changes to scenario(), the roster's rows).
HARD = [
    ("invalid_assignment", {}, [*GOOD, ("2020-02-03", "D", "P9")]),
    ("not_on_roster", {"staff": [P1 | {"to": "2020-02-03"}, P2]}, GOOD),
    ("station_not_allowed", {"stations": [{"id": "S"}, {"id": "T"}], "staff": [P1 | {"stations": ["T"]}, P2]}, GOOD),
    ("role_missing", {}, [*GOOD[:3], ("2020-02-04", "D", "P2", "")]),
    ("role_not_held", {"roles": [{"id": "police"}, {"id": "medic"}], "staff": [P1 | {"roles": ["medic"]}, P2]},
     GOOD),
    ("absence", {"absences": [{"staff": "P1", "from": "2020-02-04", "to": "2020-02-04"}]}, GOOD),
    ("fixed", {"fixed": [{"staff": "P1", "date": "2020-02-03", "shift": "D"}]}, GOOD),
    ("overlap", {"shift_types": [*scenario()["shift_types"], {"id": "L", "start": "04:00", "end": "12:00"}]},
     [*GOOD, ("2020-02-03", "L", "P2")]),
    ("max_shifts_per_day", rules({"rule": "max_shifts_per_day", "value": 1}), [*GOOD, ("2020-02-03", "D", "P1")]),
    ("min_rest_hours", {}, [("2020-02-03", "D", "P1"), ("2020-02-04", "N", "P1"), *GOOD[1::2]]),
    ("forbidden_succession", rules({"rule": "forbidden_succession", "shift": "N", "next": "N"}), GOOD),
    ("max_consecutive_days", rules({"rule": "max_consecutive_days", "value": 1}), GOOD),
    ("min_consecutive_days", rules({"rule": "min_consecutive_days", "value": 2}) | {"history": {"from": "2020-02-01"}},
     GOOD[:3]),
    ("min_consecutive_days_off", rules({"rule": "min_consecutive_days_off", "value": 2})
     | {"history": {"assignments": [{"staff": "P1", "date": "2020-02-01", "shift": "N"}]}}, GOOD),
    ("max_consecutive_shifts", rules({"rule": "max_consecutive_shifts", "shift": "N", "value": 1}), GOOD),
    ("max_shifts", rules({"rule": "max_shifts", "value": 1}), GOOD),
    ("min_shifts", rules({"rule": "min_shifts", "value": 3}), GOOD),
    ("max_hours", rules({"rule": "max_hours", "value": 8}), GOOD),
    ("min_hours", rules({"rule": "min_hours", "value": 20.5}), GOOD),
    ("max_hours_per_week", rules({"rule": "max_hours_per_week", "value": 40}) | {"period": {
        "start": "2020-02-03", "end": "2020-02-09"}}, WEEK),
    ("min_days_off_per_week", rules({"rule": "min_days_off_per_week", "value": 1}) | {"period": {
        "start": "2020-02-03", "end": "2020-02-09"}}, WEEK),
    ("max_weekends", rules({"rule": "max_weekends", "value": 0}) | {"period": {
        "start": "2020-02-03", "end": "2020-02-09"}}, WEEK),
    ("cover_min", {}, GOOD[1:]),
    ("cover_max", {"staff": [P1, P2, {"id": "P3", "name": "王五", "roles": ["police"]}]},
     [*GOOD, ("2020-02-03", "D", "P3")]),
    ("cover_roles", {"cover": [{"min": 1, "max": 1, "roles": {"police": 2}}]}, GOOD),
    ("cover_party", {"cover": [{"min": 1, "max": 1, "party_min": 1}]}, GOOD),
]


@pytest.mark.parametrize(("rule", "changes", "rows"), HARD, ids=[case[0] for case in HARD])
def test_check_json_names_each_kind_of_hard_violation(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str, changes: dict[str, Any],
        rows: list[tuple[str, ...]]) -> None:
    files = write(tmp_path, "sc.json", scenario() | changes), write(tmp_path, "r.json", schedule(rows))
    assert main(["--lang", "en", "check", "--json", *files]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["feasible"] is False
    assert rule in {v["rule"] for v in report["hard"]}
    assert all(v["cost"] == 0 and isinstance(v["cost"], int) for v in report["hard"])


def test_check_reads_csv_schedules(tmp_path: Path) -> None:
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("date,shift,station,staff,role\n" + "".join(f"{d},{s},S,{p},police\n" for d, s, p in GOOD))
    assert main(["--lang", "en", "check", write(tmp_path, "sc.json", scenario()), str(csv_file)]) == 0


def test_malformed_input_exits_2_naming_file_and_path(tmp_path: Path) -> None:
    data = scenario()
    data["staff"][1]["roles"] = ["pilot"]
    result = run_cli("check", write(tmp_path, "sc.json", data), write(tmp_path, "r.json", schedule(GOOD)))
    assert result.returncode == 2
    assert "sc.json: staff[1].roles[0]:" in result.stderr and "pilot" in result.stderr


def test_chinese_is_the_default_language(tmp_path: Path) -> None:
    data = scenario()
    data["period"]["end"] = "2020-02-31"
    env = {k: v for k, v in os.environ.items() if k != "SHIFTPLAN_LANG"}
    result = subprocess.run([sys.executable, "-m", "shiftplan", "check", write(tmp_path, "sc.json", data),
                             write(tmp_path, "r.json", schedule(GOOD))], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert "日期" in result.stderr


def test_import_then_export_gives_an_equal_scenario(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'plan.db'}"
    source = DATA / "spec_scenario.json"
    assert main(["--lang", "en", "import", str(source), "--db", db]) == 0
    assert main(["--lang", "en", "export", "-o", str(tmp_path / "out.json"), "--db", db]) == 0
    from shiftplan.exchange.scenario import read_scenario

    assert read_scenario((tmp_path / "out.json").read_bytes(), "out.json") == read_scenario(
        source.read_bytes(), "in.json")


def test_a_failed_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    assert main(["--lang", "en", "import", str(DATA / "spec_scenario.json"), "--db", str(db)]) == 0
    before = db.read_bytes()
    broken = scenario()
    broken["cover"] = [{"station": "nowhere"}]
    assert main(["--lang", "en", "import", write(tmp_path, "bad.json", broken), "--db", str(db)]) == 2
    assert main(["--lang", "en", "export", "-o", str(tmp_path / "out.json"), "--db", str(db)]) == 0
    assert json.loads((tmp_path / "out.json").read_text())["name"] == "310国道巩义方向防疫服务站 2020年2月"
    assert db.stat().st_size >= len(before) // 2  # still a database with its content, not truncated


@pytest.mark.slow
def test_demo_writes_a_scenario_that_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert main(["--lang", "en", "demo", "-o", str(out)]) == 0
    result = run_cli("check", str(out), write(tmp_path, "empty.json", schedule([])))
    assert result.returncode == 1  # an empty roster leaves every shift uncovered
    assert "cover_min" in result.stdout


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_print_a_week_sheet_from_files(tmp_path: Path) -> None:
    from shiftplan.demo import build_demo
    from shiftplan.exchange.scenario import save_scenario
    from shiftplan.exchange.schedule import save_schedule
    from shiftplan.printing.samples import rotation_schedule

    scenario = build_demo()
    schedule = rotation_schedule(scenario)
    save_scenario(scenario, tmp_path / "demo.json")
    save_schedule(schedule, tmp_path / "r.json")
    out = tmp_path / "sheet.pdf"
    assert main(["--lang", "en", "print", "--scenario", str(tmp_path / "demo.json"), "--schedule",
                 str(tmp_path / "r.json"), "--kind", "sheet", "--station", "G310W", "--from", "2020-01-20",
                 "--to", "2020-01-26", "-o", str(out)]) == 0
    first_day = {a.staff for a in schedule.assignments if a.date.isoformat() == "2020-01-20" and a.station == "G310W"}
    text = pdf_text(out)
    assert all(scenario.person(p).name in text for p in first_day)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_print_changes_from_the_database_compares_the_last_two_versions(tmp_path: Path) -> None:
    from shiftplan.demo import build_demo
    from shiftplan.printing.samples import rotation_schedule
    from shiftplan.storage import Database

    db_url = f"sqlite:///{tmp_path / 'plan.db'}"
    scenario = build_demo()
    first = rotation_schedule(scenario)
    moved = first.assignments[0]
    second = dataclasses.replace(first, assignments=first.assignments[1:])
    with Database.open(db_url) as db:
        plan = db.import_scenario(scenario)
        assert main(["--lang", "en", "print", "--db", db_url, "--kind", "sheet", "-o", str(tmp_path / "x.pdf")]) == 2
        db.save_schedule(plan, first)
        db.save_schedule(plan, second)
    out = tmp_path / "changes.pdf"
    assert main(["--lang", "en", "print", "--db", db_url, "--kind", "changes", "-o", str(out)]) == 0
    assert scenario.person(moved.staff).name in pdf_text(out)
    assert "compared with version 1" in " ".join(pdf_text(out).split())


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_printing_from_the_database_records_the_roster_for_the_changes_page(tmp_path: Path) -> None:
    from shiftplan.demo import build_demo
    from shiftplan.printing.samples import rotation_schedule
    from shiftplan.storage import Database

    db_url = f"sqlite:///{tmp_path / 'plan.db'}"
    scenario = build_demo()
    first = rotation_schedule(scenario)
    moved = first.assignments[0]
    with Database.open(db_url) as db:
        plan = db.import_scenario(scenario)
        db.save_schedule(plan, first)
    assert main(["--lang", "en", "print", "--db", db_url, "--kind", "slips", "--station", "G310W",
                 "-o", str(tmp_path / "slips.pdf")]) == 0
    with Database.open(db_url) as db:
        (printed,) = db.prints(plan)
        assert (printed.kind, printed.stations, printed.version) == ("slips", ("G310W",), 1)
        # the draft is edited in place: no new version, but the printed copy tells what changed
        db.edit_roster(plan, first.assignments, dataclasses.replace(first, assignments=first.assignments[1:]),
                       scenario.fixed, scenario.fixed)
    out = tmp_path / "changes.pdf"
    assert main(["--lang", "en", "print", "--db", db_url, "--kind", "changes", "-o", str(out)]) == 0
    text = " ".join(pdf_text(out).split())
    assert scenario.person(moved.staff).name in text and "compared with the roster printed on" in text
    with Database.open(db_url) as db:
        assert len(db.prints(plan)) == 1  # the changes page itself is not a roster on the wall


def test_print_refuses_a_scenario_without_a_schedule(tmp_path: Path) -> None:
    assert main(["--lang", "en", "print", "--scenario", write(tmp_path, "s.json", scenario()), "--kind", "sheet",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_solve_writes_a_roster_that_check_accepts_with_the_same_objective(tmp_path: Path) -> None:
    scenario_file = write(tmp_path, "sc.json", scenario())
    out, csv_out = tmp_path / "r.json", tmp_path / "r.csv"
    result = run_cli("solve", scenario_file, "-o", str(out), "--csv", str(csv_out), "--time-limit", "5")
    assert result.returncode == 0, result.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["status"] in ("optimal", "feasible")
    checked = run_cli("check", "--json", scenario_file, str(out))
    assert checked.returncode == 0
    assert json.loads(checked.stdout)["objective"] == written["objective"]
    assert run_cli("check", scenario_file, str(csv_out)).returncode == 0


def test_solve_exits_1_and_explains_when_no_roster_exists(tmp_path: Path) -> None:
    data = scenario()
    data["absences"] = [{"staff": p, "from": "2020-02-04", "to": "2020-02-04", "reason": "病假"} for p in ("P1", "P2")]
    result = run_cli("solve", write(tmp_path, "sc.json", data), "-o", str(tmp_path / "r.json"), "--time-limit", "5")
    assert result.returncode == 1
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert written["status"] == "infeasible" and written["objective"] is None
    assert any("张三" in s and "李四" in s for s in written["explanation"])


def test_replan_prints_the_changes_person_by_person(tmp_path: Path) -> None:
    data = scenario()
    data["staff"].append({"id": "P3", "name": "王五", "roles": ["police"]})
    base = [("2020-02-03", "N", "P1"), ("2020-02-03", "D", "P2"), ("2020-02-04", "N", "P1"), ("2020-02-04", "D", "P2")]
    base_file = write(tmp_path, "base.json", schedule(base))
    data["absences"] = [{"staff": "P2", "from": "2020-02-04", "to": "2020-02-04", "reason": "病假"}]
    out = tmp_path / "new.json"
    result = run_cli("replan", write(tmp_path, "sc.json", data), "--base", base_file, "--from", "2020-02-04",
                     "-o", str(out), "--time-limit", "5", "--quiet")
    assert result.returncode == 0, result.stderr
    new = {(a["date"], a["shift"], a["staff"]) for a in json.loads(out.read_text(encoding="utf-8"))["assignments"]}
    assert ("2020-02-03", "D", "P2") in new and ("2020-02-04", "D", "P2") not in new
    assert "李四 (P2)" in result.stdout and "王五 (P3)" in result.stdout
