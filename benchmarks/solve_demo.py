"""Benchmark the solver on the demo: the 310 checkpoint alone (10 s) and the whole district (60 s).

Each run solves in a fresh process, so peak memory is that run's own. Prints a table of medians
over the runs and writes it into benchmarks/RESULTS.md between the markers there.

    .venv/bin/python benchmarks/solve_demo.py            # 3 runs each, seeds 0, 1, 2
    .venv/bin/python benchmarks/solve_demo.py --runs 5 --only checkpoint --no-write
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import multiprocessing
import os
import platform
import re
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- solve_demo:begin -->", "<!-- solve_demo:end -->"
CATEGORIES = ("shifts", "nights", "restdays", "holidays")
CASES = {"checkpoint": 10.0, "district": 60.0}


@dataclass
class Run:
    case: str
    seed: int
    status: str = ""
    first: float | None = None
    best: float | None = None
    wall: float = 0.0
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    spreads: dict[str, float] = field(default_factory=dict)
    peak_mb: float = 0.0
    cpu: float = 0.0
    roster: int = 0  # a fingerprint of the assignments, to compare runs
    hard: int = 0
    reproducible: bool = False


def solve_once(case: str, time_limit: float, seed: int, workers: int, deterministic: bool) -> Run:
    """One solve in this process (meant to be a fresh one)."""
    from scenarios import checkpoint, district

    from shiftplan.solver import SolveOptions, solve

    scenario, calendar = checkpoint() if case == "checkpoint" else district()
    cpu_before = time.process_time()
    result = solve(scenario, calendar, SolveOptions(time_limit=time_limit, seed=seed, workers=workers,
                                                    deterministic=deterministic))
    run = Run(case, seed, result.status.value, result.first_time, result.best_time, result.wall_time,
              result.objective, result.bound, result.gap, cpu=time.process_time() - cpu_before,
              hard=len(result.hard_violations), reproducible=result.reproducible)
    weights = scenario.weights
    for category in CATEGORIES:
        weight = float(getattr(weights, category))
        if weight > 0:
            costs = [v.cost for v in result.schedule.violations if v.rule == f"fair_{category}"]
            run.spreads[category] = round(max(costs, default=0.0) / weight, 2)
    run.roster = hash(tuple(sorted((a.date, a.shift, a.station, a.staff, a.role or "")
                                   for a in result.schedule.assignments)))
    run.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return run


def _child(args: tuple[str, float, int, int, bool]) -> Run:
    return solve_once(*args)


def median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def table(runs: dict[str, list[Run]], limits: dict[str, float]) -> str:
    head = ("| case | limit | runs | status | first roster | best roster | wall | objective | bound | gap "
            "| proved optimal | max spread " + " / ".join(CATEGORIES) + " | spreads ≤ 1 | peak memory | CPU/wall |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for case, items in runs.items():
        spreads = [median([r.spreads.get(c) for r in items]) for c in CATEGORIES]
        all_fair = sum(all(v <= 1 + 1e-9 for v in r.spreads.values()) for r in items)
        statuses = "/".join(sorted({r.status for r in items}))
        lines.append(
            f"| {case} | {limits[case]:g} s | {len(items)} | {statuses} "
            f"| {fmt(median([r.first for r in items]), 1, ' s')} "
            f"| {fmt(median([r.best for r in items]), 1, ' s')} | {fmt(median([r.wall for r in items]), 1, ' s')} "
            f"| {fmt(median([r.objective for r in items]))} | {fmt(median([r.bound for r in items]))} "
            f"| {fmt(median([r.gap * 100 if r.gap is not None else None for r in items]), 1, ' %')} "
            f"| {sum(r.status == 'optimal' for r in items)}/{len(items)} "
            f"| {' / '.join(fmt(s) for s in spreads)} | {all_fair}/{len(items)} "
            f"| {fmt(median([r.peak_mb for r in items]), 0, ' MB')} "
            f"| {fmt(median([r.cpu / r.wall if r.wall else None for r in items]), 2)} |")
    return "\n".join(lines)


def detail(runs: dict[str, list[Run]]) -> str:
    lines = ["| case | seed | status | first | best | objective | bound | spreads | hard | roster |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for case, items in runs.items():
        for r in items:
            spreads = " / ".join(fmt(r.spreads.get(c)) for c in CATEGORIES)
            lines.append(f"| {case} | {r.seed} | {r.status} | {fmt(r.first, 1)} | {fmt(r.best, 1)} "
                         f"| {fmt(r.objective)} | {fmt(r.bound)} | {spreads} | {r.hard} | {r.roster & 0xFFFFFF:06x} |")
    return "\n".join(lines)


def write(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else f"# Solver benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: f"{BEGIN}\n{section}\n{END}", text,
                  flags=re.DOTALL)
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=sorted(CASES))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--same-seed", action="store_true", help="every run with seed 0 (checks reproducibility)")
    parser.add_argument("--free", action="store_true", help="non-deterministic search (wall-clock limit)")
    parser.add_argument("--limit", type=float, help="override the time limit of the cases")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    limits = {case: args.limit or limit for case, limit in CASES.items() if args.only in (None, case)}
    context = multiprocessing.get_context("spawn")
    runs: dict[str, list[Run]] = {}
    for case, limit in limits.items():
        for i in range(args.runs):
            seed = 0 if args.same_seed else i
            with context.Pool(1) as pool:
                run = pool.apply(_child, ((case, limit, seed, args.workers, not args.free),))
            runs.setdefault(case, []).append(run)
            print(f"{case} seed {seed}: {run.status} objective {fmt(run.objective)} first {fmt(run.first, 1)} s "
                  f"best {fmt(run.best, 1)} s spreads {run.spreads} {run.peak_mb:.0f} MB", flush=True)
    summary = table(runs, limits)
    print()
    print(summary)
    if args.no_write:
        return
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
               f"OR-Tools {importlib.metadata.version('ortools')}")
    mode = "non-deterministic (wall-clock limit)" if args.free else "deterministic (interleaved search)"
    section = (f"Last run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine}; {args.workers} workers, {mode}, "
               f"{'seed 0 every run' if args.same_seed else 'seeds 0..' + str(args.runs - 1)}. Medians over runs.\n\n"
               f"{summary}\n\n<details><summary>Each run</summary>\n\n{detail(runs)}\n\n</details>")
    write(section)
    print(f"\nwritten to {RESULTS}")


if __name__ == "__main__":
    main()
