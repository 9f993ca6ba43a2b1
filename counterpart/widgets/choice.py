"""A workbook's multiple-choice task as a widget: pick an option, press Check."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from .base import CourseWidget, esc, zh

LETTERS = "abcdefgh"


class ChoiceQuestion(CourseWidget):
    """Multiple choice. ``check`` takes the chosen letter ("a", "b", ...) and returns the
    workbook's Feedback; the widget shows only what the check says, never the answer."""

    pick: widgets.RadioButtons   #: the options, valued by letter
    button: widgets.Button       #: Check
    feedback: widgets.HTML       #: what the check said
    controls = ("pick", "button")

    def __init__(self, options: Sequence[str], check: Callable[[Any], Any]):
        if len(options) > len(LETTERS):
            raise ValueError(f"at most {len(LETTERS)} options")
        self.options = list(options)
        self.check = check
        self.pick = widgets.RadioButtons(
            options=[(f"{LETTERS[i]}) {o}", LETTERS[i]) for i, o in enumerate(options)],
            value=None, layout=widgets.Layout(width="95%"))
        self.button = widgets.Button(description="Check", button_style="primary")
        self.feedback = widgets.HTML("<i>Choose an answer, then press Check.</i>")
        self.button.on_click(self._on_check)
        super().__init__([self.pick, self.button, self.feedback])

    def _on_check(self, _: object) -> None:
        result = self.check(self.pick.value if self.pick.value is not None else ...)
        self.feedback.value = f'<pre style="white-space:pre-wrap">{zh(result.message)}</pre>'

    def static_text(self) -> str:
        return "Choose one:\n" + "\n".join(f"{LETTERS[i]}) {o}"
                                           for i, o in enumerate(self.options))

    def static_html(self) -> str:
        items = "".join(f"<li>{esc(LETTERS[i])}) {zh(o)}</li>"
                        for i, o in enumerate(self.options))
        return f'<p>Choose one:</p><ul style="list-style:none">{items}</ul>'


def choice_question(options: Sequence[str], check: Callable[[Any], Any]) -> ChoiceQuestion:
    """Multiple choice as a widget: pick an option, press Check, read the feedback.

    ``check`` is a workbook check taking the chosen letter ("a", "b", ...) and returning
    Feedback; the widget never shows the expected answer, only what the check says.
    """
    return ChoiceQuestion(options, check)
