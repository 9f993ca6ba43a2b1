"""The term picker (lesson 00 and 05): pick a term, see its characters, pinyin and English."""
from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from ..data import load
from .base import CourseWidget, esc, html_table, zh


def _term_html(row: pd.Series) -> str:
    return (f'<div class="term-card"><span style="font-size:2em" lang="zh-Hans">'
            f'{esc(row["zh"])}</span><br><i>{esc(row["pinyin"])}</i><br>{zh(row["en"])}</div>')


class TermPicker(CourseWidget):
    """Pick one of a few terms of data/terms.csv and see its characters, pinyin and English."""

    picker: widgets.Dropdown   #: the term, by its characters
    display: widgets.HTML      #: the chosen term's card
    controls = ("picker",)

    def __init__(self, terms: Sequence[str] = ("对口支援", "东西部协作", "对口帮扶", "民族团结")):
        table = load("terms").set_index("zh", drop=False)
        missing = [t for t in terms if t not in table.index]
        if missing:
            raise ValueError(f"not in data/terms.csv: {', '.join(missing)}")
        self.terms = table.loc[list(terms)]
        self._cards = {t: _term_html(table.loc[t]) for t in terms}
        self.picker = widgets.Dropdown(options=list(terms), value=terms[0], description="Term")
        self.display = widgets.HTML(self._cards[terms[0]])
        self.picker.observe(self._show, names="value")
        super().__init__([self.picker, self.display])

    def _show(self, change: dict) -> None:
        self.display.value = self._cards[change["new"]]

    def static_text(self) -> str:
        return "\n".join(f'{r["zh"]} {r["pinyin"]}: {r["en"]}' for _, r in self.terms.iterrows())

    def static_html(self) -> str:
        rows = [[zh(r["zh"]), esc(r["pinyin"]), zh(r["en"])] for _, r in self.terms.iterrows()]
        return html_table(["Chinese", "Pinyin", "English"], rows, caption="Terms")


def term_picker(terms: Sequence[str] = ("对口支援", "东西部协作", "对口帮扶", "民族团结")
                ) -> TermPicker:
    """Pick a term and see its characters, pinyin and English."""
    return TermPicker(terms)
