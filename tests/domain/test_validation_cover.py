"""Cover: the need of each (station, shift, date), as the validator judges it.

Spec (cover): "`min` people required (hard; default 0); `max` people allowed (hard; default
none); `roles`: minimum assignments serving each role (hard); `party_min`: minimum Party members on
the shift (hard); `target`: the preferred number, soft, costing `target_under` per person below it
(default 10) and `target_over` per person above it (default 1). With "soft": true the entry's `min`,
`roles` and `party_min` become soft, costing `soft_weight` (default 100) per missing person for
each of them (charges add up); `max` stays hard." staff: "`member` and `probationary` count as
Party members."
"""

from __future__ import annotations

from shiftplan.domain.calendar import DayCalendar, resolve_calendar
from shiftplan.domain.model import CalendarSpec
from shiftplan.official_calendar import official_calendar

from .builders import (
    V,
    a,
    assert_clean,
    assert_violations,
    cover,
    d,
    hard,
    person,
    run,
    scenario,
    soft,
    weekend_calendar,
)

DAY = "2024-03-04"  # a Monday
STAFF = [f"P{i}" for i in range(1, 7)]
ROLES = ("police", "medic", "clerk")
CREW = [
    person("P1", roles=["police", "medic"], party="member"),
    person("P2", roles=["police"], party="probationary"),
    person("P3", roles=["medic", "police"], party="applicant"),
    person("P4", roles=["clerk"], party="none"),
    person("P5", roles=["clerk", "police"]),
]


def on_d(*people: str, date: str = DAY, shift: str = "D", station: str = "S1") -> list:
    return [a(p, date, shift, station) for p in people]


def crew(*pairs: tuple[str, str], date: str = DAY, shift: str = "D") -> list:
    return [a(p, date, shift, "S1", role) for p, role in pairs]


def broken(rule: str, date: str = DAY, shift: str = "D", station: str = "S1", role: str | None = None) -> V:
    """A hard cover violation of one slot."""
    return hard(rule, None, [date], shift=shift, station=station, role=role)


def costs(rule: str, cost: float, date: str = DAY, shift: str = "D", station: str = "S1",
          role: str | None = None) -> V:
    """A soft cover cost of one slot."""
    return soft(rule, None, [date], cost, shift=shift, station=station, role=role)


# --- min / max --------------------------------------------------------------------------------


def test_min_met_is_fine() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=2)])
    assert_clean(run(scn, on_d("P1", "P2")))
    assert_clean(run(scn, on_d("P1", "P2", "P3")))  # no max


def test_min_short_is_hard_once_per_slot() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=3)])
    report = run(scn, on_d("P1"))
    assert_violations(report, broken("cover_min"))
    assert not report.feasible


def test_max_exceeded_is_hard() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=1, max=2)])
    assert_clean(run(scn, on_d("P1", "P2")))
    assert_violations(run(scn, on_d("P1", "P2", "P3")), broken("cover_max"))


def test_default_min_is_zero() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", max=1)])
    assert_clean(run(scn, []))


def test_people_at_another_station_or_shift_do_not_count() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, stations=["S1", "S2"],
                   cover=[cover(station="S1", shift="D", min=1)])
    report = run(scn, on_d("P1", station="S2") + on_d("P2", shift="E"))
    assert_violations(report, broken("cover_min"))


# --- roles and Party members ------------------------------------------------------------------


def test_roles_count_assignments_serving_the_role() -> None:
    scn = scenario(DAY, DAY, staff=CREW, roles=ROLES,
                   cover=[cover(station="S1", shift="D", roles={"police": 2, "medic": 1})])
    assert_clean(run(scn, crew(("P1", "police"), ("P2", "police"), ("P3", "medic"))))
    # P3 holds police but serves as medic: only one police officer serving
    report = run(scn, crew(("P1", "medic"), ("P2", "police"), ("P3", "medic")))
    assert_violations(report, broken("cover_roles", role="police"))


def test_each_short_role_is_its_own_violation() -> None:
    scn = scenario(DAY, DAY, staff=CREW, roles=ROLES,
                   cover=[cover(station="S1", shift="D", roles={"police": 2, "medic": 1, "clerk": 1})])
    report = run(scn, crew(("P4", "clerk")))
    assert_violations(report, broken("cover_roles", role="police"),
                      broken("cover_roles", role="medic"))


