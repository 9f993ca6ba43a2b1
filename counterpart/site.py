"""The course as a static website: stage the Sphinx source, build it, tag the Chinese.

``python3 course.py site`` calls :func:`build`. It copies ``website/`` (the Sphinx configuration
and stylesheet) into ``_build/site-src/``, adds the lessons and the student workbooks as stored
(never re-executed, never the answer keys) and the pages made here from the data (the parallel
text, the glossary, the sources, the instructors' section of the README, the data tables'
documentation), then runs Sphinx with warnings as errors into ``_build/site/``.

The table of contents comes from the manifest (course.toml), the launch buttons from
:mod:`counterpart.launch` with course.toml's [launch] defaults.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import launch as launch_links
from . import manifest, text
from .paths import DATA, ROOT

BUILD = ROOT / "_build"
SOURCE_DIR = BUILD / "site-src"
SITE_DIR = BUILD / "site"
CONFIG_DIR = ROOT / "website"
FONT = DATA / "fonts" / "NotoSansCJKsc-course-subset.otf"

SEARCH_WORDS = "search_words.txt"   # jieba user dictionary for the search index
WIDGET_NOTE = "[An interactive widget: run this cell to use it.]"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
LIVE_NOTE = ("An interactive widget runs here in the live notebook. Use “Run it live” at the "
             "top of this page to try it.")

ZH_LANG = "zh-Hans"
# Han characters (with extension A and compatibility ideographs) and the CJK punctuation and
# full-width forms written between them: one run becomes one <span lang="zh-Hans">.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
_CJK_RUN = re.compile(f"[{_HAN}{_CJK_PUNCT}]*[{_HAN}][{_HAN}{_CJK_PUNCT}]*")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_TEXT = ("script", "style", "title", "textarea")


class SiteError(RuntimeError):
    """The site cannot be built as asked (a chart without a text alternative, a failed build)."""


# --- Chinese language tags ------------------------------------------------------------------

def tag_chinese(page: str) -> str:
    """Wrap every run of Chinese in the page's text in ``<span lang="zh-Hans">``, so a screen
    reader switches voice, unless an element around it already says it is Chinese.

    Text inside script, style, title and textarea elements and inside attributes is left alone.
    """
    out = []
    zh_regions = []        # [tag name, nesting depth] of open elements with a zh lang tag
    raw_until = None       # inside <script> etc.: the closing tag we wait for
    for token in _TOKENS.split(page):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            match = re.match(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)", token)
            if not match:
                continue
            closing, name = bool(match.group(1)), match.group(2).lower()
            if raw_until:
                if closing and name == raw_until:
                    raw_until = None
                continue
            if closing:
                if zh_regions and zh_regions[-1][0] == name:
                    zh_regions[-1][1] -= 1
                    if zh_regions[-1][1] == 0:
                        zh_regions.pop()
            elif name in _RAW_TEXT:
                raw_until = name if not token.rstrip().endswith("/>") else None
            elif not token.rstrip().endswith("/>"):
                if re.search(r"""\blang\s*=\s*["']?zh""", token, re.I):
                    zh_regions.append([name, 1])
                elif zh_regions and zh_regions[-1][0] == name:
                    zh_regions[-1][1] += 1
            continue
        if raw_until or zh_regions:
            out.append(token)
        else:
            out.append(_CJK_RUN.sub(lambda m: f'<span lang="{ZH_LANG}">{m.group(0)}</span>',
                                    token))
    return "".join(out)


def tag_chinese_in_build(app, exception) -> None:
    """Sphinx hook (build-finished): tag the Chinese in every HTML page written."""
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        before = page.read_text(encoding="utf-8")
        after = tag_chinese(before)
        if after != before:
            page.write_text(after, encoding="utf-8")


# --- Links -----------------------------------------------------------------------------------

pid_anchor = text.pid_anchor      # one rule for the page and for the reader's static form


def source_anchor(source_id: str) -> str:
    return "s-" + re.sub(r"[^0-9A-Za-z_-]+", "-", source_id)


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _blank(value) -> bool:
    return value is None or str(value) in ("", "<NA>", "nan")


