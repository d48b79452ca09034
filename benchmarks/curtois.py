"""Run the Curtois & Qu benchmark and write benchmarks/curtois.md.

Each instance is solved by ``shiftplan.bench.run_curtois`` (what ``shiftplan bench curtois``
runs) in a fresh process; the roster it writes is re-scored by the independent checker
(``curtois_checker.py``, the benchmark's own rules, no shiftplan code). The instance files are
read from the shared benchmark folder and never copied into the project.

    .venv/bin/python benchmarks/curtois.py                     # 1-24 with the issue's limits
    .venv/bin/python benchmarks/curtois.py --only 1-7 --time-limit 60 --seeds 3
    .venv/bin/python benchmarks/curtois.py --only 1-3 --no-write

Default limits per instance are the targets' own: 60 s for 1-7, 300 s for 8-19, 600 s for 20-24.

A full run takes about two hours of a 2-core machine, so it may be done in parts: each
instance's runs are recorded in ``curtois.json`` as soon as they end (with the date, the commit
and the machine), replacing that instance's earlier record, and ``curtois.md`` is regenerated
from the latest record of every instance; each row says when and on which commit it was run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import curtois_checker as checker  # noqa: E402  (a sibling script, not a package)

from shiftplan.bench import WORKERS  # noqa: E402

OUT = HERE / "curtois.md"
RECORDS = HERE / "curtois.json"
DEFAULT_DIR = HERE.parent.parent / "shared" / "bench" / "curtois"
# The targets: (instances, time limit in seconds, allowed gap to the best known; None:
# any valid roster).
TARGETS = ((range(1, 8), 60.0, 0.0), (range(8, 15), 300.0, 0.02), (range(15, 20), 300.0, 0.05),
           (range(20, 25), 600.0, None))
# Plain CP-SAT on a 2-core machine (shared/bench/curtois/PLAIN_CPSAT.md): the median of three
# seeds, with its time limit.
PLAIN = {1: (607, 60), 2: (828, 60), 3: (1001, 60), 4: (1720, 60), 5: (1155, 60), 6: (2040, 60), 7: (1092, 60),
         8: (1705, 120), 9: (441, 120), 10: (4843, 120), 11: (3752, 120), 12: (6812, 120)}


@dataclass
class Run:
    number: int
    seed: int
    limit: float
    staff: int = 0
    days: int = 0
    status: str = ""
    objective: float | None = None
    solver_objective: float | None = None
    checked: int | None = None  # the independent checker's objective
    broken: int = 0  # the independent checker's hard violations
    bound: float | None = None
    best_known: int | None = None
    best_time: float | None = None
    wall: float = 0.0
    cpu: float = 0.0


def target(number: int) -> tuple[float, float | None]:
    for numbers, limit, gap in TARGETS:
        if number in numbers:
            return limit, gap
    raise ValueError(number)


def solve_once(path: str, number: int, seed: int, limit: float, workers: int) -> Run:
    """One instance in this process (meant to be a fresh one)."""
    from shiftplan.bench import run_curtois
    from shiftplan.solver import SolveOptions

    cpu = time.process_time()
    with tempfile.TemporaryDirectory() as out:
        # What `shiftplan bench curtois` runs by default: the wall-clock search.
        options = SolveOptions(time_limit=limit, seed=seed, workers=workers, deterministic=False)
        row = run_curtois(path, options, Path(out))
        run = Run(number, seed, limit, row.staff, row.days, row.status, row.objective, row.solver_objective,
                  bound=row.bound, best_known=row.best_known, best_time=row.time_to_best, wall=row.wall_time)
        roster = Path(out) / f"{Path(path).stem}.csv"
        if roster.exists():
            inst = checker.parse(Path(path).read_text(encoding="ascii"))
            x = checker.read_roster(inst, roster.read_text(encoding="utf-8"))
            run.checked, run.broken = checker.objective(inst, x), len(checker.violations(inst, x))
    run.cpu = time.process_time() - cpu
    return run


def _child(args: tuple[str, int, int, float, int]) -> Run:
    return solve_once(*args)


def gap(value: float | None, best: int | None) -> float | None:
    return None if value is None or not best else (value - best) / best


def verdict(runs: list[Run]) -> str:
    limit, allowed = target(runs[0].number)
    shorter = f" at {runs[0].limit:g} s, the target allows {limit:g} s" if runs[0].limit < limit else ""
    if any(r.checked is None or r.broken for r in runs):
        return "**miss**: no valid roster" + shorter
    if runs[0].limit > limit:
        return f"(limit above the target's {limit:g} s)"
    worst = max(gap(r.checked, r.best_known) or 0.0 for r in runs)
    if allowed is None or worst <= allowed + 1e-9:
        return "met" + shorter
    return f"**miss**: {worst:+.1%} > {allowed:.0%}{shorter}"


def fmt(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}"


def table(runs: dict[int, list[Run]], runs_on: dict[int, str] | None = None) -> str:
    head = ("instance", "staff", "days", "limit", "objective (median)", "objectives", "checker agrees",
            "lower bound", "best known", "gap to best known", "plain CP-SAT", "time to best (median)",
            "CPU/wall", "status", "target", *(("run",) if runs_on else ()))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for number, group in sorted(runs.items()):
        first = group[0]
        values = [r.checked for r in group if r.checked is not None]
        middle = statistics.median(values) if len(values) == len(group) else None
        agrees = all(r.checked == r.objective == r.solver_objective and not r.broken for r in group)
        agreement = "—" if all(r.checked is None for r in group) else "yes" if agrees else "**NO**"
        plain = PLAIN.get(number)
        best_times = [r.best_time for r in group if r.best_time is not None]
        cpu_ratio = statistics.median(r.cpu / r.wall for r in group if r.wall)
        statuses = "/".join(sorted({r.status for r in group}))
        cells = (
            number, first.staff, first.days, f"{first.limit:g} s", fmt(middle),
            "/".join(fmt(r.checked) for r in group), agreement,
            fmt(max((r.bound for r in group if r.bound is not None), default=None)), first.best_known or "—",
            "—" if gap(middle, first.best_known) is None else f"{gap(middle, first.best_known):+.1%}",
            f"{plain[0]} ({plain[1]} s)" if plain else "—",
            fmt(statistics.median(best_times), 1) if best_times else "—", f"{cpu_ratio:.2f}", statuses,
            verdict(group), *((runs_on[number],) if runs_on else ()))
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE,
                             check=True)
        return out.stdout.strip() or "-"
    except (OSError, subprocess.CalledProcessError):
        return "-"


def numbers(spec: str) -> list[int]:
    found: list[int] = []
    for part in spec.split(","):
        low, _sep, high = part.partition("-")
        found += range(int(low), int(high or low) + 1)
    return found


def machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, OR-Tools {importlib.metadata.version('ortools')}")


def load_records() -> dict[int, dict]:
    """The latest record of each instance (see the module notes)."""
    if not RECORDS.exists():
        return {}
    return {int(number): record for number, record in json.loads(RECORDS.read_text(encoding="utf-8")).items()}


def save_record(number: int, runs: list[Run], started: dt.datetime, workers: int) -> dict[int, dict]:
    records = load_records()
    records[number] = {"started": f"{started:%Y-%m-%d %H:%M}", "commit": commit(), "machine": machine(),
                       "workers": workers, "runs": [asdict(r) for r in runs]}
    text = json.dumps({str(n): records[n] for n in sorted(records)}, ensure_ascii=False, indent=1)
    temporary = RECORDS.with_suffix(".json.tmp")
    temporary.write_text(text + "\n", encoding="utf-8")
    temporary.replace(RECORDS)  # a run cut off halfway leaves the last whole file
    return records


def report(records: dict[int, dict]) -> str:
    names = {f.name for f in fields(Run)}
    runs = {n: [Run(**{k: v for k, v in r.items() if k in names}) for r in rec["runs"]] for n, rec in records.items()}
    runs_on = {n: f"{rec['started']}, {rec['commit']}" for n, rec in records.items()}
    setups = sorted({(rec["machine"], rec["workers"]) for rec in records.values()})
    setup = "; ".join(f"{m}, {w} CP-SAT workers" for m, w in setups)
    seeds = sorted({len(rec["runs"]) for rec in records.values()})
    return f"""# Curtois & Qu benchmark: results

