"""A name with a character the font lacks is reported by name, never printed as a silent blank."""

from __future__ import annotations

import dataclasses

import pytest

from shiftplan.domain.model import Scenario, StaffMember
from shiftplan.printing import (
    MISSING_MARK,
    Kind,
    PrintRequest,
    UnprintableTextError,
    render,
    unprintable,
)
from shiftplan.printing.fonts import FONT_PATH, missing_characters, printable

from . import pdftools

RARE = "䶮"  # CJK Extension A (U+4DAE), as in 刘䶮; not in WenQuanYi Micro Hei


def renamed(request: PrintRequest, person_id: str, name: str) -> PrintRequest:
    staff = tuple(dataclasses.replace(p, name=name) if p.id == person_id else p for p in request.scenario.staff)
    scenario: Scenario = dataclasses.replace(request.scenario, staff=staff)
    return dataclasses.replace(request, scenario=scenario)


def on_duty(request: PrintRequest, station: str) -> StaffMember:
    first = next(a for a in request.schedule.assignments if a.station == station)
    return request.scenario.person(first.staff)


def test_the_bundled_font_is_loaded_from_the_resources_folder() -> None:
    assert FONT_PATH.parts[-3:] == ("resources", "fonts", "wqy-microhei.ttc")
    assert FONT_PATH.is_file()


def test_missing_characters_are_found_and_marked() -> None:
    assert missing_characters("刘喆 堃燚 赟祎 镕") == ""  # rare, but inside GBK: the font has them
    assert missing_characters(f"刘{RARE}{RARE}") == RARE
    assert missing_characters("王\ue000明") == "\ue000"  # a private-use character (造字)
    assert missing_characters("张 琳\n\t") == ""  # spaces and line breaks need no glyph
    assert printable(f"刘{RARE}") == f"刘{MISSING_MARK}"


def test_a_rare_name_is_reported_with_the_person_and_the_character(sample_week: PrintRequest) -> None:
    person = on_duty(sample_week, "G310W")
    request = renamed(sample_week, person.id, f"刘{RARE}")
    problems = unprintable(request)
    assert [(p.what, p.id, p.text, p.missing) for p in problems] == [("staff", person.id, f"刘{RARE}", RARE)]
    assert str(problems[0]) == f"person {person.id} “刘{RARE}”: the print font has no {RARE} (U+4DAE)"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_refuses_to_print_a_gap(sample_week: PrintRequest, kind: Kind) -> None:
    request = renamed(sample_week, on_duty(sample_week, "G310W").id, f"刘{RARE}")
    with pytest.raises(UnprintableTextError) as caught:
        render(kind, request)
    assert f"刘{RARE}" in str(caught.value)
    assert caught.value.problems == tuple(unprintable(request))


@pytest.mark.parametrize("kind", [Kind.SHEET, Kind.SLIPS, Kind.SIGNIN, Kind.FAIRNESS])
@pdftools.needs_poppler
def test_printed_anyway_the_gap_shows_as_a_geta_mark(sample_week: PrintRequest, kind: Kind) -> None:
    person = on_duty(sample_week, "G310W")
    request = renamed(sample_week, person.id, f"刘{RARE}")
    text = pdftools.text(render(kind, request, mark_unprintable=True))
    assert f"刘{MISSING_MARK}" in text
    assert RARE not in text


def test_a_rare_name_at_another_station_does_not_stop_this_stations_print(sample_week: PrintRequest) -> None:
    elsewhere = on_duty(sample_week, "ZSL")
    request = renamed(sample_week, elsewhere.id, f"刘{RARE}")
    assert request.stations == ["G310W"]
    assert unprintable(request) == []
    render(Kind.SHEET, request)
    assert len(unprintable(dataclasses.replace(request, stations=None))) == 1


def test_station_names_and_labels_are_checked_too(sample_week: PrintRequest) -> None:
    station = dataclasses.replace(sample_week.scenario.stations[0], name=f"{RARE}家庄防疫服务站")
    scenario = dataclasses.replace(sample_week.scenario, stations=(station, *sample_week.scenario.stations[1:]))
    request = dataclasses.replace(sample_week, scenario=scenario, version_label=f"v{RARE}")
    assert {(p.what, p.id) for p in unprintable(request)} == {("station", "G310W"), ("label", "")}
