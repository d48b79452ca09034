"""Which cover entry applies to each (station, shift, date): the last matching one, entirely."""

from __future__ import annotations

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.cover import Slot, entry_matches, resolve_cover

from .builders import cover, d, days, scenario, weekend_calendar

FRI, SAT, SUN = d("2024-03-08"), d("2024-03-09"), d("2024-03-10")


def test_no_entries_no_needs() -> None:
    scn = scenario("2024-03-08", "2024-03-10")
    assert resolve_cover(scn, weekend_calendar(scn.period)) == {}


def test_entry_without_station_and_shift_covers_every_slot() -> None:
    entry = cover(min=1)
    scn = scenario("2024-03-08", "2024-03-10", stations=["S1", "S2"], cover=[entry])
    needs = resolve_cover(scn, weekend_calendar(scn.period))
    assert len(needs) == 2 * 3 * 3
    assert all(need is entry for need in needs.values())


def test_last_matching_entry_wins_and_carries_its_own_defaults() -> None:
    general = cover(station="S1", shift="D", min=2, max=4, target=3, roles={"police": 1}, party_min=1)
    weekend = cover(station="S1", shift="D", days=["restday"], min=1)
    scn = scenario("2024-03-08", "2024-03-10", cover=[general, weekend])
    needs = resolve_cover(scn, weekend_calendar(scn.period))
    assert needs[Slot("S1", "D", FRI)] is general
    assert needs[Slot("S1", "D", SAT)] is weekend
    applied = needs[Slot("S1", "D", SUN)]
    assert (applied.min, applied.max, applied.target, dict(applied.roles), applied.party_min) == (1, None, None, {}, 0)
    assert Slot("S1", "E", FRI) not in needs


def test_an_earlier_entry_never_wins_over_a_later_match() -> None:
    specific = cover(station="S1", shift="N", days=["2024-03-09"], min=5)
    general = cover(min=1)
    scn = scenario("2024-03-08", "2024-03-10", cover=[specific, general])
    needs = resolve_cover(scn, weekend_calendar(scn.period))
    assert needs[Slot("S1", "N", SAT)] is general


def test_dates_outside_the_period_are_ignored() -> None:
    entry = cover(days=["2024-03-11", "2024-03-07"], min=1)
    scn = scenario("2024-03-08", "2024-03-10", cover=[entry])
    assert resolve_cover(scn, weekend_calendar(scn.period)) == {}


def test_selectors() -> None:
    period_days = days("2024-03-04", "2024-03-10")
    calendar = DayCalendar(
        restdays=frozenset({d("2024-03-06"), d("2024-03-10")}),  # Sat 9 March a working day, Wed 6 a holiday
        holidays=frozenset({d("2024-03-06")}),
    )

    def picked(*selectors: str) -> list[str]:
        entry = cover(days=list(selectors))
        return [x.isoformat() for x in period_days if entry_matches(entry, Slot("S1", "D", x), calendar)]

    assert picked("all") == [x.isoformat() for x in period_days]
    assert picked("workday") == ["2024-03-04", "2024-03-05", "2024-03-07", "2024-03-08", "2024-03-09"]
    assert picked("restday") == ["2024-03-06", "2024-03-10"]
    assert picked("holiday") == ["2024-03-06"]
    assert picked("sat") == ["2024-03-09"]  # by weekday, though a working day
    assert picked("wed") == ["2024-03-06"]  # by weekday, though a holiday
    assert [picked(w) for w in ("mon", "tue", "thu", "fri", "sun")] == [
        ["2024-03-04"], ["2024-03-05"], ["2024-03-07"], ["2024-03-08"], ["2024-03-10"]]
    assert picked("2024-03-05", "sun") == ["2024-03-05", "2024-03-10"]


def test_station_and_shift_must_match_when_given() -> None:
    calendar = DayCalendar(frozenset(), frozenset())
    entry = cover(station="S1", shift="D")
    assert entry_matches(entry, Slot("S1", "D", FRI), calendar)
    assert not entry_matches(entry, Slot("S2", "D", FRI), calendar)
    assert not entry_matches(entry, Slot("S1", "N", FRI), calendar)


def test_entries_naming_undefined_stations_or_shifts_need_nothing_and_do_not_crash() -> None:
    from shiftplan.domain.cover import resolve_cover
    from shiftplan.domain.model import Cover, Request
    from shiftplan.domain.validation import check

    from .builders import d, scenario, weekend_calendar

    s = scenario("2020-02-03", "2020-02-04", cover=[Cover(station="nowhere", min=3), Cover(shift="Q", min=2)],
                 requests=[Request("P1", d("2020-02-03"), True, "Q")])
    calendar = weekend_calendar(s.period)
    assert resolve_cover(s, calendar) == {}
    report = check(s, [], calendar)
    assert [v.rule for v in report.violations] == ["request"]
