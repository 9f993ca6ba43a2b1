"""The course website and the printed handouts (python3 course.py site / handouts).

The site is built once per run into a temporary folder (offline, warnings as errors), with
launch settings of a made-up class so the buttons can be checked; then every page is opened in
the session's one Chromium (conftest.py), served from 127.0.0.1: no console errors, no request
to another host, every internal link and anchor resolves, axe-core finds nothing serious or
critical, every run of Chinese is tagged zh-Hans. The handouts are printed from that site and
read back with pypdf; a picture of each first page goes to test-artifacts/handouts/.
"""
import html
import json
import os
import re
import shutil
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from counterpart import handouts, launch, manifest, site

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CLASS_LAUNCH = {"hub": "https://hub.example.edu", "repo": "https://github.com/example/counterpart",
                "branch": "spring", "binder": "https://mybinder.org"}
BUILD_SECONDS_LIMIT = 60
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
A4 = (595.28, 841.89)      # points


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(site folder, build seconds): the site built once for this module."""
    tmp = tmp_path_factory.mktemp("site")
    seconds = site.build(out=tmp / "site", launch=CLASS_LAUNCH, source=tmp / "src")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "site-build-seconds.txt").write_text(f"{seconds:.1f}\n")
    print(f"site built in {seconds:.1f} s")
    return tmp / "site", seconds


@pytest.fixture(scope="module")
def site_dir(built):
    return built[0]


@pytest.fixture(scope="module")
def server(site_dir):
    with handouts.serve(site_dir) as base:
        yield base


def _page_files(site_dir):
    return sorted(p for p in site_dir.rglob("*.html") if "_static" not in p.parts)


class _Text(HTMLParser):
    """The text of a page (scripts and styles left out) and its element ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.ids, self.alts, self._skip = [], set(), [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "img":
            self.alts.append(dict(attrs).get("alt") or "")
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _parse(path):
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _flat(value):
    return "".join(str(value).split())


# --- The build -------------------------------------------------------------------------------

def test_site_builds_offline_with_warnings_as_errors(built):
    site_dir, seconds = built
    for page in site.pages():
        assert (site_dir / f"{page}.html").is_file(), f"{page}.html was not built"
    if os.environ.get("CI") == "true":      # a quiet machine: the budget
        assert seconds < BUILD_SECONDS_LIMIT, f"the site took {seconds:.0f} s to build"


def test_a_sphinx_warning_fails_the_build(tmp_path):
    # The site's own configuration on a one-page project whose link leads nowhere.
    source = tmp_path / "src"
    shutil.copytree(site.CONFIG_DIR, source)
    (source / "index.md").write_text("# Start\n\n[nowhere](no_such_page.md)\n")
    with pytest.raises(site.SiteError, match="no_such_page"):
        site.run_sphinx(source, tmp_path / "out")
    (source / "index.md").write_text("# Start\n\nNothing wrong here.\n")
    site.run_sphinx(source, tmp_path / "out")
    assert (tmp_path / "out" / "index.html").is_file()


def test_no_answer_key_on_the_site(site_dir):
    names = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")]
    assert not [n for n in names if "solutions" in n or "/key" in n or n.startswith("key")]


def _key_lines(key_path):
    """Lines of a key's solution blocks, model answers and marking notes."""
    code = re.compile(r"### BEGIN SOLUTION(.*?)### END SOLUTION", re.S)
    markdown = re.compile(r"<!-- BEGIN SOLUTION -->(.*?)<!-- END SOLUTION -->", re.S)
    nb = json.loads(key_path.read_text(encoding="utf-8"))
    lines = []
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if "solution-only" in cell.get("metadata", {}).get("tags", []):
            lines += text.splitlines()
        else:
            for block in code.findall(text) + markdown.findall(text):
                lines += block.splitlines()
    return lines


def _public_text():
    """Everything the lessons and student workbooks say (sources and outputs), flattened."""
    parts = []
    for lesson in manifest.lessons():
        for path in [lesson.lesson] + ([lesson.workbook] if lesson.has_workbook else []):
            nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                parts.append(site._cell_text(cell))
    return _flat("\n".join(parts))


def test_no_line_of_any_answer_key_appears_on_the_site(site_dir):
    public = _public_text()
    texts = {p: _flat(html.unescape(" ".join(_parse(p).parts))) for p in _page_files(site_dir)}
    raw = "".join(_flat(p.read_text(encoding="utf-8", errors="replace"))
                  for p in site_dir.rglob("*")
                  if p.is_file() and p.suffix in (".js", ".txt", ".ipynb"))
    checked, leaks = 0, []
    for lesson in manifest.lessons():
        if not lesson.has_workbook:
            continue
        for line in _key_lines(ROOT / lesson.key):
            flat = _flat(re.sub(r"^[#>*\-\s]+", "", line))
            # Lines a student version also has (imports, placeholders) and bare punctuation
            # or keywords (`)`, `else:`) say nothing of the answer.
            if len(flat) < 12 or flat in public:
                continue
            checked += 1
            for page, text in texts.items():
                if flat in text:
                    leaks.append(f"{lesson.key}: {line.strip()[:80]!r} on {page.name}")
            if flat in raw:
                leaks.append(f"{lesson.key}: {line.strip()[:80]!r} in a script or text file")
    assert checked > 50, "too few key lines were checked: did the key format change?"
    assert not leaks, "\n".join(leaks)


def test_the_leak_check_would_see_a_leaked_line(site_dir, tmp_path):
    # The comparison above finds a key's line once it is on a page.
    lesson = next(entry for entry in manifest.lessons() if entry.has_workbook)
    line = next(text for text in _key_lines(ROOT / lesson.key) if len(_flat(text)) >= 12)
    page = tmp_path / "leak.html"
    page.write_text(f"<html><body><p>{html.escape(line)}</p></body></html>", encoding="utf-8")
    assert _flat(line.lstrip("#>*- ")) in _flat(" ".join(_parse(page).parts))


# --- Generated pages -------------------------------------------------------------------------

def test_parallel_text_has_every_paragraph_with_its_id(site_dir):
    from counterpart.data import load_bilingual
    page = _parse(site_dir / "parallel.html")
    text = _flat(" ".join(page.parts))
    for _, row in load_bilingual().iterrows():
        assert site.pid_anchor(row["pid"]) in page.ids
        assert _flat(row["zh"]) in text, f"paragraph {row['pid']} missing"
        assert _flat(row["en"]) in text


def test_glossary_lists_every_term_and_slogan_with_where_it_occurs(site_dir):
    from counterpart.data import load
    page = (site_dir / "glossary.html").read_text(encoding="utf-8")
    text = _flat(html.unescape(re.sub(r"<[^>]+>", "", page)))
    for _, row in pd.concat([load("slogans"), load("terms")]).iterrows():
        assert _flat(row["zh"]) in text and _flat(row["pinyin"]) in text
    assert 'href="parallel.html#p-0-1"' in page     # 关于东西部协作与对口支援情况的报告 names both


def test_sources_are_grouped_by_producer_and_stance_when_the_data_has_them():
    old = pd.DataFrame({"id": ["S1", "S2", "S3"],
                        "standpoint": ["official", "scholarly", "official"]})
    columns, groups = site.source_groups(old)
    assert columns == ["standpoint"]
    assert [r["id"] for r in groups[("official",)]] == ["S1", "S3"]
    new = pd.DataFrame({"id": ["S1", "S2", "S3"], "standpoint": ["x", "y", "z"],
                        "producer_type": ["government", "academic", "government"],
                        "stance": ["official", "critical", ""]})
    columns, groups = site.source_groups(new)
    assert columns == ["producer_type", "stance"]
    assert set(groups) == {("government", "official"), ("academic", "critical"),
                           ("government", "not labelled")}


def test_every_source_is_on_the_sources_page(site_dir):
    from counterpart.data import load
    ids = _parse(site_dir / "sources.html").ids
    assert {site.source_anchor(s) for s in load("sources")["id"]} <= ids


def test_launch_buttons_use_the_course_link_functions(site_dir):
    for lesson in manifest.lessons():
        for path in [lesson.lesson] + ([lesson.workbook] if lesson.has_workbook else []):
            page = (site_dir / path.replace(".ipynb", ".html")).read_text(encoding="utf-8")
            hub = launch.hub_link(CLASS_LAUNCH["hub"], CLASS_LAUNCH["repo"], "spring", path=path)
            binder = launch.binder_link(CLASS_LAUNCH["repo"], "spring", path=path)
            assert f'href="{html.escape(hub)}"' in page, f"{path}: no JupyterHub button"
            assert f'href="{html.escape(binder)}"' in page, f"{path}: no Binder button"
            assert "Run it live" in page


def test_without_a_repository_the_page_still_says_how_to_run_it_live():
    bar = site.launch_bar("notebooks/04_the_numbers.ipynb", {"repo": "", "hub": ""})
    assert "Binder" not in bar and "python3 course.py lab" in bar


def test_every_chart_carries_its_text_alternative_as_alt_text(site_dir):
    count = 0
    for lesson in manifest.lessons():
        alts = _parse(site_dir / lesson.lesson.replace(".ipynb", ".html")).alts
        nb = json.loads((ROOT / lesson.lesson).read_text(encoding="utf-8"))
        for index, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "code" and site._has_chart(cell):
                alt = site.text_alternative(nb["cells"], index)
                assert alt in alts, f"{lesson.lesson} cell {index}: {alts}"
                count += 1
    assert count >= 8


def test_a_chart_without_a_text_alternative_stops_the_build():
    cells = [{"cell_type": "code", "source": "plot()", "outputs": [
        {"output_type": "display_data", "data": {"image/png": "iVBOR"}}]},
        {"cell_type": "markdown", "source": "Next topic."}]
    assert site.text_alternative(cells, 0) is None
    cells[1]["source"] = "*Text alternative:* bars by year.\n\nMore."
    assert site.text_alternative(cells, 0) == "Text alternative: bars by year.".split(": ", 1)[1]


def test_headings_skip_no_level():
    # A workbook's H3 tasks after its H1 become H2s, siblings of a later H2; code is left alone.
    cells = ["# Title", "### Task 1\n\n```\n# code\n```", "### Task 2\n#### Hint", "## What next"]
    state = {}
    out = [site._headings_in_order(cell, state) for cell in cells]
    assert out == ["# Title", "## Task 1\n\n```\n# code\n```", "## Task 2\n### Hint",
                   "## What next"]
    # A heading that steps back up ends the lift.
    state = {}
    assert site._headings_in_order("# A\n### B\n## C\n### D", state) == "# A\n## B\n## C\n### D"


# --- Widgets' static stand-ins ---------------------------------------------------------------

def _widgets_have_static_forms():
    """Whether the widget contract (a static_html method on the widget classes) is in the
    package: counterpart.widgets (a module or a package of modules) or counterpart.maps."""
    import importlib
    import pkgutil

    import counterpart.maps
    import counterpart.widgets
    modules = [counterpart.widgets, counterpart.maps]
    if hasattr(counterpart.widgets, "__path__"):
        modules += [importlib.import_module(f"counterpart.widgets.{m.name}")
                    for m in pkgutil.iter_modules(counterpart.widgets.__path__)]
    return any(isinstance(v, type) and "static_html" in vars(v)
               for module in modules for v in vars(module).values())


def _html_outputs(path):
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            plain = "".join(data.get("text/plain", []))
            yield index, "".join(data.get("text/html", [])), plain.strip() == site.WIDGET_NOTE


def test_every_widget_static_stand_in_appears_on_its_page(site_dir):
    """Every stored text/html output (the widgets' static forms among them, once stored) is on
    its page; no page shows the bare widget placeholder. Once the widget classes have
    static_html(), no stored output may still be the placeholder: re-store the outputs."""
    strict = _widgets_have_static_forms()
    placeholders, missing = [], []
    for lesson in manifest.lessons():
        for path in [lesson.lesson] + ([lesson.workbook] if lesson.has_workbook else []):
            page = site_dir / path.replace(".ipynb", ".html")
            text = _flat(html.unescape(" ".join(_parse(page).parts)))
            assert site.WIDGET_NOTE not in text
            for index, stored_html, placeholder in _html_outputs(path):
                if placeholder:
                    placeholders.append(f"{path} cell {index}")
                    assert _flat(site.LIVE_NOTE) in text
                if stored_html:
                    parser = _Text()
                    parser.feed(stored_html)
                    wanted = _flat(html.unescape(" ".join(parser.parts)))
                    if wanted and wanted not in text:
                        missing.append(f"{path} cell {index}")
    assert not missing, "stored HTML outputs missing from their pages: " + ", ".join(missing)
    if strict:
        assert not placeholders, ("widgets have static forms, but these outputs are still the "
                                  "placeholder (re-store them): " + ", ".join(placeholders))


# --- Chinese tags ----------------------------------------------------------------------------

def test_tag_chinese_wraps_runs_outside_zh_elements_only():
    page = ('<html lang="en"><head><title>对口支援</title><script>var s="对口";</script></head>'
            '<body><p title="援助">The term 对口支援，duìkǒu zhīyuán.</p>'
            '<td lang="zh-Hans"><mark>东西部</mark>协作</td><p>after 上海</p></body></html>')
    tagged = site.tag_chinese(page)
    assert '<title>对口支援</title>' in tagged and 'var s="对口";' in tagged
    assert 'title="援助"' in tagged
    assert 'The term <span lang="zh-Hans">对口支援，</span>duìkǒu' in tagged
    assert '<td lang="zh-Hans"><mark>东西部</mark>协作</td>' in tagged
    assert 'after <span lang="zh-Hans">上海</span>' in tagged


# --- In the browser --------------------------------------------------------------------------

UNTAGGED_CHINESE = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]/.test(node.data)) continue;
    const tagged = node.parentElement.closest('[lang]');
    if (!tagged || !tagged.lang.toLowerCase().startsWith('zh'))
      found.push(node.data.trim().slice(0, 40));
  }
  return found;
}"""

LINKS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"


def _all_pages(site_dir):
    return [p.relative_to(site_dir).as_posix() for p in _page_files(site_dir)]


def _check_link(site_dir, base, href, ids_cache):
    parts = urlsplit(href)
    if not href.startswith(base):
        return None                         # a link out (Binder, a source): not loaded here
    path = unquote(parts.path).lstrip("/") or "index.html"
    target = site_dir / path
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"{href}: no such file"
    if parts.fragment and target.suffix == ".html":
        if target not in ids_cache:
            ids_cache[target] = _parse(target).ids
        if unquote(parts.fragment) not in ids_cache[target]:
            return f"{href}: no element with id {parts.fragment!r}"
    return None


def test_every_page_in_chromium(site_dir, server, chromium):
    """Each page: lang="en", no console error, nothing loaded from another host, internal links
    and anchors resolve, no untagged Chinese, images have alt text, axe-core finds no serious or
    critical violation."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    problems, ids_cache = [], {}
    context = chromium.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = _all_pages(site_dir)
    assert len(pages) >= len(site.pages())
    started = time.monotonic()
    try:
        for name in pages:
            requests.clear()
            errors.clear()
            page.goto(f"{server}/{name}", wait_until="load")
            where = name
            if page.evaluate("document.documentElement.lang") != "en":
                problems.append(f"{where}: <html> is not lang=en")
            outside = [u for u in requests
                       if not u.startswith(server) and not u.startswith("data:")]
            problems += [f"{where}: requested {u}" for u in outside]
            problems += [f"{where}: console error {e}" for e in errors]
            problems += [f"{where}: untagged Chinese {t!r}"
                         for t in page.evaluate(UNTAGGED_CHINESE)]
            missing_alt = page.evaluate(
                "() => Array.from(document.images).filter(i => !i.alt.trim()).map(i => i.src)")
            problems += [f"{where}: image without alt text {s}" for s in missing_alt]
            for href in set(page.evaluate(LINKS)):
                problem = _check_link(site_dir, server + "/", href, ids_cache)
                if problem:
                    problems.append(f"{where}: {problem}")
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [n["target"] for n in violation["nodes"]][:3]
                    problems.append(f"{where}: axe {violation['id']} ({violation['impact']}) "
                                    f"at {targets}")
            if name in ("index.html", "parallel.html", "notebooks/04_the_numbers.html"):
                page.screenshot(path=str(ARTIFACTS / f"site-{name.replace('/', '-')}.png"))
    finally:
        context.close()
    print(f"{len(pages)} pages checked in {time.monotonic() - started:.1f} s")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("query, page", [("对口支援", "notebooks/01_counterpart_support.html"),
                                         ("person-times", "notebooks/04_the_numbers.html")])
