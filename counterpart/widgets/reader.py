"""The bilingual reader (lessons 02, 05, 07, 08): the report's Chinese beside our English.

Two tracks. Without Chinese (the default) the English stands beside the Chinese. For
learners, ``chinese_first=True`` hides the English of each paragraph until it is asked
for; any word of the paragraph can be glossed from a word list (a dropdown, so the keyboard
reaches it, not a hover tooltip); and pinyin can be shown above the words beyond a chosen
HSK level only. Word lists, levels and pinyin come from data/vocab.csv; the English of a
word is the course's own where it has one, else CC-CEDICT's (data/vocab_cedict.csv).
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from .. import text
from ..data import load, load_bilingual
from ..vocab import LEVELS, cedict_entries, cedict_gloss, level_rank
from .base import CourseWidget, esc, zh

#: The website's parallel text, from a lesson's page (notebooks/NN_x.html); each paragraph's
#: anchor is counterpart.site.pid_anchor(pid).
PARALLEL_TEXT = "../parallel.html"

#: The pinyin choices: a word gets pinyin when its HSK level is above the chosen one. A word
#: in neither HSK list takes the level of its hardest part when it is made of listed words
#: (市政府 = 市 + 政府), else counts as above 7–9.
PINYIN_LEVELS = (("Pinyin: off", "off"), ("Pinyin above HSK 4", "4"),
                 ("Pinyin above HSK 5", "5"), ("Pinyin above HSK 6", "6"),
                 ("Pinyin above HSK 7–9", "7-9"))
NO_WORD = "(choose a word)"


def highlight(zh_text: str, marks: list[tuple[str, str, str]],
              ruby: list[tuple[int, int, str]] = ()) -> str:
    """Escape ``zh_text`` and wrap each (quote, css class, tooltip) in a <mark>, longest
    first; put each (start, end, pinyin) of ``ruby`` above its word, where the word lies
    wholly inside or outside every mark."""
    spans: list[tuple[int, int, str, str]] = []
    plain = text.normalise(zh_text)
    for quote, css, tip in sorted(marks, key=lambda m: -len(m[0])):
        start = plain.find(text.normalise(quote))
        if start >= 0 and not any(s < start + len(quote) and start < e for s, e, *_ in spans):
            spans.append((start, start + len(quote), css, tip))

    def words(start: int, end: int) -> str:
        out, pos = [], start
        for w_start, w_end, pinyin in ruby:
            if start <= w_start and w_end <= end:
                out.append(esc(zh_text[pos:w_start]))
                out.append(f"<ruby>{esc(zh_text[w_start:w_end])}<rt>{esc(pinyin)}</rt></ruby>")
                pos = w_end
        out.append(esc(zh_text[pos:end]))
        return "".join(out)

    out, pos = [], 0
    for start, end, css, tip in sorted(spans):
        out.append(words(pos, start))
        out.append(f'<mark class="{css}" title="{esc(tip)}">{words(start, end)}</mark>')
        pos = end
    out.append(words(pos, len(zh_text)))
    return "".join(out)


def word_spans(zh_text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """Where each of ``words`` stands in ``zh_text``: (start, end, word), reading left to
    right and taking the longest listed word at each place (as the segmenter did)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_first.setdefault(word[:1], []).append(word)
    found, pos = [], 0
    while pos < len(zh_text):
        word = next((w for w in by_first.get(zh_text[pos], ())
                     if zh_text.startswith(w, pos)), None)
        if word:
            found.append((pos, pos + len(word), word))
            pos += len(word)
        else:
            pos += 1
    return found


