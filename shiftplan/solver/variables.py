"""The decision variables, created once, and the aggregates every rule family reads.

One Boolean per eligible (person, day, shift, station, role): the person takes that seat. Rules
mostly care whether a person works a shift, or a day, so those aggregates are made here once:

- ``works(p, d, s)``: the person works shift ``s`` on day ``d`` (at some station, in some role).
  A person takes at most one seat of a shift: two seats of one shift overlap in time, which the
  spec makes a hard violation whatever the rules say, so this is part of the variables' meaning.
- ``works_day(p, d)``: the person works some shift dated ``d`` (exactly the OR of the shifts).
  For a person allowed one shift a day (``single``), it is their sum instead, which also says
  "at most one" and which the LP relaxation sees (an OR is weak there); it is one constraint
  where the OR takes one per shift type (Curtois Instance 24: 32 types, 1.7 million).

A literal here is a CP-SAT Boolean or a Python int 0/1: history days and days a person cannot
work are constants, and the helpers in ``rules.base`` fold constants away.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ortools.sat.python import cp_model

from shiftplan.domain.model import Assignment
from shiftplan.solver.input import DayIx, Key, PersonIx, ShiftIx, SolverInput, StationIx

# ortools ships no type stubs: a literal is a CP-SAT Boolean variable (or its negation) or 0/1.
Lit = Any


class Variables:
    def __init__(self, model: cp_model.CpModel, inp: SolverInput,
                 single: frozenset[PersonIx] = frozenset()) -> None:
        self.model = model
        self.inp = inp
        self.single = single
        self.seat: dict[Key, Lit] = {key: model.new_bool_var("") for key in inp.keys}
        self._seats_of: dict[tuple[PersonIx, DayIx, ShiftIx], list[Key]] = defaultdict(list)
        self._slot: dict[tuple[StationIx, ShiftIx, DayIx], list[tuple[Key, Lit]]] = defaultdict(list)
        for key, var in self.seat.items():
            self._seats_of[key.p, key.d, key.s].append(key)
            self._slot[key.t, key.s, key.d].append((key, var))
        self._works = {pds: self._one_of([self.seat[k] for k in keys]) for pds, keys in self._seats_of.items()}
        self._day: dict[tuple[PersonIx, DayIx], Lit] = {}
        self._any: dict[tuple[PersonIx, DayIx, tuple[ShiftIx, ...]], Lit] = {}

    def _one_of(self, seats: list[Lit]) -> Lit:
        """A literal true iff one of ``seats`` is taken; at most one may be."""
        if len(seats) == 1:
            return seats[0]
        works = self.model.new_bool_var("")
        self.model.add(sum(seats) == works)
        return works

    # --- reading ---------------------------------------------------------------------------

    def slot(self, t: StationIx, s: ShiftIx, d: DayIx) -> list[tuple[Key, Lit]]:
        """The seats of one station's shift on one day."""
        return self._slot.get((t, s, d), [])

    def seats(self, p: PersonIx, d: DayIx, s: ShiftIx) -> list[tuple[Key, Lit]]:
        """The seats person ``p`` could take on shift ``s`` of day ``d``."""
        return [(key, self.seat[key]) for key in self._seats_of.get((p, d, s), [])]

    def works(self, p: PersonIx, d: DayIx, s: ShiftIx) -> Lit:
        """Whether ``p`` works shift ``s`` on day ``d``: a literal, or 0 when impossible (and 0 for
        days outside the period, where ``worked`` speaks)."""
        return self._works.get((p, d, s), 0)

    def works_day(self, p: PersonIx, d: DayIx) -> Lit:
        return self.works_any(p, d, tuple(range(len(self.inp.shifts))))

    def works_any(self, p: PersonIx, d: DayIx, shifts: Sequence[ShiftIx]) -> Lit:
        """Whether ``p`` works one of ``shifts`` on period day ``d``; made once per distinct set."""
        key = (p, d, tuple(shifts))
        if key in self._any:
            return self._any[key]
        lits = [w for s in shifts if not isinstance(w := self.works(p, d, s), int)]
        if not lits:
            result: Lit = 0
        elif len(lits) == 1:
            result = lits[0]
        elif p in self.single:
            result = self.model.new_bool_var("")
            self.model.add(sum(lits) == result)
        else:
            result = self.model.new_bool_var("")
            for lit in lits:
                self.model.add_implication(lit, result)
            self.model.add_bool_or([*lits, result.Not()])
        self._any[key] = result
        return result

    def worked(self, p: PersonIx, d: DayIx, shifts: Sequence[ShiftIx] | None = None) -> Lit:
        """Works day ``d`` (one of ``shifts``), for any day of the window: history days are
        constants (days before the history window count as unknown, i.e. off), period days are
        literals, days after the period are off."""
        inp = self.inp
        if d < 0:
            return int(d in inp.history_days(p, shifts))
        if d >= inp.num_days:
            return 0
        return self.works_any(p, d, tuple(range(len(inp.shifts))) if shifts is None else shifts)

    def count(self, p: PersonIx, cells: Iterable[tuple[DayIx, ShiftIx]]) -> Any:
        """Linear expression: how many of the (day, shift) cells ``p`` works."""
        return sum(w for d, s in cells if not isinstance(w := self.works(p, d, s), int))

    # --- solutions -------------------------------------------------------------------------

    def extract(self, value: Any) -> list[Assignment]:
        """The assignments of a solution; ``value`` maps a variable to its value (a CpSolver's
        ``boolean_value`` or a callback's)."""
        inp = self.inp
        return [
            Assignment(inp.dates[key.d], inp.shifts[key.s].id, inp.stations[key.t], inp.people[key.p].id,
                       None if key.r is None else inp.roles[key.r])
            for key, var in self.seat.items() if value(var)
        ]

    def hint(self, chosen: Iterable[Key]) -> None:
        """Hint a roster: the given seats taken, every other seat free."""
        taken = set(chosen)
        for key, var in self.seat.items():
            self.model.add_hint(var, key in taken)
