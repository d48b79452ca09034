"""The demo district: the eight epidemic checkpoints (防疫服务站) of 上街区, Spring Festival 2020.

Four weeks from 20 January 2020 (the extended Spring Festival holiday included), 304 people, the
310 National Road checkpoint (Gongyi direction) first with 57 of them. Every station runs three
8-hour shifts around the clock with four crews (四班三倒): each crew follows :data:`ROTATION`
(two nights, two day shifts, two evening shifts, two days off), so three crews are on duty and one
rests on any date. The crews are built so that this rotation alone meets every hard rule even with
the listed absences, which makes the demo feasible with room to spare for the solver.

Everything is derived from the tables below with one seeded ``random.Random``: the same scenario on
every call. Names, phone numbers and units are invented.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass

from shiftplan.domain.model import (
    Absence,
    CalendarSpec,
    Cover,
    FairnessWeights,
    FixedAssignment,
    History,
    HistoryCount,
    HistoryShift,
    Party,
    Period,
    Request,
    Role,
    Scenario,
    ShiftType,
    StaffMember,
    Station,
)
from shiftplan.domain.rules import Rule, RuleKind, RuleSet

SEED = 20200120
PERIOD = Period(dt.date(2020, 1, 20), dt.date(2020, 2, 16))
HISTORY_START = dt.date(2020, 1, 17)  # the 310 checkpoint has been running for three days
# 2020-01-19 was a Sunday worked in lieu (调休), so only the Saturday of the history is a restday.
HISTORY_RESTDAYS = frozenset({dt.date(2020, 1, 18)})

TEAMS = ("一组", "二组", "三组", "四组")
# Two nights, two day shifts, two evening shifts, two days off. Rotating N -> D -> E always leaves
# 16 h or more between shifts; D -> N, E -> D and E -> N on the next date would leave 8 h or less.
ROTATION = "NNDDEE--"
ROTATION_EPOCH = dt.date(2020, 1, 25)  # 一组 starts a cycle with the night from 除夕 into 初一

# --- stations ------------------------------------------------------------------------------

# Role minimums per shift; a person serves one role per shift.
BIG = {"police": 2, "medic": 2, "clerk": 2, "cadre": 2, "leader": 1}
WIDE = {"police": 2, "medic": 2, "clerk": 2, "cadre": 1, "leader": 1}
EXIT = {"police": 1, "medic": 1, "clerk": 2, "cadre": 1, "leader": 1}  # a motorway exit: much to register
TRAIN = {"police": 1, "medic": 2, "clerk": 1, "cadre": 1, "leader": 1}  # passengers: much to screen
SMALL = {"police": 1, "medic": 1, "clerk": 1, "cadre": 1, "leader": 1}


@dataclass(frozen=True)
class _Post:
    """One row of the station table."""

    id: str
    name: str
    phone: str
    size: int  # people on the roster
    crew: str  # the profiles of one crew (see PROFILES); extra people beyond 4 crews are volunteers
    cover: tuple[int, int, int]  # min, target, max people per shift
    roles: Mapping[str, int]
    party: int  # Party members (incl. probationary) among the staff
    neighbour: str = ""  # its volunteers may also serve there


STATIONS = (
    _Post("G310W", "310国道巩义方向防疫服务站", "0371-68912310", 57, "CL PL P P P M M M K K KC C C V",
          (12, 13, 14), BIG, 25),
    _Post("G310E", "310国道荥阳方向防疫服务站", "0371-68912311", 45, "CL PL P P M M M K K KC C",
          (9, 10, 11), WIDE, 20),
    _Post("G30SJ", "连霍高速上街站防疫服务站", "0371-68913030", 39, "CL PL P M M K K KC C",
          (7, 8, 10), EXIT, 17),
    _Post("ZSL", "郑上路防疫服务站", "0371-68915120", 36, "CL PL P M M K KC C V", (6, 7, 9), SMALL, 16),
    _Post("S232", "S232省道峡窝防疫服务站", "0371-68916232", 33, "CL PL P M M K KC C", (6, 7, 9), SMALL, 14),
    _Post("SJZ", "上街火车站防疫服务站", "0371-68917012", 33, "CL PL P M M M K KC", (6, 7, 9), TRAIN, 14),
    _Post("KXD", "科学大道西延防疫服务站", "0371-68918066", 31, "CL PL P M M K KC", (5, 6, 8), SMALL, 14,
          neighbour="ZSL"),
    _Post("QCZ", "上街汽车站防疫服务站", "0371-68919035", 30, "CL PL P M M K KC", (5, 6, 8), SMALL, 13,
          neighbour="SJZ"),
)
HOLIDAY_DAY_TARGET = 14  # 310 westbound carries the holiday traffic in daylight: one more preferred

# --- people ----------------------------------------------------------------------------------

ROLES = (Role("police", "民警"), Role("medic", "医务"), Role("clerk", "登记"), Role("cadre", "消杀"),
         Role("leader", "带班"), Role("volunteer", "志愿者"))
PROFILES = {  # a crew profile: its roles, the units it comes from, the chance of being a woman
    "CL": (("cadre", "leader"), "区委组织部 区纪委监委 区委办公室 区政府办公室 区财政局 区发改委", 0.4),
    "PL": (("police", "leader"), "上街区公安分局 区公安分局交警大队", 0.1),
    "P": (("police",), "济源路派出所 中心路派出所 新安路派出所 工业路派出所 峡窝派出所 区公安分局交警大队", 0.15),
    "M": (("medic",), "区卫健委 区人民医院 区中医院 区疾控中心 济源路街道社区卫生服务中心 峡窝镇卫生院", 0.7),
    "K": (("clerk",), "区交通运输局 区交通运输执法大队 区公路事业发展中心", 0.45),
    "KC": (("clerk", "cadre"), "区交通运输局 区交通运输执法大队", 0.3),
    "C": (("cadre",), "区财政局 区教育局 区市场监管局 区住建局 区人社局 区民政局 济源路街道办事处 中心路街道办事处 "
                      "新安路街道办事处 工业路街道办事处 矿山街道办事处 峡窝镇人民政府", 0.45),
    "V": (("volunteer",), "朝阳社区 兴华社区 金华社区 中心路社区 工业路社区 新安东社区 峡窝村", 0.5),
}
# How likely a profile's people are Party members beyond the crew leaders (lower: more likely).
PARTY_AFFINITY = {"P": 0.0, "C": 0.2, "KC": 0.5, "M": 0.6, "K": 0.8}
PROBATIONARY_SHARE = 0.15
APPLICANT_SHARE = 0.3  # many handed in an application at the checkpoint (火线入党)

# Surname weights roughly after their frequency in Henan.
SURNAMES = ("王9 李8 张8 刘6 陈4 杨4 赵4 郭3 孙3 马3 高3 黄2 周2 吴2 徐2 朱2 胡2 郑2 梁2 宋2 韩2 冯2 于2 "
            "董2 程2 曹2 袁2 许2 田2 常2 牛2 贾2 魏2 薛1 何1 林1 罗1 谢1 唐1 邓1 吕1 苏1 蒋1 蔡1 丁1 "
            "杜1 姚1 崔1 范1 史1 侯1 孟1 秦1 任1 路1 闫1 申1 付1 娄1 尚1 毛1 段1 白1 石1")
# Given names: one character from the second pool, or one from each pool.
MALE_FIRST = "建 志 国 晓 永 海 俊 文 明 振 新 宏 家 卫 向 立 春 德 金 长 庆 少 云 朝"
MALE_SECOND = "伟 强 磊 军 勇 杰 涛 斌 超 刚 平 辉 鹏 华 飞 鑫 波 宁 凯 浩 宇 博 峰 亮 锋 东 阳 毅 林 龙 生 民 成"
FEMALE_FIRST = "晓 丽 秀 玉 春 海 美 雅 雪 静 佳 慧 文 红 桂 淑 思 梦 金 艳 彩"
FEMALE_SECOND = "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 琳 洁 颖 倩 璐 丹 萍 红 慧 莉 欣 悦 月 晶 蕾 梅 华 英"
# Names of well-known people the pools could produce; a demo person should not carry one.
FAMOUS = ("刘德华 黄晓明 王俊凯 赵丽颖 邓超 李宁 张杰 李娜 马丽 韩红 周涛 朱军 王刚 李勇 黄磊 刘涛 陈红 张伟 "
          "王宁 刘欢 李静 王菲 杨洋 孙俪")
MOBILE_PREFIXES = "130 131 132 135 136 137 138 139 150 151 155 156 158 159 176 185 186 187 188 189"

# --- what happens in the four weeks --------------------------------------------------------

# At most one person of a crew is away on any date, so each crew still meets its cover.
ABSENCES = (
    ("G310W-009", "2020-01-27", "2020-01-29", "病假"),
    ("G310W-020", "2020-02-03", "2020-02-16", "隔离观察"),  # 14 days after contact with a returnee
    ("G310W-034", "2020-01-23", "2020-01-24", "事假"),
    ("G310W-050", "2020-02-06", "2020-02-08", "病假"),
    ("G310E-005", "2020-01-31", "2020-02-02", "病假"),
    ("G310E-027", "2020-01-21", "2020-02-03", "隔离观察"),
    ("G30SJ-014", "2020-02-10", "2020-02-11", "事假"),
    ("ZSL-022", "2020-01-28", "2020-01-30", "病假"),
    ("S232-003", "2020-02-12", "2020-02-14", "病假"),
    ("SJZ-018", "2020-01-24", "2020-01-26", "事假"),
    ("KXD-010", "2020-02-04", "2020-02-05", "病假"),
    ("QCZ-025", "2020-01-29", "2020-02-11", "隔离观察"),
)
# The branch secretary, 一组's 带班 at the 310 checkpoint, is pinned to lead the New Year's night.
FIXED = (("G310W-001", "2020-01-25", "N", "G310W", "leader"),)
FAMILY_DATES = ("2020-01-24", "2020-01-25", "2020-02-08")  # 除夕, 初一, 元宵节: asked off
NEW_YEAR_NIGHT = "2020-01-25"  # Party members volunteer for it (请战)


def crew_shift(team: int, day: dt.date) -> str | None:
    """The shift crew ``team`` (index into TEAMS) works on ``day`` in the rotation, None when off."""
    step = ROTATION[((day - ROTATION_EPOCH).days + 2 * team) % len(ROTATION)]
    return None if step == "-" else step


def _rule_sets() -> tuple[RuleSet, ...]:
    standard = RuleSet("standard", (
        Rule(RuleKind.MIN_REST_HOURS, 16),  # so no D->N, E->D or E->N on consecutive dates
        Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 6),
        Rule(RuleKind.MAX_CONSECUTIVE_SHIFTS, 4, shifts=("N",)),
        Rule(RuleKind.MIN_DAYS_OFF_PER_WEEK, 1, weight=5),
        Rule(RuleKind.MAX_SHIFTS, 8, shifts=("N",), weight=3),
        Rule(RuleKind.MAX_SHIFTS, 22, weight=2),
    ))
    # Community volunteers keep their day jobs and families: no nights, fewer shifts.
    volunteer = RuleSet("volunteer", (
        Rule(RuleKind.MIN_REST_HOURS, 16),
        Rule(RuleKind.MAX_CONSECUTIVE_DAYS, 5),
        Rule(RuleKind.MAX_SHIFTS, 0, shifts=("N",)),
        Rule(RuleKind.MAX_SHIFTS, 16, weight=3),
        Rule(RuleKind.MIN_DAYS_OFF_PER_WEEK, 2, weight=3),
    ))
    return standard, volunteer


def _cover() -> list[Cover]:
    entries = []
    for post in STATIONS:
        low, target, high = post.cover
        entries.append(Cover(post.id, min=low, target=target, max=high, roles=post.roles, party_min=1))
        entries.append(Cover(post.id, "N", min=low, target=target, max=high, roles=post.roles, party_min=2))
    # Last match wins entirely, so the holiday entry repeats the minimums.
    low, _, high = STATIONS[0].cover
    entries.append(Cover(STATIONS[0].id, "D", days=("holiday",), min=low, target=HOLIDAY_DAY_TARGET, max=high,
                         roles=STATIONS[0].roles, party_min=1))
    return entries


# --- generating the people -------------------------------------------------------------------


class _Namer:
    """Unique plausible names and mobile numbers across the district."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        pairs = [(item[0], int(item[1:])) for item in SURNAMES.split()]
        self.surnames = [s for s, _ in pairs]
        self.weights = [w for _, w in pairs]
        self.names = set(FAMOUS.split())
        self.phones: set[str] = set()

    def name(self, female: bool) -> str:
        first, second = (FEMALE_FIRST, FEMALE_SECOND) if female else (MALE_FIRST, MALE_SECOND)
        while True:
            given = self.rng.choice(second.split())
            if self.rng.random() < 0.65:
                given = self.rng.choice(first.split()) + given
            name = self.rng.choices(self.surnames, self.weights)[0] + given
            if name not in self.names and (len(given) == 1 or given[0] != given[1]):
                self.names.add(name)
                return name

    def phone(self) -> str:
        while True:
            phone = self.rng.choice(MOBILE_PREFIXES.split()) + f"{self.rng.randrange(10**8):08d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone


