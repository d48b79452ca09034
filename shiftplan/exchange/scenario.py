"""Reading and writing ``shiftplan/scenario@1`` files (docs/format.md)."""

from __future__ import annotations

import json
import os
from typing import Any

from shiftplan.domain.calendar import (
    KIND_SELECTORS,
    WEEKDAY_SELECTORS,
    DayCalendar,
    OfficialCalendar,
    UncoveredYearError,
    resolve_calendar,
)
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
from shiftplan.exchange.problems import FormatError, Problem, parse_json, read_bytes, write_atomically
from shiftplan.exchange.reader import Reader, child
from shiftplan.i18n import _

SCENARIO_FORMAT = "shiftplan/scenario@1"
PARTY_VALUES = tuple(p.value for p in Party)


def load_scenario(path: str | os.PathLike[str], official: OfficialCalendar) -> tuple[Scenario, DayCalendar]:
    """Read a scenario file and resolve its calendar; FormatError lists every problem."""
    scenario = read_scenario(read_bytes(path), str(path))
    return scenario, scenario_calendar(scenario, official, str(path))


def scenario_calendar(scenario: Scenario, official: OfficialCalendar, file: str) -> DayCalendar:
    try:
        return resolve_calendar(scenario.calendar, scenario.period, official)
    except UncoveredYearError as error:
        years = ", ".join(map(str, error.years))
        raise FormatError([Problem(file, "calendar.holidays", _(
            "the official holiday calendar does not cover {years}; list that year's holidays "
            "(at least one date) in calendar.holidays, or set calendar.country to \"none\"").format(
            years=years))]) from None


def read_scenario(raw: bytes, file: str) -> Scenario:
    """Parse a scenario; raises FormatError naming every problem, or returns the whole of it."""
    reader = _ScenarioReader(file)
    scenario = reader.read(parse_json(raw, file))
    if reader.problems or scenario is None:
        raise FormatError(reader.problems)
    return scenario


