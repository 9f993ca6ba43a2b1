"""Slogan flashcards with a quiz mode (lesson 03)."""
from __future__ import annotations

import random

import ipywidgets as widgets
import pandas as pd

from ..data import load
from .base import CourseWidget, esc, html_table, zh


class Flashcards(CourseWidget):
    """Characters first; reveal pinyin, English and meaning. Quiz mode keeps a score."""

    quiz_mode: widgets.ToggleButton    #: plain cards or a quiz
    front: widgets.HTML                #: the characters
    reveal: widgets.Button             #: show the back
    next: widgets.Button               #: the next card
    back: widgets.HTML                 #: pinyin, English, meaning
    choices: widgets.RadioButtons      #: quiz: four English glosses
    check: widgets.Button              #: quiz: score the choice
    feedback: widgets.HTML             #: quiz: right or not
    score: widgets.HTML                #: quiz: right / asked
    controls = ("quiz_mode", "reveal", "next", "choices", "check")

    def __init__(self, seed: int = 0, only_in_report: bool = True):
        cards = load("slogans")
        if only_in_report:
            cards = cards[cards["in_report"]]
        self.cards = cards.reset_index(drop=True)
        self.seed = seed
        self.order = list(range(len(self.cards)))
        random.Random(seed).shuffle(self.order)
        self.pos, self.right, self.asked, self.answered = 0, 0, 0, False
        self.front, self.back = widgets.HTML(), widgets.HTML()
        self.reveal = widgets.Button(description="Reveal", icon="eye")
        self.next = widgets.Button(description="Next card", icon="arrow-right")
        self.quiz_mode = widgets.ToggleButton(description="Quiz mode", value=False)
        self.choices = widgets.RadioButtons(options=[], layout=widgets.Layout(width="95%"))
        self.check = widgets.Button(description="Check", button_style="primary")
        self.score, self.feedback = widgets.HTML(), widgets.HTML()
        self.reveal.on_click(self._show_back)
        self.next.on_click(self._advance)
        self.check.on_click(self._grade)
        self.quiz_mode.observe(lambda _: self._show_front(), names="value")
        self._show_front()
        super().__init__([self.quiz_mode, self.front, widgets.HBox([self.reveal, self.next]),
                          self.back, self.choices, self.check, self.feedback, self.score])

    def current(self) -> pd.Series:
        """The card on show."""
        return self.cards.iloc[self.order[self.pos]]

    def _options_for(self, row: pd.Series) -> list[str]:
        others = [g for g in self.cards["en"] if g != row["en"]]
        picked = random.Random(f'{self.seed}-{row["zh"]}').sample(others, min(3, len(others)))
        options = picked + [row["en"]]
        random.Random(f'{self.seed}-{row["zh"]}-order').shuffle(options)
        return options

    def _show_front(self) -> None:
        row = self.current()
        self.front.value = (f'<div style="font-size:2.2em" lang="zh-Hans">{esc(row["zh"])}</div>'
                            f'<small>card {self.pos + 1} of {len(self.cards)}</small>')
        self.back.value = ""
        self.feedback.value = ""
        self.answered = False
        self.choices.options = self._options_for(row)
        self.choices.value = None
        self.score.value = f"Score: {self.right} / {self.asked}" if self.quiz_mode.value else ""
        shown = "" if self.quiz_mode.value else "none"
        self.choices.layout.display = self.check.layout.display = shown

    def _show_back(self, *_: object) -> None:
        row = self.current()
        standard = ("" if pd.isna(row["standard_en"]) else
                    f'<br>Established rendering: {zh(row["standard_en"])}')
        self.back.value = (f'<i>{esc(row["pinyin"])}</i><br><b>{zh(row["en"])}</b>{standard}'
                           f'<br>{zh(row["meaning"])}')

    def _advance(self, *_: object) -> None:
        self.pos = (self.pos + 1) % len(self.cards)
        self._show_front()

    def _grade(self, *_: object) -> None:
        if self.choices.value is None:
            self.feedback.value = "Choose one of the English glosses first."
            return
        if self.answered:
            self.feedback.value = "Already scored: press Next card for another."
            return
        self.answered = True
        self.asked += 1
        if self.choices.value == self.current()["en"]:
            self.right += 1
            self.feedback.value = "✔ Correct."
        else:
            self.feedback.value = "✘ Not this one. Press Reveal to see the gloss and meaning."
        self.score.value = f"Score: {self.right} / {self.asked}"

    def _deck(self) -> pd.DataFrame:
        return self.cards.iloc[self.order]

    def static_text(self) -> str:
        return "Flashcards (glossary):\n" + "\n".join(
            f'{r["zh"]} {r["pinyin"]}: {r["en"]}' for _, r in self._deck().iterrows())

    def static_html(self) -> str:
        rows = [[zh(r["zh"]), esc(r["pinyin"]), zh(r["en"]), zh(r["meaning"])]
                for _, r in self._deck().iterrows()]
        return html_table(["Chinese", "Pinyin", "English", "Meaning"], rows,
                          caption="Flashcards: the slogans as a glossary")


def flashcards(seed: int = 0, only_in_report: bool = True) -> Flashcards:
    """Characters first; reveal pinyin, English and meaning. Quiz mode keeps a score."""
    return Flashcards(seed, only_in_report)
