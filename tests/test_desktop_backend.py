"""The composition root's backend: databases to open, scenario files, workbooks; every failure a UserError."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from shiftplan import app
from shiftplan.app import DesktopBackend, empty_scenario
from shiftplan.domain.errors import UserError
from shiftplan.domain.model import Role, Schedule, StaffMember, Station
from shiftplan.exchange.scenario import scenario_calendar
from shiftplan.storage import StorageError


def test_a_new_database_starts_with_a_plan_for_next_month(tmp_path: Path) -> None:
    store = DesktopBackend().open_store(str(tmp_path / "new.db"), create=True)
    try:
        scenario = store.export_scenario()
    finally:
        store.close()
    assert scenario.staff == () and [s.name for s in scenario.stations] == ["Station 1"]
    assert [s.id for s in scenario.shift_types] == ["D", "E", "N"]
    assert scenario.period.start.day == 1 and scenario.period.start > dt.date.today()
    assert empty_scenario(dt.date(2026, 12, 15)).period.start == dt.date(2027, 1, 1)
    assert empty_scenario(dt.date(2026, 12, 15)).period.end == dt.date(2027, 1, 31)


def test_only_the_default_database_starts_with_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "data_dir", lambda: tmp_path / "home")
    monkeypatch.delenv(app.DATABASE_ENV, raising=False)
    backend = DesktopBackend()
    default = backend.open_store(str(tmp_path / "home" / "shiftplan.db"))
    other = backend.open_store(str(tmp_path / "other.db"))
    try:
        assert len(default.export_scenario().staff) == 304
        assert other.export_scenario().staff == ()
    finally:
        default.close()
        other.close()


def test_storage_errors_are_user_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(UserError):
        DesktopBackend().open_store(str(junk))
    assert issubclass(StorageError, UserError)


def test_a_malformed_scenario_lists_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nope", "staff": [' + ",".join(['{"id": 1}'] * 20) + "]}", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        DesktopBackend().load_scenario(str(bad))
    lines = str(caught.value).splitlines()
    assert lines[0] == "bad.json cannot be imported; nothing was changed:"
    assert len(lines) == 1 + app.MAX_PROBLEMS_SHOWN + 1
    assert lines[-1].startswith("… and ")


def test_scenarios_go_out_and_come_back(tmp_path: Path) -> None:
    backend = DesktopBackend()
    scenario = empty_scenario(dt.date(2026, 5, 1))
    backend.save_scenario(scenario, str(tmp_path / "s.json"))
    assert backend.load_scenario(str(tmp_path / "s.json")) == scenario
    with pytest.raises(UserError, match="cannot be written"):
        backend.save_scenario(scenario, str(tmp_path / "missing" / "dir" / "s.json"))


def test_workbooks_through_the_backend(tmp_path: Path) -> None:
    backend = DesktopBackend()
    roles, stations = [Role("r", "民警")], [Station("A", "甲站")]
    staff = [StaffMember("P1", "张三", roles=("r",), stations=("A",))]
    backend.export_staff(str(tmp_path / "staff.xlsx"), staff, roles, stations)
    result = backend.read_staff_workbook(str(tmp_path / "staff.xlsx"), roles, stations, [])
    assert [row.person for row in result.rows] == [staff[0]]
    assert result.valid == (staff[0],)
    backend.write_staff_template(str(tmp_path / "template.xlsx"), roles, stations)
    assert openpyxl.load_workbook(tmp_path / "template.xlsx").sheetnames
    (tmp_path / "not.xlsx").write_text("no", encoding="utf-8")
    with pytest.raises(UserError, match="not an Excel workbook"):
        backend.read_staff_workbook(str(tmp_path / "not.xlsx"), roles, stations, [])
    scenario = empty_scenario(dt.date(2026, 5, 1))
    calendar = DesktopBackend().official_calendar
    backend.export_roster(str(tmp_path / "roster.xlsx"), scenario, Schedule(()),
                          scenario_calendar(scenario, calendar, "x"))
    assert (tmp_path / "roster.xlsx").exists()


def test_the_language_counts_only_when_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(app.LANGUAGE_ENV, raising=False)
    assert not app._language_was_chosen(["gui"])
    assert app._language_was_chosen(["--lang", "en"])
    assert app._language_was_chosen(["--lang=en"])
    monkeypatch.setenv(app.LANGUAGE_ENV, "en")
    assert app._language_was_chosen([])
