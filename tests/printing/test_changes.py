"""The changes page: who moved from which shift to which, who was added or removed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from shiftplan.domain.model import Assignment, Schedule
from shiftplan.printing import Kind, PrintRequest, PrintRequestError, render
from shiftplan.printing.data import ChangeKind, changes

from . import pdftools


def test_the_sample_revision_is_read_back_as_its_changes(sample: PrintRequest) -> None:
    found = changes(sample)
    assert Counter(c.kind for c in found) == {ChangeKind.REMOVED: 2, ChangeKind.ADDED: 1, ChangeKind.MOVED: 2,
                                              ChangeKind.ROLE: 1}
    removed = [c for c in found if c.kind is ChangeKind.REMOVED]
    added = next(c for c in found if c.kind is ChangeKind.ADDED)
    assert added.replaces == removed[0].person  # the volunteer takes the sick medic's shift
    assert added.after is not None and removed[0].before is not None
    assert (added.after.shift.id, added.day) == (removed[0].before.shift.id, removed[0].day)
    moved = [c for c in found if c.kind is ChangeKind.MOVED]
    assert all(c.before and c.after and c.before.shift.id != c.after.shift.id for c in moved)
    role = next(c for c in found if c.kind is ChangeKind.ROLE)
    assert role.before and role.after and (role.before.role, role.after.role) != (None, None)
    assert [c.day.date for c in found] == sorted(c.day.date for c in found)


def test_moves_between_stations_and_second_shifts_on_a_day(sample: PrintRequest) -> None:
    first = sample.schedule.assignments[0]
    moved = dataclasses.replace(first, station="ZSL")
    extra = Assignment(first.date, "E" if first.shift != "E" else "D", first.station, first.staff, first.role)
    current = Schedule((*(a for a in sample.schedule.assignments if a != first), moved, extra))
    request = dataclasses.replace(sample, previous_schedule=sample.schedule, schedule=current)
    found = changes(request)
    assert {(c.kind, c.person.id) for c in found} == {(ChangeKind.MOVED, first.staff), (ChangeKind.ADDED, first.staff)}
    move = next(c for c in found if c.kind is ChangeKind.MOVED)
    assert move.before and move.after and (move.before.station.id, move.after.station.id) == ("G310W", "ZSL")


@pdftools.needs_poppler
def test_the_page_names_each_change(sample: PrintRequest) -> None:
    pdf = render(Kind.CHANGES, sample)
    text = pdftools.text(pdf)
    assert "6 changes: moved 2 · new role 1 · added 1 · removed 2" in text
    for change in changes(sample):
        assert change.person.name in text
        for duty in (change.before, change.after):
            if duty is not None:
                assert duty.shift.name in text
    added = next(c for c in changes(sample) if c.kind is ChangeKind.ADDED)
    assert added.replaces is not None
    assert f"(in place of {added.replaces.name})" in " ".join(text.split())
    assert "Prepared by:" in text and "Checked by:" in text


@pdftools.needs_poppler
def test_no_changes_says_so(sample: PrintRequest) -> None:
    same = dataclasses.replace(sample, previous_schedule=sample.schedule)
    assert "No changes" in pdftools.text(render(Kind.CHANGES, same))


def test_without_a_previous_schedule_there_is_nothing_to_compare(sample: PrintRequest) -> None:
    with pytest.raises(PrintRequestError, match="previous schedule"):
        render(Kind.CHANGES, dataclasses.replace(sample, previous_schedule=None))


def test_only_the_requested_dates_are_compared(sample: PrintRequest) -> None:
    first_change = changes(sample)[0].day.date
    before = dataclasses.replace(sample, end=first_change - dt.timedelta(days=1))
    assert changes(before) == []
