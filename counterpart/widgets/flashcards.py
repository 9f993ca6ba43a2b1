"""Slogan flashcards with a quiz mode (lessons 03 and 08), in both directions.

Chinese → English (the default): the characters first; the quiz offers four English glosses.
English → Chinese: the course's English first; the quiz asks for the Chinese, typed as
characters or as pinyin with tone marks, tone numbers or no tones, and checks it as the
workbooks do (counterpart.checks.recall). Free English is never string-matched.
"""
from __future__ import annotations

import random

import ipywidgets as widgets
import pandas as pd

from .. import checks
from ..data import load
from .base import CourseWidget, esc, html_table, zh

DIRECTIONS = (("Chinese → English", "zh-en"), ("English → Chinese", "en-zh"))


class Flashcards(CourseWidget):
    """Characters first, or English first; reveal the other side. Quiz mode keeps a score:
    a choice of four glosses (Chinese → English) or the Chinese typed (English → Chinese)."""

    direction: widgets.ToggleButtons   #: Chinese → English or English → Chinese
    quiz_mode: widgets.ToggleButton    #: plain cards or a quiz
    front: widgets.HTML                #: the characters, or the English
    reveal: widgets.Button             #: show the back
    next: widgets.Button               #: the next card
    back: widgets.HTML                 #: pinyin, English, meaning (and the characters)
    choices: widgets.RadioButtons      #: quiz, Chinese → English: four English glosses
    typed: widgets.Text                #: quiz, English → Chinese: characters or pinyin
    check: widgets.Button              #: quiz: score the answer
    feedback: widgets.HTML             #: quiz: right or not
    score: widgets.HTML                #: quiz: right / asked
    controls = ("direction", "quiz_mode", "reveal", "next", "choices", "typed", "check")
    samples = ("对口支援", "dui4kou3 zhi1yuan2", "duikou zhiyuan", "东西部", "x")

    def __init__(self, seed: int = 0, only_in_report: bool = True,
                 direction: str = "zh-en") -> None:
        if direction not in dict(DIRECTIONS).values():
            raise ValueError(f'direction must be "zh-en" or "en-zh" (not {direction!r})')
        cards = load("slogans")
        if only_in_report:
            cards = cards[cards["in_report"]]
        self.cards = cards.reset_index(drop=True)
        self.seed = seed
        self.order = list(range(len(self.cards)))
        random.Random(seed).shuffle(self.order)
        self.pos, self.right, self.asked, self.answered = 0, 0, 0, False
        self.front, self.back = widgets.HTML(), widgets.HTML()
        self.direction = widgets.ToggleButtons(options=DIRECTIONS, value=direction)
        self.reveal = widgets.Button(description="Reveal", icon="eye")
        self.next = widgets.Button(description="Next card", icon="arrow-right")
        self.quiz_mode = widgets.ToggleButton(description="Quiz mode", value=False)
        self.choices = widgets.RadioButtons(options=[], layout=widgets.Layout(width="95%"))
        self.typed = widgets.Text(placeholder="对口支援, duìkǒu zhīyuán or dui4kou3 zhi1yuan2",
                                  description="The Chinese", continuous_update=False,
                                  layout=widgets.Layout(width="95%"))
        self.check = widgets.Button(description="Check", button_style="primary")
        self.score, self.feedback = widgets.HTML(), widgets.HTML()
        self.reveal.on_click(self._show_back)
        self.next.on_click(self._advance)
        self.check.on_click(self._grade)
        self.quiz_mode.observe(lambda _: self._show_front(), names="value")
        self.direction.observe(lambda _: self._show_front(), names="value")
        self._show_front()
        super().__init__([self.direction, self.quiz_mode, self.front,
                          widgets.HBox([self.reveal, self.next]), self.back, self.choices,
                          self.typed, self.check, self.feedback, self.score])

    def current(self) -> pd.Series:
        """The card on show."""
        return self.cards.iloc[self.order[self.pos]]

    @property
    def english_first(self) -> bool:
        return self.direction.value == "en-zh"

    def _options_for(self, row: pd.Series) -> list[str]:
        others = [g for g in self.cards["en"] if g != row["en"]]
        picked = random.Random(f'{self.seed}-{row["zh"]}').sample(others, min(3, len(others)))
        options = picked + [row["en"]]
        random.Random(f'{self.seed}-{row["zh"]}-order').shuffle(options)
        return options

    def _show_front(self) -> None:
        row = self.current()
        if self.english_first:
            face = f'<div style="font-size:1.6em" lang="en">{zh(row["en"])}</div>'
        else:
            face = f'<div style="font-size:2.2em" lang="zh-Hans">{esc(row["zh"])}</div>'
        self.front.value = f'{face}<small>card {self.pos + 1} of {len(self.cards)}</small>'
        self.back.value = ""
        self.feedback.value = ""
        self.answered = False
        self.choices.options = self._options_for(row)
        self.choices.value = None
        self.typed.value = ""
        quiz = self.quiz_mode.value
        self.score.value = f"Score: {self.right} / {self.asked}" if quiz else ""
        self.check.layout.display = "" if quiz else "none"
        self.choices.layout.display = "" if quiz and not self.english_first else "none"
        self.typed.layout.display = "" if quiz and self.english_first else "none"

    def _show_back(self, *_: object) -> None:
        row = self.current()
        standard = ("" if pd.isna(row["standard_en"]) else
                    f'<br>Established rendering: {zh(row["standard_en"])}')
        chinese = (f'<div style="font-size:2.2em" lang="zh-Hans">{esc(row["zh"])}</div>'
                   if self.english_first else "")
        self.back.value = (f'{chinese}<i>{esc(row["pinyin"])}</i><br><b>{zh(row["en"])}</b>'
                           f'{standard}<br>{zh(row["meaning"])}')

    def _advance(self, *_: object) -> None:
        self.pos = (self.pos + 1) % len(self.cards)
        self._show_front()

    def _grade(self, *_: object) -> None:
        row = self.current()
        if self.english_first:
            if checks.is_blank(self.typed.value):
                self.feedback.value = "Type the Chinese first: characters or pinyin."
                return
            result = checks.recall(self.typed.value, row["zh"], row["pinyin"], "")
        else:
            if self.choices.value is None:
                self.feedback.value = "Choose one of the English glosses first."
                return
            result = checks.Feedback(self.choices.value == row["en"], "")
        if self.answered:
            self.feedback.value = "Already scored: press Next card for another."
            return
        self.answered = True
        self.asked += 1
        if result.ok:
            self.right += 1
            extra = result.message.removeprefix("✔ Correct.").strip()
            self.feedback.value = "✔ Correct." + (f" {zh(extra)}" if extra else "")
        elif self.english_first:
            problem = result.message.removeprefix("✘ Not yet: ").strip()
            self.feedback.value = f"✘ Not yet: {esc(problem)} Press Reveal to see the answer."
        else:
            self.feedback.value = "✘ Not this one. Press Reveal to see the gloss and meaning."
        self.score.value = f"Score: {self.right} / {self.asked}"

    def _deck(self) -> pd.DataFrame:
        return self.cards.iloc[self.order]

    def static_text(self) -> str:
        if self.english_first:
            return "Flashcards (English → Chinese):\n" + "\n".join(
                f'{r["en"]}: {r["zh"]} {r["pinyin"]}' for _, r in self._deck().iterrows())
        return "Flashcards (glossary):\n" + "\n".join(
            f'{r["zh"]} {r["pinyin"]}: {r["en"]}' for _, r in self._deck().iterrows())

    def static_html(self) -> str:
        """The deck as a glossary table, its first column the side the cards show first."""
        if self.english_first:
            rows = [[zh(r["en"]), zh(r["zh"]), esc(r["pinyin"]), zh(r["meaning"])]
                    for _, r in self._deck().iterrows()]
            return html_table(["English", "Chinese", "Pinyin", "Meaning"], rows,
                              caption="Flashcards, English → Chinese: the slogans as a "
                                      "glossary")
        rows = [[zh(r["zh"]), esc(r["pinyin"]), zh(r["en"]), zh(r["meaning"])]
                for _, r in self._deck().iterrows()]
        return html_table(["Chinese", "Pinyin", "English", "Meaning"], rows,
                          caption="Flashcards: the slogans as a glossary")


def flashcards(seed: int = 0, only_in_report: bool = True,
               direction: str = "zh-en") -> Flashcards:
    """Characters first (``direction="zh-en"``) or English first (``"en-zh"``); reveal the
    other side. Quiz mode keeps a score: four glosses to choose from, or the Chinese typed."""
    return Flashcards(seed, only_in_report, direction)