def test_party_min_counts_members_and_probationary_members() -> None:
    scn = scenario(DAY, DAY, staff=CREW, roles=ROLES, cover=[cover(station="S1", shift="D", party_min=2)])
    assert_clean(run(scn, crew(("P1", "police"), ("P2", "police"))))
    # an applicant (入党积极分子) and a non-member do not count
    report = run(scn, crew(("P1", "police"), ("P3", "medic"), ("P4", "clerk"), ("P5", "clerk")))
    assert_violations(report, broken("cover_party"))


# --- soft entries -----------------------------------------------------------------------------


def test_soft_entry_charges_add_up_per_missing_person() -> None:
    scn = scenario(DAY, DAY, staff=CREW, roles=ROLES,
                   cover=[cover(station="S1", shift="D", min=3, roles={"police": 2, "medic": 1},
                                party_min=2, soft=True)])
    report = run(scn, crew(("P4", "clerk")))
    assert_violations(
        report,
        costs("cover_min", 200),
        costs("cover_roles", 200, role="police"),
        costs("cover_roles", 100, role="medic"),
        costs("cover_party", 200),
    )
    assert report.feasible
    assert report.objective == 700


def test_soft_weight_is_per_missing_person() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=4, soft=True,
                                                       soft_weight=7.5)])
    assert_violations(run(scn, on_d("P1")), costs("cover_min", 22.5))


def test_soft_entry_keeps_max_hard() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=1, max=1, soft=True)])
    report = run(scn, on_d("P1", "P2"))
    assert_violations(report, broken("cover_max"))
    assert not report.feasible


# --- target -----------------------------------------------------------------------------------


def test_target_defaults_ten_under_one_over() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=1, target=3)])
    assert_clean(run(scn, on_d("P1", "P2", "P3")))
    assert_violations(run(scn, on_d("P1")), costs("cover_target", 20))
    assert_violations(run(scn, on_d(*STAFF[:5])), costs("cover_target", 2))


def test_target_with_own_weights_and_together_with_min() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", min=2, target=4,
                                                       target_under=2.5, target_over=0.5)])
    report = run(scn, on_d("P1"))
    assert_violations(report, broken("cover_min"),
                      costs("cover_target", 7.5))
    assert_violations(run(scn, on_d(*STAFF)), costs("cover_target", 1))


def test_target_is_soft_even_without_soft_flag_and_with_no_one_on_duty() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(station="S1", shift="D", target=1)])
    report = run(scn, [])
    assert_violations(report, costs("cover_target", 10))
    assert report.feasible


# --- which entry applies ----------------------------------------------------------------------


def test_last_matching_entry_applies_entirely() -> None:
    # Friday 8 and Saturday 9 March. On the restday the second entry applies alone: one person, no
    # role minimum, no target (it omits them, so they take their defaults).
    entries = [
        cover(station="S1", shift="D", min=2, roles={"police": 1}, target=3, party_min=1),
        cover(station="S1", shift="D", days=["restday"], min=1),
    ]
    scn = scenario("2024-03-08", "2024-03-09", staff=CREW, roles=ROLES, cover=entries)
    report = run(scn, crew(("P1", "police"), ("P3", "medic"), ("P4", "clerk"), date="2024-03-08")
                 + crew(("P4", "clerk"), date="2024-03-09"))
    assert_clean(report)
    report = run(scn, crew(("P4", "clerk"), date="2024-03-08"))
    assert_violations(
        report,
        broken("cover_min", "2024-03-08"),
        broken("cover_roles", "2024-03-08", role="police"),
        broken("cover_party", "2024-03-08"),
        costs("cover_target", 20, "2024-03-08"),
        broken("cover_min", "2024-03-09"),
    )


def test_a_later_general_entry_overrides_an_earlier_specific_one() -> None:
    entries = [cover(station="S1", shift="D", min=3), cover(min=1)]
    scn = scenario(DAY, DAY, staff=STAFF, cover=entries)
    report = run(scn, on_d("P1") + on_d("P2", shift="E") + on_d("P3", shift="N"))
    assert_clean(report)


def test_soft_flag_is_not_inherited_from_an_earlier_entry() -> None:
    entries = [cover(station="S1", shift="D", min=2, soft=True), cover(station="S1", shift="D", min=2)]
    scn = scenario(DAY, DAY, staff=STAFF, cover=entries)
    assert_violations(run(scn, on_d("P1")), broken("cover_min"))


