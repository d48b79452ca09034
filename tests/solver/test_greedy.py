"""The greedy start: quick, deterministic, and on the demo already a valid, fairly balanced roster."""

from __future__ import annotations

from shiftplan.domain.model import Assignment
from shiftplan.domain.validation import check
from shiftplan.solver.greedy import greedy_roster
from shiftplan.solver.model import RosterModel

from .test_run import one_station


def test_greedy_start_on_the_checkpoint_meets_every_hard_rule() -> None:
    scn, calendar = one_station()
    model = RosterModel(scn, calendar)
    seats = greedy_roster(model.inp, set(model.vars.seat))
    assert seats == greedy_roster(model.inp, set(model.vars.seat))  # deterministic
    inp = model.inp
    roster = [Assignment(inp.dates[k.d], inp.shifts[k.s].id, inp.stations[k.t], inp.people[k.p].id,
                         None if k.r is None else inp.roles[k.r]) for k in seats]
    report = check(scn, roster, calendar)
    assert report.feasible, report.hard
    assert report.objective < 400  # CP-SAT's own first roster costs about 2300
    assert model.start_from(seats)  # complete and feasible: CP-SAT starts from it