def launch_bar(path: str, launch: dict | None = None) -> str:
    """The "Run it live" box at the top of a lesson or workbook page: Binder and JupyterHub
    buttons (made by counterpart.launch, base addresses from course.toml's [launch]) and the
    command for one's own computer."""
    settings = launch_links.defaults()
    settings.update(launch or {})
    repo, branch = settings.get("repo", ""), settings.get("branch", "main") or "main"
    buttons = []
    if repo:
        binder = launch_links.binder_link(repo, branch, path=path,
                                          binder=settings.get("binder") or None)
        buttons.append(f'<a class="launch launch-binder" href="{_esc(binder)}">Binder</a>')
        if settings.get("hub"):
            hub = launch_links.hub_link(settings["hub"], repo, branch, path=path)
            buttons.append(f'<a class="launch launch-hub" href="{_esc(hub)}">JupyterHub</a>')
    where = (" ".join(buttons) + " or " if buttons else "")
    return (f'<div class="launch-bar" role="note" aria-label="Run it live">\n'
            f"<p><strong>Run it live</strong> to run the code and use the widgets: {where}"
            f"on your own computer, <code>python3 course.py lab</code> in the course folder, "
            f"then open <code>{_esc(path)}</code>. This page shows the notebook as stored, "
            f"with static views in place of the widgets.</p>\n</div>\n")


# --- Notebooks -------------------------------------------------------------------------------

_ALT = re.compile(r"text alternative:\**\s*(.+)", re.I | re.S)


def _cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    parts = ["".join(source) if isinstance(source, list) else source]
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            value = output.get("text", "")
            parts.append("".join(value) if isinstance(value, list) else value)
    return "\n".join(parts)


def _alt_from(chunk: str) -> str | None:
    match = _ALT.search(chunk)
    if not match:
        return None
    first = re.split(r"\n\s*\n", match.group(1).strip())[0]
    alt = re.sub(r"[*_`>]", "", " ".join(first.split()))
    if alt.endswith("In words:"):
        alt = (alt.removesuffix("In words:").rstrip()
               + " The text below the chart gives the numbers.")
    return alt


def text_alternative(cells: list, index: int) -> str | None:
    """The text alternative the lesson writes for the chart in cell ``index``: printed by the
    cell itself, or written in the next two cells ("Text alternative: ...")."""
    cell = cells[index]
    own = "\n".join(o.get("text", "") if isinstance(o.get("text", ""), str)
                    else "".join(o["text"]) for o in cell.get("outputs", [])
                    if o.get("output_type") == "stream")
    for chunk in [own] + [_cell_text(c) for c in cells[index + 1:index + 3]]:
        alt = _alt_from(chunk)
        if alt:
            return alt
    return None


def _has_chart(cell: dict) -> bool:
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def _static_widget_output(output: dict) -> dict:
    """A widget placeholder output as the site shows it: the widget's stored static form when
    the notebook has one (text/html), else a note on running it live."""
    data = dict(output.get("data", {}))
    data.pop(WIDGET_VIEW, None)
    plain = "".join(data.get("text/plain", []))
    if "text/html" not in data and plain.strip() == WIDGET_NOTE:
        data = {"text/html": f'<p class="widget-live-note">{_esc(LIVE_NOTE)}</p>',
                "text/plain": LIVE_NOTE}
    return dict(output, data=data)


_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.M)


def _headings_in_order(source: str, state: dict) -> str:
    """Lift headings that skip a level, so a screen reader's outline has no gaps: after an H1,
    a run of H3 tasks becomes a run of H2s (and their H4s H3s) until a heading of the level
    skipped to or above comes. ``state`` carries the last level and the lift across cells."""
    lines, fenced = [], False
    for line in source.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            level = len(match.group(1))
            lift_from, delta = state.get("lift", (None, 0))
            if lift_from is not None and level >= lift_from:
                level -= delta
            else:
                state["lift"] = (None, 0)
            previous = state.get("previous", 0)
            if level > previous + 1:
                state["lift"] = (len(match.group(1)), len(match.group(1)) - previous - 1)
                level = previous + 1
            line = "#" * level + line[len(match.group(1)):]
            state["previous"] = level
        lines.append(line)
    return "\n".join(lines)


def _fix_links(source: str) -> str:
    # JupyterLab writes heading anchors as in the heading ("#The-lessons"); Sphinx lower-cases.
    return re.sub(r"(\]\([^)#\s]+\.ipynb)#([^)\s]+)\)",
                  lambda m: f"{m.group(1)}#{m.group(2).lower()})", source)


