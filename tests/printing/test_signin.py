"""Sign-in sheets: one per station, day and shift, with exactly that shift's people and room to sign."""

from __future__ import annotations

import dataclasses
import itertools

from reportlab.lib.units import mm

from shiftplan.printing import Kind, PrintRequest, render
from shiftplan.printing.data import sign_ins

from . import pdftools

pytestmark = pdftools.needs_poppler


def one_day(request: PrintRequest) -> PrintRequest:
    return dataclasses.replace(request, end=request.scenario.period.start)


def test_each_half_page_holds_one_shift_with_exactly_its_people(sample: PrintRequest) -> None:
    request = one_day(sample)
    sheets = sign_ins(request)
    assert [s.shift.id for s in sheets] == ["D", "E", "N"]
    pdf = render(Kind.SIGNIN, request)
    info = pdftools.info(pdf)
    assert info["pages"] == 2
    names = {p.name for p in request.scenario.staff}
    halves = []
    for page in pdftools.words(pdf):
        middle = info["width"] / 2
        halves += [[w for w in page if w.cx < middle], [w for w in page if w.cx > middle]]
    for sheet, words in zip(sheets, halves, strict=False):
        texts = [w.text for w in words]
        assert sheet.shift.name in texts and "2020-01-20" in texts
        assert {"Arrival", "Signature", "Departure"} <= set(texts)
        printed = [w for w in words if w.name in names]
        # The leader's name appears twice: in the heading and, starred, at the top of the table.
        assert sorted({w.name for w in printed}) == sorted(d.person.name for d in sheet.duties)
        leader = sheet.leaders[0].person.name
        assert [w.text for w in printed].count(f"★{leader}") == 2
        table = sorted((w for w in printed if w.y0 > max(x.y1 for x in words if x.text == "Signature")),
                       key=lambda w: w.y0)
        assert [w.name for w in table] == [d.person.name for d in sheet.duties]
        gaps = [b.y0 - a.y0 for a, b in itertools.pairwise(table)]
        assert min(gaps) >= 7 * mm - 0.5  # room for a signature
        assert f"Expected: {len(sheet.duties)}" in " ".join(texts)
    assert not [w for w in halves[3] if w.name in names or w.text == "Signature"]  # nothing on the fourth half


def test_a_week_prints_three_sheets_a_day(sample_week: PrintRequest) -> None:
    pdf = render(Kind.SIGNIN, sample_week)
    assert pdftools.info(pdf)["pages"] == -(-7 * 3 // 2)


def test_a_shift_too_big_for_half_a_page_continues_on_the_next_half(sample: PrintRequest) -> None:
    from .conftest import small_request

    names = [f"{s}{g}" for s in "王李张刘陈杨赵黄周吴" for g in "伟芳军"]  # 30 people on the shift
    request = dataclasses.replace(small_request(names, days=1), end=None)
    pdf = render(Kind.SIGNIN, request)
    words = [w for page in pdftools.words(pdf) for w in page if w.name in set(names)]
    assert sorted(w.name for w in words) == sorted(names * 2)  # both shifts, everyone once each
    assert pdftools.text(pdf).count("No.") >= 3  # the column heads repeat on the continuation
