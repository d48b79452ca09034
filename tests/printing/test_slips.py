"""Personal slips: one per person on duty, each a calendar with the person's shifts on the right days."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from shiftplan.printing import Kind, PrintRequest, render
from shiftplan.printing.data import slips
from shiftplan.printing.formats import short_date

from . import pdftools
from .pdftools import Word

pytestmark = pdftools.needs_poppler
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def read_slips(pdf: bytes, request: PrintRequest) -> dict[str, set[tuple[dt.date, str]]]:
    """Person's name -> (date, shift name) of each calendar cell with a shift, as printed."""
    names = {p.name for p in request.scenario.staff}
    shift_names = {s.name for s in request.scenario.shift_types}
    dates = request.dates()
    labels = {str(d.day): d for d in dates} | {short_date(d): d for d in dates}
    found: dict[str, set[tuple[dt.date, str]]] = {}
    for page in pdftools.words(pdf):
        titles = sorted((w for w in page if w.text in names and w.y1 - w.y0 > 13), key=lambda w: (w.y0, w.x0))
        for title in titles:
            # The slip runs down to the next title below it in the same column.
            bottom = min((t.y0 for t in titles if abs(t.x0 - title.x0) < 5 and t.y0 > title.y0), default=1e9)
            inside = [w for w in page if title.x0 - 5 <= w.cx < title.x0 + 380 and title.y0 <= w.cy < bottom]
            found[title.text] = cells(inside, labels, shift_names)
    return found


def cells(words: list[Word], labels: dict[str, dt.date], shift_names: set[str]) -> set[tuple[dt.date, str]]:
    heads = sorted((w for w in words if w.text in WEEKDAYS), key=lambda w: w.cx)
    assert [w.text for w in heads] == list(WEEKDAYS)
    half = (heads[1].cx - heads[0].cx) / 2

    def column(w: Word) -> int:
        return min(range(7), key=lambda i: abs(heads[i].cx - w.cx))

    day_numbers: dict[int, list[Word]] = defaultdict(list)
    for w in words:
        if w.text in labels and w.y0 > heads[0].y1:
            day_numbers[column(w)].append(w)
    result = set()
    for w in words:
        if w.name in shift_names:
            col = column(w)
            assert abs(heads[col].cx - w.cx) < half
            number = max((n for n in day_numbers[col] if n.y0 < w.y0), key=lambda n: n.y0)
            result.add((labels[number.text], w.name))
    return result


def test_a_slip_for_everyone_on_duty_with_their_shifts_on_their_days(sample: PrintRequest) -> None:
    request = dataclasses.replace(sample, end=sample.scenario.period.start + dt.timedelta(days=13))
    data = slips(request)
    on_duty = {a.staff for a in request.schedule.assignments if a.station == "G310W" and a.date in request.dates()}
    assert {s.person.id for s in data} == on_duty
    pdf = render(Kind.SLIPS, request)
    shift_names = {s.id: s.name for s in request.scenario.shift_types}
    expected = {s.person.name: {(d.day.date, shift_names[d.shift.id]) for d in s.duties} for s in data}
    assert read_slips(pdf, request) == expected
    # Two weeks leave room for three rows of two slips a page.
    assert pdftools.info(pdf)["pages"] == -(-len(data) // 6)


def test_each_slip_sums_up_shifts_and_hours(sample: PrintRequest) -> None:
    text = pdftools.text(render(Kind.SLIPS, sample))
    for slip in slips(sample)[:8]:
        hours = f"{slip.hours:g}"
        assert f"{len(slip.duties)} shifts · {hours} hours" in text
    assert "2020-01-20 to 2/16" in text


def test_slips_are_cut_apart_along_dashed_lines(sample: PrintRequest) -> None:
    pdf = render(Kind.SLIPS, sample)
    image = pdftools.pixels(pdf, dpi=72)
    width, height, _data = image
    # Down the middle of the page runs the dashed cut line: grey and white in turn.
    column = [pdftools.pixel(image, width / 2, y) for y in range(80, height - 60)]
    grey = [p for p in column if 100 < p[0] < 200]
    white = [p for p in column if p[0] > 240]
    assert len(grey) > 50 and len(white) > 50


def test_a_one_week_slip_is_small_and_many_fit_a_page(sample_week: PrintRequest) -> None:
    data = slips(sample_week)
    pdf = render(Kind.SLIPS, sample_week)
    per_page = -(-len(data) // pdftools.info(pdf)["pages"])
    assert per_page >= 8
    assert read_slips(pdf, sample_week).keys() == {s.person.name for s in data}
