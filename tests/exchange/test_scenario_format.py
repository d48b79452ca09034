"""Reading and writing scenario files: the spec's own example, round trips, and every kind of bad input."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from shiftplan import i18n
from shiftplan.domain.model import Party, Scenario
from shiftplan.domain.rules import RuleKind
from shiftplan.exchange.problems import FormatError
from shiftplan.exchange.scenario import dump_scenario, load_scenario, read_scenario, save_scenario
from shiftplan.official_calendar import official_calendar

DATA = Path(__file__).parent.parent / "data"
SPEC_EXAMPLE = (DATA / "spec_scenario.json").read_bytes()


def minimal() -> dict[str, Any]:
    return {
        "format": "shiftplan/scenario@1",
        "period": {"start": "2020-02-03", "end": "2020-02-09"},
        "shift_types": [{"id": "D", "start": "08:00", "end": "16:00"}],
        "stations": [{"id": "S"}],
        "staff": [{"id": "P1", "name": "张三"}],
    }


def read(data: object) -> Scenario:
    return read_scenario(json.dumps(data, ensure_ascii=False).encode(), "s.json")


def problems(data: object) -> list[tuple[str, str]]:
    with pytest.raises(FormatError) as caught:
        read(data)
    return [(p.path, p.message) for p in caught.value.problems]


def paths(data: object) -> list[str]:
    return [path for path, _message in problems(data)]


# --- the spec's example ---------------------------------------------------------------------


def test_the_spec_example_reads_into_the_domain() -> None:
    scenario = read_scenario(SPEC_EXAMPLE, "example.json")
    assert scenario.name == "310国道巩义方向防疫服务站 2020年2月"
    assert scenario.period.days == 28
    night = scenario.shift_type("N")
    assert night.is_night and night.minutes == 480
    assert not scenario.shift_type("E").is_night  # 16:00-24:00 does not touch 00:00-05:00
    person = scenario.person("P001")
    assert person.roles == ("leader", "cadre") and person.party is Party.MEMBER and person.stations == ("G310W",)
    rules = scenario.rule_sets[0].rules
    assert [r.kind for r in rules][:2] == [RuleKind.MIN_REST_HOURS, RuleKind.MAX_CONSECUTIVE_DAYS]
    assert rules[2].shifts == ("N",) and rules[2].hard
    assert rules[4].weight == 5 and not rules[4].hard
    assert scenario.cover[1].days == ("holiday",) and scenario.cover[1].target == 12
    assert scenario.cover[0].roles == {"police": 2, "medic": 2, "clerk": 2, "leader": 1}
    assert scenario.history.window_start(scenario.period) == dt.date(2020, 2, 1)
    assert scenario.weights.nights == 10 and scenario.weights.shifts == 5


def test_round_trip_gives_an_equal_scenario(tmp_path: Path) -> None:
    scenario = read_scenario(SPEC_EXAMPLE, "example.json")
    save_scenario(scenario, tmp_path / "out.json")
    again, _calendar = load_scenario(tmp_path / "out.json", official_calendar())
    assert again == scenario
    assert dump_scenario(again) == dump_scenario(scenario)


def test_defaults_and_optional_values() -> None:
    data = minimal()
    data["shift_types"].append({"id": "N", "name": "夜班", "start": "22:00", "end": "06:00"})
    data["staff"][0].update({"stations": [], "from": "2020-02-04"})
    scenario = read(data)
    assert scenario.name == "" and scenario.calendar.country == "CN"
    assert scenario.shift_type("D").name == "D"  # a missing name shows the id
    night = scenario.shift_type("N")
    assert night.crosses_midnight and night.minutes == 480 and night.is_night
    person = scenario.staff[0]
    assert person.stations == () and person.party is Party.NONE and person.active_from == dt.date(2020, 2, 4)
    assert read(minimal()).staff[0].stations is None  # omitted: every station
    assert read(minimal()).weights.shifts == 1


def test_numbers_accept_whole_floats_and_decimal_hours() -> None:
    data = minimal()
    data["rule_sets"] = [{"id": "standard", "rules": [
        {"rule": "max_shifts", "value": 5.0}, {"rule": "min_rest_hours", "value": 11.5, "weight": 2.5}]}]
    rules = read(data).rule_sets[0].rules
    assert rules[0].value == 5 and rules[1].value == 11.5 and rules[1].weight == 2.5


def test_x_keys_are_ignored_everywhere() -> None:
    data = minimal()
    data["x-editor"] = {"anything": [1, 2]}
    data["staff"][0]["x-note"] = "备注"
    assert read(data).staff[0].name == "张三"


def test_end_of_day_and_same_time_shifts() -> None:
    data = minimal()
    data["shift_types"] = [{"id": "E", "start": "16:00", "end": "24:00"}, {"id": "F", "start": "08:00", "end": "08:00"}]
    scenario = read(data)
    assert scenario.shift_type("E").minutes == 480 and not scenario.shift_type("E").crosses_midnight
    assert scenario.shift_type("F").minutes == 24 * 60  # end at start: the next day


# --- malformed files: one problem per mistake, with its path ----------------------------------


def test_duplicate_key_is_named() -> None:
    raw = b'{"format": "shiftplan/scenario@1", "period": {"start": "2020-02-03", "start": "2020-02-04", ' \
          b'"end": "2020-02-09"}, "shift_types": [{"id": "D", "start": "08:00", "end": "16:00"}], ' \
          b'"stations": [{"id": "S"}], "staff": []}'
    with pytest.raises(FormatError) as caught:
        read_scenario(raw, "dup.json")
    assert [p.path for p in caught.value.problems] == ["period.start"]
    assert str(caught.value).startswith("dup.json: period.start:")


def test_unknown_key_is_an_error_so_a_typo_cannot_switch_a_rule_off() -> None:
    data = minimal()
    data["rule_sets"] = [{"id": "standard", "rules": [{"rule": "max_shifts", "valeu": 5}]}]
    assert sorted(paths(data)) == ["rule_sets[0].rules[0].valeu", "rule_sets[0].rules[0].value"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["period"].update(start="2020-2-3"), "period.start"),
        (lambda d: d["period"].update(start="2020-02-30"), "period.start"),
        (lambda d: d["period"].update(end="2020-02-01"), "period.end"),
        (lambda d: d["shift_types"][0].update(start="8:00"), "shift_types[0].start"),
        (lambda d: d["shift_types"][0].update(start="24:00"), "shift_types[0].start"),
        (lambda d: d["shift_types"][0].update(end="24:30"), "shift_types[0].end"),
        (lambda d: d["shift_types"][0].update(night="yes"), "shift_types[0].night"),
        (lambda d: d["staff"][0].update(id=""), "staff[0].id"),
        (lambda d: d["staff"][0].update(party="党员"), "staff[0].party"),
        (lambda d: d["staff"][0].update(stations=["X"]), "staff[0].stations[0]"),
        (lambda d: d["staff"][0].update(rule_set="night"), "staff[0].rule_set"),
        (lambda d: d["staff"][0].update(roles=["police"]), "staff[0].roles[0]"),
        (lambda d: d["staff"][0].update({"from": "2020-02-05", "to": "2020-02-04"}), "staff[0].to"),
        (lambda d: d.update(cover=[{"min": -1}]), "cover[0].min"),
        (lambda d: d.update(cover=[{"min": 2.5}]), "cover[0].min"),
        (lambda d: d.update(cover=[{"days": []}]), "cover[0].days"),
        (lambda d: d.update(cover=[{"days": ["weekend"]}]), "cover[0].days[0]"),
        (lambda d: d.update(cover=[{"shift": "N"}]), "cover[0].shift"),
        (lambda d: d.update(cover=[{"roles": {"police": 1}}]), "cover[0].roles.police"),
        (lambda d: d.update(absences=[{"staff": "P9", "from": "2020-02-03", "to": "2020-02-03"}]), "absences[0].staff"),
        (lambda d: d.update(absences=[{"staff": "P1", "from": "2020-02-04", "to": "2020-02-03"}]), "absences[0].to"),
        (lambda d: d.update(requests=[{"staff": "P1", "date": "2020-02-04"}]), "requests[0].want"),
        (lambda d: d.update(requests=[{"staff": "P1", "date": "2020-02-04", "want": 1}]), "requests[0].want"),
        (lambda d: d.update(fixed=[{"staff": "P1", "date": "2020-02-04", "shift": "D", "role": "x"}]),
         "fixed[0].role"),
        (lambda d: d.update(history={"assignments": [{"staff": "P1", "date": "2020-02-03", "shift": "D"}]}),
         "history.assignments[0].date"),
        (lambda d: d.update(history={"from": "2020-02-01",
                                     "assignments": [{"staff": "P1", "date": "2020-01-31", "shift": "D"}]}),
         "history.assignments[0].date"),
        (lambda d: d.update(history={"counts": [{"staff": "P1", "nights": -2}]}), "history.counts[0].nights"),
        (lambda d: d.update(weights={"fair_night": 3}), "weights.fair_night"),
        (lambda d: d.update(calendar={"country": "TW"}), "calendar.country"),
        (lambda d: d.update(calendar={"holidays": ["2020-02-05"], "workdays": ["2020-02-05"]}),
         "calendar.workdays[0]"),
        (lambda d: d.update(format="shiftplan/scenario@2"), "format"),
        (lambda d: d.update(rule_sets=[{"id": "standard", "rules": [{"rule": "max_nights", "value": 1}]}]),
         "rule_sets[0].rules[0].rule"),
        (lambda d: d.update(rule_sets=[{"id": "standard", "rules": [{"rule": "forbidden_succession",
                                                                     "shift": "D"}]}]),
         "rule_sets[0].rules[0].next"),
        (lambda d: d.update(rule_sets=[{"id": "standard", "rules": [{"rule": "max_consecutive_shifts",
                                                                     "shift": ["D", "Q"], "value": 2}]}]),
         "rule_sets[0].rules[0].shift[1]"),
        (lambda d: d.update(rule_sets=[{"id": "standard", "rules": [{"rule": "max_shifts", "value": 2,
                                                                     "weight": -1}]}]),
         "rule_sets[0].rules[0].weight"),
        (lambda d: d.update(stations=[{"id": "S"}, {"id": "S"}]), "stations[1].id"),
        (lambda d: d.pop("staff"), "staff"),
        (lambda d: d.update(shift_types=[]), "shift_types"),
    ],
)
def test_each_mistake_is_reported_at_its_path(change: Any, path: str) -> None:
    data = copy.deepcopy(minimal())
    change(data)
    assert path in paths(data)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(weights={"fair_nights": 10**400}), "weights.fair_nights"),
        (lambda d: d.update(rule_sets=[{"id": "standard", "rules": [{"rule": "max_hours", "value": 10**400}]}]),
         "rule_sets[0].rules[0].value"),
        (lambda d: d.update(cover=[{"min": 10**400}]), "cover[0].min"),
        (lambda d: d.update(requests=[{"staff": "P1", "date": "2020-02-04", "want": True, "weight": -10**400}]),
         "requests[0].weight"),
    ],
)
def test_a_number_too_large_for_a_float_is_a_problem_not_a_crash(change: Any, path: str) -> None:
    data = minimal()
    change(data)
    assert problems(data) == [(path, "must be a number")]


def test_an_integer_longer_than_python_converts_is_named_at_its_path() -> None:
    data = minimal()
    data["weights"] = {"fair_nights": 0}
    text = json.dumps(data).replace('"fair_nights": 0', '"fair_nights": ' + "9" * 5000)
    with pytest.raises(FormatError) as caught:
        read_scenario(text.encode(), "s.json")
    assert [(p.path, p.message) for p in caught.value.problems] == [("weights.fair_nights", "must be a number")]


def test_a_station_or_role_named_twice_in_a_persons_list_is_a_problem() -> None:
    data = minimal()
    data["stations"] = [{"id": "S"}, {"id": "T"}]
    data["roles"] = [{"id": "police"}]
    data["staff"][0].update(stations=["S", "T", "S"], roles=["police", "police"])
    assert problems(data) == [("staff[0].roles[1]", "the id police is already used at staff[0].roles[0]"),
                              ("staff[0].stations[2]", "the id S is already used at staff[0].stations[0]")]


@pytest.mark.parametrize("time", ["08:00\n", "０８:００", "08:0０", "8:00", " 08:00", "08:00 "])
def test_times_are_exactly_hh_mm_in_ascii_digits(time: str) -> None:
    data = minimal()
    data["shift_types"][0]["start"] = time
    assert problems(data) == [("shift_types[0].start", "must be a time written HH:MM")]


@pytest.mark.parametrize("date", ["2020-02-03\n", "２０２０-02-03", "2020-02-0３", "2020-02-03 "])
def test_dates_are_exactly_yyyy_mm_dd_in_ascii_digits(date: str) -> None:
    data = minimal()
    data["period"]["start"] = date
    assert problems(data) == [("period.start", "must be a date written YYYY-MM-DD")]


def test_a_persons_name_is_optional_and_shows_the_id() -> None:
    # The spec requires only format, period, shift_types, stations and staff; "everything else is optional".
    data = minimal()
    data["staff"].append({"id": "P2"})
    assert [p.name for p in read(data).staff] == ["张三", "P2"]
    data["staff"][1]["name"] = 7
    assert problems(data) == [("staff[1].name", "must be text")]


@pytest.mark.parametrize("roles", [[], [{"id": "medic"}]])
def test_a_cover_role_that_is_not_defined_is_named_as_such(roles: list[dict[str, str]]) -> None:
    data = minimal()
    data["roles"] = roles
    data["staff"][0]["roles"] = [r["id"] for r in roles]
    data["cover"] = [{"roles": {"police": 1, "x-note": "ignored"}}]
    assert problems(data) == [("cover[0].roles.police", "role police is not defined")]


def test_roles_defined_means_every_person_needs_one() -> None:
    data = minimal()
    data["roles"] = [{"id": "police", "name": "民警"}]
    assert paths(data) == ["staff[0].roles"]
    data["staff"][0]["roles"] = []
    assert paths(data) == ["staff[0].roles"]


def test_every_problem_is_reported_at_once_and_nothing_is_returned() -> None:
    data = minimal()
    data["period"]["start"] = "tomorrow"
    data["staff"].append({"id": "P1", "name": 7})
    data["cover"] = [{"station": "nowhere", "min": "two"}]
    found = paths(data)
    assert {"period.start", "staff[1].name", "staff[1].id", "cover[0].station", "cover[0].min"} <= set(found)


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"[1, 2]", b'{"format": NaN}', b"\xff\xfe\x00garbage", b'"just text"'],
)
def test_broken_files_get_one_clear_problem(raw: bytes) -> None:
    with pytest.raises(FormatError) as caught:
        read_scenario(raw, "broken.json")
    assert caught.value.problems and all(p.file == "broken.json" for p in caught.value.problems)


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        load_scenario(tmp_path / "nope.json", official_calendar())
    assert "nope.json" in str(caught.value)


def test_an_uncovered_year_is_an_error_unless_the_file_supplies_it(tmp_path: Path) -> None:
    data = minimal()
    data["period"] = {"start": "2031-01-01", "end": "2031-01-07"}
    (tmp_path / "s.json").write_text(json.dumps(data))
    with pytest.raises(FormatError) as caught:
        load_scenario(tmp_path / "s.json", official_calendar())
    assert caught.value.problems[0].path == "calendar.holidays" and "2031" in caught.value.problems[0].message
    data["calendar"] = {"holidays": ["2031-01-01"]}
    (tmp_path / "s.json").write_text(json.dumps(data))
    _scenario, calendar = load_scenario(tmp_path / "s.json", official_calendar())
    assert calendar.is_holiday(dt.date(2031, 1, 1)) and calendar.is_restday(dt.date(2031, 1, 4))
    data["calendar"] = {"country": "none"}
    (tmp_path / "s.json").write_text(json.dumps(data))
    assert load_scenario(tmp_path / "s.json", official_calendar())[1].holidays == frozenset()


def test_messages_follow_the_language_setting() -> None:
    data = minimal()
    data["period"]["start"] = "2020/02/03"
    english = problems(data)[0][1]
    i18n.set_language("zh_CN")
    chinese = problems(data)[0][1]
    assert english == "must be a date written YYYY-MM-DD"
    assert chinese != english and "YYYY-MM-DD" in chinese
