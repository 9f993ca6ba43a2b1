"""Helpers for lesson 01: a timeline chart of counterpart support, one row per event, and the
partners map (maps.partners_map() made safe for places the report does not name)."""
import io
import textwrap

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import maps
from .data import load
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


def _describe(row):
    """maps.describe(), safe for places the report does not name: maps.mentions() fails on
    pandas' NA (an empty report_name), so pass an empty string instead."""
    row = row.copy()
    if pd.isna(row["report_name"]):
        row["report_name"] = ""
    return maps.describe(row)


def partners_map():
    """maps.partners_map() with the NA-safe description above: pick a partner and see where it
    is, since when, how far from Shanghai, and where the report names it.

    The map is shown as a PNG in an Image widget rather than through an Output widget: nbclient
    (used by `course.py execute`) raises KeyError when an Output widget receives output while
    widget state is not stored.
    """
    partners = load("partners").reset_index(drop=True)
    labels = [(f'{r.place_en} · {r.relation} · {r.since}', i) for i, r in partners.iterrows()]
    picker = widgets.Dropdown(options=labels, description="Partner",
                              layout=widgets.Layout(width="95%"))
    info = widgets.HTML()
    image = widgets.Image(format="png", layout=widgets.Layout(width="95%"))
    box = widgets.VBox([picker, info, image])

    def show(*_):
        row = partners.loc[picker.value]
        info.value = _describe(row)
        figure = Figure(figsize=(7.5, 5))      # not pyplot: no stray inline copy of the map
        box.axes = maps.draw(partners, highlight=row, ax=figure.subplots())
        png = io.BytesIO()
        figure.savefig(png, format="png", dpi=90)
        image.value = png.getvalue()

    picker.observe(show, names="value")
    show()
    box.picker, box.info, box.image = picker, info, image
    return box
