"""What each modelling and search choice buys: the solver with one choice undone at a time.

Every variant gets the same deterministic budget (CP-SAT's deterministic time, a count of work
that does not depend on how busy the machine is), so the objectives compare cleanly; wall and
CPU seconds are printed beside them. Medians over seeds.

    .venv/bin/python benchmarks/ablation.py                     # checkpoint, 8.5 deterministic s, seeds 0-2
    .venv/bin/python benchmarks/ablation.py --case district --budget 60 --seeds 2 --only final,whole
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenarios import checkpoint, district

import shiftplan.solver.run as run
from shiftplan.solver import SolveOptions, solve

CATEGORIES = ("shifts", "nights", "restdays", "holidays")


@contextlib.contextmanager
def patched(**values: object) -> Iterator[None]:
    """Set module constants of shiftplan.solver.run for the duration."""
    before = {name: getattr(run, name) for name in values}
    for name, value in values.items():
        setattr(run, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(run, name, value)


# name -> (options changes, run-module changes)
VARIANTS: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    "final": ({}, {}),
    "no greedy start": ({"greedy": False}, {}),
    "default batch (6)": ({}, {"INTERLEAVE_BATCH": 6}),
    "batch 2": ({}, {"INTERLEAVE_BATCH": 2}),
    "batch 3": ({}, {"INTERLEAVE_BATCH": 3}),
    "default portfolio": ({}, {"IGNORED_SUBSOLVERS": (), "VIOLATION_LS_WORKERS": 0}),
    "8 workers": ({"workers": 8}, {}),
    "1 worker": ({"workers": 1}, {}),
    "whole (no split)": ({}, {"components": lambda scenario: [scenario]}),
    "free-running": ({"deterministic": False}, {}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("checkpoint", "district"), default="checkpoint")
    parser.add_argument("--budget", type=float, default=8.5, help="deterministic seconds per run")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--only", help="comma-separated variant names (prefixes)")
    args = parser.parse_args()
    scenario, calendar = checkpoint() if args.case == "checkpoint" else district()
    chosen = [name for name in VARIANTS if not args.only or any(name.startswith(o) for o in args.only.split(","))]
    print(f"{args.case}, {args.budget:g} deterministic s per run (free-running: {args.budget:g} wall s)")
    print("| variant | objective (median) | objectives | runs with spreads ≤ 1 | wall s | CPU s |")
    print("|---|---|---|---|---|---|")
    for name in chosen:
        option_changes, module_changes = VARIANTS[name]
        objectives, fair, walls, cpus = [], 0, [], []
        # An exact budget: no preparation estimate, one deterministic second per second.
        exact: dict[str, object] = {"PREPARE_SECONDS_PER_SEAT": 0.0, "DETERMINISTIC_TIME_PER_CORE_SECOND": 1.0,
                                    "REFERENCE_CORES": 1, "INTERLEAVED_EFFICIENCY": 1.0, "WALL_GRACE": 100.0}
        with patched(**exact, **module_changes):
            for seed in range(args.seeds):
                options = SolveOptions(time_limit=args.budget, seed=seed, **option_changes)  # type: ignore[arg-type]
                cpu = time.process_time()
                result = solve(scenario, calendar, options)
                cpus.append(time.process_time() - cpu)
                walls.append(result.wall_time)
                objectives.append(result.objective if result.objective is not None else float("inf"))
                fair += all(spread(scenario, result.schedule.violations, c) <= 1 + 1e-9 for c in CATEGORIES)
        shown = " / ".join(f"{o:.1f}" for o in objectives)
        print(f"| {name} | {statistics.median(objectives):.1f} | {shown} | {fair}/{args.seeds} "
              f"| {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} |", flush=True)


def spread(scenario: object, violations: object, category: str) -> float:
    weight = float(getattr(scenario.weights, category))  # type: ignore[attr-defined]
    costs = [v.cost for v in violations if v.rule == f"fair_{category}"]  # type: ignore[attr-defined]
    return max(costs, default=0.0) / weight if weight else 0.0

if __name__ == "__main__":
    main()