def word_level(word: str, known: dict[str, str]) -> str:
    """The HSK level of ``word``: its own from ``known`` ({word: level}), else that of its
    hardest part when it splits (longest parts first) into known words, else ''."""
    if word in known:
        return known[word]
    parts, pos = [], 0
    while pos < len(word):
        part = next((word[pos:end] for end in range(len(word), pos, -1)
                     if word[pos:end] in known and end - pos < len(word)), None)
        if part is None:
            return ""
        parts.append(known[part])
        pos += len(part)
    return max(parts, key=level_rank)


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
    and figures highlighted, glosses and translation notes on demand. For learners: the
    English hidden until asked for, a gloss for any word, pinyin above a chosen level."""

    section: widgets.Dropdown          #: the report's section
    paragraph: widgets.Dropdown        #: a paragraph (pid) of that section
    glosses: widgets.ToggleButton      #: list the slogans and figures under the text
    chinese_first: widgets.ToggleButton  #: hide the English of each paragraph until asked
    english: widgets.ToggleButton      #: show (or hide) the English of this paragraph
    pinyin: widgets.Dropdown           #: pinyin above words beyond an HSK level, or off
    word: widgets.Dropdown             #: a word of this paragraph, to gloss
    next_word: widgets.Button          #: gloss the next word (a keyboard path: Tab, Enter)
    gloss: widgets.HTML                #: the chosen word: pinyin, level, English
    display: widgets.HTML              #: the paragraph in both languages
    controls = ("section", "paragraph", "glosses", "chinese_first", "english", "pinyin",
                "word", "next_word")

    def __init__(self, chinese_first: bool = False, pinyin: str = "off") -> None:
        if pinyin not in dict(PINYIN_LEVELS).values():
            raise ValueError(f"pinyin must be one of {', '.join(v for _, v in PINYIN_LEVELS)}"
                             f" (not {pinyin!r})")
        self.rows = load_bilingual().set_index("pid", drop=False)
        self._slogans, self._figures = load("slogans"), load("figures")
        self._notes = load("translation_notes")
        vocab = load("vocab")
        known = {w: level for w, level in zip(vocab["word"], vocab["hsk_level"])
                 if not pd.isna(level)}
        vocab["level"] = [word_level(w, known) for w in vocab["word"]]
        self._words = {pid: part for pid, part in vocab.groupby("pid", sort=False)}
        self._cedict = cedict_entries()
        self._spans: dict[str, list[tuple[int, int, str]]] = {}
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
        self.chinese_first = widgets.ToggleButton(
            value=chinese_first, description="Chinese first",
            tooltip="Hide the English of each paragraph until you ask for it")
        self.english = widgets.ToggleButton(value=not chinese_first)
        self.pinyin = widgets.Dropdown(options=PINYIN_LEVELS, value=pinyin,
                                       layout=widgets.Layout(width="210px"))
        self.word = widgets.Dropdown(description="Gloss a word",
                                     style={"description_width": "initial"})
        self.next_word = widgets.Button(description="Next word", icon="arrow-right",
                                        tooltip="Gloss the next word of this paragraph")
        self.next_word.on_click(self._next_word)
        self.gloss = widgets.HTML()
        self.display = widgets.HTML()
        # Class names for the browser test and for styling: what is glossed, what is read.
        self.gloss.add_class("reader-gloss")
        self.display.add_class("reader-text")
        self.section.observe(self._change_section, names="value")
        self.paragraph.observe(self._change_paragraph, names="value")
        self.chinese_first.observe(self._change_mode, names="value")
        for control in (self.glosses, self.english, self.pinyin):
            control.observe(self._render, names="value")
        self.word.observe(self._show_gloss, names="value")
        self._change_section({"new": self.section.value})
        super().__init__([
            self.section, widgets.HBox([self.paragraph, self.glosses]),
            widgets.HBox([self.chinese_first, self.english, self.pinyin]),
            widgets.HBox([self.word, self.next_word, self.gloss]), self.display])

    # ------------------------------------------------------------------ callbacks

    def _change_section(self, change: dict) -> None:
        part = self.rows[self.rows["section"] == change["new"]]
        options = [(f"{p} ({k})", p) for p, k in zip(part["pid"], part["kind"])]
        self.paragraph.options = options
        self.paragraph.value = options[0][1]

    def _change_paragraph(self, *_: object) -> None:
        pid = self.paragraph.value
        if pid is None:
            return
        words = self._words.get(pid)
        self.word.options = [NO_WORD] + ([] if words is None else list(words["word"]))
        self.word.value = NO_WORD
        self._show_gloss()
        # Each new paragraph starts as the mode says: in Chinese-first mode, English hidden.
        shown = not self.chinese_first.value
        if self.english.value != shown:
            self.english.value = shown          # renders through its observer
        else:
            self._render()

    def _change_mode(self, change: dict) -> None:
        self.english.value = not change["new"]
        self._render()

    def _next_word(self, *_: object) -> None:
        options = list(self.word.options)
        self.word.value = options[(options.index(self.word.value) + 1) % len(options)]

    def _show_gloss(self, *_: object) -> None:
        word, pid = self.word.value, self.paragraph.value
        if word in (None, NO_WORD):
            self.gloss.value = ("<small>Choose a word, or press Next word, to see its "
                                "pinyin, level and English.</small>")
            return
        self.gloss.value = gloss_html(self._words[pid].set_index("word").loc[word], word,
                                      self._cedict)

    def _ruby(self, pid: str, zh_text: str) -> list[tuple[int, int, str]]:
        level = self.pinyin.value
        if level == "off" or pid not in self._words:
            return []
        if pid not in self._spans:
            self._spans[pid] = word_spans(zh_text, list(self._words[pid]["word"]))
        table = self._words[pid].set_index("word")
        above = level_rank(level)
        return [(start, end, table.loc[word, "pinyin"])
                for start, end, word in self._spans[pid]
                if level_rank(table.loc[word, "level"]) > above]

    def _render(self, *_: object) -> None:
        pid = self.paragraph.value
        if pid is None:
            return
        row = self.rows.loc[pid]
        self.english.description = "Hide English" if self.english.value else "Show English"
        self.english.tooltip = ("Hide our English of this paragraph" if self.english.value
                                else "Show our English of this paragraph")
        marks = paragraph_marks(pid, row["zh"], self._slogans, self._figures)
        chinese = highlight(row["zh"], marks, self._ruby(pid, row["zh"]))
        if self.english.value:
            english = (f'<td style="vertical-align:top;padding:6px" lang="en">'
                       f'{esc(row["en"])}</td>')
        else:
            english = ('<td style="vertical-align:top;padding:6px;color:#555" '
                       'class="english-hidden"><i>Our English is hidden: read the Chinese '
                       'first, then press Show English.</i></td>')
        parts = [
            '<table style="width:100%;table-layout:fixed"><tr>'
            f'<td style="vertical-align:top;padding:6px;line-height:2.2" lang="zh-Hans">'
            f'{chinese}</td>{english}</tr></table>',
            f'<p><small>pid {pid} · <mark class="slogan">slogan</mark> '
            f'<mark class="figure">figure</mark> · hover over a highlight for its gloss, or '
            f'press Show glosses</small></p>']
        if self.glosses.value:
            items = "".join(f"<li><b>{zh(q)}</b>: {zh(tip)}</li>" for q, _, tip in marks)
            parts.append(f"<ul>{items or '<li>No slogans or figures here.</li>'}</ul>")
        if self.english.value:      # the notes quote the English: they wait for it too
            for _, n in self._notes[self._notes["pid"] == pid].iterrows():
                parts.append(
                    f'<p class="translation-note"><b>Translation note ({esc(n["issue_type"])}):'
                    f'</b> {zh(n["zh"])}: the blog translation has "{zh(n["published_en"])}". '
                    f'{zh(n["explanation"])} Our suggestion: "{zh(n["suggested_en"])}"</p>')
        self.display.value = "".join(parts)

    # ------------------------------------------------------------------ static forms

    def static_text(self) -> str:
        row = self.rows.loc[self.paragraph.value]
        english = (row["en"] if not self.chinese_first.value
                   else f"(our English, after reading the Chinese: {row['en']})")
        return (f"Bilingual reader, paragraph {row['pid']} "
                f"(see {PARALLEL_TEXT}#p-{row['pid']}):\n{row['zh']}\n{english}")

    def static_html(self) -> str:
        """The paragraph, with pinyin as chosen; in Chinese-first mode the English is folded
        in a <details> element that the reader opens (no script needed)."""
        row = self.rows.loc[self.paragraph.value]
        pid = esc(row["pid"])
        english = f'<blockquote lang="en">{esc(row["en"])}</blockquote>'
        if self.chinese_first.value:
            english = f"<details><summary>Our English</summary>{english}</details>"
        return (f'<p>Bilingual reader: paragraph {pid}. '
                f'<a href="{PARALLEL_TEXT}#{text.pid_anchor(pid)}">'
                'Read it in the parallel text</a>.</p>'
                f'<blockquote lang="zh-Hans">'
                f'{highlight(row["zh"], [], self._ruby(row["pid"], row["zh"]))}</blockquote>'
                f'{english}')


def _level(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def gloss_html(row: pd.Series, word: str, cedict: dict[str, list[tuple[str, str]]]) -> str:
    """One word's gloss: pinyin, HSK level, and the course's English, else CC-CEDICT's."""
    level = _level(row["hsk_level"])
    if level in LEVELS:
        level_text = f"HSK {level.replace('-', '–')}"
    elif row.get("level", "") in LEVELS:
        level_text = f"not in the HSK lists; its hardest part is HSK {row['level']}"
    else:
        level_text = "not in the HSK lists"
    level_text = level_text.replace("7-9", "7–9")
    if not pd.isna(row["en"]):
        english = (f'{zh(row["en"])} <small>(the course’s English, from '
                   f'{esc(row["en_source"])}.csv)</small>')
    else:
        found = cedict_gloss(word, row["pinyin"], cedict)
        english = (f'{zh(found)} <small>(from CC-CEDICT, CC BY-SA 4.0)</small>' if found else
                   "<i>not in the course’s lists or CC-CEDICT: a name or a compound; "
                   "gloss its parts</i>")
    return (f'<div class="word-gloss"><b lang="zh-Hans">{esc(word)}</b> '
            f'<i>{esc(row["pinyin"])}</i> · {level_text} · {english}</div>')


def bilingual_reader(chinese_first: bool = False, pinyin: str = "off") -> BilingualReader:
    """Choose a section and paragraph: Chinese and our English side by side, with glosses.
    ``chinese_first=True`` hides each paragraph's English until asked for; ``pinyin``
    ("off", "4", "5", "6", "7-9") shows pinyin above the words beyond that HSK level."""
    return BilingualReader(chinese_first, pinyin)
