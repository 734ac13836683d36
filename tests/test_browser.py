"""The exports in a real browser: headless Chromium takes screenshots and prints the report, and
the tests check what a person would: the page is not blank, every campaign name is drawn inside
the window, the PDF has the chart on a landscape page and one campaign per page, and nothing is
requested from any server.

Chromium is found as $CAMPANA_CHROMIUM, or chromium / chromium-browser / google-chrome on the
PATH; without one these tests skip (``.ci/run`` installs Debian's chromium first).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from campana.gantt import gantt_data
from campana.loading import validate_files
from campana.render.gantt import LABEL_W, MARGIN, layout, svg_from_data
from campana.render.report import chart_pages, report_html
from campana.report import build_report
from conftest import PLAN, ROOT

EXAMPLE = ROOT / "examples" / "seguimiento" / "campaigns.yaml"
TODAY = dt.date(2024, 4, 15)
WINDOW = (1400, 900)


def find_browser() -> str | None:
    explicit = os.environ.get("CAMPANA_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


BROWSER = find_browser()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        BROWSER is None,
        reason="no Chromium found (set CAMPANA_CHROMIUM or install the chromium package)",
    ),
]


# Chromium's own background services (component updates, sign-in, clock), not the page's.
BROWSER_SERVICES = (
    "update.googleapis.com",
    "accounts.google.com",
    "clients1.google.com",
    "clients2.google.com",
    "redirector.gvt1.com",
    "edgedl.me.gvt1.com",
)


class Recorder:
    """A proxy that records every request Chromium sends it and answers 404."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests: list[str] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]
                    parts = head.split()
                    target = parts[1] if len(parts) > 1 else head
                    host = target.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
                    if host not in BROWSER_SERVICES:
                        self.requests.append(head)
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    rec = Recorder()
    yield rec
    rec.close()


def chromium(*args: str, proxy: Recorder | None = None) -> None:
    assert BROWSER is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--force-device-scale-factor=1",
        "--disable-features=NetworkTimeServiceQuerying,MediaRouter,OptimizationHints,"
        "AutofillServerCommunication,CertificateTransparencyComponentUpdater",
        "--disable-client-side-phishing-detection",
        "--disable-domain-reliability",
        "--no-default-browser-check",
        "--metrics-recording-only",
    ]
    if proxy is not None:
        flags += [
            f"--proxy-server=http://127.0.0.1:{proxy.port}",
            "--proxy-bypass-list=<-loopback>",
        ]
    done = subprocess.run(
        [BROWSER, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]


def screenshot(page: Path, out: Path, proxy: Recorder | None = None) -> Path:
    chromium(
        f"--screenshot={out}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        page.as_uri(),
        proxy=proxy,
    )
    assert out.exists(), "Chromium wrote no screenshot"
    return out


def screenshot_at(page: Path, anchor: str, out: Path) -> Path:
    """A screenshot of ``page`` scrolled to ``#anchor`` (the page in a frame of the window's
    size: Chromium's --screenshot ignores the fragment of the page it is given)."""
    frame = out.with_suffix(".frame.html")
    frame.write_text(
        '<html><body style="margin:0"><iframe style="border:0;width:100vw;height:100vh" '
        f'src="{page.as_uri()}#{anchor}"></iframe></body></html>',
        encoding="utf-8",
    )
    return screenshot(frame, out)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = depth = ctype = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert body[12] == 0, "interlaced PNG"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6), (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        prev = line
        rgb = bytes(line) if bpp == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3)
        rows.append(rgb)
    return width, height, rows


