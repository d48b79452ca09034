#!/usr/bin/env python3
"""An independent checker for Curtois & Qu rosters, written from the benchmark's own rules.

    python benchmarks/curtois_checker.py Instance1.txt Instance1.csv

It shares no code with shiftplan (standard library only), so it can catch a rule that the
product's reader, solver and validator got wrong together. Rules H2-H10 and the objective
follow the benchmark's definitions, each with its own border assumption: successions and
maximum runs treat days outside the horizon as off; minimum runs of work and of days off
exempt runs that touch either border.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

OFF = ""


@dataclass
class Instance:
    horizon: int = 0
    length: dict[str, int] = field(default_factory=dict)
    forbidden: dict[str, set[str]] = field(default_factory=dict)
    staff: dict[str, list[str]] = field(default_factory=dict)  # id -> the seven fields after MaxShifts
    max_shifts: dict[str, dict[str, int]] = field(default_factory=dict)
    days_off: dict[str, set[int]] = field(default_factory=dict)
    on: list[tuple[str, int, str, int]] = field(default_factory=list)
    off: list[tuple[str, int, str, int]] = field(default_factory=list)
    cover: list[tuple[int, str, int, int, int]] = field(default_factory=list)


def parse(text: str) -> Instance:
    inst, section = Instance(), ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            section = line
            continue
        f = line.split(",")
        if section == "SECTION_HORIZON":
            inst.horizon = int(f[0])
        elif section == "SECTION_SHIFTS":
            inst.length[f[0]] = int(f[1])
            inst.forbidden[f[0]] = {s for s in f[2].split("|") if s} if len(f) > 2 else set()
        elif section == "SECTION_STAFF":
            inst.max_shifts[f[0]] = {k: int(v) for k, _, v in (i.partition("=") for i in f[1].split("|") if i)}
            inst.staff[f[0]] = f[2:8]
        elif section == "SECTION_DAYS_OFF":
            inst.days_off[f[0]] = {int(d) for d in f[1:] if d}
        elif section == "SECTION_SHIFT_ON_REQUESTS":
            inst.on.append((f[0], int(f[1]), f[2], int(f[3])))
        elif section == "SECTION_SHIFT_OFF_REQUESTS":
            inst.off.append((f[0], int(f[1]), f[2], int(f[3])))
        elif section == "SECTION_COVER":
            inst.cover.append((int(f[0]), f[1], int(f[2]), int(f[3]), int(f[4])))
    return inst


def read_roster(inst: Instance, text: str) -> dict[str, list[str]]:
    """``employee,day,shift`` rows as one list of shifts (OFF for a day off) per employee."""
    x = {e: [OFF] * inst.horizon for e in inst.staff}
    for row in csv.DictReader(io.StringIO(text)):
        e, d, s = row["employee"], int(row["day"]), row["shift"]
        if e not in x or s not in inst.length or not 0 <= d < inst.horizon or x[e][d] != OFF:
            raise ValueError(f"bad roster row {row}")
        x[e][d] = s
    return x


def runs(flags: list[bool], value: bool) -> list[tuple[int, int]]:
    """Maximal runs [a, b] of ``value``."""
    found, start = [], None
    for d, flag in enumerate([*flags, not value]):
        if flag == value and start is None:
            start = d
        elif flag != value and start is not None:
            found.append((start, d - 1))
            start = None
    return found


def violations(inst: Instance, x: dict[str, list[str]]) -> list[str]:
    found, h = [], inst.horizon
    for e, fields in inst.staff.items():
        max_tot, min_tot, max_cons, min_cons, min_off, max_we = (int(v) for v in fields)
        row = x[e]
        work = [s != OFF for s in row]
        for s, limit in inst.max_shifts[e].items():
            if row.count(s) > limit:
                found.append(f"H3 {e} {s}")
        minutes = sum(inst.length[s] for s in row if s != OFF)
        if minutes > max_tot:
            found.append(f"H4 {e}")
        if minutes < min_tot:
            found.append(f"H5 {e}")
        for d in range(h - 1):
            if work[d] and work[d + 1] and row[d + 1] in inst.forbidden[row[d]]:
                found.append(f"H2 {e} {d}")
        for a, b in runs(work, True):
            if b - a + 1 > max_cons:
                found.append(f"H6 {e} {a}")
            if a > 0 and b < h - 1 and b - a + 1 < min_cons:
                found.append(f"H7 {e} {a}")
        for a, b in runs(work, False):
            if a > 0 and b < h - 1 and b - a + 1 < min_off:
                found.append(f"H8 {e} {a}")
        if sum(work[7 * w + 5] or work[7 * w + 6] for w in range(h // 7)) > max_we:
            found.append(f"H9 {e}")
        found += [f"H10 {e} {d}" for d in sorted(inst.days_off.get(e, ())) if work[d]]
    return found


def objective(inst: Instance, x: dict[str, list[str]]) -> int:
    total = sum(w for e, d, s, w in inst.on if x[e][d] != s)
    total += sum(w for e, d, s, w in inst.off if x[e][d] == s)
    for d, s, req, under, over in inst.cover:
        n = sum(1 for e in x if x[e][d] == s)
        total += under * max(0, req - n) + over * max(0, n - req)
    return total


def main(argv: list[str]) -> int:
    inst = parse(Path(argv[0]).read_text(encoding="ascii"))
    x = read_roster(inst, Path(argv[1]).read_text(encoding="utf-8"))
    broken = violations(inst, x)
    print(f"objective {objective(inst, x)}, hard violations {len(broken)}")
    for v in broken:
        print("  " + v)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
