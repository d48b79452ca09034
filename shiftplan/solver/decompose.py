"""Split a scenario into independent parts that can be solved apart without losing anything.

People and stations form a graph: a person is linked to every station they may work at. Each
connected part is a sub-problem of its own: cover needs are per station, personal rules per
person, and an eligibility group shares one set of stations, so no rule and no cost spans two
parts. A district of checkpoints whose crews stay at their own station falls apart into one
small model per checkpoint (or per pair, where volunteers serve two), which CP-SAT solves far
better than one large model.
"""

from __future__ import annotations

from shiftplan.domain.model import Scenario
from shiftplan.domain.scope import restricted


def components(scenario: Scenario) -> list[Scenario]:
    """The independent parts of ``scenario``, each a scenario of its own (at least one part).

    Items that name nobody known (a fixed assignment of an unknown person) go to the first part,
    so they still make it infeasible, as they would the whole.
    """
    stations = [s.id for s in scenario.stations]
    parent = {s: s for s in stations}

    def root(station: str) -> str:
        while parent[station] != station:
            parent[station] = parent[parent[station]]
            station = parent[station]
        return station

    for person in scenario.staff:
        allowed = [s for s in stations if person.may_work_at(s)]
        for other in allowed[1:]:
            parent[root(other)] = root(allowed[0])

    parts: dict[str, list[str]] = {}  # root station -> person ids (ordered as in the scenario)
    for station in stations:
        parts.setdefault(root(station), [])
    # People who may work nowhere still have rules and fair shares, and share an eligibility group
    # (no stations), so they form one part together.
    nowhere: list[str] = []
    for person in scenario.staff:
        allowed = [s for s in stations if person.may_work_at(s)]
        if allowed:
            parts[root(allowed[0])].append(person.id)
        else:
            nowhere.append(person.id)
    groups = [([s for s in stations if root(s) == r], people) for r, people in parts.items()]
    if nowhere:
        groups.append(([], nowhere))
    if len(groups) <= 1:
        return [scenario]
    return [restricted(scenario, part_stations, people, keep_unknown=i == 0)
            for i, (part_stations, people) in enumerate(groups)]
