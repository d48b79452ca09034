"""Desktop app benchmark: opening the demo district, filtering the staff table, one edit.

    .venv/bin/python benchmarks/ui_open.py [--runs 7] [--no-record]

Offscreen, on the demo district (8 stations, 304 people) in a temporary SQLite file. *Open* is
the gate: from a closed database to the main window on screen with the staff table filled (the
lock, migrations check, reading the plan, building every page, the first refresh), median of the
runs after a cold one, budget 1 s. *Filter* is typing one character into the staff search, and
choosing a station, each until the table shows the result; *edit* is one cell typed in the staff
table until it is stored and shown again (one transaction, the data read back, the page
refreshed). *Cold start* is a fresh Python process importing Qt and opening the window, for
information. The result is appended as a row to the "## Desktop app" section of
benchmarks/RESULTS.md. Exits with 1 when opening is over budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from print_district import commit, machine

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from shiftplan import app as composition
from shiftplan.ui.application import create_application
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pages.staff import StaffColumn
from shiftplan.ui.settings import Settings

BUDGET = 1.0  # seconds to open the district
FILTER_RUNS = 21
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Desktop app"
INTRO = f"""{SECTION}

`python benchmarks/ui_open.py`: the desktop app offscreen on the demo district (8 stations, 304
people) in a SQLite file. *Open* is the gate: from a closed database to the main window on screen
with the staff table filled, median of the runs after a cold one, budget {BUDGET:g} s. *Search* is
one character typed into the staff search, *station* a station chosen in the staff filter, each
until the table shows the result (median of {FILTER_RUNS}); *edit* is one staff cell changed until
it is stored and the table shows it again (other pages catch up when shown). *Cold start* is a
fresh process: Python, Qt, the window.

| date | commit | machine | open | cold | search | station | edit | cold start |
|---|---|---|---|---|---|---|---|---|
"""

COLD_START = """
import os, sys, time
start = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from shiftplan import app as composition
from shiftplan.ui.application import create_application
from shiftplan.ui.controller import Controller
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.settings import Settings
app = create_application("zh_CN")
controller = Controller(composition.DesktopBackend())
controller.open(sys.argv[1])
window = MainWindow(controller, Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show_page(window.staff_page)
window.show()
app.processEvents()
print(time.perf_counter() - start)
controller.close()
"""


def open_window(app: QApplication, database: str, settings: Settings) -> tuple[float, MainWindow, Controller]:
    start = time.perf_counter()
    controller = Controller(composition.DesktopBackend())
    controller.open(database)
    window = MainWindow(controller, settings)
    window.show_page(window.staff_page)
    window.show()
    app.processEvents()
    elapsed = time.perf_counter() - start
    assert window.staff_page.view.model().rowCount() == 304
    return elapsed, window, controller


def timed(app: QApplication, action: object, done: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    app.processEvents()
    assert done(), "the table does not show the result"  # type: ignore[operator]
    return time.perf_counter() - start


def record(row: str) -> None:
    """Append ``row`` to the table of our section, creating the section if needed."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION + "\n" not in text:
        text = text.rstrip("\n") + "\n\n" + INTRO
    start = text.index(SECTION + "\n")
    following = text.find("\n## ", start + len(SECTION))
    end = len(text) if following == -1 else following + 1
    section = text[start:end].rstrip("\n") + "\n" + row + "\n"
    text = text[:start] + section + ("\n" + text[end:] if end < len(text) else "")
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-record", action="store_true", help="do not append to benchmarks/RESULTS.md")
    args = parser.parse_args()

    app = create_application("zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "district.db")
        composition.open_database(f"sqlite:///{database}").close()  # the demo district
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))

        opens = []
        for _ in range(args.runs + 1):
            elapsed, window, controller = open_window(app, database, settings)
            opens.append(elapsed)
            window.close()
            window.deleteLater()
            controller.close()
            app.processEvents()
        cold_open, open_median = opens[0], statistics.median(opens[1:])

        _elapsed, window, controller = open_window(app, database, settings)
        page = window.staff_page
        model = page.view.model()
        searches, stations, edits = [], [], []
        for _ in range(FILTER_RUNS):
            searches.append(timed(app, lambda: page.search.setText("张"), lambda: 0 < model.rowCount() < 304))
            page.search.clear()
            stations.append(timed(app, lambda: page.station_box.setCurrentIndex(1),
                                  lambda: 0 < model.rowCount() < 304))
            page.station_box.setCurrentIndex(0)
        for i in range(args.runs):
            team = f"组{i}"
            index = model.index(0, StaffColumn.TEAM)
            edits.append(timed(app, lambda t=team, x=index: model.setData(x, t, Qt.ItemDataRole.EditRole),
                               lambda t=team: model.index(0, StaffColumn.TEAM).data() == t))
        window.close()
        controller.close()

        cold_start = subprocess.run([sys.executable, "-c", COLD_START, database, str(Path(folder) / "c.ini")],
                                    capture_output=True, text=True, check=True,
                                    env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        cold_start_time = float(cold_start.stdout.strip().splitlines()[-1])

    search, station, edit = (statistics.median(x) for x in (searches, stations, edits))
    print(f"open the district: {open_median * 1000:.0f} ms (cold {cold_open * 1000:.0f} ms), "
          f"median of {args.runs}; budget {BUDGET * 1000:.0f} ms")
    print(f"search one character: {search * 1000:.1f} ms; choose a station: {station * 1000:.1f} ms "
          f"(median of {FILTER_RUNS})")
    print(f"edit one cell until stored and shown: {edit * 1000:.0f} ms (median of {args.runs})")
    print(f"cold start (new process, Qt, window): {cold_start_time:.2f} s")
    if not args.no_record:
        record(f"| {dt.date.today()} | {commit()} | {machine()} | **{open_median * 1000:.0f} ms** | "
               f"{cold_open * 1000:.0f} ms | {search * 1000:.1f} ms | {station * 1000:.1f} ms | "
               f"{edit * 1000:.0f} ms | {cold_start_time:.2f} s |")
        print(f"recorded in {RESULTS}")
    return 0 if open_median <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
