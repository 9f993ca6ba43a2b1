"""The evidence sorter (lesson 06): sort quotes yourself, then compare with the lesson."""
from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from .base import CourseWidget, esc, html_table, zh

READINGS = ("consistent", "against", "silent")


class EvidenceSorter(CourseWidget):
    """One ToggleButtons per quote; Compare sets the student's readings beside the lesson's.

    ``evidence`` needs the columns pid, quote and reading (the lesson's reading, one of
    ``readings``).
    """

    pickers: list[widgets.ToggleButtons]   #: one per quote, in order
    button: widgets.Button                 #: Compare
    result: widgets.HTML                   #: the comparison
    controls = ("pickers", "button")

    def __init__(self, evidence: pd.DataFrame, readings: Sequence[str] = READINGS):
        self.evidence = evidence.reset_index(drop=True)
        self.readings = tuple(readings)
        self.pickers, rows = [], []
        for _, item in self.evidence.iterrows():
            picker = widgets.ToggleButtons(options=list(readings), value=None,
                                           style={"button_width": "90px"})
            self.pickers.append(picker)
            rows.append(widgets.VBox([
                widgets.HTML(f"<b>{esc(item['pid'])}</b> {zh(item['quote'])}"), picker]))
        self.button = widgets.Button(description="Compare", button_style="primary")
        self.result = widgets.HTML("<i>Choose a reading for each quote, then press Compare.</i>")
        self.button.on_click(self._show_comparison)
        super().__init__(rows + [self.button, self.result])

    def _show_comparison(self, _: object) -> None:
        lines, same = [], 0
        for picker, (_, item) in zip(self.pickers, self.evidence.iterrows()):
            yours = picker.value or "(not chosen)"
            same += yours == item["reading"]
            mark = "same" if yours == item["reading"] else "different: can you say why?"
            lines.append([esc(item["pid"]), zh(item["quote"]), esc(yours),
                          esc(item["reading"]), mark])
        self.result.value = (
            f"<p>You read {same} of {len(self.evidence)} quotes as the lesson does. "
            "The lesson's reading is one reading, not the answer key.</p>"
            + html_table(["pid", "quote", "yours", "lesson", "same?"], lines))

    def static_text(self) -> str:
        return (f"Sort each quote as {', '.join(self.readings)}:\n"
                + "\n".join(f"{r['pid']} {r['quote']}" for _, r in self.evidence.iterrows()))

    def static_html(self) -> str:
        rows = [[esc(r["pid"]), zh(r["quote"])] for _, r in self.evidence.iterrows()]
        return (f"<p>Sort each quote as {esc(', '.join(self.readings))}.</p>"
                + html_table(["pid", "quote"], rows))


def evidence_sorter(evidence: pd.DataFrame, readings: Sequence[str] = READINGS
                    ) -> EvidenceSorter:
    """Sort each piece of evidence yourself, then compare with the lesson's reading."""
    return EvidenceSorter(evidence, readings)
