"""The number converter (lesson 04): type a Chinese amount, see how it reads."""
from __future__ import annotations

import html
import re

import ipywidgets as widgets

from .. import numbers
from .base import CourseWidget, esc, zh


def convert_html(typed: str) -> str:
    """What the converter shows for one typed amount (also used by the checks)."""
    if not str(typed).strip():
        return f"<p>Type an amount such as {zh('600多亿元')} or {zh('约40万人次')}.</p>"
    amount = numbers.try_parse(typed)
    if amount is None:
        return (f"<p>Could not read <b>{zh(typed)}</b> as an amount. Try a number with "
                f"its unit, such as {zh('8万亩')}, {zh('近4200人次')} or {zh('2.8亿元')}.</p>")
    value = "no number given" if amount.value is None else f"{amount.value:,.0f}"
    return (f"<p><b>{zh(amount.text)}</b></p><ul>"
            f"<li>value: {value} ({esc(amount.unit)})</li>"
            f"<li>qualifier: {esc(amount.qualifier.replace('_', ' '))}</li>"
            f"<li>counted per time: {'yes' if amount.per_time else 'no'}</li></ul>"
            f"<p>{zh(amount.explanation)}</p>")


def _as_text(fragment: str) -> str:
    """Plain text of a small HTML fragment: list items on their own lines."""
    fragment = re.sub(r"</(p|li)>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


class NumberConverter(CourseWidget):
    """Type an amount as the report writes it (600多亿元) and read its value and qualifier."""

    text: widgets.Text       #: what the student types
    display: widgets.HTML    #: the reading of it
    controls = ("text",)
    samples = ("约40万人次", "909万户", "600多亿元", "不是数字", "", "近4200人次", "2.8亿元")

    def __init__(self, initial: str = "600多亿元"):
        self.text = widgets.Text(value=initial, description="Amount", continuous_update=True,
                                 placeholder="e.g. 约40万人次")
        self.display = widgets.HTML(convert_html(initial))
        self.text.observe(self._show, names="value")
        super().__init__([self.text, self.display])

    def _show(self, change: dict) -> None:
        self.display.value = convert_html(change["new"])

    def static_text(self) -> str:
        return f"Number converter. Amount: {self.text.value}\n{_as_text(self.display.value)}"

    def static_html(self) -> str:
        return (f"<p>Number converter. Amount typed: {zh(self.text.value)}</p>"
                f"{self.display.value}")


def number_converter(initial: str = "600多亿元") -> NumberConverter:
    """Type a Chinese amount and see its value, qualifier and an explanation."""
    return NumberConverter(initial)
