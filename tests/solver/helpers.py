"""Shared helpers of the solver tests: judge a fixed roster with the model, and brute force."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from ortools.sat.python import cp_model

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import Assignment, Scenario
from shiftplan.domain.validation import check
from shiftplan.solver.input import Key
from shiftplan.solver.model import RosterModel
from shiftplan.solver.rules.base import SCALE


def keys_of(model: RosterModel, assignments: Iterable[Assignment]) -> set[Key] | None:
    """The seats a roster takes, or None if it takes one the model has no variable for."""
    inp, keys = model.inp, set()
    for a in assignments:
        p, s, t = inp.person_ix.get(a.staff), inp.shift_ix.get(a.shift), inp.station_ix.get(a.station)
        r = inp.role_ix.get(a.role) if a.role is not None else None
        if p is None or s is None or t is None or (a.role is not None and r is None):
            return None
        key = Key(p, inp.day_of(a.date), s, t, r)
        if key not in model.vars.seat:
            return None
        keys.add(key)
    return keys


def model_cost(scenario: Scenario, calendar: DayCalendar, assignments: list[Assignment]) -> float | None:
    """What the model says a fixed roster costs: None when the model finds it infeasible.

    The roster's seats are fixed and CP-SAT only settles the auxiliary variables, minimising,
    so a correct model returns exactly the validator's objective (up to the integer scaling).
    """
    model = RosterModel(scenario, calendar)
    keys = keys_of(model, assignments)
    if keys is None or len(keys) != len(assignments):
        return None
    for key, var in model.vars.seat.items():
        model.model.add(var == int(key in keys))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    status = solver.solve(model.model)
    assert status in (cp_model.OPTIMAL, cp_model.INFEASIBLE), solver.status_name(status)
    return solver.objective_value / SCALE if status == cp_model.OPTIMAL else None


def rosters(model: RosterModel) -> Iterator[list[Assignment]]:
    """Every roster of a (tiny) scenario: each person and day either off or one seat of the day.

    Rosters with two seats a day are left out; callers use scenarios where that is forbidden
    anyway (the default daily limit of one shift).
    """
    inp = model.inp
    cells: dict[tuple[int, int], list[Key | None]] = {}
    for key in model.vars.seat:
        cells.setdefault((key.p, key.d), [None]).append(key)
    for choice in itertools.product(*cells.values()):
        yield [Assignment(inp.dates[k.d], inp.shifts[k.s].id, inp.stations[k.t], inp.people[k.p].id,
                          None if k.r is None else inp.roles[k.r]) for k in choice if k is not None]


def brute_force(scenario: Scenario, calendar: DayCalendar) -> float | None:
    """The least validator objective over every roster with one shift a day at most; None if none is
    feasible."""
    model = RosterModel(scenario, calendar)
    best = None
    for roster in rosters(model):
        report = check(scenario, roster, calendar)
        if report.feasible and (best is None or report.objective < best):
            best = report.objective
    return best


def broken_requirements(scenario: Scenario, calendar: DayCalendar,
                        assignments: list[Assignment]) -> set[tuple[object, ...]] | None:
    """Which hard requirements a fixed roster breaks, as the guarded model sees them.

    Every hard requirement of a guarded model has its own literal; with the roster's seats fixed,
    each literal can be true exactly when its requirement holds, so maximising them leaves the
    broken ones false. None when the roster takes a seat the model has no variable for, or one
    seat twice (which no requirement can excuse).
    """
    model = RosterModel(scenario, calendar, guarded=True)
    keys = keys_of(model, assignments)
    if keys is None or len(keys) != len(assignments):
        return None
    for key, var in model.vars.seat.items():
        model.model.add(var == int(key in keys))
    model.model.clear_objective()
    model.model.maximize(sum(model.requirements.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    status = solver.solve(model.model)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL, solver.status_name(status)
    return {signature(r.rule, r.subject.staff, r.subject.station, r.subject.shift, r.subject.dates, r.subject.role)
            for r, lit in model.requirements.items() if not solver.boolean_value(lit)}


COVER_RULES = ("cover_min", "cover_max", "cover_roles", "cover_party")


def signature(rule: str, staff: str | None, station: str | None, shift: str | None, dates: tuple[object, ...],
              role: str | None) -> tuple[object, ...]:
    """What both sides say about a broken hard rule: the rule and whom (or which slot) it concerns."""
    if rule in COVER_RULES:
        return (rule, station, shift, dates, role)
    if rule == "fixed":
        return (rule, staff, shift, dates)
    return (rule, staff)
