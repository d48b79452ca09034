"""Benchmark "who can take this?" (``shiftplan.domain.candidates``) on the demo.

For each case (the whole district, 304 people, and the 310 checkpoint alone) a roster is solved
once (20 s, seed 0) and kept as JSON in the temporary folder; then ~10 slots spread over the
period are ranked (a filled slot, each time with one of its people taken out, as the desktop
app does) and the median time per slot is printed.

    .venv/bin/python benchmarks/candidates.py            # both cases, 10 slots each
    .venv/bin/python benchmarks/candidates.py --only district --slots 5 --profile

Results on x86_64, 2 cores, Python 3.11.7, 10 slots (median seconds per slot; "before" is the
what-if per person and role that judged the person's whole eligibility group each time):

=================  ==========  ==========
case               before      after
=================  ==========  ==========
district (304)     2.56        0.41-0.45
checkpoint (57)    0.40        0.09
=================  ==========  ==========
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenarios import checkpoint, district

from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.candidates import candidates
from shiftplan.domain.model import Assignment, Scenario
from shiftplan.exchange.schedule import load_schedule, save_schedule

CASES = {"district": district, "checkpoint": checkpoint}


def roster(case: str, scenario: Scenario, calendar: DayCalendar) -> tuple[Assignment, ...]:
    """A solved roster for the case, solved once and then read from a temporary JSON file."""
    path = Path(tempfile.gettempdir()) / f"shiftplan-candidates-{case}.json"
    if not path.exists():
        from shiftplan.solver import SolveOptions, solve

        save_schedule(solve(scenario, calendar, SolveOptions(time_limit=20)).schedule, path)
    return load_schedule(path).assignments


def slots(assignments: tuple[Assignment, ...], n: int) -> list[Assignment]:
    """``n`` filled slots spread over the roster (one assignment of each, to be taken out)."""
    ordered = sorted(assignments, key=lambda a: (a.date, a.shift, a.station, a.staff))
    step = max(1, len(ordered) // n)
    return ordered[step // 2::step][:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(CASES))
    parser.add_argument("--slots", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the district slots")
    args = parser.parse_args()
    for case, build in CASES.items():
        if args.only and case != args.only:
            continue
        scenario, calendar = build()
        assignments = roster(case, scenario, calendar)
        times = []
        profiler = cProfile.Profile() if args.profile else None
        for gone in slots(assignments, args.slots):
            rest = [a for a in assignments if a != gone]
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            found = candidates(scenario, calendar, rest, gone.date, gone.shift, gone.station, gone.role)
            if profiler:
                profiler.disable()
            times.append(time.perf_counter() - start)
            assert found.ranked or found.excluded
        print(f"{case}: {len(scenario.staff)} people, {len(times)} slots, "
              f"median {statistics.median(times):.3f} s per slot (min {min(times):.3f}, max {max(times):.3f})")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
