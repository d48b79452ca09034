"""Sample printouts for the documentation: ``python -m shiftplan.printing.samples OUTDIR``.

Writes ``print-sheet.png``, ``print-slips.png``, ``print-signin.png``, ``print-fairness.png`` and
``print-changes.png`` (the first page of each kind, via poppler's ``pdftoppm``) and, with ``--pdf``,
the PDFs too. Run it again after the translations change. Set ``SHIFTPLAN_LANG`` (or ``--lang``) to
choose the language.

The data are built here from the domain alone (this package may not import the demo): a 57-person
checkpoint in four crews that rotate through night, day and evening shifts over the Spring Festival
of 2020, and a second, earlier version of the roster for the changes page.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from shiftplan import i18n
from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.model import (
    Assignment,
    CalendarSpec,
    FairnessWeights,
    Party,
    Period,
    Role,
    Scenario,
    Schedule,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet
from shiftplan.printing.api import Kind, render, write_pdf
from shiftplan.printing.data import PrintRequest

PERIOD = Period(dt.date(2020, 1, 20), dt.date(2020, 2, 16))
# The Spring Festival holiday of 2020, extended to 2 February by the State Council.
HOLIDAYS = {dt.date(2020, 1, 24) + dt.timedelta(days=i): "Spring Festival" for i in range(10)}
TEAMS = ("一组", "二组", "三组", "四组")
ROTATION = "NNDDEE--"  # each crew: two nights, two day shifts, two evenings, two days off
SHIFTS = (ShiftType("D", "白班", 8 * 60, 16 * 60), ShiftType("E", "中班", 16 * 60, 24 * 60),
          ShiftType("N", "夜班", 0, 8 * 60, night=True))
ROLES = (Role("police", "民警"), Role("medic", "医务"), Role("clerk", "登记"), Role("cadre", "消杀"),
         Role("leader", "带班"), Role("volunteer", "志愿者"))
# One crew's people by the roles they hold; the first role is the one they serve on the rotation.
CREW = (("leader", "cadre"), ("police", "leader"), ("police",), ("police",), ("police",), ("medic",),
        ("medic",), ("medic",), ("clerk",), ("clerk",), ("clerk", "cadre"), ("cadre",), ("cadre",), ("volunteer",))
STATIONS = {
    "G310W": ("310国道巩义方向防疫服务站", "0371-68912310", 57),
    "ZSL": ("郑上路防疫服务站", "0371-68915120", 30),
}
UNITS = {"leader": "区委组织部", "police": "上街区公安分局", "medic": "区人民医院", "clerk": "区交通运输局",
         "cadre": "济源路街道办事处", "volunteer": "朝阳社区"}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲斌宇浩凯健俊帆帅旭宁龙林欣佳晨阳"


def sample_calendar(period: Period = PERIOD) -> DayCalendar:
    """Weekends and the 2020 Spring Festival holiday (what the official calendar says for these dates)."""
    holidays = frozenset(d for d in period.dates() if d in HOLIDAYS)
    restdays = frozenset(d for d in period.dates() if d.weekday() >= 5 or d in holidays)
    return DayCalendar(restdays, holidays, {d: HOLIDAYS[d] for d in holidays})


def sample_scenario(stations: Mapping[str, int] | None = None, period: Period = PERIOD) -> Scenario:
    """Checkpoints of the given sizes (default: the 310 checkpoint with 57 people, 郑上路 with 30)."""
    rng = random.Random(20200120)
    sizes = stations or {sid: size for sid, (_n, _p, size) in STATIONS.items()}
    names: set[str] = set()
    staff = []
    for sid, size in sizes.items():
        for n in range(size):
            team, place = n % len(TEAMS), n // len(TEAMS)
            roles = CREW[place] if place < len(CREW) else ("volunteer",)
            while (name := rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))) in names:
                pass
            names.add(name)
            leader = "leader" in roles
            party = Party.MEMBER if leader or rng.random() < 0.3 else (
                Party.PROBATIONARY if rng.random() < 0.1 else Party.APPLICANT if rng.random() < 0.3 else Party.NONE)
            staff.append(StaffMember(f"{sid}-{n + 1:03d}", name, unit=UNITS[roles[0]], roles=roles, party=party,
                                     stations=(sid,), team=TEAMS[team]))
    return Scenario(
        name="上街区防疫服务站 2020年春节", period=period, shift_types=SHIFTS, roles=ROLES, staff=tuple(staff),
        stations=tuple(Station(sid, STATIONS.get(sid, (f"{sid}防疫服务站", "", 0))[0],
                               f"{STATIONS.get(sid, (f'{sid}防疫服务站', '', 0))[0]}临时党支部",
                               STATIONS.get(sid, ("", "0371-00000000", 0))[1]) for sid in sizes),
        calendar=CalendarSpec("CN"),
        rule_sets=(RuleSet("standard", (Rule(RuleKind.MIN_REST_HOURS, 16), Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6))),),
        weights=FairnessWeights(shifts=5, nights=10, restdays=5, holidays=5),
    )


def rotation_schedule(scenario: Scenario) -> Schedule:
    """Each crew (team) on the rotation, everyone serving their first role; volunteers do no nights."""
    teams = sorted({p.team for p in scenario.staff})
    assignments = []
    for person in scenario.staff:
        team = teams.index(person.team)
        station = person.stations[0] if person.stations else scenario.stations[0].id
        for day in scenario.period.dates():
            shift = ROTATION[((day - scenario.period.start).days + 2 * team) % len(ROTATION)]
            if shift != "-" and not (shift == "N" and "volunteer" in person.roles):
                role = person.roles[0] if person.roles else None
                assignments.append(Assignment(day, shift, station, person.id, role))
    return Schedule(tuple(assignments), scenario=scenario.name)


def revised(scenario: Scenario, schedule: Schedule) -> Schedule:
    """The roster after a few changes at the first station, for the changes page.

    On the ninth day a medic falls ill for two days and an off-duty volunteer stands in on the first;
    two days later two police officers swap shifts; the day after, a clerk serves as cadre.
    """
    by_id = {p.id: p for p in scenario.staff}
    mine = [a for a in schedule.assignments if a.station == scenario.stations[0].id]
    day = scenario.period.start + dt.timedelta(days=8)
    result = list(schedule.assignments)

    medic = next(a for a in mine if a.date == day and a.role == "medic" and a.shift != "N")
    for a in mine:
        if a.staff == medic.staff and day <= a.date <= day + dt.timedelta(days=1):
            result.remove(a)
    busy = {a.staff for a in mine if a.date == day}
    volunteer = next(p for p in scenario.staff if "volunteer" in p.roles and p.id not in busy)
    result.append(dataclasses.replace(medic, staff=volunteer.id, role="volunteer"))

    swap_day = day + dt.timedelta(days=2)
    p1 = next(a for a in mine if a.date == swap_day and a.role == "police")
    p2 = next(a for a in mine if a.date == swap_day and a.role == "police" and a.shift != p1.shift)
    result[result.index(p1)] = dataclasses.replace(p1, shift=p2.shift)
    result[result.index(p2)] = dataclasses.replace(p2, shift=p1.shift)

    clerk = next(a for a in mine if a.date == day + dt.timedelta(days=3) and by_id[a.staff].roles == ("clerk", "cadre"))
    result[result.index(clerk)] = dataclasses.replace(clerk, role="cadre")
    return Schedule(tuple(result), scenario=scenario.name)


def sample_request(**options: object) -> PrintRequest:
    """The 310 checkpoint's revised roster (version 3), with the rotation as the previous version."""
    scenario = sample_scenario()
    previous = rotation_schedule(scenario)
    fields: dict[str, object] = {
        "stations": ["G310W"], "version_label": "v3", "status_label": "已发布",
        "printed_at": dt.datetime(2020, 1, 19, 18, 0), "previous_schedule": previous,
    } | options
    return PrintRequest(scenario, sample_calendar(scenario.period), revised(scenario, previous),
                        **fields)  # type: ignore[arg-type]


