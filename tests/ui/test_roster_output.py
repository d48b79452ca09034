"""Printing, exporting and the fairness view of the roster shown, on a real database with a planted roster."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from shiftplan.domain.fairness import Category
from shiftplan.domain.model import Assignment, Schedule
from shiftplan.exchange.schedule import load_schedule
from shiftplan.services.printout import fairness_table
from shiftplan.storage import Database
from shiftplan.ui.dialogs.print_dialog import PrintDialog
from shiftplan.ui.fairness import AVERAGE_ROLE, COUNT_ROLE, SPREAD_ROLE, VALUE_ROLE, FairnessModel
from shiftplan.ui.main_window import MainWindow
from shiftplan.ui.pdf_pages import paint_pages, rasterizer
from shiftplan.ui.roster_output import RosterOutput
from tests.ui.helpers import UI_MARKS

pytestmark = UI_MARKS

TIMEOUT_MS = 30_000
D = dt.date(2020, 2, 3)

# A few shifts at the 310 checkpoint and one at Zhengzhou West; 张琳 works a night crossing midnight.
ROSTER = [Assignment(D, "N", "G310W", "P001", "leader"), Assignment(D, "D", "G310W", "P004", "medic"),
          Assignment(D + dt.timedelta(days=1), "D", "G310W", "P005", "leader"),
          Assignment(D + dt.timedelta(days=5), "D", "G310W", "P001", "leader"),  # Saturday the 8th
          Assignment(D, "N", "ZZX", "P002", "police")]


def plant(database: str, *rosters: list[Assignment]) -> None:
    with Database.open(f"sqlite:///{database}") as db:
        for roster in rosters:
            db.save_schedule(db.plans()[-1].id, Schedule(tuple(roster)))


def output(window: MainWindow, database: str, *rosters: list[Assignment]) -> RosterOutput:
    plant(database, *(rosters or (ROSTER,)))
    window.controller.reload()
    return window.roster_output


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_actions_are_there_when_a_roster_is(window: MainWindow, database: str) -> None:
    out = window.roster_output
    assert not out.print_action.isEnabled()  # no roster yet
    output(window, database)
    assert all(a.isEnabled() for a in out.actions)
    assert out.print_action in window.toolbar.actions()


def test_export_a_pdf_from_the_dialog(window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot) -> None:
    out = output(window, database)
    dialog = out.print_roster()
    assert isinstance(dialog, PrintDialog)
    assert window.current_page() is window.roster_page
    assert dialog.start_edit.date().toString("yyyy-MM-dd") == "2020-02-01"
    assert dialog.end_edit.date().toString("yyyy-MM-dd") == "2020-02-29"
    assert dialog.kind() == "sheet"
    # only one roster: the changes page has nothing to compare with
    assert not dialog.kind_box.model().item(dialog.kind_box.findData("changes")).isEnabled()  # type: ignore[attr-defined]
    dialog.station_box.setCurrentIndex(dialog.station_box.findData("G310W"))
    dialog.end_edit.setDate(dialog.end_edit.date().addDays(-21))  # 1–8 February
    target = tmp_path / "out" / "roster.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS) as signal:
        dialog.export_pdf(str(target))
    assert signal.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["roster.pdf"]  # no temporary file left
    assert dialog.task is None and dialog.pdf_button.isEnabled()
    text = pdf_text(target)
    assert "张琳" in text and "310国道巩义方向防疫服务站" in text
    assert "王伟" not in text  # works at Zhengzhou West only
    dialog.close()
    # The sheet is recorded as printed: the changes page now compares with it.
    with Database.open(f"sqlite:///{database}") as db:
        (printed,) = db.prints(db.plans()[-1].id)
    assert (printed.kind, printed.stations, printed.version) == ("sheet", ("G310W",), 1)
    assert set(printed.assignments) == set(ROSTER)


def test_the_changes_page_compares_with_what_was_printed(window: MainWindow, database: str, tmp_path: Path,
                                                          qtbot: QtBot) -> None:
    out = output(window, database)
    dialog = out.print_roster()
    assert dialog is not None
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS):
        dialog.export_pdf(str(tmp_path / "sheet.pdf"))
    dialog.close()
    page = window.roster_page
    page.remove("P004", D)  # a hand edit of the draft, in place: still version 1
    assert page.view is not None and page.view.plan.version == 1
    dialog = out.print_roster()
    assert dialog is not None
    assert dialog.kind_box.model().item(dialog.kind_box.findData("changes")).isEnabled()  # type: ignore[attr-defined]
    dialog.set_kind("changes")
    target = tmp_path / "changes.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS):
        dialog.export_pdf(str(target))
    dialog.close()
    text = " ".join(pdf_text(target).split())
    assert "赵敏" in text
    assert "打印的排班" in text or "roster printed on" in text


def test_every_kind_prints(window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot) -> None:
    out = output(window, database, ROSTER[:-1], ROSTER)  # two versions: the changes page has something to show
    dialog = out.print_roster()
    assert dialog is not None
    assert dialog.kind_box.model().item(dialog.kind_box.findData("changes")).isEnabled()  # type: ignore[attr-defined]
    for kind in ("slips", "signin", "fairness", "changes"):
        dialog.set_kind(kind)
        target = tmp_path / f"{kind}.pdf"
        with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS):
            dialog.export_pdf(str(target))
        assert target.read_bytes().startswith(b"%PDF"), kind
    if shutil.which("pdftotext"):
        assert "王伟" in pdf_text(tmp_path / "changes.pdf")  # his night at Zhengzhou West is new
    dialog.close()


def test_names_the_font_lacks_are_named_first(window: MainWindow, database: str, tmp_path: Path,
                                              qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    controller = window.controller
    sc = controller.workspace.scenario
    person = sc.staff[0]
    controller.apply(controller.workspace.update_people([(person, type(person)(**{
        **person.__dict__, "name": "张\U0002a6a5"}))]))  # a rare character outside the font
    out = output(window, database)
    dialog = out.print_roster()
    assert dialog is not None
    asked: list[list[str]] = []
    monkeypatch.setattr(dialog, "confirm_unprintable", lambda problems: asked.append(problems) or False)
    dialog.export_pdf(str(tmp_path / "no.pdf"))
    assert len(asked) == 1 and "P001" in asked[0][0] and "张\U0002a6a5" in asked[0][0]
    assert dialog.task is None and not (tmp_path / "no.pdf").exists()
    monkeypatch.setattr(dialog, "confirm_unprintable", lambda problems: True)
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT_MS):
        dialog.export_pdf(str(tmp_path / "yes.pdf"))
    assert (tmp_path / "yes.pdf").exists()
    dialog.close()


def test_cancel_stops_the_printout(window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot) -> None:
    out = output(window, database)
    dialog = out.print_roster()
    assert dialog is not None
    target = tmp_path / "cancelled.pdf"
    exported: list[str] = []
    dialog.exported.connect(exported.append)
    dialog.export_pdf(str(target))
    assert dialog.task is not None
    dialog.task.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
    if not exported:  # the render saw the cancel before it was done
        assert not target.exists()
        assert "cancelled" in dialog.messages.text.text().lower()
    dialog.close()


def test_without_a_rasterizer_only_pdf_is_offered(window: MainWindow, database: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shiftplan.ui.dialogs.print_dialog.rasterizer", lambda: None)
    out = output(window, database)
    dialog = out.print_roster()
    assert dialog is not None
    assert not dialog.preview_button.isEnabled() and not dialog.print_button.isEnabled()
    assert dialog.pdf_button.isEnabled()
    assert "pdftoppm" in dialog.note.text()
    dialog.close()
    if rasterizer() is not None:
        monkeypatch.undo()
        dialog = out.print_roster()
        assert dialog is not None and dialog.preview_button.isEnabled()
        dialog.close()


def test_pages_are_painted_onto_the_printer(tmp_path: Path, window: MainWindow) -> None:
    images = []
    for colour in ("#ff0000", "#0000ff"):
        image = QImage(400, 300, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        images.append(image)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))
    paint_pages(printer, images)
    data = (tmp_path / "painted.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 2


def test_csv_export_reads_back(window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot) -> None:
    out = output(window, database)
    shown = out.shown()
    assert shown is not None
    view, _station = shown
    target = tmp_path / "roster.csv"
    task = out.export_csv(view, str(target))
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass
    assert sorted(load_schedule(target).assignments, key=repr) == sorted(ROSTER, key=repr)
    assert target.read_text(encoding="utf-8").splitlines()[0] == "date,shift,station,staff,role"


def _events(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes().decode("utf-8")
    physical = raw.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            key, _sep, value = line.partition(":")
            current[key] = value
    return [e for e in events if e is not None]


def test_calendar_exports_read_back(window: MainWindow, database: str, tmp_path: Path, qtbot: QtBot) -> None:
    out = output(window, database)
    shown = out.shown()
    assert shown is not None
    view, _station = shown
    folder = tmp_path / "calendars"
    folder.mkdir()
    task = out.export_calendars(view, str(folder))
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass
    assert sorted(p.name for p in folder.iterdir()) == [
        "P001 张琳.ics", "P002 王伟.ics", "P004 赵敏.ics", "P005 陈喆.ics"]
    night, saturday = _events(folder / "P001 张琳.ics")
    assert night["SUMMARY"] == "夜班 310国道巩义方向防疫服务站"
    assert night["DTSTART;TZID=Asia/Shanghai"] == "20200203T200000"
    assert night["DTEND;TZID=Asia/Shanghai"] == "20200204T080000"
    assert saturday["DTSTART;TZID=Asia/Shanghai"] == "20200208T080000"

    one = tmp_path / "one.ics"
    task = out.export_calendar(view, str(one), "P002")
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass
    (event,) = _events(one)
    assert event["SUMMARY"] == "夜班 连霍高速郑州西收费站"


def test_the_fairness_model_shows_the_domains_counts(window: MainWindow, database: str,
                                                     qtmodeltester: ModelTester) -> None:
    out = output(window, database)
    dialog = out.show_fairness()
    assert dialog is not None
    view = window.roster_page.view
    assert view is not None and view.schedule is not None
    model = FairnessModel()
    model.set_view(view)
    qtmodeltester.check(model, force_py=True)
    expected = fairness_table(view.scenario, view.schedule.assignments, view.calendar)
    assert model.rowCount() == len(expected) > 0
    seen = {}
    for g, group in enumerate(expected):
        parent = model.index(g, 0)
        assert model.rowCount(parent) == len(group.members)
        for c, category in enumerate(Category, start=1):
            figures = group.figures[category]
            assert model.index(g, c).data(SPREAD_ROLE) == (figures.spread if figures else None)
            for m, member in enumerate(group.members):
                index = model.index(m, c, parent)
                assert index.data(COUNT_ROLE) == member.counts[category]
                assert index.data(VALUE_ROLE) == member.loads[category]
                assert index.data(AVERAGE_ROLE) == (figures.average if figures else None)
                seen[member.id, category] = member.counts[category]
    # the domain's counting, by hand: 张琳 has two shifts (one a night, one on Saturday the 8th)
    assert seen["P001", Category.SHIFTS] == 2 and seen["P001", Category.NIGHTS] == 1
    assert seen["P001", Category.RESTDAYS] == 1
    assert seen["P005", Category.SHIFTS] == 1 and seen["P005", Category.NIGHTS] == 0
    assert seen["P003", Category.SHIFTS] == 0
    assert dialog.model.rowCount() == model.rowCount()
    dialog.tree.viewport().repaint()  # the bar delegate paints without complaint
    dialog.close()


def test_the_fairness_spread_is_what_the_validator_charges(window: MainWindow, database: str) -> None:
    shown = output(window, database).shown()
    assert shown is not None
    view = shown[0]
    assert view.report is not None and view.schedule is not None
    charged = {(v.rule, v.group): v.cost for v in view.report.soft if v.rule.startswith("fair_")}
    for group in fairness_table(view.scenario, view.schedule.assignments, view.calendar):
        for category in Category:
            figures = group.figures[category]
            weight = category.weight(view.scenario)
            cost = charged.get((category.rule, group.label), 0.0)
            known = sum(1 for m in group.members if m.loads[category] is not None)
            if figures is None or known < 2 or weight <= 0:
                continue
            assert cost == pytest.approx(round(weight * figures.spread, 6))


def test_an_empty_model_passes_the_model_tester(qtmodeltester: ModelTester, window: MainWindow) -> None:
    model = FairnessModel()
    qtmodeltester.check(model, force_py=True)
    model.set_view(None)
    assert model.rowCount() == 0


def test_pages_are_drawn_for_preview_and_printer(window: MainWindow, database: str, qtbot: QtBot) -> None:
    if rasterizer() is None:
        pytest.skip("neither QtPdf nor pdftoppm is available")
    out = output(window, database)
    dialog = out.print_roster()
    assert dialog is not None and dialog.preview_button.isEnabled()
    dialog.station_box.setCurrentIndex(dialog.station_box.findData("G310W"))
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(6))  # one week: one page
    pages: list[list[QImage]] = []
    dialog._render_pages(lambda images, _kind, _job: pages.append(images))
    qtbot.waitUntil(lambda: bool(pages), timeout=TIMEOUT_MS)
    (images,) = pages
    assert len(images) == 1 and images[0].width() > images[0].height() > 1000  # a landscape A4 page at 200 dpi
    dialog.close()