def test_search_finds_chinese_and_english(server, chromium, query, page):
    tab = chromium.new_page()
    try:
        tab.goto(f"{server}/search.html?q={query}")
        results = tab.locator("#search-results li")
        results.first.wait_for(timeout=20_000)
        links = tab.evaluate("() => Array.from(document.querySelectorAll("
                             "'#search-results li a'), a => a.href)")
        assert any(page in link for link in links), f"{query!r} found only {links}"
    finally:
        tab.close()


# --- Handouts --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def printed(site_dir, chromium, tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    started = time.monotonic()
    written = handouts.make_handouts(site=site_dir, out=out, browser=chromium)
    print(f"{len(written)} handouts printed in {time.monotonic() - started:.1f} s")
    return {p.name: p for p in written}


def _fonts(reader):
    """{name or family: embedded?} for every font the PDF's pages use. Chromium embeds a font
    with CFF outlines, like the course's, as a Type 3 font: its glyphs are drawn in the PDF
    (CharProcs) and its descriptor keeps the family name."""
    found = {}
    for pdf_page in reader.pages:
        fonts = pdf_page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts", []):
                descriptors.append(child.get_object().get("/FontDescriptor"))
            descriptors = [d.get_object() for d in descriptors if d is not None]
            embedded = ("/CharProcs" in font if font.get("/Subtype") == "/Type3" else
                        any(k in d for d in descriptors
                            for k in ("/FontFile", "/FontFile2", "/FontFile3")))
            name = str(font.get("/BaseFont") or next(
                (d.get("/FontFamily") for d in descriptors if d.get("/FontFamily")), "unnamed"))
            found[name] = found.get(name, True) and embedded
    return found


