"""The API the CLI and the GUI call: kinds, progress and cancel, threads, language, atomic files."""

from __future__ import annotations

import dataclasses
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from shiftplan import i18n
from shiftplan.printing import Kind, PrintCancelled, PrintRequest, render, write_pdf
from shiftplan.printing.samples import write_samples

from . import pdftools


@pytest.mark.parametrize("kind", [k.value for k in Kind])
def test_every_kind_renders_a_pdf_from_its_name(sample_week: PrintRequest, kind: str) -> None:
    pdf = render(kind, sample_week)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_an_unknown_kind_is_refused(sample_week: PrintRequest) -> None:
    with pytest.raises(ValueError, match="poster"):
        render("poster", sample_week)


def test_progress_climbs_from_zero_to_one(sample: PrintRequest) -> None:
    seen: list[float] = []
    render(Kind.SHEET, sample, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 8  # often enough to move a progress bar


@pytest.mark.parametrize("kind", list(Kind))
def test_cancelling_stops_the_print(sample: PrintRequest, kind: Kind) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(PrintCancelled):
        render(kind, sample, cancelled=cancelled)


def test_rendering_in_a_worker_thread_gives_the_same_file(sample_week: PrintRequest) -> None:
    here = render(Kind.SHEET, sample_week)
    with ThreadPoolExecutor(max_workers=2) as pool:
        there = list(pool.map(lambda k: render(k, sample_week), [Kind.SHEET, Kind.SHEET]))
    assert there == [here, here]  # deterministic, and two prints at once do not disturb each other


def test_printed_at_defaults_to_now(sample_week: PrintRequest) -> None:
    pdf = render(Kind.CHANGES, dataclasses.replace(sample_week, printed_at=None))
    assert pdf.startswith(b"%PDF-")


@pdftools.needs_poppler
def test_labels_follow_the_language(sample_week: PrintRequest) -> None:
    i18n.set_language("zh_CN")
    pdf = render(Kind.SHEET, sample_week)
    heading = i18n._("{station} duty roster").format(station=sample_week.scenario.stations[0].name)
    assert heading in pdftools.text(pdf)
    assert i18n._("Shift") in pdftools.text(pdf)


def test_write_pdf_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "roster.pdf"
    write_pdf(target, b"%PDF-old")
    write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "roster.pdf"
    write_pdf(target, b"%PDF-old")
    with pytest.raises(TypeError):
        write_pdf(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.pdf"]


def test_printing_touches_no_global_state_another_thread_could_see(sample_week: PrintRequest) -> None:
    errors: list[BaseException] = []

    def work(kind: Kind) -> None:
        try:
            render(kind, sample_week)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(k,)) for k in Kind]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pdftools.needs_poppler
def test_the_sample_images_are_written(tmp_path: Path) -> None:
    written = write_samples(tmp_path, dpi=30)
    assert sorted(p.name for p in written) == sorted(f"print-{k.value}.png" for k in Kind)
    for path in written:
        assert path.read_bytes().startswith(b"\x89PNG")