def dark(rows: list[bytes], x0: int, y0: int, x1: int, y1: int, below: int = 110) -> int:
    """How many pixels in the box are dark (text-like)."""
    count = 0
    for y in range(max(y0, 0), min(y1, len(rows))):
        row = rows[y]
        for x in range(max(x0, 0), min(x1, len(row) // 3)):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if r + g + b < 3 * below:
                count += 1
    return count


def non_white(rows: list[bytes]) -> float:
    total = sum(len(r) // 3 for r in rows)
    ink = sum(
        1
        for r in rows
        for x in range(0, len(r), 3)
        if r[x] < 235 or r[x + 1] < 235 or r[x + 2] < 235
    )
    return ink / total


@pytest.mark.parametrize("assume", [None, "negada"], ids=["plan", "scenario"])
@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_the_chart_shows_every_campaign_name_inside_the_window(
    source: Path, assume: str | None, tmp_path: Path, recorder: Recorder
) -> None:
    v = validate_files([source])
    assert v.plan is not None
    data = gantt_data(v.plan, TODAY, assume_ine=assume)
    lay = layout(data)
    page = tmp_path / "gantt.svg"
    page.write_text(svg_from_data(data), encoding="utf-8")
    png = screenshot(page, tmp_path / "gantt.png", proxy=recorder)
    width, height, rows = read_png(png)
    assert (width, height) == WINDOW
    assert non_white(rows) > 0.08, "the chart looks blank"
    # preserveAspectRatio="xMidYMin meet": scaled to fit, centred horizontally, top-aligned
    scale = min(width / lay.width, height / lay.height)
    left = (width - lay.width * scale) / 2
    names = [b for b in lay.texts if b.role == "name"]
    for c in v.plan.campaigns:
        boxes = [b for b in names if b.ref == c.id and b.text in c.name]
        assert boxes, f"no label for {c.name}"
        box = boxes[0]
        x0, y0 = left + box.x * scale, box.y * scale
        x1, y1 = left + (box.x + box.w) * scale, (box.y + box.h) * scale
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height, f"{c.name} is cut"
        assert dark(rows, int(x0), int(y0), int(x1) + 1, int(y1) + 1) > 20, (
            f"«{c.name}» is not drawn where the layout put it"
        )
    # under a scenario, its line under the title is drawn and inside the window
    said = [b for b in lay.texts if b.role == "scenario"]
    assert bool(said) == (assume is not None)
    for box in said:
        x0, y0 = left + box.x * scale, box.y * scale
        x1, y1 = left + (box.x + box.w) * scale, (box.y + box.h) * scale
        assert x1 <= width and y1 <= height
        assert dark(rows, int(x0), int(y0), int(x1) + 1, int(y1) + 1) > 20, "scenario not drawn"
    # the widths the layout reserved hold the real text: no ink between the end of a label's
    # box and the chart area, on the label's own line
    column_end = left + (MARGIN + LABEL_W + 8) * scale
    for box in (b for b in lay.texts if b.role in ("name", "meta")):
        x0 = left + (box.x + box.w) * scale + 1
        y0, y1 = (box.y + 1) * scale, (box.y + box.h - 1) * scale
        assert dark(rows, int(x0) + 1, int(y0) + 1, int(column_end), int(y1)) == 0, (
            f"«{box.text}» is wider than the layout thought"
        )
    # nothing spills left of the chart
    assert dark(rows, 0, 0, int(left) - 2, height) == 0
    assert recorder.requests == [], recorder.requests


def test_the_screenshot_check_sees_a_blank_page(tmp_path: Path) -> None:
    """The blank-page check can fail: an empty SVG is blank."""
    page = tmp_path / "empty.svg"
    page.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    _, _, rows = read_png(screenshot(page, tmp_path / "empty.png"))
    assert non_white(rows) < 0.01


def test_the_recorder_sees_a_request_that_leaves_the_page(
    tmp_path: Path, recorder: Recorder
) -> None:
    """A page that loads an image from a server is caught (so an empty list means something)."""
    page = tmp_path / "leaky.html"
    page.write_text('<img src="http://campana.invalid/logo.png">', encoding="utf-8")
    screenshot(page, tmp_path / "leaky.png", proxy=recorder)
    assert any("campana.invalid" in r for r in recorder.requests), recorder.requests


def _pdf_pages(pdf: Path) -> list[tuple[float, float, str]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            number = int(line.split()[1])
            w, _, h = line.split(":", 1)[1].split()[:3]
            text = subprocess.run(
                ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            pages.append((float(w), float(h), text))
    return pages


def _word_heights(pdf: Path, page: int, word: str) -> list[float]:
    """The heights (pt) of the boxes of ``word`` on page ``page`` (1-based) of the PDF."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    heights = []
    for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out):
        if html.unescape(m.group(3)) == word:
            heights.append(float(m.group(2)) - float(m.group(1)))
    return heights


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("source", [PLAN, EXAMPLE], ids=["shipped", "example"])
def test_the_printed_report_has_the_chart_landscape_and_a_page_per_campaign(
    source: Path, tmp_path: Path, recorder: Recorder
) -> None:
    v = validate_files([source])
    assert v.plan is not None
    page = tmp_path / "informe.html"
    page.write_text(
        report_html(build_report(v.plan, v.audience, TODAY, findings=v.findings)), encoding="utf-8"
    )
    pdf = tmp_path / "informe.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), proxy=recorder)
    pages = _pdf_pages(pdf)
    assert len(pages) >= 2 + len(v.plan.campaigns)
    # A4 landscape throughout (the chart's page above all)
    for w, h, _ in pages:
        assert (round(w), round(h)) == (842, 595), "not an A4 landscape page"
    # the cover and contents
    assert v.plan.plan.title in pages[0][2] and "Contenido" in pages[0][2]
    # each campaign starts a page of its own, in order
    starts = []
    for c in v.plan.campaigns:
        first_lines = [
            i for i, (_, _, t) in enumerate(pages) if t.strip().splitlines()[:1] == [c.name]
        ]
        assert first_lines, f"no page starts with «{c.name}»"
        starts.append(first_lines[0])
    assert starts == sorted(starts)
    # before them, the chart alone on its page (a tall one, in parts a page each), its names
    # as text and printed large enough to read: the example plan's chart, shrunk onto one
    # page, printed its campaign names 6.8 pt high
    chart = pages[1 : starts[0]]
    assert len(chart) == len(chart_pages(gantt_data(v.plan, TODAY)))
    assert (len(chart) == 1) == (source == PLAN)
    flat = " ".join(" ".join(t.split()) for _, _, t in chart)
    assert "Contenido" not in flat
    for c in v.plan.campaigns:
        assert " ".join(c.name.split()) in flat, f"«{c.name}» is not on the chart pages"
        first = c.name.split()[0]
        heights = [h for n in range(2, starts[0] + 1) for h in _word_heights(pdf, n, first)]
        assert heights and max(heights) >= 8.5, f"«{c.name}» prints {heights} pt high"
    # the review of the plan starts a page after the last campaign
    review = [i for i, (_, _, t) in enumerate(pages) if t.strip().startswith("Revisión del plan")]
    assert review and review[0] > starts[-1]
    assert recorder.requests == [], recorder.requests


def test_the_report_screenshot_is_not_blank(tmp_path: Path) -> None:
    v = validate_files([EXAMPLE])
    assert v.plan is not None
    page = tmp_path / "informe.html"
    page.write_text(
        report_html(build_report(v.plan, v.audience, TODAY, findings=v.findings)), "utf-8"
    )
    _, _, rows = read_png(screenshot(page, tmp_path / "informe.png"))
    assert non_white(rows) > 0.05


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_the_chart_prints_on_one_landscape_page(tmp_path: Path) -> None:
    v = validate_files([EXAMPLE])
    assert v.plan is not None
    page = tmp_path / "gantt.svg"
    page.write_text(svg_from_data(gantt_data(v.plan, TODAY)), encoding="utf-8")
    pdf = tmp_path / "gantt.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = _pdf_pages(pdf)
    assert len(pages) == 1
    w, h, text = pages[0]
    assert w > h
    flat = " ".join(text.split())
    for c in v.plan.campaigns:
        assert " ".join(c.name.split()) in flat


def test_the_report_shows_the_chart_as_wide_as_the_window(tmp_path: Path) -> None:
    """In the report's 1,160 px column the chart was drawn at 83 % of its size (its second
    lines under 10 px); it now takes the window's width, up to its own."""
    v = validate_files([PLAN])
    assert v.plan is not None
    page = tmp_path / "informe.html"
    page.write_text(
        report_html(build_report(v.plan, v.audience, TODAY, findings=v.findings)), "utf-8"
    )
    _, _, rows = read_png(screenshot_at(page, "programacion", tmp_path / "chart.png"))
    width = WINDOW[0]
    spans = []
    for y in range(300, 800, 50):
        row = rows[y]
        ink = [x for x in range(width) if sum(row[3 * x : 3 * x + 3]) < 3 * 235]
        if ink:
            spans.append(ink[-1] - ink[0])
    assert spans and max(spans) >= width - 60, spans