def _crews(post: _Post) -> list[list[str]]:
    """The profiles of each crew: the crew template, plus the extra volunteers dealt round."""
    template = post.crew.split()
    extra = post.size - len(TEAMS) * len(template)
    if extra < 0:
        raise ValueError(f"{post.id}: {post.size} people cannot fill four crews of {len(template)}")
    return [template + ["V"] * (extra // len(TEAMS) + (k < extra % len(TEAMS))) for k in range(len(TEAMS))]


def _party_status(rng: random.Random, post: _Post, crews: list[list[str]]) -> list[list[Party]]:
    """Crew leaders are Party members; the other members are spread evenly over the crews."""
    leaders = sum(p in ("CL", "PL") for crew in crews for p in crew)
    others = post.party - leaders
    result = []
    for k, crew in enumerate(crews):
        wanted = others // len(crews) + (k < others % len(crews))
        candidates = sorted((i for i, p in enumerate(crew) if p in PARTY_AFFINITY),
                            key=lambda i: PARTY_AFFINITY[crew[i]] + rng.random())
        members = set(candidates[:wanted])
        status = []
        for i, profile in enumerate(crew):
            if profile in ("CL", "PL"):
                status.append(Party.MEMBER)
            elif i in members:
                status.append(Party.PROBATIONARY if rng.random() < PROBATIONARY_SHARE else Party.MEMBER)
            else:
                status.append(Party.APPLICANT if rng.random() < APPLICANT_SHARE else Party.NONE)
        result.append(status)
    return result


def _station_staff(rng: random.Random, namer: _Namer, post: _Post) -> list[StaffMember]:
    crews = _crews(post)
    parties = _party_status(rng, post, crews)
    people: list[StaffMember] = []
    for k, (crew, party) in enumerate(zip(crews, parties, strict=True)):
        for profile, status in zip(crew, party, strict=True):
            roles, units, female_share = PROFILES[profile]
            volunteer = profile == "V"
            stations = (post.id, post.neighbour) if volunteer and post.neighbour else (post.id,)
            people.append(StaffMember(
                id=f"{post.id}-{len(people) + 1:03d}", name=namer.name(rng.random() < female_share),
                unit=rng.choice(units.split()), phone=namer.phone(), roles=roles, party=status,
                stations=stations, rule_set="volunteer" if volunteer else "standard", team=TEAMS[k]))
    return people


# --- what the people ask for and have done ----------------------------------------------------


def _requests(rng: random.Random, staff: list[StaffMember], absences: list[Absence]) -> list[Request]:
    """Days off with the family, no nights for some, and Party members asking for the New Year's night."""
    fixed = {f[0] for f in FIXED}
    crew = [p for p in staff if p.rule_set == "standard" and p.id not in fixed]
    picked = rng.sample(crew, 32)
    eager = rng.sample([p for p in crew if p.is_party_member and p not in picked], 4)
    wishes = []
    for person in picked[:24]:
        day = dt.date.fromisoformat(rng.choice(FAMILY_DATES))
        wishes.append(Request(person.id, day, False, None, rng.choice((2, 3, 5))))
    for person in picked[24:]:  # a small child or an old parent at home at night
        wishes.append(Request(person.id, PERIOD.start + dt.timedelta(days=rng.randrange(PERIOD.days)), False, "N", 2))
    wishes += [Request(p.id, dt.date.fromisoformat(NEW_YEAR_NIGHT), True, "N", 1) for p in eager]
    # Nobody asks about a date they are away anyway.
    return [r for r in wishes if not any(a.staff == r.staff and a.covers(r.date) for a in absences)]


def _history(staff: list[StaffMember]) -> History:
    """The three days the 310 checkpoint already ran, following the same rotation."""
    days = [HISTORY_START + dt.timedelta(days=i) for i in range((PERIOD.start - HISTORY_START).days)]
    shifts, counts = [], []
    for person in staff:
        if person.stations != (STATIONS[0].id,):
            continue
        worked = [(day, shift) for day in days
                  if (shift := crew_shift(TEAMS.index(person.team), day))
                  and not (shift == "N" and person.rule_set == "volunteer")]
        shifts += [HistoryShift(person.id, day, shift) for day, shift in worked]
        counts.append(HistoryCount(person.id, shifts=len(worked), nights=sum(s == "N" for _, s in worked),
                                   restdays=sum(d in HISTORY_RESTDAYS for d, _ in worked)))
    return History(HISTORY_START, tuple(shifts), tuple(counts))


def build_demo() -> Scenario:
    """The demo district as a scenario; the same one on every call."""
    rng = random.Random(SEED)
    namer = _Namer(rng)
    staff = [person for post in STATIONS for person in _station_staff(rng, namer, post)]
    absences = [Absence(who, dt.date.fromisoformat(start), dt.date.fromisoformat(end), reason)
                for who, start, end, reason in ABSENCES]
    fixed = [FixedAssignment(who, dt.date.fromisoformat(day), shift, station, role)
             for who, day, shift, station, role in FIXED]
    return Scenario(
        name="上街区防疫服务站 2020年春节",
        period=PERIOD,
        calendar=CalendarSpec("CN"),
        shift_types=(ShiftType("D", "白班", 8 * 60, 16 * 60), ShiftType("E", "中班", 16 * 60, 24 * 60),
                     ShiftType("N", "夜班", 0, 8 * 60, night=True)),
        roles=ROLES,
        stations=tuple(Station(p.id, p.name, f"{p.name}临时党支部", p.phone) for p in STATIONS),
        rule_sets=_rule_sets(),
        staff=tuple(staff),
        cover=tuple(_cover()),
        absences=tuple(absences),
        requests=tuple(_requests(rng, staff, absences)),
        fixed=tuple(fixed),
        history=_history(staff),
        weights=FairnessWeights(shifts=5, nights=10, restdays=5, holidays=5),
    )
