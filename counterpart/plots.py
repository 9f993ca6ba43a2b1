"""Charts for the lessons: labelled, titled, and in a colour-blind-safe palette.

bar_chart for any count; timeline_chart for dated events with a confidence grade (lesson
01); separate_amounts_chart for amounts that must not be added (lesson 06). Widgets draw with
new_axes and png, which keep a chart out of the notebook's own output.
"""
from __future__ import annotations

import io
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def bar_chart(series: pd.Series, title: str, xlabel: str, ylabel: str,
              horizontal: bool = False, ax: Axes | None = None) -> Axes:
    """Draw a pandas Series as bars (index = labels) and return the Axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    labels = [str(label) for label in series.index]
    if horizontal:
        ax.barh(labels, series.values, color=PALETTE[0])
        ax.invert_yaxis()   # first item on top, as in the table
    else:
        ax.bar(labels, series.values, color=PALETTE[0])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax


def new_axes(figsize: tuple[float, float]) -> Axes:
    """Axes on a Figure made without pyplot, for widgets: nothing is shown inline by itself."""
    return Figure(figsize=figsize).subplots()


def png(figure: Figure, dpi: int = 90) -> bytes:
    """The figure as PNG bytes, for an ipywidgets.Image.

    Widgets show charts as images rather than through ipywidgets.Output: an Output widget that
    receives output while the notebook is executed without widget state (course.py execute)
    makes nbclient raise KeyError.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


# --- A timeline (lesson 01) ------------------------------------------------------------------

# One colour and marker per confidence grade, so a reader (and a colour-blind reader) can tell
# a confirmed date from a doubtful one.
GRADE_STYLE = {"H": (PALETTE[0], "o", "H: confirmed"),
               "M": (PALETTE[1], "s", "M: one secondary source or an inference"),
               "L": (PALETTE[5], "X", "L: not confirmed")}


def decimal_year(date: str) -> float:
    """'1996', '1996-05' or '1996-09-23' as a year with a fraction (mid-month, mid-year if
    the month is unknown), so dates of different precision share one axis."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + 0.5
    day = parts[2] if len(parts) == 3 else 15
    return year + (parts[1] - 1) / 12 + (day - 1) / 365


def timeline_chart(events: pd.DataFrame, label: str = "event_en", width: int = 48,
                   ax: Axes | None = None) -> Axes:
    """One row per event (top = earliest), a point at its date, coloured by its confidence.

    ``events`` needs the columns date, confidence and ``label``; long labels are wrapped to
    ``width`` characters. Returns the Axes.
    """
    events = events.reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.45 * len(events) + 1.5))
    rows = range(len(events))
    xs = [decimal_year(d) for d in events["date"]]
    for row, x, grade in zip(rows, xs, events["confidence"]):
        colour, marker, _ = GRADE_STYLE[grade]
        ax.plot([x], [row], marker=marker, color=colour, markersize=8, linestyle="none")
    ax.set_yticks(list(rows), [textwrap.shorten(str(t), width, placeholder="…")
                               for t in events[label]], fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#DDDDDD")
    ax.set_axisbelow(True)
    ax.set_xlabel("Year")
    ax.set_ylabel("Event (earliest at top)")
    first, last = int(min(xs)), int(max(xs))
    ax.set_title("对口支援与东西部协作大事记 Counterpart support and East-West cooperation, "
                 f"{first}–{last}", fontsize=10)
    grades = [g for g in GRADE_STYLE if g in set(events["confidence"])]
    ax.legend(handles=[Line2D([], [], color=GRADE_STYLE[g][0], marker=GRADE_STYLE[g][1],
                              linestyle="none", label=GRADE_STYLE[g][2]) for g in grades],
              title="Confidence of the date", fontsize=7, title_fontsize=7, loc="lower left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.tight_layout()
    return ax


# --- Amounts kept apart (lesson 06) ---------------------------------------------------------

MARKERS = ["o", "s", "D", "^", "v", "P", "X", "*"]
FLOOR_STRETCH = 2.5   # how far right a "more than" arrow reaches (a factor, on a log axis)


def yuan_words(amount: float) -> str:
    """A round amount in words a reader can compare: 1e8 -> '100 million', 3e10 -> '30 billion'."""
    if amount >= 1e9:
        return f"{amount / 1e9:g} billion"
    if amount >= 1e6:
        return f"{amount / 1e6:g} million"
    return f"{amount:,.0f}"


def separate_amounts_chart(money: pd.DataFrame, label: str = "label",
                           ax: Axes | None = None) -> Axes:
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