def stage_notebook(path: str, dest: Path, launch: dict | None = None) -> None:
    """Copy a notebook into the site's source: a "Run it live" bar after its title, each chart's
    text alternative as the image's alt text (cell metadata myst-nb reads), widget views
    replaced by their static forms, and heading links that Sphinx resolves."""
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    cells = nb["cells"]
    headings = {}
    for index, cell in enumerate(cells):
        if cell["cell_type"] == "markdown":
            source = cell["source"]
            source = _fix_links("".join(source) if isinstance(source, list) else source)
            cell["source"] = _headings_in_order(source, headings)
            continue
        if cell["cell_type"] != "code":
            continue
        if _has_chart(cell):
            alt = text_alternative(cells, index)
            if not alt:
                raise SiteError(f"{path}, cell {index}: a chart without a text alternative; write "
                                f"'Text alternative: ...' in the cell after it")
            cell.setdefault("metadata", {}).setdefault("mystnb", {})["image"] = {"alt": alt}
        cell["outputs"] = [_static_widget_output(o) if "data" in o else o
                           for o in cell.get("outputs", [])]
    # The "Run it live" box right under the title: the title cell is split after its H1 line.
    title_at = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
                     and re.search(r"^# ", "".join(c["source"]), re.M)), None)
    bar = {"cell_type": "markdown", "metadata": {}, "source": launch_bar(path, launch)}
    if title_at is None:
        cells.insert(0, bar)
    else:
        source = "".join(cells[title_at]["source"])
        end = source.find("\n", re.search(r"^# ", source, re.M).start())
        end = len(source) if end < 0 else end
        cells[title_at]["source"] = source[:end]
        rest = {"cell_type": "markdown", "metadata": {}, "source": source[end:].lstrip("\n")}
        cells[title_at + 1:title_at + 1] = [bar] + ([rest] if rest["source"].strip() else [])
    nb.get("metadata", {}).pop("widgets", None)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


# --- Generated pages -------------------------------------------------------------------------

def _load(name):
    from .data import load  # pandas: only when the site is built
    return load(name)


def _marks(pid, zh, slogans, figures):
    """(quote, css class, label) for every slogan and figure in a paragraph."""
    marks = [(s["zh"], "slogan", f'{s["pinyin"]}: {s["en"]}', s["sid"])
             for _, s in slogans.iterrows() if text.contains(zh, s["zh"])]
    marks += [(f["zh_quote"], "figure", f'{f["counts"]}', f["fid"])
              for _, f in figures[figures["pid"] == pid].iterrows()]
    return marks


def _highlight(zh, marks):
    """Escape ``zh`` and wrap each marked quote in <mark>, longest first, without overlaps."""
    plain, spans = text.normalise(zh), []
    for quote, css, label, ident in sorted(marks, key=lambda m: -len(m[0])):
        start = plain.find(text.normalise(quote))
        end = start + len(quote)
        if start >= 0 and not any(s < end and start < e for s, e, *_ in spans):
            spans.append((start, end, css, label, ident))
    out, pos = [], 0
    for start, end, css, label, ident in sorted(spans):
        out.append(_esc(zh[pos:start]))
        out.append(f'<mark class="{css}" title="{_esc(ident)} {_esc(label)}">'
                   f'{_esc(zh[start:end])}</mark>')
        pos = end
    out.append(_esc(zh[pos:]))
    return "".join(out)