class _ScenarioReader(Reader):
    def read(self, data: object) -> Scenario | None:
        top = self.take_object(data, "", ("format", "period", "shift_types", "stations", "staff"),
                               ("name", "calendar", "roles", "rule_sets", "cover", "absences", "requests",
                                "fixed", "history", "weights"))
        if top is None:
            return None
        if "format" in top and top["format"] != SCENARIO_FORMAT:
            self.problem("format", _("must be \"{expected}\"").format(expected=SCENARIO_FORMAT))
        name = self.field(top, "name", "", self.take_string, "")
        period = self._period(top)
        calendar = self._calendar(top)
        shift_types = self._list(top, "shift_types", self._shift_type, non_empty=True)
        roles = self._list(top, "roles", self._role)
        stations = self._list(top, "stations", self._station, non_empty=True)
        self.shift_ids = {s.id for s in shift_types}
        self.role_ids = {r.id for r in roles}
        self.station_ids = {s.id for s in stations}
        rule_sets = self._list(top, "rule_sets", self._rule_set)
        self.rule_set_ids = {r.id for r in rule_sets}
        staff = self._list(top, "staff", self._person)
        self.staff_ids = {p.id for p in staff}
        cover = self._list(top, "cover", self._cover)
        absences = self._list(top, "absences", self._absence)
        requests = self._list(top, "requests", self._request)
        fixed = self._list(top, "fixed", self._fixed)
        history = self._history(top, period)
        weights = self._weights(top)
        if self.problems or period is None:
            return None
        return Scenario(period=period, shift_types=shift_types, stations=stations, staff=staff, name=name,
                        calendar=calendar, roles=roles, rule_sets=rule_sets, cover=cover, absences=absences,
                        requests=requests, fixed=fixed, history=history, weights=weights)

    def _list(self, top: dict[str, object], key: str, read_item: Any, *, non_empty: bool = False) -> tuple[Any, ...]:
        items, ids = [], []
        for path, value in self.items(top, key, "", non_empty=non_empty):
            item = read_item(value, path)
            if item is not None:
                items.append(item)
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                ids.append((child(path, "id"), value["id"]))
        self.unique(ids)
        return tuple(items)

    def _period(self, top: dict[str, object]) -> Period | None:
        if "period" not in top:
            return None
        obj = self.take_object(top["period"], "period", ("start", "end"), ())
        if obj is None:
            return None
        start = self.field(obj, "start", "period", self.take_date, None)
        end = self.field(obj, "end", "period", self.take_date, None)
        if start is None or end is None:
            return None
        if end < start:
            self.problem("period.end", _("the period ends before it starts"))
            return None
        self.period = Period(start, end)
        return self.period

    def _calendar(self, top: dict[str, object]) -> CalendarSpec:
        if "calendar" not in top:
            return CalendarSpec()
        obj = self.take_object(top["calendar"], "calendar", (), ("country", "holidays", "workdays"))
        if obj is None:
            return CalendarSpec()
        country = self.field(obj, "country", "calendar", lambda v, p: self.take_choice(v, p, ("CN", "none")), "CN")
        holidays = tuple(d for p, v in self.items(obj, "holidays", "calendar") if (d := self.take_date(v, p)))
        workdays = tuple(d for p, v in self.items(obj, "workdays", "calendar") if (d := self.take_date(v, p)))
        for index, day in enumerate(workdays):
            if day in holidays:
                self.problem(f"calendar.workdays[{index}]", _("{date} is listed as a holiday too").format(date=day))
        return CalendarSpec(country, holidays, workdays)

    def _shift_type(self, value: object, path: str) -> ShiftType | None:
        obj = self.take_object(value, path, ("id", "start", "end"), ("name", "night"))
        if obj is None:
            return None
        shift_id = self.field(obj, "id", path, self.take_id, None)
        start = self.field(obj, "start", path, lambda v, p: self.take_minutes(v, p, end=False), None)
        end = self.field(obj, "end", path, lambda v, p: self.take_minutes(v, p, end=True), None)
        night = self.field(obj, "night", path, self.take_bool, None)
        name = self.field(obj, "name", path, self.take_string, shift_id or "")
        if shift_id is None or start is None or end is None:
            return None
        return ShiftType(shift_id, name, start, end, night)

    def _role(self, value: object, path: str) -> Role | None:
        obj = self.take_object(value, path, ("id",), ("name",))
        if obj is None:
            return None
        role_id = self.field(obj, "id", path, self.take_id, None)
        if role_id is None:
            return None
        return Role(role_id, self.field(obj, "name", path, self.take_string, role_id))

    def _station(self, value: object, path: str) -> Station | None:
        obj = self.take_object(value, path, ("id",), ("name", "branch", "phone"))
        if obj is None:
            return None
        station_id = self.field(obj, "id", path, self.take_id, None)
        if station_id is None:
            return None
        return Station(station_id, self.field(obj, "name", path, self.take_string, station_id),
                       self.field(obj, "branch", path, self.take_string, ""),
                       self.field(obj, "phone", path, self.take_string, ""))

    def _rule_set(self, value: object, path: str) -> RuleSet | None:
        obj = self.take_object(value, path, ("id",), ("rules",))
        if obj is None:
            return None
        set_id = self.field(obj, "id", path, self.take_id, None)
        if set_id is None:
            return None
        rules = tuple(r for p, v in self.items(obj, "rules", path) if (r := self._rule(v, p)))
        return RuleSet(set_id, rules)

    def _rule(self, value: object, path: str) -> Rule | None:
        if not isinstance(value, dict) or "rule" not in value:
            self.take_object(value, path, ("rule",), ())
            return None
        kind_name = self.take_choice(value["rule"], child(path, "rule"), tuple(k.value for k in RuleKind))
        if kind_name is None:
            return None
        kind = RuleKind(kind_name)
        spec = kind.spec
        required = ["rule"] + (["value"] if spec.needs_value else []) + (["next"] if spec.needs_next else [])
        optional = ["weight"]
        (required if spec.shift == "required" else optional if spec.shift == "optional" else []).append("shift")
        obj = self.take_object(value, path, tuple(required), tuple(optional))
        if obj is None:
            return None
        take_value = self.take_number if spec.hours else self.take_count
        rule_value = self.field(obj, "value", path, take_value, None)
        no_shifts: tuple[str, ...] = ()
        shifts = self.field(obj, "shift", path, self._shift_refs, no_shifts)
        next_shifts = self.field(obj, "next", path, self._shift_refs, no_shifts)
        weight = self.field(obj, "weight", path, self.take_number, None)
        if spec.needs_value and rule_value is None:
            return None
        return Rule(kind, float(rule_value or 0), shifts, next_shifts, weight)

    def _shift_refs(self, value: object, path: str) -> tuple[str, ...] | None:
        ids = self.take_ids(value, path)
        if ids is None:
            return None
        if isinstance(value, list):
            return tuple(i for n, i in enumerate(ids) if self.known(i, child(path, n), self.shift_ids,
                                                                      _("shift type")))
        return ids if self.known(ids[0], path, self.shift_ids, _("shift type")) else None

    def _references(self, obj: dict[str, object], key: str, path: str, defined: set[str],
                    what: str) -> tuple[str, ...]:
        """A list of ids that must be defined, each named once."""
        found = [(p, self.known(self.take_id(v, p), p, defined, what)) for p, v in self.items(obj, key, path)]
        self.unique(found)
        return tuple(dict.fromkeys(i for _p, i in found if i is not None))

    def _person(self, value: object, path: str) -> StaffMember | None:
        obj = self.take_object(value, path, ("id",),
                               ("name", "unit", "phone", "roles", "party", "stations", "rule_set", "team", "from",
                                "to"))
        if obj is None:
            return None
        person_id = self.field(obj, "id", path, self.take_id, None)
        name = self.field(obj, "name", path, self.take_string, person_id)  # omitted: the id, as for shift types
        roles = self._references(obj, "roles", path, self.role_ids, _("role"))
        if self.role_ids and obj.get("roles", []) == []:
            self.problem(child(path, "roles"), _("every person needs at least one role when roles are defined"))
        stations = None
        if "stations" in obj:
            stations = self._references(obj, "stations", path, self.station_ids, _("station"))
        rule_set = self.field(obj, "rule_set", path,
                              lambda v, p: self.known(self.take_id(v, p), p, self.rule_set_ids, _("rule set")), None)
        party = self.field(obj, "party", path, lambda v, p: self.take_choice(v, p, PARTY_VALUES), "none")
        active_from = self.field(obj, "from", path, self.take_date, None)
        active_to = self.field(obj, "to", path, self.take_date, None)
        if active_from and active_to and active_to < active_from:
            self.problem(child(path, "to"), _("ends before {date}").format(date=active_from))
        if person_id is None or name is None:
            return None
        return StaffMember(person_id, name, self.field(obj, "unit", path, self.take_string, ""),
                           self.field(obj, "phone", path, self.take_string, ""), roles, Party(party), stations,
                           rule_set, self.field(obj, "team", path, self.take_string, ""), active_from, active_to)

    def _cover(self, value: object, path: str) -> Cover | None:
        obj = self.take_object(value, path, (), ("station", "shift", "days", "min", "max", "target",
                                                 "target_under", "target_over", "roles", "party_min",
                                                 "soft", "soft_weight"))
        if obj is None:
            return None
        station = self.field(obj, "station", path,
                             lambda v, p: self.known(self.take_id(v, p), p, self.station_ids, _("station")), None)
        shift = self.field(obj, "shift", path,
                           lambda v, p: self.known(self.take_id(v, p), p, self.shift_ids, _("shift type")), None)
        days: tuple[str, ...] = ("all",)
        if "days" in obj:
            days = tuple(d for p, v in self.items(obj, "days", path, non_empty=True)
                         if (d := self._day_selector(v, p)))
        roles: dict[str, int] = {}
        if "roles" in obj:
            where = child(path, "roles")
            # Every key is let through here so that an unknown one reads "role ... is not defined".
            keys = tuple(obj["roles"]) if isinstance(obj["roles"], dict) else ()
            for role, count in (self.take_object(obj["roles"], where, (), keys) or {}).items():
                if role.startswith("x-") or self.known(role, child(where, role), self.role_ids, _("role")) is None:
                    continue
                n = self.take_count(count, child(where, role))
                if n is not None:
                    roles[role] = n
        return Cover(
            station=station, shift=shift, days=days,
            min=self.field(obj, "min", path, self.take_count, 0),
            max=self.field(obj, "max", path, self.take_count, None),
            target=self.field(obj, "target", path, self.take_count, None),
            target_under=self.field(obj, "target_under", path, self.take_number, 10.0),
            target_over=self.field(obj, "target_over", path, self.take_number, 1.0),
            roles=roles, party_min=self.field(obj, "party_min", path, self.take_count, 0),
            soft=self.field(obj, "soft", path, self.take_bool, False),
            soft_weight=self.field(obj, "soft_weight", path, self.take_number, 100.0))

    def _day_selector(self, value: object, path: str) -> str | None:
        if value in KIND_SELECTORS or value in WEEKDAY_SELECTORS:
            return str(value)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            day = self.take_date(value, path)
            return day.isoformat() if day else None
        self.problem(path, _("must be all, workday, restday, holiday, mon ... sun, or a date YYYY-MM-DD"))
        return None

    def _staff_ref(self, obj: dict[str, object], path: str) -> str | None:
        return self.field(obj, "staff", path,
                          lambda v, p: self.known(self.take_id(v, p), p, self.staff_ids, _("person")), None)

    def _shift_ref(self, obj: dict[str, object], path: str) -> str | None:
        return self.field(obj, "shift", path,
                          lambda v, p: self.known(self.take_id(v, p), p, self.shift_ids, _("shift type")), None)

    def _absence(self, value: object, path: str) -> Absence | None:
        obj = self.take_object(value, path, ("staff", "from", "to"), ("reason",))
        if obj is None:
            return None
        staff = self._staff_ref(obj, path)
        start = self.field(obj, "from", path, self.take_date, None)
        end = self.field(obj, "to", path, self.take_date, None)
        if start and end and end < start:
            self.problem(child(path, "to"), _("ends before {date}").format(date=start))
            return None
        if staff is None or start is None or end is None:
            return None
        return Absence(staff, start, end, self.field(obj, "reason", path, self.take_string, ""))

    def _request(self, value: object, path: str) -> Request | None:
        obj = self.take_object(value, path, ("staff", "date", "want"), ("shift", "weight"))
        if obj is None:
            return None
        staff = self._staff_ref(obj, path)
        day = self.field(obj, "date", path, self.take_date, None)
        want = self.field(obj, "want", path, self.take_bool, None)
        shift = self._shift_ref(obj, path)
        weight = self.field(obj, "weight", path, self.take_number, 1.0)
        if staff is None or day is None or want is None:
            return None
        return Request(staff, day, want, shift, weight)

    def _fixed(self, value: object, path: str) -> FixedAssignment | None:
        obj = self.take_object(value, path, ("staff", "date", "shift"), ("station", "role"))
        if obj is None:
            return None
        staff = self._staff_ref(obj, path)
        day = self.field(obj, "date", path, self.take_date, None)
        shift = self._shift_ref(obj, path)
        station = self.field(obj, "station", path,
                             lambda v, p: self.known(self.take_id(v, p), p, self.station_ids, _("station")), None)
        role = self.field(obj, "role", path,
                          lambda v, p: self.known(self.take_id(v, p), p, self.role_ids, _("role")), None)
        if staff is None or day is None or shift is None:
            return None
        return FixedAssignment(staff, day, shift, station, role)

    def _history(self, top: dict[str, object], period: Period | None) -> History:
        if "history" not in top:
            return History()
        obj = self.take_object(top["history"], "history", (), ("from", "assignments", "counts"))
        if obj is None:
            return History()
        start = self.field(obj, "from", "history", self.take_date, None)
        if start and period and start > period.start:
            self.problem("history.from", _("must not be after the period start {date}").format(date=period.start))
        shifts = []
        for path, value in self.items(obj, "assignments", "history"):
            item = self.take_object(value, path, ("staff", "date", "shift"), ())
            if item is None:
                continue
            staff, shift = self._staff_ref(item, path), self._shift_ref(item, path)
            day = self.field(item, "date", path, self.take_date, None)
            if day and period and day >= period.start:
                self.problem(child(path, "date"), _("history must be before the period start {date}").format(
                    date=period.start))
            elif day and start and day < start:
                self.problem(child(path, "date"), _("is before history.from {date}").format(date=start))
            elif staff and shift and day:
                shifts.append(HistoryShift(staff, day, shift))
        counts = []
        for path, value in self.items(obj, "counts", "history"):
            item = self.take_object(value, path, ("staff",), ("shifts", "nights", "restdays", "holidays"))
            if item is None:
                continue
            staff = self._staff_ref(item, path)
            numbers = {k: self.field(item, k, path, self.take_count, 0)
                       for k in ("shifts", "nights", "restdays", "holidays")}
            if staff:
                counts.append((path, HistoryCount(staff, **numbers)))
        self.unique([(child(p, "staff"), c.staff) for p, c in counts])
        return History(start, tuple(shifts), tuple(c for _p, c in counts))

    def _weights(self, top: dict[str, object]) -> FairnessWeights:
        keys = ("fair_shifts", "fair_nights", "fair_restdays", "fair_holidays")
        obj = self.take_object(top["weights"], "weights", (), keys) if "weights" in top else None
        if obj is None:
            return FairnessWeights()
        values = {k.removeprefix("fair_"): self.field(obj, k, "weights", self.take_number, 1.0) for k in keys}
        return FairnessWeights(**values)


