"""Printed handouts: A4 PDFs of the website's pages, printed by Chromium.

``python3 course.py handouts`` calls :func:`make_handouts`: the parallel text, the glossary,
one PDF per lesson and one per workbook (a task sheet), each printed from the built site with
its print stylesheet (website/_static/course.css), the Chinese in the course's font (embedded by
Chromium), page numbers and the course's citation in the footer.

Chromium is Debian's /usr/bin/chromium driven by Playwright (never `playwright install`). The
pages are served from 127.0.0.1 for the print, as the web fonts need an http origin.
"""
from __future__ import annotations

import functools
import html
import http.server
import re
import threading
from contextlib import contextmanager
from pathlib import Path

from . import manifest
from .paths import ROOT
from .site import BUILD, SITE_DIR

HANDOUT_DIR = BUILD / "handouts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def handout_pages() -> dict[str, str]:
    """PDF file name -> site page (path without .html), in the order they are printed."""
    pages = {"parallel_text.pdf": "parallel", "glossary.pdf": "glossary"}
    for lesson in manifest.lessons():
        pages[f"{Path(lesson.lesson).stem}.pdf"] = lesson.lesson.removesuffix(".ipynb")
        if lesson.has_workbook:
            pages[f"{Path(lesson.workbook).stem}.pdf"] = lesson.workbook.removesuffix(".ipynb")
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):   # no line per request on the console
        pass


@contextmanager
def serve(folder: Path = SITE_DIR):
    """Serve ``folder`` on 127.0.0.1 at a free port in a background thread; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def citation() -> str:
    """How to cite the course, from CITATION.cff (its first author, title, version, year)."""
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")

    def field(pattern):
        match = re.search(pattern, cff, re.M)
        return match.group(1).strip().strip('"') if match else ""
    author = field(r"^authors:\s*\n\s*-\s*name:\s*(.+)$")
    year = field(r"^date-released:\s*(.+)$")[:4]
    title, version = field(r"^title:\s*(.+)$"), field(r"^version:\s*(.+)$")
    return f"{author} ({year}). {title}, version {version}. Course text CC BY 4.0."


def _footer() -> str:
    return ('<div style="font-size:7.5pt;width:100%;padding:0 14mm;display:flex;'
            'justify-content:space-between;font-family:sans-serif;color:#333">'
            f'<span>{html.escape(citation())}</span>'
            '<span style="white-space:nowrap;padding-left:4mm">Page <span class="pageNumber">'
            '</span> of <span class="totalPages"></span></span></div>')


def print_page(browser_page, url: str, pdf: Path) -> None:
    """Print one page of the site to an A4 PDF with page numbers and the citation."""
    browser_page.goto(url, wait_until="networkidle")
    browser_page.evaluate("document.fonts.ready")
    browser_page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True,
                     print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=_footer(),
                     margin={"top": "14mm", "bottom": "18mm", "left": "0", "right": "0"})


def make_handouts(site: Path = SITE_DIR, out: Path = HANDOUT_DIR, browser=None) -> list[Path]:
    """Print every handout from the built ``site`` into ``out``; returns the PDFs' paths.

    ``browser`` may be an open Playwright Chromium to reuse (the tests share one)."""
    site, out = Path(site), Path(out)
    missing = [p for p in handout_pages().values() if not (site / f"{p}.html").is_file()]
    if missing:
        raise FileNotFoundError(f"the website in {site} lacks {', '.join(missing)}: "
                                f"build it first with `python3 course.py site`")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, _chromium(browser) as chromium:
        page = chromium.new_page()
        try:
            for name, path in handout_pages().items():
                print_page(page, f"{base}/{path}.html", out / name)
                written.append(out / name)
        finally:
            page.close()
    return written


@contextmanager
def _chromium(browser):
    if browser is not None:
        yield browser
        return
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium "
                                "(sh scripts/install_browser.sh)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
