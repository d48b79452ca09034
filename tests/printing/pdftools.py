"""Look at a PDF the way a reader's tools do: poppler's pdftotext, pdffonts, pdfinfo and pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import pytest

TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")
needs_poppler = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                   reason="poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) not installed")
MARKS = "★▲"


def _run(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                              check=True, capture_output=True, text=True).stdout


def text(pdf: bytes, page: int | None = None, layout: bool = True) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", pdf, *pages, *(["-layout"] if layout else []))


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    return text(pdf).split("\f")[: info(pdf)["pages"]]


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page, as pdftotext counts
    x1: float
    y1: float

    @property
    def name(self) -> str:
        """The word without the leader's and the Party member's marks."""
        return self.text.strip(MARKS)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def words(pdf: bytes) -> list[list[Word]]:
    """Every word with its box, page by page."""
    xhtml = _run("pdftotext", pdf, "-bbox")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    return [[Word(w.text or "", float(w.get("xMin", 0)), float(w.get("yMin", 0)), float(w.get("xMax", 0)),
                  float(w.get("yMax", 0))) for w in page.iterfind(".//h:word", ns)]
            for page in root.iterfind(".//h:page", ns)]


class Info(TypedDict):
    pages: int
    width: float  # of the first page, in points
    height: float


def info(pdf: bytes) -> Info:
    out = _run("pdfinfo", pdf)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    pages = re.search(r"Pages:\s+(\d+)", out)
    assert size and pages, out
    return {"pages": int(pages.group(1)), "width": float(size.group(1)), "height": float(size.group(2))}


def fonts(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts' table: name, type, encoding, emb, sub, uni."""
    lines = _run("pdffonts", pdf).splitlines()[2:]
    found = []
    for line in lines:
        match = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, line
        found.append(dict(zip(("name", "type", "encoding", "emb", "sub", "uni"), match.groups(), strict=True)))
    return found


def pixels(pdf: bytes, page: int = 1, dpi: int = 72) -> tuple[int, int, bytes]:
    """The page as RGB pixels (width, height, data): at 72 dpi one pixel is one point."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path),
                        str(Path(scratch) / "page")], check=True)
        data = (Path(scratch) / "page.ppm").read_bytes()
    match = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert match
    return int(match.group(1)), int(match.group(2)), data[match.end():]


def pixel(image: tuple[int, int, bytes], x: float, y: float) -> tuple[int, int, int]:
    width, _height, data = image
    at = (int(y) * width + int(x)) * 3
    return data[at], data[at + 1], data[at + 2]


def overlapping(page: list[Word], tolerance: float = 0.5) -> list[tuple[Word, Word]]:
    """Pairs of words whose boxes overlap by more than ``tolerance`` points both ways."""
    pairs = []
    ordered = sorted(page, key=lambda w: w.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.y0 >= a.y1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                pairs.append((a, b))
    return pairs
