"""The figures explorer (lesson 04): filter the report's figures, see them as bars and quotes.

The chart is drawn as HTML (a table of bars), not as a picture: the browser draws it at once
with its own fonts, long labels wrap instead of being cut off, and a change of filter costs
the kernel only a few milliseconds (a matplotlib redraw took 100-500 ms).
"""
from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..data import load
from ..plots import PALETTE
from .base import CourseWidget, esc, html_table, zh

ANY = "(all)"
QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "about": "about ",
                   "nearly": "nearly ", "unstated": ""}
TITLE = "Figures the report states"
COLOURS = {False: PALETTE[0], True: PALETTE[1]}   # distinct things, counted per time


def value_text(row: pd.Series) -> str:
    """A figure's value in words: 'more than 60,000,000,000 yuan', or 'no number given'."""
    if pd.isna(row["value"]):
        return "no number given"
    return f'{QUALIFIER_WORDS[row["qualifier"]]}{row["value"]:,.0f} {row["unit"]}'


def _bar_rows(rows: pd.DataFrame, unit: str) -> str:
    """Rows of the bar chart for one unit, on a log scale spanning whole powers of ten."""
    logs = np.log10(rows["value"].astype(float).to_numpy())
    low = math.floor(logs.min())
    high = max(math.ceil(logs.max()), low + 1)
    out = [f'<tr><th colspan="3" scope="rowgroup" style="text-align:left">Unit: {esc(unit)} '
           f'(bar length on a log scale from {10.0 ** low:,.0f} to {10.0 ** high:,.0f})</th>'
           "</tr>"]
    for (_, r), log in zip(rows.iterrows(), logs):
        width = max(1.0, 100 * (log - low) / (high - low))
        colour = COLOURS[bool(r["per_time"])]
        kind = "per time" if r["per_time"] else "distinct"
        out.append(
            f'<tr class="bar"><th scope="row" style="text-align:left;font-weight:normal">'
            f'{esc(r["fid"])} {zh(r["counts"])}</th>'
            f'<td style="width:45%"><div title="{esc(kind)}" style="background:{colour};'
            f'height:1em;width:{width:.1f}%"></div></td>'
            f"<td>{esc(value_text(r))}</td></tr>")
    return "".join(out)


def bar_chart_html(chosen: pd.DataFrame) -> str:
    """The chosen figures that have a number, as an HTML bar chart: one scale per unit."""
    plotted = chosen.dropna(subset=["value"])
    if plotted.empty:
        return ""
    groups = "".join(_bar_rows(part, unit) for unit, part in plotted.groupby("unit", sort=True))
    legend = (f'<span style="color:{COLOURS[False]}">■</span> distinct things · '
              f'<span style="color:{COLOURS[True]}">■</span> counted per time (人次 etc.)'
              ).replace("人次", '<span lang="zh-Hans">人次</span>')
    return (f'<figure class="figures-chart" style="margin:0">'
            f"<figcaption><b>{TITLE}</b> ({legend})</figcaption>"
            '<table style="width:100%"><thead><tr><th scope="col">Figure</th>'
            '<th scope="col">Bar</th><th scope="col">Value</th></tr></thead>'
            f"<tbody>{groups}</tbody></table></figure>")


class FiguresExplorer(CourseWidget):
    """Filter data/figures.csv by unit, category, how it counts and translation issue; the
    chosen figures appear as bars (one log scale per unit) and as a table of quotes."""

    unit: widgets.Dropdown       #: yuan, mu, percent, count or (all)
    category: widgets.Dropdown   #: the field a figure belongs to
    per_time: widgets.Dropdown   #: person-times and the like, or distinct things
    issue: widgets.Dropdown      #: what the blog translation did with it
    chart: widgets.HTML          #: the bar chart
    table: widgets.HTML          #: how many match, and their quotes
    selection: pd.DataFrame      #: the figures chosen now
    controls = ("unit", "category", "per_time", "issue")

    def __init__(self, unit: str = "count"):
        self.figures = load("figures")
        self._rows = {r["fid"]: (f'<tr><td>{esc(r["fid"])}</td><td>{esc(r["pid"])}</td>'
                                 f'<td lang="zh-Hans">{esc(r["zh_quote"])}</td>'
                                 f'<td>{esc(value_text(r))}</td><td>{zh(r["counts"])}</td></tr>')
                      for _, r in self.figures.iterrows()}
        self.unit = widgets.Dropdown(options=[ANY] + sorted(set(self.figures["unit"])),
                                     value=unit, description="Unit")
        self.category = widgets.Dropdown(options=[ANY] + sorted(set(self.figures["category"])),
                                         description="Category")
        self.per_time = widgets.Dropdown(options=[(ANY, ANY), ("person-times etc.", True),
                                                  ("distinct things", False)],
                                         description="Counts")
        self.issue = widgets.Dropdown(
            options=[ANY] + sorted(set(self.figures["translation_issue"])),
            description="Translation")
        self.chart = widgets.HTML(layout=widgets.Layout(width="95%"))
        self.table = widgets.HTML()
        for control in (self.unit, self.category, self.per_time, self.issue):
            control.observe(self._update, names="value")
        self._update()
        super().__init__([widgets.HBox([self.unit, self.category]),
                          widgets.HBox([self.per_time, self.issue]), self.chart, self.table])

    def _chosen(self) -> pd.DataFrame:
        keep = np.ones(len(self.figures), dtype=bool)
        for column, control in (("unit", self.unit), ("category", self.category),
                                ("per_time", self.per_time),
                                ("translation_issue", self.issue)):
            if control.value != ANY:
                keep &= (self.figures[column] == control.value).to_numpy(dtype=bool)
        return self.figures[keep]

    def _update(self, *_: object) -> None:
        chosen = self.selection = self._chosen()
        self.chart.value = bar_chart_html(chosen)
        if chosen.empty:
            self.table.value = ("<p>No figure matches these filters. Set one of them back "
                                "to (all) to see more.</p>")
            return
        count = (f"{len(chosen)} figures match." if len(chosen) != 1
                 else "1 figure matches.")
        if chosen["value"].isna().all():
            count += " None of them has a number to chart."
        rows = "".join(self._rows[fid] for fid in chosen["fid"])
        self.table.value = (f"<p>{count}</p><table><thead><tr><th>fid</th><th>pid</th>"
                            "<th>Chinese</th><th>value</th><th>what is counted</th></tr>"
                            f"</thead><tbody>{rows}</tbody></table>")

    def static_text(self) -> str:
        return f"{TITLE} (all {len(self.figures)}):\n" + "\n".join(
            f'{r["fid"]} ({r["pid"]}) {r["zh_quote"]}: {value_text(r)}; {r["counts"]}'
            for _, r in self.figures.iterrows())

    def static_html(self) -> str:
        rows = [[esc(r["fid"]), esc(r["pid"]), zh(r["zh_quote"]), esc(value_text(r)),
                 zh(r["counts"]), esc(r["category"]), "yes" if r["per_time"] else "no"]
                for _, r in self.figures.iterrows()]
        return html_table(["fid", "pid", "Chinese", "value", "what is counted", "category",
                           "per time"], rows, caption=f"{TITLE}: all {len(self.figures)}")


def figures_explorer() -> FiguresExplorer:
    """Filter the report's figures; a chart that updates, and the quote behind each bar."""
    return FiguresExplorer()