def parallel_text_page() -> str:
    """Every paragraph of the report with its id: the Chinese and our English side by side,
    slogans and figures marked (and listed, so the marks do not rely on colour), and our notes
    on the blog translation where we have one."""
    from .data import load_bilingual
    rows = load_bilingual()
    slogans, figures, notes = _load("slogans"), _load("figures"), _load("translation_notes")
    out = ["# The report, Chinese and English\n",
           "Every paragraph of the report (关于东西部协作与对口支援情况的报告) with its paragraph "
           "id (pid), the Chinese as published and the course's own English. "
           '<mark class="slogan">Slogans and formulations</mark> (solid underline) link to the '
           '[glossary](glossary.md); <mark class="figure">figures</mark> (dotted underline) are '
           "the report's own numbers, listed under each paragraph with their id in "
           "`data/figures.csv`. A *translation note* says where the blog translation departs "
           "from the Chinese (our note; the blog's wording is quoted briefly).\n",
           '<table class="parallel">',
           '<caption>The report paragraph by paragraph: id, Chinese, English</caption>',
           '<thead><tr><th scope="col" class="pid">pid</th><th scope="col">Chinese</th>'
           '<th scope="col">English (the course\'s rendering)</th></tr></thead><tbody>']
    for _, row in rows.iterrows():
        pid = row["pid"]
        marks = _marks(pid, row["zh"], slogans, figures)
        listed = []
        for quote, css, label, ident in marks:
            target = f"glossary.html#{ident.lower()}" if css == "slogan" else None
            name = (f'<a href="{target}">{_esc(quote)}</a>' if target else _esc(quote))
            kind = "slogan" if css == "slogan" else f"figure {ident}"
            listed.append(f"{name} ({kind}: {_esc(label)})")
        english = [f"<p>{_esc(row['en'])}</p>"]
        if listed:
            english.append('<p class="marks-list"><strong>Marked:</strong> '
                           + "; ".join(listed) + "</p>")
        for _, n in notes[notes["pid"] == pid].iterrows():
            english.append(
                f'<p class="note"><strong>Translation note {_esc(n["nid"])} '
                f'({_esc(n["issue_type"])}):</strong> {_esc(n["zh"])}: the blog has '
                f'“{_esc(n["published_en"])}”. {_esc(n["explanation"])} '
                f'Suggested: “{_esc(n["suggested_en"])}”.</p>')
        out.append(f'<tr id="{pid_anchor(pid)}"><th scope="row" class="pid">{_esc(pid)}</th>'
                   f'<td class="zh" lang="{ZH_LANG}">{_highlight(row["zh"], marks)}</td>'
                   f'<td class="en">{"".join(english)}</td></tr>')
    out.append("</tbody></table>\n")
    return "\n".join(out)


def _occurrences(zh, rows):
    return [pid for pid, para in zip(rows["pid"], rows["zh"]) if text.contains(para, zh)]


def _pid_links(pids):
    return ", ".join(f'<a href="parallel.html#{pid_anchor(p)}">{_esc(p)}</a>' for p in pids) \
        or "not in the report"


def _source_links(field):
    if _blank(field):
        return ""
    parts = [p.strip() for p in str(field).split(";") if p.strip()]
    return ", ".join(f'<a href="sources.html#{source_anchor(p)}">{_esc(p)}</a>'
                     if re.fullmatch(r"S\d+|report", p) else _esc(p) for p in parts)


def glossary_page() -> str:
    """Every slogan and formulation, then every term of our rendering: characters, pinyin,
    English, level and origin, and the paragraphs where each occurs."""
    rows = _load("report")
    slogans, terms = _load("slogans"), _load("terms")
    out = ["# Glossary\n",
           "Slogans, numbered formulations (提法) and named programmes first, from "
           "`data/slogans.csv`; then the terms of the course's English rendering, from "
           "`data/terms.csv`. *Level* says who coined a formulation (central, Shanghai or other: "
           "the glossary's classification, a judgement graded by its confidence); *origin* "
           "gives its sources. *Occurs in* links to the paragraphs of the "
           "[parallel text](parallel.md).\n",
           "## Slogans and formulations\n",
           '<table class="data-table"><caption>Slogans and formulations</caption><thead><tr>'
           '<th scope="col">Characters</th><th scope="col">Pinyin</th><th scope="col">English</th>'
           '<th scope="col">Kind and level</th><th scope="col">Origin</th>'
           '<th scope="col">Occurs in</th></tr></thead><tbody>']
    for _, s in slogans.iterrows():
        english = _esc(s["en"])
        if not _blank(s["standard_en"]) and s["standard_en"] != s["en"]:
            english += f' (standard English: {_esc(s["standard_en"])})'
        out.append(
            f'<tr id="{_esc(s["sid"]).lower()}">'
            f'<th scope="row" lang="{ZH_LANG}">{_esc(s["zh"])}</th>'
            f'<td>{_esc(s["pinyin"])}</td><td>{english}<br><small>{_esc(s["meaning"])}</small></td>'
            f'<td>{_esc(s["kind"])}, {_esc(s["level"])} (confidence {_esc(s["confidence"])})</td>'
            f'<td>{_source_links(s["source"])}</td>'
            f'<td>{_pid_links(_occurrences(s["zh"], rows))}</td></tr>')
    out += ["</tbody></table>\n", "## Terms of our English rendering\n",
            '<table class="data-table"><caption>Terms</caption><thead><tr>'
            '<th scope="col">Characters</th><th scope="col">Pinyin</th><th scope="col">English</th>'
            '<th scope="col">Note</th><th scope="col">Occurs in</th></tr></thead><tbody>']
    for index, t in terms.iterrows():
        note = "" if _blank(t["note"]) else _esc(t["note"])
        out.append(
            f'<tr id="term-{index + 1}"><th scope="row" lang="{ZH_LANG}">{_esc(t["zh"])}</th>'
            f'<td>{_esc(t["pinyin"])}</td><td>{_esc(t["en"])}</td><td>{note}</td>'
            f'<td>{_pid_links(_occurrences(t["zh"], rows))}</td></tr>')
    out.append("</tbody></table>\n")
    return "\n".join(out)


