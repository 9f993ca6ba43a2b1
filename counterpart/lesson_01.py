"""Helpers for lesson 01: a timeline chart of counterpart support, one row per event."""
import textwrap

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from .plots import PALETTE

# One colour and marker per confidence grade, so a reader (and a colour-blind reader) can tell
# a confirmed date from a doubtful one.
GRADE_STYLE = {"H": (PALETTE[0], "o", "H: confirmed"),
               "M": (PALETTE[1], "s", "M: one secondary source or an inference"),
               "L": (PALETTE[5], "X", "L: not confirmed")}


def decimal_year(date):
    """'1996', '1996-05' or '1996-09-23' as a year with a fraction (mid-month, mid-year if
    the month is unknown), so dates of different precision share one axis."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + 0.5
    day = parts[2] if len(parts) == 3 else 15
    return year + (parts[1] - 1) / 12 + (day - 1) / 365


def timeline_chart(events, label="event_en", width=48, ax=None):
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

