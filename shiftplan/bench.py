"""``shiftplan bench curtois``: the product's own solver on the public Curtois & Qu instances.

Each instance is read into an ordinary scenario (``exchange.curtois``), solved by the product's
solver, re-scored by the product's validator and written as the benchmark's roster CSV.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from shiftplan.domain.calendar import NO_OFFICIAL_CALENDAR, resolve_calendar
from shiftplan.domain.validation import check
from shiftplan.exchange.curtois import read_curtois, roster_csv
from shiftplan.exchange.problems import read_bytes, write_atomically
from shiftplan.solver import Progress, SolveOptions, solve

# CP-SAT leaves its LP-based workers, the ones that prove bounds on these instances, out of its
# portfolio below about 8 workers, however many cores there are (8 beat 2 and 4 on 2 cores;
# benchmarks/curtois.md).
WORKERS = 8

# Best known objectives (upper bounds) of instances 1-24, from the benchmark's published table
# as collected in shared/bench/curtois/BEST_KNOWN.md.
BEST_KNOWN = {
    1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1300, 9: 439, 10: 4631, 11: 3443,
    12: 4040, 13: 1348, 14: 1278, 15: 3829, 16: 3225, 17: 5746, 18: 4459, 19: 3149, 20: 4769, 21: 21133,
    22: 30241, 23: 17428, 24: 42463,
}


@dataclass(frozen=True)
class BenchRow:
    instance: str
    staff: int
    days: int
    objective: float | None  # the validator's score of the written roster
    solver_objective: float | None  # the solver's own score of it (must agree)
    bound: float | None
    best_known: int | None
    time_to_best: float | None
    wall_time: float
    status: str
    hard_violations: int

    @property
    def gap(self) -> float | None:
        """Relative distance to the best known objective (negative: better than it)."""
        if self.objective is None or not self.best_known:
            return None
        return (self.objective - self.best_known) / self.best_known


def instance_number(path: str | os.PathLike[str]) -> int | None:
    match = re.search(r"(\d+)", Path(path).stem)
    return int(match.group(1)) if match else None


def run_curtois(path: str | os.PathLike[str], options: SolveOptions, out_dir: Path | None = None,
                on_progress: Callable[[Progress], None] | None = None) -> BenchRow:
    scenario = read_curtois(read_bytes(path).decode("ascii", errors="replace"), str(path))
    calendar = resolve_calendar(scenario.calendar, scenario.period, NO_OFFICIAL_CALENDAR)
    result = solve(scenario, calendar, options, on_progress)
    assignments = result.schedule.assignments
    report = check(scenario, assignments, calendar) if result.schedule.objective is not None else None
    if out_dir is not None and report is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(out_dir / f"{Path(path).stem}.csv", roster_csv(assignments))
    number = instance_number(path)
    return BenchRow(
        instance=Path(path).stem, staff=len(scenario.staff), days=scenario.period.days,
        objective=report.objective if report else None, solver_objective=result.solver_objective,
        bound=result.bound, best_known=BEST_KNOWN.get(number) if number else None,
        time_to_best=result.best_time, wall_time=result.wall_time, status=result.status.value,
        hard_violations=len(report.hard) if report else 0)


def table(rows: Sequence[BenchRow]) -> str:
    """A Markdown table of the rows."""
    head = ("instance", "staff", "days", "objective", "lower bound", "best known", "gap to best known",
            "time to best (s)", "status")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = (r.instance, r.staff, r.days, _num(r.objective), _num(r.bound), r.best_known or "—",
                 "—" if r.gap is None else f"{r.gap:+.1%}", _num(r.time_to_best, 1), r.status
                 + (f" ({r.hard_violations} hard!)" if r.hard_violations else ""))
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def _num(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}" if digits else f"{value:g}"
