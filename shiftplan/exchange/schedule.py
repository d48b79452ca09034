"""Reading and writing ``shiftplan/schedule@1`` files, as JSON and as CSV."""

from __future__ import annotations

import csv
import io
import json
import os
from typing import Any

from shiftplan.domain.model import Assignment, Schedule, Status, Violation
from shiftplan.exchange.problems import FormatError, parse_json, read_bytes, write_atomically
from shiftplan.exchange.reader import Reader, child
from shiftplan.i18n import _

SCHEDULE_FORMAT = "shiftplan/schedule@1"
CSV_HEADER = ["date", "shift", "station", "staff", "role"]
VIOLATION_KEYS = ("rule", "cost", "staff", "dates", "shift", "station", "role", "group", "detail")


def load_schedule(path: str | os.PathLike[str]) -> Schedule:
    """A schedule from a ``.json`` file, or its assignments from a ``.csv`` file."""
    raw = read_bytes(path)
    if str(path).lower().endswith(".csv"):
        return Schedule(read_schedule_csv(raw, str(path)))
    return read_schedule(raw, str(path))


def read_schedule(raw: bytes, file: str) -> Schedule:
    reader = _ScheduleReader(file)
    schedule = reader.read(parse_json(raw, file))
    if reader.problems or schedule is None:
        raise FormatError(reader.problems)
    return schedule


class _ScheduleReader(Reader):
    def read(self, data: object) -> Schedule | None:
        top = self.take_object(data, "", ("format", "assignments"),
                               ("scenario", "status", "objective", "violations", "explanation"))
        if top is None:
            return None
        if "format" in top and top["format"] != SCHEDULE_FORMAT:
            self.problem("format", _("must be \"{expected}\"").format(expected=SCHEDULE_FORMAT))
        status = self.field(top, "status", "", lambda v, p: self.take_choice(v, p, tuple(s.value for s in Status)),
                            Status.FEASIBLE.value)
        objective = None
        if top.get("objective") is not None:
            objective = self.take_number(top["objective"], "objective")
        assignments = tuple(a for p, v in self.items(top, "assignments", "") if (a := self._assignment(v, p)))
        violations = tuple(v for p, x in self.items(top, "violations", "") if (v := self._violation(x, p)))
        explanation = tuple(t for p, v in self.items(top, "explanation", "") if (t := self.take_string(v, p)))
        return Schedule(assignments, Status(status), self.field(top, "scenario", "", self.take_string, ""),
                        objective, violations, explanation)

    def _assignment(self, value: object, path: str) -> Assignment | None:
        obj = self.take_object(value, path, ("date", "shift", "station", "staff"), ("role",))
        if obj is None:
            return None
        day = self.field(obj, "date", path, self.take_date, None)
        shift = self.field(obj, "shift", path, self.take_id, None)
        station = self.field(obj, "station", path, self.take_id, None)
        staff = self.field(obj, "staff", path, self.take_id, None)
        role = None if obj.get("role") is None else self.take_id(obj["role"], child(path, "role"))
        if day is None or shift is None or station is None or staff is None:
            return None
        return Assignment(day, shift, station, staff, role)

    def _violation(self, value: object, path: str) -> Violation | None:
        obj = self.take_object(value, path, ("rule", "cost"), VIOLATION_KEYS[2:])
        if obj is None:
            return None
        rule = self.field(obj, "rule", path, self.take_string, None)
        cost = self.field(obj, "cost", path, self.take_number, None)
        dates = tuple(d for p, v in self.items(obj, "dates", path) if (d := self.take_date(v, p)))
        text = {k: self.field(obj, k, path, self.take_string, None)
                for k in ("staff", "shift", "station", "role", "group", "detail")}
        if rule is None or cost is None:
            return None
        return Violation(rule, cost, dates=dates, **text)  # type: ignore[arg-type]


def read_schedule_csv(raw: bytes, file: str) -> tuple[Assignment, ...]:
    reader = Reader(file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reader.problem("", _("the file is not UTF-8 text (byte {pos})").format(pos=error.start))
        raise FormatError(reader.problems) from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or rows[0] != CSV_HEADER:
        reader.problem(_("line {n}").format(n=1), _("the header must be exactly {header}").format(
            header=",".join(CSV_HEADER)))
        raise FormatError(reader.problems)
    assignments = []
    for number, row in enumerate(rows[1:], start=2):
        where = _("line {n}").format(n=number)
        if not row:
            continue
        if len(row) != len(CSV_HEADER):
            reader.problem(where, _("has {n} fields, {expected} expected").format(n=len(row), expected=len(CSV_HEADER)))
            continue
        day = reader.take_date(row[0], _("{where}, column {column}").format(where=where, column="date"))
        columns = zip(CSV_HEADER[1:4], row[1:4], strict=True)
        ids = [reader.take_id(value, _("{where}, column {column}").format(where=where, column=column))
               for column, value in columns]
        if day is not None and all(ids):
            assignments.append(Assignment(day, str(ids[0]), str(ids[1]), str(ids[2]), row[4] or None))
    if reader.problems:
        raise FormatError(reader.problems)
    return tuple(assignments)


# --- writing ------------------------------------------------------------------------------


def _number(value: float) -> int | float:
    """A cost for JSON: at most six decimals, and whole numbers written without ``.0``."""
    rounded = round(float(value), 6)  # float(): an int has no is_integer() before Python 3.12
    return int(rounded) if rounded.is_integer() else rounded


def violation_to_json(v: Violation) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": v.rule, "cost": _number(v.cost)}
    for key in ("staff", "shift", "station", "role", "group", "detail"):
        if getattr(v, key) is not None:
            data[key] = getattr(v, key)
    if v.dates:
        data["dates"] = [d.isoformat() for d in v.dates]
    return data


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    return {
        "format": SCHEDULE_FORMAT,
        "scenario": schedule.scenario,
        "status": schedule.status.value,
        "objective": None if schedule.objective is None else _number(round(schedule.objective, 2)),
        "assignments": [
            {"date": a.date.isoformat(), "shift": a.shift, "station": a.station, "staff": a.staff}
            | ({"role": a.role} if a.role is not None else {})
            for a in schedule.assignments],
        "violations": [violation_to_json(v) for v in schedule.violations if not v.hard],
        "explanation": list(schedule.explanation),
    }


def dump_schedule(schedule: Schedule) -> str:
    return json.dumps(schedule_to_json(schedule), ensure_ascii=False, indent=2) + "\n"


def dump_schedule_csv(assignments: tuple[Assignment, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for a in assignments:
        writer.writerow([a.date.isoformat(), a.shift, a.station, a.staff, a.role or ""])
    return out.getvalue()


def save_schedule(schedule: Schedule, path: str | os.PathLike[str]) -> None:
    write_atomically(path, dump_schedule(schedule))


def save_schedule_csv(assignments: tuple[Assignment, ...], path: str | os.PathLike[str]) -> None:
    write_atomically(path, dump_schedule_csv(assignments))