# --- writing ------------------------------------------------------------------------------


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _ids(ids: tuple[str, ...]) -> str | list[str]:
    return ids[0] if len(ids) == 1 else list(ids)


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def scenario_to_json(scenario: Scenario) -> dict[str, Any]:
    """The scenario as format objects; defaults are left out."""
    data: dict[str, Any] = {"format": SCENARIO_FORMAT, "name": scenario.name,
                            "period": {"start": scenario.period.start.isoformat(),
                                       "end": scenario.period.end.isoformat()}}
    cal = scenario.calendar
    data["calendar"] = {"country": cal.country, "holidays": [d.isoformat() for d in cal.holidays],
                        "workdays": [d.isoformat() for d in cal.workdays]}
    data["shift_types"] = [
        {"id": s.id, "name": s.name, "start": _time(s.start), "end": _time(s.end)}
        | ({"night": s.night} if s.night is not None else {})
        for s in scenario.shift_types]
    data["roles"] = [{"id": r.id, "name": r.name} for r in scenario.roles]
    data["stations"] = [{"id": s.id, "name": s.name, "branch": s.branch, "phone": s.phone}
                        for s in scenario.stations]
    data["rule_sets"] = [{"id": rs.id, "rules": [_rule_json(r) for r in rs.rules]} for rs in scenario.rule_sets]
    data["staff"] = [_person_json(p) for p in scenario.staff]
    data["cover"] = [_cover_json(c) for c in scenario.cover]
    data["absences"] = [{"staff": a.staff, "from": a.start.isoformat(), "to": a.end.isoformat()}
                        | ({"reason": a.reason} if a.reason else {}) for a in scenario.absences]
    data["requests"] = [{"staff": r.staff, "date": r.date.isoformat()} | ({"shift": r.shift} if r.shift else {})
                        | {"want": r.want, "weight": _number(r.weight)} for r in scenario.requests]
    data["fixed"] = [{"staff": f.staff, "date": f.date.isoformat(), "shift": f.shift}
                     | ({"station": f.station} if f.station else {}) | ({"role": f.role} if f.role else {})
                     for f in scenario.fixed]
    history = scenario.history
    data["history"] = ({"from": history.start.isoformat()} if history.start else {}) | {
        "assignments": [{"staff": h.staff, "date": h.date.isoformat(), "shift": h.shift}
                        for h in history.assignments],
        "counts": [{"staff": c.staff, "shifts": c.shifts, "nights": c.nights, "restdays": c.restdays,
                    "holidays": c.holidays} for c in history.counts]}
    w = scenario.weights
    data["weights"] = {"fair_shifts": _number(w.shifts), "fair_nights": _number(w.nights),
                       "fair_restdays": _number(w.restdays), "fair_holidays": _number(w.holidays)}
    return data