def test_omitted_station_and_shift_mean_all() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, stations=["S1", "S2"], cover=[cover(min=1)])
    report = run(scn, on_d("P1"))
    assert_violations(report, *[broken("cover_min", shift=s, station=st)
                                for st in ("S1", "S2") for s in ("D", "E", "N") if (st, s) != ("S1", "D")])


def test_an_unmatched_slot_has_no_need_and_no_maximum() -> None:
    scn = scenario(DAY, DAY, staff=STAFF, cover=[cover(shift="D", min=1, max=1)])
    assert_clean(run(scn, on_d("P1") + on_d("P2", "P3", "P4", shift="E")))


# --- days selectors ---------------------------------------------------------------------------


def test_workday_and_restday_selectors() -> None:
    entries = [cover(station="S1", shift="D", days=["workday"], min=2),
               cover(station="S1", shift="N", days=["restday"], min=1)]
    scn = scenario("2024-03-08", "2024-03-09", staff=STAFF, cover=entries)  # Friday, Saturday
    report = run(scn, on_d("P1", "P2", date="2024-03-08") + on_d("P3", date="2024-03-09", shift="N"))
    assert_clean(report)
    report = run(scn, on_d("P3", date="2024-03-08", shift="N"))
    assert_violations(report, broken("cover_min", "2024-03-08"),
                      broken("cover_min", "2024-03-09", "N"))


def test_holiday_selector() -> None:
    scn = scenario("2024-03-06", "2024-03-07", staff=STAFF,
                   cover=[cover(station="S1", shift="D", days=["holiday"], min=1)])
    calendar = weekend_calendar(scn.period, holidays=[d("2024-03-07")])
    assert_violations(run(scn, [], calendar), broken("cover_min", "2024-03-07"))


def test_weekday_selectors_follow_the_weekday_even_on_an_adjusted_working_day() -> None:
    # Sunday 19 January 2020 was a working day (调休); Saturday 18 January an ordinary restday;
    # 24 January (a Friday) starts the Spring Festival holidays.
    scn = scenario("2020-01-17", "2020-01-24", staff=STAFF, calendar=CalendarSpec("CN"),
                   cover=[cover(station="S1", shift="D", days=["sun"], min=1),
                          cover(station="S1", shift="E", days=["workday"], min=1),
                          cover(station="S1", shift="N", days=["restday"], min=1)])
    calendar = resolve_calendar(scn.calendar, scn.period, official_calendar())
    report = run(scn, [], calendar)
    got = {(v.rule, v.shift, v.dates[0].isoformat()) for v in report.violations}
    assert ("cover_min", "D", "2020-01-19") in got
    assert {x for x in got if x[1] == "D"} == {("cover_min", "D", "2020-01-19")}
    assert {x[2] for x in got if x[1] == "E"} == {"2020-01-17", "2020-01-19", "2020-01-20", "2020-01-21",
                                                  "2020-01-22", "2020-01-23"}
    assert {x[2] for x in got if x[1] == "N"} == {"2020-01-18", "2020-01-24"}


def test_iso_date_selectors_and_dates_outside_the_period() -> None:
    scn = scenario("2024-03-04", "2024-03-06", staff=STAFF,
                   cover=[cover(station="S1", shift="D", days=["2024-03-05", "2024-04-01"], min=1),
                          cover(station="S1", shift="E", days=["2023-01-01"], min=1)])
    assert_violations(run(scn, []), broken("cover_min", "2024-03-05"))


def test_several_selectors_in_one_entry() -> None:
    scn = scenario("2024-03-04", "2024-03-10", staff=STAFF,
                   cover=[cover(station="S1", shift="D", days=["mon", "2024-03-06", "sat"], min=1)])
    report = run(scn, [])
    assert sorted(v.dates[0].isoformat() for v in report.violations) == ["2024-03-04", "2024-03-06", "2024-03-09"]


def test_all_selector_is_the_default() -> None:
    scn = scenario("2024-03-04", "2024-03-05", staff=STAFF, cover=[cover(station="S1", shift="D", min=1)])
    calendar = DayCalendar(restdays=frozenset(), holidays=frozenset())
    assert len(run(scn, [], calendar).violations) == 2
