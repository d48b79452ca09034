"""A scenario narrowed to some of its stations and people.

Two users: a plan that rosters only some stations of the database (the other stations, and the
people who cannot work at any of the chosen ones, are left out), and the solver's split of a
scenario into independent parts (``shiftplan.solver.decompose``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from shiftplan.domain.model import History, Scenario


def restricted(scenario: Scenario, stations: Collection[str], people: Collection[str], *,
               keep_unknown: bool = False) -> Scenario:
    """``scenario`` with only these stations and people, and what belongs to them.

    Cover for every station stays; leave, requests, fixed assignments and history follow their
    person. ``keep_unknown`` keeps the items that name nobody known (a fixed assignment of an
    unknown person), so that they still make the part infeasible, as they would the whole. The
    people are kept as they are: their station lists are not narrowed.
    """
    stations, people = set(stations), set(people)
    known = {p.id for p in scenario.staff}

    def mine(staff: str) -> bool:
        return staff in people or (keep_unknown and staff not in known)

    history = scenario.history
    return dataclasses.replace(
        scenario,
        stations=tuple(s for s in scenario.stations if s.id in stations),
        staff=tuple(p for p in scenario.staff if p.id in people),
        cover=tuple(c for c in scenario.cover if c.station is None or c.station in stations),
        absences=tuple(a for a in scenario.absences if mine(a.staff)),
        requests=tuple(r for r in scenario.requests if mine(r.staff)),
        fixed=tuple(f for f in scenario.fixed if mine(f.staff)),
        # The window start stays that of the whole: filtering must not move it.
        history=History(history.window_start(scenario.period),
                        tuple(h for h in history.assignments if h.staff in people),
                        tuple(c for c in history.counts if c.staff in people)),
    )


def for_stations(scenario: Scenario, stations: Collection[str]) -> Scenario:
    """The scenario of a plan for these stations only (empty: every station, ``scenario`` itself).

    Everyone who may work at one of them stays, with their station list narrowed to the chosen
    ones (a list naming a station that is not in the scenario would be malformed); everyone else
    is left out with their leave, requests and history, and so are fixed assignments at a station
    left out.
    """
    if not stations:
        return scenario
    chosen = {s.id for s in scenario.stations if s.id in set(stations)}
    people = [p for p in scenario.staff if any(p.may_work_at(s) for s in chosen)]
    narrowed = restricted(scenario, chosen, {p.id for p in people})
    return dataclasses.replace(
        narrowed,
        staff=tuple(p if p.stations is None else dataclasses.replace(p, stations=tuple(s for s in p.stations
                                                                                      if s in chosen))
                    for p in people),
        # A pin at a station the plan leaves out would name an unknown station.
        fixed=tuple(f for f in narrowed.fixed if f.station is None or f.station in chosen))