Generated by `benchmarks/curtois.py` from `benchmarks/curtois.json` (do not edit by hand). Each
row is the latest run of its instance; the last column says when it started and on which commit.
Run on {setup}. Each instance solved with `shiftplan bench curtois` settings: the wall-clock
(not the deterministic) search, {"/".join(map(str, seeds))} seed(s) from 0, the time limit shown
per row (model building included). Every roster was re-scored by `benchmarks/curtois_checker.py`,
written from the benchmark's rules alone; "checker agrees" means its objective equals both the
validator's and the solver's, with no hard violation.

"plain CP-SAT" is the median of three seeds of a straightforward CP-SAT model (8 workers, 2
cores, OR-Tools 9.15) from `shared/bench/curtois/PLAIN_CPSAT.md`, with its own time limit; it was
not run on this machine on this day. CPU/wall below 1.8 means the run shared the machine.
Targets: best known on 1-7 within 60 s, within 2 % on 8-14 and 5 % on 15-19 within 300 s, a
valid roster on 20-24 within 600 s.

{table(runs, runs_on)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("SHIFTPLAN_CURTOIS_DIR", DEFAULT_DIR)))
    parser.add_argument("--only", default="1-24", help="instances, e.g. 1-7 or 1,4,8-10")
    parser.add_argument("--time-limit", type=float, help="at most S seconds per instance (default: the target's)")
    parser.add_argument("--seeds", type=int, default=1, help="runs per instance, seeds 0..N-1")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"CP-SAT workers (default {WORKERS})")
    parser.add_argument("--no-write", action="store_true", help="print only; record nothing")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    runs: dict[int, list[Run]] = {}
    for number in numbers(args.only):
        path = args.dir / f"Instance{number}.txt"
        limit = min(args.time_limit, target(number)[0]) if args.time_limit else target(number)[0]
        started = dt.datetime.now()
        for seed in range(args.seeds):
            with context.Pool(1) as pool:
                run = pool.apply(_child, ((str(path), number, seed, limit, args.workers),))
            runs.setdefault(number, []).append(run)
            print(f"Instance{number} seed {seed}: {run.status}, objective {fmt(run.checked)} (checker), "
                  f"bound {fmt(run.bound)}, best known {run.best_known}, {run.wall:.0f} s", flush=True)
        if not args.no_write:
            OUT.write_text(report(save_record(number, runs[number], started, args.workers)), encoding="utf-8")
    print()
    print(table(runs))
    if not args.no_write:
        print(f"\nrecorded in {RECORDS}, table written to {OUT}")


if __name__ == "__main__":
    main()