def source_groups(sources) -> tuple[list[str], dict]:
    """The sources grouped by producer type and stance (the labels of data/sources.csv), or by
    the older single ``standpoint`` column where a copy of the data still has only that.

    Returns the grouping columns and {group key tuple: [rows]} in the file's order."""
    columns = [c for c in ("producer_type", "stance") if c in sources.columns] \
        or ["standpoint"]
    groups: dict = {}
    for _, row in sources.iterrows():
        key = tuple("not labelled" if _blank(row[c]) else str(row[c]) for c in columns)
        groups.setdefault(key, []).append(row)
    return columns, groups


def sources_page() -> str:
    """Every source the course cites, grouped by who produced it and its stance, with the same
    labels for every side."""
    columns, groups = source_groups(_load("sources"))
    named = " and ".join(c.replace("_", " ") for c in columns)
    out = ["# Sources\n",
           f"Everything the course cites, from `data/sources.csv`, grouped by {named}. The "
           "labels describe who made a source and from what position, by the same rule for "
           "every side; they are not a verdict on its reliability, which the *confidence* "
           "grade (H, M, L) gives for each use.\n"]
    previous = ()
    for key in sorted(groups):
        for depth, value in enumerate(key):
            if previous[:depth + 1] != key[:depth + 1]:
                out.append(f'{"#" * (depth + 2)} {value}\n')
        previous = key
        items = []
        for row in groups[key]:
            extra = [f"{c.replace('_', ' ')}: {_esc(row[c])}" for c in ("producer", "country")
                     if c in row.index and not _blank(row[c])]
            url = "" if _blank(row["url"]) else _esc(row["url"])
            link = f' <a href="{url}">{url}</a>' if url else ""
            note = "" if _blank(row["note"]) else f' <em>{_esc(row["note"])}</em>'
            items.append(f'<li id="{source_anchor(row["id"])}"><strong>{_esc(row["id"])}</strong> '
                         f'{_esc(row["short"])}. {_esc(row["citation"])}{link} '
                         f'(confidence {_esc(row["confidence"])}{"; " if extra else ""}'
                         f'{"; ".join(extra)}).{note}</li>')
        out.append("<ul>\n" + "\n".join(items) + "\n</ul>\n")
    return "\n".join(out)


def readme_section(heading: str) -> str:
    """One '## heading' section of README.md, as a page of its own."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    if not match:
        raise SiteError(f"README.md has no section '## {heading}'")
    return f"# {heading}\n\n{match.group(1).strip()}\n"


def index_page(lessons) -> str:
    title = manifest.course().get("title", "Counterpart support")
    rows = []
    for lesson in lessons:
        page = lesson.lesson.removesuffix(".ipynb")
        work = (f"[Workbook {lesson.number}]({lesson.workbook})" if lesson.has_workbook else "")
        rows.append(f"| {lesson.number} | [{lesson.title}]({lesson.lesson}) | {lesson.blurb} "
                    f"| {work} |")
        del page
    toc_lessons = "\n".join(lesson.lesson.removesuffix(".ipynb") for lesson in lessons)
    toc_workbooks = "\n".join(lesson.workbook.removesuffix(".ipynb") for lesson in lessons
                              if lesson.has_workbook)
    return f"""# {title}