def _pdf_text(reader):
    """The PDF's text without whitespace and without the footer of each page. U+2015 and
    U+2014 are one glyph in the course font, which maps it back to U+2015."""
    footer = re.compile(r"The counterpart course authors.*?Page \d+ of \d+\s*$", re.S)
    pages = [footer.sub("", p.extract_text()) for p in reader.pages]
    return _flat("".join(pages)).replace("\u2015", "\u2014")


def test_handouts_are_a4_with_fonts_embedded_page_numbers_and_citation(printed):
    import pypdfium2 as pdfium
    from pypdf import PdfReader
    assert set(printed) == set(handouts.handout_pages())
    (ARTIFACTS / "handouts").mkdir(parents=True, exist_ok=True)
    for name, path in printed.items():
        reader = PdfReader(path)
        for number, pdf_page in enumerate(reader.pages, 1):
            width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
            assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, f"{name} p{number}"
        fonts = _fonts(reader)
        assert fonts and all(fonts.values()), f"{name}: fonts not embedded: {fonts}"
        first = " ".join(reader.pages[0].extract_text().split())
        assert f"Page 1 of {len(reader.pages)}" in first, f"{name}: no page number"
        assert "The counterpart course authors" in first, f"{name}: no citation"
        pdfium.PdfDocument(path)[0].render(scale=1).to_pil().save(
            ARTIFACTS / "handouts" / f"{Path(name).stem}.png")


