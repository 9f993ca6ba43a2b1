"""The bilingual reader (lessons 02, 05, 07): the report's Chinese beside our English."""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from .. import text
from ..data import load, load_bilingual
from .base import CourseWidget, esc, zh

#: The website's parallel text, from a lesson's page (notebooks/NN_x.html); each paragraph's
#: anchor is counterpart.site.pid_anchor(pid).
PARALLEL_TEXT = "../parallel.html"


def highlight(zh_text: str, marks: list[tuple[str, str, str]]) -> str:
    """Escape ``zh_text`` and wrap each (quote, css class, tooltip) in a <mark>, longest first."""
    spans: list[tuple[int, int, str, str]] = []
    plain = text.normalise(zh_text)
    for quote, css, tip in sorted(marks, key=lambda m: -len(m[0])):
        start = plain.find(text.normalise(quote))
        if start >= 0 and not any(s < start + len(quote) and start < e for s, e, *_ in spans):
            spans.append((start, start + len(quote), css, tip))
    out, pos = [], 0
    for start, end, css, tip in sorted(spans):
        out.append(esc(zh_text[pos:start]))
        out.append(f'<mark class="{css}" title="{esc(tip)}">{esc(zh_text[start:end])}</mark>')
        pos = end
    out.append(esc(zh_text[pos:]))
    return "".join(out)


def paragraph_marks(pid: str, zh_text: str, slogans: pd.DataFrame,
                    figures: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The slogans and figures to highlight in one paragraph: (quote, css class, gloss)."""
    plain = text.normalise(zh_text)
    marks = [(zh, "slogan", f"{pinyin}: {en}")
             for zh, pinyin, en in zip(slogans["zh"], slogans["pinyin"], slogans["en"])
             if text.normalise(zh) in plain]
    mine = figures[figures["pid"] == pid]
    marks += [(quote, "figure", f"{counts} ({fid})")
              for quote, counts, fid in zip(mine["zh_quote"], mine["counts"], mine["fid"])]
    return marks


class BilingualReader(CourseWidget):
    """Choose a section and a paragraph: the Chinese and our English side by side, slogans
    and figures highlighted, glosses and translation notes on demand."""

    section: widgets.Dropdown      #: the report's section
    paragraph: widgets.Dropdown    #: a paragraph (pid) of that section
    glosses: widgets.ToggleButton  #: list the slogans and figures under the text
    display: widgets.HTML          #: the paragraph in both languages
    controls = ("section", "paragraph", "glosses")

    def __init__(self) -> None:
        self.rows = load_bilingual().set_index("pid", drop=False)
        self._slogans, self._figures = load("slogans"), load("figures")
        self._notes = load("translation_notes")
        headings = self.rows[self.rows["kind"] == "heading"].set_index("section")
        sections = []
        for section in dict.fromkeys(self.rows["section"]):
            if section in headings.index:
                name = f'{headings.loc[section, "label"]} {headings.loc[section, "en"]}'
            else:
                name = {"front": "Opening", "end": "Closing"}.get(section, section)
            sections.append((name[:70], section))
        self.section = widgets.Dropdown(options=sections, description="Section",
                                        layout=widgets.Layout(width="95%"))
        self.paragraph = widgets.Dropdown(description="Paragraph")
        self.glosses = widgets.ToggleButton(
            value=False, description="Show glosses",
            tooltip="List the slogans and figures in this paragraph")
        self.display = widgets.HTML()
        self.section.observe(self._change_section, names="value")
        self.paragraph.observe(self._render, names="value")
        self.glosses.observe(self._render, names="value")
        self._change_section({"new": self.section.value})
        super().__init__([self.section, widgets.HBox([self.paragraph, self.glosses]),
                          self.display])

    def _change_section(self, change: dict) -> None:
        part = self.rows[self.rows["section"] == change["new"]]
        options = [(f"{p} ({k})", p) for p, k in zip(part["pid"], part["kind"])]
        self.paragraph.options = options
        self.paragraph.value = options[0][1]

    def _render(self, *_: object) -> None:
        pid = self.paragraph.value
        if pid is None:
            return
        row = self.rows.loc[pid]
        marks = paragraph_marks(pid, row["zh"], self._slogans, self._figures)
        parts = [
            '<table style="width:100%;table-layout:fixed"><tr>'
            f'<td style="vertical-align:top;padding:6px" lang="zh-Hans">'
            f'{highlight(row["zh"], marks)}</td>'
            f'<td style="vertical-align:top;padding:6px" lang="en">{esc(row["en"])}</td>'
            '</tr></table>',
            f'<p><small>pid {pid} · <mark class="slogan">slogan</mark> '
            f'<mark class="figure">figure</mark> · hover over a highlight for its gloss'
            '</small></p>']
        if self.glosses.value:
            items = "".join(f"<li><b>{zh(q)}</b>: {zh(tip)}</li>" for q, _, tip in marks)
            parts.append(f"<ul>{items or '<li>No slogans or figures here.</li>'}</ul>")
        for _, n in self._notes[self._notes["pid"] == pid].iterrows():
            parts.append(
                f'<p class="translation-note"><b>Translation note ({esc(n["issue_type"])}):'
                f'</b> {zh(n["zh"])}: the blog translation has "{zh(n["published_en"])}". '
                f'{zh(n["explanation"])} Our suggestion: "{zh(n["suggested_en"])}"</p>')
        self.display.value = "".join(parts)

    def static_text(self) -> str:
        row = self.rows.loc[self.paragraph.value]
        return (f"Bilingual reader, paragraph {row['pid']} "
                f"(see {PARALLEL_TEXT}#p-{row['pid']}):\n{row['zh']}\n{row['en']}")

    def static_html(self) -> str:
        row = self.rows.loc[self.paragraph.value]
        pid = esc(row["pid"])
        return (f'<p>Bilingual reader: paragraph {pid}. '
                f'<a href="{PARALLEL_TEXT}#{text.pid_anchor(pid)}">'
                'Read it in the parallel text</a>.</p>'
                f'<blockquote lang="zh-Hans">{esc(row["zh"])}</blockquote>'
                f'<blockquote lang="en">{esc(row["en"])}</blockquote>')


def bilingual_reader() -> BilingualReader:
    """Choose a section and paragraph: Chinese and our English side by side, with glosses."""
    return BilingualReader()
