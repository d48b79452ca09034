"""Hypothesis strategies: small random scenarios touching every rule of the spec, and rosters."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import (
    Absence,
    Assignment,
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
from shiftplan.solver.model import RosterModel

SHIFT_POOL = (
    ShiftType("D", "Day", 8 * 60, 16 * 60),
    ShiftType("E", "Evening", 16 * 60, 24 * 60),
    ShiftType("N", "Night", 0, 8 * 60, night=True),
    ShiftType("L", "Late", 20 * 60, 4 * 60),  # crosses midnight, a night by the clock
    ShiftType("M", "Morning", 6 * 60 + 30, 14 * 60 + 30),
    ShiftType("X", "Long", 7 * 60, 19 * 60),  # overlaps D and M
)
WEIGHTS = st.one_of(st.none(), st.sampled_from([1.0, 2.5, 5.0]))


@st.composite
def rules(draw: st.DrawFn, shift_ids: list[str], kinds: tuple[RuleKind, ...] = tuple(RuleKind)) -> Rule:
    kind = draw(st.sampled_from(kinds))
    weight = draw(WEIGHTS)
    shifts = st.lists(st.sampled_from(shift_ids), min_size=1, max_size=2, unique=True).map(tuple)
    if kind is RuleKind.FORBIDDEN_SUCCESSION:
        return Rule(kind, 0, draw(shifts), draw(shifts), weight)
    if kind is RuleKind.MAX_CONSECUTIVE_SHIFTS:
        return Rule(kind, draw(st.integers(1, 3)), draw(shifts), (), weight)
    if kind in (RuleKind.MAX_SHIFTS, RuleKind.MIN_SHIFTS):
        return Rule(kind, draw(st.integers(0, 5)), draw(st.one_of(st.just(()), shifts)), (), weight)
    values = {
        RuleKind.MAX_SHIFTS_PER_DAY: st.integers(0, 2),
        RuleKind.MIN_REST_HOURS: st.sampled_from([8, 10.5, 12, 16, 20, 30, 40, 11.3]),
        RuleKind.MAX_CONSECUTIVE_DAYS: st.integers(1, 4),
        RuleKind.MIN_CONSECUTIVE_DAYS: st.integers(2, 3),
        RuleKind.MIN_CONSECUTIVE_DAYS_OFF: st.integers(2, 3),
        RuleKind.MAX_HOURS: st.sampled_from([8, 16, 20.5, 24, 37.3]),
        RuleKind.MIN_HOURS: st.sampled_from([8, 16, 20.5, 24]),
        RuleKind.MAX_HOURS_PER_WEEK: st.sampled_from([8, 16, 24, 40]),
        RuleKind.MIN_DAYS_OFF_PER_WEEK: st.integers(1, 6),
        RuleKind.MAX_WEEKENDS: st.integers(0, 2),
    }
    return Rule(kind, float(draw(values[kind])), (), (), weight)


@st.composite
def scenarios(draw: st.DrawFn, max_people: int = 3, max_days: int = 8, max_shifts: int = 3,
              max_stations: int = 2, kinds: tuple[RuleKind, ...] = tuple(RuleKind),
              max_cover: int = 3, max_roles: int = 2, history: bool | None = None) -> tuple[Scenario, DayCalendar]:
    """A small scenario and its calendar; every part of the format may show up. ``kinds``
    narrows the personal rules drawn (then everyone has at least one)."""
    start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 1)))
    length = draw(st.integers(1, max_days))
    period = Period(start, start + dt.timedelta(days=length - 1))
    dates = period.dates()
    shifts = draw(st.lists(st.sampled_from(SHIFT_POOL), min_size=1, max_size=max_shifts, unique_by=lambda s: s.id))
    shift_ids = [s.id for s in shifts]
    stations = [f"S{i}" for i in range(1, draw(st.integers(1, max_stations)) + 1)]
    roles = draw(st.sampled_from([[], ["a"], ["a", "b"]][:max_roles + 1]))
    some_dates = st.sampled_from(dates)

    staff = []
    for i in range(1, draw(st.integers(1, max_people)) + 1):
        own_roles = tuple(draw(st.lists(st.sampled_from(roles), min_size=1, unique=True))) if roles else ()
        own_stations = draw(st.one_of(st.none(), st.lists(st.sampled_from(stations), unique=True)))
        active_from = draw(st.one_of(st.none(), some_dates)) if draw(st.booleans()) else None
        active_to = draw(st.one_of(st.none(), some_dates)) if draw(st.booleans()) else None
        staff.append(StaffMember(
            f"P{i}", f"Person {i}", roles=own_roles, party=draw(st.sampled_from(list(Party))),
            stations=tuple(own_stations) if own_stations is not None else None,
            rule_set=draw(st.sampled_from([None, "other"])), active_from=active_from, active_to=active_to))
    ids = [p.id for p in staff]
    least = 1 if len(kinds) < len(RuleKind) else 0
    rule_sets = (RuleSet("standard", tuple(draw(st.lists(rules(shift_ids, kinds), min_size=least, max_size=3)))),
                 RuleSet("other", tuple(draw(st.lists(rules(shift_ids, kinds), min_size=least, max_size=2)))))

    selectors = st.sampled_from(["all", "workday", "restday", "holiday", "mon", "sat", "sun",
                                 *(d.isoformat() for d in dates)])
    cover = []
    for _ in range(draw(st.integers(0, max_cover))):
        low = draw(st.integers(0, 2))
        cover.append(Cover(
            station=draw(st.one_of(st.none(), st.sampled_from(stations))),
            shift=draw(st.one_of(st.none(), st.sampled_from(shift_ids))),
            days=tuple(draw(st.lists(selectors, min_size=1, max_size=2))),
            min=low, max=draw(st.one_of(st.none(), st.integers(low, 3))),
            target=draw(st.one_of(st.none(), st.integers(0, 3))),
            target_under=draw(st.sampled_from([10.0, 0.5])), target_over=draw(st.sampled_from([1.0, 3.0])),
            roles={r: draw(st.integers(0, 1)) for r in roles if draw(st.booleans())},
            party_min=draw(st.integers(0, 1)), soft=draw(st.booleans()),
            soft_weight=draw(st.sampled_from([100.0, 7.5]))))

    absences = [Absence(draw(st.sampled_from(ids)), day, day + dt.timedelta(days=draw(st.integers(0, 2))))
                for day in draw(st.lists(some_dates, max_size=2))]
    requests = [Request(draw(st.sampled_from(ids)), day, draw(st.booleans()),
                        draw(st.one_of(st.none(), st.sampled_from(shift_ids))), draw(st.sampled_from([1.0, 3.0])))
                for day in draw(st.lists(some_dates, max_size=3))]
    fixed = [FixedAssignment(draw(st.sampled_from(ids)), day, draw(st.sampled_from(shift_ids)),
                             draw(st.one_of(st.none(), st.sampled_from(stations))),
                             draw(st.one_of(st.none(), st.sampled_from(roles))) if roles else None)
             for day in draw(st.lists(some_dates, max_size=1))]

    past = History()
    if history or (history is None and draw(st.booleans())):
        back = draw(st.integers(1, 4))
        window = [start - dt.timedelta(days=k) for k in range(1, back + 1)]
        worked = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(window), st.sampled_from(shift_ids)),
                               max_size=8, unique_by=lambda h: (h[0], h[1])))
        counts = [HistoryCount(p, *draw(st.tuples(*[st.integers(0, 3)] * 4))) for p in ids if draw(st.booleans())]
        past = History(draw(st.one_of(st.none(), st.just(window[-1]))),
                       tuple(HistoryShift(*h) for h in worked), tuple(counts))

    weights = FairnessWeights(*(float(draw(st.sampled_from([0, 0, 1, 2.5]))) for _ in range(4)))
    restdays = frozenset(draw(st.lists(some_dates, unique=True)))
    holidays = frozenset(d for d in restdays if draw(st.booleans()))
    scenario = Scenario(
        period=period, shift_types=tuple(shifts), stations=tuple(Station(s, s) for s in stations),
        staff=tuple(staff), calendar=CalendarSpec("none"), roles=tuple(Role(r, r) for r in roles),
        rule_sets=rule_sets, cover=tuple(cover), absences=tuple(absences), requests=tuple(requests),
        fixed=tuple(fixed), history=past, weights=weights)
    return scenario, DayCalendar(restdays, holidays)


@st.composite
def seat_rosters(draw: st.DrawFn, model: RosterModel, busy: bool = False) -> list[Assignment]:
    """A random roster over the model's seats: most days off or one shift, now and then two
    different ones; ``busy``: mostly one shift a day."""
    inp = model.inp
    by_day: dict[tuple[int, int], list] = {}
    for key in model.vars.seat:
        by_day.setdefault((key.p, key.d), []).append(key)
    chosen = []
    for seats in by_day.values():
        count = draw(st.sampled_from([0, 1, 1, 1, 1, 1, 2] if busy else [0, 0, 1, 1, 1, 2]))
        picked = draw(st.lists(st.sampled_from(seats), max_size=count, unique_by=lambda k: k.s)) if count else []
        chosen.extend(picked)
    return [Assignment(inp.dates[k.d], inp.shifts[k.s].id, inp.stations[k.t], inp.people[k.p].id,
                       None if k.r is None else inp.roles[k.r]) for k in chosen]
