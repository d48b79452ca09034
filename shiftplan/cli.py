"""The ``shiftplan`` command: the desktop app with no arguments, tools for files and databases.

Exit codes: 0 success; 1 the roster breaks a hard rule (check) or no roster exists (solve);
2 malformed input or a usage error; 3 time ran out before any roster was found (solve);
4 a database problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from shiftplan import __version__, app, i18n
from shiftplan.bench import WORKERS as BENCH_WORKERS
from shiftplan.domain.calendar import DayCalendar
from shiftplan.domain.candidates import candidates
from shiftplan.domain.changes import changes_text
from shiftplan.domain.model import STATUS_LABELS, Scenario, Schedule, Status, Violation
from shiftplan.domain.validation import Report, check
from shiftplan.exchange.problems import FormatError
from shiftplan.exchange.scenario import load_scenario, save_scenario, scenario_calendar
from shiftplan.exchange.schedule import load_schedule, save_schedule, save_schedule_csv, violation_to_json
from shiftplan.i18n import _
from shiftplan.printing import (
    Kind,
    PrintRequest,
    PrintRequestError,
    UnprintableTextError,
    render,
    unprintable,
    write_pdf,
)
from shiftplan.services.printout import compared_roster, record_printout
from shiftplan.solver import Progress, SolveOptions, SolveResult, solve
from shiftplan.solver.replan import DEFAULT_CHANGE_WEIGHT, replan
from shiftplan.storage import StorageError

EXIT_OK, EXIT_HARD, EXIT_MALFORMED, EXIT_TIMEOUT, EXIT_STORAGE = 0, 1, 2, 3, 4


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from(args_list))
    parser = _parser()
    args = parser.parse_args(args_list)
    command: Callable[[argparse.Namespace], int] = getattr(args, "run", _gui)
    try:
        return command(args)
    except FormatError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_MALFORMED
    except StorageError as error:
        print(error, file=sys.stderr)
        return EXIT_STORAGE


def _language_from(argv: list[str]) -> str | None:
    """The language must be known before the parser's own help texts are built."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return os.environ.get("SHIFTPLAN_LANG")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help=_(
        "database file or SQLAlchemy URL (default: $SHIFTPLAN_DB, else shiftplan.db in the user's data folder)"))
    common.add_argument("--lang", choices=["zh_CN", "en"], help=_("language of messages (default: zh_CN)"))

    parser = argparse.ArgumentParser(prog="shiftplan", parents=[common], description=_(
        "Fair duty rosters for 24-hour stations. Without a command, the desktop app opens."))
    parser.add_argument("--version", action="version", version=f"shiftplan {__version__}")
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    gui = commands.add_parser("gui", parents=[common], help=_("open the desktop app (the default)"))
    gui.set_defaults(run=_gui)

    checker = commands.add_parser("check", parents=[common], help=_("check a roster against a scenario"))
    checker.add_argument("scenario", metavar="SCENARIO.json")
    checker.add_argument("schedule", metavar="SCHEDULE.json|.csv")
    checker.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    checker.set_defaults(run=_check)

    replanner = commands.add_parser("replan", parents=[common], help=_(
        "re-plan from a date on after new facts, changing the published roster as little as worth it"))
    replanner.add_argument("scenario", metavar="SCENARIO.json", help=_("the scenario with the new facts"))
    replanner.add_argument("--base", required=True, metavar="SCHEDULE.json|.csv", help=_("the published roster"))
    replanner.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE", help=_(
        "first date that may change; earlier days stay as published"))
    replanner.add_argument("-o", "--output", required=True, metavar="NEW.json")
    replanner.add_argument("--change-weight", type=float, default=DEFAULT_CHANGE_WEIGHT, metavar="W", help=_(
        "cost of changing one published assignment (default: {n:g})").format(n=DEFAULT_CHANGE_WEIGHT))
    _solve_options(replanner)
    replanner.set_defaults(run=_replan)

    ranking = commands.add_parser("candidates", parents=[common], help=_(
        "who could take one slot of a roster, ranked, and why the others cannot"))
    ranking.add_argument("scenario", metavar="SCENARIO.json")
    ranking.add_argument("schedule", metavar="SCHEDULE.json|.csv")
    ranking.add_argument("--date", required=True, type=_date, metavar="DATE", help=_("the slot's date"))
    ranking.add_argument("--shift", required=True, metavar="ID", help=_("the slot's shift type"))
    ranking.add_argument("--station", required=True, metavar="ID", help=_("the slot's station"))
    ranking.add_argument("--role", metavar="ID", help=_("the role to serve (default: any role the person has)"))
    ranking.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    ranking.set_defaults(run=_candidates)

    solver = commands.add_parser("solve", parents=[common], help=_("build the best roster for a scenario"))
    solver.add_argument("scenario", metavar="SCENARIO.json")
    solver.add_argument("-o", "--output", required=True, metavar="SCHEDULE.json")
    _solve_options(solver)
    solver.set_defaults(run=_solve)

    bench = commands.add_parser("bench", parents=[common], help=_("run public benchmarks"))
    suites = bench.add_subparsers(title=_("benchmarks"), metavar="SUITE", required=True)
    curtois = suites.add_parser("curtois", parents=[common], help=_(
        "the nurse-rostering instances of Curtois & Qu (Instance1.txt ... Instance24.txt)"))
    curtois.add_argument("files", nargs="+", metavar="FILE")
    curtois.add_argument("--time-limit", type=float, default=60, metavar="S", help=_("seconds per instance"))
    curtois.add_argument("--workers", type=int, default=BENCH_WORKERS, metavar="N", help=_(
        "CP-SAT workers (default {n}: fewer leave out its LP-based workers)").format(n=BENCH_WORKERS))
    curtois.add_argument("--seed", type=int, default=0, metavar="N")
    curtois.add_argument("--deterministic", action="store_true", help=_(
        "reproducible search on a work budget instead of the wall clock (the default of solve)"))
    curtois.add_argument("--out", metavar="DIR", help=_("write each roster to DIR/<instance>.csv"))
    curtois.set_defaults(run=_bench_curtois)

    importer = commands.add_parser("import", parents=[common], help=_(
        "replace the database's content with a scenario file"))
    importer.add_argument("scenario", metavar="SCENARIO.json")
    importer.set_defaults(run=_import)

    exporter = commands.add_parser("export", parents=[common], help=_("write the database's plan as a scenario"))
    exporter.add_argument("-o", "--output", required=True, metavar="SCENARIO.json")
    exporter.add_argument("--plan", type=int, metavar="ID", help=_("plan id (default: the latest)"))
    exporter.set_defaults(run=_export)

    printer = commands.add_parser("print", parents=[common], help=_(
        "print shift sheets, slips, sign-in sheets, the fairness report or the changes page as PDF"))
    printer.add_argument("--scenario", metavar="SCENARIO.json", help=_("print from files instead of the database"))
    printer.add_argument("--schedule", metavar="SCHEDULE.json|.csv", help=_("the roster to print (with --scenario)"))
    printer.add_argument("--previous", metavar="SCHEDULE.json|.csv", help=_(
        "the earlier roster, for --kind changes with --scenario (from the database: the previous version)"))
    printer.add_argument("--plan", type=int, metavar="ID", help=_("plan id (default: the latest)"))
    printer.add_argument("--kind", required=True, choices=[k.value for k in Kind])
    printer.add_argument("--station", action="append", metavar="ID", help=_("only this station (may be repeated)"))
    printer.add_argument("--from", dest="start", type=_date, metavar="DATE", help=_("first date to print"))
    printer.add_argument("--to", dest="end", type=_date, metavar="DATE", help=_("last date to print"))
    printer.add_argument("--force", action="store_true", help=_(
        "print even when a name has a character the font lacks (marked 〓)"))
    printer.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    printer.set_defaults(run=_print)

    demo = commands.add_parser("demo", parents=[common], help=_(
        "put the demo district (8 checkpoints, 304 people) into the database or a file"))
    demo.add_argument("-o", "--output", metavar="SCENARIO.json", help=_("write the demo scenario to this file"))
    demo.add_argument("--replace", action="store_true", help=_("replace a database that already holds data"))
    demo.set_defaults(run=_demo)
    return parser


