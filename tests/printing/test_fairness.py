"""The fairness report agrees with the validator: the same groups, loads and spreads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from shiftplan.domain.fairness import Category
from shiftplan.domain.model import Absence, FairnessWeights, History, HistoryCount
from shiftplan.domain.validation import check
from shiftplan.printing import Kind, PrintRequest, render
from shiftplan.printing.data import fairness_groups

from . import pdftools


@pytest.fixture(scope="module")
def uneven(sample: PrintRequest) -> PrintRequest:
    """The sample with fairness weighed, one person away for a week and earlier periods counted."""
    staff = sample.scenario.staff
    scenario = dataclasses.replace(
        sample.scenario,
        weights=FairnessWeights(shifts=5, nights=10, restdays=5, holidays=5),
        absences=(Absence(staff[5].id, dt.date(2020, 2, 3), dt.date(2020, 2, 9), "病假"),),
        history=History(counts=(HistoryCount(staff[6].id, shifts=12, nights=4, restdays=3, holidays=1),)),
    )
    away = {a.staff: a for a in scenario.absences}
    schedule = dataclasses.replace(sample.schedule, assignments=tuple(
        a for a in sample.schedule.assignments if not (a.staff in away and away[a.staff].covers(a.date))))
    return dataclasses.replace(sample, scenario=scenario, schedule=schedule, stations=None)


def test_spreads_are_the_validators_fairness_costs(uneven: PrintRequest) -> None:
    report = check(uneven.scenario, uneven.schedule.assignments, uneven.calendar)
    charged = {(v.rule, v.group): v.cost for v in report.violations if v.rule.startswith("fair_")}
    printed = {}
    for group in fairness_groups(uneven):
        for category in Category:
            spread = group.spreads[category]
            if spread is not None and len([r for r in group.rows if r.loads[category] is not None]) > 1 \
                    and spread.spread > 1e-9:
                printed[(category.rule, group.label)] = round(category.weight(uneven.scenario) * spread.spread, 6)
    assert charged  # the rotation is not perfectly fair, and the absence and history make it less so
    assert printed == pytest.approx(charged)


def test_every_person_of_every_group_is_listed_once(uneven: PrintRequest) -> None:
    groups = fairness_groups(uneven)
    listed = [row.person.id for g in groups for row in g.rows]
    assert sorted(listed) == sorted(p.id for p in uneven.scenario.staff)


@pdftools.needs_poppler
def test_the_report_shows_counts_loads_averages_and_spreads(uneven: PrintRequest) -> None:
    request = dataclasses.replace(uneven, stations=["G310W"])
    groups = fairness_groups(request)
    assert all("G310W" in {s.id for s in g.stations} for g in groups)
    pdf = render(Kind.FAIRNESS, request)
    text = pdftools.text(pdf, layout=False)
    for group in groups:
        for row in group.rows:
            assert row.person.name in text
    away = next(r for g in groups for r in g.rows if r.person.id == request.scenario.staff[5].id)
    shifts = away.counts[Category.SHIFTS]
    load = away.loads[Category.SHIFTS]
    assert load is not None and load > shifts
    assert f"{shifts} ({round(load, 1):g})" in text  # the count, and in brackets the figure compared
    assert text.count("Average") == len(groups)
    assert text.count("Spread (lowest–highest)") == len(groups)
    assert "weights: shifts 5 · night shifts 10 · restday shifts 5 · holiday shifts 5" in text
    lines = pdftools.text(pdf, layout=True)
    first = groups[0]
    hours = first.hours
    assert hours is not None
    assert f"{hours.spread:g} ({hours.low:g}–{hours.high:g})" in lines