def write_samples(out: Path, dpi: int = 60, keep_pdf: bool = False) -> list[Path]:
    """Render each kind and write the PNG of its first page (and the PDF) into ``out``."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to turn the PDFs into images")
    out.mkdir(parents=True, exist_ok=True)
    requests = {
        Kind.SHEET: sample_request(),
        Kind.SLIPS: sample_request(),
        Kind.SIGNIN: sample_request(end=PERIOD.start + dt.timedelta(days=1)),
        Kind.FAIRNESS: sample_request(),
        Kind.CHANGES: sample_request(),
    }
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for kind, request in requests.items():
            pdf = render(kind, request)
            pdf_path = (out if keep_pdf else Path(scratch)) / f"print-{kind.value}.pdf"
            write_pdf(pdf_path, pdf)
            png = out / f"print-{kind.value}"
            subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf_path),
                            str(png)], check=True)
            written.append(png.with_suffix(".png"))
            if keep_pdf:
                written.append(pdf_path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m shiftplan.printing.samples", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the images (e.g. docs/images)")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--pdf", action="store_true", help="keep the PDFs beside the images")
    parser.add_argument("--lang", help="zh_CN or en (default: $SHIFTPLAN_LANG, else zh_CN)")
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    for path in write_samples(args.out, args.dpi, args.pdf):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