def _solve_options(parser: argparse.ArgumentParser) -> None:
    defaults = SolveOptions()
    parser.add_argument("--csv", metavar="FILE", help=_("also write the assignments as CSV"))
    parser.add_argument("--time-limit", type=float, default=defaults.time_limit, metavar="S", help=_(
        "seconds to search (default: {n:g})").format(n=defaults.time_limit))
    parser.add_argument("--seed", type=int, default=defaults.seed, metavar="N", help=_(
        "random seed; the same seed and workers give the same roster"))
    parser.add_argument("--workers", type=int, default=defaults.workers, metavar="N", help=_(
        "parallel search workers (default: {n})").format(n=defaults.workers))
    parser.add_argument("--quiet", action="store_true", help=_("no progress lines on stderr"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a date written YYYY-MM-DD").format(text=text)) from None


def _gui(args: argparse.Namespace) -> int:
    return app.run_gui(app.database_url(args.db), i18n.language())


def _check(args: argparse.Namespace) -> int:
    scenario, calendar = load_scenario(args.scenario, app.calendar())
    schedule = load_schedule(args.schedule)
    report = check(scenario, schedule.assignments, calendar)
    if args.json:
        print(json.dumps(_report_json(report), ensure_ascii=False, indent=2))
    else:
        print(_report_text(report, scenario, schedule.objective))
    return EXIT_OK if report.feasible else EXIT_HARD


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "feasible": report.feasible,
        "objective": report.objective,
        "hard": [violation_to_json(v) for v in report.hard],
        "soft": [violation_to_json(v) for v in report.soft],
    }


def _report_text(report: Report, scenario: Scenario, stated: float | None) -> str:
    names = {p.id: p.name for p in scenario.staff}
    shifts = {s.id: s.name for s in scenario.shift_types}
    lines = []
    if report.hard:
        lines.append(_("Hard rules broken: {n}").format(n=len(report.hard)))
        lines += ["  " + _violation_line(v, names, shifts) for v in report.hard]
    else:
        lines.append(_("No hard rule is broken."))
    lines.append(_("Soft costs: {n} items, objective {objective:g}").format(
        n=len(report.soft), objective=report.objective))
    lines += ["  " + _violation_line(v, names, shifts) for v in report.soft]
    if stated is not None and abs(stated - report.objective) > 0.005:
        lines.append(_("Note: the schedule states objective {stated:g}; the check finds {objective:g}.").format(
            stated=stated, objective=report.objective))
    return "\n".join(lines)


def _violation_line(v: Violation, names: dict[str, str], shifts: dict[str, str]) -> str:
    parts = [v.rule]
    if not v.hard:
        parts.append(_("cost {cost:g}").format(cost=round(v.cost, 2)))
    if v.staff:
        parts.append(f"{names.get(v.staff, v.staff)}({v.staff})")
    if v.dates:
        parts.append(v.dates[0].isoformat() + (f"..{v.dates[-1].isoformat()}" if len(v.dates) > 1 else ""))
    for value in (shifts.get(v.shift, v.shift) if v.shift else None, v.station, v.role, v.group):
        if value:
            parts.append(value)
    if v.detail:
        parts.append("— " + v.detail)
    return "  ".join(parts)


def _print(args: argparse.Namespace) -> int:
    """Print a roster from files, or the latest of a plan in the database (recorded as printed)."""
    if args.scenario:
        if not args.schedule:
            print(_("--scenario needs --schedule: the roster to print."), file=sys.stderr)
            return EXIT_MALFORMED
        scenario, calendar = load_scenario(args.scenario, app.calendar())
        schedule = load_schedule(args.schedule)
        previous = load_schedule(args.previous) if args.previous else None
        return _print_pdf(args, scenario, calendar, schedule, previous)
    database = app.open_database(app.database_url(args.db), seed_demo=False)
    try:
        scenario = database.export_scenario(args.plan)
        plan = args.plan if args.plan is not None else database.plans()[-1].id
        versions = database.schedules(plan)
        if not versions:
            print(_("The plan has no roster yet: solve it first."), file=sys.stderr)
            return EXIT_MALFORMED
        schedule = database.schedule(versions[-1].id) or Schedule(())
        previous, label = compared_roster(database, plan, schedule, versions)
        calendar = scenario_calendar(scenario, app.calendar(), app.url_label(app.database_url(args.db)))
        code = _print_pdf(args, scenario, calendar, schedule, previous, f"v{versions[-1].version}", label)
        if code == EXIT_OK:
            record_printout(database, plan, versions[-1].version, schedule, args.kind, scenario.period, args.station,
                            args.start, args.end)
        return code
    finally:
        database.close()


def _print_pdf(args: argparse.Namespace, scenario: Scenario, calendar: DayCalendar, schedule: Schedule,
               previous: Schedule | None, version: str = "", previous_label: str = "") -> int:
    request = PrintRequest(scenario, calendar, schedule, stations=args.station, start=args.start, end=args.end,
                           version_label=version, status_label=_(STATUS_LABELS[schedule.status]),
                           previous_schedule=previous, previous_label=previous_label)
    for problem in unprintable(request):
        print(_("Warning: {problem}").format(problem=problem), file=sys.stderr)
    try:
        pdf = render(args.kind, request, mark_unprintable=args.force)
    except (UnprintableTextError, PrintRequestError) as error:
        print(error, file=sys.stderr)
        return EXIT_MALFORMED
    write_pdf(args.output, pdf)
    print(_("Wrote {file}.").format(file=args.output))
    return EXIT_OK


def _candidates(args: argparse.Namespace) -> int:
    scenario, calendar = load_scenario(args.scenario, app.calendar())
    schedule = load_schedule(args.schedule)
    found = candidates(scenario, calendar, schedule.assignments, args.date, args.shift, args.station, args.role)
    names = {p.id: p.name for p in scenario.staff}
    if args.json:
        print(json.dumps({
            "on_duty": list(found.on_duty),
            "candidates": [{"staff": c.staff, "role": c.role, "delta": c.delta,
                            "adds": [violation_to_json(v) for v in c.gains],
                            "removes": [violation_to_json(v) for v in c.relief]} for c in found.ranked],
            "excluded": [{"staff": e.staff, "reason": violation_to_json(e.reason)} for e in found.excluded],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    roles = {r.id: r.name for r in scenario.roles}
    print(_("Candidates ({n}), best first; the number is the change of the total soft cost:").format(
        n=len(found.ranked)))
    for c in found.ranked:
        print(f"  {c.delta:+g}  {names[c.staff]}({c.staff})" + (f"  {roles.get(c.role, c.role)}" if c.role else ""))
    print(_("Cannot take the slot ({n}):").format(n=len(found.excluded)))
    for e in found.excluded:
        print(f"  {names[e.staff]}({e.staff})  {e.reason.detail or e.reason.rule}")
    return EXIT_OK


def _solve(args: argparse.Namespace) -> int:
    scenario, calendar = load_scenario(args.scenario, app.calendar())
    result = solve(scenario, calendar, SolveOptions(time_limit=args.time_limit, seed=args.seed, workers=args.workers),
                   on_progress=None if args.quiet else _print_progress)
    _warn_unless_reproducible(result)
    return _write_result(result.schedule, args)


def _replan(args: argparse.Namespace) -> int:
    scenario, calendar = load_scenario(args.scenario, app.calendar())
    base = load_schedule(args.base)
    outcome = replan(scenario, calendar, base, args.start,
                     SolveOptions(time_limit=args.time_limit, seed=args.seed, workers=args.workers),
                     args.change_weight, on_progress=None if args.quiet else _print_progress)
    _warn_unless_reproducible(outcome.result)
    code = _write_result(outcome.schedule, args)
    if outcome.schedule.assignments:
        print(changes_text(outcome.changes, scenario))
    return code


def _warn_unless_reproducible(result: SolveResult) -> None:
    if not result.reproducible and not result.stopped and result.schedule.assignments:
        print(_("Note: the machine was slower than the work budget expects, so the clock ended the search; "
                "a rerun with the same seed may give a different roster."), file=sys.stderr)


def _print_progress(progress: Progress) -> None:
    print(_("{elapsed:7.2f} s  best {objective:g}  bound {bound:g}").format(
        elapsed=progress.elapsed, objective=round(progress.objective, 2), bound=round(progress.bound, 2)),
        file=sys.stderr, flush=True)


def _write_result(schedule: Schedule, args: argparse.Namespace) -> int:
    """Write the schedule (and CSV) whatever the outcome; the exit code tells the outcome."""
    save_schedule(schedule, args.output)
    if args.csv:
        save_schedule_csv(schedule.assignments, args.csv)
    if schedule.status in (Status.OPTIMAL, Status.FEASIBLE):
        print(_("{status}: objective {objective:g}, {n} assignments, written to {file}.").format(
            status=_(STATUS_LABELS[schedule.status]), objective=schedule.objective or 0,
            n=len(schedule.assignments), file=args.output))
        return EXIT_OK
    print(_(STATUS_LABELS[schedule.status]), file=sys.stderr)
    for sentence in schedule.explanation:
        print("  " + sentence, file=sys.stderr)
    return EXIT_HARD if schedule.status is Status.INFEASIBLE else EXIT_TIMEOUT


def _bench_curtois(args: argparse.Namespace) -> int:
    from shiftplan.bench import run_curtois, table

    options = SolveOptions(time_limit=args.time_limit, seed=args.seed, workers=args.workers,
                           deterministic=args.deterministic)
    rows = []
    for file in args.files:
        row = run_curtois(file, options, Path(args.out) if args.out else None)
        print(_("{instance}: {status}, objective {objective}, {time:.1f} s").format(
            instance=row.instance, status=row.status, objective="—" if row.objective is None else f"{row.objective:g}",
            time=row.wall_time),
            file=sys.stderr, flush=True)
        rows.append(row)
    print(table(rows))
    return EXIT_OK if all(r.objective is not None and not r.hard_violations for r in rows) else EXIT_HARD


def _import(args: argparse.Namespace) -> int:
    scenario, _calendar = load_scenario(args.scenario, app.calendar())  # the calendar must resolve too
    database = app.open_database(app.database_url(args.db), seed_demo=False)
    try:
        plan = database.import_scenario(scenario)
    finally:
        database.close()
    print(_("Imported {file}: {staff} people, {stations} stations (plan {plan}).").format(
        file=args.scenario, staff=len(scenario.staff), stations=len(scenario.stations), plan=plan))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    database = app.open_database(app.database_url(args.db), seed_demo=False)
    try:
        scenario = database.export_scenario(args.plan, whole=True)
    finally:
        database.close()
    save_scenario(scenario, args.output)
    print(_("Exported to {file}.").format(file=args.output))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    scenario = app.build_demo()
    if args.output:
        save_scenario(scenario, args.output)
        print(_("Wrote the demo scenario to {file}.").format(file=Path(args.output)))
        return EXIT_OK
    database = app.open_database(app.database_url(args.db), seed_demo=False)
    try:
        if not database.is_empty() and not args.replace:
            print(_("The database already holds data; add --replace to overwrite it with the demo."),
                  file=sys.stderr)
            return EXIT_MALFORMED
        database.import_scenario(scenario)
    finally:
        database.close()
    print(_("The demo is in the database: {staff} people at {stations} stations.").format(
        staff=len(scenario.staff), stations=len(scenario.stations)))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
