"""Helpers for lesson 06 (who pays, who gains): a chart of the report's money figures that
keeps them apart, and a widget for sorting evidence for and against a hypothesis."""
import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

from .plots import PALETTE

MARKERS = ["o", "s", "D", "^", "v", "P", "X", "*"]
FLOOR_STRETCH = 2.5   # how far right a "more than" arrow reaches (a factor, on a log axis)


def yuan_words(amount):
    """A round amount in words a reader can compare: 1e8 -> '100 million', 3e10 -> '30 billion'."""
    if amount >= 1e9:
        return f"{amount / 1e9:g} billion"
    if amount >= 1e6:
        return f"{amount / 1e6:g} million"
    return f"{amount:,.0f}"


def separate_amounts_chart(money, label="label", ax=None):
    """One row per amount on a log axis, each in its own colour and marker, with no total.

    ``money`` needs the columns value (yuan), qualifier and ``label``. A "more_than" amount is
    a floor, so it gets an arrow pointing right: the true value lies somewhere beyond it.
    Rows are kept apart by rules so the chart does not invite stacking or adding.
    """
    money = money.reset_index(drop=True)
    if money["value"].isna().any():
        raise ValueError("every amount needs a value: a figure without one cannot be placed")
    if len(money) > len(PALETTE):
        raise ValueError(f"at most {len(PALETTE)} amounts, one colour each")
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.9 * len(money) + 1.6))
    for row, item in money.iterrows():
        colour, marker = PALETTE[row], MARKERS[row]
        ax.plot([item["value"]], [row], marker=marker, color=colour, markersize=11,
                linestyle="none")
        if item["qualifier"] == "more_than":
            ax.annotate("", xy=(item["value"] * FLOOR_STRETCH, row), xytext=(item["value"], row),
                        arrowprops={"arrowstyle": "->", "color": colour, "lw": 2})
        if row:
            ax.axhline(row - 0.5, color="#BBBBBB", linewidth=0.8)
    ax.set_xscale("log")
    values = money["value"].to_numpy(dtype=float)
    ax.set_xlim(values.min() / 4, values.max() * FLOOR_STRETCH * 4)
    ax.set_ylim(len(money) - 0.5, -0.5)   # first amount on top, as in the table
    ax.set_yticks(list(range(len(money))), list(money[label]), fontsize=9)
    low, high = ax.get_xlim()
    decades = [10.0 ** k for k in range(int(np.ceil(np.log10(low))), int(np.log10(high)) + 1)]
    ax.set_xticks(decades, [yuan_words(d) for d in decades])
    ax.minorticks_off()
    ax.set_xlabel("Amount in yuan (log scale: each step is ten times the last)")
    ax.set_ylabel("Kind of amount (the report's verb)")
    ax.set_title("The report's four amounts in yuan are four different kinds of money:\n"
                 "each row stands alone, and the rows are not to be added", fontsize=10)
    ax.legend(handles=[Line2D([], [], color="#555555", marker=r"$\rightarrow$", markersize=14,
                              linestyle="none",
                              label='arrow: a floor ("more than"); how much more is not stated')],
              loc="lower right", fontsize=8, frameon=False)
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax


READINGS = ("consistent", "against", "silent")


def evidence_sorter(evidence, readings=READINGS):
    """Sort each piece of evidence yourself, then compare with the lesson's reading.

    ``evidence`` needs the columns pid, quote and reading (the lesson's reading, one of
    ``readings``). Returns a VBox with ``.pickers`` (one ToggleButtons per row), ``.button``
    and ``.result`` (an HTML widget) for tests.
    """
    evidence = evidence.reset_index(drop=True)
    pickers, rows = [], []
    for _, item in evidence.iterrows():
        picker = widgets.ToggleButtons(options=list(readings), value=None,
                                       style={"button_width": "90px"})
        pickers.append(picker)
        rows.append(widgets.VBox([
            widgets.HTML(f"<b>{html.escape(item['pid'])}</b> {html.escape(item['quote'])}"),
            picker]))
    button = widgets.Button(description="Compare", button_style="primary")
    result = widgets.HTML("<i>Choose a reading for each quote, then press Compare.</i>")

    def compare(_):
        lines, same = [], 0
        for picker, (_, item) in zip(pickers, evidence.iterrows()):
            yours = picker.value or "(not chosen)"
            same += yours == item["reading"]
            mark = "same" if yours == item["reading"] else "different: can you say why?"
            lines.append(f"<tr><td>{html.escape(item['pid'])}</td>"
                         f"<td>{html.escape(item['quote'])}</td><td>{yours}</td>"
                         f"<td>{item['reading']}</td><td>{mark}</td></tr>")
        result.value = (f"<p>You read {same} of {len(evidence)} quotes as the lesson does. "
                        "The lesson's reading is one reading, not the answer key.</p>"
                        "<table><tr><th>pid</th><th>quote</th><th>yours</th>"
                        "<th>lesson</th><th></th></tr>" + "".join(lines) + "</table>")

    button.on_click(compare)
    box = widgets.VBox(rows + [button, result])
    box.pickers, box.button, box.result = pickers, button, result
    return box