A course module for China-studies classes built on one primary source: the Shanghai Municipal
Government's report on East-West cooperation and counterpart support
(关于东西部协作与对口支援情况的报告), delivered on 27 October 2022 and published on 17 March 2023.

This website lets you read every lesson and workbook without installing anything. The code,
its outputs and the charts are shown as stored; the widgets appear as static views. To run the
code and use the widgets, each page has a "Run it live" box. The [parallel text](parallel.md)
gives the whole report in Chinese and English, the [glossary](glossary.md) its terms and
slogans, and [sources](sources.md) everything the course cites.

## Lessons and workbooks

| # | Lesson | What it covers | Workbook |
|---|---|---|---|
{chr(10).join(rows)}

## Reference

- [The report, Chinese and English](parallel.md), paragraph by paragraph
- [Glossary](glossary.md) of slogans, formulations and terms
- [Sources](sources.md), grouped by producer and stance
- [The data tables](data.md) and what each column means
- [For instructors](instructors.md): running a class, a session plan, answer keys

Printed handouts (A4 PDF) of the parallel text, the glossary, each lesson and each workbook are
made with `python3 course.py handouts`.

```{{toctree}}
:caption: Lessons
:hidden:
{toc_lessons}
```

```{{toctree}}
:caption: Workbooks
:hidden:
{toc_workbooks}
```

```{{toctree}}
:caption: Reference
:hidden:
parallel
glossary
sources
data
instructors
```
"""


# --- Building --------------------------------------------------------------------------------

def pages(lessons=None) -> list[str]:
    """Every page of the site, as its path under the output folder (without .html)."""
    lessons = lessons if lessons is not None else manifest.lessons()
    return (["index"] + [lesson.lesson.removesuffix(".ipynb") for lesson in lessons]
            + [lesson.workbook.removesuffix(".ipynb") for lesson in lessons if lesson.has_workbook]
            + ["parallel", "glossary", "sources", "data", "instructors"])


def stage(dest: Path = SOURCE_DIR, launch: dict | None = None) -> Path:
    """Write the Sphinx source of the site into ``dest`` (emptied first: it is generated)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(CONFIG_DIR, dest)
    (dest / "_static" / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT, dest / "_static" / "fonts" / FONT.name)
    lessons = manifest.lessons()
    for lesson in lessons:
        stage_notebook(lesson.lesson, dest / lesson.lesson, launch)
        if lesson.has_workbook:
            stage_notebook(lesson.workbook, dest / lesson.workbook, launch)
    generated = {"index.md": index_page(lessons), "parallel.md": parallel_text_page(),
                 "glossary.md": glossary_page(), "sources.md": sources_page(),
                 "instructors.md": readme_section("For instructors"),
                 "data.md": (DATA / "README.md").read_text(encoding="utf-8")}
    for name, content in generated.items():
        (dest / name).write_text(content, encoding="utf-8")
    (dest / SEARCH_WORDS).write_text(search_words(), encoding="utf-8")
    return dest


def search_words() -> str:
    """jieba's user-dictionary lines ("word frequency") for every term and slogan of the
    glossary, so the search index holds them whole as well as in parts."""
    words = dict.fromkeys(str(w) for name in ("slogans", "terms") for w in _load(name)["zh"])
    return "".join(f"{w} 100000\n" for w in words if " " not in w)


def build(out: Path = SITE_DIR, launch: dict | None = None, source: Path = SOURCE_DIR) -> float:
    """Stage and build the website into ``out`` (replaced), offline, warnings as errors.
    Returns the seconds it took."""
    started = time.monotonic()
    stage(source, launch)
    run_sphinx(source, out)
    return time.monotonic() - started


def run_sphinx(source: Path, out: Path) -> None:
    """Sphinx's HTML build of ``source`` into ``out`` (replaced); any warning is an error."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    env.setdefault("MPLCONFIGDIR", str(BUILD / "mplconfig"))
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
               "-d", str(Path(source) / "_doctrees"), str(source), str(out)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SiteError("the website did not build:\n" + result.stdout[-4000:]
                        + result.stderr[-8000:])
