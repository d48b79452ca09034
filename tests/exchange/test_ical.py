"""iCalendar files of a roster, read back with a small RFC 5545 check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shiftplan.domain.model import Assignment, Period, Role, Scenario, ShiftType, StaffMember, Station
from shiftplan.exchange.ical import (
    Event,
    calendar_text,
    escape_text,
    file_name,
    fold,
    person_calendar,
    save_calendars,
)

STAMP = dt.datetime(2020, 1, 15, 2, 30, tzinfo=dt.UTC)
D = dt.date(2020, 2, 3)


def scenario() -> Scenario:
    return Scenario(
        period=Period(D, D + dt.timedelta(days=6)),
        shift_types=(ShiftType("D", "白班", 8 * 60, 20 * 60), ShiftType("N", "夜班", 20 * 60, 8 * 60)),
        stations=(Station("G310W", "310国道巩义方向防疫服务站"),),
        roles=(Role("leader", "带班"),),
        staff=(StaffMember("P001", "张琳"), StaffMember("P002", "王伟"), StaffMember("P003", "李/娜")),
        name="巩义防疫 2020年2月")


ASSIGNMENTS = (Assignment(D, "N", "G310W", "P001", "leader"),
               Assignment(D + dt.timedelta(days=2), "D", "G310W", "P001"),
               Assignment(D, "D", "G310W", "P002"))


def unfold(text: str) -> list[str]:
    """The content lines, after checking the physical ones: CRLF only, at most 75 octets each."""
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical), max(physical, key=len)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def components(lines: list[str]) -> list[dict[str, str]]:
    """Every VEVENT's properties; BEGIN and END must balance and nest."""
    stack: list[str] = []
    events: list[dict[str, str]] = []
    for line in lines:
        name, _sep, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack and stack.pop() == value
        elif stack and stack[-1] == "VEVENT":
            events[-1][name] = value
    assert not stack
    return events


def when(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y%m%dT%H%M%S")


def test_one_persons_calendar_reads_back() -> None:
    text = person_calendar(scenario(), ASSIGNMENTS, scenario().staff[0], stamp=STAMP)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "BEGIN:VTIMEZONE" in lines and "TZID:Asia/Shanghai" in lines
    assert "X-WR-CALNAME:张琳 巩义防疫 2020年2月" in lines
    events = components(lines)
    assert len(events) == 2
    night, day = events
    assert night["SUMMARY"] == "夜班 310国道巩义方向防疫服务站"
    assert night["DTSTART;TZID=Asia/Shanghai"] == "20200203T200000"
    assert night["DTEND;TZID=Asia/Shanghai"] == "20200204T080000"  # the night ends the next morning
    assert night["DESCRIPTION"] == "带班"
    assert day["DTSTART;TZID=Asia/Shanghai"] == "20200205T080000"
    assert day["DTEND;TZID=Asia/Shanghai"] == "20200205T200000"
    for event in events:
        assert when(event["DTSTART;TZID=Asia/Shanghai"]) < when(event["DTEND;TZID=Asia/Shanghai"])
        assert event["DTSTAMP"] == "20200115T023000Z"
        assert event["UID"].endswith("@shiftplan")
    assert night["UID"] != day["UID"]


def test_a_shift_to_midnight_ends_at_midnight() -> None:
    sc = scenario()
    sc = Scenario(period=sc.period, shift_types=(ShiftType("E", "中班", 16 * 60, 24 * 60),), stations=sc.stations,
                  staff=sc.staff)
    events = components(unfold(person_calendar(sc, [Assignment(D, "E", "G310W", "P001")], sc.staff[0], stamp=STAMP)))
    assert events[0]["DTEND;TZID=Asia/Shanghai"] == "20200204T000000"


def test_long_text_is_folded_within_75_octets_without_splitting_characters() -> None:
    summary = "夜班" * 40 + ", a; b\\c\nd"
    text = calendar_text([Event("x@shiftplan", dt.datetime(2020, 2, 3, 20), dt.datetime(2020, 2, 4, 8), summary)],
                         stamp=STAMP)
    lines = unfold(text)  # checks every physical line
    event = components(lines)[0]
    assert event["SUMMARY"] == "夜班" * 40 + "\\, a\\; b\\\\c\\nd"
    text.encode("utf-8").decode("utf-8")  # whole characters on every line


def test_fold_and_escape() -> None:
    assert fold("a" * 75) == "a" * 75
    assert fold("a" * 76) == "a" * 75 + "\r\n a"
    folded = fold("夜" * 30)  # 90 octets
    assert [len(p.encode()) for p in folded.split("\r\n")] == [75, 1 + 15]
    assert escape_text("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne"


def test_one_file_per_person_on_duty(tmp_path: Path) -> None:
    written = save_calendars(scenario(), ASSIGNMENTS, tmp_path, stamp=STAMP)
    assert [p.name for p in written] == ["P001 张琳.ics", "P002 王伟.ics"]  # 李娜 has no shift
    raw = (tmp_path / "P002 王伟.ics").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    events = components(unfold(raw.decode("utf-8")))
    assert [e["SUMMARY"] for e in events] == ["白班 310国道巩义方向防疫服务站"]
    assert file_name(scenario().staff[2]) == "P003 李_娜.ics"
    assert not list(tmp_path.glob(".*.tmp"))
