"""The station shift sheet, read back from the PDF with poppler: every name in its day, shift and role."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from shiftplan.domain.model import Role, ShiftType
from shiftplan.printing import Kind, PrintRequest, PrintRequestError, render
from shiftplan.printing.data import SheetPage, sheet_pages
from shiftplan.printing.formats import short_date
from shiftplan.printing.samples import rotation_schedule

from . import pdftools
from .conftest import small_request

pytestmark = pdftools.needs_poppler
A4_LANDSCAPE = (841.89, 595.28)


def placements(pdf: bytes, pages: list[SheetPage], names: set[str]) -> set[tuple[str, dt.date, str, str | None]]:
    """(name, date, shift, role) for each of ``names`` printed, found by where it stands on the page.

    A name's day is the column under the date heading nearest to it; its shift and role are those
    of the nearest role label of the role column (labels are centred in their rows).
    """
    found = set()
    all_words = pdftools.words(pdf)
    assert len(all_words) == len(pages)
    for page, words in zip(pages, all_words, strict=True):
        headings = {short_date(d.date): d for d in page.days}
        corner = next(w for w in words if w.text == "Shift")  # the table's top left cell
        dates = sorted((w for w in words if w.text in headings and abs(w.cy - corner.cy) < 20), key=lambda w: w.cx)
        assert [headings[w.text] for w in dates] == list(page.days)
        half = (dates[1].cx - dates[0].cx) / 2 if len(dates) > 1 else 60
        body_top = max(w.y1 for w in dates)
        body_bottom = next(w for w in words if w.text == "Prepared").y0 - 2  # the legend is on this line
        words = [w for w in words if w.y1 < body_bottom]
        role_names = {r.name if r else "—" for _shift, roles in page.rows for r in roles}
        labels = sorted((w for w in words if w.cx < dates[0].cx - half and w.y0 > body_top and w.text in role_names),
                        key=lambda w: w.cy)
        rows = [(shift, role) for shift, roles in page.rows for role in roles]
        assert [w.text for w in labels] == [r.name if r else "—" for _s, r in rows]
        for word in words:
            if word.name not in names:
                continue
            assert word.cx > dates[0].cx - half and word.y0 > body_top, f"{word.text} outside the days"
            day = min(dates, key=lambda d: abs(d.cx - word.cx))
            assert abs(day.cx - word.cx) < half, f"{word.text} outside every day column"
            row = min(range(len(labels)), key=lambda i: abs(labels[i].cy - word.cy))
            shift, role = rows[row]
            found.add((word.name, headings[day.text].date, shift.id, role.id if role else None))
    return found


def staff_names(request: PrintRequest) -> set[str]:
    return {p.name for p in request.scenario.staff}


def expected(request: PrintRequest) -> set[tuple[str, dt.date, str, str | None]]:
    names = {p.id: p.name for p in request.scenario.staff}
    dates = set(request.dates())
    stations = set(request.stations or [s.id for s in request.scenario.stations])
    return {(names[a.staff], a.date, a.shift, a.role) for a in request.schedule.assignments
            if a.date in dates and a.station in stations}


def test_every_name_stands_in_its_day_shift_and_role(sample: PrintRequest) -> None:
    pdf = render(Kind.SHEET, sample)
    assert placements(pdf, sheet_pages(sample), staff_names(sample)) == expected(sample)


def test_a_57_person_week_fits_one_a4_landscape_page(sample_week: PrintRequest) -> None:
    assert len(sample_week.scenario.staff) - 30 == 57  # the sample's second station has 30
    pdf = render(Kind.SHEET, sample_week)
    info = pdftools.info(pdf)
    assert info["pages"] == 1
    assert (info["width"], info["height"]) == pytest.approx(A4_LANDSCAPE, abs=0.1)
    assert not pdftools.overlapping(pdftools.words(pdf)[0])


def test_the_demo_districts_biggest_checkpoint_prints_a_page_per_week() -> None:
    demo = pytest.importorskip("shiftplan.demo")
    from shiftplan.domain.calendar import resolve_calendar
    from shiftplan.official_calendar import official_calendar

    scenario = demo.build_demo()
    biggest, size = Counter(p.stations[0] for p in scenario.staff if p.stations).most_common(1)[0]
    assert size == 57
    request = PrintRequest(scenario, resolve_calendar(scenario.calendar, scenario.period, official_calendar()),
                           rotation_schedule(scenario), stations=[biggest])
    pdf = render(Kind.SHEET, request)
    assert pdftools.info(pdf)["pages"] == -(-scenario.period.days // 7)
    assert placements(pdf, sheet_pages(request), staff_names(request)) == expected(request)


def test_the_font_is_embedded_as_a_truetype_subset(sample_week: PrintRequest) -> None:
    # ReportLab embeds a TrueType font as subsets of up to 256 glyphs (WenQuanYiMicroHei-0, -1 …),
    # each a simple TrueType font with a ToUnicode map, so the text stays searchable.
    fonts = pdftools.fonts(render(Kind.SHEET, sample_week))
    assert fonts, "no font at all"
    for font in fonts:
        assert "WenQuanYiMicroHei" in font["name"], font
        assert font["type"] in ("TrueType", "CID TrueType"), font
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font


def test_header_and_footer(sample_week: PrintRequest) -> None:
    text = pdftools.text(render(Kind.SHEET, sample_week))
    station = sample_week.scenario.stations[0]
    for expected_text in (f"{station.name} duty roster", f"Party branch: {station.branch}",
                          f"Duty phone: {station.phone}", "2020-01-20 to 1/26", "Plan v3 · 已发布",
                          "printed 2020-01-19 18:00", "page 1 of 1", "Prepared by:", "Checked by:",
                          "Party member (incl. probationary)"):
        assert expected_text in text
    for shift in ("白班", "08:00–16:00", "中班", "16:00–24:00", "夜班", "00:00–08:00"):
        assert shift in text


def test_a_month_prints_a_page_per_week_each_with_its_own_dates(sample: PrintRequest) -> None:
    pages = pdftools.page_texts(render(Kind.SHEET, sample))
    assert len(pages) == 4
    for number, (page, first) in enumerate(zip(pages, ("1/20", "1/27", "2/3", "2/10"), strict=True), start=1):
        assert first in page and f"page {number} of 4" in page


def test_holidays_are_named_and_shaded_and_restdays_shaded(sample_week: PrintRequest) -> None:
    pdf = render(Kind.SHEET, sample_week)
    words = pdftools.words(pdf)[0]
    image = pdftools.pixels(pdf)
    festival = [w for w in words if w.text == "Festival"]
    assert len(festival) == 3  # 24, 25 and 26 January
    monday = next(w for w in words if w.text == "Mon")
    # Just right of the holiday's name, and of the weekday on a working day: the cell's background.
    holiday_bg = pdftools.pixel(image, festival[0].x1 + 3, festival[0].cy)
    workday_bg = pdftools.pixel(image, monday.x1 + 3, monday.cy)
    assert holiday_bg != workday_bg
    assert holiday_bg[0] > holiday_bg[2]  # warm tint
    weekend = small_request(["甲", "乙"], days=7)  # 7 and 8 March 2020: an ordinary weekend
    pdf = render(Kind.SHEET, weekend)
    words = pdftools.words(pdf)[0]
    image = pdftools.pixels(pdf)
    friday, saturday = (next(w for w in words if w.text == t) for t in ("Fri", "Sat"))
    rest_bg = pdftools.pixel(image, saturday.x1 + 3, saturday.cy)
    assert rest_bg != pdftools.pixel(image, friday.x1 + 3, friday.cy)
    assert rest_bg[2] > rest_bg[0]  # cool tint


def test_a_night_across_midnight_reads_next_day() -> None:
    text = pdftools.text(render(Kind.SHEET, small_request(["张琳", "王伟"])), layout=False)
    assert "08:00–20:00" in text
    # Too wide for the shift column on one line, so it breaks after the dash.
    assert "20:00–\nnext day 08:00" in text


def test_long_cells_wrap_inside_their_column_and_nothing_overlaps() -> None:
    # Thirty people on each shift, some with long names, none too wide: the week still fits a page
    # with the font shrunk, every name whole, inside its own column.
    names = [f"{s}{g}" for s in "王李张刘陈杨赵黄周吴" for g in ("伟", "秀英", "建国")]
    names += ["阿卜杜热合曼·买买提", "欧阳晓明", "司马长风", "热依拉·艾合买提"]
    request = small_request(names, roles=(Role("leader", "带班"),), per_shift=30)
    pdf = render(Kind.SHEET, request)
    assert pdftools.info(pdf)["pages"] == 1
    page = pdftools.words(pdf)[0]
    assert not pdftools.overlapping(page)
    assert placements(pdf, sheet_pages(request), staff_names(request)) == expected(request)


def test_a_week_too_full_for_one_page_is_split_by_days_never_squeezed_below_6pt() -> None:
    names = [f"{s}{g}{h}" for s in "王李张刘陈杨赵黄周吴孙胡" for g in "志建晓海春" for h in "明华军"]  # 180
    request = small_request(names)
    pdf = render(Kind.SHEET, request)
    pages = pdftools.words(pdf)
    assert len(pages) > 1
    for page in pages:
        assert not pdftools.overlapping(page)
        names_here = [w for w in page if w.name in names]
        assert min(w.y1 - w.y0 for w in names_here) > 5.5  # pdftotext's box is about the font size
    printed = [w.name for page in pages for w in page if w.name in set(names)]
    assert len(printed) == len(names) * 2 * 7  # everyone on both shifts of all seven days, once each


def test_without_roles_there_is_no_role_column() -> None:
    request = small_request(["张琳", "王伟"], shifts=(ShiftType("D", "白班", 8 * 60, 16 * 60),))
    text = pdftools.text(render(Kind.SHEET, request))
    assert "Role" not in text and "张琳" in text


def test_an_empty_roster_prints_empty_sheets(sample_week: PrintRequest) -> None:
    empty = dataclasses.replace(sample_week, schedule=dataclasses.replace(sample_week.schedule, assignments=()))
    pdf = render(Kind.SHEET, empty)
    assert pdftools.info(pdf)["pages"] == 1


def test_each_station_has_its_own_pages(sample_week: PrintRequest) -> None:
    both = dataclasses.replace(sample_week, stations=None)
    pages = pdftools.page_texts(render(Kind.SHEET, both))
    assert len(pages) == 2
    assert "310国道巩义方向防疫服务站 duty roster" in pages[0]
    assert "郑上路防疫服务站 duty roster" in pages[1]


def test_an_unknown_station_or_dates_outside_the_plan_are_refused(sample: PrintRequest) -> None:
    with pytest.raises(PrintRequestError, match="unknown station: NOPE"):
        render(Kind.SHEET, dataclasses.replace(sample, stations=["NOPE"]))
    with pytest.raises(PrintRequestError, match="no planned date"):
        render(Kind.SHEET, dataclasses.replace(sample, start=dt.date(2021, 1, 1)))


def test_dates_are_clipped_to_the_period(sample: PrintRequest) -> None:
    request = dataclasses.replace(sample, start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 22))
    assert request.dates()[0] == sample.scenario.period.start
    assert pdftools.info(render(Kind.SHEET, request))["pages"] == 1