def test_parallel_text_handout_has_every_chinese_paragraph_in_the_course_font(printed):
    from pypdf import PdfReader

    from counterpart.data import load_report
    reader = PdfReader(printed["parallel_text.pdf"])
    text = _pdf_text(reader)
    missing = [row["pid"] for _, row in load_report().iterrows()
               if _flat(row["zh"]).replace("\u2015", "\u2014") not in text]
    assert not missing, f"paragraphs not found in the PDF's text: {missing}"
    fonts = _fonts(reader)
    assert fonts.get("Noto Sans CJK SC Course Subset"), f"Chinese not in the course font: {fonts}"


# --- The commands ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["site", "handouts"])
def test_course_py_dispatches_into_the_environment(command, monkeypatch):
    sys.path.insert(0, str(ROOT))
    import course
    calls = []
    monkeypatch.setattr(course, "ensure_env", lambda with_tests: calls.append(with_tests) or
                        Path("/env/python"))
    monkeypatch.setattr(course, "run", lambda argv, **kw: calls.append(argv))
    course.main([command])
    assert calls == [True, ["/env/python", str(ROOT / "scripts" / "build_site.py"), command]]


def test_handouts_need_a_built_site(tmp_path):
    with pytest.raises(FileNotFoundError, match="course.py site"):
        handouts.make_handouts(site=tmp_path, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()