def _rule_json(rule: Rule) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": rule.kind.value}
    if rule.kind.spec.needs_value:
        data["value"] = _number(rule.value)
    if rule.shifts:
        data["shift"] = _ids(rule.shifts)
    if rule.next_shifts:
        data["next"] = _ids(rule.next_shifts)
    if rule.weight is not None:
        data["weight"] = _number(rule.weight)
    return data


def _person_json(p: StaffMember) -> dict[str, Any]:
    data: dict[str, Any] = {"id": p.id, "name": p.name}
    optional: dict[str, Any] = {"unit": p.unit, "phone": p.phone, "roles": list(p.roles),
                                "party": p.party.value if p.party is not Party.NONE else None,
                                "stations": list(p.stations) if p.stations is not None else None,
                                "rule_set": p.rule_set, "team": p.team,
                                "from": p.active_from.isoformat() if p.active_from else None,
                                "to": p.active_to.isoformat() if p.active_to else None}
    data.update({k: v for k, v in optional.items() if v is not None and ((v != "" and v != []) or k == "stations")})
    return data


def _cover_json(c: Cover) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if c.station is not None:
        data["station"] = c.station
    if c.shift is not None:
        data["shift"] = c.shift
    if c.days != ("all",):
        data["days"] = list(c.days)
    data["min"] = c.min
    for key, value, default in (("max", c.max, None), ("target", c.target, None),
                                ("target_under", c.target_under, 10), ("target_over", c.target_over, 1)):
        if value != default:
            data[key] = _number(value) if value is not None else None
    if c.roles:
        data["roles"] = dict(c.roles)
    if c.party_min:
        data["party_min"] = c.party_min
    if c.soft:
        data["soft"] = True
    if c.soft_weight != 100:
        data["soft_weight"] = _number(c.soft_weight)
    return data


def dump_scenario(scenario: Scenario) -> str:
    return json.dumps(scenario_to_json(scenario), ensure_ascii=False, indent=2) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    write_atomically(path, dump_scenario(scenario))
