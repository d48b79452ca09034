"""Printing benchmark: every station's shift sheet of the demo district for its whole period.

    .venv/bin/python benchmarks/print_district.py [--runs 5] [--no-record]

The demo district has 8 stations and 304 people over 28 days (32 sheet pages). The budget is 3 s
for the sheets of all stations (the median of the runs; the first, cold run loads the font and
is reported apart). The other kinds are timed for the whole district as well, for information.
The result is appended as a row to the "## Printing" section of benchmarks/RESULTS.md. Exits
with 1 when the sheets are over budget.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scenarios import district

from shiftplan.domain.model import Schedule
from shiftplan.printing import Kind, PrintRequest, render
from shiftplan.printing.samples import rotation_schedule

BUDGET = 3.0  # seconds for the sheets of all stations over the whole period
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Printing"
INTRO = f"""{SECTION}

`python benchmarks/print_district.py`: the demo district (8 stations, 304 people, 28 days), each
station's four crews on a rotation. *Sheets* is the gate: the shift sheets of all eight stations
for the whole period in one PDF (one page per station and week), median of the runs after a cold
one, budget {BUDGET:g} s. The other kinds cover the whole district too: a slip per person, a
sign-in sheet per station, day and shift, the fairness report, and a changes page against a
roster with every 40th assignment moved.

| date | commit | machine | sheets (pages) | cold | slips (pages) | sign-in (pages) | fairness | changes |
|---|---|---|---|---|---|---|---|---|
"""


def pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n")


def timed(kind: Kind, request: PrintRequest, runs: int) -> tuple[float, float, int]:
    """Cold time, median of ``runs`` warm times, and pages."""
    start = time.perf_counter()
    pdf = render(kind, request)
    cold = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(kind, request)
        times.append(time.perf_counter() - start)
    return cold, statistics.median(times), pages(pdf)


def shuffled(schedule: Schedule, shifts: list[str]) -> Schedule:
    """The schedule with every 40th assignment on the next shift type: a previous version."""
    moved = [dataclasses.replace(a, shift=shifts[(shifts.index(a.shift) + 1) % len(shifts)]) if i % 40 == 0 else a
             for i, a in enumerate(schedule.assignments)]
    return dataclasses.replace(schedule, assignments=tuple(moved))


def machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=RESULTS.parent, check=True)
        return out.stdout.strip() or "-"
    except (OSError, subprocess.CalledProcessError):
        return "-"


def record(row: str) -> None:
    """Append ``row`` to the table of our section, creating the file or the section if needed."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION + "\n" not in text:
        text = text.rstrip("\n") + "\n\n" + INTRO
    start = text.index(SECTION + "\n")
    following = text.find("\n## ", start + len(SECTION))  # another colleague's section after ours
    end = len(text) if following == -1 else following + 1
    section = text[start:end].rstrip("\n") + "\n" + row + "\n"
    text = text[:start] + section + ("\n" + text[end:] if end < len(text) else "")
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-record", action="store_true", help="do not append to benchmarks/RESULTS.md")
    args = parser.parse_args()

    scenario, calendar = district()
    schedule = rotation_schedule(scenario)
    request = PrintRequest(scenario, calendar, schedule, version_label="bench", status_label="benchmark",
                           printed_at=dt.datetime(2020, 1, 19, 18, 0),
                           previous_schedule=shuffled(schedule, [s.id for s in scenario.shift_types]))
    print(f"{len(scenario.stations)} stations, {len(scenario.staff)} people, {scenario.period.days} days, "
          f"{len(schedule.assignments)} assignments; median of {args.runs} runs")
    results = {}
    for kind in Kind:
        cold, median, count = timed(kind, request, args.runs)
        results[kind] = (cold, median, count)
        print(f"  {kind.value:9} {median:6.2f} s  (cold {cold:.2f} s)  {count:4} pages")
    sheet_cold, sheet, sheet_pages = results[Kind.SHEET]
    verdict = "within" if sheet <= BUDGET else "OVER"
    print(f"sheets: {sheet:.2f} s for {sheet_pages} pages, {verdict} the {BUDGET:g} s budget")
    if not args.no_record:
        def cell(kind: Kind, with_pages: bool = True) -> str:
            _cold, median, count = results[kind]
            return f"{median:.2f} s ({count})" if with_pages else f"{median:.2f} s"

        record(f"| {dt.date.today()} | {commit()} | {machine()} | **{cell(Kind.SHEET)}** | {sheet_cold:.2f} s | "
               f"{cell(Kind.SLIPS)} | {cell(Kind.SIGNIN)} | {cell(Kind.FAIRNESS, False)} | "
               f"{cell(Kind.CHANGES, False)} |")
        print(f"recorded in {RESULTS}")
    return 0 if sheet <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
