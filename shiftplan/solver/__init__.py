"""The roster solver: a scenario in, the best roster CP-SAT finds out, as domain objects.

Use :func:`solve` or, from a worker thread that may need stopping, :class:`SolveRun`::

    run = SolveRun(scenario, calendar, SolveOptions(time_limit=10), on_progress=report)
    result = run.run()          # blocks; another thread may call run.stop()
    result.schedule             # the roster, objective and violations as the validator sees them

Layout: ``input`` (indexed view of the scenario), ``variables`` (the decisions and their
aggregates), ``rules/`` (one module per rule family), ``model`` (composes them), ``run``
(CP-SAT parameters, progress, stop, result). No CP-SAT object leaves this package.
"""

from __future__ import annotations

from shiftplan.solver.model import CostItem
from shiftplan.solver.rules.base import Subject
from shiftplan.solver.run import Progress, SolveOptions, SolveResult, SolveRun, solve

__all__ = ["CostItem", "Progress", "SolveOptions", "SolveResult", "SolveRun", "Subject", "solve"]
