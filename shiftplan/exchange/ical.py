"""A roster as iCalendar files (RFC 5545), for people to see their shifts in a phone's calendar.

Standard library only. Every shift is one ``VEVENT``: its summary is the shift's name and the
station's, its times are the shift's clock times on its date, and a night that crosses midnight
ends on the next day.

**Time zone.** Times are written in local time with ``TZID=Asia/Shanghai`` and the calendar
carries its own ``VTIMEZONE`` for that zone (UTC+08:00 all year: China has had no daylight
saving time since 1991), so a phone set to another zone still shows 08:00 as 08:00 Beijing time
and every program can resolve the zone without a database of its own. ``DTSTAMP`` is UTC, as the
standard asks.

**Text.** Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character);
commas, semicolons, backslashes and line breaks in text are escaped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from shiftplan.domain.model import Assignment, Scenario, StaffMember
from shiftplan.exchange.problems import write_atomically

TZID = "Asia/Shanghai"
PRODID = "-//shiftplan//duty roster//ZH"
MAX_OCTETS = 75
CRLF = "\r\n"

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class Event:
    """One shift as a calendar shows it."""

    uid: str
    start: dt.datetime  # local time in Asia/Shanghai, naive
    end: dt.datetime
    summary: str
    location: str = ""
    description: str = ""


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets (RFC 5545 3.1), joined by CRLF.

    Continuation lines start with a space, which counts towards their 75 octets; a multi-byte
    UTF-8 character is never split.
    """
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += ch
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def calendar_text(events: Iterable[Event], name: str = "", *, stamp: dt.datetime | None = None) -> str:
    """A whole ``VCALENDAR`` with the time zone and the events, CRLF line ends throughout."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines.append(f"X-WR-TIMEZONE:{TZID}")
    lines.extend(VTIMEZONE)
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
                  f"DTSTART;TZID={TZID}:{_local(event.start)}", f"DTEND;TZID={TZID}:{_local(event.end)}",
                  f"SUMMARY:{escape_text(event.summary)}"]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def shift_events(scenario: Scenario, assignments: Iterable[Assignment]) -> list[Event]:
    """The events of the assignments, in time order; assignments naming an unknown shift are left out."""
    shifts = {s.id: s for s in scenario.shift_types}
    stations = {s.id: s for s in scenario.stations}
    roles = {r.id: r.name for r in scenario.roles}
    events = []
    for a in assignments:
        shift = shifts.get(a.shift)
        if shift is None:
            continue
        start, end = shift.interval(a.date)
        station = stations.get(a.station)
        station_name = station.name if station is not None and station.name else a.station
        key = f"{a.date.isoformat()}|{a.shift}|{a.station}|{a.staff}|{a.role or ''}"
        uid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@shiftplan"
        description = roles.get(a.role, a.role) if a.role else ""
        events.append(Event(uid, start, end, f"{shift.name or shift.id} {station_name}".strip(), station_name,
                            description))
    events.sort(key=lambda e: (e.start, e.summary))
    return events


def person_calendar(scenario: Scenario, assignments: Iterable[Assignment], person: StaffMember, *,
                    stamp: dt.datetime | None = None) -> str:
    """One person's shifts as a calendar named after them and the plan."""
    mine = [a for a in assignments if a.staff == person.id]
    name = " ".join(part for part in (person.name or person.id, scenario.name) if part)
    return calendar_text(shift_events(scenario, mine), name, stamp=stamp)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(person: StaffMember) -> str:
    """``P001 张琳.ics``: the id keeps names apart, the name tells the file's owner; no characters
    that Windows forbids in a file name."""
    stem = _UNSAFE.sub("_", f"{person.id} {person.name}".strip()).strip(" .") or "calendar"
    return f"{stem}.ics"


def save_person_calendar(scenario: Scenario, assignments: Sequence[Assignment], person: StaffMember,
                         path: str | os.PathLike[str], *, stamp: dt.datetime | None = None) -> None:
    """Write one person's calendar, whole or not at all."""
    write_atomically(path, person_calendar(scenario, assignments, person, stamp=stamp))


def save_calendars(scenario: Scenario, assignments: Sequence[Assignment], folder: str | os.PathLike[str], *,
                   stamp: dt.datetime | None = None) -> list[Path]:
    """One ``.ics`` file per person with at least one shift, in ``folder``; returns the files written."""
    target = Path(folder)
    on_duty = {a.staff for a in assignments}
    written = []
    for person in scenario.staff:
        if person.id in on_duty:
            path = target / file_name(person)
            save_person_calendar(scenario, assignments, person, path, stamp=stamp)
            written.append(path)
    return written
