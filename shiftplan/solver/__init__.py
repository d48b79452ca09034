"""The roster solver: a scenario in, the best roster CP-SAT finds out, as domain objects.

Use :func:`solve`, or from a worker thread that may need stopping, :class:`SolveRun`::

    run = SolveRun(scenario, calendar, SolveOptions(time_limit=10), on_progress=report)
    result = run.run()       # blocks; another thread may call run.stop()
    result.schedule          # the roster, with the validator's objective and violations
    result.status            # optimal / feasible / infeasible / unknown (domain Status)

``on_progress`` is called from a CP-SAT thread with a :class:`Progress` for every improved
roster; keep it tiny (copy the numbers, post them to the GUI thread).

Layout: ``input`` (the scenario as indices, eligibility), ``variables`` (the decisions and their
aggregates), ``rules/`` (one module per rule family of the spec), ``model`` (composes them),
``greedy`` (a quick fair roster to start from), ``decompose`` (independent parts of a
scenario), ``run`` (search parameters, progress, stop, result). No CP-SAT object leaves the
package.
"""

from __future__ import annotations

from shiftplan.solver.model import CostItem
from shiftplan.solver.rules.base import Subject
from shiftplan.solver.run import Progress, SolveOptions, SolveResult, SolveRun, solve

__all__ = ["CostItem", "Progress", "SolveOptions", "SolveResult", "SolveRun", "Subject", "solve"]
